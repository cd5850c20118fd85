// The usage text of every `kreditor` subcommand, in one table: `kreditor --help`,
// `kreditor SUBCOMMAND --help`, the man page (`kreditor --man`, installed as kreditor.1) and
// the bash completion (`kreditor --completion bash`) are all printed from it, so they cannot
// disagree with each other.
#ifndef KREDITOR_CLI_USAGE_HPP
#define KREDITOR_CLI_USAGE_HPP

#include <iosfwd>
#include <span>
#include <string_view>

namespace kreditor::cli {

struct option_usage {
  std::string_view name;     ///< "--as-of DATE" or "--json"
  std::string_view meaning;  ///< one sentence
};

struct command_usage {
  std::string_view name;                 ///< "run"
  std::string_view summary;              ///< one line for the command list
  std::span<const std::string_view> synopsis;  ///< lines after "usage: kreditor "
  std::span<const option_usage> options;
  std::string_view details;              ///< a paragraph (may be empty)
};

/// Every subcommand, in the order `kreditor --help` lists them.
[[nodiscard]] std::span<const command_usage> command_usages();
/// The entry for `name`, or nullptr.
[[nodiscard]] const command_usage* find_usage(std::string_view name);

/// `kreditor --help`.
void print_overview(std::ostream& os);
/// `kreditor NAME --help`.
void print_usage(std::ostream& os, const command_usage& c);
/// The man page kreditor(1), in roff (man(7) macros).
void print_man_page(std::ostream& os);
/// A bash completion script: `source <(kreditor --completion bash)`.
void print_bash_completion(std::ostream& os);

}  // namespace kreditor::cli

#endif  // KREDITOR_CLI_USAGE_HPP
