// Payment references and identifiers: KID, OCR, FIK +71, Finnish reference, RF, IBAN and
// organisation numbers, checked and made with their check digits.
#include <pybind11/operators.h>

#include "common.hpp"
#include "kreditor/references/reference.hpp"
#include "kreditor/references/validation.hpp"

namespace kreditor::python {

void bind_references(py::module_& m) {
  bind_enum<reference_type>(
      m, "ReferenceType", "Payment references and identifiers kreditor checks (and, most of them, makes).",
      {{"KID_MOD10", reference_type::kid_mod10}, {"KID_MOD11", reference_type::kid_mod11},
       {"OCR", reference_type::ocr}, {"FIK71", reference_type::fik71}, {"FI_REF", reference_type::fi_ref},
       {"RF", reference_type::rf}, {"IBAN", reference_type::iban}, {"ORGNR_NO", reference_type::orgnr_no},
       {"ORGNR_SE", reference_type::orgnr_se}, {"CVR", reference_type::cvr}, {"YTUNNUS", reference_type::ytunnus}});

  py::class_<validation>(m, "Validation", "The verdict on a reference: truthy when valid; `reason` says why not.")
      .def_readonly("valid", &validation::valid)
      .def_readonly("reason", &validation::reason, "Empty when valid; otherwise the problem and the expected value.")
      .def("__bool__", [](const validation& v) { return v.valid; })
      .def(py::self == py::self)  // NOLINT(misc-redundant-expression)
      .def("__hash__", [](const validation& v) { return py::hash(py::make_tuple(v.valid, v.reason)); })
      .def("__repr__", [](const validation& v) {
        return v.valid ? std::string("Validation(valid=True)") : "Validation(valid=False, reason='" + v.reason + "')";
      });

  m.def("check_reference", &validate, py::arg("type"), py::arg("value"),
        "Checks a reference or identifier of `type` (check digits, length, form).");
  m.def("make_reference", [](reference_type t, const std::string& payload, bool with_length_digit) {
          return unwrap(make_reference(t, payload, with_length_digit));
        }, py::arg("type"), py::arg("payload"), py::arg("with_length_digit") = false,
        "`payload` with its check digit(s): make_reference(ReferenceType.KID_MOD10, '10001001') == '100010013'.");
  m.def("format_reference", &format_reference, py::arg("type"), py::arg("value"),
        "The reference grouped as it is printed (RF and Finnish references in groups of four, ...).");
  m.def("can_make", &can_make, py::arg("type"), "Whether make_reference can make references of `type`.");
}

}  // namespace kreditor::python
