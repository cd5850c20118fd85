// -----------------------------------------------------------------------------
// File: kreditor/scoring/behaviour.hpp
// -----------------------------------------------------------------------------
//
// Payment behaviour features from plain per-invoice facts, as a pure function: the host (or
// kreditor's CLI, from the ledger) supplies due dates, payment dates, amounts, the highest dunning
// level each invoice reached and the promises and plans broken; nothing here reads a ledger.
//
//   days beyond terms (DBT)  = sum(a_i max(0, paid_i - due_i)) / sum(a_i), amount-weighted, over
//                              invoices due in the window; an invoice still open counts up to as_of
//                              (D&B's dollar-weighted DBT)
//   share paid on time       = amount paid by the due date / amount due in the window
//   DSO at t                 = receivables open at t / sales of the 90 days up to t x 90
//   DSO trend                = DSO(as_of) - DSO(as_of - 90 days): > 0 pays slower
#ifndef KREDITOR_SCORING_BEHAVIOUR_HPP
#define KREDITOR_SCORING_BEHAVIOUR_HPP

#include <cstdint>
#include <optional>
#include <span>

#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace scoring {

/// One invoice as behaviour sees it. Amounts in minor units of one currency (ratios only).
struct invoice_fact {
  date issued;  ///< the invoice date
  date due;  ///< the due date
  std::optional<date> paid;     ///< the date it was paid in full; absent: open (or written off)
  std::int64_t amount = 0;      ///< > 0, minor units
  int dunning_level = 0;        ///< highest level reached: 0 none, 1 first reminder, ...
  bool collection = false;      ///< handed over to collection
  bool disputed = false;  ///< the customer disputed it
  bool paid_by_cheque = false;  ///< paid by cheque (counted: cheques are slow to clear and open to fraud)
};

/// Counts the host keeps per customer.
struct behaviour_counts {
  int broken_promises = 0;  ///< promises to pay not kept
  int broken_plans = 0;     ///< payment plans with a missed instalment
};

/// How a customer paid over a window of invoices: the behaviour a recommendation weighs.
struct payment_behaviour {
  std::size_t invoices = 0;           ///< invoices due in the window
  double days_beyond_terms = 0;       ///< amount-weighted DBT (see file comment)
  double share_paid_on_time = 1;      ///< by amount, of invoices due in the window (1 when none)
  int max_dunning_level = 0;  ///< highest dunning level reached in the window
  bool collection = false;            ///< any invoice handed to collection
  int broken_promises = 0;  ///< promises to pay not kept (behaviour_counts)
  int broken_plans = 0;  ///< payment plans broken (behaviour_counts)
  int disputes = 0;                   ///< disputed invoices in the window
  int cheque_payments = 0;            ///< invoices paid by cheque in the window
  std::optional<double> dso;          ///< at as_of (nullopt without sales in the last 90 days)
  std::optional<double> dso_previous; ///< at as_of - 90 days
  std::optional<double> dso_trend;    ///< dso - dso_previous
};

/// The behaviour of one customer's invoices due within `window_days` (> 0) before as_of.
/// Invoices issued after as_of are ignored. \throws error(invalid_argument) for a non-positive
/// amount, a due date before the issue date or a non-positive window.
[[nodiscard]] payment_behaviour behaviour(std::span<const invoice_fact> invoices, const behaviour_counts& counts,
                                          date as_of, int window_days = 365);

}  // namespace scoring
KREDITOR_NAMESPACE_END

#endif  // KREDITOR_SCORING_BEHAVIOUR_HPP
