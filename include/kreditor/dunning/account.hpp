// -----------------------------------------------------------------------------
// File: kreditor/dunning/account.hpp
// -----------------------------------------------------------------------------
//
// What the dunning engine reads about one invoice: a small view the caller builds from
// its ledger (the book, book/book.hpp, builds it from a host's records). The engine needs no
// ledger code: the principal and its dated changes, the fees and interest already paid, the
// notices already sent and the overlays (disputes, promises, plans, holds) are plain dated facts.
//
//   invoice_view v{.invoice_id = "10001", .customer_id = "C1", .currency = iso4217::nok,
//                  .issue_date = make_date(2026, 1, 2), .due_date = make_date(2026, 1, 16),
//                  .amount = money(1'000'000, iso4217::nok)};
//   v.notices.push_back({.step = 0, .sent = make_date(2026, 1, 30),
//                        .deadline = make_date(2026, 2, 13), .fee = money(3'500, iso4217::nok)});
#ifndef KREDITOR_DUNNING_ACCOUNT_HPP
#define KREDITOR_DUNNING_ACCOUNT_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kreditor/core/jurisdiction.hpp"
#include "kreditor/core/money.hpp"
#include "kreditor/charges/interest.hpp"
#include "kreditor/core/rate.hpp"
#include "kreditor/ledger/ledger_entry.hpp"
#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN

namespace dunning {

/// The step index of the reaction to a broken promise / broken plan in a notice history.
inline constexpr std::int32_t broken_promise_step = -1;  ///< the reaction to a broken promise
inline constexpr std::int32_t broken_plan_step = -2;  ///< the reaction to a broken plan

/// A step the engine asked for and the caller carried out: the history that times the
/// next level. `step` is the policy step's index (or broken_promise_step / broken_plan_step).
struct notice_record {
  std::int32_t step = 0;  ///< the policy step's index (or broken_promise_step / broken_plan_step)
  date sent{};  ///< the day it was sent
  std::optional<date> deadline{};  ///< the payment deadline it gave, if any
  money fee{};                   ///< the fee it charged (zero if none)
  /// Memberwise equality.
  friend bool operator==(const notice_record&, const notice_record&) = default;
};

/// A dispute: dunning pauses from `opened` until `resolved` (the clock is shifted by the pause).
struct dispute {
  date opened{};  ///< the day the customer disputed
  std::optional<date> resolved{};  ///< the day it was resolved; nullopt: still open
  /// Memberwise equality.
  friend bool operator==(const dispute&, const dispute&) = default;
};

/// A promise to pay by `until`: dunning pauses; unpaid after `until` the promise is broken
/// and the next level follows at once (with the policy's on_broken_promise commands).
struct promise {
  date made{};  ///< the day the promise was made
  date until{};  ///< the promised date of payment
  /// Memberwise equality.
  friend bool operator==(const promise&, const promise&) = default;
};

/// One installment of a payment plan and what has been paid on it.
struct installment_status {
  date due{};  ///< the installment's due date
  money amount{};  ///< the installment's amount
  money paid{};  ///< paid towards this installment so far (as of the evaluation date)
  /// Memberwise equality.
  friend bool operator==(const installment_status&, const installment_status&) = default;
};

/// An agreed payment plan: dunning pauses while installments are paid; a missed one
/// (unpaid after due + the policy's grace days) breaks the plan and escalates.
struct plan_overlay {
  date agreed{};  ///< the day the plan was agreed
  std::vector<installment_status> installments{};  ///< in due-date order
  /// Memberwise equality.
  friend bool operator==(const plan_overlay&, const plan_overlay&) = default;
};

/// A manual hold: dunning pauses from `from` until `until` (released), if given.
struct hold_period {
  date from{};  ///< the first day held
  std::optional<date> until{};  ///< the day released; nullopt: still held
  /// Memberwise equality.
  friend bool operator==(const hold_period&, const hold_period&) = default;
};

/// The overlays on an invoice's clock, all dated.
struct overlays {
  std::vector<dispute> disputes{};  ///< in the order opened
  std::vector<promise> promises{};  ///< in the order made
  std::optional<plan_overlay> plan{};  ///< the payment plan, if one was agreed
  std::vector<hold_period> holds{};  ///< in the order held
  std::vector<date> escalations{};      ///< manual "escalate now"
  std::optional<date> written_off{};  ///< the day the rest was written off
  std::optional<date> legal_proceedings{};  ///< a handed-over claim taken to court
  /// Memberwise equality.
  friend bool operator==(const overlays&, const overlays&) = default;
};

/// Fees or late interest paid (or settled from customer credit, or written off) on a day: what
/// the claim's fees / interest are reduced by from that day on.
struct charge_settlement {
  date on{};  ///< the day it was settled
  component part = component::fees;  ///< fees or interest
  money amount{};                    ///< positive
  /// Memberwise equality.
  friend bool operator==(const charge_settlement&, const charge_settlement&) = default;
};

/// One invoice as the engine sees it on the evaluation date.
struct invoice_view {
  std::string invoice_id{};  ///< the invoice's id, as the ledger spells it
  std::string customer_id{};  ///< its customer's id
  kreditor::currency currency{};  ///< the invoice's currency
  kreditor::segment segment = segment::b2b;  ///< the debtor's segment: which law's limits apply
  kreditor::jurisdiction jurisdiction = jurisdiction::eu;  ///< whose law governs the claim
  date issue_date{};  ///< the invoice date
  date due_date{};  ///< the due date (after terms and business-day rules)
  /// The principal as invoiced: the starting balance of balance_changes.
  money amount{};
  /// The dated changes of the principal from `amount` (credit notes, payments, customer credit
  /// applied, write-offs: negative delta): the same list, with the same meaning, as charges'
  /// late_interest takes, so late interest runs on the balance of each day. The open principal
  /// as of a date D is amount + the changes dated on or before D; later changes are ignored.
  std::vector<balance_change> balance_changes{};
  /// Fees and interest settled, dated: the engine's fees are those its notices charged less
  /// these, its interest the interest accrued less these (settlements after the evaluation date
  /// are ignored). A claim closes only when principal, fees and interest are all settled.
  std::vector<charge_settlement> settlements{};
  /// A contractual late-interest rate (payment_terms::clauses.late_interest) replacing the
  /// policy's statutory table for this invoice; counted by the policy's day-count convention.
  std::optional<rate> agreed_interest{};
  bool credited = false;           ///< closed by a credit note (else zero open means paid)
  /// Nothing is owed by the evaluation date: principal, fees and interest all settled (the
  /// book says so of the many closed invoices of a ledger, and leaves their money history out
  /// of the view). The engine then reports the invoice closed without replaying its notices:
  /// a notice's fee with no settlement beside it would otherwise read as a fee still owed.
  bool settled = false;
  bool reminder_fee_agreed = false; ///< the fee was agreed when the debt arose (SE 2 §; the book takes it from the terms)
  dunning::overlays overlays{};  ///< disputes, promises, plan, holds, escalations, write-off
  std::vector<notice_record> notices{};  ///< history, in the order sent
  /// Memberwise equality.
  friend bool operator==(const invoice_view&, const invoice_view&) = default;
};

}  // namespace dunning

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_DUNNING_ACCOUNT_HPP
