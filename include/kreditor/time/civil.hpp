// -----------------------------------------------------------------------------
// File: kreditor/time/civil.hpp
// -----------------------------------------------------------------------------
//
// The proleptic Gregorian calendar on plain integers: day numbers (days since 1970-01-01, the
// serial of day_number() and of std::chrono::sys_days) to and from year/month/day, month
// lengths, month ends and month arithmetic. Everything is constexpr, noexcept and free of
// tables and loops: Howard Hinnant's days_from_civil / civil_from_days
// (http://howardhinnant.github.io/date_algorithms.html), exact for every day number an int32
// can hold a year for. It is the fast path behind batch kernels that need a date's month
// (end-of-month and proximo due dates over millions of invoices); `date` (Boost) stays the
// value type of the API, and day_number()/from_day_number() convert.
//
//   static_assert(civil::days_from_civil(2024, 1, 31) == 19753);
//   static_assert(civil::civil_from_days(19753) == civil::ymd{2024, 1, 31});
//   static_assert(civil::end_of_month(19753 + 1) == civil::days_from_civil(2024, 2, 29));
//   static_assert(civil::add_months(19753, 1, month_end::clamp) == civil::days_from_civil(2024, 2, 29));
#ifndef KREDITOR_TIME_CIVIL_HPP
#define KREDITOR_TIME_CIVIL_HPP

#include <cstdint>

#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN
// A sub-namespace: end_of_month and add_months exist for `date` too (time/date.hpp).
namespace civil {

/// A calendar date as three integers: month 1..12, day 1..31.
struct ymd {
  std::int32_t year = 1970;
  std::int32_t month = 1;
  std::int32_t day = 1;
  friend constexpr bool operator==(const ymd&, const ymd&) = default;
};

/// Whether `year` has a 29 February (Gregorian rule, proleptic; year 0 is a leap year).
[[nodiscard]] constexpr bool is_leap_year(std::int32_t year) noexcept {
  return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

/// The number of days of month `month` (1..12) of `year`. \pre 1 <= month <= 12.
[[nodiscard]] constexpr std::int32_t days_in_month(std::int32_t year, std::int32_t month) noexcept {
  // 30 or 31 by a bit pattern (bit m set: 31 days), February by the leap rule.
  if (month == 2) return is_leap_year(year) ? 29 : 28;
  return 30 + ((0b1'0101'1010'1010 >> month) & 1);
}

/// The day number of year-month-day. \pre 1 <= month <= 12, 1 <= day <= days_in_month (other
/// days count on from the month's start, as Hinnant's algorithm does), |year| < 5'000'000.
[[nodiscard]] constexpr std::int32_t days_from_civil(std::int32_t year, std::int32_t month,
                                                     std::int32_t day) noexcept {
  const std::int32_t y = year - (month <= 2 ? 1 : 0);
  const std::int32_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<std::uint32_t>(y - era * 400);                           // [0, 399]
  const auto mp = static_cast<std::uint32_t>(month > 2 ? month - 3 : month + 9);        // March = 0
  const std::uint32_t doy = (153 * mp + 2) / 5 + static_cast<std::uint32_t>(day) - 1;  // [0, 365]
  const std::uint32_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;                      // [0, 146096]
  return era * 146097 + static_cast<std::int32_t>(doe) - 719468;
}
[[nodiscard]] constexpr std::int32_t days_from_civil(ymd d) noexcept {
  return days_from_civil(d.year, d.month, d.day);
}

/// The year-month-day of day number `n`. \pre |n| < 2^31 - 719468 (about ±5.8 million years).
[[nodiscard]] constexpr ymd civil_from_days(std::int32_t n) noexcept {
  const std::int32_t z = n + 719468;  // days since 0000-03-01
  const std::int32_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<std::uint32_t>(z - era * 146097);                // [0, 146096]
  const std::uint32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const std::uint32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);           // [0, 365]
  const std::uint32_t mp = (5 * doy + 2) / 153;                                // [0, 11], March = 0
  const auto day = static_cast<std::int32_t>(doy - (153 * mp + 2) / 5 + 1);
  const auto month = static_cast<std::int32_t>(mp < 10 ? mp + 3 : mp - 9);
  const std::int32_t year = static_cast<std::int32_t>(yoe) + era * 400 + (month <= 2 ? 1 : 0);
  return {year, month, day};
}

/// The day number of the last day of day `n`'s month.
[[nodiscard]] constexpr std::int32_t end_of_month(std::int32_t n) noexcept {
  const ymd d = civil_from_days(n);
  return n - d.day + days_in_month(d.year, d.month);
}

/// Adds `months` whole months (negative: subtracts) to day `n` with an explicit end-of-month
/// rule: the same results as add_months(date, int, month_end) in time/date.hpp.
/// \pre the result is within the range civil_from_days accepts (|months| < 60'000'000).
[[nodiscard]] constexpr std::int32_t add_months(std::int32_t n, std::int32_t months,
                                                month_end rule) noexcept {
  const ymd d = civil_from_days(n);
  const std::int32_t index = d.year * 12 + (d.month - 1) + months;  // months since 0000-01
  const std::int32_t year = (index >= 0 ? index : index - 11) / 12;  // floor division
  const std::int32_t month = index - year * 12 + 1;
  const std::int32_t last = days_in_month(year, month);
  const bool at_end = d.day == days_in_month(d.year, d.month);
  const std::int32_t day = (rule == month_end::snap && at_end) ? last : (d.day < last ? d.day : last);
  return days_from_civil(year, month, day);
}

/// The day numbers of the first and last day a `date` can hold (1400-01-01 and 9999-12-31, the
/// range of Boost.Date_Time): a day number outside them has no `date`.
inline constexpr std::int32_t first_date_day = days_from_civil(1400, 1, 1);
inline constexpr std::int32_t last_date_day = days_from_civil(9999, 12, 31);

}  // namespace civil
KREDITOR_NAMESPACE_END

#endif  // KREDITOR_TIME_CIVIL_HPP
