// Late-interest accrual: the batch kernel over a real statutory rate table (NO forsinkelsesrente,
// 2013-2026, 26 half-years, act/act ISDA), the scalar API, and a plain pass over the same columns
// (the memory-bandwidth floor). Target: >= 50M accruals/s on one core.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <random>
#include <vector>

#include "kreditor/charges/interest.hpp"
#include "kreditor/charges/interest_batch.hpp"

namespace {
using namespace kreditor;

struct book {
  std::vector<std::int64_t> principal;
  std::vector<std::int32_t> due;
  std::vector<std::int32_t> end;
};

// Deterministic: invoices due 2014-2025, 0-400 days late, 100.00 to 1 000 000.00.
book synthetic_book(std::size_t n) {
  book b;
  b.principal.reserve(n);
  b.due.reserve(n);
  b.end.reserve(n);
  std::mt19937_64 rng(20240101);
  std::uniform_int_distribution<std::int32_t> due(day_number(make_date(2014, 1, 1)), day_number(make_date(2025, 12, 31)));
  std::uniform_int_distribution<std::int32_t> late(0, 400);
  std::uniform_int_distribution<std::int64_t> cents(10'000, 100'000'000);
  for (std::size_t i = 0; i < n; ++i) {
    b.principal.push_back(cents(rng));
    b.due.push_back(due(rng));
    b.end.push_back(b.due.back() + late(rng));
  }
  return b;
}

accrual_table norway() {
  const rate_table no = statutory_late_interest(jurisdiction::no, segment::b2b).value();
  return accrual_table::compile(no, convention_of(no), make_date(2030, 12, 31));
}

void run_batch(benchmark::State& state, unsigned threads) {
  const std::vector<accrual_table> tables{norway()};
  const book b = synthetic_book(static_cast<std::size_t>(state.range(0)));
  std::vector<std::int64_t> out(b.principal.size());
  for (auto _ : state) {
    const auto s = accrue_interest(tables, {b.principal, b.due, b.end, {}}, out, {}, threads);
    benchmark::DoNotOptimize(s);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.SetBytesProcessed(state.iterations() * state.range(0) * (8 + 4 + 4 + 8));
}

void BM_Interest_BatchOneThread(benchmark::State& state) { run_batch(state, 1); }
BENCHMARK(BM_Interest_BatchOneThread)->RangeMultiplier(10)->Range(1'000, 1'000'000)->Unit(benchmark::kMicrosecond);

void BM_Interest_BatchTwoThreads(benchmark::State& state) { run_batch(state, 2); }
BENCHMARK(BM_Interest_BatchTwoThreads)->Arg(1'000'000)->Unit(benchmark::kMicrosecond)->UseRealTime();

// The floor: read the same columns and write one value per item.
void BM_Interest_PlainPass(benchmark::State& state) {
  const book b = synthetic_book(static_cast<std::size_t>(state.range(0)));
  std::vector<std::int64_t> out(b.principal.size());
  for (auto _ : state) {
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = b.principal[i] + (b.end[i] - b.due[i]);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Interest_PlainPass)->Arg(1'000'000)->Unit(benchmark::kMicrosecond);

void BM_Interest_ScalarLateInterest(benchmark::State& state) {
  const rate_table no = statutory_late_interest(jurisdiction::no, segment::b2b).value();
  const interest_convention conv = convention_of(no);
  const book b = synthetic_book(1'024);
  std::size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(late_interest(money(b.principal[i], iso4217::nok), no, from_day_number(b.due[i]),
                                           from_day_number(b.end[i]), conv));
    i = (i + 1) & 1023;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Interest_ScalarLateInterest);

void BM_Interest_CompileTable(benchmark::State& state) {
  const rate_table no = statutory_late_interest(jurisdiction::no, segment::b2b).value();
  for (auto _ : state)
    benchmark::DoNotOptimize(accrual_table::compile(no, convention_of(no), make_date(2030, 12, 31)));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Interest_CompileTable)->Unit(benchmark::kMicrosecond);

}  // namespace
