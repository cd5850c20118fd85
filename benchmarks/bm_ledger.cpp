// Reading a ledger and replaying its payments (STYLE B1a): the library pieces behind
// `kreditor run` over a big ledger (benchmarks/ledger_1m.sh times the whole command).
//   BM_Ledger_ParseRows       parse_ledger over CSV texts: items = invoice + payment rows
//   BM_Ledger_LoadFiles       load_ledger over the same files on disk, streamed in buffered
//                             reads (the CLI's path): bytes = invoices.csv + payments.csv
//   BM_Ledger_LoadColumns     load_ledger_columns over the same files (what run, aging and
//                             exposure read): bytes per second of all threads' CPU time, so
//                             per core (issue 12's figure: >= 400 MB/s), and of wall time
//   BM_Csv_StreamRecords      the streamed CSV reader alone (records and UTF-8 checks, no
//                             ledger rows built): bytes of invoices.csv per second, one core
//   BM_Ledger_ReplayPostings  the columnar allocation kernel: items = invoices (0.66 payments each)
//   BM_Ledger_ReplayLedger    the same history through the id-based replay_ledger
// Inputs are generated once per size, outside the timed loops, about 20 invoices a customer.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "io/csv.hpp"
#include "kreditor/io/ledger.hpp"
#include "kreditor/io/ledger_columns.hpp"
#include "kreditor/ledger/allocation.hpp"
#include "kreditor/terms/notation.hpp"

namespace {

using namespace kreditor;

const date start = make_date(2026, 1, 1);

/// A small deterministic generator (the LCG of benchmarks/gen_ledger.py).
struct lcg {
  std::uint64_t state = 20261120;
  std::uint64_t below(std::uint64_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % n;
  }
};

// ---- parsing ------------------------------------------------------------------------------

const std::map<std::string, std::string, std::less<>>& texts(std::int64_t n) {
  static std::map<std::int64_t, std::map<std::string, std::string, std::less<>>> cache;
  auto it = cache.find(n);
  if (it != cache.end()) return it->second;
  lcg rng;
  const auto customers = static_cast<std::uint64_t>(n / 20 + 1);
  std::string c = "customer_id,name,country,segment,currency,credit_limit,terms\n";
  for (std::uint64_t k = 0; k < customers; ++k) c += "C" + std::to_string(k) + ",Kunde AS,NO,b2b,NOK,50000.00,30 dager netto\n";
  std::string inv = "invoice_id,customer_id,issue_date,due_date,currency,amount,terms,reference\n";
  std::string pay = "payment_id,customer_id,date,currency,amount,reference,invoice_id\n";
  for (std::int64_t i = 0; i < n; ++i) {
    const std::string cid = "C" + std::to_string(rng.below(customers));
    const date issued = start + boost::gregorian::days(static_cast<long>(rng.below(300)));
    const std::string amount = std::to_string(1 + rng.below(5000)) + "." + std::to_string(10 + rng.below(90));
    inv += "INV" + std::to_string(i) + "," + cid + "," + to_string(issued) + ",," + "NOK," + amount + ",,\n";
    if (rng.below(3) != 0)
      pay += "P" + std::to_string(i) + "," + cid + "," + to_string(issued + boost::gregorian::days(20)) + ",NOK," + amount +
             ",," + (rng.below(4) != 0 ? "INV" + std::to_string(i) : std::string()) + "\n";
  }
  return cache.emplace(n, std::map<std::string, std::string, std::less<>>{
                              {"customers.csv", c}, {"invoices.csv", inv}, {"payments.csv", pay}})
      .first->second;
}

void BM_Ledger_ParseRows(benchmark::State& state) {
  const auto& files = texts(state.range(0));
  std::size_t rows = 0;
  for (auto _ : state) {
    result<ledger> l = parse_ledger(files);
    rows = l.value().invoices.size() + l.value().payments.size();
    benchmark::DoNotOptimize(rows);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(rows));
  state.SetBytesProcessed(state.iterations() *
                          static_cast<std::int64_t>(files.at("invoices.csv").size() + files.at("payments.csv").size()));
}
// Wall time: a big payments.csv is read on a second thread.
BENCHMARK(BM_Ledger_ParseRows)->Arg(1'000)->Arg(100'000)->UseRealTime()->Unit(benchmark::kMillisecond);

/// The texts of `n` invoices written once to a directory under the system's temporary one.
std::filesystem::path ledger_dir(std::int64_t n) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("kreditor_bm_ledger_" + std::to_string(n));
  if (!fs::exists(dir / "payments.csv")) {
    fs::create_directories(dir);
    for (const auto& [name, text] : texts(n)) std::ofstream(dir / name, std::ios::binary) << text;
  }
  return dir;
}

void BM_Ledger_LoadFiles(benchmark::State& state) {
  const auto& files = texts(state.range(0));
  const std::filesystem::path dir = ledger_dir(state.range(0));
  std::size_t rows = 0;
  for (auto _ : state) {
    result<ledger> l = load_ledger(dir.string());
    rows = l.value().invoices.size() + l.value().payments.size();
    benchmark::DoNotOptimize(rows);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(rows));
  state.SetBytesProcessed(state.iterations() *
                          static_cast<std::int64_t>(files.at("invoices.csv").size() + files.at("payments.csv").size()));
}
BENCHMARK(BM_Ledger_LoadFiles)->Arg(1'000)->Arg(100'000)->UseRealTime()->Unit(benchmark::kMillisecond);

