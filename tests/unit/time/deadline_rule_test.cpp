#include "kreditor/time/deadline_rule.hpp"

#include <gtest/gtest.h>

#include <ostream>

#include "kreditor/time/calendars.hpp"
#include "support/errors.hpp"
#include "support/shorthand.hpp"

namespace kreditor {
namespace {

using test_support::d;

struct DeadlineCase {
  jurisdiction where;
  date due;
  date expected;
  const char* why;
  friend std::ostream& operator<<(std::ostream& os, const DeadlineCase& c) {
    return os << to_string(c.where) << " " << to_string(c.due) << " -> " << to_string(c.expected)
              << " (" << c.why << ")";
  }
};

class StatutoryDeadline : public ::testing::TestWithParam<DeadlineCase> {};

TEST_P(StatutoryDeadline, MovesADueDateAsTheLawSays) {
  const DeadlineCase& c = GetParam();
  EXPECT_EQ(apply(statutory_deadline_rule(c.where), c.due), c.expected);
}

using enum jurisdiction;
// clang-format off
INSTANTIATE_TEST_SUITE_P(Table, StatutoryDeadline, ::testing::Values(
  //           where  due                 expected          why
  DeadlineCase{no,    d(2024, 5, 17),     d(2024, 5, 21),   "gjeldsbrevloven § 5: 17 May, weekend, Whit Monday"},
  DeadlineCase{no,    d(2024, 5, 1),      d(2024, 5, 2),    "gjeldsbrevloven § 5: 1 May"},
  DeadlineCase{no,    d(2024, 6, 15),     d(2024, 6, 17),   "gjeldsbrevloven § 5: Saturday"},
  DeadlineCase{no,    d(2024, 12, 24),    d(2024, 12, 24),  "24 Dec is no holiday in gjeldsbrevloven § 5"},
  DeadlineCase{no,    d(2024, 12, 25),    d(2024, 12, 27),  "Christmas and Boxing Day"},
  DeadlineCase{se,    d(2026, 6, 19),     d(2026, 6, 22),   "skuldebrevslagen 5 §: Midsummer Eve"},
  DeadlineCase{se,    d(2026, 12, 24),    d(2026, 12, 28),  "skuldebrevslagen 5 §: Christmas Eve, Christmas, Boxing Day, Sunday"},
  DeadlineCase{se,    d(2027, 12, 31),    d(2028, 1, 3),    "skuldebrevslagen 5 §: New Year's Eve, New Year's Day, Sunday"},
  DeadlineCase{fi,    d(2026, 12, 5),     d(2026, 12, 7),   "velkakirjalaki 5 §: Saturday, Independence Day is a Sunday"},
  DeadlineCase{fi,    d(2024, 12, 6),     d(2024, 12, 9),   "velkakirjalaki 5 §: Independence Day"},
  DeadlineCase{fi,    d(2026, 6, 19),     d(2026, 6, 22),   "velkakirjalaki 5 §: Midsummer Eve"},
  DeadlineCase{fi,    d(2024, 12, 31),    d(2024, 12, 31),  "New Year's Eve is not on the Finnish list"},
  DeadlineCase{dk,    d(2024, 6, 15),     d(2024, 6, 15),   "Denmark: no general shift (UGD 2021.32.1)"},
  DeadlineCase{dk,    d(2024, 12, 24),    d(2024, 12, 24),  "Denmark: no general shift"},
  DeadlineCase{eu,    d(2024, 6, 15),     d(2024, 6, 15),   "Directive 2011/7/EU: no weekend rule"}));
// clang-format on

TEST(StatutoryDeadlineRule, UsesEachCountrysOwnCalendar) {
  EXPECT_EQ(statutory_deadline_rule(no).cal.name(), "NO-public");
  EXPECT_EQ(statutory_deadline_rule(se).cal.name(), "SE");
  EXPECT_EQ(statutory_deadline_rule(fi).cal.name(), "FI");
  EXPECT_EQ(statutory_deadline_rule(dk).cal.name(), "DK");
  EXPECT_EQ(statutory_deadline_rule(eu).cal.name(), "weekends");
  EXPECT_EQ(statutory_deadline_rule(no).convention, business_day_convention::following);
  EXPECT_EQ(statutory_deadline_rule(dk).convention, business_day_convention::unadjusted);
  EXPECT_EQ(test_support::thrown_code([] { (void)statutory_deadline_rule(static_cast<jurisdiction>(42)); }),
            errc::invalid_argument);
}

TEST(StatutoryDeadlineRule, DenmarkIsConfigurable) {
  deadline_rule dk_agreed = statutory_deadline_rule(dk);
  dk_agreed.convention = business_day_convention::following;  // e.g. agreed in the contract
  EXPECT_EQ(apply(dk_agreed, d(2026, 5, 14)), d(2026, 5, 18));  // Ascension + bank closing Friday
  const deadline_rule custom{.cal = denmark().with_holiday(d(2026, 5, 18), "closed"),
                             .convention = business_day_convention::following};
  EXPECT_EQ(apply(custom, d(2026, 5, 14)), d(2026, 5, 19));
}

}  // namespace
}  // namespace kreditor
