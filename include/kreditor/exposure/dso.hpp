// -----------------------------------------------------------------------------
// File: kreditor/exposure/dso.hpp
// -----------------------------------------------------------------------------
//
// Payment behaviour: days sales outstanding (standard and count-back), the average days
// late weighted by amount, the share paid on time, and their trend over periods. These are
// statistics, but computed exactly from money: each is an exact decimal rounded once to a
// stated number of places with a named rounding. No floating point.
//
//   // 150 000 receivable, 300 000 credit sales in a 90-day quarter: 45.0 days
//   decimal d = dso_standard(money(150'000'00, nok), money(300'000'00, nok), 90, 1,
//                            rounding::half_up);
//   // Count-back: newest month first; consume each month's sales until receivables run out.
//   decimal c = dso_count_back(money(150'000'00, nok), months, 1, rounding::half_up);
//   std::optional<decimal> late = average_days_late(settled, 2, rounding::half_even);
#ifndef KREDITOR_EXPOSURE_DSO_HPP
#define KREDITOR_EXPOSURE_DSO_HPP

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "kreditor/core/decimal.hpp"
#include "kreditor/core/money.hpp"
#include "kreditor/core/rounding.hpp"
#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN

/// Standard DSO: receivables / credit sales x days in the period, rounded once to `places`
/// (0..9) decimals with `mode`. \throws error(invalid_argument) for sales that are not
/// positive, negative receivables, days < 1 or places outside 0..9; error(currency_mismatch).
[[nodiscard]] decimal dso_standard(money receivables, money credit_sales,
                                   std::int32_t days_in_period, int places, rounding mode);

/// Credit sales of one period (usually a calendar month) and its length in days.
struct period_sales {
  std::int32_t days = 0;  ///< the period's length in days (>= 1)
  money credit_sales{};  ///< credit sales in the period
  /// Memberwise equality.
  friend bool operator==(const period_sales&, const period_sales&) = default;
};

/// Count-back DSO: starting with the newest period, subtract each period's credit sales from
/// the receivables and count its days in full while receivables remain above the sales; the
/// period that exhausts them counts days x remaining / sales. The sum is rounded once.
/// Zero receivables give 0. \throws error(out_of_range) when the periods' sales do not cover
/// the receivables (more history is needed), error(invalid_argument) for negative sales or
/// receivables, days < 1 or places outside 0..9; error(currency_mismatch).
[[nodiscard]] decimal dso_count_back(money receivables,
                                     std::span<const period_sales> newest_first, int places,
                                     rounding mode);

/// A paid invoice (or part of one): when it was due, when it was paid, how much.
struct settled_item {
  date due{};  ///< its due date
  date paid{};  ///< the day it was paid
  money amount{};  ///< the amount paid (positive)
  /// Memberwise equality.
  friend bool operator==(const settled_item&, const settled_item&) = default;
};

/// Average days late, weighted by amount: sum(amount x max(0, paid - due)) / sum(amount).
/// Early payment counts as 0 days late, not as negative. nullopt for no items.
/// \throws error(invalid_argument) for an amount that is not positive or places outside 0..9,
/// error(currency_mismatch) for mixed currencies.
[[nodiscard]] std::optional<decimal> average_days_late(std::span<const settled_item> items,
                                                       int places, rounding mode);

/// The share of the amount paid on or before the due date, in percent (0..100).
/// nullopt for no items. Same errors as average_days_late.
[[nodiscard]] std::optional<decimal> share_paid_on_time_percent(
    std::span<const settled_item> items, int places, rounding mode);

/// Payment behaviour in one period [from, to): items are assigned by payment date.
struct behaviour_period {
  date from{};  ///< first day of the period
  date to{};  ///< exclusive
  money paid{};  ///< paid in the period
  std::optional<decimal> average_days_late{};  ///< amount-weighted; nullopt: nothing paid
  /// share of the amount paid on time; nullopt: nothing paid
  std::optional<decimal> on_time_percent{};
  /// Memberwise equality.
  friend bool operator==(const behaviour_period&, const behaviour_period&) = default;
};

/// Behaviour per period: period k is [starts[k], starts[k+1]), the last ends at `end`
/// (exclusive). Items paid outside [starts[0], end) are ignored. All items in `ccy`.
/// \throws error(invalid_argument) for starts that are empty or not strictly increasing, or an
/// `end` not after the last start; the errors of average_days_late.
[[nodiscard]] std::vector<behaviour_period> payment_trend(std::span<const settled_item> items,
                                                          std::span<const date> starts,
                                                          date end, currency ccy, int places,
                                                          rounding mode);

/// Whether behaviour got worse: the last period's average days late exceeds the previous
/// period's by more than `tolerance_days`. False when either period has no payments.
[[nodiscard]] bool worsening(std::span<const behaviour_period> trend, decimal tolerance_days);

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_EXPOSURE_DSO_HPP
