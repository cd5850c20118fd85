#include "kreditor/dunning/engine.hpp"

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "core/huge_pages.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace dunning {
namespace {

bool calendar_moves(const invoice_state& s) {
  return s.current == state::not_yet_due || s.current == state::due;
}

void apply_one(const context& ctx, invoice_state& s, const event& ev, std::vector<command>* out,
               std::vector<audit_entry>* audit) {
  audit_entry entry;
  if (audit) {
    entry.what = ev;
    entry.from = s.current;
    entry.open_principal = money(s.open_minor, ctx.invoice.currency);
    entry.fees = money(s.fees_minor, ctx.invoice.currency);
    entry.interest = interest_due(ctx, s, event_date(ev));
    if (const auto* sd = std::get_if<step_due>(&ev)) entry.step = sd->step;
    if (const auto* ns = std::get_if<notice_sent>(&ev)) entry.step = ns->notice.step;
  }
  outcome o = step(ctx, s, ev);
  if (!o.matched() && std::holds_alternative<notice_sent>(ev)) {
    const auto& n = std::get<notice_sent>(ev).notice;
    throw error(errc::conflict, "dunning: notice history: step " + std::to_string(n.step) + " sent " +
                                    kreditor::to_string(n.sent) + " is out of order (state " +
                                    std::string(to_string(s.current)) + ", next step " +
                                    std::to_string(s.next_step) + ")");
  }
  s = o.next;
  if (out) out->insert(out->end(), o.commands.begin(), o.commands.end());
  if (audit && o.matched()) {
    entry.rule = o.rule;
    entry.to = s.current;
    entry.commands = std::move(o.commands);
    audit->push_back(std::move(entry));
  }
}

bool guards_hold(const context& ctx, const invoice_state& s, std::int32_t k, date as_of) {
  const compiled_step& cs = ctx.policy.steps[static_cast<std::size_t>(k)];
  if (cs.guards_begin == cs.guards_end) return true;
  const guard_facts f{as_of, from_day_number(ctx.invoice.invoice_day), from_day_number(ctx.invoice.due_day),
                      money(s.open_minor, ctx.invoice.currency), ctx.invoice.segment, k, s.next_step};
  for (std::uint32_t g = cs.guards_begin; g < cs.guards_end; ++g)
    if (!ctx.policy.guards[g](f)) return false;
  return true;
}

// True when a cover command of step k (its band's, as the open amount chooses) finds cover.
bool cover_left(const context& ctx, const invoice_state& s, std::int32_t k, date as_of) {
  if (ctx.cover == nullptr) return false;
  const compiled_step& cs = ctx.policy.steps[static_cast<std::size_t>(k)];
  std::uint32_t begin = cs.commands_begin, end = cs.commands_end;
  for (std::uint32_t b = cs.bands_begin; b < cs.bands_end; ++b) {
    const compiled_band& band = ctx.policy.bands[b];
    for (const money& from : band.from)
      if (from.currency() == ctx.invoice.currency && s.open_minor >= from.minor_units())
        begin = band.commands_begin, end = band.commands_end;
  }
  const money claim(std::max<std::int64_t>(s.open_minor, 1), ctx.invoice.currency);
  for (std::uint32_t i = begin; i < end; ++i)
    if (!cover_for(*ctx.cover, ctx.policy.commands[i].kind, claim, as_of, false).empty()) return true;
  return false;
}

void add_decisions(const compiled_policy& cp, std::uint32_t begin, std::uint32_t end, bool& hold,
                   bool& cash) {
  for (std::uint32_t i = begin; i < end; ++i) {
    hold = hold || cp.commands[i].kind == command_kind::credit_hold;
    cash = cash || cp.commands[i].kind == command_kind::cash_terms;
  }
}

}  // namespace

void apply(const context& ctx, invoice_state& s, const event& ev, std::vector<command>* out,
           std::vector<audit_entry>* audit) {
  if (!std::holds_alternative<date_reached>(ev) && calendar_moves(s))
    apply_one(ctx, s, date_reached{event_date(ev)}, out, audit);
  apply_one(ctx, s, ev, out, audit);
  s.next_action = next_action_day(ctx, s);
}

void advance(const context& ctx, invoice_state& s, date as_of, std::vector<command>& out,
             std::vector<audit_entry>* audit) {
  const std::int32_t today = day_number(as_of);
  if (today < s.next_action) return;  // the common case: nothing happens by itself today
  if (calendar_moves(s)) apply_one(ctx, s, date_reached{as_of}, &out, audit);
  if ((s.flags & overlay::promised) && s.promised_until < today && s.current <= state::reminded)
    apply_one(ctx, s, promise_broken{as_of}, &out, audit);
  // A step whose guard fails is skipped when it says so (and the next one may fire today),
  // else waited for; at most one step fires per evaluation.
  for (std::size_t tries = 0; tries <= ctx.policy.steps.size(); ++tries) {
    const auto next = next_step(ctx, s);
    if (!next || next->day > today) break;
    // A set-off / security step with nothing to take (no counterclaim payable, no unexpired
    // security in the invoice's currency, or all of it claimed by this run) is skipped.
    if (ctx.policy.steps[static_cast<std::size_t>(next->step)].needs_cover && !cover_left(ctx, s, next->step, as_of)) {
      apply_one(ctx, s, step_skipped{as_of, next->step}, &out, audit);
      continue;
    }
    if (!guards_hold(ctx, s, next->step, as_of)) {
      if (ctx.policy.steps[static_cast<std::size_t>(next->step)].skip_if_guard_fails) {
        apply_one(ctx, s, step_skipped{as_of, next->step}, &out, audit);
        continue;
      }
      s.next_action = today + 1;  // a custom guard said "not yet": ask again tomorrow
      return;
    }
    apply_one(ctx, s, step_due{as_of, next->step}, &out, audit);
    break;
  }
  s.next_action = next_action_day(ctx, s);
}

