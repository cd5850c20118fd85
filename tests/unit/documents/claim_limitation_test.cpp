// Limitation of the run's claims (kreditor/documents/claim_limitation.hpp): each open line's
// limitation date from what the book knows, and an alert a window before it lapses. The
// expected dates are the law's (src/data/limitation.json): NO, DK, FI 3 years from the due
// date, SE consumers 3 years from when the claim arose (the invoice date); a reminder
// interrupts in SE and FI, never in NO or DK; an acknowledgment starts a new period (DK: 10
// years when signed with the amount).
#include "kreditor/documents/claim_limitation.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "kreditor/documents/case_file.hpp"
#include "support/errors.hpp"
#include "support/shorthand.hpp"

namespace kreditor {
namespace {

using test_support::d;
date plus_years(date x, int years) { return add_months(x, 12 * years, month_end::clamp); }

constexpr const char* customers_header =
    "customer_id,name,country,segment,currency,credit_limit,terms,org_number,email,account_manager,flags\n";
constexpr const char* invoices_header = "invoice_id,customer_id,issue_date,due_date,currency,amount,terms,reference,credit_of\n";
constexpr const char* payments_header = "payment_id,customer_id,date,currency,amount,reference,invoice_id\n";
constexpr const char* events_header = "date,customer_id,invoice_id,event,details\n";

// As of 2025-12-01. Every invoice issued 2022-12-16, due 2023-01-15 unless said.
//   N1 (NO b2b)  N-PLAIN nothing happened; N-ACK acknowledged 2025-06-01; N-PART 100.00 paid
//                2024-03-01; N-REM a purring 2023-04-01 (does not interrupt in NO)
//   S1 (SE b2c)  S-PLAIN issued 2022-12-05; S-REM issued 2022-12-05, a påminnelse 2023-04-01
//   F1 (FI b2b)  F-PLAIN; F-REM a maksumuistutus 2023-04-01
//   D1 (DK b2b)  D-REM a rykker 1 2023-04-01 (does not interrupt in DK); D-ACK acknowledged 2025-06-01
//   Z1 (NO b2b)  Z-PAID paid in full: nothing owed, nothing to watch
const date as_of = d(2025, 12, 1);
const date due = d(2023, 1, 15);
const date reminded = d(2023, 4, 1);
const date acknowledged = d(2025, 6, 1);
const date part_paid = d(2024, 3, 1);
const date se_issued = d(2022, 12, 5);

ledger sample() {
  std::map<std::string, std::string, std::less<>> files{
      {"customers.csv", std::string(customers_header) +
                            "N1,Fjord AS,NO,b2b,NOK,0.00,30 dager netto,,,,\n"
                            "S1,Svea Andersson,SE,b2c,SEK,0.00,30 dagar netto,,,,\n"
                            "F1,Suomi Oy,FI,b2b,EUR,0.00,30 päivää netto,,,,\n"
                            "D1,Dansk ApS,DK,b2b,DKK,0.00,30 dage netto,,,,\n"
                            "Z1,Betalt AS,NO,b2b,NOK,0.00,30 dager netto,,,,\n"},
      {"invoices.csv", std::string(invoices_header) +
                           "N-PLAIN,N1,2022-12-16,2023-01-15,NOK,1000.00,,,\n"
                           "N-ACK,N1,2022-12-16,2023-01-15,NOK,1000.00,,,\n"
                           "N-PART,N1,2022-12-16,2023-01-15,NOK,1000.00,,,\n"
                           "N-REM,N1,2022-12-16,2023-01-15,NOK,1000.00,,,\n"
                           "S-PLAIN,S1,2022-12-05,2023-01-04,SEK,1000.00,,,\n"
                           "S-REM,S1,2022-12-05,2023-01-04,SEK,1000.00,,,\n"
                           "F-PLAIN,F1,2022-12-16,2023-01-15,EUR,1000.00,,,\n"
                           "F-REM,F1,2022-12-16,2023-01-15,EUR,1000.00,,,\n"
                           "D-REM,D1,2022-12-16,2023-01-15,DKK,1000.00,,,\n"
                           "D-ACK,D1,2022-12-16,2023-01-15,DKK,1000.00,,,\n"
                           "Z-PAID,Z1,2022-12-16,2023-01-15,NOK,1000.00,,,\n"},
      {"payments.csv", std::string(payments_header) +
                           "P1,N1,2024-03-01,NOK,100.00,,N-PART\n"
                           "P2,Z1,2023-01-10,NOK,1000.00,,Z-PAID\n"},
      {"events.csv", std::string(events_header) +
                         "2025-06-01,N1,N-ACK,debt_acknowledgment,signed\n"
                         "2023-04-01,N1,N-REM,notice_sent,level=purring\n"
                         "2023-04-01,S1,S-REM,notice_sent,level=påminnelse\n"
                         "2023-04-01,F1,F-REM,notice_sent,level=maksumuistutus\n"
                         "2023-04-01,D1,D-REM,notice_sent,level=rykker 1\n"
                         "2025-06-01,D1,D-ACK,debt_acknowledgment,\n"}};
  result<ledger> l = parse_ledger(files);
  EXPECT_TRUE(l) << (l ? "" : l.error().message);
  return std::move(l).value();
}

class ClaimLimitation : public ::testing::Test {
 protected:
  void SetUp() override {
    ledger l = sample();
    evidence_ = limitation_evidence_of(l.payments, l.events);
    report_ = std::make_unique<run_report>(make_report(std::move(l), as_of, {}, policy_set{}));
  }
  std::size_t line(std::string_view invoice) const {
    for (std::size_t i = 0; i < report_->size(); ++i)
      if (report_->books->views[i].invoice_id == invoice) return i;
    ADD_FAILURE() << "no line " << invoice;
    return 0;
  }
  const line_result& res(std::string_view invoice) const { return report_->result(line(invoice)); }
  static bool alerted(const std::vector<limitation_alert>& alerts, std::string_view invoice) {
    for (const limitation_alert& a : alerts)
      if (a.invoice_id == invoice) return true;
    return false;
  }
  /// An invoice's expected limitation date, and whether it is alerted.
  struct expected {
    const char* invoice;
    date expires;
    bool alert;
  };
  void expect(std::span<const expected> cases, const std::vector<limitation_alert>& alerts) const {
    for (const expected& c : cases) {
      EXPECT_EQ(res(c.invoice).limitation_date, c.expires) << c.invoice;
      EXPECT_EQ(alerted(alerts, c.invoice), c.alert) << c.invoice;
    }
  }
  limitation_evidence evidence_;
  std::unique_ptr<run_report> report_;
};

TEST_F(ClaimLimitation, AnAlertInsideTheWindowNoneOutside) {
  const std::vector<limitation_alert> wide = watch_limitation(*report_, evidence_, {.window_days = 90});
  // N-PLAIN lapses 3 years after its due date: 2026-01-15, 45 days after the run.
  ASSERT_TRUE(alerted(wide, "N-PLAIN"));
  const limitation_alert& a = *std::find_if(wide.begin(), wide.end(), [](const auto& x) { return x.invoice_id == "N-PLAIN"; });
  EXPECT_EQ(a.expires, plus_years(due, 3));
  EXPECT_EQ(a.days_left, day_number(plus_years(due, 3)) - day_number(as_of));
  EXPECT_EQ(a.customer_id, "N1");
  EXPECT_EQ(a.rule, "NO.foreldelse");
  EXPECT_EQ(a.total_due, res("N-PLAIN").total_due);
  EXPECT_TRUE(a.total_due.is_positive());
  EXPECT_TRUE(res("N-PLAIN").limitation_near);
  EXPECT_EQ(res("N-PLAIN").limitation_date, plus_years(due, 3));

  // A window shorter than the 45 days: no alert, the date still known.
  const std::vector<limitation_alert> narrow = watch_limitation(*report_, evidence_, {.window_days = 44});
  EXPECT_FALSE(alerted(narrow, "N-PLAIN"));
  EXPECT_FALSE(res("N-PLAIN").limitation_near);
  EXPECT_EQ(res("N-PLAIN").limitation_date, plus_years(due, 3));
  const std::vector<limitation_alert> exact = watch_limitation(*report_, evidence_, {.window_days = 45});
  EXPECT_TRUE(alerted(exact, "N-PLAIN"));
}

TEST_F(ClaimLimitation, AnAcknowledgmentMovesTheDate) {
  const std::vector<limitation_alert> alerts = watch_limitation(*report_, evidence_);
  const expected cases[] = {
      {"N-ACK", plus_years(acknowledged, 3), false},   // NO: a new 3-year period from the signed acknowledgment
      {"D-ACK", plus_years(acknowledged, 10), false},  // DK: 10 years after a written one stating the amount
      {"N-PART", plus_years(part_paid, 3), false},     // a part payment acknowledges the claim by conduct
  };
  expect(cases, alerts);
}

TEST_F(ClaimLimitation, AReminderInterruptsInSwedenAndFinlandOnly) {
  const std::vector<limitation_alert> alerts = watch_limitation(*report_, evidence_);
  const expected cases[] = {
      // SE consumers: 3 years from when the claim arose (the invoice date), a new 3 from the reminder.
      {"S-PLAIN", plus_years(se_issued, 3), true},
      {"S-REM", plus_years(reminded, 3), false},
      // FI: 3 years from the due date, a new 3 from the reminder.
      {"F-PLAIN", plus_years(due, 3), true},
      {"F-REM", plus_years(reminded, 3), false},
      // NO and DK: the reminder changes nothing.
      {"N-REM", plus_years(due, 3), true},
      {"D-REM", plus_years(due, 3), true},
  };
  expect(cases, alerts);
  EXPECT_FALSE(res("D-REM").limitation_uncertain);  // the DK row is confirmed
  EXPECT_TRUE(res("N-REM").limitation_uncertain);   // the NO row stays flagged
}

TEST_F(ClaimLimitation, NothingOwedNothingWatched) {
  const std::vector<limitation_alert> alerts = watch_limitation(*report_, evidence_);
  EXPECT_TRUE(res("Z-PAID").limitation_date.is_not_a_date());
  EXPECT_FALSE(alerted(alerts, "Z-PAID"));
  // Alerts come in customer then book order, one per claim within the window.
  for (std::size_t k = 1; k < alerts.size(); ++k) EXPECT_LT(alerts[k - 1].line, alerts[k].line);
}

TEST_F(ClaimLimitation, TheHostsRecordCountsAndTheCaseFileAgrees) {
  const ledger l = sample();
  const std::vector<std::pair<std::string, interruption>> host{
      {"N-PLAIN", {d(2025, 11, 1), interruption_kind::promise}},
      {"N-PLAIN", {d(2026, 1, 1), interruption_kind::promise}}};  // after the run's date: not yet known
  const limitation_evidence e = limitation_evidence_of(l.payments, l.events, host);
  (void)watch_limitation(*report_, e);
  EXPECT_EQ(res("N-PLAIN").limitation_date, plus_years(d(2025, 11, 1), 3));
  // The case file reads the same interruptions: its limitation is the run's.
  std::vector<payment_record> payments(l.payments.begin(), l.payments.end());
  for (const char* customer : {"N1", "S1", "F1", "D1"}) {
    const case_file f = make_case_file(*report_, creditor_profile{}, customer, {}, payments, host);
    for (const case_invoice& ci : f.invoices) {
      ASSERT_TRUE(ci.limitation) << ci.content.invoice_id;
      EXPECT_EQ(ci.limitation->expires, res(ci.content.invoice_id).limitation_date) << ci.content.invoice_id;
    }
  }
}

TEST_F(ClaimLimitation, ANegativeWindowIsRefused) {
  EXPECT_EQ(test_support::thrown_code([&] { (void)watch_limitation(*report_, evidence_, {.window_days = -1}); }),
            errc::invalid_argument);
}

TEST(LedgerEvents, ADebtAcknowledgmentNeedsItsInvoice) {
  std::map<std::string, std::string, std::less<>> files{
      {"customers.csv", std::string(customers_header) + "N1,Fjord AS,NO,b2b,NOK,0.00,30 dager netto,,,,\n"},
      {"invoices.csv", std::string(invoices_header) + "N-1,N1,2022-12-16,2023-01-15,NOK,1000.00,,,\n"},
      {"payments.csv", payments_header},
      {"events.csv", std::string(events_header) + "2025-06-01,N1,,debt_acknowledgment,\n"}};
  const result<ledger> l = parse_ledger(files);
  ASSERT_FALSE(l);
  EXPECT_EQ(l.error().code, errc::invalid_argument);
  EXPECT_NE(l.error().message.find("debt_acknowledgment needs an invoice_id"), std::string::npos) << l.error().message;
}

}  // namespace
}  // namespace kreditor
