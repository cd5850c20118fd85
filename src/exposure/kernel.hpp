// The one kernel behind aging and exposure, scalar and batch alike (STYLE B1a): a loop over
// "sources" that hand out an item's reference day, open minor units and group. The scalar
// APIs wrap a span of receivable_item, the batch APIs wrap columns; both instantiate the same
// template, so they cannot disagree.
//
// Sums are kept in 128-bit integers and only narrowed (checked) at the end: exact sums are
// associative, so splitting a batch into chunks over threads gives bit-identical results for
// any thread count, and an intermediate can never overflow in one order but not another.
#ifndef KREDITOR_SRC_EXPOSURE_KERNEL_HPP
#define KREDITOR_SRC_EXPOSURE_KERNEL_HPP

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <thread>
#include <vector>

#include "core/parallel.hpp"
#include "kreditor/core/errc.hpp"
#include "kreditor/core/rounding.hpp"
#include "kreditor/exposure/aging.hpp"
#include "kreditor/exposure/receivable.hpp"
#include "kreditor/time/date.hpp"

namespace kreditor::exposure_kernel {

/// Bucket bounds in a fixed array: no allocation or indirection in the loop.
struct bucket_plan {
  std::array<std::int64_t, aging_buckets::max_bounds> bounds{};
  std::uint32_t count = 0;

  [[nodiscard]] std::uint32_t bucket_count() const noexcept { return count + 1; }
  /// The number of bounds the age exceeds: bucket i holds (bounds[i-1], bounds[i]].
  [[nodiscard]] std::uint32_t index(std::int64_t age) const noexcept {
    std::uint32_t b = 0;
    for (std::uint32_t k = 0; k < count; ++k) b += static_cast<std::uint32_t>(age > bounds[k]);
    return b;
  }
};

/// The plan for `b`. \throws error(invalid_argument) for invalid bounds.
bucket_plan make_plan(const aging_buckets& b);

/// Items as columns. `day` is the column the age counts from (due or issue day).
struct column_source {
  const std::int32_t* day = nullptr;
  const std::int64_t* amount = nullptr;
  const std::uint32_t* group = nullptr;  ///< null: every item is group 0

  [[nodiscard]] std::int32_t day_at(std::size_t i) const noexcept { return day[i]; }
  [[nodiscard]] std::int64_t amount_at(std::size_t i) const noexcept { return amount[i]; }
  [[nodiscard]] std::uint32_t group_at(std::size_t i) const noexcept {
    return group == nullptr ? 0U : group[i];
  }
};

/// Items as receivable_item values (one group). Currencies are checked before the kernel runs.
struct item_source {
  const receivable_item* items = nullptr;
  bool by_invoice = false;

  [[nodiscard]] std::int32_t day_at(std::size_t i) const noexcept {
    return day_number(by_invoice ? items[i].issued : items[i].due);
  }
  [[nodiscard]] std::int64_t amount_at(std::size_t i) const noexcept {
    return items[i].open_amount.minor_units();
  }
  [[nodiscard]] std::uint32_t group_at(std::size_t) const noexcept { return 0U; }
};

/// What a range of items ran into: a group index out of range (the item is skipped; the caller
/// reports it) or, with 64-bit accumulators, an overflow (the caller reruns in 128 bits).
struct range_status {
  bool bad_group = false;
  bool overflow = false;
};

/// Adds `a` to an accumulator: exactly in 128 bits, or in 64 bits noting an overflow. The fast
/// path is 64 bits; after an overflow the batch is redone in 128 bits, so every result is exact
/// and none depends on the order of the additions (or the thread count).
inline void add(int128& slot, std::int64_t a, range_status&) noexcept { slot += a; }
inline void add(std::int64_t& slot, std::int64_t a, range_status& st) noexcept {
  st.overflow |= __builtin_add_overflow(slot, a, &slot);
}

/// Adds items [begin, end) into acc[group * bucket_count + bucket].
template <class Source, class Acc>
void age_range(const Source& s, std::size_t begin, std::size_t end, std::int32_t as_of,
               const bucket_plan& plan, std::size_t group_count, Acc* acc,
               range_status& st) noexcept {
  const std::size_t nb = plan.bucket_count();
  for (std::size_t i = begin; i < end; ++i) {
    const std::uint32_t g = s.group_at(i);
    if (g >= group_count) [[unlikely]] {
      st.bad_group = true;
      continue;
    }
    const std::int64_t age = std::int64_t{as_of} - s.day_at(i);
    add(acc[g * nb + plan.index(age)], s.amount_at(i), st);
  }
}

/// Per group: open amounts not yet due and past due, and the most days past due of an item
/// with a positive open amount (0 when nothing is overdue).
template <class Acc>
struct receivable_totals {
  Acc not_due = 0;
  Acc overdue = 0;
  std::int64_t max_days_past_due = 0;
};

template <class Source, class Acc>
void exposure_range(const Source& s, std::size_t begin, std::size_t end, std::int32_t as_of,
                    std::size_t group_count, receivable_totals<Acc>* acc,
                    range_status& st) noexcept {
  for (std::size_t i = begin; i < end; ++i) {
    const std::uint32_t g = s.group_at(i);
    if (g >= group_count) [[unlikely]] {
      st.bad_group = true;
      continue;
    }
    const std::int64_t days_past_due = std::int64_t{as_of} - s.day_at(i);
    const std::int64_t amount = s.amount_at(i);
    receivable_totals<Acc>& t = acc[g];
    if (days_past_due > 0) {
      add(t.overdue, amount, st);
      if (amount > 0) t.max_days_past_due = std::max(t.max_days_past_due, days_past_due);
    } else {
      add(t.not_due, amount, st);
    }
  }
}

/// Items per chunk: fixed, so the split of a batch never depends on the thread count.
inline constexpr std::size_t chunk_size = std::size_t{1} << 16;

/// Runs fn(begin, end, worker) over fixed chunks of [0, n): worker w takes chunks w, w+T,
/// w+2T, ... Returns the number of workers used (>= 1), so the caller can size and merge
/// one partial result per worker. An exception thrown by `fn` reaches the caller (run_workers).
template <class Fn>
unsigned run_chunked(std::size_t n, unsigned threads, Fn fn) {
  const std::size_t chunks = (n + chunk_size - 1) / chunk_size;
  const unsigned workers =
      static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(threads, chunks)));
  auto work = [&, workers](unsigned w) {
    for (std::size_t c = w; c < chunks; c += workers)
      fn(c * chunk_size, std::min(n, (c + 1) * chunk_size), w);
  };
  kreditor::detail::run_workers(workers, work);
  return workers;
}

