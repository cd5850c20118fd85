// Day boundaries a mutation test showed no test pinned down (issue 17): a payment dated on the
// evaluation day counts in the interest history, and a promise is broken the day AFTER the
// promised date, never on it (when evaluating, and when a notice is replayed on that day).
#include <gtest/gtest.h>

#include <vector>

#include "kreditor/charges/interest.hpp"
#include "kreditor/dunning/engine.hpp"
#include "kreditor/dunning/machine.hpp"
#include "kreditor/dunning/presets.hpp"
#include "kreditor/jurisdiction/rate_table.hpp"
#include "support/shorthand.hpp"

namespace kreditor::dunning {
namespace {

using ck = command_kind;
using test_support::d;
using test_support::nok;

bool has(const std::vector<command>& cmds, ck kind) {
  for (const command& c : cmds)
    if (c.kind == kind) return true;
  return false;
}

TEST(EngineBoundary, APaymentOnTheEvaluationDayCountsInTheInterestHistory) {
  // NO b2b, 10 000.00 due 2025-01-16; 4 000.00 paid on 2025-03-20, the evaluation day: the
  // balance changes from the next day, so every day through 2025-03-20 bears interest on
  // 10 000.00 (12.5 % x 63 / 365 = 215.75), not on the 6 000.00 still open.
  const compiled_policy cp = compile(preset("NO"));
  invoice_view v;
  v.invoice_id = "I1";
  v.customer_id = "C1";
  v.currency = iso4217::nok;
  v.segment = segment::b2b;
  v.jurisdiction = jurisdiction::no;
  v.issue_date = d(2025, 1, 2);
  v.due_date = d(2025, 1, 16);
  v.amount = nok(1'000'000);  // 6 000.00 open after the 4 000.00 paid on the evaluation day
  v.balance_changes = {{.on = d(2025, 3, 20), .delta = nok(-400'000)}};
  const date as_of = d(2025, 3, 20);
  const run_result r = evaluate(cp, std::span(&v, 1), as_of);
  ASSERT_FALSE(r.invoices[0].problem) << r.invoices[0].problem->message;
  const rate_table table = statutory_late_interest(jurisdiction::no, segment::b2b).value();
  const money on_the_whole = late_interest(nok(1'000'000), table, v.due_date, as_of, convention_of(table)).interest;
  EXPECT_EQ(r.invoices[0].interest, on_the_whole);
  EXPECT_EQ(r.invoices[0].interest, nok(21'575));
  // Ignoring the change (taking 6 000.00 as owed since the due date) would be less.
  EXPECT_LT(late_interest(nok(600'000), table, v.due_date, as_of, convention_of(table)).interest, on_the_whole);
}

class PromiseBoundary : public ::testing::Test {
 protected:
  const compiled_policy cp = compile(preset("relationship-first", jurisdiction::no));
  invoice_view v;
  const date until = d(2026, 2, 1);

  void SetUp() override {
    v.invoice_id = "1";
    v.customer_id = "C1";
    v.currency = iso4217::nok;
    v.jurisdiction = jurisdiction::no;
    v.issue_date = d(2026, 1, 2);
    v.due_date = d(2026, 1, 16);
    v.amount = nok(1'000'000);
    v.notices = {{0, d(2026, 1, 3), std::nullopt, nok(0)}, {1, d(2026, 1, 13), std::nullopt, nok(0)}};
    v.overlays.promises.push_back({d(2026, 1, 18), until});
  }
  invoice_result at(date as_of) const { return evaluate(cp, std::span(&v, 1), as_of).invoices[0]; }
};

TEST_F(PromiseBoundary, KeptOnThePromisedDateBrokenTheDayAfter) {
  const invoice_result before = at(d(2026, 1, 20));
  ASSERT_FALSE(before.problem);
  EXPECT_NE(before.flags & overlay::promised, 0);
  EXPECT_EQ(before.next_action, until + days(1));  // the first day it can be broken
  const invoice_result on = at(until);
  ASSERT_FALSE(on.problem);
  EXPECT_NE(on.flags & overlay::promised, 0);
  EXPECT_FALSE(has(on.commands, ck::cash_terms));
  EXPECT_TRUE(on.commands.empty());
  const invoice_result after = at(until + days(1));
  ASSERT_FALSE(after.problem);
  EXPECT_EQ(after.flags & overlay::promised, 0);
  EXPECT_TRUE(has(after.commands, ck::cash_terms));
}

TEST_F(PromiseBoundary, APromiseUntilTheDueDateIsKeptOnTheDueDate) {
  // Something else happens on the promised date (the invoice falls due), so the engine looks
  // at the invoice that day: the promise still stands; it is broken the next day.
  v.notices.clear();
  v.overlays.promises = {{d(2026, 1, 10), v.due_date}};
  const invoice_result on = at(v.due_date);
  ASSERT_FALSE(on.problem) << on.problem->message;
  EXPECT_NE(on.flags & overlay::promised, 0);
  EXPECT_FALSE(has(on.commands, ck::cash_terms));
  const invoice_result after = at(v.due_date + days(1));
  ASSERT_FALSE(after.problem) << after.problem->message;
  EXPECT_EQ(after.flags & overlay::promised, 0);
  EXPECT_TRUE(has(after.commands, ck::cash_terms));
}

TEST_F(PromiseBoundary, ANoticeReplayedOnThePromisedDateKeepsThePromise) {
  // A step recorded on the promised date itself (a manual reminder, say) does not break the
  // promise: the debtor still has that whole day.
  v.notices.push_back({2, until, std::nullopt, nok(0)});
  const invoice_result on = at(until);
  ASSERT_FALSE(on.problem) << on.problem->message;
  EXPECT_NE(on.flags & overlay::promised, 0);
  EXPECT_FALSE(has(on.commands, ck::cash_terms));
}

TEST(MachineBoundary, ANoticeReplayedOnThePromisedDayLeavesThePromiseStanding) {
  policy p{.name = "m", .jurisdiction = jurisdiction::no};
  p.steps = {{.name = "reminder", .trigger = {.after_due_days = 14}, .commands = {ck::send_reminder},
              .deadline_days = 14},
             {.name = "phone", .trigger = {.after_due_days = 20}, .commands = {ck::phone_call}}};
  p.on_broken_promise = {ck::cash_terms};
  const compiled_policy cp = compile(p);
  const invoice_facts facts{day_number(d(2026, 1, 2)), day_number(d(2026, 1, 16)), iso4217::nok, segment::b2b,
                            true};
  const context ctx{cp, facts};
  invoice_state s = initial_state(facts, nok(1'000'000));
  s.current = state::overdue;
  s = step(ctx, s, promise_made{d(2026, 1, 20), d(2026, 2, 10)}).next;
  ASSERT_NE(s.flags & overlay::promised, 0);
  const outcome on = step(ctx, s, notice_sent{{0, d(2026, 2, 10), d(2026, 2, 24), nok(0)}});
  EXPECT_NE(on.next.flags & overlay::promised, 0) << on.rule;
  EXPECT_EQ(on.next.promised_until, day_number(d(2026, 2, 10)));
  const outcome after = step(ctx, s, notice_sent{{0, d(2026, 2, 11), d(2026, 2, 25), nok(0)}});
  EXPECT_EQ(after.next.flags & overlay::promised, 0) << after.rule;  // a step after the date: broken before
}

}  // namespace
}  // namespace kreditor::dunning
