#include "kreditor/terms/due_dates.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "kreditor/time/civil.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace {

[[noreturn]] void bad_period(std::int32_t n) {
  throw error(errc::invalid_argument,
              "due_date: period " + std::to_string(n) + " is out of range (see invalid_reason)");
}

// The same limits as invalid_reason (payment_terms.cpp): checked once before any kernel runs,
// so the kernels below can assume them.
void check_period(term_anchor anchor, std::int32_t n, term_unit unit) {
  if (anchor == term_anchor::proximo) {
    if (n < 1 || n > 31 || unit != term_unit::day) bad_period(n);
  } else if (anchor == term_anchor::end_of_month_after || anchor == term_anchor::day_of_month_after) {
    if (n < 0 || n > 3660 || unit != term_unit::day) bad_period(n);
  } else if (unit == term_unit::month) {
    if (n < 1 || n > 120) bad_period(n);
  } else if (n < 0 || n > 3660) {
    bad_period(n);
  }
}

// ---- the kernel: day numbers in, day numbers out ------------------------------------------------
// Everything below works on day numbers (days since 1970-01-01) with the integer civil calendar
// of time/civil.hpp: splitting a date into year/month/day through Boost costs more than the
// whole due-date computation, and end-of-month / proximo terms need the month of every invoice.

// The month an end-of-month or proximo period counts from, given as the first day of the month
// AFTER it and that following month's length: the start's own month, or the next one when the
// start's day is past the cut-off (a cut-off of 25 makes 26 March count as April's).
struct next_month {
  std::int32_t first;   // day number of its 1st
  std::int32_t length;  // its number of days
};
constexpr next_month month_after_anchor(std::int32_t start, std::int32_t cutoff) noexcept {
  // Written with selects rather than branches: whether a day is past the cut-off is as
  // unpredictable as the invoice dates.
  const civil::month_span m = civil::month_of(start);
  const bool later = (cutoff != 0) & (m.day > cutoff);  // count from the month after
  return {m.first + m.length + (later ? m.next_length : 0), later ? m.after_next_length : m.next_length};
}

// The day `n` units after `start` under anchor `Anchor` and unit `Unit`, before any business-day
// roll. The one kernel behind every due date, discount deadline and instalment, scalar and batch.
// \pre check_period(n) passed; start within the range of `date`.
// (A class per form, not a function pointer, so that each batch loop gets its own inlined copy.)
template <term_anchor Anchor, term_unit Unit>
struct period_kernel {
  constexpr std::int32_t operator()(std::int32_t start, std::int32_t n, std::int32_t cutoff,
                                    month_end rule) const noexcept {
    if constexpr (Anchor == term_anchor::end_of_month_after || Anchor == term_anchor::day_of_month_after) {
      // The month the period ends in: its last day, plus (day_of_month_after) the day of the
      // following month, passed in `cutoff` (these terms have no cut-off; Odoo adds the days
      // to the month end, so day 31 of a 30-day month is the 1st of the month after).
      const civil::month_span m = civil::month_of(start + n);
      const std::int32_t month_end_day = m.first + m.length - 1;
      if constexpr (Anchor == term_anchor::day_of_month_after) return month_end_day + cutoff;
      return month_end_day;
    } else if constexpr (Anchor == term_anchor::proximo) {
      // `n` is a day of the following month, clamped to its length ("net 30 prox" in February).
      const next_month m = month_after_anchor(start, cutoff);
      return m.first + std::min(n, m.length) - 1;
    } else {
      std::int32_t from = start;
      if constexpr (Anchor == term_anchor::end_of_month)
        from = month_after_anchor(start, cutoff).first - 1;
      if constexpr (Unit == term_unit::month) return civil::add_months(from, n, rule);
      return from + n;
    }
  }
};

// Calls f with the period_kernel for the anchor and unit given at run time: a batch loop is
// then compiled once per form, with no switch inside it.
template <class F>
decltype(auto) with_kernel(term_anchor anchor, term_unit unit, F&& f) {
  using enum term_anchor;
  constexpr auto day = term_unit::day, month = term_unit::month;
  switch (anchor) {
    case end_of_month:
      if (unit == month) return f(period_kernel<end_of_month, month>{});
      return f(period_kernel<end_of_month, day>{});
    case proximo:  // check_period allows only days
      return f(period_kernel<proximo, day>{});
    case end_of_month_after:  // days only, too
      return f(period_kernel<end_of_month_after, day>{});
    case day_of_month_after:
      return f(period_kernel<day_of_month_after, day>{});
    case invoice_date:
      break;
  }
  if (unit == month) return f(period_kernel<invoice_date, month>{});
  return f(period_kernel<invoice_date, day>{});
}

