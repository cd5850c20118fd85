// Payment terms: parsing the notation and computing due dates (targets: >= 5M parses/s and
// >= 50M due dates/s on one core, Release build).
#include <benchmark/benchmark.h>

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "kreditor/terms/due_dates.hpp"
#include "kreditor/terms/notation.hpp"
#include "kreditor/time/deadline_rule.hpp"

namespace {
using namespace kreditor;

constexpr std::array<std::string_view, 8> texts = {
    "net 30", "2/10 net 30", "30 dager netto", "løbende måned + 30",
    "2/10, 1/20, net 45", "net 10 prox cutoff 25", "50% net 30, 50% net 60", "14 pv netto"};

void BM_Terms_Parse(benchmark::State& state) {
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(parse_terms(texts[i++ & 7u]));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Terms_Parse);

void BM_Terms_Format(benchmark::State& state) {
  const payment_terms t = parse_terms("2/10, 1/20, net 45").value();
  for (auto _ : state) benchmark::DoNotOptimize(format(t));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Terms_Format);

// Due dates over a column of issue dates (the batch kernel shared with the scalar function).
void due_dates_bench(benchmark::State& state, std::string_view text, const deadline_rule& roll) {
  const payment_terms t = parse_terms(text).value();
  const std::int32_t first = day_number(make_date(2024, 1, 1));
  std::vector<std::int32_t> issued(4096), out(4096);
  for (std::size_t k = 0; k < issued.size(); ++k) issued[k] = first + static_cast<std::int32_t>(k % 1500);
  for (auto _ : state) {
    due_dates(t, issued, out, roll);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(issued.size()));
}

void BM_Terms_DueDateNet30(benchmark::State& state) { due_dates_bench(state, "net 30", no_adjustment()); }
BENCHMARK(BM_Terms_DueDateNet30);

void BM_Terms_DueDateEomCutoff(benchmark::State& state) {
  due_dates_bench(state, "net 30 EOM cutoff 25", no_adjustment());
}
BENCHMARK(BM_Terms_DueDateEomCutoff);

void BM_Terms_DueDateNet30NorwayRule(benchmark::State& state) {
  due_dates_bench(state, "net 30", statutory_deadline_rule(jurisdiction::no));
}
BENCHMARK(BM_Terms_DueDateNet30NorwayRule);

}  // namespace
