// Payment plans (an overdue balance split into installments, exact to the minor unit), the law a
// dunning policy must keep (check_legal), and the statutory fee caps it is checked against.
// All of it is kreditor::dunning's: this file only translates arguments and results.
#include <pybind11/operators.h>

#include <optional>
#include <string>
#include <vector>

#include "common.hpp"
#include "kreditor/core/rate.hpp"
#include "kreditor/dunning/legal_check.hpp"
#include "kreditor/dunning/payment_plan.hpp"
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
