// Issue 17: every ctest run left its per-process temporary directories behind. The test
// support removes its directory, with what the tests wrote into it, when the process ends.
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "support/unique_tmpdir.hpp"

namespace kreditor {
namespace {

TEST(TestSupport, TheTemporaryDirectoryIsRemovedWhenTheProcessEnds) {
  // This process's own directory is where TempDir() points.
  EXPECT_EQ(std::filesystem::path(::testing::TempDir()), test_support::process_tmpdir.path() / "");
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    bool written = false;
    {
      const test_support::unique_tmpdir own;  // the child's, as a test process's
      std::ofstream(own.path() / "file.txt") << "x";
      written = std::filesystem::exists(own.path() / "file.txt");
    }
    _exit(written ? 0 : 1);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0);
  EXPECT_FALSE(std::filesystem::exists(test_support::process_tmpdir.path().parent_path() /
                                       ("kreditor-test-" + std::to_string(child))));
  // The child's exit did not take this process's directory with it.
  EXPECT_TRUE(std::filesystem::exists(test_support::process_tmpdir.path()));
}

}  // namespace
}  // namespace kreditor
