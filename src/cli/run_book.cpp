// The ledger as the dunning engine sees it on the as-of date: one invoice_view per invoice,
// with its due date (from the terms when the ledger gives none), its open principal after
// credit notes and payments, the overlays its events describe and its notice history (from
// events.csv and from the state file of earlier runs).
#include <algorithm>
#include <array>
#include <unordered_map>

#include "cli/cli.hpp"
#include "cli/run_book.hpp"
#include "cli/run_allocation.hpp"
#include "kreditor/terms/due_dates.hpp"
#include "kreditor/terms/notation.hpp"

namespace kreditor::cli::run {
namespace {

std::string at_line(std::string_view file, int line) {
  return std::string(file) + ":" + std::to_string(line);
}

/// Terms parsed once per distinct text, and the statutory deadline rule once per jurisdiction:
/// a ledger of a million invoices has a handful of each.
class terms_cache {
 public:
  const payment_terms& terms(const invoice_record& inv, const customer_record& c) {
    const std::string& text = inv.terms.empty() ? c.terms : inv.terms;
    auto it = parsed_.find(text);
    if (it == parsed_.end()) {
      const result<payment_terms> t = parse_terms(text);  // checked when the ledger was read
      if (!t) throw usage_error{at_line("invoices.csv", inv.line) + ": terms: " + t.error().message};
      it = parsed_.emplace(text, *t).first;
    }
    return it->second;
  }
  const deadline_rule& rule(jurisdiction j) {
    auto& slot = rules_[static_cast<std::size_t>(j)];
    if (!slot) slot = statutory_deadline_rule(j);
    return *slot;
  }

