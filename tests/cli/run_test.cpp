// `kreditor run`, run the way a user runs it: golden output on the bundled sample ledger,
// every kind of input error (exit 2 naming file, line and column), --fail-on-overdue, and two
// consecutive daily runs with --state asking for each notice once.
#include <gtest/gtest.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "support/cli.hpp"

namespace kreditor {
namespace {

using test_support::run_cli;
namespace fs = std::filesystem;

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

const fs::path golden_dir = fs::path(KREDITOR_SOURCE_DIR) / "tests" / "cli" / "golden";
const fs::path sample_dir = fs::path(KREDITOR_SOURCE_DIR) / "examples" / "sample_ledger";

// To refresh a golden file after an intended change:
//   build/<dir>/kreditor run > tests/cli/golden/run_sample.txt   (and --format json > .json)
TEST(RunGolden, TableOnTheBundledSampleMatches) {
  const auto r = run_cli("run");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, read(golden_dir / "run_sample.txt"));
  EXPECT_EQ(r.err, "");  // no progress bar when stderr is not a terminal
}

TEST(RunGolden, JsonOnTheBundledSampleMatches) {
  const auto r = run_cli("run --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, read(golden_dir / "run_sample.json"));
}

TEST(RunGolden, CsvOnTheBundledSampleMatches) {
  const auto r = run_cli("run --format csv");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, read(golden_dir / "run_sample.csv"));
}

TEST(Run, TheSampleDirectoryGivesTheSameReportAsTheBundledCopy) {
  const auto bundled = run_cli("run --format json");
  const auto from_disk = run_cli("run --format json --ledger " + sample_dir.string());
  ASSERT_EQ(from_disk.exit_code, 0) << from_disk.err;
  EXPECT_EQ(from_disk.out, bundled.out);
}

TEST(Run, JsonCarriesMoneyAsDecimalStringsAndDatesAsIso) {
  const auto r = run_cli("run --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["as_of"], "2026-11-20");
  ASSERT_FALSE(j["customers"].empty());
  const auto& inv = j["customers"][0]["invoices"][0];
  EXPECT_TRUE(inv["open"].is_string());
  EXPECT_TRUE(inv["due_date"].is_string());
  EXPECT_EQ(inv["due_date"].get<std::string>().size(), 10U);
  for (const auto& t : j["totals"]) EXPECT_TRUE(t["total_due"].is_string());
}

TEST(Run, FailOnOverdueExitsOneWhenSomethingIsOverdue) {
  const auto r = run_cli("run --fail-on-overdue --quiet");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_FALSE(r.out.empty());  // the report is still printed
}

TEST(Run, FailOnOverdueExitsZeroBeforeAnythingIsDue) {
  const auto r = run_cli("run --fail-on-overdue --as-of 2026-06-20");
  EXPECT_EQ(r.exit_code, 0) << r.err << r.out;
}

TEST(Run, JsonIsFormatJson) {
  const auto spelled = run_cli("run --json");
  const auto format = run_cli("run --format json");
  ASSERT_EQ(spelled.exit_code, 0) << spelled.err;
  EXPECT_EQ(spelled.out, format.out);
  EXPECT_EQ(run_cli("run --json --format json").out, format.out);
  const auto both = run_cli("run --json --format csv");
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_EQ(both.out, "");
  EXPECT_NE(both.err.find("--json and --format csv contradict each other"), std::string::npos) << both.err;
}

TEST(Run, UsageErrorsExitTwo) {
  for (const char* args : {"run --format xml", "run --as-of 2026-13-01", "run --bogus", "run --policy XX",
                           "run --ledger /nonexistent/ledger", "run extra"}) {
    SCOPED_TRACE(args);
    const auto r = run_cli(args);
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("kreditor run: "), std::string::npos) << r.err;
  }
}

// A copy of the sample ledger in a temporary directory, one file changed per test.
class RunInputError : public ::testing::Test {
 protected:
  fs::path dir = fs::path(::testing::TempDir()) / "kreditor_run_input";
  void SetUp() override {
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (const auto& f : fs::directory_iterator(sample_dir)) fs::copy_file(f.path(), dir / f.path().filename());
  }
  void TearDown() override { fs::remove_all(dir); }

