// -----------------------------------------------------------------------------
// File: kreditor/documents/case_file.hpp
// -----------------------------------------------------------------------------
//
// The case file for handing a claim over to collection (or to court): everything that
// documents it — the debtor, each invoice with its claim by component, every notice with its
// date, deadline and fee, late interest per period, disputes, promises, plans and holds with
// their dates, the money applied to it, and when it would become time-barred. Built from the
// run (the book as of its date); rendered as JSON for an agency's import (case_file_json, its
// schema in the README) or as a document (render_case_file).
//
//   case_file f = make_case_file(report, creditor, "NO-1002", {}, payments_of_customer);
//   write(case_file_json(f));
#ifndef KREDITOR_DOCUMENTS_CASE_FILE_HPP
#define KREDITOR_DOCUMENTS_CASE_FILE_HPP

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kreditor/book/report.hpp"
#include "kreditor/documents/limitation.hpp"
#include "kreditor/documents/notice.hpp"
#include "kreditor/documents/render.hpp"

KREDITOR_NAMESPACE_BEGIN

/// A notice sent on the invoice (events.csv notice_sent or a recorded run notice), or today's.
struct case_notice {
  std::string step;  ///< the policy step's name ("purring", "rykker 1", ...)
  date sent{};       ///< the day it was sent (today's: the run's date)
  std::optional<date> deadline{};  ///< the payment deadline it gave (absent: none recorded)
  money fee{};       ///< the fee it charged, in the claim's currency (zero: none)
  bool today = false;  ///< asked for by the run's own date (not yet recorded as sent)
};

/// Something that happened to the claim: "dispute_opened", "dispute_resolved", "promise" (until
/// `until`), "plan_agreed" (instalments in `detail`), "hold", "released", "escalated",
/// "written_off", "legal_proceedings".
struct case_event {
  date on{};                    ///< the day it happened (a promise: the day it was made)
  std::string what;             ///< which event, by the names above
  std::optional<date> until{};  ///< a promise's date of payment or a hold's end, when it has one
  std::string detail;           ///< a plan's instalments (due date, amount, paid); else empty
};

/// Money that reduced the claim on a day, by component (payments, credit notes, customer
/// credit, write-offs: the book does not tell them apart here; payments are listed separately).
struct case_application {
  date on{};         ///< the day the claim went down
  std::string part;  ///< "principal", "fees", "interest"
  money amount{};    ///< positive: what the claim went down by
};

/// One invoice of a case file: its claim and everything that happened to it.
struct case_invoice {
  notice_invoice content;  ///< amounts owed, fees itemised, interest per period
  claim components;        ///< the book's claim by component
  std::string state;       ///< the engine's state ("reminded", "handed_to_collection", ...)
  std::vector<case_notice> notices;       ///< the notices recorded as sent, then today's
  std::vector<case_event> events;         ///< what happened to the claim, by date
  std::vector<case_application> applied;  ///< money that reduced the claim by the run's date, by date
  std::optional<kreditor::limitation> limitation;  ///< absent: no rule covers the jurisdiction
};

/// One customer's claim in one currency, documented for collection or court.
struct case_file {
  date as_of{};             ///< the run's date: the book is as of it
  std::string customer_id;  ///< the debtor's customer id in the ledger
  kreditor::jurisdiction jurisdiction = jurisdiction::no;  ///< the debtor's jurisdiction: whose law and rules apply
  kreditor::segment segment = segment::b2b;  ///< the debtor's segment (b2b or b2c): which rules apply
  party creditor;  ///< the firm that is owed, as creditor.json names it
  party debtor;    ///< the customer, as the ledger's customers.csv names it
  std::string account;  ///< where to pay, for this currency (creditor_profile::account_for)
  kreditor::currency currency{};  ///< the claim's currency: every amount is in it
  std::vector<case_invoice> invoices;  ///< the invoices handed over, in book order
  std::vector<payment_record> payments;  ///< the customer's payments by the date
  /// Sums over the invoices: open principal, fees and late interest still owed, and their total.
  ///@{
  money principal{}, fees{}, interest{}, total{};
  ///@}
  std::optional<date> limitation_date{};  ///< the earliest limitation of its invoices
};

/// The case file of `customer` in `r` (only `invoice` when given; else every open invoice).
/// `payments`: the ledger's payments (the report drops its own); those of the customer by the
/// date are listed, and a day the customer paid and an invoice's claim went down counts as a
/// part payment for limitation. `acknowledgments`: signed debt acknowledgments and other
/// interruptions the host recorded, per invoice id. \throws error(not_found) for an unknown
/// customer or an invoice that is not the customer's.
[[nodiscard]] case_file make_case_file(const run_report& r, const creditor_profile& creditor,
                                       std::string_view customer, std::optional<std::string_view> invoice,
                                       std::span<const payment_record> payments,
                                       std::span<const std::pair<std::string, interruption>> acknowledgments = {},
                                       std::span<const limitation_rule> limitation_rules = shipped_limitation_rules());

/// The case file as JSON (the agency import; schema in the README): "kreditor_case_file": 1,
/// "claim", "creditor", "debtor", "invoices", "notices", "events", "payments",
/// "interest_periods", "limitation_date".
[[nodiscard]] std::string case_file_json(const case_file& f);

/// The case file in `format`: json is case_file_json; text and html render
/// case_file.txt.mustache / case_file.html.mustache of `templates` over that JSON (English
/// headings: a document for the agency and the court file, not for the debtor).
[[nodiscard]] std::string render_case_file(const case_file& f, document_format format, const template_set& templates);

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_DOCUMENTS_CASE_FILE_HPP
