// The amount text a ledger nearly always writes, read without the general decimal parser:
// money::parse's first step, and the loader's for a million rows (io/ledger.cpp), so that the
// two cannot disagree.
//
// Private to the library (src/).
#ifndef KREDITOR_SRC_CORE_PLAIN_AMOUNT_HPP
#define KREDITOR_SRC_CORE_PLAIN_AMOUNT_HPP

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "kreditor/core/decimal.hpp"

namespace kreditor::detail {

/// The amount a ledger nearly always writes, [-]DIGITS[.DIGITS] with at most 15 integer digits
/// and at most `minor` decimals and the point as the mark, in minor units; nullopt for any
/// other text, which decimal::parse reads (or refuses with its message). Both give the same
/// value for every text this reads: a million rows are not each parsed as a general decimal.
inline std::optional<std::int64_t> plain_minor_units(std::string_view text, int minor, decimal_mark mark) noexcept {
  // 15 integer digits and 3 decimals stay below 10^18: nothing here can overflow. The digits
  // are summed unsigned (a longer run wraps, defined, and is refused by its count after).
  if (mark != decimal_mark::point || minor > 3 || minor < 0) return std::nullopt;
  const char* at = text.data();
  const char* const end = at + text.size();
  const bool negative = at != end && *at == '-';
  at += negative ? 1 : 0;
  const auto digits = [&](std::uint64_t& value) {
    const char* const from = at;
    for (; at != end; ++at) {
      const unsigned d = static_cast<unsigned char>(*at) - unsigned{'0'};
      if (d > 9) break;
      value = value * 10 + d;
    }
    return at - from;
  };
  std::uint64_t whole = 0;
  const std::ptrdiff_t whole_digits = digits(whole);
  // No digit, or a 16th: the general parser reads (or refuses) it and checks the range.
  if (whole_digits == 0 || whole_digits > 15) return std::nullopt;
  std::uint64_t fraction = 0;
  std::ptrdiff_t decimals = 0;
  if (at != end) {
    if (*at != '.') return std::nullopt;
    ++at;
    decimals = digits(fraction);
    // Something after the decimals, none, or more than the currency has.
    if (at != end || decimals == 0 || decimals > minor) return std::nullopt;
  }
  static constexpr std::uint64_t power_of_ten[] = {1, 10, 100, 1000};
  const auto units = static_cast<std::int64_t>(whole * power_of_ten[minor] + fraction * power_of_ten[minor - decimals]);
  return negative ? -units : units;
}

}  // namespace kreditor::detail

#endif  // KREDITOR_SRC_CORE_PLAIN_AMOUNT_HPP
