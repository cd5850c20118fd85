// -----------------------------------------------------------------------------
// File: kreditor/book/report.hpp
// -----------------------------------------------------------------------------
//
// The daily run as a value: the book of a ledger as of a date, the dunning engine's verdict
// on every line under the chosen policies, and ONE credit summary per customer (credit hold,
// cash terms, in collection, exposure and over limit). `kreditor run` prints it, `kreditor
// exposure` reads its customer from it, hosts act on its commands; so none of them can
// disagree about a customer on a day.
//
//   ledger l = load_ledger("examples/sample_ledger").value();
//   run_report r = make_report(std::move(l), make_date(2026, 11, 20), notices_recorded, policy_set{});
//   for (std::size_t i = 0; i < r.size(); ++i)
//     for (const dunning::command& c : r.result(i).commands)
//       carry_out(r.book.invoices[i]->invoice_id, c);   // then record a recorded_notice
#ifndef KREDITOR_BOOK_REPORT_HPP
#define KREDITOR_BOOK_REPORT_HPP

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kreditor/book/book.hpp"
#include "kreditor/book/policy_set.hpp"
#include "kreditor/book/slices.hpp"
#include "kreditor/core/column.hpp"
#include "kreditor/core/errc.hpp"
#include "kreditor/dunning/engine.hpp"
#include "kreditor/exposure/credit_account.hpp"
#include "kreditor/exposure/receivable.hpp"
#include "kreditor/exposure/exposure.hpp"
#include "kreditor/io/ledger.hpp"

KREDITOR_NAMESPACE_BEGIN

/// One customer's credit position on the run's date: THE summary every command reports.
/// Every flag has one source:
///   credit_hold    the customers.csv flag on_hold, a customer-level hold event not released
///                  (nor lapsed) by the date, or the engine's decision (a credit_hold command
///                  of a step done or fired today, or of a broken promise / plan reaction);
///   cash_terms     the flag cash_only, or the engine's decision (cash_terms commands, as above);
///   in_collection  the flag in_collection, or a claim handed to collection or in legal steps;
///   over_limit     the net exposure (open receivables + orders not invoiced - set-off -
///                  security, compute_exposure) above the active credit limit.
struct customer_summary {
  const customer_record* customer = nullptr;  ///< the ledger's record (owned by run_report::source)
  std::vector<std::size_t> lines;  ///< indexes into the book / results, in ledger order
  bool credit_hold = false;  ///< no new deliveries on credit
  bool cash_terms = false;  ///< cash / prepayment only
  bool in_collection = false;  ///< a claim is with a collector or in court
  bool over_limit = false;  ///< net exposure above the active credit limit
  money open{};     ///< open receivables (invoices issued by the date, lines without problems)
  money overdue{};  ///< of which past their due date
  money unapplied_credit{};     ///< the book's: paid or credited beyond every claim (set-off)
  credit_account account;       ///< limit, security, set-off and the flags above
  kreditor::exposure exposure;  ///< by category, as of the date
};

/// The engine's verdict on one line as the report keeps it: the fields of
/// dunning::invoice_result the outputs print, without the ids (the book has them), the audit
/// trail and a copy of the step's name — a million lines at about 140 bytes, not 296.
struct line_result {
  dunning::state current = dunning::state::not_yet_due;  ///< where the invoice stands
  std::uint8_t flags = 0;                  ///< overlay bits (dunning/machine.hpp)
  std::int32_t level = 0;                  ///< policy steps done
  std::int32_t days_past_due = 0;  ///< 0 before/at the due date
  const std::string* last_step = nullptr;  ///< the last step's name, owned by the policy
  money open_principal{};  ///< principal open as of the date
  money fees{};  ///< fees charged and unpaid
  money interest{};  ///< late interest accrued to the date
  money total_due{};  ///< open principal + fees + interest
  std::vector<dunning::command> commands;  ///< what to do today
  /// Parallel to commands: the notice a run for this same date already recorded (a rerun
  /// prints the list again, marked, and asks for nothing new).
  std::vector<bool> recorded;
  std::optional<date> next_action;  ///< the next day something happens by itself
  std::shared_ptr<const failure> problem;  ///< bad record: nothing else is set
  /// The last day before the claim becomes time-barred, as documents/claim_limitation.hpp's
  /// watch_limitation sets it (not_a_date until then, when nothing is owed, or no rule covers it).
  date limitation_date{};
  bool limitation_near = false;  ///< limitation_date falls within the window watch_limitation was given
  bool limitation_uncertain = false;  ///< the limitation rule is flagged uncertain: re-check before relying on it
};

