// -----------------------------------------------------------------------------
// File: kreditor/book/book.hpp
// -----------------------------------------------------------------------------
//
// The book: a host's ledger joined as of a date — THE one way from the host's records
// (io/ledger.hpp: customers with their agreement, invoices, credit notes, payments, events,
// orders, security; plus the notices earlier runs recorded) to what dunning, aging and
// exposure read. `kreditor run`, `aging` and `exposure`, the Python package and the C ABI
// all wrap it.
//
// Money is allocated by ONE rule (ledger/allocation.hpp, replay_postings): the debtor's
// designation first (a payment's invoice_id, or a reference matching an invoice's), then the
// customer's open claims oldest due date first; within a claim costs -> interest -> principal
// (allocation_preset_for cites where each jurisdiction's law or practice says so). Before money
// reaches a claim, the late interest accrued on it to that day is charged, so interest is paid
// before principal; fees are charged by the notices that carried them. A claim is closed only
// when principal, fees and interest are all paid, credited or written off. Money left over (an
// overpayment, a payment dated before later invoices, a credit note beyond its invoice's open
// principal) is customer credit, applied to the customer's other claims in the same currency
// as they arise; what remains is each customer's unapplied credit (set-off in exposure).
// Conservation holds to the minor unit, per currency:
//   invoiced + fees + interest charged = paid + credited + written off + open
// and payments + credit notes = applied + unapplied credit.
//
//   ledger l = load_ledger("examples/sample_ledger").value();
//   policy_set policies;                                   // each customer's country preset
//   book b = make_book(l, make_date(2026, 11, 20), {}, policies);
//   for (std::size_t i = 0; i < b.size(); ++i)
//     std::cout << b.invoices[i]->invoice_id << " " << to_string(b.claims[i].total()) << "\n";
//   dunning::run_result r = dunning::evaluate(policies.compiled(jurisdiction::no), ...);  // or make_report
#ifndef KREDITOR_BOOK_BOOK_HPP
#define KREDITOR_BOOK_BOOK_HPP

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "kreditor/book/policy_set.hpp"
#include "kreditor/core/money.hpp"
#include "kreditor/dunning/account.hpp"
#include "kreditor/io/ledger.hpp"
#include "kreditor/ledger/allocation.hpp"
#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN

/// A notice (a policy step the engine asked for) that the host carried out and recorded — the
/// state file of `kreditor run`. `step` is the policy step's name, or "broken_promise" /
/// "broken_plan" for the reactions to those.
struct recorded_notice {
  std::string invoice_id{};  ///< the invoice it was sent for
  std::string step{};  ///< the policy step's name (or "broken_promise" / "broken_plan")
  date sent{};  ///< the day it was sent
  std::optional<date> deadline{};  ///< the payment deadline it gave, if any
  money fee{};  ///< the fee it charged (zero if none); not negative, not above the law's cap
  /// Memberwise equality.
  friend bool operator==(const recorded_notice&, const recorded_notice&) = default;
};

/// One invoice's claim as of the book's date, by component, in the invoice's currency.
struct claim {
  money amount{};                 ///< the principal as invoiced
  money credited{};               ///< principal taken off by credit notes
  money principal_paid{};         ///< principal paid (payments and customer credit applied)
  money principal_written_off{};  ///< principal written off
  money fees_charged{};           ///< fees of the notices sent by the date
  money fees_paid{};  ///< fees paid
  money fees_written_off{};  ///< fees written off
  money interest_charged{};       ///< late interest accrued through the date, rounded once
  money interest_paid{};  ///< late interest paid
  money interest_written_off{};  ///< late interest written off
  /// Once nothing is owed: the day of the last payment, credit or write-off that settled it.
  std::optional<date> settled_on{};

  /// Principal still owed.
  [[nodiscard]] money principal() const { return amount - credited - principal_paid - principal_written_off; }
  /// Fees still owed.
  [[nodiscard]] money fees() const { return fees_charged - fees_paid - fees_written_off; }
  /// Late interest still owed.
  [[nodiscard]] money interest() const { return interest_charged - interest_paid - interest_written_off; }
  /// Everything still owed.
  [[nodiscard]] money total() const { return principal() + fees() + interest(); }
  /// Memberwise equality.
  friend bool operator==(const claim&, const claim&) = default;
};

/// The ledger as of a date. The vectors views, claims, invoices and customer_of are parallel:
/// one line per invoice issued by the date (credit notes are not lines), in ledger order.
struct book {
  date as_of{};  ///< the book's date
  /// What the dunning engine reads of each line: the principal and its dated changes, the
  /// fees and interest settled, the notices sent (events.csv and the recorded ones), the
  /// overlays its events describe; `jurisdiction` is the governing one (policy_set::governing).
  std::vector<dunning::invoice_view> views;
  std::vector<claim> claims;  ///< what each line owes, by component
  std::vector<const invoice_record*> invoices;  ///< into the ledger the book was made from
  std::vector<std::uint32_t> customer_of;       ///< the line's customer: index in ledger::customers
  /// Per ledger customer (same index as ledger::customers), in the customer's currency: money
  /// paid or credited that no claim has taken as of the date, owed back or set off.
  std::vector<money> unapplied_credit;

  /// The number of lines.
  [[nodiscard]] std::size_t size() const noexcept { return views.size(); }
};

/// The jurisdiction whose law governs a customer of `country`: NO, SE, DK, FI, else EU.
[[nodiscard]] jurisdiction jurisdiction_of(std::string_view country);

/// Builds the book of `l` as of `as_of`: later invoices, payments, events and notices are not
/// yet known. `notices` adds those earlier runs recorded. Late interest runs by each line's
/// governing policy (its table and day count for the customer's segment), or by the rate the
/// invoice's terms agreed ("interest 18%"). `allocation` orders the money (the default is
/// costs -> interest -> principal, oldest due first).
/// \throws error naming the file and line (or the recorded notice) and the problem:
/// invalid_argument for a fee that is negative or above the law's cap, a credit note above
/// what it credits, a write-off above the open claim, a dispute resolved that was never
/// opened, a notice whose step the policy lacks; overflow for fees that do not fit;
/// currency_mismatch; and what the policies' compilation throws.
[[nodiscard]] book make_book(const ledger& l, date as_of, std::span<const recorded_notice> notices,
                             policy_set& policies, const allocation_policy& allocation = {});

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_BOOK_BOOK_HPP
