// Logistic regression by Newton-Raphson on Eigen. See kreditor/scoring/logistic.hpp.
//
// Layout of the work: the rows are cut into fixed chunks of `chunk_rows`; each chunk's
// contribution (log-likelihood, score vector, lower triangle of X'VX) is computed independently
// (by any thread) into its own slot, and the slots are added in chunk order. The chunking does
// not depend on the thread count, so neither does any bit of the result.
#include "kreditor/scoring/logistic.hpp"

#include <Eigen/Cholesky>
#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <optional>
#include <string>
#include <thread>

#include "kreditor/core/errc.hpp"
#include "scoring/gram.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace scoring {
namespace {

using mat = Eigen::MatrixXd;
using vec = Eigen::VectorXd;

constexpr std::size_t chunk_rows = 4096;
// A fitted |linear predictor| above this (P < 2e-9 or > 1 - 2e-9) at a non-converged fit is
// taken as separation.
constexpr double separation_eta = 20.0;
// A Newton decrement below this switches to chord steps (the last X'WX factor reused).
constexpr double chord_decrement = 1e-2;
// Scaled Gram pivots below this (relative to the column's own squared norm) mean aliasing.
constexpr double alias_tolerance = 1e-10;

double sigmoid(double z) noexcept {
  if (z >= 0) return 1.0 / (1.0 + std::exp(-z));
  const double e = std::exp(z);
  return e / (1.0 + e);
}

std::string column_name(const design& d, std::size_t j) {
  if (j < d.names.size()) return d.names[j];
  std::string name = "x";  // appended, not "x" + ...: GCC 12's -Wrestrict false positive at -O3
  name += std::to_string(j + 1);
  return name;
}

struct evaluation {
  double ll = 0;     // sum w l_i
  vec g;             // score: Z'(w (y - p))
  mat h;             // Z' diag(w p (1 - p)) Z, full symmetric (empty when not asked for)
  double max_eta = 0;
  bool has_h = false;
};

struct chunk_result {
  double ll = 0;
  vec g;
  mat h;  // lower triangle
  double max_eta = 0;
};

class problem {
 public:
  problem(const design& d, const logistic_options& o)
      : d_(d), icpt_(o.intercept), q_(d.cols + (o.intercept ? 1 : 0)),
        chunks_((d.rows + chunk_rows - 1) / chunk_rows), threads_(std::max(1U, o.threads)) {}

  [[nodiscard]] std::size_t params() const noexcept { return q_; }

  /// ll, score and (when `hessian`) X'WX at beta. Without the Hessian a chunk costs about two
  /// passes over its rows instead of q / 2 + 2.
  [[nodiscard]] evaluation evaluate(const vec& beta, bool hessian = true) const {
    // Buffers live as long as the problem: no allocation (and no page faults) per iteration.
    std::vector<chunk_result>& parts = parts_;
    parts.resize(chunks_);
    workspaces_.resize(threads_);
    const auto work = [&](std::size_t first) {
      workspace& ws = workspaces_[first];
      for (std::size_t c = first; c < chunks_; c += threads_) chunk(c, beta, hessian, ws, parts[c]);
    };
    const std::size_t n_threads = std::min<std::size_t>(threads_, chunks_);
    if (n_threads <= 1) {
      work(0);
    } else {
      std::vector<std::thread> pool;
      pool.reserve(n_threads - 1);
      for (std::size_t t = 1; t < n_threads; ++t) pool.emplace_back(work, t);
      work(0);
      for (auto& t : pool) t.join();
    }
    evaluation e;
    e.g = vec::Zero(static_cast<Eigen::Index>(q_));
    if (hessian) e.h = mat::Zero(static_cast<Eigen::Index>(q_), static_cast<Eigen::Index>(q_));
    for (std::size_t c = 0; c < chunks_; ++c) {  // fixed order: deterministic
      const chunk_result& p = parts[c];
      e.ll += p.ll;
      e.g += p.g;
      if (hessian) e.h += p.h;
      e.max_eta = std::max(e.max_eta, p.max_eta);
    }
    if (hessian) e.h.triangularView<Eigen::StrictlyUpper>() = e.h.transpose();
    e.has_h = hessian;
    return e;
  }

