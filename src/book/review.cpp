// Standing credit review (book/review.hpp): a customer's payment history, statements and
// checks joined into scoring::recommend, and what differs from today's agreement.
#include "kreditor/book/review.hpp"

#include <string>
#include <utility>

#include "kreditor/core/errc.hpp"
#include "kreditor/terms/notation.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace {

// Terms as the review compares them: canonical when they parse, else as written.
std::string canonical(const std::string& terms) {
  const auto t = parse_terms(terms);
  return t ? format(*t) : terms;
}

// The recommendation concerns credit (period, discount, cash): the contract clauses of the
// customer's current terms (agreed interest, agreed reminder fee) are carried over unchanged.
std::string with_current_clauses(const std::string& recommended, const std::string& current) {
  const auto cur = parse_terms(current);
  auto rec = parse_terms(recommended);
  if (!cur || !rec) return recommended;
  payment_terms t = *rec;
  t.clauses = cur->clauses;
  return format(t);
}

std::string amount_text(const money& m) { return to_string(m) + " " + std::string(m.currency().code()); }

}  // namespace

customer_review review_customer(const ledger_slices& cut, std::size_t customer, date as_of, const review_inputs& in,
                                const scoring::recommendation_policy& p, policy_set& policies) {
  if (customer >= cut.customers())
    throw error(errc::out_of_range, "review: customer " + std::to_string(customer) + " of a ledger of " +
                                        std::to_string(cut.customers()));
  const customer_record& c = cut.customer(customer);
  customer_review out;
  out.customer = customer;
  out.current_terms = canonical(c.terms);
  out.current_limit = c.credit_limit;
  if (c.segment == segment::b2c) {
    out.recommended_terms = out.current_terms;
    out.recommended_limit = c.credit_limit;
    out.reasons.push_back({"consumer", "consumer customer: business scoring does not apply; terms and limit "
                                       "kept (dunning still watches the account)"});
    return out;
  }

  out.history = payment_history_of(cut, customer, as_of, policies);
  const scoring::financial_statements* s = in.statements;
  if (s != nullptr && s->currency != c.currency)
    throw error(errc::currency_mismatch, "review: financials of " + c.customer_id + " are in " +
                                             std::string(s->currency.code()) + ", the customer in " +
                                             std::string(c.currency.code()));
  std::vector<scoring::credit_check> mine;
  for (const scoring::credit_check& k : in.checks)
    if (k.customer_id == c.customer_id) mine.push_back(k);

  scoring::recommendation_inputs ri;
  ri.statements = s;
  ri.check = scoring::latest_check(mine);
  ri.behaviour = &out.history->behaviour;
  ri.model = in.model;
  ri.currency = c.currency;
  if (out.history->purchases_12m.is_positive()) ri.expected_annual_purchases = out.history->purchases_12m;
  scoring::recommendation r = scoring::recommend(ri, p);

  out.scored = true;
  out.recommended_terms = with_current_clauses(r.terms, out.current_terms);
  out.recommended_limit = r.limit;
  if (out.current_terms != out.recommended_terms)
    out.changes.push_back({"change_terms", "change terms from " + out.current_terms + " to " + out.recommended_terms});
  if (r.limit < c.credit_limit)
    out.changes.push_back({"lower_limit", "lower the credit limit from " + to_string(c.credit_limit) + " to " +
                                              amount_text(r.limit)});
  if (c.credit_limit < r.limit)
    out.changes.push_back({"raise_limit", "the limit may rise from " + to_string(c.credit_limit) + " to " +
                                              amount_text(r.limit)});
  for (const scoring::check_alert& a : scoring::check_alerts(mine, as_of, r.grade, in.recheck))
    out.alerts.push_back({std::string(scoring::to_string(a.kind)), a.text});
  if (s == nullptr) out.alerts.push_back({"no_financials", "ask for the latest annual accounts"});
  out.reasons = r.reasons;
  out.recommendation = std::move(r);
  return out;
}

std::vector<customer_review> review(const ledger& l, date as_of,
                                    const std::map<std::string, scoring::financial_statements, std::less<>>& statements,
                                    std::span<const scoring::credit_check> checks,
                                    const scoring::recommendation_policy& p, policy_set& policies,
                                    const scoring::logistic_model* model) {
  for (const auto& [id, s] : statements)
    if (!s.customer_id.empty() && s.customer_id != id)
      throw error(errc::invalid_argument, "review: the statements given for '" + id + "' are of '" + s.customer_id + "'");
  const ledger_slices cut(l);  // each customer's history from its own slice of the book
  std::vector<customer_review> out;
  out.reserve(l.customers.size());
  for (std::size_t k = 0; k < l.customers.size(); ++k) {
    const auto s = statements.find(l.customers[k].customer_id);
    const review_inputs in{.statements = s == statements.end() ? nullptr : &s->second, .checks = checks, .model = model};
    out.push_back(review_customer(cut, k, as_of, in, p, policies));
  }
  return out;
}

KREDITOR_NAMESPACE_END
