// The machinery behind the national calendars (src-private): a holiday rule is a plain
// function that names the holiday a day is, or returns nullptr. Rules are written QuantLib
// style, one commented line per holiday with its legal source and effective years, and are
// evaluated only when a calendar's table is built (and for dates outside the table).
#ifndef KREDITOR_SRC_TIME_HOLIDAY_RULES_HPP
#define KREDITOR_SRC_TIME_HOLIDAY_RULES_HPP

#include <string>
#include <vector>

#include "kreditor/time/calendar.hpp"
#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace detail {

/// What a holiday rule needs to know about a day (all 1-based except weekday).
struct day_facts {
  int year = 0;
  int month = 0;       ///< 1..12
  int day = 0;         ///< 1..31
  int weekday = 0;     ///< 0 = Sunday .. 6 = Saturday (Boost's numbering)
  int day_of_year = 0; ///< 1..366
  int easter = 0;      ///< day_of_year of Easter Sunday in `year`

  /// Whether this day is Easter Sunday + offset days (same year; every Easter-based
  /// holiday lies within the year).
  [[nodiscard]] constexpr bool easter_offset(int offset) const noexcept {
    return day_of_year == easter + offset;
  }
  /// Whether this day is the weekday `wd` in the closed window [m1-d1, m2-d2] of the year
  /// (e.g. "the Saturday between 20 and 26 June").
  [[nodiscard]] constexpr bool weekday_between(int wd, int m1, int d1, int m2, int d2) const noexcept {
    const int here = month * 100 + day;
    return weekday == wd && here >= m1 * 100 + d1 && here <= m2 * 100 + d2;
  }
};

inline constexpr int sunday = 0, monday = 1, tuesday = 2, wednesday = 3, thursday = 4, friday = 5,
                     saturday = 6;

/// The name of the holiday `f` is, or nullptr. Must be a pure function of `f`.
using holiday_rule = const char* (*)(const day_facts& f) noexcept;

/// The facts of a date (computes Easter: not for hot loops).
[[nodiscard]] day_facts facts_of(date d);

/// Day of year of Easter Sunday (1-based), the anonymous Gregorian computus.
[[nodiscard]] int easter_day_of_year(int year) noexcept;

/// Builds calendars from rules (the national calendar factories use it).
struct calendar_access {
  [[nodiscard]] static calendar from_rules(std::string name, std::vector<holiday_rule> rules);
};

}  // namespace detail
KREDITOR_NAMESPACE_END

#endif  // KREDITOR_SRC_TIME_HOLIDAY_RULES_HPP