 private:
  struct workspace {
    mat z;
    vec eta, resid, sqrt_v;
  };

  // One chunk's log-likelihood, score and lower triangle of Z'VZ, in three passes over its rows:
  // the linear predictor column by column (no copy of the design), then per row the probability,
  // weight and log-likelihood term from ONE exp and one log1p, then sqrt(v) Z into the workspace
  // for the Gram kernel (gram.hpp; the same bits on every CPU).
  void chunk(std::size_t c, const vec& beta, bool hessian, workspace& ws, chunk_result& r) const {
    const std::size_t r0 = c * chunk_rows;
    const std::size_t len = std::min(chunk_rows, d_.rows - r0);
    const auto n = static_cast<Eigen::Index>(len);
    const auto q = static_cast<Eigen::Index>(q_);
    const std::size_t off = icpt_ ? 1 : 0;
    ws.eta.resize(n);
    ws.resid.resize(n);
    ws.sqrt_v.resize(n);
    ws.z.resize(n, q);
    double* eta = ws.eta.data();
    std::fill(eta, eta + len, icpt_ ? beta[0] : 0.0);
    for (std::size_t j = 0; j < d_.cols; ++j) {
      const double b = beta[static_cast<Eigen::Index>(j + off)];
      const double* col = d_.x.data() + j * d_.rows + r0;
      for (std::size_t i = 0; i < len; ++i) eta[i] += b * col[i];
    }
    double ll = 0;
    double max_eta = 0;
    for (std::size_t i = 0; i < len; ++i) {
      const std::size_t row = r0 + i;
      const double w = d_.weights.empty() ? 1.0 : d_.weights[row];
      const double y = d_.y[row];
      const double e = eta[i];
      // t = exp(-|e|): p = 1/(1+t) (e >= 0) or t/(1+t); p(1-p) = t/(1+t)^2;
      // log(1 + exp(e)) = max(e, 0) + log1p(t). No overflow for any finite e.
      const double t = std::exp(-std::abs(e));
      const double u = 1.0 / (1.0 + t);
      const double p = e >= 0 ? u : t * u;
      const double not_p = e >= 0 ? t * u : u;  // 1 - p without cancellation: the score of a
      // fitted probability near 1 stays positive (never exactly 0 while X'WX is not), so a run-off
      // coefficient is seen as one instead of stopping at a false optimum
      ll += w == 0 ? 0.0 : w * (y * e - (std::max(e, 0.0) + std::log1p(t)));
      ws.resid[static_cast<Eigen::Index>(i)] = w * (y == 1.0 ? not_p : -p);  // w (y - p), y is 0 or 1
      ws.sqrt_v[static_cast<Eigen::Index>(i)] = std::sqrt(w * t) * u;
      if (w > 0) max_eta = std::max(max_eta, std::abs(e));
    }
    r.ll = ll;
    r.max_eta = max_eta;
    const Eigen::Map<const mat, 0, Eigen::OuterStride<>> x(d_.x.data() + r0, n,
                                                            static_cast<Eigen::Index>(d_.cols),
                                                            Eigen::OuterStride<>(static_cast<Eigen::Index>(d_.rows)));
    r.g.resize(q);
    if (icpt_) r.g[0] = ws.resid.sum();
    r.g.tail(static_cast<Eigen::Index>(d_.cols)).noalias() = x.transpose() * ws.resid;
    if (!hessian) return;
    double* z = ws.z.data();
    const double* sv = ws.sqrt_v.data();
    if (icpt_) std::copy(sv, sv + len, z);
    for (std::size_t j = 0; j < d_.cols; ++j) {
      const double* col = d_.x.data() + j * d_.rows + r0;
      double* out = z + (j + off) * len;
      for (std::size_t i = 0; i < len; ++i) out[i] = sv[i] * col[i];
    }
    r.h.setZero(q, q);
    gram_(z, len, len, q_, r.h.data());
  }

