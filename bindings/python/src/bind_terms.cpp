// Payment terms: "2/10 net 30", "30 dager netto", "lb. md. + 30" parsed, formatted and dated.
#include <pybind11/operators.h>

#include "common.hpp"
#include "kreditor/terms/due_dates.hpp"
#include "kreditor/terms/notation.hpp"
#include "kreditor/terms/payment_terms.hpp"

namespace kreditor::python {
namespace {

deadline_rule roll_of(const std::optional<calendar>& cal, business_day_convention c) {
  if (!cal) return no_adjustment();
  return deadline_rule{.cal = *cal, .convention = c};
}

}  // namespace

void bind_terms(py::module_& m) {
  bind_enum<term_kind>(m, "TermKind", "The kind of payment terms.",
                       {{"NET", term_kind::net}, {"INSTALLMENTS", term_kind::installments},
                        {"DUE_ON_RECEIPT", term_kind::due_on_receipt},
                        {"CASH_ON_DELIVERY", term_kind::cash_on_delivery},
                        {"CASH_IN_ADVANCE", term_kind::cash_in_advance}});
  bind_enum<term_anchor>(m, "TermAnchor", "What the net period counts from.",
                         {{"INVOICE_DATE", term_anchor::invoice_date}, {"END_OF_MONTH", term_anchor::end_of_month},
                          {"PROXIMO", term_anchor::proximo}});
  bind_enum<term_unit>(m, "TermUnit", "The unit of a net period.", {{"DAY", term_unit::day}, {"MONTH", term_unit::month}});

  py::class_<payment_terms>(m, "Terms",
                            "Payment terms parsed from their notation: Terms('2/10 net 30'), Terms('30 dager netto'),\n"
                            "Terms('lb. md. + 30'). str() gives the canonical notation back.")
      .def(py::init([](const std::string& text) { return unwrap(parse_terms(text)); }), py::arg("text"),
           "Parses terms; InvalidArgument names the unreadable part.")
      .def_property_readonly("kind", [](const payment_terms& t) { return t.kind; })
      .def_property_readonly("net", [](const payment_terms& t) { return t.net; }, "The net period in `unit`s.")
      .def_property_readonly("unit", [](const payment_terms& t) { return t.unit; })
      .def_property_readonly("anchor", [](const payment_terms& t) { return t.anchor; })
      .def_property_readonly("month_end_rule", [](const payment_terms& t) { return t.month_end_rule; })
      .def_property_readonly("discounts", [](const payment_terms& t) {
             py::list out;
             for (const discount_tier& d : t.discounts) out.append(py::make_tuple(d.discount, d.within_days));
             return out;
           }, "Early-payment discounts as (Rate, within_days) pairs.")
      .def_property_readonly("installment_count", [](const payment_terms& t) { return t.installments.size(); })
      .def_property_readonly("late_interest", [](const payment_terms& t) { return t.clauses.late_interest; },
                             "The late-interest rate the terms agree ('interest 18%'), or None.")
      .def_property_readonly("reminder_fee_agreed", [](const payment_terms& t) { return t.clauses.reminder_fee_agreed; })
      .def("due_date", [](const payment_terms& t, date issued, std::optional<date> delivered,
                          const std::optional<calendar>& cal, business_day_convention c) {
             return due_date(t, invoice_dates{issued, delivered}, roll_of(cal, c));
           }, py::arg("issued"), py::arg("delivered") = py::none(), py::arg("calendar") = py::none(),
           py::arg("convention") = business_day_convention::following,
           "The due date of an invoice issued (and delivered) then; rolled on `calendar` if given.")
      .def("discount_deadlines", [](const payment_terms& t, date issued, std::optional<date> delivered) {
             py::list out;
             for (const dated_discount& d : discount_deadlines(t, invoice_dates{issued, delivered}))
               out.append(py::make_tuple(d.deadline, d.discount));
             return out;
           }, py::arg("issued"), py::arg("delivered") = py::none(), "(deadline, Rate) of each discount.")
      .def("amount_to_pay", [](const payment_terms& t, money invoiced, date issued, date paid_on, rounding mode,
                               std::optional<date> delivered) {
             return amount_to_pay(t, invoiced, invoice_dates{issued, delivered}, paid_on, mode);
           }, py::arg("invoiced"), py::arg("issued"), py::arg("paid_on"), py::arg("rounding") = rounding::half_up,
           py::arg("delivered") = py::none(), "What settles the invoice when paid on `paid_on` (after any discount).")
      .def("payment_schedule", [](const payment_terms& t, money amount, date issued, std::optional<date> delivered) {
             py::list out;
             for (const scheduled_payment& p : payment_schedule(t, amount, invoice_dates{issued, delivered}))
               out.append(py::make_tuple(p.due, p.amount));
             return out;
           }, py::arg("amount"), py::arg("issued"), py::arg("delivered") = py::none(),
           "(due date, Money) of each instalment; one row for plain net terms.")
      .def(py::self == py::self)  // NOLINT(misc-redundant-expression)
      .def(py::self != py::self)  // NOLINT(misc-redundant-expression)
      .def("__hash__", [](const payment_terms& t) { return py::hash(py::str(format(t))); })
      .def("__str__", [](const payment_terms& t) { return format(t); })
      .def("__repr__", [](const payment_terms& t) { return "Terms('" + format(t) + "')"; })
      .def(py::pickle([](const payment_terms& t) { return format(t); },
                      [](const std::string& text) { return unwrap(parse_terms(text)); }));
  m.def("parse_terms", [](const std::string& text) { return unwrap(parse_terms(text)); }, py::arg("text"),
        "Terms(text): parses '2/10 net 30', '30 dager netto', 'lb. md. + 30', ...");
  m.def("format_terms", [](const payment_terms& t) { return format(t); }, py::arg("terms"),
        "The canonical notation of terms.");
}

}  // namespace kreditor::python
