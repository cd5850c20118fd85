// `kreditor simulate`: the projected dunning timeline of one invoice under a policy if nothing
// is paid (CLI contract in issue 5; kept stable).
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "cli/cli.hpp"
#include "cli/sample.hpp"
#include "kreditor/dunning/compiled_policy.hpp"
#include "kreditor/dunning/presets.hpp"
#include "kreditor/dunning/simulate.hpp"
#include "kreditor/io/policy_json.hpp"

namespace kreditor::cli {
namespace {

using namespace kreditor::dunning;

date date_option(const args& a, const std::string& name) {
  const auto d = parse_date(a.require(name));
  if (!d) throw usage_error{"--" + name + ": " + d.error().message};
  return *d;
}

// The generic presets follow the law of the invoice currency's country (EUR: the EU baseline).
jurisdiction jurisdiction_of(currency c) {
  if (c == iso4217::nok) return jurisdiction::no;
  if (c == iso4217::sek) return jurisdiction::se;
  if (c == iso4217::dkk) return jurisdiction::dk;
  return jurisdiction::eu;
}

policy load(const std::string& spec, currency c) {
  for (std::string_view name : preset_names())
    if (spec == name) return name.size() == 2 ? preset(name) : preset(name, jurisdiction_of(c));
  for (std::string_view name : b2b_preset_names())
    if (spec == name) return preset(name);
  if (spec.size() < 5 || spec.substr(spec.size() - 5) != ".json")
    throw usage_error{"--policy: '" + spec +
                      "' is neither a preset (NO, SE, DK, FI, EU, NO-B2B, SE-B2B, DK-B2B, FI-B2B, single-reminder, "
                      "relationship-first) "
                      "nor a .json file"};
  std::ifstream in(spec);
  if (!in) throw usage_error{"--policy: cannot read '" + spec + "'"};
  std::stringstream ss;
  ss << in.rdbuf();
  auto p = parse_policy_json(ss.str());
  if (!p)
    throw usage_error{"--policy " + spec + ": " + p.error().message + " [" +
                      std::string(to_string(p.error().code)) + "]"};
  return std::move(p).value();
}

}  // namespace

int cmd_simulate(context& ctx) {
  const args a(ctx.argv, {"policy", "amount", "currency", "invoice-date", "due", "segment", "until",
                          "reminder-fee-agreed"},
               {"json", "decimal-comma"});
  const auto cur = currency::parse(a.require("currency"));
  if (!cur) throw usage_error{"--currency: " + cur.error().message};
  const auto amount = money::parse(a.require("amount"), *cur, std::nullopt, decimal_mark_from(a));
  if (!amount) throw usage_error{"--amount: " + amount.error().message};
  if (!amount->is_positive()) throw usage_error{"--amount: must be positive"};
  simulation_input in;
  in.amount = *amount;
  in.invoice_date = date_option(a, "invoice-date");
  in.due = date_option(a, "due");
  if (const auto s = a.get("segment")) {
    const auto seg = parse_segment(*s);
    if (!seg) throw usage_error{"--segment: " + seg.error().message};
    in.segment = *seg;
  }
  if (const auto agreed = a.get("reminder-fee-agreed")) {
    if (*agreed != "yes" && *agreed != "no")
      throw usage_error{"--reminder-fee-agreed: '" + *agreed + "' is neither yes nor no"};
    in.reminder_fee_agreed = *agreed == "yes";  // SE 2 §: agreed when the debt arose
  }
  const date until = a.get("until") ? date_option(a, "until") : add_months(in.invoice_date, 12, month_end::clamp);
  const policy p = load(a.require("policy"), *cur);
  // A legal violation exits 2 naming every rule broken, each with the law in force on the due date.
  const compiled_policy cp = compile(p, {}, in.due);
  const auto timeline = simulate(cp, in, until);

  auto command_name = [&](const command& c) {
    return c.kind == command_kind::custom ? "custom:" + cp.custom_commands[c.custom]
                                          : std::string(to_string(c.kind));
  };
  if (a.flag("json")) {
    nlohmann::ordered_json out;
    out["policy"] = p.name;
    out["jurisdiction"] = std::string(to_string(p.jurisdiction));
    out["currency"] = std::string(cur->code());
    out["amount"] = to_string(*amount);
    out["invoice_date"] = to_string(in.invoice_date);
    out["due"] = to_string(in.due);
    out["segment"] = std::string(to_string(in.segment));
    out["until"] = to_string(until);
    auto events = nlohmann::ordered_json::array();
    for (const timeline_event& e : timeline) {
      nlohmann::ordered_json ev;
      ev["date"] = to_string(e.on);
      ev["step"] = e.step_name;
      auto cmds = nlohmann::ordered_json::array();
      for (const command& c : e.commands) cmds.push_back(command_name(c));
      ev["commands"] = cmds;
      ev["fee"] = to_string(e.fee);
      ev["interest"] = to_string(e.interest);
      ev["deadline"] = e.deadline ? nlohmann::ordered_json(to_string(*e.deadline)) : nlohmann::ordered_json(nullptr);
      ev["total_due"] = to_string(e.total_due);
      events.push_back(ev);
    }
    out["events"] = events;
    ctx.out << out.dump(2) << "\n";
    return exit_ok;
  }
  ctx.out << "policy " << p.name << " (" << to_string(p.jurisdiction) << "), " << to_string(*amount) << " "
          << cur->code() << " due " << to_string(in.due) << ", until " << to_string(until) << "\n";
  for (const timeline_event& e : timeline) {
    ctx.out << to_string(e.on) << "  " << e.step_name << ":";
    for (const command& c : e.commands) ctx.out << " " << command_name(c);
    ctx.out << "  fee " << to_string(e.fee) << "  interest " << to_string(e.interest) << "  deadline "
            << (e.deadline ? to_string(*e.deadline) : std::string("-")) << "  total " << to_string(e.total_due)
            << "\n";
  }
  return exit_ok;
}

}  // namespace kreditor::cli
