// -----------------------------------------------------------------------------
// File: kreditor/scoring/logistic.hpp
// -----------------------------------------------------------------------------
//
// Binary logistic regression by Newton-Raphson (= IRLS for the canonical logit link), on Eigen
// in src/scoring/ (no Eigen type appears here). Optional ridge penalty and sample weights;
// standard errors, log-likelihood and convergence diagnostics. Deterministic: the rows are
// summed in fixed chunks of 4096 rows, each chunk's X'WX, score and log-likelihood into its own
// slot, and the slots are added in chunk order, so the result is bit-identical for any thread
// count. X'WX is summed by one kernel (src/scoring/gram.hpp) in one documented order on every
// CPU: its AVX2 path (chosen at run time; the library is built for plain x86-64) gives the same
// bits as the portable one.
//
//   design d{.x = columns, .rows = n, .cols = p, .y = bad, .names = names};
//   logistic_fit f = fit_logistic(d);           // intercept "(Intercept)" first, as R's glm
//   double pd = f.model.probability(row);
//
// The model: P(y = 1 | x) = 1 / (1 + exp(-(b0 + x'b))). Maximised: sum_i w_i l_i(b) - l2/2 |b|^2,
// where l_i is the Bernoulli log-likelihood and the intercept is NOT penalised.
//
// What cannot be estimated is an error, never a NaN:
// * a constant-zero column, or columns that are linear combinations of earlier columns (the
//   intercept counts as the first column) when l2 == 0: error(invalid_argument) naming the
//   aliased columns ("logistic: column 'Purpose.Vacation' is collinear with earlier columns");
//   R's glm would report NA for them. Drop them, or fit with l2 > 0 (then the fit is defined).
// * the information matrix turning singular during the fit: error(invalid_argument) naming the
//   columns not determined at the current weights. Under l2 > 0 there are only two ways there,
//   and the message says which: the unpenalised intercept with every fitted probability
//   numerically 0 or 1 (a one-class target or separated data: drop the intercept or the
//   separating column), or an l2 too small to matter beside the columns' scale (it names the
//   l2 needed, 1e-10 x the largest diagonal of X'WX, or says to standardise the columns).
// * complete or quasi-complete separation when l2 == 0 (the likelihood has no maximum: some
//   fitted probabilities run to 0 or 1 and a coefficient to infinity): error(out_of_range)
//   naming the diverging column. statsmodels raises PerfectSeparationError only for complete
//   separation; R's glm only warns ("fitted probabilities numerically 0 or 1 occurred").
// * non-finite x, y not 0/1, negative or non-finite weights, all weights zero, fewer rows with
//   positive weight than coefficients: error(invalid_argument) naming the row and column.
// Not converging within max_iterations for another reason is reported (converged == false).
#ifndef KREDITOR_SCORING_LOGISTIC_HPP
#define KREDITOR_SCORING_LOGISTIC_HPP

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "kreditor/config.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace scoring {

/// The name R and kreditor give the intercept.
inline constexpr const char* intercept_name = "(Intercept)";

/// A column-major design: column j of the predictors is x[j * rows, (j + 1) * rows).
struct design {
  std::span<const double> x{};     ///< rows x cols, column-major (no intercept column)
  std::size_t rows = 0;  ///< number of rows (customers)
  std::size_t cols = 0;  ///< number of predictors
  std::span<const double> y{};     ///< 0 or 1 per row
  std::span<const double> weights{}; ///< empty: all 1; otherwise >= 0 per row (frequency weights)
  std::vector<std::string> names{};  ///< cols names (empty: x1, x2, ...)
};

/// How fit_logistic fits: penalty, iterations and tolerance.
struct logistic_options {
  bool intercept = true;  ///< fit an intercept
  double l2 = 0;               ///< ridge penalty (>= 0) on every coefficient except the intercept
  int max_iterations = 50;  ///< Newton steps at most
  /// Near the optimum (Newton decrement <= 1e-2 in Newton's quadratic regime) the steps reuse the
  /// last factor of X'WX (chord steps: a pass over the rows without the Gram kernel); X'WX is
  /// computed again at the estimate for the standard errors.
  /// Converged when the relative change of the objective is below tolerance AND either the
  /// largest Newton step |db_j| <= tolerance x (1 + |b_j|), or the step was <= sqrt(tolerance)
  /// x (1 + |b_j|) and the quadratic convergence seen over the last two full steps predicts the
  /// next Newton decrement sqrt(g' H^-1 g) (a distance to the optimum that does not depend on the
  /// columns' units) below tolerance / 10: then the confirming iteration is not taken. Either
  /// way the coefficients are within ~tolerance^2 (in that metric) of the optimum.
  double tolerance = 1e-10;
  unsigned threads = 1;        ///< worker threads (1..64); results do not depend on it
};

/// A fitted (or loaded) logistic model: names and coefficients, intercept first if present.
struct logistic_model {
  std::vector<std::string> names;   ///< "(Intercept)" first when intercept is true
  std::vector<double> coefficients; ///< same order as names
  bool intercept = true;  ///< `names` and `coefficients` start with the intercept

  /// Number of predictors (coefficients without the intercept).
  [[nodiscard]] std::size_t predictors() const noexcept {
    return coefficients.size() - (intercept ? 1 : 0);
  }
  /// b0 + x'b for one customer's predictors in model order (x.size() == predictors()).
  /// \throws error(invalid_argument) for a wrong size or a value that is NaN or infinite.
  [[nodiscard]] double linear_predictor(std::span<const double> x) const;
  /// P(y = 1 | x), computed without overflow for any finite linear predictor.
  [[nodiscard]] double probability(std::span<const double> x) const;

  /// Memberwise equality.
  friend bool operator==(const logistic_model&, const logistic_model&) = default;
};

/// A fitted model with the fit's statistics.
struct logistic_fit {
  logistic_model model;  ///< the fitted model
  std::vector<double> std_errors;   ///< sqrt(diag((X'WX + l2 I*)^-1)) at the estimate (naive under l2 > 0)
  double log_likelihood = 0;        ///< sum_i w_i l_i at the estimate (without the penalty)
  double penalised_objective = 0;   ///< log_likelihood - l2/2 |b|^2 (== log_likelihood when l2 == 0)
  double deviance = 0;              ///< -2 log_likelihood (0/1 data: the saturated model has 0)
  double null_log_likelihood = 0;   ///< intercept-only (or p = 1/2 without intercept) log-likelihood
  int iterations = 0;               ///< Newton steps taken (near the optimum: chord steps reusing the last X'WX)
  bool converged = false;  ///< the tolerance was met within max_iterations
  double max_abs_gradient = 0;      ///< largest |score| component at the estimate
  double weight_sum = 0;            ///< sum of weights (the number of rows when unweighted)
  std::vector<double> objective_trace;  ///< penalised objective after each iteration (diagnostics)
};

/// Fits the model. See the file comment for the errors.
[[nodiscard]] logistic_fit fit_logistic(const design& d, const logistic_options& o = {});

/// P(y = 1) for every row of a column-major batch (rows x model.predictors()), into `out`
/// (size rows). Shares its kernel with probability(). \throws error(invalid_argument) for sizes,
/// or a value that is NaN or infinite (naming its row and predictor).
void predict_probabilities(const logistic_model& m, std::span<const double> x, std::size_t rows,
                           std::span<double> out);

}  // namespace scoring
KREDITOR_NAMESPACE_END

#endif  // KREDITOR_SCORING_LOGISTIC_HPP
