// A ledger cut into slices of customers (kreditor/book/slices.hpp, for_each_report_slice):
// however the customers are sliced, every line's result, claim and commands and every
// customer's summary equal those of the run over the whole ledger at once; recorded notices go
// to their invoice's slice; a notice naming no invoice is refused as make_report refuses it.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <tuple>
#include <string>
#include <vector>

#include "kreditor/book/report.hpp"
#include "kreditor/book/slices.hpp"
#include "kreditor/io/ledger.hpp"

namespace kreditor {
namespace {

/// What the outputs print of one line, keyed for comparison.
struct printed_line {
  std::string customer, invoice;
  dunning::state current{};
  std::uint8_t flags = 0;
  std::int32_t level = 0, days_past_due = 0;
  money open, fees, interest, total;
  std::vector<dunning::command> commands;
  std::vector<bool> recorded;
  std::optional<date> next_action;
  claim c;
  std::string problem;
  friend bool operator==(const printed_line&, const printed_line&) = default;
};

struct printed_customer {
  bool credit_hold = false, cash_terms = false, in_collection = false, over_limit = false;
  money open, overdue, unapplied;
  std::vector<printed_line> lines;
  friend bool operator==(const printed_customer&, const printed_customer&) = default;
};

/// Appends the customers of `rep` (in its order) as printed.
void collect(const run_report& rep, std::vector<printed_customer>& out) {
  for (const customer_summary& s : rep.customers) {
    printed_customer pc{.credit_hold = s.credit_hold, .cash_terms = s.cash_terms, .in_collection = s.in_collection,
                        .over_limit = s.over_limit, .open = s.open, .overdue = s.overdue,
                        .unapplied = s.unapplied_credit, .lines = {}};
    for (const std::size_t i : s.lines) {
      const line_result& r = rep.result(i);
      pc.lines.push_back({.customer = s.customer->customer_id, .invoice = rep.books->views[i].invoice_id,
                          .current = r.current, .flags = r.flags, .level = r.level,
                          .days_past_due = r.days_past_due, .open = r.open_principal, .fees = r.fees,
                          .interest = r.interest, .total = r.total_due, .commands = r.commands,
                          .recorded = r.recorded, .next_action = r.next_action, .c = rep.books->claims[i],
                          .problem = r.problem ? r.problem->message : ""});
    }
    out.push_back(std::move(pc));
  }
}

std::vector<printed_customer> whole_run(const ledger& l, date as_of, std::span<const recorded_notice> notices) {
  std::vector<printed_customer> out;
  collect(make_report(l, as_of, notices, policy_set{}), out);
  return out;
}

std::vector<printed_customer> sliced_run(const ledger& l, date as_of, std::span<const recorded_notice> notices,
                                         std::size_t per_slice) {
  std::vector<printed_customer> out;
  policy_set policies;
  for_each_report_slice(l, as_of, notices, policies, per_slice, [&](run_report& rep) { collect(rep, out); });
  return out;
}

TEST(ReportSlices, EverySliceSizeGivesTheWholeRunOfTheSampleLedger) {
  const ledger l = load_ledger(KREDITOR_SOURCE_DIR "/examples/sample_ledger").value();
  ASSERT_GT(l.customers.size(), 10U);
  ASSERT_FALSE(l.events.empty());
  ASSERT_FALSE(l.orders.empty());
  ASSERT_FALSE(l.securities.empty());
  for (const date as_of : {*l.as_of, make_date(2026, 12, 31), make_date(2027, 6, 30)}) {
    const auto whole = whole_run(l, as_of, {});
    std::size_t commands = 0;
    for (const auto& c : whole)
      for (const auto& line : c.lines) commands += line.commands.size();
    if (as_of == *l.as_of) {
      EXPECT_GT(commands, 0U);  // the comparison covers commands
    }
    for (const std::size_t per_slice : {std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{7}, l.customers.size()})
      EXPECT_EQ(sliced_run(l, as_of, {}, per_slice), whole) << to_string(as_of) << ", " << per_slice << " per slice";
  }
}

TEST(ReportSlices, CustomersOutOfOrderCreditNotesDesignationsAndNoticesStayWithTheirCustomer) {
  // Customers' rows interleaved; a credit note and a designated payment for B; a recorded
  // notice for A's invoice and one for B's.
  const std::map<std::string, std::string, std::less<>> files{
      {"customers.csv",
       "customer_id,name,country,segment,currency,credit_limit,terms\n"
       "A,Alfa AS,NO,b2b,NOK,10000.00,14 dager netto\nB,Beta AB,SE,b2b,SEK,10000.00,30 dagar netto\n"
       "C,Gamma AS,NO,b2b,NOK,0.00,14 dager netto\n"},
      {"invoices.csv",
       "invoice_id,customer_id,issue_date,due_date,currency,amount,terms,reference,credit_of\n"
       "B1,B,2026-08-01,,SEK,5000.00,,,\nA1,A,2026-08-03,,NOK,2000.00,,,\nB2,B,2026-08-05,,SEK,900.00,,,\n"
       "C1,C,2026-08-06,,NOK,100.00,,,\nBK,B,2026-08-20,,SEK,-300.00,,,B1\nA2,A,2026-09-01,,NOK,700.00,,,\n"},
      {"payments.csv",
       "payment_id,customer_id,date,currency,amount,reference,invoice_id\n"
       "P1,B,2026-09-10,SEK,950.00,,B2\nP2,A,2026-09-20,NOK,2500.00,,\nP3,C,2026-10-01,NOK,100.00,,\n"},
      {"events.csv", "date,customer_id,invoice_id,event,details\n2026-09-15,B,B1,dispute_opened,price\n"}};
  const ledger l = parse_ledger(files).value();
  const std::vector<recorded_notice> notices{
      {.invoice_id = "A1", .step = "purring", .sent = make_date(2026, 8, 25), .deadline = make_date(2026, 9, 8),
       .fee = money(3'500, iso4217::nok)},
      {.invoice_id = "B2", .step = "påminnelse", .sent = make_date(2026, 9, 6), .deadline = make_date(2026, 9, 20),
       .fee = money(6'000, iso4217::sek)}};
  const date as_of = make_date(2026, 11, 20);
  const auto whole = whole_run(l, as_of, notices);
  ASSERT_EQ(whole.size(), 3U);
  EXPECT_EQ(whole[0].lines[0].c.fees_charged, money(3'500, iso4217::nok));  // A1's notice reached it
  EXPECT_EQ(whole[1].lines[0].c.credited, money(30'000, iso4217::sek));     // BK credited B1
  for (const std::size_t per_slice : {std::size_t{1}, std::size_t{2}})
    EXPECT_EQ(sliced_run(l, as_of, notices, per_slice), whole) << per_slice << " per slice";

  ledger_slices cut(l);
  EXPECT_EQ(cut.customer_index("B"), 1U);
  EXPECT_EQ(cut.customer_index("nobody"), no_record);
  const ledger b = cut.slice(1, 2);
  ASSERT_EQ(b.invoices.size(), 3U);  // B1, B2, BK in ledger order, renumbered
  EXPECT_EQ(b.invoices[2].invoice_id, "BK");
  EXPECT_EQ(b.invoices[2].credit_of_index, 0U);
  EXPECT_EQ(b.invoices[2].customer_index, 0U);
  ASSERT_EQ(b.payments.size(), 1U);
  EXPECT_EQ(b.payments[0].invoice_index, 1U);
  EXPECT_EQ(cut.notices_of(1, 2, notices), std::vector<recorded_notice>{notices[1]});
  EXPECT_THROW((void)cut.slice(2, 4), error);
}

// A slice's rows come in ledger order however many there are: thousands of rows of customers
// interleaved (a slice's rows are put in order by a radix sort from 256 rows on, by a comparison
// sort below), from records and from columns.
TEST(LedgerSlices, ThousandsOfInterleavedRowsComeInLedgerOrder) {
  std::string invoice_csv = "invoice_id,customer_id,issue_date,due_date,currency,amount,terms,reference\n";
  std::string payment_csv = "payment_id,customer_id,date,currency,amount,reference,invoice_id\n";
  const std::string customer_ids = "ABC";
  const auto owner = [&](int i) { return std::string(1, customer_ids[static_cast<std::size_t>((i * 7 + i / 5) % 3)]); };
  for (int i = 0; i < 5000; ++i)
    invoice_csv += "I" + std::to_string(100000 + i) + "," + owner(i) + ",2026-08-01,,NOK,100.00,,\n";
  for (int i = 0; i < 3000; ++i)
    payment_csv += "P" + std::to_string(100000 + i) + "," + owner(i + 1) + ",2026-09-01,NOK,1.00,,\n";
  const std::map<std::string, std::string, std::less<>> files{
      {"customers.csv",
       "customer_id,name,country,segment,currency,credit_limit,terms\n"
       "A,Alfa AS,NO,b2b,NOK,0.00,14 dager netto\nB,Beta AS,NO,b2b,NOK,0.00,14 dager netto\n"
       "C,Gamma AS,NO,b2b,NOK,0.00,14 dager netto\n"},
      {"invoices.csv", invoice_csv},
      {"payments.csv", payment_csv}};
  const ledger l = parse_ledger(files).value();
  const ledger_columns columns = parse_ledger_columns(files).value();
  const ledger_slices by_records(l), by_columns(columns);
  for (const auto& [first, last] : {std::pair{0, 3}, std::pair{0, 1}, std::pair{1, 3}, std::pair{2, 3}}) {
    std::vector<std::string> want_invoices, want_payments;
    const auto in_slice = [&](const std::string& id) {
      const auto c = static_cast<int>(customer_ids.find(id));
      return c >= first && c < last;
    };
    for (const invoice_record& inv : l.invoices)
      if (in_slice(inv.customer_id)) want_invoices.push_back(inv.invoice_id);
    for (const payment_record& p : l.payments)
      if (in_slice(p.customer_id)) want_payments.push_back(p.payment_id);
    ASSERT_GT(want_invoices.size(), 256U);  // the radix sort's side
    for (const ledger_slices* cut : {&by_records, &by_columns}) {
      const ledger part = cut->slice(static_cast<std::size_t>(first), static_cast<std::size_t>(last));
      std::vector<std::string> got_invoices, got_payments;
      for (const invoice_record& inv : part.invoices) got_invoices.push_back(inv.invoice_id);
      for (const payment_record& p : part.payments) got_payments.push_back(p.payment_id);
      EXPECT_EQ(got_invoices, want_invoices) << "customers [" << first << ", " << last << ")";
      EXPECT_EQ(got_payments, want_payments) << "customers [" << first << ", " << last << ")";
    }
  }
}

TEST(BookSlices, TheOpenReceivablesOfEverySliceAreThoseOfTheWholeBook) {
  const ledger l = load_ledger(KREDITOR_SOURCE_DIR "/examples/sample_ledger").value();
  const date as_of = make_date(2026, 12, 31);
  policy_set whole_policies;
  const open_receivables whole = open_receivables_of(make_book(l, as_of, {}, whole_policies), l.customers.size());
  ASSERT_GT(whole.open_minor.size(), 10U);
  // (customer, issue day, due day, open) of every item: the order within the columns is the
  // slices', the items are the same.
  const auto items = [](const open_receivables& o) {
    std::vector<std::tuple<std::uint32_t, std::int32_t, std::int32_t, std::int64_t>> out;
    for (std::size_t k = 0; k < o.open_minor.size(); ++k)
      out.emplace_back(o.group[k], o.issue_day[k], o.due_day[k], o.open_minor[k]);
    std::sort(out.begin(), out.end());
    return out;
  };
  for (const std::size_t per_slice : {std::size_t{1}, std::size_t{4}, l.customers.size()}) {
    open_receivables sliced;
    sliced.items_of.assign(l.customers.size(), 0);
    policy_set policies;
    std::size_t slices = 0;
    for_each_book_slice(l, as_of, {}, policies, per_slice, [&](const book& b, std::size_t first) {
      EXPECT_EQ(first, slices * per_slice);
      ++slices;
      append_open_receivables(sliced, b, first);
    });
    EXPECT_EQ(slices, (l.customers.size() + per_slice - 1) / per_slice);
    EXPECT_EQ(sliced.items_of, whole.items_of) << per_slice;
    EXPECT_EQ(items(sliced), items(whole)) << per_slice;
  }
  open_receivables too_few;
  too_few.items_of.assign(1, 0);
  policy_set policies;
  EXPECT_THROW(for_each_book_slice(l, as_of, {}, policies, 4,
                                   [&](const book& b, std::size_t first) { append_open_receivables(too_few, b, first); }),
               error);
}

TEST(ReportSlices, ANoticeNamingNoInvoiceIsRefusedAsByTheWholeRun) {
  const ledger l = load_ledger(KREDITOR_SOURCE_DIR "/examples/sample_ledger").value();
  const std::vector<recorded_notice> notices{
      {.invoice_id = "NO-SUCH", .step = "purring", .sent = make_date(2026, 10, 1), .deadline = {}, .fee = money(0, iso4217::nok)}};
  std::string whole_error, sliced_error;
  try {
    (void)make_report(l, *l.as_of, notices, policy_set{});
  } catch (const error& e) {
    whole_error = e.what();
  }
  try {
    policy_set p;
    for_each_report_slice(l, *l.as_of, notices, p, 4, [](run_report&) {});
  } catch (const error& e) {
    sliced_error = e.what();
  }
  EXPECT_NE(whole_error, "");
  EXPECT_EQ(sliced_error, whole_error);
  policy_set p;
  EXPECT_THROW(for_each_report_slice(l, *l.as_of, {}, p, 0, [](run_report&) {}), error);
}

}  // namespace
}  // namespace kreditor