/// A whole run over a ledger as of a date: the book, the engine's verdict per line, and a summary
/// per customer.
struct run_report {
  date as_of{};  ///< the evaluation date
  std::string policy;  ///< the policy set's label
  /// The ledger the report was made from; its payments are dropped once the book holds them.
  std::unique_ptr<ledger> source;
  std::unique_ptr<kreditor::book> books;  ///< the book of the ledger (one line per invoice)
  std::unique_ptr<policy_set> policies;  ///< the policies the lines were evaluated under
  /// The engine's verdict per line, in book order (parallel to book.views).
  std::vector<line_result> results;
  /// The verdict on line `line` of the book.
  [[nodiscard]] const line_result& result(std::size_t line) const { return results[line]; }
  /// The number of lines.
  [[nodiscard]] std::size_t size() const noexcept { return results.size(); }
  /// Every customer of the ledger, in ledger order (same index as ledger::customers).
  std::vector<customer_summary> customers;
  std::vector<std::string> problems;  ///< "invoices.csv:LINE: invoice X: problem"
  /// The compiled policy that governs line `i` (its step and custom command names).
  [[nodiscard]] const dunning::compiled_policy& policy_of(std::size_t line) const {
    return policies->compiled(books->views[line].jurisdiction);
  }
};

/// Progress of make_report: phase `done` of `of`, with a label.
using progress_fn = std::function<void(int done, int of, std::string_view label)>;

/// The run over `l` as of `as_of`: the book (with the notices `recorded`), the engine's
/// evaluation under `policies`, and one customer_summary per ledger customer. Notices recorded
/// for the date itself are left out of the history, so a rerun asks for the same commands;
/// those commands are marked `recorded`. Records the engine rejects become `problems` (the
/// caller decides how to fail). \throws what make_book throws; error for an exposure that
/// cannot be computed, naming the customer.
[[nodiscard]] run_report make_report(ledger l, date as_of, std::span<const recorded_notice> recorded,
                                     policy_set policies, const progress_fn& progress = {});

/// The run of make_report a slice of customers at a time (book/slices.hpp): `on_slice` gets
/// the report of each `customers_per_slice` consecutive customers of `l`, in ledger order —
/// the lines, results, summaries and problems make_report gives for those customers — and may
/// move from it. Memory holds one slice's book and results, not the whole ledger's. `policies`
/// gathers what was compiled. \throws what make_report throws, and error(invalid_argument)
/// for a slice of no customers.
void for_each_report_slice(const ledger& l, date as_of, std::span<const recorded_notice> recorded,
                           policy_set& policies, std::size_t customers_per_slice,
                           const std::function<void(run_report&)>& on_slice);
/// The same over the slices `cut` (of a ledger kept as records or as columns).
void for_each_report_slice(ledger_slices& cut, date as_of, std::span<const recorded_notice> recorded,
                           policy_set& policies, std::size_t customers_per_slice,
                           const std::function<void(run_report&)>& on_slice);

/// The name of `step` in `p`: the policy step's, or "broken_promise" / "broken_plan" for the
/// reactions (dunning::broken_promise_step / broken_plan_step). \throws error(out_of_range)
/// for any other step outside the policy.
[[nodiscard]] std::string step_name(const dunning::compiled_policy& p, std::int32_t step);

/// Open receivables as columns for the batch kernels (aging, exposure), grouped by ledger
/// customer: the lines of `b` with principal open, except those `skip` marks (empty: none).
struct open_receivables {
  // Columns (kreditor/core/column.hpp): reserved for every invoice of a big ledger, only the
  // pages the open items fill are ever touched.
  column<std::int32_t> issue_day;   ///< day_number of each item's invoice date
  column<std::int64_t> open_minor;  ///< open principal, minor units
  column<std::int32_t> due_day;     ///< day_number of each item's due date
  column<std::uint32_t> group;      ///< index in ledger::customers
  std::vector<std::uint32_t> items_of;  ///< per customer: how many items it has
  /// Room for `items` items in every column.
  void reserve(std::size_t items) {
    issue_day.reserve(items);
    open_minor.reserve(items);
    due_day.reserve(items);
    group.reserve(items);
  }
  /// The columns as the kernels take them (views into this object).
  [[nodiscard]] receivable_columns columns() const {
    return {.issue_day = issue_day, .due_day = due_day, .open_minor = open_minor, .group = group};
  }
};
/// The open receivables of book `b` with `customers` ledger customers, except the lines `skip`
/// marks.
[[nodiscard]] open_receivables open_receivables_of(const book& b, std::size_t customers,
                                                   std::span<const std::uint8_t> skip = {});
/// Appends to `out` the open receivables of `b`, the book of a slice whose customers start at
/// ledger customer `first` (for_each_book_slice): groups are ledger customer indexes, and
/// `out.items_of` must already count every ledger customer. \throws error(out_of_range) when it
/// does not.
void append_open_receivables(open_receivables& out, const book& b, std::size_t first,
                             std::span<const std::uint8_t> skip = {});

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_BOOK_REPORT_HPP
