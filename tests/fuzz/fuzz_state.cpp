// libFuzzer: the run's state file (kreditor/book/state_json.hpp). Properties: parse_state_json
// never throws; a state it accepts is written by to_json without an exception and reads back
// to the same state (parse(serialise(s)) == s), and writing that is stable (the same text).
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "kreditor/book/state_json.hpp"

using namespace kreditor;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const result<run_state> s = parse_state_json(text, "fuzz.json");
  if (!s) {
    if (s.error().message.rfind("fuzz.json", 0) != 0) std::abort();  // every message names the input
    return 0;
  }
  const std::string written = to_json(*s);  // throws only for what parse refuses: a bug if it does
  const result<run_state> back = parse_state_json(written, "fuzz.json");
  if (!back || !(*back == *s)) std::abort();
  if (to_json(*back) != written) std::abort();
  return 0;
}
