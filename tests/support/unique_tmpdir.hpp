#ifndef KREDITOR_TESTS_SUPPORT_UNIQUE_TMPDIR_HPP
#define KREDITOR_TESTS_SUPPORT_UNIQUE_TMPDIR_HPP

// ctest runs each TEST as its own process, two at a time: files that tests write under
// ::testing::TempDir() with fixed names would collide. Included once per test executable, this
// points TEST_TMPDIR (which TempDir() reads on every call) at a directory of this process's own
// before any test runs.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace kreditor::test_support {

inline const bool unique_tmpdir_installed = [] {
  const char* base = std::getenv("TMPDIR");
  const std::filesystem::path dir = std::filesystem::path(base != nullptr && *base ? base : "/tmp") /
                                    ("kreditor-test-" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  setenv("TEST_TMPDIR", dir.c_str(), 1);
  return true;
}();

}  // namespace kreditor::test_support

#endif  // KREDITOR_TESTS_SUPPORT_UNIQUE_TMPDIR_HPP
