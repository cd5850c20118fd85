// `kreditor notices`, run the way a user runs it: golden letters of the bundled sample, the
// amounts equal to `kreditor run --json`, files with --out, and the refusals (exit 2, nothing
// on stdout) for a letter the law does not allow to be sent as it is.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/cli.hpp"
#include "support/ledgers.hpp"

namespace {

namespace fs = std::filesystem;
using kreditor::test_support::run_cli;
using kreditor::test_support::small_ledger;
using kreditor::test_support::write_ledger;
using json = nlohmann::json;

const fs::path golden_dir = fs::path(KREDITOR_SOURCE_DIR) / "tests" / "cli" / "golden";

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// To refresh after an intended change of the wording or layout:
//   build/<dir>/kreditor notices > tests/cli/golden/notices_sample.txt
//   build/<dir>/kreditor notices --format json > tests/cli/golden/notices_sample.json
TEST(Notices, SampleLettersAreGolden) {
  const auto r = run_cli("notices");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, read(golden_dir / "notices_sample.txt"));
  const auto j = run_cli("notices --format json");
  ASSERT_EQ(j.exit_code, 0) << j.err;
  EXPECT_EQ(j.out, read(golden_dir / "notices_sample.json"));
}

TEST(Notices, JsonContractAndTheRunsAmounts) {
  const auto r = run_cli("notices --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json notices = json::parse(r.out);
  const auto run = run_cli("run --json");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const json report = json::parse(run.out);
  std::map<std::string, json> lines;
  for (const json& c : report["customers"])
    for (const json& l : c["invoices"]) lines[l["invoice_id"].get<std::string>()] = l;
  ASSERT_EQ(notices.size(), 15u);
  for (const json& n : notices) {
    for (const char* key : {"customer_id", "kind", "language", "invoices", "total", "deadline", "required_elements"})
      EXPECT_TRUE(n.contains(key)) << key;
    for (const auto& [name, present] : n["required_elements"].items()) EXPECT_TRUE(present.get<bool>()) << name;
    for (const json& inv : n["invoices"]) {
      const json& line = lines.at(inv["invoice_id"].get<std::string>());
      EXPECT_EQ(inv["total"], line["total_due"]) << inv["invoice_id"];
      EXPECT_EQ(inv["principal"], line["open"]) << inv["invoice_id"];
      EXPECT_EQ(inv["interest"], line["interest"]) << inv["invoice_id"];
    }
  }
}

TEST(Notices, OutWritesOneFilePerNotice) {
  const fs::path dir = fs::path(::testing::TempDir()) / "kreditor_notices_out";
  fs::remove_all(dir);
  const auto r = run_cli("notices --format html --lang en --out " + dir.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    ++files;
    const std::string html = read(e.path());
    EXPECT_NE(html.find("<html lang=\"en\">"), std::string::npos) << e.path();
    EXPECT_NE(r.out.find(e.path().string()), std::string::npos);
  }
  EXPECT_EQ(files, 15u);
  EXPECT_TRUE(fs::exists(dir / "NO-1002-collection_warning-NOK.html"));
  EXPECT_NE(read(dir / "NO-1002-collection_warning-NOK.html").find("Notice before collection"), std::string::npos);
  fs::remove_all(dir);
}

TEST(Notices, RefusalsPrintNothing) {
  struct refusal {
    std::string args;
    std::string says;
  };
  const fs::path dir = fs::path(::testing::TempDir()) / "kreditor_notices_small";
  write_ledger(dir, small_ledger());  // no creditor.json, no addresses
  const fs::path creditor = dir / "creditor.json.host";
  std::ofstream(creditor) << R"({"format": "kreditor.creditor/1", "name": "Acme Kreditt AS"})";
  const fs::path rules = dir / "rules.json";
  std::ofstream(rules) << R"({"format": "kreditor.notice_requirements/1", "rules": [
      {"id": "NO.host", "jurisdiction": "NO", "segments": ["b2b"], "kind": "reminder",
       "effective_from": "2000-01-01", "elements": ["debtor_address", "creditor_account"],
       "law": "host rule", "source": "host", "uncertain": false}]})";
  const std::string ledger = " --ledger " + dir.string() + " --as-of 2024-03-31";
  const std::vector<refusal> cases = {
      {"notices --format html", "give --out DIR"},
      {"notices --format pdf", "--format: unknown document format 'pdf'"},
      {"notices --lang de", "--lang: unknown language 'de'"},
      {"notices" + ledger, "notices need the creditor"},
      {"notices --templates /nonexistent/kreditor", "--templates: templates '/nonexistent/kreditor'"},
      {"notices" + ledger + " --creditor " + creditor.string() + " --requirements " + rules.string(),
       "notice to C1 (NO b2b reminder; host rule): missing creditor_account, debtor_address"},
  };
  for (const refusal& c : cases) {
    const auto r = run_cli(c.args);
    EXPECT_EQ(r.exit_code, 2) << c.args;
    EXPECT_EQ(r.out, "") << c.args;
    EXPECT_NE(r.err.find(c.says), std::string::npos) << c.args << "\n" << r.err;
  }
  // json reports what is missing instead of refusing: a program decides.
  const auto j = run_cli("notices --format json" + ledger + " --creditor " + creditor.string() + " --requirements " +
                         rules.string());
  ASSERT_EQ(j.exit_code, 0) << j.err;
  const json n = json::parse(j.out);
  ASSERT_FALSE(n.empty());
  EXPECT_EQ(n[0]["customer_id"], "C1");
  EXPECT_EQ(n[0]["required_elements"]["debtor_address"], false);
  EXPECT_EQ(n[0]["required_elements"]["creditor_account"], false);
  fs::remove_all(dir);
}

}  // namespace

