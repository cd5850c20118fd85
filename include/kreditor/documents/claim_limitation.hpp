// -----------------------------------------------------------------------------
// File: kreditor/documents/claim_limitation.hpp
// -----------------------------------------------------------------------------
//
// Limitation of the run's claims: for each line of a run report with something owed, the day
// the claim becomes time-barred (documents/limitation.hpp's limitation_of over the law's data),
// from what the book knows interrupts it — the debtor's part payments (a day the customer paid
// and the claim went down), promises and payment plans, the notices recorded as sent (a
// written demand: interrupts in SE and FI only), legal proceedings, and the debt
// acknowledgments the ledger records (events.csv `debt_acknowledgment`) or the host passes —
// and an alert for each claim that lapses within a window (90 days unless told).
// `kreditor run` prints both; the case file uses the same interruptions.
//
//   limitation_evidence ev = limitation_evidence_of(l.payments, l.events);  // before make_report
//   run_report r = make_report(std::move(l), today, recorded, policies);
//   for (const limitation_alert& a : watch_limitation(r, ev, {.window_days = 90}))
//     tell(a.customer_id, a.invoice_id, a.expires);
#ifndef KREDITOR_DOCUMENTS_CLAIM_LIMITATION_HPP
#define KREDITOR_DOCUMENTS_CLAIM_LIMITATION_HPP

#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "kreditor/book/report.hpp"
#include "kreditor/documents/limitation.hpp"
#include "kreditor/io/ledger.hpp"
#include "kreditor/io/ledger_columns.hpp"

KREDITOR_NAMESPACE_BEGIN

/// What may interrupt limitation that the run report does not keep: the days each customer paid
/// (make_report drops the ledger's payments once the book holds them) and the interruptions
/// recorded per invoice (events.csv debt_acknowledgment rows, and what the host passes).
struct limitation_evidence {
  /// Per customer id: the days the customer paid, ascending, each once.
  std::unordered_map<std::string, std::vector<date>> paid_on;
  /// Per invoice id: recorded interruptions (signed debt acknowledgments and what the host adds).
  std::unordered_map<std::string, std::vector<interruption>> recorded;
};

/// The evidence of a ledger's `payments` and `events` (its debt_acknowledgment rows), plus
/// `recorded` (invoice id, interruption) pairs the host keeps elsewhere.
[[nodiscard]] limitation_evidence limitation_evidence_of(
    std::span<const payment_record> payments, std::span<const event_record> events,
    std::span<const std::pair<std::string, interruption>> recorded = {});
/// The same of a ledger kept as columns (io/ledger_columns.hpp).
[[nodiscard]] limitation_evidence limitation_evidence_of(
    const ledger_columns& l, std::span<const std::pair<std::string, interruption>> recorded = {});

/// What may interrupt the limitation of line `line` of `r` by the run's date, in date order:
/// part payments (a day in `e.paid_on` of the line's customer on which its principal, fees or
/// interest went down), promises and a payment plan (acknowledgments), the notices recorded as
/// sent (written demands), legal proceedings, and `e.recorded` of the invoice.
/// \pre line < r.size()
[[nodiscard]] std::vector<interruption> interruptions_of(const run_report& r, std::size_t line,
                                                         const limitation_evidence& e);

/// The limitation of line `line` of `r` under `rules` given `e` (errc::not_found when no rule
/// covers the line's jurisdiction, segment and due date). \pre line < r.size()
[[nodiscard]] result<limitation> limitation_of_line(const run_report& r, std::size_t line, const limitation_evidence& e,
                                                    std::span<const limitation_rule> rules = shipped_limitation_rules());

/// A claim that lapses within the window: act (get an acknowledgment, or take a legal step)
/// before `expires`.
struct limitation_alert {
  std::size_t line = 0;     ///< the report's line (book order)
  std::string customer_id;  ///< the debtor
  std::string invoice_id;   ///< the claim
  date expires{};           ///< the last day before it is time-barred
  std::int32_t days_left = 0;  ///< days from the run's date to `expires` (0: lapses after today; negative: lapsed)
  money total_due{};        ///< what is owed on it (principal, fees, interest)
  std::string rule;         ///< the limitation rule's id ("NO.foreldelse")
  std::string law;          ///< the statute and sections
  bool uncertain = false;   ///< the rule is flagged uncertain: re-check before relying on it
  friend bool operator==(const limitation_alert&, const limitation_alert&) = default;  ///< member-wise equality
};

/// When watch_limitation raises an alert.
struct limitation_watch_options {
  std::int32_t window_days = 90;  ///< alert when a claim expires within this many days of the run's date (>= 0)
};

/// Sets each line's limitation_date, limitation_near and limitation_uncertain in `r` (lines
/// with a problem or nothing owed, and lines no rule covers, keep not_a_date), and returns an
/// alert per claim expiring within `options.window_days` of `r.as_of`, in customer then book
/// order. \throws error(invalid_argument) for a negative window.
std::vector<limitation_alert> watch_limitation(run_report& r, const limitation_evidence& e,
                                               const limitation_watch_options& options = {},
                                               std::span<const limitation_rule> rules = shipped_limitation_rules());

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_DOCUMENTS_CLAIM_LIMITATION_HPP
