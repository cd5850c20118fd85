// Late-payment interest over statutory rate tables (effective-dated, with sources), and simple
// interest. The exact sum is rounded once.
#include <pybind11/operators.h>

#include "common.hpp"
#include "kreditor/charges/interest.hpp"
#include "kreditor/jurisdiction/rate_table.hpp"

namespace kreditor::python {

void bind_charges(py::module_& m) {
  bind_enum<first_interest_day>(m, "FirstInterestDay", "The first day late interest runs.",
                                {{"DAY_AFTER_DUE", first_interest_day::day_after_due},
                                 {"DUE_DATE", first_interest_day::due_date}});

  py::class_<rate_row>(m, "RateRow", "One effective-dated row of a rate table, with its source.")
      .def_readonly("effective_from", &rate_row::effective_from)
      .def_readonly("annual", &rate_row::annual, "The rate that applies (reference + margin).")
      .def_readonly("reference", &rate_row::reference, "The reference rate it derives from, or None.")
      .def_readonly("source", &rate_row::source)
      .def_readonly("status", &rate_row::status)
      .def_readonly("uncertain", &rate_row::uncertain, "True: derived or weakly sourced, re-check it.")
      .def(py::self == py::self)  // NOLINT(misc-redundant-expression)
      .def("__repr__", [](const rate_row& r) {
        return "RateRow(" + to_string(r.effective_from) + ", " + r.annual.percent_string() + "%" +
               (r.uncertain ? ", UNCERTAIN)" : ")");
      });

  py::class_<rate_table>(m, "RateTable", "An effective-dated table of annual rates with their sources.")
      .def_static("statutory", [](jurisdiction j, segment s) { return unwrap(statutory_late_interest(j, s)); },
                  py::arg("jurisdiction"), py::arg("segment") = segment::b2b,
                  "The statutory late-interest table of a jurisdiction and segment, as shipped.")
      .def_static("constant", &rate_table::constant, py::arg("annual"), py::arg("source") = "fixed rate",
                  "One rate for all dates (an agreed rate).")
      .def_static("from_json", [](const std::string& text) { return unwrap(load_rate_table_json(text)); },
                  py::arg("text"), "A table in kreditor's JSON form (src/data/*.json).")
      .def_property_readonly("rows", [](const rate_table& t) { return std::vector<rate_row>(t.rows().begin(), t.rows().end()); })
      .def_property_readonly("id", [](const rate_table& t) { return t.info().id; })
      .def_property_readonly("name", [](const rate_table& t) { return t.info().name; })
      .def_property_readonly("law", [](const rate_table& t) { return t.info().law; })
      .def_property_readonly("basis", [](const rate_table& t) { return t.info().basis; }, "The day count.")
      .def("rate_at", [](const rate_table& t, date on) { return unwrap(t.rate_at(on)); }, py::arg("day"),
           "The annual rate in force on `day`.")
      .def("row_at", [](const rate_table& t, date on) { return unwrap(t.row_at(on)); }, py::arg("day"))
      .def("__len__", [](const rate_table& t) { return t.rows().size(); })
      .def("__repr__", [](const rate_table& t) {
        return "RateTable('" + t.info().id + "', " + std::to_string(t.rows().size()) + " rows)";
      });

  py::class_<interest_convention>(m, "InterestConvention", "How late interest is counted: day count, first day, rounding.")
      .def(py::init([](day_count basis, first_interest_day start, rounding mode) {
             return interest_convention{.basis = basis, .start = start, .mode = mode};
           }), py::arg("basis") = day_count::act_act_isda, py::arg("start") = first_interest_day::day_after_due,
           py::arg("rounding") = rounding::half_up)
      .def_static("of", &convention_of, py::arg("table"), py::arg("rounding") = rounding::half_up,
                  "The convention a table's law uses (its day count and first interest day).")
      .def_readonly("basis", &interest_convention::basis)
      .def_readonly("start", &interest_convention::start)
      .def_readonly("rounding", &interest_convention::mode)
      .def(py::self == py::self)  // NOLINT(misc-redundant-expression)
      .def("__hash__", [](const interest_convention& c) {
        return py::hash(py::make_tuple(static_cast<int>(c.basis), static_cast<int>(c.start), static_cast<int>(c.mode)));
      })
      .def("__repr__", [](const interest_convention& c) {
        return "InterestConvention(" + std::string(to_string(c.basis)) + ", " +
               (c.start == first_interest_day::day_after_due ? "day after due" : "due date") + ", " +
               std::string(to_string(c.mode)) + ")";
      });

  py::class_<interest_period>(m, "InterestPeriod", "A stretch of days with one balance and one rate.")
      .def_readonly("start", &interest_period::from, "First interest day (inclusive).")
      .def_readonly("end", &interest_period::to, "Last interest day (inclusive).")
      .def_readonly("days", &interest_period::days)
      .def_readonly("balance", &interest_period::balance)
      .def_readonly("annual", &interest_period::annual)
      .def_readonly("interest", &interest_period::interest)
      .def_readonly("uncertain", &interest_period::uncertain)
      .def_readonly("source", &interest_period::source)
      .def("__repr__", [](const interest_period& p) {
        return "InterestPeriod(" + to_string(p.from) + ".." + to_string(p.to) + ", " + to_string(p.balance) + " at " +
               p.annual.percent_string() + "%: " + to_string(p.interest) + ")";
      });
  py::class_<interest_result>(m, "InterestResult", "Late interest: the exact sum over the periods, rounded once.")
      .def_readonly("interest", &interest_result::interest)
      .def_readonly("days", &interest_result::days)
      .def_readonly("periods", &interest_result::periods)
      .def_readonly("convention", &interest_result::convention)
      .def_readonly("uncertain", &interest_result::uncertain, "Some rate used is flagged uncertain.")
      .def("__repr__", [](const interest_result& r) {
        return "InterestResult(" + to_string(r.interest) + " " + std::string(r.interest.currency().code()) + ", " +
               std::to_string(r.days) + " days" + (r.uncertain ? ", UNCERTAIN)" : ")");
      });

  m.def("late_interest",
        [](money principal, date due, date end, jurisdiction j, segment s, const std::optional<rate_table>& table,
           const std::optional<interest_convention>& convention, const std::vector<std::pair<date, money>>& changes) {
          const rate_table rates = table ? *table : unwrap(statutory_late_interest(j, s));
          const interest_convention conv = convention ? *convention : convention_of(rates);
          std::vector<balance_change> deltas;
          deltas.reserve(changes.size());
          for (const auto& [on, delta] : changes) deltas.push_back({on, delta});
          return late_interest(principal, rates, due, end, conv, deltas);
        },
        py::arg("principal"), py::arg("due"), py::arg("end"), py::arg("jurisdiction") = jurisdiction::no,
        py::arg("segment") = segment::b2b, py::arg("table") = py::none(), py::arg("convention") = py::none(),
        py::arg("changes") = std::vector<std::pair<date, money>>{},
        "Late interest on `principal` due on `due`, through `end`: by the statutory table of\n"
        "`jurisdiction`/`segment` (or `table`) and its convention (or `convention`). `changes` are\n"
        "(date, Money delta) changes of the principal (payments negative), from the next day.");
  m.def("simple_interest", &simple_interest, py::arg("principal"), py::arg("annual"), py::arg("day_count"),
        py::arg("start"), py::arg("end"), py::arg("rounding") = rounding::half_up,
        "principal x annual x year fraction of (start, end], rounded once.");
}

}  // namespace kreditor::python