  const design& d_;
  bool icpt_;
  std::size_t q_;
  std::size_t chunks_;
  std::size_t threads_;
  detail::gram_kernel gram_ = detail::best_gram_kernel();
  mutable std::vector<chunk_result> parts_;
  mutable std::vector<workspace> workspaces_;
};

void validate_input(const design& d, const logistic_options& o) {
  if (d.x.size() != d.rows * d.cols)
    throw error(errc::invalid_argument, "logistic: x has " + std::to_string(d.x.size()) +
                                            " values, expected rows x cols = " + std::to_string(d.rows * d.cols));
  if (d.y.size() != d.rows)
    throw error(errc::invalid_argument, "logistic: y has " + std::to_string(d.y.size()) + " values, expected " +
                                            std::to_string(d.rows));
  if (!d.weights.empty() && d.weights.size() != d.rows)
    throw error(errc::invalid_argument, "logistic: weights has " + std::to_string(d.weights.size()) +
                                            " values, expected " + std::to_string(d.rows));
  if (!d.names.empty() && d.names.size() != d.cols)
    throw error(errc::invalid_argument, "logistic: " + std::to_string(d.names.size()) + " names for " +
                                            std::to_string(d.cols) + " columns");
  if (!(o.l2 >= 0) || !std::isfinite(o.l2))
    throw error(errc::invalid_argument, "logistic: l2 must be a finite number >= 0");
  if (o.max_iterations < 1 || o.max_iterations > 10'000)
    throw error(errc::invalid_argument, "logistic: max_iterations must be in 1..10000");
  if (!(o.tolerance > 0) || o.tolerance >= 1)
    throw error(errc::invalid_argument, "logistic: tolerance must be in (0, 1)");
  if (o.threads > 64) throw error(errc::invalid_argument, "logistic: threads must be in 1..64");
  std::size_t positive = 0;
  double weight_sum = 0;
  for (std::size_t i = 0; i < d.rows; ++i) {
    if (d.y[i] != 0.0 && d.y[i] != 1.0)
      throw error(errc::invalid_argument, "logistic: row " + std::to_string(i + 1) + ": y must be 0 or 1");
    const double w = d.weights.empty() ? 1.0 : d.weights[i];
    if (!(w >= 0) || !std::isfinite(w))
      throw error(errc::invalid_argument,
                  "logistic: row " + std::to_string(i + 1) + ": weight must be a finite number >= 0");
    if (w > 0) ++positive;
    weight_sum += w;
  }
  for (std::size_t j = 0; j < d.cols; ++j)
    for (std::size_t i = 0; i < d.rows; ++i)
      if (!std::isfinite(d.x[j * d.rows + i]))
        throw error(errc::invalid_argument, "logistic: row " + std::to_string(i + 1) + ", column '" +
                                                column_name(d, j) + "': not a finite number");
  const std::size_t q = d.cols + (o.intercept ? 1 : 0);
  if (q == 0) throw error(errc::invalid_argument, "logistic: no coefficient to fit (no column, no intercept)");
  if (weight_sum <= 0) throw error(errc::invalid_argument, "logistic: every weight is zero");
  if (positive < q)
    throw error(errc::invalid_argument, "logistic: " + std::to_string(positive) +
                                            " rows with positive weight cannot determine " + std::to_string(q) +
                                            " coefficients");
}

std::vector<std::string> model_names(const design& d, bool intercept) {
  std::vector<std::string> names;
  if (intercept) names.emplace_back(intercept_name);
  for (std::size_t j = 0; j < d.cols; ++j) names.push_back(column_name(d, j));
  return names;
}

// The columns that make a symmetric matrix singular, as R finds aliased columns: in column order,
// a column whose part not explained by the columns kept before it is (relatively) zero. `zero`:
// a zero (or negative) diagonal; `aliased`: a scaled residual pivot below alias_tolerance.
struct singular_columns {
  std::vector<std::string> zero;
  std::vector<std::string> aliased;
};

singular_columns find_singular_columns(const mat& h, const std::vector<std::string>& names) {
  const Eigen::Index q = h.rows();
  singular_columns out;
  mat l = mat::Zero(q, q);  // Cholesky factor of the kept columns, scaled to unit diagonal
  std::vector<Eigen::Index> kept;
  vec scale(q);
  for (Eigen::Index k = 0; k < q; ++k) scale[k] = h(k, k) > 0 ? std::sqrt(h(k, k)) : 0.0;
  for (Eigen::Index k = 0; k < q; ++k) {
    const auto name = names[static_cast<std::size_t>(k)];
    if (!(scale[k] > 0)) {
      out.zero.push_back(name);
      continue;
    }
    // Solve L[kept,kept] * u = c[kept] (forward), residual = 1 - |u|^2.
    vec u(static_cast<Eigen::Index>(kept.size()));
    for (std::size_t a = 0; a < kept.size(); ++a) {
      const Eigen::Index ia = kept[a];
      double s = h(k, ia) / (scale[k] * scale[ia]);
      for (std::size_t b = 0; b < a; ++b) s -= l(ia, kept[b]) * u[static_cast<Eigen::Index>(b)];
      u[static_cast<Eigen::Index>(a)] = s / l(ia, ia);
    }
    const double residual = 1.0 - u.squaredNorm();
    if (!(residual >= alias_tolerance)) {
      out.aliased.push_back(name);
      continue;
    }
    for (std::size_t a = 0; a < kept.size(); ++a) l(k, kept[a]) = u[static_cast<Eigen::Index>(a)];
    l(k, k) = std::sqrt(residual);
    kept.push_back(k);
  }
  return out;
}

std::string quoted_list(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& n : v) s += (s.empty() ? "'" : ", '") + n + "'";
  return s;
}

// Aliased columns at the start (X'VX with all V = 1/4 at p = 1/2): an error naming them.
void check_aliasing(const mat& h, const std::vector<std::string>& names) {
  const singular_columns c = find_singular_columns(h, names);
  if (!c.zero.empty())
    throw error(errc::invalid_argument, "logistic: column " + quoted_list(c.zero) +
                                            " is zero in every row with positive weight (cannot be estimated)");
  if (!c.aliased.empty())
    throw error(errc::invalid_argument,
                "logistic: column " + quoted_list(c.aliased) +
                    " is collinear with earlier columns (a linear combination of them, as R's glm reports "
                    "NA); drop it or fit with l2 > 0");
}

// The penalised information matrix X'WX + l2 I* could not be factored (at `when`: "at iteration
// 3", "at the estimate"): an error that names the columns and what to do. Under l2 > 0 the only
// way there is an unpenalised intercept whose weights p(1 - p) all vanished, or an l2 too small
// to matter beside the columns' scale: "fit with l2 > 0" would be no advice.
[[noreturn]] void singular_information(const mat& hp, const std::vector<std::string>& names, double l2,
                                       bool intercept, double max_eta, const std::string& when) {
  const singular_columns c = find_singular_columns(hp, names);
  std::vector<std::string> all = c.zero;
  all.insert(all.end(), c.aliased.begin(), c.aliased.end());
  std::string which = all.empty() ? std::string("the matrix is not positive definite in floating point")
                                  : "column " + quoted_list(all) +
                                        (all.size() > 1 ? " are" : " is") + " not determined by the data";
  if (l2 == 0) {
    throw error(errc::invalid_argument,
                "logistic: the information matrix X'WX is singular " + when + ": " + which +
                    " (numerically collinear with earlier columns at the current weights p(1 - p)); drop " +
                    (all.empty() ? std::string("collinear columns") : (all.size() > 1 ? "them" : "it")) +
                    ", or fit with l2 > 0");
  }
  const bool intercept_named = intercept && !all.empty() && all.front() == intercept_name;
  const double max_diag = hp.diagonal().maxCoeff();
  std::string what;
  if (intercept_named) {
    what = "the intercept is not penalised, and every fitted probability is numerically 0 or 1 (largest "
           "|linear predictor| " + std::to_string(max_eta) +
           "): the data are separated or one-class; remove the intercept (--no-intercept), or drop the "
           "separating column";
  } else {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.3g", l2);
    char big[64];
    std::snprintf(big, sizeof big, "%.3g", max_diag);
    char hint[64];
    std::snprintf(hint, sizeof hint, "%.3g", max_diag * 1e-10);
    what = std::string("l2 = ") + buf + " is too small to matter beside the largest diagonal of X'WX (" + big +
           "); use l2 >= " + hint + ", or rescale (standardise) the columns, or drop the collinear ones";
  }
  throw error(errc::invalid_argument,
              "logistic: the penalised information matrix X'WX + l2 I is singular " + when + " although l2 > 0: " +
                  which + "; " + what);
}

[[noreturn]] void separation(const std::vector<std::string>& names, const vec& last_step, bool intercept) {
  Eigen::Index worst = intercept && last_step.size() > 1 ? 1 : 0;
  for (Eigen::Index j = worst; j < last_step.size(); ++j)
    if (std::abs(last_step[j]) > std::abs(last_step[worst])) worst = j;
  throw error(errc::out_of_range,
              "logistic: the data are (quasi-)completely separated: fitted probabilities reach 0 or 1 and "
              "the coefficient of '" +
                  names[static_cast<std::size_t>(worst)] +
                  "' grows without bound (no maximum likelihood estimate); fit with l2 > 0");
}

}  // namespace

