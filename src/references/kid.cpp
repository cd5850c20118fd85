#include "kreditor/references/kid.hpp"

#include <array>

#include "references/scan.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace {
using namespace references_detail;

bool digit_or_dash(char c) noexcept { return is_digit(c) || c == '-'; }

constexpr shape payload_shape{"kid payload", 1, kid_max_length - 1, "digits", "a digit", digit_only};
constexpr shape mod10_shape{"kid-mod10", kid_min_length, kid_max_length, "digits", "a digit", digit_only};
constexpr shape mod11_shape{"kid-mod11", kid_min_length, kid_max_length, "characters",
                            "a digit (or '-' as the check character)", digit_or_dash};

// Weights from the rightmost payload digit (legal.md §4.1).
constexpr std::array<int, 6> mod11_weights{2, 3, 4, 5, 6, 7};

// The check character of clean payload digits; '\0' when it is 10 and refused.
char mod11_char(std::string_view digits, kid_remainder10 on_10) noexcept {
  const int check = 11 - weighted_sum_from_right(digits, mod11_weights) % 11;
  if (check == 11) return '0';
  if (check == 10) return on_10 == kid_remainder10::dash ? '-' : '\0';
  return digit_char(check);
}

char luhn_char(std::string_view digits) noexcept { return digit_char(luhn_check(digits)); }
char mod11_dash_char(std::string_view digits) noexcept {
  return mod11_char(digits, kid_remainder10::dash);
}

result<char> mod10_of(std::string_view payload, std::string_view who) {
  compact c;
  if (auto why = scan(payload, payload_shape, c)) return bad_payload(who, payload, *why);
  return digit_char(luhn_check(c.view()));
}

result<char> mod11_of(std::string_view payload, kid_remainder10 on_10, std::string_view who) {
  compact c;
  if (auto why = scan(payload, payload_shape, c)) return bad_payload(who, payload, *why);
  const char check = mod11_char(c.view(), on_10);
  if (check == '\0')
    return bad_payload(who, payload,
                       "its MOD11 check value is 10, which has no digit (and '-' was refused); "
                       "choose another payload");
  return check;
}

}  // namespace

result<char> kid_check_digit_mod10(std::string_view payload) {
  return mod10_of(payload, "kid_check_digit_mod10");
}

result<char> kid_check_digit_mod11(std::string_view payload, kid_remainder10 on_10) {
  return mod11_of(payload, on_10, "kid_check_digit_mod11");
}

result<std::string> make_kid_mod10(std::string_view payload) {
  auto check = mod10_of(payload, "make kid-mod10");
  if (!check) return check.error();
  return without_spaces(payload) + *check;
}

result<std::string> make_kid_mod11(std::string_view payload, kid_remainder10 on_10) {
  auto check = mod11_of(payload, on_10, "make kid-mod11");
  if (!check) return check.error();
  return without_spaces(payload) + *check;
}

validation validate_kid_mod10(std::string_view kid) {
  return validate_trailing_check(kid, mod10_shape, luhn_char);
}

validation validate_kid_mod11(std::string_view kid) {
  compact c;
  if (auto why = scan(kid, mod11_shape, c)) return validation::invalid(std::move(*why));
  const std::string_view v = c.view();
  const std::string_view payload = v.substr(0, v.size() - 1);
  if (payload.find('-') != std::string_view::npos)
    return validation::invalid("'-' is allowed only as the check character (last)");
  return validate_trailing_check(v, mod11_shape, mod11_dash_char);
}

KREDITOR_NAMESPACE_END
