// The engine as of a date: idempotent, catches up one level at a time, times levels from the
// previous deadline; overlays from views; customer decisions; per-record problems.
#include "kreditor/dunning/engine.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "kreditor/dunning/consolidation.hpp"
#include "kreditor/dunning/payment_plan.hpp"
#include "kreditor/dunning/presets.hpp"
#include "support/errors.hpp"
#include "support/shorthand.hpp"

namespace kreditor::dunning {
namespace {

using ck = command_kind;
using test_support::d;
using test_support::nok;

invoice_view view(std::string id, std::string customer = "C1", std::int64_t open = 1'000'000) {
  invoice_view v;
  v.invoice_id = std::move(id);
  v.customer_id = std::move(customer);
  v.currency = iso4217::nok;
  v.jurisdiction = jurisdiction::no;
  v.issue_date = d(2026, 1, 2);
  v.due_date = d(2026, 1, 16);
  v.amount = nok(open);
  return v;
}

// Runs daily from `from` to `to`, recording every step like a caller would.
std::vector<command> daily(const compiled_policy& cp, invoice_view& v, date from, date to) {
  std::vector<command> all;
  for (date day = from; day <= to; day += days(1)) {
    const run_result r = evaluate(cp, std::span(&v, 1), day);
    EXPECT_FALSE(r.invoices[0].problem) << r.invoices[0].problem->message;
    for (const command& c : r.invoices[0].commands) {
      all.push_back(c);
      if (v.notices.empty() || v.notices.back().step != c.step || v.notices.back().sent != c.on)
        v.notices.push_back({c.step, c.on, c.deadline, c.fee});
    }
  }
  return all;
}

TEST(Engine, EvaluatingTheSameDayTwiceGivesTheSameCommands) {
  const compiled_policy cp = compile(preset("NO"));
  const std::vector<invoice_view> views{view("1")};
  const run_result a = evaluate(cp, views, d(2026, 1, 30));
  const run_result b = evaluate(cp, views, d(2026, 1, 30));
  ASSERT_EQ(a.invoices[0].commands.size(), 1u);
  EXPECT_EQ(a.invoices[0].commands, b.invoices[0].commands);
  // Once recorded, the same day asks for nothing more.
  std::vector<invoice_view> recorded = views;
  const command& c = a.invoices[0].commands[0];
  recorded[0].notices.push_back({c.step, c.on, c.deadline, c.fee});
  EXPECT_TRUE(evaluate(cp, recorded, d(2026, 1, 30)).invoices[0].commands.empty());
}

TEST(Engine, MissedRunsCatchUpOneLevelAtATimeWithoutSkipping) {
  const compiled_policy cp = compile(preset("NO"));
  invoice_view v = view("1");
  // Nobody ran the engine until 1 June: only the purring is sent, with a fresh deadline.
  const run_result late = evaluate(cp, std::span(&v, 1), d(2026, 6, 1));
  ASSERT_EQ(late.invoices[0].commands.size(), 1u);
  const command c = late.invoices[0].commands[0];
  EXPECT_EQ(c.step, 0);
  EXPECT_EQ(c.deadline, d(2026, 6, 15));
  v.notices.push_back({c.step, c.on, c.deadline, c.fee});
  // The inkassovarsel waits for that deadline, not for the due date.
  const auto rest = daily(cp, v, d(2026, 6, 2), d(2026, 8, 1));
  ASSERT_EQ(rest.size(), 2u);
  EXPECT_EQ(rest[0].kind, ck::collection_warning);
  EXPECT_EQ(rest[0].on, d(2026, 6, 16));
  EXPECT_EQ(rest[1].kind, ck::hand_over_to_collection);
  EXPECT_EQ(rest[1].on, d(2026, 7, 1));
}

TEST(Engine, LevelsAreTimedFromThePreviousDeadline) {
  const compiled_policy cp = compile(preset("NO"));
  invoice_view v = view("1");
  v.notices.push_back({0, d(2026, 2, 10), d(2026, 3, 2), nok(3'500)});  // sent late, long deadline
  const auto cmds = daily(cp, v, d(2026, 2, 11), d(2026, 3, 3));
  ASSERT_EQ(cmds.size(), 1u);
  EXPECT_EQ(cmds[0].on, d(2026, 3, 3));
}

TEST(Engine, DisputePausesAndShiftsTheClock) {
  const compiled_policy cp = compile(preset("NO"));
  invoice_view v = view("1");
  v.overlays.disputes.push_back({d(2026, 1, 20), d(2026, 2, 9)});
  const auto cmds = daily(cp, v, d(2026, 1, 2), d(2026, 2, 20));
  ASSERT_EQ(cmds.size(), 1u);
  EXPECT_EQ(cmds[0].on, d(2026, 2, 19));  // due + 14 + 20 paused days
}

TEST(Engine, BrokenPromiseEscalatesAndSwitchesToCashTerms) {
  const compiled_policy cp = compile(preset("relationship-first", jurisdiction::no));
  invoice_view v = view("1");
  v.notices = {{0, d(2026, 1, 3), std::nullopt, nok(0)}, {1, d(2026, 1, 13), std::nullopt, nok(0)}};
  v.overlays.promises.push_back({d(2026, 1, 18), d(2026, 2, 1)});
  const auto cmds = daily(cp, v, d(2026, 1, 18), d(2026, 2, 2));
  ASSERT_EQ(cmds.size(), 2u);
  EXPECT_EQ(cmds[0].kind, ck::cash_terms);
  EXPECT_EQ(cmds[0].on, d(2026, 2, 2));
  EXPECT_EQ(cmds[1].kind, ck::courtesy_email);  // the next level at once
  EXPECT_EQ(cmds[1].on, d(2026, 2, 2));
  const run_result r = evaluate(cp, std::span(&v, 1), d(2026, 2, 3));
  ASSERT_EQ(r.customers.size(), 1u);
  EXPECT_TRUE(r.customers[0].cash_terms);
}

TEST(Engine, MissedInstallmentBreaksThePlan) {
  const compiled_policy cp = compile(preset("relationship-first", jurisdiction::no));
  invoice_view v = view("1");
  const payment_plan plan = make_payment_plan({.principal = nok(1'000'000)}, {.installments = 3, .first_due = d(2026, 2, 1)});
  v.overlays.plan = to_overlay(plan, d(2026, 1, 18));
  v.overlays.plan->installments[0].paid = v.overlays.plan->installments[0].amount;
  v.notices = {{0, d(2026, 1, 3), std::nullopt, nok(0)}, {1, d(2026, 1, 13), std::nullopt, nok(0)}};
  // The second installment is due Sunday 1 March 2026: paid in time on Monday 2 March
  // (gjeldsbrevloven § 5), so the plan breaks on the 3rd.
  const auto quiet = daily(cp, v, d(2026, 1, 18), d(2026, 3, 2));
  EXPECT_TRUE(quiet.empty());  // paused while the plan is kept
  const auto broke = daily(cp, v, d(2026, 3, 3), d(2026, 3, 3));
  ASSERT_EQ(broke.size(), 3u);
  EXPECT_EQ(broke[0].kind, ck::cash_terms);
  EXPECT_EQ(broke[1].kind, ck::credit_hold);
  EXPECT_EQ(broke[2].step, 2);
}

TEST(Engine, BadRecordsDoNotStopTheRun) {
  const compiled_policy cp = compile(preset("NO"));
  std::vector<invoice_view> views{view("1"), view("2"), view("3")};
  views[1].jurisdiction = jurisdiction::se;
  views[2].notices = {{1, d(2026, 2, 1), d(2026, 2, 15), nok(0)}, {0, d(2026, 2, 20), d(2026, 3, 6), nok(0)}};
  const run_result r = evaluate(cp, views, d(2026, 1, 30));
  EXPECT_FALSE(r.invoices[0].problem);
  ASSERT_TRUE(r.invoices[1].problem);
  EXPECT_EQ(r.invoices[1].problem->code, errc::conflict);
  const run_result r2 = evaluate(cp, views, d(2026, 3, 1));
  ASSERT_TRUE(r2.invoices[2].problem);
  EXPECT_EQ(r2.invoices[2].problem->code, errc::conflict);
}

TEST(Engine, ResultCarriesStateAmountsAndNextAction) {
  const compiled_policy cp = compile(preset("NO"));
  invoice_view v = view("1");
  v.notices.push_back({0, d(2026, 1, 30), d(2026, 2, 13), nok(3'500)});
  const invoice_result r = evaluate(cp, std::span(&v, 1), d(2026, 2, 5), {.audit = true}).invoices[0];
  EXPECT_EQ(r.current, state::reminded);
  EXPECT_EQ(r.level, 1);
  EXPECT_EQ(r.last_step, "purring");
  EXPECT_EQ(r.days_past_due, 20);
  EXPECT_EQ(r.fees, nok(3'500));
  EXPECT_TRUE(r.interest.is_positive());
  EXPECT_EQ(r.total_due, r.open_principal + r.fees + r.interest);
  EXPECT_EQ(r.next_action, d(2026, 2, 14));
  EXPECT_FALSE(r.audit.empty());
}

TEST(Consolidation, OneNoticePerCustomerCurrencyAndLevelWithoutDisputedInvoices) {
  const compiled_policy cp = compile(preset("NO"));
  std::vector<invoice_view> views{view("1", "A", 100'000), view("2", "A", 200'000), view("3", "B"), view("4", "A")};
  views[3].overlays.disputes.push_back({d(2026, 1, 20), std::nullopt});
  const run_result r = evaluate(cp, views, d(2026, 1, 30));
  const auto notices = consolidate(cp, r);
  ASSERT_EQ(notices.size(), 2u);
  EXPECT_EQ(notices[0].customer, "A");
  ASSERT_EQ(notices[0].lines.size(), 2u);
  EXPECT_EQ(notices[0].lines[0].invoice, "1");
  EXPECT_EQ(notices[0].lines[1].invoice, "2");
  EXPECT_EQ(notices[0].principal, nok(300'000));
  EXPECT_EQ(notices[0].fees, nok(7'000));
  EXPECT_EQ(notices[0].total, notices[0].lines[0].total + notices[0].lines[1].total);
  EXPECT_EQ(notices[0].deadline, d(2026, 2, 13));
  EXPECT_EQ(notices[1].customer, "B");
}

TEST(PaymentPlan, ThreeMonthlyInstallmentsExactToTheMinorUnit) {
  const payment_plan p = make_payment_plan(
      {.principal = nok(1'000'000), .fees = nok(3'500), .interest = nok(1'001)},
      {.installments = 3, .first_due = d(2026, 3, 1), .agreed = d(2026, 2, 1), .plan_fee = nok(0),
       .annual_interest = rate::percent(12)});
  ASSERT_EQ(p.installments.size(), 3u);
  EXPECT_EQ(p.installments[0].due, d(2026, 3, 1));
  EXPECT_EQ(p.installments[2].due, d(2026, 5, 1));
  EXPECT_EQ(p.installments[0].principal, nok(333'334));
  EXPECT_EQ(p.installments[1].principal, nok(333'333));
  EXPECT_EQ(p.principal, nok(1'000'000));
  EXPECT_EQ(p.fees, nok(3'500));
  // Plan interest: 10 000.00 x 12 % x 28/365 = 92.05; then 6 666.66 x 12 % x 31/365 = 67.95;
  // then 3 333.33 x 12 % x 30/365 = 32.88; plus the accrued 10.01 split 3.34/3.34/3.33.
  EXPECT_EQ(p.installments[0].interest, nok(9'205 + 334));
  EXPECT_EQ(p.installments[1].interest, nok(6'795 + 334));
  EXPECT_EQ(p.installments[2].interest, nok(3'288 + 333));
  money sum = nok(0);
  for (const auto& i : p.installments) {
    EXPECT_EQ(i.amount, i.principal + i.fees + i.interest);
    sum += i.amount;
  }
  EXPECT_EQ(sum, p.total);
  EXPECT_EQ(p.total, p.principal + p.fees + p.interest);
  EXPECT_EQ(test_support::thrown_code([] { (void)make_payment_plan({.principal = nok(1)}, {.installments = 0}); }),
            errc::invalid_argument);
}

}  // namespace
}  // namespace kreditor::dunning
