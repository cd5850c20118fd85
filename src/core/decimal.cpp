#include "kreditor/core/decimal.hpp"

#include <cstdlib>

KREDITOR_NAMESPACE_BEGIN
namespace {

failure bad(std::string_view text, std::string_view why, errc code = errc::invalid_argument) {
  return failure{code, "decimal: '" + std::string(text) + "' " + std::string(why)};
}

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
bool is_group_separator(char c) noexcept { return c == ',' || c == ' ' || c == '_' || c == '\''; }

}  // namespace

result<decimal> decimal::parse(std::string_view text) {
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  int128 mantissa = 0;
  int scale = 0;
  int digits = 0;
  bool point = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (is_digit(c)) {
      mantissa = mantissa * 10 + (c - '0');
      if (mantissa > INT64_MAX) return bad(text, "does not fit in 64 bits", errc::overflow);
      ++digits;
      if (point && ++scale > max_scale) return bad(text, "has more than 18 decimals", errc::out_of_range);
    } else if (c == '.' && !point) {
      if (digits == 0) return bad(text, "needs a digit before the point");
      point = true;
    } else if (is_group_separator(c) && !point && digits > 0 && i + 1 < text.size() &&
               is_digit(text[i + 1])) {
      continue;  // thousands separator between digits
    } else {
      return bad(text, "has an unexpected character at position " + std::to_string(i + 1));
    }
  }
  if (digits == 0) return bad(text, "has no digits");
  if (point && text.back() == '.') return bad(text, "needs a digit after the point");
  const auto m = static_cast<std::int64_t>(mantissa);
  return decimal(negative ? -m : m, scale);
}

decimal decimal::rescale(int new_scale, rounding mode) const {
  check(new_scale);
  if (new_scale >= scale_) {
    const int128 v = checked_mul(mantissa_, pow10(new_scale - scale_));
    if (v > INT64_MAX || v < INT64_MIN) throw error(errc::overflow, "decimal: rescale overflows");
    return decimal(static_cast<std::int64_t>(v), new_scale);
  }
  return decimal(divide_rounded(mantissa_, pow10(scale_ - new_scale), mode), new_scale);
}

result<decimal> decimal::rescale_exact(int new_scale) const {
  if (new_scale < scale_ && mantissa_ % static_cast<std::int64_t>(pow10(scale_ - new_scale)) != 0)
    return failure{errc::precision_loss, "decimal: " + to_string() + " has more than " +
                                             std::to_string(new_scale) + " decimals"};
  try {
    return rescale(new_scale, rounding::down);
  } catch (const error& e) {
    return failure{e.code(), e.what()};
  }
}

decimal decimal::normalized() const noexcept {
  std::int64_t m = mantissa_;
  int s = scale_;
  while (s > 0 && m % 10 == 0) {
    m /= 10;
    --s;
  }
  return decimal(m, s, nullptr);
}

std::string decimal::to_string() const {
  const bool negative = mantissa_ < 0;
  // Via unsigned so that INT64_MIN has a magnitude.
  const std::uint64_t magnitude =
      negative ? 0 - static_cast<std::uint64_t>(mantissa_) : static_cast<std::uint64_t>(mantissa_);
  std::string digits = std::to_string(magnitude);
  const auto s = static_cast<std::size_t>(scale_);
  if (digits.size() <= s) digits.insert(0, s - digits.size() + 1, '0');
  if (s > 0) digits.insert(digits.size() - s, 1, '.');
  return negative ? "-" + digits : digits;
}

int decimal::compare(decimal a, decimal b) noexcept {
  const int s = a.scale_ > b.scale_ ? a.scale_ : b.scale_;
  // Both fit: |mantissa| < 2^63 < 10^19 and the factor is at most 10^18.
  const int128 x = int128(a.mantissa_) * pow10(s - a.scale_);
  const int128 y = int128(b.mantissa_) * pow10(s - b.scale_);
  return x < y ? -1 : (x > y ? 1 : 0);
}

KREDITOR_NAMESPACE_END
