// Properties over random event histories (fixed seeds): no legal rule broken, no level
// skipped or repeated, replay reproduces the state, money conserved; the view-based scalar
// API, the stateful kernel and the multi-threaded batch agree; random payment plans conserve
// the balance to the minor unit.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <vector>

#include "kreditor/dunning/batch.hpp"
#include "kreditor/dunning/engine.hpp"
#include "kreditor/dunning/legal_check.hpp"
#include "kreditor/dunning/payment_plan.hpp"
#include "kreditor/dunning/presets.hpp"

namespace kreditor::dunning {
namespace {

struct scenario {
  invoice_facts facts{};
  money amount{};
  std::map<std::int32_t, std::vector<event>> events;  // by day number
  invoice_view view{};                                // overlays (filled as the days pass)
};

constexpr std::array<jurisdiction, 5> all_j{jurisdiction::no, jurisdiction::se, jurisdiction::dk,
                                            jurisdiction::fi, jurisdiction::eu};
constexpr std::array<currency, 5> cur_of{iso4217::nok, iso4217::sek, iso4217::dkk, iso4217::eur, iso4217::eur};

// A random invoice with random overlays. Payments never exceed a third of the amount each.
scenario make_scenario(std::mt19937& rng, jurisdiction j, int start) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const auto ji = static_cast<std::size_t>(std::find(all_j.begin(), all_j.end(), j) - all_j.begin());
  scenario sc;
  const int inv = start + pick(0, 20);
  sc.facts = {inv, inv + pick(0, 30), cur_of[ji], pick(0, 1) ? segment::b2c : segment::b2b, pick(0, 3) != 0};
  sc.amount = money(pick(1, 2'000'000), sc.facts.currency);
  sc.view.invoice_id = "inv";
  sc.view.customer_id = "c";
  sc.view.currency = sc.facts.currency;
  sc.view.segment = sc.facts.segment;
  sc.view.jurisdiction = j;
  sc.view.issue_date = from_day_number(sc.facts.invoice_day);
  sc.view.due_date = from_day_number(sc.facts.due_day);
  sc.view.reminder_fee_agreed = sc.facts.reminder_fee_agreed;
  auto day = [&](int lo, int hi) { return sc.facts.due_day + pick(lo, hi); };
  if (pick(0, 3) == 0) {  // a dispute, maybe resolved
    const int o = day(-5, 40);
    sc.events[o].push_back(dispute_opened{from_day_number(o)});
    if (pick(0, 2)) {
      const int r = o + pick(1, 30);
      sc.events[r].push_back(dispute_resolved{from_day_number(r)});
    }
  }
  if (pick(0, 4) == 0) {  // a hold, maybe released
    const int o = day(0, 60);
    sc.events[o].push_back(hold{from_day_number(o)});
    if (pick(0, 2)) sc.events[o + pick(1, 20)].push_back(release{from_day_number(o)});
  }
  if (pick(0, 3) == 0) {  // a promise
    const int o = day(0, 50);
    sc.events[o].push_back(promise_made{from_day_number(o), from_day_number(o + pick(1, 20))});
  }
  if (pick(0, 5) == 0) {
    const int o = day(0, 80);
    sc.events[o].push_back(escalate{from_day_number(o)});
  }
  if (pick(0, 2) == 0) {  // a partial payment
    const int o = day(-10, 70);
    sc.events[o].push_back(payment_received{from_day_number(o), money(1 + sc.amount.minor_units() / 3, sc.facts.currency)});
  }
  // Fix the release dates (the lambda above used the hold's date for brevity).
  for (auto& [dn, evs] : sc.events)
    for (event& e : evs)
      if (auto* r = std::get_if<release>(&e)) r->on = from_day_number(dn);
  return sc;
}

// Adds the day's overlay events to the view (what a ledger would show as of that day).
void add_to_view(invoice_view& v, const event& e) {
  if (const auto* x = std::get_if<dispute_opened>(&e)) v.overlays.disputes.push_back({x->on, std::nullopt});
  if (const auto* x = std::get_if<dispute_resolved>(&e))
    for (auto& dsp : v.overlays.disputes)
      if (!dsp.resolved) dsp.resolved = x->on;
  if (const auto* x = std::get_if<hold>(&e)) v.overlays.holds.push_back({x->on, std::nullopt});
  if (const auto* x = std::get_if<release>(&e))
    for (auto& h : v.overlays.holds)
      if (!h.until) h.until = x->on;
  if (const auto* x = std::get_if<promise_made>(&e)) v.overlays.promises.push_back({x->on, x->until});
  if (const auto* x = std::get_if<escalate>(&e)) v.overlays.escalations.push_back(x->on);
}

struct key {
  command_kind kind;
  std::int32_t step;
  date on;
  std::optional<date> deadline;
  money fee;
  friend bool operator==(const key&, const key&) = default;
};
key key_of(const command& c) { return {c.kind, c.step, c.on, c.deadline, c.fee}; }

class DunningProperties : public ::testing::TestWithParam<int> {};

TEST_P(DunningProperties, HoldOverRandomHistories) {
  std::mt19937 rng(static_cast<unsigned>(GetParam()));
  const int start = day_number(make_date(2026, 1, 1));
  const std::vector<std::string_view> names = preset_names();
  for (int round = 0; round < 12; ++round) {
    const std::string_view name = names[static_cast<std::size_t>(round) % names.size()];
    const jurisdiction j = name.size() == 2 ? parse_jurisdiction(name).value() : all_j[static_cast<std::size_t>(rng() % 5)];
    const compiled_policy cp = compile(name.size() == 2 ? preset(name) : preset(name, j));
    scenario sc = make_scenario(rng, j, start);
    const context ctx{cp, sc.facts};
    invoice_state s = initial_state(sc.facts, sc.amount);
    std::vector<audit_entry> trail;
    std::vector<command> all;
    std::int64_t paid = 0, charged = 0;
    std::int32_t last_step = -1, prev_notice = no_day, prev_deadline = no_day;
    int fee_notices = 0;
    for (int day = start; day < start + 200; ++day) {
      const date today = from_day_number(day);
      if (auto it = sc.events.find(day); it != sc.events.end())
        for (const event& e : it->second) {
          if (const auto* p = std::get_if<payment_received>(&e)) {
            if (s.current > state::legal || p->amount.minor_units() > s.open_minor + s.fees_minor) continue;
            paid += p->amount.minor_units();
          }
          apply(ctx, s, e, nullptr, &trail);
          add_to_view(sc.view, e);
        }
      std::vector<command> out;
      advance(ctx, s, today, out, &trail);
      // The view-based API sees the same history and asks for the same things.
      // (the machine's payments settle fees first: a paid claim's fees are settled too)
      sc.view.amount = money(s.current == state::paid ? 0 : s.open_minor, sc.facts.currency);
      sc.view.settlements.clear();
      if (s.current == state::paid) {
        money fees = money::zero(sc.facts.currency);
        for (const notice_record& n : sc.view.notices) fees += n.fee;
        if (fees.is_positive()) sc.view.settlements.push_back({.on = today, .part = component::fees, .amount = fees});
      }
      const run_result r = evaluate(cp, std::span(&sc.view, 1), today);
      ASSERT_FALSE(r.invoices[0].problem) << r.invoices[0].problem->message;
      if (s.current != state::paid) {
        ASSERT_EQ(r.invoices[0].commands.size(), out.size()) << name << " day " << kreditor::to_string(today);
        for (std::size_t i = 0; i < out.size(); ++i) EXPECT_EQ(key_of(r.invoices[0].commands[i]), key_of(out[i]));
      }
      for (const command& c : out) {
        all.push_back(c);
        if (c.step < 0) {
          if (sc.view.notices.empty() || sc.view.notices.back().step != c.step || sc.view.notices.back().sent != c.on)
            sc.view.notices.push_back({c.step, c.on, std::nullopt, money(0, sc.facts.currency)});
          continue;
        }
        if (!sc.view.notices.empty() && sc.view.notices.back().step == c.step) continue;  // same step, more commands
        sc.view.notices.push_back({c.step, c.on, c.deadline, c.fee});
        // No level skipped or repeated: the next applicable step, in order.
        // Skipped on purpose: another segment's steps, a pre-due step once overdue, a step
        // below its amount threshold (issue 13).
        auto skipped = [&](std::int32_t k) {
          const compiled_step& ks = cp.steps[static_cast<std::size_t>(k)];
          return (ks.segments & (sc.facts.segment == segment::b2b ? 1 : 2)) == 0 ||
                 (ks.before_due_only && day_number(c.on) > sc.facts.due_day) ||
                 (ks.skip_below_minimum && !cp.source.steps[static_cast<std::size_t>(k)].minimum_open.empty());
        };
        std::int32_t expect = last_step + 1;
        while (expect < c.step && skipped(expect)) ++expect;
        EXPECT_EQ(c.step, expect) << name;
        last_step = c.step;
        // No legal rule broken: floors, caps, counts.
        const compiled_step& cs = cp.steps[static_cast<std::size_t>(c.step)];
        const legal_floor& fl = cs.legal[static_cast<std::size_t>(sc.facts.segment)];
        const std::int32_t on = day_number(c.on);
        if (fl.after_due != no_day) { EXPECT_GE(on, sc.facts.due_day + fl.after_due); }
        const std::int32_t pn = prev_notice != no_day ? prev_notice : sc.facts.invoice_day;
        const std::int32_t pd = prev_deadline != no_day ? prev_deadline : sc.facts.due_day;
        if (fl.after_previous_notice != no_day) { EXPECT_GE(on, pn + fl.after_previous_notice); }
        if (fl.after_previous_deadline != no_day) { EXPECT_GE(on, pd + fl.after_previous_deadline); }
        if (const auto cap = statutory_fee_cap(j, sc.facts.segment, cs.fee, sc.facts.currency, from_day_number(sc.facts.due_day), c.on)) {
          EXPECT_LE(c.fee, *cap);
        }
        if (c.fee.is_positive() && cs.fee != fee_kind::compensation) ++fee_notices;
        const auto max = cp.max_fee_notices[static_cast<std::size_t>(sc.facts.segment)];
        if (max >= 0) { EXPECT_LE(fee_notices, max); }
        charged += c.fee.minor_units();
        if (cs.notice) {
          prev_notice = on;
          prev_deadline = c.deadline ? day_number(*c.deadline) : on;
        }
      }
    }
    // Money is conserved: what was owed plus fees is what was paid plus what is open.
    EXPECT_EQ(sc.amount.minor_units() + charged, paid + s.open_minor + s.fees_minor);
    // Replaying the audit trail reproduces the state exactly.
    EXPECT_EQ(replay(ctx, initial_state(sc.facts, sc.amount), trail), s);
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, DunningProperties, ::testing::Range(1, 5));

// The batch over a random portfolio equals the scalar kernel row by row, for 1 and 3 threads.
TEST(DunningBatch, EqualsScalarOnRandomPortfolios) {
  std::mt19937 rng(42);
  const compiled_policy cp = compile(preset("relationship-first", jurisdiction::no));
  const int start = day_number(make_date(2026, 1, 1));
  const std::size_t n = 300;
  std::vector<scenario> book;
  for (std::size_t i = 0; i < n; ++i) book.push_back(make_scenario(rng, jurisdiction::no, start));
  std::vector<std::int32_t> inv_day, due_day;
  std::vector<std::uint8_t> cur_idx, traits;
  const std::vector<currency> currencies{iso4217::nok};
  for (const scenario& sc : book) {
    inv_day.push_back(sc.facts.invoice_day);
    due_day.push_back(sc.facts.due_day);
    cur_idx.push_back(0);
    traits.push_back(static_cast<std::uint8_t>((sc.facts.segment == segment::b2c ? trait::b2c : 0) |
                                               (sc.facts.reminder_fee_agreed ? trait::reminder_fee_agreed : 0)));
  }
  const portfolio_columns cols{inv_day, due_day, cur_idx, currencies, traits};
  for (unsigned threads : {1u, 3u}) {
    std::vector<invoice_state> batch_states, scalar_states;
    for (const scenario& sc : book) {
      batch_states.push_back(initial_state(sc.facts, sc.amount));
      scalar_states.push_back(initial_state(sc.facts, sc.amount));
    }
    for (int day = start; day < start + 150; ++day) {
      std::vector<batch_command> scalar;
      for (std::size_t i = 0; i < n; ++i) {
        const context ctx{cp, book[i].facts};
        if (auto it = book[i].events.find(day); it != book[i].events.end())
          for (const event& e : it->second) {
            if (std::holds_alternative<payment_received>(e) && scalar_states[i].current > state::legal) continue;
            if (const auto* p = std::get_if<payment_received>(&e);
                p && p->amount.minor_units() > scalar_states[i].open_minor + scalar_states[i].fees_minor)
              continue;
            apply(ctx, scalar_states[i], e);
            apply(ctx, batch_states[i], e);
          }
        std::vector<command> out;
        advance(ctx, scalar_states[i], from_day_number(day), out);
        for (const command& c : out) scalar.push_back({static_cast<std::uint32_t>(i), c});
      }
      const batch_result r = evaluate_batch(cp, cols, batch_states, from_day_number(day), {.threads = threads, .chunk = 37});
      ASSERT_TRUE(r.problems.empty());
      ASSERT_EQ(r.commands.size(), scalar.size()) << "day " << day;
      for (std::size_t k = 0; k < scalar.size(); ++k) {
        EXPECT_EQ(r.commands[k].invoice, scalar[k].invoice);
        EXPECT_EQ(r.commands[k].what, scalar[k].what);
      }
    }
    EXPECT_EQ(batch_states, scalar_states);
  }
}

// Issue 17: batch == scalar over random portfolios AND random thread counts (1..8) and chunk
// sizes: each round draws its seed, jurisdiction, preset, portfolio size, threads and chunk, and
// the batch's commands and states must equal the scalar kernel's row by row, day by day.
TEST(DunningBatch, EqualsScalarForRandomPortfoliosThreadCountsAndChunks) {
  constexpr unsigned seed = 1717;
  std::mt19937 rng(seed);
  const auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const std::vector<std::string_view> names = preset_names();
  for (int round = 0; round < 6; ++round) {
    const std::string_view name = names[static_cast<std::size_t>(pick(0, static_cast<int>(names.size()) - 1))];
    // The national presets are their own jurisdiction's; the generic ones are built for any.
    jurisdiction j = all_j[static_cast<std::size_t>(pick(0, 4))];
    for (const jurisdiction x : all_j)
      if (name == to_string(x)) j = x;
    const auto threads = static_cast<unsigned>(pick(1, 8));
    const auto chunk = static_cast<std::size_t>(pick(1, 64));
    const std::size_t n = static_cast<std::size_t>(pick(1, 160));
    SCOPED_TRACE(::testing::Message() << "seed " << seed << " round " << round << ": " << name << " "
                                      << to_string(j) << ", " << n << " rows, " << threads << " threads, chunk "
                                      << chunk);
    const compiled_policy cp = compile(preset(name, j));
    const int start = day_number(make_date(2024, 1, 1)) + pick(0, 900);
    std::vector<scenario> book;
    for (std::size_t i = 0; i < n; ++i) book.push_back(make_scenario(rng, j, start));
    std::vector<std::int32_t> inv_day, due_day;
    std::vector<std::uint8_t> cur_idx, traits;
    const std::vector<currency> currencies{book.front().facts.currency};
    for (const scenario& sc : book) {
      inv_day.push_back(sc.facts.invoice_day);
      due_day.push_back(sc.facts.due_day);
      cur_idx.push_back(0);
      traits.push_back(static_cast<std::uint8_t>((sc.facts.segment == segment::b2c ? trait::b2c : 0) |
                                                 (sc.facts.reminder_fee_agreed ? trait::reminder_fee_agreed : 0)));
    }
    const portfolio_columns cols{inv_day, due_day, cur_idx, currencies, traits};
    std::vector<invoice_state> batch_states, scalar_states;
    for (const scenario& sc : book) {
      batch_states.push_back(initial_state(sc.facts, sc.amount));
      scalar_states.push_back(initial_state(sc.facts, sc.amount));
    }
    for (int day = start; day < start + 140; ++day) {
      std::vector<batch_command> scalar;
      for (std::size_t i = 0; i < n; ++i) {
        const context ctx{cp, book[i].facts};
        if (auto it = book[i].events.find(day); it != book[i].events.end())
          for (const event& e : it->second) {
            if (std::holds_alternative<payment_received>(e) && scalar_states[i].current > state::legal) continue;
            if (const auto* p = std::get_if<payment_received>(&e);
                p && p->amount.minor_units() > scalar_states[i].open_minor + scalar_states[i].fees_minor)
              continue;
            apply(ctx, scalar_states[i], e);
            apply(ctx, batch_states[i], e);
          }
        std::vector<command> out;
        advance(ctx, scalar_states[i], from_day_number(day), out);
        for (const command& c : out) scalar.push_back({static_cast<std::uint32_t>(i), c});
      }
      const batch_result r = evaluate_batch(cp, cols, batch_states, from_day_number(day), {.threads = threads, .chunk = chunk});
      ASSERT_TRUE(r.problems.empty()) << "day " << day;
      ASSERT_EQ(r.commands.size(), scalar.size()) << "day " << day;
      for (std::size_t k = 0; k < scalar.size(); ++k) {
        ASSERT_EQ(r.commands[k].invoice, scalar[k].invoice) << "day " << day;
        ASSERT_EQ(r.commands[k].what, scalar[k].what) << "day " << day;
      }
    }
    EXPECT_EQ(batch_states, scalar_states);
  }
}

// Issue 17: money conserved in payment plans. Whatever the balance, the number and spacing of
// instalments, the plan fee, rate, day count and rounding: the instalments' principal, fees and
// interest sum exactly to the plan's, which holds the balance (+ the plan fee, + plan interest);
// each instalment is its parts; principal and fees are split evenly (parts differ by at most
// one minor unit); without a plan rate the interest is the accrued interest only.
TEST(PaymentPlanProperty, RandomPlansConserveTheBalanceToTheMinorUnit) {
  std::mt19937_64 rng(20261207);
  const auto pick = [&](std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng);
  };
  const currency nok = iso4217::nok;
  for (int run = 0; run < 3000; ++run) {
    const plan_balance b{.principal = money(pick(0, 1'000'000'000), nok), .fees = money(pick(0, 100'000), nok),
                         .interest = money(pick(0, 100'000), nok)};
    plan_terms t;
    t.installments = static_cast<int>(pick(1, 120));
    t.months_between = static_cast<int>(pick(1, 3));
    t.first_due = make_date(2026, 1, 1) + boost::gregorian::days(static_cast<long>(pick(0, 700)));
    t.agreed = t.first_due - boost::gregorian::days(static_cast<long>(pick(1, 60)));
    t.plan_fee = money(pick(0, 1) == 0 ? 0 : pick(0, 17'000), nok);
    if (pick(0, 2) != 0) t.annual_interest = rate::bps(pick(0, 3000));
    t.basis = pick(0, 1) == 0 ? day_count::act_365_fixed : day_count::act_360;
    t.mode = pick(0, 1) == 0 ? rounding::half_up : rounding::half_even;
    SCOPED_TRACE("run " + std::to_string(run) + ": " + to_string(b.principal) + " in " +
                 std::to_string(t.installments) + " instalments");
    const payment_plan p = make_payment_plan(b, t);
    ASSERT_EQ(p.installments.size(), static_cast<std::size_t>(t.installments));
    money principal = money::zero(nok), fees = money::zero(nok), interest = money::zero(nok), total = money::zero(nok);
    std::int64_t least = INT64_MAX, most = INT64_MIN, least_fee = INT64_MAX, most_fee = INT64_MIN;
    for (std::size_t k = 0; k < p.installments.size(); ++k) {
      const plan_installment& i = p.installments[k];
      EXPECT_EQ(i.amount, i.principal + i.fees + i.interest);
      EXPECT_FALSE(i.principal.is_negative() || i.fees.is_negative() || i.interest.is_negative());
      if (k > 0) {
        EXPECT_LT(p.installments[k - 1].due, i.due);
      }
      principal += i.principal;
      fees += i.fees;
      interest += i.interest;
      total += i.amount;
      least = std::min(least, i.principal.minor_units());
      most = std::max(most, i.principal.minor_units());
      least_fee = std::min(least_fee, i.fees.minor_units());
      most_fee = std::max(most_fee, i.fees.minor_units());
    }
    EXPECT_EQ(principal, b.principal);
    EXPECT_EQ(p.principal, b.principal);
    EXPECT_EQ(fees, p.fees);
    EXPECT_EQ(p.fees, b.fees + t.plan_fee);
    EXPECT_EQ(interest, p.interest);
    EXPECT_EQ(total, p.total);
    EXPECT_EQ(p.total, p.principal + p.fees + p.interest);
    EXPECT_LE(most - least, 1);
    EXPECT_LE(most_fee - least_fee, 1);
    if (!t.annual_interest || t.annual_interest->parts_per_billion() == 0) {
      EXPECT_EQ(p.interest, b.interest);
    } else {
      EXPECT_GE(p.interest, b.interest);
    }
  }
}

}  // namespace
}  // namespace kreditor::dunning
