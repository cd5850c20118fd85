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
  // 15 integer digits and 3 decimals stay below 10^18: nothing here can overflow.
  if (mark != decimal_mark::point || minor > 3) return std::nullopt;
  std::size_t i = 0;
  const bool negative = !text.empty() && text.front() == '-';
  i += negative ? 1 : 0;
  std::int64_t whole = 0;
  const std::size_t first = i;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
    if (i - first == 15) return std::nullopt;  // a 16th digit: the general parser checks the range
    whole = whole * 10 + (text[i] - '0');
  }
  if (i == first) return std::nullopt;
  std::int64_t fraction = 0;
  int decimals = 0;
  if (i < text.size()) {
    if (text[i] != '.') return std::nullopt;
    for (++i; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++decimals) {
      if (decimals == minor) return std::nullopt;  // more decimals than the currency has
      fraction = fraction * 10 + (text[i] - '0');
    }
    if (i != text.size() || decimals == 0) return std::nullopt;
  }
  for (int k = 0; k < minor; ++k) whole *= 10;
  for (int k = decimals; k < minor; ++k) fraction *= 10;
  const std::int64_t units = whole + fraction;
  return negative ? -units : units;
}

}  // namespace kreditor::detail

#endif  // KREDITOR_SRC_CORE_PLAIN_AMOUNT_HPP
