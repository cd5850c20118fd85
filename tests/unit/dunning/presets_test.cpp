// Presets follow the seed processes day by day and pass their own legal checks.
#include "kreditor/dunning/presets.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kreditor/dunning/compiled_policy.hpp"
#include "kreditor/dunning/engine.hpp"
#include "kreditor/dunning/legal_check.hpp"
#include "kreditor/dunning/simulate.hpp"
#include "support/errors.hpp"

namespace kreditor::dunning {
namespace {

using test_support::thrown_code;
using ck = command_kind;

date d(int y, int m, int day) { return make_date(y, m, day); }

std::vector<ck> kinds(const timeline_event& e) {
  std::vector<ck> out;
  for (const command& c : e.commands) out.push_back(c.kind);
  return out;
}

simulation_input invoice(money amount, segment s = segment::b2b) {
  return {.amount = amount, .invoice_date = d(2026, 1, 2), .due = d(2026, 1, 16), .segment = s,
          .reminder_fee_agreed = true};
}

TEST(Presets, EveryPresetPassesItsOwnLegalCheckInEveryJurisdiction) {
  for (std::string_view name : preset_names()) {
    if (name.size() == 2) {
      EXPECT_TRUE(check_legal(preset(name)).empty()) << name;
      EXPECT_NO_THROW((void)compile(preset(name))) << name;
      continue;
    }
    for (jurisdiction j : {jurisdiction::no, jurisdiction::se, jurisdiction::dk, jurisdiction::fi, jurisdiction::eu}) {
      const auto findings = check_legal(preset(name, j));
      EXPECT_TRUE(findings.empty()) << name << " " << to_string(j) << ": "
                                    << (findings.empty() ? "" : to_string(findings.front()));
    }
  }
}

TEST(Presets, UnknownNameAndWrongJurisdictionAreErrors) {
  EXPECT_EQ(thrown_code([] { (void)preset("XX"); }), errc::not_found);
  EXPECT_EQ(thrown_code([] { (void)preset("NO", jurisdiction::se); }), errc::conflict);
}

TEST(Presets, NorwayPurringThenInkassovarselThenInkasso) {
  const compiled_policy cp = compile(preset("NO"));
  const auto t = simulate(cp, invoice(money(1'000'000, iso4217::nok)), d(2026, 12, 31));
  ASSERT_EQ(t.size(), 3u);
  // Purring 14 days after due (inkassoforskriften § 1-2), 14-day deadline, 35 NOK (1/20 of 700).
  EXPECT_EQ(t[0].on, d(2026, 1, 30));
  EXPECT_EQ(t[0].step_name, "purring");
  EXPECT_EQ(kinds(t[0]), std::vector<ck>{ck::send_reminder});
  EXPECT_EQ(t[0].fee, money(3'500, iso4217::nok));
  EXPECT_EQ(t[0].deadline, d(2026, 2, 13));
  // Inkassovarsel the day after the purring's deadline; 14 days, not rolled (Ot.prp. nr. 2).
  EXPECT_EQ(t[1].on, d(2026, 2, 14));
  EXPECT_EQ(kinds(t[1]), std::vector<ck>{ck::collection_warning});
  EXPECT_EQ(t[1].fee, money(3'500, iso4217::nok));
  EXPECT_EQ(t[1].deadline, d(2026, 2, 28));
  EXPECT_EQ(t[1].fees, money(7'000, iso4217::nok));
  // Inkasso after the inkassovarsel's deadline.
  EXPECT_EQ(t[2].on, d(2026, 3, 1));
  EXPECT_EQ(kinds(t[2]), std::vector<ck>{ck::hand_over_to_collection});
  EXPECT_EQ(t[2].after, state::handed_to_collection);
  // Interest grows and the total is principal + fees + interest.
  EXPECT_TRUE(t[0].interest.is_positive());
  EXPECT_LT(t[0].interest, t[1].interest);
  EXPECT_EQ(t[1].total_due, money(1'000'000, iso4217::nok) + t[1].fees + t[1].interest);
}

}  // namespace
}  // namespace kreditor::dunning
