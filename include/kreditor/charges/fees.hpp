// -----------------------------------------------------------------------------
// File: kreditor/charges/fees.hpp
// -----------------------------------------------------------------------------
//
// Dunning fees: what a policy wants to charge at a step (fixed, a percentage of the
// balance, or tiered by amount) and the check against the law (jurisdiction/
// fee_rules.hpp). A fee that would exceed a cap or break a condition is an ERROR
// when a policy is built — never silently capped or applied.
//
//   const fee_rule purring{.kind = legal_fee_kind::reminder, .amount = fee_amount::fixed(money(7'000, nok))};
//   const step_context step{.principal = money(500'000, nok), .days_after_due = 14, .deadline_days = 14};
//   auto v = check_fee(purring, jurisdiction::no, segment::b2c, make_date(2025, 3, 1), step);
//   // v->rule_id == "NO.purregebyr": 70 NOK exceeds the 35 NOK cap (1/20 of the inkassosats)
//   require_lawful(purring, rules, step);   // throws error(errc::legal_violation, "NO.purregebyr: ...")
#ifndef KREDITOR_CHARGES_FEES_HPP
#define KREDITOR_CHARGES_FEES_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "kreditor/core/jurisdiction.hpp"
#include "kreditor/core/money.hpp"
#include "kreditor/core/rate.hpp"
#include "kreditor/core/rounding.hpp"
#include "kreditor/jurisdiction/fee_rules.hpp"
#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN

/// One tier of a tiered fee: `amount` for principals up to and including `up_to` (none: the rest).
struct fee_tier {
  std::optional<money> up_to{};  ///< the largest principal of the tier; none: every larger principal
  money amount{};  ///< the fee for principals in the tier
  /// Memberwise equality.
  friend bool operator==(const fee_tier&, const fee_tier&) = default;
};

/// How much a fee is. Build with the named constructors.
class fee_amount {
 public:
  /// Which named constructor built the amount.
  enum class type : std::uint8_t {
    fixed,       ///< fixed()
    percentage,  ///< percentage()
    tiered,      ///< tiered()
  };

  /// A fixed amount.
  [[nodiscard]] static fee_amount fixed(money amount);
  /// `share` of the open principal, rounded with `mode`, within [minimum, maximum] when given
  /// (both in the principal's currency).
  [[nodiscard]] static fee_amount percentage(rate share, std::optional<money> minimum = std::nullopt,
                                             std::optional<money> maximum = std::nullopt,
                                             rounding mode = rounding::half_up);
  /// By principal band: tiers rising by up_to, the last without. \throws error(invalid_argument).
  [[nodiscard]] static fee_amount tiered(std::vector<fee_tier> tiers);

  /// The fee for a claim of `principal`. \throws error(currency_mismatch) when the fee's
  /// currency differs from the principal's.
  [[nodiscard]] money for_principal(money principal) const;
  /// The largest fee any principal can give; nullopt for an uncapped percentage.
  [[nodiscard]] std::optional<money> maximum() const;

  /// Which kind of amount this is.
  [[nodiscard]] type kind() const noexcept { return type_; }

 private:
  type type_ = type::fixed;
  money fixed_{};
  rate share_{};
  std::optional<money> min_{}, max_{};
  rounding mode_ = rounding::half_up;
  std::vector<fee_tier> tiers_{};
};

/// A fee a dunning policy charges at one step.
struct fee_rule {
  legal_fee_kind kind = legal_fee_kind::reminder;  ///< which fee, for the legal cap it must keep
  fee_amount amount = fee_amount::fixed(money{});  ///< how much
};

/// Where in the dunning the fee would be charged. Policy builders fill in the step's planned
/// offsets; at run time the actual ones.
struct step_context {
  money principal{};                ///< the claim the fee is charged on
  int days_after_due = 0;           ///< the notice is sent this many days after the due date
  int deadline_days = 0;            ///< the payment deadline the notice gives
  int previous_fee_notices = 0;     ///< fee-bearing notices already sent in the rule's count_group
  std::optional<int> days_since_previous_fee_notice{};  ///< none for the first
  bool agreed_in_advance = false;   ///< the fee was agreed no later than when the debt arose
};

/// Why a fee is not lawful: the rule it breaks and where that rule comes from.
struct violation {
  std::string rule_id;   ///< "NO.purregebyr"; "<JJ>.no_legal_basis.<kind>" when no rule allows it
  std::string source;    ///< the rule's source
  std::string message;   ///< what is wrong, with the numbers
  bool uncertain = false;  ///< the rule is flagged uncertain in the data
  /// Memberwise equality.
  friend bool operator==(const violation&, const violation&) = default;
};

/// The first condition `fee` breaks under `rules` at `step`, or nullopt when it is lawful:
/// no rule for the kind or segment (no legal basis), a different currency, an amount above the
/// cap for step.principal (or an uncapped percentage where the law caps), too early after the
/// due date, too short a deadline, too soon after the previous fee notice, one fee notice too
/// many, or no prior agreement where the law needs one.
[[nodiscard]] std::optional<violation> check_fee(const fee_rule& fee, const legal_rules& rules,
                                                 const step_context& step);
/// The same against the shipped rules for (j, s) on `as_of`.
/// \throws error when the shipped data cannot be read (a build problem, not a violation).
[[nodiscard]] std::optional<violation> check_fee(const fee_rule& fee, jurisdiction j, segment s,
                                                 date as_of, const step_context& step);

/// check_fee, throwing error(errc::legal_violation, "<rule_id>: <message> (source: ...)").
/// For policy builders: an unlawful fee is an error, never silently applied.
void require_lawful(const fee_rule& fee, const legal_rules& rules, const step_context& step);

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_CHARGES_FEES_HPP