  /// Replaces line `line` (1-based) of `file` with `text`.
  void replace_line(const std::string& file, int line, const std::string& text) {
    std::istringstream in(read(dir / file));
    std::string out, l;
    for (int n = 1; std::getline(in, l); ++n) out += (n == line ? text : l) + "\n";
    std::ofstream(dir / file, std::ios::binary | std::ios::trunc) << out;
  }
  [[nodiscard]] test_support::cli_result run() const { return run_cli("run --ledger " + dir.string()); }
};

// Each row: file, line, new text, what stderr must name.
struct InputCase {
  const char* name;
  const char* file;
  int line;
  const char* text;
  const char* message;
};

TEST_F(RunInputError, EveryKindIsNamedWithFileLineAndColumn) {
  const InputCase cases[] = {
      {"bad date", "invoices.csv", 2, "F-26-0940,NO-1001,2026-07-32,2026-08-05,NOK,55200.00,,,",
       "invoices.csv:2:3: issue_date '2026-07-32' is not a date"},
      {"unknown customer", "invoices.csv", 3, "F-26-1001,NO-9999,2026-08-03,2026-09-02,NOK,48750.00,,,",
       "invoices.csv:3:2: unknown customer_id 'NO-9999'"},
      {"currency mismatch", "payments.csv", 2, "P-0001,NO-1001,2026-08-04,SEK,55200.00,,,giro",
       "payments.csv:2:4: currency SEK differs from customer 'NO-1001''s currency NOK"},
      {"duplicate id", "invoices.csv", 3, "F-26-0940,NO-1001,2026-08-03,2026-09-02,NOK,48750.00,,,",
       "invoices.csv:3:1: duplicate invoice_id 'F-26-0940' (first on line 2)"},
      {"negative amount", "invoices.csv", 2, "F-26-0940,NO-1001,2026-07-06,2026-08-05,NOK,-55200.00,,,",
       "invoices.csv:2:6: amount '-55200.00' is negative"},
      {"malformed quoting", "customers.csv", 2,
       "NO-1001,\"Fjordtre Bygg AS,NO,b2b,NOK,250000.00,30 dager netto,,,,,",
       // The open quote pairs with the next one, which opens line 3's quoted address.
       "customers.csv:3:2: unexpected character 'I' after a closing quote"},
      {"bad segment", "customers.csv", 2, "NO-1001,Fjordtre Bygg AS,NO,B2X,NOK,250000.00,30 dager netto,,,,,",
       "customers.csv:2:4: segment 'B2X' is not b2b or b2c"},
      {"unknown event", "events.csv", 2, "2026-07-14,NO-1006,F-26-0901,reminded,",
       "events.csv:2:4: unknown event 'reminded'"},
      {"missing column", "payments.csv", 1, "payment_id,customer_id,date,currency,reference,invoice_id",
       "payments.csv:1:7: missing column 'amount'"},
  };
  for (const InputCase& c : cases) {
    SCOPED_TRACE(c.name);
    SetUp();
    replace_line(c.file, c.line, c.text);
    const auto r = run();
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.out, "");  // never a partial report
    EXPECT_NE(r.err.find((dir / c.message).string()), std::string::npos) << r.err;
  }
}

TEST_F(RunInputError, ANoticeLevelThePolicyDoesNotHaveIsAnError) {
  replace_line("events.csv", 2, "2026-07-14,NO-1006,F-26-0901,notice_sent,level=no_such_step");
  const auto r = run();
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("events.csv:2: level 'no_such_step' is not a step of the policy for NO"), std::string::npos)
      << r.err;
  // The CSV report is evaluated a slice of customers at a time and spooled: an error found in
  // any slice still means nothing on stdout, and the same message.
  const auto csv = run_cli("run --format csv --ledger " + dir.string());
  EXPECT_EQ(csv.exit_code, 2);
  EXPECT_EQ(csv.out, "");
  EXPECT_EQ(csv.err, r.err);
}

