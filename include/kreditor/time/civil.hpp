// -----------------------------------------------------------------------------
// File: kreditor/time/civil.hpp
// -----------------------------------------------------------------------------
//
// The proleptic Gregorian calendar on plain integers: day numbers (days since 1970-01-01, the
// serial of day_number() and of std::chrono::sys_days) to and from year/month/day, month
// lengths, month ends and month arithmetic. Everything is constexpr, noexcept and free of
// tables, loops and branches: Howard Hinnant's days_from_civil / civil_from_days
// (http://howardhinnant.github.io/date_algorithms.html), counted from an earlier era so that
// all arithmetic is unsigned; exact for years within +-4.99 million. Checked against
// Boost.Date_Time on every day 1900-01-01..2199-12-31 (tests/unit/time/civil_test.cpp).
// It is the fast path behind batch kernels that need a date's month (end-of-month and
// proximo due dates over millions of invoices); `date` (Boost) stays the value type of the
// API, and day_number() / from_day_number() convert.
//
//   static_assert(civil::days_from_civil(2024, 1, 31) == 19753);
//   static_assert(civil::civil_from_days(19753) == civil::ymd{2024, 1, 31});
//   static_assert(civil::end_of_month(19753 + 1) == civil::days_from_civil(2024, 2, 29));
//   static_assert(civil::add_months(19753, 1, month_end::clamp) == civil::days_from_civil(2024, 2, 29));
//   static_assert(civil::month_of(19753).next_length == 29);              // January 2024, then February
#ifndef KREDITOR_TIME_CIVIL_HPP
#define KREDITOR_TIME_CIVIL_HPP

#include <cstdint>

