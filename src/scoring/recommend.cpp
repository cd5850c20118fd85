// PD -> grade -> terms, methods, limit. The method is documented in kreditor/scoring/recommend.hpp.
#include "kreditor/scoring/recommend.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "kreditor/core/errc.hpp"
#include "kreditor/terms/due_dates.hpp"
#include "kreditor/terms/notation.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace scoring {
using kreditor::to_string;  // dates and money: hidden by scoring's own to_string overloads
namespace {

struct method_row {
  payment_method method;
  const char* name;
};
constexpr method_row method_names[] = {{payment_method::bank_transfer, "bank_transfer"},
                                       {payment_method::direct_debit, "direct_debit"},
                                       {payment_method::card, "card"},
                                       {payment_method::cash_on_delivery, "cash_on_delivery"},
                                       {payment_method::prepayment, "prepayment"}};

std::string percent(double v, int places = 2) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f %%", places, v * 100.0);
  return buf;
}

std::string number(double v, int places = 2) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", places, v);
  return buf;
}

void check_terms(const std::string& t, const std::string& where) {
  const auto parsed = parse_terms(t);
  if (!parsed) throw error(errc::invalid_argument, "recommendation policy: " + where + ": " + parsed.error().message);
  if (format(*parsed) != t)
    throw error(errc::invalid_argument, "recommendation policy: " + where + ": '" + t +
                                            "' is not canonical; write '" + format(*parsed) + "'");
}

std::size_t grade_index(const recommendation_policy& p, std::string_view g) {
  for (std::size_t i = 0; i < p.grades.size(); ++i)
    if (p.grades[i].grade == g) return i;
  throw error(errc::not_found, "recommendation policy: unknown grade '" + std::string(g) + "'");
}

// Money from a non-negative statistic in minor units, rounded DOWN to `unit` minor units.
money floor_to_unit(long double minor, std::int64_t unit_minor, currency c) {
  if (!(minor > 0)) return money::zero(c);
  constexpr long double cap = 9.0e18L;
  // The statistic is first taken to the nearest minor unit (shares are binary fractions: 0.35 x
  // 8 000 000 is 2 799 999.99...), then the limit is rounded DOWN to the unit: one decision rounding.
  const auto minor_units = static_cast<std::int64_t>(std::nearbyint(std::min(minor, cap)));
  return money(minor_units / unit_minor * unit_minor, c);
}

}  // namespace

std::string_view to_string(payment_method m) noexcept {
  for (const auto& r : method_names)
    if (r.method == m) return r.name;
  return "unknown";
}

result<payment_method> parse_payment_method(std::string_view text) {
  for (const auto& r : method_names)
    if (text == r.name) return r.method;
  if (text == "cheque" || text == "check")
    return failure{errc::invalid_argument, "payment method: cheques are not offered (fraud and slow clearing)"};
  return failure{errc::invalid_argument, "payment method: unknown '" + std::string(text) +
                                             "' (bank_transfer, direct_debit, card, cash_on_delivery, prepayment)"};
}

recommendation_policy default_policy() {
  using enum payment_method;
  recommendation_policy p;
  p.name = "kreditor default (suggestion, not a standard)";
  // grade  max_pd  terms         discount        TNW   purchases  methods
  // The PD bands are anchored on the default PD source, Ohlson's O-score: B ends at Ohlson's
  // error-minimising cut-off 0.038, D at the usual cut-off 0.5 ("bankrupt" above it).
  p.grades = {
      {"A", 0.01, "net 30", "", 0.20, 0.30, {bank_transfer, direct_debit, card}},
      {"B", 0.038, "net 30", "2/10 net 30", 0.15, 0.25, {bank_transfer, direct_debit, card}},
      {"C", 0.10, "net 14", "", 0.10, 0.15, {bank_transfer, direct_debit, card}},
      {"D", 0.50, "COD", "", 0.0, 0.0, {cash_on_delivery, prepayment, card}},
      {"E", 1.0, "CIA", "", 0.0, 0.0, {prepayment}},
  };
  p.unrated_grade = "D";
  return p;
}