namespace {
/// A predictor value that is NaN or infinite gives no probability, only a NaN one: refused,
/// naming the row (batch) and the predictor.
[[noreturn]] void not_finite(const logistic_model& m, std::size_t j, double v, std::optional<std::size_t> row) {
  const std::size_t off = m.intercept ? 1 : 0;
  const std::string name = j + off < m.names.size() ? " ('" + m.names[j + off] + "')" : "";
  throw error(errc::invalid_argument, "logistic model: " + (row ? "row " + std::to_string(*row) + ", " : std::string()) +
                                          "predictor " + std::to_string(j) + name + " is " +
                                          (std::isnan(v) ? "NaN" : "infinite") + ", not a number");
}
}  // namespace

double logistic_model::linear_predictor(std::span<const double> x) const {
  if (x.size() != predictors())
    throw error(errc::invalid_argument, "logistic model: " + std::to_string(x.size()) + " values for " +
                                            std::to_string(predictors()) + " predictors");
  for (std::size_t j = 0; j < x.size(); ++j)
    if (!std::isfinite(x[j])) not_finite(*this, j, x[j], std::nullopt);
  const std::size_t off = intercept ? 1 : 0;
  double eta = intercept ? coefficients[0] : 0.0;
  for (std::size_t j = 0; j < x.size(); ++j) eta += coefficients[j + off] * x[j];
  return eta;
}

