// The `kreditor` command-line tool. Subcommands are listed in one table; each lives in its
// own cmd_<name>.cpp. Errors never escape as crashes: usage and input errors exit 2 with a
// message naming the input and the problem.
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "cli/usage.hpp"
#include "kreditor/core/errc.hpp"
#include "kreditor/version.hpp"

namespace kreditor::cli {
// One line per subcommand (defined in cmd_<name>.cpp).
int cmd_run(context&);
int cmd_interest(context&);
int cmd_check(context&);
int cmd_make(context&);
int cmd_terms(context&);
int cmd_calendar(context&);
int cmd_aging(context&);
int cmd_exposure(context&);
int cmd_simulate(context&);
int cmd_score(context&);
int cmd_fit(context&);
int cmd_review(context&);
int cmd_notices(context&);
int cmd_casefile(context&);
int cmd_agreement(context&);
}  // namespace kreditor::cli

namespace {
using namespace kreditor::cli;

struct command_row {
  const char* name;
  command_fn run;
  bool streams;  ///< writes straight to stdout (a big report); else its output is held until it succeeds
};

// One line per subcommand; the usage text of each is in usage.cpp.
const std::vector<command_row> commands = {
    {"run", cmd_run, true},           {"interest", cmd_interest, false}, {"check", cmd_check, false},
    {"make", cmd_make, false},        {"calendar", cmd_calendar, false}, {"terms", cmd_terms, false},
    {"aging", cmd_aging, true},       {"exposure", cmd_exposure, false}, {"simulate", cmd_simulate, false},
    {"score", cmd_score, false},      {"fit", cmd_fit, false},           {"review", cmd_review, false},
    {"notices", cmd_notices, false},  {"casefile", cmd_casefile, false},  {"agreement", cmd_agreement, false},
};

bool asks_for_help(const std::vector<std::string>& rest) {
  for (const std::string& a : rest)
    if (a == "--help" || a == "-h") return true;
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> rest(argv + (argc > 1 ? 2 : 1), argv + argc);
  const std::string name = argc > 1 ? argv[1] : "";
  if (name.empty() || name == "--help" || name == "-h") {
    print_overview(name.empty() ? std::cerr : std::cout);  // exit 2: nothing on stdout
    return name.empty() ? exit_usage : exit_ok;
  }
  if (name == "help") {  // `kreditor help` or `kreditor help COMMAND`
    const command_usage* u = rest.empty() ? nullptr : find_usage(rest.front());
    if (!rest.empty() && u == nullptr) {
      std::cerr << "kreditor: unknown command '" << rest.front() << "' (see kreditor --help)\n";
      return exit_usage;
    }
    u != nullptr ? print_usage(std::cout, *u) : print_overview(std::cout);
    return exit_ok;
  }
  if (name == "--version") {
    std::cout << "kreditor " KREDITOR_VERSION_STRING "\n";
    return exit_ok;
  }
  if (name == "--man") {
    print_man_page(std::cout);
    return exit_ok;
  }
  if (name == "--completion") {
    if (rest.size() != 1 || rest.front() != "bash") {
      std::cerr << "kreditor --completion: give the shell: kreditor --completion bash\n";
      return exit_usage;
    }
    print_bash_completion(std::cout);
    return exit_ok;
  }
  for (const auto& c : commands) {
    if (name != c.name) continue;
    if (asks_for_help(rest)) {
      print_usage(std::cout, *find_usage(c.name));
      return exit_ok;
    }
    // Exit 2 means nothing on stdout: a command's output is held until it has succeeded (a
    // failure half-way, e.g. in simulate's timeline, used to leave half a line behind).
    std::ostringstream held;
    context ctx{rest, c.streams ? static_cast<std::ostream&>(std::cout) : held, std::cerr,
                isatty(STDERR_FILENO) != 0};
    int code = exit_usage;
    try {
      code = c.run(ctx);
    } catch (const usage_error& e) {
      std::cerr << "kreditor " << name << ": " << e.message << "\n";
    } catch (const kreditor::error& e) {
      std::cerr << "kreditor " << name << ": " << e.what() << " [" << kreditor::to_string(e.code())
                << "]\n";
    } catch (const std::exception& e) {
      std::cerr << "kreditor " << name << ": internal error: " << e.what() << "\n";
    }
    if (code != exit_usage) std::cout << held.str();
    return code;
  }
  std::cerr << "kreditor: unknown command '" << name << "' (see kreditor --help)\n";
  return exit_usage;
}