void validate(const recommendation_policy& p) {
  const auto bad = [](const std::string& what) {
    throw error(errc::invalid_argument, "recommendation policy: " + what);
  };
  if (p.grades.empty()) bad("grades: at least one grade is required");
  double prev = 0;
  for (std::size_t i = 0; i < p.grades.size(); ++i) {
    const auto& g = p.grades[i];
    const std::string where = "grades[" + std::to_string(i) + "] (" + g.grade + ")";
    if (g.grade.empty()) bad(where + ": grade is empty");
    for (std::size_t k = 0; k < i; ++k)
      if (p.grades[k].grade == g.grade) bad(where + ": grade appears twice");
    if (!(g.max_pd > prev) || g.max_pd > 1) bad(where + ": max_pd must rise strictly and stay <= 1");
    prev = g.max_pd;
    check_terms(g.terms, where + ".terms");
    if (!g.discount_terms.empty()) {
      check_terms(g.discount_terms, where + ".discount_terms");
      if (!implied_annual_rate(parse_terms(g.discount_terms).value(), compounding::simple))
        bad(where + ".discount_terms: '" + g.discount_terms + "' has no discount");
    }
    if (!(g.tnw_share >= 0 && g.tnw_share <= 1)) bad(where + ": tnw_share must be in 0..1");
    if (!(g.purchases_share >= 0 && g.purchases_share <= 1)) bad(where + ": purchases_share must be in 0..1");
    if (g.methods.empty()) bad(where + ": methods is empty");
  }
  if (p.grades.back().max_pd != 1) bad("the last grade must have max_pd 1");
  (void)grade_index(p, p.unrated_grade);
  check_terms(p.cash_terms, "cash_terms");
  if (!(p.lgd > 0 && p.lgd <= 1)) bad("lgd must be in (0, 1]");
  if (!(p.pd_floor >= 0 && p.pd_floor < 1)) bad("pd_floor must be in [0, 1)");
  if (!(p.el_budget_share >= 0 && p.el_budget_share <= 1)) bad("el_budget_share must be in 0..1");
  if (!(p.max_discount_annual_cost >= 0)) bad("max_discount_annual_cost must be >= 0");
  if (p.limit_unit < 1) bad("limit_unit must be >= 1");
  if (!(p.ohlson.size_unit > 0) || !(p.ohlson.price_level_index > 0))
    bad("ohlson: size_unit and price_level_index must be > 0");
}

std::map<std::string, double> features(const recommendation_inputs& in, const recommendation_policy& p) {
  std::map<std::string, double> f;
  const auto put = [&](const char* name, const std::optional<double>& v) {
    if (v && std::isfinite(*v)) f[name] = *v;
  };
  if (in.statements != nullptr && !in.statements->years.empty()) {
    const ratio_set r = ratios(in.statements->latest());
    put("current_ratio", r.current_ratio);
    put("quick_ratio", r.quick_ratio);
    put("cash_ratio", r.cash_ratio);
    put("debt_to_assets", r.debt_to_assets);
    put("debt_to_equity", r.debt_to_equity);
    put("equity_ratio", r.equity_ratio);
    put("net_margin", r.net_margin);
    put("ebit_margin", r.ebit_margin);
    put("return_on_assets", r.return_on_assets);
    put("return_on_equity", r.return_on_equity);
    put("interest_coverage", r.interest_coverage);
    put("debt_service_ffo", r.debt_service_ffo);
    put("asset_turnover", r.asset_turnover);
    put("dso_days", r.dso_days);
    put("inventory_days", r.inventory_days);
    try {
      put("altman_z", altman(in.statements->latest(), altman_model_for(*in.statements)).score);
    } catch (const error&) {  // undefined (no liabilities): absent
    }
    try {
      put("ohlson_o", ohlson(*in.statements, p.ohlson).o);
    } catch (const error&) {
    }
    const auto t = trends(*in.statements);
    if (!t.empty()) put("revenue_growth", t.back().revenue_growth);
  }
  if (in.behaviour != nullptr) {
    const auto& b = *in.behaviour;
    put("days_beyond_terms", b.days_beyond_terms);
    put("share_paid_on_time", b.share_paid_on_time);
    put("max_dunning_level", b.max_dunning_level);
    put("broken_promises", b.broken_promises);
    put("broken_plans", b.broken_plans);
    put("disputes", b.disputes);
    put("dso_trend", b.dso_trend);
  }
  if (in.check != nullptr) {
    if (in.check->score) put("bureau_score", *in.check->score);
    put("payment_remarks", in.check->payment_remarks);
  }
  return f;
}

