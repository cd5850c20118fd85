// Scoring: logistic regression (fit on numpy arrays, the GIL released), the model's JSON, batch
// scoring (numpy in, numpy out), evaluation metrics, WoE scorecards, and the recommendation of a
// grade, terms, payment methods and credit limit from statements, credit checks and behaviour.
//
// Everything here translates: the numbers come from kreditor::scoring, as `kreditor fit` and
// `kreditor score` print them. Bad input raises the kreditor.Error subclass of the C++ errc
// (wrong shapes and NaN included: InvalidArgument, code -1).
#include <pybind11/numpy.h>
#include <pybind11/operators.h>

#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common.hpp"
#include "kreditor/io/scoring_json.hpp"
#include "kreditor/scoring/behaviour.hpp"
#include "kreditor/scoring/credit_check.hpp"
#include "kreditor/scoring/distress.hpp"
#include "kreditor/scoring/evaluation.hpp"
#include "kreditor/scoring/logistic.hpp"
#include "kreditor/scoring/recommend.hpp"
#include "kreditor/scoring/scorecard.hpp"
#include "kreditor/scoring/statements.hpp"

namespace kreditor::python {
namespace {

using namespace kreditor::scoring;

using f64_array = py::array_t<double, py::array::forcecast>;

/// A float64 vector of `n` values (n == SIZE_MAX: any length) from any array-like.
/// \throws kreditor.InvalidArgument for another number of dimensions or values.
f64_array vector_of(const py::handle& a, std::size_t n, const char* what) {
  if (a.is_none()) raise(errc::invalid_argument, std::string(what) + ": None is not an array");
  f64_array v = py::array_t<double, py::array::c_style | py::array::forcecast>::ensure(a);
  if (!v) raise(errc::invalid_argument, std::string(what) + ": cannot be read as float64 numbers");
  if (v.ndim() != 1) raise(errc::invalid_argument, std::string(what) + ": expected 1 dimension, got " + std::to_string(v.ndim()));
  if (n != SIZE_MAX && static_cast<std::size_t>(v.size()) != n)
    raise(errc::invalid_argument, std::string(what) + ": " + std::to_string(v.size()) + " values, expected " + std::to_string(n));
  return v;
}

/// A (rows, cols) matrix as the column-major doubles kreditor::scoring reads: a Fortran-ordered
/// float64 array is used in place, anything else is copied once by numpy. A 1-dimensional array
/// is one column.
struct matrix {
  py::array_t<double, py::array::f_style | py::array::forcecast> data;
  std::size_t rows = 0;
  std::size_t cols = 0;
  [[nodiscard]] std::span<const double> values() const { return {data.data(), rows * cols}; }
};

matrix matrix_of(const py::handle& a, const char* what) {
  if (a.is_none()) raise(errc::invalid_argument, std::string(what) + ": None is not an array");
  matrix m;
  m.data = py::array_t<double, py::array::f_style | py::array::forcecast>::ensure(a);
  if (!m.data) raise(errc::invalid_argument, std::string(what) + ": cannot be read as float64 numbers");
  if (m.data.ndim() == 1) {
    m.rows = static_cast<std::size_t>(m.data.shape(0));
    m.cols = 1;
  } else if (m.data.ndim() == 2) {
    m.rows = static_cast<std::size_t>(m.data.shape(0));
    m.cols = static_cast<std::size_t>(m.data.shape(1));
  } else {
    raise(errc::invalid_argument, std::string(what) + ": expected (rows, columns), got " +
                                      std::to_string(m.data.ndim()) + " dimensions");
  }
  return m;
}

std::string repr_double(double v) { return py::repr(py::float_(v)).cast<std::string>(); }

logistic_model parse_model(const std::string& text) { return unwrap(parse_logistic_model_json(text)); }

/// P(bad) for every row of `x` (rows, predictors): the C++ batch kernel, the GIL released.
py::array_t<double> predict(const logistic_model& model, const py::handle& x_a) {
  const matrix x = matrix_of(x_a, "predict: x");
  if (x.cols != model.predictors() && !(x.rows == 0 && x.data.ndim() == 1))
    raise(errc::invalid_argument, "predict: x has " + std::to_string(x.cols) + " columns, the model has " +
                                      std::to_string(model.predictors()) + " predictors (" +
                                      std::to_string(model.predictors()) + " columns in model order)");
  py::array_t<double> out(static_cast<py::ssize_t>(x.rows));
  const std::span<const double> values = x.values();
  std::size_t bad = SIZE_MAX;
  {
    py::gil_scoped_release release;
    for (std::size_t i = 0; i < values.size() && bad == SIZE_MAX; ++i)
      if (!std::isfinite(values[i])) bad = i;
    if (bad == SIZE_MAX) predict_probabilities(model, values, x.rows, {out.mutable_data(), x.rows});
  }
  if (bad != SIZE_MAX) {
    const std::size_t col = bad / x.rows;
    const std::string name = col + (model.intercept ? 1 : 0) < model.names.size()
                                 ? model.names[col + (model.intercept ? 1 : 0)] : std::to_string(col);
    raise(errc::invalid_argument, "predict: row " + std::to_string(bad % x.rows + 1) + ", column '" + name +
                                      "': not a finite number");
  }
  return out;
}

logistic_fit fit(const py::handle& x_a, const py::handle& y_a, const py::handle& w_a,
                 std::optional<std::vector<std::string>> names, bool intercept, double l2, int max_iterations,
                 double tolerance, unsigned threads) {
  const matrix x = matrix_of(x_a, "fit_logistic: x");
  const f64_array y = vector_of(y_a, x.rows, "fit_logistic: y");
  f64_array w;
  if (!w_a.is_none()) w = vector_of(w_a, x.rows, "fit_logistic: weights");
  const design d{.x = x.values(), .rows = x.rows, .cols = x.cols, .y = {y.data(), x.rows},
                 .weights = w_a.is_none() ? std::span<const double>{} : std::span<const double>{w.data(), x.rows},
                 .names = names.value_or(std::vector<std::string>{})};
  const logistic_options o{.intercept = intercept, .l2 = l2, .max_iterations = max_iterations,
                           .tolerance = tolerance, .threads = threads};
  py::gil_scoped_release release;
  return fit_logistic(d, o);
}

double metric(double (*f)(std::span<const double>, std::span<const double>), const py::handle& s_a,
              const py::handle& y_a, const char* what) {
  const f64_array s = vector_of(s_a, SIZE_MAX, what);
  const f64_array y = vector_of(y_a, static_cast<std::size_t>(s.size()), what);
  return f({s.data(), static_cast<std::size_t>(s.size())}, {y.data(), static_cast<std::size_t>(y.size())});
}

void bind_model(py::module_& m) {
  py::class_<logistic_model>(m, "LogisticModel",
                             "A logistic model of P(bad): names and coefficients, \"(Intercept)\" first when it has one.\n"
                             "From fit_logistic(...).model or LogisticModel.from_json(text) (`kreditor fit --save-model`).")
      .def(py::init([](std::vector<std::string> names, std::vector<double> coefficients, bool intercept) {
             logistic_model lm{.names = std::move(names), .coefficients = std::move(coefficients), .intercept = intercept};
             return unwrap(parse_logistic_model_json(to_json(lm)));  // the JSON reader's checks
           }),
           py::arg("names"), py::arg("coefficients"), py::arg("intercept") = true,
           "A model from its coefficients in order (the intercept, named \"(Intercept)\", first).")
      .def_static("from_json", &parse_model, py::arg("text"),
                  "Reads kreditor.logistic_model/1 JSON; the error names the JSON pointer.")
      .def("to_json", [](const logistic_model& lm) { return to_json(lm); },
           "kreditor.logistic_model/1 JSON (numbers round-trip exactly).")
      .def_readonly("names", &logistic_model::names)
      .def_readonly("coefficients", &logistic_model::coefficients)
      .def_readonly("intercept", &logistic_model::intercept)
      .def_property_readonly("predictors", &logistic_model::predictors, "The number of coefficients without the intercept.")
      .def("coefficient", [](const logistic_model& lm, const std::string& name) {
             for (std::size_t j = 0; j < lm.names.size(); ++j)
               if (lm.names[j] == name) return lm.coefficients[j];
             raise(errc::not_found, "logistic model: no coefficient '" + name + "'");
           }, py::arg("name"), "The coefficient of `name`; NotFound for another name.")
      .def("linear_predictor", [](const logistic_model& lm, std::vector<double> x) { return lm.linear_predictor(x); },
           py::arg("x"), "b0 + x'b for one row of predictors in model order.")
      .def("probability", [](const logistic_model& lm, std::vector<double> x) { return lm.probability(x); },
           py::arg("x"), "P(bad) for one row of predictors in model order.")
      .def("predict", &predict, py::arg("x"),
           "P(bad) of every row of x (rows, predictors), float64, in one call of the C++ batch kernel\n"
           "(the GIL released); a Fortran-ordered float64 array is read in place. NaN raises.")
      .def(py::self == py::self)  // NOLINT(misc-redundant-expression)
      .def("__hash__", [](const logistic_model& lm) { return py::hash(py::str(to_json(lm))); })
      .def("__repr__", [](const logistic_model& lm) {
        return "LogisticModel(" + std::to_string(lm.coefficients.size()) + " coefficients" +
               (lm.intercept ? ", intercept " + repr_double(lm.coefficients.front()) : std::string(", no intercept")) + ")";
      })
      .def(py::pickle([](const logistic_model& lm) { return to_json(lm); }, &parse_model));

  py::class_<logistic_fit>(m, "LogisticFit", "A fitted logistic regression and its diagnostics, as `kreditor fit` prints them.")
      .def_readonly("model", &logistic_fit::model)
      .def_readonly("std_errors", &logistic_fit::std_errors, "In model order (naive under l2 > 0).")
      .def_readonly("log_likelihood", &logistic_fit::log_likelihood)
      .def_readonly("penalised_objective", &logistic_fit::penalised_objective)
      .def_readonly("deviance", &logistic_fit::deviance)
      .def_readonly("null_log_likelihood", &logistic_fit::null_log_likelihood)
      .def_readonly("iterations", &logistic_fit::iterations)
      .def_readonly("converged", &logistic_fit::converged)
      .def_readonly("max_abs_gradient", &logistic_fit::max_abs_gradient)
      .def_readonly("weight_sum", &logistic_fit::weight_sum)
      .def_readonly("objective_trace", &logistic_fit::objective_trace)
      .def_property_readonly("coefficients", [](const logistic_fit& f) {
        std::map<std::string, double> out;
        for (std::size_t j = 0; j < f.model.names.size(); ++j) out[f.model.names[j]] = f.model.coefficients[j];
        return out;
      }, "name -> coefficient.")
      .def("__repr__", [](const logistic_fit& f) {
        return "LogisticFit(" + std::to_string(f.model.coefficients.size()) + " coefficients, log_likelihood " +
               repr_double(f.log_likelihood) + ", " + std::to_string(f.iterations) + " iterations" +
               (f.converged ? "" : ", NOT converged") + ")";
      });

  m.def("fit_logistic", &fit, py::arg("x"), py::arg("y"), py::arg("weights") = py::none(), py::arg("names") = py::none(),
        py::arg("intercept") = true, py::arg("l2") = 0.0, py::arg("max_iterations") = 50,
        py::arg("tolerance") = 1e-10, py::arg("threads") = 1,
        "Fits P(y = 1 | x) by Newton-Raphson, as R's glm(binomial) (and `kreditor fit`): x (rows, cols)\n"
        "float64, y 0/1 per row, optional frequency weights, names of the columns (default x1, x2, ...),\n"
        "an optional ridge penalty l2 (not on the intercept). The GIL is released while it runs; the\n"
        "result is the same for any thread count. Collinear or all-zero columns, NaN, y not 0/1 raise\n"
        "InvalidArgument; separated data raise OutOfRange (naming the column).");
  m.def("auc", [](const py::handle& s, const py::handle& y) { return metric(&auc, s, y, "auc"); }, py::arg("score"),
        py::arg("y"), "Area under the ROC curve of `score` (higher = riskier) against y (1 bad); ties count half.");
  m.def("gini", [](const py::handle& s, const py::handle& y) { return metric(&gini, s, y, "gini"); }, py::arg("score"),
        py::arg("y"), "2 AUC - 1.");
  m.def("ks", [](const py::handle& s, const py::handle& y) { return metric(&ks, s, y, "ks"); }, py::arg("score"),
        py::arg("y"), "Kolmogorov-Smirnov: the largest gap between the bads' and goods' score distributions.");
  m.def("brier", [](const py::handle& s, const py::handle& y) { return metric(&brier, s, y, "brier"); }, py::arg("pd"),
        py::arg("y"), "Mean squared error of the PDs.");
}

void bind_scorecard(py::module_& m) {
  py::class_<woe_bin>(m, "WoeBin", "One coarse class of a characteristic: (previous upper, upper].")
      .def_readonly("upper", &woe_bin::upper, "The bin's upper bound (inf for the last).")
      .def_readonly("goods", &woe_bin::goods)
      .def_readonly("bads", &woe_bin::bads)
      .def_readonly("woe", &woe_bin::woe, "ln(%bad / %good) (higher = riskier).")
      .def_readonly("iv", &woe_bin::iv)
      .def_readonly("points", &woe_bin::points, "Set in a scorecard.")
      .def("__repr__", [](const woe_bin& b) {
        return "WoeBin(upper " + repr_double(b.upper) + ", woe " + repr_double(b.woe) + ", points " + repr_double(b.points) + ")";
      });
  py::class_<characteristic>(m, "Characteristic", "A binned numeric characteristic with weights of evidence.")
      .def_readonly("name", &characteristic::name)
      .def_readonly("bins", &characteristic::bins)
      .def_readonly("iv", &characteristic::iv, "Information value (above 0.3 is strong, Siddiqi).")
      .def("bin_of", &characteristic::bin_of, py::arg("x"), "The index of the bin holding x.")
      .def("woe", [](const characteristic& c, const py::handle& x_a) {
             const f64_array x = vector_of(x_a, SIZE_MAX, "woe: x");
             const std::vector<double> w = woe_transform(c, {x.data(), static_cast<std::size_t>(x.size())});
             return py::array_t<double>(static_cast<py::ssize_t>(w.size()), w.data());
           }, py::arg("x"), "The WoE of each value (float64 array), for fitting a model on WoE columns.")
      .def("__repr__", [](const characteristic& c) {
        return "Characteristic('" + c.name + "', " + std::to_string(c.bins.size()) + " bins, iv " + repr_double(c.iv) + ")";
      });
  m.def("bin_characteristic",
        [](std::string name, const py::handle& x_a, const py::handle& y_a, std::size_t max_bins, std::size_t fine_bins,
           double min_bin_share) {
          const f64_array x = vector_of(x_a, SIZE_MAX, "bin_characteristic: x");
          const f64_array y = vector_of(y_a, static_cast<std::size_t>(x.size()), "bin_characteristic: y");
          const auto n = static_cast<std::size_t>(x.size());
          return bin_characteristic(std::move(name), {x.data(), n}, {y.data(), n},
                                    {.max_bins = max_bins, .fine_bins = fine_bins, .min_bin_share = min_bin_share});
        },
        py::arg("name"), py::arg("x"), py::arg("y"), py::arg("max_bins") = 5, py::arg("fine_bins") = 20,
        py::arg("min_bin_share") = 0.05,
        "Bins one numeric characteristic (y: 1 bad, 0 good): quantile fine classes merged by closest bad\n"
        "rate until each is large enough and holds goods and bads. Deterministic.");

  py::class_<points_scaling>(m, "PointsScaling", "score = offset + factor ln(odds good:bad), factor = pdo / ln 2.")
      .def(py::init([](double pdo, double base_score, double base_odds) {
             return points_scaling{.pdo = pdo, .base_score = base_score, .base_odds = base_odds};
           }),
           py::arg("pdo") = 20.0, py::arg("base_score") = 600.0, py::arg("base_odds") = 50.0)
      .def_readonly("pdo", &points_scaling::pdo)
      .def_readonly("base_score", &points_scaling::base_score)
      .def_readonly("base_odds", &points_scaling::base_odds)
      .def_property_readonly("factor", &points_scaling::factor)
      .def_property_readonly("offset", &points_scaling::offset);
  py::class_<scorecard>(m, "Scorecard", "A points scorecard: base points plus each characteristic's bin points.")
      .def_readonly("scaling", &scorecard::scaling)
      .def_readonly("base_points", &scorecard::base_points)
      .def_readonly("characteristics", &scorecard::characteristics)
      .def("score", [](const scorecard& card, std::vector<double> values, std::size_t max_reasons) {
             const scored s = score(card, values, max_reasons);
             std::vector<std::pair<std::string, double>> reasons;
             for (const reason_code& r : s.reasons) reasons.emplace_back(r.characteristic, r.points_lost);
             return std::make_pair(s.points, std::move(reasons));
           }, py::arg("values"), py::arg("max_reasons") = 4,
           "(points, [(characteristic, points lost), ...]) for one customer's values in the scorecard's\n"
           "characteristic order; the reasons largest loss first.")
      .def("__repr__", [](const scorecard& c) {
        return "Scorecard(" + std::to_string(c.characteristics.size()) + " characteristics, base points " +
               repr_double(c.base_points) + ")";
      });
  m.def("make_scorecard",
        [](std::vector<characteristic> chars, const logistic_model& model, const points_scaling& s) {
          return make_scorecard(std::move(chars), model, s);
        },
        py::arg("characteristics"), py::arg("model"), py::arg("scaling") = points_scaling{},
        "The scorecard of a logistic model of P(bad) fitted on the characteristics' WoE columns (model\n"
        "names = characteristic names, with an intercept). NotFound for a name the model lacks.");
}

void bind_recommend(py::module_& m) {
  bind_enum<payment_method>(m, "PaymentMethod", "How a customer may pay (there is deliberately no cheque).",
                            {{"BANK_TRANSFER", payment_method::bank_transfer}, {"DIRECT_DEBIT", payment_method::direct_debit},
                             {"CARD", payment_method::card}, {"CASH_ON_DELIVERY", payment_method::cash_on_delivery},
                             {"PREPAYMENT", payment_method::prepayment}});
  bind_enum<registered_status>(m, "RegisteredStatus", "A company's status in the register, from a credit check.",
                               {{"ACTIVE", registered_status::active}, {"DISSOLVED", registered_status::dissolved},
                                {"BANKRUPT", registered_status::bankrupt}, {"LIQUIDATION", registered_status::liquidation},
                                {"UNKNOWN", registered_status::unknown}});

  py::class_<financial_statements>(m, "FinancialStatements",
                                   "A company's accounts (kreditor.financials/1 JSON; amounts as decimal strings).")
      .def_static("from_json", [](const std::string& text) { return unwrap(parse_financials_json(text)); },
                  py::arg("text"), "Reads and validates kreditor.financials/1; the error names the JSON pointer.")
      .def("to_json", [](const financial_statements& s) { return to_json(s); })
      .def_readonly("customer_id", &financial_statements::customer_id)
      .def_readonly("currency", &financial_statements::currency)
      .def_readonly("listed", &financial_statements::listed)
      .def_readonly("manufacturer", &financial_statements::manufacturer)
      .def_property_readonly("period_ends", [](const financial_statements& s) {
        std::vector<date> out;
        for (const financial_year& y : s.years) out.push_back(y.period_end);
        return out;
      }, "The years' balance-sheet dates, ascending.")
      .def_property_readonly("tangible_net_worth", [](const financial_statements& s) { return ratios(s.latest()).tangible_net_worth; },
                             "Book equity less intangibles, of the latest year.")
      .def("__repr__", [](const financial_statements& s) {
        return "FinancialStatements('" + s.customer_id + "', " + std::string(s.currency.code()) + ", " +
               std::to_string(s.years.size()) + " years)";
      });

  py::class_<credit_check>(m, "CreditCheck", "One credit bureau check of a company.")
      .def_readonly("customer_id", &credit_check::customer_id)
      .def_readonly("checked_on", &credit_check::checked_on)
      .def_readonly("bureau", &credit_check::bureau)
      .def_readonly("score", &credit_check::score, "0..100, higher = safer (None when the bureau gave none).")
      .def_readonly("rating", &credit_check::rating)
      .def_readonly("payment_remarks", &credit_check::payment_remarks)
      .def_readonly("status", &credit_check::status)
      .def_readonly("note", &credit_check::note)
      .def(py::self == py::self)  // NOLINT(misc-redundant-expression)
      .def("__repr__", [](const credit_check& c) {
        return "CreditCheck('" + c.customer_id + "', " + to_string(c.checked_on) + ", " + c.bureau + ")";
      });
  m.def("credit_checks_from_json", [](const std::string& text) { return unwrap(parse_credit_checks_json(text)); },
        py::arg("text"), "Reads kreditor.credit_checks/1 (or a single check object).");

  py::class_<payment_behaviour>(m, "PaymentBehaviour",
                                "How a customer has paid (what `kreditor score --ledger` takes from a ledger); every field\n"
                                "is a keyword argument.")
      .def(py::init([](std::size_t invoices, double days_beyond_terms, double share_paid_on_time, int max_dunning_level,
                       bool collection, int broken_promises, int broken_plans, int disputes,
                       std::optional<double> dso_trend) {
             payment_behaviour b;
             b.invoices = invoices;
             b.days_beyond_terms = days_beyond_terms;
             b.share_paid_on_time = share_paid_on_time;
             b.max_dunning_level = max_dunning_level;
             b.collection = collection;
             b.broken_promises = broken_promises;
             b.broken_plans = broken_plans;
             b.disputes = disputes;
             b.dso_trend = dso_trend;
             return b;
           }),
           py::kw_only(), py::arg("invoices") = 0, py::arg("days_beyond_terms") = 0.0, py::arg("share_paid_on_time") = 1.0,
           py::arg("max_dunning_level") = 0, py::arg("collection") = false, py::arg("broken_promises") = 0,
           py::arg("broken_plans") = 0, py::arg("disputes") = 0, py::arg("dso_trend") = py::none())
      .def_readonly("invoices", &payment_behaviour::invoices)
      .def_readonly("days_beyond_terms", &payment_behaviour::days_beyond_terms)
      .def_readonly("share_paid_on_time", &payment_behaviour::share_paid_on_time)
      .def_readonly("max_dunning_level", &payment_behaviour::max_dunning_level)
      .def_readonly("collection", &payment_behaviour::collection)
      .def_readonly("broken_promises", &payment_behaviour::broken_promises)
      .def_readonly("broken_plans", &payment_behaviour::broken_plans)
      .def_readonly("disputes", &payment_behaviour::disputes)
      .def_readonly("cheque_payments", &payment_behaviour::cheque_payments)
      .def_readonly("dso", &payment_behaviour::dso, "Days sales outstanding at the date (None without sales in 90 days).")
      .def_readonly("dso_previous", &payment_behaviour::dso_previous, "DSO 90 days before the date.")
      .def_readonly("dso_trend", &payment_behaviour::dso_trend, "dso - dso_previous (> 0 pays slower).")
      .def("__repr__", [](const payment_behaviour& b) {
        return "PaymentBehaviour(" + std::to_string(b.invoices) + " invoices, days_beyond_terms " +
               repr_double(b.days_beyond_terms) + ", share_paid_on_time " + repr_double(b.share_paid_on_time) + ")";
      });

  py::class_<grade_band>(m, "GradeBand", "One risk grade of a recommendation policy.")
      .def_readonly("grade", &grade_band::grade)
      .def_readonly("max_pd", &grade_band::max_pd)
      .def_readonly("terms", &grade_band::terms)
      .def_readonly("discount_terms", &grade_band::discount_terms)
      .def_readonly("tnw_share", &grade_band::tnw_share)
      .def_readonly("purchases_share", &grade_band::purchases_share)
      .def_readonly("methods", &grade_band::methods)
      .def("__repr__", [](const grade_band& g) { return "GradeBand('" + g.grade + "', max_pd " + repr_double(g.max_pd) + ")"; });
  const auto parse_policy = [](const std::string& text) { return unwrap(parse_recommendation_policy_json(text)); };
  py::class_<recommendation_policy>(m, "RecommendationPolicy",
                                    "Grades by PD, with terms, methods and limit shares per grade: data\n"
                                    "(kreditor.recommendation_policy/1 JSON). RecommendationPolicy.default() is kreditor's suggestion.")
      .def_static("default", &default_policy, "kreditor's suggested policy for the Ohlson PD (see recommend.hpp).")
      .def_static("from_json", parse_policy, py::arg("text"), "Reads and validates the policy; errors name the field.")
      .def("to_json", [](const recommendation_policy& p) { return to_json(p); })
      .def_readonly("name", &recommendation_policy::name)
      .def_readonly("grades", &recommendation_policy::grades)
      .def_readonly("unrated_grade", &recommendation_policy::unrated_grade)
      .def_readonly("cash_terms", &recommendation_policy::cash_terms)
      .def_readonly("lgd", &recommendation_policy::lgd)
      .def_readonly("pd_floor", &recommendation_policy::pd_floor)
      .def_readonly("el_budget_share", &recommendation_policy::el_budget_share)
      .def_readonly("limit_unit", &recommendation_policy::limit_unit)
      .def(py::self == py::self)  // NOLINT(misc-redundant-expression)
      .def("__repr__", [](const recommendation_policy& p) {
        return "RecommendationPolicy('" + p.name + "', " + std::to_string(p.grades.size()) + " grades)";
      })
      .def(py::pickle([](const recommendation_policy& p) { return to_json(p); }, parse_policy));

  py::class_<reason>(m, "Reason", "Why: a stable machine-readable code and a text for a credit manager.")
      .def_readonly("code", &reason::code)
      .def_readonly("text", &reason::text)
      .def(py::self == py::self)  // NOLINT(misc-redundant-expression)
      .def("__repr__", [](const reason& r) { return "Reason('" + r.code + "')"; });
  py::class_<altman_result>(m, "AltmanResult", "Altman's Z (the variant that fits the firm) and its zone.")
      .def_property_readonly("model", [](const altman_result& a) { return std::string(to_string(a.model)); },
                             "\"z\", \"z_prime\", \"z_double_prime\" or \"em\".")
      .def_readonly("score", &altman_result::score)
      .def_property_readonly("zone", [](const altman_result& a) { return std::string(to_string(a.zone)); },
                             "\"distress\", \"grey\" or \"safe\".");
  py::class_<ohlson_result>(m, "OhlsonResult", "Ohlson's (1980) O-score and its probability.")
      .def_readonly("o", &ohlson_result::o)
      .def_readonly("p", &ohlson_result::p)
      .def_readonly("size", &ohlson_result::size)
      .def_readonly("single_year", &ohlson_result::single_year);
  py::class_<recommendation>(m, "Recommendation",
                             "A grade, PD, terms, payment methods and credit limit, with reasons (`kreditor score`).")
      .def_readonly("grade", &recommendation::grade)
      .def_readonly("pd", &recommendation::pd, "The probability of default (None when unrated).")
      .def_readonly("pd_source", &recommendation::pd_source, "\"model\", \"ohlson_1980\" or \"none\".")
      .def_readonly("altman", &recommendation::altman)
      .def_readonly("ohlson", &recommendation::ohlson)
      .def_readonly("terms", &recommendation::terms, "Canonical terms text (Terms(r.terms) parses it).")
      .def_readonly("discount_offered", &recommendation::discount_offered)
      .def_readonly("discount_annual_cost", &recommendation::discount_annual_cost)
      .def_readonly("methods", &recommendation::methods)
      .def_readonly("limit", &recommendation::limit, "The recommended credit limit.")
      .def_readonly("reasons", &recommendation::reasons)
      .def("__repr__", [](const recommendation& r) {
        return "Recommendation(grade '" + r.grade + "', terms '" + r.terms + "', limit " + to_string(r.limit) + " " +
               std::string(r.limit.currency().code()) + ")";
      });

  const auto make_inputs = [](const financial_statements* s, const std::vector<credit_check>& checks,
                              const payment_behaviour* b, const logistic_model* model,
                              std::optional<money> purchases, std::optional<currency> cur) {
    recommendation_inputs in;
    in.statements = s;
    in.check = latest_check(checks);
    in.behaviour = b;
    in.model = model;
    in.expected_annual_purchases = purchases;
    if (cur) {
      in.currency = *cur;
    } else if (s != nullptr) {
      in.currency = s->currency;
    } else if (purchases) {
      in.currency = purchases->currency();
    } else {
      raise(errc::invalid_argument, "recommend: no currency (give statements, expected_annual_purchases or currency)");
    }
    return in;
  };
  m.def("recommend",
        [make_inputs](const financial_statements* s, const std::vector<credit_check>& checks, const payment_behaviour* b,
                      const logistic_model* model, const recommendation_policy* p, std::optional<money> purchases,
                      std::optional<currency> cur) {
          return recommend(make_inputs(s, checks, b, model, purchases, cur), p != nullptr ? *p : default_policy());
        },
        py::arg("statements") = py::none(), py::arg("checks") = std::vector<credit_check>{},
        py::arg("behaviour") = py::none(), py::arg("model") = py::none(), py::arg("policy") = py::none(),
        py::arg("expected_annual_purchases") = py::none(), py::arg("currency") = py::none(),
        "The recommendation for one customer, as `kreditor score`: the latest of `checks` is used, the PD\n"
        "from `model` over features() when given, else Ohlson's; the policy defaults to\n"
        "RecommendationPolicy.default(). NotFound for a model feature that is absent.");
  m.def("features",
        [make_inputs](const financial_statements* s, const std::vector<credit_check>& checks, const payment_behaviour* b,
                      const recommendation_policy* p) {
          return features(make_inputs(s, checks, b, nullptr, std::nullopt, std::nullopt), p != nullptr ? *p : default_policy());
        },
        py::arg("statements") = py::none(), py::arg("checks") = std::vector<credit_check>{},
        py::arg("behaviour") = py::none(), py::arg("policy") = py::none(),
        "The named features a model may use (current_ratio, altman_z, ohlson_o, days_beyond_terms, ...);\n"
        "undefined ones are absent.");
  m.def("check_alerts",
        [](const std::vector<credit_check>& history, date as_of, const std::string& grade) {
          std::vector<std::pair<std::string, std::string>> out;
          for (const check_alert& a : check_alerts(history, as_of, grade, recheck_policy{}))
            out.emplace_back(std::string(to_string(a.kind)), a.text);
          return out;
        },
        py::arg("checks"), py::arg("as_of"), py::arg("grade"),
        "[(kind, text)]: a check stale for the grade, a score drop, new payment remarks, a status no longer\n"
        "active (the default recheck policy, as `kreditor score` prints them under alerts).");
}

}  // namespace

void bind_scoring(py::module_& m) {
  bind_model(m);
  bind_scorecard(m);
  bind_recommend(m);
}

}  // namespace kreditor::python
