#include "kreditor/dunning/payment_plan.hpp"

#include <string>

#include "kreditor/charges/interest.hpp"

KREDITOR_NAMESPACE_BEGIN  // not `namespace kreditor::dunning`: clang 14 misplaces it outside v0
namespace dunning {

payment_plan make_payment_plan(const plan_balance& b, const plan_terms& t) {
  if (t.installments < 1 || t.installments > 120)
    throw error(errc::invalid_argument, "payment plan: installments " + std::to_string(t.installments) + " is outside 1..120");
  if (t.months_between < 1) throw error(errc::invalid_argument, "payment plan: months_between must be at least 1");
  const currency c = b.principal.currency();
  for (const money& m : {b.fees, b.interest, t.plan_fee}) {
    if (!m.is_zero() && m.currency() != c)
      throw error(errc::currency_mismatch, "payment plan: amounts must all be in " + std::string(c.code()));
    if (m.is_negative()) throw error(errc::invalid_argument, "payment plan: amount " + to_string(m) + " is negative");
  }
  if (b.principal.is_negative()) throw error(errc::invalid_argument, "payment plan: principal is negative");
  const money fees = money(b.fees.minor_units() + t.plan_fee.minor_units(), c);
  const auto principal_parts = split(b.principal, t.installments);
  const auto fee_parts = split(fees, t.installments);
  const auto interest_parts = split(money(b.interest.minor_units(), c), t.installments);
  payment_plan p;
  p.principal = money::zero(c);
  p.fees = money::zero(c);
  p.interest = money::zero(c);
  p.total = money::zero(c);
  const date start = t.agreed.is_special() || t.agreed == date{} ? add_months(t.first_due, -t.months_between, month_end::clamp)
                                                                 : t.agreed;
  money outstanding = b.principal;
  date from = start;
  for (int i = 0; i < t.installments; ++i) {
    const auto idx = static_cast<std::size_t>(i);
    plan_installment inst;
    inst.due = add_months(t.first_due, i * t.months_between, month_end::clamp);
    if (t.due_dates) inst.due = apply(*t.due_dates, inst.due);
    inst.principal = principal_parts[idx];
    inst.fees = fee_parts[idx];
    inst.interest = interest_parts[idx];
    if (t.annual_interest && from < inst.due)
      inst.interest += simple_interest(outstanding, *t.annual_interest, t.basis, from, inst.due, t.mode);
    inst.amount = inst.principal + inst.fees + inst.interest;
    outstanding -= inst.principal;
    from = inst.due;
    p.principal += inst.principal;
    p.fees += inst.fees;
    p.interest += inst.interest;
    p.total += inst.amount;
    p.installments.push_back(inst);
  }
  return p;
}

plan_overlay to_overlay(const payment_plan& p, date agreed) {
  plan_overlay o;
  o.agreed = agreed;
  for (const plan_installment& i : p.installments)
    o.installments.push_back({i.due, i.amount, money::zero(i.amount.currency())});
  return o;
}

}  // namespace dunning
KREDITOR_NAMESPACE_END
