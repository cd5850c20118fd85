// libFuzzer: the CSV ledger loader. The input is split at '\x01' into customers.csv,
// invoices.csv, payments.csv, events.csv, orders.csv and security.csv (in that order; missing
// parts are left out). Property: parse_ledger answers with a ledger or a failure, never an
// exception or a crash.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "kreditor/io/ledger.hpp"

using namespace kreditor;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const char* const names[] = {"customers.csv", "invoices.csv", "payments.csv",
                                      "events.csv",    "orders.csv",   "security.csv"};
  std::map<std::string, std::string, std::less<>> files;
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  for (const char* name : names) {
    const std::size_t cut = rest.find('\x01');
    files[name] = std::string(rest.substr(0, cut));
    if (cut == std::string_view::npos) break;
    rest.remove_prefix(cut + 1);
  }
  (void)parse_ledger(files);
  return 0;
}
