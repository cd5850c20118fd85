// Which invoice each payment paid, as of a date: the open principal per invoice that the
// dunning views start from.
#ifndef KREDITOR_CLI_RUN_ALLOCATION_HPP
#define KREDITOR_CLI_RUN_ALLOCATION_HPP

#include <vector>

#include "kreditor/core/money.hpp"
#include "kreditor/io/ledger.hpp"
#include "kreditor/time/date.hpp"

namespace kreditor::cli::run {

/// A payment (or part of one) applied to an invoice.
struct applied_payment {
  date on{};
  money amount{};
};

/// Per ledger invoice (same index as ledger::invoices; credit notes keep zero entries).
struct allocation {
  std::vector<money> invoiced;  ///< the amount less the credit notes issued by the date
  std::vector<money> open;      ///< what is still owed on the date
  std::vector<bool> credited;   ///< credit notes alone brought it to zero
  std::vector<std::vector<applied_payment>> paid;  ///< in date order
  std::vector<money> unapplied;  ///< per customer (ledger order): paid beyond every open invoice

  /// The open principal of invoice `index` at the end of day `on` (credit notes counted).
  [[nodiscard]] money open_on(std::size_t index, date on) const;
};

/// Applies the payments made by `as_of` to the invoices issued by then: first to the invoice
/// the debtor designated (the debtor's right everywhere in the Nordics, legal.md §3), any
/// rest and undesignated payments to the customer's open invoices oldest due date first.
[[nodiscard]] allocation allocate(const ledger& l, date as_of);

}  // namespace kreditor::cli::run

#endif  // KREDITOR_CLI_RUN_ALLOCATION_HPP
