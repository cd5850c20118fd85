// libFuzzer: payment terms notation. Properties: parse_terms never throws; the canonical form
// parses back to the same terms (parse(format(t)) == t); due dates for any invoice date are an
// answer or a kreditor::error.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "kreditor/core/errc.hpp"
#include "kreditor/terms/due_dates.hpp"
#include "kreditor/terms/notation.hpp"
#include "kreditor/time/calendars.hpp"

using namespace kreditor;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto t = parse_terms(text);
  if (!t) return 0;
  const std::string canonical = format(*t);
  const auto back = parse_terms(canonical);
  if (!back || *back != *t) std::abort();  // the round-trip property
  static const deadline_rule roll{sweden(), business_day_convention::following};
  for (const date issued : {make_date(2026, 1, 31), make_date(9999, 12, 1), make_date(1400, 1, 1)}) {
    try {
      (void)due_date(*t, issued, roll);
      (void)discount_deadlines(*t, invoice_dates{issued}, roll);
    } catch (const error&) {
    }
  }
  return 0;
}
