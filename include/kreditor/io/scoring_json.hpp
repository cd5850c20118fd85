// -----------------------------------------------------------------------------
// File: kreditor/io/scoring_json.hpp
// -----------------------------------------------------------------------------
//
// Scoring inputs and models as JSON (nlohmann_json stays inside src/io/). Unknown keys are errors;
// every error names the JSON pointer. Amounts are decimal STRINGS in the document's currency, so
// no amount passes through a binary float; model coefficients and policy shares are JSON numbers
// (statistics), printed with the shortest representation that reads back to the same double, so
// print -> parse round-trips exactly.
//
// Financial statements (kreditor.financials/1):
//   {
//     "schema": "kreditor.financials/1",      optional; if present, exactly this
//     "customer_id": "NO-1001",               optional
//     "currency": "NOK",                      required, ISO 4217
//     "listed": false, "manufacturer": false, optional (Altman model choice)
//     "years": [                              required, >= 1, ascending by period_end
//       { "period_end": "2025-12-31", "months": 12,          months optional (default 12)
//         "revenue": "12500000.00", "ebit": "...", "net_income": "...", "depreciation": "...",
//         "interest_expense": "...", "total_assets": "...", "current_assets": "...", "cash": "...",
//         "inventory": "...", "receivables": "...", "intangible_assets": "...",
//         "total_liabilities": "...", "current_liabilities": "...", "equity_book": "...",
//         "retained_earnings": "...",                         all required
//         "equity_market": "..." }                            optional (listed firms)
//     ]
//   }
// Credit checks (kreditor.credit_checks/1): {"schema": ..., "checks": [{"customer_id", "checked_on"
//   (YYYY-MM-DD), "bureau", "score" (0..100, optional), "rating" (optional), "payment_remarks"
//   (integer >= 0, default 0), "status" (active | dissolved | bankrupt | liquidation | unknown),
//   "note" (optional)}]}; a single check object is accepted too.
// Logistic model (kreditor.logistic_model/1): {"schema", "intercept": true, "coefficients":
//   [{"name": "(Intercept)", "value": -1.5}, ...]}  (a list: the order is the model's).
// Recommendation policy (kreditor.recommendation_policy/1): the fields of
//   scoring::recommendation_policy by name; "grades": [{"grade", "max_pd", "terms",
//   "discount_terms", "tnw_share", "purchases_share", "methods": ["bank_transfer", ...]}],
//   "ohlson": {"size_unit", "price_level_index"}.
// Points scorecard (kreditor.scorecard/1): scoring::scorecard by name:
//   { "schema": "kreditor.scorecard/1",
//     "scaling": {"pdo": 20, "base_score": 600, "base_odds": 50},     pdo, base_odds > 0
//     "base_points": 412.5,
//     "characteristics": [                                            >= 1, names unique
//       { "name": "Duration", "iv": 0.21,
//         "bins": [ {"upper": 12, "goods": 250, "bads": 60, "woe": -0.31, "iv": 0.02, "points": 9.1},
//                   ...,
//                   {"upper": null, ...} ] } ] }                      ascending uppers; the last is
//                                                                     null (+infinity), only the last
//   Every number is finite (a scorecard holding NaN or an infinite WoE or points is refused by
//   to_json with error(invalid_argument), as it could not be read back).
#ifndef KREDITOR_IO_SCORING_JSON_HPP
#define KREDITOR_IO_SCORING_JSON_HPP

#include <string>
#include <string_view>
#include <vector>

#include "kreditor/core/result.hpp"
#include "kreditor/scoring/credit_check.hpp"
#include "kreditor/scoring/logistic.hpp"
#include "kreditor/scoring/recommend.hpp"
#include "kreditor/scoring/scorecard.hpp"
#include "kreditor/scoring/statements.hpp"

KREDITOR_NAMESPACE_BEGIN

/// Parses and validate()s statements. Errors: invalid_argument (JSON, keys, types, amounts),
/// and validate()'s codes with its message prefixed by the pointer of the year.
[[nodiscard]] result<scoring::financial_statements> parse_financials_json(std::string_view text);
/// The JSON parse_financials_json reads back to `s`.
[[nodiscard]] std::string to_json(const scoring::financial_statements& s);

/// Parses credit checks (credit agency reports). Errors: invalid_argument naming the JSON pointer
/// and the problem.
[[nodiscard]] result<std::vector<scoring::credit_check>> parse_credit_checks_json(std::string_view text);
/// The JSON parse_credit_checks_json reads back to `checks`.
[[nodiscard]] std::string to_json(const std::vector<scoring::credit_check>& checks);

/// Parses a fitted logistic model. Errors: invalid_argument naming the JSON pointer and the
/// problem.
[[nodiscard]] result<scoring::logistic_model> parse_logistic_model_json(std::string_view text);
/// The JSON parse_logistic_model_json reads back to `m`.
[[nodiscard]] std::string to_json(const scoring::logistic_model& m);

/// Parses a recommendation policy (grade bands, limits, recheck). Errors: invalid_argument naming
/// the JSON pointer and the problem.
[[nodiscard]] result<scoring::recommendation_policy> parse_recommendation_policy_json(std::string_view text);
/// The JSON parse_recommendation_policy_json reads back to `p`.
[[nodiscard]] std::string to_json(const scoring::recommendation_policy& p);

/// Parses a points scorecard (bins with WoE and points, the scaling, the base points). Errors:
/// invalid_argument naming the JSON pointer and the problem; conflict for a name given twice.
[[nodiscard]] result<scoring::scorecard> parse_scorecard_json(std::string_view text);
/// The JSON parse_scorecard_json reads back to a scorecard == `card`. \throws
/// error(invalid_argument) naming the field for a value JSON cannot carry (NaN, an infinite
/// number other than the last bin's upper bound).
[[nodiscard]] std::string to_json(const scoring::scorecard& card);

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_IO_SCORING_JSON_HPP
