// The kreditor command-line tool's shared plumbing: argument parsing, JSON output and the
// exit-code contract (0 ok, 1 problems the user asked to fail on / invalid check value,
// 2 usage or input errors). Each subcommand lives in cmd_<name>.cpp and is listed in main.cpp.
#ifndef KREDITOR_CLI_CLI_HPP
#define KREDITOR_CLI_CLI_HPP

#include <iosfwd>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace kreditor::cli {

/// Exit codes: part of the CLI contract.
inline constexpr int exit_ok = 0;
inline constexpr int exit_problems = 1;
inline constexpr int exit_usage = 2;

/// A usage or input error: main prints "kreditor <command>: <message>" on stderr and exits 2.
struct usage_error {
  std::string message;
};

/// The arguments after the subcommand: `--key value`, `--key=value`, boolean `--flag`s and
/// positionals. Options not declared by the subcommand are usage errors.
class args {
 public:
  /// `options` take a value, `flags` do not. Throws usage_error for unknown or malformed ones.
  args(std::vector<std::string> argv, const std::set<std::string>& options,
       const std::set<std::string>& flags);

  [[nodiscard]] std::optional<std::string> get(const std::string& option) const;
  /// The value, or usage_error "missing --option".
  [[nodiscard]] std::string require(const std::string& option) const;
  [[nodiscard]] bool flag(const std::string& name) const { return flags_.count(name) > 0; }
  [[nodiscard]] const std::vector<std::string>& positionals() const { return positionals_; }

 private:
  std::map<std::string, std::string> values_;
  std::set<std::string> flags_;
  std::vector<std::string> positionals_;
};

/// Everything a subcommand gets: its arguments and the streams (tests pass string streams).
struct context {
  std::vector<std::string> argv;  ///< after the subcommand name
  std::ostream& out;
  std::ostream& err;
  bool err_is_terminal = false;  ///< progress bars only when true
};

using command_fn = int (*)(context&);

}  // namespace kreditor::cli

#endif  // KREDITOR_CLI_CLI_HPP
