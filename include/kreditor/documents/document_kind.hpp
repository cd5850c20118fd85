// -----------------------------------------------------------------------------
// File: kreditor/documents/document_kind.hpp
// -----------------------------------------------------------------------------
//
// The written documents of credit management, each with its own content rules in law.
#ifndef KREDITOR_DOCUMENTS_DOCUMENT_KIND_HPP
#define KREDITOR_DOCUMENTS_DOCUMENT_KIND_HPP

#include <cstdint>
#include <string_view>

#include "kreditor/core/result.hpp"

KREDITOR_NAMESPACE_BEGIN

/// A written document of credit management; each kind has its own content rules
/// (documents/requirements.hpp).
enum class document_kind : std::uint8_t {
  reminder,             ///< NO purring, SE påminnelse, DK rykker, FI maksumuistutus
  collection_warning,   ///< NO inkassovarsel, SE inkassokrav, DK the last rykker before collection
  collection_demand,    ///< NO betalingsoppfordring, FI maksuvaatimus (a collector's letter)
  payment_plan,         ///< a written instalment agreement
  debt_acknowledgment,  ///< NO gjeldsbekreftelse: the debtor confirms the claim
  invoice_clause,       ///< the late interest and reminder fee text on the invoice itself
};

/// "reminder", "collection_warning", ... (the data's and the CLI's spelling).
[[nodiscard]] std::string_view to_string(document_kind k) noexcept;
/// The inverse of to_string; errc::invalid_argument naming the text otherwise.
result<document_kind> parse_document_kind(std::string_view text);

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_DOCUMENTS_DOCUMENT_KIND_HPP
