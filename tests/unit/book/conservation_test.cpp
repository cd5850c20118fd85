// Money is conserved by the book over random histories (invoices, credit notes, payments with
// and without designations, overpayments, notices with fees, write-offs), per currency, to the
// minor unit:
//   invoiced + fees + interest charged = paid + credited + written off + open
//   payments + credit notes            = applied to claims + unapplied credit
// and the book, late_interest and the engine agree on every open claim's interest and fees.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <map>
#include <random>
#include <string>

#include "kreditor/book/book.hpp"
#include "kreditor/charges/interest.hpp"
#include "kreditor/dunning/engine.hpp"
#include "kreditor/io/ledger.hpp"

namespace kreditor {
namespace {

struct history {
  std::map<std::string, std::string, std::less<>> files;
  date as_of;
};

std::string money_text(std::int64_t minor) {
  return std::to_string(minor / 100) + "." + (minor % 100 < 10 ? "0" : "") + std::to_string(minor % 100);
}

history random_history(std::uint32_t seed) {
  std::mt19937 rng(seed);
  const auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  const date start = make_date(2025, 1, 1);
  history h;
  h.as_of = start + days(pick(60, 500));
  std::string customers = "customer_id,name,country,segment,currency,credit_limit,terms,org_number,email,account_manager,flags\n";
  std::string invoices = "invoice_id,customer_id,issue_date,due_date,currency,amount,terms,reference,credit_of\n";
  std::string payments = "payment_id,customer_id,date,currency,amount,reference,invoice_id\n";
  std::string events = "date,customer_id,invoice_id,event,details\n";
  const int n_customers = pick(1, 3);
  int invoice_no = 0, payment_no = 0;
  for (int c = 0; c < n_customers; ++c) {
    const bool norwegian = pick(0, 2) != 0;
    const std::string id = "C" + std::to_string(c);
    const std::string ccy = norwegian ? "NOK" : "SEK";
    const std::string terms = pick(0, 4) == 0 ? "14 dager netto; interest 18%" : "14 dager netto";
    customers += id + ",Kunde " + id + "," + (norwegian ? "NO" : "SE") + "," + (pick(0, 3) == 0 ? "b2c" : "b2b") + "," +
                 ccy + ",100000.00," + terms + ",,,,\n";
    std::vector<std::pair<std::string, std::int64_t>> mine;
    const int n_invoices = pick(1, 6);
    for (int i = 0; i < n_invoices; ++i) {
      const std::string inv = "I" + std::to_string(invoice_no++);
      const date issued = start + days(pick(0, 400));
      const std::int64_t amount = pick(100, 5'000'000);
      invoices += inv + "," + id + "," + to_string(issued) + "," + to_string(issued + days(14)) + "," + ccy + "," +
                  money_text(amount) + ",,,\n";
      mine.emplace_back(inv, amount);
      if (pick(0, 4) == 0) {  // a credit note of up to the whole amount
        const std::int64_t credit = pick(1, static_cast<int>(std::min<std::int64_t>(amount, 2'000'000'000)));
        invoices += "K" + inv + "," + id + "," + to_string(issued + days(pick(0, 60))) + ",," + ccy + ",-" +
                    money_text(credit) + ",,," + inv + "\n";
      }
      if (norwegian && pick(0, 2) == 0)  // a purring with its fee
        events += to_string(issued + days(pick(20, 40))) + "," + id + "," + inv + ",notice_sent,level=purring;fee=35.00\n";
      if (pick(0, 7) == 0)  // a write-off, of part or all
        events += to_string(issued + days(pick(1, 10))) + "," + id + "," + inv + ",write_off," +
                  (pick(0, 1) == 0 ? "amount=" + money_text(pick(1, static_cast<int>(std::min<std::int64_t>(amount, 100)))) : "") +
                  "\n";
    }
    const int n_payments = pick(0, 6);
    for (int k = 0; k < n_payments; ++k) {
      const auto& [inv, amount] = mine[static_cast<std::size_t>(pick(0, static_cast<int>(mine.size()) - 1))];
      // Exact, partial, or far more than owed; designated or not.
      const std::int64_t paid = pick(0, 3) == 0 ? amount : pick(0, 5) == 0 ? amount * 3 + 12'345 : pick(1, static_cast<int>(amount));
      payments += "P" + std::to_string(payment_no++) + "," + id + "," + to_string(start + days(pick(0, 480))) + "," +
                  ccy + "," + money_text(paid) + ",," + (pick(0, 1) == 0 ? inv : "") + "\n";
    }
  }
  h.files = {{"customers.csv", customers}, {"invoices.csv", invoices}, {"payments.csv", payments}, {"events.csv", events}};
  return h;
}

TEST(BookConservation, MoneyIsConservedOverRandomHistories) {
  int checked = 0;
  policy_set policies;  // compiled once, on first use per jurisdiction
  const std::array<rate_table, 2> no_tables{statutory_late_interest(jurisdiction::no, segment::b2b).value(),
                                            statutory_late_interest(jurisdiction::no, segment::b2c).value()};
  for (std::uint32_t seed = 1; seed <= 400; ++seed) {
    const history h = random_history(seed);
    const result<ledger> parsed = parse_ledger(h.files);
    ASSERT_TRUE(parsed) << "seed " << seed << ": " << parsed.error().message;
    const ledger& l = *parsed;
    book b;
    try {
      b = make_book(l, h.as_of, {}, policies);
    } catch (const error& e) {
      // Only a write-off above what was open that day may be refused.
      ASSERT_NE(std::string(e.what()).find("write_off"), std::string::npos) << "seed " << seed << ": " << e.what();
      continue;
    }
    ++checked;
    std::map<std::string, std::int64_t> owed, settled, money_in, applied;
    for (std::size_t k = 0; k < b.size(); ++k) {
      const claim& c = b.claims[k];
      const std::string ccy(c.amount.currency().code());
      owed[ccy] += (c.amount + c.fees_charged + c.interest_charged).minor_units();
      settled[ccy] += (c.principal_paid + c.fees_paid + c.interest_paid + c.credited + c.principal_written_off +
                       c.fees_written_off + c.interest_written_off + c.total())
                          .minor_units();
      applied[ccy] += (c.principal_paid + c.fees_paid + c.interest_paid + c.credited).minor_units();
      EXPECT_FALSE(c.principal().is_negative() || c.fees().is_negative() || c.interest().is_negative())
          << "seed " << seed << " " << b.invoices[k]->invoice_id;
      // The book, late_interest and the engine agree on what an open claim owes.
      const dunning::invoice_view& v = b.views[k];
      if (!c.total().is_zero()) {
        const dunning::run_result r =
            dunning::evaluate(policies.for_jurisdiction(v.jurisdiction), std::span(&v, 1), b.as_of);
        if (!r.invoices[0].problem) {
          // The engine's fees are the book's plus the fee of each notice it asks for today.
          money today = money::zero(c.amount.currency());
          std::vector<std::int32_t> seen;
          for (const dunning::command& cmd : r.invoices[0].commands)
            if (std::find(seen.begin(), seen.end(), cmd.step) == seen.end()) {
              seen.push_back(cmd.step);
              today += cmd.fee;
            }
          EXPECT_EQ(r.invoices[0].open_principal, c.principal()) << "seed " << seed;
          EXPECT_EQ(r.invoices[0].fees, c.fees() + today) << "seed " << seed;
          EXPECT_EQ(r.invoices[0].interest, c.interest()) << "seed " << seed << " " << v.invoice_id;
        }
        if (!v.agreed_interest && v.jurisdiction == jurisdiction::no) {
          const rate_table& t = no_tables[v.segment == segment::b2c ? 1 : 0];
          EXPECT_EQ(late_interest(v.amount, t, v.due_date, b.as_of, convention_of(t), v.balance_changes).interest,
                    c.interest_charged)
              << "seed " << seed << " " << v.invoice_id;
        }
      }
    }
    for (const payment_record& p : l.payments)
      if (p.date_paid <= b.as_of) money_in[std::string(p.amount.currency().code())] += p.amount.minor_units();
    for (const invoice_record& inv : l.invoices)
      if (!inv.credit_of.empty() && inv.issue_date <= b.as_of) {
        // Credit notes on invoices not yet issued do not count yet.
        bool known = false;
        for (std::size_t k = 0; k < b.size(); ++k) known = known || b.invoices[k]->invoice_id == inv.credit_of;
        if (known) money_in[std::string(inv.amount.currency().code())] -= inv.amount.minor_units();
      }
    for (std::size_t c = 0; c < l.customers.size(); ++c) {
      EXPECT_FALSE(b.unapplied_credit[c].is_negative()) << "seed " << seed;
      applied[std::string(b.unapplied_credit[c].currency().code())] += b.unapplied_credit[c].minor_units();
    }
    EXPECT_EQ(owed, settled) << "seed " << seed;
    for (const auto& [ccy, in] : money_in) EXPECT_EQ(in, applied[ccy]) << "seed " << seed << " " << ccy;
  }
  EXPECT_GT(checked, 300);
}

}  // namespace
}  // namespace kreditor
