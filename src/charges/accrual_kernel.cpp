#include "charges/accrual_kernel.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace detail {

__extension__ using uint128 = unsigned __int128;

std::int64_t day_weight(day_count dc, date d) {
  switch (dc) {
    case day_count::act_365_fixed:
    case day_count::act_360: return 1;
    case day_count::act_act_isda: {
      const int y = d.year();
      const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
      return leap ? 365 : 366;
    }
    case day_count::thirty_e_360:
    case day_count::thirty_360_us: return accrual(dc, d - days(1), d).numerator;
  }
  return 0;
}

bool finish(int128 n, std::int64_t d, rounding mode, std::int64_t& q) noexcept {
  // |n| / d with 64-bit quotient: one hardware 128/64 division where the quotient fits, which is
  // exactly when the result is representable (high word < divisor).
  const bool negative = n < 0;
  const auto un = static_cast<uint128>(negative ? -n : n);
  const auto ud = static_cast<std::uint64_t>(d);
  std::uint64_t uq = 0;
  std::uint64_t ur = 0;
  const auto hi = static_cast<std::uint64_t>(un >> 64);
  if (hi >= ud) return false;  // quotient needs more than 64 bits
#if defined(__x86_64__)
  const auto lo = static_cast<std::uint64_t>(un);
  __asm__("divq %[v]" : "=a"(uq), "=d"(ur) : [v] "r"(ud), "a"(lo), "d"(hi) : "cc");
#else
  uq = static_cast<std::uint64_t>(un / ud);
  ur = static_cast<std::uint64_t>(un % ud);
#endif
  if (ur != 0) {
    bool away = false;  // away from zero
    const std::uint64_t twice = ur * 2;  // ur < ud < 2^63, so no overflow
    switch (mode) {
      case rounding::down: away = false; break;
      case rounding::up: away = true; break;
      case rounding::floor: away = negative; break;
      case rounding::ceiling: away = !negative; break;
      case rounding::half_up: away = twice >= ud; break;
      case rounding::half_down: away = twice > ud; break;
      case rounding::half_even: away = twice > ud || (twice == ud && (uq & 1U) != 0); break;
    }
    if (away) {
      if (uq == UINT64_MAX) return false;
      ++uq;
    }
  }
  if (negative) {
    if (uq > static_cast<std::uint64_t>(INT64_MAX) + 1) return false;
    q = uq == static_cast<std::uint64_t>(INT64_MAX) + 1 ? INT64_MIN : -static_cast<std::int64_t>(uq);
  } else {
    if (uq > static_cast<std::uint64_t>(INT64_MAX)) return false;
    q = static_cast<std::int64_t>(uq);
  }
  return true;
}

}  // namespace detail
KREDITOR_NAMESPACE_END
