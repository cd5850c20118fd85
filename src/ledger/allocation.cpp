#include "kreditor/ledger/allocation.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>

KREDITOR_NAMESPACE_BEGIN
namespace {

// The running balance of one invoice during the replay.
struct balance {
  const invoice* inv = nullptr;
  money fees{}, interest{}, principal{};
  money& of(component c) { return c == component::fees ? fees : c == component::interest ? interest : principal; }
  [[nodiscard]] money total() const { return fees + interest + principal; }
};

// References compare without spaces and case: "1234 5678" quoted as "12345678" designates it.
std::string normalized_reference(std::string_view r) {
  std::string out;
  for (char c : r)
    if (c != ' ' && c != '-') out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
  return out;
}

struct event {
  date on;
  int order;  // 0 charge, 1 credit note, 2 payment: the order on one day
  std::size_t index;
};

}  // namespace

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

std::vector<ledger_entry> replay_ledger(std::span<const invoice> invoices,
                                        std::span<const credit_note> credit_notes,
                                        std::span<const payment> payments,
                                        std::span<const ledger_entry> charges,
                                        const allocation_policy& policy) {
  std::vector<balance> bal(invoices.size());
  std::unordered_map<std::string_view, std::size_t> by_id;
  std::unordered_map<std::string_view, std::vector<std::size_t>> by_customer;
  std::unordered_map<std::string, std::vector<std::size_t>> by_reference;
  by_id.reserve(invoices.size());
  for (std::size_t i = 0; i < invoices.size(); ++i) {
    const invoice& inv = invoices[i];
    if (!by_id.emplace(inv.id, i).second)
      throw error(errc::conflict, "replay_ledger: duplicate invoice id '" + inv.id + "'");
    const currency c = inv.amount.currency();
    bal[i] = {&inv, money::zero(c), money::zero(c), inv.amount};
    by_customer[inv.customer_id].push_back(i);
    if (!inv.payment_reference.empty()) by_reference[normalized_reference(inv.payment_reference)].push_back(i);
  }
  auto find = [&](const std::string& id, const char* what) -> std::size_t {
    const auto it = by_id.find(id);
    if (it == by_id.end())
      throw error(errc::not_found, std::string("replay_ledger: ") + what + " names unknown invoice '" + id + "'");
    return it->second;
  };
  auto positive = [](money m, const std::string& who) {
    if (!m.is_positive())
      throw error(errc::invalid_argument, "replay_ledger: '" + who + "' has a non-positive amount " + to_string(m));
  };

  std::vector<event> events;
  events.reserve(charges.size() + credit_notes.size() + payments.size());
  for (std::size_t i = 0; i < charges.size(); ++i) events.push_back({charges[i].on, 0, i});
  for (std::size_t i = 0; i < credit_notes.size(); ++i) events.push_back({credit_notes[i].issue_date, 1, i});
  for (std::size_t i = 0; i < payments.size(); ++i) events.push_back({payments[i].received, 2, i});
  std::stable_sort(events.begin(), events.end(), [](const event& a, const event& b) {
    return a.on != b.on ? a.on < b.on : a.order < b.order;
  });

  std::vector<ledger_entry> out;
  out.reserve(charges.size() + credit_notes.size() + 2 * payments.size());
  std::vector<std::size_t> candidates;
  std::vector<std::size_t> touched;

  for (const event& ev : events) {
    if (ev.order == 0) {  // a fee or interest charge
      const ledger_entry& c = charges[ev.index];
      if (c.kind != entry_kind::charge || c.part == component::principal)
        throw error(errc::invalid_argument, "replay_ledger: charge '" + c.source + "' must be a fee or interest charge");
      positive(c.amount, c.source);
      balance& b = bal[find(c.invoice_id, "a charge")];
      if (c.amount.currency() != b.principal.currency())
        throw error(errc::currency_mismatch, "replay_ledger: charge '" + c.source + "' is not in the invoice currency");
      b.of(c.part) += c.amount;
      out.push_back(c);
      out.back().customer_id = b.inv->customer_id;
      continue;
    }
    if (ev.order == 1) {  // a credit note reduces principal; the excess is customer credit
      const credit_note& cn = credit_notes[ev.index];
      positive(cn.amount, cn.id);
      balance& b = bal[find(cn.invoice_id, "a credit note")];
      if (cn.amount.currency() != b.principal.currency())
        throw error(errc::currency_mismatch, "replay_ledger: credit note '" + cn.id + "' is not in the invoice currency");
      const money applied = min(cn.amount, max(b.principal, money::zero(cn.amount.currency())));
      if (applied.is_positive()) {
        b.principal -= applied;
        out.push_back({cn.issue_date, b.inv->customer_id, b.inv->id, entry_kind::credit_note,
                       component::principal, applied, cn.id});
      }
      if (const money rest = cn.amount - applied; rest.is_positive())
        out.push_back({cn.issue_date, b.inv->customer_id, "", entry_kind::unapplied, component::principal, rest, cn.id});
      continue;
    }
    // A payment: designated invoices first, then the customer's other open items.
    const payment& p = payments[ev.index];
    positive(p.amount, p.id);
    const currency ccy = p.amount.currency();
    candidates.clear();
    auto designate = [&](std::size_t i) {
      if (bal[i].principal.currency() != ccy)
        throw error(errc::currency_mismatch, "replay_ledger: payment '" + p.id + "' designates invoice '" +
                                                 bal[i].inv->id + "' in another currency");
      if (std::find(candidates.begin(), candidates.end(), i) == candidates.end()) candidates.push_back(i);
    };
    for (const std::string& id : p.invoice_ids) designate(find(id, "a payment designation"));
    if (!p.reference.empty())
      if (const auto it = by_reference.find(normalized_reference(p.reference)); it != by_reference.end())
        for (std::size_t i : it->second)
          if (bal[i].inv->customer_id == p.customer_id) designate(i);
    const std::size_t designated = candidates.size();
    if (const auto it = by_customer.find(p.customer_id); it != by_customer.end())
      for (std::size_t i : it->second)
        if (bal[i].principal.currency() == ccy && bal[i].inv->issue_date <= p.received &&
            std::find(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(designated), i) ==
                candidates.begin() + static_cast<std::ptrdiff_t>(designated))
          candidates.push_back(i);
    std::stable_sort(candidates.begin() + static_cast<std::ptrdiff_t>(designated), candidates.end(),
                     [&](std::size_t a, std::size_t b) {
                       const invoice& x = *bal[a].inv;
                       const invoice& y = *bal[b].inv;
                       if (policy.items == item_order::oldest_due_first) {
                         const date dx = x.schedule.empty() ? x.issue_date : x.schedule.front().due;
                         const date dy = y.schedule.empty() ? y.issue_date : y.schedule.front().due;
                         if (dx != dy) return dx < dy;
                       }
                       if (x.issue_date != y.issue_date) return x.issue_date < y.issue_date;
                       return x.id < y.id;
                     });
    money left = p.amount;
    touched.clear();
    for (std::size_t i : candidates) {
      if (left.is_zero()) break;
      balance& b = bal[i];
      for (component c : policy.order) {
        money& open = b.of(c);
        if (!open.is_positive() || left.is_zero()) continue;
        const money take = min(open, left);
        open -= take;
        left -= take;
        out.push_back({p.received, b.inv->customer_id, b.inv->id, entry_kind::payment, c, take, p.id});
        if (touched.empty() || touched.back() != i) touched.push_back(i);
      }
    }
    if (left.is_positive())
      out.push_back({p.received, p.customer_id, "", entry_kind::unapplied, component::principal, left, p.id});
    // Small differences, only when configured: write off what a payment left on an item it touched.
    if (policy.write_off_below) {
      for (std::size_t i : touched) {
        balance& b = bal[i];
        if (b.principal.currency() != policy.write_off_below->currency()) continue;
        const money rest = b.total();
        if (!rest.is_positive() || rest > *policy.write_off_below) continue;
        for (component c : policy.order) {
          money& open = b.of(c);
          if (!open.is_positive()) continue;
          out.push_back({p.received, b.inv->customer_id, b.inv->id, entry_kind::write_off, c, open, p.id});
          open = money::zero(open.currency());
        }
      }
    }
  }
  return out;
}

KREDITOR_NAMESPACE_END
