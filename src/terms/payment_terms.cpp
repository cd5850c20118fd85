#include "kreditor/terms/payment_terms.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace {

// Limits that keep every due date inside Boost's calendar for any invoice date this century
// and catch typos ("net 3000000").
constexpr std::int32_t max_days = 3660;
constexpr std::int32_t max_months = 120;

std::string_view period_problem(std::int32_t n, term_unit unit, term_anchor anchor) noexcept {
  if (anchor == term_anchor::proximo) {
    if (unit != term_unit::day) return "proximo terms name a day of the month, not months";
    if (n < 1 || n > 31) return "proximo day must be 1..31";
    return {};
  }
  if (unit == term_unit::month) {
    if (anchor == term_anchor::end_of_month_after || anchor == term_anchor::day_of_month_after)
      return "'then EOM' / 'then day D' terms count days, not months";
    if (n < 1 || n > max_months) return "a period in months must be 1..120";
    return {};
  }
  if (n < 0 || n > max_days) return "a period in days must be 0..3660";
  return {};
}

}  // namespace

std::string_view invalid_reason(const payment_terms& t) noexcept {
  const payment_terms defaults{};
  if (t.clauses.late_interest &&
      (t.clauses.late_interest->parts_per_billion() < 0 ||
       t.clauses.late_interest->parts_per_billion() > 10 * rate::one))
    return "contractual late interest must be 0..1000 %";
  const bool credit = t.kind == term_kind::net || t.kind == term_kind::installments;
  if (!credit) {
    const payment_terms cash{.kind = t.kind, .clauses = t.clauses};
    return t == cash ? std::string_view{} : "cash terms (COD, CIA, due on receipt) carry no periods";
  }
  if (t.cutoff_day > 30) return "cut-off day must be 0..30";
  const bool after_period = t.anchor == term_anchor::end_of_month_after || t.anchor == term_anchor::day_of_month_after;
  if (t.anchor == term_anchor::day_of_month_after && (t.day_of_month < 1 || t.day_of_month > 31))
    return "the day of the following month must be 1..31";
  if (t.anchor != term_anchor::day_of_month_after && t.day_of_month != 0)
    return "a day of the following month needs 'then day D' terms";
  if (after_period && t.cutoff_day != 0) return "'then EOM' / 'then day D' terms take no cut-off day";
  if (after_period && !t.discounts.empty()) return "'then EOM' / 'then day D' terms take no discount tiers";
  if (t.cutoff_day != 0 && t.anchor == term_anchor::invoice_date)
    return "a cut-off day needs end-of-month or proximo terms";
  if (t.kind == term_kind::net) {
    if (!t.installments.empty()) return "net terms have no instalments";
    if (auto p = period_problem(t.net, t.unit, t.anchor); !p.empty()) return p;
    if (t.unit == term_unit::day && t.month_end_rule != defaults.month_end_rule)
      return "a month-end rule needs a period in months";
    if (!t.discounts.empty() && t.unit != term_unit::day)
      return "discount tiers need a net period in days";
    for (std::size_t i = 0; i < t.discounts.size(); ++i) {
      const discount_tier& d = t.discounts[i];
      if (d.discount.parts_per_billion() <= 0 || d.discount.parts_per_billion() >= rate::one)
        return "a discount must be more than 0 % and less than 100 %";
      if (auto p = period_problem(d.within_days, term_unit::day, t.anchor); !p.empty()) return p;
      if (d.within_days >= t.net) return "a discount period must end before the net period";
      if (i > 0 && d.within_days <= t.discounts[i - 1].within_days)
        return "discount tiers must have strictly increasing days";
      if (i > 0 && d.discount >= t.discounts[i - 1].discount)
        return "discount tiers must have strictly decreasing discounts";
    }
    return {};
  }
  // Instalments.
  if (t.net != defaults.net || t.unit != defaults.unit || !t.discounts.empty())
    return "instalment terms carry their periods in the instalments (and no discounts)";
  if (t.installments.size() < 2) return "instalment terms need at least two instalments";
  const term_unit unit = t.installments[0].unit;
  if (unit == term_unit::day && t.month_end_rule != defaults.month_end_rule)
    return "a month-end rule needs a period in months";
  std::int64_t percent_ppb = 0;
  int balances = 0;
  int amounts = 0;
  for (std::size_t i = 0; i < t.installments.size(); ++i) {
    const installment& p = t.installments[i];
    if (p.unit != unit) return "all instalments must use the same unit";
    if (p.anchor != term_anchor::invoice_date) {
      if (p.anchor != term_anchor::end_of_month_after)
        return "an instalment's own anchor can only be end of month (of the date + its days)";
      if (t.anchor != term_anchor::invoice_date)
        return "an end-of-month instalment needs terms without their own EOM, prox or 'then'";
    }
    const term_anchor anchor = p.anchor != term_anchor::invoice_date ? p.anchor : t.anchor;
    if (auto why = period_problem(p.net, p.unit, anchor); !why.empty()) return why;
    // Two instalments may fall on one day (e.g. a deposit and a first part); never earlier.
    if (i > 0 && p.net < t.installments[i - 1].net)
      return "instalments must have non-decreasing periods";
    // A month's end is at most 30 days after a day of it: a plain instalment after an
    // end-of-month one comes no earlier when its period is at least 30 days longer.
    if (i > 0 && p.anchor == term_anchor::invoice_date &&
        t.installments[i - 1].anchor == term_anchor::end_of_month_after && p.net < t.installments[i - 1].net + 30)
      return "a plain instalment after an end-of-month one needs a period at least 30 days longer";
    switch (p.kind) {
      case share_kind::percent:
        if (p.share.parts_per_billion() <= 0 || p.share.parts_per_billion() > rate::one)
          return "an instalment percentage must be more than 0 % and at most 100 %";
        if (!p.amount.is_zero()) return "a percentage instalment carries no amount";
        percent_ppb += p.share.parts_per_billion();
        break;
      case share_kind::amount:
        if (p.amount.mantissa() <= 0) return "an instalment amount must be positive";
        if (p.share.parts_per_billion() != 0) return "an amount instalment carries no percentage";
        ++amounts;
        break;
      case share_kind::balance:
        if (p.share.parts_per_billion() != 0 || !p.amount.is_zero())
          return "a balance instalment carries no percentage or amount";
        ++balances;
        break;
    }
  }
  if (balances > 1) return "at most one instalment can be the balance";
  if (percent_ppb > rate::one) return "instalment percentages add up to more than 100 %";
  if (balances == 0 && amounts == 0 && percent_ppb != rate::one)
    return "instalment percentages must add up to 100 % (or add a 'balance' instalment)";
  if (balances == 0 && amounts > 0 && percent_ppb > 0)
    return "fixed amounts mixed with percentages need a 'balance' instalment";
  if (balances == 1 && amounts == 0 && percent_ppb == rate::one)
    return "the percentages already add up to 100 %: the balance would be nothing";
  return {};
}

KREDITOR_NAMESPACE_END
