// `kreditor exposure`: one customer's credit exposure by category and, for a new order, the
// release decision with machine-readable reasons.
//
//   kreditor exposure [--ledger PATH] [--as-of DATE] --customer ID [--order-amount 12000.00]
//                     [--policy NAME|FILE.json] [--state FILE] [--json]
//
// Without --ledger: the bundled sample ledger, as of its own date. The customer's flags and
// exposure are the ones `kreditor run` reports for the same ledger, date, --policy and --state
// (run::make_report over this customer's slice of the ledger, book/slices.hpp: one summary for
// both commands, and no other customer's book to build): on hold (the flag, a customer-level hold
// event, or a credit_hold the dunning policy issued), cash terms (the flag, or the policy's
// cash_terms, e.g. its reaction to a broken promise), in collection (the flag, or a claim
// handed to collection). --state is only read here: exposure records no notices. The exposure
// counts open invoices, orders not invoiced (orders.csv), unapplied payments (set off: we owe
// them back) and security valid on the date (security.csv). JSON:
//   {"customer_id", "currency", "as_of",
//    "exposure": {"receivables_not_due", "receivables_overdue", "orders_not_invoiced",
//                 "deliveries_not_invoiced", "set_off", "security", "total"},
//    "max_days_past_due", "credit_limit", "credit_limit_expires" (null: none), "flags": {"on_hold", "cash_terms", "in_collection"},
//    "over_limit", "security": [{"kind", "amount", "expires", "reference", "valid",
//                 "days_to_expiry"}],
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
#include "cli/run.hpp"
#include "cli/sample.hpp"
#include "kreditor/book/slices.hpp"
#include "kreditor/exposure/exposure.hpp"
#include "kreditor/exposure/order_release.hpp"

