// Documents through one view: the notice as JSON (exact amounts, the language's spelling of
// them, the wording's sentences filled in, which required elements are present). The JSON
// output is that view; text and HTML are Mustache layouts over it. Wording lives in
// words.<lang>.json so a host changes a sentence without touching a layout or recompiling.
// The agreement (agreement.cpp) and the invoice clause (invoice_clause.cpp) render through
// the same view (documents/view.hpp); the template files are template_set.cpp's.
#include "kreditor/documents/render.hpp"

#include <algorithm>
#include <optional>

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

#include "documents/mustache.hpp"
#include "documents/view.hpp"
#include "jurisdiction/data_support.hpp"

KREDITOR_NAMESPACE_BEGIN

namespace {

using nlohmann::json;
namespace mu = kainjow::mustache;
using detail::put;

// The sentences a words file can hold for a document kind that ARE legally required elements:
// present when the wording has a non-empty sentence for them.
constexpr element sentence_elements[] = {element::consequence_of_nonpayment, element::further_costs_warning,
                                         element::objection_instructions,    element::complaints_body,
                                         element::breach_consequence,        element::signature_debtor,
                                         element::signature_creditor};

mu::data to_mustache(const json& j) {
  switch (j.type()) {
    case json::value_t::object: {
      mu::data d{mu::data::type::object};
      for (const auto& [k, v] : j.items()) d.set(k, to_mustache(v));
      return d;
    }
    case json::value_t::array: {
      mu::data d{mu::data::type::list};
      for (const json& v : j) d.push_back(to_mustache(v));
      return d;
    }
    case json::value_t::string: return mu::data{j.get<std::string>()};
    case json::value_t::boolean: return mu::data{j.get<bool>()};
    case json::value_t::null: return mu::data{false};
    default: return mu::data{j.dump()};
  }
}


/// The sentence for `j`/`s` in a words entry: a string, or an object keyed "NO.b2c", "NO",
/// "*" (most specific first); absent: empty.
std::string pick(const json& entry, jurisdiction j, segment s) {
  if (entry.is_string()) return entry.get<std::string>();
  if (!entry.is_object()) return {};
  const std::string code(to_string(j));
  for (const std::string& key : {code + "." + std::string(to_string(s)), code, std::string("*")})
    if (auto it = entry.find(key); it != entry.end() && it->is_string()) return it->get<std::string>();
  return {};
}

json words_of(const template_set& t, language l) {
  const std::string name = "words." + std::string(to_string(l)) + ".json";
  return detail::parse_json(t.file(name), name);  // a few KB per letter: not worth a cache
}

/// The data part of the view: everything the notice holds, no wording.
json data_view(const notice& n) {
  const language l = n.language;
  json v;
  v["kind"] = to_string(n.kind);
  v["customer_id"] = n.customer_id;
  v["language"] = to_string(l);
  v["jurisdiction"] = to_string(n.jurisdiction);
  v["segment"] = to_string(n.segment);
  v["is_b2c"] = n.segment == segment::b2c;
  v["currency"] = n.currency.code();
  put(v, "sent", n.sent, l);
  if (n.deadline) put(v, "deadline", *n.deadline, l);
  else v["deadline"] = v["deadline_text"] = nullptr;
  v["steps"] = n.steps;
  // Absent text is null, not "": a Mustache section over it ({{#debtor.address}}) then skips.
  auto text_or_null = [](const std::string& s) { return s.empty() ? json(nullptr) : json(s); };
  auto who = [&](const party& p) {
    return json{{"name", text_or_null(p.name)}, {"org_number", text_or_null(p.org_number)},
                {"address", text_or_null(p.address)}, {"contact", text_or_null(p.contact)}};
  };
  v["creditor"] = who(n.creditor);
  v["creditor"]["account"] = text_or_null(n.account);
  v["debtor"] = who(n.debtor);
  json invoices = json::array();
  for (const notice_invoice& i : n.invoices) {
    json x;
    x["invoice_id"] = i.invoice_id;
    put(x, "issue_date", i.issue_date, l);
    put(x, "due_date", i.due_date, l);
    x["reference"] = text_or_null(i.reference);
    put(x, "amount", i.amount, l);
    put(x, "principal", i.principal, l);
    json fees = json::array();
    for (const notice_fee& f : i.fees) {
      json fee{{"step", f.step}};
      put(fee, "charged", f.charged, l);
      put(fee, "amount", f.amount, l);
      fees.push_back(std::move(fee));
    }
    x["fees"] = fees;
    put(x, "fee", i.fee, l);
    put(x, "fees_open", i.fees_open, l);
    put(x, "interest", i.interest, l);
    if (i.interest_settled.is_zero()) x["interest_settled"] = x["interest_settled_text"] = nullptr;
    else put(x, "interest_settled", i.interest_settled, l);
    json periods = json::array();
    for (const interest_period& p : i.interest_periods) {
      json period{{"days", p.days}, {"rate_percent", p.annual.percent_string()},
                  {"rate_text", format_percent(p.annual, l)}, {"uncertain", p.uncertain}};
      put(period, "from", p.from, l);
      put(period, "to", p.to, l);
      put(period, "balance", p.balance, l);
      put(period, "interest", p.interest, l);
      periods.push_back(std::move(period));
    }
    x["interest_periods"] = periods;
    put(x, "total", i.total, l);
    invoices.push_back(std::move(x));
  }
  v["invoices"] = invoices;
  put(v, "principal", n.principal, l);
  put(v, "fees", n.fees, l);
  put(v, "interest", n.interest, l);
  put(v, "total", n.total, l);
  return v;
}

/// The wording of `n`'s kind, each sentence rendered over the data view (so it can name the
/// deadline or the total), plus the labels.
json text_view(const notice& n, const template_set& t, const json& data) {
  const json words = words_of(t, n.language);
  json text = words.value("labels", json::object());
  if (!text.is_object()) text = json::object();  // a set's files are checked when added; stay safe
  const json kinds = words.value("kinds", json::object());
  if (auto it = kinds.find(std::string(to_string(n.kind))); it != kinds.end() && it->is_object())
    for (const auto& [key, entry] : it->items()) {
      const std::string sentence = pick(entry, n.jurisdiction, n.segment);
      if (!sentence.empty())
        text[key] = detail::render_mustache(sentence, data, "words." + std::string(to_string(n.language)) + ".json kinds." +
                                                        std::string(to_string(n.kind)) + "." + key, false);
    }
  return text;
}

bool data_element_present(const notice& n, element e) {
  auto every_invoice = [&](auto&& pred) { return std::all_of(n.invoices.begin(), n.invoices.end(), pred); };
  auto interest_shown = [&](const notice_invoice& i) { return i.interest.is_zero() || !i.interest_periods.empty(); };
  switch (e) {
    case element::creditor_name: return !n.creditor.name.empty();
    case element::creditor_org_number: return !n.creditor.org_number.empty();
    case element::creditor_address: return !n.creditor.address.empty();
    case element::creditor_contact: return !n.creditor.contact.empty();
    case element::creditor_account: return !n.account.empty();
    case element::debtor_name: return !n.debtor.name.empty();
    case element::debtor_address: return !n.debtor.address.empty();
    case element::debtor_org_number: return !n.debtor.org_number.empty();
    case element::claim_description: return !n.invoices.empty();
    case element::principal:
    case element::fees_itemised:
    case element::interest_amount:
    case element::total_due: return !n.invoices.empty();
    case element::interest_rate:
    case element::interest_from: return every_invoice(interest_shown);
    case element::payment_reference: return every_invoice([](const notice_invoice& i) { return !i.reference.empty(); });
    case element::deadline: return n.deadline.has_value();
    default: return false;  // invoice clauses are not part of a notice
  }
}

/// `view`: the document's data with its "text" (the wording) and, for a plan, "instalments".
bool element_present(const notice& n, const json& view, element e) {
  const bool sentence =
      std::find(std::begin(sentence_elements), std::end(sentence_elements), e) != std::end(sentence_elements);
  if (sentence) return view.contains("text") && view["text"].contains(std::string(to_string(e)));
  if (e == element::instalments) return view.contains("instalments") && !view["instalments"].empty();
  return data_element_present(n, e);
}

std::vector<std::pair<element, bool>> presence(const notice& n, const json& view,
                                               std::span<const notice_requirement> rules,
                                               std::vector<const notice_requirement*>* applied = nullptr) {
  std::array<bool, element_count> required{};
  const auto apply = requirements_for(rules, n.jurisdiction, n.segment, n.kind, n.sent);
  for (const notice_requirement* r : apply)
    for (element e : r->elements) required[static_cast<std::size_t>(e)] = true;
  if (applied) *applied = apply;
  std::vector<std::pair<element, bool>> out;
  for (std::size_t i = 0; i < element_count; ++i) {
    if (!required[i]) continue;
    const auto e = static_cast<element>(i);
    out.emplace_back(e, element_present(n, view, e));
  }
  return out;
}

}  // namespace

