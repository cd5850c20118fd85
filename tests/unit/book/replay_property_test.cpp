// Issue 17: replaying the audit trail reproduces the state, over random ledgers and random
// schedules of daily runs (fixed seeds, printed on failure). A host runs kreditor on some days,
// carries out the notices each run asks for, records them (the run's state, persisted as JSON:
// book/state_json.hpp) and hands them to the next run. Asserted:
//   1. a rerun for the same day with the state written and read back gives the same report,
//      every command marked as already recorded, and asks for nothing new;
//   2. on a later day, the run from the recorded state equals the run from a ledger that
//      carries the same notices as its audit trail (events.csv `notice_sent` rows) and no state:
//      the two ways into the book agree, line by line.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "kreditor/book/report.hpp"
#include "kreditor/book/state_json.hpp"
#include "kreditor/io/ledger.hpp"

namespace kreditor {
namespace {

struct random_ledger {
  std::map<std::string, std::string, std::less<>> files;
  date first_day;
};

/// Customers of the four Nordic countries, both segments, with invoices, part payments,
/// promises and disputes.
random_ledger make_random_ledger(std::mt19937_64& rng) {
  const auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const date start = make_date(2025, 1, 1) + days(pick(0, 500));
  std::string customers =
      "customer_id,name,country,segment,currency,credit_limit,terms,org_number,email,account_manager,flags\n";
  std::string invoices = "invoice_id,customer_id,issue_date,due_date,currency,amount,terms,reference,credit_of\n";
  std::string payments = "payment_id,customer_id,date,currency,amount,reference,invoice_id\n";
  std::string events = "date,customer_id,invoice_id,event,details\n";
  static constexpr const char* countries[] = {"NO", "SE", "DK", "FI"};
  static constexpr const char* currencies[] = {"NOK", "SEK", "DKK", "EUR"};
  int invoice_no = 0, payment_no = 0;
  for (int c = pick(2, 6); c > 0; --c) {
    const int k = pick(0, 3);
    const std::string id = "C" + std::to_string(c), cur = currencies[k];
    customers += id + ",Customer " + id + "," + countries[k] + "," + (pick(0, 1) != 0 ? "b2b" : "b2c") + "," + cur +
                 ",1000000.00,net 14,,,,\n";
    for (int n = pick(1, 4); n > 0; --n) {
      const std::string inv = "I" + std::to_string(++invoice_no);
      const date issued = start + days(pick(0, 60));
      const date due = issued + days(pick(0, 1) != 0 ? 14 : 30);
      const int amount = pick(100, 5'000'000);  // 1.00 .. 50 000.00
      invoices += inv + "," + id + "," + to_string(issued) + "," + to_string(due) + "," + cur + "," +
                  to_string(money(amount, currency::parse(cur).value())) + ",,,\n";
      // Payments: part payments, and payments of the whole claim and more (this property found
      // that a claim paid in full after a notice with a fee was refused by the next run:
      // Book.AClaimPaidInFullAfterAFeeNoticeIsPaidNotAnError), designated or not.
      if (pick(0, 2) == 0) {
        const int paid = pick(0, 1) != 0 ? pick(1, amount / 2) : amount + pick(0, amount / 10);
        payments += "P" + std::to_string(++payment_no) + "," + id + "," + to_string(due + days(pick(-10, 120))) +
                    "," + cur + "," + to_string(money(paid, currency::parse(cur).value())) + ",," +
                    (pick(0, 3) != 0 ? inv : std::string()) + "\n";
      }
      if (pick(0, 5) == 0) {
        const date on = due + days(pick(1, 40));
        events += to_string(on) + "," + id + "," + inv + ",promise_to_pay,until=" + to_string(on + days(pick(1, 20))) + "\n";
      }
      if (pick(0, 7) == 0) events += to_string(due + days(pick(0, 60))) + "," + id + "," + inv + ",dispute_opened,\n";
    }
  }
  return {{{"customers.csv", customers}, {"invoices.csv", invoices}, {"payments.csv", payments}, {"events.csv", events}},
          start};
}

/// The notices a run asks for, each fired step of a line once, not those already recorded:
/// what a host carries out and records (as `kreditor run --state` does).
std::vector<recorded_notice> fired(const run_report& r) {
  std::vector<recorded_notice> out;
  for (std::size_t i = 0; i < r.size(); ++i) {
    std::vector<std::int32_t> steps;
    const line_result& line = r.result(i);
    for (std::size_t k = 0; k < line.commands.size(); ++k) {
      const dunning::command& c = line.commands[k];
      if (line.recorded[k] || std::find(steps.begin(), steps.end(), c.step) != steps.end()) continue;
      steps.push_back(c.step);
      out.push_back({.invoice_id = r.books->views[i].invoice_id,
                     .step = step_name(r.policy_of(i), c.step),
                     .sent = c.on,
                     .deadline = c.deadline,
                     .fee = c.fee});
    }
  }
  return out;
}

/// Line i of two reports agrees in everything the outputs print (`recorded` is compared by the caller).
::testing::AssertionResult same_line(const run_report& x, const run_report& y, std::size_t i) {
  const line_result& a = x.result(i);
  const line_result& b = y.result(i);
  const auto step = [](const std::string* s) { return s != nullptr ? *s : std::string("-"); };
  if (x.books->views[i].invoice_id != y.books->views[i].invoice_id) return ::testing::AssertionFailure() << "ids differ";
  if (a.current != b.current || a.flags != b.flags || a.level != b.level || a.days_past_due != b.days_past_due ||
      step(a.last_step) != step(b.last_step) || a.open_principal != b.open_principal || a.fees != b.fees ||
      a.interest != b.interest || a.total_due != b.total_due || a.commands != b.commands ||
      a.next_action != b.next_action || (a.problem == nullptr) != (b.problem == nullptr))
    return ::testing::AssertionFailure()
           << "invoice " << x.books->views[i].invoice_id << ": level " << a.level << " vs " << b.level << ", fees "
           << to_string(a.fees) << " vs " << to_string(b.fees) << ", interest " << to_string(a.interest) << " vs "
           << to_string(b.interest) << ", commands " << a.commands.size() << " vs " << b.commands.size();
  return ::testing::AssertionSuccess();
}

/// The ledger with `notices` as its audit trail: one events.csv notice_sent row each.
ledger with_audit_trail(std::map<std::string, std::string, std::less<>> files, const ledger& l,
                        const std::vector<recorded_notice>& notices) {
  for (const recorded_notice& n : notices) {
    const auto inv = std::find_if(l.invoices.begin(), l.invoices.end(),
                                  [&](const invoice_record& r) { return r.invoice_id == n.invoice_id; });
    files["events.csv"] += to_string(n.sent) + "," + inv->customer_id + "," + n.invoice_id + ",notice_sent,level=" +
                           n.step + (n.deadline ? ";deadline=" + to_string(*n.deadline) : std::string()) +
                           (n.fee.is_zero() ? std::string() : ";fee=" + to_string(n.fee)) + "\n";
  }
  return parse_ledger(files).value();
}

TEST(ReplayProperty, RecordedStateAndAuditTrailReproduceTheRun) {
  constexpr std::uint64_t seed = 1717;
  std::mt19937_64 rng(seed);
  const auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  std::size_t notices_total = 0;
  // Each customer's country preset, compiled once (copies share what is compiled).
  policy_set presets;
  for (const jurisdiction j : {jurisdiction::no, jurisdiction::se, jurisdiction::dk, jurisdiction::fi})
    (void)presets.for_jurisdiction(j);
  for (int round = 0; round < 10; ++round) {
    const random_ledger rl = make_random_ledger(rng);
    const ledger l = parse_ledger(rl.files).value();
    run_state state;
    date day = rl.first_day + days(pick(10, 30));
    for (int run = 0; run < 10; ++run, day = day + days(pick(1, 25))) {
      SCOPED_TRACE(::testing::Message() << "seed " << seed << " round " << round << " run on " << to_string(day));
      const run_report first = make_report(l, day, state.notices, presets);
      ASSERT_TRUE(first.problems.empty()) << first.problems.front() << "\n" << rl.files.at("invoices.csv")
                                          << rl.files.at("payments.csv") << rl.files.at("events.csv") << to_json(state);
      const std::vector<recorded_notice> asked = fired(first);
      run_state next = state;
      next.notices.insert(next.notices.end(), asked.begin(), asked.end());
      next.last_run = day;
      const result<run_state> back = parse_state_json(to_json(next), "state.json");
      ASSERT_TRUE(back) << back.error().message;
      ASSERT_EQ(*back, next);
      // 1. The rerun: the same report, everything asked for marked recorded, nothing new.
      const run_report rerun = make_report(l, day, back->notices, presets);
      ASSERT_EQ(rerun.size(), first.size());
      for (std::size_t i = 0; i < first.size(); ++i) {
        ASSERT_TRUE(same_line(first, rerun, i));
        const line_result& r = rerun.result(i);
        // Each fired step recorded once: every command of a step recorded today is marked.
        for (std::size_t k = 0; k < r.commands.size(); ++k) EXPECT_TRUE(r.recorded[k]) << "line " << i << " command " << k;
      }
      EXPECT_TRUE(fired(rerun).empty());
      state = *back;
    }
    notices_total += state.notices.size();
    // 2. A later day: the recorded state and the audit trail in the ledger give the same run.
    SCOPED_TRACE(::testing::Message() << "seed " << seed << " round " << round << " replay on " << to_string(day));
    const run_report from_state = make_report(l, day, state.notices, presets);
    const run_report from_events = make_report(with_audit_trail(rl.files, l, state.notices), day, {}, presets);
    ASSERT_TRUE(from_state.problems.empty()) << from_state.problems.front();
    ASSERT_TRUE(from_events.problems.empty()) << from_events.problems.front();
    ASSERT_EQ(from_state.size(), from_events.size());
    for (std::size_t i = 0; i < from_state.size(); ++i) ASSERT_TRUE(same_line(from_state, from_events, i));
  }
  EXPECT_GT(notices_total, 20U);  // the histories did dun: the property was exercised
}

}  // namespace
}  // namespace kreditor
