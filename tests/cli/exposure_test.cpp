// `kreditor exposure` on a small ledger written to a temporary directory, and on the sample.
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

// The small ledger of support/ledgers.hpp, as of 2024-03-31:
//   C1 NOK, limit 100 000.00: open 1000.00 not due (I1, due today) and 1800.00 overdue (I2 30,
//      I3 60, I4 91 days); nothing held or owed, so the total is 2800.00.
//   C2 SEK, no limit, flagged cash_only.   C3 NOK, limit 50 000.00, flagged on_hold.
class ExposureLedger : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::path(::testing::TempDir()) / "kreditor_exposure_cli_ledger";
    write_ledger(dir_, small_ledger());
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }
  static json run_json(const std::string& args) {
    const auto r = run_cli("exposure --ledger " + dir_.string() + " --as-of 2024-03-31 " + args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(r.out);
  }
  static inline fs::path dir_;
};

TEST_F(ExposureLedger, ReportsEveryCategoryAndTheTotal) {
  const json j = run_json("--customer C1 --json");
  EXPECT_EQ(j["exposure"], (json{{"receivables_not_due", "1000.00"},
                                 {"receivables_overdue", "1800.00"},
                                 {"orders_not_invoiced", "0.00"},
                                 {"deliveries_not_invoiced", "0.00"},
                                 {"set_off", "0.00"},
                                 {"security", "0.00"},
                                 {"total", "2800.00"}}));
  EXPECT_EQ(j["credit_limit"], "100000.00");
  EXPECT_EQ(j["max_days_past_due"], 91);
  EXPECT_FALSE(j.contains("decision"));
}

struct DecisionCase {
  const char* args;
  const char* decision;
  std::vector<std::string> reasons;
};

