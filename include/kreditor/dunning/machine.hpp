// -----------------------------------------------------------------------------
// File: kreditor/dunning/machine.hpp
// -----------------------------------------------------------------------------
//
// The dunning life cycle of one invoice as ONE transition table, read top to bottom
// like a UML table (after boost-ext/sml):
//
//   from-states  + event  [guard]  / action  = to-state
//
// The table itself is in src/dunning/machine.cpp; `transition_table()` exposes its rows
// (names, states, events) for documentation, tests and the audit trail. `step()` is pure:
// no clock, no I/O. What should happen in the world comes back as `command` values.
//
// Overlays (disputed, promise to pay, payment plan, on hold) are flags beside the state:
// they pause or alter the clock without forgetting where the invoice stands.
//
//   invoice_state s = initial_state(facts, money(1'000'000, iso4217::nok));
//   outcome o = step({cp, facts}, s, date_reached{make_date(2026, 1, 17)});   // -> overdue
//   o = step({cp, facts}, o.next, step_due{make_date(2026, 1, 30), 0});       // -> reminded
//   // o.commands: send_reminder with principal, fee, interest and deadline
#ifndef KREDITOR_DUNNING_MACHINE_HPP
#define KREDITOR_DUNNING_MACHINE_HPP

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "kreditor/core/jurisdiction.hpp"
#include "kreditor/core/money.hpp"
#include "kreditor/dunning/account.hpp"
#include "kreditor/dunning/compiled_policy.hpp"
#include "kreditor/dunning/cover.hpp"
#include "kreditor/dunning/policy.hpp"
#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN

