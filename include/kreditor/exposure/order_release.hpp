// -----------------------------------------------------------------------------
// File: kreditor/exposure/order_release.hpp
// -----------------------------------------------------------------------------
//
// "May we ship this order on credit?" The answer is a value, not an error: a decision
// (approve, approve with conditions, hold, require prepayment), the machine-readable
// reasons behind it (over the limit by X, overdue beyond N days, on hold, cash terms,
// in collection, limit expired, no limit), the conditions to meet (prepay part of the
// order, pay down overdue debt first) and, in soft mode, a recorded bypass for the audit.
//
//   release_outcome r = decide_order_release(account, e, money(12'000'00, nok),
//                                            release_policy{.overdue_grace_days = 14}, as_of);
//   if (r.decision == release_decision::approve_with_conditions) ... r.conditions ...
//   for (const release_finding& f : r.reasons) log(to_string(f.reason), f.amount, f.days);
//
// The rules, each finding mapped to the decision it forces (the strictest one wins:
// approve < approve_with_conditions < require_prepayment < hold):
//
//   account on hold                          -> hold                 (on_hold)
//   limit (or group limit) past its expiry   -> hold                 (limit_expired, a review is due)
//   debt handed to collection                -> require_prepayment   (in_collection)
//   cash terms (after a broken promise)      -> require_prepayment   (cash_terms)
//   no limit in the order's currency         -> require_prepayment   (no_limit)
//   over the (group) limit by X >= the order -> require_prepayment   (over_limit / group_over_limit)
//   over the (group) limit by X <  the order -> approve_with_conditions: prepay X
//   oldest overdue item > grace days         -> approve_with_conditions: pay down the overdue (overdue)
//   none of these                            -> approve
#ifndef KREDITOR_EXPOSURE_ORDER_RELEASE_HPP
#define KREDITOR_EXPOSURE_ORDER_RELEASE_HPP

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kreditor/core/money.hpp"
#include "kreditor/exposure/credit_account.hpp"
#include "kreditor/exposure/exposure.hpp"
#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN

/// What to do with a new order; ordered from most to least permissive.
enum class release_decision : std::uint8_t {
  approve,                  ///< ship on the usual terms
  approve_with_conditions,  ///< ship once the conditions are met (prepay part, pay down debt)
  require_prepayment,       ///< ship only against full prepayment
  hold,                     ///< do not ship; a person must review the account
};

/// "approve", "approve_with_conditions", "require_prepayment", "hold".
[[nodiscard]] std::string_view to_string(release_decision d) noexcept;

/// Why: machine-readable reasons.
enum class release_reason : std::uint8_t {
  over_limit,        ///< exposure + order exceeds the limit; amount = by how much
  group_over_limit,  ///< the group's exposure + order exceeds the group limit; amount = by how much
  overdue,           ///< an item is more than grace days past due; days = the oldest, amount = overdue
  on_hold,           ///< the account is on hold
  cash_terms,        ///< the account is on cash terms (prepayment only), e.g. after a broken promise
  in_collection,     ///< the customer's debt is with a collection agency
  limit_expired,     ///< the credit limit passed its expiry date; days = days since
  group_limit_expired,  ///< the group limit passed its expiry date; days = days since
  no_limit,          ///< no credit limit (or a zero one) in the order's currency
};

/// "over_limit", "group_over_limit", "overdue", "on_hold", "cash_terms", "in_collection",
/// "limit_expired", "group_limit_expired", "no_limit".
[[nodiscard]] std::string_view to_string(release_reason r) noexcept;

/// One reason with its measure (zero / 0 where it has none).
struct release_finding {
  release_reason reason = release_reason::over_limit;  ///< why the order is held or needs approval
  money amount{};         ///< over_limit: by how much; overdue: the overdue receivables
  std::int32_t days = 0;  ///< overdue: days past due of the oldest item; *_expired: days since expiry
  /// Memberwise equality.
  friend bool operator==(const release_finding&, const release_finding&) = default;
};

/// What the customer must do before the order ships.
enum class condition_kind : std::uint8_t {
  prepay,            ///< pay `amount` of the order in advance
  pay_down_overdue,  ///< pay `amount` of overdue debt first
};

