// -----------------------------------------------------------------------------
// File: kreditor/dunning/batch.hpp
// -----------------------------------------------------------------------------
//
// A whole portfolio as of a date, over columnar data, on several threads. The kernel is
// `advance` (dunning/engine.hpp), the same one the scalar API and `simulate` use, so the
// batch cannot disagree with them. Per invoice the engine keeps 48 bytes of state
// (invoice_state) beside 14 bytes of input columns; the common case ("nothing happens by
// itself today") is one comparison with the cached next_action day: no allocation, no
// virtual call, no exception, no string work.
//
// Events since the last run (payments, disputes, promises, ...) are applied to the state
// first with `apply` (engine.hpp); then:
//
//   batch_result r = evaluate_batch(cp, columns, states, as_of, {.threads = 2});
//   for (const batch_command& c : r.commands) ...   // in invoice order, for any thread count
#ifndef KREDITOR_DUNNING_BATCH_HPP
#define KREDITOR_DUNNING_BATCH_HPP

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "kreditor/core/currency.hpp"
#include "kreditor/core/result.hpp"
#include "kreditor/dunning/compiled_policy.hpp"
#include "kreditor/dunning/machine.hpp"
#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN

namespace dunning {

/// Trait bits of portfolio_columns::traits.
namespace trait {
inline constexpr std::uint8_t b2c = 1u << 0;                  ///< the debtor is a consumer
inline constexpr std::uint8_t reminder_fee_agreed = 1u << 1;  ///< SE 2 §
}  // namespace trait

/// The fixed facts of a portfolio, one row per invoice (caller-owned spans of equal length).
struct portfolio_columns {
  std::span<const std::int32_t> invoice_day;     ///< day_number of the invoice date
  std::span<const std::int32_t> due_day;         ///< day_number of the due date
  std::span<const std::uint8_t> currency_index;  ///< into `currencies`
  std::span<const currency> currencies;  ///< the distinct currencies, indexed by currency_index
  std::span<const std::uint8_t> traits;          ///< trait bits
  /// The number of rows.
  [[nodiscard]] std::size_t size() const noexcept { return due_day.size(); }
};

/// Row i of the columns as machine facts.
[[nodiscard]] invoice_facts facts_at(const portfolio_columns& p, std::size_t i);

/// A command for one row.
struct batch_command {
  std::uint32_t invoice = 0;  ///< row
  command what{};  ///< what to do
};
/// A row the batch could not evaluate.
struct batch_problem {
  std::uint32_t invoice = 0;  ///< row
  failure why{};  ///< the error, naming the problem
};
/// What evaluate_batch found.
struct batch_result {
  std::vector<batch_command> commands;  ///< in row order
  std::vector<batch_problem> problems;  ///< rows that failed (their state is unchanged)
  std::size_t evaluated = 0;            ///< rows that had something due (the slow path)
};

/// How evaluate_batch splits the work.
struct batch_options {
  unsigned threads = 1;           ///< worker threads (>= 1); results do not depend on it
  std::size_t chunk = 1u << 16;   ///< rows per chunk; chunks are the unit of work
};

/// Advances every row's state to `as_of` (at most one policy step each) and collects the
/// commands. Same results as calling `advance` row by row, for any thread count.
/// \throws error(invalid_argument) when the columns and `states` differ in length, a
/// currency index is out of range, or threads/chunk is 0.
[[nodiscard]] batch_result evaluate_batch(const compiled_policy& policy, const portfolio_columns& columns,
                                          std::span<invoice_state> states, date as_of,
                                          const batch_options& options = {});

}  // namespace dunning

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_DUNNING_BATCH_HPP
