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
// daily runs continue where they left off: a notice is asked for once.
//
// Exit codes: 0 ok; 1 --fail-on-overdue and something is overdue; 2 usage or input errors
// (file, line, column and problem), including a record the engine rejects.
#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <sstream>
#include <unordered_map>

#include "cli/cli.hpp"
#include "cli/run.hpp"
#include "cli/sample.hpp"
#include "kreditor/dunning/compiled_policy.hpp"
#include "kreditor/dunning/engine.hpp"
#include "kreditor/dunning/presets.hpp"
#include "kreditor/io/policy_json.hpp"

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

/// The policies of a run: one compiled policy per jurisdiction met, built on first use.
class policy_set {
 public:
  explicit policy_set(std::optional<std::string> choice) : choice_(std::move(choice)) {
    if (!choice_) return;
    const bool file = choice_->size() > 5 && choice_->substr(choice_->size() - 5) == ".json";
    if (file) {
      fixed_ = load_file(*choice_);
      return;
    }
    const std::vector<std::string_view> names = dunning::preset_names();
    if (std::find(names.begin(), names.end(), *choice_) == names.end()) {
      std::string known;
      for (const auto n : names) known += (known.empty() ? "" : ", ") + std::string(n);
      throw usage_error{"--policy: unknown policy '" + *choice_ + "' (presets: " + known + "; or a FILE.json)"};
    }
    if (parse_jurisdiction(*choice_)) fixed_ = compile_or_fail(dunning::preset(*choice_));
  }

  /// The label for reports.
  [[nodiscard]] std::string label() const { return choice_ ? *choice_ : "country presets"; }

  /// The jurisdiction a customer of `j` is dunned under (a fixed policy imposes its own).
  [[nodiscard]] jurisdiction governing(jurisdiction j) const {
    return fixed_ ? fixed_->source.jurisdiction : j;
  }

  [[nodiscard]] const dunning::compiled_policy& for_jurisdiction(jurisdiction j) {
    if (fixed_) return *fixed_;
    auto& slot = per_jurisdiction_[static_cast<std::size_t>(j)];
    if (!slot) {
      const std::string name = choice_ ? *choice_ : std::string(to_string(j));
      slot = compile_or_fail(choice_ ? dunning::preset(name, j) : dunning::preset(name));
    }
    return *slot;
  }