recommendation recommend(const recommendation_inputs& in, const recommendation_policy& p) {
  validate(p);
  recommendation r;
  const currency cur = in.statements != nullptr ? in.statements->currency : in.currency;
  if (in.expected_annual_purchases && in.expected_annual_purchases->currency() != cur)
    throw error(errc::currency_mismatch, "recommend: expected purchases in " +
                                             std::string(in.expected_annual_purchases->currency().code()) +
                                             ", statements in " + std::string(cur.code()));
  const bool have_statements = in.statements != nullptr && !in.statements->years.empty();
  if (have_statements) {
    try {
      r.altman = altman(in.statements->latest(), altman_model_for(*in.statements));
    } catch (const error&) {
    }
    try {
      r.ohlson = ohlson(*in.statements, p.ohlson);
    } catch (const error&) {
    }
  }

  // 1. PD and the grade it gives.
  std::size_t g = 0;
  if (in.model != nullptr) {
    const auto f = features(in, p);
    std::vector<double> x;
    const std::size_t off = in.model->intercept ? 1 : 0;
    for (std::size_t i = off; i < in.model->names.size(); ++i) {
      const auto it = f.find(in.model->names[i]);
      if (it == f.end())
        throw error(errc::not_found, "recommend: the model needs feature '" + in.model->names[i] +
                                         "', which this customer's data do not give");
      x.push_back(it->second);
    }
    r.pd = in.model->probability(x);
    r.pd_source = "model";
  } else if (r.ohlson) {
    r.pd = r.ohlson->p;
    r.pd_source = "ohlson_1980";
  } else {
    r.pd_source = "none";
  }
  if (r.pd) {
    r.pd = std::max(*r.pd, p.pd_floor);
    while (g + 1 < p.grades.size() && *r.pd > p.grades[g].max_pd) ++g;
    r.reasons.push_back({"grade_from_pd", "PD " + percent(*r.pd) + " (" +
                                              (r.pd_source == "model" ? std::string("your scoring model")
                                                                      : std::string("Ohlson 1980 O-score")) +
                                              ") is in grade " + p.grades[g].grade + " (PD up to " +
                                              percent(p.grades[g].max_pd) + ")"});
  } else {
    g = grade_index(p, p.unrated_grade);
    r.reasons.push_back({"no_financials", "no financial statements: unrated, grade " + p.grades[g].grade});
  }
  if (r.altman)
    r.reasons.push_back({"altman_" + std::string(to_string(r.altman->zone)),
                         "Altman " + std::string(to_string(r.altman->model)) + " " + number(r.altman->score) +
                             ": " + std::string(to_string(r.altman->zone)) + " zone"});

  // 2. Evidence notches the grade down, never up.
  const std::size_t worst = p.grades.size() - 1;
  const auto notch = [&](std::size_t n, std::string code, std::string text) {
    const std::size_t before = g;
    g = std::min(worst, g + n);
    r.reasons.push_back({std::move(code), text + (g != before ? " (grade " + p.grades[before].grade + " -> " +
                                                                    p.grades[g].grade + ")"
                                                              : "")});
  };
  if (in.check != nullptr) {
    const auto& c = *in.check;
    if (c.status != registered_status::active && c.status != registered_status::unknown)
      notch(worst, "status_" + std::string(to_string(c.status)),
            "registered status " + std::string(to_string(c.status)) + " (check of " + to_string(c.checked_on) + ")");
    if (c.payment_remarks > 0)
      notch(1, "payment_remarks", std::to_string(c.payment_remarks) + " registered payment remark" +
                                      (c.payment_remarks > 1 ? "s" : "") + " (" + c.bureau + ", " +
                                      to_string(c.checked_on) + ")");
    if (c.score && *c.score < p.check_score_floor)
      notch(1, "bureau_score_low", c.bureau + " score " + std::to_string(*c.score) + " is below " +
                                       std::to_string(p.check_score_floor));
  }
  bool cash = false;
  if (in.behaviour != nullptr) {
    const auto& b = *in.behaviour;
    if (b.collection) notch(2, "collection", "an invoice was handed over to collection");
    if (b.days_beyond_terms > 60) {
      notch(2, "late_payer", "pays " + number(b.days_beyond_terms, 0) + " days beyond terms on average (by amount)");
    } else if (b.days_beyond_terms > 30) {
      notch(1, "late_payer", "pays " + number(b.days_beyond_terms, 0) + " days beyond terms on average (by amount)");
    }
    if (b.cheque_payments > 0)
      r.reasons.push_back({"paid_by_cheque", "paid by cheque " + std::to_string(b.cheque_payments) +
                                                 (b.cheque_payments == 1 ? " time" : " times") +
                                                 ": ask for bank transfer (cheques clear "
                                                 "slowly and are open to fraud)"});
    if (b.broken_promises > 0 || b.broken_plans > 0) {
      cash = true;
      r.reasons.push_back({"broken_promise", std::to_string(b.broken_promises) + " broken promise(s) to pay and " +
                                                 std::to_string(b.broken_plans) +
                                                 " broken payment plan(s): cash terms (" + p.cash_terms + ")"});
    }
  }
  const grade_band& band = p.grades[g];
  r.grade = band.grade;

  // 3. Terms and methods.
  r.terms = cash ? p.cash_terms : band.terms;
  r.methods = band.methods;
  if (cash) {
    const auto t = parse_terms(p.cash_terms).value();
    r.methods = t.kind == term_kind::cash_on_delivery ? std::vector{payment_method::cash_on_delivery,
                                                                   payment_method::prepayment}
                                                      : std::vector{payment_method::prepayment};
  }
  if (!cash && !band.discount_terms.empty()) {
    const decimal cost = *implied_annual_rate(parse_terms(band.discount_terms).value(), compounding::simple);
    r.discount_annual_cost = static_cast<double>(cost.mantissa()) / std::pow(10.0, cost.scale());
    if (*r.discount_annual_cost <= p.max_discount_annual_cost) {
      r.discount_offered = true;
      r.terms = band.discount_terms;
      r.reasons.push_back({"discount_offered", band.discount_terms + " costs " + percent(*r.discount_annual_cost) +
                                                   " a year, within the " + percent(p.max_discount_annual_cost) +
                                                   " hurdle"});
    } else {
      r.reasons.push_back({"discount_too_expensive", band.discount_terms + " would cost " +
                                                         percent(*r.discount_annual_cost) + " a year, above the " +
                                                         percent(p.max_discount_annual_cost) + " hurdle: " +
                                                         band.terms});
    }
  }
  r.reasons.push_back({"terms", "terms " + r.terms + "; payment by " + [&] {
                         std::string s;
                         for (auto m : r.methods) s += (s.empty() ? "" : ", ") + std::string(to_string(m));
                         return s;
                       }() + " (no cheques)"});

  // 4. The credit limit.
  const auto unit_minor = static_cast<long double>(p.limit_unit) * std::pow(10.0L, cur.minor_units());
  const auto unit = static_cast<std::int64_t>(unit_minor);
  r.limit = money::zero(cur);
  const bool no_credit = cash || (band.tnw_share == 0 && band.purchases_share == 0);
  if (no_credit) {
    r.reasons.push_back({"limit_none", "no credit limit: " + r.terms});
    return r;
  }
  std::optional<long double> capacity;
  std::optional<long double> need;
  if (have_statements) {
    const money tnw = ratios(in.statements->latest()).tangible_net_worth;
    if (!tnw.is_positive()) {
      r.reasons.push_back({"limit_tnw_negative", "tangible net worth " + to_string(tnw) + " " +
                                                     std::string(cur.code()) + " is not positive: no credit"});
      return r;
    }
    capacity = static_cast<long double>(tnw.minor_units()) * band.tnw_share;
  }
  if (in.expected_annual_purchases)
    need = static_cast<long double>(in.expected_annual_purchases->minor_units()) * band.purchases_share;
  if (!capacity && !need) {
    r.reasons.push_back({"limit_no_basis", "neither statements nor expected purchases: no credit limit"});
    return r;
  }
  long double limit = 0;
  std::string by;
  if (capacity && (!need || *capacity <= *need)) {
    limit = *capacity;
    by = "limit_by_tnw";
  } else {
    limit = *need;
    by = "limit_by_purchases";
  }
  if (r.pd && in.expected_annual_purchases) {
    const long double budget = static_cast<long double>(in.expected_annual_purchases->minor_units()) * p.el_budget_share;
    const long double el_cap = budget / (static_cast<long double>(*r.pd) * p.lgd);
    if (el_cap < limit) {
      limit = el_cap;
      by = "limit_by_el_budget";
    }
  }
  r.limit = floor_to_unit(limit, unit, cur);
  const std::string amount = to_string(r.limit) + " " + std::string(cur.code());
  if (by == "limit_by_tnw") {
    r.reasons.push_back({by, "limit " + amount + " = " + percent(band.tnw_share, 0) + " of tangible net worth" +
                                 (need ? " (below " + percent(band.purchases_share, 0) + " of expected purchases)" : "")});
  } else if (by == "limit_by_purchases") {
    r.reasons.push_back({by, "limit " + amount + " = " + percent(band.purchases_share, 0) +
                                 " of expected annual purchases" +
                                 (capacity ? " (below " + percent(band.tnw_share, 0) + " of tangible net worth)" : "")});
  } else {
    r.reasons.push_back({by, "limit " + amount + ": expected loss PD x LGD x limit stays within the budget of " +
                                 percent(p.el_budget_share) + " of expected purchases (LGD " + percent(p.lgd, 0) +
                                 ")"});
  }
  return r;
}

}  // namespace scoring
KREDITOR_NAMESPACE_END