// `run --format json` and `--format csv` evaluate the ledger a slice of 256 customers at a
// time and write each slice's part as it comes (the JSON is never one document in memory). On
// a ledger of three slices the JSON must still be one valid document: every listed customer
// once and in the ledger's order, totals per currency equal to the sum of its lines over all
// slices, and each line equal to the CSV's row for it (two printers, one evaluation).
TEST(RunSlices, JsonAndCsvOverManySlicesAgreeAndTotalsSumEverySlice) {
  const test_support::unique_tmpdir tmp;
  const fs::path dir = tmp.path();
  const char* countries[][3] = {{"NO", "NOK", "30 dager netto"}, {"SE", "SEK", "30 dagar netto"},
                                {"DK", "DKK", "netto 30 dage"}, {"FI", "EUR", "14 päivää netto"}};
  std::ofstream customers(dir / "customers.csv"), invoices(dir / "invoices.csv"), payments(dir / "payments.csv");
  customers << "customer_id,name,country,segment,currency,credit_limit,terms\n";
  invoices << "invoice_id,customer_id,issue_date,due_date,currency,amount\n";
  payments << "payment_id,customer_id,date,currency,amount,reference,invoice_id\n";
  const int n_customers = 700;  // 256 + 256 + 188
  int inv = 0;
  for (int c = 0; c < n_customers; ++c) {
    const auto& k = countries[c % 4];
    const std::string id = "C" + std::to_string(1000 + c);
    customers << id << ",Customer " << c << "," << k[0] << "," << (c % 5 == 0 ? "b2c" : "b2b") << "," << k[1]
              << ",50000.00," << k[2] << "\n";
    for (int j = 0; j < c % 4; ++j, ++inv) {  // a quarter of the customers have no invoice
      const int month = 6 + (c + j) % 6;      // issued June..November, due a month later
      const auto day = [j](int m) { return std::string(m < 10 ? "2026-0" : "2026-") + std::to_string(m) + "-1" + std::to_string(j); };
      const std::string issued = day(month);
      const std::string due = day(month + 1);
      const std::string amount = std::to_string(1000 + 37 * c + 11 * j) + ".50";
      invoices << "I" << inv << "," << id << "," << issued << "," << due << "," << k[1] << "," << amount << "\n";
      if ((c + j) % 3 == 0 && month < 11)  // paid in full on the due day
        payments << "P" << inv << "," << id << "," << due << "," << k[1] << "," << amount << ",,I" << inv << "\n";
    }
  }
  customers.close();
  invoices.close();
  payments.close();
  const auto json_run = run_cli("run --format json --as-of 2026-11-20 --ledger " + dir.string());
  const auto csv_run = run_cli("run --format csv --as-of 2026-11-20 --ledger " + dir.string());
  ASSERT_EQ(json_run.exit_code, 0) << json_run.err;
  ASSERT_EQ(csv_run.exit_code, 0) << csv_run.err;
  const auto doc = nlohmann::json::parse(json_run.out);  // one valid document

  // CSV rows by invoice: due_date, days_past_due, state, open, fees, interest, total_due.
  std::map<std::string, std::vector<std::string>> rows;
  std::istringstream in(csv_run.out);
  std::string line;
  std::getline(in, line);  // header
  for (; std::getline(in, line);) {
    std::vector<std::string> f;
    std::istringstream cells(line);
    for (std::string cell; std::getline(cells, cell, ',');) f.push_back(cell);
    ASSERT_GE(f.size(), 12U) << line;
    rows[f[1]] = {f[3], f[4], f[5], f[8], f[9], f[10], f[11]};
  }
  ASSERT_EQ(rows.size(), static_cast<std::size_t>(inv));

  // Sums in minor units (every amount here has two decimals).
  const auto cents = [](const std::string& s) {
    const std::size_t dot = s.find('.');
    return std::stoll(s.substr(0, dot)) * 100 + std::stoll(s.substr(dot + 1));
  };
  std::map<std::string, std::array<long long, 5>> sums;  // open, overdue, fees, interest, total_due
  std::size_t invoices_seen = 0;
  std::string previous;
  for (const auto& c : doc["customers"]) {
    const std::string id = c["customer_id"];
    EXPECT_LT(previous, id);  // the ledger's order, each customer once
    previous = id;
    for (const auto& i : c["invoices"]) {
      ++invoices_seen;
      const std::vector<std::string>& r = rows.at(i["invoice_id"].get<std::string>());
      EXPECT_EQ(r, (std::vector<std::string>{i["due_date"], std::to_string(i["days_past_due"].get<int>()), i["state"],
                                             i["open"], i["fees"], i["interest"], i["total_due"]}))
          << i.dump();
      auto& t = sums[c["currency"].get<std::string>()];
      t[0] += cents(i["open"]);
      t[1] += i["days_past_due"].get<int>() > 0 ? cents(i["open"]) : 0;
      t[2] += cents(i["fees"]);
      t[3] += cents(i["interest"]);
      t[4] += cents(i["total_due"]);
    }
  }
  EXPECT_EQ(invoices_seen, static_cast<std::size_t>(inv));
  ASSERT_EQ(doc["totals"].size(), sums.size());
  for (const auto& t : doc["totals"]) {
    const auto& s = sums.at(t["currency"].get<std::string>());
    EXPECT_EQ(cents(t["open"]), s[0]) << t.dump();
    EXPECT_EQ(cents(t["overdue"]), s[1]) << t.dump();
    EXPECT_EQ(cents(t["fees"]), s[2]) << t.dump();
    EXPECT_EQ(cents(t["interest"]), s[3]) << t.dump();
    EXPECT_EQ(cents(t["total_due"]), s[4]) << t.dump();
  }
  EXPECT_EQ(doc["problems"], nlohmann::json::array());
  EXPECT_EQ(doc["policy"], "country presets");
}

