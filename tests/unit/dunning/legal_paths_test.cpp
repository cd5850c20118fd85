// Issue 13: check_legal's timing analysis follows every path an invoice can take. A step that
// may be skipped for an invoice (an amount threshold, a guard with skip, a pre-due or a
// late-window step) leaves the steps after it timed from the notice BEFORE it, so the spacing
// of fee-bearing notices and the days after the due date must hold on that path too.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kreditor/dunning/compiled_policy.hpp"
#include "kreditor/dunning/legal_check.hpp"
#include "kreditor/dunning/policy.hpp"
#include "support/errors.hpp"
#include "support/shorthand.hpp"

namespace kreditor::dunning {
namespace {

using test_support::thrown_code;
using ck = command_kind;
using test_support::dkk;
using test_support::nok;

const legal_finding* find_rule(const std::vector<legal_finding>& fs, const std::string& fragment) {
  for (const auto& f : fs)
    if (f.rule.find(fragment) != std::string::npos) return &f;
  return nullptr;
}

std::string all(const std::vector<legal_finding>& fs) {
  std::string out;
  for (const auto& f : fs) out += to_string(f) + "\n";
  return out;
}

// DK renteloven § 9 b: fee-bearing rykkere at least 10 days apart. With the free middle
// reminder sent the two fees are 14 days apart; for a small claim it is skipped and they are 7.
policy danish(std::optional<if_not_met> unmet) {
  policy p{.name = "dk", .jurisdiction = jurisdiction::dk};
  p.steps = {
      {.name = "rykker 1", .trigger = {.after_due_days = 1}, .commands = {ck::send_reminder}, .deadline_days = 10,
       .fee = fee_spec::fixed({dkk(10'000)})},
      {.name = "rykker uden gebyr", .trigger = {.after_previous_notice_days = 7}, .commands = {ck::send_reminder},
       .deadline_days = 10, .minimum_open = {dkk(1'000'000)}, .if_not_met = unmet},
      {.name = "rykker 2", .trigger = {.after_previous_notice_days = 7}, .commands = {ck::send_reminder},
       .deadline_days = 10, .fee = fee_spec::fixed({dkk(10'000)})},
  };
  return p;
}

TEST(LegalPaths, FeeSpacingIsCheckedOnThePathThatSkipsTheMiddleStep) {
  const auto fs = check_legal(danish(std::nullopt));  // minimum_open: skip by default
  const legal_finding* f = find_rule(fs, "DK.rykkergebyr: fee-bearing notices of group DK.rykker at least 10 days apart");
  ASSERT_NE(f, nullptr) << all(fs);
  EXPECT_EQ(f->where, "steps[2] 'rykker 2' (b2b)");
  EXPECT_EQ(f->problem, "fires 7 days after the previous fee-bearing notice at the earliest when 'rykker uden gebyr' is skipped");
  EXPECT_EQ(thrown_code([] { (void)compile(danish(std::nullopt)); }), errc::legal_violation);
}

TEST(LegalPaths, AStepThatWaitsIsNeverSkippedSoThePolicyPasses) {
  EXPECT_TRUE(check_legal(danish(if_not_met::wait)).empty()) << all(check_legal(danish(if_not_met::wait)));
}

TEST(LegalPaths, TheSkippedPathIsLawfulOnceTheLastStepKeepsItsOwnSpacing) {
  policy p = danish(std::nullopt);
  p.steps[2].trigger = {.after_previous_notice_days = 10};
  EXPECT_TRUE(check_legal(p).empty()) << all(check_legal(p));
}

// NO inkassoloven § 9 / inkassoforskriften § 1-2: a purring fee only 14 days after the due date.
// Timed from a free reminder's deadline it is 18 days after due at the earliest; with that
// reminder skipped (an amount threshold) the previous deadline is the due date itself.
TEST(LegalPaths, DaysAfterDueAreCheckedOnThePathThatSkipsTheFirstNotice) {
  policy p{.name = "no", .jurisdiction = jurisdiction::no};
  p.steps = {
      {.name = "betalingspaminnelse", .trigger = {.after_due_days = 3}, .commands = {ck::send_reminder},
       .deadline_days = 14, .minimum_open = {nok(100'000)}},
      {.name = "purring", .trigger = {.after_previous_deadline_days = 1}, .commands = {ck::send_reminder},
       .deadline_days = 14, .fee = fee_spec::statutory_cap()},
  };
  const auto fs = check_legal(p, make_date(2025, 6, 1));
  const legal_finding* f = find_rule(fs, "no earlier than 14 days after the due date");
  ASSERT_NE(f, nullptr) << all(fs);
  EXPECT_EQ(f->where, "steps[1] 'purring' (b2b)");
  EXPECT_EQ(f->problem, "fires 1 day after the due date at the earliest when 'betalingspaminnelse' is skipped");
  p.steps[0].if_not_met = if_not_met::wait;
  EXPECT_TRUE(check_legal(p, make_date(2025, 6, 1)).empty()) << all(check_legal(p, make_date(2025, 6, 1)));
}

TEST(LegalPaths, ABreachOnEveryPathIsReportedOnceWithoutAPathNote) {
  policy p = danish(std::nullopt);
  // 6 days apart with the middle reminder sent, 3 without it: one finding, from the full path.
  p.steps[1].trigger = {.after_previous_notice_days = 3};
  p.steps[2].trigger = {.after_previous_notice_days = 3};
  const auto fs = check_legal(p);
  int n = 0;
  for (const auto& f : fs)
    if (f.where == "steps[2] 'rykker 2' (b2b)" && f.rule.find("10 days apart") != std::string::npos) {
      ++n;
      EXPECT_EQ(f.problem, "fires 6 days after the previous fee-bearing notice at the earliest");
    }
  EXPECT_EQ(n, 1) << all(fs);
}

}  // namespace
}  // namespace kreditor::dunning
