// `kreditor score`: one customer's grade, PD and recommended terms, methods and limit.
//
//   kreditor score --financials FILE.json [--credit-check FILE.json] [--ledger DIR --customer ID]
//                  [--model FILE.json] [--policy FILE.json] [--as-of DATE] [--json]
//
// Output (one JSON object; --json prints it on one line): grade, pd, altman {z, model, zone},
// ohlson {o, p}, recommended_terms (canonical terms string), recommended_limit (decimal string),
// currency, payment_methods, reasons [{code, text}]; plus pd_source, discount_offered,
// discount_annual_cost, customer_id, as_of, alerts [{kind, text}] and, with a ledger, behaviour.
// With --ledger and --customer, the payment behaviour and the last 12 months' purchases (the need
// base of the limit) come from the ledger. --credit-check may hold many checks: those of this
// customer are used (the latest for the grade, the last two for alerts). The as-of date: --as-of,
// else the ledger's own date, else the latest credit check's date.
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "cli/cli.hpp"
#include "cli/sample.hpp"
#include "cli/scoring_inputs.hpp"
#include "kreditor/io/scoring_json.hpp"
#include "kreditor/scoring/recommend.hpp"

namespace kreditor::cli {

int cmd_score(context& ctx) {
  const args a(ctx.argv, {"financials", "credit-check", "ledger", "customer", "model", "policy", "as-of"}, {"json", "decimal-comma"});
  if (!a.positionals().empty()) throw usage_error{"unexpected argument '" + a.positionals().front() + "'"};
  const scoring::financial_statements s = financials_from_file(a.require("financials"));
  const scoring::recommendation_policy policy = policy_from(a.get("policy"));
  std::string id = a.get("customer").value_or(s.customer_id);
  if (a.get("ledger") && !a.get("customer")) throw usage_error{"--ledger needs --customer ID"};

  std::optional<ledger> l;
  std::optional<customer_scoring_inputs> from_ledger;
  std::optional<date> as_of;
  if (auto text = a.get("as-of")) {
    const auto d = parse_date(*text);
    if (!d) throw usage_error{"--as-of: " + d.error().message};
    as_of = *d;
  }
  if (a.get("ledger")) {
    l = ledger_from(a);
    if (!as_of) as_of = as_of_from(a, *l);
    from_ledger = scoring_inputs_from_ledger(ledger_slices(*l), id, *as_of);
  }
  std::vector<scoring::credit_check> checks;
  if (auto path = a.get("credit-check")) {
    for (auto& c : credit_checks_from_file(*path))
      if (id.empty() || c.customer_id == id) checks.push_back(std::move(c));
    if (checks.empty()) throw usage_error{"--credit-check: no check for customer '" + id + "' in " + *path};
  }
  const scoring::credit_check* latest = scoring::latest_check(checks);
  if (!as_of && latest != nullptr) as_of = latest->checked_on;

  std::optional<scoring::logistic_model> model;
  if (auto path = a.get("model")) {
    auto m = parse_logistic_model_json(read_text_file(*path, "model"));
    if (!m) throw usage_error{*path + ": " + m.error().message};
    model = std::move(m).value();
  }
  scoring::recommendation_inputs in;
  in.statements = &s;
  in.check = latest;
  in.currency = s.currency;
  if (model) in.model = &*model;
  if (from_ledger) {
    in.behaviour = &from_ledger->behaviour;
    if (from_ledger->purchases_12m.currency() == s.currency && from_ledger->purchases_12m.is_positive())
      in.expected_annual_purchases = from_ledger->purchases_12m;
  }
  const scoring::recommendation r = scoring::recommend(in, policy);

  nlohmann::ordered_json out = recommendation_json(r);
  out["customer_id"] = id;
  out["as_of"] = as_of ? nlohmann::ordered_json(to_string(*as_of)) : nlohmann::ordered_json(nullptr);
  out["alerts"] = nlohmann::ordered_json::array();
  if (as_of && a.get("credit-check"))
    for (const auto& al : scoring::check_alerts(checks, *as_of, r.grade, scoring::recheck_policy{}))
      out["alerts"].push_back({{"kind", std::string(scoring::to_string(al.kind))}, {"text", al.text}});
  if (from_ledger) {
    const auto& b = from_ledger->behaviour;
    out["behaviour"] = {{"invoices", b.invoices},
                        {"days_beyond_terms", b.days_beyond_terms},
                        {"share_paid_on_time", b.share_paid_on_time},
                        {"max_dunning_level", b.max_dunning_level},
                        {"broken_promises", b.broken_promises},
                        {"broken_plans", b.broken_plans},
                        {"disputes", b.disputes},
                        {"purchases_12m", to_string(from_ledger->purchases_12m)}};
  }
  ctx.out << out.dump(a.flag("json") ? -1 : 2) << "\n";
  return exit_ok;
}

}  // namespace kreditor::cli
