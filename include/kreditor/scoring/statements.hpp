// -----------------------------------------------------------------------------
// File: kreditor/scoring/statements.hpp
// -----------------------------------------------------------------------------
//
// A customer's annual accounts as a value: one `financial_year` per fiscal period, amounts as
// exact money in one currency, validated with named errors; and the ratios a credit manager
// reads from them (liquidity, leverage, profitability, coverage, activity, working capital,
// tangible net worth) plus year-on-year trends. Ratios are statistics (doubles); a ratio whose
// denominator is zero is std::nullopt, never NaN or infinity.
//
//   financial_statements s = parse_financials_json(text).value();   // kreditor/io/scoring_json.hpp
//   validate(s);                                                    // throws error naming the field
//   ratio_set r = ratios(s.latest());
//   if (r.current_ratio && *r.current_ratio < 1.0) ...
#ifndef KREDITOR_SCORING_STATEMENTS_HPP
#define KREDITOR_SCORING_STATEMENTS_HPP

#include <optional>
#include <string>
#include <vector>

#include "kreditor/core/currency.hpp"
#include "kreditor/core/money.hpp"
#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace scoring {

/// One fiscal period's income statement and closing balance sheet. Every amount is in the
/// statements' currency; flows (revenue ... interest_expense) cover `months` months.
struct financial_year {
  date period_end;        ///< balance-sheet date, e.g. 2025-12-31
  int months = 12;        ///< length of the period (1..24); activity ratios are annualised
  money revenue;          ///< net sales, >= 0
  money ebit;             ///< operating result (earnings before interest and taxes)
  money net_income;       ///< result after tax
  money depreciation;     ///< depreciation and amortisation, >= 0
  money interest_expense; ///< >= 0
  money total_assets;     ///< > 0
  money current_assets;   ///< <= total_assets
  money cash;             ///< cash and equivalents, part of current_assets
  money inventory;        ///< part of current_assets
  money receivables;      ///< trade receivables, part of current_assets
  money intangible_assets;///< goodwill and other intangibles (for tangible net worth), part of TA
  money total_liabilities;   ///< all debt and provisions, >= 0
  money current_liabilities; ///< <= total_liabilities
  money equity_book;         ///< book equity; total_assets = total_liabilities + equity_book (1 %)
  std::optional<money> equity_market;  ///< market capitalisation, listed firms only
  money retained_earnings;             ///< accumulated retained earnings (may be negative)
};

/// A customer's accounts: one or more fiscal years in one currency.
struct financial_statements {
  std::string customer_id;  ///< optional: whose accounts
  kreditor::currency currency;  ///< the currency of every amount
  bool listed = false;        ///< publicly traded (Altman Z 1968 applies when equity_market is known)
  bool manufacturer = false;  ///< manufacturing firm (Altman Z / Z'); others use Z''
  std::vector<financial_year> years;  ///< validate() requires them ascending by period_end

  /// The most recent year. \throws error(invalid_argument) when there is none.
  [[nodiscard]] const financial_year& latest() const;
  /// The year before the most recent, if any.
  [[nodiscard]] const financial_year* previous() const noexcept;
};

/// Checks every rule listed on financial_year and that the years are strictly ascending.
/// \throws error(invalid_argument) for a missing or negative amount, or a period outside 1..24
///         months ("financials: 2025-12-31: total_assets must be > 0");
///         error(currency_mismatch) for an amount in another currency;
///         error(conflict) for parts larger than their whole (current_assets > total_assets,
///         cash + inventory + receivables > current_assets, ...), a balance sheet that does not
///         balance within 1 % of total assets, or two years with the same / descending dates.
void validate(const financial_statements& s);

/// Ratios of one year. nullopt: the denominator is zero (or negative where that is meaningless,
/// e.g. return on equity with negative equity).
struct ratio_set {
  // liquidity
  std::optional<double> current_ratio;  ///< current assets / current liabilities
  std::optional<double> quick_ratio;    ///< (current assets - inventory) / current liabilities
  std::optional<double> cash_ratio;     ///< cash / current liabilities
  // leverage
  double debt_to_assets = 0;            ///< total liabilities / total assets
  std::optional<double> debt_to_equity; ///< total liabilities / book equity (equity > 0)
  double equity_ratio = 0;              ///< book equity / total assets
  // profitability
  std::optional<double> net_margin;     ///< net income / revenue
  std::optional<double> ebit_margin;    ///< EBIT / revenue
  double return_on_assets = 0;          ///< net income / total assets (annualised)
  std::optional<double> return_on_equity;  ///< net income / book equity (equity > 0, annualised)
  // coverage
  std::optional<double> interest_coverage;  ///< EBIT / interest expense
  std::optional<double> debt_service_ffo;   ///< (net income + depreciation) / total liabilities
  // activity (annualised to 365 days; inventory days use revenue, as cost of sales is not given)
  double asset_turnover = 0;            ///< revenue / total assets
  std::optional<double> dso_days;       ///< receivables / revenue x 365
  std::optional<double> inventory_days; ///< inventory / revenue x 365
  // amounts
  money working_capital;     ///< current assets - current liabilities
  money tangible_net_worth;  ///< book equity - intangible assets
};

/// The ratios of `y`. Call validate() on its statements first.
[[nodiscard]] ratio_set ratios(const financial_year& y);

/// One year against the year before.
struct year_trend {
  date from;                              ///< the earlier period_end
  date to;                                ///< the later period_end
  std::optional<double> revenue_growth;   ///< revenue_to / revenue_from - 1 (annualised flows)
  std::optional<double> net_income_change;///< (NI_t - NI_t-1) / (|NI_t| + |NI_t-1|): Ohlson's CHIN, in [-1, 1]
  std::optional<double> equity_growth;    ///< equity_t / equity_t-1 - 1 (previous equity > 0)
  std::optional<double> current_ratio_change;  ///< difference of the current ratios
  double debt_to_assets_change = 0;            ///< difference of the leverage ratios
  bool negative_income_both = false;      ///< net income < 0 in both years (Ohlson's INTWO)
};

/// Year-on-year trends, one per consecutive pair of years (empty for a single year).
[[nodiscard]] std::vector<year_trend> trends(const financial_statements& s);

}  // namespace scoring
KREDITOR_NAMESPACE_END

#endif  // KREDITOR_SCORING_STATEMENTS_HPP
