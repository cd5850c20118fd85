// Statements, distress models, evaluation, behaviour, credit checks, recommendation and their JSON.
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "kreditor/io/scoring_json.hpp"
#include "kreditor/scoring/behaviour.hpp"
#include "kreditor/scoring/credit_check.hpp"
#include "kreditor/scoring/distress.hpp"
#include "kreditor/scoring/evaluation.hpp"
#include "kreditor/scoring/recommend.hpp"
#include "kreditor/scoring/statements.hpp"
#include "kreditor/terms/notation.hpp"
#include "support/errors.hpp"

namespace kreditor::scoring {
namespace {

using test_support::thrown_code;
const currency nok = currency::parse("NOK").value();

money nk(std::int64_t major) { return money(major * 100, nok); }

// A mid-sized firm, NOK: every ratio below follows from these numbers by hand.
financial_year sample_year() {
  financial_year y;
  y.period_end = make_date(2025, 12, 31);
  y.revenue = nk(15'000'000);
  y.ebit = nk(1'200'000);
  y.net_income = nk(700'000);
  y.depreciation = nk(300'000);
  y.interest_expense = nk(200'000);
  y.total_assets = nk(10'000'000);
  y.current_assets = nk(4'000'000);
  y.cash = nk(500'000);
  y.inventory = nk(1'000'000);
  y.receivables = nk(1'500'000);
  y.intangible_assets = nk(200'000);
  y.total_liabilities = nk(6'000'000);
  y.current_liabilities = nk(2'500'000);
  y.equity_book = nk(4'000'000);
  y.retained_earnings = nk(2'500'000);
  return y;
}

financial_statements sample_statements() {
  financial_statements s;
  s.customer_id = "NO-1001";
  s.currency = nok;
  s.years = {sample_year()};
  return s;
}

TEST(Statements, RatiosOfTheSampleYear) {
  const ratio_set r = ratios(sample_year());
  EXPECT_DOUBLE_EQ(*r.current_ratio, 1.6);
  EXPECT_DOUBLE_EQ(*r.quick_ratio, 1.2);
  EXPECT_DOUBLE_EQ(*r.cash_ratio, 0.2);
  EXPECT_DOUBLE_EQ(r.debt_to_assets, 0.6);
  EXPECT_DOUBLE_EQ(*r.debt_to_equity, 1.5);
  EXPECT_DOUBLE_EQ(*r.interest_coverage, 6.0);
  EXPECT_DOUBLE_EQ(r.return_on_assets, 0.07);
  EXPECT_DOUBLE_EQ(r.asset_turnover, 1.5);
  EXPECT_DOUBLE_EQ(*r.dso_days, 36.5);
  EXPECT_EQ(r.working_capital, nk(1'500'000));
  EXPECT_EQ(r.tangible_net_worth, nk(3'800'000));
}

TEST(Statements, ZeroDenominatorIsAbsentNotNaN) {
  financial_year y = sample_year();
  y.current_liabilities = nk(0);
  y.interest_expense = nk(0);
  const ratio_set r = ratios(y);
  EXPECT_FALSE(r.current_ratio.has_value());
  EXPECT_FALSE(r.interest_coverage.has_value());
}

TEST(Statements, ValidationNamesTheProblem) {
  financial_statements s = sample_statements();
  EXPECT_FALSE(thrown_code([&] { validate(s); }).has_value());
  s.years[0].current_assets = nk(11'000'000);
  EXPECT_EQ(thrown_code([&] { validate(s); }), errc::conflict);
  s = sample_statements();
  s.years[0].equity_book = nk(3'000'000);  // 10 M != 6 M + 3 M
  EXPECT_EQ(thrown_code([&] { validate(s); }), errc::conflict);
  s = sample_statements();
  s.years[0].revenue = money(100, currency::parse("SEK").value());
  EXPECT_EQ(thrown_code([&] { validate(s); }), errc::currency_mismatch);
  s = sample_statements();
  s.years.push_back(sample_year());  // the same period twice
  EXPECT_EQ(thrown_code([&] { validate(s); }), errc::conflict);
  s = sample_statements();
  s.years[0].depreciation = nk(-1);
  EXPECT_EQ(thrown_code([&] { validate(s); }), errc::invalid_argument);
}

TEST(Statements, TrendsCompareConsecutiveYears) {
  financial_statements s = sample_statements();
  financial_year prev = sample_year();
  prev.period_end = make_date(2024, 12, 31);
  prev.revenue = nk(12'000'000);
  prev.net_income = nk(-300'000);
  s.years.insert(s.years.begin(), prev);
  const auto t = trends(s);
  ASSERT_EQ(t.size(), 1U);
  EXPECT_DOUBLE_EQ(*t[0].revenue_growth, 0.25);
  EXPECT_DOUBLE_EQ(*t[0].net_income_change, 1.0);  // (700 + 300) / (700 + 300)
  EXPECT_FALSE(t[0].negative_income_both);
}

TEST(Distress, AltmanModelsOnTheSampleYear) {
  const financial_year y = sample_year();
  // X1 = 0.15, X2 = 0.25, X3 = 0.12, X4 = 4/6, X5 = 1.5
  const altman_result zpp = altman(y, altman_model::z_double_prime);
  EXPECT_NEAR(zpp.score, 6.56 * 0.15 + 3.26 * 0.25 + 6.72 * 0.12 + 1.05 * (4.0 / 6.0), 1e-12);
  EXPECT_NEAR(zpp.score, 3.3054, 1e-4);
  EXPECT_EQ(zpp.zone, distress_zone::safe);  // > 2.60
  const altman_result zp = altman(y, altman_model::z_prime);
  EXPECT_NEAR(zp.score, 2.46914, 1e-5);
  EXPECT_EQ(zp.zone, distress_zone::grey);  // 1.23 .. 2.90
  EXPECT_NEAR(altman(y, altman_model::em).score, 3.3054 + 3.25, 1e-4);
  EXPECT_EQ(thrown_code([&] { (void)altman(y, altman_model::z); }), errc::invalid_argument);  // no market value
  financial_year listed = y;
  listed.equity_market = nk(6'000'000);
  EXPECT_NEAR(altman(listed, altman_model::z).score, 1.2 * 0.15 + 1.4 * 0.25 + 3.3 * 0.12 + 0.6 * 1.0 + 1.5, 1e-12);
}

TEST(Distress, ZonesAreThePublishedOnes) {
  EXPECT_EQ(zones(altman_model::z).distress_below, 1.81);
  EXPECT_EQ(zones(altman_model::z).safe_above, 2.99);
  EXPECT_EQ(zones(altman_model::z_prime).distress_below, 1.23);
  EXPECT_EQ(zones(altman_model::z_double_prime).distress_below, 1.10);  // not creditguru's 1.23
  EXPECT_EQ(zones(altman_model::z_double_prime).safe_above, 2.60);
}

TEST(Distress, OhlsonWithTheDocumentedSizeConvention) {
  const financial_statements s = sample_statements();
  const ohlson_result o = ohlson(s);
  // SIZE = ln(TA in thousands / (100 / 100)) = ln(10 000)
  EXPECT_NEAR(o.size, std::log(10'000.0), 1e-12);
  const double expected = -1.32 - 0.407 * std::log(10'000.0) + 6.03 * 0.6 - 1.43 * 0.15 + 0.0757 * (2.5 / 4.0) -
                          2.37 * 0.07 - 1.83 * (1.0 / 6.0);
  EXPECT_NEAR(o.o, expected, 1e-12);
  EXPECT_NEAR(o.p, 1 / (1 + std::exp(-expected)), 1e-15);
  EXPECT_TRUE(o.single_year);
  // Deflating by a price index of 560 (1968 = 100) raises O by 0.407 ln 5.6.
  const ohlson_result d = ohlson(s, {.size_unit = 1000, .price_level_index = 560});
  EXPECT_NEAR(d.o - o.o, 0.407 * std::log(5.6), 1e-12);
}

TEST(Evaluation, SklearnDocumentationExample) {
  // sklearn.metrics.roc_auc_score docs: y = [0, 0, 1, 1], scores = [0.1, 0.4, 0.35, 0.8] -> 0.75
  const std::vector<double> y = {0, 0, 1, 1};
  const std::vector<double> s = {0.1, 0.4, 0.35, 0.8};
  EXPECT_DOUBLE_EQ(auc(s, y), 0.75);
  EXPECT_DOUBLE_EQ(gini(s, y), 0.5);
  EXPECT_DOUBLE_EQ(ks(s, y), 0.5);
  EXPECT_DOUBLE_EQ(brier(std::vector<double>{0.1, 0.9}, std::vector<double>{0, 1}), 0.01);
}

TEST(Evaluation, AucAndKsEqualBruteForceWithTies) {
  std::mt19937 gen(7);
  std::uniform_int_distribution<int> score(0, 9);  // many ties
  std::bernoulli_distribution bad(0.3);
  std::vector<double> s, y;
  for (int i = 0; i < 400; ++i) {
    s.push_back(score(gen));
    y.push_back(bad(gen) ? 1 : 0);
  }
  double wins = 0, pairs = 0;
  for (std::size_t i = 0; i < s.size(); ++i)
    for (std::size_t j = 0; j < s.size(); ++j)
      if (y[i] == 1 && y[j] == 0) {
        pairs += 1;
        wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
      }
  EXPECT_NEAR(auc(s, y), wins / pairs, 1e-12);
  double nb = 0, ng = 0, best = 0;
  for (double v : y) (v == 1 ? nb : ng) += 1;
  for (int t = 0; t <= 10; ++t) {
    double tp = 0, fp = 0;
    for (std::size_t i = 0; i < s.size(); ++i)
      if (s[i] >= t) (y[i] == 1 ? tp : fp) += 1;
    best = std::max(best, tp / nb - fp / ng);
  }
  EXPECT_NEAR(ks(s, y), best, 1e-12);
  const auto table = calibration_table(s, y, 4);
  std::size_t total = 0;
  for (const auto& r : table) total += r.count;
  EXPECT_EQ(total, s.size());
  for (std::size_t k = 1; k < table.size(); ++k) EXPECT_LT(table[k - 1].pd_to, table[k].pd_from);  // ties kept
  EXPECT_EQ(thrown_code([&] { (void)auc(s, std::vector<double>(400, 0.0)); }), errc::invalid_argument);
}

TEST(Evaluation, BySegmentEqualsTheMetricsOfEachSubset) {
  const std::vector<double> pd = {0.1, 0.4, 0.35, 0.8, 0.2, 0.3, 0.05};
  const std::vector<double> y = {0, 0, 1, 1, 0, 0, 0};
  const std::vector<std::string> seg = {"NO", "NO", "NO", "NO", "SE", "SE", "SE"};
  const auto m = evaluate_by_segment(pd, y, seg);
  ASSERT_EQ(m.size(), 3U);
  EXPECT_DOUBLE_EQ(m.at("NO").auc, 0.75);  // the sklearn example again
  EXPECT_DOUBLE_EQ(m.at("all").auc, auc(pd, y));
  EXPECT_DOUBLE_EQ(m.at("all").brier, brier(pd, y));
  EXPECT_EQ(m.at("SE").count, 3U);
  EXPECT_FALSE(m.at("SE").defined);  // only goods: AUC undefined, reported as such
  EXPECT_DOUBLE_EQ(m.at("SE").brier, (0.04 + 0.09 + 0.0025) / 3);
}

TEST(Behaviour, ThreeOnTimeAndOneThirtyDaysLate) {
  // D&B's example: three equal on-time payments and one 30 days late (DBT = 30 / 4 = 7.5).
  const date d0 = make_date(2026, 1, 1);
  std::vector<invoice_fact> f;
  for (int i = 0; i < 4; ++i) {
    invoice_fact x;
    x.issued = d0 + days(30 * i);
    x.due = x.issued + days(30);
    x.paid = x.due + days(i == 3 ? 30 : 0);
    x.amount = 100'000;
    f.push_back(x);
  }
  f[1].dunning_level = 1;
  const payment_behaviour b = behaviour(f, {.broken_promises = 1}, make_date(2026, 12, 31));
  EXPECT_EQ(b.invoices, 4U);
  EXPECT_DOUBLE_EQ(b.days_beyond_terms, 7.5);
  EXPECT_DOUBLE_EQ(b.share_paid_on_time, 0.75);
  EXPECT_EQ(b.max_dunning_level, 1);
  EXPECT_EQ(b.broken_promises, 1);
}

TEST(Behaviour, OpenOverdueInvoiceCountsUpToAsOf) {
  invoice_fact x;
  x.issued = make_date(2026, 1, 1);
  x.due = make_date(2026, 1, 31);
  x.amount = 5000;
  const payment_behaviour b = behaviour(std::vector{x}, {}, make_date(2026, 3, 2));
  EXPECT_DOUBLE_EQ(b.days_beyond_terms, 30.0);
  EXPECT_DOUBLE_EQ(b.share_paid_on_time, 0.0);
  // DSO: the open 5000 over the 90 days' sales of 5000 x 90; 90 days earlier nothing was invoiced.
  ASSERT_TRUE(b.dso.has_value());
  EXPECT_DOUBLE_EQ(*b.dso, 90.0);
  EXPECT_FALSE(b.dso_previous.has_value());
  EXPECT_FALSE(b.dso_trend.has_value());
}

TEST(CreditCheck, StaleAndWorsenedChecksRaiseAlerts) {
  const recheck_policy p;
  const std::vector<credit_check> none;
  EXPECT_EQ(check_alerts(none, make_date(2026, 1, 1), "A", p).at(0).kind, check_alert_kind::never_checked);
  std::vector<credit_check> h = {
      {.customer_id = "SE-2004", .checked_on = make_date(2025, 3, 1), .bureau = "Creditsafe", .score = 60},
      {.customer_id = "SE-2004", .checked_on = make_date(2025, 6, 1), .bureau = "Creditsafe", .score = 45,
       .payment_remarks = 2},
  };
  const auto a = check_alerts(h, make_date(2026, 1, 1), "C", p);  // 214 days > 180
  ASSERT_EQ(a.size(), 3U);
  EXPECT_EQ(a[0].kind, check_alert_kind::stale);
  EXPECT_EQ(a[1].kind, check_alert_kind::score_dropped);
  EXPECT_EQ(a[2].kind, check_alert_kind::new_payment_remarks);
  EXPECT_TRUE(check_alerts(h, make_date(2025, 7, 1), "A", p).size() == 2U);  // fresh for grade A
}

// The worked example of mydsomanager's credit-limit help: grade B, 35 % of TNW, 5 % of turnover,
// TNW 80 000, turnover 700 000 -> min(28 000; 35 000) = 28 000.
TEST(Recommend, CreditLimitWorkedExample) {
  recommendation_policy p = default_policy();
  p.grades[1].tnw_share = 0.35;
  p.grades[1].purchases_share = 0.05;
  financial_statements s;
  s.currency = nok;
  financial_year y = sample_year();
  y.total_assets = nk(200'000);
  y.current_assets = nk(100'000);
  y.cash = nk(10'000);
  y.inventory = nk(20'000);
  y.receivables = nk(30'000);
  y.intangible_assets = nk(0);
  y.total_liabilities = nk(120'000);
  y.current_liabilities = nk(60'000);
  y.equity_book = nk(80'000);
  s.years = {y};
  validate(s);
  const logistic_model pd_two_percent{.names = {"(Intercept)"}, .coefficients = {std::log(0.02 / 0.98)}};
  const money purchases = nk(700'000);
  const recommendation r =
      recommend({.statements = &s, .model = &pd_two_percent, .expected_annual_purchases = purchases, .currency = nok}, p);
  EXPECT_EQ(r.grade, "B");
  EXPECT_NEAR(*r.pd, 0.02, 1e-15);
  EXPECT_EQ(r.limit, nk(28'000));
  EXPECT_EQ(r.reasons.back().code, "limit_by_tnw");
  // 2/10 net 30 costs 37.24 % a year: above the 15 % hurdle, so plain net 30.
  EXPECT_EQ(r.terms, "net 30");
  EXPECT_FALSE(r.discount_offered);
  EXPECT_NEAR(*r.discount_annual_cost, 0.372449, 1e-6);
  p.max_discount_annual_cost = 0.40;
  EXPECT_EQ(recommend({.statements = &s, .model = &pd_two_percent, .expected_annual_purchases = purchases,
                       .currency = nok},
                      p)
                .terms,
            "2/10 net 30");
  // A tight expected-loss budget binds: 0.01 % x 700 000 / (2 % x 45 %) = 7 777 -> 7 000.
  p.el_budget_share = 0.0001;
  const recommendation tight = recommend(
      {.statements = &s, .model = &pd_two_percent, .expected_annual_purchases = purchases, .currency = nok}, p);
  EXPECT_EQ(tight.limit, nk(7'000));
  EXPECT_EQ(tight.reasons.back().code, "limit_by_el_budget");
}

TEST(Recommend, BrokenPromiseMeansCashTermsAndNoLimit) {
  const financial_statements s = sample_statements();
  payment_behaviour b;
  b.broken_promises = 1;
  const recommendation r = recommend({.statements = &s, .behaviour = &b, .currency = nok}, default_policy());
  EXPECT_EQ(r.terms, "CIA");
  EXPECT_TRUE(r.limit.is_zero());
  EXPECT_EQ(r.methods, std::vector{payment_method::prepayment});
  bool found = false;
  for (const auto& x : r.reasons) found = found || x.code == "broken_promise";
  EXPECT_TRUE(found);
}

TEST(Recommend, ChequePaymentsGiveAReasonAskingForBankTransferAndChangeNothingElse) {
  const financial_statements s = sample_statements();
  payment_behaviour none;
  payment_behaviour cheques;
  cheques.cheque_payments = 3;
  const recommendation a = recommend({.statements = &s, .behaviour = &none, .currency = nok}, default_policy());
  const recommendation b = recommend({.statements = &s, .behaviour = &cheques, .currency = nok}, default_policy());
  const auto cheque_reason = [](const recommendation& r) -> const reason* {
    for (const auto& x : r.reasons)
      if (x.code == "paid_by_cheque") return &x;
    return nullptr;
  };
  EXPECT_EQ(cheque_reason(a), nullptr);
  ASSERT_NE(cheque_reason(b), nullptr);
  EXPECT_EQ(cheque_reason(b)->text.rfind("paid by cheque 3 times: ask for bank transfer", 0), 0U) << cheque_reason(b)->text;
  EXPECT_EQ(b.grade, a.grade);
  EXPECT_EQ(b.terms, a.terms);
  EXPECT_EQ(b.limit, a.limit);
  EXPECT_EQ(b.methods, a.methods);  // and no cheque among them
}

TEST(Recommend, BankruptcyGivesTheWorstGradeAndEveryTermsStringParses) {
  const financial_statements s = sample_statements();
  const credit_check c{.customer_id = "NO-1001", .checked_on = make_date(2026, 1, 5), .bureau = "manual",
                       .status = registered_status::bankrupt};
  const recommendation r = recommend({.statements = &s, .check = &c, .currency = nok}, default_policy());
  EXPECT_EQ(r.grade, "E");
  EXPECT_EQ(r.terms, "CIA");
  EXPECT_EQ(r.pd_source, "ohlson_1980");
  for (const auto& g : default_policy().grades) EXPECT_TRUE(parse_terms(g.terms).has_value()) << g.terms;
  EXPECT_FALSE(parse_payment_method("cheque").has_value());
}

TEST(Recommend, MissingModelFeatureIsNotFound) {
  const financial_statements s = sample_statements();
  const logistic_model m{.names = {"(Intercept)", "bureau_score"}, .coefficients = {0.0, -0.05}};
  EXPECT_EQ(thrown_code([&] { (void)recommend({.statements = &s, .model = &m, .currency = nok}, default_policy()); }),
            errc::not_found);
}

TEST(ScoringJson, EverythingRoundTripsIdentically) {
  const financial_statements s = sample_statements();
  const std::string text = to_json(s);
  const auto back = parse_financials_json(text);
  ASSERT_TRUE(back.has_value()) << back.error().message;
  EXPECT_EQ(to_json(*back), text);

  const std::vector<credit_check> checks = {{.customer_id = "NO-1002", .checked_on = make_date(2026, 10, 1),
                                             .bureau = "Bisnode", .score = 41, .rating = "B",
                                             .payment_remarks = 1, .status = registered_status::active}};
  const auto checks_back = parse_credit_checks_json(to_json(checks));
  ASSERT_TRUE(checks_back.has_value()) << checks_back.error().message;
  EXPECT_EQ(*checks_back, checks);

  const logistic_model m{.names = {"(Intercept)", "debt_to_assets"}, .coefficients = {-3.1234567890123457, 0.1 + 0.2}};
  const auto m_back = parse_logistic_model_json(to_json(m));
  ASSERT_TRUE(m_back.has_value()) << m_back.error().message;
  EXPECT_EQ(*m_back, m);  // bit-identical doubles

  const recommendation_policy p = default_policy();
  const auto p_back = parse_recommendation_policy_json(to_json(p));
  ASSERT_TRUE(p_back.has_value()) << p_back.error().message;
  EXPECT_EQ(*p_back, p);
}

TEST(ScoringJson, ErrorsNameThePointer) {
  std::string text = to_json(sample_statements());
  const auto pos = text.find("\"revenue\": \"15000000.00\"");
  ASSERT_NE(pos, std::string::npos);
  const std::string as_number = text.substr(0, pos) + "\"revenue\": 15000000" + text.substr(pos + 24);
  const auto r = parse_financials_json(as_number);
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().message.find("/years/0/revenue"), std::string::npos) << r.error().message;
  const auto unknown = parse_financials_json(R"({"currency": "NOK", "years": [], "turnover": 1})");
  ASSERT_FALSE(unknown.has_value());
  EXPECT_NE(unknown.error().message.find("/turnover: unknown key"), std::string::npos) << unknown.error().message;
  recommendation_policy p = default_policy();
  p.grades[0].terms = "30 dager netto";  // parses, but is not the canonical spelling
  const auto bad = parse_recommendation_policy_json(to_json(p));
  ASSERT_FALSE(bad.has_value());
  EXPECT_NE(bad.error().message.find("write 'net 30'"), std::string::npos) << bad.error().message;
}

TEST(ScoringJson, StrictLikeEveryReader) {
  // A number beyond a double's range: a named error, not nlohmann's out_of_range.406 escaping.
  const auto huge = parse_logistic_model_json(
      R"({"intercept": false, "coefficients": [{"name": "x", "value": 1e999}]})");
  ASSERT_FALSE(huge.has_value());
  EXPECT_EQ(huge.error().code, errc::out_of_range);
  EXPECT_NE(huge.error().message.find("logistic model JSON:1:"), std::string::npos) << huge.error().message;
  EXPECT_NE(huge.error().message.find("1e999 is out of range"), std::string::npos) << huge.error().message;
  const auto digits = parse_financials_json(std::string(400, '7'));
  ASSERT_FALSE(digits.has_value());
  EXPECT_EQ(digits.error().code, errc::out_of_range);
  // A key twice: refused (nlohmann would silently keep the last value).
  const auto twice = parse_logistic_model_json(
      R"({"intercept": false, "intercept": true, "coefficients": [{"name": "x", "value": 1}]})");
  ASSERT_FALSE(twice.has_value());
  EXPECT_EQ(twice.error().code, errc::invalid_argument);
  EXPECT_NE(twice.error().message.find("key \"intercept\" appears twice"), std::string::npos) << twice.error().message;
  const auto broken = parse_credit_checks_json("{\"checks\": [");
  ASSERT_FALSE(broken.has_value());
  EXPECT_EQ(broken.error().code, errc::invalid_argument);
  EXPECT_NE(broken.error().message.find("credit checks JSON:1:"), std::string::npos) << broken.error().message;
}

}  // namespace
}  // namespace kreditor::scoring