 private:
  static std::unique_ptr<dunning::compiled_policy> compile_or_fail(const dunning::policy& p) {
    try {
      return std::make_unique<dunning::compiled_policy>(dunning::compile(p));
    } catch (const error& e) {
      throw usage_error{std::string("--policy: ") + e.what()};
    }
  }
  static std::unique_ptr<dunning::compiled_policy> load_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw usage_error{"--policy: " + path + ": cannot be read"};
    std::stringstream text;
    text << in.rdbuf();
    const result<dunning::policy> p = parse_policy_json(text.str());
    if (!p) throw usage_error{"--policy: " + path + ": " + p.error().message};
    return compile_or_fail(*p);
  }

  std::optional<std::string> choice_;
  std::unique_ptr<dunning::compiled_policy> fixed_;
  std::array<std::unique_ptr<dunning::compiled_policy>, 5> per_jurisdiction_{};
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
  const ledger l = ledger_from(a);
  const date as_of = as_of_from(a, l);
  const std::optional<std::string> state_path = a.get("state");
  state_file state = state_path ? read_state(*state_path) : state_file{};
  if (state.last_run && *state.last_run > as_of)
    throw usage_error{*state_path + ": the last run was as of " + to_string(*state.last_run) +
                      ", after --as-of " + to_string(as_of) + " (a state file only moves forward)"};

  policy_set policies(a.get("policy"));
  bar.show(1, 4, "building invoice views");
  const step_lookup steps = [&](jurisdiction j, std::string_view name) {
    return policies.for_jurisdiction(policies.governing(j)).step_index(name);
  };
  book b = make_book(l, as_of, state, steps);
  for (dunning::invoice_view& v : b.views) v.jurisdiction = policies.governing(v.jurisdiction);

  // Customers, in ledger order: their lines, totals and credit decisions.
  report rep;
  rep.as_of = as_of;
  rep.policy = policies.label();
  rep.books = &b;
  rep.where.resize(b.views.size());
  std::unordered_map<std::string_view, std::size_t> customer_at;
  for (const customer_record& c : l.customers) {
    customer_at.emplace(c.customer_id, rep.customers.size());
    customer_summary s;
    s.customer = &c;
    s.open = money::zero(c.currency);
    s.overdue = money::zero(c.currency);
    s.credit_hold = std::find(c.flags.begin(), c.flags.end(), "on_hold") != c.flags.end();
    s.cash_terms = std::find(c.flags.begin(), c.flags.end(), "cash_only") != c.flags.end();
    s.in_collection = std::find(c.flags.begin(), c.flags.end(), "in_collection") != c.flags.end();
    rep.customers.push_back(std::move(s));
  }

  // One evaluation per jurisdiction; results go back to ledger order.
  std::map<jurisdiction, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < b.views.size(); ++i) groups[b.views[i].jurisdiction].push_back(i);
  for (const auto& [j, members] : groups) {
    bar.show(2, 4, "evaluating " + std::string(to_string(j)) + " (" + std::to_string(members.size()) + " invoices)");
    std::vector<dunning::invoice_view> group;
    group.reserve(members.size());
    for (const std::size_t i : members) group.push_back(std::move(b.views[i]));
    dunning::run_result r = dunning::evaluate(policies.for_jurisdiction(j), group, as_of);
    for (std::size_t k = 0; k < members.size(); ++k) b.views[members[k]] = std::move(group[k]);
    const auto run_index = static_cast<std::uint32_t>(rep.runs.size());
    for (std::size_t k = 0; k < r.invoices.size(); ++k)
      rep.where[members[r.invoices[k].index]] = {run_index, static_cast<std::uint32_t>(k)};
    // The engine's decisions count the steps already done, not only today's commands.
    for (const dunning::customer_decision& d : r.customers) {
      customer_summary& s = rep.customers[customer_at.at(d.customer)];
      s.credit_hold = s.credit_hold || d.credit_hold;
      s.cash_terms = s.cash_terms || d.cash_terms;
    }
    rep.runs.push_back(std::move(r));
  }
  rep.policy_of = [&](std::size_t i) -> const dunning::compiled_policy& {
    return policies.for_jurisdiction(b.views[i].jurisdiction);
  };

  bar.show(3, 4, "writing the report");
  bool overdue = false;
  for (std::size_t i = 0; i < rep.size(); ++i) {
    const dunning::invoice_result& r = rep.result(i);
    customer_summary& s = rep.customers[customer_at.at(b.views[i].customer)];
    s.lines.push_back(i);
    if (r.problem) {
      rep.problems.push_back("invoices.csv:" + std::to_string(b.invoices[i]->line) + ": invoice '" +
                             b.views[i].id + "': " + r.problem->message);
      continue;
    }
    s.open += r.open_principal;
    if (r.days_past_due > 0 && r.open_principal.is_positive()) {
      s.overdue += r.open_principal;
      overdue = true;
    }
    for (const dunning::command& c : r.commands) {
      s.credit_hold = s.credit_hold || c.kind == dunning::command_kind::credit_hold;
      s.cash_terms = s.cash_terms || c.kind == dunning::command_kind::cash_terms;
    }
    s.in_collection = s.in_collection || r.current == dunning::state::handed_to_collection ||
                      r.current == dunning::state::legal;
  }
  for (customer_summary& s : rep.customers) s.over_limit = s.open > s.customer->credit_limit;
  std::erase_if(rep.customers, [](const customer_summary& s) { return s.lines.empty(); });

  // Record today's notices: each fired step once, so the next run continues after it. Not
  // when records were rejected: the caller is told to fix the input and run again.
  if (state_path && rep.problems.empty()) {
    for (std::size_t i = 0; i < rep.size(); ++i) {
      std::vector<std::int32_t> recorded;
      for (const dunning::command& c : rep.result(i).commands) {
        if (std::find(recorded.begin(), recorded.end(), c.step) != recorded.end()) continue;
        recorded.push_back(c.step);
        state.notices.push_back({.invoice_id = b.views[i].id,
                                 .step = step_name(rep.policy_of(i), c.step),
                                 .sent = c.on,
                                 .deadline = c.deadline,
                                 .fee = c.fee});
      }
    }
    state.last_run = as_of;
    write_state(*state_path, state);
  }

  // Every input error has been found by now, so the report is printed whole or not at all.
  if (format == "json")
    print_json(ctx.out, rep);
  else if (format == "csv")
    print_csv(ctx.out, rep);
  else
    print_table(ctx.out, rep);
  bar.show(4, 4, "done");
  if (!rep.problems.empty()) {
    for (const std::string& p : rep.problems) ctx.err << "kreditor run: " << p << "\n";
    return exit_usage;
  }
  return a.flag("fail-on-overdue") && overdue ? exit_problems : exit_ok;
}

}  // namespace kreditor::cli
