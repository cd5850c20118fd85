#include "kreditor/time/calendar.hpp"

#include <gtest/gtest.h>

#include <climits>
#include <ostream>
#include <string>
#include <type_traits>
#include <vector>

#include "kreditor/time/calendars.hpp"
#include "support/errors.hpp"
#include "support/shorthand.hpp"

namespace kreditor {
namespace {

using enum business_day_convention;
using test_support::thrown_code;

using test_support::d;

// The table's bounds are what the header says they are.
static_assert(std::is_nothrow_copy_constructible_v<calendar>);
TEST(Calendar, TableCoversExactly1900To2199) {
  EXPECT_EQ(day_number(d(1900, 1, 1)), calendar::table_first_day);
  EXPECT_EQ(day_number(d(2199, 12, 31)) - calendar::table_first_day + 1, calendar::table_days);
}

TEST(Calendar, DefaultIsWeekendsOnly) {
  const calendar c;
  EXPECT_EQ(c.name(), "weekends");
  EXPECT_EQ(weekends_only().name(), "weekends");
  EXPECT_TRUE(c.is_business_day(d(2024, 12, 25)));   // Wednesday: no holidays at all
  EXPECT_FALSE(c.is_business_day(d(2024, 12, 28)));  // Saturday
  EXPECT_FALSE(c.is_business_day(d(2024, 12, 29)));  // Sunday
  EXPECT_TRUE(c.is_weekend(d(2024, 12, 28)));
  EXPECT_FALSE(c.is_holiday(d(2024, 12, 28)));  // a weekend is not a holiday
  EXPECT_EQ(c.holiday_name(d(2024, 12, 28)), std::nullopt);
  EXPECT_TRUE(c.holidays(d(2024, 1, 1), d(2024, 12, 31)).empty());
}

// ---- adjust ---------------------------------------------------------------------------------

struct AdjustCase {
  const char* calendar_code;
  date input;
  business_day_convention convention;
  date expected;
  friend std::ostream& operator<<(std::ostream& os, const AdjustCase& c) {
    return os << c.calendar_code << ": " << to_string(c.input) << " " << to_string(c.convention)
              << " -> " << to_string(c.expected);
  }
};

class CalendarAdjust : public ::testing::TestWithParam<AdjustCase> {};

TEST_P(CalendarAdjust, MovesOntoABusinessDay) {
  const AdjustCase& c = GetParam();
  const calendar cal = calendar_for(c.calendar_code).value();
  EXPECT_EQ(cal.adjust(c.input, c.convention), c.expected);
}

// clang-format off
INSTANTIATE_TEST_SUITE_P(Table, CalendarAdjust, ::testing::Values(
  //         calendar    input (weekday)                   convention          expected
  AdjustCase{"weekends", d(2024, 3, 29) /* Fri */,         following,          d(2024, 3, 29)},
  AdjustCase{"weekends", d(2024, 3, 30) /* Sat */,         following,          d(2024, 4, 1)},
  AdjustCase{"weekends", d(2024, 3, 30) /* Sat */,         modified_following, d(2024, 3, 29)},
  AdjustCase{"weekends", d(2024, 3, 30) /* Sat */,         preceding,          d(2024, 3, 29)},
  AdjustCase{"weekends", d(2024, 3, 30) /* Sat */,         unadjusted,         d(2024, 3, 30)},
  AdjustCase{"weekends", d(2024, 6, 1) /* Sat */,          modified_preceding, d(2024, 6, 3)},
  AdjustCase{"weekends", d(2024, 6, 1) /* Sat */,          preceding,          d(2024, 5, 31)},
  AdjustCase{"weekends", d(2024, 6, 2) /* Sun */,          modified_following, d(2024, 6, 3)},
  // Norway, Easter 2024 (Sunday 31 Mar): Thu 28 Mar .. Mon 1 Apr closed.
  AdjustCase{"NO",       d(2024, 3, 28) /* Maundy Thu */,  following,          d(2024, 4, 2)},
  AdjustCase{"NO",       d(2024, 3, 30) /* Sat */,         modified_following, d(2024, 3, 27)},
  AdjustCase{"NO",       d(2024, 4, 1) /* Easter Mon */,   preceding,          d(2024, 3, 27)},
  AdjustCase{"NO",       d(2024, 4, 1) /* Easter Mon */,   modified_preceding, d(2024, 4, 2)},
  AdjustCase{"NO",       d(2024, 5, 17) /* Fri, 17 May */, following,          d(2024, 5, 21)},  // Whit Monday 20 May
  AdjustCase{"NO",       d(2024, 12, 24) /* Tue */,        following,          d(2024, 12, 27)},
  AdjustCase{"NO",       d(2024, 12, 31) /* Tue */,        following,          d(2024, 12, 31)},  // NBO open
  // Sweden: New Year's Eve 2027 is a Friday; 1 Jan 2028 a Saturday.
  AdjustCase{"SE",       d(2027, 12, 31),                  following,          d(2028, 1, 3)},
  AdjustCase{"SE",       d(2027, 12, 31),                  modified_following, d(2027, 12, 30)},
  AdjustCase{"SE",       d(2026, 6, 19) /* Midsummer Eve */, following,        d(2026, 6, 22)},
  // Denmark: Ascension 14 May 2026 and the bank closing Friday after it.
  AdjustCase{"DK",       d(2026, 5, 14),                   following,          d(2026, 5, 18)},
  AdjustCase{"DK",       d(2026, 5, 15),                   preceding,          d(2026, 5, 13)},
  // Finland: Independence Day 2024 is a Friday.
  AdjustCase{"FI",       d(2024, 12, 6),                   following,          d(2024, 12, 9)},
  AdjustCase{"FI",       d(2024, 12, 31),                  following,          d(2024, 12, 31)}   // not on FI's list
));
// clang-format on

TEST(Calendar, AdjustRejectsAnUnknownConventionWithInvalidArgument) {
  EXPECT_EQ(thrown_code([] { (void)calendar().adjust(d(2024, 3, 30), static_cast<business_day_convention>(99)); }),
            errc::invalid_argument);
}

TEST(Calendar, SpecialDatesAreRejectedWithInvalidArgument) {
  const date nad{boost::gregorian::not_a_date_time};
  const calendar c = norway();
  EXPECT_FALSE(c.is_business_day(nad));
  EXPECT_FALSE(c.is_holiday(nad));
  EXPECT_EQ(c.holiday_name(nad), std::nullopt);
  EXPECT_EQ(thrown_code([&] { (void)c.adjust(nad, following); }), errc::invalid_argument);
  EXPECT_EQ(thrown_code([&] { (void)c.advance(nad, 1); }), errc::invalid_argument);
  EXPECT_EQ(thrown_code([&] { (void)c.business_days_between(nad, d(2024, 1, 1)); }),
            errc::invalid_argument);
  EXPECT_EQ(thrown_code([&] { (void)c.with_holiday(nad); }), errc::invalid_argument);
  EXPECT_EQ(thrown_code([&] { (void)calendar::from_holidays("x", std::vector<date>{nad}); }),
            errc::invalid_argument);
  EXPECT_EQ(thrown_code([&] { (void)c.holidays(nad, d(2024, 1, 1)); }), errc::invalid_argument);
}

// ---- advance and business_days_between -------------------------------------------------------

struct AdvanceCase {
  const char* calendar_code;
  date from;
  int n;
  date expected;
  friend std::ostream& operator<<(std::ostream& os, const AdvanceCase& c) {
    return os << c.calendar_code << ": " << to_string(c.from) << " + " << c.n
              << " business days -> " << to_string(c.expected);
  }
};

class CalendarAdvance : public ::testing::TestWithParam<AdvanceCase> {};

TEST_P(CalendarAdvance, CountsOnlyBusinessDays) {
  const AdvanceCase& c = GetParam();
  const calendar cal = calendar_for(c.calendar_code).value();
  EXPECT_EQ(cal.advance(c.from, c.n), c.expected);
  // From a business day, the count is the inverse of advance.
  if (c.n != 0 && cal.is_business_day(c.from)) {
    EXPECT_EQ(cal.business_days_between(c.from, c.expected), c.n);
  }
}

// clang-format off
INSTANTIATE_TEST_SUITE_P(Table, CalendarAdvance, ::testing::Values(
  //          calendar    from                         n     expected
  AdvanceCase{"weekends", d(2024, 3, 29) /* Fri */,    1,    d(2024, 4, 1)},
  AdvanceCase{"weekends", d(2024, 3, 30) /* Sat */,    1,    d(2024, 4, 1)},
  AdvanceCase{"weekends", d(2024, 3, 30) /* Sat */,    0,    d(2024, 4, 1)},
  AdvanceCase{"weekends", d(2024, 3, 29) /* Fri */,    0,    d(2024, 3, 29)},
  AdvanceCase{"weekends", d(2024, 3, 30) /* Sat */,   -1,    d(2024, 3, 29)},
  AdvanceCase{"weekends", d(2024, 4, 1) /* Mon */,    -1,    d(2024, 3, 29)},
  AdvanceCase{"weekends", d(2024, 1, 1),              10,    d(2024, 1, 15)},
  AdvanceCase{"weekends", d(2024, 1, 15),            -10,    d(2024, 1, 1)},
  AdvanceCase{"weekends", d(2024, 1, 1),             261,    d(2024, 12, 31)},  // 262 weekdays in 2024
  AdvanceCase{"NO",       d(2024, 3, 27),              1,    d(2024, 4, 2)},
  AdvanceCase{"NO",       d(2024, 4, 2),              -1,    d(2024, 3, 27)},
  AdvanceCase{"NO",       d(2024, 12, 20),             1,    d(2024, 12, 23)},
  AdvanceCase{"NO",       d(2024, 12, 23),             1,    d(2024, 12, 27)},
  AdvanceCase{"NO",       d(2024, 12, 23),             3,    d(2024, 12, 31)},  // 27, 30, 31 Dec (NBO open on 31 Dec)
  AdvanceCase{"NO",       d(2024, 12, 23),             4,    d(2025, 1, 2)},    // 1 Jan closed
  AdvanceCase{"SE",       d(2026, 12, 23),             1,    d(2026, 12, 28)},
  AdvanceCase{"SE",       d(2026, 12, 23),             4,    d(2027, 1, 4)},   // 28, 29, 30 Dec; 31 Dec and 1 Jan closed
  AdvanceCase{"DK",       d(2026, 5, 13),              1,    d(2026, 5, 18)},
  AdvanceCase{"FI",       d(2026, 6, 18),              1,    d(2026, 6, 22)},
  // Across the table's ends (1900-01-01, 2199-12-31): the rules take over seamlessly.
  AdvanceCase{"weekends", d(2199, 12, 30) /* Mon */,   3,    d(2200, 1, 2)},
  AdvanceCase{"weekends", d(1900, 1, 2) /* Tue */,    -3,    d(1899, 12, 28)},
  AdvanceCase{"NO",       d(2199, 12, 23) /* Mon */,   2,    d(2199, 12, 30)},  // 24, 25, 26 closed; 27 Fri
  AdvanceCase{"NO",       d(2200, 1, 2),              -1,    d(2199, 12, 31)},
  AdvanceCase{"NO",       d(1899, 12, 29) /* Fri */,   1,    d(1900, 1, 2)}
));
// clang-format on

TEST(Calendar, AdvanceBeyondTheSupportedYearsIsOutOfRange) {
  const calendar c = norway();
  EXPECT_EQ(thrown_code([&] { (void)c.advance(d(9999, 12, 20), 10); }), errc::out_of_range);
  EXPECT_EQ(thrown_code([&] { (void)c.advance(d(1400, 1, 10), -10); }), errc::out_of_range);
  EXPECT_EQ(thrown_code([&] { (void)c.advance(d(2024, 1, 1), INT_MIN); }), errc::out_of_range);
  EXPECT_EQ(c.advance(d(9999, 12, 29), 1), d(9999, 12, 30));  // the last years still work
}

TEST(Calendar, BusinessDaysBetweenCountsTheHalfOpenInterval) {
  const calendar c;
  EXPECT_EQ(c.business_days_between(d(2024, 3, 29), d(2024, 3, 29)), 0);
  EXPECT_EQ(c.business_days_between(d(2024, 3, 29), d(2024, 4, 1)), 1);   // (Fri, Mon]
  EXPECT_EQ(c.business_days_between(d(2024, 4, 1), d(2024, 3, 29)), -1);
  EXPECT_EQ(c.business_days_between(d(2024, 3, 30), d(2024, 3, 31)), 0);  // Sat -> Sun
  EXPECT_EQ(c.business_days_between(d(2023, 12, 31), d(2024, 12, 31)), 262);
  EXPECT_EQ(norway().business_days_between(d(2023, 12, 31), d(2024, 12, 31)), 262 - 11);  // 11 weekday holidays
  // Beyond the table: the rules are counted day by day, with the same answers.
  EXPECT_EQ(c.business_days_between(d(2199, 12, 31), d(2200, 12, 31)), 261);
  EXPECT_EQ(c.business_days_between(d(1899, 1, 1), d(1900, 1, 1)), 261);
  EXPECT_EQ(c.business_days_between(d(1900, 1, 1), d(1899, 1, 1)), -261);
}

// Outside the table the calendar evaluates its rules per query: same answers as inside.
TEST(Calendar, AnswersOutsideTheTableFollowTheSameRules) {
  for (const char* code : {"NO", "SE", "DK", "FI"}) {
    const calendar c = calendar_for(code).value();
    // Weekdays repeat every 400 years but Easter does not, so each far date is checked
    // against its own rules (holiday_name) rather than against its twin inside the table.
    for (date far = d(2424, 1, 1); far <= d(2426, 12, 31); far += days(1))
      ASSERT_EQ(c.is_business_day(far), !calendar::is_weekend(far) && !c.holiday_name(far))
          << code << " " << to_string(far);
    // The fixed-date holidays agree inside and outside the table.
    EXPECT_EQ(c.is_business_day(d(2424, 12, 25)), c.is_business_day(d(2024, 12, 25))) << code;
    EXPECT_EQ(c.holiday_name(d(2424, 12, 25)), c.holiday_name(d(2024, 12, 25))) << code;
    EXPECT_EQ(c.holiday_name(d(1800, 1, 1)), "New Year's Day") << code;
  }
}

TEST(Calendar, IsBusinessDayAgreesWithHolidayNameOverTheWholeTable) {
  for (const char* code : {"NO", "SE", "DK", "FI", "weekends"}) {
    const calendar c = calendar_for(code).value();
    int mismatches = 0;
    for (date x = d(1900, 1, 1); x <= d(2199, 12, 31); x += days(1)) {
      const bool expected = !calendar::is_weekend(x) && !c.holiday_name(x).has_value();
      if (c.is_business_day(x) != expected && ++mismatches < 5) ADD_FAILURE() << code << " " << to_string(x);
    }
    EXPECT_EQ(mismatches, 0) << code;
  }
}

TEST(Calendar, BatchIsBusinessDayEqualsScalar) {
  const calendar c = join(denmark(), finland());
  std::vector<std::int32_t> dn;
  for (date x = d(1899, 12, 1); x <= d(1900, 2, 1); x += days(1)) dn.push_back(day_number(x));
  for (date x = d(2023, 1, 1); x <= d(2025, 12, 31); x += days(1)) dn.push_back(day_number(x));
  for (date x = d(2199, 12, 1); x <= d(2200, 2, 1); x += days(1)) dn.push_back(day_number(x));
  std::vector<std::uint8_t> out(dn.size(), 7);
  c.is_business_day(dn, out);
  for (std::size_t k = 0; k < dn.size(); ++k)
    ASSERT_EQ(out[k], c.is_business_day(from_day_number(dn[k])) ? 1 : 0) << to_string(from_day_number(dn[k]));
  std::vector<std::uint8_t> short_out(3);
  EXPECT_EQ(thrown_code([&] { c.is_business_day(dn, short_out); }), errc::invalid_argument);
}

TEST(Calendar, AdvanceAndBetweenAgreeWithADayByDayWalk) {
  const calendar c = join(norway(), sweden());
  for (date start : {d(1900, 1, 1), d(1999, 12, 20), d(2024, 3, 20), d(2199, 11, 1)}) {
    for (int n = -40; n <= 40; ++n) {
      date walk = start;
      if (n == 0) walk = c.adjust(start, following);
      for (int left = n > 0 ? n : -n; left > 0;) {
        walk += days(n > 0 ? 1 : -1);
        if (c.is_business_day(walk)) --left;
      }
      ASSERT_EQ(c.advance(start, n), walk) << to_string(start) << " + " << n;
      int count = 0;
      for (date x = std::min(start, walk) + days(1); x <= std::max(start, walk); x += days(1))
        count += c.is_business_day(x) ? 1 : 0;
      ASSERT_EQ(c.business_days_between(start, walk), walk >= start ? count : -count)
          << to_string(start) << " .. " << to_string(walk);
    }
  }
}

// ---- immutability, user lists, joins ----------------------------------------------------------

TEST(Calendar, WithHolidayLeavesTheOriginalUntouched) {
  const calendar base = norway();
  const calendar closed = base.with_holiday(d(2024, 6, 3), "Office move");
  EXPECT_TRUE(base.is_business_day(d(2024, 6, 3)));
  EXPECT_FALSE(closed.is_business_day(d(2024, 6, 3)));
  EXPECT_TRUE(closed.is_holiday(d(2024, 6, 3)));
  EXPECT_EQ(closed.holiday_name(d(2024, 6, 3)), "Office move");
  EXPECT_EQ(base.holiday_name(d(2024, 6, 3)), std::nullopt);
  EXPECT_EQ(closed.name(), "NO");
  EXPECT_EQ(closed.advance(d(2024, 5, 31), 1), d(2024, 6, 4));
  EXPECT_EQ(base.advance(d(2024, 5, 31), 1), d(2024, 6, 3));
  EXPECT_EQ(closed.business_days_between(d(2024, 5, 31), d(2024, 6, 30)),
            base.business_days_between(d(2024, 5, 31), d(2024, 6, 30)) - 1);
  EXPECT_FALSE(closed == base);
  EXPECT_TRUE(norway() == base);  // a copy shares the table
  // And beyond the table: the user's holiday is honoured there too.
  const calendar far = base.with_holiday(d(2300, 6, 4), "Far");
  EXPECT_FALSE(far.is_business_day(d(2300, 6, 4)));
  EXPECT_TRUE(base.is_business_day(d(2300, 6, 4)));
}

TEST(Calendar, FromHolidaysIsWeekendsPlusTheList) {
  const calendar c = calendar::from_holidays("office", {d(2024, 7, 1), d(2024, 7, 6), d(2024, 7, 1)});
  EXPECT_EQ(c.name(), "office");
  EXPECT_FALSE(c.is_business_day(d(2024, 7, 1)));
  EXPECT_TRUE(c.is_business_day(d(2024, 7, 2)));
  EXPECT_EQ(c.holiday_name(d(2024, 7, 1)), "holiday");
  EXPECT_EQ(c.holiday_name(d(2024, 7, 6)), "holiday");  // a Saturday in the list is still named
  EXPECT_EQ(c.holidays(d(2024, 6, 1), d(2024, 7, 31)),
            (std::vector<std::pair<date, std::string>>{{d(2024, 7, 1), "holiday"}}));
  const calendar named = calendar::from_holidays(
      "named", std::vector<std::pair<date, std::string>>{{d(2024, 7, 2), "Summer party"}});
  EXPECT_EQ(named.holiday_name(d(2024, 7, 2)), "Summer party");
  EXPECT_TRUE(calendar::from_holidays("empty", std::vector<date>{}) == calendar());
}

TEST(Calendar, JoinIsABusinessDayOnlyWhereBothAre) {
  const calendar no = norway(), se = sweden();
  const calendar both = join(no, se);
  EXPECT_EQ(both.name(), "NO+SE");
  for (date x = d(2024, 1, 1); x <= d(2026, 12, 31); x += days(1))
    ASSERT_EQ(both.is_business_day(x), no.is_business_day(x) && se.is_business_day(x)) << to_string(x);
  EXPECT_EQ(both.holiday_name(d(2024, 5, 17)), "Constitution Day");   // Norway's
  EXPECT_EQ(both.holiday_name(d(2024, 6, 6)), "National Day");        // Sweden's
  EXPECT_EQ(both.holiday_name(d(2024, 12, 25)), "Christmas Day");
  // Outside the table the joint rules apply too.
  EXPECT_FALSE(both.is_business_day(d(2424, 5, 17)));  // NO 17 May, a Wednesday
  EXPECT_FALSE(both.is_business_day(d(2424, 6, 6)));   // SE 6 June, a Tuesday
  // With user holidays on either side.
  const calendar j = join(no.with_holiday(d(2024, 8, 1), "A"), calendar().with_holiday(d(2024, 8, 2), "B"));
  EXPECT_EQ(j.name(), "NO+weekends");
  EXPECT_EQ(j.holiday_name(d(2024, 8, 1)), "A");
  EXPECT_EQ(j.holiday_name(d(2024, 8, 2)), "B");
}

TEST(Calendar, HolidaysListsWeekdaysOnlyInTheClosedRange) {
  const auto list = sweden().holidays(d(2026, 6, 19), d(2026, 6, 20));  // Fri eve, Sat Midsummer
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].first, d(2026, 6, 19));
  EXPECT_EQ(list[0].second, "Midsummer Eve");
  EXPECT_EQ(sweden().holiday_name(d(2026, 6, 20)), "Midsummer Day");  // named, though a Saturday
  EXPECT_TRUE(sweden().holidays(d(2026, 6, 20), d(2026, 6, 19)).empty());
}

}  // namespace
}  // namespace kreditor
