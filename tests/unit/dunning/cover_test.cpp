// Issue 13: set-off and security as policy steps. A step with propose_set_off / realise_security
// names the counterclaim or security and the amount, min(open claim, what is left of it); it is
// skipped when there is nothing to take (none held, expired, in another currency, not yet
// payable, or claimed by an earlier invoice of the run); it comes only after a collection
// warning's deadline. The engine returns commands and never moves money.
#include "kreditor/dunning/cover.hpp"

#include <gtest/gtest.h>

#include <span>
#include <string>
#include <vector>

#include "kreditor/dunning/compiled_policy.hpp"
#include "kreditor/dunning/engine.hpp"
#include "kreditor/dunning/presets.hpp"
#include "kreditor/io/policy_json.hpp"
#include "support/errors.hpp"
#include "support/shorthand.hpp"

namespace kreditor::dunning {
namespace {

using test_support::thrown_code;
using ck = command_kind;
using test_support::d;
using test_support::nok;

TEST(CoverFor, TakesCounterclaimsPayableByTheDayEarliestFirstUpToTheClaim) {
  customer_cover c{.customer_id = "C1"};
  c.counterclaims = {{.counterclaim_id = "late", .amount = nok(5'000), .arose = d(2025, 3, 1)},
                     {.counterclaim_id = "later payable", .amount = nok(7'000), .arose = d(2025, 1, 1),
                      .payable_from = d(2025, 2, 20)},
                     {.counterclaim_id = "early", .amount = nok(3'000), .arose = d(2025, 1, 10)},
                     {.counterclaim_id = "sek", .amount = money(9'000, iso4217::sek), .arose = d(2025, 1, 1)}};
  cover_ledger l = cover_ledger::of(c);
  // On 2025-02-15: 'late' has not arisen, 'later payable' may not be paid yet, 'sek' is another currency.
  auto uses = cover_for(l, ck::propose_set_off, nok(10'000), d(2025, 2, 15), true);
  ASSERT_EQ(uses.size(), 1U);
  EXPECT_EQ(uses[0].index, 2U);
  EXPECT_EQ(uses[0].amount, nok(3'000));
  // On 2025-03-01 the rest: 'early' is used up, then 'later payable' (2025-02-20) before 'late'.
  uses = cover_for(l, ck::propose_set_off, nok(10'000), d(2025, 3, 1), true);
  ASSERT_EQ(uses.size(), 2U);
  EXPECT_EQ(uses[0].index, 1U);
  EXPECT_EQ(uses[0].amount, nok(7'000));
  EXPECT_EQ(uses[1].index, 0U);
  EXPECT_EQ(uses[1].amount, nok(3'000));  // the claim, not the counterclaim's 5 000
  EXPECT_EQ(l.counterclaim_claimed, (std::vector<std::int64_t>{3'000, 7'000, 3'000, 0}));
}

TEST(CoverFor, TakesSecurityUnexpiredSoonestExpiryFirstWithoutClaimingWhenAsked) {
  customer_cover c{.customer_id = "C1"};
  c.securities = {{.security_id = "open", .amount = nok(100'000)},
                  {.security_id = "expired", .amount = nok(100'000), .expires = d(2025, 2, 28)},
                  {.security_id = "soon", .amount = nok(4'000), .expires = d(2025, 3, 31)}};
  cover_ledger l = cover_ledger::of(c);
  const auto uses = cover_for(l, ck::realise_security, nok(10'000), d(2025, 3, 1), false);
  ASSERT_EQ(uses.size(), 2U);
  EXPECT_EQ(c.securities[uses[0].index].security_id, "soon");
  EXPECT_EQ(uses[0].amount, nok(4'000));
  EXPECT_EQ(c.securities[uses[1].index].security_id, "open");
  EXPECT_EQ(uses[1].amount, nok(6'000));
  EXPECT_EQ(l.security_claimed, (std::vector<std::int64_t>{0, 0, 0}));  // take = false
  // The last day of a security still counts; the day after it does not.
  EXPECT_EQ(cover_for(l, ck::realise_security, nok(1), d(2025, 2, 28), false).size(), 1U);
  EXPECT_TRUE(cover_for(l, ck::send_reminder, nok(1), d(2025, 3, 1), false).empty());
}

// ---- the engine, through the NO-B2B preset ---------------------------------------------------

class CoverSteps : public ::testing::Test {
 protected:
  compiled_policy cp = compile(preset("NO-B2B"));
  std::int32_t step(const char* name) const { return *cp.step_index(name); }

  invoice_view view(std::string id, money amount) const {
    invoice_view v{.invoice_id = std::move(id), .customer_id = "C1", .currency = iso4217::nok,
                   .segment = segment::b2b, .jurisdiction = jurisdiction::no, .issue_date = d(2025, 1, 2),
                   .due_date = d(2025, 1, 16), .amount = amount};
    // The B2B purring (compensation) and the inkassovarsel were sent; its deadline was 02-28.
    v.notices.push_back({.step = step("purring (B2B)"), .sent = d(2025, 1, 30), .deadline = d(2025, 2, 13),
                         .fee = nok(0)});
    v.notices.push_back({.step = step("inkassovarsel"), .sent = d(2025, 2, 14), .deadline = d(2025, 2, 28),
                         .fee = nok(0)});
    return v;
  }
  run_result run(const std::vector<invoice_view>& views, const std::vector<customer_cover>& cover, date on) const {
    return evaluate(cp, std::span(views), on, {.cover = std::span(cover)});
  }
};

TEST_F(CoverSteps, TheB2bPresetsUseThemBeforeTheHandOver) {
  for (const std::string_view name : b2b_preset_names()) {
    const compiled_policy p = compile(preset(name));
    const auto off = p.step_index("set-off (B2B)"), sec = p.step_index("security (B2B)");
    ASSERT_TRUE(off && sec) << name;
    EXPECT_EQ(*sec, *off + 1) << name;
    EXPECT_EQ(static_cast<std::size_t>(*sec) + 2, p.steps.size()) << name;  // then the hand-over
    EXPECT_EQ(p.source.steps[static_cast<std::size_t>(*off)].segment, segment::b2b) << name;
  }
}

TEST_F(CoverSteps, SetOffFirstNamingTheCounterclaimAndTheSmallerAmount) {
  std::vector<customer_cover> cover{{.customer_id = "C1"}};
  cover[0].counterclaims = {{.counterclaim_id = "CN-7", .amount = nok(200'000), .arose = d(2025, 2, 1)}};
  cover[0].securities = {{.security_id = "G-1", .amount = nok(5'000'000)}};
  const run_result r = run({view("I1", nok(1'000'000))}, cover, d(2025, 3, 3));
  ASSERT_FALSE(r.invoices[0].problem) << r.invoices[0].problem->message;
  ASSERT_EQ(r.invoices[0].commands.size(), 1U);
  const command& c = r.invoices[0].commands[0];
  EXPECT_EQ(c.kind, ck::propose_set_off);
  EXPECT_EQ(c.step, step("set-off (B2B)"));
  EXPECT_EQ(c.cover_id, "CN-7");
  EXPECT_EQ(c.cover_amount, nok(200'000));  // the counterclaim: less than the claim
  EXPECT_GT(c.total, nok(1'000'000));        // principal + interest
}

TEST_F(CoverSteps, ThenSecurityForTheClaimUpToWhatIsLeft) {
  std::vector<customer_cover> cover{{.customer_id = "C1"}};
  cover[0].securities = {{.security_id = "G-1", .amount = nok(5'000'000)}};
  // No counterclaim: the set-off step is skipped and the security step fires the same day.
  const run_result r = run({view("I1", nok(1'000'000))}, cover, d(2025, 3, 3));
  ASSERT_EQ(r.invoices[0].commands.size(), 1U);
  const command& c = r.invoices[0].commands[0];
  EXPECT_EQ(c.kind, ck::realise_security);
  EXPECT_EQ(c.cover_id, "G-1");
  EXPECT_EQ(c.cover_amount, c.total);  // the claim: less than the guarantee
  EXPECT_EQ(r.invoices[0].level, step("security (B2B)") + 1);
}

TEST_F(CoverSteps, TwoInvoicesOfOneCustomerNeverClaimMoreThanTheSecurity) {
  std::vector<customer_cover> cover{{.customer_id = "C1"}};
  cover[0].securities = {{.security_id = "G-1", .amount = nok(1'500'000)}};
  const run_result r = run({view("I1", nok(1'000'000)), view("I2", nok(1'000'000))}, cover, d(2025, 3, 3));
  ASSERT_EQ(r.invoices[0].commands.size(), 1U);
  ASSERT_EQ(r.invoices[1].commands.size(), 1U);
  const money first = r.invoices[0].commands[0].cover_amount;
  EXPECT_EQ(first, r.invoices[0].commands[0].total);
  EXPECT_EQ(r.invoices[1].commands[0].cover_amount, nok(1'500'000) - first);
}

TEST_F(CoverSteps, WithoutCoverOrWithExpiredSecurityTheClaimGoesToCollection) {
  std::vector<customer_cover> expired{{.customer_id = "C1"}};
  expired[0].securities = {{.security_id = "G-1", .amount = nok(5'000'000), .expires = d(2025, 3, 2)}};
  expired[0].counterclaims = {{.counterclaim_id = "CN-8", .amount = nok(1'000), .arose = d(2025, 3, 4)}};
  for (const auto& cover : {std::vector<customer_cover>{}, expired}) {
    const run_result r = run({view("I1", nok(1'000'000))}, cover, d(2025, 3, 3));
    ASSERT_EQ(r.invoices[0].commands.size(), 1U) << cover.size();
    EXPECT_EQ(r.invoices[0].commands[0].kind, ck::hand_over_to_collection) << cover.size();
    EXPECT_TRUE(r.invoices[0].commands[0].cover_id.empty());
  }
}

TEST_F(CoverSteps, NotBeforeTheWarningsDeadline) {
  std::vector<customer_cover> cover{{.customer_id = "C1"}};
  cover[0].securities = {{.security_id = "G-1", .amount = nok(5'000'000)}};
  const run_result r = run({view("I1", nok(1'000'000))}, cover, d(2025, 2, 28));
  EXPECT_TRUE(r.invoices[0].commands.empty());
  EXPECT_EQ(r.invoices[0].next_action, d(2025, 3, 1));
}

// ---- the policy ---------------------------------------------------------------------------------

policy with_cover_step(std::vector<policy_step> steps) {
  policy p{.name = "cover", .jurisdiction = jurisdiction::se};
  p.steps = std::move(steps);
  return p;
}

TEST(CoverPolicy, OnlyAfterACollectionWarningsDeadline) {
  const policy_step reminder{.name = "påminnelse", .trigger = {.after_due_days = 8}, .commands = {ck::send_reminder},
                             .deadline_days = 10};
  const policy_step warning{.name = "inkassokrav", .trigger = {.after_previous_deadline_days = 1},
                            .commands = {ck::collection_warning}, .deadline_days = 10};
  const policy_step security{.name = "security", .trigger = {.after_previous_deadline_days = 1},
                             .commands = {ck::realise_security}};
  EXPECT_NO_THROW((void)compile(with_cover_step({reminder, warning, security})));
  try {
    (void)compile(with_cover_step({reminder, security}));
    ADD_FAILURE() << "compiled";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::conflict);
    EXPECT_NE(std::string(e.what()).find("steps[1].commands: propose_set_off and realise_security only after a "
                                         "collection warning (the previous notice is steps[0]"),
              std::string::npos)
        << e.what();
  }
  policy_step early = security;
  early.trigger = {.after_previous_notice_days = 3};
  EXPECT_EQ(thrown_code([&] { (void)compile(with_cover_step({reminder, warning, early})); }), errc::conflict);
  policy reaction = with_cover_step({reminder, warning, security});
  reaction.on_broken_promise = {ck::propose_set_off};
  EXPECT_EQ(thrown_code([&] { (void)compile(reaction); }), errc::invalid_argument);
}

TEST(CoverPolicy, JsonSpellsTheNewCommandsAndRoundTrips) {
  EXPECT_EQ(to_string(ck::propose_set_off), "propose_set_off");
  EXPECT_EQ(to_string(ck::realise_security), "realise_security");
  EXPECT_EQ(parse_command_kind("realise_security").value(), ck::realise_security);
  EXPECT_EQ(parse_command_kind("propose_set_off").value(), ck::propose_set_off);
  EXPECT_FALSE(parse_command_kind("custom"));
  const policy p = preset("SE-B2B");
  const auto back = parse_policy_json(to_json(p));
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(*back, p);
}

}  // namespace
}  // namespace kreditor::dunning
