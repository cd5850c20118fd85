#include "kreditor/exposure/credit_account.hpp"

#include <gtest/gtest.h>

#include "kreditor/exposure/credit_limit.hpp"
#include "support/errors.hpp"
#include "support/shorthand.hpp"

namespace kreditor {
namespace {

using iso4217::eur;
using iso4217::nok;
using iso4217::sek;
using test_support::thrown_code;
using namespace kreditor::literals;

using test_support::nok_;

const credit_account c7_account{
    .customer_id = "C-7",
    .segment = segment::b2b,
    .terms = "30 dager netto",
    .limits = {{.amount = nok_(50'000'00), .expires = make_date(2024, 6, 30)},
               {.amount = money(10'000'00, sek)},
               {.amount = money(0, eur)}},
    .group = group_limit{.group_id = "G-1", .amount = nok_(200'000'00)},
    .securities = {{.kind = security_kind::guarantee, .amount = nok_(10'000'00),
                    .expires = make_date(2024, 4, 15), .reference = "BG-1"},
                   {.kind = security_kind::credit_insurance, .amount = nok_(5'000'00),
                    .expires = make_date(2024, 12, 31)},
                   {.kind = security_kind::pledge, .amount = nok_(1'000'00)}},
    .owed_to_customer = {nok_(300'00), nok_(200'00), money(7, sek)},
    .flags = {}};

TEST(CreditAccount, SecurityKindsReadBackAsTheyPrint) {
  for (const security_kind k : {security_kind::guarantee, security_kind::pledge, security_kind::credit_insurance})
    EXPECT_EQ(parse_security_kind(to_string(k)).value(), k);
  const result<security_kind> typo = parse_security_kind("mortgage");
  ASSERT_FALSE(typo.has_value());
  EXPECT_EQ(typo.error().code, errc::invalid_argument);
  EXPECT_EQ(typo.error().message, "'mortgage' is not guarantee, pledge or credit_insurance");
  EXPECT_FALSE(parse_security_kind("Guarantee").has_value());  // spelled as to_string prints it
}

TEST(CreditAccount, LimitIsValidThroughItsExpiryDay) {
  EXPECT_EQ(limit_for(c7_account, nok, make_date(2024, 6, 30)).state, limit_state::active);
  const limit_status after = limit_for(c7_account, nok, make_date(2024, 7, 1));
  EXPECT_EQ(after.state, limit_state::expired);
  EXPECT_EQ(after.amount, nok_(50'000'00));
  EXPECT_EQ(after.expires, make_date(2024, 6, 30));
}

TEST(CreditAccount, NoLimitOrAZeroLimitMeansNoCredit) {
  EXPECT_EQ(limit_for(c7_account, iso4217::dkk, make_date(2024, 1, 1)).state, limit_state::none);
  EXPECT_EQ(limit_for(c7_account, eur, make_date(2024, 1, 1)).state, limit_state::none);
  EXPECT_EQ(limit_for(c7_account, sek, make_date(2030, 1, 1)).state, limit_state::active);
}

TEST(CreditAccount, TwoLimitsInOneCurrencyAreAConflict) {
  credit_account twice = c7_account;
  twice.limits.push_back({.amount = nok_(1)});
  EXPECT_EQ(thrown_code([&] { (void)limit_for(twice, nok, make_date(2024, 1, 1)); }), errc::conflict);
  credit_account negative = c7_account;
  negative.limits[0].amount = nok_(-1);
  EXPECT_EQ(thrown_code([&] { (void)limit_for(negative, nok, make_date(2024, 1, 1)); }),
            errc::invalid_argument);
}

TEST(CreditAccount, GroupLimit) {
  EXPECT_EQ(group_limit_for(c7_account, nok, make_date(2024, 1, 1)).state, limit_state::active);
  EXPECT_EQ(group_limit_for(credit_account{}, nok, make_date(2024, 1, 1)).state, limit_state::none);
  EXPECT_EQ(thrown_code([&] { (void)group_limit_for(c7_account, sek, make_date(2024, 1, 1)); }),
            errc::currency_mismatch);
}

TEST(CreditAccount, SecurityCountsOnlyUntilItExpiresAndOnlyInItsCurrency) {
  EXPECT_EQ(security_available(c7_account, nok, make_date(2024, 4, 15)), nok_(16'000'00));
  EXPECT_EQ(security_available(c7_account, nok, make_date(2024, 4, 16)), nok_(6'000'00));
  EXPECT_EQ(security_available(c7_account, nok, make_date(2025, 1, 1)), nok_(1'000'00));
  EXPECT_EQ(security_available(c7_account, sek, make_date(2024, 1, 1)), money(0, sek));
  credit_account negative = c7_account;
  negative.securities[0].amount = nok_(-5);
  EXPECT_EQ(thrown_code([&] { (void)security_available(negative, nok, make_date(2024, 1, 1)); }),
            errc::invalid_argument);
}

TEST(CreditAccount, SetOffSumsWhatWeOweInTheCurrency) {
  EXPECT_EQ(set_off_available(c7_account, nok), nok_(500'00));
  EXPECT_EQ(set_off_available(c7_account, sek), money(7, sek));
  credit_account negative = c7_account;
  negative.owed_to_customer[0] = nok_(-1);
  EXPECT_EQ(thrown_code([&] { (void)set_off_available(negative, nok); }), errc::invalid_argument);
}

TEST(CreditAccount, SecuritiesExpiringIncludeBothEndsOfTheWindow) {
  // 2024-04-01 + 14 days = 2024-04-15, the guarantee's expiry: inside the window.
  const auto w14 = securities_expiring(c7_account, make_date(2024, 4, 1), 14);
  ASSERT_EQ(w14.size(), 1U);
  EXPECT_EQ(w14[0].reference, "BG-1");
  EXPECT_TRUE(securities_expiring(c7_account, make_date(2024, 4, 1), 13).empty());
  // On its expiry day it is still valid and still expiring; the day after it is gone.
  EXPECT_EQ(securities_expiring(c7_account, make_date(2024, 4, 15), 0).size(), 1U);
  EXPECT_EQ(securities_expiring(c7_account, make_date(2024, 4, 16), 300).size(), 1U);  // insurance
  EXPECT_EQ(thrown_code([] { (void)securities_expiring(c7_account, make_date(2024, 4, 1), -1); }),
            errc::invalid_argument);
}

TEST(CreditLimit, HeadroomAndUtilisationAreExact) {
  EXPECT_EQ(headroom(nok_(100'00), nok_(60'00), nok_(30'00)), nok_(10'00));
  EXPECT_EQ(headroom(nok_(100'00), nok_(90'00), nok_(30'00)), nok_(-20'00));
  // 2/3 of the limit: 66.666...% rounded once.
  EXPECT_EQ(utilisation_percent(nok_(200'00), nok_(300'00), 2, rounding::half_up), decimal(6667, 2));
  EXPECT_EQ(utilisation_percent(nok_(200'00), nok_(300'00), 2, rounding::down), decimal(6666, 2));
  EXPECT_EQ(utilisation_percent(nok_(450'00), nok_(500'00), 0, rounding::half_even), decimal(90, 0));
  EXPECT_TRUE(utilisation_at_least(nok_(80'00), nok_(100'00), 80_pct));
  EXPECT_FALSE(utilisation_at_least(nok_(79'99), nok_(100'00), 80_pct));
  EXPECT_EQ(thrown_code([] { (void)utilisation_at_least(nok_(1), nok_(0), 80_pct); }),
            errc::invalid_argument);
  EXPECT_EQ(thrown_code([] { (void)utilisation_percent(nok_(1), money(1, sek), 2, rounding::down); }),
            errc::currency_mismatch);
}

}  // namespace
}  // namespace kreditor
