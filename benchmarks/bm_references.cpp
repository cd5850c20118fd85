// Validating payment references and identity numbers: the work done per incoming payment
// when matching a bank file to open invoices. Items/s is the number to watch.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kreditor/references/iban.hpp"
#include "kreditor/references/reference.hpp"

namespace {

using kreditor::reference_type;

// A deterministic set of valid references of one type: same input every run.
std::vector<std::string> made_references(reference_type t, std::size_t n) {
  std::vector<std::string> out;
  out.reserve(n);
  std::uint64_t x = 88172645463325252ULL;
  for (std::size_t i = 0; i < n; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    out.push_back(kreditor::make_reference(t, std::to_string(x % 100'000'000'000ULL)).value());
  }
  return out;
}

void validate_all(benchmark::State& state, reference_type t, const std::vector<std::string>& refs) {
  for (auto _ : state)
    for (const auto& r : refs) benchmark::DoNotOptimize(kreditor::validate(t, r).valid);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(refs.size()));
}

void BM_References_ValidateKidMod10(benchmark::State& state) {
  validate_all(state, reference_type::kid_mod10, made_references(reference_type::kid_mod10, 1024));
}
BENCHMARK(BM_References_ValidateKidMod10);

void BM_References_ValidateKidMod11(benchmark::State& state) {
  validate_all(state, reference_type::kid_mod11, made_references(reference_type::kid_mod11, 1024));
}
BENCHMARK(BM_References_ValidateKidMod11);

void BM_References_ValidateRf(benchmark::State& state) {
  validate_all(state, reference_type::rf, made_references(reference_type::rf, 1024));
}
BENCHMARK(BM_References_ValidateRf);

void BM_References_ValidateIban(benchmark::State& state) {
  const std::vector<std::string> ibans{"NO93 8601 1117 947", "SE45 5000 0000 0583 9825 7466",
                                       "DK50 0040 0440 1162 43", "FI21 1234 5600 0007 85",
                                       "DE89 3704 0044 0532 0130 00", "GB29 NWBK 6016 1331 9268 19",
                                       "FR14 2004 1010 0505 0001 3M02 606", "NL91 ABNA 0417 1643 00"};
  validate_all(state, reference_type::iban, ibans);
}
BENCHMARK(BM_References_ValidateIban);

// The failing path builds a reason string: the cost of a mistyped reference.
void BM_References_ValidateInvalidKid(benchmark::State& state) {
  std::vector<std::string> refs = made_references(reference_type::kid_mod10, 1024);
  for (auto& r : refs) r.back() = r.back() == '0' ? '1' : '0';
  validate_all(state, reference_type::kid_mod10, refs);
}
BENCHMARK(BM_References_ValidateInvalidKid);

void BM_References_ValidateEachOcr(benchmark::State& state) {
  const auto refs = made_references(reference_type::ocr, 4096);
  const std::vector<std::string_view> views(refs.begin(), refs.end());
  std::unique_ptr<bool[]> flags(new bool[views.size()]);
  for (auto _ : state)
    benchmark::DoNotOptimize(kreditor::validate_each(reference_type::ocr, views, {flags.get(), views.size()}));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(views.size()));
}
BENCHMARK(BM_References_ValidateEachOcr);

void BM_References_MakeRf(benchmark::State& state) {
  std::uint64_t n = 539007547034ULL;
  for (auto _ : state) benchmark::DoNotOptimize(kreditor::make_reference(reference_type::rf, std::to_string(++n)));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_References_MakeRf);

}  // namespace
