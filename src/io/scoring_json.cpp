// Scoring inputs, models and policies as JSON (schemas in kreditor/io/scoring_json.hpp).
#include "kreditor/io/scoring_json.hpp"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>

#include "io/json_text.hpp"
#include "kreditor/core/errc.hpp"
#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace {

using json = nlohmann::ordered_json;
using namespace scoring;

struct bad_json {
  errc code;
  std::string message;
};

class reader {
 public:
  explicit reader(std::string doc) : doc_(std::move(doc)) {}

  [[noreturn]] void fail(const std::string& path, const std::string& what, errc code = errc::invalid_argument) const {
    throw bad_json{code, doc_ + " JSON: " + (path.empty() ? std::string("/") : path) + ": " + what};
  }
  const json& object(const json& j, const std::string& path) const {
    if (!j.is_object()) fail(path, "must be an object");
    return j;
  }
  void only_keys(const json& j, const std::string& path, std::initializer_list<std::string_view> allowed) const {
    for (const auto& [key, value] : j.items()) {
      if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
      std::string list;
      for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      fail(path + "/" + key, "unknown key (expected one of: " + list + ")");
    }
  }
  const json& need(const json& j, const std::string& path, const char* key) const {
    const auto it = j.find(key);
    if (it == j.end()) fail(path + "/" + key, "is required");
    return *it;
  }
  static const json* find(const json& j, const char* key) {
    const auto it = j.find(key);
    return it == j.end() ? nullptr : &*it;
  }
  std::string str(const json& j, const std::string& path) const {
    if (!j.is_string()) fail(path, "must be a string");
    return j.get<std::string>();
  }
  bool boolean(const json& j, const std::string& path) const {
    if (!j.is_boolean()) fail(path, "must be true or false");
    return j.get<bool>();
  }
  std::int64_t integer(const json& j, const std::string& path, std::int64_t lo, std::int64_t hi) const {
    if (!j.is_number_integer()) fail(path, "must be an integer");
    const auto v = j.get<std::int64_t>();
    if (v < lo || v > hi) fail(path, std::to_string(v) + " is outside " + std::to_string(lo) + ".." + std::to_string(hi));
    return v;
  }
  double number(const json& j, const std::string& path) const {
    if (!j.is_number()) fail(path, "must be a number");
    const double v = j.get<double>();
    if (!std::isfinite(v)) fail(path, "must be finite");
    return v;
  }
  date day(const json& j, const std::string& path) const {
    const auto d = parse_date(str(j, path));
    if (!d) fail(path, d.error().message);
    return *d;
  }
  money amount(const json& j, const std::string& path, currency c) const {
    if (!j.is_string()) fail(path, "must be a decimal string such as \"1250000.00\" (not a JSON number)");
    const auto m = money::parse(j.get<std::string>(), c);
    if (!m) fail(path, m.error().message);
    return *m;
  }
  void schema(const json& j, const char* expected) const {
    if (const json* s = find(j, "schema"); s != nullptr && str(*s, "/schema") != expected)
      fail("/schema", "must be \"" + std::string(expected) + "\"");
  }
  /// Strict, as every JSON kreditor reads (io/json_text.hpp): not JSON, a key twice and a number
  /// beyond a double's range are named errors (nlohmann's out_of_range.406 for 1e999 is no
  /// parse_error and escaped the result<> API before).
  json parse(std::string_view text) const { return json(io::parse_json_strict(text, doc_ + " JSON")); }

 private:
  std::string doc_;
};

template <class T, class F>
result<T> guarded(F&& f) {
  try {
    return f();
  } catch (const bad_json& e) {
    return failure{e.code, e.message};
  } catch (const error& e) {
    return failure{e.code(), e.what()};
  }
}

// The amount fields of a year, in schema order.
struct amount_field {
  const char* name;
  money financial_year::*member;
};
// clang-format off
constexpr amount_field year_amounts[] = {
  {"revenue", &financial_year::revenue}, {"ebit", &financial_year::ebit},
  {"net_income", &financial_year::net_income}, {"depreciation", &financial_year::depreciation},
  {"interest_expense", &financial_year::interest_expense}, {"total_assets", &financial_year::total_assets},
  {"current_assets", &financial_year::current_assets}, {"cash", &financial_year::cash},
  {"inventory", &financial_year::inventory}, {"receivables", &financial_year::receivables},
  {"intangible_assets", &financial_year::intangible_assets},
  {"total_liabilities", &financial_year::total_liabilities},
  {"current_liabilities", &financial_year::current_liabilities},
  {"equity_book", &financial_year::equity_book}, {"retained_earnings", &financial_year::retained_earnings},
};
// clang-format on

}  // namespace

