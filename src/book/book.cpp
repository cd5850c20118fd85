// The book: the host's ledger joined as of a date (book/book.hpp).
//
// In layers: each invoice known by the date gets its due date (from its terms when the ledger
// gives none) and its interest rule; notices (events.csv and the recorded ones) become fee
// charges; credit notes, payments and write-offs go through the ledger module's replay
// (replay_postings), which charges late interest (running_interest, here) before money
// reaches a claim; the postings then make each line's claim, its principal's dated changes and
// its settled fees and interest; the remaining events become the engine's overlays.
// The loader's indexes join the rows, so a million invoices are joined without looking an id up.
#include "kreditor/book/book.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <span>
#include <thread>
#include <unordered_map>

#include "core/huge_pages.hpp"
#include "core/key_groups.hpp"
#include "kreditor/charges/interest.hpp"
#include "kreditor/dunning/legal_check.hpp"
#include "kreditor/terms/due_dates.hpp"
#include "kreditor/terms/notation.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace {

[[noreturn]] void bad(errc code, const std::string& where, const std::string& what) {
  throw error(code, where + ": " + what);
}

std::string at_line(std::string_view file, int line) { return std::string(file) + ":" + std::to_string(line); }

/// Terms parsed once per distinct text (and once per customer for its default), and the
/// statutory deadline rule once per jurisdiction: a ledger of a million invoices has a handful.
class terms_cache {
 public:
  explicit terms_cache(std::size_t customers) : of_customer_(customers, nullptr) {}
  const payment_terms& terms(const invoice_record& inv, const customer_record& c, std::size_t customer) {
    if (inv.terms.empty()) {
      const payment_terms*& slot = of_customer_[customer];
      if (slot == nullptr) slot = &parsed(c.terms, "customers.csv", c.line);
      return *slot;
    }
    return parsed(inv.terms, "invoices.csv", inv.line);
  }
  const deadline_rule& rule(jurisdiction j) {
    auto& slot = rules_[static_cast<std::size_t>(j)];
    if (!slot) slot = statutory_deadline_rule(j);
    return *slot;
  }

 private:
  /// `text` parsed; the file and line name it in an error.
  const payment_terms& parsed(const std::string& text, std::string_view file, int line) {
    auto it = parsed_.find(text);
    if (it == parsed_.end()) {
      const result<payment_terms> t = parse_terms(text);  // checked when the ledger was read
      if (!t) bad(t.error().code, at_line(file, line), "terms: " + t.error().message);
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
    ids_.reserve(l.customers.size());
    for (const customer_record& c : l.customers) ids_.emplace_back(c.customer_id);
  }
  std::uint32_t customer(std::uint32_t stored, const std::string& id) {
    if (stored < ids_.size() && ids_[stored] == id) return stored;
    if (customers_.empty())
      for (std::size_t c = 0; c < l_.customers.size(); ++c)
        customers_.emplace(l_.customers[c].customer_id, static_cast<std::uint32_t>(c));
    const auto it = customers_.find(id);
    if (it == customers_.end()) throw error(errc::not_found, "ledger: unknown customer '" + id + "'");
    return it->second;
  }
  /// no_record when `id` is empty.
  std::uint32_t invoice(std::uint32_t stored, const std::string& id) {
    if (id.empty()) return no_record;
    if (stored < l_.invoices.size() && l_.invoices[stored].invoice_id == id) return stored;
    const auto it = invoice_index().find(id);
    if (it == invoices_.end()) throw error(errc::not_found, "ledger: unknown invoice '" + id + "'");
    return it->second;
  }
  /// Whether the ledger has an invoice (or credit note) `id` at all.
  bool has_invoice(const std::string& id) { return invoice_index().contains(id); }

 private:
  const ledger& l_;
  std::vector<std::string_view> ids_;
  std::unordered_map<std::string_view, std::uint32_t> customers_;
  std::unordered_map<std::string_view, std::uint32_t> invoices_;
  /// Invoice id -> index, built on first use (the loader's indexes usually make it unneeded).
  const std::unordered_map<std::string_view, std::uint32_t>& invoice_index() {
    if (invoices_.empty())
      for (std::size_t i = 0; i < l_.invoices.size(); ++i)
        invoices_.emplace(l_.invoices[i].invoice_id, static_cast<std::uint32_t>(i));
    return invoices_;
  }
};

/// Late interest per line for the replay: each line's running_interest (none where no rate
/// applies), fed the principal's changes as the replay makes them.
class line_interest final : public interest_accrual {
 public:
  explicit line_interest(std::size_t lines) : running_(lines) {}
  void start(std::uint32_t line, money principal, const rate_table& rates, date due, const interest_convention& c) {
    running_[line].emplace(principal, rates, due, c);
  }
  std::int64_t accrued_through(std::uint32_t line, date day) override {
    auto& r = running_[line];
    return r ? r->through(day).minor_units() : 0;
  }
  void principal_changed(std::uint32_t line, date on, std::int64_t delta) override {
    if (auto& r = running_[line]) r->change(on, money(delta, r->balance().currency()));
  }
  /// Interest accrued on `line` through `day` (zero where no rate applies).
  money through(std::uint32_t line, date day, currency ccy) {
    auto& r = running_[line];
    return r ? r->through(day) : money::zero(ccy);
  }

