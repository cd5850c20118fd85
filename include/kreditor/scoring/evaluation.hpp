// -----------------------------------------------------------------------------
// File: kreditor/scoring/evaluation.hpp
// -----------------------------------------------------------------------------
//
// How well scores rank and how well PDs are calibrated. `y` is 1 for a bad (default), 0 for a
// good; `score` is any number that is HIGHER for riskier customers (a PD, a logit; pass
// -points for a scorecard whose points rise with quality).
//
//   AUC   = P(score_bad > score_good) + 1/2 P(tie)       (Mann-Whitney form, ties count 1/2)
//   Gini  = 2 AUC - 1                                    (accuracy ratio; Engelmann, Hayden &
//                                                         Tasche 2003; BCBS WP 14, 2005)
//   KS    = max over thresholds of TPR - FPR, evaluated only at the ends of groups of tied scores
//   Brier = mean((pd - y)^2)                             (Brier 1950)
//
// Errors: error(invalid_argument) for sizes that differ, y not 0/1, non-finite values, and for
// AUC/Gini/KS when one class is empty.
#ifndef KREDITOR_SCORING_EVALUATION_HPP
#define KREDITOR_SCORING_EVALUATION_HPP

#include <cstddef>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "kreditor/config.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace scoring {

/// The area under the ROC curve: P(score_bad > score_good) + 1/2 P(tie). \throws
/// error(invalid_argument) as the file comment says.
[[nodiscard]] double auc(std::span<const double> score, std::span<const double> y);
/// The Gini coefficient (accuracy ratio): 2 AUC - 1.
[[nodiscard]] double gini(std::span<const double> score, std::span<const double> y);
/// The Kolmogorov-Smirnov statistic: the largest TPR - FPR over the thresholds.
[[nodiscard]] double ks(std::span<const double> score, std::span<const double> y);
/// The Brier score of PDs: mean((pd - y)^2); lower is better.
[[nodiscard]] double brier(std::span<const double> pd, std::span<const double> y);

/// One band of a calibration table: customers sorted by PD and cut into equal-count groups
/// (ties kept together, so counts may differ a little).
struct calibration_row {
  double pd_from = 0;       ///< lowest PD in the band
  double pd_to = 0;         ///< highest PD in the band
  std::size_t count = 0;  ///< customers in the band
  double mean_pd = 0;       ///< predicted default rate
  double observed_rate = 0; ///< realised default rate
  std::size_t defaults = 0;  ///< defaults in the band
};
/// The calibration table in `bands` (1..1000) bands of about equal count, lowest PD first.
[[nodiscard]] std::vector<calibration_row> calibration_table(std::span<const double> pd, std::span<const double> y,
                                                             std::size_t bands = 10);

/// How well the PDs of one segment rank and are calibrated.
struct metrics {
  std::size_t count = 0;  ///< customers in the segment
  std::size_t defaults = 0;  ///< defaults among them
  double auc = 0;    ///< 0.5 when a class is empty (undefined; see `defined`)
  double gini = 0;  ///< 2 AUC - 1
  double ks = 0;  ///< Kolmogorov-Smirnov statistic
  double brier = 0;  ///< mean((pd - y)^2)
  bool defined = true;  ///< false when the segment holds only goods or only bads
};
/// All metrics of `pd` against `y`, overall (key "all") and per segment label.
[[nodiscard]] std::map<std::string, metrics> evaluate_by_segment(std::span<const double> pd,
                                                                 std::span<const double> y,
                                                                 std::span<const std::string> segment);

}  // namespace scoring
KREDITOR_NAMESPACE_END

#endif  // KREDITOR_SCORING_EVALUATION_HPP
