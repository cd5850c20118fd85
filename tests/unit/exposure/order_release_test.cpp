#include "kreditor/exposure/order_release.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <vector>

#include "support/errors.hpp"
#include "support/shorthand.hpp"

namespace kreditor {
namespace {

using iso4217::nok;
using iso4217::sek;
using test_support::thrown_code;

using test_support::nok_;

const date release_as_of = make_date(2024, 3, 31);

// The base case: a 100 000 NOK limit valid to the year end, 60 000 NOK net exposure, nothing
// overdue, no flags. A 10 000 NOK order fits with 30 000 to spare.
struct scenario {
  credit_account account{.customer_id = "C-9",
                         .limits = {{.amount = money(100'000'00, nok),
                                     .expires = make_date(2024, 12, 31)}}};
  exposure e{.receivables_not_due = money(60'000'00, nok),
             .receivables_overdue = money(0, nok),
             .total = money(60'000'00, nok)};
  money order = money(10'000'00, nok);
  release_policy policy{.overdue_grace_days = 14};
  std::optional<money> group_exposure{};
};

void set_overdue(scenario& s, std::int64_t amount, std::int32_t days) {
  s.e.receivables_overdue = nok_(amount);
  s.e.total = s.e.receivables_not_due + s.e.receivables_overdue;
  s.e.max_days_past_due = days;
}
void net_exposure(scenario& s, std::int64_t total) {
  s.e.receivables_not_due = nok_(total);
  s.e.total = nok_(total);
}

struct ReleaseCase {
  const char* name;
  std::function<void(scenario&)> setup;
  release_decision decision;
  std::vector<release_finding> reasons;
  std::vector<release_condition> conditions;
  std::int64_t headroom;
  friend std::ostream& operator<<(std::ostream& os, const ReleaseCase& c) { return os << c.name; }
};

class OrderRelease : public ::testing::TestWithParam<ReleaseCase> {};

TEST_P(OrderRelease, DecidesWithMachineReadableReasons) {
  const auto& c = GetParam();
  scenario s;
  c.setup(s);
  const release_outcome r =
      decide_order_release(s.account, s.e, s.order, s.policy, release_as_of, std::nullopt, s.group_exposure);
  EXPECT_EQ(r.decision, c.decision) << to_string(r.decision);
  EXPECT_EQ(r.assessed, c.decision);
  EXPECT_EQ(r.reasons, c.reasons);
  EXPECT_EQ(r.conditions, c.conditions);
  EXPECT_EQ(r.headroom, nok_(c.headroom));
  EXPECT_FALSE(r.bypass.has_value());
}

using enum release_decision;
using enum release_reason;
using enum condition_kind;
const money zero = money(0, nok);

// clang-format off
INSTANTIATE_TEST_SUITE_P(Table, OrderRelease, ::testing::Values(
    //          name                      setup                                                      decision                 reasons                                          conditions                            headroom
    ReleaseCase{"within the limit",       [](scenario&) {},                                          approve,                 {},                                              {},                                   30'000'00},
    ReleaseCase{"exactly at the limit",   [](scenario& s) { net_exposure(s, 90'000'00); },           approve,                 {},                                              {},                                          0},
    ReleaseCase{"over by part of order",  [](scenario& s) { net_exposure(s, 95'000'00); },           approve_with_conditions, {{over_limit, nok_(5'000'00), 0}},               {{prepay, nok_(5'000'00)}},           -5'000'00},
    ReleaseCase{"over by the whole order",[](scenario& s) { net_exposure(s, 100'000'00); },          require_prepayment,      {{over_limit, nok_(10'000'00), 0}},              {{prepay, nok_(10'000'00)}},         -10'000'00},
    ReleaseCase{"already over the limit", [](scenario& s) { net_exposure(s, 120'000'00); },          require_prepayment,      {{over_limit, nok_(30'000'00), 0}},              {{prepay, nok_(10'000'00)}},         -30'000'00},
    ReleaseCase{"overdue beyond grace",   [](scenario& s) { set_overdue(s, 8'000'00, 15); },             approve_with_conditions, {{release_reason::overdue, nok_(8'000'00), 15}}, {{pay_down_overdue, nok_(8'000'00)}},  22'000'00},
    ReleaseCase{"overdue within grace",   [](scenario& s) { set_overdue(s, 8'000'00, 14); },             approve,                 {},                                              {},                                   22'000'00},
    ReleaseCase{"on hold",                [](scenario& s) { s.account.flags.on_hold = true; },       hold,                    {{on_hold, zero, 0}},                            {},                                   30'000'00},
    ReleaseCase{"cash terms",             [](scenario& s) { s.account.flags.cash_only = true; },     require_prepayment,      {{cash_terms, zero, 0}},                         {{prepay, nok_(10'000'00)}},          30'000'00},
    ReleaseCase{"in collection",          [](scenario& s) { s.account.flags.in_collection = true; }, require_prepayment,      {{in_collection, zero, 0}},                      {{prepay, nok_(10'000'00)}},          30'000'00},
    ReleaseCase{"limit expired",          [](scenario& s) { s.account.limits[0].expires = make_date(2024, 3, 1); },
                                                                                                     hold,                    {{limit_expired, nok_(100'000'00), 30}},         {},                                  -70'000'00},
    ReleaseCase{"no limit",               [](scenario& s) { s.account.limits.clear(); },             require_prepayment,      {{no_limit, zero, 0}},                           {{prepay, nok_(10'000'00)}},         -70'000'00},
    ReleaseCase{"limit in another currency", [](scenario& s) { s.account.limits[0].amount = money(1'000'000'00, sek); },
                                                                                                     require_prepayment,      {{no_limit, zero, 0}},                           {{prepay, nok_(10'000'00)}},         -70'000'00},
    ReleaseCase{"group over its limit",   [](scenario& s) { s.account.group = group_limit{"G", nok_(150'000'00)}; s.group_exposure = nok_(145'000'00); },
                                                                                                     approve_with_conditions, {{group_over_limit, nok_(5'000'00), 0}},         {{prepay, nok_(5'000'00)}},           30'000'00},
    ReleaseCase{"group within its limit", [](scenario& s) { s.account.group = group_limit{"G", nok_(150'000'00)}; s.group_exposure = nok_(140'000'00); },
                                                                                                     approve,                 {},                                              {},                                   30'000'00},
    ReleaseCase{"group limit expired",    [](scenario& s) { s.account.group = group_limit{"G", nok_(150'000'00), make_date(2024, 3, 21)}; s.group_exposure = nok_(0); },
                                                                                                     hold,                    {{group_limit_expired, nok_(150'000'00), 10}},   {},                                   30'000'00},
    ReleaseCase{"the larger prepayment wins", [](scenario& s) { net_exposure(s, 93'000'00); s.account.group = group_limit{"G", nok_(150'000'00)}; s.group_exposure = nok_(145'000'00); },
                                                                                                     approve_with_conditions, {{over_limit, nok_(3'000'00), 0}, {group_over_limit, nok_(5'000'00), 0}},
                                                                                                                                                                                       {{prepay, nok_(5'000'00)}},           -3'000'00},
    ReleaseCase{"over limit and overdue", [](scenario& s) { net_exposure(s, 92'000'00); set_overdue(s, 4'000'00, 40); },
                                                                                                     approve_with_conditions, {{over_limit, nok_(6'000'00), 0}, {release_reason::overdue, nok_(4'000'00), 40}},
                                                                                                                                                                                       {{prepay, nok_(6'000'00)}, {pay_down_overdue, nok_(4'000'00)}}, -6'000'00},
    ReleaseCase{"hold beats everything",  [](scenario& s) { s.account.flags = {true, true, true}; net_exposure(s, 95'000'00); },
                                                                                                     hold,                    {{on_hold, zero, 0}, {in_collection, zero, 0}, {cash_terms, zero, 0}, {over_limit, nok_(5'000'00), 0}},
                                                                                                                                                                                       {},                                   -5'000'00}),
    [](const ::testing::TestParamInfo<ReleaseCase>& row) {
      std::string name;
      bool upper = true;
      for (const char* p = row.param.name; *p != '\0'; ++p) {
        if (*p == ' ' || *p == '-') { upper = true; continue; }
        name += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(*p))) : *p;
        upper = false;
      }
      return name;
    });
// clang-format on

TEST(OrderReleaseNames, AreTheMachineReadableStrings) {
  EXPECT_EQ(to_string(approve_with_conditions), "approve_with_conditions");
  EXPECT_EQ(to_string(require_prepayment), "require_prepayment");
  EXPECT_EQ(to_string(over_limit), "over_limit");
  EXPECT_EQ(to_string(cash_terms), "cash_terms");
  EXPECT_EQ(to_string(limit_expired), "limit_expired");
  EXPECT_EQ(to_string(pay_down_overdue), "pay_down_overdue");
}

TEST(OrderReleaseBypass, SoftModeReleasesTheOrderAndRecordsWhoAndWhy) {
  scenario s;
  s.account.flags.on_hold = true;
  s.policy.mode = enforcement::soft;
  const release_outcome r = decide_order_release(s.account, s.e, s.order, s.policy, release_as_of,
                                                 bypass_request{"kari", "CFO approved by phone"});
  EXPECT_EQ(r.decision, approve);
  EXPECT_EQ(r.assessed, hold);
  EXPECT_TRUE(r.has(on_hold));  // the reasons stay for the audit trail
  ASSERT_TRUE(r.bypass.has_value());
  EXPECT_EQ(*r.bypass, (bypass_record{"kari", "CFO approved by phone", release_as_of, hold}));
  EXPECT_FALSE(r.bypass_refused);
}

TEST(OrderReleaseBypass, HardModeRefusesTheBypass) {
  scenario s;
  s.account.flags.on_hold = true;
  const release_outcome r = decide_order_release(s.account, s.e, s.order, s.policy, release_as_of,
                                                 bypass_request{"kari", "urgent"});
  EXPECT_EQ(r.decision, hold);
  EXPECT_FALSE(r.bypass.has_value());
  EXPECT_TRUE(r.bypass_refused);
}

TEST(OrderReleaseErrors, AreErrorsNotDecisions) {
  scenario s;
  EXPECT_EQ(thrown_code([&] { (void)decide_order_release(s.account, s.e, nok_(0), s.policy, release_as_of); }),
            errc::invalid_argument);
  EXPECT_EQ(thrown_code([&] {
              (void)decide_order_release(s.account, s.e, money(1, sek), s.policy, release_as_of);
            }),
            errc::currency_mismatch);
  EXPECT_EQ(thrown_code([&] {
              (void)decide_order_release(s.account, s.e, s.order, s.policy, release_as_of,
                                         bypass_request{"kari", ""});
            }),
            errc::invalid_argument);
  s.account.group = group_limit{"G", nok_(1)};
  EXPECT_EQ(thrown_code([&] { (void)decide_order_release(s.account, s.e, s.order, s.policy, release_as_of); }),
            errc::invalid_argument);
}

// limit_excess is the one measure behind both a report's "over the limit" (no order) and the
// over_limit finding (with the order): the finding's amount is always limit_excess with it.
TEST(LimitExcess, IsTheOverLimitFindingsMeasure) {
  scenario s;  // 60 000 of 100 000
  EXPECT_EQ(limit_excess(s.account, s.e, release_as_of), nok_(0));
  EXPECT_EQ(limit_excess(s.account, s.e, release_as_of, nok_(40'000'00)), nok_(0));  // exactly at the limit
  EXPECT_EQ(limit_excess(s.account, s.e, release_as_of, nok_(40'000'01)), nok_(1));
  net_exposure(s, 100'000'00);
  EXPECT_EQ(limit_excess(s.account, s.e, release_as_of), nok_(0));  // at the limit is not over it
  net_exposure(s, 100'250'00);
  EXPECT_EQ(limit_excess(s.account, s.e, release_as_of), nok_(250'00));
  for (const std::int64_t order : {1, 100'00, 250'00, 99'999'00}) {
    SCOPED_TRACE(order);
    const release_outcome r = decide_order_release(s.account, s.e, nok_(order), s.policy, release_as_of);
    ASSERT_TRUE(r.has(release_reason::over_limit));
    EXPECT_EQ(r.reasons.front().amount, limit_excess(s.account, s.e, release_as_of, nok_(order)));
  }
  // No limit in force (expired, or none in the currency): no excess; those are findings of
  // their own (limit_expired, no_limit).
  EXPECT_EQ(limit_excess(s.account, s.e, make_date(2025, 1, 1)), nok_(0));
  s.account.limits.clear();
  EXPECT_EQ(limit_excess(s.account, s.e, release_as_of), nok_(0));
}

}  // namespace
}  // namespace kreditor
