// Limitation as the law's data says: the period from the due date (or when the claim arose),
// each interruption whose cause the rule lists starting a new period of its cause's years, an
// absolute limit no interruption passes. Years are calendar years: 29 February + 1 year is
// 28 February (add_months with month_end::clamp).
#include "kreditor/documents/limitation.hpp"

#include <algorithm>
#include <array>
#include <tuple>

#include <nlohmann/json.hpp>

#include "documents/law_rows.hpp"

KREDITOR_NAMESPACE_BEGIN

namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 6> kind_names{"part_payment", "promise",    "debt_acknowledgment",
                                                      "written_demand", "legal_step", "judgment"};

/// `years` after `d`; a period that would end after 9999-12-31, the last day the library
/// represents, ends on it (earlier than the law's: an alert comes too soon, never too late).
date plus_years(date d, int years) {
  if (static_cast<int>(d.year()) + years > 9999) return date(9999, 12, 31);
  return add_months(d, 12 * years, month_end::clamp);
}

/// The data's cause for a kind: the specific one first ("written_acknowledgment_of_existence_and_
/// amount", "legal_step_judgment"), then its general one.
std::array<std::string_view, 2> causes_of(interruption_kind k) {
  switch (k) {
    case interruption_kind::part_payment:
    case interruption_kind::promise: return {"acknowledgment", "acknowledgment"};
    case interruption_kind::debt_acknowledgment:
      return {"written_acknowledgment_of_existence_and_amount", "acknowledgment"};
    case interruption_kind::written_demand: return {"written_demand", "written_demand"};
    case interruption_kind::legal_step: return {"legal_step", "legal_step"};
    case interruption_kind::judgment: return {"legal_step_judgment", "legal_step"};
  }
  return {"", ""};
}

int int_field(const json& r, const char* key, const std::string& at, int lo, int hi) {
  if (!r.contains(key) || !r[key].is_number_integer() || r[key].get<std::int64_t>() < lo || r[key].get<std::int64_t>() > hi)
    throw error(errc::invalid_argument,
                at + "." + key + ": a whole number " + std::to_string(lo) + ".." + std::to_string(hi) + " expected");
  return r[key].get<int>();
}

std::vector<limitation_rule> rows_from_json(const json& doc, const std::string& who) {
  return detail::law_rows<limitation_rule>(doc, who, "kreditor.limitation/1", "rows", [](const json& r, const std::string& where) {
    limitation_rule q;
    const std::string at = detail::read_row_head(q, r, where);
    q.period_years = int_field(r, "period_years", at, 1, 100);
    const std::string runs_from = detail::json_string(r, "runs_from", at);
    if (runs_from != "due_date" && runs_from != "claim_arose")
      throw error(errc::invalid_argument, at + ".runs_from: \"due_date\" or \"claim_arose\" expected");
    q.runs_from_due_date = runs_from == "due_date";
    if (!r.contains("interrupted_by") || !r["interrupted_by"].is_array())
      throw error(errc::invalid_argument, at + ".interrupted_by: an array expected");
    for (const json& c : r["interrupted_by"]) {
      const std::string cause = c.is_string() ? c.get<std::string>() : "";
      if (cause != "acknowledgment" && cause != "written_demand" && cause != "legal_step")
        throw error(errc::invalid_argument,
                    at + ".interrupted_by: \"acknowledgment\", \"written_demand\" or \"legal_step\" expected");
      q.interrupted_by.push_back(cause);
    }
    q.new_period_years = int_field(r, "new_period_years", at, 1, 100);
    if (r.contains("new_period_years_by_cause")) {
      const json& c = r["new_period_years_by_cause"];
      if (!c.is_object()) throw error(errc::invalid_argument, at + ".new_period_years_by_cause: an object expected");
      for (const auto& [cause, years] : c.items())
        q.new_period_years_by_cause.emplace_back(cause, int_field(c, cause.c_str(), at + ".new_period_years_by_cause", 1, 100));
    }
    if (r.contains("absolute_limit_years") && !r["absolute_limit_years"].is_null())
      q.absolute_limit_years = int_field(r, "absolute_limit_years", at, 1, 100);
    detail::read_provenance(q, r, at);
    return q;
  });
}

}  // namespace

