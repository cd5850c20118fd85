// Dates, day counts and business-day calendars.
#include <pybind11/operators.h>

#include "common.hpp"
#include "kreditor/time/business_day_convention.hpp"
#include "kreditor/time/calendar.hpp"
#include "kreditor/time/calendars.hpp"
#include "kreditor/time/date.hpp"
#include "kreditor/time/day_count.hpp"

namespace kreditor::python {

void bind_time(py::module_& m) {
  bind_enum<month_end>(m, "MonthEnd", "How adding months treats a month's last day.",
                       {{"CLAMP", month_end::clamp}, {"SNAP", month_end::snap}});
  bind_enum<business_day_convention>(
      m, "BusinessDayConvention", "How a date that is not a business day is rolled.",
      {{"UNADJUSTED", business_day_convention::unadjusted}, {"FOLLOWING", business_day_convention::following},
       {"MODIFIED_FOLLOWING", business_day_convention::modified_following},
       {"PRECEDING", business_day_convention::preceding},
       {"MODIFIED_PRECEDING", business_day_convention::modified_preceding}});
  bind_enum<day_count>(m, "DayCount", "Day-count conventions for interest (the year fraction of a period).",
                       {{"ACT_365_FIXED", day_count::act_365_fixed}, {"ACT_360", day_count::act_360},
                        {"ACT_ACT_ISDA", day_count::act_act_isda}, {"THIRTY_E_360", day_count::thirty_e_360},
                        {"THIRTY_360_US", day_count::thirty_360_us}});

  m.def("add_months", py::overload_cast<date, int, month_end>(&add_months), py::arg("day"), py::arg("months"),
        py::arg("rule") = month_end::clamp, "`day` plus `months` calendar months; `rule` says what a month end does.");
  m.def("end_of_month", &end_of_month, py::arg("day"), "The last day of `day`'s month.");
  m.def("accrual", [](day_count dc, date from, date to) {
          const year_fraction f = accrual(dc, from, to);
          return py::module_::import("fractions").attr("Fraction")(f.numerator, f.denominator);
        }, py::arg("day_count"), py::arg("start"), py::arg("end"),
        "The exact year fraction of (start, end] under `day_count`, a fractions.Fraction.");
  m.def("day_count_days", &day_count_days, py::arg("day_count"), py::arg("start"), py::arg("end"),
        "Days from `start` to `end` as `day_count` counts them.");

  py::class_<calendar>(m, "Calendar",
                       "An immutable business-day calendar: Calendar('NO') (Norges Bank), 'SE', 'DK', 'FI',\n"
                       "'NO-public' or 'weekends'. Copies share one precomputed table.")
      .def(py::init([](const std::string& code) { return unwrap(calendar_for(code)); }), py::arg("code"),
           "The calendar of a code: 'NO', 'SE', 'DK', 'FI', 'weekends' (see calendar_for).")
      .def_static("from_holidays", py::overload_cast<std::string, std::vector<date>>(&calendar::from_holidays),
                  py::arg("name"), py::arg("holidays"), "Weekends plus the given holidays.")
      .def_property_readonly("name", &calendar::name, "The calendar's name.")
      .def("is_business_day", py::overload_cast<date>(&calendar::is_business_day, py::const_), py::arg("day"),
           "Whether `day` is a business day (not a weekend, not a holiday).")
      .def("is_holiday", &calendar::is_holiday, py::arg("day"), "Whether `day` is a holiday of the calendar.")
      .def("holiday_name", &calendar::holiday_name, py::arg("day"), "The holiday's name, or None.")
      .def("holidays", &calendar::holidays, py::arg("start"), py::arg("end"),
           "The holidays from `start` through `end`, as (date, name) pairs.")
      .def("adjust", &calendar::adjust, py::arg("day"), py::arg("convention") = business_day_convention::following,
           "`day` rolled to a business day by `convention`.")
      .def("advance", &calendar::advance, py::arg("day"), py::arg("business_days"),
           "The date `business_days` business days after (before, if negative) `day`.")
      .def("business_days_between", &calendar::business_days_between, py::arg("start"), py::arg("end"),
           "Business days in (start, end].")
      .def("with_holiday", &calendar::with_holiday, py::arg("day"), py::arg("name") = "holiday",
           "A new calendar with one more holiday.")
      .def(py::self == py::self)  // NOLINT(misc-redundant-expression)
      .def(py::self != py::self)  // NOLINT(misc-redundant-expression)
      .def("__hash__", [](const calendar& c) {  // equal calendars have equal holidays
        py::list days;
        for (const auto& [d, name] : c.holidays(make_date(1990, 1, 1), make_date(2060, 12, 31))) days.append(day_number(d));
        return py::hash(py::tuple(days));
      })
      .def("__repr__", [](const calendar& c) { return "Calendar('" + c.name() + "')"; });
  m.def("join_calendars", &join, py::arg("a"), py::arg("b"), "A calendar whose holidays are both calendars' holidays.");
}

}  // namespace kreditor::python
