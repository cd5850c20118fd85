#ifndef KREDITOR_TESTS_SUPPORT_UNIQUE_TMPDIR_HPP
#define KREDITOR_TESTS_SUPPORT_UNIQUE_TMPDIR_HPP

// ctest runs each TEST as its own process, two at a time: files that tests write under
// ::testing::TempDir() with fixed names would collide. Included once per test executable, this
// points TEST_TMPDIR (which TempDir() reads on every call) at a directory of this process's own
// before any test runs, and removes that directory with everything in it when the process
// exits (one ctest run used to leave ~250 kreditor-test-* folders behind). Set
// KREDITOR_KEEP_TEST_TMPDIR=1 to keep them for a look after a failure.
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>

namespace kreditor::test_support {

class unique_tmpdir {
 public:
  unique_tmpdir() {
    const char* base = std::getenv("TMPDIR");
    dir_ = std::filesystem::path(base != nullptr && *base ? base : "/tmp") /
           ("kreditor-test-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir_);
    setenv("TEST_TMPDIR", dir_.c_str(), 1);
  }
  unique_tmpdir(const unique_tmpdir&) = delete;
  unique_tmpdir& operator=(const unique_tmpdir&) = delete;
  ~unique_tmpdir() {
    const char* keep = std::getenv("KREDITOR_KEEP_TEST_TMPDIR");
    if (keep != nullptr && *keep != '\0' && *keep != '0') return;
    if (getpid() != owner_) return;  // a forked child that exits normally leaves it alone
    std::error_code ec;  // never throw from a destructor; a leftover is no failure
    std::filesystem::remove_all(dir_, ec);
  }
  [[nodiscard]] const std::filesystem::path& path() const noexcept { return dir_; }

 private:
  std::filesystem::path dir_;
  pid_t owner_ = getpid();
};

// Constructed before main (and so before any test), destroyed after the last test. Only the
// process that created it removes it: a child forked by a death test exits with _exit.
inline const unique_tmpdir process_tmpdir;

}  // namespace kreditor::test_support

#endif  // KREDITOR_TESTS_SUPPORT_UNIQUE_TMPDIR_HPP
