// -----------------------------------------------------------------------------
// File: kreditor/ledger/open_item.hpp
// -----------------------------------------------------------------------------
//
// What is still owed on one invoice at any as-of date, recomputed from the event history
// every time (no stored status that could drift). Principal reductions settle the schedule's
// instalments in due-date order; an instalment is overdue from the day after its due date.
//
//   const auto entries = replay_ledger(invoices, credit_notes, payments, charges, policy);
//   open_item o = open_item_at(invoices[0], entries, make_date(2026, 3, 1));
//   o.total();  o.overdue();  o.days_past_due;
#ifndef KREDITOR_LEDGER_OPEN_ITEM_HPP
#define KREDITOR_LEDGER_OPEN_ITEM_HPP

#include <cstdint>
#include <optional>
#include <span>

#include "kreditor/core/money.hpp"
#include "kreditor/ledger/invoice.hpp"
#include "kreditor/ledger/ledger_entry.hpp"
#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN

/// An invoice's open balance as of a date, by component. All amounts in the invoice currency.
struct open_item {
  money principal{};          ///< invoice amount - principal paid, credited, written off
  money fees{};               ///< fees charged - fees paid / written off
  money interest{};           ///< interest charged - interest paid / written off
  money principal_overdue{};  ///< open principal of instalments whose due date is before as_of
  /// The due date of the oldest instalment still (partly) open and overdue; nullopt if none.
  std::optional<date> oldest_overdue_due{};
  std::int32_t days_past_due = 0;  ///< as_of - oldest_overdue_due, 0 when nothing is overdue

  /// Everything still owed.
  [[nodiscard]] money total() const { return principal + fees + interest; }
  /// What is owed and late: overdue principal plus fees and interest (which are due when charged).
  [[nodiscard]] money overdue() const { return principal_overdue + fees + interest; }

  /// Memberwise equality.
  friend bool operator==(const open_item&, const open_item&) = default;
};

/// The open item of `inv` as of `as_of`: entries with inv.id dated on or before as_of count
/// (entries of other invoices are skipped, so the whole history may be passed).
/// \throws error(invalid_argument) for an empty schedule, error(currency_mismatch) for an entry
/// in another currency.
[[nodiscard]] open_item open_item_at(const invoice& inv, std::span<const ledger_entry> entries,
                                     date as_of);

/// Customer credit (unapplied money) of `customer_id` in `ccy` as of `as_of`.
[[nodiscard]] money customer_credit_at(std::string_view customer_id, currency ccy,
                                       std::span<const ledger_entry> entries, date as_of);

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_LEDGER_OPEN_ITEM_HPP
