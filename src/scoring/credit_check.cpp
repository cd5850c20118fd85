// Credit checks, re-check policy and alerts. See kreditor/scoring/credit_check.hpp.
#include "kreditor/scoring/credit_check.hpp"

#include <string>

#include "kreditor/core/errc.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace scoring {
using kreditor::to_string;  // dates and money: hidden by scoring's own to_string overloads
namespace {
struct status_row {
  registered_status status;
  const char* name;
};
constexpr status_row status_names[] = {{registered_status::active, "active"},
                                       {registered_status::dissolved, "dissolved"},
                                       {registered_status::bankrupt, "bankrupt"},
                                       {registered_status::liquidation, "liquidation"},
                                       {registered_status::unknown, "unknown"}};
}  // namespace

std::string_view to_string(registered_status s) noexcept {
  for (const auto& r : status_names)
    if (r.status == s) return r.name;
  return "unknown";
}

result<registered_status> parse_registered_status(std::string_view text) {
  for (const auto& r : status_names)
    if (text == r.name) return r.status;
  return failure{errc::invalid_argument, "credit check: unknown status '" + std::string(text) +
                                             "' (active, dissolved, bankrupt, liquidation, unknown)"};
}

std::string_view to_string(check_alert_kind k) noexcept {
  switch (k) {
    case check_alert_kind::never_checked: return "never_checked";
    case check_alert_kind::stale: return "stale";
    case check_alert_kind::score_dropped: return "score_dropped";
    case check_alert_kind::new_payment_remarks: return "new_payment_remarks";
    case check_alert_kind::status_changed: return "status_changed";
  }
  return "unknown";
}

void validate(const credit_check& c) {
  if (c.customer_id.empty()) throw error(errc::invalid_argument, "credit check: customer_id is empty");
  if (c.checked_on.is_special()) throw error(errc::invalid_argument, "credit check of " + c.customer_id + ": no date");
  if (c.score && (*c.score < 0 || *c.score > 100))
    throw error(errc::invalid_argument, "credit check of " + c.customer_id + ": score must be in 0..100");
  if (c.payment_remarks < 0)
    throw error(errc::invalid_argument, "credit check of " + c.customer_id + ": payment_remarks must be >= 0");
}

const credit_check* latest_check(const std::vector<credit_check>& history) noexcept {
  const credit_check* best = nullptr;
  for (const auto& c : history)
    if (best == nullptr || !(c.checked_on < best->checked_on)) best = &c;
  return best;
}

std::vector<check_alert> check_alerts(const std::vector<credit_check>& history, date as_of, std::string_view grade,
                                      const recheck_policy& p) {
  std::vector<check_alert> out;
  const credit_check* last = latest_check(history);
  if (last == nullptr) {
    out.push_back({check_alert_kind::never_checked, "no credit check on file"});
    return out;
  }
  const auto it = p.max_age_days.find(std::string(grade));
  const int max_age = it == p.max_age_days.end() ? p.default_max_age_days : it->second;
  const auto age = (as_of - last->checked_on).days();
  if (age > max_age)
    out.push_back({check_alert_kind::stale, "credit check of " + to_string(last->checked_on) + " is " +
                                                std::to_string(age) + " days old (grade " +
                                                (grade.empty() ? std::string("unrated") : std::string(grade)) +
                                                ": re-check every " + std::to_string(max_age) + " days)"});
  // The previous check: the latest one before `last`.
  const credit_check* prev = nullptr;
  for (const auto& c : history)
    if (&c != last && !(last->checked_on < c.checked_on) && (prev == nullptr || !(c.checked_on < prev->checked_on)))
      prev = &c;
  if (prev != nullptr) {
    if (prev->score && last->score && *prev->score - *last->score >= p.score_drop_alert)
      out.push_back({check_alert_kind::score_dropped, "bureau score fell from " + std::to_string(*prev->score) +
                                                          " to " + std::to_string(*last->score)});
    if (last->payment_remarks > prev->payment_remarks)
      out.push_back({check_alert_kind::new_payment_remarks,
                     "payment remarks rose from " + std::to_string(prev->payment_remarks) + " to " +
                         std::to_string(last->payment_remarks)});
  }
  if (last->status != registered_status::active && last->status != registered_status::unknown)
    out.push_back({check_alert_kind::status_changed, "registered status is " + std::string(to_string(last->status))});
  return out;
}

}  // namespace scoring
KREDITOR_NAMESPACE_END
