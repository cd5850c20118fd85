#include "cli/scoring_inputs.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "cli/cli.hpp"
#include "kreditor/book/payment_history.hpp"
#include "kreditor/io/scoring_json.hpp"

namespace kreditor::cli {

std::string read_text_file(const std::string& path, const std::string& option) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw usage_error{"--" + option + ": cannot read '" + path + "'"};
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

scoring::financial_statements financials_from_file(const std::string& path) {
  auto r = parse_financials_json(read_text_file(path, "financials"));
  if (!r) throw usage_error{path + ": " + r.error().message};
  return std::move(r).value();
}

std::vector<scoring::credit_check> credit_checks_from_file(const std::string& path) {
  auto r = parse_credit_checks_json(read_text_file(path, "credit-check"));
  if (!r) throw usage_error{path + ": " + r.error().message};
  return std::move(r).value();
}

customer_scoring_inputs scoring_inputs_from_ledger(const ledger_slices& cut, std::string_view id, date as_of) {
  const std::uint32_t known = cut.customer_index(id);
  if (known == no_record) throw usage_error{"--customer: no customer '" + std::string(id) + "' in the ledger"};
  // The library's payment history: the customer's book, under each country's dunning preset.
  policy_set policies;
  payment_history h = payment_history_of(cut, known, as_of, policies);
  return {.customer = &cut.customer(known),
          .facts = std::move(h.facts),
          .behaviour = h.behaviour,
          .purchases_12m = h.purchases_12m,
          .history_days = h.history_days};
}

nlohmann::ordered_json recommendation_json(const scoring::recommendation& r) {
  using json = nlohmann::ordered_json;
  json out;
  out["grade"] = r.grade;
  out["pd"] = r.pd ? json(*r.pd) : json(nullptr);
  out["pd_source"] = r.pd_source;
  if (r.altman) {
    out["altman"] = {{"z", r.altman->score},
                     {"model", std::string(scoring::to_string(r.altman->model))},
                     {"zone", std::string(scoring::to_string(r.altman->zone))}};
  } else {
    out["altman"] = nullptr;
  }
  if (r.ohlson) {
    out["ohlson"] = {{"o", r.ohlson->o}, {"p", r.ohlson->p}, {"size", r.ohlson->size},
                     {"single_year", r.ohlson->single_year}};
  } else {
    out["ohlson"] = nullptr;
  }
  out["recommended_terms"] = r.terms;
  out["recommended_limit"] = to_string(r.limit);
  out["currency"] = std::string(r.limit.currency().code());
  out["payment_methods"] = json::array();
  for (auto m : r.methods) out["payment_methods"].push_back(std::string(scoring::to_string(m)));
  out["discount_offered"] = r.discount_offered;
  out["discount_annual_cost"] = r.discount_annual_cost ? json(*r.discount_annual_cost) : json(nullptr);
  out["reasons"] = json::array();
  for (const auto& x : r.reasons) out["reasons"].push_back({{"code", x.code}, {"text", x.text}});
  return out;
}

scoring::recommendation_policy policy_from(const std::optional<std::string>& path) {
  if (!path) return scoring::default_policy();
  auto p = parse_recommendation_policy_json(read_text_file(*path, "policy"));
  if (!p) throw usage_error{*path + ": " + p.error().message};
  return std::move(p).value();
}

}  // namespace kreditor::cli
