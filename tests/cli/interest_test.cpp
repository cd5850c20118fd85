#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/cli.hpp"

namespace kreditor {
namespace {

using test_support::run_cli;

const std::string example =
    "interest --amount 10000.00 --currency NOK --from 2024-12-20 --to 2025-01-10 --jurisdiction NO";

TEST(CliInterest, NorwegianSplitExampleFromTheContract) {
  const auto r = run_cli(example + " --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["interest"], "71.81");  // legal.md §1.6: 11 x 12.5 %/366 + 10 x 12.5 %/365
  EXPECT_EQ(j["days"], 21);
  ASSERT_EQ(j["periods"].size(), 2U);
  EXPECT_EQ(j["periods"][0]["from"], "2024-12-21");
  EXPECT_EQ(j["periods"][0]["to"], "2024-12-31");
  EXPECT_EQ(j["periods"][0]["days"], 11);
  EXPECT_EQ(j["periods"][0]["rate"], "12.5");
  EXPECT_EQ(j["periods"][1]["from"], "2025-01-01");
  EXPECT_EQ(j["periods"][1]["days"], 10);
  EXPECT_EQ(j["day_count"], "ACT/ACT ISDA");
  EXPECT_EQ(j["uncertain"], true);  // the 2024H2 rate is derived
}

// Issue 13: the day count is flagged the way rates are, where the law does not settle it.
TEST(CliInterest, JsonSaysWhetherTheDayCountIsUncertain) {
  const auto no = run_cli(example + " --json");
  ASSERT_EQ(no.exit_code, 0) << no.err;
  EXPECT_EQ(nlohmann::json::parse(no.out)["day_count_uncertain"], false);  // Lovavdelingen 26.06.2006
  const auto dk = run_cli("interest --amount 10000 --currency DKK --from 2025-01-30 --to 2025-01-31 "
                          "--jurisdiction DK --json");
  ASSERT_EQ(dk.exit_code, 0) << dk.err;
  const auto j = nlohmann::json::parse(dk.out);
  EXPECT_EQ(j["day_count"], "ACT/ACT ISDA");
  EXPECT_EQ(j["day_count_uncertain"], true);
  EXPECT_EQ(j["interest"], "2.95");  // one day late on the 31st still costs a day
  const auto chosen = run_cli("interest --amount 10000 --currency DKK --from 2025-01-30 --to 2025-01-31 "
                              "--jurisdiction DK --day-count 30E/360 --json");
  ASSERT_EQ(chosen.exit_code, 0) << chosen.err;
  EXPECT_EQ(nlohmann::json::parse(chosen.out)["day_count_uncertain"], false);  // the caller's choice
}

TEST(CliInterest, FixedRateOverridesTheTable) {
  const auto r = run_cli("interest --amount 10000 --currency NOK --from 2025-03-01 --to 2025-03-31 "
                         "--jurisdiction NO --rate 12.5% --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["interest"], "102.74");  // legal.md §1.6 NO-1
  EXPECT_EQ(j["periods"].size(), 1U);
  EXPECT_EQ(j["periods"][0]["rate"], "12.5");
}

TEST(CliInterest, FinnishSegmentChoosesTheRate) {
  const std::string base = "interest --amount 1000.00 --currency EUR --from 2024-12-20 --to 2025-01-10 --jurisdiction FI";
  const auto b2b = nlohmann::json::parse(run_cli(base + " --segment b2b --json").out);
  const auto b2c = nlohmann::json::parse(run_cli(base + " --segment b2c --json").out);
  EXPECT_EQ(b2b["interest"], "6.91");  // legal.md §1.6 FI-1-split (commercial, 4 a §)
  EXPECT_EQ(b2c["periods"][0]["rate"], "11.5");  // general rate, 4 §
}

TEST(CliInterest, OutputIsATableWithoutTheFlag) {  // issue 17 (it was JSON either way)
  const auto r = run_cli(example);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("interest 71.81 NOK for 21 days"), std::string::npos) << r.out;
}

struct InterestBadInput {
  const char* args;
  const char* message_part;
};

class CliInterestBadInput : public ::testing::TestWithParam<InterestBadInput> {};

TEST_P(CliInterestBadInput, ExitsTwoNamingTheProblem) {
  const auto r = run_cli(std::string("interest ") + GetParam().args);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(r.out.empty()) << r.out;
  EXPECT_NE(r.err.find(GetParam().message_part), std::string::npos) << r.err;
}

INSTANTIATE_TEST_SUITE_P(Inputs, CliInterestBadInput, ::testing::Values(
    InterestBadInput{"--amount 10.00 --currency NOK --from 2024-12-20 --to 2025-01-10", "--jurisdiction"},
    InterestBadInput{"--amount 10.001 --currency NOK --from 2024-12-20 --to 2025-01-10 --jurisdiction NO", "--amount"},
    InterestBadInput{"--amount ten --currency NOK --from 2024-12-20 --to 2025-01-10 --jurisdiction NO", "--amount"},
    InterestBadInput{"--amount -5 --currency NOK --from 2024-12-20 --to 2025-01-10 --jurisdiction NO", "negative"},
    InterestBadInput{"--amount 10 --currency XYZ --from 2024-12-20 --to 2025-01-10 --jurisdiction NO", "--currency"},
    InterestBadInput{"--amount 10 --currency NOK --from 2024-13-20 --to 2025-01-10 --jurisdiction NO", "--from"},
    InterestBadInput{"--amount 10 --currency NOK --from 2024-12-20 --to 2025-01-10 --jurisdiction XX", "--jurisdiction"},
    InterestBadInput{"--amount 10 --currency NOK --from 2024-12-20 --to 2025-01-10 --jurisdiction NO --rate 12.5", "unit"},
    InterestBadInput{"--amount 10 --currency NOK --from 2024-12-20 --to 2025-01-10 --jurisdiction NO --segment b2x", "--segment"},
    InterestBadInput{"--amount 10 --currency NOK --from 2010-12-20 --to 2011-01-10 --jurisdiction NO", "no rate in force"},
    InterestBadInput{"--amount 10 --currency EUR --from 2024-12-20 --to 2025-01-10 --jurisdiction EU --segment b2c", "b2b"},
    InterestBadInput{"--amount 10 --currency NOK --from 2024-12-20 --to 2025-01-10 --jurisdiction NO --bogus 1", "--bogus"}));

TEST(InterestDecimalComma, TheNordicAmountIsReadWhenAskedForAndRefusedOtherwise) {
  const std::string rest = " --currency NOK --from 2026-01-01 --to 2026-03-01 --jurisdiction NO --json";
  const auto point = run_cli("interest --amount 1234.50" + rest);
  const auto comma = run_cli("interest --decimal-comma --amount \"1 234,50\"" + rest);
  ASSERT_EQ(point.exit_code, 0) << point.err;
  ASSERT_EQ(comma.exit_code, 0) << comma.err;
  EXPECT_EQ(comma.out, point.out);
  const auto refused = run_cli("interest --amount \"1 234,50\"" + rest);
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_EQ(refused.out, "");
  EXPECT_NE(refused.err.find("--decimal-comma"), std::string::npos) << refused.err;
}

}  // namespace
}  // namespace kreditor
