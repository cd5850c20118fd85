// The columnar replay (replay_postings) and replay_ledger on top of it, checked against a
// straightforward oracle: the earlier per-payment implementation, which sorted every payment's
// candidate invoices afresh. Random histories with charges that reopen paid invoices, credit
// notes, designations by id and by reference, two currencies and both item orders must give
// exactly the same entries, in the same order.
#include "kreditor/ledger/allocation.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "kreditor/terms/notation.hpp"
#include "support/errors.hpp"
#include "support/shorthand.hpp"

namespace kreditor {
namespace {

using test_support::thrown_code;

// ---- the oracle ----------------------------------------------------------------------------

struct balance {
  const invoice* inv = nullptr;
  money fees{}, interest{}, principal{};
  money creditable{};  ///< what credit notes may still take off
  money& of(component c) { return c == component::fees ? fees : c == component::interest ? interest : principal; }
  [[nodiscard]] money total() const { return fees + interest + principal; }
};

std::string normalized(std::string_view r) { return normalized_reference(r); }

struct event {
  date on;
  int order;
  std::size_t index;
};

std::vector<ledger_entry> oracle_replay(std::span<const invoice> invoices,
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
    bal[i] = {&inv, money::zero(c), money::zero(c), inv.amount, inv.amount};
    by_customer[inv.customer_id].push_back(i);
    if (!inv.payment_reference.empty()) by_reference[normalized(inv.payment_reference)].push_back(i);
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
  events.reserve(invoices.size() + charges.size() + credit_notes.size() + payments.size());
  for (std::size_t i = 0; i < invoices.size(); ++i) events.push_back({invoices[i].issue_date, -1, i});
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
  // The customer's open items issued by `on` in `ccy`, in the item order.
  const auto in_order = [&](const std::string& customer, currency ccy, date on, std::vector<std::size_t>& list) {
    const std::size_t from = list.size();
    if (const auto it = by_customer.find(customer); it != by_customer.end())
      for (std::size_t i : it->second)
        if (bal[i].principal.currency() == ccy && bal[i].inv->issue_date <= on &&
            std::find(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(from), i) ==
                list.begin() + static_cast<std::ptrdiff_t>(from))
          list.push_back(i);
    std::stable_sort(list.begin() + static_cast<std::ptrdiff_t>(from), list.end(), [&](std::size_t a, std::size_t b) {
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
  };
  // Customer credit: lots of what a payment or credit note left, oldest first, applied to the
  // customer's open items whenever a claim arises (an invoice issued, a charge, a credit note's
  // surplus).
  struct lot {
    std::string customer;
    std::string source;
    money left;
  };
  std::vector<lot> lots;
  const auto apply_credit = [&](const std::string& customer, currency ccy, date on) {
    for (lot& l : lots) {
      if (l.customer != customer || l.left.currency() != ccy || l.left.is_zero()) continue;
      std::vector<std::size_t> list;
      in_order(customer, ccy, on, list);
      for (std::size_t i : list) {
        balance& b = bal[i];
        for (component c : policy.order) {
          money& open = b.of(c);
          if (!open.is_positive() || l.left.is_zero()) continue;
          const money take = min(open, l.left);
          open -= take;
          l.left -= take;
          out.push_back({on, customer, b.inv->id, entry_kind::credit_applied, c, take, l.source});
        }
      }
      if (l.left.is_positive()) break;
    }
  };

  for (const event& ev : events) {
    if (ev.order == -1) {  // an invoice is issued: customer credit reaches it
      apply_credit(invoices[ev.index].customer_id, invoices[ev.index].amount.currency(), invoices[ev.index].issue_date);
      continue;
    }
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
      apply_credit(b.inv->customer_id, c.amount.currency(), c.on);
      continue;
    }
    if (ev.order == 1) {  // a credit note reduces principal; the excess is customer credit
      const credit_note& cn = credit_notes[ev.index];
      positive(cn.amount, cn.id);
      balance& b = bal[find(cn.invoice_id, "a credit note")];
      if (cn.amount.currency() != b.principal.currency())
        throw error(errc::currency_mismatch, "replay_ledger: credit note '" + cn.id + "' is not in the invoice currency");
      if (cn.amount > b.creditable)
        throw error(errc::invalid_argument, "replay_ledger: credit note '" + cn.id + "' is more than it may credit");
      b.creditable -= cn.amount;
      const money applied = min(cn.amount, max(b.principal, money::zero(cn.amount.currency())));
      if (applied.is_positive()) {
        b.principal -= applied;
        out.push_back({cn.issue_date, b.inv->customer_id, b.inv->id, entry_kind::credit_note,
                       component::principal, applied, cn.id});
      }
      if (const money rest = cn.amount - applied; rest.is_positive()) {
        out.push_back({cn.issue_date, b.inv->customer_id, "", entry_kind::unapplied, component::principal, rest, cn.id});
        lots.push_back({b.inv->customer_id, cn.id, rest});
        apply_credit(b.inv->customer_id, rest.currency(), cn.issue_date);
      }
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
      if (const auto it = by_reference.find(normalized(p.reference)); it != by_reference.end())
        for (std::size_t i : it->second)
          if (bal[i].inv->customer_id == p.customer_id) designate(i);
    in_order(p.customer_id, ccy, p.received, candidates);  // then the customer's other open items
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
    if (left.is_positive()) {
      out.push_back({p.received, p.customer_id, "", entry_kind::unapplied, component::principal, left, p.id});
      lots.push_back({p.customer_id, p.id, left});
    }
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


// ---- random histories ------------------------------------------------------------------------

struct history {
  std::vector<invoice> invoices;
  std::vector<credit_note> credit_notes;
  std::vector<payment> payments;
  std::vector<ledger_entry> charges;
};

/// `spread` stretches the dates: 1 keeps them within 90 days (the replay sorts its events by
/// counting days), 500 spreads them over a century (it falls back to a comparison sort).
history random_history(std::mt19937_64& rng, int spread = 1) {
  const auto below = [&](int n) { return static_cast<int>(rng() % static_cast<std::uint64_t>(n)); };
  const date start = make_date(2026, 1, 1);
  const auto day = [&](int n) { return start + boost::gregorian::days(n * spread); };
  const std::array<currency, 2> ccy{iso4217::nok, iso4217::sek};
  const std::array<const char*, 3> terms{"net 30", "net 10", "net 45"};
  history h;
  const int customers = 1 + below(4);
  const int invoices = below(14);
  for (int i = 0; i < invoices; ++i) {
    const int c = below(customers);
    invoice inv{.id = "F-" + std::to_string(below(2) ? 100 + i : 900 - i),  // ids out of issue order
                .customer_id = "C-" + std::to_string(c),
                .issue_date = day(below(5) * 7),  // ties in dates, so the id decides
                .amount = money(1 + below(5) * 250'00 + below(3), ccy[static_cast<std::size_t>(below(5) == 0)]),
                .terms = parse_terms(terms[static_cast<std::size_t>(below(3))]).value(),
                .payment_reference = below(3) == 0 ? "ref " + std::to_string(below(4)) : ""};
    h.invoices.push_back(with_schedule(std::move(inv)));
  }
  if (h.invoices.empty()) return h;
  const auto some_invoice = [&]() -> const invoice& { return h.invoices[static_cast<std::size_t>(below(invoices))]; };
  for (int k = below(4); k > 0; --k) {
    const invoice& inv = some_invoice();
    h.charges.push_back({.on = day(below(80)), .invoice_id = inv.id, .kind = entry_kind::charge,
                         .part = below(2) ? component::fees : component::interest,
                         .amount = money(1 + below(100'00), inv.amount.currency()), .source = "ch-" + std::to_string(k)});
  }
  for (int k = below(4); k > 0; --k) {
    const invoice& inv = some_invoice();
    h.credit_notes.push_back({.id = "CN-" + std::to_string(k), .invoice_id = inv.id, .issue_date = day(below(80)),
                              .amount = below(8) == 0 ? money(1 + below(600'00), inv.amount.currency())  // may be too much
                                                      : money(1 + below(static_cast<int>(inv.amount.minor_units())), inv.amount.currency())});
  }
  for (int k = below(10); k > 0; --k) {
    payment p{.id = "P-" + std::to_string(k), .customer_id = "C-" + std::to_string(below(customers + 1)),
              .received = day(below(90)), .amount = money(1 + below(900'00), ccy[static_cast<std::size_t>(below(6) == 0)])};
    if (below(3) == 0) {  // designates an invoice of its currency, perhaps twice
      std::vector<const invoice*> same;
      for (const invoice& inv : h.invoices)
        if (inv.amount.currency() == p.amount.currency()) same.push_back(&inv);
      if (!same.empty()) {
        p.invoice_ids.push_back(same[static_cast<std::size_t>(below(static_cast<int>(same.size())))]->id);
        if (below(4) == 0) p.invoice_ids.push_back(p.invoice_ids.back());
      }
    }
    if (below(4) == 0) {  // quotes a reference: designates that customer's invoices with it
      p.reference = "REF" + std::to_string(below(4));
      for (const invoice& inv : h.invoices)
        if (inv.customer_id == p.customer_id && normalized_reference(inv.payment_reference) == p.reference &&
            inv.amount.currency() != p.amount.currency())
          p.reference.clear();  // a reference naming another currency's invoice is refused; tested apart
    }
    h.payments.push_back(std::move(p));
  }
  return h;
}

class ReplayMatchesOracle : public ::testing::TestWithParam<int> {};

TEST_P(ReplayMatchesOracle, SameEntriesInTheSameOrder) {
  std::vector<allocation_policy> policies(4);
  policies[1].items = item_order::oldest_issue_first;
  policies[2].order = {component::principal, component::interest, component::fees};
  policies[3].write_off_below = money(50'00, iso4217::nok);
  const allocation_policy& policy = policies[static_cast<std::size_t>(GetParam())];
  std::mt19937_64 rng(static_cast<std::uint64_t>(20261123 + GetParam()));
  int compared = 0;
  for (int round = 0; round < 1500; ++round) {
    const history h = random_history(rng, round % 4 == 3 ? 500 : 1);
    std::vector<ledger_entry> expected;
    try {
      expected = oracle_replay(h.invoices, h.credit_notes, h.payments, h.charges, policy);
    } catch (const error& e) {
      EXPECT_EQ(thrown_code([&] { (void)replay_ledger(h.invoices, h.credit_notes, h.payments, h.charges, policy); }),
                e.code());
      continue;
    }
    ASSERT_EQ(replay_ledger(h.invoices, h.credit_notes, h.payments, h.charges, policy), expected) << "round " << round;
    ++compared;
  }
  EXPECT_GT(compared, 1000);
}

INSTANTIATE_TEST_SUITE_P(Policies, ReplayMatchesOracle, ::testing::Range(0, 4));

// ---- the columns directly ----------------------------------------------------------------------

using test_support::kr;
using test_support::d;

TEST(ReplayPostings, OldestDueFirstThenDesignationThenCredit) {
  // Customer 0: A due 1 Mar, B due 15 Feb (issued later, due earlier), C issued after the
  // payment. Customer 1 pays for nothing of its own.
  const std::vector<replay_invoice> inv{
      {.id = "A", .customer = 0, .issue_date = d(2026, 1, 1), .first_due = d(2026, 3, 1), .amount = kr(100'00)},
      {.id = "B", .customer = 0, .issue_date = d(2026, 1, 5), .first_due = d(2026, 2, 15), .amount = kr(100'00)},
      {.id = "C", .customer = 0, .issue_date = d(2026, 3, 1), .first_due = d(2026, 3, 10), .amount = kr(100'00)},
  };
  const std::vector<std::uint32_t> designations{0};
  const std::vector<replay_payment> pay{
      {.customer = 0, .received = d(2026, 2, 1), .amount = kr(150'00)},  // B, then half of A
      {.customer = 0, .received = d(2026, 2, 2), .amount = kr(80'00), .designated_begin = 0, .designated_end = 1},
      {.customer = 1, .received = d(2026, 2, 3), .amount = kr(5'00)},
  };
  const std::vector<posting> p = replay_postings({.invoices = inv, .payments = pay, .designations = designations}, {});
  ASSERT_EQ(p.size(), 6u);
  EXPECT_EQ(p[0].invoice, 1u);  // B: due first
  EXPECT_EQ(p[0].amount, kr(100'00));
  EXPECT_EQ(p[1].invoice, 0u);
  EXPECT_EQ(p[1].amount, kr(50'00));
  EXPECT_EQ(p[2].invoice, 0u);  // designated: the rest of A ...
  EXPECT_EQ(p[2].amount, kr(50'00));
  EXPECT_EQ(p[3].kind, entry_kind::unapplied);  // ... and C is not issued yet: customer credit
  EXPECT_EQ(p[3].amount, kr(30'00));
  EXPECT_EQ(p[3].customer, 0u);
  EXPECT_EQ(p[3].source, 1u);
  EXPECT_EQ(p[4].customer, 1u);
  EXPECT_EQ(p[4].invoice, no_invoice);
  // When C is issued, the customer's credit pays 30.00 of it: nothing stays unapplied.
  EXPECT_EQ(p[5].kind, entry_kind::credit_applied);
  EXPECT_EQ(p[5].invoice, 2u);
  EXPECT_EQ(p[5].on, d(2026, 3, 1));
  EXPECT_EQ(p[5].amount, kr(30'00));
  EXPECT_EQ(p[5].source, 1u);
  EXPECT_EQ(p[5].from, posting_source::payment);
}

TEST(ReplayPostings, AChargeReopensAPaidInvoice) {
  const std::vector<replay_invoice> inv{
      {.id = "A", .customer = 0, .issue_date = d(2026, 1, 1), .first_due = d(2026, 1, 31), .amount = kr(100'00)},
      {.id = "B", .customer = 0, .issue_date = d(2026, 1, 2), .first_due = d(2026, 2, 1), .amount = kr(100'00)},
  };
  const std::vector<replay_charge> fee{{.invoice = 0, .on = d(2026, 2, 10), .part = component::fees, .amount = kr(35'00)}};
  const std::vector<replay_payment> pay{
      {.customer = 0, .received = d(2026, 2, 1), .amount = kr(100'00)},  // A
      {.customer = 0, .received = d(2026, 2, 20), .amount = kr(50'00)},  // A's fee first (oldest due)
  };
  const std::vector<posting> p = replay_postings({.invoices = inv, .charges = fee, .payments = pay}, {});
  ASSERT_EQ(p.size(), 4u);
  EXPECT_EQ(p[1].kind, entry_kind::charge);
  EXPECT_EQ(p[2].invoice, 0u);
  EXPECT_EQ(p[2].part, component::fees);
  EXPECT_EQ(p[2].amount, kr(35'00));
  EXPECT_EQ(p[3].invoice, 1u);
  EXPECT_EQ(p[3].amount, kr(15'00));
}

TEST(ReplayPostings, BadColumnsAreRefused) {
  const std::vector<replay_invoice> inv{{.id = "A", .issue_date = d(2026, 1, 1), .first_due = d(2026, 1, 31), .amount = kr(100'00)}};
  const std::vector<std::uint32_t> nowhere{7};
  const std::vector<replay_payment> designates_nowhere{{.received = d(2026, 2, 1), .amount = kr(1), .designated_end = 1}};
  EXPECT_EQ(thrown_code([&] { (void)replay_postings({.invoices = inv, .payments = designates_nowhere, .designations = nowhere}, {}); }),
            errc::invalid_argument);
  const std::vector<replay_payment> range_outside{{.received = d(2026, 2, 1), .amount = kr(1), .designated_end = 3}};
  EXPECT_EQ(thrown_code([&] { (void)replay_postings({.invoices = inv, .payments = range_outside}, {}); }),
            errc::invalid_argument);
  const std::vector<replay_payment> zero{{.received = d(2026, 2, 1), .amount = kr(0)}};
  EXPECT_EQ(thrown_code([&] { (void)replay_postings({.invoices = inv, .payments = zero}, {}); }), errc::invalid_argument);
  const std::vector<replay_credit_note> far{{.invoice = 1, .issue_date = d(2026, 2, 1), .amount = kr(1)}};
  EXPECT_EQ(thrown_code([&] { (void)replay_postings({.invoices = inv, .credit_notes = far}, {}); }), errc::invalid_argument);
  const std::vector<replay_credit_note> in_sek{{.invoice = 0, .issue_date = d(2026, 2, 1), .amount = money(1, iso4217::sek)}};
  EXPECT_EQ(thrown_code([&] { (void)replay_postings({.invoices = inv, .credit_notes = in_sek}, {}); }), errc::currency_mismatch);
  const std::vector<replay_charge> principal{{.invoice = 0, .on = d(2026, 2, 1), .part = component::principal, .amount = kr(1)}};
  EXPECT_EQ(thrown_code([&] { (void)replay_postings({.invoices = inv, .charges = principal}, {}); }), errc::invalid_argument);
}

TEST(ReplayPostings, ReferenceIsComparedWithoutSpacesDashesAndCase) {
  EXPECT_EQ(normalized_reference("rf18 5390-0754"), "RF1853900754");
  EXPECT_EQ(normalized_reference(""), "");
}

}  // namespace
}  // namespace kreditor
