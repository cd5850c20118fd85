// Agreements over the run's claim: the lines of a customer with something owed, as the
// notices show them; a plan splits exactly that by dunning::make_payment_plan.
#include "kreditor/documents/agreement.hpp"

#include <nlohmann/json.hpp>

#include "documents/claim_support.hpp"
#include "documents/mustache.hpp"
#include "documents/view.hpp"

KREDITOR_NAMESPACE_BEGIN

agreement make_debt_acknowledgment(const run_report& r, const creditor_profile& creditor, std::string_view customer,
                                   std::optional<std::string_view> invoice, const notice_options& options) {
  const customer_summary& s = detail::customer_in(r, customer, "agreement");
  const customer_record& cr = *s.customer;
  agreement a;
  notice& n = a.content;
  n.kind = document_kind::debt_acknowledgment;
  detail::start_document(n, creditor, cr, cr.currency);
  n.sent = r.as_of;
  bool found = !invoice;
  for (std::size_t line : s.lines) {
    const dunning::invoice_view& v = r.books->views[line];
    if (invoice && v.invoice_id != *invoice) continue;
    found = true;
    n.jurisdiction = v.jurisdiction;
    n.segment = v.segment;
    const line_result& res = r.result(line);
    if (res.problem) throw error(res.problem->code, "agreement: " + res.problem->message);
    if (res.total_due.is_zero()) continue;
    n.invoices.push_back(invoice_content(r, line));
    detail::add_to_sums(n, n.invoices.back());
  }
  if (!found) detail::no_such_invoice("agreement", *invoice, customer, r.as_of);
  if (n.invoices.empty())
    throw error(errc::invalid_argument, "agreement: customer '" + std::string(customer) + "' owes nothing on " +
                                            to_string(r.as_of));
  n.language = options.language.value_or(language_of(n.jurisdiction));
  return a;
}

agreement make_plan_agreement(const run_report& r, const creditor_profile& creditor, std::string_view customer,
                              std::optional<std::string_view> invoice, dunning::plan_terms terms, std::string security,
                              int grace_days, const notice_options& options) {
  if (grace_days < 0) throw error(errc::invalid_argument, "agreement: grace days " + std::to_string(grace_days) + " < 0");
  agreement a = make_debt_acknowledgment(r, creditor, customer, invoice, options);
  notice& n = a.content;
  n.kind = document_kind::payment_plan;
  if (terms.agreed.is_not_a_date()) terms.agreed = r.as_of;
  a.plan = dunning::make_payment_plan({.principal = n.principal, .fees = n.fees, .interest = n.interest}, terms);
  if (!a.plan->installments.empty()) n.deadline = a.plan->installments.front().due;
  a.security = std::move(security);
  a.grace_days = grace_days;
  return a;
}

std::string render_agreement(const agreement& a, document_format format, const template_set& templates,
                             std::span<const notice_requirement> rules) {
  // An agreement is a letter with a schedule: the notice's view (parties, the claim by
  // invoice, totals) plus its own part.
  const notice& n = a.content;
  const language l = n.language;
  nlohmann::json extra = nlohmann::json::object();
  extra["security"] = a.security.empty() ? nlohmann::json(nullptr) : nlohmann::json(a.security);
  extra["grace_days"] = a.grace_days;
  nlohmann::json instalments = nlohmann::json::array();
  if (a.plan) {
    int number = 0;
    for (const dunning::plan_installment& i : a.plan->installments) {
      nlohmann::json x{{"number", ++number}};
      detail::put(x, "due", i.due, l);
      detail::put(x, "principal", i.principal, l);
      detail::put(x, "fees", i.fees, l);
      detail::put(x, "interest", i.interest, l);
      detail::put(x, "amount", i.amount, l);
      instalments.push_back(std::move(x));
    }
    nlohmann::json plan;
    detail::put(plan, "principal", a.plan->principal, l);
    detail::put(plan, "fees", a.plan->fees, l);
    detail::put(plan, "interest", a.plan->interest, l);
    detail::put(plan, "total", a.plan->total, l);
    extra["plan"] = plan;
  } else {
    extra["plan"] = nullptr;
  }
  extra["instalments"] = instalments;
  const nlohmann::json view = detail::full_view(n, templates, rules, extra);
  switch (format) {
    case document_format::json: return view.dump(1);
    case document_format::text:
      return detail::render_mustache(templates.file("agreement.txt.mustache"), view, "agreement.txt.mustache", false);
    case document_format::html:
      return detail::render_mustache(templates.file("agreement.html.mustache"), view, "agreement.html.mustache", true);
  }
  return {};
}

KREDITOR_NAMESPACE_END