// Two consecutive daily runs with --state: each notice is asked for once.
class RunWithState : public ::testing::Test {
 protected:
  fs::path state = fs::path(::testing::TempDir()) / "kreditor_run_state.json";
  void SetUp() override { fs::remove(state); }
  void TearDown() override { fs::remove(state); }

  /// "invoice step command" of every command in a JSON report.
  static std::multiset<std::string> commands_of(const std::string& json_text) {
    std::multiset<std::string> out;
    const auto j = nlohmann::json::parse(json_text);
    for (const auto& c : j["customers"])
      for (const auto& i : c["invoices"])
        for (const auto& cmd : i.value("commands", nlohmann::json::array()))
          out.insert(i["invoice_id"].get<std::string>() + " " + cmd["step"].get<std::string>() + " " +
                     cmd["command"].get<std::string>());
    return out;
  }
  [[nodiscard]] test_support::cli_result run_on(const std::string& day) const {
    return run_cli("run --format json --as-of " + day + " --state " + state.string());
  }
};

TEST_F(RunWithState, ConsecutiveDailyRunsSendEachNoticeOnce) {
  std::set<std::string> sent;
  for (const char* day : {"2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23", "2026-12-10", "2026-12-11"}) {
    SCOPED_TRACE(day);
    const auto r = run_on(day);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const auto& c : commands_of(r.out)) EXPECT_TRUE(sent.insert(c).second) << c;
  }
  // The runs continue where they left off: the purring of 2026-11-20 (deadline 2026-12-04) is
  // followed by the inkassovarsel once that deadline has passed, and by nothing twice.
  EXPECT_EQ(sent.count("F-26-1040 purring send_reminder"), 1U);
  EXPECT_EQ(sent.count("F-26-1040 inkassovarsel collection_warning"), 1U);
}

