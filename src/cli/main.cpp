// The `kreditor` command-line tool. Subcommands are listed in one table; each lives in its
// own cmd_<name>.cpp. Errors never escape as crashes: usage and input errors exit 2 with a
// message naming the input and the problem.
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "kreditor/core/errc.hpp"
#include "kreditor/version.hpp"

namespace kreditor::cli {
// One line per subcommand (defined in cmd_<name>.cpp).
}  // namespace kreditor::cli

namespace {
using namespace kreditor::cli;

struct command_row {
  const char* name;
  command_fn run;
  const char* summary;
};

// clang-format off
const std::vector<command_row> commands = {
};
// clang-format on

void print_help(std::ostream& os) {
  os << "kreditor " KREDITOR_VERSION_STRING " - credit risk and dunning\n\n"
        "usage: kreditor <command> [options]\n       kreditor --help | --version\n\ncommands:\n";
  for (const auto& c : commands) os << "  " << c.name << "\n      " << c.summary << "\n";
  os << "\nexit codes: 0 ok, 1 problems found (or an invalid value for `check`), 2 usage or input "
        "error\n";
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> rest(argv + (argc > 1 ? 2 : 1), argv + argc);
  const std::string name = argc > 1 ? argv[1] : "";
  if (name.empty() || name == "--help" || name == "-h" || name == "help") {
    print_help(std::cout);
    return name.empty() ? exit_usage : exit_ok;
  }
  if (name == "--version") {
    std::cout << "kreditor " KREDITOR_VERSION_STRING "\n";
    return exit_ok;
  }
  for (const auto& c : commands) {
    if (name != c.name) continue;
    context ctx{rest, std::cout, std::cerr, isatty(STDERR_FILENO) != 0};
    try {
      return c.run(ctx);
    } catch (const usage_error& e) {
      std::cerr << "kreditor " << name << ": " << e.message << "\n";
      return exit_usage;
    } catch (const kreditor::error& e) {
      std::cerr << "kreditor " << name << ": " << e.what() << " [" << kreditor::to_string(e.code())
                << "]\n";
      return exit_usage;
    } catch (const std::exception& e) {
      std::cerr << "kreditor " << name << ": internal error: " << e.what() << "\n";
      return exit_usage;
    }
  }
  std::cerr << "kreditor: unknown command '" << name << "' (see kreditor --help)\n";
  return exit_usage;
}
