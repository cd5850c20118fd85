#include "kreditor/references/fi_reference.hpp"

#include <array>

#include "references/scan.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace {
using namespace references_detail;

constexpr shape ref_shape{"fi-ref", fi_reference_min_length, fi_reference_max_length, "digits",
                          "a digit", digit_only};
constexpr shape payload_shape{"fi-ref payload", fi_reference_min_length - 1,
                              fi_reference_max_length - 1, "digits", "a digit", digit_only};

// Weights from the rightmost payload digit (legal.md §4.7).
constexpr std::array<int, 3> weights_731{7, 3, 1};

char check_of(std::string_view payload) noexcept {
  return digit_char((10 - weighted_sum_from_right(payload, weights_731) % 10) % 10);
}

}  // namespace

result<char> fi_reference_check_digit(std::string_view payload) {
  compact c;
  if (auto why = scan(payload, payload_shape, c))
    return bad_payload("fi_reference_check_digit", payload, *why);
  return check_of(c.view());
}

result<std::string> make_fi_reference(std::string_view payload) {
  compact c;
  if (auto why = scan(payload, payload_shape, c)) return bad_payload("make fi-ref", payload, *why);
  return std::string(c.view()) + check_of(c.view());
}

validation validate_fi_reference(std::string_view reference) {
  return validate_trailing_check(reference, ref_shape, check_of);
}

std::string format_fi_reference(std::string_view reference) {
  return grouped(without_spaces(reference), 5, true);
}

KREDITOR_NAMESPACE_END
