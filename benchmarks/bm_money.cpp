// Money arithmetic: checked addition, one-rounding multiplication, allocation and parsing.
// BM_<Component>_<Operation>; items/s is the number to watch.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

#include "kreditor/core/money.hpp"

namespace {
using namespace kreditor;

std::vector<money> amounts(std::size_t n) {
  std::vector<money> v;
  v.reserve(n);
  for (std::size_t i = 0; i < n; ++i)
    v.emplace_back(static_cast<std::int64_t>(1'000 + (i * 7919) % 500'000), iso4217::nok);
  return v;
}

void BM_Money_CheckedSum(benchmark::State& state) {
  const auto v = amounts(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    money total(0, iso4217::nok);
    for (const money m : v) total += m;
    benchmark::DoNotOptimize(total);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Money_CheckedSum)->Arg(1'000)->Arg(100'000);

void BM_Money_MultiplyByRateHalfEven(benchmark::State& state) {
  const auto v = amounts(static_cast<std::size_t>(state.range(0)));
  const rate r = rate::parse("12.25%").value();
  for (auto _ : state) {
    for (const money m : v) benchmark::DoNotOptimize(multiply(m, r, rounding::half_even));
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Money_MultiplyByRateHalfEven)->Arg(1'000)->Arg(100'000);

void BM_Money_Parse(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(money::parse("1 234 567.89", iso4217::nok));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Money_Parse);

void BM_Money_AllocateThreeWays(benchmark::State& state) {
  const std::vector<std::int64_t> weights{50, 30, 20};
  for (auto _ : state) benchmark::DoNotOptimize(allocate(money(1'000'001, iso4217::nok), weights));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Money_AllocateThreeWays);

}  // namespace
