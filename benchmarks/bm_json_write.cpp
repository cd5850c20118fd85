// The JSON text of `run --format json`: an invoice-shaped object (the run's 24 keys: ids,
// dates, amounts, flags, an empty command list) written by io::json_writer, and the same object
// built as nlohmann::json and dumped with indent 2, as the run did before. Both write the same
// bytes (tests/unit/io/json_write_test.cpp); items/s and bytes/s are the numbers to watch.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "io/json_write.hpp"

namespace {

struct line {
  std::string invoice_id, customer_name, email, reference, amount, open, due_date;
  std::int32_t days_past_due = 0;
  bool alert = false;
};

std::vector<line> lines(std::size_t n) {
  std::vector<line> v;
  v.reserve(n);
  for (std::size_t i = 0; i < n; ++i)
    v.push_back({"F-26-" + std::to_string(100'000 + i), i % 7 == 0 ? "Nordlys Rørlegger AS" : "Fjordtre \"Bygg\" AS",
                 "regnskap@fjordtre.no", std::to_string(100'109'404 + i * 13), std::to_string(1'000 + i % 9'000) + ".50",
                 std::to_string(i % 1'000) + ".00", "2026-09-" + std::to_string(10 + i % 19),
                 static_cast<std::int32_t>(i % 120), i % 50 == 0});
  return v;
}

void write(kreditor::io::json_writer& w, const line& l) {
  w.begin_object()
      .key("account_manager").string(l.customer_name)
      .key("amount").string(l.amount)
      .key("commands").begin_array().end_array()
      .key("day_count_uncertain").boolean(false)
      .key("days_past_due").integer(l.days_past_due)
      .key("due_date").string(l.due_date)
      .key("email").string(l.email)
      .key("fees").string("0.00")
      .key("fees_paid").string("0.00")
      .key("interest").string("12.34")
      .key("interest_paid").string("0.00")
      .key("invoice_id").string(l.invoice_id)
      .key("issue_date").string(l.due_date)
      .key("last_step").null()
      .key("level").integer(0)
      .key("limitation_alert").boolean(l.alert)
      .key("limitation_date").string("2029-09-10")
      .key("limitation_uncertain").boolean(false)
      .key("next_action").null()
      .key("open").string(l.open)
      .key("overlays").begin_array().end_array()
      .key("reference").string(l.reference)
      .key("state").string("overdue")
      .key("total_due").string(l.open)
      .end_object();
}

nlohmann::json built(const line& l) {
  using nlohmann::json;
  return {{"account_manager", l.customer_name}, {"amount", l.amount}, {"commands", json::array()},
          {"day_count_uncertain", false}, {"days_past_due", l.days_past_due}, {"due_date", l.due_date},
          {"email", l.email}, {"fees", "0.00"}, {"fees_paid", "0.00"}, {"interest", "12.34"},
          {"interest_paid", "0.00"}, {"invoice_id", l.invoice_id}, {"issue_date", l.due_date}, {"last_step", nullptr},
          {"level", 0}, {"limitation_alert", l.alert}, {"limitation_date", "2029-09-10"},
          {"limitation_uncertain", false}, {"next_action", nullptr}, {"open", l.open},
          {"overlays", json::array()}, {"reference", l.reference}, {"state", "overdue"}, {"total_due", l.open}};
}

void BM_JsonWrite_InvoiceObjects(benchmark::State& state) {
  const auto v = lines(static_cast<std::size_t>(state.range(0)));
  std::string out;
  std::size_t bytes = 0;
  for (auto _ : state) {
    out.clear();
    kreditor::io::json_writer w(out);
    w.begin_array();
    for (const line& l : v) write(w, l);
    w.end_array();
    bytes = out.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes));
}
BENCHMARK(BM_JsonWrite_InvoiceObjects)->Arg(10'000);

void BM_JsonWrite_NlohmannDumpIndentTwo(benchmark::State& state) {
  const auto v = lines(static_cast<std::size_t>(state.range(0)));
  std::size_t bytes = 0;
  for (auto _ : state) {
    nlohmann::json a = nlohmann::json::array();
    for (const line& l : v) a.push_back(built(l));
    const std::string out = a.dump(2);
    bytes = out.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes));
}
BENCHMARK(BM_JsonWrite_NlohmannDumpIndentTwo)->Arg(10'000);

}  // namespace
