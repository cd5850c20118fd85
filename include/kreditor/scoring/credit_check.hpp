// -----------------------------------------------------------------------------
// File: kreditor/scoring/credit_check.hpp
// -----------------------------------------------------------------------------
//
// Credit checks as data the host supplies (from a bureau report or a manual check): the bureau's
// score and rating, registered payment remarks (NO betalingsanmerkning, SE betalningsanmärkning,
// DK/FI: RKI, maksuhäiriö), the company register's status, and the date of the check. kreditor
// does not call bureaus. A re-check policy says how old a check may get per risk grade; alerts
// say when a check is missing, stale, or worse than the one before.
//
//   std::vector<check_alert> a = check_alerts(history, as_of, "C", recheck_policy{});
#ifndef KREDITOR_SCORING_CREDIT_CHECK_HPP
#define KREDITOR_SCORING_CREDIT_CHECK_HPP

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kreditor/core/result.hpp"
#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace scoring {

/// The company register's status of the customer.
enum class registered_status : std::uint8_t {
  active,
  dissolved,    ///< struck off / liquidated and deleted
  bankrupt,     ///< in bankruptcy (konkurs)
  liquidation,  ///< under voluntary or forced liquidation, or restructuring
  unknown,
};
/// "active", "dissolved", "bankrupt", "liquidation", "unknown" (the JSON's spelling).
[[nodiscard]] std::string_view to_string(registered_status s) noexcept;
/// The inverse of to_string; errc::invalid_argument naming the text otherwise.
[[nodiscard]] result<registered_status> parse_registered_status(std::string_view text);

/// One credit agency report on a customer.
struct credit_check {
  std::string customer_id{};  ///< the customer checked
  date checked_on{};  ///< the day of the report
  std::string bureau{};               ///< e.g. "Creditsafe", "Bisnode", "manual"
  std::optional<int> score{};         ///< 0..100, higher = safer (Creditsafe's scale); absent: none
  std::string rating{};               ///< the bureau's own rating text ("A", "AA", "3"), informational
  int payment_remarks = 0;            ///< number of registered payment remarks (>= 0)
  registered_status status = registered_status::active;  ///< the register's status on that day
  std::string note{};                 ///< free text
  /// Memberwise equality.
  friend bool operator==(const credit_check&, const credit_check&) = default;
};

/// Checks a check: score 0..100, payment_remarks >= 0, a date, a customer id.
/// \throws error(invalid_argument) naming the field.
void validate(const credit_check& c);

/// How often an existing customer is re-checked, per risk grade (days between checks), and
/// what counts as a worsening.
struct recheck_policy {
  /// Per grade: the most days allowed between checks.
  std::map<std::string, int> max_age_days{{"A", 365}, {"B", 365}, {"C", 180}, {"D", 90}, {"E", 90}};
  int default_max_age_days = 180;  ///< grades not in the map, and unrated customers
  int score_drop_alert = 10;       ///< alert when the score falls by at least this many points
  /// Memberwise equality.
  friend bool operator==(const recheck_policy&, const recheck_policy&) = default;
};

/// Why a customer's credit check needs attention.
enum class check_alert_kind : std::uint8_t {
  never_checked,      ///< no check on file
  stale,              ///< the latest check is older than the policy allows for the grade
  score_dropped,      ///< the score fell by >= score_drop_alert since the previous check
  new_payment_remarks,///< more payment remarks than at the previous check
  status_changed,     ///< the registered status is no longer active
};
/// "never_checked", "stale", "score_dropped", "new_payment_remarks", "status_changed".
[[nodiscard]] std::string_view to_string(check_alert_kind k) noexcept;

/// A finding of check_alerts().
struct check_alert {
  check_alert_kind kind;  ///< what was found
  std::string text;  ///< for people: "credit check of 2025-10-01 is 416 days old (grade C: 180)"
};

/// Alerts for one customer's checks (any order; the latest two by date are compared) as of a date.
[[nodiscard]] std::vector<check_alert> check_alerts(const std::vector<credit_check>& history, date as_of,
                                                    std::string_view grade, const recheck_policy& p);

/// The latest check (by date; the later one in the list on equal dates), or nullptr.
[[nodiscard]] const credit_check* latest_check(const std::vector<credit_check>& history) noexcept;

}  // namespace scoring
KREDITOR_NAMESPACE_END

#endif  // KREDITOR_SCORING_CREDIT_CHECK_HPP
