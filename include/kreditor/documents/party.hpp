// -----------------------------------------------------------------------------
// File: kreditor/documents/party.hpp
// -----------------------------------------------------------------------------
//
// Who a document is from and to. The debtor comes from the ledger's customers.csv; the
// creditor — the firm running kreditor — from a small JSON file the host keeps beside its
// ledger (creditor.json), since the law wants its name, organisation number, address and an
// account to pay to on every notice.
//
//   {"format": "kreditor.creditor/1", "name": "Nordkapp Handel AS", "org_number": "912345678",
//    "address": "Storgata 1, 0155 Oslo", "contact": "reskontro@nordkapp.no, +47 22 00 00 00",
//    "accounts": {"NOK": "1503.12.34567", "EUR": "IBAN NO93 8601 1117 947, BIC DNBANOKK"}}
#ifndef KREDITOR_DOCUMENTS_PARTY_HPP
#define KREDITOR_DOCUMENTS_PARTY_HPP

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kreditor/core/currency.hpp"
#include "kreditor/core/result.hpp"

KREDITOR_NAMESPACE_BEGIN

/// A creditor or debtor as a document names them. Empty strings are absent.
struct party {
  std::string name;        ///< the legal name, as printed
  std::string org_number;  ///< the organisation number, as printed on documents
  std::string address;  ///< postal address, lines separated by ", " as written on an envelope
  std::string contact;  ///< e-mail and/or telephone
  friend bool operator==(const party&, const party&) = default;  ///< member-wise equality
};

/// The firm that is owed: itself and where each currency is paid to.
struct creditor_profile {
  party self;  ///< the creditor's own name, organisation number, address and contact
  /// Per currency: the account, IBAN/BIC, bankgiro... as printed. "*" applies to any currency
  /// not listed.
  std::vector<std::pair<std::string, std::string>> accounts;
  /// The account printed for `c`: its own entry, else "*", else empty.
  [[nodiscard]] std::string account_for(currency c) const;
  friend bool operator==(const creditor_profile&, const creditor_profile&) = default;  ///< member-wise equality
};

/// Reads a creditor.json (format above; "format" must be "kreditor.creditor/1"; "name" is
/// required, the rest optional; unknown keys are errors). `origin` names the input in messages:
/// "creditor.json: accounts.NOK: not a string". errc::invalid_argument otherwise.
result<creditor_profile> parse_creditor_json(std::string_view text, std::string_view origin = "creditor.json");

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_DOCUMENTS_PARTY_HPP
