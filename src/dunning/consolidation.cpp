#include "kreditor/dunning/consolidation.hpp"

#include <map>
#include <tuple>

KREDITOR_NAMESPACE_BEGIN  // not `namespace kreditor::dunning`: clang 14 misplaces it outside v0
namespace dunning {

std::vector<consolidated_notice> consolidate(const compiled_policy& policy, const run_result& run) {
  using key = std::tuple<std::string, std::string, std::int32_t, int, std::uint16_t>;
  std::map<key, consolidated_notice> groups;
  for (const invoice_result& inv : run.invoices) {
    if (inv.problem || (inv.flags & overlay::disputed)) continue;
    for (const command& c : inv.commands) {
      const currency cur = c.principal.currency();
      consolidated_notice& n =
          groups[key{inv.customer_id, std::string(cur.code()), c.step, static_cast<int>(c.kind), c.custom}];
      if (n.lines.empty()) {
        n.customer = inv.customer_id;
        n.currency = cur;
        n.kind = c.kind;
        n.custom = c.custom;
        n.step = c.step;
        n.step_name = c.step >= 0 ? policy.source.steps[static_cast<std::size_t>(c.step)].name
                                  : (c.step == broken_promise_step ? "broken promise" : "broken plan");
        n.on = c.on;
        n.principal = n.fees = n.interest = n.total = money::zero(cur);
      }
      n.lines.push_back({inv.invoice_id, c.principal, c.fee, c.fees, c.interest, c.total, c.deadline});
      if (c.deadline && (!n.deadline || *n.deadline < *c.deadline)) n.deadline = c.deadline;
      n.principal += c.principal;
      n.fees += c.fees;
      n.interest += c.interest;
      n.total += c.total;
    }
  }
  std::vector<consolidated_notice> out;
  out.reserve(groups.size());
  for (auto& [k, n] : groups) out.push_back(std::move(n));
  return out;
}

}  // namespace dunning
KREDITOR_NAMESPACE_END
