// `kreditor run`, the daily dunning run, in layers:
//   ledger (io/ledger.hpp) -> book: one dunning::invoice_view per invoice as of the date
//   (open amount, due date, overlays, notice history) -> the engine (dunning/engine.hpp), one
//   compiled policy per jurisdiction -> report (table, JSON, CSV) and the state file.
#ifndef KREDITOR_CLI_RUN_HPP
#define KREDITOR_CLI_RUN_HPP

#include <functional>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kreditor/core/money.hpp"
#include "kreditor/dunning/account.hpp"
#include "kreditor/dunning/engine.hpp"
#include "kreditor/io/ledger.hpp"
#include "kreditor/time/date.hpp"

namespace kreditor::cli::run {

// ---- state file: the notices earlier runs asked for, so the next run continues -------------

/// One notice (a fired policy step) recorded by an earlier run.
struct recorded_notice {
  std::string invoice_id;
  std::string step;  ///< the policy step's name; "broken_promise" / "broken_plan" for those reactions
  date sent{};
  std::optional<date> deadline;
  money fee{};
};

struct state_file {
  std::optional<date> last_run;
  std::vector<recorded_notice> notices;
};

/// Reads the state file at `path`; a missing file is an empty state (the first run).
/// \throws usage_error naming the file and the problem.
[[nodiscard]] state_file read_state(const std::string& path);
/// Writes `s` to `path` atomically (a temporary file renamed over it). \throws usage_error.
void write_state(const std::string& path, const state_file& s);

// ---- book: the ledger as the engine sees it -----------------------------------------------

/// Maps a step name of the policy that governs `j` to its index (nullopt: no such step).
using step_lookup = std::function<std::optional<std::int32_t>(jurisdiction j, std::string_view name)>;

struct book {
  std::vector<dunning::invoice_view> views;           ///< invoices issued by the as-of date
  std::vector<const invoice_record*> invoices;        ///< parallel to views
  std::vector<const customer_record*> customers;      ///< parallel to views
  std::vector<money> invoiced;                        ///< invoice amount less credit notes
};

/// The jurisdiction whose preset governs a customer of `country`: NO, SE, DK, FI, else EU.
[[nodiscard]] jurisdiction jurisdiction_of(std::string_view country);

/// Builds the views as of `as_of` (later invoices, payments and events are not yet known).
/// `state` adds the notices earlier runs recorded. \throws usage_error naming file and line.
[[nodiscard]] book make_book(const ledger& l, date as_of, const state_file& state,
                             const step_lookup& steps);

// ---- report ----------------------------------------------------------------------------------

struct customer_summary {
  const customer_record* customer = nullptr;
  std::vector<std::size_t> lines;  ///< indexes into book/results, in ledger order
  bool credit_hold = false;        ///< from today's commands, the steps done or the flags
  bool cash_terms = false;
  bool over_limit = false;         ///< open principal above the credit limit
  bool in_collection = false;      ///< a claim is with a collector (or the customer flag says so)
  money open{};
  money overdue{};
};

struct report {
  date as_of{};
  std::string policy;  ///< "country presets" or the --policy value
  const book* books = nullptr;
  /// The engine's results, one run per jurisdiction; line i's is runs[where[i].first]
  /// .invoices[where[i].second] (kept where the engine put them: no million-element copy).
  std::vector<dunning::run_result> runs;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> where;  ///< parallel to book.views
  [[nodiscard]] const dunning::invoice_result& result(std::size_t line) const {
    return runs[where[line].first].invoices[where[line].second];
  }
  [[nodiscard]] std::size_t size() const noexcept { return where.size(); }
  std::vector<customer_summary> customers;       ///< customers with invoices, in ledger order
  std::vector<std::string> problems;             ///< "FILE:LINE: invoice X: problem"
  /// The compiled policy that governs line `i` (its step and custom command names).
  std::function<const dunning::compiled_policy&(std::size_t line)> policy_of;
};

/// The name of `step` in `p`: the policy step's, or "broken_promise" / "broken_plan".
[[nodiscard]] std::string step_name(const dunning::compiled_policy& p, std::int32_t step);

void print_table(std::ostream& os, const report& r);
void print_json(std::ostream& os, const report& r);
void print_csv(std::ostream& os, const report& r);

}  // namespace kreditor::cli::run

#endif  // KREDITOR_CLI_RUN_HPP
