// -----------------------------------------------------------------------------
// File: kreditor/core/rounding.hpp
// -----------------------------------------------------------------------------
//
// Rounding is never implicit: every function that can lose precision takes a
// `rounding`. `divide_rounded` is the one place a quotient is rounded; money,
// rates, interest and allocation all go through it.
//
//   divide_rounded(7, 2, rounding::half_even) == 4;   // 3.5 -> 4
//   divide_rounded(5, 2, rounding::half_even) == 2;   // 2.5 -> 2
#ifndef KREDITOR_CORE_ROUNDING_HPP
#define KREDITOR_CORE_ROUNDING_HPP

#include <cstdint>
#include <optional>
#include <string_view>

#include "kreditor/core/errc.hpp"

KREDITOR_NAMESPACE_BEGIN

/// How an exact quotient becomes an integer count of minor units.
enum class rounding : std::uint8_t {
  half_up,    ///< ties away from zero (commercial rounding; 2.5 -> 3, -2.5 -> -3)
  half_even,  ///< ties to even (banker's rounding; 2.5 -> 2, 3.5 -> 4)
  half_down,  ///< ties toward zero (2.5 -> 2)
  down,       ///< toward zero (truncate; 2.9 -> 2, -2.9 -> -2)
  up,         ///< away from zero (2.1 -> 3, -2.1 -> -3)
  floor,      ///< toward negative infinity
  ceiling,    ///< toward positive infinity
};

/// "half_up", "half_even", ...; nullopt for an unknown name.
[[nodiscard]] std::optional<rounding> parse_rounding(std::string_view name) noexcept;
/// "half_up", "half_even", ... (the name parse_rounding reads).
[[nodiscard]] std::string_view to_string(rounding mode) noexcept;

/// A signed 128-bit integer for exact intermediates (GCC/Clang builtin; `__extension__`
/// keeps -Wpedantic quiet). Never appears in a public signature outside core/.
__extension__ using int128 = __int128;

/// n / d rounded by `mode`, exactly. \pre d != 0. \throws error(errc::overflow) when the
/// quotient does not fit in 64 bits. Cross-checked against Boost.Multiprecision in tests.
[[nodiscard]] constexpr std::int64_t divide_rounded(int128 n, int128 d, rounding mode) {
  if (d == 0) throw error(errc::invalid_argument, "divide_rounded: division by zero");
  int128 q = n / d;  // truncates toward zero
  const int128 r = n % d;
  if (r != 0) {
    const bool negative = (n < 0) != (d < 0);
    const int128 ar = r < 0 ? -r : r;
    const int128 ad = d < 0 ? -d : d;
    bool away = false;  // away from zero
    switch (mode) {
      case rounding::down: away = false; break;
      case rounding::up: away = true; break;
      case rounding::floor: away = negative; break;
      case rounding::ceiling: away = !negative; break;
      case rounding::half_up: away = 2 * ar >= ad; break;
      case rounding::half_down: away = 2 * ar > ad; break;
      case rounding::half_even: away = 2 * ar > ad || (2 * ar == ad && (q % 2) != 0); break;
    }
    if (away) q += negative ? -1 : 1;
  }
  if (q > INT64_MAX || q < INT64_MIN)
    throw error(errc::overflow, "divide_rounded: result does not fit in 64 bits");
  return static_cast<std::int64_t>(q);
}

/// a * b, checked: throws error(errc::overflow) instead of wrapping.
[[nodiscard]] constexpr int128 checked_mul(int128 a, int128 b) {
  int128 out = 0;
  if (__builtin_mul_overflow(a, b, &out)) throw error(errc::overflow, "checked_mul: overflow");
  return out;
}

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_CORE_ROUNDING_HPP
