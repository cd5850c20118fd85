// -----------------------------------------------------------------------------
// File: kreditor/dunning/policy.hpp
// -----------------------------------------------------------------------------
//
// A dunning policy as data: ordered steps, each with a trigger (when), guards (for
// whom), the commands it issues (what), the fee it charges and the deadline it gives.
// Policies are loaded from JSON (io/policy_json.hpp), built in code or taken from the
// presets (dunning/presets.hpp); `compile` (dunning/compiled_policy.hpp) checks them
// against the jurisdiction's law and flattens them for the run.
//
//   policy p{.name = "NO", .jurisdiction = jurisdiction::no, .interest = interest_mode::statutory};
//   p.steps.push_back({.name = "purring",
//                      .trigger = {.after_due_days = 14},
//                      .commands = {command_kind::send_reminder},
//                      .deadline_days = 14,
//                      .fee = fee_spec::statutory_cap()});
#ifndef KREDITOR_DUNNING_POLICY_HPP
#define KREDITOR_DUNNING_POLICY_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kreditor/core/jurisdiction.hpp"
#include "kreditor/core/money.hpp"
#include "kreditor/core/rate.hpp"
#include "kreditor/core/result.hpp"

KREDITOR_NAMESPACE_BEGIN

namespace dunning {

/// What the engine asks the caller to do. The engine never does it itself.
enum class command_kind : std::uint8_t {
  send_reminder,            ///< a written reminder (NO purring, SE påminnelse, DK rykker, FI maksumuistutus)
  courtesy_email,           ///< a friendly e-mail without legal effect (before or just after due)
  receipt_confirmation,     ///< ask the customer to confirm the invoice arrived
  phone_call,               ///< create a phone-call task for a person
  notify_account_manager,   ///< tell the customer's account manager
  credit_hold,              ///< put the CUSTOMER on credit hold (no new deliveries on credit)
  cash_terms,               ///< switch the CUSTOMER to cash / prepayment terms
  collection_warning,       ///< NO inkassovarsel, SE inkassokrav, FI maksuvaatimus: collection follows
  hand_over_to_collection,  ///< hand the claim over to a debt collector (NO betalingsoppfordring)
  custom,                   ///< a command registered through `extensions` (named by the step)
  /// Propose setting the claim off against what we owe the customer (dunning/cover.hpp): the
  /// command names the counterclaim and the amount, min(open claim, what is left of it). A
  /// proposal: the host declares the set-off (NO/SE/DK/FI: our claim due, our debt payable).
  propose_set_off,
  /// Realise a security held (guarantee, pledge, credit insurance; dunning/cover.hpp): the
  /// command names the security and the amount, min(open claim, what is left of it), and is
  /// issued only while the security is unexpired.
  realise_security,
};

/// "send_reminder", "phone_call", ... (the JSON and CLI spelling).
[[nodiscard]] std::string_view to_string(command_kind kind) noexcept;
/// The inverse of to_string (not "custom": custom commands are spelled "custom:NAME").
result<command_kind> parse_command_kind(std::string_view text);

/// What a fee is, in law: the caps and timing rules differ per kind.
enum class fee_kind : std::uint8_t {
  reminder,      ///< reminder fee (NO purregebyr, SE påminnelseavgift, DK rykkergebyr)
  collection,    ///< fee on a collection warning / demand (NO inkassovarsel, SE inkassokrav)
  compensation,  ///< fixed B2B compensation (EU EUR 40, NO standardkompensasjon, DK 310 DKK)
};
/// "reminder", "collection", "compensation" (the policy JSON's spelling).
[[nodiscard]] std::string_view to_string(fee_kind kind) noexcept;

/// The fee a step charges: nothing, fixed amounts per currency, or the statutory maximum.
struct fee_spec {
  bool statutory = false;      ///< charge the legal cap in force (jurisdiction, segment, date)
  std::vector<money> amounts{};  ///< fixed fee per currency; an invoice in another currency pays none

