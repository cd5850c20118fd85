// The interest the engine reports IS charges' late_interest: the same amount, dates,
// statutory table and convention give the same money, in simulate and in evaluate, and a
// view's balance changes are honoured day by day.
#include "kreditor/charges/interest.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kreditor/dunning/engine.hpp"
#include "kreditor/dunning/presets.hpp"
#include "kreditor/dunning/simulate.hpp"
#include "kreditor/jurisdiction/rate_table.hpp"
#include "support/errors.hpp"
#include "support/shorthand.hpp"

namespace kreditor::dunning {
namespace {

using test_support::d;

struct SimCase {
  std::string preset;
  jurisdiction where;
  segment debtor;
  money amount;
  friend std::ostream& operator<<(std::ostream& os, const SimCase& c) { return os << c.preset; }
};

class SimulatedInterest : public ::testing::TestWithParam<SimCase> {};

TEST_P(SimulatedInterest, EqualsLateInterestOnTheStatutoryTable) {
  const SimCase& c = GetParam();
  const date due = d(2025, 1, 16);
  const auto timeline = simulate(compile(preset(c.preset)),
                                 {.amount = c.amount, .invoice_date = d(2025, 1, 2), .due = due, .segment = c.debtor},
                                 d(2025, 12, 31));
  ASSERT_FALSE(timeline.empty());
  const rate_table table = statutory_late_interest(c.where, c.debtor).value();
  for (const timeline_event& e : timeline) {
    const money expected = late_interest(c.amount, table, due, e.on, convention_of(table)).interest;
    EXPECT_EQ(e.interest, expected) << e.step_name << " on " << kreditor::to_string(e.on);
    EXPECT_TRUE(e.interest.is_positive()) << e.step_name;
    EXPECT_EQ(e.total_due, c.amount + e.fees + e.interest);
  }
}

// clang-format off
INSTANTIATE_TEST_SUITE_P(Presets, SimulatedInterest, ::testing::Values(
  SimCase{"NO", jurisdiction::no, segment::b2c, money(1'000'000, iso4217::nok)},
  SimCase{"SE", jurisdiction::se, segment::b2c, money(500'000, iso4217::sek)},
  SimCase{"DK", jurisdiction::dk, segment::b2b, money(750'000, iso4217::dkk)},
  SimCase{"FI", jurisdiction::fi, segment::b2c, money(123'456, iso4217::eur)}));
// clang-format on

invoice_view no_view(money open) {
  invoice_view v;
  v.invoice_id = "I1";
  v.customer_id = "C1";
  v.currency = iso4217::nok;
  v.segment = segment::b2b;
  v.jurisdiction = jurisdiction::no;
  v.issue_date = d(2025, 1, 2);
  v.due_date = d(2025, 1, 16);
  v.amount = open;
  return v;
}

TEST(EngineInterest, WithoutChangesTheOpenPrincipalBearsInterestSinceDue) {
  const compiled_policy cp = compile(preset("NO"));
  const invoice_view v = no_view(money(1'000'000, iso4217::nok));
  const date as_of = d(2025, 4, 30);
  const run_result r = evaluate(cp, std::span(&v, 1), as_of);
  ASSERT_FALSE(r.invoices[0].problem);
  const rate_table table = statutory_late_interest(jurisdiction::no, segment::b2b).value();
  EXPECT_EQ(r.invoices[0].interest,
            late_interest(v.amount, table, v.due_date, as_of, convention_of(table)).interest);
}

TEST(EngineInterest, PartialPaymentsChangeTheBalanceFromTheNextDay) {
  const compiled_policy cp = compile(preset("NO"));
  // 10 000 NOK due 2025-01-16; 4 000 paid 2025-02-15 and 1 000 on 2025-03-31 (after as_of: ignored).
  invoice_view v = no_view(money(1'000'000, iso4217::nok));
  v.balance_changes = {{.on = d(2025, 2, 15), .delta = money(-400'000, iso4217::nok)},
                       {.on = d(2025, 3, 31), .delta = money(-100'000, iso4217::nok)}};
  const date as_of = d(2025, 3, 20);
  const run_result r = evaluate(cp, std::span(&v, 1), as_of);
  ASSERT_FALSE(r.invoices[0].problem) << r.invoices[0].problem->message;
  const rate_table table = statutory_late_interest(jurisdiction::no, segment::b2b).value();
  const std::vector<balance_change> paid{v.balance_changes.front()};
  const money exact = late_interest(money(1'000'000, iso4217::nok), table, v.due_date, as_of, convention_of(table), paid).interest;
  EXPECT_EQ(r.invoices[0].interest, exact);
  // The old approximation (today's open principal over the whole period) is lower.
  EXPECT_LT(late_interest(money(600'000, iso4217::nok), table, v.due_date, as_of, convention_of(table)).interest, exact);
  EXPECT_EQ(r.invoices[0].open_principal, money(600'000, iso4217::nok));
  EXPECT_EQ(r.invoices[0].total_due, r.invoices[0].open_principal + r.invoices[0].fees + exact);
}

// Interest asked for on an earlier day (each audit entry's, at its event's date) counts only the
// changes that took effect by then, not the payments that came later.
TEST(EngineInterest, InterestOnAnEarlierDayLeavesOutLaterPayments) {
  const compiled_policy cp = compile(preset("NO"));
  invoice_view v = no_view(money(1'000'000, iso4217::nok));
  v.balance_changes = {{.on = d(2025, 2, 15), .delta = money(-400'000, iso4217::nok)},
                       {.on = d(2025, 3, 5), .delta = money(-100'000, iso4217::nok)}};
  // A reminder sent before either payment: its audit entry asks for the interest of that day.
  v.notices = {{.step = 0, .sent = d(2025, 2, 1), .deadline = d(2025, 2, 15), .fee = money(0, iso4217::nok)}};
  const date as_of = d(2025, 3, 20);
  const invoice_result r = evaluate(cp, std::span(&v, 1), as_of, {.audit = true}).invoices[0];
  ASSERT_FALSE(r.problem) << r.problem->message;
  const rate_table table = statutory_late_interest(jurisdiction::no, segment::b2b).value();
  int before_a_later_change = 0;
  for (const audit_entry& e : r.audit) {
    const date on = event_date(e.what);
    std::vector<balance_change> by_then;
    for (const balance_change& ch : v.balance_changes)
      if (ch.on < on) by_then.push_back(ch);
    before_a_later_change += by_then.size() < v.balance_changes.size() && on > v.due_date ? 1 : 0;
    EXPECT_EQ(e.interest, late_interest(money(1'000'000, iso4217::nok), table, v.due_date, on, convention_of(table), by_then).interest)
        << kreditor::to_string(on);
  }
  EXPECT_GT(before_a_later_change, 0);
}

TEST(EngineInterest, ChangesInAnotherCurrencyAreAProblemOfThatInvoice) {
  const compiled_policy cp = compile(preset("NO"));
  invoice_view v = no_view(money(1'000'000, iso4217::nok));
  v.balance_changes = {{.on = d(2025, 2, 15), .delta = money(-400'000, iso4217::eur)}};
  const run_result r = evaluate(cp, std::span(&v, 1), d(2025, 3, 20));
  ASSERT_TRUE(r.invoices[0].problem);
  EXPECT_EQ(r.invoices[0].problem->code, errc::currency_mismatch);
}

}  // namespace
}  // namespace kreditor::dunning