/// The workers' tables of one batch, lent from a cache kept per calling thread and Slot type.
/// A fresh table's pages are faulted in and zeroed by the operating system on every call (on
/// this project's virtual machines ~1 µs a page: for 1M items over 50k customers, more than
/// the kernel's own work), so tables are reused and only zeroed. A table over `keep_bytes` is
/// freed when the lease ends, so a one-off huge batch does not pin its memory.
template <class Slot>
class table_lease {
 public:
  static constexpr std::size_t keep_bytes = std::size_t{16} << 20;

  table_lease(std::size_t workers, std::size_t slots) : tables_(cache()), workers_(workers) {
    if (tables_.size() < workers) tables_.resize(workers);
    for (std::size_t w = 0; w < workers; ++w) tables_[w].assign(slots, Slot{});
  }
  table_lease(const table_lease&) = delete;
  table_lease& operator=(const table_lease&) = delete;
  ~table_lease() {
    for (std::vector<Slot>& t : tables_)
      if (t.capacity() * sizeof(Slot) > keep_bytes) std::vector<Slot>().swap(t);
  }
  [[nodiscard]] Slot* table(std::size_t w) noexcept { return tables_[w].data(); }
  [[nodiscard]] const std::vector<Slot>* begin() const noexcept { return tables_.data(); }
  [[nodiscard]] const std::vector<Slot>* end() const noexcept { return tables_.data() + workers_; }

 private:
  static std::vector<std::vector<Slot>>& cache() {
    thread_local std::vector<std::vector<Slot>> tables;
    return tables;
  }
  std::vector<std::vector<Slot>>& tables_;
  std::size_t workers_;
};

/// The batch driver: one table of `slots` zeroed Slots per worker, filled by
/// range(begin, end, table, status) over fixed chunks. Returns the tables (merge them in any
/// order: the sums are exact; they are valid until the lease is destroyed, and another batch
/// of the same Slot type on this thread must not start before) and the combined status.
template <class Slot, class Range>
std::unique_ptr<table_lease<Slot>> accumulate(std::size_t n, unsigned threads, std::size_t slots, Range range,
                                              range_status& status) {
  const std::size_t chunks = (n + chunk_size - 1) / chunk_size;
  const std::size_t workers = std::max<std::size_t>(1, std::min<std::size_t>(threads, chunks));
  auto tables = std::make_unique<table_lease<Slot>>(workers, slots);
  std::vector<range_status> st(workers);
  (void)run_chunked(n, threads, [&](std::size_t b, std::size_t e, unsigned w) {
    // The status a chunk notes on every item lives on this thread's stack: the workers'
    // entries of `st` share a cache line, and writing them per item made two threads
    // slower than one (false sharing).
    range_status local;
    range(b, e, tables->table(w), local);
    st[w].bad_group |= local.bad_group;
    st[w].overflow |= local.overflow;
  });
  for (const range_status& s : st) {
    status.bad_group |= s.bad_group;
    status.overflow |= s.overflow;
  }
  return tables;
}

/// The 128-bit sum narrowed to 64 bits. \throws error(overflow) naming `who`.
[[nodiscard]] std::int64_t narrow(int128 v, const char* who);

/// Checks the columns for a batch: equal sizes of the given spans, the day column present.
/// \throws error(invalid_argument) naming `who`.
void check_columns(const receivable_columns& c, std::span<const std::int32_t> day,
                   const char* who);

}  // namespace kreditor::exposure_kernel

#endif  // KREDITOR_SRC_EXPOSURE_KERNEL_HPP
