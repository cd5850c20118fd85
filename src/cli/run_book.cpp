// The ledger as the dunning engine sees it on the as-of date: one invoice_view per invoice,
// with its due date (from the terms when the ledger gives none), its open principal after
// credit notes and payments, the overlays its events describe and its notice history (from
// events.csv and from the state file of earlier runs).
//
// Which invoice a payment or credit note paid is the ledger module's allocation
// (ledger/allocation.hpp, replay_postings): the debtor's designation first (invoice_id, or a
// reference matching an invoice's), then the customer's open invoices oldest due date first;
// over-payments are kept as customer credit. The loader's indexes join the rows, so a million
// invoices are joined without looking an id up.
#include <algorithm>
#include <array>
#include <span>
#include <thread>
#include <unordered_map>

#include "cli/cli.hpp"
#include "cli/run_book.hpp"
#include "kreditor/ledger/allocation.hpp"
#include "kreditor/terms/due_dates.hpp"
#include "kreditor/terms/notation.hpp"
#include "core/huge_pages.hpp"

namespace kreditor::cli::run {
namespace {

std::string at_line(std::string_view file, int line) {
  return std::string(file) + ":" + std::to_string(line);
}

/// Terms parsed once per distinct text (and once per customer for its default), and the
/// statutory deadline rule once per jurisdiction: a ledger of a million invoices has a handful.
class terms_cache {
 public:
  explicit terms_cache(std::size_t customers) : of_customer_(customers, nullptr) {}
  const payment_terms& terms(const invoice_record& inv, const customer_record& c, std::size_t customer) {
    if (inv.terms.empty()) {
      const payment_terms*& slot = of_customer_[customer];
      if (slot == nullptr) slot = &parsed(c.terms, inv.line);
      return *slot;
    }
    return parsed(inv.terms, inv.line);
  }
  const deadline_rule& rule(jurisdiction j) {
    auto& slot = rules_[static_cast<std::size_t>(j)];
    if (!slot) slot = statutory_deadline_rule(j);
    return *slot;
  }

 private:
  const payment_terms& parsed(const std::string& text, int line) {
    auto it = parsed_.find(text);
    if (it == parsed_.end()) {
      const result<payment_terms> t = parse_terms(text);  // checked when the ledger was read
      if (!t) throw usage_error{at_line("invoices.csv", line) + ": terms: " + t.error().message};
      it = parsed_.emplace(text, *t).first;
    }
    return it->second;
  }
  std::unordered_map<std::string_view, payment_terms> parsed_;  // node-based: references stay valid
  std::vector<const payment_terms*> of_customer_;
  std::array<std::optional<deadline_rule>, 5> rules_{};
};

/// The loader's row indexes, checked against the ids (a ledger built by hand may lack them:
/// then the id is looked up).
class joins {
 public:
  explicit joins(const ledger& l) : l_(l) {
    // The customers' ids side by side: checking a row's index reads no customer record.
    ids_.reserve(l.customers.size());
    for (const customer_record& c : l.customers) ids_.emplace_back(c.customer_id);
  }
  std::size_t customer(std::uint32_t stored, const std::string& id) {
    if (stored < ids_.size() && ids_[stored] == id) return stored;
    if (customers_.empty())
      for (std::size_t c = 0; c < l_.customers.size(); ++c) customers_.emplace(l_.customers[c].customer_id, c);
    const auto it = customers_.find(id);
    if (it == customers_.end()) throw usage_error{"ledger: unknown customer '" + id + "'"};
    return it->second;
  }
  /// no_record when `id` is empty.
  std::uint32_t invoice(std::uint32_t stored, const std::string& id) {
    if (id.empty()) return no_record;
    if (stored < l_.invoices.size() && l_.invoices[stored].invoice_id == id) return stored;
    if (invoices_.empty())
      for (std::size_t i = 0; i < l_.invoices.size(); ++i)
        invoices_.emplace(l_.invoices[i].invoice_id, static_cast<std::uint32_t>(i));
    const auto it = invoices_.find(id);
    if (it == invoices_.end()) throw usage_error{"ledger: unknown invoice '" + id + "'"};
    return it->second;
  }

