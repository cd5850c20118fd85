// -----------------------------------------------------------------------------
// File: kreditor/ledger/payment.hpp
// -----------------------------------------------------------------------------
//
// A payment received from a customer. It may designate what it pays: invoice ids, or a
// payment reference (KID/OCR/RF) that matches an invoice's. The designation is honoured first;
// the rest is allocated by the allocation policy (ledger/allocation.hpp).
//
//   payment p{.id = "P-1", .customer_id = "C-1", .received = make_date(2026, 2, 1),
//             .amount = money(500'00, iso4217::nok), .reference = "1234567890"};
#ifndef KREDITOR_LEDGER_PAYMENT_HPP
#define KREDITOR_LEDGER_PAYMENT_HPP

#include <string>
#include <vector>

#include "kreditor/core/money.hpp"
#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN

/// Money received from a customer, before allocation.
struct payment {
  std::string id{};  ///< the payment's id (unique in the ledger)
  std::string customer_id{};  ///< the paying customer
  date received{};  ///< value date
  money amount{};                        ///< positive
  std::string reference{};               ///< as given by the payer; may be empty
  std::vector<std::string> invoice_ids{};  ///< the debtor's designation, in order; may be empty

  /// Memberwise equality.
  friend bool operator==(const payment&, const payment&) = default;
};

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_LEDGER_PAYMENT_HPP