 private:
  std::vector<std::optional<running_interest>> running_;
};

/// Each customer's lines in line order, grouped on first use (detail::group_by_key). Most
/// slices have no customer-level event and never group them.
class lines_by_customer {
 public:
  lines_by_customer(const std::vector<std::uint32_t>& customer_of, std::size_t customers)
      : customer_of_(customer_of), customers_(customers) {}
  std::span<const std::uint32_t> of(std::uint32_t customer) {
    if (groups_.start.empty())
      groups_ = detail::group_by_key(customer_of_.size(), customers_, [&](std::size_t k) { return customer_of_[k]; });
    return groups_.of(customer);
  }

 private:
  const std::vector<std::uint32_t>& customer_of_;
  std::size_t customers_;
  detail::key_groups groups_;
};

/// A payment plan's installments, with what has been paid on each (money reaching the invoice
/// from the day the plan was agreed, applied to the installments in order).
dunning::plan_overlay plan_of(const event_record& e, money open_at_agreement, money paid_since) {
  dunning::plan_overlay plan{.agreed = e.on, .installments = {}};
  const std::vector<money> amounts =
      e.amount ? std::vector<money>(static_cast<std::size_t>(e.installments), *e.amount)
               : split(open_at_agreement, e.installments);
  for (std::size_t i = 0; i < amounts.size(); ++i) {
    const money on_this = min(paid_since, amounts[i]);
    paid_since -= on_this;
    plan.installments.push_back({.due = add_months(*e.first_due, static_cast<int>(i), month_end::clamp),
                                 .amount = amounts[i],
                                 .paid = on_this});
  }
  return plan;
}

/// The kind of fee a notice of step `step` charges under `cp`, in the law's vocabulary.
std::optional<dunning::fee_kind> fee_kind_of(const dunning::compiled_policy& cp, std::int32_t step) {
  if (step < 0 || static_cast<std::size_t>(step) >= cp.steps.size()) return std::nullopt;
  return cp.steps[static_cast<std::size_t>(step)].fee;
}

}  // namespace

jurisdiction jurisdiction_of(std::string_view country) {
  const result<jurisdiction> j = parse_jurisdiction(country);
  return j && *j != jurisdiction::eu ? *j : jurisdiction::eu;
}

