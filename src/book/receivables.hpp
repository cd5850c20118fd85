// The credit side of a ledger as of a date, shared by `kreditor run`, `exposure` and `aging`:
// the open receivables as columns (from the same book the run evaluates, so open amounts and
// due dates agree everywhere), orders not yet invoiced (orders.csv), security held
// (security.csv), customer-level holds (events.csv) and the credit account they make.
// Everything is indexed by the customer's position in ledger::customers.
#ifndef KREDITOR_SRC_BOOK_RECEIVABLES_HPP
#define KREDITOR_SRC_BOOK_RECEIVABLES_HPP

#include <cstdint>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kreditor/book/book.hpp"
#include "kreditor/exposure/credit_account.hpp"
#include "kreditor/exposure/exposure.hpp"
#include "kreditor/exposure/receivable.hpp"
#include "kreditor/io/ledger.hpp"
#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN

/// Customer id -> index in ledger::customers, built once per report and handed to the
/// per-customer functions below. Per line, the book's customer_of.
using customer_index_map = std::unordered_map<std::string_view, std::uint32_t>;
[[nodiscard]] customer_index_map customer_indexes(const ledger& l);

/// Per ledger customer, its orders not invoiced as of `as_of` (orders.csv; the rules are in
/// io/ledger.hpp's order_record), in the customer's currency.
[[nodiscard]] std::vector<uninvoiced> uninvoiced_orders(const ledger& l, const customer_index_map& index,
                                                       date as_of);

/// Per ledger customer, the security held (security.csv), expired ones included (exposure
/// counts each through its expiry date).
[[nodiscard]] std::vector<std::vector<security_item>> securities_held(const ledger& l,
                                                                     const customer_index_map& index);

/// Per ledger customer, whether a customer-level hold event (events.csv, no invoice) is in
/// force on `as_of`: neither released by a later release event nor past its `until` date.
/// (The same events also pause the dunning of the customer's invoices: run_book.)
[[nodiscard]] std::vector<bool> customer_holds(const ledger& l, const customer_index_map& index, date as_of);

/// Whether the customers.csv `flags` column of `c` holds `flag`.
[[nodiscard]] bool flagged(const customer_record& c, std::string_view flag);

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_SRC_BOOK_RECEIVABLES_HPP