namespace {

TEST(CaseFile, JsonHoldsTheClaimAndItsHistory) {
  const auto r = run_cli("casefile --customer NO-1002");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json f = json::parse(r.out);
  for (const char* key : {"claim", "invoices", "notices", "events", "payments", "interest_periods", "limitation_date"})
    EXPECT_TRUE(f.contains(key)) << key;
  EXPECT_EQ(f["kreditor_case_file"], 1);
  EXPECT_EQ(f["debtor"]["name"], "Nordlys Rørlegger AS");
  // The claim is the run's: the sum of what the customer's lines owe.
  const json run = json::parse(run_cli("run --json").out);
  std::int64_t owed = 0;
  for (const json& c : run["customers"])
    if (c["customer_id"] == "NO-1002")
      for (const json& l : c["invoices"]) owed += kreditor::test_support::minor_units(l["total_due"]);
  EXPECT_EQ(kreditor::test_support::minor_units(f["claim"]["total"]), owed);
  EXPECT_EQ(f["invoices"].size(), 4u);
  // Every notice with its date: the purring sent on F-26-0967, then today's inkassovarsel.
  std::vector<std::string> steps;
  for (const json& n : f["notices"])
    if (n["invoice_id"] == "F-26-0967") steps.push_back(n["step"].get<std::string>() + "@" + n["sent"].get<std::string>());
  EXPECT_EQ(steps, (std::vector<std::string>{"purring@2026-09-03", "inkassovarsel@2026-11-20"}));
  // Limitation: NO, 3 years from the due date; a reminder does not interrupt. The earliest
  // is the oldest invoice's, F-26-0912 due 2026-07-15.
  EXPECT_EQ(f["limitation_date"], "2029-07-15");
  for (const json& inv : f["invoices"])
    EXPECT_EQ(inv["limitation"]["rule"], "NO.foreldelse") << inv["invoice_id"];
}

TEST(CaseFile, AnAcknowledgmentInterruptsAsTheLawSays) {
  // DK: a written acknowledgment of the claim and its amount gives 10 years (§ 5 stk. 1 nr. 3).
  const auto r = run_cli("casefile --customer DK-3001 --invoice D-7710 --acknowledged 2026-11-01");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json f = json::parse(r.out);
  ASSERT_EQ(f["invoices"].size(), 1u);
  EXPECT_EQ(f["invoices"][0]["limitation"]["expires"], "2036-11-01");
  EXPECT_EQ(f["limitation_date"], "2036-11-01");
  const auto text = run_cli("casefile --customer DK-3001 --invoice D-7710 --format text");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("CASE FILE — DK-3001 as of 2026-11-20"), std::string::npos);
  EXPECT_NE(text.out.find("D-7710"), std::string::npos);
}

TEST(CaseFile, RefusalsPrintNothing) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"casefile", "missing --customer"},
      {"casefile --customer NOPE", "no customer 'NOPE'"},
      {"casefile --customer NO-1002 --invoice D-7710", "no invoice 'D-7710' of customer 'NO-1002'"},
      {"casefile --customer NO-1002 --acknowledged 2026-11-01", "--acknowledged: give --invoice"},
      {"casefile --customer NO-1002 --invoice F-26-0912 --acknowledged 2026-13-01", "--acknowledged"},
      {"casefile --customer NO-1002 --format pdf", "--format"},
  };
  for (const auto& [args, says] : cases) {
    const auto r = run_cli(args);
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_EQ(r.out, "") << args;
    EXPECT_NE(r.err.find(says), std::string::npos) << args << "\n" << r.err;
  }
}

}  // namespace

namespace {

TEST(Agreement, PlanAndAcknowledgmentFromTheCommandLine) {
  const auto plan = run_cli("agreement --customer NO-1003 --kind payment_plan --installments 3 --first-due 2026-12-20 "
                            "--security 'Pant i bil AB 12345' --format json");
  ASSERT_EQ(plan.exit_code, 0) << plan.err;
  const json v = json::parse(plan.out);
  EXPECT_EQ(v["kind"], "payment_plan");
  ASSERT_EQ(v["instalments"].size(), 3u);
  long long sum = 0;
  for (const json& i : v["instalments"]) sum += kreditor::test_support::minor_units(i["amount"]);
  EXPECT_EQ(sum, kreditor::test_support::minor_units(v["total"]));
  EXPECT_EQ(v["security"], "Pant i bil AB 12345");
  const auto ack = run_cli("agreement --customer SE-2001 --lang en");
  ASSERT_EQ(ack.exit_code, 0) << ack.err;
  EXPECT_NE(ack.out.find("Acknowledgment of debt"), std::string::npos);
  for (const auto& [args, says] : std::vector<std::pair<std::string, std::string>>{
           {"agreement --customer NO-1003 --kind payment_plan", "needs --installments"},
           {"agreement --customer NO-1003 --kind payment_plan --installments 200 --first-due 2026-12-20", "--installments"},
           {"agreement --customer NO-1003 --installments 3", "--installments: only with --kind payment_plan"},
           {"agreement --customer NO-1003 --kind reminder", "--kind: 'reminder' is neither"},
           {"agreement --customer NOPE", "no customer 'NOPE'"}}) {
    const auto r = run_cli(args);
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_EQ(r.out, "") << args;
    EXPECT_NE(r.err.find(says), std::string::npos) << args << "\n" << r.err;
  }
}

}  // namespace
