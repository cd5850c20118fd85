// -----------------------------------------------------------------------------
// File: kreditor/dunning/compiled_policy.hpp
// -----------------------------------------------------------------------------
//
// `compile` turns a policy into flat tables for the run, once, before any invoice is
// looked at: it validates the shape (names, anchors, order), checks the policy against
// its jurisdiction's law (dunning/legal_check.hpp) and resolves the extension points.
// No virtual call and no allocation happens per invoice in the batch path: the common
// case ("nothing due today") never touches a guard.
//
//   extensions ext;
//   ext.guard("not_in_bankruptcy", [](const guard_facts& f) { return f.open_principal.is_positive(); });
//   compiled_policy cp = compile(preset("NO", jurisdiction::no), ext);   // throws on a bad policy
#ifndef KREDITOR_DUNNING_COMPILED_POLICY_HPP
#define KREDITOR_DUNNING_COMPILED_POLICY_HPP

#include <array>
#include <climits>
#include <concepts>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "kreditor/charges/interest.hpp"
#include "kreditor/core/jurisdiction.hpp"
#include "kreditor/core/money.hpp"
#include "kreditor/dunning/policy.hpp"
#include "kreditor/jurisdiction/fee_rules.hpp"
#include "kreditor/jurisdiction/rate_table.hpp"
#include "kreditor/time/date.hpp"
#include "kreditor/time/deadline_rule.hpp"

KREDITOR_NAMESPACE_BEGIN

namespace dunning {

/// Day numbers (time/date.hpp day_number) used inside the engine's flat state.
inline constexpr std::int32_t no_day = INT32_MIN;  ///< "not set"
inline constexpr std::int32_t never = INT32_MAX;   ///< "nothing will happen by itself"

/// What a custom guard sees when a step's date has arrived.
struct guard_facts {
  date on{};  ///< the day the step's date arrived
  date invoice_date{};  ///< the invoice's date
  date due{};  ///< its due date
  money open_principal{};  ///< principal still open on `on`
  kreditor::segment segment = segment::b2b;  ///< the debtor's segment
  std::int32_t step = 0;         ///< the step about to fire
  std::int32_t steps_fired = 0;  ///< steps fired before it
};

/// A custom guard: true when the step may fire now (false: wait and ask again next run).
template <class G>
concept step_guard = std::is_invocable_r_v<bool, const G&, const guard_facts&>;

/// The C++ extension points a policy may name: guards ("guards": ["name"]) and custom
/// commands ("commands": ["custom:name"]). Compiled into the policy by `compile`.
class extensions {
 public:
  /// Registers a guard under `name`. A guard is called only when its step is otherwise due.
  template <step_guard G>
  extensions& guard(std::string name, G g) {
    guards_.emplace_back(std::move(name), std::function<bool(const guard_facts&)>(std::move(g)));
    return *this;
  }
  /// Registers a custom command name; the engine issues command_kind::custom with its index.
  extensions& command(std::string name) {
    commands_.push_back(std::move(name));
    return *this;
  }
  [[nodiscard]] const std::vector<std::pair<std::string, std::function<bool(const guard_facts&)>>>&
  /// The registered guards, by name, in registration order.
  guards() const noexcept {
    return guards_;
  }
  /// The registered custom command names; command_kind::custom carries the index.
  [[nodiscard]] const std::vector<std::string>& commands() const noexcept { return commands_; }

  /// The host's late-interest table for `j` and `s`, replacing the shipped statutory one (a
  /// rate published after this release, a corrected row). Policies with statutory interest
  /// use it; its info() gives the day count.
  extensions& late_interest(jurisdiction j, segment s, rate_table table) {
    rates_.push_back({j, s, std::move(table)});
    return *this;
  }
  /// The host's fee rules, merged over the shipped ones (merge_fee_rules: a row with the same
  /// id replaces the shipped row): the legal check, the statutory fees and their caps use them.
  extensions& fee_rules(std::vector<legal_fee_rule> rules) {
    fee_rules_ = std::move(rules);
    return *this;
  }
  /// A late-interest table given by late_interest().
  struct rate_override {
    jurisdiction where;  ///< the jurisdiction it applies in
    segment for_segment;  ///< the debtor segment it applies to
    rate_table table;  ///< the host's table
  };
  /// The late-interest tables given, in the order given.
  [[nodiscard]] const std::vector<rate_override>& late_interest_tables() const noexcept { return rates_; }
  /// The host's fee rules given (empty: the shipped ones alone).
  [[nodiscard]] const std::vector<legal_fee_rule>& fee_rules() const noexcept { return fee_rules_; }