namespace dunning {

/// Where an invoice stands.
enum class state : std::uint8_t {
  not_yet_due,           ///< before the due date
  due,                   ///< on the due date
  overdue,               ///< after the due date, no notice yet
  reminded,              ///< a notice of the policy has been sent (level = steps done)
  handed_to_collection,  ///< the last step handed the claim to a collector
  legal,                 ///< a handed-over claim taken to court
  paid,                  ///< settled by payment (closed)
  credited,              ///< settled by a credit note (closed)
  written_off,           ///< written off (closed)
};
/// "not_yet_due", "due", "overdue", ... (the audit trail's spelling).
[[nodiscard]] std::string_view to_string(state s) noexcept;

/// Overlay bits in invoice_state::flags.
namespace overlay {
inline constexpr std::uint8_t disputed = 1u << 0;     ///< paused until resolved
inline constexpr std::uint8_t promised = 1u << 1;     ///< paused until the promised date
inline constexpr std::uint8_t in_plan = 1u << 2;      ///< paused while the plan is kept
inline constexpr std::uint8_t on_hold = 1u << 3;      ///< paused until released
inline constexpr std::uint8_t escalated = 1u << 4;    ///< next step fires as soon as the law allows
inline constexpr std::uint8_t compensated = 1u << 5;  ///< the fixed B2B compensation was charged
/// any overlay that stops the clock
inline constexpr std::uint8_t pausing = disputed | promised | in_plan | on_hold;
}  // namespace overlay

/// The fixed facts of one invoice the machine looks at (16 bytes; a batch column row).
struct invoice_facts {
  std::int32_t invoice_day = 0;  ///< day_number of the invoice date
  std::int32_t due_day = 0;      ///< day_number of the due date
  kreditor::currency currency{};  ///< the invoice's currency
  kreditor::segment segment = segment::b2b;  ///< b2b or b2c: which law's limits apply
  bool reminder_fee_agreed = false;  ///< SE 2 §: not agreed unless the record says so
  /// Memberwise equality.
  friend bool operator==(const invoice_facts&, const invoice_facts&) = default;
};

/// The facts of a view.
[[nodiscard]] invoice_facts facts_of(const invoice_view& v);

/// The machine's whole memory of one invoice: 48 bytes, trivially copyable, so a portfolio
/// is a flat array of these. Days are day_numbers; no_day = not set.
struct invoice_state {
  /// Where the invoice stands.
  state current = state::not_yet_due;
  std::uint8_t flags = 0;        ///< overlay bits
  std::uint8_t next_step = 0;    ///< index of the next policy step (= the level reached)
  std::uint8_t fee_notices = 0;  ///< fee-bearing reminders / warnings sent
  std::int32_t last_fired = no_day;     ///< day the last step fired
  std::int32_t last_notice = no_day;    ///< day the last customer notice was sent
  std::int32_t last_deadline = no_day;  ///< that notice's deadline (its date if it gave none)
  std::int32_t paused_since = no_day;   ///< start of the running dispute / hold pause
  std::int32_t paused_days = 0;         ///< days paused since the last step: shifts the clock
  std::int32_t promised_until = no_day; ///< the promised date, while a promise is open
  std::int32_t next_action = 0;         ///< the engine's cache: first day anything happens by itself
  std::int64_t open_minor = 0;          ///< open principal (minor units of the facts' currency)
  std::int64_t fees_minor = 0;          ///< fees charged and not yet paid
  /// Memberwise equality.
  friend bool operator==(const invoice_state&, const invoice_state&) = default;
};

/// The state of a fresh invoice with `open` principal (currency must match the facts').
[[nodiscard]] invoice_state initial_state(const invoice_facts& f, money open);

// ---- events: what happened (each carries its date) -----------------------------------------
/// The as-of date advanced to `on`.
struct date_reached {
  date on{};  ///< the new as-of date
};
/// The scheduler found policy step `step` due.
struct step_due {
  date on{};              ///< the day it fires
  std::int32_t step = 0;  ///< index of the policy step
};
/// A guard of policy step `step` failed, and the step says skip.
struct step_skipped {
  date on{};              ///< the day it would have fired
  std::int32_t step = 0;  ///< index of the policy step
};
/// A recorded notice, replayed from history.
struct notice_sent {
  notice_record notice{};  ///< the notice as recorded (its date, step and deadline)
};
/// A payment or partial payment.
struct payment_received {
  date on{};       ///< value date
  money amount{};  ///< the amount paid (positive)
};
/// A credit note (ledger/invoice.hpp) reduces the principal.
struct credit_note_issued {
  date on{};       ///< the credit note's date
  money amount{};  ///< the amount credited (positive)
};
/// The customer disputed the claim: dunning pauses until it is resolved.
struct dispute_opened {
  date on{};  ///< the day it was opened
};
/// The dispute was resolved: the clock runs again, shifted by the days paused.
struct dispute_resolved {
  date on{};  ///< the day it was resolved
};
/// The customer promised to pay: dunning pauses until the promised date.
struct promise_made {
  date on{};     ///< the day the promise was made
  date until{};  ///< the promised date of payment
};
/// Derived: the promised date passed and the invoice is still open.
struct promise_broken {
  date on{};  ///< the day it was found broken (after the promised date)
};
/// A payment plan was agreed: dunning pauses while it is kept.
struct plan_agreed {
  date on{};  ///< the day it was agreed
};
/// An installment of the plan was paid.
struct installment_paid {
  date on{};       ///< value date
  money amount{};  ///< the amount paid (positive)
};
/// An installment was missed: breaks the plan.
struct installment_missed {
  date on{};  ///< the day it was found missed
};
/// Manual: the next level now (within the law).
struct escalate {
  date on{};  ///< the day of the request
};
/// Manual hold until a release.
struct hold {
  date on{};  ///< the first day held
};
/// Ends a hold; the clock is shifted by the days held.
struct release {
  date on{};  ///< the day of the release
};
/// The rest is written off (closes the invoice).
struct write_off {
  date on{};  ///< the day of the write-off
};
/// A handed-over claim goes to court.
struct legal_proceedings {
  date on{};  ///< the day proceedings were opened
};

/// Everything that can happen to an invoice: one alternative per kind of event.
using event = std::variant<date_reached, step_due, step_skipped, notice_sent, payment_received, credit_note_issued,
                           dispute_opened, dispute_resolved, promise_made, promise_broken,
                           plan_agreed, installment_paid, installment_missed, escalate, hold,
                           release, write_off, legal_proceedings>;

/// The date `e` carries (a notice_sent's: its notice's date).
[[nodiscard]] date event_date(const event& e);
/// "date_reached", "payment_received", ... (audit trail spelling).
[[nodiscard]] std::string_view event_name(const event& e) noexcept;

// ---- commands: what the caller should do ---------------------------------------------------
/// What the caller should do (send a notice, hand over, ...): the engine does no I/O itself.
struct command {
  command_kind kind = command_kind::send_reminder;  ///< what to do
  std::uint16_t custom = 0;        ///< command_kind::custom: index into compiled_policy::custom_commands
  std::int32_t step = 0;           ///< the policy step (or broken_promise_step / broken_plan_step)
  date on{};  ///< the day to do it
  std::optional<date> deadline;    ///< payment deadline given with a notice
  money principal{};               ///< open principal
  money fee{};                     ///< the fee this notice charges
  money fees{};                    ///< all fees charged so far, this one included
  money interest{};                ///< late interest accrued to `on`
  money total{};                   ///< principal + fees + interest
  /// propose_set_off / realise_security: the counterclaim's or security's id (dunning/cover.hpp)
  std::string cover_id{};
  /// propose_set_off / realise_security: what to set off or realise, min(open claim, what is
  /// left of the cover named); one command per counterclaim or security used
  money cover_amount{};
  /// Memberwise equality.
  friend bool operator==(const command&, const command&) = default;
};

/// What step() needs besides the state: the policy, the invoice's facts, and its history.
struct context {
  const compiled_policy& policy;  ///< the compiled policy the invoice is dunned under
  const invoice_facts& invoice;  ///< the invoice's fixed facts
  /// The dated changes of the interest-bearing principal (invoice_view::balance_changes)
  /// that the state's open principal is AFTER; empty: the open principal since the due date.
  std::span<const balance_change> balance_changes{};
  /// Fees and interest settled (invoice_view::settlements): commands and interest_due count
  /// what is still owed on their date.
  std::span<const charge_settlement> settlements{};
  /// The contractual rate table replacing the policy's for this invoice (null: the policy's).
  const rate_table* agreed_rates = nullptr;
  /// The customer's cover and what this run has claimed of it (null: none known, so a step
  /// with propose_set_off / realise_security is skipped). Firing such a step marks the amounts
  /// it claims here: the one thing step() changes outside the state.
  cover_ledger* cover = nullptr;
};

/// What of `part` was settled on or before `on` (minor units).
[[nodiscard]] std::int64_t settled_through(const context& ctx, component part, date on);

/// The result of one event.
struct outcome {
  invoice_state next{};  ///< the state after the event
  std::vector<command> commands;  ///< what the caller should do, in order
  std::string_view rule;  ///< the name of the row that fired; empty when none matched
  /// True when a row of the table fired.
  [[nodiscard]] bool matched() const noexcept { return !rule.empty(); }
};

/// Applies `ev` in state `from`: the first row whose states, event and guard match wins.
/// With no matching row the state is kept, nothing is asked for and `rule` is empty.
/// \throws error(conflict) for an event that contradicts the state (a payment larger than
/// what is owed; a payment in another currency).
[[nodiscard]] outcome step(const context& ctx, const invoice_state& from, const event& ev);

/// One row of the table, for documentation and tests.
struct row_info {
  std::string_view name;       ///< "overdue_after_due_date"
  std::uint16_t from = 0;      ///< bit per state
  std::size_t event_index = 0; ///< event::index() of the row's event
  std::string_view guard;  ///< the guard's name; empty: none
  std::string_view action;  ///< the action's name; empty: none
  std::optional<state> to;     ///< nullopt: the state is kept
};
/// The rows of the transition table, in the order they are tried.
[[nodiscard]] std::span<const row_info> transition_table() noexcept;

/// The next step that may fire and the first day it may: (step, day), or nullopt when nothing
/// will fire without a new event (closed, paused, below the minimum, policy finished).
struct scheduled {
  std::int32_t step = 0;  ///< index of the policy step
  std::int32_t day = never;  ///< day_number of the first day it may fire
};
/// The next step that may fire for `s`, and when (see scheduled).
[[nodiscard]] std::optional<scheduled> next_step(const context& ctx, const invoice_state& s);

/// The last day an installment due on `due` is paid in time: the due date moved by the
/// jurisdiction's statutory business-day rule (NO gjeldsbrevloven § 5, SE skuldebrevslagen 5 §,
/// FI velkakirjalaki 5 §; DK none), plus the policy's installment_grace_days. An installment
/// still unpaid after that day is missed.
[[nodiscard]] date installment_paid_by(const compiled_policy& cp, date due);

/// The first day on which something happens without a new event (due date reached, promise
/// expired, next step due); `never` when nothing will.
[[nodiscard]] std::int32_t next_action_day(const context& ctx, const invoice_state& s);

/// Late interest still owed on `on`: accrued from the due date to `on` (zero when the policy
/// charges none or on or before the due date) by charges' late_interest over the policy's table
/// (or ctx.agreed_rates) and convention, on the open principal — or, with ctx.balance_changes,
/// on the balance of each day (the principal before the changes, then each change dated before
/// `on`) — less the interest settled by `on` (ctx.settlements).
/// \throws error(conflict) when more interest was settled than accrued.
[[nodiscard]] money interest_due(const context& ctx, const invoice_state& s, date on);

}  // namespace dunning

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_DUNNING_MACHINE_HPP