namespace detail {

void put(json& j, const std::string& key, money m, language l) {
  j[key] = to_string(m);
  j[key + "_text"] = format_amount(m, l);
}
void put(json& j, const std::string& key, date d, language l) {
  j[key] = to_string(d);
  j[key + "_text"] = format_date(d, l);
}

/// The data view with its wording: what presence() reads. `extra` joins the data first (an
/// agreement's instalments), so the wording can name it.
json worded_view(const notice& n, const template_set& t, const json& extra) {
  json v = data_view(n);
  for (const auto& [k, x] : extra.items()) v[k] = x;
  v["text"] = text_view(n, t, v);
  return v;
}

json full_view(const notice& n, const template_set& t, std::span<const notice_requirement> rules, const json& extra) {
  json v = worded_view(n, t, extra);
  std::vector<const notice_requirement*> applied;
  json req = json::object();
  for (const auto& [e, present] : presence(n, v, rules, &applied)) req[std::string(to_string(e))] = present;
  v["required_elements"] = req;
  json conditional = json::object();
  for (const notice_requirement* r : applied)
    for (const auto& [e, condition] : r->conditional_elements)
      conditional[std::string(to_string(e))] = {{"present", element_present(n, v, e)}, {"condition", condition}};
  v["conditional_elements"] = conditional;
  json laws = json::array();
  for (const notice_requirement* r : applied)
    laws.push_back({{"id", r->id}, {"law", r->law}, {"source", r->source}, {"uncertain", r->uncertain}});
  v["requirements"] = laws;
  return v;
}

std::string render_mustache(const std::string& text, const json& view, std::string_view file, bool html) {
  mu::mustache tmpl{text};
  if (!tmpl.is_valid())
    throw error(errc::invalid_argument, "template " + std::string(file) + ": " + tmpl.error_message());
  if (!html) tmpl.set_custom_escape([](const std::string& s) { return s; });
  std::string out = tmpl.render(to_mustache(view));
  if (!tmpl.is_valid())
    throw error(errc::invalid_argument, "template " + std::string(file) + ": " + tmpl.error_message());
  return out;
}

}  // namespace detail

