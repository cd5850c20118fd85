#ifndef KREDITOR_TESTS_SUPPORT_CLI_HPP
#define KREDITOR_TESTS_SUPPORT_CLI_HPP

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

#include "support/unique_tmpdir.hpp"

namespace kreditor::test_support {

struct cli_result {
  int exit_code = -1;
  std::string out;  ///< stdout
  std::string err;  ///< stderr
};

/// Runs the built `kreditor` binary with `arguments` (a shell fragment, quoted by the caller)
/// the way a user does, and captures its exit code, stdout and stderr.
inline cli_result run_cli(const std::string& arguments) {
  static int counter = 0;
  const std::string err_file =
      ::testing::TempDir() + "kreditor_cli_err_" + std::to_string(++counter) + ".txt";
  const std::string command = std::string(KREDITOR_CLI_PATH) + " " + arguments + " 2>" + err_file;
  cli_result r;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return r;
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
  const int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream in(err_file);
  std::stringstream ss;
  ss << in.rdbuf();
  r.err = ss.str();
  return r;
}

}  // namespace kreditor::test_support

#endif  // KREDITOR_TESTS_SUPPORT_CLI_HPP
