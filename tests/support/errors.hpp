#ifndef KREDITOR_TESTS_SUPPORT_ERRORS_HPP
#define KREDITOR_TESTS_SUPPORT_ERRORS_HPP

#include <optional>

#include "kreditor/core/errc.hpp"

namespace kreditor::test_support {  // not "testing": that would shadow GoogleTest's ::testing

/// The code of the kreditor::error that `f` throws, or nullopt if it throws none.
/// Tests compare codes, never just "it threw":
///   EXPECT_EQ(thrown_code([&] { m += other; }), errc::overflow);
template <class F>
std::optional<errc> thrown_code(F&& f) {
  try {
    f();
  } catch (const error& e) {
    return e.code();
  }
  return std::nullopt;
}

}  // namespace kreditor::test_support

#endif  // KREDITOR_TESTS_SUPPORT_ERRORS_HPP
