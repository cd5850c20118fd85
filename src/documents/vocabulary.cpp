// The closed sets of the documents module and how each language writes amounts, dates and
// rates.
#include <array>
#include <cctype>
#include <string>

#include "kreditor/documents/document_kind.hpp"
#include "kreditor/documents/element.hpp"
#include "kreditor/documents/language.hpp"
#include "kreditor/documents/render.hpp"

KREDITOR_NAMESPACE_BEGIN

namespace {

constexpr std::array<std::string_view, element_count> element_names{
    "creditor_name", "creditor_org_number", "creditor_address", "creditor_contact", "creditor_account",
    "debtor_name", "debtor_address", "debtor_org_number", "claim_description", "principal",
    "fees_itemised", "interest_amount", "interest_rate", "interest_from", "total_due",
    "payment_reference", "deadline", "consequence_of_nonpayment", "further_costs_warning",
    "objection_instructions", "complaints_body", "instalments", "breach_consequence",
    "signature_debtor", "signature_creditor", "late_interest_terms", "reminder_fee_terms"};

constexpr std::array<std::string_view, 6> kind_names{"reminder",       "collection_warning", "collection_demand",
                                                      "payment_plan",   "debt_acknowledgment", "invoice_clause"};
constexpr std::array<std::string_view, 5> language_names{"nb", "sv", "da", "fi", "en"};
constexpr std::array<std::string_view, 3> format_names{"text", "html", "json"};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

template <class Enum, std::size_t N>
result<Enum> parse_name(const std::array<std::string_view, N>& names, std::string_view text, std::string_view what,
                        bool fold_case) {
  const std::string key = fold_case ? lower(text) : std::string(text);
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == key) return static_cast<Enum>(i);
  std::string known;
  for (std::string_view n : names) known += (known.empty() ? "" : ", ") + std::string(n);
  return failure{errc::invalid_argument,
                 "unknown " + std::string(what) + " '" + std::string(text) + "' (known: " + known + ")"};
}

// Groups the integer digits of `digits` by three with `sep`.
std::string grouped(const std::string& digits, std::string_view sep) {
  std::string out;
  const std::size_t n = digits.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (i > 0 && (n - i) % 3 == 0) out += sep;
    out += digits[i];
  }
  return out;
}

}  // namespace

std::string_view to_string(element e) noexcept { return element_names[static_cast<std::size_t>(e)]; }
result<element> parse_element(std::string_view text) {
  return parse_name<element>(element_names, text, "document element", false);
}

std::string_view to_string(document_kind k) noexcept { return kind_names[static_cast<std::size_t>(k)]; }
result<document_kind> parse_document_kind(std::string_view text) {
  return parse_name<document_kind>(kind_names, text, "document kind", false);
}

std::string_view to_string(document_format f) noexcept { return format_names[static_cast<std::size_t>(f)]; }
result<document_format> parse_document_format(std::string_view text) {
  return parse_name<document_format>(format_names, text, "document format", false);
}

std::string_view to_string(language l) noexcept { return language_names[static_cast<std::size_t>(l)]; }
result<language> parse_language(std::string_view text) {
  if (lower(text) == "no") return language::nb;  // the country code people type for bokmål
  return parse_name<language>(language_names, text, "language", true);
}

language language_of(jurisdiction j) noexcept {
  switch (j) {
    case jurisdiction::no: return language::nb;
    case jurisdiction::se: return language::sv;
    case jurisdiction::dk: return language::da;
    case jurisdiction::fi: return language::fi;
    case jurisdiction::eu: return language::en;
  }
  return language::en;
}

std::string format_amount(money m, language l) {
  // to_string(money) is exact ("-1234.50"); only the marks change. Nordic typography groups
  // with a (no-break in print, plain here) space; Danish with a point.
  std::string exact = to_string(m);
  const bool negative = !exact.empty() && exact[0] == '-';
  if (negative) exact.erase(0, 1);
  const std::size_t point = exact.find('.');
  const std::string whole = exact.substr(0, point);
  const std::string fraction = point == std::string::npos ? "" : exact.substr(point + 1);
  const std::string_view group = l == language::en ? "," : (l == language::da ? "." : " ");
  const std::string_view mark = l == language::en ? "." : ",";
  std::string out = (negative ? "-" : "") + grouped(whole, group);
  if (!fraction.empty()) out += std::string(mark) + fraction;
  return out;
}

std::string format_date(date d, language l) {
  const std::string iso = to_string(d);  // YYYY-MM-DD
  if (l == language::sv || l == language::en) return iso;
  return iso.substr(8, 2) + "." + iso.substr(5, 2) + "." + iso.substr(0, 4);
}

std::string format_percent(rate r, language l) {
  std::string s = r.percent_string();
  if (l == language::en) return s + "%";
  for (char& c : s)
    if (c == '.') c = ',';
  return s + " %";
}

KREDITOR_NAMESPACE_END
