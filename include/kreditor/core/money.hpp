// -----------------------------------------------------------------------------
// File: kreditor/core/money.hpp
// -----------------------------------------------------------------------------
//
// An exact amount in one currency: a signed 64-bit count of minor units.
// + and - are checked (overflow and mixed currencies throw); there is
// deliberately no `money * double`. Scaling by an exact decimal or rate takes
// a rounding mode; splitting loses no minor unit.
//
//   money m = money::parse("1 234.50", iso4217::nok).value();  // 123450 ore
//   money vat = multiply(m, decimal(25, 2), rounding::half_up); // 308.63 NOK
//   auto parts = split(m, 3);                                   // 411.50 411.50 411.50
#ifndef KREDITOR_CORE_MONEY_HPP
#define KREDITOR_CORE_MONEY_HPP

#include <compare>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kreditor/core/currency.hpp"
#include "kreditor/core/decimal.hpp"
#include "kreditor/core/rate.hpp"
#include "kreditor/core/result.hpp"
#include "kreditor/core/rounding.hpp"

KREDITOR_NAMESPACE_BEGIN

/// An exact amount in one currency: a signed 64-bit count of minor units. + and - are checked
/// (overflow and mixed currencies throw); there is deliberately no `money * double`.
class money {
 public:
  constexpr money() noexcept = default;  ///< 0 XXX
  /// `minor_units` of `c`: money(123450, iso4217::nok) is 1 234.50 NOK.
  constexpr money(std::int64_t minor_units, kreditor::currency c) noexcept
      : minor_(minor_units), currency_(c) {}
  /// Zero in `c`.
  static constexpr money zero(kreditor::currency c) noexcept { return money(0, c); }

  /// Parses a decimal string ("1234.50", "-0.05", "1,234.50", "1 234.50") in `c`. More decimals
  /// than `c` has minor units fail with errc::precision_loss unless `mode` is given, in which
  /// case the value is rounded once. `mark` comma reads "1 234,50" and "1.234,50"
  /// (decimal::parse). Failures name the text and the problem.
  static result<money> parse(std::string_view text, kreditor::currency c,
                             std::optional<rounding> mode = std::nullopt,
                             decimal_mark mark = decimal_mark::point);

  /// The amount in minor units (øre, cents).
  [[nodiscard]] constexpr std::int64_t minor_units() const noexcept { return minor_; }
  /// The amount's currency.
  [[nodiscard]] constexpr kreditor::currency currency() const noexcept { return currency_; }
  /// True for zero.
  [[nodiscard]] constexpr bool is_zero() const noexcept { return minor_ == 0; }
  /// True below zero.
  [[nodiscard]] constexpr bool is_negative() const noexcept { return minor_ < 0; }
  /// True above zero.
  [[nodiscard]] constexpr bool is_positive() const noexcept { return minor_ > 0; }
  /// The exact value as a decimal with the currency's scale.
  [[nodiscard]] decimal amount() const { return decimal(minor_, currency_.minor_units()); }

  // Strong guarantee: on error *this is unchanged.
  /// Adds `rhs`. \throws error(currency_mismatch) for another currency, error(overflow) when the
  /// sum does not fit 64 bits.
  constexpr money& operator+=(money rhs) {
    std::int64_t sum = 0;
    if (__builtin_add_overflow(minor_, same(rhs).minor_, &sum)) overflow();
    minor_ = sum;
    return *this;
  }
  /// Subtracts `rhs`. \throws error(currency_mismatch), error(overflow) as +=.
  constexpr money& operator-=(money rhs) {
    std::int64_t difference = 0;
    if (__builtin_sub_overflow(minor_, same(rhs).minor_, &difference)) overflow();
    minor_ = difference;
    return *this;
  }
  /// The checked sum (see +=).
  friend constexpr money operator+(money a, money b) { return a += b; }
  /// The checked difference (see -=).
  friend constexpr money operator-(money a, money b) { return a -= b; }
  /// The negated amount. \throws error(overflow) for the most negative amount.
  friend constexpr money operator-(money a) { return money(0, a.currency_) -= a; }

  /// Same amount in the same currency (amounts in different currencies are unequal; no throw).
  friend constexpr bool operator==(money, money) noexcept = default;
  /// Ordering exists only within a currency; across currencies it throws currency_mismatch.
  friend constexpr std::strong_ordering operator<=>(money a, money b) {
    return a.minor_ <=> a.same(b).minor_;
  }

 private:
  [[nodiscard]] constexpr const money& same(const money& other) const {
    if (other.currency_ != currency_) mismatch(other);
    return other;
  }
  [[noreturn]] static void overflow();
  [[noreturn]] void mismatch(const money& other) const;

  std::int64_t minor_ = 0;
  kreditor::currency currency_{};
};

/// The smaller / larger of two amounts in one currency.
[[nodiscard]] constexpr money min(money a, money b) { return b < a ? b : a; }
/// The larger of two amounts in one currency.
[[nodiscard]] constexpr money max(money a, money b) { return a < b ? b : a; }

/// "1234.50": the exact amount with all the currency's decimals, no currency code.
[[nodiscard]] std::string to_string(money m);
/// Appends to_string(m) to `out` without a string of its own (a report writes millions).
void append_to(std::string& out, money m);
/// Prints "1234.50 NOK".
std::ostream& operator<<(std::ostream& os, money m);
/// Prints the code: "NOK".
std::ostream& operator<<(std::ostream& os, currency c);

/// m x factor, rounded once with `mode`.
[[nodiscard]] money multiply(money m, decimal factor, rounding mode);
/// m x r (r as a fraction: 2 % of 100.00 is 2.00), rounded once with `mode`.
[[nodiscard]] money multiply(money m, rate r, rounding mode);
/// m / divisor, rounded once with `mode`. \throws invalid_argument for 0.
[[nodiscard]] money divide(money m, std::int64_t divisor, rounding mode);

/// Splits `total` into `parts` amounts that differ by at most one minor unit and sum to
/// `total` exactly; the earlier parts get the extra units. \throws invalid_argument if parts < 1.
[[nodiscard]] std::vector<money> split(money total, int parts);
/// Allocates `total` in proportion to non-negative `weights` (largest remainder method: each
/// part is floor(total x w / sum), then the remaining units go one each to the largest
/// remainders, ties to the earlier part). Sums to `total` exactly. \throws invalid_argument for
/// no weights, a negative weight or a zero sum.
[[nodiscard]] std::vector<money> allocate(money total, std::span<const std::int64_t> weights);

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_CORE_MONEY_HPP
