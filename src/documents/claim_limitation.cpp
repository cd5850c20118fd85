// Limitation of the run's claims: the interruptions the book knows, the law's data over them,
// and the alert a window before a claim lapses. One list of interruptions per line, read by
// the run's alert and by the case file alike.
#include "kreditor/documents/claim_limitation.hpp"

#include <algorithm>
#include <array>

KREDITOR_NAMESPACE_BEGIN

namespace {
/// The evidence of the days in `paid_on` (unsorted, repeated) and the ledger's `events`.
limitation_evidence evidence_of(limitation_evidence e, std::span<const event_record> events,
                                std::span<const std::pair<std::string, interruption>> recorded) {
  for (auto& [customer, paid] : e.paid_on) {
    std::sort(paid.begin(), paid.end());
    paid.erase(std::unique(paid.begin(), paid.end()), paid.end());
  }
  for (const event_record& x : events)
    if (x.kind == ledger_event_kind::debt_acknowledgment && !x.invoice_id.empty())
      e.recorded[x.invoice_id].push_back({x.on, interruption_kind::debt_acknowledgment});
  for (const auto& [invoice, step] : recorded) e.recorded[invoice].push_back(step);
  return e;
}
}  // namespace

limitation_evidence limitation_evidence_of(std::span<const payment_record> payments,
                                           std::span<const event_record> events,
                                           std::span<const std::pair<std::string, interruption>> recorded) {
  limitation_evidence e;
  for (const payment_record& p : payments) e.paid_on[p.customer_id].push_back(p.date_paid);
  return evidence_of(std::move(e), events, recorded);
}

limitation_evidence limitation_evidence_of(const ledger_columns& l,
                                           std::span<const std::pair<std::string, interruption>> recorded) {
  // By customer index first: one hash of a customer id per customer, not per payment.
  std::vector<std::vector<date>> paid(l.customers.size());
  for (std::size_t i = 0; i < l.payments.size(); ++i) paid[l.payments.customer[i]].push_back(l.payments.date_paid[i]);
  limitation_evidence e;
  for (std::size_t c = 0; c < paid.size(); ++c)
    if (!paid[c].empty()) e.paid_on.emplace(l.customers[c].customer_id, std::move(paid[c]));
  return evidence_of(std::move(e), l.events, recorded);
}

namespace {

/// Appends to `steps` (cleared first) what may interrupt line `line`'s limitation, in date
/// order: `paid` the days its customer paid (ascending; null: none), `recorded` the
/// interruptions recorded for its invoice (null: none). The run calls it once per line with
/// one buffer, so a million lines allocate next to nothing.
void collect_interruptions(const run_report& r, std::size_t line, const std::vector<date>* paid,
                           const std::vector<interruption>* recorded, std::vector<interruption>& steps) {
  const dunning::invoice_view& v = r.books->views[line];
  steps.clear();
  // What the debtor did: paid on a day the claim went down (a credit note or a write-off on a
  // day without a payment is the creditor's act, not an acknowledgment), promised, agreed a plan.
  if (paid != nullptr) {
    const auto paid_that_day = [&](date d) { return std::binary_search(paid->begin(), paid->end(), d); };
    for (const balance_change& b : v.balance_changes)
      if (b.delta.is_negative() && !(r.as_of < b.on) && paid_that_day(b.on))
        steps.push_back({b.on, interruption_kind::part_payment});
    for (const dunning::charge_settlement& c : v.settlements)
      if (!(r.as_of < c.on) && paid_that_day(c.on)) steps.push_back({c.on, interruption_kind::part_payment});
  }
  for (const dunning::promise& p : v.overlays.promises) steps.push_back({p.made, interruption_kind::promise});
  if (v.overlays.plan) steps.push_back({v.overlays.plan->agreed, interruption_kind::promise});
  // What the creditor did: the notices sent, legal proceedings.
  for (const dunning::notice_record& n : v.notices) steps.push_back({n.sent, interruption_kind::written_demand});
  if (v.overlays.legal_proceedings) steps.push_back({*v.overlays.legal_proceedings, interruption_kind::legal_step});
  if (recorded != nullptr)
    for (const interruption& x : *recorded)
      if (!(r.as_of < x.on)) steps.push_back(x);
  if (steps.size() > 1) {
    std::stable_sort(steps.begin(), steps.end(), [](const interruption& a, const interruption& b) { return a.on < b.on; });
    steps.erase(std::unique(steps.begin(), steps.end()), steps.end());
  }
}

template <class Map>
const typename Map::mapped_type* find_in(const Map& m, const std::string& key) {
  if (m.empty()) return nullptr;
  const auto it = m.find(key);
  return it == m.end() ? nullptr : &it->second;
}

}  // namespace

std::vector<interruption> interruptions_of(const run_report& r, std::size_t line, const limitation_evidence& e) {
  std::vector<interruption> steps;
  collect_interruptions(r, line, find_in(e.paid_on, r.books->invoices[line]->customer_id),
                        find_in(e.recorded, r.books->views[line].invoice_id), steps);
  return steps;
}

result<limitation> limitation_of_line(const run_report& r, std::size_t line, const limitation_evidence& e,
                                      std::span<const limitation_rule> rules) {
  const dunning::invoice_view& v = r.books->views[line];
  return limitation_of(rules, v.jurisdiction, v.segment, v.issue_date, v.due_date, interruptions_of(r, line, e));
}

std::vector<limitation_alert> watch_limitation(run_report& r, const limitation_evidence& e,
                                               const limitation_watch_options& options,
                                               std::span<const limitation_rule> rules) {
  if (options.window_days < 0)
    throw error(errc::invalid_argument,
                "limitation: window of " + std::to_string(options.window_days) + " days: 0 or more expected");
  std::vector<limitation_alert> alerts;
  std::vector<interruption> steps;  // one buffer for every line
  // Jurisdictions no rule covers (EU) are skipped before limitation_of writes its refusal.
  std::array<bool, 256> covered{};
  for (const limitation_rule& q : rules) covered[static_cast<std::size_t>(q.jurisdiction)] = true;
  for (const customer_summary& c : r.customers) {
    const std::vector<date>* paid = find_in(e.paid_on, c.customer->customer_id);
    for (const std::size_t line : c.lines) {
      line_result& res = r.results[line];
      res.limitation_date = date();
      res.limitation_near = res.limitation_uncertain = false;
      if (res.problem || res.total_due.is_zero()) continue;
      const dunning::invoice_view& v = r.books->views[line];
      if (!covered[static_cast<std::size_t>(v.jurisdiction)]) continue;
      collect_interruptions(r, line, paid, find_in(e.recorded, v.invoice_id), steps);
      result<limitation> l = limitation_of(rules, v.jurisdiction, v.segment, v.issue_date, v.due_date, steps);
      if (!l) continue;  // no rule for the jurisdiction (EU): nothing to watch
      res.limitation_date = l->expires;
      res.limitation_uncertain = l->uncertain;
      const std::int32_t days_left = day_number(l->expires) - day_number(r.as_of);
      if (days_left > options.window_days) continue;
      res.limitation_near = true;
      alerts.push_back({.line = line,
                        .customer_id = c.customer->customer_id,
                        .invoice_id = r.books->views[line].invoice_id,
                        .expires = l->expires,
                        .days_left = days_left,
                        .total_due = res.total_due,
                        .rule = l->rule->id,
                        .law = l->rule->law,
                        .uncertain = l->uncertain});
    }
  }
  return alerts;
}

KREDITOR_NAMESPACE_END