namespace kreditor::cli {

int cmd_exposure(context& ctx) {
  const args a(ctx.argv, {"ledger", "as-of", "customer", "order-amount", "policy", "state"}, {"json", "decimal-comma"});
  const std::string id = a.require("customer");
  const ledger_columns l = ledger_columns_from(a);
  const date as_of = as_of_from(a, l);
  // Only this customer's book is built and evaluated (a slice of one customer: the same
  // summary `run` gives it), not every customer's of a big ledger.
  ledger_slices cut(l);
  const std::uint32_t customer = cut.customer_index(id);
  if (customer == no_record) throw usage_error{"--customer: unknown customer '" + id + "'"};
  const std::optional<std::string> state_path = a.get("state");
  run::state_file state = state_path ? run::read_state(*state_path) : run::state_file{};
  state.notices = cut.notices_of(customer, customer + 1, state.notices);
  const run::report rep = run::make_report(cut.slice(customer, customer + 1), as_of, state, a.get("policy"));
  if (!rep.problems.empty()) throw usage_error{rep.problems.front()};
  const run::customer_summary& s = rep.customers.front();
  const currency ccy = s.customer->currency;
  const credit_account& account = s.account;
  const exposure& e = s.exposure;
  // Security counts through its expiry date (compute_exposure); expired items are listed too.
  const auto valid = [&](const security_item& item) { return !item.expires || as_of <= *item.expires; };
  // Days from the as-of date to a dated security's expiry (0: its last day): time to renew it.
  const auto days_to_expiry = [&](const security_item& item) { return (*item.expires - as_of).days(); };

  std::optional<release_outcome> release;
  std::optional<money> order;
  if (const auto text = a.get("order-amount")) {
    result<money> m = money::parse(*text, ccy, std::nullopt, decimal_mark_from(a));
    if (!m) throw usage_error{"--order-amount: " + m.error().message};
    if (!m->is_positive()) throw usage_error{"--order-amount: '" + *text + "' is not positive"};
    order = *m;
    release = decide_order_release(account, e, *order, release_policy{}, as_of);
  }

  if (a.flag("json")) {
    nlohmann::json cats = nlohmann::json::object();
    for (const auto& [name, m] : e.categories()) cats[std::string(name)] = to_string(m);
    cats["total"] = to_string(e.total);
    nlohmann::json security = nlohmann::json::array();
    for (const security_item& item : account.securities)
      security.push_back({{"kind", std::string(to_string(item.kind))},
                          {"amount", to_string(item.amount)},
                          {"expires", item.expires ? nlohmann::json(to_string(*item.expires)) : nlohmann::json()},
                          {"reference", item.reference},
                          {"valid", valid(item)},
                          {"days_to_expiry", item.expires && valid(item) ? nlohmann::json(days_to_expiry(item)) : nlohmann::json()}});
    nlohmann::json out{{"customer_id", id},
                       {"currency", std::string(ccy.code())},
                       {"as_of", to_string(as_of)},
                       {"exposure", cats},
                       {"max_days_past_due", e.max_days_past_due},
                       {"credit_limit", to_string(s.customer->credit_limit)},
                       {"credit_limit_expires", s.customer->credit_limit_expires
                                                    ? nlohmann::json(to_string(*s.customer->credit_limit_expires))
                                                    : nlohmann::json()},
                       {"flags", {{"on_hold", account.flags.on_hold},
                                  {"cash_terms", account.flags.cash_only},
                                  {"in_collection", account.flags.in_collection}}},
                       {"over_limit", s.over_limit},
                       {"security", security}};
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

  ctx.out << "exposure of " << id << " (" << s.customer->name << ") as of " << to_string(as_of)
          << ", " << ccy.code() << "\n\n";
  for (const auto& [name, m] : e.categories())
    ctx.out << std::left << std::setw(26) << name << std::right << std::setw(15) << to_string(m)
            << "\n";
  ctx.out << std::left << std::setw(26) << "total" << std::right << std::setw(15)
          << to_string(e.total) << "\n"
          << std::left << std::setw(26) << "credit limit" << std::right << std::setw(15)
          << to_string(s.customer->credit_limit) << "\n"
          << std::left << std::setw(26) << "oldest item, days overdue" << std::right
          << std::setw(15) << e.max_days_past_due << "\n";
  std::string flags;
  for (const auto& [on, name] : {std::pair{account.flags.on_hold, "on_hold"}, std::pair{account.flags.cash_only, "cash_terms"},
                                 std::pair{account.flags.in_collection, "in_collection"}, std::pair{s.over_limit, "over_limit"}})
    if (on) flags += (flags.empty() ? "" : ", ") + std::string(name);
  ctx.out << std::left << std::setw(26) << "flags" << std::right << std::setw(15) << (flags.empty() ? "-" : flags) << "\n";
  for (const security_item& item : account.securities)
    ctx.out << "security: " << to_string(item.kind) << " " << to_string(item.amount)
            << (!item.expires ? std::string(" (no expiry)")
                : valid(item) ? " until " + to_string(*item.expires) + " (expires in " + std::to_string(days_to_expiry(item)) + " days)"
                              : " expired " + to_string(*item.expires) + " (not counted)")
            << (item.reference.empty() ? std::string() : ", " + item.reference) << "\n";
  if (release) {
    ctx.out << "\norder of " << to_string(*order) << ": " << to_string(release->decision) << "\n";
    for (const release_finding& f : release->reasons) {
      // A reason that carries no amount (in_collection, on_hold, ...) prints none.
      std::vector<std::string> facts;
      if (!f.amount.is_zero()) facts.push_back(to_string(f.amount));
      if (f.days != 0) facts.push_back(std::to_string(f.days) + " days");
      ctx.out << "  reason: " << to_string(f.reason);
      for (std::size_t k = 0; k < facts.size(); ++k) ctx.out << (k == 0 ? " (" : ", ") << facts[k];
      ctx.out << (facts.empty() ? "" : ")") << "\n";
    }
    for (const release_condition& c : release->conditions)
      ctx.out << "  condition: " << to_string(c.kind) << " " << to_string(c.amount) << "\n";
  }
  return exit_ok;
}

}  // namespace kreditor::cli