/// "prepay", "pay_down_overdue".
[[nodiscard]] std::string_view to_string(condition_kind k) noexcept;

/// A condition the customer must meet before the order ships.
struct release_condition {
  condition_kind kind = condition_kind::prepay;  ///< what to do
  money amount{};  ///< how much to pay
  /// Memberwise equality.
  friend bool operator==(const release_condition&, const release_condition&) = default;
};

/// Hard: the decision stands. Soft: the decision is advice; a recorded bypass releases the order.
enum class enforcement : std::uint8_t {
  hard,  ///< the decision stands
  soft,  ///< the decision is advice: a recorded bypass releases the order
};

/// How order release is enforced.
struct release_policy {
  enforcement mode = enforcement::hard;  ///< hard: the decision stands; soft: it is advice
  /// Overdue items up to this many days past due do not stop an order (payments in transit).
  std::int32_t overdue_grace_days = 0;
  /// Memberwise equality.
  friend bool operator==(const release_policy&, const release_policy&) = default;
};

/// A person's request to release an order despite the assessment: who and why.
struct bypass_request {
  std::string by{};      ///< user id
  std::string reason{};  ///< free text; must not be empty
  /// Memberwise equality.
  friend bool operator==(const bypass_request&, const bypass_request&) = default;
};

/// The audit record of an applied bypass.
struct bypass_record {
  std::string by{};      ///< user id of who bypassed
  std::string reason{};  ///< why (free text)
  date on{};  ///< the day it was applied
  release_decision overridden = release_decision::approve;  ///< the decision it overrode
  /// Memberwise equality.
  friend bool operator==(const bypass_record&, const bypass_record&) = default;
};

/// The decision on an order: approve, approve with conditions, or hold, with the reasons.
struct release_outcome {
  release_decision decision = release_decision::approve;  ///< final (after any bypass)
  release_decision assessed = release_decision::approve;  ///< from the rules alone
  std::vector<release_finding> reasons{};                 ///< in the order of the rules above
  std::vector<release_condition> conditions{};  ///< what the customer must do first
  money headroom{};  ///< limit - (exposure + order); with no active limit: -(exposure + order)
  std::optional<bypass_record> bypass{};  ///< set when a bypass was applied (soft mode)
  bool bypass_refused = false;            ///< a bypass was requested in hard mode

  /// Whether `r` is among the reasons.
  [[nodiscard]] bool has(release_reason r) const noexcept {
    for (const release_finding& f : reasons)
      if (f.reason == r) return true;
    return false;
  }
  /// Memberwise equality.
  friend bool operator==(const release_outcome&, const release_outcome&) = default;
};

/// How far `e.total` (+ `order`, if given) is over the account's limit in the exposure's
/// currency on `as_of`: zero when within it or when no limit is in force (none or expired:
/// those are findings of their own). The one measure behind the over_limit finding, and what
/// a report means by "over the limit" (no order: the net exposure alone).
/// \throws error(currency_mismatch) for an order in another currency, error(conflict) as limit_for.
[[nodiscard]] money limit_excess(const credit_account& account, const exposure& e, date as_of,
                                 std::optional<money> order = std::nullopt);

/// Decides on a new order of `order_amount` (positive, in the exposure's currency) for
/// `account` with exposure `e` (from compute_exposure, before this order) as of `as_of`.
/// `group_exposure` is the net exposure of all members of the account's group (this one
/// included) and is required when the account has a group limit. A bypass is applied only in
/// soft mode; in hard mode it is refused and recorded as such.
/// \throws error(invalid_argument) for a non-positive order, a bypass without a reason or a
/// missing group exposure; error(currency_mismatch) for amounts in different currencies.
[[nodiscard]] release_outcome decide_order_release(
    const credit_account& account, const exposure& e, money order_amount,
    const release_policy& policy, date as_of,
    const std::optional<bypass_request>& bypass = std::nullopt,
    std::optional<money> group_exposure = std::nullopt);

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_EXPOSURE_ORDER_RELEASE_HPP
