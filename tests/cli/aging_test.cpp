// `kreditor aging` on a small ledger written to a temporary directory, aged by hand, and on the
// bundled sample.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "support/cli.hpp"
#include "support/ledgers.hpp"

namespace {

namespace fs = std::filesystem;
using kreditor::test_support::minor_units;
using kreditor::test_support::run_cli;
using kreditor::test_support::small_ledger;
using kreditor::test_support::write_ledger;
using json = nlohmann::json;

// The small ledger of support/ledgers.hpp, aged by hand there.
class SmallLedger : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::path(::testing::TempDir()) / "kreditor_aging_ledger";
    write_ledger(dir_, small_ledger());
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }
  static json run_json(const std::string& args) {
    const auto r = run_cli(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(r.out);
  }
  static std::string ledger() { return "--ledger " + dir_.string(); }
  static std::vector<std::string> amounts(const json& buckets) {
    std::vector<std::string> out;
    for (const auto& b : buckets) out.push_back(b["amount"].get<std::string>());
    return out;
  }
  static std::vector<std::string> labels(const json& buckets) {
    std::vector<std::string> out;
    for (const auto& b : buckets) out.push_back(b["label"].get<std::string>());
    return out;
  }
  static inline fs::path dir_;
};

using Strings = std::vector<std::string>;

TEST_F(SmallLedger, AgingByDueDateMatchesTheHandComputation) {
  const json j = run_json("aging " + ledger() + " --as-of 2024-03-31 --json");
  ASSERT_EQ(j["customers"].size(), 3U);
  const json& c1 = j["customers"][0];
  EXPECT_EQ(c1["customer_id"], "C1");
  EXPECT_EQ(c1["currency"], "NOK");
  EXPECT_EQ(labels(c1["buckets"]), (Strings{"current", "1-30", "31-60", "61-90", ">90"}));
  EXPECT_EQ(amounts(c1["buckets"]), (Strings{"1000.00", "400.00", "600.00", "0.00", "800.00"}));
  EXPECT_EQ(c1["total"], "2800.00");
  EXPECT_EQ(j["customers"][1]["customer_id"], "C2");
  // I6: 2000.00 less P2's 500.00 — of which 2.63 paid the late interest accrued on 2000.00 SEK
  // from 03-17 through 03-20 (costs -> interest -> principal), so 1502.63 of principal is open.
  EXPECT_EQ(amounts(j["customers"][1]["buckets"]), (Strings{"0.00", "1502.63", "0.00", "0.00", "0.00"}));
  EXPECT_EQ(j["customers"][2]["total"], "3000.00");

  ASSERT_EQ(j["portfolio"].size(), 2U);  // NOK, SEK
  EXPECT_EQ(j["portfolio"][0]["currency"], "NOK");
  EXPECT_EQ(amounts(j["portfolio"][0]["buckets"]),
            (Strings{"4000.00", "400.00", "600.00", "0.00", "800.00"}));
  EXPECT_EQ(j["portfolio"][0]["total"], "5800.00");
  EXPECT_EQ(j["portfolio"][1]["currency"], "SEK");
  EXPECT_EQ(j["portfolio"][1]["total"], "1502.63");
}

TEST_F(SmallLedger, AgingWithOtherBucketsKeepsCurrentFirst) {
  const json j = run_json("aging " + ledger() + " --as-of 2024-03-31 --buckets 15,45 --json");
  const json& c1 = j["customers"][0];
  EXPECT_EQ(labels(c1["buckets"]), (Strings{"current", "1-15", "16-45", ">45"}));
  EXPECT_EQ(amounts(c1["buckets"]), (Strings{"1000.00", "0.00", "400.00", "1400.00"}));
}

TEST_F(SmallLedger, AgingByInvoiceDateCountsFromTheIssueDate) {
  // Days since the invoice: I1 30, I2 59, I3 90, I4 151.
  const json j = run_json("aging " + ledger() + " --as-of 2024-03-31 --by invoice --json");
  const json& c1 = j["customers"][0];
  EXPECT_EQ(labels(c1["buckets"]), (Strings{"0-30", "31-60", "61-90", ">90"}));
  EXPECT_EQ(amounts(c1["buckets"]), (Strings{"1000.00", "400.00", "600.00", "800.00"}));
}

TEST_F(SmallLedger, AgingTableForPeople) {
  const auto r = run_cli("aging " + ledger() + " --as-of 2024-03-31");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("current"), std::string::npos);
  EXPECT_NE(r.out.find("5800.00"), std::string::npos);
}

TEST_F(SmallLedger, AgingUsageErrorsExitTwo) {
  for (const std::string args : {"--by paid", "--buckets 30,x", "--buckets 60,30", "--buckets ,",
                                 "--as-of 2024-02-30", "--unknown 1"}) {
    SCOPED_TRACE(args);
    const auto r = run_cli("aging " + ledger() + " --as-of 2024-03-31 " + args);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("kreditor aging: "), std::string::npos) << r.err;
  }
}

TEST_F(SmallLedger, ABrokenLedgerNamesFileAndLine) {
  const fs::path broken = fs::path(::testing::TempDir()) / "kreditor_exposure_broken";
  fs::remove_all(broken);
  fs::create_directories(broken);
  for (const auto& f : fs::directory_iterator(dir_)) fs::copy_file(f.path(), broken / f.path().filename());
  std::ofstream(broken / "invoices.csv", std::ios::app) << "I9,C1,2024-13-01,,NOK,1.00,,,\n";
  for (const std::string cmd : {"aging", "exposure --customer C1"}) {
    const auto r = run_cli(cmd + " --ledger " + broken.string() + " --as-of 2024-03-31 --json");
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("invoices.csv:10"), std::string::npos) << r.err;
  }
  fs::remove_all(broken);
}

// The bundled sample: every customer's buckets sum to its total, and per currency the
// customers sum to the portfolio.
TEST(AgingSample, BucketsSumToTotalsAndCustomersToThePortfolio) {
  const auto r = run_cli("aging --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  ASSERT_FALSE(j["customers"].empty());
  std::map<std::string, long long> per_currency;
  for (const json& c : j["customers"]) {
    long long sum = 0;
    for (const json& b : c["buckets"]) sum += minor_units(b["amount"]);
    EXPECT_EQ(sum, minor_units(c["total"])) << c["customer_id"];
    per_currency[c["currency"].get<std::string>()] += sum;
  }
  for (const json& p : j["portfolio"])
    EXPECT_EQ(per_currency[p["currency"].get<std::string>()], minor_units(p["total"])) << p["currency"];
}

}  // namespace
