// The C ABI's scoring: a saved logistic model (parse_logistic_model_json) scoring applicants
// (logistic_model::probability, predict_probabilities), and the credit recommendation of
// `kreditor score` (scoring::recommend over statements, credit checks, model and policy parsed by
// the library's JSON readers). Nothing is computed here: values are checked and passed through.
#include <cmath>
#include <limits>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "c_api.hpp"
#include "kreditor/io/scoring_json.hpp"
#include "kreditor/scoring/credit_check.hpp"
#include "kreditor/scoring/logistic.hpp"
#include "kreditor/scoring/recommend.hpp"
#include "kreditor/scoring/statements.hpp"

using namespace kreditor;
using namespace kreditor::c_api;

struct kreditor_model {
  scoring::logistic_model model;
};

struct kreditor_recommendation {
  scoring::recommendation rec;
  std::string altman_model, altman_zone;
  std::vector<std::string> methods;  ///< NUL-terminated copies of the method names
};

namespace {

template <class T>
T parsed(result<T> r, const char* fn, const char* input) {
  if (!r) throw error(r.error().code, std::string(fn) + ": " + input + ": " + r.error().message);
  return std::move(r).value();
}

const scoring::logistic_model& model_of(const kreditor_model* m, const char* fn) { return need(m, fn, "model")->model; }

/// The name of a model's feature j (the coefficient after the intercept).
const std::string& feature_name(const scoring::logistic_model& m, std::size_t j) {
  return m.names[j + (m.intercept ? 1 : 0)];
}

void check_feature_count(const scoring::logistic_model& m, std::size_t count, const char* fn) {
  if (count != m.predictors())
    throw_invalid(fn, "feature_count is " + std::to_string(count) + ", the model has " + std::to_string(m.predictors()) +
                          " features");
}

/// A finite value, or error(invalid_argument) naming the applicant and the feature.
void check_value(const scoring::logistic_model& m, double v, std::size_t row, std::size_t j, const char* fn,
                 bool batch) {
  if (std::isfinite(v)) return;
  const std::string what = std::isnan(v) ? "NaN" : (v > 0 ? "+infinity" : "-infinity");
  throw_invalid(fn, (batch ? "row " + std::to_string(row) + ", " : std::string()) + "feature " + std::to_string(j) +
                        " ('" + feature_name(m, j) + "') is " + what + " (features must be finite)");
}

}  // namespace

