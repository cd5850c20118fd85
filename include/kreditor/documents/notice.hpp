// -----------------------------------------------------------------------------
// File: kreditor/documents/notice.hpp
// -----------------------------------------------------------------------------
//
// Today's notices as documents: what `kreditor run` says to send (send_reminder,
// collection_warning), built from the book into the content a letter must carry — creditor
// and debtor, each invoice with its principal, every fee itemised, late interest per rate
// period, the payment reference and account, the deadline — one letter per customer, currency
// and kind, as the engine consolidates. Rendering is documents/render.hpp; which content the
// law requires is documents/requirements.hpp.
//
//   run_report r = make_report(load_ledger(dir).value(), today, recorded, policy_set{});
//   for (const notice& n : make_notices(r, creditor))
//     send(render_notice(n, document_format::text, template_set::shipped()));
#ifndef KREDITOR_DOCUMENTS_NOTICE_HPP
#define KREDITOR_DOCUMENTS_NOTICE_HPP

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "kreditor/book/report.hpp"
#include "kreditor/charges/interest.hpp"
#include "kreditor/core/jurisdiction.hpp"
#include "kreditor/core/money.hpp"
#include "kreditor/documents/document_kind.hpp"
#include "kreditor/documents/language.hpp"
#include "kreditor/documents/party.hpp"
#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN

/// One fee on an invoice, itemised: which notice charged it and when.
struct notice_fee {
  std::string step;  ///< the policy step's name ("purring", "rykker 1", ...)
  date charged{};    ///< the day the notice that charged it was sent
  money amount{};    ///< the fee, in the invoice's currency
  friend bool operator==(const notice_fee&, const notice_fee&) = default;  ///< member-wise equality
};

/// One invoice of a notice.
struct notice_invoice {
  std::string invoice_id;  ///< the invoice number, as the ledger has it
  date issue_date{};       ///< the invoice date
  date due_date{};         ///< the day payment fell due; late interest runs from it
  std::string reference;  ///< KID / OCR / RF; empty when the invoice has none
  money amount{};         ///< as invoiced
  money principal{};      ///< open principal
  std::vector<notice_fee> fees;  ///< every fee charged so far, this notice's included
  money fee{};            ///< this notice's fee
  money fees_open{};      ///< fees still owed, this notice's included
  money interest{};       ///< late interest still owed
  money interest_settled{};  ///< late interest paid or written off (the periods' gross less `interest`)
  /// Late interest per period of constant balance and rate, from the due date through the
  /// notice's date (the gross interest accrued; what was paid of it is the difference from
  /// `interest`). Empty when no interest runs.
  std::vector<interest_period> interest_periods;
  money total{};          ///< principal + fees_open + interest
  friend bool operator==(const notice_invoice&, const notice_invoice&) = default;  ///< member-wise equality
};

/// One letter: a customer's invoices of one currency and kind on one day.
struct notice {
  document_kind kind = document_kind::reminder;  ///< reminder or collection_warning
  kreditor::jurisdiction jurisdiction = jurisdiction::no;  ///< the debtor's jurisdiction: whose law and rules apply
  kreditor::segment segment = segment::b2b;  ///< the debtor's segment (b2b or b2c): which rules apply
  kreditor::language language = language::nb;  ///< the language it is written in
  std::string customer_id;  ///< the debtor's customer id in the ledger
  party creditor;  ///< the firm that is owed, as creditor.json names it
  party debtor;    ///< the customer, as the ledger's customers.csv names it
  std::string account;   ///< where to pay, for this currency (creditor_profile::account_for)
  kreditor::currency currency{};  ///< the claim's currency: every amount is in it
  date sent{};           ///< the run's date
  std::optional<date> deadline{};  ///< the latest deadline the lines give
  std::vector<std::string> steps;  ///< the policy steps that asked for it, in order
  std::vector<notice_invoice> invoices;  ///< the invoices it concerns, in book order
  money principal{};     ///< sums over the invoices
  money fees{};          ///< fees still owed, this notice's included
  money interest{};      ///< late interest still owed
  money total{};         ///< what the debtor is asked to pay: principal + fees + interest
  friend bool operator==(const notice&, const notice&) = default;  ///< member-wise equality
};

/// Line `line` of `r` as a document shows an invoice: the run's amounts owed on its date
/// (line_result), the fees itemised (the notices sent before the date, then today's letters'),
/// late interest per period. \pre the line has no problem.
[[nodiscard]] notice_invoice invoice_content(const run_report& r, std::size_t line);

/// The host's choices for the documents made from a run.
struct notice_options {
  /// The language of every notice; absent: language_of(the debtor's jurisdiction).
  std::optional<kreditor::language> language{};
};

/// The notices of `r`'s commands for its date: send_reminder → reminder, collection_warning →
/// collection_warning (a step asking for both gives one collection warning). One notice per
/// (customer, currency, kind), in customer order; invoices in book order. Disputed invoices
/// and lines with problems are left out, as dunning::consolidate leaves them. Commands already
/// recorded for the date are included (a rerun renders the same letters).
/// \throws error(not_found) for an interest rate table without a rate on a day of the history.
[[nodiscard]] std::vector<notice> make_notices(const run_report& r, const creditor_profile& creditor,
                                               const notice_options& options = {});

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_DOCUMENTS_NOTICE_HPP
