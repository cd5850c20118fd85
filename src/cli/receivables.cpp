#include "cli/receivables.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "cli/run.hpp"

namespace kreditor::cli {

std::vector<customer_position> positions(const ledger& l, date as_of) {
  std::vector<customer_position> out(l.customers.size());
  std::unordered_map<std::string_view, std::size_t> index;
  for (std::size_t c = 0; c < l.customers.size(); ++c) {
    out[c].customer = &l.customers[c];
    out[c].unapplied = money::zero(l.customers[c].currency);
    index.emplace(l.customers[c].customer_id, c);
  }
  // The same book as `kreditor run`; notice levels do not matter here, any step will do.
  const run::book b = run::make_book(l, as_of, run::state_file{},
                                     [](jurisdiction, std::string_view) {
                                       return std::optional<std::int32_t>(0);
                                     });
  for (const dunning::invoice_view& v : b.views) {
    customer_position& p = out[index.at(v.customer)];
    if (!v.open_principal.is_zero())
      p.open.push_back({.issued = v.invoice_date, .due = v.due, .open_amount = v.open_principal});
    for (const dunning::promise& promise : v.overlays.promises)
      if (promise.until < as_of && v.open_principal.is_positive()) p.broken_promise = true;
  }
  for (std::size_t c = 0; c < out.size(); ++c) out[c].unapplied = b.customer_credit[c];

  // Customer-level hold / release events, in date order.
  std::vector<const event_record*> events;
  for (const event_record& e : l.events)
    if (e.invoice_id.empty() && e.on <= as_of &&
        (e.kind == ledger_event_kind::hold || e.kind == ledger_event_kind::release))
      events.push_back(&e);
  std::stable_sort(events.begin(), events.end(),
                   [](const event_record* a, const event_record* b2) { return a->on < b2->on; });
  std::vector<std::optional<std::optional<date>>> hold(out.size());  // held (until)
  for (const event_record* e : events) {
    const auto it = index.find(e->customer_id);
    if (it == index.end()) continue;
    if (e->kind == ledger_event_kind::hold)
      hold[it->second] = e->until;
    else
      hold[it->second].reset();
  }
  for (std::size_t c = 0; c < out.size(); ++c)
    out[c].on_hold = hold[c].has_value() && (!hold[c]->has_value() || as_of <= **hold[c]);
  return out;
}

credit_account account_of(const customer_position& p) {
  const customer_record& c = *p.customer;
  credit_account a{.customer_id = c.customer_id, .segment = c.segment, .terms = c.terms};
  if (c.credit_limit.is_positive()) a.limits.push_back({.amount = c.credit_limit});
  if (p.unapplied.is_positive()) a.owed_to_customer.push_back(p.unapplied);
  const auto flagged = [&](std::string_view f) {
    return std::find(c.flags.begin(), c.flags.end(), f) != c.flags.end();
  };
  a.flags.on_hold = p.on_hold || flagged("on_hold");
  a.flags.cash_only = p.broken_promise || flagged("cash_only") || flagged("cash_terms");
  a.flags.in_collection = flagged("in_collection");
  return a;
}

}  // namespace kreditor::cli
