#include "kreditor/exposure/dso.hpp"

#include <algorithm>
#include <string>

KREDITOR_NAMESPACE_BEGIN

namespace {

void check_places(int places, const char* who) {
  if (places < 0 || places > 9)
    throw error(errc::invalid_argument,
                std::string(who) + ": places '" + std::to_string(places) + "' outside 0..9");
}

void check_currency(money m, currency ccy, const char* who) {
  if (m.currency() != ccy)
    throw error(errc::currency_mismatch, std::string(who) + ": an amount in " +
                                             std::string(m.currency().code()) + " among " +
                                             std::string(ccy.code()));
}

void check_days(std::int32_t d, const char* who) {
  if (d < 1)
    throw error(errc::invalid_argument,
                std::string(who) + ": period of '" + std::to_string(d) + "' days");
}

/// numerator / denominator as a decimal with `places` digits, rounded once.
decimal ratio(int128 numerator, int128 denominator, int places, rounding mode) {
  return decimal(divide_rounded(checked_mul(numerator, pow10(places)), denominator, mode), places);
}

// Sums over settled items, exact.
struct settled_sums {
  int128 amount = 0;
  int128 amount_x_days_late = 0;
  int128 on_time = 0;
};

settled_sums sum_settled(std::span<const settled_item> items, const char* who) {
  settled_sums s;
  if (items.empty()) return s;
  const currency ccy = items.front().amount.currency();
  for (const settled_item& it : items) {
    check_currency(it.amount, ccy, who);
    if (!it.amount.is_positive())
      throw error(errc::invalid_argument,
                  std::string(who) + ": amount '" + to_string(it.amount) + "' is not positive");
    const std::int64_t late = std::max<std::int64_t>(0, (it.paid - it.due).days());
    s.amount += it.amount.minor_units();
    s.amount_x_days_late += int128{it.amount.minor_units()} * late;
    if (late == 0) s.on_time += it.amount.minor_units();
  }
  return s;
}

}  // namespace

decimal dso_standard(money receivables, money credit_sales, std::int32_t days_in_period,
                     int places, rounding mode) {
  constexpr const char* who = "dso_standard";
  check_places(places, who);
  check_days(days_in_period, who);
  check_currency(credit_sales, receivables.currency(), who);
  if (!credit_sales.is_positive())
    throw error(errc::invalid_argument,
                std::string(who) + ": credit sales '" + to_string(credit_sales) + "' not positive");
  if (receivables.is_negative())
    throw error(errc::invalid_argument,
                std::string(who) + ": receivables '" + to_string(receivables) + "' negative");
  return ratio(int128{receivables.minor_units()} * days_in_period, credit_sales.minor_units(),
               places, mode);
}

decimal dso_count_back(money receivables, std::span<const period_sales> newest_first, int places,
                       rounding mode) {
  constexpr const char* who = "dso_count_back";
  check_places(places, who);
  if (receivables.is_negative())
    throw error(errc::invalid_argument,
                std::string(who) + ": receivables '" + to_string(receivables) + "' negative");
  if (receivables.is_zero()) return decimal(0, places);
  std::int64_t remaining = receivables.minor_units();
  std::int64_t whole_days = 0;
  for (const period_sales& p : newest_first) {
    check_days(p.days, who);
    check_currency(p.credit_sales, receivables.currency(), who);
    if (p.credit_sales.is_negative())
      throw error(errc::invalid_argument, std::string(who) + ": credit sales '" +
                                              to_string(p.credit_sales) + "' negative");
    const std::int64_t sales = p.credit_sales.minor_units();
    if (remaining > sales) {  // this period's sales are all still outstanding
      remaining -= sales;
      whole_days += p.days;
      continue;
    }
    // The period that exhausts the receivables: whole_days + days x remaining / sales, exactly.
    const int128 numerator = int128{whole_days} * sales + int128{p.days} * remaining;
    return ratio(numerator, sales, places, mode);
  }
  throw error(errc::out_of_range, std::string(who) + ": receivables of '" + to_string(receivables) +
                                      "' exceed the credit sales of all " +
                                      std::to_string(newest_first.size()) +
                                      " periods given; more history is needed");
}

std::optional<decimal> average_days_late(std::span<const settled_item> items, int places,
                                         rounding mode) {
  check_places(places, "average_days_late");
  const settled_sums s = sum_settled(items, "average_days_late");
  if (items.empty()) return std::nullopt;
  return ratio(s.amount_x_days_late, s.amount, places, mode);
}

std::optional<decimal> share_paid_on_time_percent(std::span<const settled_item> items, int places,
                                                  rounding mode) {
  check_places(places, "share_paid_on_time_percent");
  const settled_sums s = sum_settled(items, "share_paid_on_time_percent");
  if (items.empty()) return std::nullopt;
  return ratio(s.on_time * 100, s.amount, places, mode);
}

std::vector<behaviour_period> payment_trend(std::span<const settled_item> items,
                                            std::span<const date> starts, date end, currency ccy,
                                            int places, rounding mode) {
  if (starts.empty()) throw error(errc::invalid_argument, "payment_trend: no periods");
  for (std::size_t k = 1; k < starts.size(); ++k)
    if (starts[k] <= starts[k - 1])
      throw error(errc::invalid_argument, "payment_trend: period start " + to_string(starts[k]) +
                                              " is not after " + to_string(starts[k - 1]));
  if (end <= starts.back())
    throw error(errc::invalid_argument, "payment_trend: end " + to_string(end) +
                                            " is not after the last start " +
                                            to_string(starts.back()));
  std::vector<std::vector<settled_item>> in_period(starts.size());
  for (const settled_item& it : items) {
    check_currency(it.amount, ccy, "payment_trend");
    if (it.paid < starts.front() || it.paid >= end) continue;
    // The last start <= paid.
    const auto k = static_cast<std::size_t>(
        std::upper_bound(starts.begin(), starts.end(), it.paid) - starts.begin() - 1);
    in_period[k].push_back(it);
  }
  std::vector<behaviour_period> out;
  out.reserve(starts.size());
  for (std::size_t k = 0; k < starts.size(); ++k) {
    behaviour_period p{.from = starts[k],
                       .to = k + 1 < starts.size() ? starts[k + 1] : end,
                       .paid = money::zero(ccy),
                       .average_days_late = average_days_late(in_period[k], places, mode),
                       .on_time_percent = share_paid_on_time_percent(in_period[k], places, mode)};
    for (const settled_item& it : in_period[k]) p.paid += it.amount;
    out.push_back(std::move(p));
  }
  return out;
}

bool worsening(std::span<const behaviour_period> trend, decimal tolerance_days) {
  if (trend.size() < 2) return false;
  const auto& last = trend[trend.size() - 1].average_days_late;
  const auto& previous = trend[trend.size() - 2].average_days_late;
  if (!last || !previous) return false;
  // last - previous > tolerance, compared exactly at a common scale.
  const int scale = std::max({last->scale(), previous->scale(), tolerance_days.scale()});
  const int128 l = int128{last->mantissa()} * pow10(scale - last->scale());
  const int128 p = int128{previous->mantissa()} * pow10(scale - previous->scale());
  const int128 t = int128{tolerance_days.mantissa()} * pow10(scale - tolerance_days.scale());
  return l - p > t;
}

KREDITOR_NAMESPACE_END
