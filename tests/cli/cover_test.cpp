// Issue 13: set-off and security through the CLI. counterclaims.csv (what we owe a customer)
// and security.csv reach the engine; `run` names the cover and the amount to take on the
// propose_set_off / realise_security commands (JSON: cover_id, cover_amount), also when the
// CSV report is evaluated a slice of customers at a time.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "support/cli.hpp"
#include "support/ledgers.hpp"

namespace kreditor {
namespace {

using test_support::run_cli;
namespace fs = std::filesystem;

class RunCover : public ::testing::Test {
 protected:
  fs::path dir = fs::path(::testing::TempDir()) / "kreditor_cover_ledger";
  std::map<std::string, std::string> files{
      {"customers.csv", std::string(test_support::customers_header) + "C1,Acme AS,NO,b2b,NOK,0.00,14 dager netto,,,,\n"},
      {"invoices.csv", std::string(test_support::invoices_header) + "I1,C1,2025-01-02,2025-01-16,NOK,10000.00,,,\n"},
      {"payments.csv", test_support::payments_header},
      // The B2B purring and the inkassovarsel were sent; the warning's deadline was 2025-02-28.
      {"events.csv", "date,customer_id,invoice_id,event,details\n"
                     "2025-01-30,C1,I1,notice_sent,level=purring (B2B);deadline=2025-02-13\n"
                     "2025-02-14,C1,I1,notice_sent,level=inkassovarsel;deadline=2025-02-28\n"},
      {"security.csv", "security_id,customer_id,kind,currency,amount,expires,reference\n"
                       "G-1,C1,guarantee,NOK,50000.00,2025-12-31,Bank guarantee 77\n"},
      {"counterclaims.csv", "counterclaim_id,customer_id,date,currency,amount,payable_from,reference\n"
                            "CN-7,C1,2025-02-01,NOK,2000.00,,their invoice 4411\n"}};
  void TearDown() override { fs::remove_all(dir); }
  [[nodiscard]] test_support::cli_result run(const std::string& as_of, const std::string& format = "json") {
    test_support::write_ledger(dir, files);
    return run_cli("run --policy NO-B2B --format " + format + " --as-of " + as_of + " --ledger " + dir.string());
  }
  static nlohmann::json commands(const std::string& out) {
    return nlohmann::json::parse(out)["customers"][0]["invoices"][0].value("commands", nlohmann::json::array());
  }
};

TEST_F(RunCover, SetOffNamesTheCounterclaimAndTheAmount) {
  const auto r = run("2025-03-03");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto cmds = commands(r.out);
  ASSERT_EQ(cmds.size(), 1U) << r.out;
  EXPECT_EQ(cmds[0]["command"], "propose_set_off");
  EXPECT_EQ(cmds[0]["step"], "set-off (B2B)");
  EXPECT_EQ(cmds[0]["cover_id"], "CN-7");
  EXPECT_EQ(cmds[0]["cover_amount"], "2000.00");
  // The table shows the counterclaim and the amount to take.
  const auto table = run("2025-03-03", "table");
  EXPECT_NE(table.out.find("propose_set_off CN-7"), std::string::npos) << table.out;
  // The sliced CSV report sees the counterclaims too.
  const auto csv = run("2025-03-03", "csv");
  EXPECT_NE(csv.out.find("propose_set_off"), std::string::npos) << csv.out;
}

TEST_F(RunCover, WithoutACounterclaimTheGuaranteeIsCalledForTheClaim) {
  files.erase("counterclaims.csv");
  const auto r = run("2025-03-03");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto cmds = commands(r.out);
  ASSERT_EQ(cmds.size(), 1U) << r.out;
  EXPECT_EQ(cmds[0]["command"], "realise_security");
  EXPECT_EQ(cmds[0]["cover_id"], "G-1");
  EXPECT_EQ(cmds[0]["cover_amount"], cmds[0]["total"]);  // the claim is less than the guarantee
}

TEST_F(RunCover, OtherCommandsCarryNoCoverFields) {
  files.erase("counterclaims.csv");
  files.erase("security.csv");
  const auto r = run("2025-03-03");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto cmds = commands(r.out);
  ASSERT_EQ(cmds.size(), 1U) << r.out;
  EXPECT_EQ(cmds[0]["command"], "hand_over_to_collection");
  EXPECT_FALSE(cmds[0].contains("cover_id"));
}

// The engine gets a jurisdiction's invoices in chunks of 16384: a customer with more invoices
// than that must not be offered the same guarantee once per chunk. 16400 overdue claims of
// 100.00 against one guarantee of 5000.00: the commands take 5000.00 of it in all, not more.
TEST_F(RunCover, ACustomerWithMoreInvoicesThanAChunkIsNotOfferedTheSameCoverTwice) {
  files.erase("counterclaims.csv");
  files["security.csv"] = "security_id,customer_id,kind,currency,amount,expires,reference\n"
                          "G-1,C1,guarantee,NOK,5000.00,2025-12-31,\n";
  std::string invoices(test_support::invoices_header);
  std::string events = "date,customer_id,invoice_id,event,details\n";
  const int n = 16400;
  for (int i = 0; i < n; ++i) {
    const std::string id = "I" + std::to_string(i);
    invoices += id + ",C1,2025-01-02,2025-01-16,NOK,100.00,,,\n";
    events += "2025-01-30,C1," + id + ",notice_sent,level=purring (B2B);deadline=2025-02-13\n";
    events += "2025-02-14,C1," + id + ",notice_sent,level=inkassovarsel;deadline=2025-02-28\n";
  }
  files["invoices.csv"] = invoices;
  files["events.csv"] = events;
  const auto r = run("2025-03-03");
  ASSERT_EQ(r.exit_code, 0) << r.err.substr(0, 2000);
  const auto doc = nlohmann::json::parse(r.out);
  long long taken = 0;  // minor units
  int realised = 0;
  for (const auto& inv : doc["customers"][0]["invoices"])
    for (const auto& cmd : inv.value("commands", nlohmann::json::array()))
      if (cmd["command"] == "realise_security") {
        ++realised;
        const std::string a = cmd["cover_amount"];
        taken += std::stoll(a.substr(0, a.find('.'))) * 100 + std::stoll(a.substr(a.find('.') + 1));
      }
  EXPECT_EQ(taken, 5000'00);
  EXPECT_GE(realised, 1);
}

TEST_F(RunCover, ACounterclaimPayableBeforeItAroseIsAnInputError) {
  files["counterclaims.csv"] = "counterclaim_id,customer_id,date,currency,amount,payable_from,reference\n"
                               "CN-7,C1,2025-02-01,NOK,2000.00,2025-01-01,\n";
  const auto r = run("2025-03-03");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("counterclaims.csv:2:6: payable_from 2025-01-01 is before its date 2025-02-01"), std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace kreditor
