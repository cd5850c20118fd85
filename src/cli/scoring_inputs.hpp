// What `kreditor score` and `kreditor review` take from a ledger: each customer's payment
// behaviour (scoring::behaviour over per-invoice facts) and its purchases of the last 12 months,
// from the library's payment history (kreditor/book/payment_history.hpp: the customer's book,
// so payments are allocated as everywhere else).
#ifndef KREDITOR_CLI_SCORING_INPUTS_HPP
#define KREDITOR_CLI_SCORING_INPUTS_HPP

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kreditor/book/slices.hpp"
#include "kreditor/core/money.hpp"
#include "kreditor/io/ledger.hpp"
#include "kreditor/scoring/behaviour.hpp"
#include "kreditor/scoring/credit_check.hpp"
#include "kreditor/scoring/recommend.hpp"
#include "kreditor/scoring/statements.hpp"

namespace kreditor::cli {

struct customer_scoring_inputs {
  const customer_record* customer = nullptr;
  std::vector<scoring::invoice_fact> facts;
  scoring::payment_behaviour behaviour;
  money purchases_12m;  ///< invoiced (net of credit notes) in the 365 days up to as_of, annualised
                        ///< over history_days when the customer's history is shorter
  int history_days = 0; ///< days of history the purchases are taken from (90..365)
};

/// The behaviour of customer `id` in `l` as of a date. \throws usage_error for an unknown id;
/// kreditor::error for records the book refuses (invoice terms that do not parse, ...).
[[nodiscard]] customer_scoring_inputs scoring_inputs_from_ledger(const ledger_slices& cut, std::string_view id,
                                                                 date as_of);

/// Reads a file whole. \throws usage_error naming the option and the path.
[[nodiscard]] std::string read_text_file(const std::string& path, const std::string& option);

/// Statements from a financials JSON file / checks from a credit-checks JSON file; errors as usage_error.
[[nodiscard]] scoring::financial_statements financials_from_file(const std::string& path);
[[nodiscard]] std::vector<scoring::credit_check> credit_checks_from_file(const std::string& path);

/// The recommendation as `score` prints it (and `review` per customer): grade, pd, altman,
/// ohlson, recommended_terms, recommended_limit, currency, payment_methods, reasons, ...
[[nodiscard]] nlohmann::ordered_json recommendation_json(const scoring::recommendation& r);

/// The recommendation policy of `--policy FILE.json`, else scoring::default_policy().
[[nodiscard]] scoring::recommendation_policy policy_from(const std::optional<std::string>& path);

}  // namespace kreditor::cli

#endif  // KREDITOR_CLI_SCORING_INPUTS_HPP
