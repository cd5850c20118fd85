// libFuzzer: a one-file JSON ledger. Property: a ledger or a failure, never an exception.
#include <cstdint>
#include <map>
#include <string>

#include "kreditor/io/ledger.hpp"

using namespace kreditor;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::map<std::string, std::string, std::less<>> files{
      {"book.json", std::string(reinterpret_cast<const char*>(data), size)}};
  (void)parse_ledger(files);
  return 0;
}
