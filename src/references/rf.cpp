#include "kreditor/references/rf.hpp"

#include "references/scan.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace {
using namespace references_detail;

bool alnum(char c) noexcept { return is_alnum(c); }

constexpr shape rf_shape{"rf", 5, rf_max_length, "characters", "a letter or digit", alnum};
constexpr shape payload_shape{"rf payload", 1, rf_max_payload_length, "characters",
                              "a letter or digit", alnum};

void upper_case(compact& c) noexcept {
  for (std::size_t i = 0; i < c.size; ++i) c.chars[i] = to_upper(c.chars[i]);
}

// 98 - (payload + "RF00") mod 97, as two digits (ISO 11649 via legal.md §4.9).
std::string check_digits_of(std::string_view upper_payload) {
  const int check = 98 - mod97("RF00", mod97(upper_payload));
  return {digit_char(check / 10), digit_char(check % 10)};
}

}  // namespace

result<std::string> rf_check_digits(std::string_view payload) {
  compact c;
  if (auto why = scan(payload, payload_shape, c)) return bad_payload("rf_check_digits", payload, *why);
  upper_case(c);
  return check_digits_of(c.view());
}

result<std::string> make_rf(std::string_view payload) {
  compact c;
  if (auto why = scan(payload, payload_shape, c)) return bad_payload("make rf", payload, *why);
  upper_case(c);
  return "RF" + check_digits_of(c.view()) + std::string(c.view());
}

validation validate_rf(std::string_view reference) {
  compact c;
  if (auto why = scan(reference, rf_shape, c)) return validation::invalid(std::move(*why));
  upper_case(c);
  const std::string_view v = c.view();
  if (v.substr(0, 2) != "RF") return validation::invalid("does not start with RF");
  if (!is_digit(v[2]) || !is_digit(v[3]))
    return validation::invalid("check digits '" + std::string(v.substr(2, 2)) + "' are not two digits");
  const std::string expected = check_digits_of(v.substr(4));
  if (v.substr(2, 2) != expected)
    return validation::invalid("check digits are " + std::string(v.substr(2, 2)) + ", expected " + expected);
  return validation::ok();
}

std::string format_rf(std::string_view reference) {
  std::string compacted = without_spaces(reference);
  for (char& ch : compacted) ch = to_upper(ch);
  return grouped(compacted, 4, false);
}

KREDITOR_NAMESPACE_END
