// -----------------------------------------------------------------------------
// File: kreditor/exposure/aging.hpp
// -----------------------------------------------------------------------------
//
// The aging of receivables: open amounts summed into buckets of days past due (or
// days since the invoice date) as of a date, per customer and per portfolio. The
// buckets always sum to the open balance: every item lands in exactly one bucket.
//
//   aging_buckets b;                                   // current, 1-30, 31-60, 61-90, >90
//   std::vector<money> row = age(items, b, as_of, iso4217::nok);
//   b.labels();                                        // {"current", "1-30", ..., ">90"}
//
//   // A portfolio as columns, one row of bucket sums per customer, on 2 threads:
//   std::vector<std::int64_t> table(customers * b.bucket_count());
//   age_batch(columns, b, as_of, customers, table, 2);
#ifndef KREDITOR_EXPOSURE_AGING_HPP
#define KREDITOR_EXPOSURE_AGING_HPP

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kreditor/core/money.hpp"
#include "kreditor/exposure/receivable.hpp"
#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN

/// Which date an item's age is counted from.
enum class aging_basis : std::uint8_t {
  due_date,      ///< days past due: as_of - due (negative or zero: not yet due)
  invoice_date,  ///< days since the invoice: as_of - issued
};

/// "due" or "invoice" (the CLI's --by values).
[[nodiscard]] std::string_view to_string(aging_basis b) noexcept;

/// Bucket boundaries: the inclusive upper bound, in days, of every bucket but the last,
/// which is open-ended. Bucket i holds ages in (upper_bounds[i-1], upper_bounds[i]]; the
/// first holds everything up to upper_bounds[0], including negative ages (not yet due).
/// The default {0, 30, 60, 90} by due date gives: current (not past due), 1-30, 31-60,
/// 61-90, >90 days past due.
struct aging_buckets {
  static constexpr std::size_t max_bounds = 15;  ///< at most 16 buckets

  std::vector<std::int32_t> upper_bounds{0, 30, 60, 90};  ///< ascending, the first >= 0
  aging_basis basis = aging_basis::due_date;  ///< age counted from the due date or the invoice date

  /// upper_bounds.size() + 1.
  [[nodiscard]] std::size_t bucket_count() const noexcept { return upper_bounds.size() + 1; }
  /// "current" (a first bucket ending at 0), "0-15" (a first bucket ending above 0),
  /// "1-30", "31-60", ..., ">90".
  [[nodiscard]] std::vector<std::string> labels() const;
  /// The bucket an age in days falls into.
  [[nodiscard]] std::size_t bucket_of(std::int32_t age_days) const noexcept;

  /// Memberwise equality.
  friend bool operator==(const aging_buckets&, const aging_buckets&) = default;
};

/// Checks bucket boundaries: at most `max_bounds`, the first >= 0, strictly increasing.
/// Failure: errc::invalid_argument naming the offending bound.
result<aging_buckets> make_aging_buckets(std::vector<std::int32_t> upper_bounds,
                                         aging_basis basis);

/// Sums the open amounts of `items` into `buckets` as of `as_of`. Returns bucket_count()
/// amounts in `ccy`, summing exactly to the items' total.
/// \throws error(currency_mismatch) for an item in another currency, error(invalid_argument)
/// for invalid buckets, error(overflow) if a sum does not fit.
[[nodiscard]] std::vector<money> age(std::span<const receivable_item> items,
                                     const aging_buckets& buckets, date as_of, currency ccy);

/// The batch form of `age`: sums of open minor units per group and bucket, written
/// row-major into `out` (out[g * bucket_count() + b]); `out` is overwritten. Runs on
/// `threads` threads over fixed chunks; the result is identical for any thread count.
/// \pre every group index < group_count, out.size() == group_count * bucket_count().
/// \throws error(invalid_argument) for mismatched column sizes, a group index out of range
/// or invalid buckets; error(overflow) if a sum does not fit 64 bits.
void age_batch(const receivable_columns& items, const aging_buckets& buckets, date as_of,
               std::size_t group_count, std::span<std::int64_t> out, unsigned threads = 1);

/// One row of an aging report: bucket amounts and their total, in one currency.
struct aging_row {
  currency ccy{};  ///< the row's currency
  std::vector<money> buckets{};  ///< one amount per bucket
  money total{};  ///< the sum of the buckets
  /// Memberwise equality.
  friend bool operator==(const aging_row&, const aging_row&) = default;
};

/// A row from one group's bucket sums (a slice of `age_batch`'s output, or `age`'s result).
[[nodiscard]] aging_row make_aging_row(std::span<const std::int64_t> bucket_minor, currency ccy);

/// The portfolio view: per-group rows (`per_group`, as written by `age_batch`) summed per
/// currency, given each group's currency. One row per currency, ordered by currency code.
/// \throws error(invalid_argument) for mismatched sizes, error(overflow).
[[nodiscard]] std::vector<aging_row> portfolio_aging(std::span<const std::int64_t> per_group,
                                                     std::span<const currency> group_currency,
                                                     std::size_t bucket_count);

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_EXPOSURE_AGING_HPP
