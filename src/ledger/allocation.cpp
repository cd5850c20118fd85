#include "kreditor/ledger/allocation.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <string>
#include <unordered_map>

#include "core/huge_pages.hpp"
#include "core/key_groups.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace {

// One dated thing to replay. Built in the documented order of one day (invoices issued, charges,
// credit notes, payments, write-offs), so a stable sort by date alone keeps it.
enum class replay_step : std::uint8_t { issue, charge, credit_note, payment, write_off };
struct event {
  date on;
  replay_step what;
  std::uint32_t index;
};

// The running balance of one invoice during the replay, in minor units of its currency, kept at
// its place in its customer's item order: a payment's walk over the customer's open items then
// reads consecutive memory.
struct balance {
  std::int64_t fees = 0, interest = 0, principal = 0;
  std::int64_t accrued = 0;    ///< late interest charged through interest_accrual so far
  std::int64_t creditable = 0; ///< what credit notes may still take off (amount less earlier notes)
  date issue{};
  currency ccy{};
  std::uint32_t invoice = 0;
  std::uint32_t customer = 0;
  std::int64_t& of(component c) { return c == component::fees ? fees : c == component::interest ? interest : principal; }
  [[nodiscard]] bool closed() const { return fees <= 0 && interest <= 0 && principal <= 0; }
  [[nodiscard]] std::int64_t total() const { return fees + interest + principal; }
};

// Customer credit not yet applied: what is left of one payment's or credit note's surplus.
struct credit_lot {
  posting_source from;
  std::uint32_t source;
  money left;
};

[[noreturn]] void bad(errc code, const std::string& what) { throw error(code, "replay_postings: " + what); }

/// `events` stably sorted by date: a counting sort by day number when the days span a range of
/// the order of the count (a ledger's few years of dates: two passes over the events, where a
/// merge sort compares each some log n times), else std::stable_sort. The same order either way.
void sort_by_day(std::vector<event>& events) {
  if (events.size() < 2) return;
  std::int32_t lo = std::numeric_limits<std::int32_t>::max(), hi = std::numeric_limits<std::int32_t>::min();
  bool special = false;
  for (const event& e : events) {
    special |= e.on.is_special();
    const std::int32_t d = day_number(e.on);
    lo = std::min(lo, d);
    hi = std::max(hi, d);
  }
  const auto range = static_cast<std::uint64_t>(std::int64_t{hi} - lo) + 1;
  if (special || range > 4 * events.size() + 4096) {
    std::stable_sort(events.begin(), events.end(), [](const event& a, const event& b) { return a.on < b.on; });
    return;
  }
  const detail::key_groups by_day = detail::group_by_key(
      events.size(), range, [&](std::size_t k) { return static_cast<std::uint32_t>(day_number(events[k].on) - lo); });
  std::vector<event> sorted;
  sorted.reserve(events.size());
  detail::advise_huge_pages(sorted);
  for (const std::uint32_t k : by_day.rows) sorted.push_back(events[k]);
  events.swap(sorted);
}

}  // namespace

// References compare without spaces and case: "1234 5678" quoted as "12345678" designates it.
std::string normalized_reference(std::string_view r) {
  std::string out;
  for (char c : r)
    if (c != ' ' && c != '-') out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
  return out;
}

allocation_preset allocation_preset_for(jurisdiction j) {
  allocation_preset p{.jurisdiction = j};
  switch (j) {
    case jurisdiction::no:
      p.rule = "No statutory order. The debtor may designate for voluntary payments; otherwise the "
               "creditor decides, and collectors take costs first, then interest, then principal.";
      p.source = "Justisdepartementets lovavdeling 19.08.1999 (https://www.regjeringen.no/no/dokumenter/"
                 "avdrag-innbetalt-i-inkassosak/id443429/); inkassoguiden.no art. 322";
      p.uncertain = false;
      break;
    case jurisdiction::se:
      p.rule = "Handelsbalken 9 kap. 5 §: the debtor designates first, the creditor second. Whether "
               "costs -> interest -> capital is the default within one claim is not settled.";
      p.source = "HB 9:5; NJA 2013 s. 1190 (https://lagen.nu/dom/nja/2013s1190)";
      p.uncertain = true;
      break;
    case jurisdiction::dk:
      p.rule = "The debtor may designate (general private-law principle); public collection covers "
               "interest before principal. No private default order within one claim was confirmed.";
      p.source = "SKAT G.A.2.3 (https://tax.dk/jv/ga/G_A_2_3.htm); Gældsstyrelsen dækningsrækkefølge";
      p.uncertain = true;
      break;
    case jurisdiction::fi:
      p.rule = "HE 57/2012 introduced an allocation rule for consumer claims; its content was not "
               "retrieved. Do not rely on this order without checking.";
      p.source = "HE 57/2012 (https://finlex.fi/fi/esitykset/he/2012/20120057); KKV guideline 6.1";
      p.uncertain = true;
      break;
    case jurisdiction::eu:
      p.rule = "Directive 2011/7/EU says nothing about allocation.";
      p.source = "Directive 2011/7/EU";
      p.uncertain = true;
      break;
  }
  return p;
}

