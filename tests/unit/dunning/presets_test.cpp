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
#include "support/shorthand.hpp"

namespace kreditor::dunning {
namespace {

using test_support::thrown_code;
using ck = command_kind;

using test_support::d;

std::vector<ck> kinds(const timeline_event& e) {
  std::vector<ck> out;
  for (const command& c : e.commands) out.push_back(c.kind);
  return out;
}

simulation_input preset_invoice(money amount, segment s = segment::b2b) {
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
  const auto t = simulate(cp, preset_invoice(money(1'000'000, iso4217::nok)), d(2026, 12, 31));
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


TEST(Presets, SwedenPaminnelseThenInkassokravThenInkasso) {
  const compiled_policy cp = compile(preset("SE"));
  const auto t = simulate(cp, preset_invoice(money(500'000, iso4217::sek), segment::b2c), d(2026, 12, 31));
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].step_name, "påminnelse");
  EXPECT_EQ(t[0].on, d(2026, 1, 24));
  EXPECT_EQ(t[0].fee, money(6'000, iso4217::sek));  // 60 SEK, agreed (lag 1981:739 2 §)
  EXPECT_EQ(t[0].deadline, d(2026, 2, 3));          // 10 days, a Tuesday
  EXPECT_EQ(t[1].step_name, "inkassokrav");
  EXPECT_EQ(kinds(t[1]), std::vector<ck>{ck::collection_warning});
  EXPECT_EQ(t[1].on, d(2026, 2, 4));
  EXPECT_EQ(t[1].fee, money(18'000, iso4217::sek));
  EXPECT_EQ(kinds(t[2]), std::vector<ck>{ck::hand_over_to_collection});
}

TEST(Presets, DenmarkThreeRykkereTenDaysApartThenInkasso) {
  const compiled_policy cp = compile(preset("DK"));
  const auto t = simulate(cp, preset_invoice(money(500'000, iso4217::dkk)), d(2026, 12, 31));
  ASSERT_EQ(t.size(), 4u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(t[static_cast<std::size_t>(i)].fee, money(10'000, iso4217::dkk));  // renteloven § 9 b
    if (i > 0) { EXPECT_GE((t[static_cast<std::size_t>(i)].on - t[static_cast<std::size_t>(i) - 1].on).days(), 10); }
  }
  EXPECT_EQ(t[0].on, d(2026, 1, 17));
  EXPECT_EQ(t[2].fees, money(30'000, iso4217::dkk));
  EXPECT_EQ(kinds(t[2]), (std::vector<ck>{ck::send_reminder, ck::collection_warning}));
  EXPECT_EQ(kinds(t[3]), std::vector<ck>{ck::hand_over_to_collection});
}

TEST(Presets, FinlandConsumerFeeOnlyAfterFourteenDays) {
  const compiled_policy cp = compile(preset("FI"));
  const auto b2c = simulate(cp, preset_invoice(money(50'000, iso4217::eur), segment::b2c), d(2026, 12, 31));
  ASSERT_EQ(b2c.size(), 3u);
  EXPECT_EQ(b2c[0].on, d(2026, 1, 30));
  EXPECT_EQ(b2c[0].fee, money(500, iso4217::eur));
  const auto b2b = simulate(cp, preset_invoice(money(50'000, iso4217::eur), segment::b2b), d(2026, 12, 31));
  EXPECT_EQ(b2b[0].fee, money(1'200, iso4217::eur));
  EXPECT_GE((b2c[1].on - b2c[0].on).days(), 14);
}

TEST(Presets, EuropeCompensationOnlyForBusinesses) {
  const compiled_policy cp = compile(preset("EU"));
  const auto b2b = simulate(cp, preset_invoice(money(100'000, iso4217::eur), segment::b2b), d(2026, 12, 31));
  ASSERT_EQ(b2b.size(), 3u);
  EXPECT_EQ(b2b[0].fee, money(4'000, iso4217::eur));  // art. 6: EUR 40
  EXPECT_TRUE(b2b[0].interest.is_positive());
  const auto b2c = simulate(cp, preset_invoice(money(100'000, iso4217::eur), segment::b2c), d(2026, 12, 31));
  EXPECT_EQ(b2c[0].fee, money(0, iso4217::eur));
  EXPECT_TRUE(b2c[0].interest.is_zero());  // the directive has no consumer rate
}

TEST(Presets, SingleReminderThenCollection) {
  for (jurisdiction j : {jurisdiction::no, jurisdiction::se, jurisdiction::dk}) {
    const compiled_policy cp = compile(preset("single-reminder", j));
    const currency c = j == jurisdiction::no ? iso4217::nok : j == jurisdiction::se ? iso4217::sek : iso4217::dkk;
    const auto t = simulate(cp, preset_invoice(money(100'000, c)), d(2026, 12, 31));
    ASSERT_EQ(t.size(), 2u) << to_string(j);
    EXPECT_EQ(t[0].on, d(2026, 1, 30));
    EXPECT_EQ(kinds(t[0]), std::vector<ck>{j == jurisdiction::no ? ck::collection_warning : ck::send_reminder});
    EXPECT_EQ(kinds(t[1]), std::vector<ck>{ck::hand_over_to_collection});
    EXPECT_EQ(t[1].on, *t[0].deadline + days(1));
  }
}

TEST(Presets, RelationshipFirstFollowsTheSeedProcessDayByDay) {
  const compiled_policy cp = compile(preset("relationship-first", jurisdiction::no));
  const auto t = simulate(cp, preset_invoice(money(1'000'000, iso4217::nok)), d(2026, 12, 31));
  ASSERT_EQ(t.size(), 8u);
  const std::vector<std::pair<date, std::vector<ck>>> expected = {
      {d(2026, 1, 3), {ck::receipt_confirmation}},   // confirm the invoice arrived
      {d(2026, 1, 13), {ck::courtesy_email}},        // before the due date
      {d(2026, 1, 21), {ck::courtesy_email}},        // 5 days after due
      {d(2026, 1, 23), {ck::phone_call}},            // 7 days after due
      {d(2026, 1, 24), {ck::notify_account_manager}},  // after a week
      {d(2026, 1, 30), {ck::send_reminder}},         // the formal purring, 14 days after due
      {d(2026, 2, 14), {ck::collection_warning, ck::credit_hold}},
      {d(2026, 3, 1), {ck::hand_over_to_collection}}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(t[i].on, expected[i].first) << i;
    EXPECT_EQ(kinds(t[i]), expected[i].second) << i;
  }
  EXPECT_EQ(cp.source.on_broken_promise, std::vector<ck>{ck::cash_terms});
}

}  // namespace
}  // namespace kreditor::dunning
