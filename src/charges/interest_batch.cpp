#include "kreditor/charges/interest_batch.hpp"

#include "core/parallel.hpp"

#include <algorithm>
#include <thread>

#include "charges/accrual_kernel.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace {

// Items per chunk: threads take whole chunks in a fixed order, so the split (and with it every
// result) is the same for any thread count.
constexpr std::size_t chunk = std::size_t{1} << 15;

}  // namespace

accrual_table accrual_table::compile(const rate_table& rates, const interest_convention& convention,
                                     date last_day) {
  if (rates.empty()) throw error(errc::invalid_argument, "accrual_table: the rate table is empty");
  if (!detail::has_day_weights(convention.basis))
    throw error(errc::invalid_argument, "accrual_table: " + std::string(to_string(convention.basis)) +
                                            " is not a sum of day weights; use late_interest()");
  const date first = rates.first_date();
  if (last_day.is_special() || last_day < first)
    throw error(errc::invalid_argument, "accrual_table: last day is before the table's first date " +
                                            to_string(first));
  accrual_table t;
  t.convention_ = convention;
  t.base_ = day_number(first) - 1;
  t.denominator_ = detail::ppb_one * detail::day_count_denominator(convention.basis);
  const auto n = static_cast<std::size_t>(day_number(last_day) - t.base_);
  t.cumulative_.resize(n + 1);
  t.cumulative_[0] = 0;
  const auto rows = rates.rows();
  std::size_t row = 0;
  date d = first;
  for (std::size_t i = 1; i <= n; ++i, d += days(1)) {
    while (row + 1 < rows.size() && rows[row + 1].effective_from <= d) ++row;
    const std::int64_t w = detail::day_weight(convention.basis, d) * rows[row].annual.parts_per_billion();
    if (__builtin_add_overflow(t.cumulative_[i - 1], w, &t.cumulative_[i]))
      throw error(errc::overflow, "accrual_table: prefix sums overflow 64 bits");
  }
  return t;
}

namespace {

// The per-item kernel, inlined into the batch loop.
inline errc accrue_one(const std::vector<std::int64_t>& c, std::int32_t base, std::int64_t denominator,
                       const interest_convention& conv, std::int64_t principal, std::int32_t due,
                       std::int32_t end, std::int64_t& interest) noexcept {
  interest = 0;
  if (principal < 0) return errc::invalid_argument;
  const std::int32_t start = conv.start == first_interest_day::due_date ? due - 1 : due;  // last day not counted
  if (end <= start) return errc::ok;
  if (start < base) return errc::not_found;
  if (static_cast<std::size_t>(end - base) >= c.size()) return errc::out_of_range;
  const std::int64_t weighted = c[static_cast<std::size_t>(end - base)] - c[static_cast<std::size_t>(start - base)];
  return detail::finish(static_cast<int128>(principal) * weighted, denominator, conv.mode, interest)
             ? errc::ok
             : errc::overflow;
}

}  // namespace

errc accrual_table::accrue(std::int64_t principal, std::int32_t due, std::int32_t end,
                           std::int64_t& interest) const noexcept {
  return accrue_one(cumulative_, base_, denominator_, convention_, principal, due, end, interest);
}

batch_summary accrue_interest(std::span<const accrual_table> tables, const accrual_columns& items,
                              std::span<std::int64_t> interest_out, std::span<errc> status_out,
                              unsigned threads) {
  const std::size_t n = items.principal.size();
  if (tables.empty()) throw error(errc::invalid_argument, "accrue_interest: no tables");
  if (items.due.size() != n || items.end.size() != n || interest_out.size() != n ||
      (!items.table.empty() && items.table.size() != n) || (!status_out.empty() && status_out.size() != n))
    throw error(errc::invalid_argument, "accrue_interest: columns of different lengths");

  const std::size_t chunks = (n + chunk - 1) / chunk;
  std::vector<batch_summary> per_chunk(chunks);
  const auto run_chunk = [&](std::size_t k) {
    const std::size_t begin = k * chunk;
    const std::size_t stop = std::min(n, begin + chunk);
    batch_summary s;
    for (std::size_t i = begin; i < stop; ++i) {
      const std::size_t ti = items.table.empty() ? 0 : items.table[i];
      errc e = errc::invalid_argument;
      if (ti < tables.size()) {
        const accrual_table& t = tables[ti];
        e = t.accrue(items.principal[i], items.due[i], items.end[i], interest_out[i]);
      } else {
        interest_out[i] = 0;
      }
      if (!status_out.empty()) status_out[i] = e;
      if (e != errc::ok) {
        if (s.failed++ == 0) s.first_failed = i;
      }
    }
    per_chunk[k] = s;
  };

  if (threads == 0) threads = std::max(1U, std::thread::hardware_concurrency());
  const std::size_t workers = std::min<std::size_t>(threads, chunks);
  detail::run_workers(static_cast<unsigned>(std::max<std::size_t>(workers, 1)), [&](unsigned w) {
    for (std::size_t k = w; k < chunks; k += std::max<std::size_t>(workers, 1)) run_chunk(k);
  });
  batch_summary total;
  for (const auto& s : per_chunk) {
    if (s.failed != 0 && total.failed == 0) total.first_failed = s.first_failed;
    total.failed += s.failed;
  }
  return total;
}

KREDITOR_NAMESPACE_END
