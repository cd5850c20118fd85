// Random valid payment terms for the property tests of the terms folder (notation round trips,
// due dates against the Boost reference).
#ifndef KREDITOR_TESTS_UNIT_TERMS_RANDOM_TERMS_HPP
#define KREDITOR_TESTS_UNIT_TERMS_RANDOM_TERMS_HPP

#include <algorithm>
#include <cstdint>
#include <random>

#include "kreditor/terms/payment_terms.hpp"

namespace kreditor::test_support {

// A random valid set of terms.
inline payment_terms random_terms(std::mt19937_64& rng) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  payment_terms t{};
  const int kind = pick(0, 9);
  if (kind == 0) t.kind = term_kind::due_on_receipt;
  if (kind == 1) t.kind = term_kind::cash_on_delivery;
  if (kind == 2) t.kind = term_kind::cash_in_advance;
  if (pick(0, 3) == 0) t.clauses.late_interest = rate::bps(pick(0, 3000));
  t.clauses.reminder_fee_agreed = pick(0, 1) == 1;
  if (kind <= 2) return t;
  t.anchor = static_cast<term_anchor>(pick(0, 2));
  if (t.anchor != term_anchor::invoice_date && pick(0, 1) == 1)
    t.cutoff_day = static_cast<std::uint8_t>(pick(1, 30));
  const bool prox = t.anchor == term_anchor::proximo;
  if (kind <= 6) {  // net, maybe discounts, maybe months
    if (!prox && pick(0, 3) == 0) {
      t.unit = term_unit::month;
      t.net = pick(1, 120);
      if (pick(0, 1) == 1) t.month_end_rule = month_end::snap;
      return t;
    }
    t.net = prox ? pick(2, 31) : pick(1, 3660);
    const int tiers = pick(0, 4);
    std::int32_t day = prox ? 0 : -1;
    std::int64_t pct = 2'000;  // in bp: below 20 %
    for (int i = 0; i < tiers; ++i) {
      day += pick(1, 5);
      pct -= pick(1, 400);
      if (day >= t.net || pct <= 0) break;
      t.discounts.push_back({rate::bps(pct), day});
    }
    return t;
  }
  t.kind = term_kind::installments;
  const term_unit unit = (!prox && pick(0, 3) == 0) ? term_unit::month : term_unit::day;
  if (unit == term_unit::month && pick(0, 1) == 1) t.month_end_rule = month_end::snap;
  const int n = pick(2, 12);
  std::int32_t period = unit == term_unit::month || prox ? 0 : -1;
  const std::int32_t max_period = unit == term_unit::month ? 120 : (prox ? 31 : 3660);
  const bool with_balance = pick(0, 1) == 1;
  const bool amounts = with_balance && pick(0, 1) == 1;
  std::int64_t left = rate::one;
  for (int i = 0; i < n && period < max_period; ++i) {
    period = std::min(max_period, period + pick(1, 40));
    installment p{.net = period, .unit = unit};
    const bool last = i == n - 1 || period == max_period;
    if (last && with_balance) {
      p.kind = share_kind::balance;
    } else if (amounts) {
      p.kind = share_kind::amount;
      p.amount = decimal(pick(1, 10'000'000), pick(0, 4));
    } else if (last) {
      p.share = rate::ppb(left);
    } else {
      const std::int64_t part = std::min<std::int64_t>(left - 1, rate::bps(pick(1, 3000)).parts_per_billion());
      if (part <= 0) continue;
      p.share = rate::ppb(part);
      left -= part;
    }
    t.installments.push_back(p);
    if (last) break;
  }
  if (invalid_reason(t) != "") return payment_terms{.net = 30};
  return t;
}

}  // namespace kreditor::test_support

#endif  // KREDITOR_TESTS_UNIT_TERMS_RANDOM_TERMS_HPP
