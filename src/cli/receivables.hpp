// What `kreditor aging` and `kreditor exposure` read from a ledger: per customer, the open items
// as of a date (open amounts and due dates exactly as `kreditor run` computes them, from the
// same book), credit balances to set off, and the credit flags the ledger implies.
#ifndef KREDITOR_CLI_RECEIVABLES_HPP
#define KREDITOR_CLI_RECEIVABLES_HPP

#include <vector>

#include "kreditor/exposure/credit_account.hpp"
#include "kreditor/exposure/receivable.hpp"
#include "kreditor/io/ledger.hpp"
#include "kreditor/time/date.hpp"

namespace kreditor::cli {

/// One customer's side of the ledger as of a date.
struct customer_position {
  const customer_record* customer = nullptr;
  std::vector<receivable_item> open;  ///< invoices issued by the date with a non-zero open amount
  money unapplied{};                  ///< paid beyond every open invoice: owed back (set-off)
  bool broken_promise = false;  ///< a promise to pay whose date passed with the invoice still open
  bool on_hold = false;         ///< a customer-level hold not released (nor lapsed) by the date
};

/// Every customer of the ledger, in ledger order. \throws usage_error naming file and line.
[[nodiscard]] std::vector<customer_position> positions(const ledger& l, date as_of);

/// The credit account the ledger describes: the limit (customer's currency, no expiry), terms,
/// segment, set-off (unapplied payments) and flags: the `flags` column (on_hold, cash_only,
/// in_collection), a customer-level hold event, and cash terms after a broken promise.
[[nodiscard]] credit_account account_of(const customer_position& p);

}  // namespace kreditor::cli

#endif  // KREDITOR_CLI_RECEIVABLES_HPP
