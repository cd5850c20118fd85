// libFuzzer: payment references and identity numbers. Properties: validate never throws;
// a reference that make_reference completes is valid; format_reference of a valid value is
// still valid.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "kreditor/references/reference.hpp"

using namespace kreditor;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const reference_type t = all_reference_types[data[0] % all_reference_types.size()];
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  const validation v = validate(t, text);
  if (v.valid && !validate(t, format_reference(t, text)).valid) std::abort();
  if (can_make(t)) {
    const bool length_digit = t == reference_type::ocr && (data[0] & 0x80) != 0;
    if (const auto made = make_reference(t, text, length_digit)) {
      if (!validate(t, *made).valid) std::abort();
    }
  }
  return 0;
}
