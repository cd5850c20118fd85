// Payment terms: parsing the notation and computing due dates (targets: >= 5M parses/s and
// >= 50M due dates/s on one core, Release build).
#include <benchmark/benchmark.h>

#include <array>
#include <cstdint>
#include <string>
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
// The issue dates are a deterministic pseudo-random column over 2000..2040 (every day of the
// month and every month length occurs, so the cut-off and month-end branches are not
// predictable from a pattern); the results are read back through DoNotOptimize.
void due_dates_bench(benchmark::State& state, std::string_view text, const deadline_rule& roll) {
  const payment_terms t = parse_terms(text).value();
  const std::int32_t first = day_number(make_date(2000, 1, 1));
  std::vector<std::int32_t> issued(4096), out(4096);
  std::uint32_t x = 2463534242u;  // xorshift32
  for (std::int32_t& day : issued) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    day = first + static_cast<std::int32_t>(x % 14'610u);  // 40 years of days
  }
  for (auto _ : state) {
    due_dates(t, issued, out, roll);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  std::int64_t check = 0;  // every result is used: a sum the optimiser cannot drop
  for (const std::int32_t day : out) check += day;
  benchmark::DoNotOptimize(check);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(issued.size()));
  state.SetLabel(std::string(text));
}

// One row per term form, without a roll (the kernel) ...
void BM_Terms_DueDateNet30(benchmark::State& state) { due_dates_bench(state, "net 30", no_adjustment()); }
BENCHMARK(BM_Terms_DueDateNet30);

void BM_Terms_DueDateDiscount(benchmark::State& state) {
  due_dates_bench(state, "2/10, 1/20, net 45", no_adjustment());
}
BENCHMARK(BM_Terms_DueDateDiscount);

void BM_Terms_DueDateEomCutoff(benchmark::State& state) {
  due_dates_bench(state, "net 30 EOM cutoff 25", no_adjustment());
}
BENCHMARK(BM_Terms_DueDateEomCutoff);

void BM_Terms_DueDateProx(benchmark::State& state) {
  due_dates_bench(state, "net 10 prox cutoff 25", no_adjustment());
}
BENCHMARK(BM_Terms_DueDateProx);

void BM_Terms_DueDateLobendeMaaned(benchmark::State& state) {
  due_dates_bench(state, "løbende måned + 30", no_adjustment());
}
BENCHMARK(BM_Terms_DueDateLobendeMaaned);

void BM_Terms_DueDateMonths(benchmark::State& state) {
  due_dates_bench(state, "net 2 months", no_adjustment());
}
BENCHMARK(BM_Terms_DueDateMonths);

void BM_Terms_DueDateInstallments(benchmark::State& state) {
  due_dates_bench(state, "50% net 30, 50% net 60", no_adjustment());
}
BENCHMARK(BM_Terms_DueDateInstallments);

// ... and with the Norwegian statutory roll (gjeldsbrevloven § 5) after it.
void BM_Terms_DueDateNet30NorwayRule(benchmark::State& state) {
  due_dates_bench(state, "net 30", statutory_deadline_rule(jurisdiction::no));
}
BENCHMARK(BM_Terms_DueDateNet30NorwayRule);

void BM_Terms_DueDateEomCutoffNorwayRule(benchmark::State& state) {
  due_dates_bench(state, "net 30 EOM cutoff 25", statutory_deadline_rule(jurisdiction::no));
}
BENCHMARK(BM_Terms_DueDateEomCutoffNorwayRule);

void BM_Terms_DueDateProxNorwayRule(benchmark::State& state) {
  due_dates_bench(state, "net 10 prox cutoff 25", statutory_deadline_rule(jurisdiction::no));
}
BENCHMARK(BM_Terms_DueDateProxNorwayRule);

void BM_Terms_DueDateMonthsNorwayRule(benchmark::State& state) {
  due_dates_bench(state, "net 2 months", statutory_deadline_rule(jurisdiction::no));
}
BENCHMARK(BM_Terms_DueDateMonthsNorwayRule);

// The scalar function, one invoice at a time (what a host calls per invoice).
void BM_Terms_DueDateScalarEomCutoff(benchmark::State& state) {
  const payment_terms t = parse_terms("net 30 EOM cutoff 25").value();
  std::vector<date> issued;
  for (std::int32_t k = 0; k < 1024; ++k) issued.push_back(make_date(2024, 1, 1) + days(k * 7 % 1461));
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(due_date(t, issued[i++ & 1023u]));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Terms_DueDateScalarEomCutoff);

}  // namespace
