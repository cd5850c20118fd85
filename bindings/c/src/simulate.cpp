// The C ABI's simulation: dunning::simulate under the policy a policy set gives the debtor's
// jurisdiction (`kreditor simulate` with --policy), as a timeline handle.
#include <string>
#include <vector>

#include "c_api.hpp"
#include "kreditor/dunning/simulate.hpp"

using namespace kreditor;
using namespace kreditor::c_api;

struct kreditor_timeline {
  std::vector<dunning::timeline_event> events;
  std::vector<std::vector<std::string>> kind_names;  ///< per event, per command
  std::vector<std::string> state_names;              ///< per event
};

extern "C" {

KREDITOR_API kreditor_status kreditor_simulation_input_init(kreditor_simulation_input* in, size_t size) {
  kreditor_simulation_input d = blank<kreditor_simulation_input>();
  d.invoice_date = KREDITOR_NO_DATE;
  d.due = KREDITOR_NO_DATE;
  d.until = KREDITOR_NO_DATE;
  d.segment = KREDITOR_SEGMENT_B2B;
  d.reminder_fee_agreed = 0;  // as the library: a reminder fee only where it was agreed (SE)
  return init_struct(in, size, d, "kreditor_simulation_input_init");
}

KREDITOR_API kreditor_status kreditor_timeline_event_init(kreditor_timeline_event* e, size_t size) {
  return init_struct(e, size, blank<kreditor_timeline_event>(), "kreditor_timeline_event_init");
}

KREDITOR_API kreditor_status kreditor_simulate(const kreditor_policy_set* policies, const kreditor_simulation_input* in,
                                               kreditor_timeline** out) {
  return guarded([&] {
    const char* fn = "kreditor_simulate";
    const kreditor_simulation_input& x = in_struct(in, fn, "in");
    need(out, fn, "out");
    const currency c = to_currency(x.currency, fn, "in->currency");
    if (x.amount_minor <= 0) throw_invalid(fn, "in->amount_minor " + std::to_string(x.amount_minor) + " is not positive");
    if (x.segment != KREDITOR_SEGMENT_B2B && x.segment != KREDITOR_SEGMENT_B2C)
      throw_invalid(fn, "in->segment " + std::to_string(x.segment) + " is not a KREDITOR_SEGMENT_* value");
    const result<jurisdiction> j = parse_jurisdiction(text(x.jurisdiction, fn, "in->jurisdiction"));
    if (!j) throw error(j.error().code, std::string(fn) + ": in->jurisdiction: " + j.error().message);
    const dunning::simulation_input input{.amount = money(x.amount_minor, c),
                                          .invoice_date = to_date(x.invoice_date, fn, "in->invoice_date"),
                                          .due = to_date(x.due, fn, "in->due"),
                                          .segment = static_cast<segment>(x.segment),
                                          .reminder_fee_agreed = x.reminder_fee_agreed != 0};
    const date until = x.until == KREDITOR_NO_DATE ? add_months(input.invoice_date, 12, month_end::clamp)
                                                   : to_date(x.until, fn, "in->until");
    // A copy of the set compiles the policy it needs: the caller's handle is not touched.
    policy_set set = policies != nullptr ? policies->policies : policy_set{};
    const dunning::compiled_policy& cp = set.for_jurisdiction(set.governing(*j));
    auto t = std::make_unique<kreditor_timeline>();
    t->events = dunning::simulate(cp, input, until);
    for (const dunning::timeline_event& e : t->events) {
      std::vector<std::string> names;
      for (const dunning::command& cmd : e.commands)
        names.push_back(cmd.kind == dunning::command_kind::custom
                            ? "custom:" + (cmd.custom < cp.custom_commands.size() ? cp.custom_commands[cmd.custom]
                                                                                   : std::to_string(cmd.custom))
                            : std::string(dunning::to_string(cmd.kind)));
      t->kind_names.push_back(std::move(names));
      t->state_names.emplace_back(dunning::to_string(e.after));
    }
    *out = t.release();
    return KREDITOR_OK;
  });
}

KREDITOR_API void kreditor_timeline_free(kreditor_timeline* timeline) {
  guarded_void([&] { delete timeline; });
}

KREDITOR_API kreditor_status kreditor_timeline_count(const kreditor_timeline* timeline, size_t* out) {
  return guarded([&] {
    const char* fn = "kreditor_timeline_count";
    const kreditor_timeline& t = *need(timeline, fn, "timeline");
    *need(out, fn, "out") = t.events.size();
    return KREDITOR_OK;
  });
}

namespace {
void check_event(const kreditor_timeline& t, size_t index, const char* fn) {
  if (index >= t.events.size())
    throw error(errc::out_of_range, std::string(fn) + ": event " + std::to_string(index) + " is past the last (" +
                                        std::to_string(t.events.size()) + " in all)");
}
}  // namespace

KREDITOR_API kreditor_status kreditor_timeline_event_at(const kreditor_timeline* timeline, size_t index,
                                                        kreditor_timeline_event* out) {
  return guarded([&] {
    const char* fn = "kreditor_timeline_event_at";
    const kreditor_timeline& t = *need(timeline, fn, "timeline");
    in_struct<kreditor_timeline_event>(out, fn, "out");
    check_event(t, index, fn);
    const dunning::timeline_event& e = t.events[index];
    kreditor_timeline_event v = blank<kreditor_timeline_event>();
    v.on = from_date(e.on);
    v.step_index = e.step;
    v.step = e.step_name.c_str();
    v.command_count = e.commands.size();
    copy_code(e.total_due.currency(), v.currency);
    v.fee_minor = e.fee.minor_units();
    v.fees_minor = e.fees.minor_units();
    v.interest_minor = e.interest.minor_units();
    v.deadline = from_optional_date(e.deadline);
    v.total_due_minor = e.total_due.minor_units();
    v.state_after = static_cast<int>(e.after);
    v.state_name = t.state_names[index].c_str();
    out_struct(out, v, fn, "out");
    return KREDITOR_OK;
  });
}

KREDITOR_API kreditor_status kreditor_timeline_command(const kreditor_timeline* timeline, size_t event, size_t k,
                                                       kreditor_command* out) {
  return guarded([&] {
    const char* fn = "kreditor_timeline_command";
    const kreditor_timeline& t = *need(timeline, fn, "timeline");
    out_struct_check<kreditor_command>(out, fn, "out");
    check_event(t, event, fn);
    const dunning::timeline_event& e = t.events[event];
    if (k >= e.commands.size())
      throw error(errc::out_of_range, std::string(fn) + ": command " + std::to_string(k) + " is past the last (" +
                                          std::to_string(e.commands.size()) + " on that day)");
    const dunning::command& c = e.commands[k];
    kreditor_command v = blank<kreditor_command>();
    v.line = event;
    v.invoice_id = "";
    v.customer_id = "";
    v.kind = static_cast<int>(c.kind);
    v.kind_name = t.kind_names[event][k].c_str();
    v.step = e.step_name.c_str();
    v.step_index = c.step;
    v.on = from_date(c.on);
    v.deadline = from_optional_date(c.deadline);
    copy_code(c.total.currency(), v.currency);
    v.principal_minor = c.principal.minor_units();
    v.fee_minor = c.fee.minor_units();
    v.fees_minor = c.fees.minor_units();
    v.interest_minor = c.interest.minor_units();
    v.total_minor = c.total.minor_units();
    v.email = "";
    v.account_manager = "";
    v.reference = "";
    v.cover_id = "";  // a simulation has no ledger, so no set-off or security to name
    out_struct(out, v, fn, "out");
    return KREDITOR_OK;
  });
}

}  // extern "C"
