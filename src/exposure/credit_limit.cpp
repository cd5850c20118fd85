#include "kreditor/exposure/credit_limit.hpp"

#include <string>

KREDITOR_NAMESPACE_BEGIN

namespace {

void require_positive_limit(money exposure_total, money limit, const char* who) {
  if (exposure_total.currency() != limit.currency())
    throw error(errc::currency_mismatch, std::string(who) + ": exposure in " +
                                             std::string(exposure_total.currency().code()) +
                                             ", limit in " + std::string(limit.currency().code()));
  if (!limit.is_positive())
    throw error(errc::invalid_argument,
                std::string(who) + ": limit '" + to_string(limit) + "' is not positive");
}

}  // namespace

decimal utilisation_percent(money exposure_total, money limit, int places, rounding mode) {
  require_positive_limit(exposure_total, limit, "utilisation_percent");
  if (places < 0 || places > 9)
    throw error(errc::invalid_argument,
                "utilisation_percent: places '" + std::to_string(places) + "' outside 0..9");
  // exposure / limit x 100, scaled by 10^places, rounded once.
  const int128 n = checked_mul(exposure_total.minor_units(), 100 * pow10(places));
  return decimal(divide_rounded(n, limit.minor_units(), mode), places);
}

bool utilisation_at_least(money exposure_total, money limit, rate threshold) {
  require_positive_limit(exposure_total, limit, "utilisation_at_least");
  // exposure / limit >= ppb / 1e9  <=>  exposure x 1e9 >= ppb x limit (limit > 0).
  return int128{exposure_total.minor_units()} * rate::one >=
         int128{threshold.parts_per_billion()} * limit.minor_units();
}

KREDITOR_NAMESPACE_END
