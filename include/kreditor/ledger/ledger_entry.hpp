// -----------------------------------------------------------------------------
// File: kreditor/ledger/ledger_entry.hpp
// -----------------------------------------------------------------------------
//
// One posting of the event history: a fee or interest charged on an invoice, part of a
// payment or credit note applied to one component of an invoice, a write-off, or money kept as
// customer credit. replay_ledger() (ledger/allocation.hpp) turns payments and credit notes into
// entries; open_item_at() (ledger/open_item.hpp) sums them. Nothing holds a mutable status.
//
//   ledger_entry fee{.on = make_date(2026, 3, 1), .customer_id = "C-1", .invoice_id = "F-1",
//                    .kind = entry_kind::charge, .part = component::fees,
//                    .amount = money(35'00, iso4217::nok), .source = "reminder-1"};
#ifndef KREDITOR_LEDGER_LEDGER_ENTRY_HPP
#define KREDITOR_LEDGER_LEDGER_ENTRY_HPP

#include <cstdint>
#include <string>
#include <string_view>

#include "kreditor/core/money.hpp"
#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN

/// The parts of what an invoice's debtor owes.
enum class component : std::uint8_t {
  fees,       ///< reminder and collection fees (costs)
  interest,   ///< late-payment interest charged
  principal,  ///< the invoice amount itself
};

/// "fees", "interest", "principal".
[[nodiscard]] std::string_view to_string(component c) noexcept;

/// What an entry records. Amounts are always positive; the kind gives the direction.
enum class entry_kind : std::uint8_t {
  charge,       ///< a fee or interest charged on the invoice: increases what is owed
  payment,      ///< part of a payment applied to one component: decreases it
  credit_note,  ///< part of a credit note applied to the principal: decreases it
  write_off,    ///< a small remaining difference written off (only when configured)
  unapplied,    ///< part of a payment or credit note kept as customer credit (no invoice)
  /// customer credit (an earlier `unapplied` amount) applied to one component of an invoice
  /// when a claim arises or stays open: decreases what is owed and the customer's credit
  credit_applied,
};

/// "charge", "payment", "credit_note", "write_off", "unapplied", "credit_applied".
[[nodiscard]] std::string_view to_string(entry_kind k) noexcept;

/// One line of the replayed ledger: money moved onto (or off) one component of one invoice.
struct ledger_entry {
  date on{};  ///< the day it took effect
  std::string customer_id{};  ///< the customer's id
  std::string invoice_id{};  ///< empty for entry_kind::unapplied
  entry_kind kind = entry_kind::payment;  ///< what moved the money
  component part = component::principal;  ///< principal, fees or interest
  money amount{};  ///< positive
  std::string source{};  ///< the payment, credit note, charge or write-off this came from

  /// Memberwise equality.
  friend bool operator==(const ledger_entry&, const ledger_entry&) = default;
};

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_LEDGER_LEDGER_ENTRY_HPP
