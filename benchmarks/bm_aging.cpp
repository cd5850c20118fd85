// Aging and exposure over columnar portfolios (STYLE B1a, B10). Inputs come from the shared
// deterministic generator and are built once, outside the timed loops. Bytes per item: due or
// issue day 4 + open minor units 8 + customer index 4 = 16 read; the plain pass over the same
// columns is the memory-bandwidth floor to compare with.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <map>
#include <vector>

#include "kreditor/exposure/aging.hpp"
#include "kreditor/exposure/exposure.hpp"
#include "kreditor/exposure/order_release.hpp"
#include "synthetic_portfolio.hpp"

namespace {

using namespace kreditor;

const date as_of = make_date(2024, 6, 30);

// One portfolio per size, about 20 invoices per customer.
const synthetic::portfolio& book(std::int64_t n) {
  static std::map<std::int64_t, synthetic::portfolio> cache;
  auto it = cache.find(n);
  if (it == cache.end()) {
    const auto size = static_cast<std::size_t>(n);
    it = cache.emplace(n, synthetic::make_portfolio(size, size / 20 + 1, day_number(as_of))).first;
  }
  return it->second;
}

void set_counters(benchmark::State& state, std::int64_t n) {
  state.SetItemsProcessed(state.iterations() * n);
  state.SetBytesProcessed(state.iterations() * n * 16);
}

// The floor: one pass summing the same three columns.
void BM_Aging_PlainPass(benchmark::State& state) {
  const auto& p = book(state.range(0));
  for (auto _ : state) {
    std::int64_t sum = 0;
    for (std::size_t i = 0; i < p.open_minor.size(); ++i)
      sum += p.open_minor[i] + p.due_day[i] + static_cast<std::int64_t>(p.group[i]);
    benchmark::DoNotOptimize(sum);
  }
  set_counters(state, state.range(0));
}
BENCHMARK(BM_Aging_PlainPass)->RangeMultiplier(10)->Range(1'000, 1'000'000);

// Per customer, default buckets, one thread.
void BM_Aging_Batch(benchmark::State& state) {
  const auto& p = book(state.range(0));
  const aging_buckets buckets;
  std::vector<std::int64_t> out(p.group_count * buckets.bucket_count());
  for (auto _ : state) {
    age_batch(p.columns(), buckets, as_of, p.group_count, out, 1);
    benchmark::DoNotOptimize(out.data());
  }
  set_counters(state, state.range(0));
}
BENCHMARK(BM_Aging_Batch)->RangeMultiplier(10)->Range(1'000, 1'000'000);

// The same on state.range(1) threads over fixed chunks.
void BM_Aging_BatchThreads(benchmark::State& state) {
  const auto& p = book(state.range(0));
  const aging_buckets buckets;
  std::vector<std::int64_t> out(p.group_count * buckets.bucket_count());
  for (auto _ : state) {
    age_batch(p.columns(), buckets, as_of, p.group_count, out,
              static_cast<unsigned>(state.range(1)));
    benchmark::DoNotOptimize(out.data());
  }
  set_counters(state, state.range(0));
}
BENCHMARK(BM_Aging_BatchThreads)->Args({1'000'000, 2})->UseRealTime();

// Whole portfolio as one group (no customer column): the portfolio aging.
void BM_Aging_Portfolio(benchmark::State& state) {
  const auto& p = book(state.range(0));
  const aging_buckets buckets;
  std::vector<std::int64_t> out(buckets.bucket_count());
  receivable_columns cols = p.columns();
  cols.group = {};
  for (auto _ : state) {
    age_batch(cols, buckets, as_of, 1, out, 1);
    benchmark::DoNotOptimize(out.data());
  }
  set_counters(state, state.range(0));
}
BENCHMARK(BM_Aging_Portfolio)->Arg(1'000'000);

// The scalar API over receivable_item values (one customer's worth, repeated).
void BM_Aging_Scalar(benchmark::State& state) {
  const auto& p = book(state.range(0));
  std::vector<receivable_item> items;
  items.reserve(p.open_minor.size());
  for (std::size_t i = 0; i < p.open_minor.size(); ++i)
    items.push_back({from_day_number(p.issue_day[i]), from_day_number(p.due_day[i]),
                     money(p.open_minor[i], iso4217::nok)});
  const aging_buckets buckets;
  for (auto _ : state) benchmark::DoNotOptimize(age(items, buckets, as_of, iso4217::nok));
  set_counters(state, state.range(0));
}
BENCHMARK(BM_Aging_Scalar)->Arg(100'000);

// Exposure's receivable summary per customer (not due / overdue / oldest days past due).
void BM_Exposure_SummarizeBatch(benchmark::State& state) {
  const auto& p = book(state.range(0));
  std::vector<receivable_summary> out(p.group_count);
  for (auto _ : state) {
    summarize_receivables_batch(p.columns(), as_of, out, static_cast<unsigned>(state.range(1)));
    benchmark::DoNotOptimize(out.data());
  }
  set_counters(state, state.range(0));
}
BENCHMARK(BM_Exposure_SummarizeBatch)->Args({1'000, 1})->Args({1'000'000, 1})->Args({1'000'000, 2})->UseRealTime();

// The whole exposure per customer as `kreditor run` and `kreditor exposure` compute it: the
// batch summary, then compute_exposure with the customer's account (a limit and a guarantee)
// and orders not invoiced, and the over-limit measure. One thread; items are invoices.
void BM_Exposure_Batch(benchmark::State& state) {
  const auto& p = book(state.range(0));
  std::vector<receivable_summary> sums(p.group_count);
  const credit_account account{.customer_id = "C",
                               .limits = {{.amount = money(5'000'000'00, iso4217::nok)}},
                               .securities = {{.kind = security_kind::guarantee,
                                               .amount = money(100'000'00, iso4217::nok)}}};
  const uninvoiced pending{money(20'000'00, iso4217::nok), money(5'000'00, iso4217::nok)};
  for (auto _ : state) {
    summarize_receivables_batch(p.columns(), as_of, sums, 1);
    std::int64_t over = 0;
    for (const receivable_summary& s : sums) {
      const exposure e = compute_exposure(s, account, pending, iso4217::nok, as_of);
      over += limit_excess(account, e, as_of).minor_units();
    }
    benchmark::DoNotOptimize(over);
  }
  set_counters(state, state.range(0));
}
BENCHMARK(BM_Exposure_Batch)->Arg(1'000)->Arg(1'000'000);

}  // namespace
