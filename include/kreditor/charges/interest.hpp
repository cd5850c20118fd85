// -----------------------------------------------------------------------------
// File: kreditor/charges/interest.hpp
// -----------------------------------------------------------------------------
//
// Simple late-payment interest (never interest on interest) over an effective-dated
// rate table, split at every rate change and every balance change, each part at its
// own rate and the jurisdiction's day count, summed EXACTLY and rounded ONCE.
//
// Convention (legal.md §1.0): for an invoice due on D and paid on P, interest
// accrues for each day from D+1 through P, i.e. P - D days (`first_interest_day::
// day_after_due`). Norway's statute says "fra forfallsdag" and Sweden's Kronofogden
// example counts both end dates (UNCERTAIN, legal.md §1.6 SE-1), so the first day is
// configurable: `first_interest_day::due_date` counts D as well (P - D + 1 days).
//
//   rate_table no = statutory_late_interest(jurisdiction::no, segment::b2b).value();
//   interest_result r = late_interest(money(1'000'000, iso4217::nok), no,
//                                     make_date(2024, 12, 20), make_date(2025, 1, 10),
//                                     convention_of(no));
//   // r.interest == 71.81 NOK: 11 days x 12.5 % / 366 + 10 days x 12.5 % / 365, rounded once
#ifndef KREDITOR_CHARGES_INTEREST_HPP
#define KREDITOR_CHARGES_INTEREST_HPP

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "kreditor/core/money.hpp"
#include "kreditor/core/rate.hpp"
#include "kreditor/core/rounding.hpp"
#include "kreditor/jurisdiction/rate_table.hpp"
#include "kreditor/time/date.hpp"
#include "kreditor/time/day_count.hpp"

KREDITOR_NAMESPACE_BEGIN

/// Which day is the first interest day of an invoice due on D.
enum class first_interest_day : std::uint8_t {
  day_after_due,  ///< D+1 (the library's default; EU art. 3(3)(a), FI, NO calculators)
  due_date,       ///< D itself (a literal reading of NO "fra forfallsdag"; SE-1 example)
};

/// How interest is counted: the day count, the first interest day and the one rounding.
struct interest_convention {
  day_count basis = day_count::act_act_isda;  ///< the day count
  first_interest_day start = first_interest_day::day_after_due;  ///< the first interest day
  rounding mode = rounding::half_up;  ///< applied once, to the exact total
  /// The law does not settle `basis` (rate_table_info::basis_uncertain): results say so. A
  /// day count the caller chooses explicitly is theirs: set false.
  bool basis_uncertain = false;
  /// Memberwise equality.
  friend bool operator==(const interest_convention&, const interest_convention&) = default;
};

/// The convention a rate table's law uses (its info().basis and start), with `mode`.
/// NO/FI: ACT/ACT ISDA; SE: ACT/365F (UNCERTAIN); DK: ACT/ACT ISDA (UNCERTAIN: renteloven § 5
/// says only "årlig rente"; 30E/360 practice is an option); EU: ACT/365F (UNCERTAIN).
[[nodiscard]] interest_convention convention_of(const rate_table& table,
                                                rounding mode = rounding::half_up);

/// A change of the interest-bearing balance: a payment or credit note (negative `delta`) or
/// a further amount (positive). It takes effect the day AFTER `on`: a payment on day X still
/// bears interest for day X, exactly as the final payment on P does.
struct balance_change {
  date on{};  ///< the day of the change (it counts from the day after)
  money delta{};  ///< negative: a payment or credit note; positive: a further amount
  /// Memberwise equality.
  friend bool operator==(const balance_change&, const balance_change&) = default;
};

/// One period of constant balance and rate.
struct interest_period {
  date from{};            ///< first interest day (inclusive)
  date to{};              ///< last interest day (inclusive)
  std::int64_t days = 0;  ///< calendar days from `from` through `to` (the day count's own count is in `fraction`)
  money balance{};        ///< the interest-bearing balance during the period
  rate annual{};          ///< the rate in force
  year_fraction fraction{};  ///< exact year fraction of the period
  /// This period's interest rounded on its own with the convention's mode, FOR DISPLAY: the
  /// total is the single rounding of the exact sum and may differ from the sum of these by a
  /// minor unit or so.
  money interest{};
  bool uncertain = false;  ///< the rate row is flagged uncertain
  std::string source{};    ///< the rate row's source
};