double logistic_model::probability(std::span<const double> x) const { return sigmoid(linear_predictor(x)); }

void predict_probabilities(const logistic_model& m, std::span<const double> x, std::size_t rows,
                           std::span<double> out) {
  const std::size_t p = m.predictors();
  if (x.size() != rows * p || out.size() != rows)
    throw error(errc::invalid_argument, "predict_probabilities: sizes do not match rows x predictors");
  const std::size_t off = m.intercept ? 1 : 0;
  const double b0 = m.intercept ? m.coefficients[0] : 0.0;
  constexpr std::size_t block = 2048;  // the block of `out` stays in L1 while the columns stream by
  for (std::size_t r0 = 0; r0 < rows; r0 += block) {
    const std::size_t r1 = std::min(rows, r0 + block);
    for (std::size_t i = r0; i < r1; ++i) out[i] = b0;
    // Same order of additions as linear_predictor(): b0 + b1 x1 + b2 x2 + ...
    for (std::size_t j = 0; j < p; ++j) {
      const double b = m.coefficients[j + off];
      const double* col = x.data() + j * rows;
      for (std::size_t i = r0; i < r1; ++i) out[i] += b * col[i];
    }
    for (std::size_t i = r0; i < r1; ++i) {
      // A NaN or infinite value makes the sum non-finite: only then is the row searched for it.
      if (!std::isfinite(out[i]))
        for (std::size_t j = 0; j < p; ++j)
          if (!std::isfinite(x[j * rows + i])) not_finite(m, j, x[j * rows + i], i);
      out[i] = sigmoid(out[i]);
    }
  }
}

