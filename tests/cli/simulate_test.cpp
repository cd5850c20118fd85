// `kreditor simulate` as a user runs it (CLI contract of issue 5).
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "support/cli.hpp"

namespace {

using kreditor::test_support::run_cli;

const std::string invoice = " --amount 10000.00 --currency NOK --invoice-date 2026-01-02 --due 2026-01-16";

TEST(CliSimulate, NorwayPresetPrintsTheTimelineAsJson) {
  const auto r = run_cli("simulate --policy NO" + invoice + " --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  const auto& ev = j.at("events");
  ASSERT_EQ(ev.size(), 3u);
  EXPECT_EQ(ev[0].at("date"), "2026-01-30");
  EXPECT_EQ(ev[0].at("step"), "purring");
  EXPECT_EQ(ev[0].at("commands"), nlohmann::json::array({"send_reminder"}));
  EXPECT_EQ(ev[0].at("fee"), "35.00");
  EXPECT_EQ(ev[0].at("deadline"), "2026-02-13");
  EXPECT_EQ(ev[1].at("commands"), nlohmann::json::array({"collection_warning"}));
  EXPECT_EQ(ev[2].at("commands"), nlohmann::json::array({"hand_over_to_collection"}));
  EXPECT_TRUE(ev[2].at("deadline").is_null());
  for (const auto& e : ev) {
    EXPECT_TRUE(e.at("interest").is_string());
    EXPECT_TRUE(e.at("total_due").is_string());
  }
}

// Issue 13: SE 2 § — a påminnelseavgift only if agreed when the debt arose; not agreed by default.
TEST(CliSimulate, SwedishReminderFeeOnlyWhenAgreed) {
  const std::string se = "simulate --policy SE --amount 5000.00 --currency SEK --invoice-date 2026-01-02 --due 2026-01-16 --json";
  const auto plain = run_cli(se);
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_EQ(nlohmann::json::parse(plain.out).at("events")[0].at("fee"), "0.00");
  const auto agreed = run_cli(se + " --reminder-fee-agreed yes");
  ASSERT_EQ(agreed.exit_code, 0) << agreed.err;
  EXPECT_EQ(nlohmann::json::parse(agreed.out).at("events")[0].at("fee"), "60.00");
  const auto no = run_cli(se + " --reminder-fee-agreed no");
  EXPECT_EQ(nlohmann::json::parse(no.out).at("events")[0].at("fee"), "0.00");
  const auto bad = run_cli(se + " --reminder-fee-agreed maybe");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--reminder-fee-agreed"), std::string::npos) << bad.err;
}

// Issue 13: a NO policy on a SEK invoice is an error, not a silent zero fee.
TEST(CliSimulate, NorwegianPolicyOnASwedishInvoiceFails) {
  const auto r = run_cli("simulate --policy NO --amount 5000.00 --currency SEK --invoice-date 2026-01-02 --due 2026-01-16");
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.err.find("SEK"), std::string::npos) << r.err;
}

TEST(CliSimulate, RelationshipFirstCallsAndHoldsCredit) {
  const auto r = run_cli("simulate --policy relationship-first" + invoice + " --until 2026-12-31 --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto ev = nlohmann::json::parse(r.out).at("events");
  std::string all;
  for (const auto& e : ev)
    for (const auto& c : e.at("commands")) all += c.get<std::string>() + " ";
  for (const char* c : {"receipt_confirmation", "courtesy_email", "phone_call", "notify_account_manager",
                        "send_reminder", "credit_hold", "collection_warning", "hand_over_to_collection"})
    EXPECT_NE(all.find(c), std::string::npos) << c;
  // Dates are in order.
  for (std::size_t i = 1; i < ev.size(); ++i) EXPECT_LT(ev[i - 1].at("date"), ev[i].at("date"));
}

TEST(CliSimulate, UntilCutsTheTimeline) {
  const auto r = run_cli("simulate --policy SE --amount 500.00 --currency SEK --invoice-date 2026-01-02 "
                         "--due 2026-01-16 --segment b2c --until 2026-01-31 --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto ev = nlohmann::json::parse(r.out).at("events");
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].at("step"), "påminnelse");
}

TEST(CliSimulate, PolicyFileBreakingTheLawExitsTwoNamingTheRule) {
  const std::string path = ::testing::TempDir() + "kreditor_bad_policy.json";
  std::ofstream(path) << R"({"name": "too early", "jurisdiction": "NO", "steps": [
      {"name": "purring", "trigger": {"after_due_days": 5}, "commands": ["send_reminder"],
       "deadline_days": 14, "fee": {"NOK": "35.00"}}]})";
  const auto r = run_cli("simulate --policy " + path + invoice + " --json");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("NO.purregebyr: a reminder fee only for a notice no earlier than 14 days after the due date"),
            std::string::npos) << r.err;
  EXPECT_NE(r.err.find("inkassoforskriften §§ 1-2"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("legal_violation"), std::string::npos) << r.err;
}

TEST(CliSimulate, PolicyFileWithAnUnknownKeyExitsTwoNamingTheKey) {
  const std::string path = ::testing::TempDir() + "kreditor_typo_policy.json";
  std::ofstream(path) << R"({"name": "typo", "jurisdiction": "NO", "steps": [
      {"name": "x", "triger": {"after_due_days": 14}, "commands": ["send_reminder"]}]})";
  const auto r = run_cli("simulate --policy " + path + invoice);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/steps/0/triger"), std::string::npos) << r.err;
}

TEST(CliSimulate, BadInputsExitTwo) {
  EXPECT_EQ(run_cli("simulate --policy XX" + invoice).exit_code, 2);
  EXPECT_EQ(run_cli("simulate --policy NO --amount 10.001 --currency NOK --invoice-date 2026-01-02 --due 2026-01-16").exit_code, 2);
  EXPECT_EQ(run_cli("simulate --policy NO --amount 10.00 --currency NOK --invoice-date 2026-01-02").exit_code, 2);
  EXPECT_EQ(run_cli("simulate --policy NO --amount 10.00 --currency NOK --invoice-date 2026-01-20 --due 2026-01-16").exit_code, 2);
}

}  // namespace
