// The ledger as columns (kreditor/io/ledger_columns.hpp): every invoice and payment read back
// from the columns is the row the generator wrote; slices cut over the columns equal slices cut
// over the same ledger as records, and so does every report slice; the limitation evidence is
// the same from both; the columns take a fraction of the records' memory.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "kreditor/book/report.hpp"
#include "kreditor/book/slices.hpp"
#include "kreditor/documents/claim_limitation.hpp"
#include "kreditor/io/ledger_columns.hpp"

namespace kreditor {
namespace {

using files_t = std::map<std::string, std::string, std::less<>>;

// Every field of the records, for comparison (the records have no operator==).
auto fields(const customer_record& r) {
  return std::tie(r.customer_id, r.name, r.country, r.segment, r.currency, r.credit_limit, r.credit_limit_expires,
                  r.terms, r.org_number, r.email, r.address, r.account_manager, r.flags, r.line);
}
auto fields(const invoice_record& r) {
  return std::tie(r.invoice_id, r.customer_id, r.issue_date, r.due_date, r.customer_index, r.amount, r.terms,
                  r.reference, r.credit_of, r.line, r.credit_of_index);
}
auto fields(const payment_record& r) {
  return std::tie(r.payment_id, r.customer_id, r.date_paid, r.customer_index, r.amount, r.reference, r.invoice_id,
                  r.line, r.invoice_index, r.method);
}
auto fields(const event_record& r) {
  return std::tie(r.on, r.customer_id, r.invoice_id, r.kind, r.details, r.line, r.until, r.amount, r.installments,
                  r.first_due, r.level, r.deadline, r.fee, r.customer_index, r.invoice_index);
}
auto fields(const order_record& r) {
  return std::tie(r.order_id, r.customer_id, r.ordered, r.amount, r.delivered, r.invoice_id, r.cancelled, r.line);
}
auto fields(const security_record& r) {
  return std::tie(r.security_id, r.customer_id, r.kind, r.amount, r.expires, r.reference, r.line);
}
auto fields(const counterclaim_record& r) {
  return std::tie(r.counterclaim_id, r.customer_id, r.arose, r.amount, r.payable_from, r.reference, r.line);
}

template <class Record>
void expect_same_rows(const std::vector<Record>& a, const std::vector<Record>& b, const std::string& what) {
  ASSERT_EQ(a.size(), b.size()) << what;
  for (std::size_t k = 0; k < a.size(); ++k) EXPECT_TRUE(fields(a[k]) == fields(b[k])) << what << " row " << k;
}

void expect_same_ledger(const ledger& a, const ledger& b, const std::string& what) {
  expect_same_rows(a.customers, b.customers, what + ": customers");
  expect_same_rows(a.invoices, b.invoices, what + ": invoices");
  expect_same_rows(a.payments, b.payments, what + ": payments");
  expect_same_rows(a.events, b.events, what + ": events");
  expect_same_rows(a.orders, b.orders, what + ": orders");
  expect_same_rows(a.securities, b.securities, what + ": security");
  expect_same_rows(a.counterclaims, b.counterclaims, what + ": counterclaims");
  EXPECT_EQ(a.as_of, b.as_of) << what;
}

/// What the generator wrote of an invoice or a payment, to be read back from the columns.
struct written_invoice {
  std::string id, customer, terms, reference, credit_of;
  date issued;
  std::optional<date> due;
  std::int64_t minor = 0;
};
struct written_payment {
  std::string id, customer, reference, invoice;
  date paid;
  std::int64_t minor = 0;
  payment_channel method = payment_channel::unspecified;
};

std::string decimal_text(std::int64_t minor) {
  const std::int64_t whole = (minor < 0 ? -minor : minor) / 100;
  const std::int64_t cents = (minor < 0 ? -minor : minor) % 100;
  return std::string(minor < 0 ? "-" : "") + std::to_string(whole) + "." + (cents < 10 ? "0" : "") +
         std::to_string(cents);
}

/// A ledger of `customers` customers in three currencies, its rows interleaved: invoices with and
/// without due dates, own terms and references; credit notes of earlier invoices; payments with
/// and without designations and methods; events, orders, security and counterclaims.
struct generated {
  files_t files;
  std::vector<written_invoice> invoices;
  std::vector<written_payment> payments;
};

generated generate(std::size_t customers, std::size_t invoices, std::uint32_t seed) {
  std::mt19937 rng(seed);
  const auto pick = [&](std::size_t n) { return static_cast<std::size_t>(rng() % n); };
  const char* ccy[] = {"NOK", "SEK", "DKK"};
  const char* country[] = {"NO", "SE", "DK"};
  const char* terms[] = {"14 dager netto", "30 dagar netto", "løbende måned + 30"};
  const char* methods[] = {"", "bank_transfer", "giro", "cheque", "check", "card"};
  generated g;
  std::string c = "customer_id,name,country,segment,currency,credit_limit,terms\n";
  for (std::size_t k = 0; k < customers; ++k)
    c += "C" + std::to_string(k) + ",Kunde " + std::to_string(k) + " AS," + country[k % 3] + ",b2b," + ccy[k % 3] +
         ",50000.00," + terms[k % 3] + "\n";
  g.files["customers.csv"] = c;
  std::string inv = "invoice_id,customer_id,issue_date,due_date,currency,amount,terms,reference,credit_of\n";
  std::vector<std::vector<std::size_t>> of_customer(customers);
  std::vector<std::int64_t> creditable;  // per invoice: what credit notes may still take off it
  const date start = make_date(2026, 1, 5);
  for (std::size_t k = 0; k < invoices; ++k) {
    const std::size_t cust = pick(customers);
    written_invoice w;
    w.id = "INV-" + std::to_string(k);
    w.customer = "C" + std::to_string(cust);
    w.issued = start + days(static_cast<int>(pick(300)));
    if (pick(2) == 0) w.due = w.issued + days(static_cast<int>(pick(60)));
    w.minor = 100 + static_cast<std::int64_t>(pick(1'000'000));
    if (pick(4) == 0) w.terms = terms[pick(3)];
    if (pick(3) == 0) w.reference = "REF" + std::to_string(rng() % 100000);
    // A credit note of an earlier invoice of the same customer, not itself a credit note.
    const std::size_t target = of_customer[cust].empty() ? 0 : of_customer[cust][pick(of_customer[cust].size())];
    if (pick(8) == 0 && !of_customer[cust].empty() && creditable[target] > 1) {
      // At most what earlier credit notes left of it: the book refuses more.
      w.credit_of = g.invoices[target].id;
      w.minor = -(1 + static_cast<std::int64_t>(pick(static_cast<std::size_t>(creditable[target] - 1))));
      creditable[target] += w.minor;
      w.issued = std::max(w.issued, g.invoices[target].issued);
      if (w.due && *w.due < w.issued) w.due = w.issued;
    } else {
      of_customer[cust].push_back(k);
    }
    creditable.push_back(w.credit_of.empty() ? w.minor : 0);
    inv += w.id + "," + w.customer + "," + to_string(w.issued) + "," + (w.due ? to_string(*w.due) : "") + "," +
           ccy[cust % 3] + "," + decimal_text(w.minor) + "," + w.terms + "," + w.reference + "," + w.credit_of + "\n";
    g.invoices.push_back(w);
  }
  g.files["invoices.csv"] = inv;
  std::string pay = "payment_id,customer_id,date,currency,amount,reference,invoice_id,method\n";
  for (std::size_t k = 0; k < invoices / 2; ++k) {
    const std::size_t cust = pick(customers);
    written_payment w;
    w.id = "P-" + std::to_string(k);
    w.customer = "C" + std::to_string(cust);
    w.paid = start + days(static_cast<int>(pick(330)));
    w.minor = 1 + static_cast<std::int64_t>(pick(500'000));
    if (pick(3) == 0) w.reference = "KID" + std::to_string(rng() % 100000);
    if (pick(2) == 0 && !of_customer[cust].empty()) w.invoice = g.invoices[of_customer[cust][pick(of_customer[cust].size())]].id;
    const std::string method = methods[pick(6)];
    w.method = parse_payment_channel(method).value();
    pay += w.id + "," + w.customer + "," + to_string(w.paid) + "," + ccy[cust % 3] + "," + decimal_text(w.minor) + "," +
           w.reference + "," + w.invoice + "," + method + "\n";
    g.payments.push_back(w);
  }
  g.files["payments.csv"] = pay;
  // Events, orders, security and counterclaims of some customers (each with its first invoice).
  std::string ev = "date,customer_id,invoice_id,event,details\n";
  std::string ord = "order_id,customer_id,date,currency,amount,delivery_date,invoice_id,cancelled_date\n";
  std::string sec = "security_id,customer_id,kind,currency,amount,expires,reference\n";
  std::string cc = "counterclaim_id,customer_id,date,currency,amount,payable_from,reference\n";
  for (std::size_t cust = 0; cust < customers; cust += 3) {
    const std::string id = "C" + std::to_string(cust);
    ord += "O" + id + "," + id + ",2026-06-01," + ccy[cust % 3] + ",1200.00,,,\n";
    sec += "S" + id + "," + id + ",guarantee," + ccy[cust % 3] + ",5000.00,2027-12-31,G-" + id + "\n";
    cc += "K" + id + "," + id + ",2026-07-01," + ccy[cust % 3] + ",250.00,,\n";
    if (of_customer[cust].empty()) continue;
    const written_invoice& first = g.invoices[of_customer[cust].front()];
    const std::string on = to_string(first.issued + days(3));
    ev += on + "," + id + "," + first.id + ",debt_acknowledgment,signed\n";
    ev += on + "," + id + "," + first.id + ",promise_to_pay,until=" + to_string(first.issued + days(40)) + "\n";
    ev += on + "," + id + ",,hold,until=" + to_string(first.issued + days(20)) + "\n";
  }
  g.files["events.csv"] = ev;
  g.files["orders.csv"] = ord;
  g.files["security.csv"] = sec;
  g.files["counterclaims.csv"] = cc;
  g.files["as_of.txt"] = "2026-12-01\n";
  return g;
}

TEST(TextArena, EmptyIsHandleZeroAndHandlesKeepTheirTextAsTheArenaGrows) {
  text_arena t;
  EXPECT_EQ(t.add(""), 0U);
  EXPECT_EQ(t[0], "");
  std::vector<std::uint32_t> handles;
  for (int k = 0; k < 20'000; ++k) handles.push_back(t.add("id-" + std::to_string(k)));  // grows many times
  for (int k = 0; k < 20'000; ++k) ASSERT_EQ(t[handles[static_cast<std::size_t>(k)]], "id-" + std::to_string(k));
  EXPECT_EQ(t.add(""), 0U);
  EXPECT_EQ(t[handles.back()], "id-19999");
}

// Short texts are copied by fixed-size moves (of 1-3, 4-7 and 8-16 bytes), longer ones by a
// call: every length reads back byte for byte, with arenas reserved or grown from nothing, and
// a copy of the arena names the same texts.
TEST(TextArena, EveryLengthReadsBackAndACopyKeepsTheTexts) {
  for (const bool reserved : {false, true}) {
    text_arena t;
    if (reserved) t.reserve(1'000, 8'000);
    std::vector<std::string> texts;
    std::vector<std::uint32_t> handles;
    for (int round = 0; round < 30; ++round)
      for (std::size_t n = 1; n <= 40; ++n) {
        std::string s;
        for (std::size_t k = 0; k < n; ++k) s += static_cast<char>('A' + (static_cast<std::size_t>(round) * 7 + k * 3) % 26);
        handles.push_back(t.add(s));
        texts.push_back(std::move(s));
      }
    const text_arena copy = t;
    for (std::size_t k = 0; k < texts.size(); ++k) {
      ASSERT_EQ(t[handles[k]], texts[k]) << "text " << k << (reserved ? " (reserved)" : "");
      ASSERT_EQ(copy[handles[k]], texts[k]) << "copy, text " << k;
    }
  }
}

// A text of the arena itself may be added again, also when that makes the arena grow (the
// text is copied before the old bytes are freed: ASan's CI job reads freed memory otherwise),
// and a moved-from arena may still be added to.
TEST(TextArena, AddingItsOwnTextWhileGrowingAndAfterAMoveStaysInBounds) {
  text_arena t;
  std::uint32_t h = t.add("a text longer than sixteen bytes, so never copied the short way");
  const std::string first(t[h]);
  for (int k = 0; k < 12; ++k) {
    h = t.add(t[h]);
    ASSERT_EQ(t[h], first) << k;
  }
  text_arena moved = std::move(t);
  EXPECT_EQ(moved[h], first);
  (void)t.add("after the move");  // NOLINT(bugprone-use-after-move): a moved-from arena stays usable
  (void)t.add(first);
  EXPECT_EQ(moved[h], first);
}

TEST(LedgerColumns, EveryInvoiceAndPaymentReadsBackAsWritten) {
  const generated g = generate(60, 3'000, 7);
  const ledger_columns l = parse_ledger_columns(g.files).value();
  ASSERT_EQ(l.invoices.size(), g.invoices.size());
  ASSERT_EQ(l.payments.size(), g.payments.size());
  std::size_t credit_notes = 0, designated = 0, own_terms = 0, no_due = 0;
  for (std::size_t i = 0; i < g.invoices.size(); ++i) {
    const written_invoice& w = g.invoices[i];
    const invoice_record r = l.invoice(i);
    ASSERT_EQ(r.invoice_id, w.id);
    EXPECT_EQ(r.customer_id, w.customer);
    EXPECT_EQ(l.customers[r.customer_index].customer_id, w.customer);
    EXPECT_EQ(r.issue_date, w.issued);
    EXPECT_EQ(r.due_date, w.due);
    EXPECT_EQ(r.amount.minor_units(), w.minor);
    EXPECT_EQ(r.amount.currency(), l.customers[r.customer_index].currency);
    EXPECT_EQ(r.terms, w.terms);
    EXPECT_EQ(r.reference, w.reference);
    EXPECT_EQ(r.credit_of, w.credit_of);
    EXPECT_EQ(r.line, static_cast<int>(i) + 2);  // after the header
    if (!w.credit_of.empty()) {
      ++credit_notes;
      ASSERT_NE(r.credit_of_index, no_record);
      EXPECT_EQ(g.invoices[r.credit_of_index].id, w.credit_of);
    } else {
      EXPECT_EQ(r.credit_of_index, no_record);
    }
    own_terms += !w.terms.empty();
    no_due += !w.due;
  }
  for (std::size_t i = 0; i < g.payments.size(); ++i) {
    const written_payment& w = g.payments[i];
    const payment_record r = l.payment(i);
    ASSERT_EQ(r.payment_id, w.id);
    EXPECT_EQ(r.customer_id, w.customer);
    EXPECT_EQ(r.date_paid, w.paid);
    EXPECT_EQ(r.amount.minor_units(), w.minor);
    EXPECT_EQ(r.reference, w.reference);
    EXPECT_EQ(r.invoice_id, w.invoice);
    EXPECT_EQ(r.method, w.method);
    if (!w.invoice.empty()) {
      ++designated;
      ASSERT_NE(r.invoice_index, no_record);
      EXPECT_EQ(g.invoices[r.invoice_index].id, w.invoice);
    }
  }
  // The generator covered every kind of row.
  EXPECT_GT(credit_notes, 50U);
  EXPECT_GT(designated, 300U);
  EXPECT_GT(own_terms, 300U);
  EXPECT_GT(no_due, 300U);
  // parse_ledger is the same rows as records.
  expect_same_ledger(parse_ledger(g.files).value(), l.to_ledger(), "parse_ledger");
}

// The loader reads the usual row straight into its columns and any other row the checked way
// (io/ledger.cpp, add_plain_invoice). The same rows, every other one written so that it cannot
// take the fast path (a value with a space around it, which the checked reading trims) or
// quoted (which it may take), load to the same ledger: the two readings agree row for row,
// and a checked row between fast ones does not upset the ids waiting for their check.
TEST(LedgerColumns, RowsReadTheFastWayAreTheRowsReadTheCheckedWay) {
  const generated g = generate(60, 3'000, 11);
  auto decorated = g.files;
  for (const char* name : {"invoices.csv", "payments.csv"}) {
    const std::string& text = g.files.at(name);
    std::string out;
    std::size_t row = 0;
    for (std::size_t at = 0; at < text.size(); ++row) {
      const std::size_t end = text.find('\n', at);
      std::string line = text.substr(at, end - at);
      at = end + 1;
      if (row > 0 && row % 4 == 1) {
        line.insert(line.find(',') + 1, " ");  // " C7": the customer id, trimmed by the checked reading
      } else if (row > 0 && row % 4 == 3) {
        line = "\"" + line.substr(0, line.find(',')) + "\"" + line.substr(line.find(','));  // a quoted id
      } else if (row > 0 && row % 8 == 2) {
        line += " ";  // the last column (credit_of or method) " ": empty once trimmed
      }
      out += line + "\n";
    }
    decorated[name] = out;
  }
  ASSERT_NE(decorated.at("invoices.csv"), g.files.at("invoices.csv"));
  expect_same_ledger(parse_ledger(g.files).value(), parse_ledger(decorated).value(), "decorated rows");
}

// append_invoices / append_payments read a block of rows column by column: rows in any order,
// repeated, over several blocks and after records already in `out`, are invoice(r) / payment(r).
TEST(LedgerColumns, AppendedRowsInAnyOrderAreTheRowsOneAtATime) {
  const generated g = generate(30, 1'200, 5);
  const ledger_columns l = parse_ledger_columns(g.files).value();
  std::mt19937 rng(3);
  for (const std::size_t count : {std::size_t{0}, std::size_t{1}, std::size_t{255}, std::size_t{256}, std::size_t{700}}) {
    std::vector<std::uint32_t> inv_rows(count), pay_rows(count);
    for (std::uint32_t& r : inv_rows) r = static_cast<std::uint32_t>(rng() % l.invoices.size());
    for (std::uint32_t& r : pay_rows) r = static_cast<std::uint32_t>(rng() % l.payments.size());
    std::vector<invoice_record> got_invoices{l.invoice(0)};
    std::vector<payment_record> got_payments{l.payment(0)};
    l.append_invoices(inv_rows, got_invoices);
    l.append_payments(pay_rows, got_payments);
    ASSERT_EQ(got_invoices.size(), count + 1);
    ASSERT_EQ(got_payments.size(), count + 1);
    for (std::size_t k = 0; k < count; ++k) {
      EXPECT_EQ(fields(got_invoices[k + 1]), fields(l.invoice(inv_rows[k]))) << "invoice row " << inv_rows[k];
      EXPECT_EQ(fields(got_payments[k + 1]), fields(l.payment(pay_rows[k]))) << "payment row " << pay_rows[k];
    }
  }
}

TEST(LedgerColumns, SlicesOverColumnsEqualSlicesOverRecords) {
  const generated g = generate(40, 1'500, 11);
  const ledger_columns cols = parse_ledger_columns(g.files).value();
  const ledger recs = cols.to_ledger();
  const ledger_slices by_columns(cols), by_records(recs);
  ASSERT_EQ(by_columns.customers(), 40U);
  for (const std::size_t per : {std::size_t{1}, std::size_t{3}, std::size_t{7}, std::size_t{40}})
    for (std::size_t first = 0; first < 40; first += per) {
      const std::size_t last = std::min<std::size_t>(40, first + per);
      expect_same_ledger(by_columns.slice(first, last), by_records.slice(first, last),
                         "slice [" + std::to_string(first) + ", " + std::to_string(last) + ")");
    }
  EXPECT_EQ(by_columns.customer_index("C17"), 17U);
  EXPECT_EQ(by_columns.customer(17).customer_id, "C17");
  EXPECT_THROW((void)by_columns.source(), error);
  EXPECT_EQ(&by_records.source(), &recs);
}

TEST(LedgerColumns, ReportSlicesAndLimitationEvidenceAreTheRecordsOnes) {
  const generated g = generate(30, 900, 23);
  const ledger_columns cols = parse_ledger_columns(g.files).value();
  const ledger recs = cols.to_ledger();
  const date as_of = *cols.as_of;
  // Each line's result and claim, from slices over the columns and over the records.
  const auto run = [&](ledger_slices cut) {
    std::vector<std::tuple<std::string, money, money, money, std::size_t, std::int32_t>> out;
    policy_set policies;
    for_each_report_slice(cut, as_of, {}, policies, 4, [&](run_report& rep) {
      for (std::size_t i = 0; i < rep.size(); ++i)
        out.emplace_back(rep.books->views[i].invoice_id, rep.result(i).open_principal, rep.result(i).fees,
                         rep.result(i).interest, rep.result(i).commands.size(), rep.result(i).days_past_due);
    });
    return out;
  };
  const auto a = run(ledger_slices(cols));
  // One line per invoice; a credit note is no line of its own (it reduces its invoice's claim).
  const auto credit_notes = std::count_if(recs.invoices.begin(), recs.invoices.end(),
                                          [](const invoice_record& i) { return !i.credit_of.empty(); });
  EXPECT_GT(credit_notes, 0);
  EXPECT_EQ(a.size(), recs.invoices.size() - static_cast<std::size_t>(credit_notes));
  EXPECT_EQ(a, run(ledger_slices(recs)));

  const limitation_evidence x = limitation_evidence_of(cols);
  const limitation_evidence y = limitation_evidence_of(recs.payments, recs.events);
  EXPECT_FALSE(x.paid_on.empty());
  EXPECT_FALSE(x.recorded.empty());
  EXPECT_EQ(x.paid_on, y.paid_on);
  ASSERT_EQ(x.recorded.size(), y.recorded.size());
  for (const auto& [invoice, steps] : x.recorded) {
    ASSERT_EQ(y.recorded.count(invoice), 1U) << invoice;
    ASSERT_EQ(steps.size(), y.recorded.at(invoice).size()) << invoice;
    for (std::size_t k = 0; k < steps.size(); ++k) {
      EXPECT_EQ(steps[k].on, y.recorded.at(invoice)[k].on);
      EXPECT_EQ(steps[k].kind, y.recorded.at(invoice)[k].kind);
    }
  }
}

TEST(LedgerColumns, AnInvoiceTakesAFractionOfItsRecordsMemory) {
  const generated g = generate(100, 20'000, 5);
  const ledger_columns l = parse_ledger_columns(g.files).value();
  const invoice_columns& t = l.invoices;
  // What the columns hold (capacities: what is allocated), per invoice.
  const std::size_t columns = t.text.memory() + t.id.capacity() * 4 + t.customer.capacity() * 4 +
                              t.issue_date.capacity() * sizeof(date) + t.due_date.capacity() * sizeof(date) +
                              t.amount.capacity() * 8 + t.terms.capacity() * 4 + t.reference.capacity() * 4 +
                              t.credit_of.capacity() * 4 + t.line.capacity() * 4;
  const double per_invoice = static_cast<double>(columns) / static_cast<double>(t.size());
  // Ids of 5-9 bytes, a reference on a third of them: about 60 bytes, where a record is
  // sizeof(invoice_record) (200 bytes with its five strings) before any heap text.
  EXPECT_LT(per_invoice, 90.0);
  EXPECT_LT(per_invoice, 0.5 * static_cast<double>(sizeof(invoice_record)));
}

}  // namespace
}  // namespace kreditor