  /// No fee.
  [[nodiscard]] static fee_spec none() { return {}; }
  /// The legal cap in force for the jurisdiction, segment and date.
  [[nodiscard]] static fee_spec statutory_cap() { return {.statutory = true, .amounts = {}}; }
  /// A fixed fee per currency (an invoice in another currency pays none).
  [[nodiscard]] static fee_spec fixed(std::vector<money> per_currency) {
    return {.statutory = false, .amounts = std::move(per_currency)};
  }
  /// True when the step charges a fee at all.
  [[nodiscard]] bool charges() const noexcept { return statutory || !amounts.empty(); }
  /// Memberwise equality.
  friend bool operator==(const fee_spec&, const fee_spec&) = default;
};

/// When a step fires: the LATEST of the anchors that are set (at least one must be), never
/// on the day of the previous step, and never before the law allows. "Previous notice" is
/// the last step that gave the customer a notice; with none yet, the previous notice is the
/// invoice (its date) and its deadline is the due date.
struct trigger {
  std::optional<std::int32_t> after_due_days{};                ///< due + n (negative: before due)
  std::optional<std::int32_t> after_invoice_days{};            ///< invoice date + n
  std::optional<std::int32_t> after_previous_notice_days{};    ///< previous notice's date + n
  std::optional<std::int32_t> after_previous_deadline_days{};  ///< previous deadline + n (1 = the day after)
  /// Memberwise equality.
  friend bool operator==(const trigger&, const trigger&) = default;
};

/// Different commands from an open amount on: "phone call instead of a letter above 50 000".
struct amount_band {
  std::vector<money> from{};                   ///< per currency: applies when open >= from
  std::vector<command_kind> commands{};        ///< replace the step's commands
  std::vector<std::string> custom_commands{};  ///< replace the step's custom commands
  /// Memberwise equality.
  friend bool operator==(const amount_band&, const amount_band&) = default;
};

/// What a step does for an invoice when its condition is not met (minimum_open not reached,
/// a custom guard false): skip it for this invoice and go on with the next step, or wait
/// until it is met (and hold back every later step meanwhile).
enum class if_not_met : std::uint8_t {
  skip,  ///< "call instead of writing above an amount": the ladder goes on without this step
  wait,  ///< the ladder waits here until the condition holds
};
/// "skip" or "wait" (the policy JSON's spelling).
[[nodiscard]] std::string_view to_string(if_not_met v) noexcept;

/// One step of a policy.
struct policy_step {
  std::string name{};                          ///< unique in the policy: "purring", "rykker 2"
  dunning::trigger trigger{};  ///< when the step fires
  std::vector<command_kind> commands{};        ///< issued together when the step fires
  std::vector<std::string> custom_commands{};  ///< names registered in `extensions`
  std::optional<std::int32_t> deadline_days{}; ///< payment deadline given (days after sending)
  fee_spec fee{};  ///< the fee it charges
  std::optional<dunning::fee_kind> fee_kind{}; ///< default: collection for a collection warning, else reminder
  std::optional<kreditor::segment> segment{};  ///< only for this debtor segment (else skipped)
  std::vector<money> minimum_open{};           ///< per currency: wait while the open amount is below
  std::vector<amount_band> bands{};            ///< ascending `from`; the highest reached band wins
  std::vector<std::string> guards{};           ///< custom guards registered in `extensions`; all must hold
  /// When minimum_open or a guard is not met. Default: skip for the amount threshold
  /// (minimum_open), wait for a guard (a guard says "not yet").
  std::optional<dunning::if_not_met> if_not_met{};
  /// How late the step may still be sent, in days after the day it was due to fire; later it
  /// is skipped, not sent late (a first run over an old ledger). Default: none for steps after
  /// the due date; a step that fires before the due date (trigger.after_due_days < 0) is
  /// skipped once the invoice is overdue.
  std::optional<std::int32_t> late_window_days{};
  /// The fee is charged only when the invoice was sent at least this many days before the
  /// due date (the law may require more: FI consumers, fee_rules.json). Default: the law's.
  std::optional<std::int32_t> fee_min_invoice_lead_days{};
  /// Memberwise equality.
  friend bool operator==(const policy_step&, const policy_step&) = default;
};

/// Who may be charged a reminder fee where the law requires it to be agreed (SE 2 §).
enum class fee_agreement : std::uint8_t {
  per_invoice,  ///< only invoices whose view says the fee was agreed when the debt arose
  always,       ///< the creditor declares every contract under this policy agrees the fee
  never,        ///< no contract agrees it (a reminder fee is then illegal in SE)
};

/// Late interest shown on notices and in totals.
enum class interest_mode : std::uint8_t {
  none,       ///< no interest
  statutory,  ///< the jurisdiction's statutory late-interest table (charges/interest.hpp)
  fixed,      ///< `interest_rate` p.a., the jurisdiction's day count
};

/// A whole policy. Steps fire strictly in order, at most one per evaluation.
struct policy {
  std::string name{};  ///< the policy's name, used in messages ("policy 'NO': ...")
  /// whose law the policy is checked against
  kreditor::jurisdiction jurisdiction = jurisdiction::eu;
  /// SE 2 §: a reminder fee only where agreed when the debt arose. Per invoice; an invoice
  /// (customer record) that does not say it was agreed is NOT agreed.
  fee_agreement reminder_fee_agreement = fee_agreement::per_invoice;
  interest_mode interest = interest_mode::none;  ///< late interest on notices and in totals
  rate interest_rate{};                           ///< for interest_mode::fixed
  std::vector<money> minimum_open{};                ///< per currency: nobody below is dunned
  std::vector<policy_step> steps{};  ///< in the order they fire
  std::vector<command_kind> on_broken_promise{};    ///< issued when a promise to pay is broken
  std::vector<command_kind> on_broken_plan{};       ///< issued when a plan installment is missed
  std::int32_t installment_grace_days = 0;        ///< an installment is missed after due + grace
  /// Memberwise equality.
  friend bool operator==(const policy&, const policy&) = default;
};

}  // namespace dunning

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_DUNNING_POLICY_HPP
