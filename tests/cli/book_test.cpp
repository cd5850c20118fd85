// The book through the command line: `kreditor run` reports what the library's book computes —
// a credit note's interest equal to late_interest's, the 9 000 000.00 overpayment kept as
// unapplied credit (JSON, CSV, table), fees and interest paid, and the contact and payment
// reference a user needs to act on each command.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "kreditor/charges/interest.hpp"
#include "kreditor/jurisdiction/rate_table.hpp"
#include "support/cli.hpp"
#include "support/ledgers.hpp"

namespace kreditor {
namespace {

using test_support::run_cli;
namespace fs = std::filesystem;

class RunBook : public ::testing::Test {
 protected:
  fs::path dir = fs::path(::testing::TempDir()) / "kreditor_run_book";
  void TearDown() override { fs::remove_all(dir); }
  void write(const std::string& invoices, const std::string& payments, const std::string& events = "") {
    test_support::write_ledger(
        dir, {{"customers.csv", std::string(test_support::customers_header) +
                                    "C1,Fjord AS,NO,b2b,NOK,100000.00,14 dager netto,,c1@example.no,Ingrid Berg,\n"},
              {"invoices.csv", std::string(test_support::invoices_header) + invoices},
              {"payments.csv", std::string(test_support::payments_header) + payments},
              {"events.csv", "date,customer_id,invoice_id,event,details\n" + events}});
  }
  nlohmann::json run_json(const std::string& as_of) {
    const auto r = run_cli("run --format json --ledger " + dir.string() + " --as-of " + as_of);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return nlohmann::json::parse(r.out);
  }
};

TEST_F(RunBook, ACreditNotesInterestIsLateInterestsOnTheDatedBalance) {
  write("I1,C1,2026-08-18,2026-09-01,NOK,50000.00,,1234567890,\nCN1,C1,2026-10-01,,NOK,-20000.00,,,I1\n", "");
  const nlohmann::json j = run_json("2026-11-20");
  const auto& inv = j["customers"][0]["invoices"][0];
  const rate_table no = statutory_late_interest(jurisdiction::no, segment::b2b).value();
  const money expected = late_interest(money(5'000'000, iso4217::nok), no, make_date(2026, 9, 1), make_date(2026, 11, 20),
                                       convention_of(no), {{{.on = make_date(2026, 10, 1), .delta = money(-2'000'000, iso4217::nok)}}})
                             .interest;
  EXPECT_EQ(inv["interest"], to_string(expected));
  EXPECT_EQ(inv["interest"], "986.30");  // 12 % x (50 000 x 30 + 30 000 x 50) / 365
  EXPECT_EQ(inv["open"], "30000.00");
  EXPECT_EQ(inv["amount"], "30000.00");
  EXPECT_EQ(inv["email"], "c1@example.no");
  EXPECT_EQ(inv["account_manager"], "Ingrid Berg");
  EXPECT_EQ(inv["reference"], "1234567890");
}

TEST_F(RunBook, TheOverpaymentIsKeptAsUnappliedCreditInEveryFormat) {
  write("I1,C1,2026-07-06,2026-08-05,NOK,55200.00,,,\nI2,C1,2026-07-01,2026-07-15,NOK,37500.00,,,\n",
        "P1,C1,2026-08-04,NOK,9000000.00,,I1\n");
  const nlohmann::json j = run_json("2026-11-20");
  const auto& c = j["customers"][0];
  // 9 000 000.00 - 55 200.00 - 37 500.00 - the interest on I2 from 07-16 through 08-04.
  const rate_table no = statutory_late_interest(jurisdiction::no, segment::b2b).value();
  const money interest =
      late_interest(money(3'750'000, iso4217::nok), no, make_date(2026, 7, 15), make_date(2026, 8, 4), convention_of(no)).interest;
  const money credit = money(900'000'000, iso4217::nok) - money(9'270'000, iso4217::nok) - interest;
  EXPECT_EQ(c["unapplied_credit"], to_string(credit));
  EXPECT_EQ(c["invoices"][1]["interest_paid"], to_string(interest));
  EXPECT_EQ(c["invoices"][1]["state"], "paid");
  // Nothing is open to set the credit off against, so the exposure is nil (never negative).
  EXPECT_EQ(c["exposure"]["total"], "0.00") << c["exposure"].dump();
  const auto table = run_cli("run --ledger " + dir.string() + " --as-of 2026-11-20");
  EXPECT_NE(table.out.find("Unapplied credit\n  C1  Fjord AS  " + to_string(credit) + "  NOK"), std::string::npos) << table.out;
  const auto csv = run_cli("run --format csv --ledger " + dir.string() + " --as-of 2026-11-20");
  // unapplied_credit, then limitation_date (none: nothing owed) and limitation_alert.
  EXPECT_NE(csv.out.find("," + to_string(credit) + ",,false\n"), std::string::npos) << csv.out;
}

TEST_F(RunBook, FeesAndInterestPaidAreReported) {
  write("I1,C1,2026-01-02,2026-01-16,NOK,10000.00,,,\n", "P1,C1,2026-03-02,NOK,10000.00,,I1\n",
        "2026-02-01,C1,I1,notice_sent,level=purring;deadline=2026-02-15;fee=35.00\n");
  const nlohmann::json j = run_json("2026-03-10");
  const auto& inv = j["customers"][0]["invoices"][0];
  EXPECT_EQ(inv["fees_paid"], "35.00");
  EXPECT_EQ(inv["interest_paid"], "147.95");  // 10 000 x 12 % x 45/365
  EXPECT_EQ(inv["open"], "182.95");  // the fee and the interest the payment covered first
  EXPECT_NE(inv["state"], "paid");
}

TEST_F(RunBook, AWriteOffAboveTheClaimIsAnInputError) {
  write("I1,C1,2026-10-01,2026-11-30,NOK,37500.00,,,\n", "", "2026-10-15,C1,I1,write_off,amount=40000.00\n");
  const auto r = run_cli("run --ledger " + dir.string() + " --as-of 2026-11-20");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("events.csv:2"), std::string::npos) << r.err;
}

TEST_F(RunBook, AStateFileFeeAboveTheCapOrNegativeIsAnInputError) {
  write("I1,C1,2026-10-01,2026-10-15,NOK,37500.00,,,\n", "");
  for (const std::string fee : {"500.00", "-35.00"}) {
    const fs::path state = dir / "state.json";
    std::ofstream(state) << R"({"kreditor_state": 1, "notices": [{"invoice_id": "I1", "step": "purring", )"
                         << R"("sent": "2026-10-30", "fee": ")" << fee << R"(", "currency": "NOK"}]})";
    const auto r = run_cli("run --ledger " + dir.string() + " --as-of 2026-11-20 --state " + state.string());
    EXPECT_EQ(r.exit_code, 2) << fee;
    EXPECT_EQ(r.out, "");
    EXPECT_NE(r.err.find("state file: notice 'purring' for invoice 'I1': fee " + fee), std::string::npos) << r.err;
  }
}

TEST_F(RunBook, CsvNeutralisesFormulaLeadingText) {
  write("=1+2,C1,2026-10-01,2026-10-15,NOK,500.00,,@ref,\n", "");
  const auto csv = run_cli("run --format csv --ledger " + dir.string() + " --as-of 2026-11-20");
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_NE(csv.out.find("C1,\"'=1+2\",NOK,"), std::string::npos) << csv.out;
  EXPECT_NE(csv.out.find(",\"'@ref\","), std::string::npos) << csv.out;
  EXPECT_EQ(csv.out.find(",=1+2"), std::string::npos) << csv.out;
}

TEST_F(RunBook, TheLastDayADateCanNameIsARunDate) {
  // Due on the last day: its next action would be a day no date can name (an "internal error"
  // before); a notice due after 9999-12-31 is an input error naming the invoice.
  write("I1,C1,9999-12-01,9999-12-31,NOK,500.00,,,\n", "");
  const auto r = run_cli("run --format json --ledger " + dir.string() + " --as-of 9999-12-31");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err.find("internal error"), std::string::npos) << r.err;
}

TEST(ExposureReasons, AReasonWithoutAnAmountPrintsNone) {
  const auto r = run_cli("exposure --customer NO-1002 --order-amount 1000.00");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("  reason: in_collection\n"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("(0.00)"), std::string::npos) << r.out;
}

TEST(RunDayCount, JsonFlagsAnUncertainDayCountPerInvoice) {
  const auto r = run_cli("run --format json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // The parsed document must outlive the loop: a range over a member of a temporary dangles.
  const auto doc = nlohmann::json::parse(r.out);
  for (const auto& c : doc["customers"])
    for (const auto& i : c["invoices"]) {
      if (!i.contains("state")) continue;
      // Norway and Finland count the calendar year by law; Sweden, Denmark and the EU rule do not say.
      const std::string country = c["country"];
      EXPECT_EQ(i["day_count_uncertain"].get<bool>(), country != "NO" && country != "FI") << country;
    }
}

}  // namespace
}  // namespace kreditor
