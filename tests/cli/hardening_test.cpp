// Issue 17: what a review found feeding the CLI hostile input, and the command line's manners.
// Each command here crashed (exit 134), printed an unlocated internal error, computed nonsense
// with exit 0, or left output on stdout with exit 2.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "support/cli.hpp"
#include "support/ledgers.hpp"

namespace kreditor {
namespace {

namespace fs = std::filesystem;
using test_support::run_cli;

::testing::AssertionResult refused(const test_support::cli_result& r, const std::string& part) {
  if (r.exit_code != 2) return ::testing::AssertionFailure() << "exit " << r.exit_code << ": " << r.err;
  if (!r.out.empty()) return ::testing::AssertionFailure() << "stdout not empty: " << r.out;
  if (r.err.find(part) == std::string::npos)
    return ::testing::AssertionFailure() << "stderr lacks '" << part << "': " << r.err;
  if (r.err.find("internal error") != std::string::npos)
    return ::testing::AssertionFailure() << "an internal error: " << r.err;
  return ::testing::AssertionSuccess();
}

TEST(CliHardening, DatesAtTheEdgeOfTheYearsAreErrorsNotAborts) {
  EXPECT_TRUE(refused(run_cli("calendar adjust --calendar NO --date 1400-01-01 --convention preceding"),
                      "1400..9999"));
  EXPECT_TRUE(refused(run_cli("calendar advance --calendar SE --date 9999-12-31 --days 0"), "1400..9999"));
  EXPECT_TRUE(refused(run_cli("terms \"net 30\" --invoice-date 9999-12-01 --jurisdiction SE"), "1400..9999"));
  // A notice deadline past 9999-12-31, mid-timeline: an error, and no half a timeline on stdout.
  EXPECT_TRUE(refused(run_cli("simulate --policy NO --amount 10000.00 --currency NOK --invoice-date 9999-01-02 "
                              "--due 9999-12-16 --until 9999-12-31"),
                      "1400..9999"));
}

TEST(CliHardening, InterestRefusesANegativeRateAReversedPeriodAndNamesAHugeRate) {
  const std::string base = "interest --amount 10000.00 --currency NOK --jurisdiction NO ";
  EXPECT_TRUE(refused(run_cli(base + "--from 2025-01-01 --to 2025-03-01 --rate -5%"), "negative"));
  EXPECT_TRUE(refused(run_cli(base + "--from 2025-01-01 --to 2025-03-01 --rate 99999999999999%"), "too large"));
  EXPECT_TRUE(refused(run_cli(base + "--from 2025-03-01 --to 2025-01-01"), "--to 2025-01-01 is before --from 2025-03-01"));
  EXPECT_EQ(run_cli(base + "--from 2025-03-01 --to 2025-03-01 --json").exit_code, 0);  // same day: no interest
}

TEST(CliHardening, InterestPrintsATableUnlessJsonIsAsked) {
  const std::string example =
      "interest --amount 10000.00 --currency NOK --from 2024-12-20 --to 2025-01-10 --jurisdiction NO";
  const auto table = run_cli(example);
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_FALSE(nlohmann::json::accept(table.out)) << table.out;
  const auto json = nlohmann::json::parse(run_cli(example + " --json").out);
  // The table shows the JSON's numbers: the total, and each period's dates and interest.
  EXPECT_NE(table.out.find("interest " + json["interest"].get<std::string>() + " NOK for 21 days"), std::string::npos)
      << table.out;
  for (const auto& p : json["periods"]) {
    EXPECT_NE(table.out.find(p["from"].get<std::string>()), std::string::npos);
    EXPECT_NE(table.out.find(p["interest"].get<std::string>()), std::string::npos);
  }
}

TEST(CliHardening, DecimalCommaIsRefusedWithAQuestion) {
  EXPECT_TRUE(refused(run_cli("interest --amount 12,50 --currency NOK --from 2025-01-01 --to 2025-03-01 "
                              "--jurisdiction NO"),
                      "decimal comma"));
  const auto grouped = run_cli("interest --amount 1,250.00 --currency NOK --from 2025-01-01 --to 2025-01-01 "
                               "--jurisdiction NO --json");
  ASSERT_EQ(grouped.exit_code, 0) << grouped.err;
  EXPECT_EQ(nlohmann::json::parse(grouped.out)["principal"], "1250.00");
}

fs::path ledger_dir(const std::string& name, const std::map<std::string, std::string>& files) {
  const fs::path dir = fs::path(::testing::TempDir()) / name;
  test_support::write_ledger(dir, files);
  return dir;
}

TEST(CliHardening, InvalidUtf8InALedgerIsNamedAtTheLoader) {
  auto files = test_support::small_ledger();
  files["customers.csv"] += "C9,S\xf8rlandet AS,NO,b2b,NOK,0.00,,,,,\n";
  const fs::path dir = ledger_dir("kreditor_utf8", files);
  for (const char* format : {"table", "json", "csv"})
    EXPECT_TRUE(refused(run_cli("run --ledger " + dir.string() + " --as-of 2024-03-31 --format " + format),
                        "customers.csv:5:2: invalid UTF-8"))
        << format;
}

TEST(CliHardening, AJsonNumberBeyondADoubleIsLocated) {
  auto files = test_support::small_ledger();
  files["ledger.json"] = "{\"as_of\": 1e999}";
  const fs::path dir = ledger_dir("kreditor_1e999", files);
  EXPECT_TRUE(refused(run_cli("aging --ledger " + dir.string()), "ledger.json:1:11: the number 1e999 is out of range"));
  const fs::path state = fs::path(::testing::TempDir()) / "kreditor_state_1e999.json";
  std::ofstream(state) << "{\"kreditor_state\": 1, \"last_run\": 1e999, \"notices\": []}";
  EXPECT_TRUE(refused(run_cli("exposure --customer NO-1001 --state " + state.string()), "out of range"));
}

TEST(CliHardening, EverySubcommandHasHelp) {
  for (const char* name : {"run", "interest", "check", "make", "calendar", "terms", "aging", "exposure", "simulate",
                           "score", "fit", "review", "notices", "casefile", "agreement"}) {
    for (const char* flag : {" --help", " -h"}) {
      const auto r = run_cli(std::string(name) + flag);
      EXPECT_EQ(r.exit_code, 0) << name << flag << ": " << r.err;
      EXPECT_EQ(r.out.rfind(std::string("usage: kreditor ") + name, 0), 0u) << r.out;
      EXPECT_NE(r.out.find("--help"), std::string::npos);
      EXPECT_TRUE(r.err.empty()) << r.err;
    }
    // Also after other options, and as `kreditor help NAME`.
    EXPECT_EQ(run_cli(std::string(name) + " --json --help").exit_code, 0) << name;
    EXPECT_EQ(run_cli(std::string("help ") + name).out, run_cli(std::string(name) + " --help").out);
  }
}

TEST(CliHardening, CalendarAdjustAndAdvanceTakeJson) {
  const auto adj = run_cli("calendar adjust --calendar NO --date 2024-03-30 --json");
  ASSERT_EQ(adj.exit_code, 0) << adj.err;
  const auto a = nlohmann::json::parse(adj.out);
  EXPECT_EQ(a["adjusted"], "2024-04-02");  // the plain output of the same call (calendar_test)
  EXPECT_EQ(a["date"], "2024-03-30");
  EXPECT_EQ(a["convention"], "following");
  const auto adv = run_cli("calendar advance --calendar SE --date 2026-12-23 --days 4 --json");
  ASSERT_EQ(adv.exit_code, 0) << adv.err;
  const auto b = nlohmann::json::parse(adv.out);
  EXPECT_EQ(b["result"], run_cli("calendar advance --calendar SE --date 2026-12-23 --days 4").out.substr(0, 10));
  EXPECT_EQ(b["days"], 4);
}

TEST(CliHardening, TermsTableShowsTheDiscountedAmount) {
  const std::string call = "terms \"2/10 net 30\" --invoice-date 2026-01-15 --amount 1000.00 --currency NOK";
  const auto json = nlohmann::json::parse(run_cli(call + " --json").out);
  const std::string to_pay = json["discounts"][0]["amount_to_pay"];
  EXPECT_EQ(to_pay, "980.00");  // 2 % off 1000.00
  const auto table = run_cli(call);
  ASSERT_EQ(table.exit_code, 0) << table.err;
  EXPECT_NE(table.out.find("pay " + to_pay + " NOK"), std::string::npos) << table.out;
}

TEST(CliHardening, ADeliveryCenturiesBeforeTheInvoiceIsRefused) {
  EXPECT_TRUE(refused(run_cli("terms \"net 30\" --invoice-date 2026-01-15 --delivery-date 1826-01-15"),
                      "more than a year before --invoice-date"));
}

TEST(CliHardening, ExitTwoLeavesStdoutEmpty) {
  // Failures of every subcommand but run, at the start and after output has begun.
  for (const char* args :
       {"interest --amount 10 --currency NOK --from 2024-12-20 --to 2025-01-10 --jurisdiction XX",
        "check iban", "make kid-mod10 12a", "calendar holidays --calendar NO --from 2026-12-01",
        "terms \"net 30\"", "aging --as-of 2026-13-01", "exposure --customer NOBODY",
        "simulate --policy NO --amount 10 --currency NOK --invoice-date 2026-01-02 --due 2026-01-16 --until x",
        "", "nonsense", "--completion zsh"}) {
    const auto r = run_cli(args);
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_TRUE(r.out.empty()) << args << ": " << r.out;
    EXPECT_FALSE(r.err.empty()) << args;
  }
}

TEST(CliHardening, ManPageAndCompletionComeFromTheUsageTable) {
  const auto man = run_cli("--man");
  ASSERT_EQ(man.exit_code, 0);
  EXPECT_NE(man.out.find(".TH KREDITOR 1"), std::string::npos);
  const auto completion = run_cli("--completion bash");
  ASSERT_EQ(completion.exit_code, 0);
  EXPECT_NE(completion.out.find("complete -o default -F _kreditor kreditor"), std::string::npos);
  for (const char* name : {"run", "interest", "check", "make", "calendar", "terms", "aging", "exposure", "simulate"}) {
    EXPECT_NE(man.out.find(std::string(".SS ") + name + "\n"), std::string::npos) << name;
    EXPECT_NE(completion.out.find(std::string("    ") + name + ") COMPREPLY"), std::string::npos) << name;
    // Every option of the subcommand's usage is in both.
    const auto help = run_cli(std::string(name) + " --help").out;
    for (std::size_t at = help.find("\n  --"); at != std::string::npos; at = help.find("\n  --", at + 1)) {
      const std::size_t end = help.find_first_of(" \n", at + 3);
      const std::string flag = help.substr(at + 3, end - at - 3);
      EXPECT_NE(completion.out.find(flag), std::string::npos) << name << " " << flag;
      std::string escaped;
      for (const char c : flag) escaped += c == '-' ? std::string("\\-") : std::string(1, c);
      EXPECT_NE(man.out.find(escaped), std::string::npos) << name << " " << flag;
    }
  }
  // The completion script is valid bash.
  const fs::path script = fs::path(::testing::TempDir()) / "kreditor_completion.bash";
  std::ofstream(script) << completion.out;
  EXPECT_EQ(std::system(("bash -n " + script.string()).c_str()), 0);
}

}  // namespace
}  // namespace kreditor
