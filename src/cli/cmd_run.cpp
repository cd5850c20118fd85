// `kreditor run`: the daily dunning run over a ledger.
//
//   kreditor run [--ledger PATH] [--policy NAME|FILE.json] [--as-of DATE]
//                [--format table|json|csv] [--json] [--state FILE] [--fail-on-overdue] [--quiet]
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
#include <cstdio>
#include <iostream>
#include <sstream>
#include <streambuf>
#include <utility>

#include "cli/cli.hpp"
#include "cli/run.hpp"
#include "cli/sample.hpp"
#include "kreditor/book/slices.hpp"
#include "kreditor/documents/claim_limitation.hpp"

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

/// The notices today's run asks for, each fired step of a line once (a rerun's commands
/// already recorded are not asked for again): what --state records.
void fired_notices(const report& rep, std::vector<recorded_notice>& out) {
  const book& b = *rep.books;
  for (std::size_t i = 0; i < rep.size(); ++i) {
    std::vector<std::int32_t> recorded;
    const line_result& r = rep.result(i);
    for (std::size_t k = 0; k < r.commands.size(); ++k) {
      const dunning::command& c = r.commands[k];
      if (r.recorded[k]) continue;  // a rerun for the same date: recorded by the first run
      if (std::find(recorded.begin(), recorded.end(), c.step) != recorded.end()) continue;
      recorded.push_back(c.step);
      out.push_back({.invoice_id = b.views[i].invoice_id,
                     .step = step_name(rep.policy_of(i), c.step),
                     .sent = c.on,
                     .deadline = c.deadline,
                     .fee = c.fee});
    }
  }
}

/// Where `run --format csv` writes its rows until it knows that no record was rejected: a
/// temporary file (memory stays bounded however big the ledger), or memory when the system
/// has no temporary file to give.
class spool final : public std::streambuf {
 public:
  spool() : file_(std::tmpfile()) { setp(buffer_.data(), buffer_.data() + buffer_.size()); }
  ~spool() override {
    if (file_ != nullptr) std::fclose(file_);
  }
  spool(const spool&) = delete;
  spool& operator=(const spool&) = delete;
  /// Copies everything written to `os`. \throws error(io) when the temporary file fails.
  void copy_to(std::ostream& os) {
    flush_buffer();
    if (file_ == nullptr) {
      os << memory_;
      return;
    }
    std::rewind(file_);
    for (std::size_t got; (got = std::fread(buffer_.data(), 1, buffer_.size(), file_)) > 0;)
      os.write(buffer_.data(), static_cast<std::streamsize>(got));
    if (std::ferror(file_) != 0) throw error(errc::io, "run: the temporary file of the report cannot be read back");
  }

 private:
  int_type overflow(int_type ch) override {
    flush_buffer();
    if (!traits_type::eq_int_type(ch, traits_type::eof())) sputc(traits_type::to_char_type(ch));
    return traits_type::not_eof(ch);
  }
  int sync() override { return 0; }
  void flush_buffer() {
    const auto n = static_cast<std::size_t>(pptr() - pbase());
    if (file_ == nullptr)
      memory_.append(pbase(), n);
    else if (n > 0 && std::fwrite(pbase(), 1, n, file_) != n)
      throw error(errc::io, "run: the temporary file of the report cannot be written (disk full?)");
    setp(buffer_.data(), buffer_.data() + buffer_.size());
  }
  std::FILE* file_;
  std::string memory_;
  std::array<char, 1 << 16> buffer_{};
};

/// The customers a slice of `run --format csv` evaluates at once: small enough that a slice's
/// book and results stay in the caches, big enough that the per-slice work does not show.
constexpr std::size_t customers_per_slice = 256;