result<financial_statements> parse_financials_json(std::string_view text) {
  return guarded<financial_statements>([&] {
    const reader r("financials");
    const json j = r.parse(text);
    r.object(j, "");
    r.only_keys(j, "", {"schema", "customer_id", "currency", "listed", "manufacturer", "years"});
    r.schema(j, "kreditor.financials/1");
    financial_statements s;
    if (const json* v = reader::find(j, "customer_id")) s.customer_id = r.str(*v, "/customer_id");
    const auto cur = currency::parse(r.str(r.need(j, "", "currency"), "/currency"));
    if (!cur) r.fail("/currency", cur.error().message);
    s.currency = *cur;
    if (const json* v = reader::find(j, "listed")) s.listed = r.boolean(*v, "/listed");
    if (const json* v = reader::find(j, "manufacturer")) s.manufacturer = r.boolean(*v, "/manufacturer");
    const json& years = r.need(j, "", "years");
    if (!years.is_array() || years.empty()) r.fail("/years", "must be a non-empty array");
    for (std::size_t i = 0; i < years.size(); ++i) {
      const std::string p = "/years/" + std::to_string(i);
      const json& y = r.object(years[i], p);
      r.only_keys(y, p, {"period_end", "months", "revenue", "ebit", "net_income", "depreciation",
                         "interest_expense", "total_assets", "current_assets", "cash", "inventory",
                         "receivables", "intangible_assets", "total_liabilities", "current_liabilities",
                         "equity_book", "retained_earnings", "equity_market"});
      financial_year fy;
      fy.period_end = r.day(r.need(y, p, "period_end"), p + "/period_end");
      if (const json* v = reader::find(y, "months")) fy.months = static_cast<int>(r.integer(*v, p + "/months", 1, 24));
      for (const auto& f : year_amounts)
        fy.*f.member = r.amount(r.need(y, p, f.name), p + "/" + f.name, s.currency);
      if (const json* v = reader::find(y, "equity_market")) fy.equity_market = r.amount(*v, p + "/equity_market", s.currency);
      s.years.push_back(fy);
    }
    try {
      validate(s);
    } catch (const error& e) {
      r.fail("/years", e.what(), e.code());
    }
    return s;
  });
}

std::string to_json(const financial_statements& s) {
  json j;
  j["schema"] = "kreditor.financials/1";
  if (!s.customer_id.empty()) j["customer_id"] = s.customer_id;
  j["currency"] = std::string(s.currency.code());
  j["listed"] = s.listed;
  j["manufacturer"] = s.manufacturer;
  j["years"] = json::array();
  for (const auto& y : s.years) {
    json o;
    o["period_end"] = to_string(y.period_end);
    o["months"] = y.months;
    for (const auto& f : year_amounts) o[f.name] = to_string(y.*f.member);
    if (y.equity_market) o["equity_market"] = to_string(*y.equity_market);
    j["years"].push_back(std::move(o));
  }
  return j.dump(2) + "\n";
}

result<std::vector<credit_check>> parse_credit_checks_json(std::string_view text) {
  return guarded<std::vector<credit_check>>([&] {
    const reader r("credit checks");
    const json j = r.parse(text);
    r.object(j, "");
    std::vector<std::pair<const json*, std::string>> items;
    if (j.contains("checks")) {
      r.only_keys(j, "", {"schema", "checks"});
      r.schema(j, "kreditor.credit_checks/1");
      const json& list = j["checks"];
      if (!list.is_array()) r.fail("/checks", "must be an array");
      for (std::size_t i = 0; i < list.size(); ++i) items.emplace_back(&list[i], "/checks/" + std::to_string(i));
    } else {
      items.emplace_back(&j, "");
    }
    std::vector<credit_check> out;
    for (const auto& [item, p] : items) {
      r.object(*item, p);
      r.only_keys(*item, p, {"schema", "customer_id", "checked_on", "bureau", "score", "rating", "payment_remarks",
                             "status", "note"});
      credit_check c;
      c.customer_id = r.str(r.need(*item, p, "customer_id"), p + "/customer_id");
      c.checked_on = r.day(r.need(*item, p, "checked_on"), p + "/checked_on");
      c.bureau = r.str(r.need(*item, p, "bureau"), p + "/bureau");
      if (const json* v = reader::find(*item, "score")) c.score = static_cast<int>(r.integer(*v, p + "/score", 0, 100));
      if (const json* v = reader::find(*item, "rating")) c.rating = r.str(*v, p + "/rating");
      if (const json* v = reader::find(*item, "payment_remarks"))
        c.payment_remarks = static_cast<int>(r.integer(*v, p + "/payment_remarks", 0, 1'000'000));
      const auto st = parse_registered_status(r.str(r.need(*item, p, "status"), p + "/status"));
      if (!st) r.fail(p + "/status", st.error().message);
      c.status = *st;
      if (const json* v = reader::find(*item, "note")) c.note = r.str(*v, p + "/note");
      out.push_back(std::move(c));
    }
    return out;
  });
}

