// Payment plans (an overdue balance split into installments, exact to the minor unit), the law a
// dunning policy must keep (check_legal), the statutory fee caps it is checked against, the fee
// rules themselves (effective-dated rows with their law and source), and one fee's check.
// All of it is kreditor::dunning's: this file only translates arguments and results.
#include <pybind11/operators.h>

#include <optional>
#include <string>
#include <vector>

#include "common.hpp"
#include "kreditor/charges/fees.hpp"
#include "kreditor/core/rate.hpp"
#include "kreditor/dunning/legal_check.hpp"
#include "kreditor/dunning/payment_plan.hpp"
#include "kreditor/jurisdiction/fee_rules.hpp"
#include "kreditor/time/deadline_rule.hpp"

namespace kreditor::python {

void bind_plans(py::module_& m) {
  using namespace kreditor::dunning;

  py::class_<plan_installment>(m, "PlanInstallment", "One installment of a payment plan.")
      .def_readonly("due", &plan_installment::due)
      .def_readonly("principal", &plan_installment::principal)
      .def_readonly("fees", &plan_installment::fees)
      .def_readonly("interest", &plan_installment::interest,
                    "Its share of the interest accrued before the plan plus this period's plan interest.")
      .def_readonly("amount", &plan_installment::amount, "principal + fees + interest.")
      .def(py::self == py::self)  // NOLINT(misc-redundant-expression)
      .def("__repr__", [](const plan_installment& i) {
        return "PlanInstallment(" + to_string(i.due) + ", " + to_string(i.amount) + " " +
               std::string(i.amount.currency().code()) + ")";
      });
  py::class_<payment_plan>(m, "PaymentPlan",
                           "A written payment plan: the installments sum exactly to the totals (no minor unit lost).")
      .def_readonly("installments", &payment_plan::installments)
      .def_readonly("principal", &payment_plan::principal)
      .def_readonly("fees", &payment_plan::fees)
      .def_readonly("interest", &payment_plan::interest)
      .def_readonly("total", &payment_plan::total)
      .def("__len__", [](const payment_plan& p) { return p.installments.size(); })
      .def("__repr__", [](const payment_plan& p) {
        return "PaymentPlan(" + std::to_string(p.installments.size()) + " installments, total " + to_string(p.total) +
               " " + std::string(p.total.currency().code()) + ")";
      });
  m.def("make_payment_plan",
        [](money principal, date first_due, int installments, std::optional<money> fees, std::optional<money> interest,
           int months_between, std::optional<date> agreed, std::optional<money> plan_fee,
           std::optional<rate> annual_interest, day_count basis, rounding mode,
           std::optional<jurisdiction> business_days) {
          const currency c = principal.currency();
          const plan_balance b{.principal = principal, .fees = fees.value_or(money::zero(c)),
                               .interest = interest.value_or(money::zero(c))};
          plan_terms t{.installments = installments, .first_due = first_due, .months_between = months_between,
                       .agreed = agreed.value_or(date{}), .plan_fee = plan_fee.value_or(money::zero(c)),
                       .annual_interest = annual_interest, .basis = basis, .mode = mode, .due_dates = std::nullopt};
          if (business_days) t.due_dates = statutory_deadline_rule(*business_days);
          return make_payment_plan(b, t);
        },
        py::arg("principal"), py::arg("first_due"), py::arg("installments") = 3, py::arg("fees") = py::none(),
        py::arg("interest") = py::none(), py::arg("months_between") = 1, py::arg("agreed") = py::none(),
        py::arg("plan_fee") = py::none(), py::arg("annual_interest") = py::none(),
        py::arg("basis") = day_count::act_365_fixed, py::arg("rounding") = rounding::half_up,
        py::arg("business_days") = py::none(),
        "Splits principal, fees and the interest accrued so far (plus plan_fee and, with annual_interest,\n"
        "interest on the declining principal from `agreed`, default first_due - 1 month) into\n"
        "`installments` due on first_due and every months_between months. business_days=Jurisdiction.NO\n"
        "moves installment dates as that country's statutory deadlines move (NO: gjeldsbrevloven § 5).\n"
        "InvalidArgument for 0 or more than 120 installments or a negative amount; CurrencyMismatch.");

  py::class_<legal_finding>(m, "LegalFinding", "One rule of the law that a dunning policy breaks, with its source.")
      .def_readonly("rule", &legal_finding::rule, "Fee rule id, the rule and the law.")
      .def_readonly("source", &legal_finding::source, "Where the rule is documented.")
      .def_readonly("where", &legal_finding::where, "Which step and segment, as \"steps[1] 'inkassovarsel' (b2c)\".")
      .def_readonly("problem", &legal_finding::problem, "\"fires 10 days after due at the earliest\".")
      .def_readonly("uncertain", &legal_finding::uncertain, "The rule's data row is flagged UNCERTAIN (kept, conservatively).")
      .def(py::self == py::self)  // NOLINT(misc-redundant-expression)
      .def("__str__", [](const legal_finding& f) { return to_string(f); })
      .def("__repr__", [](const legal_finding& f) { return "LegalFinding('" + f.where + "', '" + f.rule + "')"; });
  m.def("check_legal",
        [](const policy& p, std::optional<date> as_of) { return as_of ? check_legal(p, *as_of) : check_legal(p); },
        py::arg("policy"), py::arg("as_of") = py::none(),
        "Every rule of the policy's jurisdiction that it breaks, for each segment its steps apply to (empty:\n"
        "lawful), under the law in force for claims falling due on `as_of` (default: the latest the data\n"
        "knows). Policy.check() raises LegalViolation for the first instead.");
  bind_enum<legal_fee_kind>(m, "LegalFeeKind", "The kinds of fee the law regulates (jurisdiction/fee_rules.hpp).",
                            {{"REMINDER", legal_fee_kind::reminder}, {"COLLECTION_NOTICE", legal_fee_kind::collection_notice},
                             {"PAYMENT_DEMAND", legal_fee_kind::payment_demand}, {"PAYMENT_PLAN", legal_fee_kind::payment_plan},
                             {"FIXED_COMPENSATION", legal_fee_kind::fixed_compensation}});
  py::class_<legal_fee_rule>(m, "FeeRule",
                             "One effective-dated row of the shipped fee rules (src/data/fee_rules.json): the cap and\n"
                             "conditions of one kind of fee in one jurisdiction, with its law and source.")
      .def_readonly("id", &legal_fee_rule::id, "Its stable name, as NO.purregebyr.")
      .def_readonly("jurisdiction", &legal_fee_rule::where)
      .def_readonly("segments", &legal_fee_rule::segments)
      .def_readonly("kind", &legal_fee_rule::kind)
      .def_readonly("effective_from", &legal_fee_rule::effective_from)
      .def_readonly("effective_until", &legal_fee_rule::effective_until)
      .def_property_readonly("caps", [](const legal_fee_rule& r) {
        std::vector<std::pair<std::optional<money>, money>> out;
        for (const cap_band& b : r.caps) out.emplace_back(b.up_to, b.cap);
        return out;
      }, "[(up_to or None, cap)] by principal band; empty when no cap is known.")
      .def_property_readonly("max_cap", &legal_fee_rule::max_cap)
      .def("cap_for", &legal_fee_rule::cap_for, py::arg("principal"), "The cap for a claim of `principal` (its band).")
      .def_readonly("min_days_after_due", &legal_fee_rule::min_days_after_due)
      .def_readonly("min_deadline_days", &legal_fee_rule::min_deadline_days)
      .def_readonly("min_days_between", &legal_fee_rule::min_days_between)
      .def_readonly("max_count", &legal_fee_rule::max_count)
      .def_readonly("count_group", &legal_fee_rule::count_group)
      .def_readonly("needs_agreement", &legal_fee_rule::needs_agreement)
      .def_readonly("needs_written_notice", &legal_fee_rule::needs_written_notice)
      .def_readonly("law", &legal_fee_rule::law)
      .def_readonly("source", &legal_fee_rule::source)
      .def_readonly("uncertain", &legal_fee_rule::uncertain, "True when the data flag the row UNCERTAIN (re-check it before relying on it).")
      .def_readonly("note", &legal_fee_rule::note)
      .def("__repr__", [](const legal_fee_rule& r) {
        return "FeeRule('" + r.id + "', from " + to_string(r.effective_from) + (r.uncertain ? ", UNCERTAIN" : "") + ")";
      });
  m.def("fee_rules",
        [](jurisdiction j, segment s, date as_of) { return unwrap(rules_for(j, s, as_of)).fees; },
        py::arg("jurisdiction"), py::arg("segment"), py::arg("as_of"),
        "The shipped fee rules in force in `jurisdiction` for `segment` for claims falling due on `as_of`.");

  py::class_<violation>(m, "FeeViolation", "A fee the law does not allow: the rule, its source and what is wrong.")
      .def_readonly("rule_id", &violation::rule_id, "As NO.purregebyr, or <JJ>.no_legal_basis.<kind>.")
      .def_readonly("source", &violation::source)
      .def_readonly("message", &violation::message, "What is wrong, with the numbers.")
      .def_readonly("uncertain", &violation::uncertain)
      .def("__repr__", [](const violation& v) { return "FeeViolation('" + v.rule_id + "')"; });
  m.def("check_fee",
        [](legal_fee_kind kind, money amount, jurisdiction j, segment s, date as_of, money principal, int days_after_due,
           int deadline_days, int previous_fee_notices, std::optional<int> days_since_previous_fee_notice,
           bool agreed_in_advance) {
          const fee_rule fee{.kind = kind, .amount = fee_amount::fixed(amount)};
          const step_context step{.principal = principal, .days_after_due = days_after_due, .deadline_days = deadline_days,
                                  .previous_fee_notices = previous_fee_notices,
                                  .days_since_previous_fee_notice = days_since_previous_fee_notice,
                                  .agreed_in_advance = agreed_in_advance};
          return check_fee(fee, j, s, as_of, step);
        },
        py::arg("kind"), py::arg("amount"), py::arg("jurisdiction"), py::arg("segment"), py::arg("as_of"),
        py::arg("principal"), py::arg("days_after_due"), py::arg("deadline_days"), py::arg("previous_fee_notices") = 0,
        py::arg("days_since_previous_fee_notice") = py::none(), py::arg("agreed_in_advance") = false,
        "Checks one fixed fee of `kind` on a notice sent days_after_due days after the due date, giving\n"
        "deadline_days to pay, against the law in force on `as_of`: None when lawful, else the FeeViolation.");

  m.def("statutory_fee_cap",
        [](jurisdiction j, segment s, fee_kind kind, currency c, date due, date sent, std::optional<money> principal) {
          return statutory_fee_cap(j, s, kind, c, due, sent, principal);
        },
        py::arg("jurisdiction"), py::arg("segment"), py::arg("kind"), py::arg("currency"), py::arg("due"),
        py::arg("sent"), py::arg("principal") = py::none(),
        "The largest `kind` fee the law allows in `jurisdiction` for `segment`, in `currency`, for a claim due\n"
        "on `due` and a notice sent on `sent`; None when the law sets no cap (or none in that currency).\n"
        "Zero: the fee is not allowed at all. A cap tiered by principal takes `principal`'s band (without\n"
        "one, the lowest band).");
}

}  // namespace kreditor::python
