// The Gram kernel of the logistic fit. See gram.hpp for the summation order all paths share.
//
// Written with GCC/Clang vector extensions: `v4` is four doubles, lowered to two SSE2 registers in
// the portable path and to one AVX register in the path compiled with __attribute__((target)).
// The body is one always-inline template, instantiated inside each path so it is compiled for
// that path's target only (no out-of-line copy with AVX instructions can be picked by the linker
// for a plain x86-64 caller). The block shape (how many entries are computed together, to keep
// the accumulators in registers) differs per path; the order of additions per entry does not.
#include "scoring/gram.hpp"

#include <cstring>

KREDITOR_NAMESPACE_BEGIN
namespace scoring::detail {
namespace {

#if defined(__GNUC__)
#define KREDITOR_GRAM_INLINE inline __attribute__((always_inline))
#else
#define KREDITOR_GRAM_INLINE inline
#endif

using v4 = double __attribute__((vector_size(32)));

// By reference, not returned: a v4 return value would be ABI-relevant (-Wpsabi) if not inlined.
KREDITOR_GRAM_INLINE void load4(v4& v, const double* p) noexcept {
  std::memcpy(&v, p, sizeof v);  // unaligned load
}

// Entries (j0 + a, k0 + b) for a < BJ, b < BK of the lower triangle; columns past q (or entries
// above the diagonal) are computed on a repeated column and not stored.
template <std::size_t BJ, std::size_t BK>
KREDITOR_GRAM_INLINE void gram_body(const double* z, std::size_t n, std::size_t ldz, std::size_t q, double* h) {
  const std::size_t n4 = n / 4 * 4;
  for (std::size_t j0 = 0; j0 < q; j0 += BJ) {
    for (std::size_t k0 = 0; k0 <= j0 + BJ - 1 && k0 < q; k0 += BK) {
      const double* a[BJ];
      const double* b[BK];
      for (std::size_t x = 0; x < BJ; ++x) a[x] = z + (j0 + x < q ? j0 + x : q - 1) * ldz;
      for (std::size_t y = 0; y < BK; ++y) b[y] = z + (k0 + y < q ? k0 + y : q - 1) * ldz;
      v4 acc[BJ][BK];
      for (std::size_t x = 0; x < BJ; ++x)
        for (std::size_t y = 0; y < BK; ++y) acc[x][y] = v4{0, 0, 0, 0};
      for (std::size_t i = 0; i < n4; i += 4) {
        v4 va[BJ];
        v4 vb[BK];
#pragma GCC unroll 8
        for (std::size_t x = 0; x < BJ; ++x) load4(va[x], a[x] + i);
#pragma GCC unroll 8
        for (std::size_t y = 0; y < BK; ++y) load4(vb[y], b[y] + i);
#pragma GCC unroll 8
        for (std::size_t x = 0; x < BJ; ++x)
#pragma GCC unroll 8
          for (std::size_t y = 0; y < BK; ++y) acc[x][y] += va[x] * vb[y];
      }
      for (std::size_t x = 0; x < BJ; ++x) {
        const std::size_t j = j0 + x;
        for (std::size_t y = 0; y < BK; ++y) {
          const std::size_t k = k0 + y;
          if (j >= q || k > j) continue;
          double s = (acc[x][y][0] + acc[x][y][1]) + (acc[x][y][2] + acc[x][y][3]);
          for (std::size_t i = n4; i < n; ++i) s += a[x][i] * b[y][i];
          h[k * q + j] += s;
        }
      }
    }
  }
}

#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
#define KREDITOR_GRAM_AVX2 1
__attribute__((target("avx2"))) void gram_lower_add_avx2(const double* z, std::size_t n, std::size_t ldz,
                                                          std::size_t q, double* h) {
  gram_body<4, 2>(z, n, ldz, q, h);  // 8 accumulators + 6 loads: 14 of the 16 ymm registers
}
#endif

}  // namespace

void gram_lower_add_portable(const double* z, std::size_t n, std::size_t ldz, std::size_t q, double* h) {
  gram_body<2, 2>(z, n, ldz, q, h);  // 4 accumulators of two xmm each + 4 loads: the 16 xmm registers
}

gram_kernel avx2_gram_kernel() noexcept {
#if defined(KREDITOR_GRAM_AVX2)
  if (__builtin_cpu_supports("avx2")) return &gram_lower_add_avx2;
#endif
  return nullptr;
}

gram_kernel best_gram_kernel() noexcept {
  static const gram_kernel k = [] {
    const gram_kernel avx2 = avx2_gram_kernel();
    return avx2 != nullptr ? avx2 : &gram_lower_add_portable;
  }();
  return k;
}

}  // namespace scoring::detail
KREDITOR_NAMESPACE_END
