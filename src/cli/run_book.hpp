// The ledger as the dunning engine sees it on a date (the "book"), and the state file that
// carries the notices of earlier runs: the input side of `kreditor run`, also read by
// `kreditor aging` and `kreditor exposure` so that all three agree on open amounts and due dates.
#ifndef KREDITOR_CLI_RUN_BOOK_HPP
#define KREDITOR_CLI_RUN_BOOK_HPP

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kreditor/core/money.hpp"
#include "kreditor/dunning/account.hpp"
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
  /// Invoices issued by the as-of date, in ledger order. The payments behind a settled
  /// invoice's zero balance are left out of its balance_changes (nothing accrues on it).
  std::vector<dunning::invoice_view> views;
  std::vector<const invoice_record*> invoices;        ///< parallel to views
  std::vector<const customer_record*> customers;      ///< parallel to views
  std::vector<money> invoiced;                        ///< invoice amount less credit notes
  /// Per ledger customer (same index as ledger::customers): money paid or credited beyond
  /// every open invoice as of the date, owed back to the customer (set-off).
  std::vector<money> customer_credit;
};

/// The jurisdiction whose preset governs a customer of `country`: NO, SE, DK, FI, else EU.
[[nodiscard]] jurisdiction jurisdiction_of(std::string_view country);

/// Builds the views as of `as_of` (later invoices, payments and events are not yet known).
/// Payments and credit notes are allocated by the ledger module (replay_postings): the
/// debtor's designation first (invoice_id, or a reference matching an invoice's), then the
/// customer's invoices oldest due date first; money left over is customer credit.
/// `state` adds the notices earlier runs recorded. \throws usage_error naming file and line.
[[nodiscard]] book make_book(const ledger& l, date as_of, const state_file& state,
                             const step_lookup& steps);

}  // namespace kreditor::cli::run

#endif  // KREDITOR_CLI_RUN_BOOK_HPP