/// `run --format csv` and `--format json`: the report a slice of customers at a time
/// (kreditor/book/slices.hpp), so a million-invoice ledger needs one slice's book in memory, not
/// the whole ledger's, and the JSON is never built as one document. The output is spooled and
/// copied to stdout once every slice is evaluated: as for the table, a record the engine
/// rejects means exit 2 and nothing on stdout.
int run_sliced(context& ctx, const args& a, const ledger_columns& l, date as_of, state_file& state,
               const std::optional<std::string>& state_path, progress& bar, bool json,
               const limitation_watch_options& window) {
  policy_set policies = policies_from(a.get("policy"));
  const limitation_evidence evidence = limitation_evidence_of(l);
  spool rows;
  std::ostream out(&rows);
  std::optional<json_report_writer> json_out;
  if (json)
    json_out.emplace(out, as_of);
  else
    print_csv_header(out);
  std::string policy_label;
  std::vector<std::pair<int, std::string>> problems;  // (invoices.csv line, message)
  std::vector<recorded_notice> fired;
  bool overdue = false;
  std::size_t customers_done = 0;
  ledger_slices cut(l);
  for_each_report_slice(cut, as_of, state.notices, policies, customers_per_slice, [&](run_report& rep) {
    customers_done += rep.customers.size();
    bar.show(static_cast<int>(std::min<std::size_t>(customers_done, 1u << 30)),
             static_cast<int>(std::min<std::size_t>(std::max<std::size_t>(l.customers.size(), 1), 1u << 30)),
             "evaluating customers");
    for (const customer_summary& s : rep.customers) overdue = overdue || s.overdue.is_positive();
    // make_report lists its problems in line order, one per rejected line.
    std::size_t k = 0;
    for (std::size_t i = 0; i < rep.size() && k < rep.problems.size(); ++i)
      if (rep.result(i).problem) problems.emplace_back(rep.books->invoices[i]->line, std::move(rep.problems[k++]));
    if (!problems.empty()) return;  // nothing will be printed or recorded
    if (state_path) fired_notices(rep, fired);
    (void)watch_limitation(rep, evidence, window);  // limitation_date per line, the alerts
    policy_label = rep.policy;
    if (json_out)
      json_out->add(rep);
    else
      print_csv_rows(out, rep);
  });
  if (!problems.empty()) {
    // In the ledger's order, as a run over the whole ledger at once lists them.
    std::stable_sort(problems.begin(), problems.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    for (const auto& [line, p] : problems) ctx.err << "kreditor run: " << p << "\n";
    return exit_usage;
  }
  if (state_path) {
    state.notices.insert(state.notices.end(), fired.begin(), fired.end());
    state.last_run = as_of;
    write_state(*state_path, state);
  }
  bar.show(1, 1, "writing the report");
  if (json_out) json_out->finish(policy_label, {});
  out.flush();
  rows.copy_to(ctx.out);
  return a.flag("fail-on-overdue") && overdue ? exit_problems : exit_ok;
}

/// `--limitation-days N`: alert on claims time-barred within N days (default 90).
std::int32_t limitation_days_from(const args& a) {
  const std::string text = a.get("limitation-days").value_or("90");
  if (text.empty() || text.size() > 5 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    throw usage_error{"--limitation-days: '" + text + "' is not a number of days 0..99999"};
  return std::stoi(text);
}

}  // namespace

int cmd_run(context& ctx) {
  const args a(ctx.argv, {"ledger", "policy", "as-of", "format", "state", "limitation-days"}, {"fail-on-overdue", "quiet", "json", "decimal-comma"});
  if (!a.positionals().empty()) throw usage_error{"unexpected argument '" + a.positionals().front() + "'"};
  // --json is --format json, as every other command spells it.
  if (a.flag("json") && a.get("format").value_or("json") != "json")
    throw usage_error{"--json and --format " + *a.get("format") + " contradict each other; give one"};
  const std::string format = a.flag("json") ? "json" : a.get("format").value_or("table");
  if (format != "table" && format != "json" && format != "csv")
    throw usage_error{"--format: '" + format + "' is not table, json or csv"};
  const bool quiet = a.flag("quiet");
  progress bar(ctx.err, ctx.err_is_terminal && !quiet);

  bar.show(0, 4, "reading the ledger");
  ledger_columns columns = ledger_columns_from(a);
  const date as_of = as_of_from(a, columns);
  const std::optional<std::string> state_path = a.get("state");
  state_file state = state_path ? read_state(*state_path) : state_file{};
  if (state.last_run && *state.last_run > as_of)
    throw usage_error{*state_path + ": the last run was as of " + to_string(*state.last_run) +
                      ", after --as-of " + to_string(as_of) + " (a state file only moves forward)"};

  const limitation_watch_options window{.window_days = limitation_days_from(a)};
  if (format == "csv" || format == "json")
    return run_sliced(ctx, a, columns, as_of, state, state_path, bar, format == "json", window);
  // The table aligns its columns over every line: the whole report, from the ledger as records.
  ledger l = std::exchange(columns, {}).to_ledger();
  const limitation_evidence evidence = limitation_evidence_of(l.payments, l.events);  // before l moves
  report rep = make_report(std::move(l), as_of, state, a.get("policy"), [&](int done, int of, std::string_view label) {
    bar.show(done, of, label);
  });
  (void)watch_limitation(rep, evidence, window);  // limitation_date per line, the alerts
  bool overdue = false;
  for (const customer_summary& s : rep.customers) overdue = overdue || s.overdue.is_positive();

  // Record today's notices: each fired step once, so the next run continues after it. Not
  // when records were rejected: the caller is told to fix the input and run again.
  if (state_path && rep.problems.empty()) {
    std::vector<recorded_notice> fired;
    fired_notices(rep, fired);
    state.notices.insert(state.notices.end(), fired.begin(), fired.end());
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
  print_table(ctx.out, rep);  // json and csv were written slice by slice (run_sliced)
  return a.flag("fail-on-overdue") && overdue ? exit_problems : exit_ok;
}

}  // namespace kreditor::cli
