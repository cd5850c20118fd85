// -----------------------------------------------------------------------------
// File: kreditor/core/rate.hpp
// -----------------------------------------------------------------------------
//
// A rate (percent per annum for interest, a fraction for discounts and fee
// percentages), exact to one part per billion: 8 % is 80'000'000 ppb.
//
//   using namespace kreditor::literals;
//   rate r = rate::parse("12.25%").value();    // also "0.1225" and "1225bp"
//   r == rate::bps(1225);  r.percent_string() == "12.25";
#ifndef KREDITOR_CORE_RATE_HPP
#define KREDITOR_CORE_RATE_HPP

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "kreditor/core/decimal.hpp"
#include "kreditor/core/result.hpp"

KREDITOR_NAMESPACE_BEGIN

/// An annual (or any) rate as an exact count of parts per billion: 12.25 % is 122 500 000. Interest
/// and fees take a rate, never a double.
class rate {
 public:
  static constexpr std::int64_t one = 1'000'000'000;  ///< 100 % in parts per billion

  constexpr rate() noexcept = default;  ///< 0 %
  /// `v` parts per billion.
  static constexpr rate ppb(std::int64_t v) noexcept { return rate(v); }
  /// `v` basis points (1 bp = 0.01 %).
  static constexpr rate bps(std::int64_t v) noexcept { return rate(v * 100'000); }
  /// `v` percent.
  static constexpr rate percent(std::int64_t v) noexcept { return rate(v * 10'000'000); }
  /// A fraction (0.1225 = 12.25 %). errc::precision_loss below one ppb.
  static result<rate> from_fraction(decimal fraction);
  /// A percentage (12.25 = 12.25 %). errc::precision_loss below one ppb.
  static result<rate> from_percent(decimal percent);

  /// "12.25%" (percent), "1225bp" (basis points) or "0.1225" (a fraction). Spaces around
  /// the number are allowed. Failure names the text: errc::invalid_argument / precision_loss.
  static result<rate> parse(std::string_view text);

  /// The exact value: parts per billion.
  [[nodiscard]] constexpr std::int64_t parts_per_billion() const noexcept { return ppb_; }
  /// The rate as an exact fraction: 0.1225.
  [[nodiscard]] decimal fraction() const noexcept { return decimal(ppb_, 9).normalized(); }
  /// The rate in percent, exactly: 12.25.
  [[nodiscard]] decimal percent_value() const noexcept { return decimal(ppb_, 7).normalized(); }
  /// "12.25" (percent, shortest exact form, at least one digit after the point is not forced).
  [[nodiscard]] std::string percent_string() const { return percent_value().to_string(); }
  /// "0.1225" (fraction, shortest exact form).
  [[nodiscard]] std::string fraction_string() const { return fraction().to_string(); }

  /// The sum of two rates (a margin over a reference rate).
  friend constexpr rate operator+(rate a, rate b) noexcept { return rate(a.ppb_ + b.ppb_); }
  /// The difference of two rates.
  friend constexpr rate operator-(rate a, rate b) noexcept { return rate(a.ppb_ - b.ppb_); }
  /// Rates compare by value.
  friend constexpr auto operator<=>(rate, rate) noexcept = default;

 private:
  explicit constexpr rate(std::int64_t v) noexcept : ppb_(v) {}
  std::int64_t ppb_ = 0;
};

inline namespace literals {
/// 800_bp == rate::bps(800); 8_pct == rate::percent(8).
constexpr rate operator""_bp(unsigned long long v) noexcept {
  return rate::bps(static_cast<std::int64_t>(v));
}
/// 8_pct == rate::percent(8).
constexpr rate operator""_pct(unsigned long long v) noexcept {
  return rate::percent(static_cast<std::int64_t>(v));
}
}  // namespace literals

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_CORE_RATE_HPP