TEST_F(ExposureLedger, OrderDecisionsWithReasons) {
  const DecisionCase cases[] = {
      // 2800 + 12000 is within 100 000, but an invoice is 91 days overdue: pay it down first.
      {"--customer C1 --order-amount 12000.00", "approve_with_conditions", {"overdue"}},
      // 2800 + 98000 = 100 800: 800.00 over the limit, to be prepaid; and the overdue.
      {"--customer C1 --order-amount 98000.00", "approve_with_conditions", {"over_limit", "overdue"}},
      // 2800 + 150000: 52 800 over, still less than the order: prepay that part.
      {"--customer C1 --order-amount 150000", "approve_with_conditions", {"over_limit", "overdue"}},
      // Cash terms and no limit need prepayment; I6 is also 15 days overdue.
      {"--customer C2 --order-amount 100.00", "require_prepayment", {"cash_terms", "no_limit", "overdue"}},
      {"--customer C3 --order-amount 100.00", "hold", {"on_hold"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.args);
    const json j = run_json(std::string(c.args) + " --json");
    EXPECT_EQ(j["decision"], c.decision);
    EXPECT_EQ(j["reasons"].get<std::vector<std::string>>(), c.reasons);
  }
  const json over = run_json("--customer C1 --order-amount 98000.00 --json");
  EXPECT_EQ(over["findings"][0], (json{{"reason", "over_limit"}, {"amount", "800.00"}, {"days", 0}}));
  EXPECT_EQ(over["conditions"][0], (json{{"kind", "prepay"}, {"amount", "800.00"}}));
  EXPECT_EQ(over["conditions"][1], (json{{"kind", "pay_down_overdue"}, {"amount", "1800.00"}}));
  EXPECT_EQ(over["headroom"], "-800.00");
}

TEST_F(ExposureLedger, ApprovesAClearOrder) {
  // As of 2023-12-01 only I4 (issued 2023-11-01, due 2023-12-31) is known, and not yet due.
  const auto r = run_cli("exposure --ledger " + dir_.string() +
                         " --as-of 2023-12-01 --customer C1 --order-amount 5000.00 --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json j = json::parse(r.out);
  EXPECT_EQ(j["decision"], "approve");
  EXPECT_TRUE(j["reasons"].empty());
  EXPECT_EQ(j["exposure"]["total"], "800.00");
}

TEST_F(ExposureLedger, UnknownCustomerAndBadAmountExitTwo) {
  auto r = run_cli("exposure --ledger " + dir_.string() + " --as-of 2024-03-31 --customer C9 --json");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown customer 'C9'"), std::string::npos) << r.err;
  for (const std::string bad : {"--order-amount -5.00", "--order-amount 0", "--order-amount 1.001",
                                "--order-amount abc"}) {
    SCOPED_TRACE(bad);
    r = run_cli("exposure --ledger " + dir_.string() + " --as-of 2024-03-31 --customer C1 " + bad);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("--order-amount"), std::string::npos) << r.err;
  }
  r = run_cli("exposure --ledger " + dir_.string() + " --as-of 2024-03-31");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--customer"), std::string::npos) << r.err;
}

TEST_F(ExposureLedger, TextReportForPeople) {
  const auto r = run_cli("exposure --ledger " + dir_.string() +
                         " --as-of 2024-03-31 --customer C1 --order-amount 12000.00");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("approve_with_conditions"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2800.00"), std::string::npos) << r.out;
}

// The bundled sample: the categories sum to the total for every customer the aging lists.
TEST(ExposureSample, CategoriesSumToTheTotalForEveryCustomer) {
  const auto aging = run_cli("aging --json");
  ASSERT_EQ(aging.exit_code, 0) << aging.err;
  const json listed = json::parse(aging.out);  // named: a temporary's member would dangle
  for (const json& c : listed["customers"]) {
    const std::string id = c["customer_id"].get<std::string>();
    const auto r = run_cli("exposure --customer " + id + " --order-amount 1000 --json");
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const json j = json::parse(r.out);
    long long sum = 0;
    for (const auto& [name, value] : j["exposure"].items())
      if (name != "total") sum += minor_units(value);
    EXPECT_EQ(sum, minor_units(j["exposure"]["total"])) << id;
    // The open receivables are the aging's total for the customer.
    EXPECT_EQ(minor_units(j["exposure"]["receivables_not_due"]) + minor_units(j["exposure"]["receivables_overdue"]),
              minor_units(c["total"]))
        << id;
    EXPECT_TRUE(j.contains("decision")) << id;
  }
}

}  // namespace

namespace {

// A credit limit with an expiry (customers.csv credit_limit_expires): past it, no new order
// ships until the limit is reviewed, however much room the old limit leaves.
TEST(ExposureLimitExpiry, AnExpiredLimitHoldsTheOrderForAReview) {
  std::map<std::string, std::string> files = small_ledger();
  files["customers.csv"] =
      "customer_id,name,country,segment,currency,credit_limit,terms,credit_limit_expires\n"
      "C1,Acme AS,NO,b2b,NOK,100000.00,30 dager netto,2024-03-15\n"
      "C2,Beta AB,SE,b2b,SEK,0.00,30 dager netto,\n"
      "C3,Gamma AS,NO,b2b,NOK,50000.00,30 dager netto,2024-12-31\n";
  const fs::path dir = fs::path(::testing::TempDir()) / "kreditor_exposure_limit_expiry";
  write_ledger(dir, files);
  const auto exposure = [&](const std::string& args) {
    const auto r = run_cli("exposure --json --ledger " + dir.string() + " " + args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(r.out);
  };
  const json expired = exposure("--as-of 2024-03-31 --customer C1 --order-amount 100.00");
  EXPECT_EQ(expired["decision"], "hold");
  EXPECT_EQ(expired["credit_limit_expires"], "2024-03-15");
  ASSERT_EQ(expired["findings"].size(), 2U) << expired["findings"];
  EXPECT_EQ(expired["findings"][0], (json{{"reason", "limit_expired"}, {"amount", "100000.00"}, {"days", 16}}));
  EXPECT_EQ(expired["findings"][1]["reason"], "overdue");
  // On its last day the limit still holds: the same order only meets the overdue debt.
  const json valid = exposure("--as-of 2024-03-15 --customer C1 --order-amount 100.00");
  EXPECT_EQ(valid["reasons"], (json{"overdue"}));
  // A limit that has not expired changes nothing.
  const json other = exposure("--as-of 2024-03-31 --customer C3 --order-amount 100.00");
  for (const json& reason : other["reasons"]) EXPECT_NE(reason, "limit_expired");
  fs::remove_all(dir);
}

}  // namespace