void BM_Ledger_LoadColumns(benchmark::State& state) {
  const auto& files = texts(state.range(0));
  const std::filesystem::path dir = ledger_dir(state.range(0));
  std::size_t rows = 0;
  for (auto _ : state) {
    result<ledger_columns> l = load_ledger_columns(dir.string());
    rows = l.value().invoices.size() + l.value().payments.size();
    benchmark::DoNotOptimize(rows);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(rows));
  state.SetBytesProcessed(state.iterations() *
                          static_cast<std::int64_t>(files.at("invoices.csv").size() + files.at("payments.csv").size()));
}
// Per core: the CPU time of every thread (payments.csv is read on a second one).
BENCHMARK(BM_Ledger_LoadColumns)->Arg(100'000)->Arg(1'000'000)->MeasureProcessCPUTime()->Unit(benchmark::kMillisecond);
// Wall time, both threads at work.
BENCHMARK(BM_Ledger_LoadColumns)->Arg(100'000)->Arg(1'000'000)->UseRealTime()->Unit(benchmark::kMillisecond);

void BM_Csv_StreamRecords(benchmark::State& state) {
  const std::filesystem::path file = ledger_dir(state.range(0)) / "invoices.csv";
  const auto bytes = static_cast<std::int64_t>(std::filesystem::file_size(file));
  std::size_t fields = 0;
  for (auto _ : state) {
    std::FILE* f = std::fopen(file.c_str(), "rb");
    io::csv_reader r("invoices.csv", f);
    fields = 0;
    while (r.next().value()) fields += r.fields().size();
    std::fclose(f);
    benchmark::DoNotOptimize(fields);
  }
  state.SetBytesProcessed(state.iterations() * bytes);
}
BENCHMARK(BM_Csv_StreamRecords)->Arg(100'000)->Unit(benchmark::kMillisecond);

// ---- replay -------------------------------------------------------------------------------

struct history {
  std::vector<replay_invoice> invoices;
  std::vector<replay_payment> payments;
  std::vector<std::uint32_t> designations;
  std::vector<std::string> ids;
};

const history& columns(std::int64_t n) {
  static std::map<std::int64_t, history> cache;
  auto it = cache.find(n);
  if (it != cache.end()) return it->second;
  lcg rng;
  history h;
  const auto customers = static_cast<std::uint32_t>(n / 20 + 1);
  h.ids.reserve(static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) h.ids.push_back("INV" + std::to_string(i));
  for (std::int64_t i = 0; i < n; ++i) {
    const date issued = start + boost::gregorian::days(static_cast<long>(rng.below(300)));
    const money amount(static_cast<std::int64_t>(1 + rng.below(500'000)), iso4217::nok);
    const auto customer = static_cast<std::uint32_t>(rng.below(customers));
    h.invoices.push_back({.id = h.ids[static_cast<std::size_t>(i)], .customer = customer, .issue_date = issued,
                          .first_due = issued + boost::gregorian::days(30), .amount = amount});
    if (rng.below(3) != 0) {  // two in three paid; three in four of those designate the invoice
      const auto begin = static_cast<std::uint32_t>(h.designations.size());
      if (rng.below(4) != 0) h.designations.push_back(static_cast<std::uint32_t>(i));
      h.payments.push_back({.customer = customer, .received = issued + boost::gregorian::days(20), .amount = amount,
                            .designated_begin = begin, .designated_end = static_cast<std::uint32_t>(h.designations.size())});
    }
  }
  return cache.emplace(n, std::move(h)).first->second;
}

void BM_Ledger_ReplayPostings(benchmark::State& state) {
  const history& h = columns(state.range(0));
  for (auto _ : state) {
    std::vector<posting> p = replay_postings(
        {.invoices = h.invoices, .payments = h.payments, .designations = h.designations}, allocation_policy{});
    benchmark::DoNotOptimize(p.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Ledger_ReplayPostings)->Arg(1'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

void BM_Ledger_ReplayLedger(benchmark::State& state) {
  const history& h = columns(state.range(0));
  std::vector<invoice> inv;
  const payment_terms net30 = parse_terms("net 30").value();
  for (const replay_invoice& x : h.invoices)
    inv.push_back({.id = std::string(x.id), .customer_id = "C" + std::to_string(x.customer), .issue_date = x.issue_date,
                   .amount = x.amount, .terms = net30, .schedule = {{.due = x.first_due, .amount = x.amount}}});
  std::vector<payment> pay;
  for (std::size_t k = 0; k < h.payments.size(); ++k) {
    const replay_payment& p = h.payments[k];
    payment q{.id = "P" + std::to_string(k), .customer_id = "C" + std::to_string(p.customer), .received = p.received,
              .amount = p.amount};
    for (std::uint32_t d = p.designated_begin; d < p.designated_end; ++d) q.invoice_ids.push_back(inv[h.designations[d]].id);
    pay.push_back(std::move(q));
  }
  for (auto _ : state) {
    std::vector<ledger_entry> e = replay_ledger(inv, {}, pay, {}, allocation_policy{});
    benchmark::DoNotOptimize(e.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Ledger_ReplayLedger)->Arg(1'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

}  // namespace