#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN
// A sub-namespace: end_of_month and add_months exist for `date` too (time/date.hpp).
namespace civil {

/// A calendar date as three integers: month 1..12, day 1..31.
struct ymd {
  std::int32_t year = 1970;  ///< proleptic Gregorian year
  std::int32_t month = 1;  ///< 1..12
  std::int32_t day = 1;  ///< 1..31
  /// Memberwise equality.
  friend constexpr bool operator==(const ymd&, const ymd&) = default;
};

/// Whether `year` has a 29 February (Gregorian rule, proleptic; year 0 is a leap year).
[[nodiscard]] constexpr bool is_leap_year(std::int32_t year) noexcept {
  // year % 4 == 0 && (year % 100 != 0 || year % 400 == 0), using that a multiple of 4 is a
  // multiple of 100 exactly when it is one of 25, and of 400 exactly when it is one of 16.
  // Bitwise operators, not && and ||: no branches, so loops over dates can vectorise.
  return ((year & 3) == 0) & (((year % 25) != 0) | ((year & 15) == 0));
}

/// The number of days of month `month` (1..12) of `year`. \pre 1 <= month <= 12.
[[nodiscard]] constexpr std::int32_t days_in_month(std::int32_t year, std::int32_t month) noexcept {
  // 30 or 31 by a bit pattern (bit m set: 31 days), February by the leap rule; selects only.
  const std::int32_t february = is_leap_year(year) ? 29 : 28;
  return month == 2 ? february : 30 + ((0b1'0101'1010'1010 >> month) & 1);
}

// Hinnant's algorithms count in eras of 400 years (146097 days) from 0000-03-01. Here the count
// starts `era_offset` eras earlier, at -4'999'999-03-01, so that every quantity is unsigned and
// every division is an unsigned division by a constant (a multiplication): no sign fix-ups and
// no branches, which lets batch loops over dates vectorise. Valid for |year| < 4'999'000.
inline constexpr std::uint32_t era_offset = 12'500;

/// The day number of year-month-day. \pre 1 <= month <= 12, 1 <= day <= days_in_month (other
/// days count on from the month's start, as Hinnant's algorithm does), |year| < 4'999'000.
[[nodiscard]] constexpr std::int32_t days_from_civil(std::int32_t year, std::int32_t month,
                                                     std::int32_t day) noexcept {
  const auto y = static_cast<std::uint32_t>(year + static_cast<std::int32_t>(era_offset * 400) -
                                            (month <= 2 ? 1 : 0));  // March-based year, >= 0
  const std::uint32_t era = y / 400;
  const std::uint32_t yoe = y - era * 400;                                               // [0, 399]
  const auto mp = static_cast<std::uint32_t>(month > 2 ? month - 3 : month + 9);        // March = 0
  const std::uint32_t doy = (153 * mp + 2) / 5 + static_cast<std::uint32_t>(day) - 1;  // [0, 365]
  const std::uint32_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;                      // [0, 146096]
  // Modulo 2^32, then back to signed: exact, since the true result fits an int32.
  return static_cast<std::int32_t>((era - era_offset) * 146097 + doe - 719468);
}
[[nodiscard]] constexpr std::int32_t days_from_civil(ymd d) noexcept {
  return days_from_civil(d.year, d.month, d.day);
}

namespace detail {
// Hinnant's civil_from_days up to the month: day `n` in March-based terms (the year starts on
// 1 March, so February, the only month of varying length, comes last).
struct march_date {
  std::uint32_t era;  // 400-year eras since the shifted epoch
  std::uint32_t yoe;  // year of era, [0, 399]
  std::uint32_t doy;  // day of the March-based year, [0, 365]
  std::uint32_t mp;   // month of the March-based year, [0, 11]: March = 0, February = 11
};
constexpr march_date split(std::int32_t n) noexcept {
  // Days since the shifted epoch (-4'999'999-03-01), modulo 2^32: exact for the range of n.
  const std::uint32_t z = static_cast<std::uint32_t>(n) + 719468 + era_offset * 146097;
  const std::uint32_t era = z / 146097;
  const std::uint32_t doe = z - era * 146097;                                       // [0, 146096]
  const std::uint32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const std::uint32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                // [0, 365]
  return {era, yoe, doy, (5 * doy + 2) / 153};
}
}  // namespace detail

/// The year-month-day of day number `n`. \pre n >= -1'825'000'000 (about year -4'999'000).
[[nodiscard]] constexpr ymd civil_from_days(std::int32_t n) noexcept {
  const detail::march_date m = detail::split(n);
  const auto day = static_cast<std::int32_t>(m.doy - (153 * m.mp + 2) / 5 + 1);
  const auto month = static_cast<std::int32_t>(m.mp < 10 ? m.mp + 3 : m.mp - 9);
  const auto year = static_cast<std::int32_t>(m.yoe + m.era * 400) -
                    static_cast<std::int32_t>(era_offset * 400) + (month <= 2 ? 1 : 0);
  return {year, month, day};
}

/// The month containing day `n` as day numbers: its first day, and its length and those of the
/// two months after it. For month-end and "next month" arithmetic over many dates it is
/// cheaper than civil_from_days + days_in_month: no year or month number is formed, and only
/// one leap-year test is needed (February is the only month of varying length, and in
/// March-based years it is the last, so the three months share its year).
/// \pre as civil_from_days.
struct month_span {
  std::int32_t first = 0;              ///< day number of the 1st
  std::int32_t day = 1;                ///< n's day of the month, 1..31
  std::int32_t length = 31;            ///< days in the month
  std::int32_t next_length = 30;       ///< days in the month after
  std::int32_t after_next_length = 31; ///< days in the month after that
  /// Memberwise equality.
  friend constexpr bool operator==(const month_span&, const month_span&) = default;
};
[[nodiscard]] constexpr month_span month_of(std::int32_t n) noexcept {
  const detail::march_date m = detail::split(n);
  const auto day = static_cast<std::int32_t>(m.doy - (153 * m.mp + 2) / 5 + 1);
  // February of a March-based year lies in calendar year yoe + 1 of the era, and eras start
  // at multiples of 400: leap when yoe + 1 is divisible by 4 but not 100, or is 400.
  const std::uint32_t y = m.yoe + 1;
  const std::uint32_t leap = ((y & 3) == 0) & ((y % 100 != 0) | (y == 400));
  // 31-day months by March-based index 0..13 (March .. April of the next year); 11 is February.
  const auto length = [leap](std::uint32_t k) {
    return static_cast<std::int32_t>(k == 11 ? 28 + leap : 30 + ((0b01'0110'1011'0101u >> k) & 1));
  };
  return {n - day + 1, day, length(m.mp), length(m.mp + 1), length(m.mp + 2)};
}

/// The day number of the last day of day `n`'s month.
[[nodiscard]] constexpr std::int32_t end_of_month(std::int32_t n) noexcept {
  const month_span m = month_of(n);
  return m.first + m.length - 1;
}

/// Adds `months` whole months (negative: subtracts) to day `n` with an explicit end-of-month
/// rule: the same results as add_months(date, int, month_end) in time/date.hpp.
/// \pre |year| < 4'999'000 for the day and the result (so |months| < 59'000'000).
[[nodiscard]] constexpr std::int32_t add_months(std::int32_t n, std::int32_t months,
                                                month_end rule) noexcept {
  const ymd d = civil_from_days(n);
  // Months since January of the shifted epoch year (see era_offset): never negative, so the
  // split into year and month is an unsigned division by 12.
  const auto index = static_cast<std::uint32_t>((d.year + static_cast<std::int32_t>(era_offset * 400)) * 12 +
                                                (d.month - 1) + months);
  const auto year = static_cast<std::int32_t>(index / 12) - static_cast<std::int32_t>(era_offset * 400);
  const auto month = static_cast<std::int32_t>(index % 12) + 1;
  const std::int32_t last = days_in_month(year, month);
  std::int32_t day = d.day < last ? d.day : last;
  // `rule` is the same for a whole batch, so this branch is predicted: snap's extra month
  // length is only computed when it is asked for.
  if (rule == month_end::snap && d.day == days_in_month(d.year, d.month)) day = last;
  return days_from_civil(year, month, day);
}

/// The day numbers of the first and last day a `date` can hold (1400-01-01 and 9999-12-31, the
/// range of Boost.Date_Time): a day number outside them has no `date`.
inline constexpr std::int32_t first_date_day = days_from_civil(1400, 1, 1);
inline constexpr std::int32_t last_date_day = days_from_civil(9999, 12, 31);

}  // namespace civil
KREDITOR_NAMESPACE_END

#endif  // KREDITOR_TIME_CIVIL_HPP
