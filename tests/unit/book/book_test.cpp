// The book (kreditor/book/book.hpp): the worked cases of issue 11, each a defect of the join
// that lived in the CLI — fees and interest dropped after a principal payment, paid fees
// charged again, credit notes taken off from day one, overpayments lost, a write-off's amount
// ignored, the agreed rate ignored, fees that overflow or break the cap — and the book's
// agreement with late_interest and the engine.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>

#include "kreditor/book/book.hpp"
#include "kreditor/book/report.hpp"
#include "kreditor/charges/interest.hpp"
#include "kreditor/dunning/engine.hpp"
#include "kreditor/io/ledger.hpp"
#include "kreditor/jurisdiction/rate_table.hpp"
#include "support/shorthand.hpp"

namespace kreditor {
namespace {

using test_support::d;
using test_support::nok;

constexpr const char* customers_header =
    "customer_id,name,country,segment,currency,credit_limit,terms,org_number,email,account_manager,flags\n";
constexpr const char* invoices_header = "invoice_id,customer_id,issue_date,due_date,currency,amount,terms,reference,credit_of\n";
constexpr const char* payments_header = "payment_id,customer_id,date,currency,amount,reference,invoice_id\n";
constexpr const char* events_header = "date,customer_id,invoice_id,event,details\n";

/// A Norwegian B2B customer C1 with the given invoices, payments and events (CSV rows).
ledger no_ledger(const std::string& invoices, const std::string& payments = "", const std::string& events = "",
                 const std::string& terms = "14 dager netto") {
  std::map<std::string, std::string, std::less<>> files{
      {"customers.csv", std::string(customers_header) + "C1,Fjord AS,NO,b2b,NOK,1000000.00," + terms +
                            ",,c1@example.no,Ingrid Berg,\n"},
      {"invoices.csv", std::string(invoices_header) + invoices},
      {"payments.csv", std::string(payments_header) + payments},
      {"events.csv", std::string(events_header) + events}};
  result<ledger> l = parse_ledger(files);
  EXPECT_TRUE(l) << (l ? "" : l.error().message);
  return std::move(l).value();
}

const rate_table& no_rates() {
  static const rate_table t = statutory_late_interest(jurisdiction::no, segment::b2b).value();
  return t;
}

money interest_on(money principal, date due, date end, std::vector<balance_change> changes = {}) {
  return late_interest(principal, no_rates(), due, end, convention_of(no_rates()), changes).interest;
}

/// Engine verdict on line `k` of `b`.
dunning::invoice_result evaluated(const book& b, policy_set& p, std::size_t k) {
  const dunning::run_result r = dunning::evaluate(p.for_jurisdiction(b.views[k].jurisdiction),
                                                  std::span(&b.views[k], 1), b.as_of);
  EXPECT_FALSE(r.invoices[0].problem) << r.invoices[0].problem->message;
  return r.invoices[0];
}

/// The fees of the notices the engine asks for today (each step's fee once).
money todays_fees(const dunning::invoice_result& r) {
  money sum = money::zero(r.open_principal.currency());
  std::vector<std::int32_t> seen;
  for (const dunning::command& c : r.commands)
    if (std::find(seen.begin(), seen.end(), c.step) == seen.end()) {
      seen.push_back(c.step);
      sum += c.fee;
    }
  return sum;
}

/// The invoice issued 2026-01-02, due 2026-01-16, with a purring (fee 35.00) on 2026-02-01.
const std::string invoice_10k = "I1,C1,2026-01-02,2026-01-16,NOK,10000.00,,,\n";
const std::string purring = "2026-02-01,C1,I1,notice_sent,level=purring;deadline=2026-02-15;fee=35.00\n";

TEST(Book, APaymentOfThePrincipalPaysFeesAndInterestFirst) {
  // The customer pays exactly the invoice amount on 2026-03-02. Costs -> interest -> principal:
  // the 35.00 fee and the interest accrued to that day are paid, the rest of the principal
  // stays open and bears interest from the next day. (The CLI's old join closed the invoice
  // and dropped both.)
  const ledger l = no_ledger(invoice_10k, "P1,C1,2026-03-02,NOK,10000.00,,I1\n", purring);
  policy_set p;
  const date as_of = d(2026, 3, 10);
  const book b = make_book(l, as_of, {}, p);
  ASSERT_EQ(b.size(), 1u);
  const claim& c = b.claims[0];
  const money accrued_at_payment = interest_on(nok(1'000'000), d(2026, 1, 16), d(2026, 3, 2));
  EXPECT_EQ(accrued_at_payment, money(14'795, iso4217::nok));  // 10 000 x 12 % x 45/365 (NO rate from 2026-01-01)
  EXPECT_EQ(c.fees_charged, nok(3'500));
  EXPECT_EQ(c.fees_paid, nok(3'500));
  EXPECT_EQ(c.interest_paid, accrued_at_payment);
  const money principal_paid = nok(1'000'000) - nok(3'500) - accrued_at_payment;
  EXPECT_EQ(c.principal_paid, principal_paid);
  EXPECT_EQ(c.principal(), nok(3'500) + accrued_at_payment);
  // Interest after the payment runs on what is left, exactly as late_interest says.
  const money total_interest =
      interest_on(nok(1'000'000), d(2026, 1, 16), as_of, {{.on = d(2026, 3, 2), .delta = -principal_paid}});
  EXPECT_EQ(c.interest_charged, total_interest);
  EXPECT_EQ(c.interest(), total_interest - accrued_at_payment);
  // The engine sees the same claim: the fee is paid, the interest owed is what accrued since;
  // its fees add only the fee of the notice it asks for today (the inkassovarsel).
  const dunning::invoice_result r = evaluated(b, p, 0);
  EXPECT_NE(r.current, dunning::state::paid);
  EXPECT_EQ(r.open_principal, c.principal());
  EXPECT_EQ(r.fees, c.fees() + todays_fees(r));
  EXPECT_EQ(r.interest, c.interest());
  EXPECT_EQ(r.total_due, c.total() + todays_fees(r));
}

TEST(Book, AClaimPaidInFullAfterAFeeNoticeIsPaidNotAnError) {
  // Found by the replay property test: 10 035.00 + the interest pays everything after a
  // purring with a fee. The book leaves a closed claim's money history out of its view, and
  // the engine read the notice's fee with no settlement beside it as a fee still owed, then
  // refused the notice history ("step 0 ... is out of order (state paid)").
  const ledger l = no_ledger(invoice_10k, "P1,C1,2026-02-10,NOK,10300.00,,I1\n", purring);
  policy_set p;
  const book b = make_book(l, d(2026, 2, 20), {}, p);
  const claim& c = b.claims[0];
  EXPECT_TRUE(c.total().is_zero());
  EXPECT_EQ(c.fees_paid, nok(3'500));
  EXPECT_TRUE(b.views[0].settled);
  EXPECT_EQ(b.views[0].notices.size(), 1u);  // the history stays for scoring and case files
  const dunning::invoice_result r = evaluated(b, p, 0);
  EXPECT_EQ(r.current, dunning::state::paid);
  EXPECT_TRUE(r.commands.empty());
  EXPECT_TRUE(r.total_due.is_zero());
  // The overpayment is the customer's credit, to the minor unit.
  EXPECT_EQ(b.unapplied_credit[0], nok(1'030'000) - nok(1'000'000) - nok(3'500) - c.interest_paid);
}

TEST(Book, APartialPaymentPaysTheFeeBeforeThePrincipal) {
  const ledger l = no_ledger(invoice_10k, "P1,C1,2026-02-10,NOK,5000.00,,I1\n", purring);
  policy_set p;
  const book b = make_book(l, d(2026, 2, 12), {}, p);
  const claim& c = b.claims[0];
  const money accrued = interest_on(nok(1'000'000), d(2026, 1, 16), d(2026, 2, 10));
  EXPECT_EQ(c.fees(), nok(0));
  EXPECT_EQ(c.fees_paid, nok(3'500));
  EXPECT_EQ(c.interest_paid, accrued);
  EXPECT_EQ(c.principal(), nok(1'000'000) - (nok(500'000) - nok(3'500) - accrued));
  const dunning::invoice_result r = evaluated(b, p, 0);
  EXPECT_EQ(r.fees, todays_fees(r));  // the old join kept the fee unpaid forever
}

TEST(Book, APaidFeeIsNotChargedAgainByTheNextNotice) {
  // The 35.00 purring fee is paid with 1000.00 on 2026-02-10; the next notice (after the
  // purring's deadline) counts only its own fee in the fees it states.
  const ledger l = no_ledger(invoice_10k, "P1,C1,2026-02-10,NOK,1000.00,,I1\n", purring);
  policy_set p;
  const book b = make_book(l, d(2026, 3, 2), {}, p);
  const dunning::invoice_result r = evaluated(b, p, 0);
  ASSERT_FALSE(r.commands.empty());
  for (const dunning::command& cmd : r.commands) {
    EXPECT_EQ(cmd.fees, cmd.fee) << "the paid 35.00 is charged again";
    EXPECT_EQ(cmd.total, cmd.principal + cmd.fees + cmd.interest);
  }
}

TEST(Book, ACreditNoteIsADatedChangeOfThePrincipal) {
  // 50 000.00 due 2026-09-01, 20 000.00 credited on 2026-10-01: interest on 50 000 until then,
  // on 30 000 after — the same through the book, late_interest and the engine.
  const ledger l = no_ledger("I1,C1,2026-08-18,2026-09-01,NOK,50000.00,,,\nCN1,C1,2026-10-01,,NOK,-20000.00,,,I1\n");
  policy_set p;
  const date as_of = d(2026, 11, 20);
  const book b = make_book(l, as_of, {}, p);
  ASSERT_EQ(b.size(), 1u);
  const money expected =
      interest_on(nok(5'000'000), d(2026, 9, 1), as_of, {{.on = d(2026, 10, 1), .delta = nok(-2'000'000)}});
  EXPECT_EQ(expected, nok(98'630));  // 12 % x (50 000 x 30 + 30 000 x 50) / 365
  EXPECT_EQ(b.claims[0].credited, nok(2'000'000));
  EXPECT_EQ(b.claims[0].interest(), expected);
  EXPECT_EQ(evaluated(b, p, 0).interest, expected);
  // Taken off from day one, as the old join did, it would be less.
  EXPECT_LT(interest_on(nok(3'000'000), d(2026, 9, 1), as_of), expected);
}

TEST(Book, AnOverpaymentGoesToTheOtherInvoicesAndTheRestIsUnappliedCredit) {
  // 9 000 000.00 paid on I1 (55 200.00): I2 (overdue) is paid from it at once, I3 (issued
  // later) when it is issued; the rest is the customer's unapplied credit. Nothing is lost.
  const ledger l = no_ledger(
      "I1,C1,2026-07-06,2026-08-05,NOK,55200.00,,,\nI2,C1,2026-07-01,2026-07-15,NOK,37500.00,,,\n"
      "I3,C1,2026-10-01,2026-10-15,NOK,12300.00,,,\n",
      "P1,C1,2026-08-04,NOK,9000000.00,,I1\n");
  policy_set p;
  const book b = make_book(l, d(2026, 11, 20), {}, p);
  ASSERT_EQ(b.size(), 3u);
  const money i2_interest = interest_on(nok(3'750'000), d(2026, 7, 15), d(2026, 8, 4));
  for (std::size_t k = 0; k < 3; ++k) EXPECT_TRUE(b.claims[k].total().is_zero()) << b.invoices[k]->invoice_id;
  EXPECT_EQ(b.claims[1].interest_paid, i2_interest);
  EXPECT_EQ(b.unapplied_credit[0], nok(900'000'000) - nok(5'520'000) - nok(3'750'000) - i2_interest - nok(1'230'000));
  // Before I3 was issued, the credit was larger by its amount.
  const book before = make_book(l, d(2026, 9, 30), {}, p);
  EXPECT_EQ(before.unapplied_credit[0], b.unapplied_credit[0] + nok(1'230'000));
}

TEST(Book, AWriteOffTakesOffItsAmountOnly) {
  const ledger l = no_ledger("I1,C1,2026-10-01,2026-11-30,NOK,37500.00,,,\n", "",
                             "2026-10-15,C1,I1,write_off,amount=1000.00\n");
  policy_set p;
  const book b = make_book(l, d(2026, 11, 20), {}, p);
  EXPECT_EQ(b.claims[0].principal_written_off, nok(100'000));
  EXPECT_EQ(b.claims[0].principal(), nok(3'650'000));
  const dunning::invoice_result r = evaluated(b, p, 0);
  EXPECT_EQ(r.current, dunning::state::not_yet_due);  // not closed for dunning
  EXPECT_EQ(r.open_principal, nok(3'650'000));
  const open_receivables open = open_receivables_of(b, l.customers.size());
  ASSERT_EQ(open.open_minor.size(), 1u);
  EXPECT_EQ(open.open_minor[0], 3'650'000);
  // A write-off without an amount closes the claim as written off.
  const ledger all = no_ledger("I1,C1,2026-10-01,2026-11-30,NOK,37500.00,,,\n", "", "2026-10-15,C1,I1,write_off,\n");
  const book w = make_book(all, d(2026, 11, 20), {}, p);
  EXPECT_EQ(w.claims[0].principal_written_off, nok(3'750'000));
  EXPECT_EQ(evaluated(w, p, 0).current, dunning::state::written_off);
}

TEST(Book, AWriteOffAboveTheOpenClaimIsRefusedNamingTheRow) {
  const ledger l = no_ledger("I1,C1,2026-10-01,2026-11-30,NOK,37500.00,,,\n", "",
                             "2026-10-15,C1,I1,write_off,amount=40000.00\n");
  policy_set p;
  try {
    (void)make_book(l, d(2026, 11, 20), {}, p);
    FAIL() << "accepted";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::invalid_argument);
    EXPECT_NE(std::string(e.what()).find("events.csv:2"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("37500.00"), std::string::npos) << e.what();
  }
}

TEST(Book, ACreditNoteAboveWhatItCreditsIsRefused) {
  const ledger l = no_ledger("I1,C1,2026-08-18,2026-09-01,NOK,5000.00,,,\nCN1,C1,2026-10-01,,NOK,-6000.00,,,I1\n");
  policy_set p;
  try {
    (void)make_book(l, d(2026, 11, 20), {}, p);
    FAIL() << "accepted";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::invalid_argument);
    EXPECT_NE(std::string(e.what()).find("invoices.csv:3"), std::string::npos) << e.what();
  }
}

TEST(Book, TheAgreedInterestRateReplacesTheStatutoryOne) {
  const ledger l = no_ledger("I1,C1,2026-08-18,2026-09-01,NOK,10000.00,14 dager netto; interest 18%,,\n");
  policy_set p;
  const date as_of = d(2026, 11, 20);
  const book b = make_book(l, as_of, {}, p);
  const rate_table agreed = rate_table::constant(rate::parse("18%").value());
  const money expected = late_interest(nok(1'000'000), agreed, d(2026, 9, 1), as_of, convention_of(no_rates())).interest;
  EXPECT_EQ(expected, nok(39'452));  // 10 000 x 18 % x 80/365
  EXPECT_EQ(b.claims[0].interest(), expected);
  EXPECT_EQ(evaluated(b, p, 0).interest, expected);
}

TEST(Book, NoticeFeesAreCheckedAgainstTheLawAndForOverflow) {
  policy_set p;
  const auto refused = [&](const std::string& events, errc code, const std::string& part) {
    const ledger l = no_ledger(invoice_10k, "", events);
    try {
      (void)make_book(l, d(2026, 3, 10), {}, p);
      ADD_FAILURE() << "accepted: " << events;
    } catch (const error& e) {
      EXPECT_EQ(e.code(), code) << e.what();
      EXPECT_NE(std::string(e.what()).find(part), std::string::npos) << e.what();
    }
  };
  // Above the NO reminder-fee cap (35.00 in 2026), in events.csv and in a recorded notice.
  refused("2026-02-01,C1,I1,notice_sent,level=purring;fee=500.00\n", errc::invalid_argument, "events.csv:2");
  const ledger l = no_ledger(invoice_10k);
  const recorded_notice big{.invoice_id = "I1", .step = "purring", .sent = d(2026, 2, 1), .deadline = {}, .fee = nok(50'000)};
  EXPECT_THROW((void)make_book(l, d(2026, 3, 10), std::span(&big, 1), p), error);
  const recorded_notice negative{.invoice_id = "I1", .step = "purring", .sent = d(2026, 2, 1), .deadline = {}, .fee = nok(-3'500)};
  EXPECT_THROW((void)make_book(l, d(2026, 3, 10), std::span(&negative, 1), p), error);
  // Fees that add up beyond int64 (a policy without a cap): an overflow error, never a wrap.
  const replay_invoice inv{.id = "I1", .customer = 0, .issue_date = d(2026, 1, 2), .first_due = d(2026, 1, 16),
                           .amount = nok(1'000'000)};
  const std::vector<replay_charge> huge{
      {.invoice = 0, .on = d(2026, 2, 1), .part = component::fees, .amount = nok(INT64_MAX - 10)},
      {.invoice = 0, .on = d(2026, 3, 1), .part = component::fees, .amount = nok(INT64_MAX - 10)}};
  try {
    (void)replay_postings({.invoices = std::span(&inv, 1), .charges = huge}, allocation_policy{});
    ADD_FAILURE() << "fees overflowed silently";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::overflow);
  }
}

TEST(Book, ARecordedNoticeForAnUnknownInvoiceIsRefused) {
  const ledger l = no_ledger(invoice_10k);
  policy_set p;
  const recorded_notice n{.invoice_id = "NOPE", .step = "purring", .sent = d(2026, 2, 1), .deadline = {}, .fee = nok(0)};
  EXPECT_THROW((void)make_book(l, d(2026, 3, 10), std::span(&n, 1), p), error);
}

}  // namespace
}  // namespace kreditor
