// run_workers (src/core/parallel.hpp), the one helper every batch loop runs its threads with:
// every worker runs, and an exception thrown on any thread reaches the caller instead of
// terminating the process.
#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>

#include "core/parallel.hpp"
#include "kreditor/core/errc.hpp"

namespace kreditor {
namespace {

TEST(RunWorkers, EveryWorkerRunsOnce) {
  std::atomic<unsigned> mask{0};
  detail::run_workers(4, [&](unsigned w) { mask |= 1u << w; });
  EXPECT_EQ(mask.load(), 0b1111u);
}

TEST(RunWorkers, AnExceptionOnAnotherThreadReachesTheCaller) {
  std::atomic<int> ran{0};
  try {
    detail::run_workers(3, [&](unsigned w) {
      ++ran;
      if (w == 2) throw error(errc::overflow, "worker 2");
    });
    FAIL() << "nothing thrown";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::overflow);
  }
  EXPECT_EQ(ran.load(), 3);  // the others still finished
}

}  // namespace
}  // namespace kreditor
