// The standing credit review (kreditor/book/review.hpp): a business is scored from its book's
// payment history, its statements and its own checks; a consumer is listed, not scored; the
// changes and alerts say what differs from today's agreement.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "kreditor/book/payment_history.hpp"
#include "kreditor/book/review.hpp"
#include "kreditor/io/ledger.hpp"
#include "kreditor/io/scoring_json.hpp"
#include "support/errors.hpp"

namespace kreditor {
namespace {

using test_support::thrown_code;

// C1 broke a promise (A2 is still open after 2026-10-01): cash terms and no credit.
// C2 pays on time and has an agreed reminder fee in its terms. C3 is a consumer.
ledger review_ledger() {
  const std::map<std::string, std::string, std::less<>> files{
      {"customers.csv", "customer_id,name,country,segment,currency,credit_limit,terms\n"
                        "C1,Fjord AS,NO,b2b,NOK,100000.00,14 dager netto\n"
                        "C2,Göta AB,SE,b2b,SEK,50000.00,30 dagar netto; reminder fee\n"
                        "C3,Kari Nordmann,NO,b2c,NOK,10000.00,14 dager netto\n"},
      {"invoices.csv", "invoice_id,customer_id,issue_date,due_date,currency,amount,terms,reference,credit_of\n"
                       "A1,C1,2026-06-01,2026-06-15,NOK,1000.00,,,\n"
                       "A2,C1,2026-09-01,2026-09-15,NOK,800.00,,,\n"
                       "B1,C2,2026-06-01,2026-07-01,SEK,20000.00,,,\n"
                       "K1,C3,2026-09-01,2026-09-15,NOK,300.00,,,\n"},
      {"payments.csv", "payment_id,customer_id,date,currency,amount,reference,invoice_id\n"
                       "P1,C1,2026-06-10,NOK,1000.00,,A1\n"
                       "P2,C2,2026-06-20,SEK,20000.00,,B1\n"},
      {"events.csv", "date,customer_id,invoice_id,event,details\n"
                     "2026-09-20,C1,A2,promise_to_pay,until=2026-10-01\n"}};
  return parse_ledger(files).value();
}

// Two years of accounts of a healthy small company, in `currency`.
scoring::financial_statements statements(const std::string& id, const std::string& currency) {
  const std::string year = R"("months": 12, "revenue": "61824000.00", "ebit": "5255000.00", "net_income": "3091000.00",
      "depreciation": "1546000.00", "interest_expense": "869000.00", "total_assets": "38640000.00",
      "current_assets": "21252000.00", "cash": "3188000.00", "inventory": "7438000.00", "receivables": "9563000.00",
      "intangible_assets": "773000.00", "total_liabilities": "17388000.00", "current_liabilities": "11592000.00",
      "equity_book": "21252000.00", "retained_earnings": "13524000.00")";
  const std::string text = R"({"schema": "kreditor.financials/1", "customer_id": ")" + id + R"(", "currency": ")" +
                           currency + R"(", "listed": false, "manufacturer": false, "years": [{"period_end": "2024-12-31", )" +
                           year + R"(}, {"period_end": "2025-12-31", )" + year + "}]}";
  return parse_financials_json(text).value();
}

scoring::credit_check check(const std::string& id, date on, int score, int remarks) {
  scoring::credit_check c;
  c.customer_id = id;
  c.checked_on = on;
  c.bureau = "manual";
  c.score = score;
  c.payment_remarks = remarks;
  return c;
}

const date review_as_of = make_date(2026, 11, 20);

TEST(Review, ABusinessIsRecommendedFromItsBooksHistoryStatementsAndOwnChecks) {
  const ledger l = review_ledger();
  const ledger_slices cut(l);
  const auto s = statements("C2", "SEK");
  // Another customer's check is ignored; C2's latest (2026-10-01) drives the grade.
  const std::vector<scoring::credit_check> checks{check("C2", make_date(2026, 3, 1), 80, 0),
                                                  check("C1", make_date(2026, 10, 1), 5, 3),
                                                  check("C2", make_date(2026, 10, 1), 60, 1)};
  policy_set policies;
  const customer_review v = review_customer(cut, 1, review_as_of, {.statements = &s, .checks = checks}, scoring::default_policy(),
                                            policies);
  ASSERT_TRUE(v.scored);
  ASSERT_TRUE(v.recommendation && v.history);

  // The same join by hand: recommend() over payment_history_of and C2's latest check.
  policy_set again;
  const payment_history h = payment_history_of(l, 1, review_as_of, again);
  EXPECT_EQ(v.history->facts.size(), h.facts.size());
  EXPECT_EQ(v.history->purchases_12m, h.purchases_12m);
  scoring::recommendation_inputs ri;
  ri.statements = &s;
  ri.check = &checks[2];
  ri.behaviour = &h.behaviour;
  ri.currency = iso4217::sek;
  ri.expected_annual_purchases = h.purchases_12m;
  const scoring::recommendation r = scoring::recommend(ri, scoring::default_policy());
  EXPECT_EQ(v.recommendation->grade, r.grade);
  EXPECT_EQ(v.recommendation->pd, r.pd);
  EXPECT_EQ(v.recommended_limit, r.limit);
  EXPECT_EQ(v.reasons, r.reasons);
  EXPECT_NE(std::find_if(v.reasons.begin(), v.reasons.end(),
                         [](const scoring::reason& x) { return x.code == "payment_remarks"; }),
            v.reasons.end());

  // The agreed reminder fee (a clause of the current terms) stays in the recommended terms.
  EXPECT_EQ(v.current_terms, "net 30; reminder fee");
  EXPECT_NE(v.recommended_terms.find("; reminder fee"), std::string::npos) << v.recommended_terms;
  // The score fell 20 points and a remark appeared since the check before: two alerts, and
  // no no_financials (there are statements).
  std::vector<std::string> kinds;
  for (const review_alert& a : v.alerts) kinds.push_back(a.kind);
  EXPECT_EQ(kinds, (std::vector<std::string>{"score_dropped", "new_payment_remarks"}));
}

TEST(Review, ABrokenPromisePutsTheCustomerOnCashTermsAndTheChangesSaySo) {
  const ledger l = review_ledger();
  const ledger_slices cut(l);
  policy_set policies;
  const customer_review v = review_customer(cut, 0, review_as_of, {}, scoring::default_policy(), policies);
  ASSERT_TRUE(v.scored);
  EXPECT_EQ(v.history->counts.broken_promises, 1);
  EXPECT_EQ(v.recommended_terms, "CIA");
  EXPECT_EQ(v.recommended_limit, money::zero(iso4217::nok));
  ASSERT_EQ(v.changes.size(), 2U);
  EXPECT_EQ(v.changes[0], (scoring::reason{"change_terms", "change terms from net 14 to CIA"}));
  EXPECT_EQ(v.changes[1], (scoring::reason{"lower_limit", "lower the credit limit from 100000.00 to 0.00 NOK"}));
  // No check and no statements: both are asked for.
  ASSERT_EQ(v.alerts.size(), 2U);
  EXPECT_EQ(v.alerts[0].kind, "never_checked");
  EXPECT_EQ(v.alerts[1], (review_alert{"no_financials", "ask for the latest annual accounts"}));
}

TEST(Review, AConsumerIsListedNotScoredAndTheWholeLedgerIsReviewedInOrder) {
  const ledger l = review_ledger();
  const ledger_slices cut(l);
  policy_set policies;
  const customer_review v = review_customer(cut, 2, review_as_of, {}, scoring::default_policy(), policies);
  EXPECT_FALSE(v.scored);
  EXPECT_FALSE(v.recommendation || v.history);
  EXPECT_EQ(v.recommended_terms, v.current_terms);
  EXPECT_EQ(v.recommended_limit, v.current_limit);
  EXPECT_TRUE(v.changes.empty() && v.alerts.empty());
  ASSERT_EQ(v.reasons.size(), 1U);
  EXPECT_EQ(v.reasons[0].code, "consumer");

  const std::map<std::string, scoring::financial_statements, std::less<>> by_id{{"C2", statements("C2", "SEK")}};
  const std::vector<scoring::credit_check> checks{check("C2", make_date(2026, 10, 1), 60, 1)};
  policy_set all;
  const std::vector<customer_review> r = review(l, review_as_of, by_id, checks, scoring::default_policy(), all);
  ASSERT_EQ(r.size(), 3U);
  for (std::size_t k = 0; k < r.size(); ++k) {
    policy_set one;
    const auto s = by_id.find(l.customers[k].customer_id);
    const customer_review e = review_customer(
        cut, k, review_as_of, {.statements = s == by_id.end() ? nullptr : &s->second, .checks = checks},
        scoring::default_policy(), one);
    EXPECT_EQ(r[k].customer, k);
    EXPECT_EQ(r[k].recommended_terms, e.recommended_terms);
    EXPECT_EQ(r[k].recommended_limit, e.recommended_limit);
    EXPECT_EQ(r[k].reasons, e.reasons);
    EXPECT_EQ(r[k].alerts, e.alerts);
  }
}

TEST(Review, StatementsInAnotherCurrencyAndAnIndexOutsideTheLedgerAreRefused) {
  const ledger l = review_ledger();
  const ledger_slices cut(l);
  const auto eur = statements("C1", "EUR");
  policy_set policies;
  EXPECT_EQ(thrown_code([&] {
              (void)review_customer(cut, 0, review_as_of, {.statements = &eur}, scoring::default_policy(), policies);
            }),
            errc::currency_mismatch);
  EXPECT_EQ(thrown_code([&] { (void)review_customer(cut, 3, review_as_of, {}, scoring::default_policy(), policies); }),
            errc::out_of_range);
  const std::map<std::string, scoring::financial_statements, std::less<>> misfiled{{"C2", statements("C1", "SEK")}};
  EXPECT_EQ(thrown_code([&] { (void)review(l, review_as_of, misfiled, {}, scoring::default_policy(), policies); }),
            errc::invalid_argument);
}

}  // namespace
}  // namespace kreditor
