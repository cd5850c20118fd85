// `kreditor run`: the daily dunning run over a ledger.
//
//   kreditor run [--ledger PATH] [--policy NAME|FILE.json] [--as-of DATE]
//                [--format table|json|csv] [--state FILE] [--fail-on-overdue] [--quiet]
//
// Without --ledger it runs on the sample ledger compiled into the binary, as of that ledger's
// own date, so the output is reproducible. Without --policy each customer is dunned by the
// preset of its country (NO, SE, DK, FI; any other country: EU). A national preset or a
// policy file given with --policy governs every customer under its own law; the generic
// presets (single-reminder, relationship-first) are built per customer's jurisdiction.
//
// --state FILE reads the notices earlier runs asked for and records today's, so consecutive
// daily runs continue where they left off: a notice is asked for once. A rerun for the same
// date prints the same commands again, marked as already recorded ("recorded": true in JSON),
// and records nothing twice; only a later date asks for new ones.
//
// Exit codes: 0 ok; 1 --fail-on-overdue and something is overdue; 2 usage or input errors
// (file, line, column and problem), including a record the engine rejects.
#include <algorithm>
#include <iostream>

#include "cli/cli.hpp"
#include "cli/run.hpp"
#include "cli/sample.hpp"

namespace kreditor::cli {
namespace {

using namespace run;

/// Progress on stderr, only for a terminal and without --quiet: one line, rewritten.
class progress {
 public:
  progress(std::ostream& err, bool enabled) : err_(err), enabled_(enabled) {}
  ~progress() {
    if (enabled_ && shown_) err_ << "\r\033[K" << std::flush;
  }
  progress(const progress&) = delete;
  progress& operator=(const progress&) = delete;
  /// Shows phase `done` of `of` with a label: "[#####     ] evaluating NO".
  void show(int done, int of, std::string_view label) {
    if (!enabled_) return;
    constexpr int width = 20;
    const int filled = of > 0 ? done * width / of : width;
    err_ << "\r\033[K[" << std::string(static_cast<std::size_t>(filled), '#')
         << std::string(static_cast<std::size_t>(width - filled), ' ') << "] " << label << std::flush;
    shown_ = true;
  }

 private:
  std::ostream& err_;
  bool enabled_;
  bool shown_ = false;
};

}  // namespace

int cmd_run(context& ctx) {
  const args a(ctx.argv, {"ledger", "policy", "as-of", "format", "state"}, {"fail-on-overdue", "quiet"});
  if (!a.positionals().empty()) throw usage_error{"unexpected argument '" + a.positionals().front() + "'"};
  const std::string format = a.get("format").value_or("table");
  if (format != "table" && format != "json" && format != "csv")
    throw usage_error{"--format: '" + format + "' is not table, json or csv"};
  const bool quiet = a.flag("quiet");
  progress bar(ctx.err, ctx.err_is_terminal && !quiet);

  bar.show(0, 4, "reading the ledger");
  ledger l = ledger_from(a);
  const date as_of = as_of_from(a, l);
  const std::optional<std::string> state_path = a.get("state");
  state_file state = state_path ? read_state(*state_path) : state_file{};
  if (state.last_run && *state.last_run > as_of)
    throw usage_error{*state_path + ": the last run was as of " + to_string(*state.last_run) +
                      ", after --as-of " + to_string(as_of) + " (a state file only moves forward)"};

  const report rep = make_report(std::move(l), as_of, state, a.get("policy"), [&](int done, int of, std::string_view label) {
    bar.show(done, of, label);
  });
  const book& b = *rep.books;
  bool overdue = false;
  for (const customer_summary& s : rep.customers) overdue = overdue || s.overdue.is_positive();

  // Record today's notices: each fired step once, so the next run continues after it. Not
  // when records were rejected: the caller is told to fix the input and run again.
  if (state_path && rep.problems.empty()) {
    for (std::size_t i = 0; i < rep.size(); ++i) {
      std::vector<std::int32_t> recorded;
      const line_result& r = rep.result(i);
      for (std::size_t k = 0; k < r.commands.size(); ++k) {
        const dunning::command& c = r.commands[k];
        if (r.recorded[k]) continue;  // a rerun for the same date: recorded by the first run
        if (std::find(recorded.begin(), recorded.end(), c.step) != recorded.end()) continue;
        recorded.push_back(c.step);
        state.notices.push_back({.invoice_id = b.views[i].invoice_id,
                                 .step = step_name(rep.policy_of(i), c.step),
                                 .sent = c.on,
                                 .deadline = c.deadline,
                                 .fee = c.fee});
      }
    }
    state.last_run = as_of;
    write_state(*state_path, state);
  }

  bar.show(4, 4, "writing the report");
  // Every input error has been found by now, so the report is printed whole or not at all:
  // a record the engine rejected means exit 2 and nothing on stdout.
  if (!rep.problems.empty()) {
    for (const std::string& p : rep.problems) ctx.err << "kreditor run: " << p << "\n";
    return exit_usage;
  }
  if (format == "json")
    print_json(ctx.out, rep);
  else if (format == "csv")
    print_csv(ctx.out, rep);
  else
    print_table(ctx.out, rep);
  return a.flag("fail-on-overdue") && overdue ? exit_problems : exit_ok;
}

}  // namespace kreditor::cli
