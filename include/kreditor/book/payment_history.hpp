// -----------------------------------------------------------------------------
// File: kreditor/book/payment_history.hpp
// -----------------------------------------------------------------------------
//
// What credit scoring reads of a customer's ledger: per invoice the facts of how it was paid
// (scoring::invoice_fact), the promises and plans it broke, and its purchases of the last
// twelve months. Taken from the customer's book (book.hpp), so payments are allocated by the
// ONE rule of the library (designation first, then oldest due; costs -> interest -> principal):
// an invoice counts as paid on the day its last fee, interest and principal were settled.
//
//   policy_set policies;
//   const payment_history h = payment_history_of(l, customer, as_of, policies);
//   scoring::recommendation r = scoring::recommend({.behaviour = h.behaviour, ...});
#ifndef KREDITOR_BOOK_PAYMENT_HISTORY_HPP
#define KREDITOR_BOOK_PAYMENT_HISTORY_HPP

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "kreditor/book/policy_set.hpp"
#include "kreditor/book/slices.hpp"
#include "kreditor/core/money.hpp"
#include "kreditor/io/ledger.hpp"
#include "kreditor/scoring/behaviour.hpp"
#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN

/// What credit scoring reads of one customer's ledger, taken from its book (payments allocated by
/// the library's one rule).
struct payment_history {
  /// Per invoice issued by the date and not wholly credited, in ledger order: issued, due,
  /// paid (the day it was settled in full; absent while open or when written off), amount
  /// (after credit notes), the notices sent, a dispute opened, and paid_by_cheque: a cheque
  /// (payments.csv column `method`) undesignated or designated to the invoice came in on the day
  /// it was settled.
  std::vector<scoring::invoice_fact> facts;
  std::vector<std::string> invoice_ids;  ///< parallel to facts: each fact's invoice
  /// Promises whose date passed before the invoice was paid; plans with an instalment past due
  /// and not paid in full.
  scoring::behaviour_counts counts;
  /// scoring::behaviour over facts and counts; `collection` also when the customer is flagged
  /// in_collection.
  scoring::payment_behaviour behaviour;
  /// Invoiced (after credit notes) in the 365 days up to the date, annualised over
  /// history_days when the customer's history is shorter (counted as at least 90 days).
  money purchases_12m;
  int history_days = 0;  ///< 90..365; 0 without invoices
};

/// The payment history of ledger customer `customer` (index in ledger::customers) as of
/// `as_of`, from its book under `policies`, with the notices earlier runs recorded (those of
/// the customer's invoices count; the others are skipped). \throws error(out_of_range) for an
/// index outside the ledger, and what make_book throws for the customer's records.
[[nodiscard]] payment_history payment_history_of(const ledger& l, std::size_t customer, date as_of,
                                                 policy_set& policies,
                                                 std::span<const recorded_notice> notices = {});
/// The same from a ledger already cut (book/slices.hpp): for many customers of one ledger,
/// each in time proportional to its own records.
[[nodiscard]] payment_history payment_history_of(const ledger_slices& cut, std::size_t customer, date as_of,
                                                 policy_set& policies,
                                                 std::span<const recorded_notice> notices = {});

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_BOOK_PAYMENT_HISTORY_HPP
