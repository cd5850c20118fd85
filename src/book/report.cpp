// The run as a value (book/report.hpp): the book, the engine's evaluation under the chosen
// policies, and ONE credit summary per customer. `kreditor run` prints it; `kreditor
// exposure` reads its customer's flags and exposure from it; so the two never disagree.
#include "kreditor/book/report.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <span>

#include "book/receivables.hpp"
#include "kreditor/book/slices.hpp"
#include "core/huge_pages.hpp"
#include "kreditor/exposure/order_release.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace {
/// One customer's summary before the engine has spoken: the ledger's flags and holds.
customer_summary from_ledger(const customer_record& c, bool held) {
  customer_summary s;
  s.customer = &c;
  s.open = money::zero(c.currency);
  s.overdue = money::zero(c.currency);
  s.credit_hold = held || flagged(c, "on_hold");
  s.cash_terms = flagged(c, "cash_only");
  s.in_collection = flagged(c, "in_collection");
  return s;
}

/// The credit account of a summarised customer: limit (customer's currency, with its expiry),
/// terms, segment, security, set-off and the summary's flags.
credit_account account_of(const customer_summary& s, money set_off, std::vector<security_item> security) {
  const customer_record& c = *s.customer;
  credit_account a{.customer_id = c.customer_id, .segment = c.segment, .terms = c.terms};
  if (c.credit_limit.is_positive()) a.limits.push_back({.amount = c.credit_limit, .expires = c.credit_limit_expires});
  a.securities = std::move(security);
  if (set_off.is_positive()) a.owed_to_customer.push_back(set_off);
  a.flags = {.on_hold = s.credit_hold, .cash_only = s.cash_terms, .in_collection = s.in_collection};
  return a;
}

/// The customers' cover the engine may take (security.csv, counterclaims.csv), one entry per
/// customer that has any. The book's unapplied credit is not among it: the book applies it to
/// the customer's open claims as they arise, so what remains has no open claim to meet.
std::vector<dunning::customer_cover> cover_of(const ledger& l) {
  std::vector<dunning::customer_cover> out;
  if (l.securities.empty() && l.counterclaims.empty()) return out;
  std::unordered_map<std::string_view, std::size_t> at;
  const auto entry = [&](const std::string& id) -> dunning::customer_cover& {
    const auto [it, added] = at.emplace(id, out.size());
    if (added) out.push_back({.customer_id = id});
    return out[it->second];
  };
  for (const security_record& s : l.securities)
    entry(s.customer_id).securities.push_back({s.security_id, s.amount, s.expires});
  for (const counterclaim_record& k : l.counterclaims)
    entry(k.customer_id).counterclaims.push_back({k.counterclaim_id, k.amount, k.arose, k.payable_from});
  return out;
}

/// Lowers the customer's cover by what `cmd` takes of it, so that the run's later chunks see
/// only what is left (the engine keeps count within one evaluate call only).
void spend_cover(std::vector<dunning::customer_cover>& cover, std::string_view customer_id, const dunning::command& cmd) {
  if (cmd.cover_id.empty()) return;
  for (dunning::customer_cover& c : cover) {
    if (c.customer_id != customer_id) continue;
    for (dunning::security_cover& s : c.securities)
      if (cmd.kind == dunning::command_kind::realise_security && s.security_id == cmd.cover_id) s.amount -= cmd.cover_amount;
    for (dunning::counterclaim& k : c.counterclaims)
      if (cmd.kind == dunning::command_kind::propose_set_off && k.counterclaim_id == cmd.cover_id) k.amount -= cmd.cover_amount;
  }
}

}  // namespace

std::string step_name(const dunning::compiled_policy& p, std::int32_t step) {
  if (step == dunning::broken_promise_step) return "broken_promise";
  if (step == dunning::broken_plan_step) return "broken_plan";
  const auto& steps = p.source.steps;
  if (step < 0 || static_cast<std::size_t>(step) >= steps.size())
    throw error(errc::out_of_range, "step " + std::to_string(step) + " is not a step of policy '" + p.source.name + "'");
  return steps[static_cast<std::size_t>(step)].name;
}