std::string to_json(const std::vector<credit_check>& checks) {
  json j;
  j["schema"] = "kreditor.credit_checks/1";
  j["checks"] = json::array();
  for (const auto& c : checks) {
    json o;
    o["customer_id"] = c.customer_id;
    o["checked_on"] = to_string(c.checked_on);
    o["bureau"] = c.bureau;
    if (c.score) o["score"] = *c.score;
    if (!c.rating.empty()) o["rating"] = c.rating;
    o["payment_remarks"] = c.payment_remarks;
    o["status"] = std::string(to_string(c.status));
    if (!c.note.empty()) o["note"] = c.note;
    j["checks"].push_back(std::move(o));
  }
  return j.dump(2) + "\n";
}

result<logistic_model> parse_logistic_model_json(std::string_view text) {
  return guarded<logistic_model>([&] {
    const reader r("logistic model");
    const json j = r.parse(text);
    r.object(j, "");
    r.only_keys(j, "", {"schema", "intercept", "coefficients"});
    r.schema(j, "kreditor.logistic_model/1");
    logistic_model m;
    m.intercept = r.boolean(r.need(j, "", "intercept"), "/intercept");
    const json& list = r.need(j, "", "coefficients");
    if (!list.is_array() || list.empty()) r.fail("/coefficients", "must be a non-empty array");
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string p = "/coefficients/" + std::to_string(i);
      r.object(list[i], p);
      r.only_keys(list[i], p, {"name", "value"});
      std::string name = r.str(r.need(list[i], p, "name"), p + "/name");
      if (std::find(m.names.begin(), m.names.end(), name) != m.names.end())
        r.fail(p + "/name", "'" + name + "' appears twice", errc::conflict);
      if (m.intercept && i == 0 && name != intercept_name)
        r.fail(p + "/name", "the first coefficient of a model with an intercept must be \"(Intercept)\"");
      m.names.push_back(std::move(name));
      m.coefficients.push_back(r.number(r.need(list[i], p, "value"), p + "/value"));
    }
    return m;
  });
}

std::string to_json(const logistic_model& m) {
  json j;
  j["schema"] = "kreditor.logistic_model/1";
  j["intercept"] = m.intercept;
  j["coefficients"] = json::array();
  for (std::size_t i = 0; i < m.names.size(); ++i) j["coefficients"].push_back({{"name", m.names[i]}, {"value", m.coefficients[i]}});
  return j.dump(2) + "\n";
}

