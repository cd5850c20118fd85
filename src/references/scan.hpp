// Private helpers shared by the check-digit schemes in src/references/: turning a typed-in
// value into its compact characters (spaces dropped) with a reason when it cannot be one,
// and the three arithmetic kernels every scheme is built from (Luhn, weighted sums, MOD 97-10).
//
// Why a fixed buffer: every format here is at most 34 characters (IBAN), so a value is
// copied once into a stack array; valid values never allocate.
#ifndef KREDITOR_SRC_REFERENCES_SCAN_HPP
#define KREDITOR_SRC_REFERENCES_SCAN_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "kreditor/core/result.hpp"
#include "kreditor/references/validation.hpp"

namespace kreditor::references_detail {

[[nodiscard]] constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }
[[nodiscard]] constexpr bool is_upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }
[[nodiscard]] constexpr bool is_lower(char c) noexcept { return c >= 'a' && c <= 'z'; }
[[nodiscard]] constexpr bool is_alnum(char c) noexcept {
  return is_digit(c) || is_upper(c) || is_lower(c);
}
[[nodiscard]] constexpr char to_upper(char c) noexcept {
  return is_lower(c) ? static_cast<char>(c - 'a' + 'A') : c;
}
/// The `allowed` predicate of all-digit shapes.
[[nodiscard]] inline bool digit_only(char c) noexcept { return is_digit(c); }
[[nodiscard]] constexpr int digit_value(char c) noexcept { return c - '0'; }
[[nodiscard]] constexpr char digit_char(int d) noexcept { return static_cast<char>('0' + d); }

/// The longest compact value any scheme accepts (IBAN: 34), with room to spare.
inline constexpr std::size_t compact_capacity = 40;

/// A value with its spaces removed, held by value.
struct compact {
  std::array<char, compact_capacity> chars{};
  std::size_t size = 0;
  [[nodiscard]] std::string_view view() const noexcept { return {chars.data(), size}; }
};

/// How one format may look once its spaces are gone.
struct shape {
  std::string_view name;       ///< the CLI name, used in reasons: "kid-mod10"
  std::size_t min_length;      ///< compact length bounds, inclusive
  std::size_t max_length;
  std::string_view unit;       ///< what is counted: "digits", "characters"
  std::string_view expected;   ///< what a bad character is not: "a digit", "a letter or digit"
  bool (*allowed)(char) noexcept;  ///< characters the format may contain besides spaces
};

/// Describes a character for a reason: 'a', or 0x07 for control bytes.
[[nodiscard]] std::string describe_char(char c);

/// "length 5 is not allowed for ocr (2 to 25 digits)".
[[nodiscard]] std::string length_reason(std::size_t length, const shape& s);

/// Copies `value` without spaces into `out`, or returns why it cannot be a value of shape
/// `s`: empty, a character outside `s.allowed` (named with its 1-based position in the
/// input as typed), or a length outside the bounds.
[[nodiscard]] std::optional<std::string> scan(std::string_view value, const shape& s, compact& out);

/// The input quoted for a message, cut to a readable length: '0044 5552 58'.
[[nodiscard]] std::string quote(std::string_view value);

/// errc::invalid_argument "who: 'value' why" (the make_* functions' failures).
[[nodiscard]] failure bad_payload(std::string_view who, std::string_view value, std::string_view why);

/// `s` with its spaces removed.
[[nodiscard]] std::string without_spaces(std::string_view s);

/// `chars` split by single spaces into groups of `size`, counted from the left (IBAN, RF)
/// or from the right (Finnish reference): grouped("RF18539007547034", 4, false) ==
/// "RF18 5390 0754 7034".
[[nodiscard]] std::string grouped(std::string_view chars, std::size_t size, bool from_right);

/// "check digit is 3, expected 7".
[[nodiscard]] std::string check_reason(char found, char expected);

/// The check character of a clean payload, or '\0' when the payload has none.
using check_fn = char (*)(std::string_view payload) noexcept;

/// The common validator: `value` scanned as shape `s`, then its last character compared with
/// `check_of` everything before it; `no_check_reason` when check_of gives '\0'.
[[nodiscard]] validation validate_trailing_check(std::string_view value, const shape& s,
                                                 check_fn check_of,
                                                 std::string_view no_check_reason = {});

/// Luhn (ISO/IEC 7812 "mod 10") check digit for `payload`: weights 2,1,2,... from the
/// rightmost payload digit, products above 9 reduced by 9, check = (10 - sum mod 10) mod 10.
/// \pre payload is all digits
[[nodiscard]] constexpr int luhn_check(std::string_view payload) noexcept {
  int sum = 0;
  bool twice = true;
  for (std::size_t i = payload.size(); i-- > 0;) {
    int d = digit_value(payload[i]);
    if (twice) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    twice = !twice;
  }
  return (10 - sum % 10) % 10;
}

/// Sum of digit x weight, weights applied from the rightmost digit and repeated cyclically.
/// \pre payload is all digits
[[nodiscard]] constexpr int weighted_sum_from_right(std::string_view payload,
                                                    std::span<const int> weights) noexcept {
  int sum = 0;
  std::size_t w = 0;
  for (std::size_t i = payload.size(); i-- > 0;) {
    sum += digit_value(payload[i]) * weights[w];
    if (++w == weights.size()) w = 0;
  }
  return sum;
}

/// Sum of digit x weight, weights applied from the leftmost digit (fixed-length numbers).
/// \pre payload.size() <= weights.size(), payload is all digits
[[nodiscard]] constexpr int weighted_sum_from_left(std::string_view payload,
                                                   std::span<const int> weights) noexcept {
  int sum = 0;
  for (std::size_t i = 0; i < payload.size(); ++i) sum += digit_value(payload[i]) * weights[i];
  return sum;
}

/// ISO 7064 MOD 97-10 remainder of `chars` read as one big integer, letters counting as the
/// two digits 10 (A) .. 35 (Z). Computed piecewise so any length fits.
/// \pre chars are digits or upper-case letters
[[nodiscard]] constexpr int mod97(std::string_view chars, int start = 0) noexcept {
  int r = start;
  for (char c : chars) {
    if (is_digit(c))
      r = (r * 10 + digit_value(c)) % 97;
    else
      r = (r * 100 + (c - 'A' + 10)) % 97;
  }
  return r;
}

/// The MOD 97-10 remainder of an IBAN or RF reference: its first four characters moved to the end.
[[nodiscard]] constexpr int mod97_rotated(std::string_view value) noexcept {
  return mod97(value.substr(0, 4), mod97(value.substr(4)));
}

}  // namespace kreditor::references_detail

#endif  // KREDITOR_SRC_REFERENCES_SCAN_HPP
