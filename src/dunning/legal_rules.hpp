// The dunning engine's door to the fee/deadline law (legal.md §2). Every number — caps, day
// minimums, maximum counts — and every source comes from the shared rule data
// (jurisdiction/fee_rules.hpp, src/data/fee_rules.json); this file only adds the dunning
// structure rules the fee data does not describe (the order of notices and deadlines).
#ifndef KREDITOR_SRC_DUNNING_LEGAL_RULES_HPP
#define KREDITOR_SRC_DUNNING_LEGAL_RULES_HPP

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "kreditor/core/jurisdiction.hpp"
#include "kreditor/core/money.hpp"
#include "kreditor/dunning/compiled_policy.hpp"
#include "kreditor/dunning/policy.hpp"
#include "kreditor/jurisdiction/fee_rules.hpp"
#include "kreditor/time/date.hpp"

// Opened through the versioned namespace, not as `namespace kreditor::dunning::detail`: clang 14
// takes that nested definition for a new kreditor::dunning outside the inline namespace v0,
// and every definition in src/dunning/ then fails to link against the headers' declarations.
KREDITOR_NAMESPACE_BEGIN
namespace dunning::detail {

/// The shipped fee rules, parsed once (immutable data, like a constant table).
/// \throws error when the shipped data cannot be read (a build problem).
[[nodiscard]] const std::vector<legal_fee_rule>& shipped_rules();

/// The date policies are checked at when no date is given: the latest effective_from in the
/// data, so a policy keeps the law in force for claims falling due from now on.
[[nodiscard]] date latest_law_date(const std::vector<legal_fee_rule>& all);

/// The statutory rule for a dunning fee kind: reminder -> reminder; collection -> the
/// collection notice (NO inkassovarsel), else the payment demand (SE inkassokrav, FI
/// maksuvaatimus), else the reminder (DK: a warning rykker is a rykker); compensation ->
/// fixed compensation. nullptr when the law gives none.
[[nodiscard]] const legal_fee_rule* law_for(const legal_rules& rules, fee_kind kind) noexcept;

/// The run-time floors the law puts under step `k` of `p` for segment `s` (day offsets).
[[nodiscard]] legal_floor floors_for(const policy& p, std::size_t k, segment s, const std::vector<legal_fee_rule>& all);

/// The most fee-bearing reminders/warnings the law allows in `j` for `s` (-1: no limit that
/// covers every non-compensation fee together).
[[nodiscard]] std::int16_t max_fee_notices(jurisdiction j, segment s, const std::vector<legal_fee_rule>& all);

/// The currency the law caps a statutory fee of `kind` in, for a claim due on `due`; nullopt
/// when the law gives no cap.
[[nodiscard]] std::optional<currency> statutory_cap_currency(jurisdiction j, segment s, fee_kind kind, date due,
                                                            const std::vector<legal_fee_rule>& all);

/// The days the invoice must have reached the debtor before the due date for a fee of `kind`
/// (the latest law; 0: no such rule).
[[nodiscard]] std::int32_t min_invoice_lead(jurisdiction j, segment s, fee_kind kind, const std::vector<legal_fee_rule>& all);

/// True when a step issues a written notice (a reminder or a collection warning).
[[nodiscard]] bool is_written(std::span<const command_kind> commands);

/// True when a reminder fee in `j` needs the debtor's prior agreement.
[[nodiscard]] bool fee_needs_agreement(jurisdiction j, const std::vector<legal_fee_rule>& all);

/// The fee kind of a step (explicit, or derived from its commands).
[[nodiscard]] fee_kind kind_of(const policy_step& st);
/// True when the step sends the customer a notice that times later steps.
[[nodiscard]] bool is_notice(const policy_step& st);
[[nodiscard]] bool has_command(const policy_step& st, command_kind k);

}  // namespace dunning::detail
KREDITOR_NAMESPACE_END

#endif  // KREDITOR_SRC_DUNNING_LEGAL_RULES_HPP
