#include "kreditor/exposure/alerts.hpp"

#include <algorithm>
#include <string>

#include "kreditor/exposure/credit_limit.hpp"

KREDITOR_NAMESPACE_BEGIN

std::string_view to_string(alert_kind k) noexcept {
  switch (k) {
    case alert_kind::limit_utilisation: return "limit_utilisation";
    case alert_kind::new_overdue: return "new_overdue";
    case alert_kind::worsening_payment: return "worsening_payment";
    case alert_kind::security_expiring: return "security_expiring";
  }
  return "unknown";
}

std::vector<alert> monitor_account(const credit_account& account, const exposure& e,
                                   std::span<const receivable_item> open_items,
                                   std::span<const behaviour_period> trend, date previous_check,
                                   date as_of, const alert_thresholds& thresholds) {
  if (previous_check > as_of)
    throw error(errc::invalid_argument, "monitor_account: previous check " +
                                            to_string(previous_check) + " is after " +
                                            to_string(as_of));
  const currency ccy = e.total.currency();
  std::vector<alert> out;

  const limit_status limit = limit_for(account, ccy, as_of);
  if (limit.state == limit_state::active &&
      utilisation_at_least(e.total, limit.amount, thresholds.utilisation))
    out.push_back({.kind = alert_kind::limit_utilisation,
                   .amount = e.total,
                   .value = utilisation_percent(e.total, limit.amount, 2, rounding::half_up)});

  // Not overdue at the previous check (due >= previous_check), overdue now (due < as_of).
  alert fresh{.kind = alert_kind::new_overdue, .amount = money::zero(ccy)};
  for (const receivable_item& it : open_items) {
    if (it.open_amount.currency() != ccy)
      throw error(errc::currency_mismatch, "monitor_account: an open item in " +
                                               std::string(it.open_amount.currency().code()));
    if (it.open_amount.is_positive() && it.due >= previous_check && it.due < as_of) {
      fresh.amount += it.open_amount;
      ++fresh.count;
    }
  }
  if (fresh.count > 0) out.push_back(fresh);

  if (worsening(trend, thresholds.worsening_tolerance_days)) {
    const decimal last = *trend[trend.size() - 1].average_days_late;
    const decimal previous = *trend[trend.size() - 2].average_days_late;
    const int scale = std::max(last.scale(), previous.scale());
    const decimal rise(last.rescale(scale, rounding::down).mantissa() -
                           previous.rescale(scale, rounding::down).mantissa(),
                       scale);
    out.push_back({.kind = alert_kind::worsening_payment, .amount = money::zero(ccy), .value = rise});
  }

  for (const security_item& s : securities_expiring(account, as_of, thresholds.security_notice_days))
    out.push_back({.kind = alert_kind::security_expiring,
                   .amount = s.amount,
                   .days = static_cast<std::int32_t>((*s.expires - as_of).days())});
  return out;
}

KREDITOR_NAMESPACE_END
