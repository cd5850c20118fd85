#include "kreditor/io/ledger.hpp"
#include "support/unique_tmpdir.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <ostream>
#include <string>

#include <gtest/gtest.h>

#include "support/errors.hpp"

namespace kreditor {
namespace {

using file_map = std::map<std::string, std::string, std::less<>>;

// A small valid ledger; each error case below changes one line of it.
file_map good_files() {
  return {
      {"customers.csv",
       "customer_id,name,country,segment,currency,credit_limit,terms,org_number,email,account_manager,flags\n"
       "C1,Fjordtre Bygg AS,NO,b2b,NOK,100000.00,30 dager netto,923456783,a@b.no,Ingrid,\n"
       "C2,\"Svensson, Anna\",SE,b2c,SEK,5000.00,20 dagar netto,,,,on_hold;cash_only\n"},
      {"invoices.csv",
       "invoice_id,customer_id,issue_date,due_date,currency,amount,terms,reference\n"
       "I1,C1,2026-10-01,2026-10-31,NOK,1250.00,,100109404\n"
       "I2,C1,2026-10-05,,NOK,\"1,000.50\",14 dager netto,\n"
       "I3,C2,2026-09-01,2026-09-21,SEK,3450.00,,\n"},
      {"payments.csv",
       "payment_id,customer_id,date,currency,amount,reference,invoice_id\n"
       "P1,C1,2026-10-30,NOK,250.00,100109404,I1\n"},
      {"events.csv",
       "date,customer_id,invoice_id,event,details\n"
       "2026-10-01,C2,I3,promise_to_pay,until=2026-10-15;amount=3450.00\n"
       "2026-10-02,C2,I3,dispute_opened,\"Says \"\"wrong colour\"\", see mail\"\n"},
      {"ledger.json", R"({"as_of": "2026-11-20"})"},
  };
}

TEST(Ledger, ParsesAValidLedgerWithQuotedFields) {
  const ledger l = parse_ledger(good_files()).value();
  ASSERT_EQ(l.customers.size(), 2U);
  EXPECT_EQ(l.customers[1].name, "Svensson, Anna");
  EXPECT_EQ(l.customers[1].segment, segment::b2c);
  EXPECT_EQ(l.customers[1].currency, iso4217::sek);
  EXPECT_EQ(l.customers[1].flags, (std::vector<std::string>{"on_hold", "cash_only"}));
  EXPECT_EQ(l.customers[0].credit_limit, money(10'000'000, iso4217::nok));
  ASSERT_EQ(l.invoices.size(), 3U);
  EXPECT_EQ(l.invoices[0].due_date, make_date(2026, 10, 31));
  EXPECT_FALSE(l.invoices[1].due_date.has_value());
  EXPECT_EQ(l.invoices[1].amount, money(100'050, iso4217::nok));
  EXPECT_EQ(l.invoices[1].terms, "14 dager netto");
  EXPECT_EQ(l.invoices[2].line, 4);
  ASSERT_EQ(l.payments.size(), 1U);
  EXPECT_EQ(l.payments[0].invoice_id, "I1");
  EXPECT_EQ(l.payments[0].date_paid, make_date(2026, 10, 30));
  ASSERT_EQ(l.events.size(), 2U);
  EXPECT_EQ(l.events[0].kind, ledger_event_kind::promise_to_pay);
  EXPECT_EQ(l.events[0].until, make_date(2026, 10, 15));
  EXPECT_EQ(l.events[0].amount, money(345'000, iso4217::sek));
  EXPECT_EQ(l.events[1].details, "Says \"wrong colour\", see mail");
  EXPECT_EQ(l.as_of, make_date(2026, 11, 20));
}

TEST(Ledger, AcceptsCrlfBomBlankLinesColumnsInAnyOrderAndNoEvents) {
  file_map files = good_files();
  files.erase("events.csv");
  files.erase("ledger.json");
  files["as_of.txt"] = "2026-12-01\n";
  files["payments.csv"] =
      "\xEF\xBB\xBFpayment_id,date,customer_id,amount,currency\r\nP1,2026-10-30,C1,250.00,NOK\r\n\r\n";
  const ledger l = parse_ledger(files).value();
  ASSERT_EQ(l.payments.size(), 1U);
  EXPECT_EQ(l.payments[0].amount, money(25'000, iso4217::nok));
  EXPECT_TRUE(l.events.empty());
  EXPECT_EQ(l.as_of, make_date(2026, 12, 1));
}

TEST(Ledger, QuotedFieldMaySpanLinesAndLaterLinesAreCountedRight) {
  file_map files = good_files();
  files["events.csv"] =
      "date,customer_id,invoice_id,event,details\n"
      "2026-10-02,C2,I3,dispute_opened,\"line one\nline two\"\n"
      "2026-10-03,C2,I3,bogus,\n";
  const result<ledger> l = parse_ledger(files);
  ASSERT_FALSE(l.has_value());
  EXPECT_EQ(l.error().code, errc::invalid_argument);
  EXPECT_EQ(l.error().message.rfind("events.csv:4:4: unknown event 'bogus'", 0), 0U) << l.error().message;
}

TEST(Ledger, CreditNoteReducesANamedInvoice) {
  file_map files = good_files();
  files["invoices.csv"] =
      "invoice_id,customer_id,issue_date,due_date,currency,amount,credit_of\n"
      "K1,C1,2026-10-02,,NOK,-250.00,I1\n"
      "I1,C1,2026-10-01,2026-10-31,NOK,1250.00,\n";
  files["payments.csv"] = "payment_id,customer_id,date,currency,amount\n";
  files.erase("events.csv");
  const ledger l = parse_ledger(files).value();
  ASSERT_EQ(l.invoices.size(), 2U);
  EXPECT_EQ(l.invoices[0].credit_of, "I1");
  EXPECT_EQ(l.invoices[0].amount, money(-25'000, iso4217::nok));
}

TEST(Ledger, ReadsOrdersAndSecurityWhenGiven) {
  file_map files = good_files();
  EXPECT_TRUE(parse_ledger(files).value().orders.empty());  // both files are optional
  EXPECT_FALSE(parse_ledger(files).value().customers[0].credit_limit_expires.has_value());
  files["orders.csv"] = "order_id,customer_id,date,currency,amount,delivery_date,invoice_id,cancelled_date\n"
                        "O1,C1,2026-11-02,NOK,12000.00,2026-11-10,,\n"
                        "O2,C1,2026-09-20,NOK,1250.00,2026-09-25,I1,\n"
                        "O3,C2,2026-11-03,SEK,300.00,,,2026-11-04\n";
  files["security.csv"] = "security_id,customer_id,kind,currency,amount,expires,reference\n"
                          "G1,C1,guarantee,NOK,20000.00,2026-12-31,DNB-77\n"
                          "K1,C2,credit_insurance,SEK,4000.00,,\n";
  const ledger l = parse_ledger(files).value();
  ASSERT_EQ(l.orders.size(), 3U);
  EXPECT_EQ(l.orders[0].order_id, "O1");
  EXPECT_EQ(l.orders[0].ordered, make_date(2026, 11, 2));
  EXPECT_EQ(l.orders[0].delivered, make_date(2026, 11, 10));
  EXPECT_EQ(l.orders[0].amount, money(1'200'000, iso4217::nok));
  EXPECT_EQ(l.orders[1].invoice_id, "I1");
  EXPECT_FALSE(l.orders[2].delivered.has_value());
  EXPECT_EQ(l.orders[2].cancelled, make_date(2026, 11, 4));
  EXPECT_EQ(l.orders[2].line, 4);
  ASSERT_EQ(l.securities.size(), 2U);
  EXPECT_EQ(l.securities[0].kind, security_kind::guarantee);
  EXPECT_EQ(l.securities[0].expires, make_date(2026, 12, 31));
  EXPECT_EQ(l.securities[0].reference, "DNB-77");
  EXPECT_EQ(l.securities[1].amount, money(400'000, iso4217::sek));
  EXPECT_FALSE(l.securities[1].expires.has_value());
}

// One row per input error: which file, its new text, the code and the message's start.
struct ErrorCase {
  std::string name;
  std::string file;
  std::string text;  ///< replaces the file; empty: removes it
  errc code;
  std::string message_start;

  friend std::ostream& operator<<(std::ostream& os, const ErrorCase& c) { return os << c.name; }
};

const std::string customers_header =
    "customer_id,name,country,segment,currency,credit_limit,terms\n";
const std::string invoices_header = "invoice_id,customer_id,issue_date,due_date,currency,amount\n";
const std::string payments_header = "payment_id,customer_id,date,currency,amount,reference,invoice_id\n";
const std::string events_csv_header = "date,customer_id,invoice_id,event,details\n";
const std::string orders_header = "order_id,customer_id,date,currency,amount,delivery_date,invoice_id,cancelled_date\n";
const std::string security_header = "security_id,customer_id,kind,currency,amount,expires,reference\n";

// The loader finds a row's customer by the id's first 24 bytes kept in its slot, then the
// rest: ids that share their first 24 bytes (or are a prefix of another) are told apart, and
// an id differing only after byte 24 is unknown, by name.
TEST(Ledger, LongCustomerIdsSharingTheirFirstBytesAreToldApart) {
  const std::string stem = "ACME-HOLDING-NORDIC-0001";  // 24 bytes
  ASSERT_EQ(stem.size(), 24U);
  const std::string a = stem + "-OSLO", b = stem + "-BERGEN", c = stem, d = stem.substr(0, 23);
  file_map files = good_files();
  files["customers.csv"] = customers_header + a + ",A,NO,b2b,NOK,1.00,net 30\n" + b + ",B,NO,b2b,NOK,1.00,net 30\n" + c +
                           ",C,NO,b2b,NOK,1.00,net 30\n" + d + ",D,NO,b2b,NOK,1.00,net 30\n";
  files["invoices.csv"] = invoices_header + "I1," + b + ",2026-10-01,,NOK,1.00\nI2," + c + ",2026-10-01,,NOK,2.00\nI3," +
                          d + ",2026-10-01,,NOK,3.00\nI4," + a + ",2026-10-01,,NOK,4.00\n";
  files["payments.csv"] = payments_header;
  files["events.csv"] = events_csv_header;
  const ledger l = parse_ledger(files).value();
  ASSERT_EQ(l.invoices.size(), 4U);
  EXPECT_EQ(l.invoices[0].customer_index, 1U);
  EXPECT_EQ(l.invoices[1].customer_index, 2U);
  EXPECT_EQ(l.invoices[2].customer_index, 3U);
  EXPECT_EQ(l.invoices[3].customer_index, 0U);
  files["invoices.csv"] = invoices_header + "I1," + stem + "-OSLX,2026-10-01,,NOK,1.00\n";
  const auto bad = parse_ledger(files);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, errc::not_found);
  EXPECT_NE(bad.error().message.find("invoices.csv:2:2: unknown customer_id"), std::string::npos) << bad.error().message;
}

class LedgerError : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(LedgerError, IsNamedByFileLineAndColumn) {
  const ErrorCase& c = GetParam();
  file_map files = good_files();
  if (c.text.empty())
    files.erase(c.file);
  else
    files[c.file] = c.text;
  const result<ledger> l = parse_ledger(files);
  ASSERT_FALSE(l.has_value());
  EXPECT_EQ(l.error().code, c.code) << l.error().message;
  EXPECT_EQ(l.error().message.substr(0, c.message_start.size()), c.message_start) << l.error().message;
}

// clang-format off
INSTANTIATE_TEST_SUITE_P(Inputs, LedgerError, ::testing::Values(
    ErrorCase{"BadDate", "invoices.csv", invoices_header + "I1,C1,2026-02-30,,NOK,10.00\n",
              errc::invalid_argument, "invoices.csv:2:3: issue_date '2026-02-30' is not a date"},
    ErrorCase{"BadDueDate", "invoices.csv", invoices_header + "I1,C1,2026-02-01,1.3.2026,NOK,10.00\n",
              errc::invalid_argument, "invoices.csv:2:4: due_date '1.3.2026' is not a date"},
    ErrorCase{"DueBeforeIssue", "invoices.csv", invoices_header + "I1,C1,2026-02-01,2026-01-31,NOK,10.00\n",
              errc::invalid_argument, "invoices.csv:2:4: due_date 2026-01-31 is before issue_date 2026-02-01"},
    ErrorCase{"UnknownCustomerOnInvoice", "invoices.csv", invoices_header + "I1,C9,2026-02-01,,NOK,10.00\n",
              errc::not_found, "invoices.csv:2:2: unknown customer_id 'C9'"},
    ErrorCase{"UnknownCustomerOnPayment", "payments.csv", payments_header + "P1,C9,2026-10-30,NOK,250.00,,\n",
              errc::not_found, "payments.csv:2:2: unknown customer_id 'C9'"},
    ErrorCase{"UnknownCustomerOnEvent", "events.csv", events_csv_header + "2026-10-01,C7,,hold,\n",
              errc::not_found, "events.csv:2:2: unknown customer_id 'C7'"},
    ErrorCase{"CurrencyMismatchOnInvoice", "invoices.csv", invoices_header + "I1,C1,2026-02-01,,SEK,10.00\n",
              errc::currency_mismatch, "invoices.csv:2:5: currency SEK differs from customer 'C1''s currency NOK"},
    ErrorCase{"CurrencyMismatchOnPayment", "payments.csv", payments_header + "P1,C2,2026-10-30,NOK,250.00,,\n",
              errc::currency_mismatch, "payments.csv:2:4: currency NOK differs from customer 'C2''s currency SEK"},
    ErrorCase{"UnknownCurrency", "customers.csv", customers_header + "C1,A,NO,b2b,NOX,1.00,net 30\n",
              errc::not_found, "customers.csv:2:5: currency: 'NOX' is not in ISO 4217"},
    ErrorCase{"DuplicateCustomer", "customers.csv",
              customers_header + "C1,A,NO,b2b,NOK,1.00,net 30\nC2,B,SE,b2b,SEK,1.00,net 30\nC1,C,NO,b2b,NOK,1.00,net 30\n",
              errc::conflict, "customers.csv:4:1: duplicate customer_id 'C1' (first on line 2)"},
    ErrorCase{"DuplicateInvoice", "invoices.csv",
              invoices_header + "I1,C1,2026-02-01,,NOK,10.00\nI1,C1,2026-02-02,,NOK,11.00\n",
              errc::conflict, "invoices.csv:3:1: duplicate invoice_id 'I1' (first on line 2)"},
    // The id's duplicate is named even when the row is wrong in a later column too (the
    // loader checks the id last, after prefetching its slot, and must still say this first).
    ErrorCase{"DuplicateInvoiceWithABadAmount", "invoices.csv",
              invoices_header + "I1,C1,2026-02-01,,NOK,10.00\nI1,C9,2026-02-02,,NOK,-1.00\n",
              errc::conflict, "invoices.csv:3:1: duplicate invoice_id 'I1' (first on line 2)"},
    ErrorCase{"DuplicatePaymentWithABadDate", "payments.csv",
              payments_header + "P1,C1,2026-10-30,NOK,250.00,,\nP1,C1,2026-13-31,NOK,250.00,,\n",
              errc::conflict, "payments.csv:3:1: duplicate payment_id 'P1' (first on line 2)"},
    ErrorCase{"DuplicatePayment", "payments.csv",
              payments_header + "P1,C1,2026-10-30,NOK,250.00,,\nP1,C1,2026-10-31,NOK,250.00,,\n",
              errc::conflict, "payments.csv:3:1: duplicate payment_id 'P1' (first on line 2)"},
    ErrorCase{"NegativeInvoiceAmount", "invoices.csv", invoices_header + "I1,C1,2026-02-01,,NOK,-5.00\n",
              errc::invalid_argument, "invoices.csv:2:6: amount '-5.00' is negative"},
    ErrorCase{"NegativePayment", "payments.csv", payments_header + "P1,C1,2026-10-30,NOK,-250.00,,\n",
              errc::invalid_argument, "payments.csv:2:5: amount '-250.00' is negative"},
    ErrorCase{"ZeroPayment", "payments.csv", payments_header + "P1,C1,2026-10-30,NOK,0.00,,\n",
              errc::invalid_argument, "payments.csv:2:5: amount is zero"},
    ErrorCase{"NegativeCreditLimit", "customers.csv", customers_header + "C1,A,NO,b2b,NOK,-1.00,net 30\n",
              errc::invalid_argument, "customers.csv:2:6: credit_limit '-1.00' is negative"},
    ErrorCase{"NotAnAmount", "invoices.csv", invoices_header + "I1,C1,2026-02-01,,NOK,12,50\n",
              errc::invalid_argument, "invoices.csv:2:7: expected 6 fields as in the header, found 7"},
    ErrorCase{"TooManyDecimals", "invoices.csv", invoices_header + "I1,C1,2026-02-01,,NOK,12.505\n",
              errc::precision_loss, "invoices.csv:2:6: amount '12.505' is not an amount in NOK"},
    ErrorCase{"UnterminatedQuote", "invoices.csv", invoices_header + "I1,C1,2026-02-01,,NOK,\"12.50\n",
              errc::invalid_argument, "invoices.csv:2:6: quoted field is never closed"},
    ErrorCase{"CharacterAfterClosingQuote", "customers.csv", customers_header + "C1,\"Fjordtre\" AS,NO,b2b,NOK,1.00,net 30\n",
              errc::invalid_argument, "customers.csv:2:2: unexpected character ' ' after a closing quote"},
    ErrorCase{"QuoteInUnquotedField", "customers.csv", customers_header + "C1,Fjordtre \"Bygg\",NO,b2b,NOK,1.00,net 30\n",
              errc::invalid_argument, "customers.csv:2:2: quote inside an unquoted field"},
    ErrorCase{"TooFewFields", "payments.csv", payments_header + "P1,C1,2026-10-30\n",
              errc::invalid_argument, "payments.csv:2:4: expected 7 fields as in the header, found 3"},
    ErrorCase{"MissingColumn", "invoices.csv", "invoice_id,customer_id,issue_date,currency\nI1,C1,2026-02-01,NOK\n",
              errc::invalid_argument, "invoices.csv:1:5: missing column 'amount'"},
    ErrorCase{"UnknownColumn", "payments.csv", "payment_id,customer_id,date,currency,amount,amuont\n",
              errc::invalid_argument, "payments.csv:1:6: unknown column 'amuont'"},
    ErrorCase{"RepeatedColumn", "payments.csv", "payment_id,customer_id,date,currency,amount,date\n",
              errc::conflict, "payments.csv:1:6: column 'date' appears twice"},
    ErrorCase{"EmptyFile", "customers.csv", "\n\n",
              errc::invalid_argument, "customers.csv:1:1: empty file, expected a header row"},
    ErrorCase{"EmptyRequiredValue", "customers.csv", customers_header + "C1,,NO,b2b,NOK,1.00,net 30\n",
              errc::invalid_argument, "customers.csv:2:2: name is empty"},
    ErrorCase{"UnknownEventKind", "events.csv", events_csv_header + "2026-10-01,C1,I1,reminder,\n",
              errc::invalid_argument, "events.csv:2:4: unknown event 'reminder' (known: dispute_opened"},
    ErrorCase{"BadSegment", "customers.csv", customers_header + "C1,A,NO,consumer,NOK,1.00,net 30\n",
              errc::invalid_argument, "customers.csv:2:4: segment 'consumer' is not b2b or b2c"},
    ErrorCase{"BadTerms", "customers.csv", customers_header + "C1,A,NO,b2b,NOK,1.00,net x\n",
              errc::invalid_argument, "customers.csv:2:7: terms: at 5: expected a number of days"},
    ErrorCase{"BadInvoiceTerms", "invoices.csv", "invoice_id,customer_id,issue_date,currency,amount,terms\nI1,C1,2026-02-01,NOK,10.00,30 dagz\n",
              errc::invalid_argument, "invoices.csv:2:6: terms: "},
    ErrorCase{"BadCountry", "customers.csv", customers_header + "C1,A,Norway,b2b,NOK,1.00,net 30\n",
              errc::invalid_argument, "customers.csv:2:3: country 'Norway' is not an ISO 3166 code"},
    ErrorCase{"UnknownFlag", "customers.csv", customers_header.substr(0, customers_header.size() - 1) +
              ",flags\nC1,A,NO,b2b,NOK,1.00,net 30,vip\n",
              errc::invalid_argument, "customers.csv:2:8: unknown flag 'vip'"},
    ErrorCase{"PaymentForAnotherCustomersInvoice", "payments.csv", payments_header + "P1,C1,2026-10-30,NOK,250.00,,I3\n",
              errc::conflict, "payments.csv:2:7: invoice 'I3' belongs to customer 'C2', not 'C1'"},
    ErrorCase{"PaymentForUnknownInvoice", "payments.csv", payments_header + "P1,C1,2026-10-30,NOK,250.00,,I9\n",
              errc::not_found, "payments.csv:2:7: unknown invoice_id 'I9'"},
    ErrorCase{"CreditNoteOfUnknownInvoice", "invoices.csv",
              "invoice_id,customer_id,issue_date,due_date,currency,amount,credit_of\nI1,C1,2026-10-01,,NOK,5.00,\nK1,C1,2026-10-02,,NOK,-5.00,I9\n",
              errc::not_found, "invoices.csv:3:7: credit_of names unknown invoice 'I9'"},
    ErrorCase{"CreditNoteWithPositiveAmount", "invoices.csv",
              "invoice_id,customer_id,issue_date,due_date,currency,amount,credit_of\nI1,C1,2026-10-01,,NOK,5.00,\nK1,C1,2026-10-02,,NOK,5.00,I1\n",
              errc::invalid_argument, "invoices.csv:3:6: a credit note (credit_of 'I1') needs a negative amount"},
    ErrorCase{"DisputeWithoutInvoice", "events.csv", events_csv_header + "2026-10-01,C1,,dispute_opened,\n",
              errc::invalid_argument, "events.csv:2:3: event dispute_opened needs an invoice_id"},
    ErrorCase{"PromiseWithoutDate", "events.csv", events_csv_header + "2026-10-01,C1,I1,promise_to_pay,amount=10.00\n",
              errc::invalid_argument, "events.csv:2:5: promise_to_pay needs until=YYYY-MM-DD in details"},
    ErrorCase{"PlanWithBadInstallments", "events.csv", events_csv_header + "2026-10-01,C1,I1,payment_plan,installments=0;first=2026-11-01\n",
              errc::invalid_argument, "events.csv:2:5: installments '0' is not a number 1..120"},
    ErrorCase{"DetailsKeyOfAnotherKind", "events.csv", events_csv_header + "2026-10-01,C1,I1,hold,installments=3\n",
              errc::invalid_argument, "events.csv:2:5: key 'installments' does not apply to hold"},
    ErrorCase{"DetailsBadDate", "events.csv", events_csv_header + "2026-10-01,C1,I1,promise_to_pay,until=tomorrow\n",
              errc::invalid_argument, "events.csv:2:5: until 'tomorrow' is not a date"},
    ErrorCase{"MissingInvoicesFile", "invoices.csv", "",
              errc::not_found, "invoices.csv: missing"},
    ErrorCase{"MissingPaymentsFile", "payments.csv", "",
              errc::not_found, "payments.csv: missing"},
    ErrorCase{"BadAsOf", "ledger.json", R"({"as_of": "20.11.2026"})",
              errc::invalid_argument, "ledger.json: as_of '20.11.2026' is not a date"},
    ErrorCase{"UnknownLedgerJsonKey", "ledger.json", R"({"asof": "2026-11-20"})",
              errc::invalid_argument, "ledger.json: unknown key 'asof'"},
    ErrorCase{"LedgerJsonSyntax", "ledger.json", "{\n  \"as_of\": 2026-11-20\n}",
              errc::invalid_argument, "ledger.json:2:"},
    ErrorCase{"SectionTwice", "ledger.json", R"({"customers": []})",
              errc::conflict, "ledger.json: \"customers\" is also given as customers.csv"},
    ErrorCase{"BadLimitExpiry", "customers.csv",
              "customer_id,name,country,segment,currency,credit_limit,terms,credit_limit_expires\n"
              "C1,A,NO,b2b,NOK,1.00,net 30,2026-13-01\n",
              errc::invalid_argument, "customers.csv:2:8: credit_limit_expires '2026-13-01' is not a date"},
    ErrorCase{"DuplicateOrder", "orders.csv",
              orders_header + "O1,C1,2026-11-01,NOK,10.00,,,\nO1,C1,2026-11-02,NOK,11.00,,,\n",
              errc::conflict, "orders.csv:3:1: duplicate order_id 'O1' (first on line 2)"},
    ErrorCase{"OrderOfUnknownCustomer", "orders.csv", orders_header + "O1,C9,2026-11-01,NOK,10.00,,,\n",
              errc::not_found, "orders.csv:2:2: unknown customer_id 'C9'"},
    ErrorCase{"OrderInAnotherCurrency", "orders.csv", orders_header + "O1,C1,2026-11-01,SEK,10.00,,,\n",
              errc::currency_mismatch, "orders.csv:2:4: currency SEK differs from customer 'C1''s currency NOK"},
    ErrorCase{"NegativeOrder", "orders.csv", orders_header + "O1,C1,2026-11-01,NOK,-10.00,,,\n",
              errc::invalid_argument, "orders.csv:2:5: amount '-10.00' is negative"},
    ErrorCase{"DeliveredBeforeOrdered", "orders.csv", orders_header + "O1,C1,2026-11-01,NOK,10.00,2026-10-31,,\n",
              errc::invalid_argument, "orders.csv:2:6: delivery_date 2026-10-31 is before the order's date 2026-11-01"},
    ErrorCase{"OrderBilledByAnotherCustomersInvoice", "orders.csv", orders_header + "O1,C1,2026-11-01,NOK,10.00,,I3,\n",
              errc::conflict, "orders.csv:2:7: invoice 'I3' belongs to customer 'C2', not 'C1'"},
    ErrorCase{"BadCancelledDate", "orders.csv", orders_header + "O1,C1,2026-11-01,NOK,10.00,,,soon\n",
              errc::invalid_argument, "orders.csv:2:8: cancelled_date 'soon' is not a date"},
    ErrorCase{"UnknownSecurityKind", "security.csv", security_header + "S1,C1,mortgage,NOK,10.00,,\n",
              errc::invalid_argument, "security.csv:2:3: kind 'mortgage' is not guarantee, pledge or credit_insurance"},
    ErrorCase{"DuplicateSecurity", "security.csv",
              security_header + "S1,C1,pledge,NOK,10.00,,\nS1,C2,guarantee,SEK,5.00,,\n",
              errc::conflict, "security.csv:3:1: duplicate security_id 'S1' (first on line 2)"},
    ErrorCase{"ZeroSecurity", "security.csv", security_header + "S1,C1,pledge,NOK,0.00,,\n",
              errc::invalid_argument, "security.csv:2:5: amount is zero"},
    ErrorCase{"SecurityExpiryNotADate", "security.csv", security_header + "S1,C1,pledge,NOK,10.00,31.12.2026,\n",
              errc::invalid_argument, "security.csv:2:6: expires '31.12.2026' is not a date"}));
// clang-format on

// The single-file JSON form: same checks, messages name the element.
file_map json_only(const std::string& text) { return {{"book.json", text}}; }

const char* const json_ledger = R"({
  "as_of": "2026-11-20",
  "customers": [{"customer_id": "C1", "name": "Fjordtre Bygg AS", "country": "NO", "segment": "b2b",
                 "currency": "NOK", "credit_limit": "1000.00", "terms": "30 dager netto",
                 "flags": ["on_hold"]}],
  "invoices": [{"invoice_id": "I1", "customer_id": "C1", "issue_date": "2026-10-01",
                "currency": "NOK", "amount": "1250.00"}],
  "payments": [],
  "events": [{"date": "2026-10-20", "customer_id": "C1", "event": "hold"}]
})";

TEST(LedgerJson, ReadsTheSingleFileForm) {
  const ledger l = parse_ledger(json_only(json_ledger)).value();
  ASSERT_EQ(l.customers.size(), 1U);
  EXPECT_EQ(l.customers[0].flags, std::vector<std::string>{"on_hold"});
  ASSERT_EQ(l.invoices.size(), 1U);
  EXPECT_EQ(l.invoices[0].amount, money(125'000, iso4217::nok));
  EXPECT_EQ(l.events.at(0).kind, ledger_event_kind::hold);
  EXPECT_EQ(l.as_of, make_date(2026, 11, 20));
}

TEST(LedgerJson, NumbersForAmountsAreRefusedNotRounded) {
  std::string text = json_ledger;
  text.replace(text.find("\"1250.00\""), 9, "1250.1");
  const result<ledger> l = parse_ledger(json_only(text));
  ASSERT_FALSE(l.has_value());
  EXPECT_EQ(l.error().code, errc::invalid_argument);
  EXPECT_EQ(l.error().message, "book.json: invoices[0].amount: must be a string (amounts as decimal strings)");
}

TEST(LedgerJson, ErrorsNameTheElementAndKey) {
  std::string text = json_ledger;
  text.replace(text.find("\"NOK\", \"amount\""), 5, "\"EUR\"");
  const result<ledger> l = parse_ledger(json_only(text));
  ASSERT_FALSE(l.has_value());
  EXPECT_EQ(l.error().code, errc::currency_mismatch);
  EXPECT_EQ(l.error().message.rfind("book.json: invoices[0].currency: currency EUR differs", 0), 0U)
      << l.error().message;
}

TEST(LedgerJson, UnknownKeyInAnElementIsAnError) {
  std::string text = json_ledger;
  text.replace(text.find("\"flags\""), 7, "\"flag\"");
  const result<ledger> l = parse_ledger(json_only(text));
  ASSERT_FALSE(l.has_value());
  EXPECT_EQ(l.error().message, "book.json: customers[0]: unknown key 'flag'");
}

// load_ledger reads from the file system and names the path the user gave.
class LoadLedger : public ::testing::Test {
 protected:
  std::filesystem::path dir = std::filesystem::path(::testing::TempDir()) / "kreditor_ledger_test";
  void SetUp() override {
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    for (const auto& [name, text] : good_files()) std::ofstream(dir / name) << text;
  }
  void TearDown() override { std::filesystem::remove_all(dir); }
};

TEST_F(LoadLedger, ReadsADirectory) {
  const ledger l = load_ledger(dir.string()).value();
  EXPECT_EQ(l.invoices.size(), 3U);
  EXPECT_EQ(l.as_of, make_date(2026, 11, 20));
}

TEST_F(LoadLedger, MessagesCarryTheDirectory) {
  std::ofstream(dir / "invoices.csv") << invoices_header << "I1,C1,2026-02-01,,NOK,-5.00\n";
  const result<ledger> l = load_ledger(dir.string());
  ASSERT_FALSE(l.has_value());
  EXPECT_EQ(l.error().message, (dir / "invoices.csv:2:6: amount '-5.00' is negative").string());
}

TEST_F(LoadLedger, ReadsOneJsonFile) {
  std::ofstream(dir / "book.json") << json_ledger;
  EXPECT_EQ(load_ledger((dir / "book.json").string()).value().customers.size(), 1U);
}

TEST_F(LoadLedger, MissingPathAndWrongKindOfFileFail) {
  EXPECT_EQ(load_ledger((dir / "nope").string()).error().code, errc::not_found);
  EXPECT_EQ(load_ledger((dir / "invoices.csv").string()).error().code, errc::invalid_argument);
  std::filesystem::create_directories(dir / "empty");
  EXPECT_EQ(load_ledger((dir / "empty").string()).error().code, errc::not_found);
}

TEST(Ledger, RowsCarryTheIndexesOfWhatTheyName) {
  file_map files = good_files();
  files["invoices.csv"] += "K1,C1,2026-10-06,2026-10-06,NOK,-50.00,,,I2\n";
  files["invoices.csv"].replace(files["invoices.csv"].find("reference\n"), 10, "reference,credit_of\n");
  for (const char* row : {"I1,C1,2026-10-01,2026-10-31,NOK,1250.00,,100109404\n", "I2,C1,2026-10-05,,NOK,\"1,000.50\",14 dager netto,\n",
                          "I3,C2,2026-09-01,2026-09-21,SEK,3450.00,,\n"}) {
    std::string& text = files["invoices.csv"];
    const std::string r(row);
    text.replace(text.find(r), r.size(), r.substr(0, r.size() - 1) + ",\n");
  }
  const ledger l = parse_ledger(files).value();
  ASSERT_EQ(l.invoices.size(), 4U);
  EXPECT_EQ(l.invoices[0].customer_index, 0U);
  EXPECT_EQ(l.invoices[2].customer_index, 1U);
  EXPECT_EQ(l.invoices[0].credit_of_index, no_record);
  EXPECT_EQ(l.invoices[3].credit_of_index, 1U);
  EXPECT_EQ(l.payments[0].customer_index, 0U);
  EXPECT_EQ(l.payments[0].invoice_index, 0U);
  EXPECT_EQ(l.events[0].customer_index, 1U);
  EXPECT_EQ(l.events[0].invoice_index, 2U);
}

// A payments.csv of a megabyte or more is read on a second thread beside invoices.csv; the
// problem reported must still be the one reading the files in order finds first.
std::string many_payments(int rows, int bad_designation_row, int bad_amount_row) {
  std::string text = "payment_id,customer_id,date,currency,amount,reference,invoice_id\n";
  for (int k = 1; k <= rows; ++k)
    text += "P" + std::to_string(k) + ",C1,2026-10-30,NOK," + (k == bad_amount_row ? "-1.00" : "1.00") +
            ",some reference text," + (k == bad_designation_row ? "I9" : "I1") + "\n";
  return text;
}

TEST(Ledger, BigPaymentsFileReportsTheFirstProblemInFileOrder) {
  constexpr int rows = 30'000;  // about 1.6 MB
  file_map files = good_files();
  files["payments.csv"] = many_payments(rows, 0, 0);
  const ledger l = parse_ledger(files).value();
  ASSERT_EQ(l.payments.size(), static_cast<std::size_t>(rows));
  EXPECT_EQ(l.payments[rows - 1].invoice_index, 0U);
  EXPECT_EQ(l.payments[rows - 1].line, rows + 1);

  files["payments.csv"] = many_payments(rows, 20'000, 25'000);  // the designation comes first
  failure f = parse_ledger(files).error();
  EXPECT_EQ(f.code, errc::not_found);
  EXPECT_EQ(f.message, "payments.csv:20001:7: unknown invoice_id 'I9'");

  files["payments.csv"] = many_payments(rows, 25'000, 20'000);  // the amount comes first
  f = parse_ledger(files).error();
  EXPECT_EQ(f.code, errc::invalid_argument);
  EXPECT_EQ(f.message.substr(0, 22), "payments.csv:20001:5: ");

  files["payments.csv"] = many_payments(rows, 0, 0);
  files["payments.csv"] += "P1,C1,2026-10-30,NOK,1.00,,I1\n";  // a duplicate id at the end
  files["invoices.csv"] += "I4,C1,2026-10-01,2026-10-31,NOK,x,,\n";  // but invoices.csv is read first
  f = parse_ledger(files).error();
  EXPECT_EQ(f.message.substr(0, 21), "invoices.csv:5:6: amo");

  files = good_files();
  files["payments.csv"] = many_payments(rows, 0, 0);
  files["payments.csv"] += "P0,C2,2026-10-30,SEK,1.00,,I1\n";  // I1 is C1's invoice
  f = parse_ledger(files).error();
  EXPECT_EQ(f.code, errc::conflict);
  EXPECT_EQ(f.message, "payments.csv:30002:7: invoice 'I1' belongs to customer 'C1', not 'C2'");
}

// The ids of the usual rows are checked unique a batch of rows at a time (io/ledger.cpp,
// ids_batch). A duplicate is still named before the problem of any later row, whatever kind
// (a value, a CSV error, a row read the checked way), and after those of earlier rows.
TEST(Ledger, ADuplicateIdIsNamedBeforeTheProblemsOfLaterRows) {
  const auto invoices_with = [](int dup_row, int bad_row, const std::string& bad) {
    std::string text = "invoice_id,customer_id,issue_date,due_date,currency,amount,terms,reference\n";
    for (int k = 0; k < 1000; ++k) {
      if (k == bad_row) {
        text += bad + "\n";
        continue;
      }
      text += "J" + std::to_string(k == dup_row ? 3 : k) + ",C1,2026-10-01,2026-10-31,NOK,10.00,,\n";
    }
    return text;
  };
  const std::string bad_date = "J900,C1,2026-13-01,2026-10-31,NOK,10.00,,";
  const std::string bad_quote = "J900,C1,2026-10-01,2026-10-31,NOK,10\"00,,";
  const std::string checked_row = "J900, C1 ,2026-10-01,2026-10-31,NOK,10.00,,";  // valid, read the checked way
  file_map files = good_files();
  const std::string duplicate = "invoices.csv:502:1: duplicate invoice_id 'J3' (first on line 5)";
  // Row 505 is in row 500's batch (ids_batch::size is 256 rows): it waits for no flush.
  for (const std::string& later : {bad_date, bad_quote, checked_row}) {
    files["invoices.csv"] = invoices_with(500, 505, later);
    EXPECT_EQ(parse_ledger(files).error().message, duplicate) << later;
  }
  files["invoices.csv"] = invoices_with(999, -1, "");  // the last row, checked at the file's end
  EXPECT_EQ(parse_ledger(files).error().message, "invoices.csv:1001:1: duplicate invoice_id 'J3' (first on line 5)");
  files["invoices.csv"] = invoices_with(505, 500, bad_date);  // the earlier problem comes first
  EXPECT_EQ(parse_ledger(files).error().message.substr(0, 22), "invoices.csv:502:3: is");
  files["invoices.csv"] = invoices_with(505, 500, checked_row);  // a valid checked row changes nothing
  EXPECT_EQ(parse_ledger(files).error().message, "invoices.csv:507:1: duplicate invoice_id 'J3' (first on line 5)");

  // The same in a payments.csv big enough to be read on a second thread.
  files = good_files();
  std::string big_payments = many_payments(30'000, 0, 0);
  const std::size_t row_20000 = big_payments.find("\nP20000,") + 1;
  big_payments.replace(row_20000, big_payments.find(',', row_20000) - row_20000, "P7");
  const std::size_t row_20003 = big_payments.find("\nP20003,") + 1;
  big_payments.insert(big_payments.find(',', row_20003) + 1, "\"");  // a quote inside an unquoted field
  files["payments.csv"] = big_payments;
  EXPECT_EQ(parse_ledger(files).error().message, "payments.csv:20001:1: duplicate payment_id 'P7' (first on line 8)");
  // There the designations are checked after both files are read: an unknown invoice named by
  // the duplicate row itself or by a later row of its batch comes after the duplicate too.
  for (const int unknown_designation : {20'000, 20'001}) {
    big_payments = many_payments(30'000, unknown_designation, 0);
    big_payments.replace(row_20000, big_payments.find(',', row_20000) - row_20000, "P7");
    files["payments.csv"] = big_payments;
    EXPECT_EQ(parse_ledger(files).error().message, "payments.csv:20001:1: duplicate payment_id 'P7' (first on line 8)")
        << unknown_designation;
  }
}

TEST(SampleLedger, LoadsAndCoversTheScenarios) {
  const ledger l = load_ledger(KREDITOR_SOURCE_DIR "/examples/sample_ledger").value();
  EXPECT_EQ(l.as_of, make_date(2026, 11, 20));
  EXPECT_GE(l.customers.size(), 10U);
  EXPECT_GE(l.invoices.size(), 40U);
  std::set<std::string> currencies, countries;
  std::set<segment> segments;
  for (const auto& c : l.customers) {
    currencies.insert(std::string(c.currency.code()));
    countries.insert(c.country);
    segments.insert(c.segment);
  }
  EXPECT_EQ(currencies, (std::set<std::string>{"DKK", "EUR", "NOK", "SEK"}));
  EXPECT_TRUE(countries.count("NO") && countries.count("SE") && countries.count("DK") && countries.count("FI"));
  EXPECT_EQ(segments.size(), 2U);
  std::set<ledger_event_kind> kinds;
  for (const auto& e : l.events) kinds.insert(e.kind);
  EXPECT_TRUE(kinds.count(ledger_event_kind::dispute_opened));
  EXPECT_TRUE(kinds.count(ledger_event_kind::promise_to_pay));
  EXPECT_TRUE(kinds.count(ledger_event_kind::payment_plan));
}

// A Nordic ERP export writes amounts with a decimal comma (quoted, as the field separator is
// the comma): read with ledger_options{.amounts = decimal_mark::comma}, refused by default.
TEST(LedgerDecimalComma, ReadWhenAskedRefusedWithTheOptionNamedOtherwise) {
  const std::map<std::string, std::string, std::less<>> files{
      {"customers.csv", "customer_id,name,country,segment,currency,credit_limit,terms\n"
                        "C1,Fjord AS,NO,b2b,NOK,\"250 000,00\",14 dager netto\n"},
      {"invoices.csv", "invoice_id,customer_id,issue_date,due_date,currency,amount\n"
                       "F1,C1,2026-09-01,,NOK,\"1.234,50\"\n"},
      {"payments.csv", "payment_id,customer_id,date,currency,amount,reference,invoice_id\n"
                       "P1,C1,2026-09-20,NOK,\"200,5\",,F1\n"},
      {"events.csv", "date,customer_id,invoice_id,event,details\n"
                     "2026-10-01,C1,F1,promise_to_pay,\"until=2026-10-15;amount=1 034,00\"\n"}};
  const ledger l = parse_ledger(files, {.amounts = decimal_mark::comma}).value();
  EXPECT_EQ(l.customers[0].credit_limit, money(25'000'000, iso4217::nok));
  EXPECT_EQ(l.invoices[0].amount, money(123'450, iso4217::nok));
  EXPECT_EQ(l.payments[0].amount, money(20'050, iso4217::nok));
  EXPECT_EQ(l.events[0].amount, money(103'400, iso4217::nok));
  const result<ledger> by_default = parse_ledger(files);
  ASSERT_FALSE(by_default);
  EXPECT_EQ(by_default.error().message.rfind("customers.csv:2:6: credit_limit", 0), 0U) << by_default.error().message;
  EXPECT_NE(by_default.error().message.find("--decimal-comma"), std::string::npos) << by_default.error().message;
}

TEST(Ledger, PaymentMethodColumnIsOptionalAndReadsTheDocumentedValues) {
  file_map files = good_files();
  files["payments.csv"] =
      "payment_id,customer_id,date,currency,amount,reference,invoice_id,method\n"
      "P1,C1,2026-10-30,NOK,250.00,100109404,I1,cheque\n"
      "P2,C1,2026-10-31,NOK,10.00,,,\n"
      "P3,C1,2026-11-01,NOK,10.00,,,check\n"
      "P4,C1,2026-11-02,NOK,10.00,,,direct_debit\n";
  const ledger l = parse_ledger(files).value();
  ASSERT_EQ(l.payments.size(), 4U);
  EXPECT_EQ(l.payments[0].method, payment_channel::cheque);
  EXPECT_EQ(l.payments[1].method, payment_channel::unspecified);
  EXPECT_EQ(l.payments[2].method, payment_channel::cheque);  // the American spelling
  EXPECT_EQ(l.payments[3].method, payment_channel::direct_debit);
  // Without the column (good_files' payments.csv): unspecified.
  EXPECT_EQ(parse_ledger(good_files()).value().payments[0].method, payment_channel::unspecified);
  for (const auto m : {payment_channel::bank_transfer, payment_channel::giro, payment_channel::card,
                       payment_channel::cash, payment_channel::direct_debit, payment_channel::cheque,
                       payment_channel::other})
    EXPECT_EQ(parse_payment_channel(to_string(m)).value(), m) << to_string(m);
}

TEST(Ledger, UnknownPaymentMethodIsNamedWithFileLineAndColumn) {
  file_map files = good_files();
  files["payments.csv"] =
      "payment_id,customer_id,date,currency,amount,method\n"
      "P1,C1,2026-10-30,NOK,250.00,bank_transfer\n"
      "P2,C1,2026-10-31,NOK,10.00,wampum\n";
  const result<ledger> l = parse_ledger(files);
  ASSERT_FALSE(l.has_value());
  EXPECT_EQ(l.error().code, errc::invalid_argument);
  EXPECT_EQ(l.error().message.rfind("payments.csv:3:6: unknown payment method 'wampum' (known: bank_transfer, giro, "
                                    "card, cash, direct_debit, cheque, other)",
                                    0),
            0U)
      << l.error().message;
}

TEST(Ledger, AJsonLedgerTakesTheSameMethodKey) {
  file_map files = good_files();
  files.erase("payments.csv");
  files["ledger.json"] =
      R"({"as_of": "2026-11-20", "payments": [)"
      R"({"payment_id": "P1", "customer_id": "C1", "date": "2026-10-30", "currency": "NOK", "amount": "250.00", "method": "cheque"},)"
      R"({"payment_id": "P2", "customer_id": "C1", "date": "2026-10-31", "currency": "NOK", "amount": "1.00", "method": "barter"}]})";
  const result<ledger> bad = parse_ledger(files);
  ASSERT_FALSE(bad.has_value());
  EXPECT_NE(bad.error().message.find("unknown payment method 'barter'"), std::string::npos) << bad.error().message;
  files["ledger.json"] =
      R"({"as_of": "2026-11-20", "payments": [)"
      R"({"payment_id": "P1", "customer_id": "C1", "date": "2026-10-30", "currency": "NOK", "amount": "250.00", "method": "cheque"}]})";
  const ledger l = parse_ledger(files).value();
  ASSERT_EQ(l.payments.size(), 1U);
  EXPECT_EQ(l.payments[0].method, payment_channel::cheque);
}

}  // namespace
}  // namespace kreditor
