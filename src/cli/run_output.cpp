// The three faces of a run report: an aligned table for people (with totals per currency),
// JSON and CSV for programs. Money is printed exactly, with all the currency's decimals.
#include <algorithm>
#include <array>
#include <charconv>
#include <limits>
#include <map>
#include <ostream>
#include <sstream>

#include "cli/run.hpp"
#include "io/csv.hpp"
#include "io/json_write.hpp"
#include "kreditor/core/errc.hpp"

namespace kreditor::cli::run {
namespace {


std::string date_or_dash(const std::optional<date>& d) { return d ? to_string(*d) : "-"; }

/// to_string(d), "YYYY-MM-DD", without printf (a million lines print several dates each).
/// \throws what to_string throws for a date beyond the years 1400..9999.
std::array<char, 10> day_text(date d) {
  if (d.is_special() || day_number(d) < first_day_number || day_number(d) > last_day_number) {
    const std::string text = to_string(d);  // throws error(out_of_range)
    throw error(errc::internal, "run: cannot print the date " + text);
  }
  // A report prints the same few hundred days over and over (due dates, deadlines): the text of
  // each is kept in a small table by day number, so the calendar arithmetic runs once a day.
  struct known_day {
    std::int32_t day = std::numeric_limits<std::int32_t>::min();
    std::array<char, 10> text{};
  };
  thread_local std::array<known_day, 512> known{};
  const std::int32_t n = day_number(d);
  known_day& slot = known[static_cast<std::uint32_t>(n) % known.size()];
  if (slot.day == n) return slot.text;
  const auto ymd = d.year_month_day();
  const int year = static_cast<int>(ymd.year), month = static_cast<int>(ymd.month), day = static_cast<int>(ymd.day);
  const auto digit = [](int v) { return static_cast<char>('0' + v % 10); };
  slot = {n, {digit(year / 1000), digit(year / 100), digit(year / 10), digit(year), '-', digit(month / 10), digit(month),
              '-', digit(day / 10), digit(day)}};
  return slot.text;
}

std::vector<std::string> flag_names(std::uint8_t flags) {
  std::vector<std::string> out;
  if (flags & dunning::overlay::disputed) out.emplace_back("disputed");
  if (flags & dunning::overlay::promised) out.emplace_back("promised");
  if (flags & dunning::overlay::in_plan) out.emplace_back("payment_plan");
  if (flags & dunning::overlay::on_hold) out.emplace_back("on_hold");
  return out;
}

/// The state as shown: the engine's state plus the overlay that pauses it, if any.
std::string state_text(const line_result& r) {
  std::string s(dunning::to_string(r.current));
  for (const std::string& f : flag_names(r.flags)) s += "+" + f;
  return s;
}

/// Appends what command `c` of line `line` is called: its kind, or custom:NAME.
void append_command_text(std::string& out, const report& rep, std::size_t line, const dunning::command& c) {
  if (c.kind != dunning::command_kind::custom) {
    out += dunning::to_string(c.kind);  // no string of its own: a million lines print one each
    return;
  }
  const auto& names = rep.policy_of(line).custom_commands;
  out += "custom:";
  if (c.custom < names.size())
    out += names[c.custom];
  else
    out += std::to_string(c.custom);
}

std::string command_text(const report& rep, std::size_t line, const dunning::command& c) {
  std::string text;
  append_command_text(text, rep, line, c);
  return text;
}

std::string step_of(const report& rep, std::size_t line, std::int32_t step) {
  return step_name(rep.policy_of(line), step);
}

bool shown_in_table(const line_result& r) {
  return r.total_due.is_positive() || !r.commands.empty() || r.problem != nullptr;
}

/// Display width of UTF-8 text (code points; the names we print are Latin letters).
std::size_t width(std::string_view s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char ch) { return (static_cast<unsigned char>(ch) & 0xC0) != 0x80; }));
}

