// Issue 13: policies that say what users mean (skip or wait, pre-due steps, no fee for a call,
// every violation, the fee row in force, the invoice's currency, business days for
// installments) and the law's remaining gaps (FI business/consumer limits, SE agreement,
// B2B fixed compensation).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kreditor/dunning/compiled_policy.hpp"
#include "kreditor/dunning/engine.hpp"
#include "kreditor/dunning/legal_check.hpp"
#include "kreditor/dunning/machine.hpp"
#include "kreditor/dunning/payment_plan.hpp"
#include "kreditor/dunning/presets.hpp"
#include "kreditor/dunning/simulate.hpp"
#include "kreditor/io/policy_json.hpp"
#include "kreditor/jurisdiction/fee_rules.hpp"
#include "kreditor/time/deadline_rule.hpp"
#include "support/errors.hpp"
#include "support/shorthand.hpp"
#include "support/triggers.hpp"

namespace kreditor::dunning {
namespace {

using test_support::thrown_code;
using ck = command_kind;
using test_support::d;
using test_support::nok;
using test_support::eur;

using test_support::due;
using test_support::after_deadline;

// The README's shape: purring, a phone call for large sums, inkassovarsel, inkasso.
policy norway_with_call(std::optional<if_not_met> unmet) {
  policy p{.name = "call above 10000", .jurisdiction = jurisdiction::no};
  p.steps = {
      {.name = "purring", .trigger = due(14), .commands = {ck::send_reminder}, .deadline_days = 14,
       .fee = fee_spec::statutory_cap()},
      {.name = "phone call", .trigger = due(20), .commands = {ck::phone_call}, .minimum_open = {nok(1'000'000)},
       .if_not_met = unmet},
      {.name = "inkassovarsel", .trigger = after_deadline(1), .commands = {ck::collection_warning},
       .deadline_days = 14, .fee = fee_spec::statutory_cap()},
      {.name = "inkasso", .trigger = after_deadline(1), .commands = {ck::hand_over_to_collection}},
  };
  return p;
}

simulation_input invoice(money amount, segment s = segment::b2b) {
  return {.amount = amount, .invoice_date = d(2025, 1, 2), .due = d(2025, 1, 16), .segment = s};
}

std::vector<std::string> names(const std::vector<timeline_event>& t) {
  std::vector<std::string> out;
  for (const auto& e : t) out.push_back(e.step_name);
  return out;
}

// ---- skip or wait ------------------------------------------------------------------------------

TEST(StepThreshold, AnAmountThresholdSkipsTheStepByDefault) {
  const auto t = simulate(compile(norway_with_call(std::nullopt)), invoice(nok(50'000)), d(2025, 12, 31));
  EXPECT_EQ(names(t), (std::vector<std::string>{"purring", "inkassovarsel", "inkasso"}));
}

TEST(StepThreshold, ALargeInvoiceGetsTheCall) {
  const auto t = simulate(compile(norway_with_call(std::nullopt)), invoice(nok(2'000'000)), d(2025, 12, 31));
  EXPECT_EQ(names(t), (std::vector<std::string>{"purring", "phone call", "inkassovarsel", "inkasso"}));
}

TEST(StepThreshold, WaitHoldsTheLadderUntilTheAmountIsReached) {
  const auto t = simulate(compile(norway_with_call(if_not_met::wait)), invoice(nok(50'000)), d(2025, 12, 31));
  EXPECT_EQ(names(t), (std::vector<std::string>{"purring"}));
}

TEST(StepThreshold, AGuardWithSkipLetsTheLadderGoOn) {
  policy p = norway_with_call(if_not_met::skip);
  p.steps[1].minimum_open.clear();
  p.steps[1].guards = {"never"};
  extensions ext;
  ext.guard("never", [](const guard_facts&) { return false; });
  const compiled_policy cp = compile(p, ext);
  const invoice_facts f{day_number(d(2025, 1, 2)), day_number(d(2025, 1, 16)), iso4217::nok, segment::b2b, false};
  invoice_state s = initial_state(f, nok(50'000));
  s.current = state::reminded;
  s.next_step = 1;
  const outcome o = step({cp, f}, s, step_skipped{d(2025, 2, 5), 1});
  EXPECT_EQ(o.rule, "step_skipped");
  EXPECT_EQ(o.next.next_step, 2);
  EXPECT_TRUE(o.commands.empty());
  // A step that waits on its guard is not skipped.
  p.steps[1].if_not_met = if_not_met::wait;
  const compiled_policy waiting = compile(p, ext);
  EXPECT_FALSE(step({waiting, f}, s, step_skipped{d(2025, 2, 5), 1}).matched());
}

TEST(StepThreshold, TheEngineSkipsAStepWhoseGuardFailsAndGoesOn) {
  // Through evaluate(): the phone call's guard fails and the step says skip, so after the
  // purring's deadline the inkassovarsel is asked for (a waiting step would stall the ladder).
  for (const if_not_met choice : {if_not_met::skip, if_not_met::wait}) {
    policy p = norway_with_call(choice);
    p.steps[1].minimum_open.clear();
    p.steps[1].guards = {"never"};
    extensions ext;
    ext.guard("never", [](const guard_facts&) { return false; });
    const compiled_policy cp = compile(p, ext);
    invoice_view v{.invoice_id = "I1", .customer_id = "C1", .currency = iso4217::nok, .segment = segment::b2b,
                   .jurisdiction = jurisdiction::no, .issue_date = d(2025, 1, 2), .due_date = d(2025, 1, 16),
                   .amount = nok(5'000'000)};
    v.notices.push_back({.step = 0, .sent = d(2025, 1, 30), .deadline = d(2025, 2, 13), .fee = nok(3'500)});
    const run_result r = evaluate(cp, std::span(&v, 1), d(2025, 2, 20));
    ASSERT_FALSE(r.invoices[0].problem) << r.invoices[0].problem->message;
    if (choice == if_not_met::skip) {
      ASSERT_EQ(r.invoices[0].commands.size(), 1U);
      EXPECT_EQ(r.invoices[0].commands[0].kind, ck::collection_warning);
    } else {
      EXPECT_TRUE(r.invoices[0].commands.empty());
    }
  }
}

TEST(StepThreshold, PolicyJsonSaysSkipOrWaitAndRoundTrips) {
  const auto p = parse_policy_json(R"({"name": "x", "jurisdiction": "NO", "steps": [
      {"name": "call", "trigger": {"after_due_days": 3}, "commands": ["phone_call"],
       "minimum_open": {"NOK": "500.00"}, "if_not_met": "wait", "late_window_days": 10}]})");
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ(p->steps[0].if_not_met, if_not_met::wait);
  EXPECT_EQ(p->steps[0].late_window_days, 10);
  EXPECT_EQ(parse_policy_json(to_json(*p)).value(), *p);
  const auto bad = parse_policy_json(R"({"name": "x", "jurisdiction": "NO", "steps": [
      {"name": "call", "trigger": {"after_due_days": 3}, "commands": ["phone_call"], "if_not_met": "later"}]})");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("/steps/0/if_not_met"), std::string::npos) << bad.error().message;
}

// ---- pre-due steps after the due date ---------------------------------------------------------

TEST(PreDueSteps, AFirstRunOverAnOverdueInvoiceSkipsThemInsteadOfSendingThemLate) {
  const compiled_policy cp = compile(preset("relationship-first", jurisdiction::no));
  invoice_view v;
  v.invoice_id = "1";
  v.customer_id = "C";
  v.currency = iso4217::nok;
  v.jurisdiction = jurisdiction::no;
  v.issue_date = d(2026, 1, 2);
  v.due_date = d(2026, 1, 16);
  v.amount = nok(1'000'000);
  const run_result r = evaluate(cp, std::span(&v, 1), d(2026, 2, 16));  // a month overdue, no history
  ASSERT_EQ(r.invoices[0].commands.size(), 1U);
  EXPECT_EQ(r.invoices[0].commands[0].kind, ck::courtesy_email);  // the e-mail reminder (due + 5)
  EXPECT_EQ(r.invoices[0].commands[0].step, 2);
}

TEST(PreDueSteps, OnTimeTheyAreSent) {
  const auto t = simulate(compile(preset("relationship-first", jurisdiction::no)),
                          {.amount = nok(1'000'000), .invoice_date = d(2026, 1, 2), .due = d(2026, 1, 16)},
                          d(2026, 1, 20));
  EXPECT_EQ(names(t), (std::vector<std::string>{"receipt confirmation", "courtesy e-mail"}));
}

TEST(PreDueSteps, ALateWindowSkipsAStepDueTooLongAgo) {
  policy p{.name = "window", .jurisdiction = jurisdiction::eu};
  p.steps = {{.name = "call", .trigger = due(3), .commands = {ck::phone_call}, .late_window_days = 5},
             {.name = "letter", .trigger = due(10), .commands = {ck::send_reminder}, .deadline_days = 14}};
  const compiled_policy cp = compile(p);
  const invoice_facts f{day_number(d(2026, 1, 2)), day_number(d(2026, 1, 16)), iso4217::eur, segment::b2b, false};
  invoice_state s = initial_state(f, eur(10'000));
  s.current = state::overdue;
  EXPECT_EQ(step({cp, f}, s, step_due{d(2026, 1, 24), 0}).rule, "step_keeps_state");  // 19 Jan + 5: in time
  const outcome late = step({cp, f}, s, step_due{d(2026, 1, 25), 0});  // due 19 Jan + 5 < 25 Jan
  EXPECT_EQ(late.rule, "step_too_late_skipped");
  EXPECT_TRUE(late.commands.empty());
  EXPECT_EQ(late.next.next_step, 1);
}

// ---- no fee for a phone call ------------------------------------------------------------------

bool has_rule(const std::vector<legal_finding>& fs, const std::string& fragment) {
  for (const auto& f : fs)
    if (f.rule.find(fragment) != std::string::npos) return true;
  return false;
}

TEST(WrittenNotice, AFeeForAPhoneCallIsRejectedNamingTheRule) {
  for (const jurisdiction j : {jurisdiction::no, jurisdiction::se, jurisdiction::dk, jurisdiction::fi}) {
    policy p{.name = "call fee", .jurisdiction = j, .reminder_fee_agreement = fee_agreement::always};
    p.steps = {{.name = "call", .trigger = due(20), .commands = {ck::phone_call}, .deadline_days = 14,
                .fee = fee_spec::statutory_cap()}};
    const auto fs = check_legal(p);
    EXPECT_TRUE(has_rule(fs, "fee only for a written notice")) << to_string(j);
    EXPECT_EQ(thrown_code([&] { (void)compile(p); }), errc::legal_violation) << to_string(j);
  }
}

TEST(WrittenNotice, APhoneOnlyBandOfAFeeBearingStepIsRejected) {
  policy p{.name = "band", .jurisdiction = jurisdiction::no};
  p.steps = {{.name = "purring", .trigger = due(14), .commands = {ck::send_reminder}, .deadline_days = 14,
              .fee = fee_spec::statutory_cap(),
              .bands = {{.from = {nok(5'000'000)}, .commands = {ck::phone_call}}}}};
  const auto fs = check_legal(p);
  ASSERT_TRUE(has_rule(fs, "NO.purregebyr: a reminder fee only for a written notice")) << (fs.empty() ? "" : to_string(fs[0]));
  p.steps[0].bands[0].commands = {ck::send_reminder, ck::phone_call};
  EXPECT_TRUE(check_legal(p).empty());
}

TEST(WrittenNotice, TheEuCompensationNeedsNoNotice) {
  policy p{.name = "eu", .jurisdiction = jurisdiction::eu};
  p.steps = {{.name = "compensation", .trigger = due(1), .commands = {ck::notify_account_manager},
              .fee = fee_spec::statutory_cap(), .fee_kind = fee_kind::compensation, .segment = segment::b2b}};
  EXPECT_TRUE(check_legal(p).empty());
}

// ---- every violation, the row in force -------------------------------------------------------

TEST(LegalCheckReport, CompileNamesEveryViolation) {
  policy p{.name = "two wrongs", .jurisdiction = jurisdiction::no};
  p.steps = {{.name = "purring", .trigger = due(7), .commands = {ck::send_reminder}, .deadline_days = 10,
              .fee = fee_spec::fixed({nok(3'500)})}};
  try {
    (void)compile(p);
    ADD_FAILURE() << "compiled";
  } catch (const error& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("no earlier than 14 days after the due date"), std::string::npos) << m;
    EXPECT_NE(m.find("a payment deadline of at least 14 days"), std::string::npos) << m;
  }
}

TEST(LegalCheckReport, CitesTheFeeRowOfTheYearInForce) {
  policy p{.name = "2025", .jurisdiction = jurisdiction::no};
  p.steps = {{.name = "purring", .trigger = due(7), .commands = {ck::send_reminder}, .deadline_days = 14,
              .fee = fee_spec::fixed({nok(3'500)})}};
  try {
    (void)compile(p, {}, d(2025, 6, 1));
    ADD_FAILURE() << "compiled";
  } catch (const error& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("sergel.no"), std::string::npos) << m;   // the 2020-10-01 row, in force in 2025
    EXPECT_EQ(m.find("prop.-3-l"), std::string::npos) << m;   // not the 2026 row
  }
}

// ---- the invoice's currency -------------------------------------------------------------------

TEST(PolicyCurrency, ANorwegianPolicyOnASwedishInvoiceIsAnError) {
  const compiled_policy cp = compile(preset("NO"));
  EXPECT_EQ(thrown_code([&] { (void)simulate(cp, invoice(money(1'000'000, iso4217::sek)), d(2025, 12, 31)); }),
            errc::currency_mismatch);
}

// ---- installments on business days ------------------------------------------------------------

TEST(Installments, FollowTheBusinessDayRuleOfDueDates) {
  // 16 May 2026 is a Saturday, 17 May a Sunday (and Constitution Day): paid in time on Monday 18 May.
  const compiled_policy cp = compile(preset("NO"));
  EXPECT_EQ(installment_paid_by(cp, d(2026, 5, 16)), d(2026, 5, 18));
  EXPECT_EQ(installment_paid_by(cp, d(2026, 5, 19)), d(2026, 5, 19));
  const payment_plan plan = make_payment_plan({.principal = nok(300'000)},
                                              {.installments = 3, .first_due = d(2026, 3, 16),
                                               .months_between = 2, .due_dates = statutory_deadline_rule(jurisdiction::no)});
  ASSERT_EQ(plan.installments.size(), 3U);
  EXPECT_EQ(plan.installments[0].due, d(2026, 3, 16));
  EXPECT_EQ(plan.installments[1].due, d(2026, 5, 18));  // 16 May (Saturday) -> Monday 18 May
  EXPECT_EQ(plan.installments[2].due, d(2026, 7, 16));
}

TEST(Installments, TheEngineCountsAWeekendInstallmentPaidOnMondayAsKept) {
  // A plan's installment due Saturday 16 May 2026, paid Monday 18 May: not missed on the 19th.
  const compiled_policy cp = compile(preset("NO"));
  invoice_view v{.invoice_id = "I1", .customer_id = "C1", .currency = iso4217::nok, .segment = segment::b2b,
                 .jurisdiction = jurisdiction::no, .issue_date = d(2026, 3, 2), .due_date = d(2026, 3, 16),
                 .amount = nok(1'000'000)};
  v.overlays.plan = plan_overlay{.agreed = d(2026, 4, 1),
                                 .installments = {{.due = d(2026, 5, 16), .amount = nok(500'000), .paid = nok(0)},
                                                  {.due = d(2026, 6, 16), .amount = nok(500'000), .paid = nok(0)}}};
  const auto missed = [&](date on) {
    const run_result r = evaluate(cp, std::span(&v, 1), on);
    EXPECT_FALSE(r.invoices[0].problem);
    for (const command& c : r.invoices[0].commands)
      if (c.step == broken_plan_step) return true;
    return false;
  };
  EXPECT_FALSE(missed(d(2026, 5, 18)));  // Monday: still on time
  EXPECT_TRUE(missed(d(2026, 5, 19 + cp.source.installment_grace_days)));
}

// ---- Finland ----------------------------------------------------------------------------------

TEST(Finland, ABusinessDebtorIsChargedForOneReminderOnly) {
  policy p{.name = "fi b2b", .jurisdiction = jurisdiction::fi};
  p.steps = {{.name = "m1", .trigger = due(1), .commands = {ck::send_reminder}, .deadline_days = 14,
              .fee = fee_spec::fixed({eur(1'200)}), .segment = segment::b2b},
             {.name = "m2", .trigger = after_deadline(1), .commands = {ck::send_reminder}, .deadline_days = 14,
              .fee = fee_spec::fixed({eur(1'200)}), .segment = segment::b2b}};
  EXPECT_TRUE(has_rule(check_legal(p), "FI.maksumuistutus.business: at most 1 fee-bearing notice"));
}

TEST(Finland, AConsumerIsChargedForAtMostThreeRemindersFourteenDaysApart) {
  policy p{.name = "fi b2c", .jurisdiction = jurisdiction::fi};
  for (int i = 0; i < 4; ++i)
    p.steps.push_back({.name = "m" + std::to_string(i), .trigger = i == 0 ? due(14) : after_deadline(1),
                       .commands = {ck::send_reminder}, .deadline_days = 14, .fee = fee_spec::statutory_cap(),
                       .segment = segment::b2c});
  EXPECT_TRUE(has_rule(check_legal(p), "FI.maksumuistutus.consumer: at most 3 fee-bearing notices"));
}

TEST(Finland, NoReminderFeeWhenTheInvoiceCameTooCloseToTheDueDate) {
  const compiled_policy cp = compile(preset("FI"));
  const auto late_invoice = simulate(cp, {.amount = eur(10'000), .invoice_date = d(2026, 1, 12), .due = d(2026, 1, 16),
                                          .segment = segment::b2c}, d(2026, 3, 1));
  ASSERT_FALSE(late_invoice.empty());
  EXPECT_EQ(late_invoice[0].step_name, "maksumuistutus");
  EXPECT_EQ(late_invoice[0].fee, eur(0));  // sent 4 days before due
  const auto in_time = simulate(cp, {.amount = eur(10'000), .invoice_date = d(2026, 1, 2), .due = d(2026, 1, 16),
                                     .segment = segment::b2c}, d(2026, 3, 1));
  ASSERT_FALSE(in_time.empty());
  EXPECT_EQ(in_time[0].fee, eur(500));
}

// ---- Sweden -----------------------------------------------------------------------------------

TEST(Sweden, AReminderFeeOnlyWhereTheRecordSaysItWasAgreed) {
  const compiled_policy cp = compile(preset("SE"));
  simulation_input in{.amount = money(1'000'000, iso4217::sek), .invoice_date = d(2026, 1, 2), .due = d(2026, 1, 16)};
  const auto not_agreed = simulate(cp, in, d(2026, 3, 1));
  ASSERT_FALSE(not_agreed.empty());
  EXPECT_EQ(not_agreed[0].fee, money(0, iso4217::sek));
  in.reminder_fee_agreed = true;
  EXPECT_EQ(simulate(cp, in, d(2026, 3, 1))[0].fee, money(6'000, iso4217::sek));
}

// ---- B2B fixed compensation -------------------------------------------------------------------

TEST(B2bPresets, ABusinessDebtorPaysTheFixedCompensationOnceAConsumerTheReminderFee) {
  struct expect_case { const char* name; currency c; std::int64_t compensation; };
  for (const auto& [name, c, compensation] : {expect_case{"NO-B2B", iso4217::nok, 47'000},
                                              expect_case{"SE-B2B", iso4217::sek, 45'000},
                                              expect_case{"DK-B2B", iso4217::dkk, 31'000},
                                              expect_case{"FI-B2B", iso4217::eur, 4'000}}) {
    SCOPED_TRACE(name);
    const compiled_policy cp = compile(preset(name));
    simulation_input in{.amount = money(1'000'000, c), .invoice_date = d(2026, 1, 2), .due = d(2026, 1, 16)};
    const auto business = simulate(cp, in, d(2026, 12, 31));
    ASSERT_FALSE(business.empty());
    EXPECT_EQ(business[0].fee, money(compensation, c));
    money total = money(0, c);
    for (const auto& e : business) total += e.fee;
    EXPECT_GE(total, money(compensation, c));
    int compensations = 0;
    for (const auto& e : business) compensations += e.fee == money(compensation, c) ? 1 : 0;
    EXPECT_EQ(compensations, 1);
    in.segment = segment::b2c;
    const auto consumer = simulate(cp, in, d(2026, 12, 31));
    ASSERT_FALSE(consumer.empty());
    EXPECT_NE(consumer[0].fee, money(compensation, c));
  }
}

TEST(B2bPresets, NorwegianCompensationRowsForEveryHalfYearTo2026) {
  for (const date on : {d(2024, 7, 1), d(2025, 7, 1), d(2026, 1, 1)}) {
    const legal_rules in_force = rules_for(jurisdiction::no, segment::b2b, on).value();
    const legal_fee_rule* row = in_force.find(std::string_view("NO.standardkompensasjon"));
    ASSERT_NE(row, nullptr) << kreditor::to_string(on);
    EXPECT_EQ(row->effective_from, on);
    EXPECT_TRUE(row->uncertain) << kreditor::to_string(on);  // the regulation's amount was not retrieved
    EXPECT_EQ(row->cap_for(nok(100'000)), nok(47'000)) << kreditor::to_string(on);
  }
  const legal_rules y2025 = rules_for(jurisdiction::no, segment::b2b, d(2025, 1, 1)).value();
  EXPECT_FALSE(y2025.find(std::string_view("NO.standardkompensasjon"))->uncertain);
}

}  // namespace
}  // namespace kreditor::dunning