 private:
  const ledger& l_;
  std::vector<std::string_view> ids_;
  std::unordered_map<std::string_view, std::size_t> customers_;
  std::unordered_map<std::string_view, std::uint32_t> invoices_;
};

/// A payment plan's installments, with what has been paid on each (payments to the invoice
/// from the day the plan was agreed, applied to the installments in order).
dunning::plan_overlay plan_of(const event_record& e, money open_at_agreement,
                              std::span<const balance_change> paid) {
  dunning::plan_overlay plan{.agreed = e.on, .installments = {}};
  const std::vector<money> amounts =
      e.amount ? std::vector<money>(static_cast<std::size_t>(e.installments), *e.amount)
               : split(open_at_agreement, e.installments);
  money paid_since = money::zero(open_at_agreement.currency());
  for (const balance_change& p : paid)
    if (p.on >= e.on) paid_since -= p.delta;
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
  joins join(l);
  terms_cache cache(l.customers.size());
  // What the views need of each customer, side by side (a million views, 50 000 customers).
  struct customer_facts {
    jurisdiction law;
    kreditor::segment segment;
    currency ccy;
  };
  std::vector<customer_facts> facts(l.customers.size());
  for (std::size_t c = 0; c < l.customers.size(); ++c)
    facts[c] = {jurisdiction_of(l.customers[c].country), l.customers[c].segment, l.customers[c].currency};

  // The invoices known on the date; view k is invoice k of the replay.
  std::vector<std::uint32_t> view_of_invoice = detail::huge_vector<std::uint32_t>(l.invoices.size(), no_record);
  std::size_t known = 0;
  for (const invoice_record& inv : l.invoices) known += inv.credit_of.empty() && inv.issue_date <= as_of ? 1u : 0u;
  // The views' memory is faulted in on another thread while the payments are replayed.
  b.views.reserve(known);
  detail::advise_huge_pages(b.views);
  const std::jthread populating = detail::populate_in_background(b.views.data(), known * sizeof(dunning::invoice_view));
  std::vector<replay_invoice> items;
  std::vector<std::uint32_t> customer_of_view;
  std::vector<bool> fee_agreed;
  items.reserve(known);
  detail::advise_huge_pages(items);
  customer_of_view.reserve(known);
  fee_agreed.reserve(known);
  b.invoices.reserve(known);
  b.customers.reserve(known);
  for (std::size_t i = 0; i < l.invoices.size(); ++i) {
    const invoice_record& inv = l.invoices[i];
    if (!inv.credit_of.empty() || inv.issue_date > as_of) continue;
    const std::size_t ci = join.customer(inv.customer_index, inv.customer_id);
    const customer_record& c = l.customers[ci];  // only its address is read here, or its terms once
    const payment_terms& terms = cache.terms(inv, c, ci);
    // The due date the ledger gives, else the one its terms give, moved off non-business days
    // as the customer's jurisdiction's law says.
    const date due = inv.due_date ? *inv.due_date : due_date(terms, inv.issue_date, cache.rule(facts[ci].law));
    view_of_invoice[i] = static_cast<std::uint32_t>(items.size());
    items.push_back({.id = inv.invoice_id, .customer = static_cast<std::uint32_t>(ci), .issue_date = inv.issue_date,
                     .first_due = due, .amount = inv.amount});
    customer_of_view.push_back(static_cast<std::uint32_t>(ci));
    fee_agreed.push_back(terms.clauses.reminder_fee_agreed);
    b.invoices.push_back(&inv);
    b.customers.push_back(&c);
  }

  // Credit notes and payments made by the date. A payment designates the invoice it names, or
  // the customer's invoices whose reference it quotes.
  std::vector<replay_credit_note> notes;
  for (const invoice_record& note : l.invoices) {
    if (note.credit_of.empty() || note.issue_date > as_of) continue;
    const std::uint32_t target = join.invoice(note.credit_of_index, note.credit_of);
    if (view_of_invoice[target] == no_record) continue;  // issued later
    notes.push_back({.invoice = view_of_invoice[target], .issue_date = note.issue_date, .amount = -note.amount});
  }
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_reference;
  if (std::any_of(l.payments.begin(), l.payments.end(), [](const payment_record& p) { return !p.reference.empty(); }))
    for (std::size_t k = 0; k < items.size(); ++k)
      if (const std::string& r = b.invoices[k]->reference; !r.empty())
        by_reference[normalized_reference(r)].push_back(static_cast<std::uint32_t>(k));
  std::vector<replay_payment> payments;
  std::vector<std::uint32_t> designations;
  payments.reserve(l.payments.size());
  detail::advise_huge_pages(payments);
  for (const payment_record& p : l.payments) {
    if (p.date_paid > as_of) continue;
    const auto ci = static_cast<std::uint32_t>(join.customer(p.customer_index, p.customer_id));
    const auto begin = static_cast<std::uint32_t>(designations.size());
    if (const std::uint32_t i = join.invoice(p.invoice_index, p.invoice_id); i != no_record && view_of_invoice[i] != no_record)
      designations.push_back(view_of_invoice[i]);
    if (!by_reference.empty() && !p.reference.empty())
      if (const auto it = by_reference.find(normalized_reference(p.reference)); it != by_reference.end())
        for (const std::uint32_t k : it->second)
          if (customer_of_view[k] == ci) designations.push_back(k);
    payments.push_back({.customer = ci, .received = p.date_paid, .amount = p.amount, .designated_begin = begin,
                        .designated_end = static_cast<std::uint32_t>(designations.size())});
  }
  by_reference.clear();
  // The CLI ledger has no fee or interest charges: principal only (costs -> interest ->
  // principal is the order within an invoice, the same in every preset).
  const std::vector<posting> postings = replay_postings(
      {.invoices = items, .credit_notes = notes, .payments = payments, .designations = designations},
      allocation_policy{});
  payments = {};
  designations = {};
  notes = {};

  // Per invoice: the payments behind its open principal (late interest runs on each day's
  // balance), gathered in date order; what credit notes took off; customer credit.
  std::vector<std::uint32_t> first_paid = detail::huge_vector<std::uint32_t>(items.size() + 1);
  std::vector<std::int64_t> credited = detail::huge_vector<std::int64_t>(items.size());
  b.customer_credit.resize(l.customers.size());
  for (std::size_t c = 0; c < l.customers.size(); ++c) b.customer_credit[c] = money::zero(l.customers[c].currency);
  for (const posting& p : postings) {
    if (p.kind == entry_kind::unapplied)
      b.customer_credit[p.customer] += p.amount;
    else if (p.kind == entry_kind::credit_note)
      credited[p.invoice] += p.amount.minor_units();
    else if (p.kind == entry_kind::payment)
      ++first_paid[p.invoice + 1];
  }
  for (std::size_t k = 0; k < items.size(); ++k) first_paid[k + 1] += first_paid[k];
  std::vector<balance_change> paid = detail::huge_vector<balance_change>(first_paid.back());
  {
    std::vector<std::uint32_t> fill(first_paid.begin(), first_paid.end() - 1);
    for (const posting& p : postings)
      if (p.kind == entry_kind::payment) paid[fill[p.invoice]++] = {.on = p.on, .delta = -p.amount};
  }

  // One view per invoice, written once.
  b.invoiced.reserve(known);
  for (std::size_t k = 0; k < items.size(); ++k) {
    const invoice_record& inv = *b.invoices[k];
    const customer_facts& c = facts[customer_of_view[k]];
    const money invoiced(items[k].amount.minor_units() - credited[k], items[k].amount.currency());
    dunning::invoice_view& v = b.views.emplace_back();
    v.id = inv.invoice_id;
    v.customer = inv.customer_id;
    v.currency = c.ccy;
    v.segment = c.segment;
    v.jurisdiction = c.law;
    v.invoice_date = inv.issue_date;
    v.due = items[k].first_due;
    money open = invoiced;
    for (std::uint32_t at = first_paid[k]; at < first_paid[k + 1]; ++at) open += paid[at].delta;
    // A settled invoice accrues nothing more: its payments are left out (no allocation for the
    // many paid invoices of a big ledger).
    if (!open.is_zero()) v.balance_changes.assign(paid.begin() + first_paid[k], paid.begin() + first_paid[k + 1]);
    v.open_principal = open;
    v.credited = open.is_zero() && credited[k] > 0;
    v.reminder_fee_agreed = fee_agreed[k];
    b.invoiced.push_back(invoiced);
  }
  items = {};

  // What happened to each invoice up to the as-of date, in date order.
  std::vector<const event_record*> events;
  for (const event_record& e : l.events)
    if (e.on <= as_of) events.push_back(&e);
  std::stable_sort(events.begin(), events.end(),
                   [](const event_record* a, const event_record* b2) { return a->on < b2->on; });
  // Customer-level events (no invoice) apply to every invoice of the customer open that day.
  std::vector<std::vector<std::uint32_t>> by_customer;
  if (std::any_of(events.begin(), events.end(), [](const event_record* e) { return e->invoice_id.empty(); })) {
    by_customer.resize(l.customers.size());
    for (std::size_t k = 0; k < b.views.size(); ++k) by_customer[customer_of_view[k]].push_back(static_cast<std::uint32_t>(k));
  }
  std::vector<std::uint32_t> targets;
  for (const event_record* e : events) {
    targets.clear();
    if (!e->invoice_id.empty()) {
      const std::uint32_t i = join.invoice(e->invoice_index, e->invoice_id);
      if (view_of_invoice[i] == no_record) continue;  // a credit note or an invoice issued later
      targets.push_back(view_of_invoice[i]);
    } else {
      for (const std::uint32_t k : by_customer[join.customer(e->customer_index, e->customer_id)])
        if (b.views[k].invoice_date <= e->on) targets.push_back(k);
    }
    for (const std::uint32_t k : targets) {
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
        case payment_plan: {
          // Open at the end of the day before: what was invoiced less the payments before it.
          const std::span<const balance_change> payments_of(paid.data() + first_paid[k], paid.data() + first_paid[k + 1]);
          money open = b.invoiced[k];
          for (const balance_change& ch : payments_of)
            if (ch.on < e->on) open += ch.delta;
          o.plan = plan_of(*e, open, payments_of);
          break;
        }
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
  std::unordered_map<std::string_view, std::uint32_t> view_of;  // invoice id -> view
  if (!state.notices.empty()) {
    view_of.reserve(b.views.size());
    for (std::size_t k = 0; k < b.views.size(); ++k) view_of.emplace(b.views[k].id, static_cast<std::uint32_t>(k));
  }
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
    if (v.notices.size() > 1)
      std::stable_sort(v.notices.begin(), v.notices.end(),
                       [](const dunning::notice_record& x, const dunning::notice_record& y) { return x.sent < y.sent; });
  return b;
}

}  // namespace kreditor::cli::run