std::vector<posting> replay_postings(const replay_columns& h, const allocation_policy& policy) {
  const std::span<const replay_invoice> inv = h.invoices;
  if (inv.size() >= no_invoice) bad(errc::invalid_argument, "too many invoices");
  const auto n = static_cast<std::uint32_t>(inv.size());
  const auto check_invoice = [&](std::uint32_t i, const char* who, std::size_t k) {
    if (i >= n)
      bad(errc::invalid_argument, std::string(who) + " " + std::to_string(k) + " names invoice " + std::to_string(i) +
                                      " of " + std::to_string(n));
  };
  const auto name = [&](posting_source from, std::uint32_t k) {
    if (h.describe) return h.describe(from, k);
    static constexpr std::array<const char*, 5> names{"charge", "credit note", "payment", "write-off", "interest on invoice"};
    return std::string(names[static_cast<std::size_t>(from)]) + " " + std::to_string(k);
  };
  const auto positive = [](money m, const char* who, std::size_t k) {
    if (!m.is_positive())
      bad(errc::invalid_argument, std::string(who) + " " + std::to_string(k) + " has a non-positive amount " + to_string(m));
  };
  const auto same_currency = [](money m, money of, const char* who, std::size_t k) {
    if (m.currency() != of.currency())
      bad(errc::currency_mismatch, std::string(who) + " " + std::to_string(k) + " is in " + std::string(m.currency().code()) +
                                       ", its invoice in " + std::string(of.currency().code()));
  };

  // Each customer's invoices in the order undesignated money reaches them (counting sort by
  // customer, then the item order within each customer), and where each invoice sits in it.
  std::uint32_t customers = 0;
  for (const replay_invoice& x : inv) customers = std::max(customers, x.customer + 1);
  for (const replay_payment& p : h.payments) customers = std::max(customers, p.customer + 1);
  detail::key_groups by_customer = detail::group_by_key(n, customers, [&](std::size_t i) { return inv[i].customer; });
  const column<std::uint32_t> first = std::move(by_customer.start);
  // The sort keys sit beside each other (one read of each invoice), so sorting a customer's
  // invoices reads no scattered memory; ids are compared only on a tie of dates.
  struct sort_key {
    date due;
    date issue;
    std::uint32_t invoice;
  };
  const bool by_due = policy.items == item_order::oldest_due_first;
  std::vector<sort_key> order = detail::huge_vector<sort_key>(n);
  for (std::uint32_t k = 0; k < n; ++k) {
    const std::uint32_t i = by_customer.rows[k];
    order[k] = {by_due ? inv[i].first_due : date{}, inv[i].issue_date, i};
  }
  by_customer.rows = {};
  const auto earlier = [&](const sort_key& x, const sort_key& y) {
    if (x.due != y.due) return x.due < y.due;
    if (x.issue != y.issue) return x.issue < y.issue;
    if (const std::string_view a = inv[x.invoice].id, b = inv[y.invoice].id; a != b) return a < b;
    return x.invoice < y.invoice;
  };
  for (std::size_t c = 0; c < customers; ++c)
    if (first[c + 1] - first[c] > 1) std::sort(order.begin() + first[c], order.begin() + first[c + 1], earlier);
  std::vector<std::uint32_t> place = detail::huge_vector<std::uint32_t>(n);
  std::vector<balance> bal = detail::huge_vector<balance>(n);
  for (std::uint32_t k = 0; k < n; ++k) {
    const std::uint32_t i = order[k].invoice;
    place[i] = k;
    bal[k] = {.principal = inv[i].amount.minor_units(), .creditable = inv[i].amount.minor_units(),
              .issue = inv[i].issue_date, .ccy = inv[i].amount.currency(), .invoice = i, .customer = inv[i].customer};
  }
  order = {};
  // Per customer: before this place every invoice is closed (a charge may reopen one).
  std::vector<std::uint32_t> cursor(first.begin(), first.end() - 1);

  // The dated events; invoice issues only matter to customer credit, so they are replayed
  // only when some money can become credit (a payment or credit note exists).
  std::vector<event> events;
  const bool credit_possible = !h.payments.empty() || !h.credit_notes.empty();
  events.reserve((credit_possible ? inv.size() : 0) + h.charges.size() + h.credit_notes.size() + h.payments.size() +
                 h.write_offs.size());
  detail::advise_huge_pages(events);
  if (credit_possible)
    for (std::uint32_t i = 0; i < n; ++i) events.push_back({inv[i].issue_date, replay_step::issue, i});
  for (std::size_t k = 0; k < h.charges.size(); ++k)
    events.push_back({h.charges[k].on, replay_step::charge, static_cast<std::uint32_t>(k)});
  for (std::size_t k = 0; k < h.credit_notes.size(); ++k)
    events.push_back({h.credit_notes[k].issue_date, replay_step::credit_note, static_cast<std::uint32_t>(k)});
  for (std::size_t k = 0; k < h.payments.size(); ++k)
    events.push_back({h.payments[k].received, replay_step::payment, static_cast<std::uint32_t>(k)});
  for (std::size_t k = 0; k < h.write_offs.size(); ++k)
    events.push_back({h.write_offs[k].on, replay_step::write_off, static_cast<std::uint32_t>(k)});
  sort_by_day(events);

  std::vector<posting> out;
  // Room for a posting per charge, two per credit note and payment (applied and rest, or two
  // invoices): growing a vector of a million postings would copy it.
  out.reserve(h.charges.size() + 2 * (h.credit_notes.size() + h.payments.size()) + h.write_offs.size());
  detail::advise_huge_pages(out);
  interest_accrual* const accrual = h.interest;

  // The principal of the invoice at place `at` changed: late interest runs on the new balance.
  const auto principal_moved = [&](const balance& b, date on, std::int64_t delta) {
    if (accrual != nullptr && delta != 0) accrual->principal_changed(b.invoice, on, delta);
  };
  // Late interest accrued on the invoice at `at` through `on` and not yet charged is charged.
  const auto accrue = [&](std::uint32_t at, date on) {
    if (accrual == nullptr) return;
    balance& b = bal[at];
    if (b.principal <= 0 && b.accrued == 0) return;  // never bore interest, or paid before it did
    const std::int64_t through = accrual->accrued_through(b.invoice, on);
    if (through <= b.accrued) return;
    const std::int64_t add = through - b.accrued;
    if (__builtin_add_overflow(b.interest, add, &b.interest)) bad(errc::overflow, name(posting_source::accrual, b.invoice) + " overflows");
    b.accrued = through;
    out.push_back({on, entry_kind::charge, component::interest, posting_source::accrual, b.invoice, b.customer, b.invoice,
                   money(add, b.ccy)});
  };
  // Money of `amount` (minor units, left is updated) reaches the invoice at `at` on `on`, in
  // the policy's component order; each part becomes a posting made by `make`.
  std::vector<std::uint32_t> touched;
  const auto settle = [&](std::uint32_t at, date on, std::int64_t& left, entry_kind kind, posting_source from,
                          std::uint32_t source) {
    accrue(at, on);
    balance& b = bal[at];
    for (const component c : policy.order) {
      std::int64_t& open = b.of(c);
      if (open <= 0 || left == 0) continue;
      const std::int64_t take = std::min(open, left);
      open -= take;
      left -= take;
      out.push_back({on, kind, c, from, b.invoice, b.customer, source, money(take, b.ccy)});
      if (c == component::principal) principal_moved(b, on, -take);
      if (touched.empty() || touched.back() != at) touched.push_back(at);
    }
  };
  // Walks customer `customer`'s open items in the item order (those issued by `on`, in `ccy`),
  // while `left` lasts.
  const auto walk = [&](std::uint32_t customer, currency ccy, date on, std::int64_t& left, entry_kind kind,
                        posting_source from, std::uint32_t source) {
    if (customer >= customers) return;
    bool closed_so_far = true;
    for (std::uint32_t at = cursor[customer]; left > 0 && at < first[std::size_t{customer} + 1]; ++at) {
      const balance& b = bal[at];
      if (!b.closed() && b.ccy == ccy && b.issue <= on) settle(at, on, left, kind, from, source);
      if (closed_so_far && b.closed())
        cursor[customer] = at + 1;
      else
        closed_so_far = false;
    }
  };

  // Customer credit, oldest lot first, per customer (most customers never have any).
  std::vector<std::vector<credit_lot>> credit(customers);
  const auto apply_credit = [&](std::uint32_t customer, currency ccy, date on) {
    std::vector<credit_lot>& lots = credit[customer];
    for (credit_lot& lot : lots) {
      if (lot.left.currency() != ccy) continue;
      std::int64_t left = lot.left.minor_units();
      walk(customer, ccy, on, left, entry_kind::credit_applied, lot.from, lot.source);
      lot.left = money(left, ccy);
      if (left > 0) break;  // nothing more is open: later lots stay too
    }
    std::erase_if(lots, [](const credit_lot& lot) { return lot.left.is_zero(); });
  };
  const auto keep_credit = [&](std::uint32_t customer, date on, posting_source from, std::uint32_t source, money left) {
    out.push_back({on, entry_kind::unapplied, component::principal, from, no_invoice, customer, source, left});
    credit[customer].push_back({from, source, left});
  };
  const auto has_credit = [&](std::uint32_t customer) { return !credit[customer].empty(); };

  for (const event& ev : events) {
    const std::uint32_t k = ev.index;
    switch (ev.what) {
      case replay_step::issue:
        if (has_credit(inv[k].customer)) apply_credit(inv[k].customer, inv[k].amount.currency(), ev.on);
        continue;
      case replay_step::charge: {
        const replay_charge& c = h.charges[k];
        if (c.part == component::principal) bad(errc::invalid_argument, "charge " + std::to_string(k) + " must be a fee or interest charge");
        positive(c.amount, "charge", k);
        check_invoice(c.invoice, "charge", k);
        same_currency(c.amount, inv[c.invoice].amount, "charge", k);
        std::int64_t& part = bal[place[c.invoice]].of(c.part);
        if (__builtin_add_overflow(part, c.amount.minor_units(), &part)) bad(errc::overflow, name(posting_source::charge, k) + ": " + to_string(c.amount) + " added to the invoice's " + std::string(to_string(c.part)) + " overflows");
        std::uint32_t& at = cursor[inv[c.invoice].customer];
        at = std::min(at, place[c.invoice]);  // a closed invoice may be open again
        out.push_back({c.on, entry_kind::charge, c.part, posting_source::charge, c.invoice, inv[c.invoice].customer, k, c.amount});
        if (has_credit(inv[c.invoice].customer)) apply_credit(inv[c.invoice].customer, c.amount.currency(), c.on);
        continue;
      }
      case replay_step::credit_note: {  // reduces principal; the excess is customer credit
        const replay_credit_note& cn = h.credit_notes[k];
        positive(cn.amount, "credit note", k);
        check_invoice(cn.invoice, "credit note", k);
        same_currency(cn.amount, inv[cn.invoice].amount, "credit note", k);
        balance& b = bal[place[cn.invoice]];
        if (cn.amount.minor_units() > b.creditable)
          bad(errc::invalid_argument, name(posting_source::credit_note, k) + ": " + to_string(cn.amount) +
                                          " is more than what it may still credit on its invoice (" +
                                          to_string(money(b.creditable, b.ccy)) + ")");
        b.creditable -= cn.amount.minor_units();
        const std::int64_t applied = std::min(cn.amount.minor_units(), std::max<std::int64_t>(b.principal, 0));
        const currency ccy = cn.amount.currency();
        const std::uint32_t customer = inv[cn.invoice].customer;
        if (applied > 0) {
          b.principal -= applied;
          out.push_back({cn.issue_date, entry_kind::credit_note, component::principal, posting_source::credit_note,
                         cn.invoice, customer, k, money(applied, ccy)});
          principal_moved(b, cn.issue_date, -applied);
        }
        if (const std::int64_t rest = cn.amount.minor_units() - applied; rest > 0) {
          keep_credit(customer, cn.issue_date, posting_source::credit_note, k, money(rest, ccy));
          apply_credit(customer, ccy, cn.issue_date);  // the customer's other open claims take it
        }
        continue;
      }
      case replay_step::write_off: {
        const replay_write_off& w = h.write_offs[k];
        check_invoice(w.invoice, "write-off", k);
        const std::uint32_t at = place[w.invoice];
        accrue(at, w.on);
        balance& b = bal[at];
        std::int64_t left = b.total();
        if (w.amount) {
          positive(*w.amount, "write-off", k);
          same_currency(*w.amount, inv[w.invoice].amount, "write-off", k);
          if (w.amount->minor_units() > left)
            bad(errc::invalid_argument, name(posting_source::write_off, k) + ": " + to_string(*w.amount) +
                                            " is more than the open claim on " + to_string(w.on) + " (" +
                                            to_string(money(left, b.ccy)) + ")");
          left = w.amount->minor_units();
        }
        touched.clear();
        settle(at, w.on, left, entry_kind::write_off, posting_source::write_off, k);
        continue;
      }
      case replay_step::payment: break;
    }
    // A payment: designated invoices first, then the customer's other open items in order.
    const replay_payment& p = h.payments[k];
    positive(p.amount, "payment", k);
    if (p.designated_begin > p.designated_end || p.designated_end > h.designations.size())
      bad(errc::invalid_argument, "payment " + std::to_string(k) + " has a designation range outside the designations");
    const currency ccy = p.amount.currency();
    std::int64_t left = p.amount.minor_units();
    touched.clear();
    for (std::uint32_t d = p.designated_begin; d < p.designated_end; ++d) {
      const std::uint32_t i = h.designations[d];
      check_invoice(i, "payment designation", d);
      if (bal[place[i]].ccy != ccy)
        bad(errc::currency_mismatch, "payment " + std::to_string(k) + " designates invoice " + std::to_string(i) +
                                         " in another currency");
      if (std::find(h.designations.begin() + p.designated_begin, h.designations.begin() + d, i) !=
          h.designations.begin() + d)
        continue;  // named twice
      if (left > 0) settle(place[i], p.received, left, entry_kind::payment, posting_source::payment, k);
    }
    // A designated invoice that leaves money over is closed, so the walk below skips it.
    walk(p.customer, ccy, p.received, left, entry_kind::payment, posting_source::payment, k);
    if (left > 0) keep_credit(p.customer, p.received, posting_source::payment, k, money(left, ccy));
    // Small differences, only when configured: write off what a payment left on an item it
    // touched, "at or below" the threshold.
    if (policy.write_off_below) {
      for (const std::uint32_t at : touched) {
        if (ccy != policy.write_off_below->currency()) continue;
        balance& b = bal[at];
        const money rest = money(b.fees, ccy) + money(b.interest, ccy) + money(b.principal, ccy);
        if (!rest.is_positive() || rest > *policy.write_off_below) continue;
        for (const component c : policy.order) {
          std::int64_t& open = b.of(c);
          if (open <= 0) continue;
          out.push_back({p.received, entry_kind::write_off, c, posting_source::payment, b.invoice, b.customer, k, money(open, ccy)});
          if (c == component::principal) principal_moved(b, p.received, -open);
          open = 0;
        }
      }
    }
  }
  return out;
}

