// -----------------------------------------------------------------------------
// File: kreditor/terms/due_dates.hpp
// -----------------------------------------------------------------------------
//
// What payment terms mean in dates and amounts: the due date (or instalment schedule) of an
// invoice, its discount deadlines, the amount to pay on a given day, and what not taking a
// discount costs per year. Counting starts from the invoice date, or from the delivery date
// when one is given; the raw date is then moved by a deadline_rule (the jurisdiction's
// statutory rule, or any calendar + roll convention). Without a rule nothing is moved.
//
//   const payment_terms t = parse_terms("2/10 net 30").value();
//   due_date(t, make_date(2026, 1, 15)) == make_date(2026, 2, 14);             // a Saturday
//   due_date(t, make_date(2026, 1, 15), statutory_deadline_rule(jurisdiction::no))
//       == make_date(2026, 2, 16);                                             // next business day
//   implied_annual_rate(t, compounding::simple, 4).value() == decimal(3724, 4);  // 37.24 %
#ifndef KREDITOR_TERMS_DUE_DATES_HPP
#define KREDITOR_TERMS_DUE_DATES_HPP

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "kreditor/core/decimal.hpp"
#include "kreditor/core/money.hpp"
#include "kreditor/core/rate.hpp"
#include "kreditor/core/rounding.hpp"
#include "kreditor/terms/inline_list.hpp"
#include "kreditor/terms/payment_terms.hpp"
#include "kreditor/time/business_day_convention.hpp"
#include "kreditor/time/date.hpp"
#include "kreditor/time/deadline_rule.hpp"

KREDITOR_NAMESPACE_BEGIN

/// The dates terms count from: the invoice date and, optionally, the delivery date. When
/// `delivered` is set, credit periods count from it (and COD falls due on it); CIA and due on
/// receipt always fall due on the invoice date.
struct invoice_dates {
  date issued{};  ///< the invoice date
  std::optional<date> delivered{};  ///< the delivery date, if credit periods count from it
  /// Memberwise equality.
  friend bool operator==(const invoice_dates&, const invoice_dates&) = default;
};

/// The rule that moves nothing: weekends-only calendar, business_day_convention::unadjusted.
/// (An immutable constant, shared; the default of every `roll` parameter below.)
[[nodiscard]] const deadline_rule& no_adjustment();

/// The due date under `t`: for instalment terms the last instalment's, then moved by `roll`.
/// \pre invalid_reason(t) is empty (a period out of range throws error(invalid_argument)).
[[nodiscard]] date due_date(const payment_terms& t, invoice_dates dates,
                            const deadline_rule& roll = no_adjustment());
/// The due date under `t` of an invoice issued on `issued` (no delivery date).
[[nodiscard]] inline date due_date(const payment_terms& t, date issued,
                                   const deadline_rule& roll = no_adjustment()) {
  return due_date(t, invoice_dates{issued}, roll);
}

/// The due date of instalment `index` (for non-instalment terms only index 0, the due date).
/// \throws error(out_of_range) for an index past the instalments.
[[nodiscard]] date installment_due_date(const payment_terms& t, std::size_t index,
                                        invoice_dates dates,
                                        const deadline_rule& roll = no_adjustment());

/// Columnar form of due_date for one set of terms: out[i] = due date of an invoice issued on
/// issue_days[i] (day_number()s). Same kernel as the scalar function: integer civil-date
/// arithmetic (time/civil.hpp) on day numbers, one loop per term form, then `roll`.
/// \throws error(invalid_argument) when the spans differ in size or a period is out of range,
/// error(out_of_range) when an issue day or a due date falls outside 1400-01-01..9999-12-31.
void due_dates(const payment_terms& t, std::span<const std::int32_t> issue_days,
               std::span<std::int32_t> out, const deadline_rule& roll = no_adjustment());

/// A discount tier with its last day.
struct dated_discount {
  date deadline{};  ///< the last day the tier applies (inclusive)
  kreditor::rate discount{};  ///< the discount the tier gives
  /// Memberwise equality.
  friend bool operator==(const dated_discount&, const dated_discount&) = default;
};

/// The last day of each discount tier, in tier order, moved by `roll`.
[[nodiscard]] inline_list<dated_discount, payment_terms::max_discounts> discount_deadlines(
    const payment_terms& t, invoice_dates dates, const deadline_rule& roll = no_adjustment());

/// The discount that applies to a payment made on `paid_on`: the first tier whose deadline
/// has not passed (paid_on <= deadline); nullopt when none does.
[[nodiscard]] std::optional<kreditor::rate> discount_on(const payment_terms& t, invoice_dates dates,
                                                        date paid_on,
                                                        const deadline_rule& roll = no_adjustment());

/// The amount that settles `invoiced` when paid on `paid_on`: invoiced minus the discount
/// that applies then, the discount rounded once with `mode`.
[[nodiscard]] money amount_to_pay(const payment_terms& t, money invoiced, invoice_dates dates,
                                  date paid_on, rounding mode,
                                  const deadline_rule& roll = no_adjustment());

/// One line of a payment schedule.
struct scheduled_payment {
  date due{};  ///< the due date
  money amount{};  ///< the amount due then
  /// Memberwise equality.
  friend bool operator==(const scheduled_payment&, const scheduled_payment&) = default;
};

/// When and how much of `amount` falls due: one line for net and cash terms, one per
/// instalment otherwise. Percentage shares are split with allocate() (largest remainder), so
/// the lines always sum to `amount` exactly; fixed amounts are taken as they are and the
/// balance instalment gets the rest (possibly zero).
/// \throws error(invalid_argument) for a negative amount, fixed amounts that do not match the
/// invoice (too large, or not summing to it without a balance), error(precision_loss) for a
/// fixed amount with more decimals than the currency has.
[[nodiscard]] std::vector<scheduled_payment> payment_schedule(
    const payment_terms& t, money amount, invoice_dates dates,
    const deadline_rule& roll = no_adjustment());

/// How the implied cost of forgoing a discount is annualised.
enum class compounding : std::uint8_t {
  simple,    ///< d/(1-d) x 365/(N-D)
  compound,  ///< (1 + d/(1-d))^(365/(N-D)) - 1
};

/// The annual cost of NOT taking a discount `d` and paying `extra_days` later instead, as a
/// FRACTION (0.3724 = 37.24 %) rounded half-even to `places` decimals (0..12). A statistic,
/// not money: the simple rate is exact before its one rounding; the compound rate is
/// computed in long double (about 18 significant digits), which is exact at the returned
/// precision except for values within ~1e-15 of a rounding tie.
/// Check: 2/10 net 30 gives 0.3724 simple and 0.4459 compound at 4 places.
/// \throws error(invalid_argument) unless 0 < d < 100 % and extra_days > 0, or places outside 0..12.
[[nodiscard]] decimal implied_annual_rate(kreditor::rate d, std::int32_t extra_days,
                                          compounding how, int places = 6);
/// The same for the FIRST discount tier of `t` (N-D from the nominal periods: under proximo the
/// days of the month); nullopt when `t` has no discount.
[[nodiscard]] std::optional<decimal> implied_annual_rate(const payment_terms& t, compounding how,
                                                         int places = 6);

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_TERMS_DUE_DATES_HPP
