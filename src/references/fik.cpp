#include "kreditor/references/fik.hpp"

#include "references/scan.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace {
using namespace references_detail;

bool digit_only(char c) noexcept { return is_digit(c); }

constexpr shape fik_shape{"fik71", fik71_length, fik71_length, "digits", "a digit", digit_only};
constexpr shape payload_shape{"fik71 payload", 1, fik71_length - 1, "digits", "a digit", digit_only};

// Left zeros do not change a Luhn sum, so the padded and the bare payload share a check digit.
std::string padded(std::string_view digits) {
  return std::string(fik71_length - 1 - digits.size(), '0') + std::string(digits);
}

}  // namespace

result<char> fik71_check_digit(std::string_view payload) {
  compact c;
  if (auto why = scan(payload, payload_shape, c)) return bad_payload("fik71_check_digit", payload, *why);
  return digit_char(luhn_check(c.view()));
}

result<std::string> make_fik71(std::string_view payload) {
  compact c;
  if (auto why = scan(payload, payload_shape, c)) return bad_payload("make fik71", payload, *why);
  return padded(c.view()) + digit_char(luhn_check(c.view()));
}

validation validate_fik71(std::string_view payment_id) {
  compact c;
  if (auto why = scan(payment_id, fik_shape, c)) return validation::invalid(std::move(*why));
  const std::string_view v = c.view();
  const char expected = digit_char(luhn_check(v.substr(0, v.size() - 1)));
  if (v.back() != expected) return validation::invalid(check_reason(v.back(), expected));
  return validation::ok();
}

KREDITOR_NAMESPACE_END
