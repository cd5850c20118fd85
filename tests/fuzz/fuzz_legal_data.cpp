// libFuzzer: the legal data formats a host may load: rate tables (JSON and CSV) and fee
// rules (JSON). The first byte picks the reader. Property: a table / rules or a failure,
// never an exception.
#include <cstdint>
#include <string_view>

#include "kreditor/jurisdiction/fee_rules.hpp"
#include "kreditor/jurisdiction/rate_table.hpp"

using namespace kreditor;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 3) {
    case 0: (void)load_rate_table_json(text); break;
    case 1: (void)load_rate_table_csv(text); break;
    default: (void)load_fee_rules_json(text); break;
  }
  return 0;
}
