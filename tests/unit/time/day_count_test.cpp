#include "kreditor/time/day_count.hpp"

#include <gtest/gtest.h>

#include <ostream>
#include <random>
#include <type_traits>

#include "support/errors.hpp"
#include "support/shorthand.hpp"

namespace kreditor {
namespace {

static_assert(std::is_trivially_copyable_v<year_fraction>);
static_assert(act_act_denominator == 133'590);

struct AccrualCase {
  day_count dc;
  date from;
  date to;
  year_fraction expected;

  friend std::ostream& operator<<(std::ostream& os, const AccrualCase& c) {
    return os << to_string(c.dc) << " (" << to_string(c.from) << ", " << to_string(c.to)
              << "] -> " << c.expected.numerator << "/" << c.expected.denominator;
  }
};

class DayCountAccrual : public ::testing::TestWithParam<AccrualCase> {};

TEST_P(DayCountAccrual, IsTheMarketDefinition) {
  const AccrualCase& c = GetParam();
  EXPECT_EQ(accrual(c.dc, c.from, c.to), c.expected);
}

using test_support::d;

using enum day_count;
// clang-format off
INSTANTIATE_TEST_SUITE_P(Table, DayCountAccrual, ::testing::Values(
    //          convention      from            to              expected
    AccrualCase{act_365_fixed,  d(2024, 1, 1),  d(2024, 3, 31), {90, 365}},
    AccrualCase{act_365_fixed,  d(2024, 1, 1),  d(2025, 1, 1),  {366, 365}},
    AccrualCase{act_360,        d(2024, 1, 1),  d(2024, 3, 31), {90, 360}},
    AccrualCase{act_360,        d(2024, 3, 31), d(2024, 1, 1),  {-90, 360}},
    // legal.md §1.6 NO-4-split: 11 days in 2024 (/366) + 10 days in 2025 (/365)
    AccrualCase{act_act_isda,   d(2024, 12, 20), d(2025, 1, 10), {11 * 365 + 10 * 366, 133'590}},
    AccrualCase{act_act_isda,   d(2023, 1, 1),  d(2024, 1, 1),  {364 * 366 + 365, 133'590}},  // 364/365 + 1/366
    AccrualCase{act_act_isda,   d(2024, 1, 1),  d(2025, 1, 1),  {365 * 365 + 366, 133'590}},  // 365/366 + 1/365
    AccrualCase{act_act_isda,   d(2023, 12, 31), d(2024, 1, 1), {365, 133'590}},          // 1 Jan 2024 is 1/366
    AccrualCase{act_act_isda,   d(2024, 12, 31), d(2025, 1, 1), {366, 133'590}},          // 1 Jan 2025 is 1/365
    AccrualCase{act_act_isda,   d(2022, 6, 30), d(2026, 6, 30), {4 * 133'590 - 0, 133'590}},
    AccrualCase{act_act_isda,   d(2025, 1, 10), d(2024, 12, 20), {-(11 * 365 + 10 * 366), 133'590}},
    AccrualCase{act_act_isda,   d(2024, 5, 5),  d(2024, 5, 5),  {0, 133'590}},
    // 30E/360: 31 -> 30 at both ends; February untouched
    AccrualCase{thirty_e_360,   d(2024, 1, 31), d(2024, 3, 31), {60, 360}},
    AccrualCase{thirty_e_360,   d(2024, 2, 29), d(2024, 3, 31), {31, 360}},
    AccrualCase{thirty_e_360,   d(2024, 1, 30), d(2024, 2, 29), {29, 360}},
    AccrualCase{thirty_e_360,   d(2024, 1, 15), d(2025, 1, 15), {360, 360}},
    // 30/360 US (bond basis): D2 = 31 -> 30 only when D1 is 30 or 31
    AccrualCase{thirty_360_us,  d(2024, 1, 31), d(2024, 3, 31), {60, 360}},
    AccrualCase{thirty_360_us,  d(2024, 1, 15), d(2024, 3, 31), {76, 360}},
    AccrualCase{thirty_e_360,   d(2024, 1, 15), d(2024, 3, 31), {75, 360}},
    AccrualCase{thirty_360_us,  d(2024, 2, 29), d(2024, 3, 31), {32, 360}}));
// clang-format on

TEST(DayCount, ActActIsdaIsAdditiveOverAnyMidpoint) {
  std::mt19937 rng(42);
  std::uniform_int_distribution<std::int32_t> day(day_number(d(2010, 1, 1)), day_number(d(2030, 1, 1)));
  for (int i = 0; i < 2000; ++i) {
    std::int32_t a = day(rng), b = day(rng), c = day(rng);
    if (a > b) std::swap(a, b);
    if (b > c) std::swap(b, c);
    if (a > b) std::swap(a, b);
    for (day_count dc : {act_365_fixed, act_360, act_act_isda, thirty_e_360}) {
      SCOPED_TRACE(to_string(dc));
      const auto ab = accrual(dc, from_day_number(a), from_day_number(b));
      const auto bc = accrual(dc, from_day_number(b), from_day_number(c));
      const auto ac = accrual(dc, from_day_number(a), from_day_number(c));
      ASSERT_EQ(ab.denominator, ac.denominator);
      ASSERT_EQ(ab.numerator + bc.numerator, ac.numerator);
    }
  }
}

TEST(DayCount, ActActIsdaOfAWholeCalendarYearIsOne) {
  for (int y = 1901; y < 2199; ++y) {
    const auto yf = accrual(act_act_isda, d(y - 1, 12, 31), d(y, 12, 31));
    ASSERT_EQ(yf.numerator, yf.denominator) << y;
  }
}

TEST(DayCount, DaysAreActualForActConventionsAndThirtyForThirty) {
  EXPECT_EQ(day_count_days(act_act_isda, d(2024, 12, 20), d(2025, 1, 10)), 21);
  EXPECT_EQ(day_count_days(thirty_e_360, d(2024, 2, 28), d(2024, 3, 1)), 3);
  EXPECT_EQ(day_count_days(act_360, d(2024, 2, 28), d(2024, 3, 1)), 2);
  EXPECT_EQ(day_count_days(thirty_360_us, d(2024, 3, 31), d(2024, 1, 15)), -76);
}

TEST(DayCount, ParsesMarketAndEnumeratorNamesCaseInsensitively) {
  EXPECT_EQ(parse_day_count("ACT/365F").value(), act_365_fixed);
  EXPECT_EQ(parse_day_count("act/365").value(), act_365_fixed);
  EXPECT_EQ(parse_day_count("act_act_isda").value(), act_act_isda);
  EXPECT_EQ(parse_day_count("ACT/ACT").value(), act_act_isda);
  EXPECT_EQ(parse_day_count("30e/360").value(), thirty_e_360);
  EXPECT_EQ(parse_day_count("30/360").value(), thirty_360_us);
  EXPECT_EQ(parse_day_count("ACT/360").value(), act_360);
}

TEST(DayCount, ToStringRoundTripsThroughParse) {
  for (day_count dc : {act_365_fixed, act_360, act_act_isda, thirty_e_360, thirty_360_us})
    EXPECT_EQ(parse_day_count(to_string(dc)).value(), dc);
}

TEST(DayCount, UnknownNameFailsWithInvalidArgumentNamingTheText) {
  const auto r = parse_day_count("ACT/364");
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, errc::invalid_argument);
  EXPECT_NE(r.error().message.find("ACT/364"), std::string::npos);
}

TEST(DayCount, SpecialDatesAreRejected) {
  EXPECT_EQ(test_support::thrown_code([] {
              (void)accrual(act_360, date(boost::gregorian::not_a_date_time), d(2024, 1, 1));
            }),
            errc::invalid_argument);
}

}  // namespace
}  // namespace kreditor
