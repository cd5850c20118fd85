#include "cli/cli.hpp"

namespace kreditor::cli {

args::args(std::vector<std::string> argv, const std::set<std::string>& options,
           const std::set<std::string>& flags) {
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (a.size() < 3 || a.rfind("--", 0) != 0) {
      positionals_.push_back(a);
      continue;
    }
    std::string name = a.substr(2);
    std::optional<std::string> value;
    if (const auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    if (flags.count(name)) {
      if (value) throw usage_error{"--" + name + " takes no value"};
      flags_.insert(name);
    } else if (options.count(name)) {
      if (!value) {
        if (i + 1 >= argv.size()) throw usage_error{"--" + name + " needs a value"};
        value = argv[++i];
      }
      values_[name] = *value;
    } else {
      throw usage_error{"unknown option --" + name};
    }
  }
}

std::optional<std::string> args::get(const std::string& option) const {
  const auto it = values_.find(option);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

std::string args::require(const std::string& option) const {
  auto v = get(option);
  if (!v) throw usage_error{"missing --" + option};
  return *v;
}

}  // namespace kreditor::cli