 private:
  std::unordered_map<std::string_view, payment_terms> parsed_;
  std::array<std::optional<deadline_rule>, 5> rules_{};
};

/// The due date the ledger gives, else the one its terms (or the customer's) give, moved off
/// non-business days as the customer's jurisdiction's law says.
date due_of(const invoice_record& inv, const customer_record& c, jurisdiction j, terms_cache& cache) {
  if (inv.due_date) return *inv.due_date;
  return due_date(cache.terms(inv, c), inv.issue_date, cache.rule(j));
}

/// A payment plan's installments, with what has been paid on each (payments to the invoice
/// from the day the plan was agreed, applied to the installments in order).
dunning::plan_overlay plan_of(const event_record& e, money open_at_agreement,
                              const std::vector<applied_payment>& paid) {
  dunning::plan_overlay plan{.agreed = e.on, .installments = {}};
  const std::vector<money> amounts =
      e.amount ? std::vector<money>(static_cast<std::size_t>(e.installments), *e.amount)
               : split(open_at_agreement, e.installments);
  money paid_since = money::zero(open_at_agreement.currency());
  for (const applied_payment& p : paid)
    if (p.on >= e.on) paid_since += p.amount;
  for (std::size_t i = 0; i < amounts.size(); ++i) {
    const money on_this = min(paid_since, amounts[i]);
    paid_since -= on_this;
    plan.installments.push_back({.due = add_months(*e.first_due, static_cast<int>(i), month_end::clamp),
                                 .amount = amounts[i],
                                 .paid = on_this});
  }
  return plan;
}

}  // namespace

jurisdiction jurisdiction_of(std::string_view country) {
  const result<jurisdiction> j = parse_jurisdiction(country);
  return j && *j != jurisdiction::eu ? *j : jurisdiction::eu;
}

book make_book(const ledger& l, date as_of, const state_file& state, const step_lookup& steps) {
  book b;
  std::unordered_map<std::string_view, const customer_record*> customers;
  customers.reserve(l.customers.size());
  for (const customer_record& c : l.customers) customers.emplace(c.customer_id, &c);

  // Open amounts: invoices less credit notes less payments, as of the date.
  const allocation alloc = allocate(l, as_of);
  b.customer_credit = alloc.unapplied;
  terms_cache cache;

  std::unordered_map<std::string_view, std::size_t> view_of;  // invoice id -> index in views
  view_of.reserve(l.invoices.size());
  for (std::size_t i = 0; i < l.invoices.size(); ++i) {
    const invoice_record& inv = l.invoices[i];
    if (!inv.credit_of.empty() || inv.issue_date > as_of) continue;
    const customer_record& c = *customers.at(inv.customer_id);
    const jurisdiction j = jurisdiction_of(c.country);
    dunning::invoice_view v;
    v.id = inv.invoice_id;
    v.customer = inv.customer_id;
    v.currency = c.currency;
    v.segment = c.segment;
    v.jurisdiction = j;
    v.invoice_date = inv.issue_date;
    v.due = due_of(inv, c, j, cache);
    v.open_principal = alloc.open[i];
    // The payments behind the open principal: late interest runs on each day's balance.
    for (const applied_payment& p : alloc.paid[i]) v.balance_changes.push_back({.on = p.on, .delta = -p.amount});
    v.credited = alloc.open[i].is_zero() && alloc.credited[i];
    v.reminder_fee_agreed = cache.terms(inv, c).clauses.reminder_fee_agreed;
    view_of.emplace(inv.invoice_id, b.views.size());
    b.views.push_back(std::move(v));
    b.invoices.push_back(&inv);
    b.customers.push_back(&c);
    b.invoiced.push_back(alloc.invoiced[i]);
  }

  // What happened to each invoice up to the as-of date, in date order.
  std::vector<const event_record*> events;
  for (const event_record& e : l.events)
    if (e.on <= as_of) events.push_back(&e);
  std::stable_sort(events.begin(), events.end(),
                   [](const event_record* a, const event_record* b2) { return a->on < b2->on; });
  // Customer-level events (no invoice) apply to every invoice of the customer open that day.
  std::unordered_map<std::string_view, std::vector<std::size_t>> by_customer;
  for (std::size_t k = 0; k < b.views.size(); ++k) by_customer[b.views[k].customer].push_back(k);
  for (const event_record* e : events) {
    std::vector<std::size_t> targets;
    if (!e->invoice_id.empty()) {
      const auto it = view_of.find(e->invoice_id);
      if (it == view_of.end()) continue;  // a credit note or an invoice issued later
      targets.push_back(it->second);
    } else if (const auto it = by_customer.find(e->customer_id); it != by_customer.end()) {
      for (const std::size_t k : it->second)
        if (b.views[k].invoice_date <= e->on) targets.push_back(k);
    }
    for (const std::size_t k : targets) {
      dunning::invoice_view& v = b.views[k];
      dunning::overlays& o = v.overlays;
      using enum ledger_event_kind;
      switch (e->kind) {
        case dispute_opened: o.disputes.push_back({.opened = e->on, .resolved = std::nullopt}); break;
        case dispute_resolved:
          if (o.disputes.empty() || o.disputes.back().resolved)
            throw usage_error{at_line("events.csv", e->line) + ": dispute_resolved for invoice '" + v.id +
                              "' without an open dispute"};
          o.disputes.back().resolved = e->on;
          break;
        case promise_to_pay: o.promises.push_back({.made = e->on, .until = *e->until}); break;
        case payment_plan:
          {
          const auto index = static_cast<std::size_t>(b.invoices[k] - l.invoices.data());
          o.plan = plan_of(*e, alloc.open_on(index, e->on), alloc.paid[index]);
          }
          break;
        case write_off: o.written_off = e->on; break;
        case hold: o.holds.push_back({.from = e->on, .until = e->until}); break;
        case release:
          if (!o.holds.empty() && !o.holds.back().until) o.holds.back().until = e->on;
          break;
        case notice_sent: {
          const std::optional<std::int32_t> step = steps(v.jurisdiction, e->level);
          if (!step)
            throw usage_error{at_line("events.csv", e->line) + ": level '" + e->level +
                              "' is not a step of the policy for " + std::string(to_string(v.jurisdiction))};
          v.notices.push_back({.step = *step, .sent = e->on, .deadline = e->deadline,
                               .fee = e->fee.value_or(money::zero(v.currency))});
          break;
        }
      }
    }
  }

  // Notices recorded by earlier runs (kreditor asked, the caller carried them out).
  for (const recorded_notice& n : state.notices) {
    if (n.sent > as_of) continue;
    const auto it = view_of.find(n.invoice_id);
    if (it == view_of.end()) continue;  // paid and gone from the ledger, or issued later
    dunning::invoice_view& v = b.views[it->second];
    std::optional<std::int32_t> step = n.step == "broken_promise" ? dunning::broken_promise_step
                                       : n.step == "broken_plan"  ? dunning::broken_plan_step
                                                                  : steps(v.jurisdiction, n.step);
    if (!step)
      throw usage_error{"state file: notice '" + n.step + "' for invoice '" + n.invoice_id +
                        "' is not a step of the policy for " + std::string(to_string(v.jurisdiction))};
    if (n.fee.currency() != v.currency)
      throw usage_error{"state file: notice for invoice '" + n.invoice_id + "' has a fee in " +
                        std::string(n.fee.currency().code()) + ", the invoice is in " +
                        std::string(v.currency.code())};
    v.notices.push_back({.step = *step, .sent = n.sent, .deadline = n.deadline, .fee = n.fee});
  }
  for (dunning::invoice_view& v : b.views)
    std::stable_sort(v.notices.begin(), v.notices.end(),
                     [](const dunning::notice_record& x, const dunning::notice_record& y) { return x.sent < y.sent; });
  return b;
}

}  // namespace kreditor::cli::run