std::string_view to_string(interruption_kind k) noexcept { return kind_names[static_cast<std::size_t>(k)]; }

result<interruption_kind> parse_interruption_kind(std::string_view text) {
  for (std::size_t i = 0; i < kind_names.size(); ++i)
    if (kind_names[i] == text) return static_cast<interruption_kind>(i);
  return failure{errc::invalid_argument,
                 "unknown interruption '" + std::string(text) +
                     "' (known: part_payment, promise, debt_acknowledgment, written_demand, legal_step, judgment)"};
}

const std::vector<limitation_rule>& shipped_limitation_rules() {
  static const std::vector<limitation_rule> rules = rows_from_json(
      detail::parse_json(detail::shipped_data("limitation.json"), "limitation.json"), "limitation.json");
  return rules;
}

result<std::vector<limitation_rule>> load_limitation_rules_json(std::string_view text) {
  return detail::loaded_rows(text, "limitation", [](const json& doc) { return rows_from_json(doc, "limitation"); });
}

result<limitation> limitation_of(std::span<const limitation_rule> rules, jurisdiction j, segment s, date issued,
                                 date due, std::span<const interruption> events) {
  const limitation_rule* rule = nullptr;
  for (const limitation_rule& r : rules) {
    if (r.jurisdiction != j || due < r.effective_from || (r.effective_until && *r.effective_until < due)) continue;
    if (std::find(r.segments.begin(), r.segments.end(), s) == r.segments.end()) continue;
    if (!rule || rule->effective_from < r.effective_from) rule = &r;
  }
  if (!rule)
    return failure{errc::not_found, "limitation: no rule for " + std::string(to_string(j)) + " " +
                                        std::string(to_string(s)) + " claims due " + to_string(due)};
  limitation out;
  out.rule = rule;
  out.uncertain = rule->uncertain;
  out.runs_from = rule->runs_from_due_date ? due : issued;
  out.expires = plus_years(out.runs_from, rule->period_years);
  const std::optional<date> absolute =
      rule->absolute_limit_years ? std::optional<date>(plus_years(out.runs_from, *rule->absolute_limit_years)) : std::nullopt;
  const auto by_date = [](const interruption& a, const interruption& b) { return a.on < b.on; };
  std::vector<interruption> copy;  // only when the caller's events are not in date order
  if (!std::is_sorted(events.begin(), events.end(), by_date)) {
    copy.assign(events.begin(), events.end());
    std::stable_sort(copy.begin(), copy.end(), by_date);
    events = copy;
  }
  for (const interruption& e : events) {
    // Before the period starts nothing runs to interrupt; after it ended the claim is barred
    // and an acknowledgment does not revive it here (whether it could is for a court).
    if (e.on < out.runs_from || out.expires < e.on) continue;
    const auto causes = causes_of(e.kind);
    if (std::find(rule->interrupted_by.begin(), rule->interrupted_by.end(), causes[1]) == rule->interrupted_by.end())
      continue;
    int years = rule->new_period_years;
    bool specific = false;
    for (const auto& [cause, y] : rule->new_period_years_by_cause)
      if (cause == causes[0]) { years = y; specific = true; }
    if (!specific)
      for (const auto& [cause, y] : rule->new_period_years_by_cause)
        if (cause == causes[1]) years = y;
    out.expires = std::max(out.expires, plus_years(e.on, years));
    out.counted.push_back(e);
  }
  if (absolute && *absolute < out.expires) out.expires = *absolute;
  return out;
}

KREDITOR_NAMESPACE_END
