// -----------------------------------------------------------------------------
// File: kreditor/core/decimal.hpp
// -----------------------------------------------------------------------------
//
// An exact decimal number: a 64-bit mantissa and a power-of-ten scale (0..18).
// Shares of an instalment ("0.5"), discount rates ("0.02"), FX factors and
// amounts as read from text are decimals; nothing on a money path is a double.
//
//   decimal d = decimal::parse("1 234.50").value();   // mantissa 123450, scale 2
//   d.to_string() == "1234.50";
#ifndef KREDITOR_CORE_DECIMAL_HPP
#define KREDITOR_CORE_DECIMAL_HPP

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "kreditor/core/result.hpp"
#include "kreditor/core/rounding.hpp"

KREDITOR_NAMESPACE_BEGIN

/// The character that separates a number's integer part from its fraction: the point
/// (1,234.50) or, in Nordic and most European exports, the comma (1 234,50 or 1.234,50).
enum class decimal_mark : unsigned char { point, comma };
/// "point" or "comma".
[[nodiscard]] constexpr std::string_view to_string(decimal_mark m) noexcept {
  return m == decimal_mark::comma ? "comma" : "point";
}

/// An exact decimal number: a 64-bit mantissa times 10^-scale (scale 0..18). For FX rates, parsing
/// and printing; money arithmetic stays in minor units.
class decimal {
 public:
  static constexpr int max_scale = 18;  ///< the most digits after the point

  /// Zero.
  constexpr decimal() noexcept = default;
  /// mantissa x 10^-scale. \throws error(out_of_range) for a scale outside 0..18.
  constexpr decimal(std::int64_t mantissa, int scale) : mantissa_(mantissa), scale_(check(scale)) {}
  /// `v` with scale 0.
  static constexpr decimal integer(std::int64_t v) noexcept { return decimal(v, 0, nullptr); }

  /// Parses "-1234.50", "+0.05", "1,234.5", "1 234.50", "1_000" (',' ' ' '_' and '\'' are
  /// thousands separators, only between digits before the point; '.' is the point). No
  /// exponent, no leading/trailing garbage, at most 18 digits after the point and a mantissa
  /// that fits 64 bits. Failure: errc::invalid_argument / overflow naming the text.
  /// With decimal_mark::comma (a Nordic export: "1 234,50", "1.234,50") the roles of '.' and
  /// ',' are swapped; a lone point before one or two final digits ("12.50") is then refused as
  /// a lone comma is without it, since either reading could be meant.
  static result<decimal> parse(std::string_view text, decimal_mark mark = decimal_mark::point);

  /// The value times 10^scale().
  [[nodiscard]] constexpr std::int64_t mantissa() const noexcept { return mantissa_; }
  /// Digits after the point.
  [[nodiscard]] constexpr int scale() const noexcept { return scale_; }
  /// True for 0 at any scale.
  [[nodiscard]] constexpr bool is_zero() const noexcept { return mantissa_ == 0; }
  /// True below zero.
  [[nodiscard]] constexpr bool is_negative() const noexcept { return mantissa_ < 0; }

  /// The same value at `new_scale`; rounds with `mode` when digits are dropped.
  [[nodiscard]] decimal rescale(int new_scale, rounding mode) const;
  /// The same value at `new_scale`, or errc::precision_loss if that would drop a non-zero digit.
  [[nodiscard]] result<decimal> rescale_exact(int new_scale) const;
  /// Trailing zeros after the point removed: 1.2500 -> 1.25.
  [[nodiscard]] decimal normalized() const noexcept;

  /// "-1234.50": every digit of the scale, '.' as the point, no thousands separators.
  [[nodiscard]] std::string to_string() const;
  /// Appends to_string() to `out` without a string of its own (a report writes millions).
  void append_to(std::string& out) const;

  /// Exact comparison of values (1.50 == 1.5).
  friend bool operator==(decimal a, decimal b) noexcept { return compare(a, b) == 0; }
  /// Exact ordering of values, whatever the scales.
  friend std::strong_ordering operator<=>(decimal a, decimal b) noexcept {
    return compare(a, b) <=> 0;
  }

 private:
  constexpr decimal(std::int64_t m, int s, std::nullptr_t) noexcept : mantissa_(m), scale_(s) {}
  static constexpr int check(int scale) {
    if (scale < 0 || scale > max_scale) throw error(errc::out_of_range, "decimal: scale outside 0..18");
    return scale;
  }
  static int compare(decimal a, decimal b) noexcept;

  std::int64_t mantissa_ = 0;
  int scale_ = 0;
};

/// 10^n as a 128-bit integer, 0 <= n <= 36.
[[nodiscard]] constexpr int128 pow10(int n) noexcept {
  int128 p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_CORE_DECIMAL_HPP
