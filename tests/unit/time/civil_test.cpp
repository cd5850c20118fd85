#include "kreditor/time/civil.hpp"

#include <gtest/gtest.h>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <climits>
#include <cstdint>
#include <string>

#include "kreditor/time/date.hpp"

namespace kreditor {
namespace {

using civil::ymd;

// ---- compile time: the header's examples and a few fixed points -------------------------------
static_assert(civil::days_from_civil(1970, 1, 1) == 0);
static_assert(civil::days_from_civil(2024, 1, 31) == 19753);
static_assert(civil::civil_from_days(19753) == ymd{2024, 1, 31});
static_assert(civil::end_of_month(19753 + 1) == civil::days_from_civil(2024, 2, 29));
static_assert(civil::add_months(19753, 1, month_end::clamp) == civil::days_from_civil(2024, 2, 29));
static_assert(civil::month_of(19753).next_length == 29);  // January 2024, then February
static_assert(civil::month_of(civil::days_from_civil(2023, 12, 31)) ==
              civil::month_span{civil::days_from_civil(2023, 12, 1), 31, 31, 31, 29});  // Feb 2024
static_assert(civil::month_of(civil::days_from_civil(2000, 2, 29)) ==
              civil::month_span{civil::days_from_civil(2000, 2, 1), 29, 29, 31, 30});
static_assert(civil::days_from_civil(0, 3, 1) == -719468);  // Hinnant's epoch
static_assert(civil::civil_from_days(-1) == ymd{1969, 12, 31});
static_assert(civil::days_in_month(1900, 2) == 28 && civil::days_in_month(2000, 2) == 29);
static_assert(civil::days_in_month(2023, 4) == 30 && civil::days_in_month(2023, 12) == 31);
static_assert(civil::is_leap_year(0) && civil::is_leap_year(-4) && !civil::is_leap_year(-100));
static_assert(civil::first_date_day == -208'188);  // 1400-01-01
static_assert(civil::last_date_day == 2'932'896);  // 9999-12-31

// ---- against Boost.Date_Time, every day 1900-01-01 .. 2199-12-31 ------------------------------

constexpr std::int32_t first_day = -25'567;   // 1900-01-01
constexpr std::int32_t last_day = 84'005;     // 2199-12-31

TEST(Civil, RangeOfTheCrossCheckIs1900To2199) {
  EXPECT_EQ(first_day, day_number(make_date(1900, 1, 1)));
  EXPECT_EQ(last_day, day_number(make_date(2199, 12, 31)));
  EXPECT_EQ(civil::first_date_day, day_number(make_date(1400, 1, 1)));
  EXPECT_EQ(civil::last_date_day, day_number(make_date(9999, 12, 31)));
}

TEST(Civil, ConversionsAgreeWithBoostOnEveryDay) {
  // Boost's own y/m/d split of the day, independent of day_number()'s inverse.
  const date epoch(1970, 1, 1);
  for (std::int32_t n = first_day; n <= last_day; ++n) {
    const date x = epoch + days(n);
    const ymd expected{x.year(), x.month(), x.day()};
    ASSERT_EQ(civil::civil_from_days(n), expected) << to_string(x);
    ASSERT_EQ(civil::days_from_civil(expected), n) << to_string(x);
    ASSERT_EQ(civil::days_in_month(expected.year, expected.month),
              boost::gregorian::gregorian_calendar::end_of_month_day(x.year(), x.month()))
        << to_string(x);
    ASSERT_EQ(civil::is_leap_year(expected.year), boost::gregorian::gregorian_calendar::is_leap_year(x.year()));
    ASSERT_EQ(civil::end_of_month(n), day_number(end_of_month(x))) << to_string(x);
    // month_of: the month's first day, n's day in it, and three month lengths from Boost.
    const date next = add_months(make_date(x.year(), x.month(), 1), 1, month_end::clamp);
    const date after = add_months(next, 1, month_end::clamp);
    const civil::month_span expected_span{day_number(make_date(x.year(), x.month(), 1)), x.day(),
                                          end_of_month(x).day(), end_of_month(next).day(),
                                          end_of_month(after).day()};
    ASSERT_EQ(civil::month_of(n), expected_span) << to_string(x);
  }
}

TEST(Civil, AddMonthsAgreesWithTheDateFunctionOnEveryDay) {
  const date epoch(1970, 1, 1);
  for (std::int32_t n = first_day + 400; n <= last_day - 400; ++n) {  // +-13 months stay inside
    const date x = epoch + days(n);
    for (const int k : {-13, -1, 1, 13})
      for (const month_end rule : {month_end::clamp, month_end::snap})
        ASSERT_EQ(civil::add_months(n, k, rule), day_number(add_months(x, k, rule)))
            << to_string(x) << " + " << k << (rule == month_end::snap ? " snap" : " clamp");
  }
}

TEST(Civil, AddMonthsOverLongPeriods) {
  // Every month end and every day 28..31 of 2000..2003 plus 1..1200 months against Boost.
  for (int y = 2000; y <= 2003; ++y)
    for (int m = 1; m <= 12; ++m)
      for (int day = 28; day <= civil::days_in_month(y, m); ++day) {
        const date x = make_date(y, m, day);
        for (int k = 1; k <= 1200; k += 7)
          for (const month_end rule : {month_end::clamp, month_end::snap})
            ASSERT_EQ(civil::add_months(day_number(x), k, rule), day_number(add_months(x, k, rule)))
                << to_string(x) << " + " << k;
      }
}

// ---- far outside Boost's range: the unsigned shifted-era arithmetic still round-trips ---------

TEST(Civil, RoundTripsOverItsWholeRange) {
  for (std::int64_t n = -1'825'000'000; n <= INT32_MAX; n += 9'999'991) {
    const auto day = static_cast<std::int32_t>(n);
    const ymd c = civil::civil_from_days(day);
    ASSERT_GE(c.month, 1);
    ASSERT_LE(c.month, 12);
    ASSERT_GE(c.day, 1);
    ASSERT_LE(c.day, civil::days_in_month(c.year, c.month));
    ASSERT_EQ(civil::days_from_civil(c), day) << c.year << "-" << c.month << "-" << c.day;
    const civil::month_span m = civil::month_of(day);
    ASSERT_EQ(m.first, day - c.day + 1);
    ASSERT_EQ(m.day, c.day);
    ASSERT_EQ(m.length, civil::days_in_month(c.year, c.month));
    const std::int32_t next_year = c.year + (c.month == 12 ? 1 : 0), next_month = c.month % 12 + 1;
    ASSERT_EQ(m.next_length, civil::days_in_month(next_year, next_month));
    ASSERT_EQ(m.after_next_length,
              civil::days_in_month(next_year + (next_month == 12 ? 1 : 0), next_month % 12 + 1));
    // The next day is the next calendar day.
    const ymd next = civil::civil_from_days(day + 1);
    if (c.day < civil::days_in_month(c.year, c.month)) {
      ASSERT_EQ(next, (ymd{c.year, c.month, c.day + 1}));
    } else if (c.month < 12) {
      ASSERT_EQ(next, (ymd{c.year, c.month + 1, 1}));
    } else {
      ASSERT_EQ(next, (ymd{c.year + 1, 1, 1}));
    }
  }
  EXPECT_EQ(civil::civil_from_days(INT32_MAX), (ymd{5'881'580, 7, 11}));
  EXPECT_EQ(civil::days_from_civil(-4'998'000, 1, 1) + 1, civil::days_from_civil(-4'998'000, 1, 2));
  EXPECT_EQ(civil::civil_from_days(civil::days_from_civil(-4'998'000, 3, 1)), (ymd{-4'998'000, 3, 1}));
}

TEST(Civil, FourHundredYearsAreOneEra) {
  // The Gregorian cycle: 146 097 days, on both sides of year 0.
  for (const std::int32_t y : {-4'000'000, -401, -1, 0, 1, 1600, 2000, 2024, 1'000'000})
    EXPECT_EQ(civil::days_from_civil(y + 400, 3, 1) - civil::days_from_civil(y, 3, 1), 146'097) << y;
}

}  // namespace
}  // namespace kreditor
