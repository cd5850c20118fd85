#include "kreditor/time/day_count.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

KREDITOR_NAMESPACE_BEGIN
namespace {

bool is_leap(int year) noexcept {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

std::int64_t actual_days(date from, date to) {
  return static_cast<std::int64_t>(day_number(to)) - day_number(from);
}

// 30/360 day count from (y, m, d) fields already adjusted by the convention's rules.
std::int64_t thirty_360_days(const date& from, const date& to, bool european) {
  int d1 = from.day();
  int d2 = to.day();
  if (european) {
    d1 = std::min(d1, 30);
    d2 = std::min(d2, 30);
  } else {
    if (d1 == 31) d1 = 30;
    if (d2 == 31 && d1 == 30) d2 = 30;
  }
  return 360LL * (to.year() - from.year()) + 30LL * (to.month() - from.month()) + (d2 - d1);
}

// ACT/ACT ISDA for from <= to: each calendar year's share of (from, to] over that year's length,
// summed over the common denominator 365 x 366.
std::int64_t act_act_numerator(date from, date to) {
  std::int64_t numerator = 0;
  std::int32_t previous_end = day_number(from);  // the last day NOT counted
  const std::int32_t last = day_number(to);
  for (int year = from.year(); previous_end < last; ++year) {
    const std::int32_t year_end = std::min(last, day_number(date(static_cast<unsigned short>(year), 12, 31)));
    const std::int64_t n = year_end - previous_end;
    numerator += n * (is_leap(year) ? 365 : 366);  // n/366 = n*365/(365*366); n/365 = n*366/(...)
    previous_end = year_end;
  }
  return numerator;
}

std::string upper(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  return out;
}

}  // namespace

std::int64_t day_count_days(day_count dc, date from, date to) {
  switch (dc) {
    case day_count::act_365_fixed:
    case day_count::act_360:
    case day_count::act_act_isda: return actual_days(from, to);
    case day_count::thirty_e_360: return thirty_360_days(from, to, true);
    case day_count::thirty_360_us:
      // Bond basis is not antisymmetric in its rules; count forwards and negate.
      return from <= to ? thirty_360_days(from, to, false) : -thirty_360_days(to, from, false);
  }
  throw error(errc::invalid_argument, "day_count_days: unknown day_count");
}

year_fraction accrual(day_count dc, date from, date to) {
  if (from.is_special() || to.is_special())
    throw error(errc::invalid_argument, "accrual: special date value");
  switch (dc) {
    case day_count::act_365_fixed: return {actual_days(from, to), 365};
    case day_count::act_360: return {actual_days(from, to), 360};
    case day_count::act_act_isda:
      return {from <= to ? act_act_numerator(from, to) : -act_act_numerator(to, from),
              act_act_denominator};
    case day_count::thirty_e_360:
    case day_count::thirty_360_us: return {day_count_days(dc, from, to), 360};
  }
  throw error(errc::invalid_argument, "accrual: unknown day_count");
}

result<day_count> parse_day_count(std::string_view text) {
  struct name {
    std::string_view text;
    day_count dc;
  };
  static constexpr std::array<name, 18> names{{
      {"ACT_365_FIXED", day_count::act_365_fixed}, {"ACT/365F", day_count::act_365_fixed},
      {"ACT/365 FIXED", day_count::act_365_fixed}, {"ACT/365", day_count::act_365_fixed},
      {"ACT_360", day_count::act_360},             {"ACT/360", day_count::act_360},
      {"ACT_ACT_ISDA", day_count::act_act_isda},   {"ACT/ACT ISDA", day_count::act_act_isda},
      {"ACT/ACT", day_count::act_act_isda},        {"ACTUAL/ACTUAL", day_count::act_act_isda},
      {"THIRTY_E_360", day_count::thirty_e_360},   {"30E/360", day_count::thirty_e_360},
      {"EUROBOND BASIS", day_count::thirty_e_360}, {"THIRTY_360_US", day_count::thirty_360_us},
      {"30/360 US", day_count::thirty_360_us},     {"30/360", day_count::thirty_360_us},
      {"30U/360", day_count::thirty_360_us},       {"BOND BASIS", day_count::thirty_360_us},
  }};
  const std::string key = upper(text);
  for (const auto& n : names)
    if (key == n.text) return n.dc;
  return failure{errc::invalid_argument,
                 "day_count: '" + std::string(text) +
                     "' is not a day count (ACT/365F, ACT/360, ACT/ACT ISDA, 30E/360, 30/360 US)"};
}

std::string_view to_string(day_count dc) noexcept {
  switch (dc) {
    case day_count::act_365_fixed: return "ACT/365F";
    case day_count::act_360: return "ACT/360";
    case day_count::act_act_isda: return "ACT/ACT ISDA";
    case day_count::thirty_e_360: return "30E/360";
    case day_count::thirty_360_us: return "30/360 US";
  }
  return "unknown";
}

KREDITOR_NAMESPACE_END
