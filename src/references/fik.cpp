#include "kreditor/references/fik.hpp"

#include "references/scan.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace {
using namespace references_detail;

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
  return validate_trailing_check(payment_id, fik_shape,
                                 [](std::string_view d) noexcept { return digit_char(luhn_check(d)); });
}

KREDITOR_NAMESPACE_END
