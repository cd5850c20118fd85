// -----------------------------------------------------------------------------
// File: kreditor/ledger/allocation.hpp
// -----------------------------------------------------------------------------
//
// How payments and credit notes are allocated to a customer's open items, and the replay of a
// whole history into ledger entries. An explicit debtor designation (invoice ids, or a payment
// reference matching an invoice's) is honoured first; the rest goes to the customer's other
// open items in the policy's item order and, within an item, in the policy's component order.
// Money is conserved exactly: for every payment, applied parts + customer credit == amount.
// Over-payments are kept as customer credit, never lost; a small remaining difference is
// written off only when `write_off_below` is configured.
//
//   const allocation_policy policy = allocation_preset_for(jurisdiction::no).policy;
//   std::vector<ledger_entry> entries = replay_ledger(invoices, credit_notes, payments, charges, policy);
#ifndef KREDITOR_LEDGER_ALLOCATION_HPP
#define KREDITOR_LEDGER_ALLOCATION_HPP

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kreditor/core/jurisdiction.hpp"
#include "kreditor/core/money.hpp"
#include "kreditor/ledger/invoice.hpp"
#include "kreditor/ledger/ledger_entry.hpp"
#include "kreditor/ledger/payment.hpp"

KREDITOR_NAMESPACE_BEGIN

/// The order in which undesignated money reaches a customer's invoices.
enum class item_order : std::uint8_t {
  oldest_due_first,    ///< by first due date, then issue date, then id
  oldest_issue_first,  ///< by issue date, then id
};

/// How money is allocated. The defaults are costs -> interest -> principal, oldest due first,
/// no write-offs.
struct allocation_policy {
  /// The order in which money reaches the components of one invoice.
  std::array<component, 3> order{component::fees, component::interest, component::principal};
  item_order items = item_order::oldest_due_first;  ///< the order in which it reaches the invoices
  /// When set: an invoice left with an open total above zero and at or below this amount after
  /// a payment is written off (entry_kind::write_off). Must be in the payments' currency.
  std::optional<money> write_off_below{};

  /// Memberwise equality.
  friend bool operator==(const allocation_policy&, const allocation_policy&) = default;
};

/// A policy per jurisdiction with where it comes from (legal.md §3).
struct allocation_preset {
  kreditor::jurisdiction jurisdiction = jurisdiction::eu;  ///< the jurisdiction
  allocation_policy policy{};  ///< the order it follows
  std::string_view rule{};    ///< what the law or practice says
  std::string_view source{};  ///< where it was found
  bool uncertain = false;     ///< legal.md marks the order UNCERTAIN: check before relying on it
};

/// The preset of `j`. Every jurisdiction honours the debtor's designation first (that is not a
/// setting); the within-claim order is costs -> interest -> principal everywhere, confirmed as
/// practice only for NO, and UNCERTAIN for SE, DK, FI (the EU directive says nothing).
[[nodiscard]] allocation_preset allocation_preset_for(jurisdiction j);

/// A payment reference as compared for a designation: without spaces and '-', upper case
/// ("rf18 5390-0754" designates the invoice whose reference is "RF1853900754").
[[nodiscard]] std::string normalized_reference(std::string_view reference);

/// Replays a history into ledger entries, in date order (charges, then credit notes, then
/// payments on one day; input order within each). Payments reach invoices of the same customer
/// and currency issued on or before the payment date, plus any invoice they designate.
/// The result contains the charges as given plus the entries made for credit notes and payments.
/// \throws error(conflict) for duplicate invoice ids, error(not_found) for an unknown invoice id
/// (in a charge, credit note or designation), error(currency_mismatch) for a charge, credit note
/// or designated invoice in another currency, error(invalid_argument) for a non-positive amount or
/// a charge that is not a fee or interest charge.
[[nodiscard]] std::vector<ledger_entry> replay_ledger(std::span<const invoice> invoices,
                                                      std::span<const credit_note> credit_notes,
                                                      std::span<const payment> payments,
                                                      std::span<const ledger_entry> charges,
                                                      const allocation_policy& policy);

// ---- The replay on columns: the kernel under replay_ledger, for ledgers of millions of rows ----
//
// The caller interns ids to dense indexes once (customers and invoices), and the kernel works on
// plain values: no string is compared, hashed or copied per payment. replay_ledger() is this
// kernel behind an id-based interface, so the two cannot disagree.
//
//   const std::vector<posting> p = replay_postings({.invoices = inv, .payments = pay}, policy);

/// The invoice of a posting that has none (money kept as customer credit).
inline constexpr std::uint32_t no_invoice = 0xFFFF'FFFFu;

/// An invoice as the kernel sees it.
struct replay_invoice {
  std::string_view id{};       ///< breaks ties in the item order (viewed, not copied)
  std::uint32_t customer = 0;  ///< the caller's dense customer index
  date issue_date{};  ///< the invoice date
  date first_due{};            ///< the first due date (for item_order::oldest_due_first)
  money amount{};              ///< the principal owed
};

/// A fee or interest charged on invoices[invoice].
struct replay_charge {
  std::uint32_t invoice = 0;  ///< index into replay_columns::invoices
  date on{};  ///< the day it was charged
  component part = component::fees;  ///< fees or interest
  money amount{};                    ///< positive
};

