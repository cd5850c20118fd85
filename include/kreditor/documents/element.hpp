// -----------------------------------------------------------------------------
// File: kreditor/documents/element.hpp
// -----------------------------------------------------------------------------
//
// The elements a written notice, plan or acknowledgment can contain: the vocabulary in which
// the law's content requirements are written (src/data/notice_requirements.json) and in which
// a document says what it holds. A closed set, so an enum; which elements each jurisdiction
// requires is data.
//
//   parse_element("debtor_address").value() == element::debtor_address;
//   to_string(element::deadline) == "deadline";
#ifndef KREDITOR_DOCUMENTS_ELEMENT_HPP
#define KREDITOR_DOCUMENTS_ELEMENT_HPP

#include <cstdint>
#include <string_view>

#include "kreditor/core/result.hpp"

KREDITOR_NAMESPACE_BEGIN

/// One element of a document's content. The spelling of to_string is the data's.
enum class element : std::uint8_t {
  creditor_name,
  creditor_org_number,
  creditor_address,
  creditor_contact,           ///< e-mail or telephone to ask or object to
  creditor_account,           ///< the account or IBAN to pay to
  debtor_name,
  debtor_address,
  debtor_org_number,
  claim_description,          ///< what the claim concerns: each invoice's number and date
  principal,
  fees_itemised,              ///< each fee on its own line, with what it is for
  interest_amount,
  interest_rate,
  interest_from,              ///< the day late interest runs from
  total_due,
  payment_reference,          ///< KID / OCR / RF reference per invoice
  deadline,
  consequence_of_nonpayment,  ///< what follows when the deadline is missed (e.g. collection)
  further_costs_warning,      ///< that further costs may follow
  objection_instructions,     ///< how to dispute the claim
  complaints_body,            ///< the body a consumer may complain to
  instalments,                ///< a payment plan's dated amounts
  breach_consequence,         ///< what breaks a plan and what follows
  signature_debtor,
  signature_creditor,
  late_interest_terms,        ///< invoice clause: which late interest applies
  reminder_fee_terms,         ///< invoice clause: which reminder fee applies
};

/// The number of elements (for tables indexed by element).
inline constexpr std::size_t element_count = static_cast<std::size_t>(element::reminder_fee_terms) + 1;

/// "creditor_name", "debtor_address", ... (the data's spelling).
[[nodiscard]] std::string_view to_string(element e) noexcept;
/// The inverse of to_string; errc::invalid_argument naming the text otherwise.
result<element> parse_element(std::string_view text);

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_DOCUMENTS_ELEMENT_HPP