result<recommendation_policy> parse_recommendation_policy_json(std::string_view text) {
  return guarded<recommendation_policy>([&] {
    const reader r("recommendation policy");
    const json j = r.parse(text);
    r.object(j, "");
    r.only_keys(j, "", {"schema", "name", "grades", "unrated_grade", "cash_terms", "lgd", "pd_floor",
                        "el_budget_share", "max_discount_annual_cost", "check_score_floor", "limit_unit", "ohlson"});
    r.schema(j, "kreditor.recommendation_policy/1");
    recommendation_policy p;
    p.name = r.str(r.need(j, "", "name"), "/name");
    const json& grades = r.need(j, "", "grades");
    if (!grades.is_array()) r.fail("/grades", "must be an array");
    for (std::size_t i = 0; i < grades.size(); ++i) {
      const std::string gp = "/grades/" + std::to_string(i);
      r.object(grades[i], gp);
      r.only_keys(grades[i], gp, {"grade", "max_pd", "terms", "discount_terms", "tnw_share", "purchases_share", "methods"});
      grade_band g;
      g.grade = r.str(r.need(grades[i], gp, "grade"), gp + "/grade");
      g.max_pd = r.number(r.need(grades[i], gp, "max_pd"), gp + "/max_pd");
      g.terms = r.str(r.need(grades[i], gp, "terms"), gp + "/terms");
      if (const json* v = reader::find(grades[i], "discount_terms")) g.discount_terms = r.str(*v, gp + "/discount_terms");
      g.tnw_share = r.number(r.need(grades[i], gp, "tnw_share"), gp + "/tnw_share");
      g.purchases_share = r.number(r.need(grades[i], gp, "purchases_share"), gp + "/purchases_share");
      const json& methods = r.need(grades[i], gp, "methods");
      if (!methods.is_array()) r.fail(gp + "/methods", "must be an array");
      for (std::size_t k = 0; k < methods.size(); ++k) {
        const std::string mp = gp + "/methods/" + std::to_string(k);
        const auto m = parse_payment_method(r.str(methods[k], mp));
        if (!m) r.fail(mp, m.error().message);
        g.methods.push_back(*m);
      }
      p.grades.push_back(std::move(g));
    }
    p.unrated_grade = r.str(r.need(j, "", "unrated_grade"), "/unrated_grade");
    if (const json* v = reader::find(j, "cash_terms")) p.cash_terms = r.str(*v, "/cash_terms");
    if (const json* v = reader::find(j, "lgd")) p.lgd = r.number(*v, "/lgd");
    if (const json* v = reader::find(j, "pd_floor")) p.pd_floor = r.number(*v, "/pd_floor");
    if (const json* v = reader::find(j, "el_budget_share")) p.el_budget_share = r.number(*v, "/el_budget_share");
    if (const json* v = reader::find(j, "max_discount_annual_cost"))
      p.max_discount_annual_cost = r.number(*v, "/max_discount_annual_cost");
    if (const json* v = reader::find(j, "check_score_floor"))
      p.check_score_floor = static_cast<int>(r.integer(*v, "/check_score_floor", 0, 100));
    if (const json* v = reader::find(j, "limit_unit")) p.limit_unit = r.integer(*v, "/limit_unit", 1, 1'000'000'000);
    if (const json* v = reader::find(j, "ohlson")) {
      r.object(*v, "/ohlson");
      r.only_keys(*v, "/ohlson", {"size_unit", "price_level_index"});
      if (const json* u = reader::find(*v, "size_unit")) p.ohlson.size_unit = r.number(*u, "/ohlson/size_unit");
      if (const json* u = reader::find(*v, "price_level_index"))
        p.ohlson.price_level_index = r.number(*u, "/ohlson/price_level_index");
    }
    try {
      validate(p);
    } catch (const error& e) {
      r.fail("", e.what(), e.code());
    }
    return p;
  });
}

std::string to_json(const recommendation_policy& p) {
  json j;
  j["schema"] = "kreditor.recommendation_policy/1";
  j["name"] = p.name;
  j["grades"] = json::array();
  for (const auto& g : p.grades) {
    json o;
    o["grade"] = g.grade;
    o["max_pd"] = g.max_pd;
    o["terms"] = g.terms;
    if (!g.discount_terms.empty()) o["discount_terms"] = g.discount_terms;
    o["tnw_share"] = g.tnw_share;
    o["purchases_share"] = g.purchases_share;
    o["methods"] = json::array();
    for (auto m : g.methods) o["methods"].push_back(std::string(to_string(m)));
    j["grades"].push_back(std::move(o));
  }
  j["unrated_grade"] = p.unrated_grade;
  j["cash_terms"] = p.cash_terms;
  j["lgd"] = p.lgd;
  j["pd_floor"] = p.pd_floor;
  j["el_budget_share"] = p.el_budget_share;
  j["max_discount_annual_cost"] = p.max_discount_annual_cost;
  j["check_score_floor"] = p.check_score_floor;
  j["limit_unit"] = p.limit_unit;
  j["ohlson"] = {{"size_unit", p.ohlson.size_unit}, {"price_level_index", p.ohlson.price_level_index}};
  return j.dump(2) + "\n";
}

result<scorecard> parse_scorecard_json(std::string_view text) {
  return guarded<scorecard>([&] {
    const reader r("scorecard");
    const json j = r.parse(text);
    r.object(j, "");
    r.only_keys(j, "", {"schema", "scaling", "base_points", "characteristics"});
    r.schema(j, "kreditor.scorecard/1");
    scorecard card;
    const json& sc = r.object(r.need(j, "", "scaling"), "/scaling");
    r.only_keys(sc, "/scaling", {"pdo", "base_score", "base_odds"});
    card.scaling.pdo = r.number(r.need(sc, "/scaling", "pdo"), "/scaling/pdo");
    if (!(card.scaling.pdo > 0)) r.fail("/scaling/pdo", "must be > 0 (points to double the odds)");
    card.scaling.base_score = r.number(r.need(sc, "/scaling", "base_score"), "/scaling/base_score");
    card.scaling.base_odds = r.number(r.need(sc, "/scaling", "base_odds"), "/scaling/base_odds");
    if (!(card.scaling.base_odds > 0)) r.fail("/scaling/base_odds", "must be > 0 (good : bad odds)");
    card.base_points = r.number(r.need(j, "", "base_points"), "/base_points");
    const json& list = r.need(j, "", "characteristics");
    if (!list.is_array() || list.empty()) r.fail("/characteristics", "must be a non-empty array");
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string p = "/characteristics/" + std::to_string(i);
      r.object(list[i], p);
      r.only_keys(list[i], p, {"name", "iv", "bins"});
      characteristic c;
      c.name = r.str(r.need(list[i], p, "name"), p + "/name");
      if (c.name.empty()) r.fail(p + "/name", "must not be empty");
      for (const characteristic& before : card.characteristics)
        if (before.name == c.name) r.fail(p + "/name", "'" + c.name + "' appears twice", errc::conflict);
      c.iv = r.number(r.need(list[i], p, "iv"), p + "/iv");
      const json& bins = r.need(list[i], p, "bins");
      if (!bins.is_array() || bins.empty()) r.fail(p + "/bins", "must be a non-empty array");
      for (std::size_t k = 0; k < bins.size(); ++k) {
        const std::string b = p + "/bins/" + std::to_string(k);
        r.object(bins[k], b);
        r.only_keys(bins[k], b, {"upper", "goods", "bads", "woe", "iv", "points"});
        woe_bin bin;
        const json& upper = r.need(bins[k], b, "upper");
        const bool last = k + 1 == bins.size();
        if (last) {
          if (!upper.is_null()) r.fail(b + "/upper", "the last bin's upper bound must be null (+infinity)");
          bin.upper = std::numeric_limits<double>::infinity();
        } else {
          if (upper.is_null()) r.fail(b + "/upper", "only the last bin's upper bound may be null (+infinity)");
          bin.upper = r.number(upper, b + "/upper");
          if (k > 0 && !(c.bins.back().upper < bin.upper))
            r.fail(b + "/upper", "must be greater than the previous bin's upper bound");
        }
        constexpr std::int64_t most = std::numeric_limits<std::int64_t>::max();
        bin.goods = static_cast<std::size_t>(r.integer(r.need(bins[k], b, "goods"), b + "/goods", 0, most));
        bin.bads = static_cast<std::size_t>(r.integer(r.need(bins[k], b, "bads"), b + "/bads", 0, most));
        bin.woe = r.number(r.need(bins[k], b, "woe"), b + "/woe");
        bin.iv = r.number(r.need(bins[k], b, "iv"), b + "/iv");
        bin.points = r.number(r.need(bins[k], b, "points"), b + "/points");
        c.bins.push_back(bin);
      }
      card.characteristics.push_back(std::move(c));
    }
    return card;
  });
}

