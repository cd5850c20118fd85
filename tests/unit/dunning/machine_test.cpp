// One test per row of the transition table (named after the row), starting from the state
// under test (no history replayed), plus the unexpected-event and trace tests.
#include "kreditor/dunning/machine.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <type_traits>

#include "kreditor/dunning/compiled_policy.hpp"
#include "kreditor/dunning/engine.hpp"
#include "support/errors.hpp"
#include "support/shorthand.hpp"

namespace kreditor::dunning {
namespace {

static_assert(std::is_trivially_copyable_v<invoice_state>);
static_assert(sizeof(invoice_state) == 48, "the batch path budgets 48 bytes of state per invoice");
static_assert(sizeof(invoice_facts) == 16);

using test_support::thrown_code;
using ck = command_kind;

using test_support::d;
using test_support::nok;

policy machine_policy() {
  policy p{.name = "machine", .jurisdiction = jurisdiction::no};
  p.steps = {
      {.name = "courtesy", .trigger = {.after_due_days = -3}, .commands = {ck::courtesy_email}},
      {.name = "reminder", .trigger = {.after_due_days = 14}, .commands = {ck::send_reminder},
       .deadline_days = 14, .fee = fee_spec::fixed({nok(3'500)})},
      {.name = "phone", .trigger = {.after_due_days = 20}, .commands = {ck::phone_call}},
      {.name = "warning", .trigger = {.after_previous_deadline_days = 1},
       .commands = {ck::collection_warning}, .deadline_days = 14, .fee = fee_spec::fixed({nok(3'500)})},
      {.name = "collection", .trigger = {.after_previous_deadline_days = 1},
       .commands = {ck::hand_over_to_collection}},
  };
  p.on_broken_promise = {ck::cash_terms};
  p.on_broken_plan = {ck::cash_terms, ck::credit_hold};
  return p;
}

class MachineRow : public ::testing::Test {
 protected:
  const compiled_policy cp = compile(machine_policy());
  const invoice_facts facts{day_number(d(2026, 1, 2)), day_number(d(2026, 1, 16)), iso4217::nok,
                            segment::b2b, true};
  const context ctx{cp, facts};

  invoice_state at(state st, std::uint8_t next_step = 0) const {
    invoice_state s = initial_state(facts, nok(1'000'000));
    s.current = st;
    s.next_step = next_step;
    return s;
  }
  outcome run(const invoice_state& s, const event& e) const { return step(ctx, s, e); }
};

TEST_F(MachineRow, DueOnDueDate) {
  const outcome o = run(at(state::not_yet_due), date_reached{d(2026, 1, 16)});
  EXPECT_EQ(o.rule, "due_on_due_date");
  EXPECT_EQ(o.next.current, state::due);
  EXPECT_TRUE(o.commands.empty());
}

TEST_F(MachineRow, OverdueAfterDueDate) {
  EXPECT_EQ(run(at(state::due), date_reached{d(2026, 1, 17)}).next.current, state::overdue);
  const outcome jump = run(at(state::not_yet_due), date_reached{d(2026, 3, 1)});
  EXPECT_EQ(jump.rule, "overdue_after_due_date");
  EXPECT_EQ(jump.next.current, state::overdue);
}

TEST_F(MachineRow, StepHandsOver) {
  invoice_state s = at(state::reminded, 4);
  s.fees_minor = 7'000;
  const outcome o = run(s, step_due{d(2026, 3, 1), 4});
  EXPECT_EQ(o.rule, "step_hands_over");
  EXPECT_EQ(o.next.current, state::handed_to_collection);
  ASSERT_EQ(o.commands.size(), 1u);
  EXPECT_EQ(o.commands[0].kind, ck::hand_over_to_collection);
  EXPECT_EQ(o.commands[0].fees, nok(7'000));
  EXPECT_EQ(o.next.next_step, 5);
}

TEST_F(MachineRow, StepSendsNotice) {
  const outcome o = run(at(state::overdue, 1), step_due{d(2026, 1, 30), 1});
  EXPECT_EQ(o.rule, "step_sends_notice");
  EXPECT_EQ(o.next.current, state::reminded);
  ASSERT_EQ(o.commands.size(), 1u);
  const command& c = o.commands[0];
  EXPECT_EQ(c.kind, ck::send_reminder);
  EXPECT_EQ(c.fee, nok(3'500));
  EXPECT_EQ(c.fees, nok(3'500));
  EXPECT_EQ(c.principal, nok(1'000'000));
  EXPECT_EQ(c.deadline, d(2026, 2, 13));
  EXPECT_EQ(c.total, c.principal + c.fees + c.interest);
  EXPECT_EQ(o.next.last_notice, day_number(d(2026, 1, 30)));
  EXPECT_EQ(o.next.last_deadline, day_number(d(2026, 2, 13)));
  EXPECT_EQ(o.next.fee_notices, 1);
  EXPECT_EQ(o.next.fees_minor, 3'500);
}

TEST_F(MachineRow, StepKeepsState) {
  const outcome o = run(at(state::not_yet_due), step_due{d(2026, 1, 13), 0});
  EXPECT_EQ(o.rule, "step_keeps_state");
  EXPECT_EQ(o.next.current, state::not_yet_due);
  ASSERT_EQ(o.commands.size(), 1u);
  EXPECT_EQ(o.commands[0].kind, ck::courtesy_email);
  EXPECT_EQ(o.next.next_step, 1);
  EXPECT_EQ(o.next.last_notice, no_day);  // a courtesy e-mail times nothing
}

TEST_F(MachineRow, ReplayedHandOver) {
  const outcome o = run(at(state::reminded, 4), notice_sent{{4, d(2026, 3, 1), std::nullopt, nok(0)}});
  EXPECT_EQ(o.rule, "replayed_hand_over");
  EXPECT_EQ(o.next.current, state::handed_to_collection);
  EXPECT_TRUE(o.commands.empty());
}

TEST_F(MachineRow, ReplayedNotice) {
  const outcome o = run(at(state::overdue, 1), notice_sent{{1, d(2026, 2, 2), d(2026, 2, 16), nok(3'500)}});
  EXPECT_EQ(o.rule, "replayed_notice");
  EXPECT_EQ(o.next.current, state::reminded);
  EXPECT_EQ(o.next.last_deadline, day_number(d(2026, 2, 16)));
  EXPECT_EQ(o.next.fees_minor, 3'500);
  EXPECT_TRUE(o.commands.empty());
}

TEST_F(MachineRow, ReplayedStep) {
  const outcome o = run(at(state::not_yet_due), notice_sent{{0, d(2026, 1, 13), std::nullopt, nok(0)}});
  EXPECT_EQ(o.rule, "replayed_step");
  EXPECT_EQ(o.next.current, state::not_yet_due);
  EXPECT_EQ(o.next.next_step, 1);
}

TEST_F(MachineRow, PaymentSettles) {
  invoice_state s = at(state::reminded, 2);
  s.fees_minor = 3'500;
  const outcome o = run(s, payment_received{d(2026, 2, 1), nok(1'003'500)});
  EXPECT_EQ(o.rule, "payment_settles");
  EXPECT_EQ(o.next.current, state::paid);
  EXPECT_EQ(o.next.open_minor, 0);
  EXPECT_EQ(o.next.fees_minor, 0);
}

TEST_F(MachineRow, PartialPayment) {
  invoice_state s = at(state::reminded, 2);
  s.fees_minor = 3'500;
  const outcome o = run(s, payment_received{d(2026, 2, 1), nok(10'000)});
  EXPECT_EQ(o.rule, "partial_payment");
  EXPECT_EQ(o.next.current, state::reminded);
  EXPECT_EQ(o.next.fees_minor, 0);  // costs first (legal.md §3)
  EXPECT_EQ(o.next.open_minor, 1'000'000 - 6'500);
}

TEST_F(MachineRow, InstallmentSettles) {
  invoice_state s = at(state::overdue);
  s.flags = overlay::in_plan;
  const outcome o = run(s, installment_paid{d(2026, 4, 1), nok(1'000'000)});
  EXPECT_EQ(o.rule, "installment_settles");
  EXPECT_EQ(o.next.current, state::paid);
  EXPECT_EQ(o.next.flags & overlay::in_plan, 0);
}

TEST_F(MachineRow, InstallmentPaid) {
  invoice_state s = at(state::overdue);
  s.flags = overlay::in_plan;
  const outcome o = run(s, installment_paid{d(2026, 2, 1), nok(333'334)});
  EXPECT_EQ(o.rule, "installment_paid");
  EXPECT_EQ(o.next.open_minor, 666'666);
  EXPECT_NE(o.next.flags & overlay::in_plan, 0);
}

TEST_F(MachineRow, CreditNoteSettles) {
  const outcome o = run(at(state::overdue), credit_note_issued{d(2026, 2, 1), nok(1'000'000)});
  EXPECT_EQ(o.rule, "credit_note_settles");
  EXPECT_EQ(o.next.current, state::credited);
}

TEST_F(MachineRow, PartialCreditNote) {
  const outcome o = run(at(state::overdue), credit_note_issued{d(2026, 2, 1), nok(200'000)});
  EXPECT_EQ(o.rule, "partial_credit_note");
  EXPECT_EQ(o.next.current, state::overdue);
  EXPECT_EQ(o.next.open_minor, 800'000);
}

TEST_F(MachineRow, DisputePauses) {
  const outcome o = run(at(state::overdue), dispute_opened{d(2026, 1, 20)});
  EXPECT_EQ(o.rule, "dispute_pauses");
  EXPECT_NE(o.next.flags & overlay::disputed, 0);
  EXPECT_EQ(o.next.paused_since, day_number(d(2026, 1, 20)));
  EXPECT_FALSE(next_step(ctx, o.next).has_value());
}

TEST_F(MachineRow, DisputeResolvedResumes) {
  const invoice_state s = run(at(state::overdue, 1), dispute_opened{d(2026, 1, 20)}).next;
  const outcome o = run(s, dispute_resolved{d(2026, 1, 30)});
  EXPECT_EQ(o.rule, "dispute_resolved_resumes");
  EXPECT_EQ(o.next.flags & overlay::disputed, 0);
  EXPECT_EQ(o.next.paused_days, 10);
  // The reminder's clock moved by the ten paused days: due + 14 + 10.
  EXPECT_EQ(next_step(ctx, o.next)->day, day_number(d(2026, 2, 9)));
}

TEST_F(MachineRow, PromisePauses) {
  const outcome o = run(at(state::overdue, 1), promise_made{d(2026, 1, 20), d(2026, 2, 10)});
  EXPECT_EQ(o.rule, "promise_pauses");
  EXPECT_NE(o.next.flags & overlay::promised, 0);
  EXPECT_EQ(o.next.promised_until, day_number(d(2026, 2, 10)));
  EXPECT_EQ(next_action_day(ctx, o.next), day_number(d(2026, 2, 11)));
}

TEST_F(MachineRow, BrokenPromiseEscalates) {
  const invoice_state s = run(at(state::overdue, 1), promise_made{d(2026, 1, 20), d(2026, 2, 10)}).next;
  const outcome o = run(s, promise_broken{d(2026, 2, 11)});
  EXPECT_EQ(o.rule, "broken_promise_escalates");
  EXPECT_EQ(o.next.flags & overlay::promised, 0);
  EXPECT_NE(o.next.flags & overlay::escalated, 0);
  ASSERT_EQ(o.commands.size(), 1u);
  EXPECT_EQ(o.commands[0].kind, ck::cash_terms);
  EXPECT_EQ(o.commands[0].step, broken_promise_step);
}

TEST_F(MachineRow, PlanPauses) {
  const outcome o = run(at(state::reminded, 2), plan_agreed{d(2026, 2, 1)});
  EXPECT_EQ(o.rule, "plan_pauses");
  EXPECT_NE(o.next.flags & overlay::in_plan, 0);
  EXPECT_FALSE(next_step(ctx, o.next).has_value());
}

TEST_F(MachineRow, MissedInstallmentEscalates) {
  const invoice_state s = run(at(state::reminded, 2), plan_agreed{d(2026, 2, 1)}).next;
  const outcome o = run(s, installment_missed{d(2026, 3, 2)});
  EXPECT_EQ(o.rule, "missed_installment_escalates");
  EXPECT_EQ(o.next.flags & overlay::in_plan, 0);
  EXPECT_NE(o.next.flags & overlay::escalated, 0);
  ASSERT_EQ(o.commands.size(), 2u);
  EXPECT_EQ(o.commands[0].kind, ck::cash_terms);
  EXPECT_EQ(o.commands[1].kind, ck::credit_hold);
}

TEST_F(MachineRow, ManualEscalation) {
  invoice_state s = at(state::reminded, 2);
  s.last_fired = s.last_notice = day_number(d(2026, 1, 30));
  s.last_deadline = day_number(d(2026, 2, 13));
  const outcome o = run(s, escalate{d(2026, 2, 1)});
  EXPECT_EQ(o.rule, "manual_escalation");
  // The phone call (policy: due + 20) may now fire the day after the last step.
  EXPECT_EQ(next_step(ctx, o.next)->day, day_number(d(2026, 1, 31)));
}

TEST_F(MachineRow, HoldPauses) {
  const outcome o = run(at(state::overdue), hold{d(2026, 1, 20)});
  EXPECT_EQ(o.rule, "hold_pauses");
  EXPECT_NE(o.next.flags & overlay::on_hold, 0);
  EXPECT_EQ(next_action_day(ctx, o.next), never);
}

TEST_F(MachineRow, ReleaseResumes) {
  const invoice_state s = run(at(state::overdue, 1), hold{d(2026, 1, 20)}).next;
  const outcome o = run(s, release{d(2026, 1, 25)});
  EXPECT_EQ(o.rule, "release_resumes");
  EXPECT_EQ(o.next.flags & overlay::on_hold, 0);
  EXPECT_EQ(o.next.paused_days, 5);
}

TEST_F(MachineRow, WrittenOff) {
  const outcome o = run(at(state::handed_to_collection, 5), write_off{d(2026, 6, 1)});
  EXPECT_EQ(o.rule, "written_off");
  EXPECT_EQ(o.next.current, state::written_off);
}

TEST_F(MachineRow, LegalProceedingsStart) {
  const outcome o = run(at(state::handed_to_collection, 5), legal_proceedings{d(2026, 6, 1)});
  EXPECT_EQ(o.rule, "legal_proceedings_start");
  EXPECT_EQ(o.next.current, state::legal);
}

TEST_F(MachineRow, EveryRowHasATest) {
  const std::set<std::string_view> tested = {
      "due_on_due_date", "overdue_after_due_date", "step_hands_over", "step_sends_notice",
      "step_keeps_state", "replayed_hand_over", "replayed_notice", "replayed_step",
      "payment_settles", "partial_payment", "installment_settles", "installment_paid",
      "credit_note_settles", "partial_credit_note", "dispute_pauses", "dispute_resolved_resumes",
      "promise_pauses", "broken_promise_escalates", "plan_pauses", "missed_installment_escalates",
      "manual_escalation", "hold_pauses", "release_resumes", "written_off", "legal_proceedings_start",
      "step_skipped", "step_too_late_skipped"};  // tested in policy_semantics_test.cpp (StepThreshold, PreDueSteps)
  std::set<std::string_view> rows;
  for (const row_info& r : transition_table()) rows.insert(r.name);
  EXPECT_EQ(rows, tested);
}

TEST_F(MachineRow, UnexpectedEventChangesNothing) {
  const invoice_state paid = at(state::paid);
  const outcome o = run(paid, dispute_opened{d(2026, 2, 1)});
  EXPECT_FALSE(o.matched());
  EXPECT_EQ(o.next, paid);
  EXPECT_TRUE(o.commands.empty());
  // A level already sent cannot be sent again: no row takes a step behind next_step.
  EXPECT_FALSE(run(at(state::reminded, 2), step_due{d(2026, 2, 1), 1}).matched());
  // Resolving a dispute that is not open matches no row either.
  EXPECT_FALSE(run(at(state::overdue), dispute_resolved{d(2026, 2, 1)}).matched());
}

TEST_F(MachineRow, PaymentLargerThanOwedIsAConflict) {
  EXPECT_EQ(thrown_code([&] { (void)run(at(state::overdue), payment_received{d(2026, 2, 1), nok(2'000'000)}); }),
            errc::conflict);
  EXPECT_EQ(thrown_code([&] {
              (void)run(at(state::overdue), payment_received{d(2026, 2, 1), money(100, iso4217::sek)});
            }),
            errc::currency_mismatch);
}

TEST_F(MachineRow, TransitionTraceRecordsEveryRowWithItsFacts) {
  invoice_state s = initial_state(facts, nok(1'000'000));
  std::vector<command> out;
  std::vector<audit_entry> trail;
  for (date day = d(2026, 1, 2); day <= d(2026, 3, 10); day += days(1)) advance(ctx, s, day, out, &trail);
  std::vector<std::string_view> rules;
  for (const audit_entry& e : trail) rules.push_back(e.rule);
  EXPECT_EQ(rules, (std::vector<std::string_view>{"step_keeps_state", "due_on_due_date", "overdue_after_due_date",
                                                   "step_sends_notice", "step_keeps_state", "step_sends_notice",
                                                   "step_hands_over"}));
  EXPECT_EQ(trail[3].step, 1);
  EXPECT_EQ(trail[3].open_principal, nok(1'000'000));
  EXPECT_EQ(trail[5].fees, nok(3'500));  // the facts before the warning
  EXPECT_EQ(replay(ctx, initial_state(facts, nok(1'000'000)), trail), s);
}

}  // namespace
}  // namespace kreditor::dunning
