// The credit side of a ledger as of a date, shared by `kreditor run`, `exposure` and `aging`:
// the open receivables as columns (from the same book the run evaluates, so open amounts and
// due dates agree everywhere), orders not yet invoiced (orders.csv), security held
// (security.csv), customer-level holds (events.csv) and the credit account they make.
// Everything is indexed by the customer's position in ledger::customers.
#ifndef KREDITOR_CLI_RECEIVABLES_HPP
#define KREDITOR_CLI_RECEIVABLES_HPP

#include <cstdint>
#include <span>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "cli/run_book.hpp"
#include "kreditor/exposure/credit_account.hpp"
#include "kreditor/exposure/exposure.hpp"
#include "kreditor/exposure/receivable.hpp"
#include "kreditor/io/ledger.hpp"
#include "kreditor/time/date.hpp"

namespace kreditor::cli {

/// Customer id -> index in ledger::customers, built once per report and handed to the
/// per-customer functions below. Per invoice, use the book's customer pointers (customer_index_of).
using customer_index_map = std::unordered_map<std::string_view, std::uint32_t>;
[[nodiscard]] customer_index_map customer_indexes(const ledger& l);

/// The index in l.customers of line `line`'s customer in `b` (a pointer into l.customers).
[[nodiscard]] std::uint32_t customer_index_of(const ledger& l, const run::book& b, std::size_t line);

/// Open receivables as columns for the batch kernels, one group per ledger customer.
struct open_receivables {
  std::vector<std::int32_t> issue_day;
  std::vector<std::int64_t> open_minor;
  std::vector<std::int32_t> due_day;
  std::vector<std::uint32_t> group;  ///< index in ledger::customers
  std::vector<std::uint32_t> items_of;  ///< per customer: how many items it has
  [[nodiscard]] receivable_columns columns() const {
    return {.issue_day = issue_day, .due_day = due_day, .open_minor = open_minor, .group = group};
  }
};

/// The lines of `b` with a non-zero open principal, except those `skip` marks (empty: none).
[[nodiscard]] open_receivables open_receivables_of(const ledger& l, const run::book& b,
                                                   std::span<const std::uint8_t> skip = {});

/// The book `aging` reads: the run's, with any notice level accepted (levels only matter to
/// the engine, and aging has no policy).
[[nodiscard]] run::book receivables_book(const ledger& l, date as_of);

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

}  // namespace kreditor::cli

#endif  // KREDITOR_CLI_RECEIVABLES_HPP
