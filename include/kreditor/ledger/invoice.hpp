// -----------------------------------------------------------------------------
// File: kreditor/ledger/invoice.hpp
// -----------------------------------------------------------------------------
//
// An invoice and a credit note as the ledger sees them: plain values, built by host software
// or from CSV rows (io/ledger.hpp). The due dates are the invoice's schedule, computed once from
// its terms (or given explicitly) and never changed; what is still owed is recomputed from the
// event history (ledger/open_item.hpp).
//
//   invoice inv{.id = "F-1", .customer_id = "C-1", .issue_date = make_date(2026, 1, 15),
//               .amount = money(1'000'00, iso4217::nok), .terms = parse_terms("net 30").value()};
//   inv.schedule = payment_schedule(inv.terms, inv.amount, {inv.issue_date}, no_rule);
#ifndef KREDITOR_LEDGER_INVOICE_HPP
#define KREDITOR_LEDGER_INVOICE_HPP

#include <optional>
#include <string>
#include <vector>

#include "kreditor/core/money.hpp"
#include "kreditor/terms/due_dates.hpp"
#include "kreditor/terms/payment_terms.hpp"
#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN

/// An invoice. `amount` is the gross amount owed (VAT included); `vat` the VAT part of it, if
/// known. `schedule` holds the due date(s) and instalment amounts and must sum to `amount`.
struct invoice {
  std::string id{};  ///< the invoice number (unique in the ledger)
  std::string customer_id{};  ///< the debtor
  date issue_date{};  ///< the invoice date
  std::optional<date> delivery_date{};  ///< when set, the terms count from it
  money amount{};  ///< gross amount owed, VAT included (positive)
  std::optional<money> vat{};  ///< the VAT part of `amount`, if known
  payment_terms terms{};  ///< the agreed terms
  std::vector<scheduled_payment> schedule{};  ///< due dates and amounts, summing to `amount`
  std::string payment_reference{};  ///< KID / OCR / RF; a payment quoting it designates this invoice

  /// The last due date of the schedule. \throws error(invalid_argument) for an empty schedule.
  [[nodiscard]] date final_due_date() const;
  /// The first due date of the schedule. \throws error(invalid_argument) for an empty schedule.
  [[nodiscard]] date first_due_date() const;

  /// Memberwise equality.
  friend bool operator==(const invoice&, const invoice&) = default;
};

/// An invoice with its schedule computed from its terms, counting from the delivery date when
/// one is set, then moved by `roll`. Same exceptions as payment_schedule().
[[nodiscard]] invoice with_schedule(invoice inv, const deadline_rule& roll = no_adjustment());

/// A credit note: reduces the principal of `invoice_id` by `amount` (positive) from `issue_date`.
/// Whatever exceeds the invoice's open principal becomes customer credit.
struct credit_note {
  std::string id{};  ///< the credit note's id (unique in the ledger)
  std::string invoice_id{};  ///< the invoice it credits
  date issue_date{};  ///< its date: the principal is reduced from this day
  money amount{};  ///< positive

  /// Memberwise equality.
  friend bool operator==(const credit_note&, const credit_note&) = default;
};

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_LEDGER_INVOICE_HPP
