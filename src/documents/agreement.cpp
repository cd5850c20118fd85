// Agreements over the run's claim: the lines of a customer with something owed, as the
// notices show them; a plan splits exactly that by dunning::make_payment_plan.
#include "kreditor/documents/agreement.hpp"

KREDITOR_NAMESPACE_BEGIN

agreement make_debt_acknowledgment(const run_report& r, const creditor_profile& creditor, std::string_view customer,
                                   std::optional<std::string_view> invoice, const notice_options& options) {
  const customer_summary* s = nullptr;
  for (const customer_summary& c : r.customers)
    if (c.customer->customer_id == customer) s = &c;
  if (!s) throw error(errc::not_found, "agreement: no customer '" + std::string(customer) + "' in the ledger");
  const customer_record& cr = *s->customer;
  agreement a;
  a.kind = document_kind::debt_acknowledgment;
  a.customer_id = cr.customer_id;
  a.creditor = creditor.self;
  a.debtor = {cr.name, cr.org_number, cr.address, cr.email};
  a.currency = cr.currency;
  a.account = creditor.account_for(cr.currency);
  a.made = r.as_of;
  a.principal = a.fees = a.interest = a.total = money::zero(cr.currency);
  bool found = !invoice;
  for (std::size_t line : s->lines) {
    const dunning::invoice_view& v = r.books->views[line];
    if (invoice && v.invoice_id != *invoice) continue;
    found = true;
    a.jurisdiction = v.jurisdiction;
    a.segment = v.segment;
    const line_result& res = r.result(line);
    if (res.problem) throw error(res.problem->code, "agreement: " + res.problem->message);
    if (res.total_due.is_zero()) continue;
    notice_invoice inv = invoice_content(r, line);
    a.principal += inv.principal;
    a.fees += inv.fees_open;
    a.interest += inv.interest;
    a.total += inv.total;
    a.invoices.push_back(std::move(inv));
  }
  if (!found)
    throw error(errc::not_found, "agreement: no invoice '" + std::string(*invoice) + "' of customer '" +
                                     std::string(customer) + "' by " + to_string(r.as_of));
  if (a.invoices.empty())
    throw error(errc::invalid_argument, "agreement: customer '" + std::string(customer) + "' owes nothing on " +
                                            to_string(r.as_of));
  a.language = options.language.value_or(language_of(a.jurisdiction));
  return a;
}

agreement make_plan_agreement(const run_report& r, const creditor_profile& creditor, std::string_view customer,
                              std::optional<std::string_view> invoice, dunning::plan_terms terms, std::string security,
                              int grace_days, const notice_options& options) {
  if (grace_days < 0) throw error(errc::invalid_argument, "agreement: grace days " + std::to_string(grace_days) + " < 0");
  agreement a = make_debt_acknowledgment(r, creditor, customer, invoice, options);
  a.kind = document_kind::payment_plan;
  if (terms.agreed.is_not_a_date()) terms.agreed = r.as_of;
  a.plan = dunning::make_payment_plan({.principal = a.principal, .fees = a.fees, .interest = a.interest}, terms);
  a.security = std::move(security);
  a.grace_days = grace_days;
  return a;
}

KREDITOR_NAMESPACE_END
