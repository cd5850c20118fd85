// open_item_at and the ledger's names, as a host reading one invoice's balance sees them: the
// components and entry kinds spelled as the CSV/JSON outputs spell them, an instalment
// invoice's first and final due dates, and the errors that name the invoice.
#include "kreditor/ledger/open_item.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "support/errors.hpp"

namespace kreditor {
namespace {

using iso4217::nok;
using test_support::thrown_code;

invoice two_instalments() {
  invoice inv{.id = "F-100", .customer_id = "C-1", .issue_date = date(2025, 1, 1),
              .amount = money(100'000, nok)};
  inv.schedule = {{date(2025, 1, 31), money(40'000, nok)}, {date(2025, 3, 2), money(60'000, nok)}};
  return inv;
}

ledger_entry entry(date on, entry_kind kind, component part, money amount) {
  return {.on = on, .customer_id = "C-1", .invoice_id = "F-100", .kind = kind, .part = part,
          .amount = amount, .source = "P-1"};
}

TEST(LedgerNames, ComponentsAndEntryKindsAreSpelledAsTheOutputsSpellThem) {
  EXPECT_EQ(to_string(component::fees), "fees");
  EXPECT_EQ(to_string(component::interest), "interest");
  EXPECT_EQ(to_string(component::principal), "principal");
  EXPECT_EQ(to_string(entry_kind::charge), "charge");
  EXPECT_EQ(to_string(entry_kind::payment), "payment");
  EXPECT_EQ(to_string(entry_kind::credit_note), "credit_note");
  EXPECT_EQ(to_string(entry_kind::write_off), "write_off");
  EXPECT_EQ(to_string(entry_kind::unapplied), "unapplied");
  EXPECT_EQ(to_string(entry_kind::credit_applied), "credit_applied");
}

TEST(InvoiceDueDates, FirstAndFinalAreTheScheduleEnds) {
  const invoice inv = two_instalments();
  EXPECT_EQ(inv.first_due_date(), date(2025, 1, 31));
  EXPECT_EQ(inv.final_due_date(), date(2025, 3, 2));
}

TEST(InvoiceDueDates, AnEmptyScheduleIsRefusedNamingTheInvoice) {
  invoice inv = two_instalments();
  inv.schedule.clear();
  EXPECT_EQ(thrown_code([&] { (void)inv.first_due_date(); }), errc::invalid_argument);
  EXPECT_EQ(thrown_code([&] { (void)inv.final_due_date(); }), errc::invalid_argument);
  EXPECT_EQ(thrown_code([&] { (void)open_item_at(inv, {}, date(2025, 2, 1)); }), errc::invalid_argument);
  try {
    (void)inv.final_due_date();
  } catch (const error& e) {
    EXPECT_NE(std::string(e.what()).find("'F-100'"), std::string::npos) << e.what();
  }
}

TEST(OpenItemAt, OnlyTheInstalmentsDueBeforeTheDateAreOverdue) {
  const invoice inv = two_instalments();
  const std::vector<ledger_entry> history{
      entry(date(2025, 2, 10), entry_kind::payment, component::principal, money(10'000, nok)),
      entry(date(2025, 2, 12), entry_kind::charge, component::fees, money(3'500, nok))};
  const open_item o = open_item_at(inv, history, date(2025, 2, 15));
  EXPECT_EQ(o.principal, money(90'000, nok));
  EXPECT_EQ(o.fees, money(3'500, nok));
  // The payment went to the first instalment: 300.00 of it is overdue, the second is not due.
  EXPECT_EQ(o.principal_overdue, money(30'000, nok));
  EXPECT_EQ(o.oldest_overdue_due, date(2025, 1, 31));
  EXPECT_EQ(o.days_past_due, 15);
  EXPECT_EQ(o.overdue(), money(33'500, nok));
  EXPECT_EQ(o.total(), money(93'500, nok));
}

TEST(OpenItemAt, AnEntryInAnotherCurrencyIsRefused) {
  const invoice inv = two_instalments();
  const std::vector<ledger_entry> history{
      entry(date(2025, 2, 10), entry_kind::payment, component::principal, money(10'000, iso4217::sek))};
  EXPECT_EQ(thrown_code([&] { (void)open_item_at(inv, history, date(2025, 2, 15)); }),
            errc::currency_mismatch);
}

}  // namespace
}  // namespace kreditor
