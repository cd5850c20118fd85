// What every bind_<area>.cpp of the Python module shares: pybind11, the type casters that make
// kreditor's values Python values (kreditor::date <-> datetime.date, enums <-> enum.Enum,
// decimals from Decimal or str), and the bind functions module.cpp calls in order.
//
// Types cross the boundary as Python types (STYLE.md B7): dates are datetime.date, money is
// Decimal-backed (a float is a TypeError, never rounded), closed sets are enum.Enum members.
#ifndef KREDITOR_PYTHON_COMMON_HPP
#define KREDITOR_PYTHON_COMMON_HPP

#include <pybind11/functional.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <datetime.h>

#include <concepts>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kreditor/charges/interest.hpp"
#include "kreditor/core/errc.hpp"
#include "kreditor/core/jurisdiction.hpp"
#include "kreditor/core/result.hpp"
#include "kreditor/core/rounding.hpp"
#include "kreditor/dunning/machine.hpp"
#include "kreditor/dunning/policy.hpp"
#include "kreditor/exposure/aging.hpp"
#include "kreditor/exposure/credit_account.hpp"
#include "kreditor/exposure/order_release.hpp"
#include "kreditor/io/ledger.hpp"
#include "kreditor/jurisdiction/fee_rules.hpp"
#include "kreditor/references/reference.hpp"
#include "kreditor/scoring/credit_check.hpp"
#include "kreditor/scoring/recommend.hpp"
#include "kreditor/terms/payment_terms.hpp"
#include "kreditor/time/business_day_convention.hpp"
#include "kreditor/time/date.hpp"
#include "kreditor/time/day_count.hpp"

namespace kreditor::python {

namespace py = pybind11;

/// The value of a result, or the kreditor.Error subclass of its errc raised in Python.
template <class T>
T unwrap(result<T> r) {
  return std::move(r).value();  // throws kreditor::error, which the translator maps
}

/// A decimal amount given by Python as Decimal, str or int, as text for the C++ parsers.
/// \throws py::type_error for a float (money is never a binary float) or any other type.
std::string decimal_text(const py::handle& amount, std::string_view what);
/// decimal.Decimal(minor) scaled by 10^-scale: exact, with `scale` places ("150.00").
py::object to_decimal(std::int64_t minor, int scale);

/// Raises the kreditor.Error subclass of `code` with `message` (for checks done here).
[[noreturn]] void raise(errc code, const std::string& message);

// -- enum.Enum mirrors of C++ enums -------------------------------------------------------------

/// The Python enum.Enum class mirroring C++ enum E; filled by bind_enum.
template <class E>
struct enum_mirror {
  static inline PyObject* cls = nullptr;                      // a strong reference, never released
  static inline std::vector<std::pair<E, PyObject*>> members;  // C++ value -> enum member
};

template <class E>
concept has_to_string = requires(E e) { std::string_view(to_string(e)); };

/// Declares `name` in `m` as an enum.Enum whose members are `items` (Python names, upper case)
/// and whose values are the C++ spelling (to_string), so `Segment("b2c") is Segment.B2C`.
template <class E>
void bind_enum(py::module_& m, const char* name, const char* doc,
               std::initializer_list<std::pair<const char*, E>> items) {
  py::list pairs;
  for (const auto& [member, value] : items) {
    std::string spelling;
    if constexpr (has_to_string<E>) {
      spelling = std::string(to_string(value));
    } else {
      spelling = member;
      for (char& ch : spelling) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    }
    pairs.append(py::make_tuple(member, spelling));
  }
  py::object cls = py::module_::import("enum").attr("Enum")(name, pairs, py::arg("module") = "kreditor");
  cls.attr("__doc__") = doc;
  cls.attr("__qualname__") = name;
  enum_mirror<E>::cls = cls.inc_ref().ptr();
  for (const auto& [member, value] : items)
    enum_mirror<E>::members.emplace_back(value, py::object(cls.attr(member)).inc_ref().ptr());
  m.attr(name) = cls;
}

// -- bind functions, in the order module.cpp calls them ----------------------------------------
void bind_core(py::module_& m);        // errors, Currency, Money, Rate, rounding, jurisdictions
void bind_time(py::module_& m);        // dates, day counts, calendars
void bind_terms(py::module_& m);       // payment terms: parse, format, due dates
void bind_references(py::module_& m);  // KID, OCR, FIK, RF, IBAN, organisation numbers
void bind_charges(py::module_& m);     // rate tables, late interest, simple interest
void bind_dunning(py::module_& m);     // policies, presets, JSON, simulation
void bind_book(py::module_& m);        // ledger records, the book, the daily run, aging, exposure
void bind_batch(py::module_& m);       // numpy batch kernels
void bind_scoring(py::module_& m);     // logistic fit/score, scorecards, recommendations
void bind_review(py::module_& m);      // payment history from the book, the standing credit review
void bind_documents(py::module_& m);  // notices, case files, agreements, limitation alerts
void bind_plans(py::module_& m);       // payment plans, the legal check of policies, fee caps

}  // namespace kreditor::python

