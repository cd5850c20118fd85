// -----------------------------------------------------------------------------
// File: kreditor/dunning/payment_plan.hpp
// -----------------------------------------------------------------------------
//
// A written payment plan: an overdue balance split into N installments (e.g. three monthly),
// exact to the minor unit. Principal, fees and accrued interest are each split with
// `split` (the parts differ by at most one minor unit and sum exactly); interest for the
// plan period runs on the declining principal, one rounding per installment period. The
// plan becomes a schedule the engine watches (plan_overlay in dunning/account.hpp).
//
//   payment_plan p = make_payment_plan({.principal = money(1'000'000, iso4217::nok),
//                                       .fees = money(3'500, iso4217::nok)},
//                                      {.installments = 3, .first_due = make_date(2026, 3, 1)});
//   // p.installments[0].amount + [1] + [2] == p.total, exactly
#ifndef KREDITOR_DUNNING_PAYMENT_PLAN_HPP
#define KREDITOR_DUNNING_PAYMENT_PLAN_HPP

#include <optional>
#include <vector>

#include "kreditor/core/money.hpp"
#include "kreditor/core/rate.hpp"
#include "kreditor/dunning/account.hpp"
#include "kreditor/time/date.hpp"
#include "kreditor/time/day_count.hpp"
#include "kreditor/time/deadline_rule.hpp"

KREDITOR_NAMESPACE_BEGIN

namespace dunning {

/// What is owed when the plan is agreed.
struct plan_balance {
  money principal{};  ///< open principal
  money fees{};  ///< fees charged and unpaid
  money interest{};  ///< late interest accrued up to the agreement
};

/// How the plan is laid out.
struct plan_terms {
  int installments = 3;                     ///< 1..120
  date first_due{};  ///< the first installment's due date
  int months_between = 1;                   ///< 1 = monthly
  date agreed{};                            ///< interest for the plan runs from here (default: first_due - 1 month)
  money plan_fee{};                         ///< e.g. SE amorteringsplan (max 170 SEK, lag 1981:739 3 § 2)
  std::optional<rate> annual_interest{};    ///< on the declining principal during the plan
  day_count basis = day_count::act_365_fixed;  ///< day count for the plan interest
  rounding mode = rounding::half_up;        ///< one rounding per installment period
  /// The business-day rule installment dates follow, as due dates do (NO gjeldsbrevloven § 5:
  /// a date on a Saturday, Sunday, holiday, 1 or 17 May moves to the next business day;
  /// time/deadline_rule.hpp statutory_deadline_rule). Default: dates are not moved.
  std::optional<deadline_rule> due_dates{};
};

/// One installment of a plan.
struct plan_installment {
  date due{};  ///< its due date (moved by plan_terms::due_dates when given)
  money principal{};  ///< principal repaid
  money fees{};  ///< fees paid (the old ones and the plan fee)
  money interest{};  ///< accrued-before-plan share + this period's plan interest
  money amount{};    ///< principal + fees + interest
  /// Memberwise equality.
  friend bool operator==(const plan_installment&, const plan_installment&) = default;
};

/// A plan: the installments and their sums.
struct payment_plan {
  std::vector<plan_installment> installments;  ///< in due-date order
  money principal{};  ///< sums over the installments, exactly
  money fees{};  ///< sum of the installments' fees
  money interest{};  ///< sum of their interest
  money total{};  ///< sum of their amounts
};

/// Splits `b` (+ the plan fee, + plan interest) into installments on first_due, then every
/// months_between months (month_end::clamp), each moved by `due_dates` when given. \throws error(invalid_argument) for 0 or more than
/// 120 installments, months_between < 1, a negative amount; error(currency_mismatch).
[[nodiscard]] payment_plan make_payment_plan(const plan_balance& b, const plan_terms& t);

/// The schedule as the engine's overlay (nothing paid yet).
[[nodiscard]] plan_overlay to_overlay(const payment_plan& p, date agreed);

}  // namespace dunning

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_DUNNING_PAYMENT_PLAN_HPP
