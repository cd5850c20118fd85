#include "kreditor/exposure/credit_account.hpp"

#include <string>

KREDITOR_NAMESPACE_BEGIN

std::string_view to_string(security_kind kind) noexcept {
  switch (kind) {
    case security_kind::guarantee: return "guarantee";
    case security_kind::pledge: return "pledge";
    case security_kind::credit_insurance: return "credit_insurance";
  }
  return "unknown";
}

result<security_kind> parse_security_kind(std::string_view text) {
  for (const security_kind k : {security_kind::guarantee, security_kind::pledge, security_kind::credit_insurance})
    if (to_string(k) == text) return k;
  return failure{errc::invalid_argument,
                 "'" + std::string(text) + "' is not guarantee, pledge or credit_insurance"};
}

std::string_view to_string(limit_state s) noexcept {
  switch (s) {
    case limit_state::none: return "none";
    case limit_state::active: return "active";
    case limit_state::expired: return "expired";
  }
  return "unknown";
}

namespace {

void require_not_negative(money m, const std::string& who, const std::string& what) {
  if (m.is_negative())
    throw error(errc::invalid_argument, who + ": " + what + " '" + to_string(m) + " " +
                                            std::string(m.currency().code()) + "' is negative");
}

// Valid through its expiry date: a limit expiring 2024-06-30 still holds on that day.
limit_status status_of(money amount, const std::optional<date>& expires, date as_of) {
  if (amount.is_zero()) return {limit_state::none, amount, expires};
  if (expires && *expires < as_of) return {limit_state::expired, amount, expires};
  return {limit_state::active, amount, expires};
}

}  // namespace

limit_status limit_for(const credit_account& account, currency ccy, date as_of) {
  const credit_limit_line* found = nullptr;
  for (const credit_limit_line& line : account.limits) {
    if (line.amount.currency() != ccy) continue;
    if (found != nullptr)
      throw error(errc::conflict, "limit_for: customer '" + account.customer_id +
                                      "' has two limits in " + std::string(ccy.code()));
    require_not_negative(line.amount, "limit_for: customer '" + account.customer_id + "'",
                         "credit limit");
    found = &line;
  }
  if (found == nullptr) return {limit_state::none, money::zero(ccy), std::nullopt};
  return status_of(found->amount, found->expires, as_of);
}

limit_status group_limit_for(const credit_account& account, currency ccy, date as_of) {
  if (!account.group) return {limit_state::none, money::zero(ccy), std::nullopt};
  const group_limit& g = *account.group;
  if (g.amount.currency() != ccy)
    throw error(errc::currency_mismatch, "group_limit_for: group '" + g.group_id + "' limit is in " +
                                             std::string(g.amount.currency().code()) + ", not " +
                                             std::string(ccy.code()));
  require_not_negative(g.amount, "group_limit_for: group '" + g.group_id + "'", "limit");
  return status_of(g.amount, g.expires, as_of);
}

money security_available(const credit_account& account, currency ccy, date as_of) {
  money sum = money::zero(ccy);
  for (const security_item& s : account.securities) {
    if (s.amount.currency() != ccy) continue;
    require_not_negative(s.amount, "security_available: customer '" + account.customer_id + "'",
                         std::string(to_string(s.kind)));
    if (s.expires && *s.expires < as_of) continue;  // expired security covers nothing
    sum += s.amount;
  }
  return sum;
}

money set_off_available(const credit_account& account, currency ccy) {
  money sum = money::zero(ccy);
  for (const money owed : account.owed_to_customer) {
    if (owed.currency() != ccy) continue;
    require_not_negative(owed, "set_off_available: customer '" + account.customer_id + "'",
                         "amount owed");
    sum += owed;
  }
  return sum;
}

std::vector<security_item> securities_expiring(const credit_account& account, date as_of,
                                               std::int32_t within_days) {
  if (within_days < 0)
    throw error(errc::invalid_argument,
                "securities_expiring: within_days '" + std::to_string(within_days) + "' is negative");
  std::vector<security_item> out;
  const date horizon = as_of + days(within_days);
  for (const security_item& s : account.securities)
    if (s.expires && *s.expires >= as_of && *s.expires <= horizon) out.push_back(s);
  return out;
}

KREDITOR_NAMESPACE_END