/// A table of text cells printed with aligned columns; `right` marks right-aligned columns.
class text_table {
 public:
  explicit text_table(std::vector<bool> right) : right_(std::move(right)) {}
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  [[nodiscard]] bool empty() const noexcept { return rows_.empty(); }
  void print(std::ostream& os, const std::string& indent) const {
    std::vector<std::size_t> w(right_.size(), 0);
    for (const auto& row : rows_)
      for (std::size_t c = 0; c < row.size(); ++c) w[c] = std::max(w[c], width(row[c]));
    for (const auto& row : rows_) {
      std::string line = indent;
      for (std::size_t c = 0; c < row.size(); ++c) {
        const std::string pad(w[c] - width(row[c]), ' ');
        if (c > 0) line += "  ";
        line += right_[c] ? pad + row[c] : row[c] + (c + 1 < row.size() ? pad : "");
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      os << line << "\n";
    }
  }

 private:
  std::vector<bool> right_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace

void add_totals(std::map<std::string, currency_totals>& t, const report& rep) {
  for (std::size_t i = 0; i < rep.size(); ++i) {
    const line_result& r = rep.result(i);
    if (r.problem) continue;
    const currency c = r.open_principal.currency();
    auto [it, fresh] = t.try_emplace(std::string(c.code()));
    if (fresh) it->second = {money::zero(c), money::zero(c), money::zero(c), money::zero(c), money::zero(c)};
    it->second.open += r.open_principal;
    if (r.days_past_due > 0) it->second.overdue += r.open_principal;
    it->second.fees += r.fees;
    it->second.interest += r.interest;
    it->second.total += r.total_due;
  }
}

namespace {

std::map<std::string, currency_totals> totals_by_currency(const report& rep) {
  std::map<std::string, currency_totals> t;
  add_totals(t, rep);
  return t;
}

std::vector<std::string> decisions_of(const customer_summary& c) {
  std::vector<std::string> d;
  if (c.credit_hold) d.emplace_back("credit_hold");
  if (c.cash_terms) d.emplace_back("cash_terms");
  if (c.over_limit) d.emplace_back("over_limit");
  if (c.in_collection) d.emplace_back("in_collection");
  return d;
}

/// Whether a customer appears in the report: it has invoices, a credit decision or exposure.
bool listed(const customer_summary& c) {
  return !c.lines.empty() || c.credit_hold || c.cash_terms || c.over_limit || c.in_collection ||
         !c.exposure.gross().is_zero();
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string s;
  for (const std::string& p : parts) s += (s.empty() ? "" : std::string(sep)) + p;
  return s;
}

}  // namespace

void print_table(std::ostream& os, const report& rep) {
  const book& b = *rep.books;
  std::size_t closed = 0, commands = 0;
  for (std::size_t i = 0; i < rep.size(); ++i) {
    const line_result& r = rep.result(i);
    if (!shown_in_table(r)) ++closed;
    commands += r.commands.size();
  }
  os << "Dunning run as of " << to_string(rep.as_of) << " (policy: " << rep.policy << ")\n\n";
  text_table t({false, false, false, false, true, false, false, true, true, true, true, false});
  t.add({"customer", "invoice", "cur", "due", "days", "state", "last step", "open", "fees", "interest",
         "total due", "today"});
  for (const customer_summary& c : rep.customers) {
    for (const std::size_t i : c.lines) {  // customers without invoices have no lines
      const line_result& r = rep.result(i);
      if (!shown_in_table(r)) continue;
      std::vector<std::string> today;
      for (const dunning::command& cmd : r.commands) today.push_back(command_text(rep, i, cmd));
      t.add({c.customer->customer_id, b.views[i].invoice_id, std::string(b.views[i].currency.code()),
             to_string(b.views[i].due_date), std::to_string(r.days_past_due), state_text(r),
             (r.last_step ? *r.last_step : std::string("-")), to_string(r.open_principal), to_string(r.fees), to_string(r.interest),
             to_string(r.total_due), today.empty() ? "-" : join(today, ", ")});
    }
  }
  t.print(os, "");
  os << "(" << closed << " paid or closed invoices not shown)\n\nTotals\n";
  text_table tt({false, true, true, true, true, true});
  tt.add({"cur", "open", "overdue", "fees", "interest", "total due"});
  for (const auto& [code, x] : totals_by_currency(rep))
    tt.add({code, to_string(x.open), to_string(x.overdue), to_string(x.fees), to_string(x.interest),
            to_string(x.total)});
  tt.print(os, "  ");

  os << "\nToday: " << commands << (commands == 1 ? " command\n" : " commands\n");
  text_table ct({false, false, false, false, false, true, false});
  for (const customer_summary& c : rep.customers)
    for (const std::size_t i : c.lines)
      for (const dunning::command& cmd : rep.result(i).commands)
        // A set-off / security command names its cover and shows the amount to take.
        ct.add({c.customer->customer_id, b.views[i].invoice_id,
                command_text(rep, i, cmd) + (cmd.cover_id.empty() ? "" : " " + cmd.cover_id), step_of(rep, i, cmd.step),
                "deadline " + date_or_dash(cmd.deadline), to_string(cmd.cover_id.empty() ? cmd.total : cmd.cover_amount),
                std::string(cmd.total.currency().code())});
  ct.print(os, "  ");

  os << "\nCredit decisions\n";
  text_table dt({false, false, false, false});
  for (const customer_summary& c : rep.customers) {
    const std::vector<std::string> d = decisions_of(c);
    if (d.empty()) continue;
    dt.add({c.customer->customer_id, c.customer->name, join(d, ", "),
            "exposure " + to_string(c.exposure.total) + " / limit " + to_string(c.customer->credit_limit) + " " +
                std::string(c.customer->currency.code())});
  }
  dt.print(os, "  ");
  // Money paid or credited that no claim has taken: owed back to the customer, or set off.
  text_table ut({false, false, true, false});
  for (const customer_summary& c : rep.customers)
    if (!c.unapplied_credit.is_zero())
      ut.add({c.customer->customer_id, c.customer->name, to_string(c.unapplied_credit),
              std::string(c.unapplied_credit.currency().code())});
  if (!ut.empty()) {
    os << "\nUnapplied credit\n";
    ut.print(os, "  ");
  }
  // Claims about to become time-barred (watch_limitation): get an acknowledgment or take a legal step.
  text_table lt({false, false, false, true, false});
  for (const customer_summary& c : rep.customers)
    for (const std::size_t i : c.lines)
      if (const line_result& r = rep.result(i); r.limitation_near)
        lt.add({c.customer->customer_id, b.views[i].invoice_id, "time-barred after " + to_string(r.limitation_date),
                to_string(r.total_due), std::string(r.total_due.currency().code()) + (r.limitation_uncertain ? "  (rule uncertain)" : "")});
  if (!lt.empty()) {
    os << "\nLimitation alerts\n";
    lt.print(os, "  ");
  }
  if (!rep.problems.empty()) {
    os << "\nProblems\n";
    for (const std::string& p : rep.problems) os << "  " << p << "\n";
  }
}

namespace {

/// A date as `run --format json` writes it: a JSON string of to_string(d).
void day_value(io::json_writer& w, date d) {
  const std::array<char, 10> text = day_text(d);
  w.string(std::string_view(text.data(), text.size()));
}

void day_or_null(io::json_writer& w, const std::optional<date>& d) {
  if (d)
    day_value(w, *d);
  else
    w.null();
}

/// The exposure object: its categories and "total", in nlohmann::json's (sorted) key order.
void exposure_object(io::json_writer& w, const exposure& e) {
  std::array<std::pair<std::string_view, money>, 7> members{};
  const auto categories = e.categories();
  std::copy(categories.begin(), categories.end(), members.begin());
  members.back() = {"total", e.total};
  std::stable_sort(members.begin(), members.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  w.begin_object();
  for (std::size_t k = 0; k < members.size(); ++k)
    if (k + 1 == members.size() || members[k + 1].first != members[k].first)  // a later value of a name wins
      w.key(members[k].first).string(to_string(members[k].second));
  w.end_object();
}

}  // namespace

// The document is written as nlohmann's dump(2) of one object would write it (keys in order:
// as_of, customers, limitation_alerts, policy, problems, totals; every object's keys sorted, as
// nlohmann::json keeps them), one customer at a time, so a slice's customers can be printed and
// forgotten before the next slice is evaluated. tests/cli/json_writer_test.cpp compares it with
// that dump.
json_report_writer::json_report_writer(std::ostream& os, date as_of) : os_(os), json_(buf_) {
  buf_.reserve(buffer_size + (1 << 14));
  json_.begin_object().key("as_of");
  day_value(json_, as_of);
  json_.key("customers").begin_array();
}

void json_report_writer::add(const report& rep) {
  for (const customer_summary& c : rep.customers) {
    if (!listed(c)) continue;
    add_customer(rep, c);
    if (buf_.size() >= buffer_size) {
      os_ << buf_;
      buf_.clear();
    }
  }
  add_totals(totals_, rep);
}

/// The customer's object (listed customers only); its lines whose claim nears limitation are
/// kept for the limitation_alerts.
void json_report_writer::add_customer(const report& rep, const customer_summary& c) {
  const book& b = *rep.books;
  const customer_record& cr = *c.customer;
  io::json_writer& w = json_;
  w.begin_object()
      .key("account_manager").string(cr.account_manager)
      .key("cash_terms").boolean(c.cash_terms)
      .key("country").string(cr.country)
      .key("credit_hold").boolean(c.credit_hold)
      .key("credit_limit").string(to_string(cr.credit_limit))
      .key("currency").string(cr.currency.code())
      .key("customer_id").string(cr.customer_id)
      .key("email").string(cr.email)
      .key("exposure");
  exposure_object(w, c.exposure);
  w.key("in_collection").boolean(c.in_collection).key("invoices").begin_array();
  for (const std::size_t i : c.lines) {
    const line_result& r = rep.result(i);
    const dunning::invoice_view& v = b.views[i];
    const std::string& reference = b.invoices[i]->reference;
    w.begin_object()
        .key("account_manager").string(cr.account_manager)
        .key("amount").string(to_string(b.claims[i].amount - b.claims[i].credited));
    if (r.problem) {
      w.key("due_date");
      day_value(w, v.due_date);
      w.key("email").string(cr.email).key("invoice_id").string(v.invoice_id).key("issue_date");
      day_value(w, v.issue_date);
      w.key("problem").string(r.problem->message).key("reference").string(reference).end_object();
      continue;
    }
    w.key("commands").begin_array();
    for (std::size_t k = 0; k < r.commands.size(); ++k) {
      const dunning::command& cmd = r.commands[k];
      w.begin_object().key("account_manager").string(cr.account_manager).key("command").string(command_text(rep, i, cmd));
      if (!cmd.cover_id.empty())  // propose_set_off / realise_security (issue 13): what to take
        w.key("cover_amount").string(to_string(cmd.cover_amount)).key("cover_id").string(cmd.cover_id);
      w.key("deadline");
      day_or_null(w, cmd.deadline);
      w.key("email").string(cr.email)
          .key("fee").string(to_string(cmd.fee))
          .key("interest").string(to_string(cmd.interest))
          .key("principal").string(to_string(cmd.principal))
          .key("recorded").boolean(r.recorded[k])
          .key("reference").string(reference)
          .key("step").string(step_of(rep, i, cmd.step))
          .key("total").string(to_string(cmd.total))
          .end_object();
    }
    w.end_array()
        // The law does not settle the day count used (SE, DK, EU): flagged like an uncertain rate.
        .key("day_count_uncertain")
        .boolean(rep.policy_of(i).interest_conventions[v.segment == segment::b2c ? 1 : 0].basis_uncertain)
        .key("days_past_due").integer(r.days_past_due)
        .key("due_date");
    day_value(w, v.due_date);
    w.key("email").string(cr.email)
        .key("fees").string(to_string(r.fees))
        .key("fees_paid").string(to_string(b.claims[i].fees_paid))
        .key("interest").string(to_string(r.interest))
        .key("interest_paid").string(to_string(b.claims[i].interest_paid))
        .key("invoice_id").string(v.invoice_id)
        .key("issue_date");
    day_value(w, v.issue_date);
    w.key("last_step");
    if (r.last_step)
      w.string(*r.last_step);
    else
      w.null();
    w.key("level").integer(r.level).key("limitation_alert").boolean(r.limitation_near).key("limitation_date");
    day_or_null(w, r.limitation_date.is_not_a_date() ? std::nullopt : std::optional<date>(r.limitation_date));
    w.key("limitation_uncertain").boolean(r.limitation_uncertain).key("next_action");
    day_or_null(w, r.next_action);
    w.key("open").string(to_string(r.open_principal)).key("overlays").begin_array();
    for (const std::string& f : flag_names(r.flags)) w.string(f);
    w.end_array()
        .key("reference").string(reference)
        .key("state").string(dunning::to_string(r.current))
        .key("total_due").string(to_string(r.total_due))
        .end_object();
    if (r.limitation_near)
      alerts_.push_back({cr.customer_id, v.invoice_id, r.limitation_date,
                         day_number(r.limitation_date) - day_number(rep.as_of), r.total_due, r.limitation_uncertain});
  }
  w.end_array()
      .key("name").string(cr.name)
      .key("open").string(to_string(c.open))
      .key("over_limit").boolean(c.over_limit)
      .key("overdue").string(to_string(c.overdue))
      .key("segment").string(to_string(cr.segment))
      .key("unapplied_credit").string(to_string(c.unapplied_credit))
      .end_object();
}

void json_report_writer::finish(const std::string& policy, const std::vector<std::string>& problems) {
  io::json_writer& w = json_;
  w.end_array().key("limitation_alerts").begin_array();
  for (const alert& a : alerts_) {
    w.begin_object().key("customer_id").string(a.customer_id).key("days_left").integer(a.days_left)
        .key("invoice_id").string(a.invoice_id).key("limitation_date");
    day_value(w, a.limitation_date);
    w.key("total_due").string(to_string(a.total_due)).key("uncertain").boolean(a.uncertain).end_object();
  }
  w.end_array().key("policy").string(policy).key("problems").begin_array();
  for (const std::string& p : problems) w.string(p);
  w.end_array().key("totals").begin_array();
  for (const auto& [code, x] : totals_)
    w.begin_object()
        .key("currency").string(code)
        .key("fees").string(to_string(x.fees))
        .key("interest").string(to_string(x.interest))
        .key("open").string(to_string(x.open))
        .key("overdue").string(to_string(x.overdue))
        .key("total_due").string(to_string(x.total))
        .end_object();
  w.end_array().end_object();
  buf_ += '\n';
  os_ << buf_;
  buf_.clear();
}

void print_csv_header(std::ostream& os) {
  os << "customer_id,invoice_id,currency,due_date,days_past_due,state,overlays,last_step,open,fees,"
        "interest,total_due,commands,deadline,credit_hold,cash_terms,problem,fees_paid,interest_paid,email,"
        "account_manager,reference,recorded,unapplied_credit,limitation_date,limitation_alert\n";
}

void print_csv_rows(std::ostream& os, const report& rep) {
  const book& b = *rep.books;
  // Fields are appended to one buffer (a million lines: no string per field).
  std::string buf;
  buf.reserve(1 << 16);
  // Text fields are quoted as CSV needs and neutralised against formula injection (a leading
  // =, +, -, @, tab or CR gets an apostrophe, as OWASP advises); amounts are written as they are.
  const auto field = [&buf](std::string_view s) { io::append_csv_field(buf, s); };
  const auto day = [&buf](date d) {
    const std::array<char, 10> text = day_text(d);
    buf.append(text.data(), text.size());
  };
  const auto integer = [&buf](std::int64_t n) {
    std::array<char, 20> text{};
    buf.append(text.data(), std::to_chars(text.data(), text.data() + text.size(), n).ptr);
  };
  for (const customer_summary& c : rep.customers) {
    const std::string_view hold = c.credit_hold ? "true" : "false";
    const std::string_view cash = c.cash_terms ? "true" : "false";
    for (std::size_t n = 0; n < c.lines.size(); ++n) {
      const std::size_t i = c.lines[n];
      // A customer's invoices lie scattered over a big ledger: fetch the next ones' lines
      // while this one is written (the loop is otherwise bound by memory latency).
      if (n + 2 < c.lines.size()) {
        const std::size_t next = c.lines[n + 2];
        __builtin_prefetch(&rep.result(next));
        __builtin_prefetch(&b.views[next]);
        __builtin_prefetch(&b.claims[next].fees_paid);
        __builtin_prefetch(&b.invoices[next]->reference);
      }
      const line_result& r = rep.result(i);
      const dunning::invoice_view& v = b.views[i];
      field(c.customer->customer_id);
      buf += ',';
      field(v.invoice_id);
      buf += ',';
      buf += v.currency.code();
      buf += ',';
      day(v.due_date);
      buf += ',';
      // The columns added after `problem`: what was paid of fees and interest, whom to
      // contact, the payment reference, whether today's commands were already recorded (a
      // rerun), and the customer's unapplied credit.
      const auto tail = [&](bool recorded) {
        buf += ',';
        append_to(buf, b.claims[i].fees_paid);
        buf += ',';
        append_to(buf, b.claims[i].interest_paid);
        buf += ',';
        field(c.customer->email);
        buf += ',';
        field(c.customer->account_manager);
        buf += ',';
        field(b.invoices[i]->reference);
        buf += ',';
        buf += recorded ? "true" : "false";
        buf += ',';
        append_to(buf, c.unapplied_credit);
        buf += ',';
        if (!r.limitation_date.is_not_a_date()) day(r.limitation_date);
        buf += r.limitation_near ? ",true\n" : ",false\n";
      };
      if (r.problem) {
        buf += ",,,,,,,,,,,,";
        field(r.problem->message);
        tail(false);
        continue;
      }
      integer(r.days_past_due);
      buf += ',';
      buf += dunning::to_string(r.current);
      buf += ',';
      if (r.flags != 0) buf += join(flag_names(r.flags), ";");
      buf += ',';
      if (r.last_step) field(*r.last_step);
      for (const money m : {r.open_principal, r.fees, r.interest, r.total_due}) {
        buf += ',';
        append_to(buf, m);
      }
      buf += ',';
      std::optional<date> deadline;
      for (std::size_t k = 0; k < r.commands.size(); ++k) {
        if (k > 0) buf += ';';
        append_command_text(buf, rep, i, r.commands[k]);
        if (r.commands[k].deadline) deadline = r.commands[k].deadline;
      }
      buf += ',';
      if (deadline) day(*deadline);
      buf += ',';
      buf += hold;
      buf += ',';
      buf += cash;
      buf += ',';
      tail(!r.recorded.empty() && std::all_of(r.recorded.begin(), r.recorded.end(), [](bool x) { return x; }));
    }
    if (buf.size() > (1 << 15)) {
      os << buf;
      buf.clear();
    }
  }
  os << buf;
}

}  // namespace kreditor::cli::run
