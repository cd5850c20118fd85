// What the host supplies reaches every place that uses it: a late-interest table of its own
// (a rate published after this release) and fee rules of its own (a corrected cap), given to
// compile() through dunning::extensions, are what the legal check, the engine's fees and the
// book's interest and fee checks use — not only the standalone functions.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>

#include "kreditor/book/book.hpp"
#include "kreditor/charges/interest.hpp"
#include "kreditor/dunning/engine.hpp"
#include "kreditor/dunning/legal_check.hpp"
#include "kreditor/dunning/presets.hpp"
#include "kreditor/io/ledger.hpp"
#include "support/shorthand.hpp"

namespace kreditor {
namespace {

using test_support::d;
using test_support::nok;

ledger one_invoice(const std::string& events = "") {
  std::map<std::string, std::string, std::less<>> files{
      {"customers.csv",
       "customer_id,name,country,segment,currency,credit_limit,terms,org_number,email,account_manager,flags\n"
       "C1,Fjord AS,NO,b2b,NOK,1000000.00,14 dager netto,,,,\n"},
      {"invoices.csv", "invoice_id,customer_id,issue_date,due_date,currency,amount,terms,reference,credit_of\n"
                       "I1,C1,2026-01-02,2026-01-16,NOK,10000.00,,,\n"},
      {"payments.csv", "payment_id,customer_id,date,currency,amount,reference,invoice_id\n"},
      {"events.csv", "date,customer_id,invoice_id,event,details\n" + events}};
  return parse_ledger(files).value();
}

/// The shipped NO reminder-fee row in force in 2026, with the cap lowered to `cap` by the host.
legal_fee_rule lowered_purring_cap(money cap) {
  const std::vector<legal_fee_rule> shipped = shipped_fee_rules().value();
  const legal_fee_rule* latest = nullptr;
  for (const legal_fee_rule& r : shipped)
    if (r.id == "NO.purregebyr" && r.effective_from <= d(2026, 2, 1) && (!latest || latest->effective_from < r.effective_from))
      latest = &r;
  EXPECT_NE(latest, nullptr);
  legal_fee_rule mine = *latest;
  mine.caps = {{.up_to = std::nullopt, .cap = cap}};
  mine.source = "the host's corrected table (test)";
  return mine;
}

TEST(HostLaw, TheHostsFeeRulesReachTheLegalCheckTheEngineAndTheBook) {
  dunning::extensions ext;
  ext.fee_rules({lowered_purring_cap(nok(2'000))});
  policy_set policies(dunning::preset("NO"), ext);
  const dunning::compiled_policy& cp = policies.for_jurisdiction(jurisdiction::no);
  ASSERT_TRUE(cp.fee_rules);

  // The engine's statutory purring fee is the host's cap, 20.00, not the shipped 35.00.
  const ledger l = one_invoice();
  const book b = make_book(l, d(2026, 2, 5), {}, policies);
  const dunning::run_result r = dunning::evaluate(cp, std::span(&b.views[0], 1), d(2026, 2, 5));
  ASSERT_FALSE(r.invoices[0].problem);
  ASSERT_FALSE(r.invoices[0].commands.empty());
  EXPECT_EQ(r.invoices[0].commands[0].fee, nok(2'000));

  // The book refuses a recorded 35.00 fee under the host's 20.00 cap (the shipped law allows it).
  const ledger with_fee = one_invoice("2026-02-01,C1,I1,notice_sent,level=purring;fee=35.00\n");
  EXPECT_THROW((void)make_book(with_fee, d(2026, 2, 5), {}, policies), error);
  policy_set shipped;
  EXPECT_NO_THROW((void)make_book(with_fee, d(2026, 2, 5), {}, shipped));

  // The legal check: a fixed 35.00 purring breaks the host's cap.
  dunning::policy fixed = dunning::preset("NO");
  for (dunning::policy_step& st : fixed.steps)
    if (st.name == "purring") st.fee = dunning::fee_spec::fixed({nok(3'500)});
  const std::vector<legal_fee_rule> merged = merge_fee_rules(shipped_fee_rules().value(), ext.fee_rules());
  EXPECT_TRUE(dunning::check_legal(fixed, d(2026, 2, 1)).empty());
  EXPECT_FALSE(dunning::check_legal(fixed, d(2026, 2, 1), merged).empty());
  EXPECT_THROW((void)dunning::compile(fixed, ext), error);
}

TEST(HostLaw, TheHostsRateTableReachesTheBookAndTheEngine) {
  const rate_table shipped = statutory_late_interest(jurisdiction::no, segment::b2b).value();
  const rate_table mine = rate_table::constant(rate::parse("20%").value(), "the host's rate (test)").with_info(shipped.info());
  dunning::extensions ext;
  ext.late_interest(jurisdiction::no, segment::b2b, mine);
  policy_set policies(dunning::preset("NO"), ext);
  const date as_of = d(2026, 3, 1);
  const book b = make_book(one_invoice(), as_of, {}, policies);
  const money expected = late_interest(nok(1'000'000), mine, d(2026, 1, 16), as_of, convention_of(mine)).interest;
  EXPECT_EQ(expected, nok(24'110));  // 10 000 x 20 % x 44/365
  EXPECT_EQ(b.claims[0].interest(), expected);
  const dunning::run_result r =
      dunning::evaluate(policies.for_jurisdiction(jurisdiction::no), std::span(&b.views[0], 1), as_of);
  EXPECT_EQ(r.invoices[0].interest, expected);
}

}  // namespace
}  // namespace kreditor
