// -----------------------------------------------------------------------------
// File: kreditor/book/review.hpp
// -----------------------------------------------------------------------------
//
// Standing credit review: each customer of a ledger re-scored as of a date from its latest
// statements, credit checks and payment history (book/payment_history.hpp), and what differs
// from today's agreement. This is what `kreditor review` prints, as a value:
//
//   - a consumer (segment b2c) is not scored: the models are for businesses; its terms and limit
//     are kept, with the reason "consumer";
//   - a business is given scoring::recommend(...) over its statements, its latest check, its
//     payment behaviour and (when positive and in the customer's currency) its last 12 months'
//     purchases as the need base of the limit;
//   - the recommended terms keep the contract clauses of the current terms (agreed interest, an
//     agreed reminder fee): the recommendation concerns credit (period, discount, cash), not them;
//   - changes: change_terms (the canonical terms differ), lower_limit / raise_limit;
//   - alerts: scoring::check_alerts over the customer's checks for the new grade, and
//     no_financials without statements.
//
//   policy_set policies;
//   std::vector<customer_review> r = review(l, as_of, statements, checks, scoring::default_policy(), policies);
#ifndef KREDITOR_BOOK_REVIEW_HPP
#define KREDITOR_BOOK_REVIEW_HPP

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "kreditor/book/payment_history.hpp"
#include "kreditor/book/policy_set.hpp"
#include "kreditor/book/slices.hpp"
#include "kreditor/core/money.hpp"
#include "kreditor/io/ledger.hpp"
#include "kreditor/scoring/credit_check.hpp"
#include "kreditor/scoring/logistic.hpp"
#include "kreditor/scoring/recommend.hpp"
#include "kreditor/scoring/statements.hpp"
#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN

/// An alert of a review: a check alert (scoring::to_string(check_alert_kind): never_checked,
/// stale, score_dropped, new_payment_remarks, status_changed) or "no_financials".
struct review_alert {
  std::string kind;  ///< which alert, by the names above
  std::string text;  ///< for a credit manager
  friend bool operator==(const review_alert&, const review_alert&) = default;  ///< member-wise equality
};

/// One customer's review.
struct customer_review {
  std::size_t customer = 0;  ///< index in ledger::customers
  bool scored = false;       ///< false for a consumer (segment b2c)
  /// When scored: the recommendation, and the payment history it was given.
  std::optional<scoring::recommendation> recommendation;
  std::optional<payment_history> history;  ///< when scored: the payment history the recommendation was given
  std::string current_terms;      ///< the customer's terms, canonical (format(parse_terms)) when they parse
  std::string recommended_terms;  ///< the recommendation's, with the current terms' clauses; a consumer's current
  money current_limit;            ///< the customer's credit limit
  money recommended_limit;        ///< the recommendation's; a consumer's current
  std::vector<scoring::reason> changes;  ///< change_terms, lower_limit, raise_limit (codes and texts)
  std::vector<scoring::reason> reasons;  ///< the recommendation's; "consumer" for a consumer
  std::vector<review_alert> alerts;      ///< what a credit manager should look at: check alerts, no_financials
};

/// What a review knows of one customer beyond its ledger.
struct review_inputs {
  const scoring::financial_statements* statements = nullptr;  ///< its latest accounts (validated), or none
  /// Credit checks of any customers: those whose customer_id is this customer's are used (the
  /// latest for the grade, the latest two for alerts).
  std::span<const scoring::credit_check> checks{};
  const scoring::logistic_model* model = nullptr;  ///< the host's PD model, else Ohlson's
  scoring::recheck_policy recheck{};  ///< how old a check may be per grade, and what score drop alerts
};

/// The review of ledger customer `customer` (index in ledger::customers) as of `as_of`; a
/// business's payment history from its book under `policies` (a consumer's book is not built).
/// \throws error(out_of_range) for an index outside the ledger; error(currency_mismatch) when
/// the statements are in another currency than the customer; what payment_history_of and
/// scoring::recommend throw (not_found for a model feature that is absent).
[[nodiscard]] customer_review review_customer(const ledger_slices& cut, std::size_t customer, date as_of,
                                              const review_inputs& in, const scoring::recommendation_policy& p,
                                              policy_set& policies);

/// Every customer of `l`, in ledger order: statements by customer id (a customer without any
/// has none), checks of any customers. \throws error(invalid_argument) for statements whose
/// customer_id is another than their key; what review_customer throws.
[[nodiscard]] std::vector<customer_review> review(
    const ledger& l, date as_of,
    const std::map<std::string, scoring::financial_statements, std::less<>>& statements,
    std::span<const scoring::credit_check> checks, const scoring::recommendation_policy& p, policy_set& policies,
    const scoring::logistic_model* model = nullptr);

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_BOOK_REVIEW_HPP
