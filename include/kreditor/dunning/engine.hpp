// -----------------------------------------------------------------------------
// File: kreditor/dunning/engine.hpp
// -----------------------------------------------------------------------------
//
// Evaluating invoices as of a date: the entry point for `kreditor run` and host software.
// Deterministic and idempotent: the result depends only on the policy, the views (with
// their notice history and overlays) and `as_of`. Evaluating D twice gives the same
// commands; after a missed run the NEXT due level is sent (one step per evaluation, never
// a skipped or repeated level), and each level is timed from the previous notice's
// deadline as the policy says.
//
//   compiled_policy cp = compile(preset("NO", jurisdiction::no));
//   run_result r = evaluate(cp, views, make_date(2026, 3, 1));
//   for (const invoice_result& i : r.invoices)
//     for (const command& c : i.commands) send(views[i.index], c);   // then record a notice_record
#ifndef KREDITOR_DUNNING_ENGINE_HPP
#define KREDITOR_DUNNING_ENGINE_HPP

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kreditor/core/money.hpp"
#include "kreditor/core/result.hpp"
#include "kreditor/dunning/account.hpp"
#include "kreditor/dunning/compiled_policy.hpp"
#include "kreditor/dunning/machine.hpp"
#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN

namespace dunning {

/// One line of the audit trail: an event, the row that fired and the facts it used.
struct audit_entry {
  event what{};  ///< the event
  std::string_view rule;          ///< the table row's name; empty when no row matched
  state from = state::not_yet_due;  ///< the state before
  state to = state::not_yet_due;  ///< the state after
  money open_principal{};         ///< before the event
  money fees{};                   ///< before the event
  money interest{};               ///< accrued to the event's date, before the event
  std::int32_t step = -1;         ///< the policy step, for step events
  std::vector<command> commands;  ///< what the row asked for
};

/// Applies one event at its date: first the calendar (date_reached), then the event itself.
/// Updates `s` (including its next_action cache) and appends to `audit` when given.
/// \throws error(conflict) for an event the table rejects in a way that corrupts history (a
/// notice out of order; a payment larger than owed), error(currency_mismatch).
void apply(const context& ctx, invoice_state& s, const event& ev, std::vector<command>* out = nullptr,
           std::vector<audit_entry>* audit = nullptr);

/// The daily kernel shared by the scalar and batch paths: if something is due by `as_of`
/// (s.next_action <= as_of), advances the calendar, breaks an expired promise and fires at
/// most ONE policy step, appending the commands. Otherwise does nothing.
void advance(const context& ctx, invoice_state& s, date as_of, std::vector<command>& out,
             std::vector<audit_entry>* audit = nullptr);

/// Replays recorded events from `initial`: reproduces the state the audit trail describes.
[[nodiscard]] invoice_state replay(const context& ctx, invoice_state initial,
                                   std::span<const audit_entry> trail);

/// The engine's verdict on one invoice as of the evaluation date.
struct invoice_result {
  std::size_t index = 0;             ///< into the evaluated span
  std::string invoice_id;  ///< the view's invoice id
  std::string customer_id;  ///< the view's customer id
  state current = state::not_yet_due;  ///< where the invoice stands as of the evaluation date
  std::uint8_t flags = 0;            ///< overlay bits (machine.hpp)
  std::int32_t level = 0;            ///< policy steps done (next step index)
  std::optional<std::string> last_step;  ///< the name of the last step done
  std::int32_t days_past_due = 0;    ///< 0 before/at the due date
  money open_principal{};  ///< principal open as of the evaluation date
  money fees{};                      ///< fees charged and unpaid
  money interest{};                  ///< late interest accrued to as_of
  money total_due{};  ///< open principal + fees + interest
  std::vector<command> commands;     ///< what to do TODAY (record each sent notice)
  std::optional<date> next_action;   ///< the next day something happens by itself
  std::vector<audit_entry> audit;    ///< every transition, when asked for
  std::optional<failure> problem;    ///< bad record: nothing else is set; the run goes on
};

/// A customer-level decision from today's commands and the policy steps already done.
struct customer_decision {
  std::string customer_id;  ///< the customer's id
  bool credit_hold = false;  ///< no new deliveries on credit
  bool cash_terms = false;   ///< cash / prepayment only
  std::vector<std::string> invoices;  ///< the open invoices that caused it
};

/// The result of evaluate().
struct run_result {
  date as_of{};  ///< the evaluation date
  std::vector<invoice_result> invoices;      ///< one per view, in input order
  std::vector<customer_decision> customers;  ///< customers with a decision, sorted by id
};

/// What evaluate() records besides the verdicts.
struct evaluate_options {
  bool audit = false;  ///< fill invoice_result::audit
  /// The customers' cover (security held, what we owe them; dunning/cover.hpp), by
  /// customer_id; the views of a customer not listed have none. The run claims each security
  /// and counterclaim at most up to what is left of it, in the order of the views.
  std::span<const customer_cover> cover{};
};

/// Evaluates every view as of `as_of`. One bad view does not stop the run: its result
/// carries `problem` (conflict: notice history out of order, or the view's jurisdiction is
/// not the policy's; currency_mismatch; not_found: no interest rate for a date).
[[nodiscard]] run_result evaluate(const compiled_policy& policy, std::span<const invoice_view> views,
                                  date as_of, const evaluate_options& options = {});

/// The events a view describes up to `as_of`, in the order the engine applies them (overlay
/// events of a day before that day's notices).
[[nodiscard]] std::vector<event> events_of(const invoice_view& v, date as_of);

}  // namespace dunning

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_DUNNING_ENGINE_HPP
