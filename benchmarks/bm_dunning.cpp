// Dunning run throughput. The common case (nothing happens today) must reach >= 10M
// invoices/s per core with <= 64 bytes of working memory per invoice (48 bytes of state +
// 14 bytes of columns). CI runs the small sizes; the 10M portfolio runs by hand:
//   KREDITOR_BENCH_LARGE=1 kreditor_benchmarks --benchmark_filter=Dunning
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <vector>

#include "kreditor/dunning/batch.hpp"
#include "kreditor/dunning/engine.hpp"
#include "kreditor/dunning/presets.hpp"
#include "kreditor/dunning/simulate.hpp"

namespace {

using namespace kreditor;
using namespace kreditor::dunning;

const std::vector<currency> currencies{iso4217::nok};

// A deterministic synthetic book: invoices issued over a year, due 14-44 days later.
struct book {
  std::vector<std::int32_t> invoice_day, due_day;
  std::vector<std::uint8_t> currency_index, traits;
  std::vector<invoice_state> states;
  [[nodiscard]] portfolio_columns columns() const {
    return {invoice_day, due_day, currency_index, currencies, traits};
  }
};

book synthetic_book(std::int64_t n, const compiled_policy& cp, date as_of) {
  book b;
  const auto size = static_cast<std::size_t>(n);
  b.invoice_day.resize(size);
  b.due_day.resize(size);
  b.currency_index.assign(size, 0);
  b.traits.resize(size);
  b.states.resize(size);
  const std::int32_t first = day_number(make_date(2025, 6, 1));
  for (std::size_t i = 0; i < size; ++i) {
    b.invoice_day[i] = first + static_cast<std::int32_t>(i % 365);
    b.due_day[i] = b.invoice_day[i] + 14 + static_cast<std::int32_t>((i * 7919) % 31);
    b.traits[i] = static_cast<std::uint8_t>((i % 3 == 0 ? trait::b2c : 0) | trait::reminder_fee_agreed);
    const invoice_facts f = facts_at(b.columns(), i);
    b.states[i] = initial_state(f, money(10'000 + static_cast<std::int64_t>((i * 104729) % 5'000'000), iso4217::nok));
  }
  // Bring every invoice up to the day before as_of once, so the timed run is a normal day.
  (void)evaluate_batch(cp, b.columns(), b.states, as_of - days(1), {.threads = 2});
  return b;
}

const compiled_policy& policy() {
  static const compiled_policy cp = compile(preset("NO"));
  return cp;
}

// The daily run: most invoices have nothing due today (one compare each).
void BM_Dunning_BatchDaily(benchmark::State& state) {
  const date as_of = make_date(2026, 6, 1);
  book b = synthetic_book(state.range(0), policy(), as_of);
  const std::vector<invoice_state> start = b.states;
  std::size_t evaluated = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::copy(start.begin(), start.end(), b.states.begin());
    state.ResumeTiming();
    const batch_result r = evaluate_batch(policy(), b.columns(), b.states, as_of, {.threads = 1});
    evaluated = r.evaluated;
    benchmark::DoNotOptimize(r.commands.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.counters["fired_share"] = static_cast<double>(evaluated) / static_cast<double>(state.range(0));
  state.counters["bytes_per_invoice"] = static_cast<double>(sizeof(invoice_state) + 4 + 4 + 1 + 1);
}

// The common case alone: nothing is due today for anybody (as_of = the day after the last run).
void BM_Dunning_BatchQuiet(benchmark::State& state) {
  const date as_of = make_date(2026, 6, 1);
  book b = synthetic_book(state.range(0), policy(), as_of);
  for (auto& s : b.states) s.next_action = std::max(s.next_action, day_number(as_of) + 1);
  const auto threads = static_cast<unsigned>(state.range(1));
  for (auto _ : state) {
    const batch_result r = evaluate_batch(policy(), b.columns(), b.states, as_of, {.threads = threads});
    benchmark::DoNotOptimize(r.evaluated);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

// The memory-bandwidth floor: one pass over the same 48-byte states doing the same compare.
void BM_Dunning_PlainPass(benchmark::State& state) {
  const date as_of = make_date(2026, 6, 1);
  book b = synthetic_book(state.range(0), policy(), as_of);
  const std::int32_t today = day_number(as_of);
  for (auto _ : state) {
    std::size_t due = 0;
    for (const invoice_state& s : b.states) due += static_cast<std::size_t>(today >= s.next_action);
    benchmark::DoNotOptimize(due);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void BM_Dunning_Simulate(benchmark::State& state) {
  const simulation_input in{.amount = money(1'000'000, iso4217::nok), .invoice_date = make_date(2026, 1, 2),
                            .due = make_date(2026, 1, 16), .segment = segment::b2b, .reminder_fee_agreed = true};
  for (auto _ : state) benchmark::DoNotOptimize(simulate(policy(), in, make_date(2026, 12, 31)));
  state.SetItemsProcessed(state.iterations());
}

void sizes(benchmark::internal::Benchmark* b) {
  b->Arg(1'000)->Arg(100'000);
  if (std::getenv("KREDITOR_BENCH_LARGE") != nullptr) b->Arg(10'000'000);
  b->Unit(benchmark::kMillisecond);
}
void sizes_threads(benchmark::internal::Benchmark* b) {
  for (int t : {1, 2}) {
    b->Args({1'000, t})->Args({100'000, t});
    if (std::getenv("KREDITOR_BENCH_LARGE") != nullptr) b->Args({10'000'000, t});
  }
  b->Unit(benchmark::kMillisecond)->UseRealTime();
}

BENCHMARK(BM_Dunning_BatchDaily)->Apply(sizes);
BENCHMARK(BM_Dunning_BatchQuiet)->Apply(sizes_threads);
BENCHMARK(BM_Dunning_PlainPass)->Apply(sizes);
BENCHMARK(BM_Dunning_Simulate);

}  // namespace