logistic_fit fit_logistic(const design& d, const logistic_options& o) {
  validate_input(d, o);
  const problem prob(d, o);
  const auto q = static_cast<Eigen::Index>(prob.params());
  const std::vector<std::string> names = model_names(d, o.intercept);

  // The ridge term: l2 on the diagonal except the intercept's.
  vec ridge = vec::Constant(q, o.l2);
  if (o.intercept) ridge[0] = 0;
  const auto objective = [&](const evaluation& e, const vec& b) {
    return e.ll - 0.5 * (ridge.array() * b.array().square()).sum();
  };

  vec beta = vec::Zero(q);
  evaluation e = prob.evaluate(beta);
  if (o.l2 == 0) check_aliasing(e.h, names);

  logistic_fit fit;
  vec last_step = vec::Zero(q);
  double previous_decrement = 0;  // Newton decrement of the previous full step (0: none, or it was halved)
  double obj = objective(e, beta);
  Eigen::LLT<mat> llt;
  for (int it = 1; it <= o.max_iterations; ++it) {
    // A chord step when `e` came without the Hessian: the last factor is reused (see below).
    const bool chord = !e.has_h;
    if (!chord) {
      const mat hp = e.h + mat(ridge.asDiagonal());
      llt.compute(hp);
      if (llt.info() != Eigen::Success) {
        if (o.l2 == 0 && e.max_eta > separation_eta) separation(names, last_step, o.intercept);
        singular_information(hp, names, o.l2, o.intercept, e.max_eta, "at iteration " + std::to_string(it));
      }
    }
    const vec gp = e.g - (ridge.array() * beta.array()).matrix();
    const vec step = llt.solve(gp);
    const double decrement = std::sqrt(std::max(0.0, gp.dot(step)));
    // Near the optimum X'WX hardly changes from one step to the next: once the decrement (below)
    // is under chord_decrement the next point is evaluated without it, and its step reuses this
    // factor (a chord step, converging linearly at a rate of about the relative change of X'WX,
    // here ~1e-3). The Hessian is computed again at the estimate for the standard errors. Only in
    // Newton's quadratic regime (lambda <= previous lambda^2), and only while chord steps contract
    // (lambda <= previous lambda / 10): under separation or a one-class target lambda shrinks
    // geometrically while X'WX vanishes, and a stale factor would stop the walk early, hiding it.
    const bool next_chord = decrement <= chord_decrement && previous_decrement > 0 &&
                            (chord ? decrement <= 0.1 * previous_decrement
                                   : decrement <= previous_decrement * previous_decrement);
    // Step halving keeps the objective from decreasing (rarely needed for the logit link).
    double t = 1.0;
    vec next = beta + step;
    evaluation ne = prob.evaluate(next, !next_chord);
    double nobj = objective(ne, next);
    for (int halvings = 0; halvings < 30 && !(nobj >= obj - 1e-12 * (std::abs(obj) + 1.0)); ++halvings) {
      t *= 0.5;
      next = beta + t * step;
      ne = prob.evaluate(next, !next_chord);
      nobj = objective(ne, next);
    }
    if (t < 1.0 && !ne.has_h) ne = prob.evaluate(next);  // halved: back to full Newton steps
    last_step = t * step;
    // The step's size relative to the coefficients: max_j |db_j| / (1 + |b_j|).
    double size = 0;
    for (Eigen::Index j = 0; j < q; ++j) size = std::max(size, std::abs(last_step[j]) / (1.0 + std::abs(next[j])));
    // The Newton decrement lambda = sqrt(g' H^-1 g) at the step's start: the distance to the
    // optimum in the metric of the information matrix, so it does not depend on the columns'
    // units (a coefficient per krone and one per loan are judged alike). Newton converges
    // quadratically, lambda_next ~ C lambda^2; C from the last two full steps predicts
    // lambda_next ~ lambda^3 / lambda_previous^2 (a chord step converges linearly:
    // lambda_next ~ lambda^2 / lambda_previous). When that is below tolerance / 10 the step just
    // taken has converged and the confirming iteration is not taken. Only once the step itself is
    // small (<= sqrt(tolerance)): under separation, or a one-class target with an unpenalised
    // intercept, lambda shrinks geometrically while a coefficient walks off by ~1 per step.
    const double predicted_next = chord ? decrement * decrement / previous_decrement
                                        : decrement * decrement * decrement / (previous_decrement * previous_decrement);
    const bool predicted = t == 1.0 && previous_decrement > 0 && size <= std::sqrt(o.tolerance) &&
                           predicted_next <= 0.1 * o.tolerance;
    const bool small_step = size <= o.tolerance || predicted;
    previous_decrement = t == 1.0 ? decrement : 0.0;
    const bool small_change = std::abs(nobj - obj) <= o.tolerance * (std::abs(nobj) + 0.1);
    beta = next;
    e = std::move(ne);
    obj = nobj;
    fit.iterations = it;
    fit.objective_trace.push_back(obj);
    if (small_step && small_change) {
      fit.converged = true;
      break;
    }
  }
  if (!fit.converged && o.l2 == 0 && e.max_eta > separation_eta) separation(names, last_step, o.intercept);
  if (!e.has_h) e = prob.evaluate(beta);  // after chord steps: X'WX at the estimate

  const mat hp = e.h + mat(ridge.asDiagonal());
  llt.compute(hp);
  if (llt.info() != Eigen::Success) singular_information(hp, names, o.l2, o.intercept, e.max_eta, "at the estimate");
  const mat cov = llt.solve(mat::Identity(q, q));

  fit.model.names = names;
  fit.model.intercept = o.intercept;
  fit.model.coefficients.assign(beta.data(), beta.data() + q);
  fit.std_errors.resize(static_cast<std::size_t>(q));
  for (Eigen::Index j = 0; j < q; ++j) fit.std_errors[static_cast<std::size_t>(j)] = std::sqrt(cov(j, j));
  fit.log_likelihood = e.ll;
  fit.penalised_objective = obj;
  fit.deviance = -2.0 * e.ll;
  fit.max_abs_gradient = (e.g - (ridge.array() * beta.array()).matrix()).cwiseAbs().maxCoeff();

  // The null model: intercept only (its MLE is logit of the weighted mean), or p = 1/2.
  double wsum = 0;
  double wy = 0;
  for (std::size_t i = 0; i < d.rows; ++i) {
    const double w = d.weights.empty() ? 1.0 : d.weights[i];
    wsum += w;
    wy += w * d.y[i];
  }
  fit.weight_sum = wsum;
  const double ybar = wy / wsum;
  if (o.intercept && ybar > 0 && ybar < 1) {
    fit.null_log_likelihood = wy * std::log(ybar) + (wsum - wy) * std::log1p(-ybar);
  } else if (o.intercept) {
    fit.null_log_likelihood = 0;  // all one class: the intercept-only model fits perfectly in the limit
  } else {
    fit.null_log_likelihood = -wsum * std::log(2.0);
  }
  return fit;
}

}  // namespace scoring
KREDITOR_NAMESPACE_END
