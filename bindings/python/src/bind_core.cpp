// Errors, currencies, money, rates, rounding, jurisdictions and segments.
#include <pybind11/operators.h>

#include <array>
#include <string>

#include "common.hpp"
#include "kreditor/core/currency.hpp"
#include "kreditor/core/jurisdiction.hpp"
#include "kreditor/core/money.hpp"
#include "kreditor/core/rate.hpp"
#include "kreditor/core/rounding.hpp"

namespace kreditor::python {
namespace {

struct error_class {
  errc code;
  const char* name;
  const char* doc;
};

// One Python exception per errc, all under kreditor.Error (a ValueError); `code` is errc's number.
constexpr std::array<error_class, 10> error_classes{{
    {errc::invalid_argument, "InvalidArgument", "Malformed input: a bad ISO code, date, terms text or CSV row."},
    {errc::out_of_range, "OutOfRange", "Well-formed but outside the supported domain (year 2300, negative days)."},
    {errc::overflow, "Overflow", "An exact amount does not fit its representation."},
    {errc::currency_mismatch, "CurrencyMismatch", "Arithmetic or comparison across two currencies."},
    {errc::not_found, "NotFound", "An unknown calendar, currency, policy, customer or invoice id."},
    {errc::legal_violation, "LegalViolation", "A policy or fee that a jurisdiction's law forbids (names the rule)."},
    {errc::precision_loss, "PrecisionLoss", "More decimals than the target allows, and no rounding mode was given."},
    {errc::conflict, "Conflict", "A duplicate id, an impossible order of steps, inconsistent events."},
    {errc::io, "IoError", "A file could not be read or written."},
    {errc::internal, "InternalError", "A bug in kreditor: please report it."},
}};
std::array<PyObject*, error_classes.size()> error_types{};
PyObject* error_base = nullptr;

PyObject* error_type(errc code) {
  for (std::size_t i = 0; i < error_classes.size(); ++i)
    if (error_classes[i].code == code) return error_types[i];
  return error_base;
}

void bind_errors(py::module_& m) {
  error_base = PyErr_NewExceptionWithDoc(
      "kreditor.Error",
      "Every error kreditor raises for bad input or a violated rule. A ValueError; the subclass "
      "says which (one per C++ kreditor::errc) and `code` is errc's number, the same the C ABI "
      "returns.",
      PyExc_ValueError, nullptr);
  if (error_base == nullptr) throw py::error_already_set();
  py::handle(error_base).attr("code") = py::none();
  m.attr("Error") = py::handle(error_base);
  for (std::size_t i = 0; i < error_classes.size(); ++i) {
    const error_class& e = error_classes[i];
    py::dict attrs;
    attrs["code"] = static_cast<int>(e.code);
    const std::string qualified = std::string("kreditor.") + e.name;
    const std::string doc = std::string(e.doc) + " errc::" + std::string(to_string(e.code)) + " = " +
                            std::to_string(static_cast<int>(e.code)) + ".";
    error_types[i] = PyErr_NewExceptionWithDoc(qualified.c_str(), doc.c_str(), error_base, attrs.ptr());
    if (error_types[i] == nullptr) throw py::error_already_set();
    m.attr(e.name) = py::handle(error_types[i]);
  }
  py::register_exception_translator([](std::exception_ptr p) {  // NOLINT(performance-unnecessary-value-param): pybind11's signature
    try {
      if (p) std::rethrow_exception(p);
    } catch (const error& e) {
      PyErr_SetString(error_type(e.code()), e.what());
    }
  });
  m.def("error_class", [](int code) { return py::handle(error_type(static_cast<errc>(code))); },
        py::arg("code"), "The kreditor.Error subclass of an errc number (-1 .. -9, -99).");
}

std::string money_repr(money x) {
  return "Money('" + to_string(x) + "', '" + std::string(x.currency().code()) + "')";
}

currency currency_of(const std::string& code) { return unwrap(currency::parse(code)); }

}  // namespace

std::string decimal_text(const py::handle& amount, std::string_view what) {
  if (PyFloat_Check(amount.ptr()))
    throw py::type_error(std::string(what) + ": a float is not exact; give a Decimal or a str (\"19.99\")");
  if (PyBool_Check(amount.ptr()))
    throw py::type_error(std::string(what) + ": a bool is not an amount");
  if (PyLong_Check(amount.ptr()) || PyUnicode_Check(amount.ptr())) return py::str(amount);
  const py::object decimal_type = py::module_::import("decimal").attr("Decimal");
  if (py::isinstance(amount, decimal_type)) {
    if (!amount.attr("is_finite")().cast<bool>())
      raise(errc::invalid_argument, std::string(what) + ": " + py::str(amount).cast<std::string>() + " is not a number");
    return py::str(py::module_::import("builtins").attr("format")(amount, "f"));
  }
  throw py::type_error(std::string(what) + ": expected Decimal, str or int, got " +
                       py::str(py::type::of(amount).attr("__name__")).cast<std::string>());
}

py::object to_decimal(std::int64_t minor, int scale) {
  static const py::object* const decimal_type =
      new py::object(py::module_::import("decimal").attr("Decimal"));  // leaked: outlives finalization
  return (*decimal_type)(minor).attr("scaleb")(-scale);
}

void raise(errc code, const std::string& message) { throw error(code, message); }

void bind_core(py::module_& m) {
  bind_errors(m);

  bind_enum<rounding>(m, "Rounding", "How an exact result is rounded, once, to the target's precision.",
                      {{"HALF_UP", rounding::half_up}, {"HALF_EVEN", rounding::half_even},
                       {"HALF_DOWN", rounding::half_down}, {"DOWN", rounding::down}, {"UP", rounding::up},
                       {"FLOOR", rounding::floor}, {"CEILING", rounding::ceiling}});
  bind_enum<jurisdiction>(m, "Jurisdiction", "Whose law governs a claim: Norway, Sweden, Denmark, Finland or the EU minimum.",
                          {{"NO", jurisdiction::no}, {"SE", jurisdiction::se}, {"DK", jurisdiction::dk},
                           {"FI", jurisdiction::fi}, {"EU", jurisdiction::eu}});
  bind_enum<segment>(m, "Segment", "Whether the debtor is a business (B2B) or a consumer (B2C).",
                     {{"B2B", segment::b2b}, {"B2C", segment::b2c}});

  py::class_<currency>(m, "Currency", "An ISO 4217 currency: its code and its minor units (decimals).")
      .def(py::init(&currency_of), py::arg("code"), "The currency of an ISO 4217 code: Currency('NOK').")
      .def_property_readonly("code", [](currency c) { return std::string(c.code()); }, "The ISO 4217 code, 'NOK'.")
      .def_property_readonly("minor_units", &currency::minor_units, "Decimals of the currency: 2 for NOK, 0 for ISK.")
      .def(py::self == py::self)  // NOLINT(misc-redundant-expression): pybind11's operator syntax
      .def(py::self != py::self)  // NOLINT(misc-redundant-expression)
      .def("__hash__", [](currency c) { return py::hash(py::str(std::string(c.code()))); })
      .def("__repr__", [](currency c) { return "Currency('" + std::string(c.code()) + "')"; })
      .def("__str__", [](currency c) { return std::string(c.code()); })
      .def(py::pickle([](currency c) { return std::string(c.code()); },
                      [](const std::string& code) { return currency_of(code); }));
  py::implicitly_convertible<py::str, currency>();
  for (const currency c : {iso4217::nok, iso4217::sek, iso4217::dkk, iso4217::eur, iso4217::isk, iso4217::usd,
                           iso4217::gbp, iso4217::chf, iso4217::jpy})
    m.attr(std::string(c.code()).c_str()) = c;

  py::class_<money>(m, "Money",
                    "An exact amount in one currency, held as integer minor units. Built from a Decimal,\n"
                    "a str or an int, never a float: Money('19.99', 'EUR'). `amount` is a Decimal.\n"
                    "+ and - are checked (overflow, mixed currencies raise); there is no money * float.")
      .def(py::init([](const py::handle& amount, currency c) {
             return unwrap(money::parse(decimal_text(amount, "Money"), c));
           }),
           py::arg("amount"), py::arg("currency"),
           "Money('150.07', 'NOK'). More decimals than the currency has raise PrecisionLoss.")
      .def_static("from_minor_units", [](std::int64_t minor, currency c) { return money(minor, c); },
                  py::arg("minor_units"), py::arg("currency"), "Money of `minor_units` (øre, cents): 15007 NOK øre.")
      .def_static("zero", &money::zero, py::arg("currency"), "Zero in `currency`.")
      .def_property_readonly("amount", [](money x) { return to_decimal(x.minor_units(), x.currency().minor_units()); },
                             "The amount as an exact Decimal with the currency's decimals: Decimal('150.07').")
      .def_property_readonly("minor_units", &money::minor_units, "The amount in minor units (an int).")
      .def_property_readonly("currency", &money::currency, "The Currency.")
      .def("multiply", [](money x, const py::handle& factor, rounding mode) {
             return multiply(x, unwrap(decimal::parse(decimal_text(factor, "Money.multiply"))), mode);
           }, py::arg("factor"), py::arg("rounding"), "The amount times an exact factor, rounded once by `rounding`.")
      .def("split", &split, py::arg("parts"), "`parts` amounts that differ by at most one minor unit and sum to this.")
      .def(py::self + py::self)
      .def(py::self - py::self)  // NOLINT(misc-redundant-expression)
      .def(-py::self)
      .def(py::self == py::self)  // NOLINT(misc-redundant-expression)
      .def(py::self != py::self)  // NOLINT(misc-redundant-expression)
      .def(py::self < py::self)   // NOLINT(misc-redundant-expression)
      .def(py::self <= py::self)  // NOLINT(misc-redundant-expression)
      .def(py::self > py::self)   // NOLINT(misc-redundant-expression)
      .def(py::self >= py::self)  // NOLINT(misc-redundant-expression)
      .def("__bool__", [](money x) { return !x.is_zero(); })
      .def("__hash__", [](money x) { return py::hash(py::make_tuple(x.minor_units(), std::string(x.currency().code()))); })
      .def("__repr__", &money_repr)
      .def("__str__", [](money x) { return to_string(x) + " " + std::string(x.currency().code()); })
      .def(py::pickle([](money x) { return py::make_tuple(x.minor_units(), std::string(x.currency().code())); },
                      [](const py::tuple& t) { return money(t[0].cast<std::int64_t>(), currency_of(t[1].cast<std::string>())); }));

  py::class_<rate>(m, "Rate",
                   "A rate exact to one part per billion: Rate('8.5%'), Rate('850bp'), Rate('0.085').\n"
                   "`percent` and `fraction` are Decimals.")
      .def(py::init([](const std::string& text) { return unwrap(rate::parse(text)); }), py::arg("text"),
           "Parses '12.25%', '1225bp' or '0.1225'.")
      .def_static("from_percent", [](const py::handle& p) {
             return unwrap(rate::from_percent(unwrap(decimal::parse(decimal_text(p, "Rate.from_percent")))));
           }, py::arg("percent"), "Rate.from_percent(Decimal('12.25')) is 12.25 %.")
      .def_static("from_fraction", [](const py::handle& f) {
             return unwrap(rate::from_fraction(unwrap(decimal::parse(decimal_text(f, "Rate.from_fraction")))));
           }, py::arg("fraction"), "Rate.from_fraction('0.1225') is 12.25 %.")
      .def_property_readonly("percent", [](rate r) { return py::module_::import("decimal").attr("Decimal")(r.percent_string()); },
                             "The rate in percent, a Decimal: Decimal('12.25').")
      .def_property_readonly("fraction", [](rate r) { return py::module_::import("decimal").attr("Decimal")(r.fraction_string()); },
                             "The rate as a fraction, a Decimal: Decimal('0.1225').")
      .def_property_readonly("parts_per_billion", &rate::parts_per_billion, "The exact value: 8 % is 80_000_000.")
      .def(py::self == py::self)  // NOLINT(misc-redundant-expression)
      .def(py::self != py::self)  // NOLINT(misc-redundant-expression)
      .def(py::self < py::self)   // NOLINT(misc-redundant-expression)
      .def(py::self <= py::self)  // NOLINT(misc-redundant-expression)
      .def(py::self > py::self)   // NOLINT(misc-redundant-expression)
      .def(py::self >= py::self)  // NOLINT(misc-redundant-expression)
      .def("__hash__", [](rate r) { return py::hash(py::int_(r.parts_per_billion())); })
      .def("__repr__", [](rate r) { return "Rate('" + r.percent_string() + "%')"; })
      .def("__str__", [](rate r) { return r.percent_string() + "%"; })
      .def(py::pickle([](rate r) { return r.parts_per_billion(); }, [](std::int64_t ppb) { return rate::ppb(ppb); }));
  py::implicitly_convertible<py::str, rate>();
}

}  // namespace kreditor::python
