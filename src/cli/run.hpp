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
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/run_book.hpp"
#include "io/json_write.hpp"
#include "kreditor/core/money.hpp"
#include "kreditor/dunning/account.hpp"
#include "kreditor/dunning/compiled_policy.hpp"
#include "kreditor/dunning/engine.hpp"
#include "kreditor/book/report.hpp"
#include "kreditor/exposure/credit_account.hpp"
#include "kreditor/exposure/exposure.hpp"
#include "kreditor/io/ledger.hpp"
#include "kreditor/time/date.hpp"

namespace kreditor::cli::run {

// The run itself is the library's (kreditor/book/report.hpp); the CLI reads the ledger, the
// policy and the state file, and prints.
using kreditor::book;
using kreditor::customer_summary;
using kreditor::line_result;
using kreditor::policy_set;
using kreditor::progress_fn;
using kreditor::step_name;
using report = kreditor::run_report;

/// The policies of `--policy NAME|FILE.json` (absent: each customer's country preset).
/// \throws usage_error for an unknown preset, an unreadable or invalid file, or a policy that
/// does not compile (its legal checks).
[[nodiscard]] policy_set policies_from(const std::optional<std::string>& choice);

/// The run over `l` as of `as_of` with the notices of `state` under `--policy` `choice`.
/// \throws usage_error as policies_from; kreditor::error from the book.
[[nodiscard]] report make_report(ledger l, date as_of, const state_file& state,
                                 const std::optional<std::string>& choice, const progress_fn& progress = {});

/// What a run owes in one currency: the table's and the JSON's totals.
struct currency_totals {
  money open, overdue, fees, interest, total;
};
/// Adds the lines of `r` (rejected ones left out) to `t`, per currency code.
void add_totals(std::map<std::string, currency_totals>& t, const report& r);

/// `run --format json`, written a slice of customers at a time: the same bytes as nlohmann's
/// dump(2) of the whole report as one document, with the customers of each add() in the order
/// given. The text is written by hand (io/json_write.hpp), not built as nlohmann values.
class json_report_writer {
 public:
  /// Writes the document's head.
  json_report_writer(std::ostream& os, date as_of);
  json_report_writer(const json_report_writer&) = delete;
  json_report_writer& operator=(const json_report_writer&) = delete;
  /// Writes the listed customers of `r` and counts its totals.
  void add(const report& r);
  /// Writes the rest: the limitation alerts, the policy label, the problems and the totals of
  /// every add().
  void finish(const std::string& policy, const std::vector<std::string>& problems);

 private:
  /// A line of limitation_alerts, kept until finish().
  struct alert {
    std::string customer_id, invoice_id;
    date limitation_date;
    std::int32_t days_left = 0;
    money total_due;
    bool uncertain = false;
  };
  /// Text is handed to the stream in pieces of about this size.
  static constexpr std::size_t buffer_size = 1 << 16;
  void add_customer(const report& r, const customer_summary& c);

  std::ostream& os_;
  std::string buf_;       ///< written, not yet handed to os_
  io::json_writer json_;  ///< the document, open from the constructor to finish(); writes into buf_
  std::map<std::string, currency_totals> totals_;
  std::vector<alert> alerts_;  ///< limitation_alerts, in the customers' order
};

void print_table(std::ostream& os, const report& r);
/// `run --format csv`, printed a slice of customers at a time: the header row, then each
/// slice's rows.
void print_csv_header(std::ostream& os);
void print_csv_rows(std::ostream& os, const report& r);

}  // namespace kreditor::cli::run

#endif  // KREDITOR_CLI_RUN_HPP