book make_book(const ledger& l, date as_of, std::span<const recorded_notice> recorded, policy_set& policies,
               const allocation_policy& allocation) {
  book b;
  b.as_of = as_of;
  joins join(l);
  terms_cache cache(l.customers.size());
  // What the lines need of each customer, side by side (a million lines, 50 000 customers).
  struct customer_facts {
    jurisdiction law;       ///< the customer's own (due dates roll by it)
    jurisdiction governed;  ///< the policy's (dunning, interest, fees)
    kreditor::segment segment;
    currency ccy;
  };
  std::vector<customer_facts> facts(l.customers.size());
  for (std::size_t c = 0; c < l.customers.size(); ++c) {
    const jurisdiction law = jurisdiction_of(l.customers[c].country);
    facts[c] = {law, policies.governing(law), l.customers[c].segment, l.customers[c].currency};
  }

  // The invoices known on the date; line k is invoice k of the replay.
  std::vector<std::uint32_t> line_of_invoice = detail::huge_vector<std::uint32_t>(l.invoices.size(), no_record);
  std::size_t known = 0;
  for (const invoice_record& inv : l.invoices) known += inv.credit_of.empty() && inv.issue_date <= as_of ? 1u : 0u;
  b.views.reserve(known);
  detail::advise_huge_pages(b.views);
  // The views' memory is faulted in on another thread while the money is replayed.
  const std::jthread populating = detail::populate_in_background(b.views.data(), known * sizeof(dunning::invoice_view));
  std::vector<replay_invoice> items;
  std::vector<const payment_terms*> terms_of;
  std::vector<bool> fee_agreed;
  items.reserve(known);
  detail::advise_huge_pages(items);
  terms_of.reserve(known);
  b.invoices.reserve(known);
  b.customer_of.reserve(known);
  for (std::size_t i = 0; i < l.invoices.size(); ++i) {
    const invoice_record& inv = l.invoices[i];
    if (!inv.credit_of.empty() || inv.issue_date > as_of) continue;
    const std::uint32_t ci = join.customer(inv.customer_index, inv.customer_id);
    const payment_terms& terms = cache.terms(inv, l.customers[ci], ci);
    // The due date the ledger gives, else the one its terms give, moved off non-business days
    // as the customer's jurisdiction's law says.
    const date due = inv.due_date ? *inv.due_date : due_date(terms, inv.issue_date, cache.rule(facts[ci].law));
    line_of_invoice[i] = static_cast<std::uint32_t>(items.size());
    items.push_back({.id = inv.invoice_id, .customer = ci, .issue_date = inv.issue_date, .first_due = due,
                     .amount = inv.amount});
    terms_of.push_back(&terms);
    fee_agreed.push_back(terms.clauses.reminder_fee_agreed);
    b.invoices.push_back(&inv);
    b.customer_of.push_back(ci);
  }
  const std::size_t lines = items.size();

  // Late interest per line: the rate its terms agreed, else the governing policy's table for
  // the customer's segment; counted by the policy's convention.
  std::map<std::int64_t, rate_table> agreed_tables;  // one per distinct agreed rate; outlives the replay
  line_interest interest(lines);
  std::vector<std::optional<rate>> agreed_of(lines);
  for (std::size_t k = 0; k < lines; ++k) {
    const customer_facts& c = facts[b.customer_of[k]];
    const dunning::compiled_policy& cp = policies.for_jurisdiction(c.governed);
    const std::size_t seg = c.segment == segment::b2c ? 1 : 0;
    const rate_table* table = cp.interest_rates[seg] ? &*cp.interest_rates[seg] : nullptr;
    if (const std::optional<rate>& agreed = terms_of[k]->clauses.late_interest) {
      auto it = agreed_tables.find(agreed->parts_per_billion());
      if (it == agreed_tables.end())
        it = agreed_tables.emplace(agreed->parts_per_billion(), rate_table::constant(*agreed, "agreed rate")).first;
      table = &it->second;
      agreed_of[k] = *agreed;
    }
    if (table != nullptr)
      interest.start(static_cast<std::uint32_t>(k), items[k].amount, *table, items[k].first_due,
                     cp.interest_conventions[seg]);
  }
  terms_of = {};

  // Notices sent by the date: events.csv's notice_sent rows and those earlier runs recorded.
  // Each is a step of the line's policy; its fee is charged on the day it was sent.
  struct notice_of_line {
    std::uint32_t line;
    dunning::notice_record notice;
    std::string where;  ///< for messages: "events.csv:12" or "state: notice 'purring' for invoice 'X'"
  };
  std::vector<notice_of_line> notices;
  const auto step_of = [&](std::uint32_t k, std::string_view name, const std::string& where) -> std::int32_t {
    if (name == "broken_promise") return dunning::broken_promise_step;
    if (name == "broken_plan") return dunning::broken_plan_step;
    const jurisdiction j = facts[b.customer_of[k]].governed;
    const std::optional<std::int32_t> step = policies.for_jurisdiction(j).step_index(name);
    if (!step)
      bad(errc::invalid_argument, where,
          "level '" + std::string(name) + "' is not a step of the policy for " + std::string(to_string(j)));
    return *step;
  };
  for (const event_record& e : l.events) {
    if (e.kind != ledger_event_kind::notice_sent || e.on > as_of) continue;
    const std::uint32_t i = join.invoice(e.invoice_index, e.invoice_id);
    if (i == no_record || line_of_invoice[i] == no_record) continue;  // customer-level, a credit note, or later
    const std::uint32_t k = line_of_invoice[i];
    const std::string where = at_line("events.csv", e.line);
    notices.push_back({k, {.step = step_of(k, e.level, where), .sent = e.on, .deadline = e.deadline,
                           .fee = e.fee.value_or(money::zero(items[k].amount.currency()))}, where});
  }
  if (!recorded.empty()) {
    std::unordered_map<std::string_view, std::uint32_t> line_of;  // invoice id -> line
    line_of.reserve(lines);
    for (std::size_t k = 0; k < lines; ++k) line_of.emplace(items[k].id, static_cast<std::uint32_t>(k));
    for (const recorded_notice& n : recorded) {
      if (n.sent > as_of) continue;
      const auto it = line_of.find(n.invoice_id);
      const std::string where = "state file: notice '" + n.step + "' for invoice '" + n.invoice_id + "'";
      if (it == line_of.end()) {
        // An invoice issued after the date (or a credit note) is fine; one the ledger never had is not.
        if (join.has_invoice(n.invoice_id)) continue;
        bad(errc::not_found, where, "the ledger has no such invoice");
      }
      const std::uint32_t k = it->second;
      if (n.fee.currency() != items[k].amount.currency())
        bad(errc::currency_mismatch, where,
            "the fee is in " + std::string(n.fee.currency().code()) + ", the invoice in " +
                std::string(items[k].amount.currency().code()));
      notices.push_back({k, {.step = step_of(k, n.step, where), .sent = n.sent, .deadline = n.deadline, .fee = n.fee},
                         where});
    }
  }
  // Fees: never negative, never above the law's cap for the step's kind of fee on the day sent.
  std::vector<replay_charge> charges;
  std::vector<std::uint32_t> charge_notice;  // charge -> notices index (for messages)
  for (std::size_t x = 0; x < notices.size(); ++x) {
    const notice_of_line& n = notices[x];
    const money fee = n.notice.fee;
    if (fee.is_negative()) bad(errc::invalid_argument, n.where, "fee " + to_string(fee) + " is negative");
    if (fee.is_zero()) continue;
    const customer_facts& c = facts[b.customer_of[n.line]];
    const dunning::compiled_policy& cp = policies.for_jurisdiction(c.governed);
    if (const auto kind = fee_kind_of(cp, n.notice.step)) {
      // Under the law the policy was compiled against (the host's fee rules reach here too).
      const std::optional<money> cap =
          cp.fee_rules ? dunning::statutory_fee_cap(c.governed, c.segment, *kind, fee.currency(), items[n.line].first_due,
                                                    n.notice.sent, items[n.line].amount, *cp.fee_rules)
                       : dunning::statutory_fee_cap(c.governed, c.segment, *kind, fee.currency(), items[n.line].first_due,
                                                    n.notice.sent, items[n.line].amount);
      if (cap && fee > *cap)
        bad(errc::invalid_argument, n.where,
            "fee " + to_string(fee) + " is above the law's cap for a " + std::string(dunning::to_string(*kind)) +
                " fee on " + to_string(n.notice.sent) + " (" + to_string(*cap) + ")");
    }
    charges.push_back({.invoice = n.line, .on = n.notice.sent, .part = component::fees, .amount = fee});
    charge_notice.push_back(static_cast<std::uint32_t>(x));
  }

  // Credit notes, payments and write-offs made by the date.
  std::vector<replay_credit_note> credit_notes;
  std::vector<int> credit_note_line;
  for (const invoice_record& note : l.invoices) {
    if (note.credit_of.empty() || note.issue_date > as_of) continue;
    const std::uint32_t target = join.invoice(note.credit_of_index, note.credit_of);
    if (line_of_invoice[target] == no_record) continue;  // issued later
    credit_notes.push_back({.invoice = line_of_invoice[target], .issue_date = note.issue_date, .amount = -note.amount});
    credit_note_line.push_back(note.line);
  }
  // A payment designates the invoice it names, or the customer's invoices whose reference it quotes.
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_reference;
  if (std::any_of(l.payments.begin(), l.payments.end(), [](const payment_record& p) { return !p.reference.empty(); }))
    for (std::size_t k = 0; k < lines; ++k)
      if (const std::string& r = b.invoices[k]->reference; !r.empty())
        by_reference[normalized_reference(r)].push_back(static_cast<std::uint32_t>(k));
  std::vector<replay_payment> payments;
  std::vector<std::uint32_t> designations;
  std::vector<int> payment_line;
  payments.reserve(l.payments.size());
  payment_line.reserve(l.payments.size());
  detail::advise_huge_pages(payments);
  for (const payment_record& p : l.payments) {
    if (p.date_paid > as_of) continue;
    const std::uint32_t ci = join.customer(p.customer_index, p.customer_id);
    const auto begin = static_cast<std::uint32_t>(designations.size());
    if (const std::uint32_t i = join.invoice(p.invoice_index, p.invoice_id); i != no_record && line_of_invoice[i] != no_record)
      designations.push_back(line_of_invoice[i]);
    if (!by_reference.empty() && !p.reference.empty())
      if (const auto it = by_reference.find(normalized_reference(p.reference)); it != by_reference.end())
        for (const std::uint32_t k : it->second)
          if (b.customer_of[k] == ci) designations.push_back(k);
    payments.push_back({.customer = ci, .received = p.date_paid, .amount = p.amount, .designated_begin = begin,
                        .designated_end = static_cast<std::uint32_t>(designations.size())});
    payment_line.push_back(p.line);
  }
  by_reference.clear();
  std::vector<replay_write_off> write_offs;
  std::vector<int> write_off_line;
  // A write-off names its invoice, or (without an amount) writes off every invoice of the
  // customer issued by its date.
  lines_by_customer lines_of_customer(b.customer_of, l.customers.size());
  for (const event_record& e : l.events) {
    if (e.kind != ledger_event_kind::write_off || e.on > as_of) continue;
    const std::uint32_t i = join.invoice(e.invoice_index, e.invoice_id);
    if (i == no_record) {
      if (e.amount) bad(errc::invalid_argument, at_line("events.csv", e.line), "a write_off with an amount must name its invoice");
      for (const std::uint32_t k : lines_of_customer.of(join.customer(e.customer_index, e.customer_id)))
        if (items[k].issue_date <= e.on) {
          write_offs.push_back({.invoice = k, .on = e.on, .amount = std::nullopt});
          write_off_line.push_back(e.line);
        }
      continue;
    }
    if (line_of_invoice[i] == no_record) continue;
    write_offs.push_back({.invoice = line_of_invoice[i], .on = e.on, .amount = e.amount});
    write_off_line.push_back(e.line);
  }

  std::vector<posting> postings;
  try {
    postings = replay_postings({.invoices = items,
                                .charges = charges,
                                .credit_notes = credit_notes,
                                .payments = payments,
                                .designations = designations,
                                .write_offs = write_offs,
                                .interest = &interest,
                                .describe = [&](posting_source from, std::uint32_t k) -> std::string {
                                  switch (from) {
                                    case posting_source::charge: return notices[charge_notice[k]].where;
                                    case posting_source::credit_note: return at_line("invoices.csv", credit_note_line[k]) + ": credit note";
                                    case posting_source::payment: return at_line("payments.csv", payment_line[k]);
                                    case posting_source::write_off: return at_line("events.csv", write_off_line[k]) + ": write_off";
                                    case posting_source::accrual: return "invoices.csv:" + std::to_string(b.invoices[k]->line) + ": late interest";
                                  }
                                  return {};
                                }},
                               allocation);
  } catch (const error& e) {
    std::string what = e.what();
    constexpr std::string_view prefix = "replay_postings: ";
    if (what.starts_with(prefix)) what.erase(0, prefix.size());
    throw error(e.code(), what);
  }
  payments = {};
  designations = {};

  // What the postings did to each line: its claim, its principal's dated changes, its settled
  // fees and interest, and what closed it; per customer the credit left.
  b.claims.resize(lines);
  for (std::size_t k = 0; k < lines; ++k) {
    const currency ccy = items[k].amount.currency();
    const money zero = money::zero(ccy);
    b.claims[k] = {.amount = items[k].amount, .credited = zero, .principal_paid = zero, .principal_written_off = zero,
                   .fees_charged = zero, .fees_paid = zero, .fees_written_off = zero, .interest_charged = zero,
                   .interest_paid = zero, .interest_written_off = zero};
  }
  b.unapplied_credit.resize(l.customers.size());
  for (std::size_t c = 0; c < l.customers.size(); ++c) b.unapplied_credit[c] = money::zero(l.customers[c].currency);
  std::vector<std::uint32_t> first_change = detail::huge_vector<std::uint32_t>(lines + 1);
  std::vector<std::uint32_t> first_settled(lines + 1, 0);
  std::vector<entry_kind> closed_by(lines, entry_kind::payment);
  std::vector<date> closed_on(lines);
  for (const posting& p : postings) {
    if (p.kind == entry_kind::unapplied) {
      b.unapplied_credit[p.customer] += p.amount;
      continue;
    }
    if (p.kind == entry_kind::credit_applied) b.unapplied_credit[p.customer] -= p.amount;
    claim& cl = b.claims[p.invoice];
    if (p.kind == entry_kind::charge) {
      (p.part == component::fees ? cl.fees_charged : cl.interest_charged) += p.amount;
      continue;
    }
    closed_by[p.invoice] = p.kind;
    closed_on[p.invoice] = p.on;
    const bool written = p.kind == entry_kind::write_off;
    switch (p.part) {
      case component::principal:
        (p.kind == entry_kind::credit_note ? cl.credited : written ? cl.principal_written_off : cl.principal_paid) += p.amount;
        ++first_change[p.invoice + 1];
        break;
      case component::fees:
        (written ? cl.fees_written_off : cl.fees_paid) += p.amount;
        ++first_settled[p.invoice + 1];
        break;
      case component::interest:
        (written ? cl.interest_written_off : cl.interest_paid) += p.amount;
        ++first_settled[p.invoice + 1];
        break;
    }
  }
  for (std::size_t k = 0; k < lines; ++k) {
    first_change[k + 1] += first_change[k];
    first_settled[k + 1] += first_settled[k];
  }
  std::vector<balance_change> changes = detail::huge_vector<balance_change>(first_change.back());
  std::vector<dunning::charge_settlement> settled(first_settled.back());
  {
    std::vector<std::uint32_t> fill(first_change.begin(), first_change.end() - 1);
    std::vector<std::uint32_t> fill_settled(first_settled.begin(), first_settled.end() - 1);
    for (const posting& p : postings) {
      if (p.kind == entry_kind::unapplied || p.kind == entry_kind::charge) continue;
      if (p.part == component::principal)
        changes[fill[p.invoice]++] = {.on = p.on, .delta = -p.amount};
      else
        settled[fill_settled[p.invoice]++] = {.on = p.on, .part = p.part, .amount = p.amount};
    }
  }
  postings = {};

  // One view per line, written once. Interest accrued through the date completes each claim.
  for (std::size_t k = 0; k < lines; ++k) {
    const invoice_record& inv = *b.invoices[k];
    const customer_facts& c = facts[b.customer_of[k]];
    claim& cl = b.claims[k];
    cl.interest_charged = interest.through(static_cast<std::uint32_t>(k), as_of, items[k].amount.currency());
    dunning::invoice_view& v = b.views.emplace_back();
    v.invoice_id = inv.invoice_id;
    v.customer_id = inv.customer_id;
    v.currency = c.ccy;
    v.segment = c.segment;
    v.jurisdiction = c.governed;
    v.issue_date = inv.issue_date;
    v.due_date = items[k].first_due;
    v.agreed_interest = agreed_of[k];
    v.reminder_fee_agreed = fee_agreed[k];
    if (cl.total().is_zero()) {
      // Settled: nothing accrues or is dunned any more (no allocation for the many paid
      // invoices of a big ledger); what closed it says how, and when.
      if (!closed_on[k].is_special()) cl.settled_on = closed_on[k];
      v.settled = true;
      v.amount = money::zero(c.ccy);
      v.credited = closed_by[k] == entry_kind::credit_note;
      if (closed_by[k] == entry_kind::write_off) v.overlays.written_off = closed_on[k];
    } else {
      v.amount = items[k].amount;
      v.balance_changes.assign(changes.begin() + first_change[k], changes.begin() + first_change[k + 1]);
      v.settlements.assign(settled.begin() + first_settled[k], settled.begin() + first_settled[k + 1]);
    }
  }
  for (const notice_of_line& n : notices) b.views[n.line].notices.push_back(n.notice);
  notices = {};

  // What happened to each invoice up to the date, in date order.
  std::vector<const event_record*> events;
  for (const event_record& e : l.events)
    if (e.on <= as_of && e.kind != ledger_event_kind::notice_sent && e.kind != ledger_event_kind::write_off &&
        e.kind != ledger_event_kind::debt_acknowledgment)  // limitation's, not dunning's
      events.push_back(&e);
  std::stable_sort(events.begin(), events.end(),
                   [](const event_record* x, const event_record* y) { return x->on < y->on; });
  // Customer-level events (no invoice) apply to every invoice of the customer open that day.
  std::vector<std::uint32_t> targets;
  for (const event_record* e : events) {
    targets.clear();
    if (!e->invoice_id.empty()) {
      const std::uint32_t i = join.invoice(e->invoice_index, e->invoice_id);
      if (line_of_invoice[i] == no_record) continue;  // a credit note or an invoice issued later
      targets.push_back(line_of_invoice[i]);
    } else {
      for (const std::uint32_t k : lines_of_customer.of(join.customer(e->customer_index, e->customer_id)))
        if (b.views[k].issue_date <= e->on) targets.push_back(k);
    }
    for (const std::uint32_t k : targets) {
      dunning::invoice_view& v = b.views[k];
      dunning::overlays& o = v.overlays;
      using enum ledger_event_kind;
      switch (e->kind) {
        case dispute_opened: o.disputes.push_back({.opened = e->on, .resolved = std::nullopt}); break;
        case dispute_resolved:
          if (o.disputes.empty() || o.disputes.back().resolved)
            bad(errc::invalid_argument, at_line("events.csv", e->line),
                "dispute_resolved for invoice '" + v.invoice_id + "' without an open dispute");
          o.disputes.back().resolved = e->on;
          break;
        case promise_to_pay: o.promises.push_back({.made = e->on, .until = *e->until}); break;
        case payment_plan: {
          // Open at the end of the day before: the principal less its changes before it; paid
          // since: every part of the claim paid from that day.
          money open = items[k].amount;
          money paid_since = money::zero(v.currency);
          for (std::uint32_t at = first_change[k]; at < first_change[k + 1]; ++at) {
            if (changes[at].on < e->on) open += changes[at].delta;
            else paid_since -= changes[at].delta;
          }
          for (std::uint32_t at = first_settled[k]; at < first_settled[k + 1]; ++at)
            if (settled[at].on >= e->on) paid_since += settled[at].amount;
          o.plan = plan_of(*e, open, paid_since);
          break;
        }
        case hold: o.holds.push_back({.from = e->on, .until = e->until}); break;
        case release:
          if (!o.holds.empty() && !o.holds.back().until) o.holds.back().until = e->on;
          break;
        case write_off:
        case notice_sent: break;  // replayed above
        case debt_acknowledgment: break;  // left out above: limitation reads it
      }
    }
  }
  for (dunning::invoice_view& v : b.views)
    if (v.notices.size() > 1)
      std::stable_sort(v.notices.begin(), v.notices.end(),
                       [](const dunning::notice_record& x, const dunning::notice_record& y) { return x.sent < y.sent; });
  return b;
}

KREDITOR_NAMESPACE_END
