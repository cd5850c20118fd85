// Dunning policies (presets and JSON), the policy set a book is evaluated under, commands, and
// the simulation of one invoice's timeline.
#include <pybind11/operators.h>

#include "common.hpp"
#include "kreditor/book/policy_set.hpp"
#include "kreditor/dunning/compiled_policy.hpp"
#include "kreditor/dunning/machine.hpp"
#include "kreditor/dunning/presets.hpp"
#include "kreditor/dunning/simulate.hpp"
#include "kreditor/io/policy_json.hpp"

namespace kreditor::python {

void bind_dunning(py::module_& m) {
  using namespace kreditor::dunning;
  bind_enum<state>(m, "State", "Where an invoice stands in dunning.",
                   {{"NOT_YET_DUE", state::not_yet_due}, {"DUE", state::due}, {"OVERDUE", state::overdue},
                    {"REMINDED", state::reminded}, {"HANDED_TO_COLLECTION", state::handed_to_collection},
                    {"LEGAL", state::legal}, {"PAID", state::paid}, {"CREDITED", state::credited},
                    {"WRITTEN_OFF", state::written_off}});
  bind_enum<command_kind>(
      m, "CommandKind", "What the engine asks the host to do (it never does I/O itself).",
      {{"SEND_REMINDER", command_kind::send_reminder}, {"COURTESY_EMAIL", command_kind::courtesy_email},
       {"RECEIPT_CONFIRMATION", command_kind::receipt_confirmation}, {"PHONE_CALL", command_kind::phone_call},
       {"NOTIFY_ACCOUNT_MANAGER", command_kind::notify_account_manager}, {"CREDIT_HOLD", command_kind::credit_hold},
       {"CASH_TERMS", command_kind::cash_terms}, {"COLLECTION_WARNING", command_kind::collection_warning},
       {"HAND_OVER_TO_COLLECTION", command_kind::hand_over_to_collection}, {"CUSTOM", command_kind::custom},
       {"PROPOSE_SET_OFF", command_kind::propose_set_off}, {"REALISE_SECURITY", command_kind::realise_security}});
  bind_enum<fee_kind>(m, "FeeKind", "The legal kind of a dunning fee.",
                      {{"REMINDER", fee_kind::reminder}, {"COLLECTION", fee_kind::collection},
                       {"COMPENSATION", fee_kind::compensation}});

  py::class_<policy>(m, "Policy",
                     "A dunning policy: business configuration, not code. From a preset (Policy.preset('NO'))\n"
                     "or JSON (Policy.from_json(text)); compiled and checked against the law when used.")
      .def_static("preset", [](const std::string& name, std::optional<jurisdiction> j) { return preset(name, j); },
                  py::arg("name"), py::arg("jurisdiction") = py::none(),
                  "A shipped preset by name (preset_names()); generic presets take a jurisdiction.")
      .def_static("from_json", [](const std::string& text) { return unwrap(parse_policy_json(text)); },
                  py::arg("text"), "Parses a policy from JSON; the error names the field.")
      .def("to_json", [](const policy& p) { return to_json(p); }, "The policy as JSON (from_json reads it back).")
      .def_readonly("name", &policy::name)
      .def_readonly("jurisdiction", &policy::jurisdiction)
      .def_property_readonly("step_names", [](const policy& p) {
        std::vector<std::string> out;
        for (const policy_step& s : p.steps) out.push_back(s.name);
        return out;
      }, "The names of the policy's steps, in order.")
      .def("check", [](const policy& p) { (void)compile(p); },
           "Compiles the policy: raises LegalViolation (naming the rule) if the law forbids it.")
      .def(py::self == py::self)  // NOLINT(misc-redundant-expression)
      .def(py::self != py::self)  // NOLINT(misc-redundant-expression)
      .def("__hash__", [](const policy& p) { return py::hash(py::str(to_json(p))); })
      .def("__repr__", [](const policy& p) {
        return "Policy('" + p.name + "', " + std::string(to_string(p.jurisdiction)) + ", " +
               std::to_string(p.steps.size()) + " steps)";
      })
      .def(py::pickle([](const policy& p) { return to_json(p); },
                      [](const std::string& text) { return unwrap(parse_policy_json(text)); }));
  m.def("preset_names", [] {
    std::vector<std::string> out;
    for (const std::string_view n : preset_names()) out.emplace_back(n);
    return out;
  }, "The names of the shipped policy presets.");

  py::class_<policy_set>(m, "PolicySet",
                         "The policies a book is evaluated under: PolicySet() gives each customer its country's\n"
                         "preset; PolicySet.named('SE') imposes one preset; PolicySet(policy) one policy of yours.")
      .def(py::init<>())
      .def(py::init([](const policy& p) { return policy_set(p); }), py::arg("policy"))
      .def_static("named", &policy_set::named, py::arg("name"), "A preset by name for every customer.")
      .def_property_readonly("label", &policy_set::label)
      .def("governing", &policy_set::governing, py::arg("jurisdiction"),
           "The jurisdiction a customer under `jurisdiction` is dunned under.")
      .def("__repr__", [](const policy_set& s) { return "PolicySet('" + s.label() + "')"; });

  py::class_<command>(m, "Command", "One thing to do for an invoice, with the amounts it states.")
      .def_readonly("kind", &command::kind)
      .def_readonly("step", &command::step, "The policy step's index (-1: broken promise, -2: broken plan).")
      .def_readonly("on", &command::on)
      .def_readonly("deadline", &command::deadline)
      .def_readonly("principal", &command::principal)
      .def_readonly("fee", &command::fee, "The fee this notice charges.")
      .def_readonly("fees", &command::fees, "All fees so far, this one included.")
      .def_readonly("interest", &command::interest)
      .def_readonly("total", &command::total)
      .def(py::self == py::self)  // NOLINT(misc-redundant-expression)
      .def("__repr__", [](const command& c) {
        return "Command(" + std::string(to_string(c.kind)) + ", " + to_string(c.on) + ", total " + to_string(c.total) + ")";
      });

  py::class_<timeline_event>(m, "TimelineEvent", "One step of a simulated invoice's timeline.")
      .def_readonly("on", &timeline_event::on)
      .def_readonly("step", &timeline_event::step)
      .def_readonly("step_name", &timeline_event::step_name)
      .def_readonly("commands", &timeline_event::commands)
      .def_readonly("fee", &timeline_event::fee)
      .def_readonly("fees", &timeline_event::fees)
      .def_readonly("interest", &timeline_event::interest)
      .def_readonly("deadline", &timeline_event::deadline)
      .def_readonly("total_due", &timeline_event::total_due)
      .def_readonly("state", &timeline_event::after, "The invoice's state after the step.")
      .def("__repr__", [](const timeline_event& e) {
        return "TimelineEvent(" + to_string(e.on) + ", '" + e.step_name + "', total " + to_string(e.total_due) + ")";
      });
  m.def("simulate",
        [](const policy& p, money amount, date invoice_date, date due, date until, segment s, bool fee_agreed) {
          const compiled_policy cp = compile(p);
          return simulate(cp, simulation_input{.amount = amount, .invoice_date = invoice_date, .due = due,
                                               .segment = s, .reminder_fee_agreed = fee_agreed},
                          until);
        },
        py::arg("policy"), py::arg("amount"), py::arg("invoice_date"), py::arg("due"), py::arg("until"),
        py::arg("segment") = segment::b2b, py::arg("reminder_fee_agreed") = true,
        "The projected timeline of one unpaid invoice under `policy` through `until`: every step,\n"
        "its commands, fees, interest and total due.");
}

}  // namespace kreditor::python
