// -----------------------------------------------------------------------------
// File: kreditor/scoring/recommend.hpp
// -----------------------------------------------------------------------------
//
// From what is known about a customer to what to offer it: PD -> risk grade -> payment terms,
// payment methods and a credit limit, each with machine-readable reasons. The policy is data
// (kreditor/io/scoring_json.hpp reads and writes it); default_policy() is kreditor's suggestion,
// not a standard (see the notes on each field).
//
// PD: the host's logistic model over named features (features() lists them) when one is given,
// otherwise Ohlson's (1980) O-score probability of the latest statements (with the policy's SIZE
// convention), floored at pd_floor. Not calibrated to any portfolio: fit your own model
// (`kreditor fit`) when you have defaults to fit it on.
//
// Grade: the first band whose max_pd >= PD; then notched down (never up) by evidence:
//   registered status not active           -> the worst grade          (code status_<status>)
//   payment remarks on the latest check     -> 1 notch                  (payment_remarks)
//   bureau score below check_score_floor    -> 1 notch                  (bureau_score_low)
//   days beyond terms > 30 / > 60           -> 1 / 2 notches            (late_payer)
//   an invoice handed to collection         -> 2 notches                (collection)
// No statements and no model: the unrated grade (code no_financials).
//
// Terms: the grade's terms; a customer with a broken promise or plan is put on the policy's
// cash_terms (the seed: "put customers who break promises on cash terms"). The grade's discount
// terms (e.g. 2/10 net 30) are offered only when their implied annual cost (simple, from
// kreditor/terms/due_dates.hpp: 2/10 net 30 costs 37.24 % a year) is at most
// max_discount_annual_cost: a discount is early cash bought at that rate.
// Payment methods: the grade's; cheques are never offered (there is no cheque method), and a
// customer who paid invoices by cheque gets the reason paid_by_cheque ("ask for bank transfer").
//
// Credit limit (documented method; mydsomanager / creditmanagement-tools practice, with an
// expected-loss cap after BCBS 2006 para 375):
//   capacity = grade's tnw_share x tangible net worth             (latest statements)
//   need     = grade's purchases_share x expected annual purchases
//   limit    = min(capacity, need)       (only the one known, if one is unknown)
//   EL cap   = el_budget / (PD x LGD),   el_budget = el_budget_share x expected annual purchases
//   limit    = min(limit, EL cap), rounded DOWN to a multiple of limit_unit major units; 0 under
//              cash terms, for non-positive tangible net worth, or when neither base is known.
// Reason codes name which of them bound the limit (limit_by_tnw, limit_by_purchases,
// limit_by_el_budget).
#ifndef KREDITOR_SCORING_RECOMMEND_HPP
#define KREDITOR_SCORING_RECOMMEND_HPP

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kreditor/core/money.hpp"
#include "kreditor/core/result.hpp"
#include "kreditor/scoring/behaviour.hpp"
#include "kreditor/scoring/credit_check.hpp"
#include "kreditor/scoring/distress.hpp"
#include "kreditor/scoring/logistic.hpp"
#include "kreditor/scoring/statements.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace scoring {

/// How a customer may pay. There is deliberately no cheque.
enum class payment_method : std::uint8_t {
  bank_transfer,     ///< credit transfer to the creditor's account (the invoice's reference)
  direct_debit,      ///< collected from the customer's account (AvtaleGiro, Autogiro, ...)
  card,              ///< payment card
  cash_on_delivery,  ///< paid when the goods are handed over
  prepayment,        ///< paid before delivery
};
/// "bank_transfer", "direct_debit", "card", "cash_on_delivery", "prepayment".
[[nodiscard]] std::string_view to_string(payment_method m) noexcept;
/// The inverse of to_string; errc::invalid_argument naming the text otherwise.
[[nodiscard]] result<payment_method> parse_payment_method(std::string_view text);

/// One risk grade: its PD band and the terms, limit and payment methods it gets.
struct grade_band {
  std::string grade;                 ///< "A"
  double max_pd = 1;                 ///< upper PD bound of the band (inclusive)
  std::string terms;                 ///< canonical terms (format(parse_terms(t)) == t): "net 30", "COD", "CIA"
  std::string discount_terms;        ///< optional: "2/10 net 30", offered when cheap enough
  double tnw_share = 0;              ///< share of tangible net worth (0..1)
  double purchases_share = 0;        ///< share of expected annual purchases (0..1)
  std::vector<payment_method> methods;  ///< the payment methods offered
  /// Memberwise equality.
  friend bool operator==(const grade_band&, const grade_band&) = default;
};

