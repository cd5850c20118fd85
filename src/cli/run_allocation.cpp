#include "cli/run_allocation.hpp"

#include <algorithm>
#include <numeric>
#include <unordered_map>

namespace kreditor::cli::run {

money allocation::open_on(std::size_t index, date on) const {
  money left = invoiced[index];
  for (const applied_payment& p : paid[index])
    if (p.on < on) left -= p.amount;
  return left;
}

allocation allocate(const ledger& l, date as_of) {
  const std::size_t n = l.invoices.size();
  allocation a;
  a.invoiced.resize(n);
  a.open.resize(n);
  a.credited.assign(n, false);
  a.paid.resize(n);
  a.unapplied.resize(l.customers.size());

  std::unordered_map<std::string_view, std::size_t> customer_index;
  customer_index.reserve(l.customers.size());
  for (std::size_t c = 0; c < l.customers.size(); ++c) {
    customer_index.emplace(l.customers[c].customer_id, c);
    a.unapplied[c] = money::zero(l.customers[c].currency);
  }
  std::unordered_map<std::string_view, std::size_t> invoice_index;
  invoice_index.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    const invoice_record& inv = l.invoices[i];
    invoice_index.emplace(inv.invoice_id, i);
    const bool known = inv.issue_date <= as_of && inv.credit_of.empty();
    a.invoiced[i] = known ? inv.amount : money::zero(inv.amount.currency());
  }
  // Credit notes first: they change what was invoiced.
  for (std::size_t i = 0; i < n; ++i) {
    const invoice_record& note = l.invoices[i];
    if (note.credit_of.empty() || note.issue_date > as_of) continue;
    const std::size_t target = invoice_index.at(note.credit_of);
    if (l.invoices[target].issue_date > as_of) continue;
    const money reduce = min(-note.amount, a.invoiced[target]);
    a.invoiced[target] -= reduce;
    a.unapplied[customer_index.at(note.customer_id)] += -note.amount - reduce;
    a.credited[target] = true;
  }
  for (std::size_t i = 0; i < n; ++i) a.open[i] = a.invoiced[i];

  // Each customer's invoices, oldest first: where undesignated money goes.
  std::vector<std::vector<std::size_t>> oldest_first(l.customers.size());
  for (std::size_t i = 0; i < n; ++i)
    if (a.invoiced[i].is_positive()) oldest_first[customer_index.at(l.invoices[i].customer_id)].push_back(i);
  for (auto& list : oldest_first)
    std::stable_sort(list.begin(), list.end(), [&](std::size_t x, std::size_t y) {
      return l.invoices[x].issue_date < l.invoices[y].issue_date;
    });
  std::vector<std::size_t> cursor(l.customers.size(), 0);  // first possibly open invoice

  // Payments in date order (ledger order within a day).
  std::vector<std::size_t> order(l.payments.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    return l.payments[x].date_paid < l.payments[y].date_paid;
  });
  for (const std::size_t k : order) {
    const payment_record& p = l.payments[k];
    if (p.date_paid > as_of) break;
    money rest = p.amount;
    const auto apply = [&](std::size_t i) {
      const money part = min(rest, a.open[i]);
      if (!part.is_positive()) return;
      a.open[i] -= part;
      rest -= part;
      a.paid[i].push_back({p.date_paid, part});
    };
    if (!p.invoice_id.empty()) apply(invoice_index.at(p.invoice_id));
    const std::size_t c = customer_index.at(p.customer_id);
    const std::vector<std::size_t>& list = oldest_first[c];
    for (std::size_t& at = cursor[c]; rest.is_positive() && at < list.size(); ++at) {
      apply(list[at]);
      if (a.open[list[at]].is_positive()) break;  // money ran out on this one
    }
    a.unapplied[c] += rest;
  }
  return a;
}

}  // namespace kreditor::cli::run
