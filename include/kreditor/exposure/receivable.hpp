// -----------------------------------------------------------------------------
// File: kreditor/exposure/receivable.hpp
// -----------------------------------------------------------------------------
//
// The input of aging and exposure: what is still owed on each invoice as of a date,
// with its issue and due dates. Two shapes of the same data: a span of small values
// for a customer or a test, and columns (day numbers, minor units, customer index)
// for portfolios of millions of invoices. Both feed one kernel, so they cannot disagree.
//
//   receivable_item inv{.issued = make_date(2024, 1, 5), .due = make_date(2024, 2, 4),
//                       .open_amount = money(12'500'00, iso4217::nok)};
//   receivable_columns cols{.issue_day = issue, .due_day = due, .open_minor = open,
//                           .group = customer_index};
#ifndef KREDITOR_EXPOSURE_RECEIVABLE_HPP
#define KREDITOR_EXPOSURE_RECEIVABLE_HPP

#include <cstdint>
#include <span>

#include "kreditor/core/money.hpp"
#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN

/// One invoice's open amount as of the date of the analysis (after payments, credit
/// notes and allocation; see ledger/). A negative amount is an unapplied credit.
struct receivable_item {
  date issued{};  ///< the invoice date
  date due{};  ///< the due date
  money open_amount{};  ///< open as of the analysis date
  /// Memberwise equality.
  friend bool operator==(const receivable_item&, const receivable_item&) = default;
};

/// The same data as columns, for portfolios: day numbers (days since 1970-01-01, see
/// `day_number`), open amounts in minor units and, optionally, a group index per item
/// (the customer, 0-based). All given spans have one entry per item; `group` may be
/// empty (every item is group 0) and `issue_day` may be empty when nothing is aged by
/// invoice date. Amounts of one group are in one currency; the caller keeps that map.
struct receivable_columns {
  std::span<const std::int32_t> issue_day{};  ///< day_number of each invoice date (may be empty)
  std::span<const std::int32_t> due_day{};  ///< day_number of each due date
  std::span<const std::int64_t> open_minor{};  ///< open amount, minor units
  std::span<const std::uint32_t> group{};  ///< group index per item (may be empty: all group 0)
};

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_EXPOSURE_RECEIVABLE_HPP
