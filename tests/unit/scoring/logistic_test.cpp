// Logistic regression: the cross-check against statsmodels and R (numbers committed by
// tests/data/scoring/make_reference.{py,R}), and the properties that do not need a reference.
#include "kreditor/scoring/logistic.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "support/errors.hpp"

namespace kreditor::scoring {
namespace {

using test_support::thrown_code;

const std::string data_dir = std::string(KREDITOR_SOURCE_DIR) + "/tests/data/scoring/";

std::string slurp(const std::string& path) {
  std::ifstream in(path);
  EXPECT_TRUE(in.good()) << path;
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A numeric CSV with a header: column-major storage.
struct table {
  std::vector<std::string> names;
  std::vector<std::vector<double>> columns;
  [[nodiscard]] const std::vector<double>& col(const std::string& n) const {
    for (std::size_t j = 0; j < names.size(); ++j)
      if (names[j] == n) return columns[j];
    throw std::runtime_error("no column " + n);
  }
};

table read_csv(const std::string& path) {
  std::istringstream in(slurp(path));
  table t;
  std::string line;
  std::getline(in, line);
  std::stringstream h(line);
  for (std::string cell; std::getline(h, cell, ',');) {
    if (cell.size() >= 2 && cell.front() == '"') cell = cell.substr(1, cell.size() - 2);
    t.names.push_back(cell);
  }
  t.columns.resize(t.names.size());
  while (std::getline(in, line)) {
    std::stringstream r(line);
    std::size_t j = 0;
    for (std::string cell; std::getline(r, cell, ','); ++j) {
      char* end = nullptr;
      const double v = std::strtod(cell.c_str(), &end);
      t.columns.at(j).push_back(end != cell.c_str() && *end == '\0' ? v : std::nan(""));  // text: NaN
    }
  }
  return t;
}

// The design of an encoded reference CSV: `bad` is y, `w` (if any) the weights, the rest predictors.
struct owned_design {
  std::vector<double> x, y, w;
  design d;
};
owned_design load_design(const std::string& file, bool weighted) {
  const table t = read_csv(data_dir + file);
  owned_design o;
  o.y = t.col("bad");
  std::vector<std::string> names;
  for (std::size_t j = 0; j < t.names.size(); ++j) {
    if (t.names[j] == "bad" || t.names[j] == "w") continue;
    names.push_back(t.names[j]);
    o.x.insert(o.x.end(), t.columns[j].begin(), t.columns[j].end());
  }
  if (weighted) o.w = t.col("w");
  o.d = design{.x = o.x, .rows = o.y.size(), .cols = names.size(), .y = o.y, .weights = o.w, .names = names};
  return o;
}

double rel(double a, double b) { return std::abs(a - b) / std::max(std::abs(b), 1e-300); }

struct reference_case {
  const char* fit;
  const char* file;
  bool weighted;
};

class CrossCheck : public ::testing::TestWithParam<reference_case> {};

// kreditor == statsmodels == R to 1e-8 relative on every coefficient (the bar), and the
// log-likelihood to 1e-10. Standard errors to 1e-6: R's come from the weights of the iteration
// BEFORE the last (statsmodels and kreditor evaluate them at the estimate); the two references
// differ from each other by up to 4e-8 on credit_data.
TEST_P(CrossCheck, CoefficientsEqualStatsmodelsAndRToOneInAHundredMillion) {
  const auto& c = GetParam();
  const owned_design o = load_design(c.file, c.weighted);
  const logistic_fit f = fit_logistic(o.d);
  ASSERT_TRUE(f.converged);
  for (const char* ref_file : {"reference_statsmodels.json", "reference_r.json"}) {
    SCOPED_TRACE(ref_file);
    const auto ref = nlohmann::json::parse(slurp(data_dir + ref_file))["fits"][c.fit];
    ASSERT_EQ(ref["coefficients"].size(), f.model.names.size());
    double worst = 0;
    for (std::size_t j = 0; j < f.model.names.size(); ++j) {
      const std::string& name = f.model.names[j];
      const double b = ref["coefficients"][name].get<double>();
      EXPECT_LE(rel(f.model.coefficients[j], b), 1e-8) << name << ": " << f.model.coefficients[j] << " vs " << b;
      EXPECT_LE(rel(f.std_errors[j], ref["std_errors"][name].get<double>()), 1e-6) << name;
      worst = std::max(worst, rel(f.model.coefficients[j], b));
    }
    EXPECT_LE(rel(f.log_likelihood, ref["log_likelihood"].get<double>()), 1e-10);
    RecordProperty(std::string(c.fit) + "_" + ref_file + "_max_rel_coef", std::to_string(worst));
    std::printf("[ cross-check ] %s vs %s: max relative coefficient difference %.3g\n", c.fit, ref_file, worst);
  }
}

INSTANTIATE_TEST_SUITE_P(GermanCreditAndCreditData, CrossCheck,
                         ::testing::Values(reference_case{"german_credit", "german_credit_encoded.csv", false},
                                           reference_case{"credit_data", "credit_data_encoded.csv", false},
                                           reference_case{"credit_data_weighted", "credit_data_encoded.csv", true}));

TEST(Logistic, GermanCreditHas49CoefficientsInteceptFirst) {
  const owned_design o = load_design("german_credit_encoded.csv", false);
  EXPECT_EQ(o.d.rows, 1000U);
  EXPECT_EQ(o.d.cols, 48U);
  const logistic_fit f = fit_logistic(o.d);
  EXPECT_EQ(f.model.names.front(), "(Intercept)");
  EXPECT_EQ(f.model.coefficients.size(), 49U);
  EXPECT_LT(f.max_abs_gradient, 1e-6);
  EXPECT_LT(f.iterations, 12);
  EXPECT_GT(f.log_likelihood, f.null_log_likelihood);  // the predictors explain something
}

// Integer frequency weights are the same as repeating rows: an exact property, no reference needed.
TEST(Logistic, FrequencyWeightsEqualRepeatedRows) {
  const std::vector<double> x = {0.5, 1.5, -0.3, 2.0, 0.1, -1.2, 0.7, 1.1};
  const std::vector<double> y = {0, 1, 0, 1, 1, 0, 0, 1};
  const std::vector<double> w = {1, 3, 2, 1, 1, 2, 1, 1};
  std::vector<double> xr, yr;
  for (std::size_t i = 0; i < x.size(); ++i)
    for (int k = 0; k < static_cast<int>(w[i]); ++k) {
      xr.push_back(x[i]);
      yr.push_back(y[i]);
    }
  const auto a = fit_logistic({.x = x, .rows = 8, .cols = 1, .y = y, .weights = w, .names = {"x"}});
  const auto b = fit_logistic({.x = xr, .rows = yr.size(), .cols = 1, .y = yr, .weights = {}, .names = {"x"}});
  for (std::size_t j = 0; j < 2; ++j) {
    EXPECT_NEAR(a.model.coefficients[j], b.model.coefficients[j], 1e-12);
    EXPECT_NEAR(a.std_errors[j], b.std_errors[j], 1e-12);
  }
  EXPECT_NEAR(a.log_likelihood, b.log_likelihood, 1e-12);
  EXPECT_EQ(a.weight_sum, 12.0);
}

// Under a ridge penalty the optimum solves X'(y - p) = l2 b (intercept unpenalised), checked here
// with the model's own predictions, independently of the solver's gradient.
TEST(Logistic, RidgeSolutionSatisfiesPenalisedScoreEquations) {
  const owned_design o = load_design("german_credit_encoded.csv", false);
  const double l2 = 5.0;
  const logistic_fit f = fit_logistic(o.d, {.l2 = l2});
  ASSERT_TRUE(f.converged);
  std::vector<double> p(o.d.rows);
  predict_probabilities(f.model, o.d.x, o.d.rows, p);
  double s0 = 0;
  for (std::size_t i = 0; i < o.d.rows; ++i) s0 += o.y[i] - p[i];
  EXPECT_NEAR(s0, 0.0, 1e-8);
  for (std::size_t j = 0; j < o.d.cols; ++j) {
    double s = 0;
    for (std::size_t i = 0; i < o.d.rows; ++i) s += o.d.x[j * o.d.rows + i] * (o.y[i] - p[i]);
    EXPECT_NEAR(s, l2 * f.model.coefficients[j + 1], 1e-6 * (1 + std::abs(s))) << o.d.names[j];
  }
  // The penalty shrinks: the norm of the slopes is below the unpenalised fit's.
  const logistic_fit u = fit_logistic(o.d);
  double nf = 0, nu = 0;
  for (std::size_t j = 1; j < f.model.coefficients.size(); ++j) {
    nf += f.model.coefficients[j] * f.model.coefficients[j];
    nu += u.model.coefficients[j] * u.model.coefficients[j];
  }
  EXPECT_LT(nf, nu);
}

TEST(Logistic, SameBitsForAnyThreadCount) {
  // 20 000 rows: five chunks, so the threads really split the work.
  std::vector<double> x, y;
  const std::size_t n = 20'000;
  x.resize(3 * n);
  y.resize(n);
  std::uint64_t s = 12345;
  const auto u = [&] {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(s >> 11) / 9007199254740992.0;
  };
  for (std::size_t i = 0; i < n; ++i) {
    double eta = -1.0;
    for (std::size_t j = 0; j < 3; ++j) {
      x[j * n + i] = u() * 2 - 1;
      eta += (static_cast<double>(j) - 1.0) * x[j * n + i];
    }
    y[i] = u() < 1 / (1 + std::exp(-eta)) ? 1 : 0;
  }
  const design d{.x = x, .rows = n, .cols = 3, .y = y};
  const auto a = fit_logistic(d, {.threads = 1});
  const auto b = fit_logistic(d, {.threads = 2});
  const auto c = fit_logistic(d, {.threads = 3});
  EXPECT_EQ(a.model.coefficients, b.model.coefficients);
  EXPECT_EQ(a.model.coefficients, c.model.coefficients);
  EXPECT_EQ(a.std_errors, b.std_errors);
  EXPECT_EQ(a.log_likelihood, c.log_likelihood);
}

TEST(Logistic, AllZeroColumnIsANamedError) {
  // caret's German Credit as published keeps Purpose.Vacation, which is zero in every row.
  const table t = read_csv(data_dir + "german_credit_caret.csv");
  std::vector<double> x = t.col("Duration");
  const auto& vac = t.col("Purpose.Vacation");
  x.insert(x.end(), vac.begin(), vac.end());
  std::vector<double> y;
  for (std::size_t i = 0; i < 1000; ++i) y.push_back(t.col("Duration")[i] > 24 ? 1 : 0);
  const design d{.x = x, .rows = 1000, .cols = 2, .y = y, .names = {"Duration", "Purpose.Vacation"}};
  try {
    (void)fit_logistic(d);
    FAIL() << "no error";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::invalid_argument);
    EXPECT_NE(std::string(e.what()).find("'Purpose.Vacation' is zero"), std::string::npos) << e.what();
  }
}

TEST(Logistic, CollinearColumnIsNamedAndRidgeFitsIt) {
  // All levels of a dummy-coded factor plus the intercept: the last level is aliased, as R says.
  std::vector<double> x = {1, 0, 0, 1, 0, 1, 0, 0, /**/ 0, 1, 1, 0, 1, 0, 1, 1};
  std::vector<double> y = {0, 1, 0, 1, 1, 0, 0, 1};
  const design d{.x = x, .rows = 8, .cols = 2, .y = y, .names = {"level.a", "level.b"}};
  try {
    (void)fit_logistic(d);
    FAIL() << "no error";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::invalid_argument);
    EXPECT_NE(std::string(e.what()).find("'level.b' is collinear"), std::string::npos) << e.what();
  }
  const auto f = fit_logistic(d, {.l2 = 1.0});
  EXPECT_TRUE(f.converged);
  for (double b : f.model.coefficients) EXPECT_TRUE(std::isfinite(b));
}

TEST(Logistic, SeparationIsANamedErrorNeverNaN) {
  const std::vector<double> x = {1, 2, 3, 4, 5, 6};
  const std::vector<double> y = {0, 0, 0, 1, 1, 1};
  const design d{.x = x, .rows = 6, .cols = 1, .y = y, .names = {"days_late"}};
  try {
    (void)fit_logistic(d);
    FAIL() << "no error";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::out_of_range);
    EXPECT_NE(std::string(e.what()).find("separated"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("'days_late'"), std::string::npos) << e.what();
  }
  const auto f = fit_logistic(d, {.l2 = 0.1});  // the penalty gives the fit a maximum
  EXPECT_TRUE(f.converged);
  EXPECT_GT(f.model.coefficients[1], 0);
}

TEST(Logistic, BadInputsAreNamed) {
  const std::vector<double> x = {1, 2, 3};
  const std::vector<double> y2 = {0, 2, 1};
  EXPECT_EQ(thrown_code([&] { (void)fit_logistic({.x = x, .rows = 3, .cols = 1, .y = y2}); }), errc::invalid_argument);
  const std::vector<double> y = {0, 1, 1};
  const std::vector<double> wneg = {1, -1, 1};
  EXPECT_EQ(thrown_code([&] { (void)fit_logistic({.x = x, .rows = 3, .cols = 1, .y = y, .weights = wneg}); }),
            errc::invalid_argument);
  const std::vector<double> xnan = {1, std::nan(""), 3};
  EXPECT_EQ(thrown_code([&] { (void)fit_logistic({.x = xnan, .rows = 3, .cols = 1, .y = y}); }),
            errc::invalid_argument);
  EXPECT_EQ(thrown_code([&] { (void)fit_logistic({.x = x, .rows = 3, .cols = 1, .y = y}, {.l2 = -1}); }),
            errc::invalid_argument);
}

TEST(Logistic, BatchPredictionEqualsScalar) {
  const owned_design o = load_design("credit_data_encoded.csv", false);
  const logistic_fit f = fit_logistic(o.d);
  std::vector<double> p(o.d.rows);
  predict_probabilities(f.model, o.d.x, o.d.rows, p);
  for (std::size_t i = 0; i < o.d.rows; i += 97) {
    std::vector<double> row;
    for (std::size_t j = 0; j < o.d.cols; ++j) row.push_back(o.d.x[j * o.d.rows + i]);
    EXPECT_EQ(p[i], f.model.probability(row)) << i;
  }
}

// A NaN or infinite predictor gives no probability: refused by the scalar and the batch path
// alike, naming the row and the predictor (the bindings used to check it themselves).
TEST(Logistic, ANonFinitePredictorIsRefusedNotScoredAsNaN) {
  const logistic_model m{.names = {"(Intercept)", "duration", "amount"}, .coefficients = {-1.0, 0.02, 0.0001},
                         .intercept = true};
  const std::vector<double> ok = {12, 5000};
  EXPECT_TRUE(std::isfinite(m.probability(ok)));
  for (const double bad : {std::nan(""), std::numeric_limits<double>::infinity()}) {
    const std::vector<double> row = {12, bad};
    try {
      (void)m.probability(row);
      ADD_FAILURE() << "scored " << bad;
    } catch (const error& e) {
      EXPECT_EQ(e.code(), errc::invalid_argument);
      EXPECT_NE(std::string(e.what()).find("predictor 1 ('amount') is"), std::string::npos) << e.what();
    }
    // Column-major: 4 rows, the bad value in row 2 of the first column.
    const std::vector<double> x = {1, 2, bad, 4, 10, 20, 30, 40};
    std::vector<double> out(4);
    try {
      predict_probabilities(m, x, 4, out);
      ADD_FAILURE() << "batch scored " << bad;
    } catch (const error& e) {
      EXPECT_NE(std::string(e.what()).find("row 2, predictor 0 ('duration') is"), std::string::npos) << e.what();
    }
  }
}

// A one-class target has no maximum either (the intercept runs off): never a "converged" fit,
// whatever shortcut the solver takes near an optimum.
TEST(Logistic, AOneClassTargetIsANamedErrorNotAConvergedFit) {
  const std::vector<double> x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  const std::vector<double> y(10, 1.0);
  const design d{.x = x, .rows = 10, .cols = 1, .y = y, .names = {"amount"}};
  for (const int max_iterations : {50, 2000}) {
    SCOPED_TRACE(max_iterations);
    EXPECT_EQ(thrown_code([&] { (void)fit_logistic(d, {.max_iterations = max_iterations}); }), errc::out_of_range);
  }
}

// Under l2 > 0 a singular information matrix is not cured by "fit with l2 > 0": the message names
// the column and the real cause.
TEST(LogisticSingular, UnderRidgeAOneClassTargetNamesTheUnpenalisedIntercept) {
  const std::vector<double> x = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  const std::vector<double> y(10, 0.0);  // nobody defaulted: the intercept runs to minus infinity
  const design d{.x = x, .rows = 10, .cols = 1, .y = y, .names = {"amount"}};
  try {
    (void)fit_logistic(d, {.l2 = 1.0, .max_iterations = 2000});
    FAIL() << "no error";
  } catch (const error& e) {
    const std::string m = e.what();
    EXPECT_EQ(e.code(), errc::invalid_argument);
    EXPECT_NE(m.find("although l2 > 0: column '(Intercept)' is not determined"), std::string::npos) << m;
    EXPECT_NE(m.find("the intercept is not penalised"), std::string::npos) << m;
    EXPECT_EQ(m.find("fit with l2 > 0"), std::string::npos) << m;
  }
}

TEST(LogisticSingular, UnderATinyRidgeADuplicateColumnIsNamedWithTheL2ItNeeds) {
  std::vector<double> x;
  std::vector<double> y;
  for (int c = 0; c < 2; ++c)  // 'amount' twice: the second copy is not determined
    for (int i = 0; i < 40; ++i) x.push_back(std::sin(i * 1.3) * 1000);
  for (int i = 0; i < 40; ++i) x.push_back(std::cos(i * 0.7));
  for (int i = 0; i < 40; ++i) y.push_back((i * 7) % 3 == 0 ? 1 : 0);
  const design d{.x = x, .rows = 40, .cols = 3, .y = y, .names = {"amount", "amount_copy", "tenure"}};
  try {
    (void)fit_logistic(d, {.l2 = 1e-30});
    FAIL() << "no error";
  } catch (const error& e) {
    const std::string m = e.what();
    EXPECT_EQ(e.code(), errc::invalid_argument);
    EXPECT_NE(m.find("column 'amount_copy' is not determined by the data"), std::string::npos) << m;
    EXPECT_NE(m.find("l2 = 1e-30 is too small"), std::string::npos) << m;
    EXPECT_NE(m.find("use l2 >= "), std::string::npos) << m;
    EXPECT_EQ(m.find("fit with l2 > 0"), std::string::npos) << m;
  }
  // The l2 the message asks for does fit it.
  const auto f = fit_logistic(d, {.l2 = 1.0});
  EXPECT_TRUE(f.converged);
  EXPECT_NEAR(f.model.coefficients[1], f.model.coefficients[2], 1e-9 * std::abs(f.model.coefficients[1]))
      << "the ridge splits a duplicate evenly";
}

}  // namespace
}  // namespace kreditor::scoring
