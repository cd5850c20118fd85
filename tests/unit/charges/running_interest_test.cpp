// running_interest (charges/interest.hpp) equals late_interest on every prefix of random
// balance paths, for every jurisdiction's table and convention: the book charges interest with
// it, the engine reports it with late_interest, and the two must never differ by a minor unit.
#include <gtest/gtest.h>

#include <random>

#include "kreditor/charges/interest.hpp"

namespace kreditor {
namespace {

TEST(RunningInterest, EqualsLateInterestOnRandomPaths) {
  std::mt19937 rng(7);
  const auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  int compared = 0;
  for (const jurisdiction j : {jurisdiction::no, jurisdiction::se, jurisdiction::dk, jurisdiction::fi, jurisdiction::eu}) {
    for (const segment s : {segment::b2b, segment::b2c}) {
      const result<rate_table> table = statutory_late_interest(j, s);
      if (!table) continue;  // no statutory table for this pair (e.g. FI's are by claim type)
      const interest_convention conv = convention_of(*table);
      for (int trial = 0; trial < 60; ++trial) {
        const money principal(pick(1, 900'000'000), iso4217::eur);
        const date due = make_date(2018, 1, 1) + days(pick(0, 2500));
        running_interest running(principal, *table, due, conv);
        std::vector<balance_change> changes;
        money balance = principal;
        date day = due - days(pick(0, 20));
        for (int step = 0; step < 8; ++step) {
          day = day + days(pick(0, 90));
          // Through `day`: the interest owed with a payment that day, as late_interest sees it
          // (changes dated before `day` only).
          std::vector<balance_change> before;
          for (const balance_change& c : changes)
            if (c.on < day) before.push_back(c);
          EXPECT_EQ(running.through(day), late_interest(principal, *table, due, day, conv, before).interest)
              << to_string(j) << " trial " << trial << " step " << step;
          ++compared;
          if (balance.is_zero()) break;
          const money delta(-std::min<std::int64_t>(balance.minor_units(), pick(1, 400'000'000)), iso4217::eur);
          running.change(day, delta);
          changes.push_back({.on = day, .delta = delta});
          balance += delta;
        }
      }
    }
  }
  EXPECT_GT(compared, 2000);
}

TEST(RunningInterest, RefusesToGoBackInTime) {
  const rate_table t = rate_table::constant(rate::parse("10%").value());
  running_interest r(money(100'000, iso4217::nok), t, make_date(2026, 1, 1), interest_convention{});
  (void)r.through(make_date(2026, 3, 1));
  EXPECT_THROW((void)r.through(make_date(2026, 2, 1)), error);
  EXPECT_THROW(r.change(make_date(2026, 2, 1), money(-1, iso4217::nok)), error);
  EXPECT_THROW(r.change(make_date(2026, 3, 2), money(-200'000, iso4217::nok)), error);  // below zero
}

}  // namespace
}  // namespace kreditor
