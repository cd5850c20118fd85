// Calendar queries: the bit test, advancing by business days, rolling, counting, and the
// floor they are measured against (a plain pass over the same dates). BM_<Component>_<Operation>;
// items/s is the number to watch. Targets (issue 2): is_business_day >= 200M/s,
// advance 10 business days >= 50M/s, on one core.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

#include "kreditor/time/calendars.hpp"

namespace {
using namespace kreditor;

// Dates spread over 2000..2040 in a scrambled order (so the branch predictor cannot learn it).
std::vector<date> dates(std::size_t n) {
  std::vector<date> v;
  v.reserve(n);
  const std::int32_t first = day_number(make_date(2000, 1, 1));
  for (std::size_t i = 0; i < n; ++i)
    v.push_back(from_day_number(first + static_cast<std::int32_t>((i * 7919u) % 14'600u)));
  return v;
}

constexpr std::int64_t batch = 4096;

void BM_Calendar_PlainPass(benchmark::State& state) {  // the memory floor: sum the day numbers
  const auto v = dates(batch);
  for (auto _ : state) {
    std::int64_t sum = 0;
    for (const date d : v) sum += day_number(d);
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * batch);
}
BENCHMARK(BM_Calendar_PlainPass);

void BM_Calendar_IsBusinessDay(benchmark::State& state) {
  const auto v = dates(batch);
  const calendar cal = norway();
  for (auto _ : state) {
    int open = 0;
    for (const date d : v) open += cal.is_business_day(d) ? 1 : 0;
    benchmark::DoNotOptimize(open);
  }
  state.SetItemsProcessed(state.iterations() * batch);
}
BENCHMARK(BM_Calendar_IsBusinessDay);

void BM_Calendar_IsBusinessDayBatch(benchmark::State& state) {  // columnar: day numbers in, bytes out
  std::vector<std::int32_t> v;
  for (const date d : dates(batch)) v.push_back(day_number(d));
  std::vector<std::uint8_t> out(v.size());
  const calendar cal = norway();
  for (auto _ : state) {
    cal.is_business_day(v, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations() * batch);
}
BENCHMARK(BM_Calendar_IsBusinessDayBatch);

void BM_Calendar_Advance10(benchmark::State& state) {
  const auto v = dates(batch);
  const calendar cal = join(norway(), sweden());
  for (auto _ : state) {
    for (const date d : v) benchmark::DoNotOptimize(cal.advance(d, 10));
  }
  state.SetItemsProcessed(state.iterations() * batch);
}
BENCHMARK(BM_Calendar_Advance10);

void BM_Calendar_AdvanceBack10(benchmark::State& state) {
  const auto v = dates(batch);
  const calendar cal = norway();
  for (auto _ : state) {
    for (const date d : v) benchmark::DoNotOptimize(cal.advance(d, -10));
  }
  state.SetItemsProcessed(state.iterations() * batch);
}
BENCHMARK(BM_Calendar_AdvanceBack10);

void BM_Calendar_AdjustModifiedFollowing(benchmark::State& state) {
  const auto v = dates(batch);
  const calendar cal = sweden();
  for (auto _ : state) {
    for (const date d : v)
      benchmark::DoNotOptimize(cal.adjust(d, business_day_convention::modified_following));
  }
  state.SetItemsProcessed(state.iterations() * batch);
}
BENCHMARK(BM_Calendar_AdjustModifiedFollowing);

void BM_Calendar_BusinessDaysBetween(benchmark::State& state) {
  const auto v = dates(batch);
  const calendar cal = denmark();
  const date anchor = make_date(2020, 1, 1);
  for (auto _ : state) {
    std::int64_t sum = 0;
    for (const date d : v) sum += cal.business_days_between(anchor, d);
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * batch);
}
BENCHMARK(BM_Calendar_BusinessDaysBetween);

void BM_Calendar_WithHoliday(benchmark::State& state) {  // a new value: copies the table
  const calendar cal = finland();
  const date d = make_date(2024, 6, 3);
  for (auto _ : state) benchmark::DoNotOptimize(cal.with_holiday(d, "closed"));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Calendar_WithHoliday);

}  // namespace
