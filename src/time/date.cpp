#include "kreditor/time/date.hpp"

#include <cstdio>

KREDITOR_NAMESPACE_BEGIN
namespace {
namespace g = boost::gregorian;

/// Days in `month` (1..12) of `year`, Gregorian. (Boost's end_of_month_day checks its
/// arguments with exceptions on every call; the cross-check is MakeDate.EveryDayOf1400To9999.)
int days_in_month(int year, int month) noexcept {
  static constexpr int length[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  return length[month - 1] + (month == 2 && leap ? 1 : 0);
}

/// The date of a checked year (1400..9999), month and day, from its day number (H. Hinnant's
/// days_from_civil, exact for the proleptic Gregorian calendar): Boost's date(y, m, d) checks
/// each part again with exceptions, and a ledger makes a million dates.
date from_civil(int year, int month, int day) noexcept {
  const int y = year - (month <= 2 ? 1 : 0);
  const int era = y / 400;  // year >= 1400: no negative years
  const int yoe = y - era * 400;
  const int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  static const date epoch(1970, 1, 1);
  return epoch + days(era * 146097 + doe - 719468);
}
}  // namespace

date make_date(int year, int month, int day) {
  if (year < 1400 || year > 9999)
    throw error(errc::out_of_range, "date: year " + std::to_string(year) + " is outside 1400..9999");
  if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month))
    throw error(errc::invalid_argument, "date: " + std::to_string(year) + "-" +
                                            std::to_string(month) + "-" + std::to_string(day) +
                                            " does not exist");
  return from_civil(year, month, day);
}

date end_of_month(date d) { return d.end_of_month(); }

date add_months(date d, int n, month_end rule) {
  const long long index = d.year() * 12LL + (d.month() - 1) + n;  // 64-bit: any int n is safe
  if (index < 1400 * 12LL || index >= 10000 * 12LL)  // Boost itself would throw std::out_of_range
    throw error(errc::out_of_range, "add_months: " + to_string(d) + " + " + std::to_string(n) +
                                        " months is outside 1400..9999");
  const int year = static_cast<int>(index / 12);
  const int month = static_cast<int>(index % 12) + 1;
  const int last = days_in_month(year, month);
  const bool at_end = d.day() == d.end_of_month().day();
  const int day = (rule == month_end::snap && at_end) ? last : std::min<int>(d.day(), last);
  return make_date(year, month, day);
}

result<date> parse_date(std::string_view text) {
  // The usual text, the YYYY-MM-DD of a day that exists, read straight; anything else below,
  // where the message is made.
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    const auto digit = [&](std::size_t i) { return static_cast<unsigned>(static_cast<unsigned char>(text[i])) - '0'; };
    const unsigned y0 = digit(0), y1 = digit(1), y2 = digit(2), y3 = digit(3), m0 = digit(5), m1 = digit(6),
                   d0 = digit(8), d1 = digit(9);
    if (((y0 < 10) & (y1 < 10) & (y2 < 10) & (y3 < 10) & (m0 < 10) & (m1 < 10) & (d0 < 10) & (d1 < 10)) != 0) {
      const int year = static_cast<int>(y0 * 1000 + y1 * 100 + y2 * 10 + y3);
      const int month = static_cast<int>(m0 * 10 + m1);
      const int day = static_cast<int>(d0 * 10 + d1);
      if (year >= 1400 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month))
        return from_civil(year, month, day);
    }
  }
  const auto bad = [&](const std::string& why) {
    return failure{errc::invalid_argument, "date: '" + std::string(text) + "' " + why};
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-')
    return bad("is not of the form YYYY-MM-DD");
  int field[3] = {0, 0, 0};
  const std::size_t start[3] = {0, 5, 8}, length[3] = {4, 2, 2};
  for (int f = 0; f < 3; ++f)
    for (std::size_t i = start[f]; i < start[f] + length[f]; ++i) {
      if (text[i] < '0' || text[i] > '9') return bad("is not of the form YYYY-MM-DD");
      field[f] = field[f] * 10 + (text[i] - '0');
    }
  try {
    return make_date(field[0], field[1], field[2]);
  } catch (const error& e) {
    return failure{e.code(), "date: '" + std::string(text) + "' does not exist or is out of range"};
  }
}

namespace detail {
void day_number_out_of_range(std::int32_t n) {
  throw error(errc::out_of_range, "date: day number " + std::to_string(n) +
                                      " is beyond the years 1400..9999 (day numbers " +
                                      std::to_string(first_day_number) + ".." + std::to_string(last_day_number) + ")");
}
}  // namespace detail

std::string to_string(date d) {
  // Date arithmetic may step past Boost's years (9999-12-31 + 1 day); splitting such a date
  // would throw Boost's bad_year, which no kreditor caller expects: say what it is instead.
  if (!d.is_special() && (day_number(d) < first_day_number || day_number(d) > last_day_number))
    throw error(errc::out_of_range, "date: beyond the years 1400..9999 (" + std::to_string(day_number(d)) +
                                        " days from 1970-01-01)");
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(d.year()),
                static_cast<int>(d.month()), static_cast<int>(d.day()));
  return buf;
}

KREDITOR_NAMESPACE_END