run_report make_report(ledger input, date as_of, std::span<const recorded_notice> recorded, policy_set chosen,
                       const progress_fn& progress) {
  const auto show = [&](int done, std::string_view label) {
    if (progress) progress(done, 4, label);
  };
  run_report rep;
  rep.as_of = as_of;
  rep.source = std::make_unique<ledger>(std::move(input));
  const ledger& l = *rep.source;
  rep.policies = std::make_unique<policy_set>(std::move(chosen));
  rep.policy = rep.policies->label();
  policy_set& policies = *rep.policies;

  show(1, "building the book");
  // Notices recorded for this very date are what a run for it asked for: left out of the
  // history, the engine asks for them again, and they are marked as already recorded.
  std::vector<recorded_notice> earlier, today;
  for (const recorded_notice& n : recorded) (n.sent == as_of ? today : earlier).push_back(n);
  rep.books = std::make_unique<book>(make_book(l, as_of, earlier, policies));
  book& b = *rep.books;
  // The book holds what the payments did (open amounts, dated balance changes, customer
  // credit): the payment records are not read again, and a million-line ledger's are ~100 MB.
  rep.source->payments = {};

  // Every customer, in ledger order, starting from what the ledger says of it.
  const customer_index_map index = customer_indexes(l);  // per customer, not per invoice
  const std::vector<bool> held = customer_holds(l, index, as_of);
  rep.customers.reserve(l.customers.size());
  for (std::size_t c = 0; c < l.customers.size(); ++c) rep.customers.push_back(from_ledger(l.customers[c], held[c]));

  // Evaluated per jurisdiction; results go back to ledger order.
  rep.results = detail::huge_vector<line_result>(b.views.size());
  std::map<jurisdiction, std::vector<std::size_t>> groups;
  for (std::size_t i = 0; i < b.views.size(); ++i) groups[b.views[i].jurisdiction].push_back(i);
  // A jurisdiction's views go to the engine in chunks through one reused buffer (a million
  // views are not copied into fresh memory); each chunk's results are kept compactly.
  constexpr std::size_t chunk = std::size_t{1} << 14;
  std::vector<dunning::invoice_view> group;
  std::vector<dunning::customer_cover> cover = cover_of(l);  // what is left of it, chunk by chunk
  for (const auto& [j, all] : groups) {
    show(2, "evaluating " + std::string(to_string(j)) + " (" + std::to_string(all.size()) + " invoices)");
    const dunning::compiled_policy& cp = policies.for_jurisdiction(j);
    for (std::size_t from = 0; from < all.size(); from += chunk) {
      const std::span<const std::size_t> members(all.data() + from, std::min(chunk, all.size() - from));
      group.clear();
      for (const std::size_t i : members) group.push_back(std::move(b.views[i]));
      dunning::run_result r = dunning::evaluate(cp, group, as_of, {.cover = cover});
      for (std::size_t k = 0; k < members.size(); ++k) b.views[members[k]] = std::move(group[k]);
      for (dunning::invoice_result& x : r.invoices) {
        line_result& out = rep.results[members[x.index]];
        for (const dunning::command& cmd : x.commands) spend_cover(cover, b.views[members[x.index]].customer_id, cmd);
        if (x.problem) {
          out.problem = std::make_shared<const failure>(std::move(*x.problem));
          continue;
        }
        out.current = x.current;
        out.flags = x.flags;
        out.level = x.level;
        out.days_past_due = x.days_past_due;
        if (x.level > 0) out.last_step = &cp.source.steps[static_cast<std::size_t>(x.level) - 1u].name;
        out.open_principal = x.open_principal;
        out.fees = x.fees;
        out.interest = x.interest;
        out.total_due = x.total_due;
        out.commands = std::move(x.commands);
        out.recorded.assign(out.commands.size(), false);
        out.next_action = x.next_action;
      }
      // The engine's decisions: the steps already done, today's commands, and the reactions
      // to a broken promise or plan.
      for (const dunning::customer_decision& d : r.customers) {
        customer_summary& s = rep.customers[index.at(d.customer_id)];
        s.credit_hold = s.credit_hold || d.credit_hold;
        s.cash_terms = s.cash_terms || d.cash_terms;
      }
    }
  }
  group = {};

  // Today's commands that a run for this date already recorded.
  if (!today.empty()) {
    std::unordered_map<std::string_view, std::size_t> line_of;
    for (std::size_t i = 0; i < b.size(); ++i) line_of.emplace(b.views[i].invoice_id, i);
    for (const recorded_notice& n : today) {
      const auto it = line_of.find(n.invoice_id);
      if (it == line_of.end() || rep.results[it->second].problem) continue;
      line_result& r = rep.results[it->second];
      for (std::size_t c = 0; c < r.commands.size(); ++c)
        if (!r.recorded[c] && step_name(rep.policy_of(it->second), r.commands[c].step) == n.step) r.recorded[c] = true;
    }
  }

  show(3, "summarising customers");
  std::vector<std::uint8_t> rejected(b.views.size(), 0);
  for (std::size_t i = 0; i < rep.size(); ++i) {
    const line_result& r = rep.result(i);
    customer_summary& s = rep.customers[b.customer_of[i]];
    s.lines.push_back(i);
    if (r.problem) {
      rejected[i] = 1;
      rep.problems.push_back("invoices.csv:" + std::to_string(b.invoices[i]->line) + ": " + r.problem->message);
      continue;
    }
    s.in_collection = s.in_collection || r.current == dunning::state::handed_to_collection ||
                      r.current == dunning::state::legal;
  }

  // Exposure: the open items (the batch kernel over the book's columns), orders not
  // invoiced, security and set-off; over the limit is judged on its net total.
  const open_receivables open = open_receivables_of(b, l.customers.size(), rejected);
  std::vector<receivable_summary> sums(l.customers.size());
  summarize_receivables_batch(open.columns(), as_of, sums);
  const std::vector<uninvoiced> pending = uninvoiced_orders(l, index, as_of);
  std::vector<std::vector<security_item>> security = securities_held(l, index);
  for (std::size_t c = 0; c < rep.customers.size(); ++c) {
    customer_summary& s = rep.customers[c];
    const currency ccy = s.customer->currency;
    s.unapplied_credit = b.unapplied_credit[c];
    s.account = account_of(s, b.unapplied_credit[c], std::move(security[c]));
    try {
      s.exposure = compute_exposure(sums[c], s.account, pending[c], ccy, as_of);
    } catch (const error& e) {
      throw error(e.code(), "customer '" + s.customer->customer_id + "': exposure: " + e.what());
    }
    s.open = s.exposure.open_receivables();
    s.overdue = s.exposure.receivables_overdue;
    s.over_limit = limit_excess(s.account, s.exposure, as_of).is_positive();
  }
  return rep;
}

void for_each_report_slice(const ledger& l, date as_of, std::span<const recorded_notice> recorded,
                           policy_set& policies, std::size_t customers_per_slice,
                           const std::function<void(run_report&)>& on_slice) {
  ledger_slices cut(l);
  for_each_report_slice(cut, as_of, recorded, policies, customers_per_slice, on_slice);
}

void for_each_report_slice(ledger_slices& cut, date as_of, std::span<const recorded_notice> recorded,
                           policy_set& policies, std::size_t customers_per_slice,
                           const std::function<void(run_report&)>& on_slice) {
  if (customers_per_slice == 0) throw error(errc::invalid_argument, "report slices: a slice needs at least one customer");
  // One slice even for a ledger without customers: its rows of unknown customers are named there.
  for (std::size_t first = 0; first == 0 || first < cut.customers(); first += customers_per_slice) {
    const std::size_t last = std::min(cut.customers(), first + customers_per_slice);
    run_report rep = make_report(cut.slice(first, last), as_of, cut.notices_of(first, last, recorded), policies);
    policies = *rep.policies;  // what the slice compiled, the next slices reuse
    on_slice(rep);
  }
}

KREDITOR_NAMESPACE_END
