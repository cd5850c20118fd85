// Limitation per jurisdiction from the researched table (tests/data/limitation.json, with its
// sources in tests/data/documents_law.md): the period, what interrupts it, and the limits.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "kreditor/documents/limitation.hpp"

namespace {
using namespace kreditor;

limitation of(jurisdiction j, segment s, date issued, date due, std::vector<interruption> events = {}) {
  auto l = limitation_of(shipped_limitation_rules(), j, s, issued, due, events);
  if (!l) throw std::runtime_error(l.error().message);
  return l.value();
}

TEST(Limitation, ShippedRowsEqualTheCopyTheTestsKeep) {
  std::ifstream in(KREDITOR_SOURCE_DIR "/tests/data/limitation.json");
  std::stringstream text;
  text << in.rdbuf();
  const auto copy = load_limitation_rules_json(text.str());
  ASSERT_TRUE(copy) << copy.error().message;
  ASSERT_EQ(copy.value().size(), shipped_limitation_rules().size());
  for (std::size_t i = 0; i < copy.value().size(); ++i) {
    EXPECT_EQ(copy.value()[i].id, shipped_limitation_rules()[i].id);
    EXPECT_EQ(copy.value()[i].period_years, shipped_limitation_rules()[i].period_years);
  }
}

TEST(Limitation, NorwayThreeYearsFromDueOnlyTheDebtorInterrupts) {
  const date issued = make_date(2023, 1, 1), due = make_date(2023, 1, 15);
  const limitation plain = of(jurisdiction::no, segment::b2b, issued, due);
  EXPECT_EQ(plain.runs_from, due);
  EXPECT_EQ(plain.expires, make_date(2026, 1, 15));  // foreldelsesloven §§ 2-3: 3 years from due
  EXPECT_NE(plain.rule->law.find("foreldelsesloven"), std::string::npos);
  // A reminder does not interrupt in Norway; a part payment (acknowledgment, § 14) does.
  EXPECT_EQ(of(jurisdiction::no, segment::b2b, issued, due, {{make_date(2024, 6, 1), interruption_kind::written_demand}})
                .expires,
            make_date(2026, 1, 15));
  const limitation paid = of(jurisdiction::no, segment::b2b, issued, due,
                             {{make_date(2024, 6, 1), interruption_kind::part_payment},
                              {make_date(2024, 2, 1), interruption_kind::written_demand}});
  EXPECT_EQ(paid.expires, make_date(2027, 6, 1));
  ASSERT_EQ(paid.counted.size(), 1u);
  EXPECT_EQ(paid.counted[0].kind, interruption_kind::part_payment);
  // After the claim lapsed, an acknowledgment revives nothing here.
  EXPECT_EQ(of(jurisdiction::no, segment::b2b, issued, due, {{make_date(2026, 1, 16), interruption_kind::promise}}).expires,
            make_date(2026, 1, 15));
  // On the last day it still interrupts.
  EXPECT_EQ(of(jurisdiction::no, segment::b2b, issued, due, {{make_date(2026, 1, 15), interruption_kind::promise}}).expires,
            make_date(2029, 1, 15));
}

TEST(Limitation, SwedenRunsFromWhenTheClaimAroseAndADemandInterrupts) {
  const date issued = make_date(2020, 3, 1), due = make_date(2020, 3, 31);
  EXPECT_EQ(of(jurisdiction::se, segment::b2b, issued, due).expires, make_date(2030, 3, 1));  // 10 years, 2 §
  EXPECT_EQ(of(jurisdiction::se, segment::b2c, issued, due).expires, make_date(2023, 3, 1));  // consumers: 3 years
  EXPECT_EQ(of(jurisdiction::se, segment::b2c, issued, due, {{make_date(2022, 5, 10), interruption_kind::written_demand}})
                .expires,
            make_date(2025, 5, 10));  // 5 § 2: a written demand interrupts
}

TEST(Limitation, DenmarkAWrittenAcknowledgmentGivesTenYears) {
  const date issued = make_date(2021, 1, 1), due = make_date(2021, 1, 31);
  EXPECT_EQ(of(jurisdiction::dk, segment::b2b, issued, due).expires, make_date(2024, 1, 31));
  EXPECT_EQ(of(jurisdiction::dk, segment::b2b, issued, due, {{make_date(2022, 2, 1), interruption_kind::promise}}).expires,
            make_date(2025, 2, 1));
  EXPECT_EQ(of(jurisdiction::dk, segment::b2b, issued, due,
               {{make_date(2022, 2, 1), interruption_kind::debt_acknowledgment}})
                .expires,
            make_date(2032, 2, 1));  // forældelsesloven § 5 stk. 1 nr. 3
  EXPECT_EQ(of(jurisdiction::dk, segment::b2b, issued, due, {{make_date(2022, 2, 1), interruption_kind::written_demand}})
                .expires,
            make_date(2024, 1, 31));
}

TEST(Limitation, FinlandConsumersHaveAnAbsoluteLimit) {
  const date due = make_date(2016, 6, 1);
  std::vector<interruption> every_two_years;
  for (int y = 2018; y <= 2040; y += 2) every_two_years.push_back({make_date(y, 5, 1), interruption_kind::written_demand});
  const limitation l = of(jurisdiction::fi, segment::b2c, make_date(2016, 5, 1), due, every_two_years);
  EXPECT_EQ(l.expires, make_date(2036, 6, 1));  // 13 a §: 20 years, whatever interrupts
  EXPECT_TRUE(l.uncertain);
  // A business debtor has no such limit.
  EXPECT_EQ(of(jurisdiction::fi, segment::b2b, make_date(2016, 5, 1), due, every_two_years).expires,
            make_date(2043, 5, 1));
}

TEST(Limitation, LeapDayAndMissingRules) {
  EXPECT_EQ(of(jurisdiction::no, segment::b2b, make_date(2024, 2, 1), make_date(2024, 2, 29)).expires,
            make_date(2027, 2, 28));
  const auto eu = limitation_of(shipped_limitation_rules(), jurisdiction::eu, segment::b2b, make_date(2024, 1, 1),
                                make_date(2024, 2, 1), {});
  ASSERT_FALSE(eu);
  EXPECT_EQ(eu.error().code, errc::not_found);
  EXPECT_NE(eu.error().message.find("no rule for EU b2b"), std::string::npos);
  const auto bad = load_limitation_rules_json(R"({"format": "kreditor.limitation/1", "rows": [{"id": "X",
      "jurisdiction": "NO", "segments": ["b2b"], "effective_from": "2000-01-01", "period_years": 0,
      "runs_from": "due_date", "interrupted_by": [], "new_period_years": 3, "law": "l", "source": "s", "uncertain": false}]})");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("rows[0] (X).period_years"), std::string::npos) << bad.error().message;
  EXPECT_EQ(parse_interruption_kind("promise").value(), interruption_kind::promise);
  EXPECT_FALSE(parse_interruption_kind("reminder"));
}

TEST(Limitation, APeriodPastTheLastDayEndsOnIt) {
  // Due in 9998: three years on would be 10001, past the calendar the library represents.
  EXPECT_EQ(of(jurisdiction::no, segment::b2b, make_date(9998, 5, 1), make_date(9998, 6, 1)).expires,
            make_date(9999, 12, 31));
  EXPECT_EQ(of(jurisdiction::no, segment::b2b, make_date(9996, 5, 1), make_date(9996, 6, 1)).expires,
            make_date(9999, 6, 1));  // still inside: the law's date
  // An acknowledgment late in 9999 too.
  EXPECT_EQ(of(jurisdiction::dk, segment::b2b, make_date(9997, 1, 1), make_date(9997, 2, 1),
               {{make_date(9999, 1, 10), interruption_kind::debt_acknowledgment}})
                .expires,
            make_date(9999, 12, 31));
}

}  // namespace
