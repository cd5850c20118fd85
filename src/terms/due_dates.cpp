#include "kreditor/terms/due_dates.hpp"

#include <cmath>
#include <string>

KREDITOR_NAMESPACE_BEGIN
namespace {

[[noreturn]] void bad_period(std::int32_t n) {
  throw error(errc::invalid_argument,
              "due_date: period " + std::to_string(n) + " is out of range (see invalid_reason)");
}

// Howard Hinnant's civil-date algorithms (http://howardhinnant.github.io/date_algorithms.html)
// on day numbers since 1970-01-01: much cheaper than building Boost dates field by field, which
// matters for end-of-month and proximo terms over millions of invoices.
struct civil {
  int y, m, d;
};
civil civil_from_days(std::int32_t z) noexcept {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp < 10 ? mp + 3 : mp - 9;
  return {yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}
std::int32_t days_from_civil(int y, int m, int d) noexcept {
  y -= m <= 2 ? 1 : 0;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}
// The date of a day number by addition (Boost's from_day_number goes through y/m/d twice).
date at_day_number(std::int32_t n) {
  static const date epoch(1970, 1, 1);
  return epoch + days(n);
}

int month_length(int y, int m) noexcept {
  static constexpr int length[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : length[m - 1];
}

// The date `n` units after `start` under the terms' anchor, before any business-day roll.
// This is the one kernel behind every due date, discount deadline and instalment.
date period_end(const payment_terms& t, date start, std::int32_t n, term_unit unit) {
  // Month index (year*12 + month-1) that end-of-month / proximo counting refers to; only
  // computed when needed (splitting a date into y/m/d is the expensive part).
  auto anchor_month = [&] {
    const civil s = civil_from_days(day_number(start));
    int index = s.y * 12 + (s.m - 1);
    if (t.cutoff_day != 0 && s.d > t.cutoff_day) ++index;
    return index;
  };
  int month_index = 0;
  if (t.anchor != term_anchor::invoice_date) month_index = anchor_month();
  switch (t.anchor) {
    case term_anchor::invoice_date:
      break;
    case term_anchor::end_of_month: {
      const int y = month_index / 12, m = month_index % 12 + 1;
      start = at_day_number(days_from_civil(y, m, month_length(y, m)));
      break;
    }
    case term_anchor::proximo: {
      if (n < 1 || n > 31 || unit != term_unit::day) bad_period(n);
      ++month_index;
      const int y = month_index / 12, m = month_index % 12 + 1;
      return at_day_number(days_from_civil(y, m, std::min(n, month_length(y, m))));
    }
  }
  if (unit == term_unit::month) {
    if (n < 1 || n > 120) bad_period(n);
    return add_months(start, n, t.month_end_rule);
  }
  if (n < 0 || n > 3660) bad_period(n);
  return start + days(n);
}

date roll_date(date d, const deadline_rule& roll) {
  // The common case (no adjustment) stays inline and cheap.
  return roll.convention == business_day_convention::unadjusted ? d : apply(roll, d);
}

date credit_start(invoice_dates dates) noexcept { return dates.delivered.value_or(dates.issued); }

date unadjusted_due(const payment_terms& t, invoice_dates dates) {
  switch (t.kind) {
    case term_kind::net:
      return period_end(t, credit_start(dates), t.net, t.unit);
    case term_kind::installments: {
      if (t.installments.empty())
        throw error(errc::invalid_argument, "due_date: instalment terms without instalments");
      const installment& last = t.installments.back();
      return period_end(t, credit_start(dates), last.net, last.unit);
    }
    case term_kind::due_on_receipt:
    case term_kind::cash_in_advance:
      return dates.issued;
    case term_kind::cash_on_delivery:
      return credit_start(dates);
  }
  return dates.issued;
}

}  // namespace

const deadline_rule& no_adjustment() {
  static const deadline_rule rule{calendar(), business_day_convention::unadjusted};
  return rule;
}

date due_date(const payment_terms& t, invoice_dates dates, const deadline_rule& roll) {
  return roll_date(unadjusted_due(t, dates), roll);
}

date installment_due_date(const payment_terms& t, std::size_t index, invoice_dates dates,
                          const deadline_rule& roll) {
  if (t.kind != term_kind::installments) {
    if (index != 0)
      throw error(errc::out_of_range, "installment_due_date: terms without instalments have only index 0");
    return due_date(t, dates, roll);
  }
  if (index >= t.installments.size())
    throw error(errc::out_of_range, "installment_due_date: index " + std::to_string(index) +
                                        " is past the " + std::to_string(t.installments.size()) +
                                        " instalments");
  const installment& p = t.installments[index];
  return roll_date(period_end(t, credit_start(dates), p.net, p.unit), roll);
}

void due_dates(const payment_terms& t, std::span<const std::int32_t> issue_days,
               std::span<std::int32_t> out, const deadline_rule& roll) {
  if (issue_days.size() != out.size())
    throw error(errc::invalid_argument, "due_dates: input and output spans differ in size");
  // "net N" without a roll is a plain addition of day numbers: the same result as period_end's
  // invoice-date branch, without building dates.
  if (t.kind == term_kind::net && t.anchor == term_anchor::invoice_date && t.unit == term_unit::day &&
      roll.convention == business_day_convention::unadjusted) {
    if (t.net < 0 || t.net > 3660) bad_period(t.net);
    for (std::size_t i = 0; i < issue_days.size(); ++i) out[i] = issue_days[i] + t.net;
    return;
  }
  for (std::size_t i = 0; i < issue_days.size(); ++i)
    out[i] = day_number(due_date(t, invoice_dates{at_day_number(issue_days[i])}, roll));
}

inline_list<dated_discount, payment_terms::max_discounts> discount_deadlines(
    const payment_terms& t, invoice_dates dates, const deadline_rule& roll) {
  inline_list<dated_discount, payment_terms::max_discounts> out;
  if (t.kind != term_kind::net) return out;
  for (const discount_tier& d : t.discounts)
    out.push_back({roll_date(period_end(t, credit_start(dates), d.within_days, term_unit::day), roll),
                   d.discount});
  return out;
}

std::optional<rate> discount_on(const payment_terms& t, invoice_dates dates, date paid_on,
                                const deadline_rule& roll) {
  for (const dated_discount& d : discount_deadlines(t, dates, roll))
    if (paid_on <= d.deadline) return d.discount;
  return std::nullopt;
}

money amount_to_pay(const payment_terms& t, money invoiced, invoice_dates dates, date paid_on,
                    rounding mode, const deadline_rule& roll) {
  const std::optional<rate> d = discount_on(t, dates, paid_on, roll);
  if (!d) return invoiced;
  return invoiced - multiply(invoiced, *d, mode);
}

std::vector<scheduled_payment> payment_schedule(const payment_terms& t, money amount,
                                                invoice_dates dates, const deadline_rule& roll) {
  if (amount.is_negative())
    throw error(errc::invalid_argument, "payment_schedule: amount " + to_string(amount) + " is negative");
  if (t.kind != term_kind::installments) return {{due_date(t, dates, roll), amount}};

  const std::size_t n = t.installments.size();
  std::vector<scheduled_payment> out(n);
  money fixed = money::zero(amount.currency());
  std::int64_t percent_ppb = 0;
  std::optional<std::size_t> balance;
  std::vector<std::int64_t> weights;
  std::vector<std::size_t> percent_index;
  for (std::size_t i = 0; i < n; ++i) {
    const installment& p = t.installments[i];
    out[i].due = roll_date(period_end(t, credit_start(dates), p.net, p.unit), roll);
    out[i].amount = money::zero(amount.currency());
    switch (p.kind) {
      case share_kind::amount: {
        const result<decimal> exact = p.amount.rescale_exact(amount.currency().minor_units());
        if (!exact)
          throw error(errc::precision_loss, "payment_schedule: instalment amount " +
                                                p.amount.to_string() + " has more decimals than " +
                                                std::string(amount.currency().code()));
        out[i].amount = money(exact.value().mantissa(), amount.currency());
        fixed += out[i].amount;
        break;
      }
      case share_kind::percent:
        weights.push_back(p.share.parts_per_billion());
        percent_index.push_back(i);
        percent_ppb += p.share.parts_per_billion();
        break;
      case share_kind::balance:
        balance = i;
        break;
    }
  }
  if (!weights.empty()) {
    // The percentages of the whole amount; with a balance, its weight takes the rest so every
    // percentage part is rounded against the same total.
    if (percent_ppb < rate::one) weights.push_back(rate::one - percent_ppb);
    const std::vector<money> parts = allocate(amount, weights);
    for (std::size_t k = 0; k < percent_index.size(); ++k) out[percent_index[k]].amount = parts[k];
  }
  money assigned = money::zero(amount.currency());
  for (const scheduled_payment& s : out) assigned += s.amount;
  if (balance) {
    if (assigned > amount)
      throw error(errc::invalid_argument, "payment_schedule: the fixed instalments and percentages (" +
                                              to_string(assigned) + ") exceed the amount " +
                                              to_string(amount));
    out[*balance].amount = amount - assigned;
  } else if (assigned != amount) {
    throw error(errc::invalid_argument, "payment_schedule: the instalments sum to " +
                                            to_string(assigned) + ", not to the amount " +
                                            to_string(amount));
  }
  return out;
}

decimal implied_annual_rate(rate d, std::int32_t extra_days, compounding how, int places) {
  const std::int64_t ppb = d.parts_per_billion();
  if (ppb <= 0 || ppb >= rate::one || extra_days <= 0 || places < 0 || places > 12)
    throw error(errc::invalid_argument,
                "implied_annual_rate: needs 0 < discount < 100 %, N - D > 0 and places 0..12");
  const int128 scale = pow10(places);
  if (how == compounding::simple) {
    // d/(1-d) x 365/(N-D) = ppb x 365 / ((10^9 - ppb) x (N-D)), rounded once.
    return decimal(divide_rounded(int128(ppb) * 365 * scale,
                                  int128(rate::one - ppb) * extra_days, rounding::half_even),
                   places);
  }
  // (1/(1-d))^(365/(N-D)) - 1 in long double, then one half-even rounding to `places`.
  const long double growth = static_cast<long double>(rate::one) / static_cast<long double>(rate::one - ppb);
  const long double value = std::pow(growth, 365.0L / static_cast<long double>(extra_days)) - 1.0L;
  const long double scaled = value * static_cast<long double>(scale);
  if (!(scaled < 9.0e18L))
    throw error(errc::overflow, "implied_annual_rate: the compound rate does not fit");
  long double whole = std::floor(scaled);
  const long double rest = scaled - whole;
  if (rest > 0.5L || (rest == 0.5L && std::fmod(whole, 2.0L) != 0.0L)) whole += 1.0L;
  return decimal(static_cast<std::int64_t>(whole), places);
}

std::optional<decimal> implied_annual_rate(const payment_terms& t, compounding how, int places) {
  if (t.kind != term_kind::net || t.discounts.empty()) return std::nullopt;
  return implied_annual_rate(t.discounts[0].discount, t.net - t.discounts[0].within_days, how, places);
}

KREDITOR_NAMESPACE_END
