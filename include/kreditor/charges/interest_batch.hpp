// -----------------------------------------------------------------------------
// File: kreditor/charges/interest_batch.hpp
// -----------------------------------------------------------------------------
//
// Late interest for a whole portfolio at once, over columns (principal, due day,
// end day, table index), in O(1) per item: a rate table is compiled once into prefix
// sums of rate x day weight over every day of its range, so an item's exact interest
// numerator is principal x (C[end] - C[start]). The result equals late_interest()
// of charges/interest.hpp item by item (same day weights, same single rounding: one
// shared kernel; tests prove batch == scalar). Multi-threaded over fixed chunks:
// the same results for any thread count.
//
//   const accrual_table no = accrual_table::compile(
//       statutory_late_interest(jurisdiction::no, segment::b2b).value(),
//       convention_of(table), make_date(2099, 12, 31));
//   std::vector<std::int64_t> out(n);
//   batch_summary s = accrue_interest({&no, 1}, {.principal = p, .due = d, .end = e}, out, {}, 2);
#ifndef KREDITOR_CHARGES_INTEREST_BATCH_HPP
#define KREDITOR_CHARGES_INTEREST_BATCH_HPP

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "kreditor/charges/interest.hpp"
#include "kreditor/core/errc.hpp"
#include "kreditor/jurisdiction/rate_table.hpp"
#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN

/// A rate table and an interest convention compiled for batch accrual over
/// [table's first date, last_day]. Immutable; 8 bytes per day of range (2013-2099: ~250 KB).
class accrual_table {
 public:
  /// \throws error(invalid_argument) for an empty table, last_day before its first date, or
  /// the 30/360 US basis (its accrual is not a sum of day weights; use late_interest());
  /// error(overflow) if the prefix sums would not fit in 64 bits.
  [[nodiscard]] static accrual_table compile(const rate_table& rates,
                                             const interest_convention& convention,
                                             date last_day);

  /// The convention the table was compiled with.
  [[nodiscard]] const interest_convention& convention() const noexcept { return convention_; }
  /// The first and last day an interest day may fall on.
  [[nodiscard]] std::int32_t first_day() const noexcept { return base_ + 1; }
  /// The last day an interest day may fall on (the table's last_day).
  [[nodiscard]] std::int32_t last_day() const noexcept {
    return base_ + static_cast<std::int32_t>(cumulative_.size()) - 1;
  }

  /// Interest in minor units on `principal` for an item due on `due` and ended on `end`
  /// (day numbers), or the errc why not. The scalar face of the batch loop.
  [[nodiscard]] errc accrue(std::int64_t principal, std::int32_t due, std::int32_t end,
                            std::int64_t& interest) const noexcept;

 private:
  accrual_table() = default;
  std::vector<std::int64_t> cumulative_;  ///< cumulative_[i]: sum of ppb x weight over (base_, base_ + i]
  std::int32_t base_ = 0;                 ///< the day before the table's first date
  std::int64_t denominator_ = 1;          ///< 1e9 x the day count's denominator
  interest_convention convention_{};
};

/// The columns of a batch. All non-empty spans have the same length.
struct accrual_columns {
  std::span<const std::int64_t> principal{};  ///< minor units, >= 0
  std::span<const std::int32_t> due{};        ///< day_number() of the due date
  std::span<const std::int32_t> end{};        ///< day_number() of the payment / evaluation date
  std::span<const std::uint16_t> table{};     ///< index into `tables`; empty: every item uses table 0
};

/// How many items of a batch failed, and the first.
struct batch_summary {
  std::size_t failed = 0;                           ///< items whose status is not errc::ok
  std::size_t first_failed = static_cast<std::size_t>(-1);  ///< index of the first, or SIZE_MAX
};

/// Accrues every item into `interest_out` (minor units; 0 for failed items) and, if
/// `status_out` is not empty, its errc: ok; not_found (an interest day before the table's
/// first date); out_of_range (after its last_day); invalid_argument (negative principal,
/// table index out of range); overflow. One bad item never stops the batch.
/// `threads` = 0 uses std::thread::hardware_concurrency(). Results do not depend on it.
/// \throws error(invalid_argument) when the column lengths differ or `tables` is empty.
batch_summary accrue_interest(std::span<const accrual_table> tables, const accrual_columns& items,
                              std::span<std::int64_t> interest_out, std::span<errc> status_out,
                              unsigned threads = 1);

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_CHARGES_INTEREST_BATCH_HPP
