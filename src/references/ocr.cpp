#include "kreditor/references/ocr.hpp"

#include "references/scan.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace {
using namespace references_detail;

constexpr shape ocr_shape{"ocr", ocr_min_length, ocr_max_length, "digits", "a digit", digit_only};
constexpr shape payload_shape{"ocr payload", 1, ocr_max_length - 1, "digits", "a digit", digit_only};
constexpr shape ocr_shape_ld{"ocr with a length digit", 3, ocr_max_length, "digits", "a digit",
                             digit_only};
constexpr shape payload_shape_ld{"ocr payload with a length digit", 1, ocr_max_length - 2, "digits",
                                 "a digit", digit_only};

}  // namespace

result<std::string> make_ocr(std::string_view payload, bool with_length_digit) {
  compact c;
  if (auto why = scan(payload, with_length_digit ? payload_shape_ld : payload_shape, c))
    return bad_payload("make ocr", payload, *why);
  std::string out(c.view());
  // The length digit counts itself and the check digit (Bankgirot, legal.md §4.3).
  if (with_length_digit) out += digit_char(static_cast<int>((out.size() + 2) % 10));
  out += digit_char(luhn_check(out));
  return out;
}

validation validate_ocr(std::string_view ocr, ocr_control control) {
  compact c;
  if (auto why = scan(ocr, ocr_shape, c)) return validation::invalid(std::move(*why));
  const std::string_view v = c.view();
  std::string why;
  if (control == ocr_control::length_digit) {
    if (v.size() < 3) return validation::invalid(length_reason(v.size(), ocr_shape_ld));
    const char expected = digit_char(static_cast<int>(v.size() % 10));
    const char found = v[v.size() - 2];
    if (found != expected)
      why = std::string("length digit is ") + found + ", expected " + expected + " (length " +
            std::to_string(v.size()) + ")";
  }
  const char expected = digit_char(luhn_check(v.substr(0, v.size() - 1)));
  if (v.back() != expected) why += (why.empty() ? "" : "; ") + check_reason(v.back(), expected);
  return why.empty() ? validation::ok() : validation::invalid(std::move(why));
}

KREDITOR_NAMESPACE_END
