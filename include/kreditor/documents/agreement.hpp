// -----------------------------------------------------------------------------
// File: kreditor/documents/agreement.hpp
// -----------------------------------------------------------------------------
//
// Written agreements for the debtor's signature. A payment plan "should always be agreed in
// writing": its instalments exact to the minor unit, interest and fees, what breaks it and what
// follows (the whole claim falls due; cash terms), security offered, signature lines. A debt
// acknowledgment (NO gjeldsbekreftelse) states the claim for the debtor to sign: it cuts off
// later objections and interrupts limitation (documents/limitation.hpp; DK: 10 years when it
// states the amount). Rendered like the notices (documents/render.hpp): one JSON view,
// Mustache layouts agreement.txt.mustache / agreement.html.mustache, the wording's
// kinds.payment_plan / kinds.debt_acknowledgment.
//
//   agreement a = make_plan_agreement(report, creditor, "NO-1006", {}, terms, "", 14);
//   print(render_agreement(a, document_format::html, template_set::shipped(), shipped_notice_requirements()));
//   a.content.total == a.content.principal + a.content.fees + a.content.interest;
#ifndef KREDITOR_DOCUMENTS_AGREEMENT_HPP
#define KREDITOR_DOCUMENTS_AGREEMENT_HPP

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kreditor/book/report.hpp"
#include "kreditor/documents/notice.hpp"
#include "kreditor/documents/render.hpp"
#include "kreditor/dunning/payment_plan.hpp"

KREDITOR_NAMESPACE_BEGIN

/// A payment plan or a debt acknowledgment for the debtor to sign, with the claim it concerns.
struct agreement {
  /// The claim as a letter states it, as a notice would: `kind` payment_plan or
  /// debt_acknowledgment, jurisdiction, segment, language, the parties, the account, the
  /// currency, the run's invoices and their sums; `sent` is the date written on it (the run's),
  /// `deadline` a plan's first instalment.
  notice content;
  std::optional<dunning::payment_plan> plan;  ///< payment_plan: the schedule
  int grace_days = 0;    ///< payment_plan: an instalment unpaid this many days after its due date breaks it
  std::string security;  ///< security the debtor offers, as written (empty: none)
};

/// The claim of `customer` in `r` (only `invoice` when given, else every invoice with something
/// owed) as a debt acknowledgment. \throws error(not_found) for an unknown customer or invoice,
/// error(invalid_argument) when nothing is owed.
[[nodiscard]] agreement make_debt_acknowledgment(const run_report& r, const creditor_profile& creditor,
                                                 std::string_view customer, std::optional<std::string_view> invoice,
                                                 const notice_options& options = {});

/// A payment plan over the same claim: what is owed (principal, fees, interest) split by
/// dunning::make_payment_plan under `terms` (its `agreed` defaults to the run's date).
/// \throws as make_debt_acknowledgment, and what make_payment_plan throws.
[[nodiscard]] agreement make_plan_agreement(const run_report& r, const creditor_profile& creditor,
                                            std::string_view customer, std::optional<std::string_view> invoice,
                                            dunning::plan_terms terms, std::string security, int grace_days,
                                            const notice_options& options = {});

/// `a` in `format` (json: the view), checked like a notice: required_elements and
/// conditional_elements in the view say what the law (`rules`) asks of this kind.
/// \throws error(invalid_argument) for a template Mustache cannot render.
[[nodiscard]] std::string render_agreement(const agreement& a, document_format format, const template_set& templates,
                                           std::span<const notice_requirement> rules);

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_DOCUMENTS_AGREEMENT_HPP
