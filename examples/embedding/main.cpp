// The daily run of a host application that keeps its own records (here: built in code, as an
// invoicing system would from its database) and hands them to kreditor's book.
#include <iostream>

#include "kreditor/book/book.hpp"
#include "kreditor/book/report.hpp"

int main() {
  using namespace kreditor;
  // 1. The host's records: a customer with its agreement, two invoices, a payment, a notice.
  ledger l;
  l.customers.push_back({.customer_id = "C-17", .name = "Fjordtre Bygg AS", .country = "NO",
                         .segment = segment::b2b, .currency = iso4217::nok,
                         .credit_limit = money(20'000'000, iso4217::nok), .credit_limit_expires = {},
                         .terms = "14 dager netto", .org_number = "923456783",
                         .email = "regnskap@fjordtre.no", .account_manager = "Ingrid Berg", .flags = {}, .line = 1});
  l.invoices.push_back({.invoice_id = "F-1001", .customer_id = "C-17", .issue_date = make_date(2026, 9, 1),
                        .due_date = std::nullopt, .amount = money(1'000'000, iso4217::nok), .terms = "",
                        .reference = "100010013", .credit_of = "", .line = 1});
  l.invoices.push_back({.invoice_id = "F-1002", .customer_id = "C-17", .issue_date = make_date(2026, 10, 1),
                        .due_date = std::nullopt, .amount = money(500'000, iso4217::nok), .terms = "",
                        .reference = "100010021", .credit_of = "", .line = 2});
  // The customer paid F-1001's amount after its reminder: the 35.00 fee and the interest come
  // first (costs -> interest -> principal), so a little principal stays open.
  l.payments.push_back({.payment_id = "B-77", .customer_id = "C-17", .date_paid = make_date(2026, 10, 20),
                        .amount = money(1'000'000, iso4217::nok), .reference = "100010013", .invoice_id = "",
                        .line = 1});
  event_record purring{.on = make_date(2026, 10, 1), .customer_id = "C-17", .invoice_id = "F-1001",
                       .kind = ledger_event_kind::notice_sent, .details = "", .line = 1};
  purring.level = "purring";
  purring.deadline = make_date(2026, 10, 15);
  purring.fee = money(3'500, iso4217::nok);
  l.events.push_back(purring);

  // 2. The book as of today: each claim by component, and each customer's unapplied credit.
  const date today = make_date(2026, 11, 20);
  policy_set policies;  // each customer's country preset (NO here)
  const book b = make_book(l, today, {}, policies);
  for (std::size_t i = 0; i < b.size(); ++i) {
    const claim& c = b.claims[i];
    std::cout << b.invoices[i]->invoice_id << ": principal " << c.principal() << ", fees " << c.fees()
              << " (paid " << c.fees_paid << "), interest " << c.interest() << " (paid " << c.interest_paid
              << "), total " << c.total() << "\n";
  }

  // 3. The daily run: what to do today, with whom to contact and the payment reference.
  const run_report r = make_report(std::move(l), today, {}, policy_set{});
  for (std::size_t i = 0; i < r.size(); ++i)
    for (const dunning::command& cmd : r.result(i).commands)
      std::cout << r.books->invoices[i]->invoice_id << ": " << dunning::to_string(cmd.kind) << " ("
                << step_name(r.policy_of(i), cmd.step) << ") to " << r.customers[0].customer->email << ", KID "
                << r.books->invoices[i]->reference << ", total " << cmd.total << "\n";
  std::cout << "embedding ok\n";
  return 0;
}
