#include "kreditor/core/decimal.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdlib>

KREDITOR_NAMESPACE_BEGIN
namespace {

failure bad(std::string_view text, std::string_view why, errc code = errc::invalid_argument) {
  return failure{code, "decimal: '" + std::string(text) + "' " + std::string(why)};
}

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
/// A thousands separator: the other of point and comma, a space, '_' or an apostrophe.
bool is_group_separator(char c, char other) noexcept { return c == other || c == ' ' || c == '_' || c == '\''; }

}  // namespace

result<decimal> decimal::parse(std::string_view text, decimal_mark mark) {
  const bool comma_mark = mark == decimal_mark::comma;
  const char decimal_char = comma_mark ? ',' : '.';
  const char other = comma_mark ? '.' : ',';
  // A decimal comma ("12,50", "1 000,50", "55200,5") was once read as a thousands separator
  // (1250.00, 100050.00, 552005.00). The other mark followed by one or two digits at the end,
  // with no decimal mark and no other of its kind, is refused with a message that asks which
  // was meant (with the comma as the mark, "12.50" likewise).
  if (const auto at = text.rfind(other); at != std::string_view::npos && text.find(other) == at &&
                                         text.find(decimal_char) == std::string_view::npos) {
    const auto tail = text.substr(at + 1);
    if (!tail.empty() && tail.size() <= 2 && std::all_of(tail.begin(), tail.end(), is_digit)) {
      const std::string digits = std::to_string(tail.size()) + (tail.size() == 1 ? " digit" : " digits");
      const std::string as_mark = std::string(text.substr(0, at)) + decimal_char + std::string(tail);
      if (comma_mark)
        return bad(text, "ends in a point and " + digits + ": the numbers are read with a decimal comma, so " +
                             "write '" + as_mark + "'; a thousands separator is followed by groups of three digits");
      return bad(text, "ends in a comma and " + digits + ": if that is a decimal comma, write a decimal point ('" +
                           as_mark + "') or read the input with a decimal comma (--decimal-comma); a thousands " +
                           "separator is followed by groups of three digits");
    }
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
      // A negative mantissa may reach INT64_MIN, whose magnitude is INT64_MAX + 1: to_string
      // writes it (money(INT64_MIN) is "-92233720368547758.08"), so it must read back.
      if (mantissa > int128{INT64_MAX} + (negative ? 1 : 0))
        return bad(text, "does not fit in 64 bits", errc::overflow);
      ++digits;
      if (!point) ++group;
      if (point && ++scale > max_scale) return bad(text, "has more than 18 decimals", errc::out_of_range);
    } else if (c == decimal_char && !point) {
      if (digits == 0) return bad(text, "needs a digit before the point");
      if (separator != 0 && group != 3) return misgrouped(i);
      point = true;
    } else if (is_group_separator(c, other) && !point && digits > 0 && i + 1 < text.size() &&
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
  if (point && text.back() == decimal_char)
    return bad(text, comma_mark ? "needs a digit after the decimal comma" : "needs a digit after the point");
  if (!point && separator != 0 && group != 3) return misgrouped(text.size());
  return decimal(static_cast<std::int64_t>(negative ? -mantissa : mantissa), scale);
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
  std::string out;
  append_to(out);
  return out;
}

void decimal::append_to(std::string& out) const {
  // Via unsigned so that INT64_MIN has a magnitude.
  const std::uint64_t magnitude =
      mantissa_ < 0 ? 0 - static_cast<std::uint64_t>(mantissa_) : static_cast<std::uint64_t>(mantissa_);
  std::array<char, 24> digits{};  // 2^64 has 20 digits
  const char* end = std::to_chars(digits.data(), digits.data() + digits.size(), magnitude).ptr;
  const auto n = static_cast<std::size_t>(end - digits.data());
  const auto s = static_cast<std::size_t>(scale_);
  if (mantissa_ < 0) out += '-';
  // At least one digit before the point: 5 at scale 2 is "0.05".
  if (n <= s) {
    out += '0';
    if (s > 0) out += '.';
    out.append(s - n, '0');
    out.append(digits.data(), n);
    return;
  }
  out.append(digits.data(), n - s);
  if (s > 0) {
    out += '.';
    out.append(digits.data() + (n - s), s);
  }
}

int decimal::compare(decimal a, decimal b) noexcept {
  const int s = a.scale_ > b.scale_ ? a.scale_ : b.scale_;
  // Both fit: |mantissa| < 2^63 < 10^19 and the factor is at most 10^18.
  const int128 x = int128(a.mantissa_) * pow10(s - a.scale_);
  const int128 y = int128(b.mantissa_) * pow10(s - b.scale_);
  return x < y ? -1 : (x > y ? 1 : 0);
}

KREDITOR_NAMESPACE_END
