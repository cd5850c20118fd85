// `--policy NAME|FILE.json` for run, exposure and aging: the CLI reads the file; the library's
// policy_set (kreditor/book/policy_set.hpp) holds and compiles the policies.
#include <fstream>
#include <sstream>

#include "cli/cli.hpp"
#include "cli/run.hpp"
#include "kreditor/io/policy_json.hpp"

namespace kreditor::cli::run {

policy_set policies_from(const std::optional<std::string>& choice) {
  if (!choice) return policy_set{};
  try {
    const bool file = choice->size() > 5 && choice->substr(choice->size() - 5) == ".json";
    if (!file) return policy_set::named(*choice);
    std::ifstream in(*choice, std::ios::binary);
    if (!in) throw usage_error{"--policy: " + *choice + ": cannot be read"};
    std::stringstream text;
    text << in.rdbuf();
    const result<dunning::policy> p = parse_policy_json(text.str());
    if (!p) throw usage_error{"--policy: " + *choice + ": " + p.error().message};
    return policy_set(*p);
  } catch (const error& e) {
    throw usage_error{"--policy: " + std::string(e.what())};
  }
}

report make_report(ledger l, date as_of, const state_file& state, const std::optional<std::string>& choice,
                   const progress_fn& progress) {
  report r = kreditor::make_report(std::move(l), as_of, state.notices, policies_from(choice), progress);
  if (choice) r.policy = *choice;  // the report names the policy as the user gave it
  return r;
}

}  // namespace kreditor::cli::run
