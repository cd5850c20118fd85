// `kreditor terms`, run the way a user runs it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/cli.hpp"

namespace kreditor {
namespace {

using test_support::run_cli;

nlohmann::json json_of(const test_support::cli_result& r) { return nlohmann::json::parse(r.out); }

TEST(CliTerms, TwoTenNetThirtyAsJson) {
  const auto r = run_cli("terms \"2/10 net 30\" --invoice-date 2026-01-15 --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = json_of(r);
  EXPECT_EQ(j["canonical"], "2/10 net 30");
  EXPECT_EQ(j["due_date"], "2026-02-14");  // a Saturday: no adjustment without a calendar
  ASSERT_EQ(j["discounts"].size(), 1u);
  EXPECT_EQ(j["discounts"][0]["deadline"], "2026-01-25");
  EXPECT_EQ(j["discounts"][0]["rate"], "0.02");
  EXPECT_EQ(j["implied_annual_rate_simple"], "0.372449");
  EXPECT_EQ(j["implied_annual_rate_compound"], "0.445853");
  EXPECT_EQ(j["implied_annual_rate_simple_percent"], "37.24");
  EXPECT_EQ(j["implied_annual_rate_compound_percent"], "44.59");
  ASSERT_EQ(j["installments"].size(), 1u);
  EXPECT_EQ(j["installments"][0]["share"], "1");
}

// Issue 13: an implied rate too large to represent must not cost the due date and discount.
TEST(CliTerms, HugeImpliedRateStillGivesTheDueDateAndDiscount) {
  const auto r = run_cli("terms \"10/1 net 2\" --invoice-date 2026-01-15 --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = json_of(r);
  EXPECT_EQ(j["due_date"], "2026-01-17");
  ASSERT_EQ(j["discounts"].size(), 1u);
  EXPECT_EQ(j["discounts"][0]["deadline"], "2026-01-16");
  EXPECT_EQ(j["implied_annual_rate_simple_percent"], "4055.56");  // 10/90 x 365/1
  EXPECT_TRUE(j["implied_annual_rate_compound"].is_null());
  EXPECT_EQ(j["implied_annual_rate_compound_above_percent"], "90000000000000000");
  const auto text = run_cli("terms \"10/1 net 2\" --invoice-date 2026-01-15");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("due date:   2026-01-17"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("above 90000000000000000 % compound"), std::string::npos) << text.out;
}

// Issue 13: forms other systems have, through the CLI.
TEST(CliTerms, ThenEomAndThenDayForms) {
  const auto eom = run_cli("terms \"30 days then EOM\" --invoice-date 2026-01-15 --json");
  ASSERT_EQ(eom.exit_code, 0) << eom.err;
  EXPECT_EQ(json_of(eom)["canonical"], "net 30 then EOM");
  EXPECT_EQ(json_of(eom)["due_date"], "2026-02-28");
  const auto day = run_cli("terms \"net 30 then day 10\" --invoice-date 2026-01-15 --json");
  ASSERT_EQ(day.exit_code, 0) << day.err;
  EXPECT_EQ(json_of(day)["due_date"], "2026-03-10");
  const auto same_day = run_cli("terms \"30% net 0, 20% net 0, 50% net 30\" --invoice-date 2026-01-15 --json");
  ASSERT_EQ(same_day.exit_code, 0) << same_day.err;
  const auto j = json_of(same_day);
  ASSERT_EQ(j["installments"].size(), 3u);
  EXPECT_EQ(j["installments"][0]["due_date"], j["installments"][1]["due_date"]);
}

TEST(CliTerms, JurisdictionMovesTheDueDateOffTheWeekend) {
  const auto r = run_cli("terms \"30 dager netto\" --invoice-date 2026-01-15 --jurisdiction NO --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = json_of(r);
  EXPECT_EQ(j["canonical"], "net 30");
  EXPECT_EQ(j["due_date"], "2026-02-16");
  EXPECT_TRUE(j["implied_annual_rate_simple"].is_null());
  EXPECT_TRUE(j["discounts"].empty());
}

TEST(CliTerms, CalendarAndConvention) {
  const auto r = run_cli("terms \"net 30\" --invoice-date 2026-05-20 --calendar SE --convention preceding --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(json_of(r)["due_date"], "2026-06-18");
}

TEST(CliTerms, InstallmentsWithAmount) {
  const auto r = run_cli(
      "terms \"50% net 30, 50% net 60\" --invoice-date 2026-01-15 --amount 100.01 --currency NOK --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = json_of(r);
  EXPECT_EQ(j["due_date"], "2026-03-16");
  ASSERT_EQ(j["installments"].size(), 2u);
  EXPECT_EQ(j["installments"][0]["due_date"], "2026-02-14");
  EXPECT_EQ(j["installments"][0]["share"], "0.5");
  EXPECT_EQ(j["installments"][0]["amount"], "50.01");
  EXPECT_EQ(j["installments"][1]["amount"], "50.00");
}

TEST(CliTerms, DeliveryDateAndCod) {
  const auto r = run_cli("terms COD --invoice-date 2026-01-15 --delivery-date 2026-01-20 --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(json_of(r)["due_date"], "2026-01-20");
  EXPECT_EQ(json_of(r)["canonical"], "COD");
}

TEST(CliTerms, BadTermsExitTwoWithPositionAndReason) {
  const auto r = run_cli("terms \"net x\" --invoice-date 2026-01-15 --json");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("at 5: expected a number of days after 'net'"), std::string::npos) << r.err;
}

TEST(CliTerms, UsageErrors) {
  EXPECT_EQ(run_cli("terms \"net 30\"").exit_code, 2);  // no --invoice-date
  EXPECT_EQ(run_cli("terms \"net 30\" --invoice-date 2026-02-30").exit_code, 2);
  EXPECT_EQ(run_cli("terms \"net 30\" --invoice-date 2026-01-15 --calendar NO --jurisdiction NO").exit_code, 2);
  EXPECT_EQ(run_cli("terms \"net 30\" --invoice-date 2026-01-15 --calendar XX").exit_code, 2);
}

TEST(CliTerms, HumanReadableWithoutJson) {
  const auto r = run_cli("terms \"2/10 net 30\" --invoice-date 2026-01-15");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("due date:   2026-02-14"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("37.24 % simple, 44.59 % compound"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace kreditor
