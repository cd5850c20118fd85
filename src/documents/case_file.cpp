// The case file: the book's view of each of the customer's claims, as dated history. Nothing
// is recomputed: amounts are the run's, the history the book's (invoice_view: notices,
// overlays, balance changes, settlements), limitation the law's data over that history.
#include "kreditor/documents/case_file.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "documents/claim_support.hpp"
#include "documents/mustache.hpp"
#include "kreditor/documents/claim_limitation.hpp"
#include "kreditor/dunning/machine.hpp"

KREDITOR_NAMESPACE_BEGIN

namespace {

using nlohmann::json;

std::vector<case_event> events_of(const dunning::overlays& o) {
  std::vector<case_event> out;
  for (const dunning::dispute& d : o.disputes) {
    out.push_back({d.opened, "dispute_opened", {}, {}});
    if (d.resolved) out.push_back({*d.resolved, "dispute_resolved", {}, {}});
  }
  for (const dunning::promise& p : o.promises) out.push_back({p.made, "promise", p.until, {}});
  if (o.plan) {
    std::string detail;
    for (const dunning::installment_status& i : o.plan->installments)
      detail += (detail.empty() ? "" : "; ") + to_string(i.due) + " " + to_string(i.amount) + " (paid " +
                to_string(i.paid) + ")";
    out.push_back({o.plan->agreed, "plan_agreed", {}, detail});
  }
  for (const dunning::hold_period& h : o.holds) out.push_back({h.from, "hold", h.until, {}});
  for (const date& e : o.escalations) out.push_back({e, "escalated", {}, {}});
  if (o.written_off) out.push_back({*o.written_off, "written_off", {}, {}});
  if (o.legal_proceedings) out.push_back({*o.legal_proceedings, "legal_proceedings", {}, {}});
  std::stable_sort(out.begin(), out.end(), [](const case_event& a, const case_event& b) { return a.on < b.on; });
  return out;
}

json money_json(money m) { return to_string(m); }
json date_json(const std::optional<date>& d) { return d ? json(to_string(*d)) : json(); }

}  // namespace

case_file make_case_file(const run_report& r, const creditor_profile& creditor, std::string_view customer,
                         std::optional<std::string_view> invoice, std::span<const payment_record> payments,
                         std::span<const std::pair<std::string, interruption>> acknowledgments,
                         std::span<const limitation_rule> limitation_rules) {
  const customer_summary& s = detail::customer_in(r, customer, "case file");
  const customer_record& cr = *s.customer;
  case_file f;
  f.as_of = r.as_of;
  detail::start_document(f, creditor, cr, cr.currency);
  for (const payment_record& p : payments)
    if (p.customer_id == cr.customer_id && !(r.as_of < p.date_paid)) f.payments.push_back(p);
  // Limitation counts the days the customer paid, the ledger's debt acknowledgments and the host's.
  const limitation_evidence evidence = limitation_evidence_of(f.payments, r.source->events, acknowledgments);
  bool found = !invoice;
  for (std::size_t line : s.lines) {
    const dunning::invoice_view& v = r.books->views[line];
    const line_result& res = r.result(line);
    if (invoice && v.invoice_id != *invoice) continue;
    found = true;
    f.jurisdiction = v.jurisdiction;
    f.segment = v.segment;
    // Without --invoice: the claims still open; a paid one documents nothing to collect.
    if (!invoice && (res.problem || res.total_due.is_zero())) continue;
    if (res.problem) throw error(res.problem->code, "case file: " + res.problem->message);
    case_invoice ci;
    ci.content = invoice_content(r, line);
    ci.components = r.books->claims[line];
    ci.state = std::string(dunning::to_string(res.current));
    const dunning::compiled_policy& cp = r.policy_of(line);
    for (const dunning::notice_record& n : v.notices)
      ci.notices.push_back({step_name(cp, n.step), n.sent, n.deadline, n.fee, false});
    for (const dunning::command& c : res.commands)
      if (c.kind == dunning::command_kind::send_reminder || c.kind == dunning::command_kind::collection_warning ||
          c.kind == dunning::command_kind::hand_over_to_collection)
        if (ci.notices.empty() || !ci.notices.back().today || ci.notices.back().step != step_name(cp, c.step))
          ci.notices.push_back({step_name(cp, c.step), c.on, c.deadline, c.fee, true});
    ci.events = events_of(v.overlays);
    // Money applied, dated: principal from the balance changes, fees and interest settled.
    for (const balance_change& b : v.balance_changes)
      if (b.delta.is_negative() && !(r.as_of < b.on)) ci.applied.push_back({b.on, "principal", -b.delta});
    for (const dunning::charge_settlement& c : v.settlements)
      if (!(r.as_of < c.on))
        ci.applied.push_back({c.on, c.part == component::fees ? "fees" : "interest", c.amount});
    std::stable_sort(ci.applied.begin(), ci.applied.end(),
                     [](const case_application& a, const case_application& b) { return a.on < b.on; });
    if (auto l = limitation_of_line(r, line, evidence, limitation_rules)) {
      ci.limitation = std::move(l).value();
      if (!f.limitation_date || ci.limitation->expires < *f.limitation_date) f.limitation_date = ci.limitation->expires;
    }
    detail::add_to_sums(f, ci.content);
    f.invoices.push_back(std::move(ci));
  }
  if (!found) detail::no_such_invoice("case file", *invoice, customer, r.as_of);
  return f;
}

