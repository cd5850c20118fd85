// -----------------------------------------------------------------------------
// File: kreditor/exposure/credit_limit.hpp
// -----------------------------------------------------------------------------
//
// Exposure measured against a credit limit: the headroom left for a new order and the
// utilisation of the limit, exactly (no floating point: utilisation is an exact decimal
// rounded once with a named rounding, and threshold checks are exact comparisons).
//
//   money room = headroom(limit, e.total, order);            // negative: over the limit by -room
//   decimal pct = utilisation_percent(e.total, limit, 1, rounding::half_up);   // 87.5
//   bool alert = utilisation_at_least(e.total, limit, 80_pct);
#ifndef KREDITOR_EXPOSURE_CREDIT_LIMIT_HPP
#define KREDITOR_EXPOSURE_CREDIT_LIMIT_HPP

#include "kreditor/core/decimal.hpp"
#include "kreditor/core/money.hpp"
#include "kreditor/core/rate.hpp"
#include "kreditor/core/rounding.hpp"

KREDITOR_NAMESPACE_BEGIN

/// limit - (exposure + order): what is left under the limit once the order is added;
/// negative when the order would take the customer over the limit (by its absolute value).
/// \throws error(currency_mismatch), error(overflow).
[[nodiscard]] constexpr money headroom(money limit, money exposure_total, money order) {
  return limit - (exposure_total + order);
}

/// Utilisation of `limit` by `exposure_total` in percent, rounded once to `places` decimals
/// (0..9) with `mode`: 45 000 of 50 000 is 90. \throws error(invalid_argument) for a limit
/// that is not positive or places outside 0..9, error(currency_mismatch).
[[nodiscard]] decimal utilisation_percent(money exposure_total, money limit, int places,
                                          rounding mode);

/// Exactly whether exposure_total >= threshold x limit (no rounding involved).
/// \throws error(invalid_argument) for a limit that is not positive, error(currency_mismatch).
[[nodiscard]] bool utilisation_at_least(money exposure_total, money limit, rate threshold);

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_EXPOSURE_CREDIT_LIMIT_HPP
