// -----------------------------------------------------------------------------
// File: kreditor/documents/invoice_clause.hpp
// -----------------------------------------------------------------------------
//
// The clause to print on the invoice itself: which late interest applies and which reminder
// fee (seed 001: the invoice must say so; in Sweden a reminder fee must be agreed when the debt
// arises, lag 1981:739 2 §). The rate and the fee are the law's on the invoice date, from the
// shipped tables (or the host's fee rules); the wording is the template set's
// (kinds.invoice_clause in words.<lang>.json, invoice_clause.txt.mustache).
//
//   std::string text = render_invoice_clause(
//       make_invoice_clause(jurisdiction::no, segment::b2b, iso4217::nok, today, language::nb),
//       document_format::text, template_set::shipped());
#ifndef KREDITOR_DOCUMENTS_INVOICE_CLAUSE_HPP
#define KREDITOR_DOCUMENTS_INVOICE_CLAUSE_HPP

#include <optional>
#include <string>

#include "kreditor/core/money.hpp"
#include "kreditor/core/rate.hpp"
#include "kreditor/documents/language.hpp"
#include "kreditor/documents/render.hpp"

KREDITOR_NAMESPACE_BEGIN

/// What the invoice must say about late interest and a reminder fee, as the law has it on its date.
struct invoice_clause {
  kreditor::jurisdiction jurisdiction = jurisdiction::no;  ///< the debtor's: whose law gives the rate and the fee
  kreditor::segment segment = segment::b2b;  ///< the debtor's segment (b2b or b2c): which rules apply
  kreditor::language language = language::nb;  ///< the language the clause is written in
  kreditor::currency currency{};       ///< the invoice's currency, and the fee's
  date on{};                           ///< the invoice date
  std::optional<rate> late_interest;   ///< the statutory rate in force on `on` (absent: none known)
  std::optional<money> reminder_fee;   ///< the largest reminder fee the law allows (absent: no cap known)
};

/// The clause for an invoice in `c` to a debtor of `j`/`s` dated `on`, in `l`.
/// \throws error(out_of_range) for a date outside the supported range.
[[nodiscard]] invoice_clause make_invoice_clause(jurisdiction j, segment s, currency c, date on, language l);

/// `clause` as text (one paragraph), HTML (a <p>) or its JSON view.
[[nodiscard]] std::string render_invoice_clause(const invoice_clause& clause, document_format format,
                                                const template_set& templates);

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_DOCUMENTS_INVOICE_CLAUSE_HPP