/// A credit note on invoices[invoice]. It may not exceed what it credits (the invoice's amount
/// less earlier credit notes); what it takes off beyond the open principal (the invoice was
/// paid) is customer credit.
struct replay_credit_note {
  std::uint32_t invoice = 0;  ///< index into replay_columns::invoices
  date issue_date{};  ///< the credit note's date
  money amount{};  ///< positive
};

/// A payment; it designates designations[designated_begin, designated_end) (invoice indexes).
struct replay_payment {
  std::uint32_t customer = 0;  ///< the paying customer's dense index
  date received{};  ///< value date
  money amount{};  ///< positive
  std::uint32_t designated_begin = 0;  ///< first designation
  std::uint32_t designated_end = 0;  ///< one past the last designation
};

/// A write-off of invoices[invoice]'s claim on `on`: `amount` (positive) taken off in the
/// policy's component order, or, without an amount, everything open that day (late interest
/// accrued to the day included). A write-off above the open claim is an error.
struct replay_write_off {
  std::uint32_t invoice = 0;  ///< index into replay_columns::invoices
  date on{};  ///< the day of the write-off
  std::optional<money> amount{};  ///< positive; nullopt: everything open that day
};

/// Late interest, as the replay needs it: before money reaches an invoice (a payment, customer
/// credit, a write-off) the interest accrued on it through that day is charged, so that costs ->
/// interest -> principal can be honoured. The book (book/book.hpp) implements it over the
/// charges module's accrual; the ledger layer knows nothing of rate tables.
class interest_accrual {
 public:
  virtual ~interest_accrual() = default;
  /// The late interest accrued on invoices[invoice] from its first interest day through `day`
  /// (inclusive), cumulative, rounded once, in minor units of the invoice's currency. Asked
  /// in non-decreasing order of `day` per invoice.
  virtual std::int64_t accrued_through(std::uint32_t invoice, date day) = 0;
  /// The invoice's interest-bearing principal changed by `delta` minor units on `on` (a payment
  /// on day X still bears interest for day X: the change counts from the day after).
  virtual void principal_changed(std::uint32_t invoice, date on, std::int64_t delta) = 0;
};

/// Which column a posting's `source` indexes. `accrual`: late interest the replay charged
/// through interest_accrual (source: the invoice index).
enum class posting_source : std::uint8_t { charge, credit_note, payment, write_off, accrual };

/// The history to replay, as columns.
struct replay_columns {
  /// the invoices; their index is their id for the kernel
  std::span<const replay_invoice> invoices{};
  std::span<const replay_charge> charges{};  ///< fees and interest charged, in date order
  std::span<const replay_credit_note> credit_notes{};  ///< credit notes
  std::span<const replay_payment> payments{};  ///< payments
  std::span<const std::uint32_t> designations{};  ///< invoice indexes named by payments
  std::span<const replay_write_off> write_offs{};  ///< write-offs
  /// Late interest to charge before money is applied; null: none (principal, fees and the
  /// charges given only).
  interest_accrual* interest = nullptr;
  /// Names item `index` of a column in error messages (e.g. "events.csv:14"); empty: "payment 3".
  std::function<std::string(posting_source, std::uint32_t)> describe{};
};

/// A ledger_entry with indexes instead of ids.
struct posting {
  date on{};  ///< the day it took effect
  entry_kind kind = entry_kind::payment;  ///< what moved the money
  component part = component::principal;  ///< principal, fees or interest
  posting_source from = posting_source::payment;  ///< which column `source` indexes
  std::uint32_t invoice = no_invoice;  ///< no_invoice for entry_kind::unapplied
  std::uint32_t customer = 0;          ///< the invoice's customer; the payer's for unapplied money
  /// Index into charges, credit_notes, payments or write_offs (`from`); for credit_applied the
  /// payment or credit note whose surplus became the credit.
  std::uint32_t source = 0;
  money amount{};                      ///< positive

  /// Memberwise equality.
  friend bool operator==(const posting&, const posting&) = default;
};

/// The replay of replay_ledger() on columns: the same rules, the same order of postings.
///
/// In date order, and on one day: invoices issued, charges, credit notes, payments, write-offs.
/// Customer credit (a payment's or credit note's surplus) is applied, oldest first and by the
/// same item and component order as a payment, to the customer's open claims in the same
/// currency as they arise (an invoice issued, a charge) or while they are open; what no claim
/// takes stays customer credit. Money is conserved per currency:
///   invoiced + charged (given and accrued) = paid + credited + written off + open, and
///   payments + credit notes = applied (payment, credit_note, credit_applied) + customer credit.
/// \throws error(invalid_argument) for an index out of range, a non-positive amount, a
/// principal charge, a credit note above what it credits or a write-off above the open claim;
/// error(currency_mismatch) for a charge, credit note, write-off or designated invoice in
/// another currency than its invoice / payment; error(overflow) when a balance does not fit.
[[nodiscard]] std::vector<posting> replay_postings(const replay_columns& history,
                                                   const allocation_policy& policy);

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_LEDGER_ALLOCATION_HPP
