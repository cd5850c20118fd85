// -----------------------------------------------------------------------------
// File: kreditor/time/date.hpp
// -----------------------------------------------------------------------------
//
// Civil dates are Boost.Date_Time's `boost::gregorian::date` (4 bytes, a value
// type). Special values (not_a_date_time, +/-infinity) are rejected where data
// enters the library and never appear inside it. Month arithmetic goes only
// through `add_months`, whose end-of-month rule is explicit: Boost's own
// `months` silently snaps (2023-02-28 + 1 month = 2023-03-31).
//
//   date d = parse_date("2024-01-31").value();
//   add_months(d, 1, month_end::clamp) == make_date(2024, 2, 29);
//   to_string(d) == "2024-01-31";   day_number(d) == 19753;
#ifndef KREDITOR_TIME_DATE_HPP
#define KREDITOR_TIME_DATE_HPP

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <cstdint>
#include <string>
#include <string_view>

#include "kreditor/core/result.hpp"

KREDITOR_NAMESPACE_BEGIN

/// A calendar date (Boost.Date_Time's: 1400-01-01..9999-12-31); no time of day, no time zone.
using date = boost::gregorian::date;
/// A number of days between dates.
using days = boost::gregorian::date_duration;

/// What adding months does to the last days of a month.
enum class month_end : std::uint8_t {
  clamp,  ///< keep the day, clamped to the month's length: Jan 31 + 1M = Feb 29 (2024); Feb 28 + 1M = Mar 28
  snap,   ///< a month-end stays a month-end: Feb 28 (2023) + 1M = Mar 31 (Boost's `months` behaviour)
};

/// The date y-m-d. \throws error(invalid_argument) naming the fields when it does not exist,
/// error(out_of_range) outside 1400..9999 (Boost's range).
[[nodiscard]] date make_date(int year, int month, int day);

/// Adds whole months (negative: subtracts) with an explicit end-of-month rule.
[[nodiscard]] date add_months(date d, int n, month_end rule);

/// The last day of d's month.
[[nodiscard]] date end_of_month(date d);

/// Parses an ISO 8601 calendar date "YYYY-MM-DD" (exactly that form). Failure is
/// errc::invalid_argument with a message naming the text and the problem.
result<date> parse_date(std::string_view text);

/// "YYYY-MM-DD". \pre d is not a special value.
[[nodiscard]] std::string to_string(date d);

/// Days since 1970-01-01 (the serial of std::chrono::sys_days; the C ABI's kreditor_date and
/// the columnar batch APIs use it).
[[nodiscard]] inline std::int32_t day_number(date d) noexcept {
  return static_cast<std::int32_t>(d.day_number()) - 2440588;  // Julian day number of 1970-01-01
}
/// day_number of 1400-01-01 and of 9999-12-31, the first and last day Boost.Date_Time has.
///@{
inline constexpr std::int32_t first_day_number = -208'188;
inline constexpr std::int32_t last_day_number = 2'932'896;
///@}

namespace detail {
[[noreturn]] void day_number_out_of_range(std::int32_t n);  ///< throws error(out_of_range)
}  // namespace detail

/// The inverse of day_number. \throws error(out_of_range) outside first_day_number ..
/// last_day_number (Boost would throw its own bad_year, which no caller expects).
[[nodiscard]] inline date from_day_number(std::int32_t n) {
  if (n < first_day_number || n > last_day_number) [[unlikely]]
    detail::day_number_out_of_range(n);
  return date(boost::gregorian::gregorian_calendar::from_day_number(
      static_cast<boost::gregorian::gregorian_calendar::date_int_type>(n + 2440588)));
}

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_TIME_DATE_HPP