std::string to_json(const scorecard& card) {
  const auto finite = [](double v, const std::string& path) {
    if (!std::isfinite(v))
      throw error(errc::invalid_argument, "scorecard JSON: " + path + ": " + (std::isnan(v) ? "NaN" : "infinite") +
                                              " cannot be written (it would not read back)");
    return v;
  };
  json j;
  j["schema"] = "kreditor.scorecard/1";
  j["scaling"] = {{"pdo", finite(card.scaling.pdo, "/scaling/pdo")},
                  {"base_score", finite(card.scaling.base_score, "/scaling/base_score")},
                  {"base_odds", finite(card.scaling.base_odds, "/scaling/base_odds")}};
  j["base_points"] = finite(card.base_points, "/base_points");
  j["characteristics"] = json::array();
  for (std::size_t i = 0; i < card.characteristics.size(); ++i) {
    const characteristic& c = card.characteristics[i];
    const std::string p = "/characteristics/" + std::to_string(i);
    json bins = json::array();
    for (std::size_t k = 0; k < c.bins.size(); ++k) {
      const woe_bin& bin = c.bins[k];
      const std::string b = p + "/bins/" + std::to_string(k);
      const bool last = k + 1 == c.bins.size();
      if (last && bin.upper != std::numeric_limits<double>::infinity())
        throw error(errc::invalid_argument, "scorecard JSON: " + b + "/upper: the last bin's upper bound must be +infinity");
      json o;
      o["upper"] = last ? json(nullptr) : json(finite(bin.upper, b + "/upper"));
      o["goods"] = bin.goods;
      o["bads"] = bin.bads;
      o["woe"] = finite(bin.woe, b + "/woe");
      o["iv"] = finite(bin.iv, b + "/iv");
      o["points"] = finite(bin.points, b + "/points");
      bins.push_back(std::move(o));
    }
    j["characteristics"].push_back({{"name", c.name}, {"iv", finite(c.iv, p + "/iv")}, {"bins", std::move(bins)}});
  }
  return j.dump(2) + "\n";
}

KREDITOR_NAMESPACE_END
