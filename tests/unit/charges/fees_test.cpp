#include "kreditor/charges/fees.hpp"

#include <gtest/gtest.h>

#include "support/errors.hpp"
#include "support/shorthand.hpp"

namespace kreditor {
namespace {

using iso4217::dkk;
using iso4217::eur;
using iso4217::nok;
using iso4217::sek;
using test_support::thrown_code;

using test_support::d;
money m(const char* text, currency c) { return money::parse(text, c).value(); }

fee_rule fixed(legal_fee_kind k, const char* amount, currency c) { return {.kind = k, .amount = fee_amount::fixed(m(amount, c))}; }

// One row per (jurisdiction, segment, fee, step): the rule it breaks, or "" when lawful.
struct FeeCase {
  const char* name;
  jurisdiction where;
  segment debtor;
  date on;
  fee_rule fee;
  step_context step;
  const char* broken_rule;
  friend std::ostream& operator<<(std::ostream& os, const FeeCase& c) { return os << c.name; }
};

class FeeCaps : public ::testing::TestWithParam<FeeCase> {};

TEST_P(FeeCaps, BreaksExactlyTheExpectedRule) {
  const FeeCase& c = GetParam();
  const auto v = check_fee(c.fee, c.where, c.debtor, c.on, c.step);
  if (std::string(c.broken_rule).empty()) {
    EXPECT_FALSE(v.has_value()) << v->message;
  } else {
    ASSERT_TRUE(v.has_value());
    EXPECT_EQ(v->rule_id, c.broken_rule) << v->message;
    EXPECT_FALSE(v->source.empty());
  }
}

const step_context no_first{.principal = money(1'000'000, nok), .days_after_due = 14, .deadline_days = 14};
const step_context no_early{.principal = money(1'000'000, nok), .days_after_due = 13, .deadline_days = 14};
const step_context no_short{.principal = money(1'000'000, nok), .days_after_due = 14, .deadline_days = 10};
const step_context no_third{.principal = money(1'000'000, nok), .days_after_due = 42, .deadline_days = 14,
                            .previous_fee_notices = 2};
const step_context se_step{.principal = money(100'000, sek), .days_after_due = 5, .deadline_days = 10};
const step_context se_agreed{.principal = money(100'000, sek), .days_after_due = 5, .deadline_days = 10,
                             .agreed_in_advance = true};
const step_context dk_step{.principal = money(100'000, dkk), .days_after_due = 1, .deadline_days = 10};
const step_context dk_fourth{.principal = money(100'000, dkk), .days_after_due = 40, .deadline_days = 10,
                             .previous_fee_notices = 3, .days_since_previous_fee_notice = 10};
const step_context dk_close{.principal = money(100'000, dkk), .days_after_due = 15, .deadline_days = 10,
                            .previous_fee_notices = 1, .days_since_previous_fee_notice = 9};
const step_context fi_small{.principal = money(8'000, eur), .days_after_due = 14, .deadline_days = 14};
const step_context fi_large{.principal = money(2'000'000, eur), .days_after_due = 14, .deadline_days = 14};
const step_context fi_early{.principal = money(8'000, eur), .days_after_due = 7, .deadline_days = 14};

// clang-format off
INSTANTIATE_TEST_SUITE_P(Jurisdictions, FeeCaps, ::testing::Values(
  // Norway: purregebyr 35 NOK (1/20 of 700) from 2020-10-01, 70 before; 14 days; max 2; deadline >= 14
  FeeCase{"NoPurring35Ok",          jurisdiction::no, segment::b2c, make_date(2025, 3, 1), fixed(legal_fee_kind::reminder, "35", nok), no_first, ""},
  FeeCase{"NoPurring70TooMuch2025", jurisdiction::no, segment::b2c, make_date(2025, 3, 1), fixed(legal_fee_kind::reminder, "70", nok), no_first, "NO.purregebyr"},
  FeeCase{"NoPurring70Ok2019",      jurisdiction::no, segment::b2b, make_date(2019, 3, 1), fixed(legal_fee_kind::reminder, "70", nok), no_first, ""},
  FeeCase{"NoPurringDay13",         jurisdiction::no, segment::b2c, make_date(2025, 3, 1), fixed(legal_fee_kind::reminder, "35", nok), no_early, "NO.purregebyr"},
  FeeCase{"NoPurringShortDeadline", jurisdiction::no, segment::b2c, make_date(2025, 3, 1), fixed(legal_fee_kind::reminder, "35", nok), no_short, "NO.purregebyr"},
  FeeCase{"NoThirdFeeNotice",       jurisdiction::no, segment::b2c, make_date(2025, 3, 1), fixed(legal_fee_kind::collection_notice, "35", nok), no_third, "NO.inkassovarsel"},
  FeeCase{"NoFeeInSek",             jurisdiction::no, segment::b2c, make_date(2025, 3, 1), fixed(legal_fee_kind::reminder, "35", sek), no_first, "NO.purregebyr"},
  FeeCase{"NoCompensationB2b",      jurisdiction::no, segment::b2b, make_date(2025, 3, 1), fixed(legal_fee_kind::fixed_compensation, "470", nok), no_first, ""},
  FeeCase{"NoCompensationB2c",      jurisdiction::no, segment::b2c, make_date(2025, 3, 1), fixed(legal_fee_kind::fixed_compensation, "470", nok), no_first, "NO.no_legal_basis.fixed_compensation"},
  // Sweden: påminnelseavgift 60 only if agreed; inkassokrav 180 (deadline >= 8); 450 B2B
  FeeCase{"SeReminderNotAgreed",    jurisdiction::se, segment::b2c, make_date(2025, 3, 1), fixed(legal_fee_kind::reminder, "60", sek), se_step, "SE.paminnelseavgift"},
  FeeCase{"SeReminderAgreed",       jurisdiction::se, segment::b2c, make_date(2025, 3, 1), fixed(legal_fee_kind::reminder, "60", sek), se_agreed, ""},
  FeeCase{"SeReminder61",           jurisdiction::se, segment::b2c, make_date(2025, 3, 1), fixed(legal_fee_kind::reminder, "61", sek), se_agreed, "SE.paminnelseavgift"},
  FeeCase{"SeInkassokrav180",       jurisdiction::se, segment::b2c, make_date(2025, 3, 1), fixed(legal_fee_kind::payment_demand, "180", sek), se_step, ""},
  FeeCase{"SeForsening450B2b",      jurisdiction::se, segment::b2b, make_date(2025, 3, 1), fixed(legal_fee_kind::fixed_compensation, "450", sek), se_step, ""},
  FeeCase{"SeForsening451B2b",      jurisdiction::se, segment::b2b, make_date(2025, 3, 1), fixed(legal_fee_kind::fixed_compensation, "451", sek), se_step, "SE.forseningsersattning"},
  FeeCase{"SeForseningB2c",         jurisdiction::se, segment::b2c, make_date(2025, 3, 1), fixed(legal_fee_kind::fixed_compensation, "450", sek), se_step, "SE.no_legal_basis.fixed_compensation"},
  // Denmark: rykkergebyr <= 100, at most 3, >= 10 days apart; 310 DKK B2B
  FeeCase{"DkRykker100",            jurisdiction::dk, segment::b2c, make_date(2025, 3, 1), fixed(legal_fee_kind::reminder, "100", dkk), dk_step, ""},
  FeeCase{"DkRykker101",            jurisdiction::dk, segment::b2c, make_date(2025, 3, 1), fixed(legal_fee_kind::reminder, "101", dkk), dk_step, "DK.rykkergebyr"},
  FeeCase{"DkFourthRykker",         jurisdiction::dk, segment::b2c, make_date(2025, 3, 1), fixed(legal_fee_kind::reminder, "100", dkk), dk_fourth, "DK.rykkergebyr"},
  FeeCase{"DkNineDaysApart",        jurisdiction::dk, segment::b2c, make_date(2025, 3, 1), fixed(legal_fee_kind::reminder, "100", dkk), dk_close, "DK.rykkergebyr"},
  FeeCase{"DkKompensation310",      jurisdiction::dk, segment::b2b, make_date(2025, 3, 1), fixed(legal_fee_kind::fixed_compensation, "310", dkk), dk_step, ""},
  // Finland: consumer 5 EUR reminder after 14 days; business 12 EUR; tiered demand caps
  FeeCase{"FiConsumerReminder5",    jurisdiction::fi, segment::b2c, make_date(2025, 3, 1), fixed(legal_fee_kind::reminder, "5", eur), fi_small, ""},
  FeeCase{"FiConsumerReminder6",    jurisdiction::fi, segment::b2c, make_date(2025, 3, 1), fixed(legal_fee_kind::reminder, "6", eur), fi_small, "FI.maksumuistutus.consumer"},
  FeeCase{"FiConsumerReminderDay7", jurisdiction::fi, segment::b2c, make_date(2025, 3, 1), fixed(legal_fee_kind::reminder, "5", eur), fi_early, "FI.maksumuistutus.consumer"},
  FeeCase{"FiBusinessReminder12",   jurisdiction::fi, segment::b2b, make_date(2025, 3, 1), fixed(legal_fee_kind::reminder, "12", eur), fi_early, ""},
  FeeCase{"FiConsumerDemand24Small",jurisdiction::fi, segment::b2c, make_date(2025, 3, 1), fixed(legal_fee_kind::payment_demand, "24", eur), fi_small, "FI.maksuvaatimus.consumer"},
  FeeCase{"FiConsumerDemand24Large",jurisdiction::fi, segment::b2c, make_date(2025, 3, 1), fixed(legal_fee_kind::payment_demand, "24", eur), fi_large, ""},
  FeeCase{"FiBusinessDemand110",    jurisdiction::fi, segment::b2b, make_date(2025, 3, 1), fixed(legal_fee_kind::payment_demand, "110", eur), fi_large, ""},
  FeeCase{"FiBusinessDemand111",    jurisdiction::fi, segment::b2b, make_date(2025, 3, 1), fixed(legal_fee_kind::payment_demand, "111", eur), fi_large, "FI.maksuvaatimus.business"},
  // EU: EUR 40 B2B
  FeeCase{"Eu40",                   jurisdiction::eu, segment::b2b, make_date(2025, 3, 1), fixed(legal_fee_kind::fixed_compensation, "40", eur), fi_small, ""},
  FeeCase{"Eu41",                   jurisdiction::eu, segment::b2b, make_date(2025, 3, 1), fixed(legal_fee_kind::fixed_compensation, "41", eur), fi_small, "EU.fixed_compensation"}));
// clang-format on

TEST(FeeAmount, TieredPercentageAndFixed) {
  const auto tiers = fee_amount::tiered({{.up_to = m("100", eur), .amount = m("10", eur)},
                                         {.up_to = std::nullopt, .amount = m("20", eur)}});
  EXPECT_EQ(tiers.for_principal(m("100", eur)), m("10", eur));
  EXPECT_EQ(tiers.for_principal(m("100.01", eur)), m("20", eur));
  EXPECT_EQ(tiers.maximum(), m("20", eur));
  const auto pct = fee_amount::percentage(rate::bps(100), m("2", eur), m("10", eur));
  EXPECT_EQ(pct.for_principal(m("50", eur)), m("2", eur));     // 0.50 -> minimum 2
  EXPECT_EQ(pct.for_principal(m("555.55", eur)), m("5.56", eur));
  EXPECT_EQ(pct.for_principal(m("5000", eur)), m("10", eur));  // capped at its maximum
  EXPECT_EQ(thrown_code([] { (void)fee_amount::tiered({{.up_to = money(100, eur), .amount = money(1, eur)}}); }),
            errc::invalid_argument);
  EXPECT_EQ(thrown_code([] { (void)fee_amount::fixed(money(-1, eur)); }), errc::invalid_argument);
}

TEST(CheckFee, UncappedPercentageWhereTheLawCapsIsRejected) {
  const fee_rule pct{.kind = legal_fee_kind::reminder, .amount = fee_amount::percentage(rate::bps(10))};
  const auto v = check_fee(pct, jurisdiction::dk, segment::b2c, d(2025, 3, 1), dk_step);
  ASSERT_TRUE(v.has_value());
  EXPECT_EQ(v->rule_id, "DK.rykkergebyr");
}

TEST(CheckFee, TieredFeeIsCheckedAtThePrincipal) {
  const fee_rule demand{.kind = legal_fee_kind::payment_demand,
                        .amount = fee_amount::tiered({{.up_to = m("100", eur), .amount = m("14", eur)},
                                                      {.up_to = m("1000", eur), .amount = m("24", eur)},
                                                      {.up_to = std::nullopt, .amount = m("50", eur)}})};
  for (const char* p : {"50", "100", "100.01", "999", "1000", "1000.01", "100000"}) {
    const step_context s{.principal = m(p, eur), .days_after_due = 30, .deadline_days = 14};
    EXPECT_FALSE(check_fee(demand, jurisdiction::fi, segment::b2c, d(2025, 3, 1), s).has_value()) << p;
  }
}

TEST(RequireLawful, ThrowsLegalViolationNamingTheRule) {
  const auto rules = rules_for(jurisdiction::no, segment::b2c, d(2025, 3, 1)).value();
  try {
    require_lawful(fixed(legal_fee_kind::reminder, "70", nok), rules, no_first);
    FAIL() << "no error";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::legal_violation);
    EXPECT_NE(std::string(e.what()).find("NO.purregebyr"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("35.00"), std::string::npos);
  }
  EXPECT_EQ(thrown_code([&] { require_lawful(fixed(legal_fee_kind::reminder, "35", nok), rules, no_first); }), std::nullopt);
}

}  // namespace
}  // namespace kreditor
