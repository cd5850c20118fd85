// Altman Z family and Ohlson's O-score. Coefficients, zones and sources: kreditor/scoring/distress.hpp.
#include "kreditor/scoring/distress.hpp"

#include <cmath>
#include <string>

#include "kreditor/core/errc.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace scoring {
namespace {

double to_double(money m) noexcept { return static_cast<double>(m.minor_units()); }

// One row per model: coefficients of X1..X5, constant, zones. Sources in the header.
struct altman_row {
  altman_model model;
  const char* name;
  double b1, b2, b3, b4, b5, constant;
  zone_bounds bounds;
};
// clang-format off
constexpr altman_row altman_table[] = {
  // model                        name               X1     X2     X3     X4     X5     const  distress safe
  {altman_model::z,              "z",               1.2,   1.4,   3.3,   0.6,   1.0,   0.0,  {1.81, 2.99}},  // Altman 1968
  {altman_model::z_prime,        "z_prime",         0.717, 0.847, 3.107, 0.420, 0.998, 0.0,  {1.23, 2.90}},  // Altman 2000
  {altman_model::z_double_prime, "z_double_prime",  6.56,  3.26,  6.72,  1.05,  0.0,   0.0,  {1.10, 2.60}},  // Altman 1995/2000
  {altman_model::em,             "em",              6.56,  3.26,  6.72,  1.05,  0.0,   3.25, {4.35, 5.85}},  // Altman 2005 (zones: Z'' + 3.25)
};
// clang-format on

const altman_row& row_of(altman_model m) {
  for (const auto& r : altman_table)
    if (r.model == m) return r;
  throw error(errc::invalid_argument, "altman: unknown model");
}

}  // namespace

std::string_view to_string(altman_model m) noexcept {
  for (const auto& r : altman_table)
    if (r.model == m) return r.name;
  return "unknown";
}

std::string_view to_string(distress_zone z) noexcept {
  switch (z) {
    case distress_zone::distress: return "distress";
    case distress_zone::grey: return "grey";
    case distress_zone::safe: return "safe";
  }
  return "unknown";
}

result<altman_model> parse_altman_model(std::string_view text) {
  for (const auto& r : altman_table)
    if (text == r.name) return r.model;
  return failure{errc::invalid_argument,
                 "altman: unknown model '" + std::string(text) + "' (z, z_prime, z_double_prime, em)"};
}

zone_bounds zones(altman_model m) noexcept {
  for (const auto& r : altman_table)
    if (r.model == m) return r.bounds;
  return {0, 0};
}

altman_result altman(const financial_year& y, altman_model m) {
  const altman_row& r = row_of(m);
  const double ta = to_double(y.total_assets);
  const double tl = to_double(y.total_liabilities);
  if (!(ta > 0)) throw error(errc::out_of_range, "altman: total_assets must be > 0");
  if (tl == 0) throw error(errc::out_of_range, "altman: total_liabilities is zero (X4 = equity / liabilities undefined)");
  double equity = to_double(y.equity_book);
  if (m == altman_model::z) {
    if (!y.equity_market)
      throw error(errc::invalid_argument, "altman: Z (1968) needs equity_market (market value of equity); use z_prime");
    equity = to_double(*y.equity_market);
  }
  altman_result a;
  a.model = m;
  a.x1 = to_double(y.current_assets - y.current_liabilities) / ta;
  a.x2 = to_double(y.retained_earnings) / ta;
  a.x3 = to_double(y.ebit) * (12.0 / y.months) / ta;
  a.x4 = equity / tl;
  a.x5 = to_double(y.revenue) * (12.0 / y.months) / ta;
  a.score = r.constant + r.b1 * a.x1 + r.b2 * a.x2 + r.b3 * a.x3 + r.b4 * a.x4 + r.b5 * a.x5;
  a.zone = a.score < r.bounds.distress_below ? distress_zone::distress
           : a.score > r.bounds.safe_above   ? distress_zone::safe
                                              : distress_zone::grey;
  return a;
}

altman_model altman_model_for(const financial_statements& s) noexcept {
  if (!s.manufacturer) return altman_model::z_double_prime;
  if (s.listed && !s.years.empty() && s.years.back().equity_market) return altman_model::z;
  return altman_model::z_prime;
}

ohlson_result ohlson(const financial_statements& s, const ohlson_options& o) {
  if (!(o.size_unit > 0) || !(o.price_level_index > 0) || !std::isfinite(o.size_unit) ||
      !std::isfinite(o.price_level_index))
    throw error(errc::invalid_argument, "ohlson: size_unit and price_level_index must be > 0");
  const financial_year& y = s.latest();
  const financial_year* prev = s.previous();
  const double ta = to_double(y.total_assets);
  const double tl = to_double(y.total_liabilities);
  const double ca = to_double(y.current_assets);
  const double cl = to_double(y.current_liabilities);
  if (!(ta > 0)) throw error(errc::out_of_range, "ohlson: total_assets must be > 0");
  if (ca == 0) throw error(errc::out_of_range, "ohlson: current_assets is zero (CL/CA undefined)");
  if (tl == 0) throw error(errc::out_of_range, "ohlson: total_liabilities is zero (FFO/TL undefined)");
  const double ann = 12.0 / y.months;
  const double ni = to_double(y.net_income) * ann;
  const double ffo = (to_double(y.net_income) + to_double(y.depreciation)) * ann;
  // Major currency units: minor units / 10^digits.
  const double major = std::pow(10.0, s.currency.minor_units());
  ohlson_result r;
  r.size = std::log((ta / major / o.size_unit) / (o.price_level_index / 100.0));
  const double oeneg = tl > ta ? 1.0 : 0.0;
  double intwo = 0;
  double chin = 0;
  if (prev != nullptr) {
    const double ni_prev = to_double(prev->net_income) * (12.0 / prev->months);
    intwo = (ni < 0 && ni_prev < 0) ? 1.0 : 0.0;
    const double den = std::abs(ni) + std::abs(ni_prev);
    chin = den == 0 ? 0.0 : (ni - ni_prev) / den;
  } else {
    r.single_year = true;
  }
  // Ohlson (1980), model 1 (one-year horizon).
  r.o = -1.32 - 0.407 * r.size + 6.03 * (tl / ta) - 1.43 * ((ca - cl) / ta) + 0.0757 * (cl / ca) -
        1.72 * oeneg - 2.37 * (ni / ta) - 1.83 * (ffo / tl) + 0.285 * intwo - 0.521 * chin;
  r.p = r.o >= 0 ? 1.0 / (1.0 + std::exp(-r.o)) : std::exp(r.o) / (1.0 + std::exp(r.o));
  return r;
}

}  // namespace scoring
KREDITOR_NAMESPACE_END
