#include "kreditor/core/decimal.hpp"

#include <algorithm>
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
  // A decimal comma ("12,50", "1 000,50", "55200,5") was once read as a thousands separator
  // (1250.00, 100050.00, 552005.00). A comma followed by one or two digits at the end, with
  // no point and no other comma, is refused with a message that asks whether a decimal comma
  // was meant.
  if (const auto comma = text.rfind(','); comma != std::string_view::npos && text.find(',') == comma &&
                                          text.find('.') == std::string_view::npos) {
    const auto tail = text.substr(comma + 1);
    if (!tail.empty() && tail.size() <= 2 && std::all_of(tail.begin(), tail.end(), is_digit))
      return bad(text, "ends in a comma and " + std::to_string(tail.size()) +
                           (tail.size() == 1 ? " digit" : " digits") +
                           ": if that is a decimal comma, write a decimal point ('" +
                           std::string(text.substr(0, comma)) + "." + std::string(tail) +
                           "'); a thousands separator is followed by groups of three digits");
  }
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  int128 mantissa = 0;
  int scale = 0;
  int digits = 0;
  bool point = false;
  // Grouping: one separator character splits the integer digits into groups of three after a
  // first group of one to three ("1 234 567", "1,234.50"); "1,2,3" or "12,34,567" is refused.
  char separator = 0;
  int group = 0;  // integer digits since the last separator (or the start)
  const auto misgrouped = [&](std::size_t at) {
    return bad(text, "has a group of digits ending at position " + std::to_string(at) +
                         " that is not three long (grouping separators split the digits into threes)");
  };
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (is_digit(c)) {
      mantissa = mantissa * 10 + (c - '0');
      if (mantissa > INT64_MAX) return bad(text, "does not fit in 64 bits", errc::overflow);
      ++digits;
      if (!point) ++group;
      if (point && ++scale > max_scale) return bad(text, "has more than 18 decimals", errc::out_of_range);
    } else if (c == '.' && !point) {
      if (digits == 0) return bad(text, "needs a digit before the point");
      if (separator != 0 && group != 3) return misgrouped(i);
      point = true;
    } else if (is_group_separator(c) && !point && digits > 0 && i + 1 < text.size() &&
               is_digit(text[i + 1])) {
      if (separator != 0 && c != separator)
        return bad(text, "mixes the grouping separators '" + std::string(1, separator) + "' and '" +
                             std::string(1, c) + "'");
      if (separator == 0 ? group > 3 : group != 3) return misgrouped(i);
      separator = c;
      group = 0;
    } else {
      return bad(text, "has an unexpected character at position " + std::to_string(i + 1));
    }
  }
  if (digits == 0) return bad(text, "has no digits");
  if (point && text.back() == '.') return bad(text, "needs a digit after the point");
  if (!point && separator != 0 && group != 3) return misgrouped(text.size());
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
