// AUC, Gini, KS, Brier, calibration. See kreditor/scoring/evaluation.hpp.
#include "kreditor/scoring/evaluation.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "kreditor/core/errc.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace scoring {
namespace {

void check(std::span<const double> s, std::span<const double> y, const char* what) {
  if (s.size() != y.size())
    throw error(errc::invalid_argument, std::string(what) + ": scores and outcomes differ in length");
  if (s.empty()) throw error(errc::invalid_argument, std::string(what) + ": no observation");
  for (std::size_t i = 0; i < y.size(); ++i) {
    if (y[i] != 0.0 && y[i] != 1.0)
      throw error(errc::invalid_argument, std::string(what) + ": outcome " + std::to_string(i + 1) + " is not 0 or 1");
    if (!std::isfinite(s[i]))
      throw error(errc::invalid_argument, std::string(what) + ": score " + std::to_string(i + 1) + " is not finite");
  }
}

std::vector<std::size_t> order_by(std::span<const double> s) {
  std::vector<std::size_t> idx(s.size());
  std::iota(idx.begin(), idx.end(), std::size_t{0});
  std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) { return s[a] < s[b]; });
  return idx;
}

struct counts {
  double bads = 0;
  double goods = 0;
};
counts count(std::span<const double> y, const char* what) {
  counts c;
  for (double v : y) (v == 1.0 ? c.bads : c.goods) += 1;
  if (c.bads == 0 || c.goods == 0)
    throw error(errc::invalid_argument, std::string(what) + ": needs both goods and bads");
  return c;
}

}  // namespace

double auc(std::span<const double> score, std::span<const double> y) {
  check(score, y, "auc");
  const counts c = count(y, "auc");
  // Mann-Whitney: average ranks over tie groups; AUC = (R_bad - nb (nb + 1) / 2) / (nb ng).
  const auto idx = order_by(score);
  double rank_sum_bad = 0;
  for (std::size_t i = 0; i < idx.size();) {
    std::size_t j = i;
    double bads = 0;
    while (j < idx.size() && score[idx[j]] == score[idx[i]]) bads += y[idx[j++]];
    const double avg_rank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2.0;
    rank_sum_bad += bads * avg_rank;
    i = j;
  }
  return (rank_sum_bad - c.bads * (c.bads + 1) / 2.0) / (c.bads * c.goods);
}

double gini(std::span<const double> score, std::span<const double> y) { return 2.0 * auc(score, y) - 1.0; }

double ks(std::span<const double> score, std::span<const double> y) {
  check(score, y, "ks");
  const counts c = count(y, "ks");
  // Thresholds from the riskiest down: TPR = bads at or above, FPR = goods at or above.
  auto idx = order_by(score);
  std::reverse(idx.begin(), idx.end());
  double bads = 0;
  double goods = 0;
  double best = 0;
  for (std::size_t i = 0; i < idx.size();) {
    std::size_t j = i;
    while (j < idx.size() && score[idx[j]] == score[idx[i]]) {
      (y[idx[j]] == 1.0 ? bads : goods) += 1;
      ++j;
    }
    best = std::max(best, bads / c.bads - goods / c.goods);
    i = j;
  }
  return best;
}

double brier(std::span<const double> pd, std::span<const double> y) {
  check(pd, y, "brier");
  double s = 0;
  for (std::size_t i = 0; i < pd.size(); ++i) s += (pd[i] - y[i]) * (pd[i] - y[i]);
  return s / static_cast<double>(pd.size());
}

std::vector<calibration_row> calibration_table(std::span<const double> pd, std::span<const double> y,
                                               std::size_t bands) {
  check(pd, y, "calibration_table");
  if (bands < 1 || bands > 1000) throw error(errc::invalid_argument, "calibration_table: bands must be in 1..1000");
  const auto idx = order_by(pd);
  const std::size_t n = idx.size();
  std::vector<calibration_row> out;
  std::size_t i = 0;
  for (std::size_t b = 0; b < bands && i < n; ++b) {
    std::size_t end = std::max(i + 1, (b + 1) * n / bands);
    while (end < n && pd[idx[end]] == pd[idx[end - 1]]) ++end;  // ties stay together
    if (b + 1 == bands) end = n;
    calibration_row r;
    r.pd_from = pd[idx[i]];
    r.pd_to = pd[idx[end - 1]];
    double sum = 0;
    for (std::size_t k = i; k < end; ++k) {
      sum += pd[idx[k]];
      if (y[idx[k]] == 1.0) ++r.defaults;
    }
    r.count = end - i;
    r.mean_pd = sum / static_cast<double>(r.count);
    r.observed_rate = static_cast<double>(r.defaults) / static_cast<double>(r.count);
    out.push_back(r);
    i = end;
  }
  return out;
}

std::map<std::string, metrics> evaluate_by_segment(std::span<const double> pd, std::span<const double> y,
                                                   std::span<const std::string> segment) {
  check(pd, y, "evaluate_by_segment");
  if (segment.size() != pd.size())
    throw error(errc::invalid_argument, "evaluate_by_segment: segments differ in length");
  std::map<std::string, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < pd.size(); ++i) {
    groups["all"].push_back(i);
    if (segment[i] != "all") groups[segment[i]].push_back(i);
  }
  std::map<std::string, metrics> out;
  for (const auto& [name, rows] : groups) {
    std::vector<double> p;
    std::vector<double> o;
    for (std::size_t i : rows) {
      p.push_back(pd[i]);
      o.push_back(y[i]);
    }
    metrics m;
    m.count = rows.size();
    m.defaults = static_cast<std::size_t>(std::count(o.begin(), o.end(), 1.0));
    m.brier = brier(p, o);
    m.defined = m.defaults > 0 && m.defaults < m.count;
    if (m.defined) {
      m.auc = auc(p, o);
      m.gini = 2 * m.auc - 1;
      m.ks = ks(p, o);
    } else {
      m.auc = 0.5;
    }
    out[name] = m;
  }
  return out;
}

}  // namespace scoring
KREDITOR_NAMESPACE_END