std::string case_file_json(const case_file& f) {
  auto who = [](const party& p) {
    return json{{"name", p.name}, {"org_number", p.org_number}, {"address", p.address}, {"contact", p.contact}};
  };
  json j;
  j["kreditor_case_file"] = 1;
  j["as_of"] = to_string(f.as_of);
  j["customer_id"] = f.customer_id;
  j["jurisdiction"] = to_string(f.jurisdiction);
  j["segment"] = to_string(f.segment);
  j["creditor"] = who(f.creditor);
  j["creditor"]["account"] = f.account;
  j["debtor"] = who(f.debtor);
  j["claim"] = {{"currency", f.currency.code()}, {"principal", money_json(f.principal)}, {"fees", money_json(f.fees)},
                {"interest", money_json(f.interest)}, {"total", money_json(f.total)}};
  j["limitation_date"] = date_json(f.limitation_date);
  j["invoices"] = json::array();
  j["notices"] = json::array();
  j["events"] = json::array();
  j["interest_periods"] = json::array();
  for (const case_invoice& ci : f.invoices) {
    const notice_invoice& c = ci.content;
    const claim& k = ci.components;
    json inv{{"invoice_id", c.invoice_id},
             {"issue_date", to_string(c.issue_date)},
             {"due_date", to_string(c.due_date)},
             {"reference", c.reference},
             {"state", ci.state},
             {"amount", money_json(k.amount)},
             {"credited", money_json(k.credited)},
             {"principal_paid", money_json(k.principal_paid)},
             {"principal_written_off", money_json(k.principal_written_off)},
             {"principal", money_json(c.principal)},
             {"fees_charged", money_json(k.fees_charged)},
             {"fees_paid", money_json(k.fees_paid)},
             {"fees_written_off", money_json(k.fees_written_off)},
             {"fees", money_json(c.fees_open)},
             {"interest_charged", money_json(k.interest_charged)},
             {"interest_paid", money_json(k.interest_paid)},
             {"interest_written_off", money_json(k.interest_written_off)},
             {"interest", money_json(c.interest)},
             {"total", money_json(c.total)}};
    inv["applied"] = json::array();
    for (const case_application& a : ci.applied)
      inv["applied"].push_back({{"date", to_string(a.on)}, {"part", a.part}, {"amount", money_json(a.amount)}});
    if (ci.limitation) {
      json counted = json::array();
      for (const interruption& x : ci.limitation->counted)
        counted.push_back({{"date", to_string(x.on)}, {"kind", to_string(x.kind)}});
      inv["limitation"] = {{"runs_from", to_string(ci.limitation->runs_from)},
                           {"expires", to_string(ci.limitation->expires)},
                           {"interruptions", counted},
                           {"rule", ci.limitation->rule->id},
                           {"law", ci.limitation->rule->law},
                           {"source", ci.limitation->rule->source},
                           {"uncertain", ci.limitation->uncertain}};
    } else {
      inv["limitation"] = nullptr;
    }
    j["invoices"].push_back(std::move(inv));
    for (const case_notice& n : ci.notices)
      j["notices"].push_back({{"invoice_id", c.invoice_id}, {"step", n.step}, {"sent", to_string(n.sent)},
                              {"deadline", date_json(n.deadline)}, {"fee", money_json(n.fee)}, {"today", n.today}});
    for (const case_event& e : ci.events)
      j["events"].push_back({{"invoice_id", c.invoice_id}, {"date", to_string(e.on)}, {"event", e.what},
                             {"until", date_json(e.until)}, {"detail", e.detail}});
    for (const interest_period& p : c.interest_periods)
      j["interest_periods"].push_back({{"invoice_id", c.invoice_id}, {"from", to_string(p.from)}, {"to", to_string(p.to)},
                                       {"days", p.days}, {"balance", money_json(p.balance)},
                                       {"rate_percent", p.annual.percent_string()}, {"interest", money_json(p.interest)},
                                       {"uncertain", p.uncertain}});
  }
  j["payments"] = json::array();
  for (const payment_record& p : f.payments)
    j["payments"].push_back({{"payment_id", p.payment_id}, {"date", to_string(p.date_paid)},
                             {"amount", money_json(p.amount)}, {"reference", p.reference}, {"invoice_id", p.invoice_id}});
  return j.dump(2);
}

std::string render_case_file(const case_file& f, document_format format, const template_set& templates) {
  const std::string json_text = case_file_json(f);
  if (format == document_format::json) return json_text;
  const std::string name = format == document_format::html ? "case_file.html.mustache" : "case_file.txt.mustache";
  return detail::render_mustache(templates.file(name), json::parse(json_text), name, format == document_format::html);
}

KREDITOR_NAMESPACE_END
