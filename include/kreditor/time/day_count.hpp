// -----------------------------------------------------------------------------
// File: kreditor/time/day_count.hpp
// -----------------------------------------------------------------------------
//
// Day-count conventions: how many years lie between two dates, as an EXACT
// rational, so that interest = principal x rate x year fraction is exact before
// its single rounding. A closed, regulated set: an enum plus free functions.
//
//   year_fraction yf = accrual(day_count::act_act_isda, make_date(2024, 12, 20),
//                              make_date(2025, 1, 10));
//   // 11 days in 2024 (/366) + 10 days in 2025 (/365) = (11*365 + 10*366) / (365*366)
//   parse_day_count("ACT/360").value() == day_count::act_360;
#ifndef KREDITOR_TIME_DAY_COUNT_HPP
#define KREDITOR_TIME_DAY_COUNT_HPP

#include <cstdint>
#include <string_view>

#include "kreditor/core/result.hpp"
#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN

/// The market definitions (ISDA 2006 §4.16 names). Every convention counts the period
/// (from, to]: the first day is not counted, the last day is, so consecutive periods add up.
enum class day_count : std::uint8_t {
  /// ACT/365 (Fixed): actual days / 365, leap years or not. Sweden's default for
  /// dröjsmålsränta (calculators divide by 365; legal.md §1.0).
  act_365_fixed,
  /// ACT/360 (money market): actual days / 360.
  act_360,
  /// ACT/ACT (ISDA): days falling in a leap year / 366 + days in other years / 365.
  /// Norway and Finland count statutory late interest this way ("1/365 per day in a normal
  /// year, 1/366 in a leap year": Lovavdelingen, quoted by forsinkelsesrente.no; Finland's
  /// Korkokäsikirja "todellinen korko").
  act_act_isda,
  /// 30E/360 (Eurobond basis, ISDA 2006 4.16(g)): a day 31 becomes 30 at both ends; February
  /// is not adjusted. Danish calculators' "30/360" for morarente (legal.md §1.0, UNCERTAIN).
  thirty_e_360,
  /// 30/360 US (Bond Basis, ISDA 2006 4.16(f)): D1 = 31 -> 30; D2 = 31 -> 30 only when D1 is
  /// (then) 30; February is not adjusted (no end-of-February rule: that is the SIA variant).
  thirty_360_us,
};

/// An exact year fraction numerator / denominator. denominator > 0; not reduced:
/// act_365_fixed has 365, act_360 and the 30/360 family 360, act_act_isda always
/// 133590 (= 365 x 366), so fractions of one convention add without rescaling.
struct year_fraction {
  std::int64_t numerator = 0;  ///< the fraction in 1/denominator years
  std::int64_t denominator = 1;  ///< the convention's year (365, 360, 133590)
  /// Same numerator and denominator (not reduced: 1/2 != 2/4).
  friend constexpr bool operator==(year_fraction, year_fraction) noexcept = default;
};

/// The common denominator act_act_isda uses: 365 x 366.
inline constexpr std::int64_t act_act_denominator = 365 * 366;

/// The year fraction of the period (from, to] under `dc`. Negative when to < from
/// (accrual(dc, a, b) == -accrual(dc, b, a) for the ACT conventions).
/// \pre neither date is a special value.
[[nodiscard]] year_fraction accrual(day_count dc, date from, date to);

/// The day count of (from, to] under `dc`: actual days for the ACT conventions, 30/360
/// days for the 30/360 family. This is the numerator's "days" as statements print them.
[[nodiscard]] std::int64_t day_count_days(day_count dc, date from, date to);

/// Parses a convention: the enumerator name ("act_365_fixed") or the market name, case-
/// insensitive: "ACT/365F", "ACT/365 FIXED", "ACT/360", "ACT/ACT", "ACT/ACT ISDA", "30E/360",
/// "30/360", "30/360 US". errc::invalid_argument naming the text otherwise.
result<day_count> parse_day_count(std::string_view text);

/// The market name: "ACT/365F", "ACT/360", "ACT/ACT ISDA", "30E/360", "30/360 US".
[[nodiscard]] std::string_view to_string(day_count dc) noexcept;

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_TIME_DAY_COUNT_HPP
