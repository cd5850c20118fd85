#include "kreditor/ledger/open_item.hpp"

#include <string>

KREDITOR_NAMESPACE_BEGIN

std::string_view to_string(component c) noexcept {
  switch (c) {
    case component::fees: return "fees";
    case component::interest: return "interest";
    case component::principal: return "principal";
  }
  return "principal";
}

std::string_view to_string(entry_kind k) noexcept {
  switch (k) {
    case entry_kind::charge: return "charge";
    case entry_kind::payment: return "payment";
    case entry_kind::credit_note: return "credit_note";
    case entry_kind::write_off: return "write_off";
    case entry_kind::unapplied: return "unapplied";
    case entry_kind::credit_applied: return "credit_applied";
  }
  return "payment";
}

date invoice::final_due_date() const {
  if (schedule.empty()) throw error(errc::invalid_argument, "invoice '" + id + "': empty schedule");
  return schedule.back().due;
}

date invoice::first_due_date() const {
  if (schedule.empty()) throw error(errc::invalid_argument, "invoice '" + id + "': empty schedule");
  return schedule.front().due;
}

invoice with_schedule(invoice inv, const deadline_rule& roll) {
  inv.schedule = payment_schedule(inv.terms, inv.amount, invoice_dates{inv.issue_date, inv.delivery_date}, roll);
  return inv;
}

open_item open_item_at(const invoice& inv, std::span<const ledger_entry> entries, date as_of) {
  if (inv.schedule.empty())
    throw error(errc::invalid_argument, "open_item_at: invoice '" + inv.id + "' has an empty schedule");
  const currency ccy = inv.amount.currency();
  open_item o{.principal = inv.amount, .fees = money::zero(ccy), .interest = money::zero(ccy),
              .principal_overdue = money::zero(ccy)};
  money principal_reduced = money::zero(ccy);
  for (const ledger_entry& e : entries) {
    if (e.on > as_of || e.invoice_id != inv.id || e.kind == entry_kind::unapplied) continue;
    if (e.amount.currency() != ccy)
      throw error(errc::currency_mismatch, "open_item_at: entry from '" + e.source + "' on invoice '" +
                                               inv.id + "' is not in " + std::string(ccy.code()));
    money& part = e.part == component::fees ? o.fees : e.part == component::interest ? o.interest : o.principal;
    if (e.kind == entry_kind::charge) {
      part += e.amount;
    } else {
      part -= e.amount;
      if (e.part == component::principal) principal_reduced += e.amount;
    }
  }
  // Principal reductions settle the instalments in due-date order (the schedule's order).
  money left = principal_reduced;
  for (const scheduled_payment& s : inv.schedule) {
    const money covered = min(left, s.amount);
    left -= covered;
    const money open = s.amount - covered;
    if (open.is_positive() && s.due < as_of) {
      o.principal_overdue += open;
      if (!o.oldest_overdue_due) o.oldest_overdue_due = s.due;
    }
  }
  if (o.oldest_overdue_due) o.days_past_due = static_cast<std::int32_t>((as_of - *o.oldest_overdue_due).days());
  return o;
}

money customer_credit_at(std::string_view customer_id, currency ccy, std::span<const ledger_entry> entries,
                         date as_of) {
  // What was kept as credit, less what was applied to the customer's claims since.
  money credit = money::zero(ccy);
  for (const ledger_entry& e : entries) {
    if (e.on > as_of || e.customer_id != customer_id || e.amount.currency() != ccy) continue;
    if (e.kind == entry_kind::unapplied) credit += e.amount;
    if (e.kind == entry_kind::credit_applied) credit -= e.amount;
  }
  return credit;
}

KREDITOR_NAMESPACE_END
