// The three faces of a run report: an aligned table for people (with totals per currency),
// JSON and CSV for programs. Money is printed exactly, with all the currency's decimals.
#include <algorithm>
#include <map>
#include <ostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/run.hpp"
#include "io/csv.hpp"

namespace kreditor::cli::run {
namespace {


std::string date_or_dash(const std::optional<date>& d) { return d ? to_string(*d) : "-"; }

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

std::string command_text(const report& rep, std::size_t line, const dunning::command& c) {
  if (c.kind != dunning::command_kind::custom) return std::string(dunning::to_string(c.kind));
  const auto& names = rep.policy_of(line).custom_commands;
  return "custom:" + (c.custom < names.size() ? names[c.custom] : std::to_string(c.custom));
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

/// The customer's object in `run --json` (listed customers only); its lines whose claim nears
/// limitation are appended to `alerts`.
nlohmann::json customer_json(const report& rep, const customer_summary& c, nlohmann::json& alerts) {
  using nlohmann::json;
  const book& b = *rep.books;
  const customer_record& cr = *c.customer;
  json exposure = json::object();
  for (const auto& [name, m] : c.exposure.categories()) exposure[std::string(name)] = to_string(m);
  exposure["total"] = to_string(c.exposure.total);
  json cj{{"customer_id", cr.customer_id},
          {"name", cr.name},
          {"country", cr.country},
          {"segment", std::string(to_string(cr.segment))},
          {"currency", std::string(cr.currency.code())},
          {"credit_limit", to_string(cr.credit_limit)},
          {"open", to_string(c.open)},
          {"overdue", to_string(c.overdue)},
          {"credit_hold", c.credit_hold},
          {"cash_terms", c.cash_terms},
          {"over_limit", c.over_limit},
          {"in_collection", c.in_collection},
          {"exposure", std::move(exposure)},
          {"unapplied_credit", to_string(c.unapplied_credit)},
          {"email", cr.email},
          {"account_manager", cr.account_manager},
          {"invoices", json::array()}};
  for (const std::size_t i : c.lines) {
    const line_result& r = rep.result(i);
    const dunning::invoice_view& v = b.views[i];
    json ij{{"invoice_id", v.invoice_id},
            {"issue_date", to_string(v.issue_date)},
            {"due_date", to_string(v.due_date)},
            {"amount", to_string(b.claims[i].amount - b.claims[i].credited)},
            {"email", cr.email},
            {"account_manager", cr.account_manager},
            {"reference", b.invoices[i]->reference}};
    if (r.problem) {
      ij["problem"] = r.problem->message;
      cj["invoices"].push_back(std::move(ij));
      continue;
    }
    ij["state"] = std::string(dunning::to_string(r.current));
    ij["overlays"] = flag_names(r.flags);
    ij["level"] = r.level;
    ij["last_step"] = r.last_step ? json(*r.last_step) : json();
    ij["days_past_due"] = r.days_past_due;
    ij["open"] = to_string(r.open_principal);
    ij["fees"] = to_string(r.fees);
    ij["interest"] = to_string(r.interest);
    ij["total_due"] = to_string(r.total_due);
    // The law does not settle the day count used (SE, DK, EU): flagged like an uncertain rate.
    ij["day_count_uncertain"] =
        rep.policy_of(i).interest_conventions[v.segment == segment::b2c ? 1 : 0].basis_uncertain;
    ij["fees_paid"] = to_string(b.claims[i].fees_paid);
    ij["interest_paid"] = to_string(b.claims[i].interest_paid);
    ij["next_action"] = r.next_action ? json(to_string(*r.next_action)) : json();
    ij["commands"] = json::array();
    for (std::size_t k = 0; k < r.commands.size(); ++k) {
      const dunning::command& cmd = r.commands[k];
      ij["commands"].push_back({{"command", command_text(rep, i, cmd)},
                                {"step", step_of(rep, i, cmd.step)},
                                {"deadline", cmd.deadline ? json(to_string(*cmd.deadline)) : json()},
                                {"principal", to_string(cmd.principal)},
                                {"fee", to_string(cmd.fee)},
                                {"interest", to_string(cmd.interest)},
                                {"total", to_string(cmd.total)},
                                {"recorded", r.recorded[k]},
                                {"email", cr.email},
                                {"account_manager", cr.account_manager},
                                {"reference", b.invoices[i]->reference}});
      if (!cmd.cover_id.empty()) {  // propose_set_off / realise_security (issue 13): what to take
        ij["commands"].back()["cover_id"] = cmd.cover_id;
        ij["commands"].back()["cover_amount"] = to_string(cmd.cover_amount);
      }
    }
    ij["limitation_date"] = r.limitation_date.is_not_a_date() ? json() : json(to_string(r.limitation_date));
    ij["limitation_alert"] = r.limitation_near;
    ij["limitation_uncertain"] = r.limitation_uncertain;
    if (r.limitation_near)
      alerts.push_back({{"customer_id", cr.customer_id}, {"invoice_id", v.invoice_id},
                        {"limitation_date", to_string(r.limitation_date)},
                        {"days_left", day_number(r.limitation_date) - day_number(rep.as_of)},
                        {"total_due", to_string(r.total_due)}, {"uncertain", r.limitation_uncertain}});
    cj["invoices"].push_back(std::move(ij));
  }
  return cj;
}

/// `text` (a dump with indent 2) nested `pad` deeper: every line after the first indented.
std::string nested(const std::string& text, std::string_view pad) {
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  for (const char ch : text) {
    out += ch;
    if (ch == '\n') out += pad;
  }
  return out;
}

}  // namespace

// The document is written as nlohmann's dump(2) of one object would write it (keys in order:
// as_of, customers, limitation_alerts, policy, problems, totals), one customer at a time, so a slice's customers
// can be printed and forgotten before the next slice is evaluated.
json_report_writer::json_report_writer(std::ostream& os, date as_of) : os_(os) {
  os_ << "{\n  \"as_of\": " << nlohmann::json(to_string(as_of)).dump() << ",\n  \"customers\": [";
}

void json_report_writer::add(const report& rep) {
  for (const customer_summary& c : rep.customers) {
    if (!listed(c)) continue;
    os_ << (first_ ? "\n    " : ",\n    ") << nested(customer_json(rep, c, alerts_).dump(2), "    ");
    first_ = false;
  }
  add_totals(totals_, rep);
}

void json_report_writer::finish(const std::string& policy, const std::vector<std::string>& problems) {
  using nlohmann::json;
  if (!first_) os_ << "\n  ";
  json t = json::array();
  for (const auto& [code, x] : totals_)
    t.push_back({{"currency", code},
                 {"open", to_string(x.open)},
                 {"overdue", to_string(x.overdue)},
                 {"fees", to_string(x.fees)},
                 {"interest", to_string(x.interest)},
                 {"total_due", to_string(x.total)}});
  os_ << "],\n  \"limitation_alerts\": " << nested(alerts_.dump(2), "  ") << ",\n  \"policy\": " << json(policy).dump() << ",\n  \"problems\": " << nested(json(problems).dump(2), "  ")
      << ",\n  \"totals\": " << nested(t.dump(2), "  ") << "\n}\n";
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
  const auto day = [&buf](date d) {  // YYYY-MM-DD, as to_string(date), without printf
    const auto ymd = d.year_month_day();
    const int parts[3] = {static_cast<int>(ymd.year), static_cast<int>(ymd.month), static_cast<int>(ymd.day)};
    char text[10] = {static_cast<char>('0' + parts[0] / 1000 % 10), static_cast<char>('0' + parts[0] / 100 % 10),
                     static_cast<char>('0' + parts[0] / 10 % 10), static_cast<char>('0' + parts[0] % 10), '-',
                     static_cast<char>('0' + parts[1] / 10), static_cast<char>('0' + parts[1] % 10), '-',
                     static_cast<char>('0' + parts[2] / 10), static_cast<char>('0' + parts[2] % 10)};
    buf.append(text, sizeof text);
  };
  for (const customer_summary& c : rep.customers) {
    const std::string_view hold = c.credit_hold ? "true" : "false";
    const std::string_view cash = c.cash_terms ? "true" : "false";
    for (std::size_t n = 0; n < c.lines.size(); ++n) {
      const std::size_t i = c.lines[n];
      // A customer's invoices lie scattered over a big ledger: fetch the next ones' lines
      // while this one is written (the loop is otherwise bound by memory latency).
      if (n + 2 < c.lines.size()) {
        __builtin_prefetch(&rep.result(c.lines[n + 2]));
        __builtin_prefetch(&b.views[c.lines[n + 2]]);
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
        buf += to_string(b.claims[i].fees_paid);
        buf += ',';
        buf += to_string(b.claims[i].interest_paid);
        buf += ',';
        field(c.customer->email);
        buf += ',';
        field(c.customer->account_manager);
        buf += ',';
        field(b.invoices[i]->reference);
        buf += ',';
        buf += recorded ? "true" : "false";
        buf += ',';
        buf += to_string(c.unapplied_credit);
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
      buf += std::to_string(r.days_past_due);
      buf += ',';
      buf += dunning::to_string(r.current);
      buf += ',';
      if (r.flags != 0) buf += join(flag_names(r.flags), ";");
      buf += ',';
      if (r.last_step) field(*r.last_step);
      for (const money m : {r.open_principal, r.fees, r.interest, r.total_due}) {
        buf += ',';
        buf += to_string(m);
      }
      buf += ',';
      std::optional<date> deadline;
      for (std::size_t k = 0; k < r.commands.size(); ++k) {
        if (k > 0) buf += ';';
        buf += command_text(rep, i, r.commands[k]);
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
