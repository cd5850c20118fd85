// `kreditor exposure`: one customer's credit exposure by category and, for a new order, the
// release decision with machine-readable reasons.
//
//   kreditor exposure [--ledger PATH] [--as-of DATE] --customer ID [--order-amount 12000.00]
//                     [--json]
//
// Without --ledger: the bundled sample ledger, as of its own date. The ledger gives the open
// invoices, unapplied payments (set off: we owe them back), the credit limit and the flags
// (the flags column, customer-level hold events, cash terms after a broken promise). It holds
// no orders, deliveries or security, so those categories are zero. JSON:
//   {"customer_id", "currency", "as_of",
//    "exposure": {"receivables_not_due", "receivables_overdue", "orders_not_invoiced",
//                 "deliveries_not_invoiced", "set_off", "security", "total"},
//    "max_days_past_due", "credit_limit",
//    with --order-amount: "order_amount", "decision", "reasons": ["over_limit", ...],
//                         "findings": [{"reason", "amount", "days"}],
//                         "conditions": [{"kind", "amount"}], "headroom"}
// Amounts are decimal strings; set_off and security are deductions (zero or negative).
#include <nlohmann/json.hpp>

#include <algorithm>
#include <iomanip>
#include <optional>
#include <ostream>
#include <string>

#include "cli/cli.hpp"
#include "cli/receivables.hpp"
#include "cli/sample.hpp"
#include "kreditor/exposure/exposure.hpp"
#include "kreditor/exposure/order_release.hpp"

namespace kreditor::cli {

int cmd_exposure(context& ctx) {
  const args a(ctx.argv, {"ledger", "as-of", "customer", "order-amount"}, {"json"});
  const std::string id = a.require("customer");
  const ledger l = ledger_from(a);
  const date as_of = as_of_from(a, l);
  const std::vector<customer_position> pos = positions(l, as_of);
  const auto it = std::find_if(pos.begin(), pos.end(), [&](const customer_position& p) {
    return p.customer->customer_id == id;
  });
  if (it == pos.end()) throw usage_error{"--customer: unknown customer '" + id + "'"};
  const currency ccy = it->customer->currency;
  const credit_account account = account_of(*it);
  const exposure e = compute_exposure(it->open, account, uninvoiced{}, ccy, as_of);

  std::optional<release_outcome> release;
  std::optional<money> order;
  if (const auto text = a.get("order-amount")) {
    result<money> m = money::parse(*text, ccy);
    if (!m) throw usage_error{"--order-amount: " + m.error().message};
    if (!m->is_positive()) throw usage_error{"--order-amount: '" + *text + "' is not positive"};
    order = *m;
    release = decide_order_release(account, e, *order, release_policy{}, as_of);
  }

  if (a.flag("json")) {
    nlohmann::json cats = nlohmann::json::object();
    for (const auto& [name, m] : e.categories()) cats[std::string(name)] = to_string(m);
    cats["total"] = to_string(e.total);
    nlohmann::json out{{"customer_id", id},
                       {"currency", std::string(ccy.code())},
                       {"as_of", to_string(as_of)},
                       {"exposure", cats},
                       {"max_days_past_due", e.max_days_past_due},
                       {"credit_limit", to_string(it->customer->credit_limit)}};
    if (release) {
      nlohmann::json reasons = nlohmann::json::array(), findings = nlohmann::json::array(),
                     conditions = nlohmann::json::array();
      for (const release_finding& f : release->reasons) {
        reasons.push_back(std::string(to_string(f.reason)));
        findings.push_back({{"reason", std::string(to_string(f.reason))},
                            {"amount", to_string(f.amount)},
                            {"days", f.days}});
      }
      for (const release_condition& c : release->conditions)
        conditions.push_back({{"kind", std::string(to_string(c.kind))}, {"amount", to_string(c.amount)}});
      out["order_amount"] = to_string(*order);
      out["decision"] = std::string(to_string(release->decision));
      out["reasons"] = reasons;
      out["findings"] = findings;
      out["conditions"] = conditions;
      out["headroom"] = to_string(release->headroom);
    }
    ctx.out << out.dump(2) << "\n";
    return exit_ok;
  }

  ctx.out << "exposure of " << id << " (" << it->customer->name << ") as of " << to_string(as_of)
          << ", " << ccy.code() << "\n\n";
  for (const auto& [name, m] : e.categories())
    ctx.out << std::left << std::setw(26) << name << std::right << std::setw(15) << to_string(m)
            << "\n";
  ctx.out << std::left << std::setw(26) << "total" << std::right << std::setw(15)
          << to_string(e.total) << "\n"
          << std::left << std::setw(26) << "credit limit" << std::right << std::setw(15)
          << to_string(it->customer->credit_limit) << "\n"
          << std::left << std::setw(26) << "oldest item, days overdue" << std::right
          << std::setw(15) << e.max_days_past_due << "\n";
  if (release) {
    ctx.out << "\norder of " << to_string(*order) << ": " << to_string(release->decision) << "\n";
    for (const release_finding& f : release->reasons)
      ctx.out << "  reason: " << to_string(f.reason) << " (" << to_string(f.amount)
              << (f.days != 0 ? ", " + std::to_string(f.days) + " days" : std::string()) << ")\n";
    for (const release_condition& c : release->conditions)
      ctx.out << "  condition: " << to_string(c.kind) << " " << to_string(c.amount) << "\n";
  }
  return exit_ok;
}

}  // namespace kreditor::cli
