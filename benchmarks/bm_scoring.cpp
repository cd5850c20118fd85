// Scoring: logistic fits (German Credit 1000 x 48; synthetic 1M x 30) and PDs for a 1M-customer
// portfolio. items/s is customers (rows) per second. Compare with statsmodels / R timings taken on
// the same machine (tests/data/scoring/make_reference.{py,R} print theirs; see the README).
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "kreditor/scoring/logistic.hpp"

namespace {

using namespace kreditor::scoring;

struct data_set {
  std::vector<double> x, y;
  std::size_t rows = 0, cols = 0;
  std::vector<std::string> names;
  [[nodiscard]] design view() const { return {.x = x, .rows = rows, .cols = cols, .y = y, .weights = {}, .names = names}; }
};

const data_set& german_credit() {
  static const data_set d = [] {
    data_set g;
    std::ifstream in(std::string(KREDITOR_SOURCE_DIR) + "/tests/data/scoring/german_credit_encoded.csv");
    std::string line;
    std::getline(in, line);
    std::stringstream h(line);
    for (std::string c; std::getline(h, c, ',');) g.names.push_back(c);
    g.names.erase(g.names.begin());  // "bad"
    std::vector<std::vector<double>> cols(g.names.size());
    while (std::getline(in, line)) {
      std::stringstream r(line);
      std::string c;
      std::getline(r, c, ',');
      g.y.push_back(std::strtod(c.c_str(), nullptr));
      for (auto& col : cols) {
        std::getline(r, c, ',');
        col.push_back(std::strtod(c.c_str(), nullptr));
      }
    }
    g.rows = g.y.size();
    g.cols = cols.size();
    for (const auto& col : cols) g.x.insert(g.x.end(), col.begin(), col.end());
    return g;
  }();
  return d;
}

// n x p standard-uniform-ish predictors (a fixed LCG: same data every run), y drawn from a known
// logistic model with moderate coefficients.
data_set synthetic(std::size_t n, std::size_t p) {
  data_set d;
  d.rows = n;
  d.cols = p;
  d.x.resize(n * p);
  d.y.resize(n);
  std::uint64_t s = 20261206;
  const auto u = [&] {
    s = s * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(s >> 11) / 9007199254740992.0;
  };
  for (std::size_t j = 0; j < p; ++j)
    for (std::size_t i = 0; i < n; ++i) d.x[j * n + i] = 2 * u() - 1;
  for (std::size_t i = 0; i < n; ++i) {
    double eta = -1.5;
    for (std::size_t j = 0; j < p; ++j) eta += (0.1 * static_cast<double>(j % 7) - 0.3) * d.x[j * n + i];
    d.y[i] = u() < 1 / (1 + std::exp(-eta)) ? 1 : 0;
  }
  return d;
}

void BM_Scoring_FitGermanCredit(benchmark::State& state) {
  const data_set& g = german_credit();
  const design d = g.view();
  for (auto _ : state) benchmark::DoNotOptimize(fit_logistic(d).log_likelihood);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(g.rows));
}
BENCHMARK(BM_Scoring_FitGermanCredit)->Unit(benchmark::kMillisecond);

void BM_Scoring_FitSynthetic1Mx30(benchmark::State& state) {
  static const data_set d = synthetic(1'000'000, 30);
  const auto threads = static_cast<unsigned>(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(fit_logistic(d.view(), {.threads = threads}).log_likelihood);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(d.rows));
}
BENCHMARK(BM_Scoring_FitSynthetic1Mx30)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// PDs of a 1M-customer portfolio with 30 features each, one core.
void BM_Scoring_PortfolioPD(benchmark::State& state) {
  static const data_set d = synthetic(1'000'000, 30);
  logistic_model m;
  m.names.push_back(intercept_name);
  m.coefficients.push_back(-1.5);
  for (std::size_t j = 0; j < d.cols; ++j) {
    std::string name = "x";  // appended: GCC 12's -Wrestrict false positive on "x" + string at -O3
    name += std::to_string(j);
    m.names.push_back(name);
    m.coefficients.push_back(0.1 * static_cast<double>(j % 7) - 0.3);
  }
  std::vector<double> out(d.rows);
  for (auto _ : state) {
    predict_probabilities(m, d.x, d.rows, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(d.rows));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(d.x.size() * sizeof(double)));
}
BENCHMARK(BM_Scoring_PortfolioPD)->Unit(benchmark::kMillisecond);

// The floor: one plain pass summing the same 1M x 30 columns (memory bandwidth).
void BM_Scoring_PlainPass(benchmark::State& state) {
  static const data_set d = synthetic(1'000'000, 30);
  for (auto _ : state) {
    double s = 0;
    for (double v : d.x) s += v;
    benchmark::DoNotOptimize(s);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(d.rows));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(d.x.size() * sizeof(double)));
}
BENCHMARK(BM_Scoring_PlainPass)->Unit(benchmark::kMillisecond);

}  // namespace