extern "C" {

// ---- the model -----------------------------------------------------------------------------

KREDITOR_API kreditor_status kreditor_model_new_json(const char* json, kreditor_model** out) {
  return guarded([&] {
    const char* fn = "kreditor_model_new_json";
    const std::string_view t = text(json, fn, "json");
    need(out, fn, "out");
    auto m = std::make_unique<kreditor_model>();
    m->model = parsed(parse_logistic_model_json(t), fn, "json");
    *out = m.release();
    return KREDITOR_OK;
  });
}

KREDITOR_API void kreditor_model_free(kreditor_model* model) {
  guarded_void([&] { delete model; });
}

KREDITOR_API kreditor_status kreditor_model_feature_count(const kreditor_model* model, size_t* out) {
  return guarded([&] {
    const char* fn = "kreditor_model_feature_count";
    const scoring::logistic_model& m = model_of(model, fn);
    *need(out, fn, "out") = m.predictors();
    return KREDITOR_OK;
  });
}

KREDITOR_API kreditor_status kreditor_model_feature_name(const kreditor_model* model, size_t index, char* buf,
                                                         size_t buf_size, size_t* needed) {
  return guarded([&] {
    const char* fn = "kreditor_model_feature_name";
    const scoring::logistic_model& m = model_of(model, fn);
    if (index >= m.predictors())
      throw error(errc::out_of_range, std::string(fn) + ": feature " + std::to_string(index) + " is past the last (" +
                                          std::to_string(m.predictors()) + " features)");
    return out_string(feature_name(m, index), buf, buf_size, needed, fn);
  });
}

KREDITOR_API kreditor_status kreditor_model_score(const kreditor_model* model, const double* features,
                                                  size_t feature_count, double* pd) {
  return guarded([&] {
    const char* fn = "kreditor_model_score";
    const scoring::logistic_model& m = model_of(model, fn);
    need(pd, fn, "pd");
    check_feature_count(m, feature_count, fn);
    if (feature_count > 0) need(features, fn, "features");
    for (std::size_t j = 0; j < feature_count; ++j) check_value(m, features[j], 0, j, fn, false);
    *pd = m.probability(std::span<const double>(features, feature_count));
    return KREDITOR_OK;
  });
}

KREDITOR_API kreditor_status kreditor_model_score_batch(const kreditor_model* model, const double* values,
                                                        size_t rows, size_t feature_count, int layout, double* pd) {
  return guarded([&] {
    const char* fn = "kreditor_model_score_batch";
    const scoring::logistic_model& m = model_of(model, fn);
    if (layout != KREDITOR_LAYOUT_ROW_MAJOR && layout != KREDITOR_LAYOUT_COLUMN_MAJOR)
      throw_invalid(fn, "layout " + std::to_string(layout) + " is not a KREDITOR_LAYOUT_* value");
    check_feature_count(m, feature_count, fn);
    if (rows == 0) return KREDITOR_OK;
    need(pd, fn, "pd");
    if (feature_count > 0 && rows > std::numeric_limits<std::size_t>::max() / sizeof(double) / feature_count)
      throw error(errc::out_of_range, std::string(fn) + ": rows " + std::to_string(rows) + " x feature_count " +
                                          std::to_string(feature_count) + " values do not fit in memory");
    const std::size_t n = rows * feature_count;
    if (n > 0) need(values, fn, "values");
    const bool by_row = layout == KREDITOR_LAYOUT_ROW_MAJOR;
    for (std::size_t k = 0; k < n; ++k)
      if (!std::isfinite(values[k]))
        check_value(m, values[k], by_row ? k / feature_count : k % rows, by_row ? k % feature_count : k / rows, fn, true);
    if (by_row) {
      // One applicant at a time through the scalar kernel (the batch kernel is column-major).
      for (std::size_t i = 0; i < rows; ++i)
        pd[i] = m.probability(std::span<const double>(values + i * feature_count, feature_count));
    } else {
      scoring::predict_probabilities(m, std::span<const double>(values, n), rows, std::span<double>(pd, rows));
    }
    return KREDITOR_OK;
  });
}

// ---- the recommendation --------------------------------------------------------------------

KREDITOR_API kreditor_status kreditor_recommend_input_init(kreditor_recommend_input* in, size_t size) {
  return init_struct(in, size, blank<kreditor_recommend_input>(), "kreditor_recommend_input_init");
}

KREDITOR_API kreditor_status kreditor_recommendation_summary_init(kreditor_recommendation_summary* s, size_t size) {
  return init_struct(s, size, blank<kreditor_recommendation_summary>(), "kreditor_recommendation_summary_init");
}

KREDITOR_API kreditor_status kreditor_recommend(const kreditor_recommend_input* in, kreditor_recommendation** out) {
  return guarded([&] {
    const char* fn = "kreditor_recommend";
    const kreditor_recommend_input& x = in_struct(in, fn, "in");
    need(out, fn, "out");
    const scoring::financial_statements s =
        parsed(parse_financials_json(text(x.financials_json, fn, "in->financials_json")), fn, "in->financials_json");
    const scoring::recommendation_policy policy =
        x.policy_json == nullptr ? scoring::default_policy()
                                 : parsed(parse_recommendation_policy_json(x.policy_json), fn, "in->policy_json");
    const std::string id(x.customer_id != nullptr && x.customer_id[0] != '\0' ? std::string(x.customer_id)
                                                                              : s.customer_id);
    // The checks of this customer, as `kreditor score --credit-check` takes them.
    std::vector<scoring::credit_check> checks;
    if (x.credit_checks_json != nullptr) {
      for (auto& c : parsed(parse_credit_checks_json(x.credit_checks_json), fn, "in->credit_checks_json"))
        if (id.empty() || c.customer_id == id) checks.push_back(std::move(c));
      if (checks.empty())
        throw error(errc::not_found, std::string(fn) + ": in->credit_checks_json has no check for customer '" + id + "'");
    }
    if (x.expected_purchases_minor < 0)
      throw_invalid(fn, "in->expected_purchases_minor " + std::to_string(x.expected_purchases_minor) + " is negative");

    scoring::recommendation_inputs ri;
    ri.statements = &s;
    ri.check = scoring::latest_check(checks);
    ri.currency = s.currency;
    if (x.model != nullptr) ri.model = &x.model->model;
    if (x.expected_purchases_minor > 0) ri.expected_annual_purchases = money(x.expected_purchases_minor, s.currency);

    auto r = std::make_unique<kreditor_recommendation>();
    try {
      r->rec = scoring::recommend(ri, policy);
    } catch (const error& e) {  // the library's message names the feature, policy field or currency
      throw error(e.code(), std::string(fn) + ": " + e.what());
    }
    if (r->rec.altman) {
      r->altman_model = scoring::to_string(r->rec.altman->model);
      r->altman_zone = scoring::to_string(r->rec.altman->zone);
    }
    for (scoring::payment_method pm : r->rec.methods) r->methods.emplace_back(scoring::to_string(pm));
    *out = r.release();
    return KREDITOR_OK;
  });
}

KREDITOR_API void kreditor_recommendation_free(kreditor_recommendation* rec) {
  guarded_void([&] { delete rec; });
}

KREDITOR_API kreditor_status kreditor_recommendation_get(const kreditor_recommendation* rec,
                                                         kreditor_recommendation_summary* out) {
  return guarded([&] {
    const char* fn = "kreditor_recommendation_get";
    const kreditor_recommendation& h = *need(rec, fn, "rec");
    in_struct<kreditor_recommendation_summary>(out, fn, "out");
    const scoring::recommendation& r = h.rec;
    kreditor_recommendation_summary v = blank<kreditor_recommendation_summary>();
    v.grade = r.grade.c_str();
    v.has_pd = r.pd ? 1 : 0;
    v.pd = r.pd.value_or(0.0);
    v.pd_source = r.pd_source.c_str();
    v.has_altman = r.altman ? 1 : 0;
    v.altman_z = r.altman ? r.altman->score : 0.0;
    v.altman_model = h.altman_model.c_str();
    v.altman_zone = h.altman_zone.c_str();
    v.has_ohlson = r.ohlson ? 1 : 0;
    v.ohlson_o = r.ohlson ? r.ohlson->o : 0.0;
    v.ohlson_p = r.ohlson ? r.ohlson->p : 0.0;
    v.terms = r.terms.c_str();
    v.discount_offered = r.discount_offered ? 1 : 0;
    v.has_discount_annual_cost = r.discount_annual_cost ? 1 : 0;
    v.discount_annual_cost = r.discount_annual_cost.value_or(0.0);
    copy_code(r.limit.currency(), v.currency);
    v.limit_minor = r.limit.minor_units();
    v.method_count = h.methods.size();
    v.reason_count = r.reasons.size();
    out_struct(out, v, fn, "out");
    return KREDITOR_OK;
  });
}

KREDITOR_API kreditor_status kreditor_recommendation_method(const kreditor_recommendation* rec, size_t index,
                                                            const char** name) {
  return guarded([&] {
    const char* fn = "kreditor_recommendation_method";
    const kreditor_recommendation& h = *need(rec, fn, "rec");
    need(name, fn, "name");
    if (index >= h.methods.size())
      throw error(errc::out_of_range, std::string(fn) + ": method " + std::to_string(index) + " is past the last (" +
                                          std::to_string(h.methods.size()) + " in all)");
    *name = h.methods[index].c_str();
    return KREDITOR_OK;
  });
}

KREDITOR_API kreditor_status kreditor_recommendation_reason(const kreditor_recommendation* rec, size_t index,
                                                            const char** code, const char** text) {
  return guarded([&] {
    const char* fn = "kreditor_recommendation_reason";
    const kreditor_recommendation& h = *need(rec, fn, "rec");
    if (index >= h.rec.reasons.size())
      throw error(errc::out_of_range, std::string(fn) + ": reason " + std::to_string(index) + " is past the last (" +
                                          std::to_string(h.rec.reasons.size()) + " in all)");
    if (code != nullptr) *code = h.rec.reasons[index].code.c_str();
    if (text != nullptr) *text = h.rec.reasons[index].text.c_str();
    return KREDITOR_OK;
  });
}

}  // extern "C"