/// Late interest with the periods it was computed from, exactly.
struct interest_result {
  money interest{};        ///< the exact sum over all periods, rounded once
  /// The exact interest in minor units before the one rounding: exact_numerator /
  /// exact_denominator (denominator = 1e9 x the day count's denominator).
  int128 exact_numerator = 0;
  std::int64_t exact_denominator = 1;  ///< see exact_numerator
  std::int64_t days = 0;   ///< interest days from the first interest day through the end date
  std::vector<interest_period> periods{};  ///< in date order; zero-balance stretches are left out
  interest_convention convention{};  ///< the convention used
  bool uncertain = false;  ///< some rate used is flagged uncertain
  bool day_count_uncertain = false;  ///< the law does not settle the day count used (convention.basis_uncertain)
};

/// Late interest on `principal` for an invoice due on `due` and paid (or evaluated) on `end`:
/// interest days are (due, end] (or [due, end] with first_interest_day::due_date), split at
/// every row of `rates` and every balance change, each period at its own rate under
/// `convention.basis`, summed exactly (128-bit, checked) and rounded once.
/// `end` <= the day before the first interest day gives zero interest and no periods.
/// \throws error(not_found) when a day has no rate (before the table's first row);
///         error(invalid_argument) for a negative principal or a balance that would go
///         negative, or a change after `end`; error(currency_mismatch) for a change in another
///         currency; error(overflow) when the result does not fit.
[[nodiscard]] interest_result late_interest(money principal, const rate_table& rates, date due,
                                            date end, const interest_convention& convention,
                                            std::span<const balance_change> changes = {});

/// late_interest(...).interest, without the breakdown: the same arithmetic and errors, no
/// period list (the dunning engine asks for the amount at each event of each invoice).
[[nodiscard]] money late_interest_amount(money principal, const rate_table& rates, date due, date end,
                                         const interest_convention& convention,
                                         std::span<const balance_change> changes = {});

/// Late interest accrued along a balance path as days go by: for a replay that must know, on the
/// day a payment arrives, how much interest has accrued (the book charges it before the payment
/// is applied, costs -> interest -> principal). The same arithmetic as late_interest — each
/// stretch of constant balance and rate at its own rate, summed exactly, rounded once — so
///   running_interest r(p, rates, due, conv); r.change(x1, d1); ...; r.through(D)
/// equals late_interest(p, rates, due, D, conv, {changes dated before D}).interest (a test says
/// so over random paths). Extra splits are exact for every day count with per-day weights,
/// i.e. all but 30/360 US.
///
///   running_interest r(money(1'000'000, iso4217::nok), no, due, convention_of(no));
///   r.through(paid_on);                      // interest owed with the payment
///   r.change(paid_on, money(-400'000, iso4217::nok));  // the principal it paid, from the next day
class running_interest {
 public:
  /// `rates` must outlive this object. \throws error(invalid_argument) for a negative principal
  /// or a special date.
  running_interest(money principal, const rate_table& rates, date due, const interest_convention& convention);

  /// The interest accrued from the first interest day through `day`, rounded once by the
  /// convention's mode (zero through the day before the first interest day).
  /// \throws error(invalid_argument) when `day` is before a day already counted;
  /// error(not_found) when a day has no rate; error(overflow).
  [[nodiscard]] money through(date day);
  /// The balance changes by `delta` on `on`; interest through `on` is on the old balance.
  /// \throws error(invalid_argument) for a change before a day already counted or one that takes
  /// the balance below zero; error(currency_mismatch).
  void change(date on, money delta);

  /// The interest-bearing balance now.
  [[nodiscard]] money balance() const noexcept { return balance_; }

 private:
  void accrue_through(date day);
  const rate_table* rates_;
  interest_convention convention_;
  date start_;   ///< the day before the first interest day
  date cursor_;  ///< the last day counted
  money balance_;
  int128 numerator_ = 0;
};

/// Simple interest at a fixed annual rate over (from, to]: principal x annual x
/// accrual(dc, from, to), exact in 128 bits and rounded once to minor units.
[[nodiscard]] money simple_interest(money principal, rate annual, day_count dc, date from, date to,
                                    rounding mode);

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_CHARGES_INTEREST_HPP
