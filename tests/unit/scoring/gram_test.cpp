// The Gram kernel of the logistic fit (src/scoring/gram.hpp): the documented summation order,
// the same bits from the portable and the AVX2 path, and the upper triangle left alone.
#include "scoring/gram.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace kreditor::scoring::detail {
namespace {

// Deterministic values with full mantissas and mixed signs, so that a different order of
// additions (or a fused multiply-add) changes the last bits.
std::vector<double> values(std::size_t count, std::uint64_t seed) {
  std::vector<double> v(count);
  for (auto& x : v) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    x = (static_cast<double>(seed >> 11) / 9007199254740992.0 - 0.3) * 7.0;
  }
  return v;
}

// The order gram.hpp documents, written out plainly.
double documented_sum(const double* a, const double* b, std::size_t n) {
  const std::size_t n4 = n / 4 * 4;
  double lane[4] = {0, 0, 0, 0};
  for (std::size_t i = 0; i < n4; ++i) lane[i % 4] += a[i] * b[i];
  double s = (lane[0] + lane[1]) + (lane[2] + lane[3]);
  for (std::size_t i = n4; i < n; ++i) s += a[i] * b[i];
  return s;
}

constexpr double untouched = -12345.5;

std::vector<double> run(gram_kernel k, const std::vector<double>& z, std::size_t n, std::size_t ldz, std::size_t q) {
  std::vector<double> h(q * q, untouched);
  for (std::size_t j = 0; j < q; ++j)
    for (std::size_t c = 0; c <= j; ++c) h[c * q + j] = 0.5;  // the kernel adds to what is there
  k(z.data(), n, ldz, q, h.data());
  return h;
}

TEST(Gram, EveryEntryIsSummedInTheDocumentedOrderAndTheUpperTriangleIsLeftAlone) {
  for (const std::size_t q : {1U, 2U, 3U, 5U, 8U, 13U}) {
    for (const std::size_t n : {1U, 3U, 4U, 7U, 64U, 1001U}) {
      SCOPED_TRACE(testing::Message() << "q " << q << ", n " << n);
      const std::size_t ldz = n + 3;  // a block of a taller matrix
      const auto z = values(ldz * q, 1000 * q + n);
      const auto h = run(&gram_lower_add_portable, z, n, ldz, q);
      for (std::size_t j = 0; j < q; ++j)
        for (std::size_t c = 0; c < q; ++c) {
          if (c > j) {
            EXPECT_EQ(h[c * q + j], untouched);
          } else {
            EXPECT_EQ(h[c * q + j], 0.5 + documented_sum(z.data() + j * ldz, z.data() + c * ldz, n)) << j << "," << c;
          }
        }
    }
  }
}

TEST(Gram, TheAvx2PathGivesTheSameBitsAsThePortableOne) {
  const gram_kernel avx2 = avx2_gram_kernel();
  if (avx2 == nullptr) GTEST_SKIP() << "no AVX2 on this CPU";
  for (const std::size_t q : {1U, 2U, 4U, 5U, 9U, 31U, 49U}) {
    for (const std::size_t n : {2U, 4U, 6U, 1000U, 4096U}) {
      SCOPED_TRACE(testing::Message() << "q " << q << ", n " << n);
      const auto z = values(n * q, 7 * q + n);
      EXPECT_EQ(run(avx2, z, n, n, q), run(&gram_lower_add_portable, z, n, n, q));
    }
  }
  EXPECT_EQ(best_gram_kernel(), avx2);
}

}  // namespace
}  // namespace kreditor::scoring::detail
