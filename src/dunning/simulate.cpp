#include "kreditor/dunning/simulate.hpp"

#include <algorithm>

#include "kreditor/dunning/engine.hpp"

KREDITOR_NAMESPACE_BEGIN  // not `namespace kreditor::dunning`: clang 14 misplaces it outside v0
namespace dunning {

std::vector<timeline_event> simulate(const compiled_policy& policy, const simulation_input& input,
                                     date until) {
  if (input.due < input.invoice_date)
    throw error(errc::invalid_argument, "simulate: due date " + kreditor::to_string(input.due) +
                                            " is before the invoice date " + kreditor::to_string(input.invoice_date));
  if (until < input.invoice_date)
    throw error(errc::invalid_argument, "simulate: until " + kreditor::to_string(until) +
                                            " is before the invoice date " + kreditor::to_string(input.invoice_date));
  const invoice_facts facts{day_number(input.invoice_date), day_number(input.due),
                            input.amount.currency(), input.segment, input.reminder_fee_agreed};
  const context ctx{policy, facts};
  invoice_state s = initial_state(facts, input.amount);
  std::vector<timeline_event> out;
  std::vector<command> today;
  const std::int32_t last = day_number(until);
  for (std::int32_t day = facts.invoice_day; day <= last;) {
    today.clear();
    advance(ctx, s, from_day_number(day), today);
    if (!today.empty()) {
      const command& c = today.front();
      timeline_event e;
      e.on = c.on;
      e.step = c.step;
      e.step_name = c.step >= 0 ? policy.source.steps[static_cast<std::size_t>(c.step)].name
                                : (c.step == broken_promise_step ? "broken promise" : "broken plan");
      e.commands = today;
      e.fee = c.fee;
      e.fees = c.fees;
      e.interest = c.interest;
      e.deadline = c.deadline;
      e.total_due = c.total;
      e.after = s.current;
      out.push_back(std::move(e));
    }
    if (s.next_action == never) break;
    day = std::max(day + 1, s.next_action);
  }
  return out;
}

}  // namespace dunning
KREDITOR_NAMESPACE_END