namespace pybind11::detail {

/// The Python name of a mirrored enum, for signatures, docstrings and the generated stubs.
template <class E>
struct enum_python_name {
  static constexpr auto name = const_name("enum.Enum");
};
#define KREDITOR_PY_ENUM_NAME(type, python_name)          \
  template <>                                             \
  struct enum_python_name<type> {                         \
    static constexpr auto name = const_name(python_name); \
  };
KREDITOR_PY_ENUM_NAME(kreditor::rounding, "Rounding")
KREDITOR_PY_ENUM_NAME(kreditor::jurisdiction, "Jurisdiction")
KREDITOR_PY_ENUM_NAME(kreditor::segment, "Segment")
KREDITOR_PY_ENUM_NAME(kreditor::month_end, "MonthEnd")
KREDITOR_PY_ENUM_NAME(kreditor::business_day_convention, "BusinessDayConvention")
KREDITOR_PY_ENUM_NAME(kreditor::day_count, "DayCount")
KREDITOR_PY_ENUM_NAME(kreditor::term_kind, "TermKind")
KREDITOR_PY_ENUM_NAME(kreditor::term_anchor, "TermAnchor")
KREDITOR_PY_ENUM_NAME(kreditor::term_unit, "TermUnit")
KREDITOR_PY_ENUM_NAME(kreditor::reference_type, "ReferenceType")
KREDITOR_PY_ENUM_NAME(kreditor::first_interest_day, "FirstInterestDay")
KREDITOR_PY_ENUM_NAME(kreditor::dunning::state, "State")
KREDITOR_PY_ENUM_NAME(kreditor::dunning::command_kind, "CommandKind")
KREDITOR_PY_ENUM_NAME(kreditor::dunning::fee_kind, "FeeKind")
KREDITOR_PY_ENUM_NAME(kreditor::ledger_event_kind, "EventKind")
KREDITOR_PY_ENUM_NAME(kreditor::security_kind, "SecurityKind")
KREDITOR_PY_ENUM_NAME(kreditor::aging_basis, "AgingBasis")
KREDITOR_PY_ENUM_NAME(kreditor::release_decision, "ReleaseDecision")
KREDITOR_PY_ENUM_NAME(kreditor::release_reason, "ReleaseReason")
KREDITOR_PY_ENUM_NAME(kreditor::enforcement, "Enforcement")
KREDITOR_PY_ENUM_NAME(kreditor::condition_kind, "ConditionKind")
KREDITOR_PY_ENUM_NAME(kreditor::scoring::payment_method, "PaymentMethod")
KREDITOR_PY_ENUM_NAME(kreditor::legal_fee_kind, "LegalFeeKind")
KREDITOR_PY_ENUM_NAME(kreditor::scoring::registered_status, "RegisteredStatus")
#undef KREDITOR_PY_ENUM_NAME

/// kreditor::date (boost::gregorian::date) <-> datetime.date, so Python users never see Boost.
/// A datetime.datetime is refused: its time of day would be dropped silently.
template <>
struct type_caster<kreditor::date> {
  PYBIND11_TYPE_CASTER(kreditor::date, const_name("datetime.date"));

  bool load(handle src, bool /*convert*/) {
    if (!PyDateTimeAPI) PyDateTime_IMPORT;
    if (!src || !PyDate_Check(src.ptr()) || PyDateTime_Check(src.ptr())) return false;
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wold-style-cast"  // CPython's PyDateTime_GET_* macros cast
    value = kreditor::make_date(PyDateTime_GET_YEAR(src.ptr()), PyDateTime_GET_MONTH(src.ptr()),
                                PyDateTime_GET_DAY(src.ptr()));
#pragma GCC diagnostic pop
    return true;
  }
  static handle cast(const kreditor::date& d, return_value_policy /*policy*/, handle /*parent*/) {
    if (!PyDateTimeAPI) PyDateTime_IMPORT;
    if (d.is_special()) return none().release();
    return PyDate_FromDate(static_cast<int>(d.year()), static_cast<int>(d.month()), static_cast<int>(d.day()));
  }
};

/// A C++ enum mirrored by bind_enum <-> its enum.Enum member (or the member's value, a str).
template <class E>
struct type_caster<E, std::enable_if_t<std::is_enum_v<E> && !std::is_same_v<E, kreditor::errc>>> {
  PYBIND11_TYPE_CASTER(E, enum_python_name<E>::name);

  bool load(handle src, bool convert) {
    using mirror = kreditor::python::enum_mirror<E>;
    if (mirror::cls == nullptr || !src) return false;
    for (const auto& [v, member] : mirror::members)
      if (src.ptr() == member) {
        value = v;
        return true;
      }
    if (convert && isinstance<str>(src)) {  // the member's value: "b2c" for Segment.B2C
      for (const auto& [v, member] : mirror::members)
        if (object(handle(member).attr("value")).equal(reinterpret_borrow<object>(src))) {
          value = v;
          return true;
        }
    }
    return false;
  }
  static handle cast(E v, return_value_policy /*policy*/, handle /*parent*/) {
    using mirror = kreditor::python::enum_mirror<E>;
    for (const auto& [e, member] : mirror::members)
      if (e == v) return handle(member).inc_ref();
    throw value_error("kreditor: enum value " + std::to_string(static_cast<long long>(v)) +
                      " has no Python member");
  }
};

}  // namespace pybind11::detail

#endif  // KREDITOR_PYTHON_COMMON_HPP
