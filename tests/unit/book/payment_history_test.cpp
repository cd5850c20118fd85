// A customer's payment history for scoring (kreditor/book/payment_history.hpp) is read off its
// book: an invoice counts as paid the day its last fee, interest and principal were settled,
// so paying only the invoiced amount late leaves it open (interest is taken first), exactly as
// `kreditor run` keeps dunning it.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "kreditor/book/book.hpp"
#include "kreditor/book/payment_history.hpp"
#include "kreditor/io/ledger.hpp"

namespace kreditor {
namespace {

ledger history_ledger() {
  const std::map<std::string, std::string, std::less<>> files{
      {"customers.csv", "customer_id,name,country,segment,currency,credit_limit,terms\n"
                        "C1,Fjord AS,NO,b2b,NOK,100000.00,14 dager netto\n"
                        "C2,Annen AS,NO,b2b,NOK,100000.00,14 dager netto\n"},
      {"invoices.csv", "invoice_id,customer_id,issue_date,due_date,currency,amount,terms,reference,credit_of\n"
                       "A1,C1,2026-06-01,2026-06-15,NOK,1000.00,,,\n"     // paid on time
                       "A2,C1,2026-07-01,2026-07-15,NOK,2000.00,,,\n"     // only the amount, 20 days late
                       "A3,C1,2026-08-01,2026-08-15,NOK,500.00,,,\n"      // wholly credited
                       "K3,C1,2026-08-05,,NOK,-500.00,,,A3\n"
                       "A4,C1,2026-09-01,2026-09-15,NOK,800.00,,,\n"      // a promise broken, open
                       "B1,C2,2026-06-01,2026-06-15,NOK,9999.00,,,\n"},
      {"payments.csv", "payment_id,customer_id,date,currency,amount,reference,invoice_id\n"
                       "P1,C1,2026-06-10,NOK,1000.00,,A1\n"
                       "P2,C1,2026-08-04,NOK,2000.00,,A2\n"},
      {"events.csv", "date,customer_id,invoice_id,event,details\n"
                     "2026-09-20,C1,A4,promise_to_pay,until=2026-10-01\n"}};
  return parse_ledger(files).value();
}

TEST(PaymentHistory, PaidMeansSettledInFullAsTheBookSaysAndPromisesAndPurchasesCount) {
  const ledger l = history_ledger();
  const date as_of = make_date(2026, 11, 20);
  policy_set policies;
  const payment_history h = payment_history_of(l, 0, as_of, policies);
  ASSERT_EQ(h.facts.size(), 3U);  // A3 was wholly credited
  EXPECT_EQ(h.invoice_ids, (std::vector<std::string>{"A1", "A2", "A4"}));
  EXPECT_EQ(h.facts[0].paid, make_date(2026, 6, 10));
  EXPECT_EQ(h.facts[0].amount, 100'000);
  // A2: 2000.00 paid 20 days late took the interest first; principal is still open.
  policy_set again;
  const book b = make_book(l, as_of, {}, again);
  ASSERT_TRUE(b.claims[1].interest_paid.is_positive());
  EXPECT_TRUE(b.claims[1].principal().is_positive());
  EXPECT_FALSE(h.facts[1].paid);
  EXPECT_FALSE(h.facts[2].paid);
  EXPECT_EQ(h.counts.broken_promises, 1);
  EXPECT_EQ(h.counts.broken_plans, 0);
  // Purchases since 2026-06-01 (173 days, annualised over them): 1000 + 2000 + 0 + 800.
  EXPECT_EQ(h.history_days, 173);
  EXPECT_EQ(h.purchases_12m, money(static_cast<std::int64_t>(380'000LL * 365 / 173), iso4217::nok));
  // Another customer's records are not in it.
  policy_set other;
  EXPECT_EQ(payment_history_of(l, 1, as_of, other).facts.size(), 1U);
  EXPECT_THROW((void)payment_history_of(l, 2, as_of, other), error);
}

TEST(PaymentHistory, AnInvoicePaidWithItsInterestIsPaidOnTheLastPayment) {
  ledger l = history_ledger();
  const date as_of = make_date(2026, 11, 20);
  policy_set policies;
  const book b = make_book(l, as_of, {}, policies);
  // Pay what A2 still owes two days later, and 1.00 more for the two days' interest: then it
  // is settled, on that day (the rest is customer credit).
  l.payments.push_back({.payment_id = "P3", .customer_id = "C1", .date_paid = make_date(2026, 8, 6),
                        .amount = b.claims[1].interest_paid + money(100, iso4217::nok), .reference = "", .invoice_id = "A2", .line = 4});
  policy_set again;
  const payment_history h = payment_history_of(l, 0, as_of, again);
  EXPECT_EQ(h.facts[1].paid, make_date(2026, 8, 6));
}

TEST(PaymentHistory, RecordedNoticesOfTheCustomersInvoicesCountAndOthersAreSkipped) {
  const ledger l = history_ledger();
  const date as_of = make_date(2026, 11, 20);
  // A reminder an earlier run recorded for A4 (open, NO preset: "purring"), one for another
  // customer's B1 (not C1's: skipped, not an error), and one sent after the date (not yet known).
  const std::vector<recorded_notice> notices{
      {.invoice_id = "A4", .step = "purring", .sent = make_date(2026, 10, 1), .deadline = {}, .fee = money::zero(iso4217::nok)},
      {.invoice_id = "B1", .step = "purring", .sent = make_date(2026, 7, 1), .deadline = {}, .fee = money::zero(iso4217::nok)},
      {.invoice_id = "A4", .step = "inkassovarsel", .sent = make_date(2026, 12, 1), .deadline = {},
       .fee = money::zero(iso4217::nok)}};
  policy_set policies;
  const payment_history without = payment_history_of(l, 0, as_of, policies);
  const payment_history with = payment_history_of(l, 0, as_of, policies, notices);
  ASSERT_EQ(with.facts.size(), 3U);
  EXPECT_EQ(without.facts[2].dunning_level, 0);
  EXPECT_EQ(with.facts[2].dunning_level, 1);
  EXPECT_EQ(with.behaviour.max_dunning_level, 1);
  EXPECT_EQ(with.facts[0].dunning_level, 0);
  // C2's history takes its own notice.
  EXPECT_EQ(payment_history_of(l, 1, as_of, policies, notices).facts[0].dunning_level, 1);
}

TEST(PaymentHistory, AnInvoiceSettledByAChequeCountsAsPaidByCheque) {
  const std::map<std::string, std::string, std::less<>> files{
      {"customers.csv", "customer_id,name,country,segment,currency,credit_limit,terms\n"
                        "C1,Fjord AS,NO,b2b,NOK,100000.00,14 dager netto\n"},
      {"invoices.csv", "invoice_id,customer_id,issue_date,due_date,currency,amount\n"
                       "A1,C1,2026-06-01,2026-06-15,NOK,1000.00\n"   // a designated cheque
                       "A2,C1,2026-07-01,2026-07-15,NOK,2000.00\n"   // a bank transfer
                       "A3,C1,2026-08-01,2026-08-15,NOK,500.00\n"    // an undesignated cheque (oldest first)
                       "A4,C1,2026-09-01,2026-09-15,NOK,800.00\n"},  // a cheque for part of it: still open
      {"payments.csv", "payment_id,customer_id,date,currency,amount,reference,invoice_id,method\n"
                       "P1,C1,2026-06-10,NOK,1000.00,,A1,cheque\n"
                       "P2,C1,2026-07-10,NOK,2000.00,,A2,bank_transfer\n"
                       "P3,C1,2026-08-10,NOK,500.00,,,cheque\n"
                       "P4,C1,2026-09-10,NOK,100.00,,A4,cheque\n"}};
  const ledger l = parse_ledger(files).value();
  policy_set policies;
  const payment_history h = payment_history_of(l, 0, make_date(2026, 11, 20), policies);
  ASSERT_EQ(h.facts.size(), 4U);
  EXPECT_TRUE(h.facts[0].paid_by_cheque);
  EXPECT_FALSE(h.facts[1].paid_by_cheque);
  EXPECT_TRUE(h.facts[2].paid_by_cheque);
  EXPECT_FALSE(h.facts[3].paid_by_cheque);  // open: not paid by anything yet
  EXPECT_EQ(h.behaviour.cheque_payments, 2);
}

}  // namespace
}  // namespace kreditor
