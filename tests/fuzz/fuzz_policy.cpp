// libFuzzer: policy JSON, its compilation and the legal check. Properties: parse_policy_json
// (which compiles the policy and checks it against its jurisdiction's law) never throws; a
// policy it accepts prints as JSON that reads back to the same policy; check_legal answers.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "kreditor/dunning/legal_check.hpp"
#include "kreditor/io/policy_json.hpp"

using namespace kreditor;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto p = parse_policy_json(text);
  if (!p) return 0;
  const auto back = parse_policy_json(to_json(*p));
  if (!back || !(*back == *p)) std::abort();
  (void)dunning::check_legal(*p);
  return 0;
}
