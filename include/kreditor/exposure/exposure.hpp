// -----------------------------------------------------------------------------
// File: kreditor/exposure/exposure.hpp
// -----------------------------------------------------------------------------
//
// A customer's credit exposure as of a date, by category, in one currency:
//
//   receivables not yet due  + receivables overdue          (open invoices)
// + orders accepted, not invoiced + deliveries not invoiced (commitments)
// - set-off                  (what we owe the customer, applied first: it is certain)
// - security                 (unexpired guarantees, pledges, credit insurance)
// = total (net exposure; what the credit limit is checked against)
//
// The deductions are reported as negative amounts and applied only up to the gross
// exposure, so the categories always sum to the total and a deduction never makes the
// exposure negative. Every category is reported, not one number.
//
//   exposure e = compute_exposure(items, account, {.orders_accepted = money(5'000'00, nok)},
//                                 nok, as_of);
//   e.receivables_overdue;  e.security;  e.total;  e.categories();
#ifndef KREDITOR_EXPOSURE_EXPOSURE_HPP
#define KREDITOR_EXPOSURE_EXPOSURE_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <utility>

#include "kreditor/core/money.hpp"
#include "kreditor/exposure/credit_account.hpp"
#include "kreditor/exposure/receivable.hpp"
#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN

/// Commitments not yet invoiced, in the exposure's currency. The default (0 XXX, money's
/// default) means "nothing pending" in whatever currency the exposure is computed.
struct uninvoiced {
  money orders_accepted{};  ///< orders confirmed to the customer, not yet delivered or invoiced
  money delivered{};        ///< goods delivered / work done, not yet invoiced
  /// Memberwise equality.
  friend bool operator==(const uninvoiced&, const uninvoiced&) = default;
};

/// One customer's open receivables reduced to what exposure needs: the batch kernel's
/// per-customer output, in minor units of the customer's currency.
struct receivable_summary {
  std::int64_t not_due = 0;            ///< open amounts with due date >= as_of
  std::int64_t overdue = 0;            ///< open amounts with due date < as_of
  std::int32_t max_days_past_due = 0;  ///< of an item with a positive open amount; 0 if none
  /// Memberwise equality.
  friend bool operator==(const receivable_summary&, const receivable_summary&) = default;
};

/// Exposure by category. The six categories sum exactly to `total`.
struct exposure {
  money receivables_not_due{};      ///< open invoices not yet due
  money receivables_overdue{};      ///< open invoices past their due date
  money orders_not_invoiced{};      ///< orders accepted but not invoiced
  money deliveries_not_invoiced{};  ///< delivered but not invoiced
  money set_off{};                  ///< <= 0: what we owe the customer, as applied
  money security{};                 ///< <= 0: unexpired security, as applied
  money total{};                    ///< the sum of the six: net exposure

  std::int32_t max_days_past_due = 0;  ///< oldest overdue item, in days past due
  money set_off_held{};                ///< all we owe the customer (>= what is applied)
  money security_held{};               ///< all unexpired security (>= what is applied)

  /// Open receivables: not due + overdue.
  [[nodiscard]] money open_receivables() const { return receivables_not_due + receivables_overdue; }
  /// Gross exposure before set-off and security.
  [[nodiscard]] money gross() const {
    return open_receivables() + orders_not_invoiced + deliveries_not_invoiced;
  }
  /// The six categories with their machine-readable names, in report order:
  /// receivables_not_due, receivables_overdue, orders_not_invoiced, deliveries_not_invoiced,
  /// set_off, security.
  [[nodiscard]] std::array<std::pair<std::string_view, money>, 6> categories() const {
    return {{{"receivables_not_due", receivables_not_due},
             {"receivables_overdue", receivables_overdue},
             {"orders_not_invoiced", orders_not_invoiced},
             {"deliveries_not_invoiced", deliveries_not_invoiced},
             {"set_off", set_off},
             {"security", security}}};
  }

  /// Memberwise equality.
  friend bool operator==(const exposure&, const exposure&) = default;
};

/// The exposure of `account` in `ccy` as of `as_of` from its open items.
/// Security counts only if valid on `as_of`; set-off and security in other currencies do not
/// count. \throws error(currency_mismatch) for an item or commitment in another currency,
/// error(invalid_argument) for negative commitments, security or set-off, error(overflow).
[[nodiscard]] exposure compute_exposure(std::span<const receivable_item> items,
                                        const credit_account& account, const uninvoiced& pending,
                                        currency ccy, date as_of);

/// The same from a receivable summary (e.g. one row of `summarize_receivables`).
[[nodiscard]] exposure compute_exposure(const receivable_summary& open,
                                        const credit_account& account, const uninvoiced& pending,
                                        currency ccy, date as_of);

/// The scalar summary of one customer's items (the same kernel as the batch).
/// \throws error(currency_mismatch) for an item not in `ccy`, error(overflow).
[[nodiscard]] receivable_summary summarize_receivables(std::span<const receivable_item> items,
                                                       currency ccy, date as_of);

/// The batch form: one summary per group (customer) from columns (due_day, open_minor and
/// group are used), written into `out` (overwritten, size == group_count). Fixed chunks over
/// `threads` threads; identical results for any thread count.
/// \throws error(invalid_argument) for mismatched columns or a group index out of range,
/// error(overflow) when a sum does not fit 64 bits.
void summarize_receivables_batch(const receivable_columns& items, date as_of,
                                 std::span<receivable_summary> out, unsigned threads = 1);

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_EXPOSURE_EXPOSURE_HPP
