#include "kreditor/exposure/order_release.hpp"

#include <algorithm>
#include <string>

#include "kreditor/exposure/credit_limit.hpp"

KREDITOR_NAMESPACE_BEGIN

std::string_view to_string(release_decision d) noexcept {
  switch (d) {
    case release_decision::approve: return "approve";
    case release_decision::approve_with_conditions: return "approve_with_conditions";
    case release_decision::require_prepayment: return "require_prepayment";
    case release_decision::hold: return "hold";
  }
  return "unknown";
}

std::string_view to_string(release_reason r) noexcept {
  switch (r) {
    case release_reason::over_limit: return "over_limit";
    case release_reason::group_over_limit: return "group_over_limit";
    case release_reason::overdue: return "overdue";
    case release_reason::on_hold: return "on_hold";
    case release_reason::cash_terms: return "cash_terms";
    case release_reason::in_collection: return "in_collection";
    case release_reason::limit_expired: return "limit_expired";
    case release_reason::group_limit_expired: return "group_limit_expired";
    case release_reason::no_limit: return "no_limit";
  }
  return "unknown";
}

std::string_view to_string(condition_kind k) noexcept {
  switch (k) {
    case condition_kind::prepay: return "prepay";
    case condition_kind::pay_down_overdue: return "pay_down_overdue";
  }
  return "unknown";
}

namespace {

// Collects findings and the strictest decision they force.
struct assessment {
  release_outcome out;
  money prepay;  // the largest part of the order to prepay (over-limit findings)

  void add(release_reason r, release_decision forces, money amount, std::int32_t days = 0) {
    out.reasons.push_back({r, amount, days});
    out.assessed = std::max(out.assessed, forces);
  }
};

std::int32_t days_between(date from, date to) {
  return static_cast<std::int32_t>((to - from).days());
}

// Over a limit by `over` (> 0): prepay that part if the rest of the order fits under the
// limit, otherwise the whole order must be prepaid.
void check_limit(assessment& a, release_reason reason, money over, money order) {
  if (!over.is_positive()) return;
  if (over >= order) {
    a.add(reason, release_decision::require_prepayment, over);
  } else {
    a.add(reason, release_decision::approve_with_conditions, over);
    a.prepay = max(a.prepay, over);
  }
}

}  // namespace

money limit_excess(const credit_account& account, const exposure& e, date as_of,
                   std::optional<money> order) {
  const currency ccy = e.total.currency();
  const money zero = money::zero(ccy);
  const limit_status limit = limit_for(account, ccy, as_of);
  if (limit.state != limit_state::active) return zero;
  return max(-headroom(limit.amount, e.total, order.value_or(zero)), zero);
}

release_outcome decide_order_release(const credit_account& account, const exposure& e,
                                     money order_amount, const release_policy& policy,
                                     date as_of, const std::optional<bypass_request>& bypass,
                                     std::optional<money> group_exposure) {
  const currency ccy = order_amount.currency();
  const std::string who = "decide_order_release: customer '" + account.customer_id + "'";
  if (!order_amount.is_positive())
    throw error(errc::invalid_argument,
                who + ": order amount '" + to_string(order_amount) + "' is not positive");
  if (e.total.currency() != ccy)
    throw error(errc::currency_mismatch, who + ": order in " + std::string(ccy.code()) +
                                             ", exposure in " +
                                             std::string(e.total.currency().code()));
  if (bypass && bypass->reason.empty())
    throw error(errc::invalid_argument, who + ": a bypass needs a reason");
  if (account.group && !group_exposure)
    throw error(errc::invalid_argument, who + ": belongs to group '" + account.group->group_id +
                                            "', whose exposure was not given");

  assessment a{{}, money::zero(ccy)};
  const money zero = money::zero(ccy);

  // Flags first: they stop credit whatever the numbers say.
  if (account.flags.on_hold) a.add(release_reason::on_hold, release_decision::hold, zero);

  const limit_status limit = limit_for(account, ccy, as_of);
  if (limit.state == limit_state::expired)
    a.add(release_reason::limit_expired, release_decision::hold, limit.amount,
          days_between(*limit.expires, as_of));
  if (account.flags.in_collection)
    a.add(release_reason::in_collection, release_decision::require_prepayment, zero);
  if (account.flags.cash_only)
    a.add(release_reason::cash_terms, release_decision::require_prepayment, zero);
  if (limit.state == limit_state::none)
    a.add(release_reason::no_limit, release_decision::require_prepayment, zero);

  // The numbers: the customer's own limit, then the group's.
  check_limit(a, release_reason::over_limit, limit_excess(account, e, as_of, order_amount), order_amount);
  a.out.headroom = headroom(limit.state == limit_state::active ? limit.amount : zero, e.total, order_amount);

  if (account.group) {
    const limit_status g = group_limit_for(account, ccy, as_of);
    if (g.state == limit_state::expired)
      a.add(release_reason::group_limit_expired, release_decision::hold, g.amount,
            days_between(*g.expires, as_of));
    else if (g.state == limit_state::active)
      check_limit(a, release_reason::group_over_limit,
                  -headroom(g.amount, *group_exposure, order_amount), order_amount);
  }

  if (e.max_days_past_due > policy.overdue_grace_days)
    a.add(release_reason::overdue, release_decision::approve_with_conditions,
          e.receivables_overdue, e.max_days_past_due);

  // Conditions: what it takes to ship.
  release_outcome& out = a.out;
  if (out.assessed == release_decision::require_prepayment) {
    out.conditions.push_back({condition_kind::prepay, order_amount});
  } else if (out.assessed == release_decision::approve_with_conditions) {
    if (a.prepay.is_positive()) out.conditions.push_back({condition_kind::prepay, a.prepay});
    if (out.has(release_reason::overdue))
      out.conditions.push_back({condition_kind::pay_down_overdue, e.receivables_overdue});
  }

  out.decision = out.assessed;
  if (bypass) {
    if (policy.mode == enforcement::soft) {
      out.bypass = bypass_record{bypass->by, bypass->reason, as_of, out.assessed};
      out.decision = release_decision::approve;
    } else {
      out.bypass_refused = true;
    }
  }
  return out;
}

KREDITOR_NAMESPACE_END