invoice_state replay(const context& ctx, invoice_state initial, std::span<const audit_entry> trail) {
  for (const audit_entry& e : trail) initial = step(ctx, initial, e.what).next;
  initial.next_action = next_action_day(ctx, initial);
  return initial;
}

std::vector<event> events_of(const invoice_view& v, date as_of) {
  std::vector<std::pair<std::tuple<date, int>, event>> list;
  auto add = [&](date on, int rank, event e) {
    if (on <= as_of) list.emplace_back(std::tuple{on, rank}, std::move(e));
  };
  const overlays& o = v.overlays;
  for (const dispute& d : o.disputes) {
    add(d.opened, 0, dispute_opened{d.opened});
    if (d.resolved) add(*d.resolved, 0, dispute_resolved{*d.resolved});
  }
  for (const promise& p : o.promises) add(p.made, 0, promise_made{p.made, p.until});
  if (o.plan) add(o.plan->agreed, 0, plan_agreed{o.plan->agreed});
  for (const hold_period& h : o.holds) {
    add(h.from, 0, hold{h.from});
    if (h.until) add(*h.until, 0, release{*h.until});
  }
  for (date e : o.escalations) add(e, 0, escalate{e});
  if (o.legal_proceedings) add(*o.legal_proceedings, 2, legal_proceedings{*o.legal_proceedings});
  if (o.written_off) add(*o.written_off, 2, write_off{*o.written_off});
  for (const notice_record& n : v.notices) {
    if (n.step == broken_promise_step)
      add(n.sent, 1, promise_broken{n.sent});
    else if (n.step == broken_plan_step)
      add(n.sent, 1, installment_missed{n.sent});
    else
      add(n.sent, 1, notice_sent{n});
  }
  std::stable_sort(list.begin(), list.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<event> out;
  out.reserve(list.size());
  for (auto& e : list) out.push_back(std::move(e.second));
  return out;
}

run_result evaluate(const compiled_policy& cp, std::span<const invoice_view> views, date as_of,
                    const evaluate_options& options) {
  run_result run;
  run.as_of = as_of;
  run.invoices.reserve(views.size());
  kreditor::detail::advise_huge_pages(run.invoices);
  // A big run's results are faulted in on another thread while the first ones are evaluated.
  const std::jthread populating =
      kreditor::detail::populate_in_background(run.invoices.data(), views.size() * sizeof(invoice_result));
  // Customers with a decision, found by id (views outlive the call), sorted by id at the end.
  std::unordered_map<std::string_view, std::size_t> decided;
  std::unordered_map<std::string_view, cover_ledger> cover;
  for (const customer_cover& c : options.cover)
    if (!cover.emplace(c.customer_id, cover_ledger::of(c)).second)
      throw error(errc::conflict, "dunning: the cover of customer '" + c.customer_id + "' is given twice");
  for (std::size_t i = 0; i < views.size(); ++i) {
    const invoice_view& v = views[i];
    invoice_result& r = run.invoices.emplace_back();  // built in place: no move of 300 bytes
    r.index = i;
    r.invoice_id = v.invoice_id;
    r.customer_id = v.customer_id;
    try {
      if (v.jurisdiction != cp.source.jurisdiction)
        throw error(errc::conflict, "dunning: invoice '" + v.invoice_id + "' is under " + std::string(to_string(v.jurisdiction)) +
                                        " law but policy '" + cp.source.name + "' is for " +
                                        std::string(to_string(cp.source.jurisdiction)));
      const invoice_facts facts = facts_of(v);
      // The principal as of the date: the amount and the changes dated by then (the same list
      // late_interest reads, from the same starting balance).
      // Usually every change is dated by then (a book's are): the view's list is read as it
      // is; only a list with later changes is copied without them.
      std::vector<balance_change> by_then;
      std::span<const balance_change> changes = v.balance_changes;
      if (std::any_of(changes.begin(), changes.end(), [&](const balance_change& ch) { return ch.on > as_of; })) {
        std::copy_if(changes.begin(), changes.end(), std::back_inserter(by_then),
                     [&](const balance_change& ch) { return ch.on <= as_of; });
        changes = by_then;
      }
      money open = v.amount;
      for (const balance_change& ch : changes) open += ch.delta;  // throws currency_mismatch / overflow
      if (open.is_negative())
        throw error(errc::conflict, "dunning: the balance changes take the principal below zero (" + to_string(open) + ")");
      std::optional<rate_table> agreed;
      if (v.agreed_interest) agreed = rate_table::constant(*v.agreed_interest, "agreed rate");
      const auto held = cover.empty() ? cover.end() : cover.find(v.customer_id);
      const context ctx{cp, facts, changes, v.settlements, agreed ? &*agreed : nullptr,
                        held == cover.end() ? nullptr : &held->second};
      invoice_state s = initial_state(facts, open);
      std::vector<audit_entry>* audit = options.audit ? &r.audit : nullptr;
      // Fees the notices charged less those settled: a claim is closed only when nothing of
      // principal, fees or interest is owed.
      std::int64_t fees_charged = 0;
      for (const notice_record& n : v.notices)
        if (n.sent <= as_of && __builtin_add_overflow(fees_charged, n.fee.minor_units(), &fees_charged))
          throw error(errc::overflow, "dunning: the notices' fees overflow");
      const bool settled = (v.settled && open.is_zero()) ||
                           (open.is_zero() && fees_charged == settled_through(ctx, component::fees, as_of) &&
                            interest_due(ctx, s, as_of).is_zero());
      if (settled) {
        s.current = v.overlays.written_off && *v.overlays.written_off <= as_of ? state::written_off
                    : v.credited                                             ? state::credited
                                                                             : state::paid;
      } else {
        for (const event& ev : events_of(v, as_of)) apply(ctx, s, ev, nullptr, audit);
        const std::int32_t today = day_number(as_of);
        if ((s.flags & overlay::in_plan) && v.overlays.plan) {
          for (const installment_status& inst : v.overlays.plan->installments) {
            // Missed: unpaid after the last on-time day (the due date moved off a weekend or
            // holiday as the law moves due dates, plus the policy's grace days).
            if (day_number(installment_paid_by(cp, inst.due)) < today && inst.paid < inst.amount) {
              apply(ctx, s, installment_missed{as_of}, &r.commands, audit);
              break;
            }
          }
        }
        advance(ctx, s, as_of, r.commands, audit);
      }
      r.current = s.current;
      r.flags = s.flags;
      r.level = s.next_step;
      if (s.next_step > 0) r.last_step = cp.source.steps[s.next_step - 1u].name;
      r.days_past_due = std::max(0, day_number(as_of) - facts.due_day);
      r.open_principal = money(s.open_minor, v.currency);
      r.fees = money(s.fees_minor - settled_through(ctx, component::fees, as_of), v.currency);
      if (r.fees.is_negative())
        throw error(errc::conflict, "dunning: fees settled are more than the fees charged (" + to_string(r.fees) + ")");
      r.interest = interest_due(ctx, s, as_of);
      r.total_due = r.open_principal + r.fees + r.interest;
      // Nothing happens after the last day a date can name (9999-12-31): no next action then.
      if (const std::int32_t next = std::max(s.next_action, day_number(as_of) + 1); s.next_action != never && next <= last_day_number)
        r.next_action = from_day_number(next);
      // Customer-level decisions: from the steps done (history) and today's commands.
      if (s.current <= state::legal) {
        bool hold_ = false, cash = false;
        for (const notice_record& n : v.notices) {
          if (n.sent > as_of) continue;
          if (n.step == broken_promise_step)
            add_decisions(cp, cp.broken_promise_begin, cp.broken_promise_end, hold_, cash);
          else if (n.step == broken_plan_step)
            add_decisions(cp, cp.broken_plan_begin, cp.broken_plan_end, hold_, cash);
          else if (n.step >= 0 && static_cast<std::size_t>(n.step) < cp.steps.size())
            add_decisions(cp, cp.steps[static_cast<std::size_t>(n.step)].commands_begin,
                          cp.steps[static_cast<std::size_t>(n.step)].commands_end, hold_, cash);
        }
        for (const command& c : r.commands) {
          hold_ = hold_ || c.kind == command_kind::credit_hold;
          cash = cash || c.kind == command_kind::cash_terms;
        }
        if (hold_ || cash) {
          const auto [at, added] = decided.try_emplace(v.customer_id, run.customers.size());
          if (added) run.customers.push_back({.customer_id = v.customer_id, .credit_hold = false, .cash_terms = false, .invoices = {}});
          customer_decision& d = run.customers[at->second];
          d.credit_hold = d.credit_hold || hold_;
          d.cash_terms = d.cash_terms || cash;
          d.invoices.push_back(v.invoice_id);
        }
      }
    } catch (const error& e) {
      r = invoice_result{};
      r.index = i;
      r.invoice_id = v.invoice_id;
      r.customer_id = v.customer_id;
      r.problem = failure{e.code(), "invoice '" + v.invoice_id + "': " + e.what()};
    }
  }
  std::sort(run.customers.begin(), run.customers.end(),
            [](const customer_decision& a, const customer_decision& b) { return a.customer_id < b.customer_id; });
  return run;
}

}  // namespace dunning
KREDITOR_NAMESPACE_END
