#include "kreditor/time/date.hpp"

#include <gtest/gtest.h>

#include <boost/date_time/gregorian/gregorian.hpp>
#include <climits>
#include <ostream>
#include <string>
#include <type_traits>

#include "support/errors.hpp"
#include "support/shorthand.hpp"

namespace kreditor {
namespace {

using test_support::thrown_code;

static_assert(sizeof(date) == 4);
static_assert(std::is_trivially_copyable_v<date>);

using test_support::d;

// ---- add_months ------------------------------------------------------------------------------

struct AddMonthsCase {
  date from;
  int n;
  date clamp;  // expected with month_end::clamp
  date snap;   // expected with month_end::snap
  friend std::ostream& operator<<(std::ostream& os, const AddMonthsCase& c) {
    return os << to_string(c.from) << " + " << c.n << "M -> clamp " << to_string(c.clamp)
              << ", snap " << to_string(c.snap);
  }
};

class AddMonths : public ::testing::TestWithParam<AddMonthsCase> {};

TEST_P(AddMonths, AppliesTheEndOfMonthRule) {
  const AddMonthsCase& c = GetParam();
  EXPECT_EQ(add_months(c.from, c.n, month_end::clamp), c.clamp);
  EXPECT_EQ(add_months(c.from, c.n, month_end::snap), c.snap);
}

// clang-format off
INSTANTIATE_TEST_SUITE_P(Table, AddMonths, ::testing::Values(
  //            from               n      clamp              snap
  AddMonthsCase{d(2024, 1, 15),    1,     d(2024, 2, 15),    d(2024, 2, 15)},   // mid-month: no rule needed
  AddMonthsCase{d(2024, 1, 31),    1,     d(2024, 2, 29),    d(2024, 2, 29)},   // leap February
  AddMonthsCase{d(2023, 1, 31),    1,     d(2023, 2, 28),    d(2023, 2, 28)},
  AddMonthsCase{d(2023, 2, 28),    1,     d(2023, 3, 28),    d(2023, 3, 31)},   // Boost's months() snaps
  AddMonthsCase{d(2024, 2, 28),    1,     d(2024, 3, 28),    d(2024, 3, 28)},   // not a month end in 2024
  AddMonthsCase{d(2024, 2, 29),    1,     d(2024, 3, 29),    d(2024, 3, 31)},
  AddMonthsCase{d(2024, 2, 29),   12,     d(2025, 2, 28),    d(2025, 2, 28)},
  AddMonthsCase{d(2024, 2, 29),   48,     d(2028, 2, 29),    d(2028, 2, 29)},
  AddMonthsCase{d(2024, 4, 30),    1,     d(2024, 5, 30),    d(2024, 5, 31)},
  AddMonthsCase{d(2024, 1, 31),    3,     d(2024, 4, 30),    d(2024, 4, 30)},
  AddMonthsCase{d(2024, 11, 30),   2,     d(2025, 1, 30),    d(2025, 1, 31)},   // over the year end
  AddMonthsCase{d(2024, 1, 31),  120,     d(2034, 1, 31),    d(2034, 1, 31)},
  AddMonthsCase{d(2100, 1, 31),    1,     d(2100, 2, 28),    d(2100, 2, 28)},   // 2100 is no leap year
  AddMonthsCase{d(2000, 1, 31),    1,     d(2000, 2, 29),    d(2000, 2, 29)},   // 2000 is
  AddMonthsCase{d(2023, 2, 28),    0,     d(2023, 2, 28),    d(2023, 2, 28)},
  // Negative n: backwards, same rules.
  AddMonthsCase{d(2024, 3, 31),   -1,     d(2024, 2, 29),    d(2024, 2, 29)},
  AddMonthsCase{d(2023, 3, 31),   -1,     d(2023, 2, 28),    d(2023, 2, 28)},
  AddMonthsCase{d(2024, 1, 15),   -1,     d(2023, 12, 15),   d(2023, 12, 15)},
  AddMonthsCase{d(2024, 1, 31),  -13,     d(2022, 12, 31),   d(2022, 12, 31)},
  AddMonthsCase{d(2024, 2, 29),   -1,     d(2024, 1, 29),    d(2024, 1, 31)},
  AddMonthsCase{d(2023, 2, 28),  -12,     d(2022, 2, 28),    d(2022, 2, 28)},
  AddMonthsCase{d(2024, 2, 29),  -12,     d(2023, 2, 28),    d(2023, 2, 28)},
  AddMonthsCase{d(2024, 6, 30),   -4,     d(2024, 2, 29),    d(2024, 2, 29)},
  AddMonthsCase{d(2024, 4, 30),  -25,     d(2022, 3, 30),    d(2022, 3, 31)}));
// clang-format on

TEST(AddMonths, RoundTripsAwayFromMonthEnds) {
  for (date x = d(2023, 1, 1); x <= d(2025, 12, 31); x += days(1)) {
    if (x.day() > 28) continue;
    for (int n : {-25, -1, 1, 7, 13}) ASSERT_EQ(add_months(add_months(x, n, month_end::clamp), -n, month_end::clamp), x);
  }
}

TEST(AddMonths, LeavingBoostsRangeIsOutOfRange) {
  EXPECT_EQ(thrown_code([] { (void)add_months(d(9999, 12, 1), 1, month_end::clamp); }), errc::out_of_range);
  EXPECT_EQ(thrown_code([] { (void)add_months(d(1400, 1, 1), -1, month_end::snap); }), errc::out_of_range);
  EXPECT_EQ(thrown_code([] { (void)add_months(d(2024, 1, 1), INT_MAX, month_end::clamp); }), errc::out_of_range);
  EXPECT_EQ(thrown_code([] { (void)add_months(d(2024, 1, 1), INT_MIN, month_end::clamp); }), errc::out_of_range);
  EXPECT_EQ(add_months(d(9999, 11, 30), 1, month_end::snap), d(9999, 12, 31));  // the last month works
}

// ---- make_date, end_of_month, to_string --------------------------------------------------------

TEST(MakeDate, RejectsDaysThatDoNotExist) {
  EXPECT_EQ(d(2024, 2, 29), date(2024, 2, 29));
  EXPECT_EQ(thrown_code([] { (void)make_date(2023, 2, 29); }), errc::invalid_argument);
  EXPECT_EQ(thrown_code([] { (void)make_date(2024, 4, 31); }), errc::invalid_argument);
  EXPECT_EQ(thrown_code([] { (void)make_date(2024, 0, 1); }), errc::invalid_argument);
  EXPECT_EQ(thrown_code([] { (void)make_date(2024, 13, 1); }), errc::invalid_argument);
  EXPECT_EQ(thrown_code([] { (void)make_date(2024, 1, 0); }), errc::invalid_argument);
  EXPECT_EQ(thrown_code([] { (void)make_date(1399, 12, 31); }), errc::out_of_range);
  EXPECT_EQ(thrown_code([] { (void)make_date(10000, 1, 1); }), errc::out_of_range);
}

// make_date computes the day number itself (days_from_civil) rather than through Boost's
// checked date(y, m, d): every day of the years it accepts must be Boost's same day.
TEST(MakeDate, EveryDayOf1400To9999IsBoostsDay) {
  std::size_t checked = 0;
  for (date day(1400, 1, 1); day <= date(9999, 12, 31); day += days(1)) {
    const auto ymd = day.year_month_day();
    const date made = make_date(ymd.year, ymd.month, ymd.day);
    if (made != day) {
      ADD_FAILURE() << "make_date(" << ymd.year << ", " << ymd.month.as_number() << ", " << ymd.day << ") = "
                    << to_string(made) << ", Boost says " << to_string(day);
      break;
    }
    ++checked;
  }
  EXPECT_EQ(checked, 3'141'085U);  // 8600 years: 8600 * 365 + 2085 leap days
}

TEST(EndOfMonth, KnowsLeapYears) {
  EXPECT_EQ(end_of_month(d(2024, 2, 10)), d(2024, 2, 29));
  EXPECT_EQ(end_of_month(d(2100, 2, 10)), d(2100, 2, 28));
  EXPECT_EQ(end_of_month(d(2000, 2, 1)), d(2000, 2, 29));
  EXPECT_EQ(end_of_month(d(2024, 12, 31)), d(2024, 12, 31));
}

TEST(ToString, IsIso8601WithZeroPadding) {
  EXPECT_EQ(to_string(d(2024, 1, 5)), "2024-01-05");
  EXPECT_EQ(to_string(d(1400, 1, 1)), "1400-01-01");
  EXPECT_EQ(to_string(d(9999, 12, 31)), "9999-12-31");
}

// ---- parse_date --------------------------------------------------------------------------------

TEST(ParseDate, AcceptsExactlyYyyyMmDd) {
  EXPECT_EQ(parse_date("2024-02-29").value(), d(2024, 2, 29));
  EXPECT_EQ(parse_date("1400-01-01").value(), d(1400, 1, 1));
  for (date x = d(1999, 12, 1); x <= d(2001, 3, 1); x += days(1)) ASSERT_EQ(parse_date(to_string(x)).value(), x);
}

struct BadDate {
  const char* text;
  errc code;
};

class ParseDateRejects : public ::testing::TestWithParam<BadDate> {};

TEST_P(ParseDateRejects, WithACodeAndTheTextInTheMessage) {
  const auto r = parse_date(GetParam().text);
  ASSERT_FALSE(r.has_value()) << GetParam().text;
  EXPECT_EQ(r.error().code, GetParam().code) << GetParam().text;
  EXPECT_NE(r.error().message.find("'" + std::string(GetParam().text) + "'"), std::string::npos)
      << r.error().message;
}

// clang-format off
INSTANTIATE_TEST_SUITE_P(Table, ParseDateRejects, ::testing::Values(
  BadDate{"",            errc::invalid_argument},
  BadDate{"2024-1-01",   errc::invalid_argument},   // not zero-padded
  BadDate{"2024/01/01",  errc::invalid_argument},
  BadDate{"20240101",    errc::invalid_argument},
  BadDate{" 2024-01-01", errc::invalid_argument},
  BadDate{"2024-01-01 ", errc::invalid_argument},
  BadDate{"2024-01-0a",  errc::invalid_argument},
  BadDate{"+024-01-01",  errc::invalid_argument},
  BadDate{"2024-02-30",  errc::invalid_argument},   // does not exist
  BadDate{"2023-02-29",  errc::invalid_argument},
  BadDate{"2024-13-01",  errc::invalid_argument},
  BadDate{"2024-00-10",  errc::invalid_argument},
  BadDate{"2024-01-00",  errc::invalid_argument},
  BadDate{"0000-01-01",  errc::out_of_range},       // outside Boost's 1400..9999
  BadDate{"1399-12-31",  errc::out_of_range}));
// clang-format on

// ---- day numbers -------------------------------------------------------------------------------

TEST(DayNumber, IsDaysSince1970AndRoundTrips) {
  EXPECT_EQ(day_number(d(1970, 1, 1)), 0);
  EXPECT_EQ(day_number(d(1970, 1, 2)), 1);
  EXPECT_EQ(day_number(d(1969, 12, 31)), -1);
  EXPECT_EQ(day_number(d(2024, 1, 31)), 19753);
  EXPECT_EQ(day_number(d(2000, 3, 1)), 11017);
  EXPECT_EQ(day_number(d(1900, 1, 1)), -25567);
  for (date x : {d(1400, 1, 1), d(1582, 10, 15), d(1899, 12, 31), d(2199, 12, 31), d(9999, 12, 31)})
    EXPECT_EQ(from_day_number(day_number(x)), x) << to_string(x);
  for (std::int32_t n = -30000; n <= 30000; n += 7) {
    const date x = from_day_number(n);
    ASSERT_EQ(day_number(x), n);
    ASSERT_EQ(day_number(x + days(1)), n + 1);
  }
}

}  // namespace
}  // namespace kreditor
