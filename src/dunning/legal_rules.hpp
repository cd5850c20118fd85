// The legal facts the dunning engine keeps (legal.md §2), as tables that read like the law.
// This is the ONE door between the dunning engine and the fee/deadline law: when
// jurisdiction/fee_rules.hpp (the charges helper's shared rule data) offers the same facts,
// only legal_rules.cpp changes.
#ifndef KREDITOR_SRC_DUNNING_LEGAL_RULES_HPP
#define KREDITOR_SRC_DUNNING_LEGAL_RULES_HPP

#include <cstdint>
#include <optional>
#include <span>

#include "kreditor/core/jurisdiction.hpp"
#include "kreditor/core/money.hpp"
#include "kreditor/dunning/compiled_policy.hpp"
#include "kreditor/dunning/policy.hpp"
#include "kreditor/time/date.hpp"

namespace kreditor::dunning::detail {

/// What a timing/count rule says.
enum class rule_kind : std::uint8_t {
  fee_not_before,                   ///< a fee-bearing notice fires no earlier than due + value
  min_deadline,                     ///< the notice gives a deadline of at least `value` days
  after_previous_deadline,          ///< fires only after the previous notice's deadline passed
  min_days_after_previous_notice,   ///< at least `value` days after the previous notice
  max_fee_notices,                  ///< at most `value` fee-bearing notices of the target kind
  fee_needs_agreement,              ///< a fee only where agreed when the debt arose
  handover_needs_warning,           ///< hand-over only after a collection warning's deadline
  b2b_only,                         ///< the fee exists only between businesses
};

/// Which steps a rule is about.
enum class rule_target : std::uint8_t {
  reminder_notice,   ///< steps that send a reminder (send_reminder)
  warning_notice,    ///< steps that send a collection warning
  fee_notice,        ///< steps charging a reminder or collection fee
  second_fee_notice, ///< fee-bearing steps after an earlier fee-bearing step
  reminder_fee,      ///< steps charging a reminder fee
  compensation_fee,  ///< steps charging the fixed compensation
  handover,          ///< the hand-over step
};

inline constexpr std::uint8_t b2b = 1u << 0;
inline constexpr std::uint8_t b2c = 1u << 1;
inline constexpr std::uint8_t both = b2b | b2c;

struct legal_rule {
  jurisdiction where = jurisdiction::eu;
  std::uint8_t segments = both;
  rule_kind kind = rule_kind::fee_not_before;
  rule_target target = rule_target::fee_notice;
  std::int32_t value = 0;
  const char* rule = "";
  const char* source = "";
  bool uncertain = false;
};

/// Every timing/count rule, per jurisdiction.
[[nodiscard]] std::span<const legal_rule> timing_rules() noexcept;

/// One fee cap, in force for claims falling due from `from`.
struct fee_cap_row {
  jurisdiction where = jurisdiction::eu;
  std::uint8_t segments = both;
  fee_kind kind = fee_kind::reminder;
  currency in{};
  std::int64_t minor = 0;
  date from{};
  const char* rule = "";
  const char* source = "";
  bool uncertain = false;
};

[[nodiscard]] std::span<const fee_cap_row> fee_caps();

/// The cap row in force for a claim due on `due` (the latest row with from <= due; the first
/// row for older claims), or nullptr when the law sets no cap for this kind/segment.
[[nodiscard]] const fee_cap_row* cap_row(jurisdiction j, segment s, fee_kind kind, date due);

/// The run-time floors the law puts under step `k` of `p` for segment `s` (day offsets).
[[nodiscard]] legal_floor floors_for(const policy& p, std::size_t k, segment s);

/// The most fee-bearing reminders/warnings the law allows in `j` for `s` (-1: no limit).
[[nodiscard]] std::int16_t max_fee_notices(jurisdiction j, segment s);

/// True when a reminder fee in `j` needs the debtor's prior agreement.
[[nodiscard]] bool fee_needs_agreement(jurisdiction j);

/// The fee kind of a step (explicit, or derived from its commands).
[[nodiscard]] fee_kind kind_of(const policy_step& st);
/// True when the step sends the customer a notice that times later steps.
[[nodiscard]] bool is_notice(const policy_step& st);
[[nodiscard]] bool has_command(const policy_step& st, command_kind k);

}  // namespace kreditor::dunning::detail

#endif  // KREDITOR_SRC_DUNNING_LEGAL_RULES_HPP
