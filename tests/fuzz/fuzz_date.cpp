// libFuzzer: dates, and calendars at any date a parser lets through. Properties: parse_date
// never throws and round-trips; is_business_day (noexcept) never lets an exception out;
// adjust/advance either answer or throw kreditor::error, never anything else.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "kreditor/core/errc.hpp"
#include "kreditor/time/calendars.hpp"
#include "kreditor/time/date.hpp"

using namespace kreditor;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  const auto d = parse_date(text);
  if (!d) return 0;
  if (parse_date(to_string(*d)).value() != *d) std::abort();
  static const calendar cals[] = {norway(), sweden(), denmark(), finland(), calendar()};
  const calendar& cal = cals[data[0] % 5];
  (void)cal.is_business_day(*d);
  (void)cal.is_business_day(*d + days(1));
  (void)cal.is_business_day(*d - days(1));
  try {
    (void)cal.adjust(*d, static_cast<business_day_convention>(data[0] / 5 % 5));
    (void)cal.advance(*d, static_cast<int>(static_cast<std::int8_t>(data[0])));
    (void)cal.business_days_between(*d, *d + days(data[0]));
  } catch (const error&) {
  }
  return 0;
}
