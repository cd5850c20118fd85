// Financial statements: validation, ratios, trends. See kreditor/scoring/statements.hpp.
#include "kreditor/scoring/statements.hpp"

#include <cmath>
#include <string>

#include "kreditor/core/errc.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace scoring {
using kreditor::to_string;  // dates and money: hidden by scoring's own to_string overloads
namespace {

double to_double(money m) noexcept { return static_cast<double>(m.minor_units()); }

std::optional<double> ratio(double num, double den) {
  if (den == 0) return std::nullopt;
  return num / den;
}

struct field {
  const char* name;
  money financial_year::*member;
  bool non_negative;
};

// clang-format off
constexpr field fields[] = {
  {"revenue", &financial_year::revenue, true},
  {"ebit", &financial_year::ebit, false},
  {"net_income", &financial_year::net_income, false},
  {"depreciation", &financial_year::depreciation, true},
  {"interest_expense", &financial_year::interest_expense, true},
  {"total_assets", &financial_year::total_assets, true},
  {"current_assets", &financial_year::current_assets, true},
  {"cash", &financial_year::cash, true},
  {"inventory", &financial_year::inventory, true},
  {"receivables", &financial_year::receivables, true},
  {"intangible_assets", &financial_year::intangible_assets, true},
  {"total_liabilities", &financial_year::total_liabilities, true},
  {"current_liabilities", &financial_year::current_liabilities, true},
  {"equity_book", &financial_year::equity_book, false},
  {"retained_earnings", &financial_year::retained_earnings, false},
};
// clang-format on

[[noreturn]] void fail(errc code, const financial_year& y, const std::string& what) {
  throw error(code, "financials: " + to_string(y.period_end) + ": " + what);
}

double annualise(const financial_year& y) { return 12.0 / y.months; }

}  // namespace

const financial_year& financial_statements::latest() const {
  if (years.empty()) throw error(errc::invalid_argument, "financials: no fiscal year");
  return years.back();
}

const financial_year* financial_statements::previous() const noexcept {
  return years.size() >= 2 ? &years[years.size() - 2] : nullptr;
}

void validate(const financial_statements& s) {
  if (s.years.empty()) throw error(errc::invalid_argument, "financials: at least one fiscal year is required");
  for (std::size_t i = 0; i < s.years.size(); ++i) {
    const financial_year& y = s.years[i];
    if (y.period_end.is_special()) throw error(errc::invalid_argument, "financials: a year has no period_end");
    if (i > 0 && !(s.years[i - 1].period_end < y.period_end))
      fail(errc::conflict, y, "years must be in ascending order of period_end, each once");
    if (y.months < 1 || y.months > 24) fail(errc::invalid_argument, y, "months must be in 1..24");
    for (const field& f : fields) {
      const money m = y.*f.member;
      if (m.currency() != s.currency)
        fail(errc::currency_mismatch, y, std::string(f.name) + " is in " + std::string(m.currency().code()) +
                                             ", the statements are in " + std::string(s.currency.code()));
      if (f.non_negative && m.is_negative()) fail(errc::invalid_argument, y, std::string(f.name) + " must be >= 0");
    }
    if (y.equity_market) {
      if (y.equity_market->currency() != s.currency)
        fail(errc::currency_mismatch, y, "equity_market is in another currency than the statements");
      if (y.equity_market->is_negative()) fail(errc::invalid_argument, y, "equity_market must be >= 0");
    }
    if (!y.total_assets.is_positive()) fail(errc::invalid_argument, y, "total_assets must be > 0");
    if (y.current_assets > y.total_assets) fail(errc::conflict, y, "current_assets exceed total_assets");
    if (y.intangible_assets > y.total_assets) fail(errc::conflict, y, "intangible_assets exceed total_assets");
    if (y.cash + y.inventory + y.receivables > y.current_assets)
      fail(errc::conflict, y, "cash + inventory + receivables exceed current_assets");
    if (y.current_liabilities > y.total_liabilities)
      fail(errc::conflict, y, "current_liabilities exceed total_liabilities");
    // The balance sheet must balance within 1 % of total assets (rounding in published accounts,
    // minority interests); a larger gap is a data error.
    const money gap = y.total_assets - y.total_liabilities - y.equity_book;
    const std::int64_t abs_gap = gap.is_negative() ? -gap.minor_units() : gap.minor_units();
    if (static_cast<int128>(abs_gap) * 100 > y.total_assets.minor_units())
      fail(errc::conflict, y, "total_assets differ from total_liabilities + equity_book by more than 1 %");
  }
}

ratio_set ratios(const financial_year& y) {
  const double ta = to_double(y.total_assets);
  const double ca = to_double(y.current_assets);
  const double cl = to_double(y.current_liabilities);
  const double tl = to_double(y.total_liabilities);
  const double eq = to_double(y.equity_book);
  const double rev = to_double(y.revenue);
  const double ni = to_double(y.net_income);
  const double ann = annualise(y);
  ratio_set r;
  r.current_ratio = ratio(ca, cl);
  r.quick_ratio = ratio(ca - to_double(y.inventory), cl);
  r.cash_ratio = ratio(to_double(y.cash), cl);
  r.debt_to_assets = tl / ta;
  if (eq > 0) r.debt_to_equity = tl / eq;
  r.equity_ratio = eq / ta;
  r.net_margin = ratio(ni, rev);
  r.ebit_margin = ratio(to_double(y.ebit), rev);
  r.return_on_assets = ni * ann / ta;
  if (eq > 0) r.return_on_equity = ni * ann / eq;
  r.interest_coverage = ratio(to_double(y.ebit), to_double(y.interest_expense));
  r.debt_service_ffo = ratio((ni + to_double(y.depreciation)) * ann, tl);
  r.asset_turnover = rev * ann / ta;
  if (rev > 0) {
    r.dso_days = to_double(y.receivables) / (rev * ann) * 365.0;
    r.inventory_days = to_double(y.inventory) / (rev * ann) * 365.0;
  }
  r.working_capital = y.current_assets - y.current_liabilities;
  r.tangible_net_worth = y.equity_book - y.intangible_assets;
  return r;
}

std::vector<year_trend> trends(const financial_statements& s) {
  std::vector<year_trend> out;
  for (std::size_t i = 1; i < s.years.size(); ++i) {
    const financial_year& a = s.years[i - 1];
    const financial_year& b = s.years[i];
    year_trend t;
    t.from = a.period_end;
    t.to = b.period_end;
    const double rev_a = to_double(a.revenue) * annualise(a);
    const double rev_b = to_double(b.revenue) * annualise(b);
    if (rev_a > 0) t.revenue_growth = rev_b / rev_a - 1.0;
    const double ni_a = to_double(a.net_income) * annualise(a);
    const double ni_b = to_double(b.net_income) * annualise(b);
    t.net_income_change = ratio(ni_b - ni_a, std::abs(ni_b) + std::abs(ni_a));
    if (a.equity_book.is_positive()) t.equity_growth = to_double(b.equity_book) / to_double(a.equity_book) - 1.0;
    const ratio_set ra = ratios(a);
    const ratio_set rb = ratios(b);
    if (ra.current_ratio && rb.current_ratio) t.current_ratio_change = *rb.current_ratio - *ra.current_ratio;
    t.debt_to_assets_change = rb.debt_to_assets - ra.debt_to_assets;
    t.negative_income_both = a.net_income.is_negative() && b.net_income.is_negative();
    out.push_back(t);
  }
  return out;
}

}  // namespace scoring
KREDITOR_NAMESPACE_END
