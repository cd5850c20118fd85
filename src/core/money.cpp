#include "kreditor/core/money.hpp"

#include "core/plain_amount.hpp"

#include <optional>

#include <algorithm>
#include <numeric>
#include <ostream>

KREDITOR_NAMESPACE_BEGIN

void money::overflow() { throw error(errc::overflow, "money: overflow"); }

void money::mismatch(const money& other) const {
  throw error(errc::currency_mismatch, "money: " + std::string(currency_.code()) + " and " +
                                           std::string(other.currency_.code()) +
                                           " cannot be combined");
}


result<money> money::parse(std::string_view text, kreditor::currency c,
                           std::optional<rounding> mode, decimal_mark mark) {
  if (const std::optional<std::int64_t> units = detail::plain_minor_units(text, c.minor_units(), mark)) return money(*units, c);
  const auto d = decimal::parse(text, mark);
  if (!d)
    return failure{d.error().code, "money: '" + std::string(text) + "' is not an amount (" +
                                       d.error().message + ")"};
  const int digits = c.minor_units();
  if (!mode) {
    auto exact = d.value().rescale_exact(digits);
    if (!exact)
      return failure{exact.error().code,
                     "money: '" + std::string(text) + "' has more decimals than " +
                         std::string(c.code()) + " allows (" + std::to_string(digits) + ")"};
    return money(exact.value().mantissa(), c);
  }
  try {
    return money(d.value().rescale(digits, *mode).mantissa(), c);
  } catch (const error& e) {
    return failure{e.code(), "money: '" + std::string(text) + "': " + e.what()};
  }
}

std::string to_string(money m) { return m.amount().to_string(); }

void append_to(std::string& out, money m) { m.amount().append_to(out); }

std::ostream& operator<<(std::ostream& os, money m) {
  return os << to_string(m) << ' ' << m.currency().code();
}
std::ostream& operator<<(std::ostream& os, currency c) { return os << c.code(); }

money multiply(money m, decimal factor, rounding mode) {
  const int128 n = checked_mul(m.minor_units(), factor.mantissa());
  return money(divide_rounded(n, pow10(factor.scale()), mode), m.currency());
}

money multiply(money m, rate r, rounding mode) {
  const int128 n = checked_mul(m.minor_units(), r.parts_per_billion());
  return money(divide_rounded(n, rate::one, mode), m.currency());
}

money divide(money m, std::int64_t divisor, rounding mode) {
  return money(divide_rounded(m.minor_units(), divisor, mode), m.currency());
}

std::vector<money> split(money total, int parts) {
  if (parts < 1) throw error(errc::invalid_argument, "split: parts must be at least 1");
  const std::vector<std::int64_t> weights(static_cast<std::size_t>(parts), 1);
  return allocate(total, weights);
}

std::vector<money> allocate(money total, std::span<const std::int64_t> weights) {
  if (weights.empty()) throw error(errc::invalid_argument, "allocate: no weights");
  int128 sum = 0;
  for (const std::int64_t w : weights) {
    if (w < 0) throw error(errc::invalid_argument, "allocate: negative weight");
    sum += w;
  }
  if (sum == 0) throw error(errc::invalid_argument, "allocate: weights sum to zero");
  // Work on the magnitude so that "floor" and "largest remainder" mean the same for debits
  // and credits; the sign goes back on at the end.
  const bool negative = total.is_negative();
  const int128 amount = negative ? -int128(total.minor_units()) : int128(total.minor_units());
  std::vector<std::int64_t> share(weights.size());
  std::vector<int128> remainder(weights.size());
  int128 given = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const int128 n = amount * weights[i];  // < 2^63 * 2^63: fits 128 bits
    share[i] = static_cast<std::int64_t>(n / sum);
    remainder[i] = n % sum;
    given += share[i];
  }
  std::vector<std::size_t> order(weights.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return remainder[a] > remainder[b]; });
  for (int128 left = amount - given, k = 0; left > 0; --left, ++k)
    ++share[order[static_cast<std::size_t>(k)]];
  std::vector<money> out;
  out.reserve(share.size());
  for (const std::int64_t s : share) out.emplace_back(negative ? -s : s, total.currency());
  return out;
}

KREDITOR_NAMESPACE_END