std::vector<std::pair<element, bool>> required_elements(const notice& n, const template_set& templates,
                                                        std::span<const notice_requirement> rules) {
  return presence(n, detail::worded_view(n, templates), rules);
}

void check_notice(const notice& n, const template_set& templates, std::span<const notice_requirement> rules) {
  std::vector<const notice_requirement*> applied;
  std::string missing;
  for (const auto& [e, present] : presence(n, detail::worded_view(n, templates), rules, &applied))
    if (!present) missing += (missing.empty() ? "" : ", ") + std::string(to_string(e));
  if (missing.empty()) return;
  std::string laws;
  for (const notice_requirement* r : applied) laws += "; " + r->law;
  throw error(errc::legal_violation, "notice to " + n.customer_id + " (" + std::string(to_string(n.jurisdiction)) +
                                         " " + std::string(to_string(n.segment)) + " " +
                                         std::string(to_string(n.kind)) + laws + "): missing " + missing);
}

std::string render_notice(const notice& n, document_format format, const template_set& templates,
                          std::span<const notice_requirement> rules) {
  const json view = detail::full_view(n, templates, rules);
  switch (format) {
    case document_format::json: return view.dump(1);
    case document_format::text: return detail::render_mustache(templates.file("notice.txt.mustache"), view, "notice.txt.mustache", false);
    case document_format::html:
      return detail::render_mustache(templates.file("notice.html.mustache"), view, "notice.html.mustache", true);
  }
  return {};
}

KREDITOR_NAMESPACE_END
