// A customer's payment history for scoring (book/payment_history.hpp), read off its book.
#include "kreditor/book/payment_history.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "kreditor/book/book.hpp"
#include "kreditor/book/slices.hpp"
#include "kreditor/core/errc.hpp"

KREDITOR_NAMESPACE_BEGIN

payment_history payment_history_of(const ledger& l, std::size_t customer, date as_of, policy_set& policies,
                                   std::span<const recorded_notice> notices) {
  return payment_history_of(ledger_slices(l), customer, as_of, policies, notices);
}

payment_history payment_history_of(const ledger_slices& cut, std::size_t customer, date as_of, policy_set& policies,
                                   std::span<const recorded_notice> notices) {
  if (customer >= cut.customers())
    throw error(errc::out_of_range, "payment history: customer " + std::to_string(customer) + " of a ledger of " +
                                        std::to_string(cut.customers()));
  const customer_record& c = cut.customer(customer);
  const ledger part = cut.slice(customer, customer + 1);
  std::vector<recorded_notice> mine;  // the customer's: make_book names a notice of no invoice as an error
  for (const recorded_notice& n : notices)
    if (std::any_of(part.invoices.begin(), part.invoices.end(),
                    [&](const invoice_record& i) { return i.invoice_id == n.invoice_id; }))
      mine.push_back(n);
  const book b = make_book(part, as_of, mine, policies);

  payment_history h;
  h.purchases_12m = money::zero(c.currency);
  std::optional<date> first;
  std::int64_t recent = 0;
  for (std::size_t k = 0; k < b.size(); ++k) {
    const dunning::invoice_view& v = b.views[k];
    const claim& cl = b.claims[k];
    const std::int64_t amount = (cl.amount - cl.credited).minor_units();
    if (!first || v.issue_date < *first) first = v.issue_date;
    if ((as_of - v.issue_date).days() < 365) recent += std::max<std::int64_t>(amount, 0);
    if (amount <= 0) continue;  // wholly credited: nothing was owed

    // Paid: settled in full (by payments, or a credit note taking the rest), not written off.
    const std::optional<date> paid = v.overlays.written_off ? std::nullopt : cl.settled_on;
    scoring::invoice_fact f;
    f.issued = v.issue_date;
    f.due = std::max(v.due_date, v.issue_date);
    f.paid = paid;
    f.amount = amount;
    f.dunning_level = static_cast<int>(
        std::count_if(v.notices.begin(), v.notices.end(), [&](const dunning::notice_record& n) { return n.sent <= as_of; }));
    f.disputed = std::any_of(v.overlays.disputes.begin(), v.overlays.disputes.end(),
                             [&](const dunning::dispute& d) { return d.opened <= as_of; });
    // Paid by cheque: a cheque of the customer's, undesignated or designated to this invoice, came
    // in on the day the invoice was settled (the payment that settled it was, or included, a cheque).
    f.paid_by_cheque = paid && std::any_of(part.payments.begin(), part.payments.end(), [&](const payment_record& p) {
      return p.method == payment_channel::cheque && p.date_paid == *paid &&
             (p.invoice_id.empty() || p.invoice_id == v.invoice_id);
    });
    h.facts.push_back(f);
    h.invoice_ids.push_back(v.invoice_id);

    for (const dunning::promise& p : v.overlays.promises)
      if (p.until < as_of && (!paid || p.until < *paid)) ++h.counts.broken_promises;
    if (v.overlays.plan) {
      const auto& due = v.overlays.plan->installments;
      if (std::any_of(due.begin(), due.end(),
                      [&](const dunning::installment_status& i) { return i.due < as_of && i.paid < i.amount; }))
        ++h.counts.broken_plans;
    }
  }
  if (first) {
    const auto observed = std::clamp<long>(static_cast<long>((as_of - *first).days()) + 1, 90, 365);
    h.purchases_12m = money(static_cast<std::int64_t>(static_cast<int128>(recent) * 365 / observed), c.currency);
    h.history_days = static_cast<int>(observed);
  }
  h.behaviour = scoring::behaviour(h.facts, h.counts, as_of);
  h.behaviour.collection =
      h.behaviour.collection || std::find(c.flags.begin(), c.flags.end(), "in_collection") != c.flags.end();
  return h;
}

KREDITOR_NAMESPACE_END
