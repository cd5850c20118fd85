// The state file of `kreditor run --state FILE`: the notices earlier runs asked for (and the
// host carried out), so the next run continues where they left off. The join of the ledger
// itself is the library's book (kreditor/book/book.hpp).
#ifndef KREDITOR_CLI_RUN_BOOK_HPP
#define KREDITOR_CLI_RUN_BOOK_HPP

#include <optional>
#include <string>
#include <vector>

#include "kreditor/book/book.hpp"
#include "kreditor/book/state_json.hpp"
#include "kreditor/time/date.hpp"

namespace kreditor::cli::run {

using kreditor::recorded_notice;

/// The library's run state (kreditor/book/state_json.hpp): last run and notices recorded.
using state_file = kreditor::run_state;

/// Reads the state file at `path`; a missing file is an empty state (the first run).
/// \throws usage_error naming the file and the problem.
[[nodiscard]] state_file read_state(const std::string& path);
/// Writes `s` to `path` atomically (a temporary file renamed over it). \throws usage_error.
void write_state(const std::string& path, const state_file& s);

}  // namespace kreditor::cli::run

#endif  // KREDITOR_CLI_RUN_BOOK_HPP
