#include "kreditor/charges/interest.hpp"

#include <algorithm>

#include "charges/accrual_kernel.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace {

int128 checked_add(int128 a, int128 b) {
  int128 out = 0;
  if (__builtin_add_overflow(a, b, &out)) throw error(errc::overflow, "late_interest: overflow");
  return out;
}

money rounded(int128 numerator, std::int64_t denominator, rounding mode, currency c, const char* who) {
  std::int64_t q = 0;
  if (!detail::finish(numerator, denominator, mode, q))
    throw error(errc::overflow, std::string(who) + ": interest does not fit in 64-bit minor units");
  return money(q, c);
}

/// The index of `rates`' row in force on `day`. \throws error(not_found) naming `who`, the
/// table and the day (row_at's message) when the table has none yet.
std::size_t row_in_force(const rate_table& rates, date day, const char* who) {
  if (rates.empty() || day < rates.first_date()) {
    const auto missing = rates.row_at(day);
    throw error(missing.error().code, std::string(who) + ": " + missing.error().message);
  }
  return rates.index_at(day);
}

}  // namespace

interest_convention convention_of(const rate_table& table, rounding mode) {
  return {.basis = table.info().basis,
          .start = table.info().start_on_due_date ? first_interest_day::due_date
                                                  : first_interest_day::day_after_due,
          .mode = mode,
          .basis_uncertain = table.info().basis_uncertain};
}

namespace {
/// late_interest, with its periods when `Periods` (the amount alone allocates nothing for a
/// table whose changes come sorted).
template <bool Periods>
interest_result accrue(money principal, const rate_table& rates, date due, date end,
                       const interest_convention& convention, std::span<const balance_change> changes) {
  if (due.is_special() || end.is_special())
    throw error(errc::invalid_argument, "late_interest: special date value");
  if (principal.is_negative())
    throw error(errc::invalid_argument, "late_interest: negative principal " + to_string(principal));
  interest_result out;
  out.convention = convention;
  out.day_count_uncertain = convention.basis_uncertain;
  out.interest = money::zero(principal.currency());
  // `cursor` is the last day NOT yet counted: interest days are (cursor, end].
  date cursor = convention.start == first_interest_day::day_after_due ? due : due - days(1);
  out.exact_denominator = detail::ppb_one * detail::day_count_denominator(convention.basis);
  if (end <= cursor) return out;
  out.days = day_number(end) - day_number(cursor);

  const auto by_date = [](const balance_change& a, const balance_change& b) { return a.on < b.on; };
  std::vector<balance_change> copy;
  if (!std::is_sorted(changes.begin(), changes.end(), by_date)) {
    copy.assign(changes.begin(), changes.end());
    std::stable_sort(copy.begin(), copy.end(), by_date);
    changes = copy;
  }
  const std::span<const balance_change> sorted = changes;
  money balance = principal;
  std::size_t next = 0;
  const auto apply_through = [&](date day) {
    for (; next < sorted.size() && sorted[next].on <= day; ++next) {
      balance += sorted[next].delta;  // throws currency_mismatch / overflow
      if (balance.is_negative())
        throw error(errc::invalid_argument, "late_interest: the change on " + to_string(sorted[next].on) +
                                                " takes the balance below zero (" + to_string(balance) + ")");
    }
  };
  if (!sorted.empty() && sorted.back().on > end)
    throw error(errc::invalid_argument, "late_interest: balance change on " + to_string(sorted.back().on) +
                                            " is after the end date " + to_string(end));
  apply_through(cursor);

  const std::int64_t denominator = detail::ppb_one * detail::day_count_denominator(convention.basis);
  const auto rows = rates.rows();
  int128 total = 0;
  while (cursor < end) {
    const date first_day = cursor + days(1);
    const std::size_t index = row_in_force(rates, first_day, "late_interest");
    const rate_row& row = rows[index];
    date boundary = end;
    if (index + 1 < rows.size()) boundary = std::min(boundary, rows[index + 1].effective_from - days(1));
    if (next < sorted.size()) boundary = std::min(boundary, sorted[next].on);

    if (!balance.is_zero()) {
      const year_fraction yf = accrual(convention.basis, cursor, boundary);
      const int128 numerator = checked_mul(checked_mul(balance.minor_units(), row.annual.parts_per_billion()),
                                           yf.numerator);
      total = checked_add(total, numerator);
      if constexpr (Periods)
        out.periods.push_back({.from = first_day,
                               .to = boundary,
                               .days = day_number(boundary) - day_number(cursor),
                               .balance = balance,
                               .annual = row.annual,
                               .fraction = yf,
                               .interest = rounded(numerator, denominator, convention.mode, balance.currency(),
                                                   "late_interest"),
                               .uncertain = row.uncertain,
                               .source = row.source});
      out.uncertain = out.uncertain || row.uncertain;
    }
    cursor = boundary;
    apply_through(cursor);
  }
  out.exact_numerator = total;
  out.exact_denominator = denominator;
  out.interest = rounded(total, denominator, convention.mode, principal.currency(), "late_interest");
  return out;
}
}  // namespace

