#include "kreditor/ledger/allocation.hpp"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <string>
#include <vector>

#include "kreditor/ledger/open_item.hpp"
#include "kreditor/terms/notation.hpp"
#include "support/errors.hpp"
#include "support/shorthand.hpp"

namespace kreditor {
namespace {

using iso4217::nok;
using test_support::thrown_code;

using test_support::d;
using test_support::kr;

invoice make_invoice(std::string id, std::string customer, date issued, money amount,
                     std::string terms = "net 30", std::string reference = "") {
  return with_schedule(invoice{.id = std::move(id), .customer_id = std::move(customer), .issue_date = issued,
                               .amount = amount, .terms = parse_terms(terms).value(),
                               .payment_reference = std::move(reference)});
}

ledger_entry charge(std::string invoice_id, date on, component part, money amount, std::string source) {
  return {.on = on, .invoice_id = std::move(invoice_id), .kind = entry_kind::charge, .part = part,
          .amount = amount, .source = std::move(source)};
}

const allocation_policy costs_first{};

TEST(LedgerOpenItem, OpenBalanceOverTime) {
  // 1000 kr net 30 on 15 Jan 2026 (due 14 Feb); a 35 kr fee on 1 Mar; 500 kr paid on 10 Mar.
  const std::vector<invoice> inv{make_invoice("F-1", "C-1", d(2026, 1, 15), kr(1'000'00))};
  const std::vector<ledger_entry> charges{charge("F-1", d(2026, 3, 1), component::fees, kr(35'00), "fee-1")};
  const std::vector<payment> pay{{.id = "P-1", .customer_id = "C-1", .received = d(2026, 3, 10), .amount = kr(500'00)}};
  const auto entries = replay_ledger(inv, {}, pay, charges, costs_first);

  const open_item on_due = open_item_at(inv[0], entries, d(2026, 2, 14));
  EXPECT_EQ(on_due.principal, kr(1'000'00));
  EXPECT_EQ(on_due.principal_overdue, kr(0));  // paying on the due date is on time
  EXPECT_EQ(on_due.days_past_due, 0);

  const open_item day_after = open_item_at(inv[0], entries, d(2026, 2, 15));
  EXPECT_EQ(day_after.principal_overdue, kr(1'000'00));
  EXPECT_EQ(day_after.days_past_due, 1);

  const open_item with_fee = open_item_at(inv[0], entries, d(2026, 3, 1));
  EXPECT_EQ(with_fee.fees, kr(35'00));
  EXPECT_EQ(with_fee.total(), kr(1'035'00));
  EXPECT_EQ(with_fee.days_past_due, 15);

  // Costs first: the fee is paid, then 465 kr of principal.
  const open_item after = open_item_at(inv[0], entries, d(2026, 3, 10));
  EXPECT_EQ(after.fees, kr(0));
  EXPECT_EQ(after.principal, kr(535'00));
  EXPECT_EQ(after.overdue(), kr(535'00));
  EXPECT_EQ(after.days_past_due, 24);
}

TEST(LedgerAllocation, PrincipalFirstPolicyLeavesTheFeeOpen) {
  const std::vector<invoice> inv{make_invoice("F-1", "C-1", d(2026, 1, 15), kr(1'000'00))};
  const std::vector<ledger_entry> charges{charge("F-1", d(2026, 3, 1), component::fees, kr(35'00), "fee-1"),
                                          charge("F-1", d(2026, 3, 1), component::interest, kr(10'00), "int-1")};
  const std::vector<payment> pay{{.id = "P-1", .customer_id = "C-1", .received = d(2026, 3, 10), .amount = kr(1'005'00)}};
  const allocation_policy principal_first{.order = {component::principal, component::interest, component::fees}};
  const open_item o = open_item_at(inv[0], replay_ledger(inv, {}, pay, charges, principal_first), d(2026, 3, 10));
  EXPECT_EQ(o.principal, kr(0));
  EXPECT_EQ(o.interest, kr(5'00));
  EXPECT_EQ(o.fees, kr(35'00));
}

TEST(LedgerAllocation, DesignationIsHonouredBeforeOldestFirst) {
  const std::vector<invoice> inv{make_invoice("F-1", "C-1", d(2026, 1, 1), kr(100'00)),
                                 make_invoice("F-2", "C-1", d(2026, 1, 5), kr(100'00), "net 30", "1234 5678")};
  // By invoice id.
  std::vector<payment> pay{{.id = "P-1", .customer_id = "C-1", .received = d(2026, 2, 1), .amount = kr(60'00),
                            .invoice_ids = {"F-2"}}};
  auto entries = replay_ledger(inv, {}, pay, {}, costs_first);
  EXPECT_EQ(open_item_at(inv[0], entries, d(2026, 2, 1)).principal, kr(100'00));
  EXPECT_EQ(open_item_at(inv[1], entries, d(2026, 2, 1)).principal, kr(40'00));
  // By reference (spaces ignored).
  pay = {{.id = "P-1", .customer_id = "C-1", .received = d(2026, 2, 1), .amount = kr(60'00), .reference = "12345678"}};
  entries = replay_ledger(inv, {}, pay, {}, costs_first);
  EXPECT_EQ(open_item_at(inv[1], entries, d(2026, 2, 1)).principal, kr(40'00));
  // Without designation: the oldest due first.
  pay = {{.id = "P-1", .customer_id = "C-1", .received = d(2026, 2, 1), .amount = kr(160'00)}};
  entries = replay_ledger(inv, {}, pay, {}, costs_first);
  EXPECT_EQ(open_item_at(inv[0], entries, d(2026, 2, 1)).principal, kr(0));
  EXPECT_EQ(open_item_at(inv[1], entries, d(2026, 2, 1)).principal, kr(40'00));
}

TEST(LedgerAllocation, OverpaymentBecomesCustomerCreditNeverLost) {
  const std::vector<invoice> inv{make_invoice("F-1", "C-1", d(2026, 1, 1), kr(100'00))};
  const std::vector<payment> pay{{.id = "P-1", .customer_id = "C-1", .received = d(2026, 1, 20), .amount = kr(130'00)}};
  const std::vector<credit_note> cn{{.id = "K-1", .invoice_id = "F-1", .issue_date = d(2026, 1, 25), .amount = kr(10'00)}};
  const auto entries = replay_ledger(inv, cn, pay, {}, costs_first);
  EXPECT_EQ(open_item_at(inv[0], entries, d(2026, 1, 25)).total(), kr(0));
  EXPECT_EQ(customer_credit_at("C-1", nok, entries, d(2026, 1, 19)), kr(0));
  EXPECT_EQ(customer_credit_at("C-1", nok, entries, d(2026, 1, 20)), kr(30'00));
  EXPECT_EQ(customer_credit_at("C-1", nok, entries, d(2026, 1, 25)), kr(40'00));  // credit note on a paid invoice
}

TEST(LedgerAllocation, SmallDifferenceWrittenOffOnlyWhenConfigured) {
  const std::vector<invoice> inv{make_invoice("F-1", "C-1", d(2026, 1, 1), kr(100'00))};
  const std::vector<payment> pay{{.id = "P-1", .customer_id = "C-1", .received = d(2026, 1, 20), .amount = kr(99'50)}};
  EXPECT_EQ(open_item_at(inv[0], replay_ledger(inv, {}, pay, {}, costs_first), d(2026, 2, 1)).total(), kr(50));
  const allocation_policy tolerant{.write_off_below = kr(1'00)};
  const auto entries = replay_ledger(inv, {}, pay, {}, tolerant);
  EXPECT_EQ(open_item_at(inv[0], entries, d(2026, 2, 1)).total(), kr(0));
  EXPECT_EQ(entries.back().kind, entry_kind::write_off);
  EXPECT_EQ(entries.back().amount, kr(50));
}

TEST(LedgerOpenItem, InstallmentsFallDueOneByOne) {
  const std::vector<invoice> inv{make_invoice("F-1", "C-1", d(2026, 1, 15), kr(1'000'00), "50% net 30, 50% net 60")};
  const std::vector<payment> pay{{.id = "P-1", .customer_id = "C-1", .received = d(2026, 2, 20), .amount = kr(600'00)}};
  const auto entries = replay_ledger(inv, {}, pay, {}, costs_first);
  const open_item before = open_item_at(inv[0], entries, d(2026, 2, 19));
  EXPECT_EQ(before.principal_overdue, kr(500'00));
  EXPECT_EQ(before.days_past_due, 5);  // first instalment due 14 Feb
  const open_item after = open_item_at(inv[0], entries, d(2026, 3, 17));
  EXPECT_EQ(after.principal, kr(400'00));
  EXPECT_EQ(after.principal_overdue, kr(400'00));
  EXPECT_EQ(after.oldest_overdue_due, d(2026, 3, 16));
  EXPECT_EQ(after.days_past_due, 1);
}

TEST(LedgerAllocation, BadHistoriesAreRefused) {
  const std::vector<invoice> inv{make_invoice("F-1", "C-1", d(2026, 1, 1), kr(100'00))};
  const std::vector<invoice> dup{inv[0], inv[0]};
  EXPECT_EQ(thrown_code([&] { (void)replay_ledger(dup, {}, {}, {}, costs_first); }), errc::conflict);
  const std::vector<payment> unknown{{.id = "P", .customer_id = "C-1", .received = d(2026, 1, 2), .amount = kr(1), .invoice_ids = {"X"}}};
  EXPECT_EQ(thrown_code([&] { (void)replay_ledger(inv, {}, unknown, {}, costs_first); }), errc::not_found);
  const std::vector<payment> zero{{.id = "P", .customer_id = "C-1", .received = d(2026, 1, 2), .amount = kr(0)}};
  EXPECT_EQ(thrown_code([&] { (void)replay_ledger(inv, {}, zero, {}, costs_first); }), errc::invalid_argument);
  const std::vector<payment> sek{{.id = "P", .customer_id = "C-1", .received = d(2026, 1, 2),
                                  .amount = money(1, iso4217::sek), .invoice_ids = {"F-1"}}};
  EXPECT_EQ(thrown_code([&] { (void)replay_ledger(inv, {}, sek, {}, costs_first); }), errc::currency_mismatch);
}

TEST(LedgerAllocation, PresetsCiteTheirSourcesAndFlagUncertainty) {
  EXPECT_FALSE(allocation_preset_for(jurisdiction::no).uncertain);
  for (jurisdiction j : {jurisdiction::se, jurisdiction::dk, jurisdiction::fi, jurisdiction::eu}) {
    const allocation_preset p = allocation_preset_for(j);
    EXPECT_TRUE(p.uncertain);
    EXPECT_FALSE(p.source.empty());
    EXPECT_EQ(p.policy.order[0], component::fees);
  }
}

// Property: over random histories every payment is conserved exactly (applied + credit ==
// amount), nothing is over-applied, and open balances match invoice + charges - reductions.
TEST(LedgerAllocation, RandomHistoriesConserveMoney) {
  std::mt19937_64 rng(42);
  auto pick = [&](std::int64_t lo, std::int64_t hi) { return std::uniform_int_distribution<std::int64_t>(lo, hi)(rng); };
  const std::vector<std::string> terms = {"net 30", "2/10 net 30", "50% net 30, 50% net 60", "net 10 prox", "COD"};
  for (int round = 0; round < 200; ++round) {
    std::vector<invoice> inv;
    std::vector<payment> pay;
    std::vector<credit_note> cn;
    std::vector<ledger_entry> charges;
    const int customers = static_cast<int>(pick(1, 3));
    for (int i = 0; i < pick(1, 12); ++i)
      inv.push_back(make_invoice("F" + std::to_string(i), "C" + std::to_string(pick(0, customers - 1)),
                                 d(2026, 1, 1) + days(pick(0, 90)), kr(pick(1, 500'000)),
                                 terms[static_cast<std::size_t>(pick(0, 4))], "R" + std::to_string(i)));
    for (int i = 0; i < pick(0, 10); ++i) {
      const auto& target = inv[static_cast<std::size_t>(pick(0, static_cast<std::int64_t>(inv.size()) - 1))];
      charges.push_back(charge(target.id, target.issue_date + days(pick(0, 60)),
                               pick(0, 1) ? component::fees : component::interest, kr(pick(1, 10'000)), "c" + std::to_string(i)));
    }
    for (int i = 0; i < pick(0, 3); ++i) {
      const auto& target = inv[static_cast<std::size_t>(pick(0, static_cast<std::int64_t>(inv.size()) - 1))];
      // At most three notes of up to a third each: never more than the invoice (refused).
      if (target.amount.minor_units() < 3) continue;
      cn.push_back({"K" + std::to_string(i), target.id, target.issue_date + days(pick(0, 30)),
                    kr(pick(1, target.amount.minor_units() / 3))});
    }
    for (int i = 0; i < pick(1, 15); ++i) {
      payment p{.id = "P" + std::to_string(i), .customer_id = "C" + std::to_string(pick(0, customers - 1)),
                .received = d(2026, 1, 1) + days(pick(0, 150)), .amount = kr(pick(1, 400'000))};
      const auto r = pick(0, 3);
      if (r == 0) p.invoice_ids = {inv[static_cast<std::size_t>(pick(0, static_cast<std::int64_t>(inv.size()) - 1))].id};
      if (r == 1) p.reference = "R" + std::to_string(pick(0, static_cast<std::int64_t>(inv.size()) - 1));
      pay.push_back(p);
    }
    const allocation_policy policy{
        .order = pick(0, 1) ? std::array{component::fees, component::interest, component::principal}
                            : std::array{component::principal, component::interest, component::fees},
        .items = pick(0, 1) ? item_order::oldest_due_first : item_order::oldest_issue_first,
        .write_off_below = pick(0, 1) ? std::optional<money>(kr(pick(1, 500))) : std::nullopt};
    const auto entries = replay_ledger(inv, cn, pay, charges, policy);

    std::map<std::string, money> by_source;
    for (const ledger_entry& e : entries)
      if (e.kind == entry_kind::payment || e.kind == entry_kind::unapplied || e.kind == entry_kind::credit_note)
        by_source.try_emplace(e.source, kr(0)).first->second += e.amount;
    for (const payment& p : pay) ASSERT_EQ(by_source.at(p.id), p.amount) << p.id;
    for (const credit_note& k : cn) ASSERT_EQ(by_source.at(k.id), k.amount) << k.id;

    const date end = d(2026, 12, 31);
    for (const invoice& i : inv) {
      const open_item o = open_item_at(i, entries, end);
      ASSERT_FALSE(o.principal.is_negative());
      ASSERT_FALSE(o.fees.is_negative());
      ASSERT_FALSE(o.interest.is_negative());
      money expected = i.amount;
      for (const ledger_entry& e : entries)
        if (e.invoice_id == i.id) expected += e.kind == entry_kind::charge ? e.amount : -e.amount;
      ASSERT_EQ(o.total(), expected);
      ASSERT_LE(o.principal_overdue, o.principal);
    }
  }
}

}  // namespace
}  // namespace kreditor
