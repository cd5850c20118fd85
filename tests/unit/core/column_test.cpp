// Column memory (kreditor/core/column.hpp): a big column lies on whole 2 MB-aligned blocks (so
// no 4 KB page at its ends), a small one is an ordinary allocation, and either is a vector:
// what is written reads back through growth, copies and moves.
#include <gtest/gtest.h>

#include <cstdint>
#include <utility>

#include "kreditor/core/column.hpp"

namespace kreditor {
namespace {

constexpr std::uintptr_t two_mb = std::uintptr_t{2} << 20;

TEST(Column, TwoMegabytesOrMoreStartOnAWhole2MbBlock) {
  column<std::uint32_t> big;
  big.reserve(1'000'000);  // 4 MB
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(big.data()) % two_mb, 0U);
  column<std::int64_t> exactly;
  exactly.reserve(two_mb / sizeof(std::int64_t));
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(exactly.data()) % two_mb, 0U);
}

TEST(Column, EveryValueReadsBackThroughGrowthCopiesAndMoves) {
  column<std::uint32_t> c;
  for (std::uint32_t k = 0; k < 1'500'000; ++k) c.push_back(k * 2654435761U);  // grows past 4 MB
  const column<std::uint32_t> copy = c;
  column<std::uint32_t> moved = std::move(c);
  ASSERT_EQ(copy.size(), 1'500'000U);
  ASSERT_EQ(moved.size(), 1'500'000U);
  for (std::uint32_t k = 0; k < 1'500'000; ++k) {
    ASSERT_EQ(copy[k], k * 2654435761U) << k;
    ASSERT_EQ(moved[k], k * 2654435761U) << k;
  }
  column<std::uint32_t> small{1, 2, 3};
  small.shrink_to_fit();
  EXPECT_EQ(small, (column<std::uint32_t>{1, 2, 3}));
}

}  // namespace
}  // namespace kreditor
