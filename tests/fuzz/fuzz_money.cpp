// libFuzzer: money and decimal parsing. Properties: no exception escapes parse (it returns
// result<>); a parsed decimal prints and parses back to the same value; a parsed amount is an
// exact decimal of its currency; rates parse or fail, never throw.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "kreditor/core/decimal.hpp"
#include "kreditor/core/money.hpp"
#include "kreditor/core/rate.hpp"

using namespace kreditor;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (const auto d = decimal::parse(text)) {
    const auto back = decimal::parse(d->to_string());
    if (!back || *back != *d) std::abort();  // parse(format(x)) == x
  }
  static const currency currencies[] = {iso4217::nok, iso4217::eur, iso4217::jpy, iso4217::kwd};
  const currency c = currencies[size % 4];
  if (const auto m = money::parse(text, c)) {
    const auto back = money::parse(to_string(*m), c);
    if (!back || *back != *m) std::abort();
  }
  (void)money::parse(text, c, rounding::half_even);
  if (const auto r = rate::parse(text)) {
    const auto back = rate::parse(r->fraction_string());
    if (!back || back->parts_per_billion() != r->parts_per_billion()) std::abort();
  }
  return 0;
}