std::vector<ledger_entry> replay_ledger(std::span<const invoice> invoices,
                                        std::span<const credit_note> credit_notes,
                                        std::span<const payment> payments,
                                        std::span<const ledger_entry> charges,
                                        const allocation_policy& policy) {
  // Ids to indexes; the checks name what the caller named, in the order replayed.
  std::unordered_map<std::string_view, std::uint32_t> by_id;
  std::unordered_map<std::string_view, std::uint32_t> customer_of;
  std::vector<std::string_view> customer_ids;
  std::unordered_map<std::string, std::vector<std::uint32_t>> by_reference;
  const auto customer_index = [&](std::string_view id) {
    const auto [it, added] = customer_of.try_emplace(id, static_cast<std::uint32_t>(customer_ids.size()));
    if (added) customer_ids.push_back(id);
    return it->second;
  };
  std::vector<replay_invoice> inv(invoices.size());
  by_id.reserve(invoices.size());
  for (std::size_t i = 0; i < invoices.size(); ++i) {
    const invoice& x = invoices[i];
    if (!by_id.emplace(x.id, static_cast<std::uint32_t>(i)).second)
      throw error(errc::conflict, "replay_ledger: duplicate invoice id '" + x.id + "'");
    inv[i] = {.id = x.id, .customer = customer_index(x.customer_id), .issue_date = x.issue_date,
              .first_due = x.schedule.empty() ? x.issue_date : x.schedule.front().due, .amount = x.amount};
    if (!x.payment_reference.empty())
      by_reference[normalized_reference(x.payment_reference)].push_back(static_cast<std::uint32_t>(i));
  }
  const auto find = [&](const std::string& id, const char* what) -> std::uint32_t {
    const auto it = by_id.find(id);
    if (it == by_id.end())
      throw error(errc::not_found, std::string("replay_ledger: ") + what + " names unknown invoice '" + id + "'");
    return it->second;
  };
  const auto positive = [](money m, const std::string& who) {
    if (!m.is_positive())
      throw error(errc::invalid_argument, "replay_ledger: '" + who + "' has a non-positive amount " + to_string(m));
  };

  std::vector<replay_charge> ch(charges.size());
  std::vector<replay_credit_note> cn(credit_notes.size());
  std::vector<replay_payment> pay(payments.size());
  std::vector<std::uint32_t> designations;
  // Checked in the order replayed (charges, then credit notes, then payments on one day), so
  // the first problem named is the first one met.
  std::vector<event> events;
  for (std::size_t k = 0; k < charges.size(); ++k) events.push_back({charges[k].on, replay_step::charge, static_cast<std::uint32_t>(k)});
  for (std::size_t k = 0; k < credit_notes.size(); ++k)
    events.push_back({credit_notes[k].issue_date, replay_step::credit_note, static_cast<std::uint32_t>(k)});
  for (std::size_t k = 0; k < payments.size(); ++k) events.push_back({payments[k].received, replay_step::payment, static_cast<std::uint32_t>(k)});
  std::stable_sort(events.begin(), events.end(), [](const event& a, const event& b) { return a.on < b.on; });
  for (const event& ev : events) {
    const std::uint32_t k = ev.index;
    if (ev.what == replay_step::charge) {
      const ledger_entry& c = charges[k];
      if (c.kind != entry_kind::charge || c.part == component::principal)
        throw error(errc::invalid_argument, "replay_ledger: charge '" + c.source + "' must be a fee or interest charge");
      positive(c.amount, c.source);
      const std::uint32_t i = find(c.invoice_id, "a charge");
      if (c.amount.currency() != invoices[i].amount.currency())
        throw error(errc::currency_mismatch, "replay_ledger: charge '" + c.source + "' is not in the invoice currency");
      ch[k] = {.invoice = i, .on = c.on, .part = c.part, .amount = c.amount};
    } else if (ev.what == replay_step::credit_note) {
      const credit_note& c = credit_notes[k];
      positive(c.amount, c.id);
      const std::uint32_t i = find(c.invoice_id, "a credit note");
      if (c.amount.currency() != invoices[i].amount.currency())
        throw error(errc::currency_mismatch, "replay_ledger: credit note '" + c.id + "' is not in the invoice currency");
      cn[k] = {.invoice = i, .issue_date = c.issue_date, .amount = c.amount};
    } else {
      const payment& p = payments[k];
      positive(p.amount, p.id);
      const auto begin = static_cast<std::uint32_t>(designations.size());
      const auto designate = [&](std::uint32_t i) {
        if (invoices[i].amount.currency() != p.amount.currency())
          throw error(errc::currency_mismatch, "replay_ledger: payment '" + p.id + "' designates invoice '" +
                                                   invoices[i].id + "' in another currency");
        designations.push_back(i);
      };
      for (const std::string& id : p.invoice_ids) designate(find(id, "a payment designation"));
      if (!p.reference.empty())
        if (const auto it = by_reference.find(normalized_reference(p.reference)); it != by_reference.end())
          for (const std::uint32_t i : it->second)
            if (invoices[i].customer_id == p.customer_id) designate(i);
      pay[k] = {.customer = customer_index(p.customer_id), .received = p.received, .amount = p.amount,
                .designated_begin = begin, .designated_end = static_cast<std::uint32_t>(designations.size())};
    }
  }

  const std::vector<posting> postings = replay_postings(
      {.invoices = inv, .charges = ch, .credit_notes = cn, .payments = pay, .designations = designations}, policy);
  std::vector<ledger_entry> out;
  out.reserve(postings.size());
  for (const posting& p : postings) {
    const std::string_view customer = customer_ids[p.customer];
    if (p.from == posting_source::charge && p.kind == entry_kind::charge) {
      out.push_back(charges[p.source]);
      out.back().customer_id = customer;
      continue;
    }
    const std::string& source = p.from == posting_source::payment ? payments[p.source].id : credit_notes[p.source].id;
    out.push_back({p.on, std::string(customer), p.invoice == no_invoice ? std::string() : invoices[p.invoice].id,
                   p.kind, p.part, p.amount, source});
  }
  return out;
}

KREDITOR_NAMESPACE_END
