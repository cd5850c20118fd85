// -----------------------------------------------------------------------------
// File: kreditor/scoring/distress.hpp
// -----------------------------------------------------------------------------
//
// Published accounting distress models with their published coefficients and zones.
//
// Altman ratios: X1 = working capital / TA, X2 = retained earnings / TA, X3 = EBIT / TA,
// X4 = equity / total liabilities (market value for Z, book value otherwise), X5 = sales / TA.
//
//   model  formula                                                       zones distress / grey / safe
//   Z      1.2 X1 + 1.4 X2 + 3.3 X3 + 0.6 X4 + 1.0 X5                     < 1.81 / 1.81-2.99 / > 2.99
//          Altman (1968), J. Finance 23(4):589-609; public manufacturers, X4 at market value
//          (the paper printed 0.999 for X5 with X1-X4 in percent; 1.0 is the usual rounding).
//   Z'     0.717 X1 + 0.847 X2 + 3.107 X3 + 0.420 X4 + 0.998 X5           < 1.23 / 1.23-2.90 / > 2.90
//          Altman (2000), "Predicting Financial Distress of Companies: Revisiting the Z-Score and
//          ZETA Models", NYU Stern; private firms, X4 at book value.
//   Z''    6.56 X1 + 3.26 X2 + 6.72 X3 + 1.05 X4                          < 1.10 / 1.10-2.60 / > 2.60
//          Altman (2000); Altman, Hartzell & Peck (1995); non-manufacturers and emerging markets.
//          (creditguru.com pairs these coefficients with Z' zones 1.23/2.90: wrong, not used here.)
//   EM     Z'' + 3.25                                                      < 4.35 / 4.35-5.85 / > 5.85
//          Altman (2005), Emerging Markets Review 6:311-323. The zones are Z'''s shifted by the
//          constant 3.25 (kreditor's derivation; the paper maps EM scores to bond-rating
//          equivalents, which are not reproduced here).
//
// Ohlson O-score, model 1 (one-year horizon): Ohlson, J. (1980), "Financial Ratios and the
// Probabilistic Prediction of Bankruptcy", J. Accounting Research 18(1):109-131:
//   O = -1.32 - 0.407 SIZE + 6.03 TL/TA - 1.43 WC/TA + 0.0757 CL/CA - 1.72 OENEG
//       - 2.37 NI/TA - 1.83 FFO/TL + 0.285 INTWO - 0.521 CHIN,   P = exp(O) / (1 + exp(O))
// with OENEG = 1 if TL > TA, INTWO = 1 if net income < 0 in both of the last two years,
// CHIN = (NI_t - NI_t-1) / (|NI_t| + |NI_t-1|), FFO = net income + depreciation.
//
// THE SIZE DEFLATOR. Ohlson defines SIZE = log(TA / GNP price-level index), index = 100 in 1968,
// without fixing the unit of TA in the formula, so implementations differ by a constant
// (OpenSourceAP/CrossSection's OScore.do uses Compustat `at`, in USD millions). kreditor's choice,
// stated in every result: SIZE = ln( (TA / size_unit) / (price_level_index / 100) ), where
// `size_unit` is how many units of the statements' currency make one SIZE unit (default 1000:
// TA in thousands) and `price_level_index` the deflator on the 1968 = 100 base (default 100: no
// deflation). With TA in thousands, a typical firm of Ohlson's sample has O near the logit of his
// sample's bankruptcy rate; with TA in millions every firm's O rises by 0.407 ln(1000) = 2.81.
// The usual cut-off on P is 0.5 (Ohlson's error-minimising cut-off was about 0.038 [recalled]).
// Without a previous year, INTWO = 0 and CHIN = 0 and the result says so (`single_year`).
#ifndef KREDITOR_SCORING_DISTRESS_HPP
#define KREDITOR_SCORING_DISTRESS_HPP

#include <cstdint>
#include <string_view>

#include "kreditor/core/result.hpp"
#include "kreditor/scoring/statements.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace scoring {

/// The variants of Altman's Z-score (the coefficients and zones differ).
enum class altman_model : std::uint8_t {
  z,               ///< Z (1968), public manufacturers, market equity
  z_prime,         ///< Z' (2000), private firms
  z_double_prime,  ///< Z'' (1995/2000), non-manufacturers
  em,              ///< EM score (2005) = Z'' + 3.25
};
/// Where a score falls between the model's zone boundaries (zones()).
enum class distress_zone : std::uint8_t {
  distress,  ///< below the distress boundary
  grey,      ///< between the boundaries
  safe,      ///< above the safe boundary
};

[[nodiscard]] std::string_view to_string(altman_model m) noexcept;  ///< "z", "z_prime", ...
[[nodiscard]] std::string_view to_string(distress_zone z) noexcept; ///< "distress", "grey", "safe"
/// The inverse of to_string; errc::invalid_argument naming the text otherwise.
[[nodiscard]] result<altman_model> parse_altman_model(std::string_view text);

/// Altman's score of one financial year.
struct altman_result {
  altman_model model = altman_model::z_prime;  ///< the model used
  double score = 0;  ///< the Z-score
  distress_zone zone = distress_zone::grey;  ///< where it falls
  /// The ratios X1..X5 the score used (x5 unused by Z''/EM).
  ///@{
  double x1 = 0, x2 = 0, x3 = 0, x4 = 0, x5 = 0;
  ///@}
};

/// The zone boundaries {distress below, safe above} of a model.
struct zone_bounds {
  double distress_below;  ///< scores below are in the distress zone
  double safe_above;  ///< scores above are in the safe zone
};
/// The zone boundaries of `m` (Altman's published cut-offs).
[[nodiscard]] zone_bounds zones(altman_model m) noexcept;

/// Altman's score of `y` under `m`. \throws error(invalid_argument) for Z without
/// equity_market, and error(out_of_range) when total_liabilities is zero (X4 undefined).
[[nodiscard]] altman_result altman(const financial_year& y, altman_model m);

/// The model that fits the firm: Z for listed manufacturers with a market value, Z' for other
/// manufacturers, Z'' otherwise.
[[nodiscard]] altman_model altman_model_for(const financial_statements& s) noexcept;

/// Units for Ohlson's SIZE term.
struct ohlson_options {
  double size_unit = 1000;         ///< currency units per SIZE unit (1000: TA in thousands)
  double price_level_index = 100;  ///< GNP price-level index, 1968 = 100
  /// Memberwise equality.
  friend bool operator==(const ohlson_options&, const ohlson_options&) = default;
};

/// Ohlson's O-score of the latest year.
struct ohlson_result {
  double o = 0;           ///< the O-score (a logit)
  double p = 0;           ///< exp(O) / (1 + exp(O))
  double size = 0;        ///< the SIZE term used
  bool single_year = false;  ///< no previous year: INTWO = CHIN = 0
};

/// Ohlson's O-score of the latest year of `s` (with the previous year for INTWO and CHIN).
/// \throws error(out_of_range) when current_assets or total_liabilities is zero (a ratio of the
/// model is undefined), error(invalid_argument) for a non-positive option.
[[nodiscard]] ohlson_result ohlson(const financial_statements& s, const ohlson_options& o = {});

}  // namespace scoring
KREDITOR_NAMESPACE_END

#endif  // KREDITOR_SCORING_DISTRESS_HPP
