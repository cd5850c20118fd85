#include "book/receivables.hpp"

#include <algorithm>
#include <optional>
#include <string>

#include "kreditor/book/report.hpp"

KREDITOR_NAMESPACE_BEGIN

customer_index_map customer_indexes(const ledger& l) {
  customer_index_map index;
  index.reserve(l.customers.size());
  for (std::size_t c = 0; c < l.customers.size(); ++c)
    index.emplace(l.customers[c].customer_id, static_cast<std::uint32_t>(c));
  return index;
}

open_receivables open_receivables_of(const book& b, std::size_t customers, std::span<const std::uint8_t> skip) {
  open_receivables out;
  out.items_of.assign(customers, 0);
  out.reserve(b.size());
  append_open_receivables(out, b, 0, skip);
  return out;
}

void append_open_receivables(open_receivables& out, const book& b, std::size_t first, std::span<const std::uint8_t> skip) {
  // No reserve here: called once per slice, an exact reserve would copy every column at every
  // slice (quadratic: 165 s of CPU for aging over 10M invoices); the vectors grow geometrically,
  // or not at all when the caller reserved room for every line of the ledger (cmd_aging).
  const std::size_t n = b.size();
  for (std::size_t i = 0; i < n; ++i) {
    const money open = b.claims[i].principal();
    if (open.is_zero() || (!skip.empty() && skip[i] != 0)) continue;
    const dunning::invoice_view& v = b.views[i];
    const std::size_t c = first + b.customer_of[i];
    if (c >= out.items_of.size())
      throw error(errc::out_of_range, "open receivables: customer " + std::to_string(c) + " of a slice beyond the " +
                                          std::to_string(out.items_of.size()) + " counted");
    out.issue_day.push_back(day_number(v.issue_date));
    out.due_day.push_back(day_number(v.due_date));
    out.open_minor.push_back(open.minor_units());
    out.group.push_back(static_cast<std::uint32_t>(c));
    ++out.items_of[c];
  }
}

std::vector<uninvoiced> uninvoiced_orders(const ledger& l, const customer_index_map& index, date as_of) {
  std::vector<uninvoiced> out(l.customers.size());
  for (std::size_t c = 0; c < out.size(); ++c)
    out[c] = {money::zero(l.customers[c].currency), money::zero(l.customers[c].currency)};
  if (l.orders.empty()) return out;
  // The invoices that billed an order: only their issue dates are needed (one pass, no map
  // of every invoice).
  std::unordered_map<std::string_view, std::optional<date>> billed;
  for (const order_record& o : l.orders)
    if (!o.invoice_id.empty()) billed.emplace(o.invoice_id, std::nullopt);
  if (!billed.empty())
    for (const invoice_record& inv : l.invoices)
      if (const auto it = billed.find(inv.invoice_id); it != billed.end()) it->second = inv.issue_date;
  for (const order_record& o : l.orders) {
    if (o.ordered > as_of || (o.cancelled && *o.cancelled <= as_of)) continue;
    if (!o.invoice_id.empty()) {
      const std::optional<date> issued = billed.at(o.invoice_id);
      if (issued && *issued <= as_of) continue;  // the invoice carries the exposure now
    }
    uninvoiced& u = out[index.at(o.customer_id)];
    if (o.delivered && *o.delivered <= as_of)
      u.delivered += o.amount;
    else
      u.orders_accepted += o.amount;
  }
  return out;
}

std::vector<std::vector<security_item>> securities_held(const ledger& l, const customer_index_map& index) {
  std::vector<std::vector<security_item>> out(l.customers.size());
  if (l.securities.empty()) return out;
  for (const security_record& s : l.securities) {
    out[index.at(s.customer_id)].push_back(
        {.kind = s.kind, .amount = s.amount, .expires = s.expires, .reference = s.reference});
  }
  return out;
}

std::vector<bool> customer_holds(const ledger& l, const customer_index_map& index, date as_of) {
  // Customer-level hold / release events known by the date, in date order.
  std::vector<const event_record*> events;
  for (const event_record& e : l.events)
    if (e.invoice_id.empty() && e.on <= as_of &&
        (e.kind == ledger_event_kind::hold || e.kind == ledger_event_kind::release))
      events.push_back(&e);
  std::vector<bool> out(l.customers.size(), false);
  if (events.empty()) return out;
  std::stable_sort(events.begin(), events.end(),
                   [](const event_record* a, const event_record* b) { return a->on < b->on; });
  std::vector<std::optional<std::optional<date>>> hold(out.size());  // held (until)
  for (const event_record* e : events) {
    const std::uint32_t c = index.at(e->customer_id);
    if (e->kind == ledger_event_kind::hold)
      hold[c] = e->until;
    else
      hold[c].reset();
  }
  for (std::size_t c = 0; c < out.size(); ++c)
    out[c] = hold[c].has_value() && (!hold[c]->has_value() || as_of <= **hold[c]);
  return out;
}

bool flagged(const customer_record& c, std::string_view flag) {
  return std::find(c.flags.begin(), c.flags.end(), flag) != c.flags.end();
}

KREDITOR_NAMESPACE_END