TEST_F(RunWithState, SameDayAgainPrintsTheSameCommandsMarkedRecordedAndRecordsNothingTwice) {
  const auto first = run_on("2026-11-20");
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_FALSE(commands_of(first.out).empty());
  const std::string state_after_first = read(state);
  // A lost list can be printed again: the same commands, each marked as already recorded.
  const auto again = run_on("2026-11-20");
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_EQ(commands_of(again.out), commands_of(first.out));
  // The parsed documents must outlive the loops: a range over a member of a temporary dangles.
  const auto again_doc = nlohmann::json::parse(again.out);
  const auto first_doc = nlohmann::json::parse(first.out);
  for (const auto& c : again_doc["customers"])
    for (const auto& i : c["invoices"])
      for (const auto& cmd : i.value("commands", nlohmann::json::array())) EXPECT_TRUE(cmd["recorded"].get<bool>());
  for (const auto& c : first_doc["customers"])
    for (const auto& i : c["invoices"])
      for (const auto& cmd : i.value("commands", nlohmann::json::array())) EXPECT_FALSE(cmd["recorded"].get<bool>());
  EXPECT_EQ(read(state), state_after_first);  // nothing recorded twice
  // Only a later date asks for new ones, and none of today's again.
  const auto next = run_on("2026-11-21");
  ASSERT_EQ(next.exit_code, 0) << next.err;
  for (const auto& c : commands_of(next.out)) EXPECT_EQ(commands_of(first.out).count(c), 0U) << c;
}

TEST_F(RunWithState, WithoutStateTheSameDayRepeatsItsCommands) {
  const auto a = run_cli("run --format json");
  const auto b = run_cli("run --format json");
  EXPECT_EQ(commands_of(a.out), commands_of(b.out));
  EXPECT_FALSE(commands_of(a.out).empty());
}

TEST_F(RunWithState, TheCsvRunRecordsWhatTheJsonRunRecords) {
  // `run --format csv` goes through the report a slice of customers at a time; its state file
  // must be the one the whole-ledger run writes, and a rerun marks the same commands recorded.
  const fs::path csv_state = fs::path(::testing::TempDir()) / "kreditor_run_state_csv.json";
  fs::remove(csv_state);
  // Rows whose `recorded` column (the last but one; the last is an amount) is true.
  const auto recorded_rows = [](const std::string& csv) {
    std::istringstream in(csv);
    std::size_t n = 0;
    for (std::string row; std::getline(in, row);) {
      // `recorded` is the fourth column from the end (then unapplied_credit, limitation_date,
      // limitation_alert): the text between the fourth and the third comma from the end.
      std::size_t last = row.size();
      for (int k = 0; k < 3 && last != std::string::npos && last > 0; ++k) last = row.rfind(',', last - 1);
      const std::size_t before = last == std::string::npos || last == 0 ? std::string::npos : row.rfind(',', last - 1);
      if (before != std::string::npos && row.substr(before + 1, last - before - 1) == "true") ++n;
    }
    return n;
  };
  std::size_t first_rows = 0;
  for (const char* day : {"2026-11-20", "2026-11-20", "2026-12-10"}) {
    SCOPED_TRACE(day);
    const auto json_run = run_on(day);
    const auto csv = run_cli(std::string("run --format csv --as-of ") + day + " --state " + csv_state.string());
    ASSERT_EQ(json_run.exit_code, 0) << json_run.err;
    ASSERT_EQ(csv.exit_code, 0) << csv.err;
    EXPECT_EQ(read(csv_state), read(state));
    if (first_rows == 0) first_rows = recorded_rows(csv.out) + 1;
  }
  EXPECT_EQ(first_rows, 1U);  // a first run has nothing recorded yet
  const auto rerun = run_cli("run --format csv --as-of 2026-12-10 --state " + csv_state.string());
  EXPECT_GT(recorded_rows(rerun.out), 0U);  // a rerun marks what the first run recorded
  fs::remove(csv_state);
}

TEST_F(RunWithState, TheStateFileOnlyMovesForward) {
  ASSERT_EQ(run_on("2026-11-21").exit_code, 0);
  const auto r = run_on("2026-11-20");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("the last run was as of 2026-11-21"), std::string::npos) << r.err;
}

TEST_F(RunWithState, ACorruptStateFileIsAnInputError) {
  std::ofstream(state) << "{\"kreditor_state\": 1, \"notices\": [{\"invoice_id\": 5}]}";
  const auto r = run_on("2026-11-20");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("notices[0].invoice_id must be a string"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace kreditor