// The kernel's third argument: the cut-off day, or for 'then day D' terms the day D.
std::int32_t kernel_param(const payment_terms& t) noexcept {
  return t.anchor == term_anchor::day_of_month_after ? t.day_of_month : t.cutoff_day;
}

// The anchor an instalment counts from: its own (a mixed schedule's end-of-month line) or the terms'.
term_anchor anchor_of(const payment_terms& t, const installment& p) noexcept {
  return p.anchor != term_anchor::invoice_date ? p.anchor : t.anchor;
}

std::int32_t period_end_day(const payment_terms& t, std::int32_t start, std::int32_t n, term_unit unit,
                            term_anchor anchor) {
  check_period(anchor, n, unit);
  return with_kernel(anchor, unit, [&](auto kernel) { return kernel(start, n, kernel_param(t), t.month_end_rule); });
}
std::int32_t period_end_day(const payment_terms& t, std::int32_t start, std::int32_t n, term_unit unit) {
  return period_end_day(t, start, n, unit, t.anchor);
}

[[noreturn]] void past_the_calendar(std::int32_t n) {
  throw error(errc::out_of_range, "due_date: day number " + std::to_string(n) +
                                      " is outside the dates 1400-01-01..9999-12-31");
}

// The date of a day number by addition (Boost's from_day_number goes through y/m/d twice).
date to_date(std::int32_t n) {
  if (n < civil::first_date_day || n > civil::last_date_day) past_the_calendar(n);
  static const date epoch(1970, 1, 1);
  return epoch + days(n);
}

date period_end(const payment_terms& t, date start, std::int32_t n, term_unit unit) {
  return to_date(period_end_day(t, day_number(start), n, unit));
}
date period_end(const payment_terms& t, date start, const installment& p) {
  return to_date(period_end_day(t, day_number(start), p.net, p.unit, anchor_of(t, p)));
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
      return period_end(t, credit_start(dates), t.installments.back());
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
  return roll_date(period_end(t, credit_start(dates), t.installments[index]), roll);
}

void due_dates(const payment_terms& t, std::span<const std::int32_t> issue_days,
               std::span<std::int32_t> out, const deadline_rule& roll) {
  if (issue_days.size() != out.size())
    throw error(errc::invalid_argument, "due_dates: input and output spans differ in size");
  // The kernels assume dates: one (vectorised) pass over the inputs first.
  std::int32_t lowest = civil::last_date_day, highest = civil::first_date_day;
  for (const std::int32_t day : issue_days) {
    lowest = std::min(lowest, day);
    highest = std::max(highest, day);
  }
  if (!issue_days.empty() && lowest < civil::first_date_day) past_the_calendar(lowest);
  if (!issue_days.empty() && highest > civil::last_date_day) past_the_calendar(highest);

  if (t.kind == term_kind::net || t.kind == term_kind::installments) {
    if (t.kind == term_kind::installments && t.installments.empty())
      throw error(errc::invalid_argument, "due_dates: instalment terms without instalments");
    // The same period as unadjusted_due: the net period, or the last instalment's.
    const bool parts = t.kind == term_kind::installments;
    const std::int32_t n = parts ? t.installments.back().net : t.net;
    const term_unit unit = parts ? t.installments.back().unit : t.unit;
    const term_anchor anchor = parts ? anchor_of(t, t.installments.back()) : t.anchor;
    check_period(anchor, n, unit);
    const std::int32_t cutoff = kernel_param(t);
    const month_end rule = t.month_end_rule;
    const std::int32_t* const in = issue_days.data();  // plain pointers: nothing to reload
    std::int32_t* const due = out.data();
    const std::size_t size = issue_days.size();
    with_kernel(anchor, unit, [=](auto kernel) {
      // A due date never comes before that of an earlier issue date (every form is monotone;
      // tested), so the latest issue date has the latest due date: one range check for all.
      if (size == 0) return;
      if (const std::int32_t latest = kernel(highest, n, cutoff, rule); latest > civil::last_date_day)
        past_the_calendar(latest);
      for (std::size_t i = 0; i < size; ++i) due[i] = kernel(in[i], n, cutoff, rule);
    });
  } else {  // due on receipt, CIA, and COD without a delivery date: the invoice date
    std::copy(issue_days.begin(), issue_days.end(), out.begin());
  }
  switch (roll.convention) {
    case business_day_convention::unadjusted:
      break;
    case business_day_convention::following:
      // The Nordic statutory rule, inline: one bit test per day instead of an out-of-line
      // calendar::adjust per invoice (about half the instructions of the whole kernel).
      for (std::int32_t& due : out) {
        date d = to_date(due);
        while (!roll.cal.is_business_day(d)) d += days(1);
        due = day_number(d);
      }
      break;
    default:
      for (std::int32_t& due : out) due = day_number(apply(roll, to_date(due)));
  }
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
    out[i].due = roll_date(period_end(t, credit_start(dates), p), roll);
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