/// How a recommendation turns a PD into a grade, terms and a limit.
struct recommendation_policy {
  std::string name;  ///< the policy's name, for reports
  std::vector<grade_band> grades;    ///< ascending max_pd; the last has max_pd == 1
  std::string unrated_grade;         ///< grade without statements or model
  std::string cash_terms = "CIA";    ///< after a broken promise or plan
  double lgd = 0.45;                 ///< Basel II F-IRB senior unsecured (BCBS 2006 para 287)
  double pd_floor = 0.0003;          ///< Basel II PD floor 0.03 % (para 285)
  double el_budget_share = 0.01;     ///< expected loss accepted: 1 % of expected annual purchases
  double max_discount_annual_cost = 0.15;  ///< offer a discount only when it costs at most this a year
  int check_score_floor = 30;        ///< bureau score below this: one notch (Creditsafe: < 30 high risk)
  std::int64_t limit_unit = 1000;    ///< limits are multiples of this many major units
  ohlson_options ohlson;             ///< SIZE convention for the Ohlson PD
  /// Memberwise equality.
  friend bool operator==(const recommendation_policy&, const recommendation_policy&) = default;
};

/// kreditor's suggested policy for its default PD source (Ohlson's O-score, whose probabilities run
/// higher than calibrated one-year PDs): A <= 1 %, B <= 3.8 % (Ohlson's error-minimising cut-off),
/// C <= 10 %, D <= 50 % (the usual cut-off), E above; terms net 30 / net 30 (2/10 net 30 if cheap
/// enough) / net 14 / COD / CIA; limits 20/15/10 % of tangible net worth and 30/25/15 % of
/// expected annual purchases. With your own calibrated model, set your own bands.
[[nodiscard]] recommendation_policy default_policy();

/// Checks bands ascending and ending at 1, shares in 0..1, canonical terms that parse, known
/// unrated grade, positive lgd/limit_unit. \throws error(invalid_argument) naming the field.
void validate(const recommendation_policy& p);

/// One reason behind a recommendation.
struct reason {
  std::string code;  ///< machine-readable, stable: "grade_from_pd", "payment_remarks", ...
  std::string text;  ///< for a credit manager
  /// Memberwise equality.
  friend bool operator==(const reason&, const reason&) = default;
};

/// What recommend() looks at; each part is optional (null: not known).
struct recommendation_inputs {
  const financial_statements* statements = nullptr;  ///< validated
  const credit_check* check = nullptr;               ///< the latest check, if any
  const payment_behaviour* behaviour = nullptr;  ///< the customer's payment history, if any
  const logistic_model* model = nullptr;             ///< over features() names
  std::optional<money> expected_annual_purchases{};  ///< the need base of the limit
  kreditor::currency currency;                       ///< currency of the limit (of purchases/statements)
};

/// A recommended grade, terms, payment methods and credit limit, with the reasons.
struct recommendation {
  std::string grade;  ///< the risk grade
  std::optional<double> pd;           ///< absent: unrated
  std::string pd_source;              ///< "model", "ohlson_1980" or "none"
  std::optional<altman_result> altman;  ///< Altman's score, when there were statements
  std::optional<ohlson_result> ohlson;  ///< Ohlson's score, when there were statements
  std::string terms;                  ///< canonical terms string
  bool discount_offered = false;  ///< the grade's discount terms were cheap enough to offer
  std::optional<double> discount_annual_cost;  ///< implied annual cost of the grade's discount terms
  std::vector<payment_method> methods;  ///< the payment methods offered
  money limit;  ///< the recommended credit limit (a multiple of limit_unit major units)
  std::vector<reason> reasons;  ///< why, in the order they were applied
};

/// The features a model may use, by name: ratio names of ratio_set (current_ratio, ...),
/// altman_z (the model that fits the firm), ohlson_o, revenue_growth, days_beyond_terms,
/// share_paid_on_time, max_dunning_level, broken_promises, broken_plans, disputes, dso_trend,
/// bureau_score, payment_remarks. Undefined ones (no data, zero denominator) are absent.
[[nodiscard]] std::map<std::string, double> features(const recommendation_inputs& in, const recommendation_policy& p);

/// The recommendation. \throws error(not_found) for a model feature that is absent,
/// error(currency_mismatch) when statements and purchases are in different currencies.
[[nodiscard]] recommendation recommend(const recommendation_inputs& in, const recommendation_policy& p);

}  // namespace scoring
KREDITOR_NAMESPACE_END

#endif  // KREDITOR_SCORING_RECOMMEND_HPP
