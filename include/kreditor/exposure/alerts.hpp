// -----------------------------------------------------------------------------
// File: kreditor/exposure/alerts.hpp
// -----------------------------------------------------------------------------
//
// Daily receivables monitoring: the alerts a credit controller wants to see for one
// customer as of a date. Values, not side effects: the caller decides whom to tell.
//
//   limit utilisation above a threshold   (the limit is nearly used up)
//   new overdue                           (items that fell due since the previous check)
//   worsening payment behaviour           (average days late rising, see dso.hpp)
//   security expiring                     (a guarantee or cover to renew soon)
//
//   std::vector<alert> a = monitor_account(account, e, open_items, trend,
//                                          /*previous_check=*/yesterday, today, {});
#ifndef KREDITOR_EXPOSURE_ALERTS_HPP
#define KREDITOR_EXPOSURE_ALERTS_HPP

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "kreditor/core/decimal.hpp"
#include "kreditor/core/money.hpp"
#include "kreditor/core/rate.hpp"
#include "kreditor/exposure/credit_account.hpp"
#include "kreditor/exposure/dso.hpp"
#include "kreditor/exposure/exposure.hpp"
#include "kreditor/exposure/receivable.hpp"
#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN

/// What a monitoring run can find on an account.
enum class alert_kind : std::uint8_t {
  limit_utilisation,   ///< net exposure >= threshold x limit; value = utilisation in percent
  new_overdue,         ///< items due in [previous_check, as_of) still open; amount, count
  worsening_payment,   ///< average days late rose by more than the tolerance; value = the rise
  security_expiring,   ///< a security expires within the notice days; amount, days until expiry
};

/// "limit_utilisation", "new_overdue", "worsening_payment", "security_expiring".
[[nodiscard]] std::string_view to_string(alert_kind k) noexcept;

/// One finding of monitor_account.
struct alert {
  alert_kind kind = alert_kind::limit_utilisation;  ///< what was found
  money amount{};          ///< the amount concerned (exposure, newly overdue, security)
  std::int32_t days = 0;   ///< security_expiring: days until expiry
  std::int32_t count = 0;  ///< new_overdue: number of items
  decimal value{};         ///< limit_utilisation: percent (2 places); worsening: rise in days
  /// Memberwise equality.
  friend bool operator==(const alert&, const alert&) = default;
};

/// When monitor_account raises an alert.
struct alert_thresholds {
  rate utilisation = rate::percent(80);           ///< alert at or above this share of the limit
  std::int32_t security_notice_days = 30;         ///< alert this many days before expiry
  decimal worsening_tolerance_days = decimal(5, 0);  ///< rise in average days late tolerated
  /// Memberwise equality.
  friend bool operator==(const alert_thresholds&, const alert_thresholds&) = default;
};

/// The alerts for one account in the exposure's currency as of `as_of`, in the order of
/// alert_kind. `open_items` are the account's open items as of `as_of` (for new overdue);
/// `previous_check` is the date of the previous monitoring run (items already overdue then
/// are not new). Utilisation is checked only against an active limit.
/// \throws error(invalid_argument) if previous_check > as_of; errors of the functions used.
[[nodiscard]] std::vector<alert> monitor_account(const credit_account& account, const exposure& e,
                                                 std::span<const receivable_item> open_items,
                                                 std::span<const behaviour_period> trend,
                                                 date previous_check, date as_of,
                                                 const alert_thresholds& thresholds);

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_EXPOSURE_ALERTS_HPP
