// A notice built by hand, for tests and fuzz targets of the renderer (which needs no run): a
// Norwegian consumer's collection warning for one invoice with a fee and interest, its
// creditor's name holding HTML's special characters.
#ifndef KREDITOR_TESTS_SUPPORT_DOCUMENTS_HPP
#define KREDITOR_TESTS_SUPPORT_DOCUMENTS_HPP

#include "kreditor/documents/notice.hpp"

namespace kreditor::test_support {

inline notice hand_made_notice() {
  const auto nok = [](std::int64_t minor) { return money(minor, iso4217::nok); };
  notice n;
  n.kind = document_kind::collection_warning;
  n.jurisdiction = jurisdiction::no;
  n.segment = segment::b2c;
  n.language = language::nb;
  n.customer_id = "C-1";
  n.creditor = {"Kreditor & Co <AS>", "910000004", "Storgata 1, 0155 Oslo", "post@example.no"};
  n.debtor = {"Kari Nordmann", "", "Lyngveien 7, 5072 Bergen", ""};
  n.account = "1503.12.34562";
  n.currency = iso4217::nok;
  n.sent = make_date(2026, 11, 20);
  n.deadline = make_date(2026, 12, 4);
  notice_invoice inv;
  inv.invoice_id = "F-1";
  inv.issue_date = make_date(2026, 9, 1);
  inv.due_date = make_date(2026, 10, 1);
  inv.reference = "100110246";
  inv.amount = inv.principal = nok(1234550);
  inv.fees = {{"purring", make_date(2026, 11, 20), nok(3500)}};
  inv.fee = inv.fees_open = nok(3500);
  inv.interest = nok(20000);
  inv.interest_settled = nok(0);
  inv.total = inv.principal + inv.fees_open + inv.interest;
  n.invoices = {inv};
  n.principal = inv.principal;
  n.fees = inv.fees_open;
  n.interest = inv.interest;
  n.total = inv.total;
  return n;
}

}  // namespace kreditor::test_support

#endif  // KREDITOR_TESTS_SUPPORT_DOCUMENTS_HPP
