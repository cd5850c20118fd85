// The calendar factories that are not a country's rules: Easter, weekends only, lookup by code.
#include "kreditor/time/calendars.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <utility>

#include "time/holiday_rules.hpp"

KREDITOR_NAMESPACE_BEGIN

date easter_sunday(int year) {
  if (year < 1583 || year > 9999)
    throw error(errc::out_of_range,
                "easter_sunday: year " + std::to_string(year) + " is outside 1583..9999 (Gregorian)");
  return date(static_cast<unsigned short>(year), 1, 1) + days(detail::easter_day_of_year(year) - 1);
}

calendar weekends_only() { return calendar(); }

result<calendar> calendar_for(std::string_view code) {
  std::string key(code);
  std::transform(key.begin(), key.end(), key.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  // clang-format off
  static constexpr std::array<std::pair<std::string_view, calendar (*)()>, 6> table{{
    {"NO", &norway}, {"SE", &sweden}, {"DK", &denmark}, {"FI", &finland},
    {"WEEKENDS", &weekends_only}, {"NO-PUBLIC", &norway_public_holidays},
  }};
  // clang-format on
  for (const auto& [name, make] : table)
    if (name == key) return make();
  return failure{errc::not_found, "calendar: '" + std::string(code) +
                                      "' is not one of NO, SE, DK, FI, weekends, NO-public"};
}

KREDITOR_NAMESPACE_END