interest_result late_interest(money principal, const rate_table& rates, date due, date end,
                              const interest_convention& convention, std::span<const balance_change> changes) {
  return accrue<true>(principal, rates, due, end, convention, changes);
}

money late_interest_amount(money principal, const rate_table& rates, date due, date end,
                           const interest_convention& convention, std::span<const balance_change> changes) {
  return accrue<false>(principal, rates, due, end, convention, changes).interest;
}

running_interest::running_interest(money principal, const rate_table& rates, date due,
                                   const interest_convention& convention)
    : rates_(&rates), convention_(convention), balance_(principal) {
  if (due.is_special()) throw error(errc::invalid_argument, "running_interest: special date value");
  if (principal.is_negative())
    throw error(errc::invalid_argument, "running_interest: negative principal " + to_string(principal));
  cursor_ = convention.start == first_interest_day::day_after_due ? due : due - days(1);
  start_ = cursor_;
}

void running_interest::accrue_through(date day) {
  if (day.is_special()) throw error(errc::invalid_argument, "running_interest: special date value");
  const auto rows = rates_->rows();
  while (cursor_ < day) {
    if (balance_.is_zero()) {  // nothing accrues: no rate needed
      cursor_ = day;
      return;
    }
    const date first_day = cursor_ + days(1);
    const std::size_t index = row_in_force(*rates_, first_day, "running_interest");
    const rate_row& row = rows[index];
    date boundary = day;
    if (index + 1 < rows.size()) boundary = std::min(boundary, rows[index + 1].effective_from - days(1));
    const year_fraction yf = accrual(convention_.basis, cursor_, boundary);
    numerator_ = checked_add(
        numerator_, checked_mul(checked_mul(balance_.minor_units(), row.annual.parts_per_billion()), yf.numerator));
    cursor_ = boundary;
  }
}

money running_interest::through(date day) {
  if (day < cursor_ && cursor_ > start_)
    throw error(errc::invalid_argument, "running_interest: " + to_string(day) + " is before a day already counted");
  if (day > cursor_) accrue_through(day);
  return rounded(numerator_, detail::ppb_one * detail::day_count_denominator(convention_.basis), convention_.mode,
                 balance_.currency(), "running_interest");
}

void running_interest::change(date on, money delta) {
  if (on < cursor_ && cursor_ > start_)
    throw error(errc::invalid_argument, "running_interest: a change on " + to_string(on) + " is before a day already counted");
  if (on > cursor_) accrue_through(on);
  balance_ += delta;  // throws currency_mismatch / overflow
  if (balance_.is_negative())
    throw error(errc::invalid_argument, "running_interest: the change on " + to_string(on) +
                                            " takes the balance below zero (" + to_string(balance_) + ")");
}

money simple_interest(money principal, rate annual, day_count dc, date from, date to, rounding mode) {
  const year_fraction yf = accrual(dc, from, to);
  const int128 numerator = checked_mul(checked_mul(principal.minor_units(), annual.parts_per_billion()), yf.numerator);
  return rounded(numerator, detail::ppb_one * yf.denominator, mode, principal.currency(), "simple_interest");
}

KREDITOR_NAMESPACE_END