 private:
  std::vector<std::pair<std::string, std::function<bool(const guard_facts&)>>> guards_;
  std::vector<std::string> commands_;
  std::vector<rate_override> rates_;
  std::vector<legal_fee_rule> fee_rules_;
};

/// Run-time floors the law puts under a step for one debtor segment (day offsets; no_day = none).
struct legal_floor {
  std::int32_t after_due = no_day;                ///< fire no earlier than due + n
  std::int32_t after_previous_notice = no_day;    ///< ... previous notice + n
  std::int32_t after_previous_deadline = no_day;  ///< ... previous deadline + n
  /// Memberwise equality.
  friend bool operator==(const legal_floor&, const legal_floor&) = default;
};

/// One command a compiled step issues (custom: index into compiled_policy::custom_commands).
struct command_ref {
  command_kind kind = command_kind::send_reminder;  ///< what to do
  std::uint16_t custom = 0;  ///< command_kind::custom: index into compiled_policy::custom_commands
  /// Memberwise equality.
  friend bool operator==(const command_ref&, const command_ref&) = default;
};

/// A step flattened for the run.
struct compiled_step {
  std::int32_t after_due = no_day;  ///< fire no earlier than due + n days (no_day: no such rule)
  std::int32_t after_invoice = no_day;  ///< ... invoice date + n
  std::int32_t after_previous_notice = no_day;  ///< ... previous notice + n
  std::int32_t after_previous_deadline = no_day;  ///< ... previous notice's deadline + n
  std::int32_t deadline_days = -1;    ///< -1: no deadline
  bool notice = false;                ///< a notice to the customer: times the later steps
  bool hands_over = false;            ///< ends the policy: handed over to collection
  bool roll_deadline = true;          ///< move a deadline off non-business days (statutory rule)
  bool fee_bearing = false;           ///< charges a fee (fixed or statutory)
  bool skip_below_minimum = true;     ///< minimum_open not reached: skip (true) or wait
  bool skip_if_guard_fails = false;   ///< a guard false: skip (true) or wait
  bool before_due_only = false;       ///< a pre-due step: skipped once the invoice is overdue
  bool needs_cover = false;           ///< propose_set_off / realise_security: skipped without cover
  std::int32_t late_window = no_day;  ///< skipped when due more than this many days after its scheduled day
  std::array<std::int32_t, 2> fee_min_invoice_lead{{0, 0}};  ///< per segment: due - invoice date at least
  fee_kind fee = fee_kind::reminder;  ///< which statutory fee a fee-bearing step charges
  std::uint8_t segments = 3;          ///< bit 0: b2b, bit 1: b2c
  std::array<legal_floor, 2> legal{}; ///< per segment (index = segment)
  /// The step's commands: [commands_begin, commands_end).
  std::uint32_t commands_begin = 0, commands_end = 0;  ///< into compiled_policy::commands
  /// The step's amount bands: [bands_begin, bands_end).
  std::uint32_t bands_begin = 0, bands_end = 0;        ///< into compiled_policy::bands
  /// The step's custom guards: [guards_begin, guards_end).
  std::uint32_t guards_begin = 0, guards_end = 0;      ///< into compiled_policy::guards
};

/// An amount band flattened: commands [commands_begin, commands_end) from `from` on.
struct compiled_band {
  std::vector<money> from;  ///< per currency: applies when open >= from
  /// The band's commands: [commands_begin, commands_end) into compiled_policy::commands.
  std::uint32_t commands_begin = 0, commands_end = 0;  ///< into compiled_policy::commands
};

/// A policy ready to run. Built only by `compile`; read-only afterwards and safe to share
/// between threads.
struct compiled_policy {
  dunning::policy source;  ///< the policy as given
  std::vector<compiled_step> steps;  ///< the steps in order
  std::vector<command_ref> commands;  ///< every step's commands, back to back
  std::vector<compiled_band> bands;  ///< every step's amount bands, back to back
  std::vector<std::function<bool(const guard_facts&)>> guards;  ///< every step's custom guards
  std::vector<std::string> custom_commands;  ///< the custom command names (extensions::command)
  /// What a broken promise issues: [broken_promise_begin, broken_promise_end).
  std::uint32_t broken_promise_begin = 0, broken_promise_end = 0;  ///< into commands
  /// What a broken plan issues: [broken_plan_begin, broken_plan_end).
  std::uint32_t broken_plan_begin = 0, broken_plan_end = 0;        ///< into commands
  deadline_rule deadlines;                                 ///< the jurisdiction's statutory rule
  std::array<std::optional<rate_table>, 2> interest_rates; ///< per segment; empty: no interest
  /// Per segment: how late interest is computed.
  std::array<interest_convention, 2> interest_conventions{};
  std::array<std::int16_t, 2> max_fee_notices{{-1, -1}};   ///< per segment; -1: no legal limit
  bool fee_needs_agreement = false;                        ///< SE: reminder fee only if agreed
  /// The fee rules the policy was checked against and its fees are capped by: the shipped
  /// ones, with the host's (extensions::fee_rules) merged over them.
  std::shared_ptr<const std::vector<legal_fee_rule>> fee_rules;

  /// The index of the step named `name`, or nullopt.
  [[nodiscard]] std::optional<std::int32_t> step_index(std::string_view name) const;
};

/// Validates, legally checks and flattens `p`. \throws error(invalid_argument) for a bad value,
/// error(conflict) for an impossible order or a duplicate, error(legal_violation) naming the rule
/// and its source, error(not_found) for an unregistered guard or custom command. Messages name
/// the key path: "policy 'NO': steps[1].deadline_days: ...".
/// Every legal violation is reported in the one message ("; "-separated), each citing the fee
/// row in force on `law_as_of` (default: the latest the data knows).
[[nodiscard]] compiled_policy compile(const policy& p, const extensions& ext = {});
/// As compile(p, ext), checked against the law in force on `law_as_of`.
[[nodiscard]] compiled_policy compile(const policy& p, const extensions& ext, date law_as_of);

}  // namespace dunning

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_DUNNING_COMPILED_POLICY_HPP
