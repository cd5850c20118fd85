#include "kreditor/charges/fees.hpp"

#include <string>

KREDITOR_NAMESPACE_BEGIN

fee_amount fee_amount::fixed(money amount) {
  if (amount.is_negative()) throw error(errc::invalid_argument, "fee_amount: negative fee " + to_string(amount));
  fee_amount f;
  f.type_ = type::fixed;
  f.fixed_ = amount;
  return f;
}

fee_amount fee_amount::percentage(rate share, std::optional<money> minimum, std::optional<money> maximum,
                                  rounding mode) {
  if (share < rate{}) throw error(errc::invalid_argument, "fee_amount: negative percentage");
  if (minimum && maximum && *maximum < *minimum)
    throw error(errc::invalid_argument, "fee_amount: maximum below minimum");
  fee_amount f;
  f.type_ = type::percentage;
  f.share_ = share;
  f.min_ = minimum;
  f.max_ = maximum;
  f.mode_ = mode;
  return f;
}

fee_amount fee_amount::tiered(std::vector<fee_tier> tiers) {
  if (tiers.empty() || tiers.back().up_to)
    throw error(errc::invalid_argument, "fee_amount: tiers need a last tier without up_to");
  for (std::size_t i = 0; i < tiers.size(); ++i) {
    if (tiers[i].amount.is_negative()) throw error(errc::invalid_argument, "fee_amount: negative tier amount");
    if (i + 1 < tiers.size() && !tiers[i].up_to)
      throw error(errc::invalid_argument, "fee_amount: only the last tier may omit up_to");
    if (i > 0 && i + 1 < tiers.size() && *tiers[i].up_to <= *tiers[i - 1].up_to)
      throw error(errc::invalid_argument, "fee_amount: tiers must rise");
  }
  fee_amount f;
  f.type_ = type::tiered;
  f.tiers_ = std::move(tiers);
  return f;
}

money fee_amount::for_principal(money principal) const {
  switch (type_) {
    case type::fixed: return fixed_;
    case type::percentage: {
      money m = multiply(principal, share_, mode_);
      if (min_) m = max(m, *min_);
      if (max_) m = min(m, *max_);
      return m;
    }
    case type::tiered:
      for (const auto& t : tiers_)
        if (!t.up_to || principal <= *t.up_to) return t.amount;
  }
  throw error(errc::internal, "fee_amount: no tier");
}

std::optional<money> fee_amount::maximum() const {
  switch (type_) {
    case type::fixed: return fixed_;
    case type::percentage: return max_;
    case type::tiered: {
      money m = tiers_.front().amount;
      for (const auto& t : tiers_) m = max(m, t.amount);
      return m;
    }
  }
  return std::nullopt;
}

std::optional<violation> check_fee(const fee_rule& fee, const legal_rules& rules, const step_context& step) {
  const legal_fee_rule* rule = rules.find(fee.kind);
  const std::string where = std::string(to_string(rules.where)) + " " + std::string(to_string(rules.debtor)) +
                            " on " + to_string(rules.as_of);
  if (rule == nullptr)
    return violation{std::string(to_string(rules.where)) + ".no_legal_basis." + std::string(to_string(fee.kind)),
                     "fee_rules.json",
                     "no statutory rule allows a " + std::string(to_string(fee.kind)) + " fee for " + where,
                     false};
  const auto broken = [&](std::string message) {
    return violation{rule->id, rule->source, rule->id + ": " + message + " (" + where + "; " + rule->law + ")",
                     rule->uncertain};
  };

  const std::optional<money> cap = rule->caps.empty() ? std::nullopt : std::optional<money>(rule->caps.front().cap);
  if (cap) {
    if (step.principal.currency() != cap->currency())
      return broken("the claim is in " + std::string(step.principal.currency().code()) + ", the law's cap in " +
                    std::string(cap->currency().code()) + "; convert the fee first");
    const money limit = *rule->cap_for(step.principal);
    const money charged = fee.amount.for_principal(step.principal);
    if (charged.currency() != limit.currency())
      return broken("the fee is in " + std::string(charged.currency().code()) + ", the cap in " +
                    std::string(limit.currency().code()));
    if (charged > limit)
      return broken("fee " + to_string(charged) + " " + std::string(charged.currency().code()) + " exceeds the cap " +
                    to_string(limit) + " for a claim of " + to_string(step.principal));
    // A percentage without its own maximum can exceed a flat cap on a larger claim.
    if (fee.amount.kind() == fee_amount::type::percentage && !fee.amount.maximum())
      return broken("a percentage fee without a maximum can exceed the cap " + to_string(*rule->max_cap()));
  }
  if (step.days_after_due < rule->min_days_after_due)
    return broken("a fee-bearing notice " + std::to_string(step.days_after_due) +
                  " days after the due date; the law requires at least " + std::to_string(rule->min_days_after_due));
  if (step.deadline_days < rule->min_deadline_days)
    return broken("a deadline of " + std::to_string(step.deadline_days) + " days; the law requires at least " +
                  std::to_string(rule->min_deadline_days));
  if (rule->min_days_between > 0 && step.days_since_previous_fee_notice &&
      *step.days_since_previous_fee_notice < rule->min_days_between)
    return broken(std::to_string(*step.days_since_previous_fee_notice) +
                  " days after the previous fee-bearing notice; the law requires at least " +
                  std::to_string(rule->min_days_between));
  if (rule->max_count && step.previous_fee_notices >= *rule->max_count)
    return broken("fee-bearing notice number " + std::to_string(step.previous_fee_notices + 1) + " in group " +
                  rule->count_group + "; the law allows at most " + std::to_string(*rule->max_count));
  if (rule->needs_agreement && !step.agreed_in_advance)
    return broken("this fee may only be charged if agreed no later than when the debt arose");
  return std::nullopt;
}

std::optional<violation> check_fee(const fee_rule& fee, jurisdiction j, segment s, date as_of,
                                   const step_context& step) {
  return check_fee(fee, rules_for(j, s, as_of).value(), step);
}

void require_lawful(const fee_rule& fee, const legal_rules& rules, const step_context& step) {
  if (auto v = check_fee(fee, rules, step))
    throw error(errc::legal_violation, v->message + " (source: " + v->source + ")");
}

KREDITOR_NAMESPACE_END
