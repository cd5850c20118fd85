// `kreditor run`, the daily dunning run, in layers:
//   ledger (io/ledger.hpp) -> book: one dunning::invoice_view per invoice as of the date
//   (open amount, due date, overlays, notice history) -> the engine (dunning/engine.hpp), one
//   compiled policy per jurisdiction -> report: per line the engine's result, per customer ONE
//   credit summary (credit hold, cash terms, in collection, exposure and over limit) -> output
//   (table, JSON, CSV) and the state file.
//
// `kreditor exposure` reads its customer's flags and exposure from the same report
// (make_report), so the two commands cannot disagree about a customer on a day.
#ifndef KREDITOR_CLI_RUN_HPP
#define KREDITOR_CLI_RUN_HPP

#include <array>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/run_book.hpp"
#include "kreditor/core/money.hpp"
#include "kreditor/dunning/account.hpp"
#include "kreditor/dunning/compiled_policy.hpp"
#include "kreditor/dunning/engine.hpp"
#include "kreditor/exposure/credit_account.hpp"
#include "kreditor/exposure/exposure.hpp"
#include "kreditor/io/ledger.hpp"
#include "kreditor/time/date.hpp"

namespace kreditor::cli::run {

// ---- policies --------------------------------------------------------------------------------

/// The policies of a run (`--policy NAME|FILE.json`, absent: each customer's country preset):
/// one compiled policy per jurisdiction met, built on first use.
class policy_set {
 public:
  /// \throws usage_error for an unknown preset, an unreadable or invalid file, or a policy
  /// that does not compile (its legal checks).
  explicit policy_set(std::optional<std::string> choice);

  /// The label for reports: the --policy value or "country presets".
  [[nodiscard]] std::string label() const { return choice_ ? *choice_ : "country presets"; }
  /// The jurisdiction a customer of `j` is dunned under (a fixed policy imposes its own).
  [[nodiscard]] jurisdiction governing(jurisdiction j) const;
  /// The policy for `j` (a governing jurisdiction), compiled on first use. \throws usage_error.
  [[nodiscard]] const dunning::compiled_policy& for_jurisdiction(jurisdiction j);
  /// The policy for `j`, already compiled by for_jurisdiction. \throws error(not_found).
  [[nodiscard]] const dunning::compiled_policy& compiled(jurisdiction j) const;

 private:
  std::optional<std::string> choice_;
  std::unique_ptr<dunning::compiled_policy> fixed_;
  std::array<std::unique_ptr<dunning::compiled_policy>, 5> per_jurisdiction_{};
};

// ---- report ----------------------------------------------------------------------------------

/// One customer's credit position on the run's date: THE summary both `run` and `exposure`
/// report. Every flag has one source:
///   credit_hold    the customers.csv flag on_hold, a customer-level hold event not released
///                  (nor lapsed) by the date, or the engine's decision (a credit_hold command
///                  of a step done or fired today, or of a broken promise / plan reaction);
///   cash_terms     the flag cash_only, or the engine's decision (cash_terms commands, as above);
///   in_collection  the flag in_collection, or a claim handed to collection or in legal steps;
///   over_limit     the net exposure (open receivables + orders not invoiced - set-off -
///                  security, compute_exposure) above the active credit limit.
struct customer_summary {
  const customer_record* customer = nullptr;
  std::vector<std::size_t> lines;  ///< indexes into book/results, in ledger order
  bool credit_hold = false;
  bool cash_terms = false;
  bool in_collection = false;
  bool over_limit = false;
  money open{};     ///< open receivables (invoices issued by the date, lines without problems)
  money overdue{};  ///< of which past their due date
  credit_account account;       ///< limit, security, set-off and the flags above
  kreditor::exposure exposure;  ///< by category, as of the date
};

/// The engine's verdict on one line as the report keeps it: the fields of
/// dunning::invoice_result the outputs print, without the ids (the book has them), the audit
/// trail and a copy of the step's name — a million lines at 136 bytes, not 296.
struct line_result {
  dunning::state current = dunning::state::not_yet_due;
  std::uint8_t flags = 0;                  ///< overlay bits (dunning/machine.hpp)
  std::int32_t level = 0;                  ///< policy steps done
  std::int32_t days_past_due = 0;
  const std::string* last_step = nullptr;  ///< the last step's name, owned by the policy
  money open_principal{};
  money fees{};
  money interest{};
  money total_due{};
  std::vector<dunning::command> commands;  ///< what to do today
  std::optional<date> next_action;
  std::shared_ptr<const failure> problem;  ///< bad record: nothing else is set
};

struct report {
  date as_of{};
  std::string policy;  ///< "country presets" or the --policy value
  /// The ledger the report was made from; its payments are dropped once the book holds them.
  std::unique_ptr<ledger> source;
  std::unique_ptr<book> books;
  std::unique_ptr<policy_set> policies;
  /// The engine's verdict per line, in book order (parallel to book.views).
  std::vector<line_result> results;
  [[nodiscard]] const line_result& result(std::size_t line) const { return results[line]; }
  [[nodiscard]] std::size_t size() const noexcept { return results.size(); }
  /// Every customer of the ledger, in ledger order (same index as ledger::customers); the
  /// outputs list those with invoices.
  std::vector<customer_summary> customers;
  std::vector<std::string> problems;  ///< "FILE:LINE: invoice X: problem"
  /// The compiled policy that governs line `i` (its step and custom command names).
  [[nodiscard]] const dunning::compiled_policy& policy_of(std::size_t line) const {
    return policies->compiled(books->views[line].jurisdiction);
  }
};

/// Progress of make_report: phase `done` of `of`, with a label.
using progress_fn = std::function<void(int done, int of, std::string_view label)>;

/// The run over `l` as of `as_of`: the book (with the notices `state` recorded), the engine's
/// evaluation under `policy` (see policy_set), and one customer_summary per ledger customer.
/// Records the engine rejects become `problems` (the caller decides how to fail).
/// \throws usage_error for input errors (file and line) and policy errors.
[[nodiscard]] report make_report(ledger l, date as_of, const state_file& state,
                                 const std::optional<std::string>& policy,
                                 const progress_fn& progress = {});

/// The name of `step` in `p`: the policy step's, or "broken_promise" / "broken_plan".
[[nodiscard]] std::string step_name(const dunning::compiled_policy& p, std::int32_t step);

void print_table(std::ostream& os, const report& r);
void print_json(std::ostream& os, const report& r);
void print_csv(std::ostream& os, const report& r);

}  // namespace kreditor::cli::run

#endif  // KREDITOR_CLI_RUN_HPP
