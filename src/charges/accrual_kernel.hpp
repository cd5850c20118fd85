// The one accrual kernel shared by the scalar interest API (charges/interest.hpp) and the
// columnar batch (charges/interest_batch.hpp), so that they cannot disagree:
//   * day_weight: what one day contributes to a year fraction's numerator under a day count,
//     over that day count's fixed denominator (accrual() of time/day_count.hpp sums exactly
//     these weights; a test proves it);
//   * finish: the single rounding of an exact interest numerator to minor units.
// Interest in minor units = principal x sum over days (rate_ppb x weight) / (1e9 x denominator).
#ifndef KREDITOR_SRC_CHARGES_ACCRUAL_KERNEL_HPP
#define KREDITOR_SRC_CHARGES_ACCRUAL_KERNEL_HPP

#include <cstdint>

#include "kreditor/core/rounding.hpp"
#include "kreditor/time/day_count.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace detail {

inline constexpr std::int64_t ppb_one = 1'000'000'000;

/// The fixed denominator of `dc`'s year fractions (365, 360 or 365 x 366).
[[nodiscard]] constexpr std::int64_t day_count_denominator(day_count dc) noexcept {
  switch (dc) {
    case day_count::act_365_fixed: return 365;
    case day_count::act_act_isda: return act_act_denominator;
    case day_count::act_360:
    case day_count::thirty_e_360:
    case day_count::thirty_360_us: return 360;
  }
  return 1;
}

/// Whether a day count's accrual over (a, b] is a sum of per-day weights (so prefix sums work).
/// 30/360 US is not: its D2 rule depends on D1.
[[nodiscard]] constexpr bool has_day_weights(day_count dc) noexcept {
  return dc != day_count::thirty_360_us;
}

/// The weight of the single day `d`: accrual(dc, d - 1, d).numerator.
/// ACT/365F and ACT/360: 1. ACT/ACT ISDA: 365 in a leap year (1/366), 366 otherwise (1/365).
/// 30E/360: f(d) - f(d - 1) with f = 360 y + 30 m + min(day, 30): 0 on a 31st, 3 on 1 March
/// after 28 February, 2 after 29 February, else 1.
[[nodiscard]] std::int64_t day_weight(day_count dc, date d);

/// q = n / d rounded by `mode`; false (q untouched) when q does not fit in 64 bits.
/// \pre d > 0. No exceptions: the batch loop calls it per item.
[[nodiscard]] bool finish(int128 n, std::int64_t d, rounding mode, std::int64_t& q) noexcept;

}  // namespace detail
KREDITOR_NAMESPACE_END

#endif  // KREDITOR_SRC_CHARGES_ACCRUAL_KERNEL_HPP
