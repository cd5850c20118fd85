// The Gram kernel of the logistic fit: the lower triangle of Z'Z for a column-major block Z.
// Internal (src/ only): logistic.cpp calls it, tests/unit/scoring/gram_test.cpp checks it.
//
// Every entry is summed in ONE fixed order, whichever code path runs: lane l (0..3) sums the rows
// i = l, l + 4, l + 8, ... of the first 4 * floor(n / 4) rows in ascending order, the lanes are
// added as (l0 + l1) + (l2 + l3), the remaining rows are added one by one in ascending order, and
// the sum is added to h. No fused multiply-add (ISO C++ mode compiles with -ffp-contract=off, and
// the kernel uses no fma intrinsic), so every path gives the same bits on every x86-64 machine:
// the AVX2 path (chosen at run time when the CPU has it; the library is built for plain x86-64)
// only computes more entries at once.
#ifndef KREDITOR_SRC_SCORING_GRAM_HPP
#define KREDITOR_SRC_SCORING_GRAM_HPP

#include <cstddef>

#include "kreditor/config.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace scoring::detail {

/// h(j, k) += sum_i z(i, j) z(i, k) for k <= j (h is q x q column-major, leading dimension q;
/// the strict upper triangle is not touched). z is n x q column-major with leading dimension ldz.
using gram_kernel = void (*)(const double* z, std::size_t n, std::size_t ldz, std::size_t q, double* h);

/// The kernel for this CPU (AVX2 when available, else the portable one).
[[nodiscard]] gram_kernel best_gram_kernel() noexcept;
/// The portable kernel (plain x86-64 / any target).
void gram_lower_add_portable(const double* z, std::size_t n, std::size_t ldz, std::size_t q, double* h);
/// The AVX2 kernel, or nullptr when the CPU (or the compiler's target) has no AVX2.
[[nodiscard]] gram_kernel avx2_gram_kernel() noexcept;

}  // namespace scoring::detail
KREDITOR_NAMESPACE_END

#endif  // KREDITOR_SRC_SCORING_GRAM_HPP
