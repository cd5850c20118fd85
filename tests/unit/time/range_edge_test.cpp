// Issue 17: calendar::is_business_day is noexcept, yet its slow path let Boost's bad_year
// escape for a day just outside 1400..9999 (9999-12-31 + 1): the process terminated. Rolling
// or stepping off the years is an error(out_of_range) instead; inside them nothing changes.
#include <gtest/gtest.h>

#include "kreditor/core/errc.hpp"
#include "kreditor/time/calendars.hpp"
#include "kreditor/terms/due_dates.hpp"
#include "kreditor/terms/notation.hpp"
#include "support/errors.hpp"
#include "support/shorthand.hpp"

namespace kreditor {
namespace {

using test_support::thrown_code;
using test_support::d;

TEST(CalendarRange, DaysJustOutsideTheYearsAreNotBusinessDays) {
  for (const char* code : {"NO", "SE", "DK", "FI", "weekends"}) {
    const calendar c = calendar_for(code).value();
    EXPECT_FALSE(c.is_business_day(d(9999, 12, 31) + days(1))) << code;
    EXPECT_FALSE(c.is_business_day(d(1400, 1, 1) - days(1))) << code;
  }
}

TEST(CalendarRange, AdjustingOffTheEndIsAnError) {
  // 1400-01-01 is New Year's Day in Norway: preceding would need 1399-12-31.
  EXPECT_EQ(thrown_code([] { (void)norway().adjust(d(1400, 1, 1), business_day_convention::preceding); }),
            errc::out_of_range);
  // 9999-12-31 is New Year's Eve, not a Swedish bank day: following would need year 10000.
  EXPECT_EQ(thrown_code([] { (void)sweden().advance(d(9999, 12, 31), 0); }), errc::out_of_range);
  EXPECT_EQ(thrown_code([] { (void)sweden().adjust(d(9999, 12, 31), business_day_convention::following); }),
            errc::out_of_range);
  // Modified following falls back within the month: 9999-12-30 is a Thursday.
  EXPECT_EQ(sweden().adjust(d(9999, 12, 31), business_day_convention::modified_following), d(9999, 12, 30));
  EXPECT_EQ(norway().adjust(d(1400, 1, 1), business_day_convention::modified_preceding), d(1400, 1, 2));
}

TEST(DateRange, DayNumbersAndTextBeyondTheYearsAreKreditorErrors) {
  EXPECT_EQ(day_number(d(1400, 1, 1)), first_day_number);
  EXPECT_EQ(day_number(d(9999, 12, 31)), last_day_number);
  EXPECT_EQ(from_day_number(last_day_number), d(9999, 12, 31));
  EXPECT_EQ(thrown_code([] { (void)from_day_number(last_day_number + 1); }), errc::out_of_range);
  EXPECT_EQ(thrown_code([] { (void)from_day_number(first_day_number - 1); }), errc::out_of_range);
  EXPECT_EQ(thrown_code([] { (void)to_string(d(9999, 12, 31) + days(1)); }), errc::out_of_range);
  // A deadline computed past the end is refused by the calendar, not split by Boost.
  EXPECT_EQ(thrown_code([] { (void)sweden().adjust(d(9999, 12, 31) + days(14)); }), errc::out_of_range);
}

TEST(CalendarRange, TermsFallingDueOffTheEndAreAnError) {
  // "net 30" from 9999-12-01 falls due on 9999-12-31, which Sweden's rule rolls forward.
  const payment_terms t = parse_terms("net 30").value();
  const deadline_rule roll{sweden(), business_day_convention::following};
  EXPECT_EQ(thrown_code([&] { (void)due_date(t, d(9999, 12, 1), roll); }), errc::out_of_range);
}

}  // namespace
}  // namespace kreditor
