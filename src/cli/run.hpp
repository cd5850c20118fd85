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

#include "cli/run_book.hpp"
#include "kreditor/core/money.hpp"
#include "kreditor/dunning/account.hpp"
#include "kreditor/dunning/engine.hpp"
#include "kreditor/io/ledger.hpp"
#include "kreditor/time/date.hpp"

namespace kreditor::cli::run {

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
