#include "kreditor/dunning/batch.hpp"

#include <algorithm>
#include <atomic>
#include <thread>

#include "core/parallel.hpp"
#include "kreditor/dunning/engine.hpp"

KREDITOR_NAMESPACE_BEGIN  // not `namespace kreditor::dunning`: clang 14 misplaces it outside v0
namespace dunning {
namespace {

struct chunk_out {
  std::vector<batch_command> commands;
  std::vector<batch_problem> problems;
  std::size_t evaluated = 0;
};

void run_chunk(const compiled_policy& cp, const portfolio_columns& cols, std::span<invoice_state> states,
               date as_of, std::size_t begin, std::size_t end, chunk_out& out) {
  const std::int32_t today = day_number(as_of);
  std::vector<command> today_commands;
  for (std::size_t i = begin; i < end; ++i) {
    if (today < states[i].next_action) continue;  // the common case
    ++out.evaluated;
    const invoice_facts f = facts_at(cols, i);
    const context ctx{cp, f};
    invoice_state s = states[i];
    today_commands.clear();
    try {
      advance(ctx, s, as_of, today_commands);
    } catch (const error& e) {
      out.problems.push_back({static_cast<std::uint32_t>(i), failure{e.code(), e.what()}});
      continue;
    }
    states[i] = s;
    for (const command& c : today_commands) out.commands.push_back({static_cast<std::uint32_t>(i), c});
  }
}

}  // namespace

invoice_facts facts_at(const portfolio_columns& p, std::size_t i) {
  return {p.invoice_day[i], p.due_day[i], p.currencies[p.currency_index[i]],
          (p.traits[i] & trait::b2c) ? segment::b2c : segment::b2b,
          (p.traits[i] & trait::reminder_fee_agreed) != 0};
}

batch_result evaluate_batch(const compiled_policy& cp, const portfolio_columns& cols,
                            std::span<invoice_state> states, date as_of, const batch_options& options) {
  const std::size_t n = cols.size();
  if (cols.invoice_day.size() != n || cols.currency_index.size() != n || cols.traits.size() != n ||
      states.size() != n)
    throw error(errc::invalid_argument, "evaluate_batch: columns and states differ in length");
  if (options.threads == 0 || options.chunk == 0)
    throw error(errc::invalid_argument, "evaluate_batch: threads and chunk must be at least 1");
  for (std::uint8_t idx : cols.currency_index)
    if (idx >= cols.currencies.size())
      throw error(errc::invalid_argument, "evaluate_batch: currency index " + std::to_string(idx) + " out of range");

  const std::size_t chunks = (n + options.chunk - 1) / options.chunk;
  std::vector<chunk_out> outs(chunks);
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t c = next++; c < chunks; c = next++)
      run_chunk(cp, cols, states, as_of, c * options.chunk, std::min(n, (c + 1) * options.chunk), outs[c]);
  };
  const unsigned threads = static_cast<unsigned>(std::min<std::size_t>(options.threads, std::max<std::size_t>(chunks, 1)));
  kreditor::detail::run_workers(threads, [&](unsigned) { worker(); });
  batch_result r;
  for (chunk_out& o : outs) {
    r.evaluated += o.evaluated;
    r.commands.insert(r.commands.end(), o.commands.begin(), o.commands.end());
    r.problems.insert(r.problems.end(), o.problems.begin(), o.problems.end());
  }
  return r;
}

}  // namespace dunning
KREDITOR_NAMESPACE_END
