// Issue 17, what the loaders must refuse with a message naming the file and the place:
// numbers beyond a double (they escaped result<> as nlohmann exceptions), duplicate keys
// (silently last-wins), text that is not UTF-8 (it failed only when printed as JSON), and
// histories that cannot be: an event before its invoice, a second dispute_opened, a delivery
// a year or more before its invoice. And the CSV writer's defence against formula injection.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "../../../src/io/csv.hpp"
#include "kreditor/io/ledger.hpp"
#include "kreditor/io/policy_json.hpp"
#include "kreditor/jurisdiction/fee_rules.hpp"
#include "kreditor/jurisdiction/rate_table.hpp"

namespace kreditor {
namespace {

using file_map = std::map<std::string, std::string, std::less<>>;

const char* customers_csv =
    "customer_id,name,country,segment,currency,credit_limit,terms,org_number,email,account_manager,flags\n"
    "C1,Fjordtre Bygg AS,NO,b2b,NOK,100000.00,30 dager netto,,,,\n";
const char* invoices_csv =
    "invoice_id,customer_id,issue_date,due_date,currency,amount,terms,reference\n"
    "I1,C1,2026-10-01,2026-10-31,NOK,1250.00,,\n";
const char* payments = "payment_id,customer_id,date,currency,amount,reference,invoice_id\n";

file_map with(std::map<std::string, std::string> extra) {
  file_map f{{"customers.csv", customers_csv}, {"invoices.csv", invoices_csv}, {"payments.csv", payments}};
  for (auto& [k, v] : extra) f[k] = v;
  return f;
}

::testing::AssertionResult fails_with(const result<ledger>& r, errc code, const std::string& part) {
  if (r) return ::testing::AssertionFailure() << "loaded";
  if (r.error().code != code)
    return ::testing::AssertionFailure() << "code " << to_string(r.error().code) << ": " << r.error().message;
  if (r.error().message.find(part) == std::string::npos)
    return ::testing::AssertionFailure() << "message lacks '" << part << "': " << r.error().message;
  return ::testing::AssertionSuccess();
}

TEST(StrictJson, ANumberBeyondADoubleIsAFailureNotAnException) {
  EXPECT_TRUE(fails_with(parse_ledger(with({{"ledger.json", "{\"as_of\": 1e999}"}})), errc::out_of_range,
                         "ledger.json:1:11: the number 1e999 is out of range"));
  const std::string one_file = std::string("{\"customers\": [], \"invoices\": [],\n \"payments\": [{\"amount\": -1e400}]}");
  EXPECT_TRUE(fails_with(parse_ledger({{"book.json", one_file}}), errc::out_of_range, "book.json:2:26"));
  const auto p = parse_policy_json(R"({"name": "x", "jurisdiction": "NO", "steps": [], "installment_grace_days": 1e999})");
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error().code, errc::out_of_range);
  EXPECT_NE(p.error().message.find("1e999"), std::string::npos) << p.error().message;
  const auto rt = load_rate_table_json(R"({"id": 1e999})");
  ASSERT_FALSE(rt);
  EXPECT_EQ(rt.error().code, errc::out_of_range);
  const auto fees = load_fee_rules_json(R"([{"amount": 1e999}])");
  ASSERT_FALSE(fees);
  EXPECT_EQ(fees.error().code, errc::out_of_range);
}

TEST(StrictJson, DuplicateKeysAreRefusedWithTheirPointer) {
  const auto p = parse_policy_json(R"({"name": "a", "jurisdiction": "NO", "steps": [
    {"name": "purring", "trigger": {"after_due_days": 14}, "commands": ["send_reminder"], "name": "again"}]})");
  ASSERT_FALSE(p);
  EXPECT_EQ(p.error().code, errc::invalid_argument);
  EXPECT_NE(p.error().message.find("/steps/0: key \"name\" appears twice"), std::string::npos) << p.error().message;
  const auto top = parse_policy_json(R"({"name": "a", "name": "b", "jurisdiction": "NO", "steps": []})");
  ASSERT_FALSE(top);
  EXPECT_NE(top.error().message.find("/: key \"name\" appears twice"), std::string::npos) << top.error().message;
  EXPECT_TRUE(fails_with(parse_ledger(with({{"ledger.json", R"({"as_of": "2026-11-20", "as_of": "2026-11-21"})"}})),
                         errc::invalid_argument, "key \"as_of\" appears twice"));
}

TEST(LedgerJson, AOneFileLedgerWithoutInvoicesIsToldSoNotAboutInvoicesCsv) {
  const auto r = parse_ledger({{"book.json", R"({"customers": [], "payments": []})"}});
  EXPECT_TRUE(fails_with(r, errc::not_found, "book.json: \"invoices\" is missing"));
  EXPECT_EQ(r.error().message.find("invoices.csv"), std::string::npos) << r.error().message;
}

TEST(StrictJson, InvalidUtf8InAJsonLedgerIsNamedWithItsLine) {
  const std::string text = "{\"customers\": [\n{\"customer_id\": \"C\xff\"}], \"invoices\": [], \"payments\": []}";
  EXPECT_TRUE(fails_with(parse_ledger({{"book.json", text}}), errc::invalid_argument, "book.json:2:"));
}

TEST(LedgerText, InvalidUtf8InACsvFieldIsNamedByFileLineAndColumn) {
  // A Latin-1 export: "Sørlandet" with ø as the single byte 0xF8.
  const std::string latin1 = std::string(customers_csv) + "C2,S\xf8rlandet AS,NO,b2b,NOK,0.00,,,,,\n";
  EXPECT_TRUE(fails_with(parse_ledger(with({{"customers.csv", latin1}})), errc::invalid_argument,
                         "customers.csv:3:2: invalid UTF-8 (byte 0xF8"));
  // Well-formed UTF-8 is fine, and so are the characters the sample uses.
  const std::string utf8 = std::string(customers_csv) + "C2,S\xc3\xb8rlandet \xe2\x82\xac AS,NO,b2b,NOK,0.00,net 30,,,,\n";
  const auto good = parse_ledger(with({{"customers.csv", utf8}}));
  EXPECT_TRUE(good) << good.error().message;
  // Overlong forms and surrogates are not UTF-8.
  EXPECT_NE(io::first_invalid_utf8("\xc0\xaf"), std::string_view::npos);
  EXPECT_NE(io::first_invalid_utf8("a\xed\xa0\x80"), std::string_view::npos);
  EXPECT_EQ(io::first_invalid_utf8("a\xed\xa0\x80"), 1u);
  EXPECT_EQ(io::first_invalid_utf8("\xf0\x9f\x98\x80 ok"), std::string_view::npos);
  EXPECT_NE(io::first_invalid_utf8("\xf4\x90\x80\x80"), std::string_view::npos);  // above U+10FFFF
  EXPECT_NE(io::first_invalid_utf8("\xe2\x82"), std::string_view::npos);          // truncated
}

const char* events_header = "date,customer_id,invoice_id,event,details\n";

TEST(LedgerHistory, AnEventBeforeItsInvoiceIsRefused) {
  EXPECT_TRUE(fails_with(parse_ledger(with({{"events.csv", std::string(events_header) +
                                                                "2026-09-30,C1,I1,dispute_opened,\n"}})),
                         errc::invalid_argument, "events.csv:2:1: dispute_opened on 2026-09-30 is dated before invoice 'I1'"));
  EXPECT_TRUE(parse_ledger(with({{"events.csv", std::string(events_header) + "2026-10-01,C1,I1,dispute_opened,\n"}})));
}

TEST(LedgerHistory, ASecondDisputeOpenedWhileOneIsOpenIsRefused) {
  // Rows out of date order: the check follows the dates, and names the later row.
  const std::string twice = std::string(events_header) +
                            "2026-10-20,C1,I1,dispute_opened,second\n"
                            "2026-10-05,C1,I1,dispute_opened,first\n";
  EXPECT_TRUE(fails_with(parse_ledger(with({{"events.csv", twice}})), errc::conflict,
                         "events.csv:2:1: a second dispute_opened for invoice 'I1' while the one opened on 2026-10-05"));
  const std::string resolved_between = std::string(events_header) +
                                       "2026-10-05,C1,I1,dispute_opened,\n"
                                       "2026-10-10,C1,I1,dispute_resolved,\n"
                                       "2026-10-20,C1,I1,dispute_opened,\n";
  EXPECT_TRUE(parse_ledger(with({{"events.csv", resolved_between}})));
}

TEST(LedgerHistory, DuplicateDetailKeysAreRefused) {
  EXPECT_TRUE(fails_with(parse_ledger(with({{"events.csv", std::string(events_header) +
                                                                "2026-10-02,C1,I1,promise_to_pay,until=2026-10-15;until=2026-12-31\n"}})),
                         errc::invalid_argument, "events.csv:2:5: key 'until' is given twice"));
}

TEST(LedgerHistory, ADeliveryCenturiesBeforeItsInvoiceIsRefused) {
  const std::string header = "order_id,customer_id,date,currency,amount,delivery_date,invoice_id,cancelled_date\n";
  EXPECT_TRUE(fails_with(parse_ledger(with({{"orders.csv", header + "O1,C1,1826-09-01,NOK,1250.00,1826-09-20,I1,\n"}})),
                         errc::invalid_argument, "orders.csv:2:6: delivery_date 1826-09-20 is more than a year before invoice 'I1'"));
  EXPECT_TRUE(parse_ledger(with({{"orders.csv", header + "O1,C1,2026-09-01,NOK,1250.00,2026-09-20,I1,\n"}})));
}

std::string field(std::string_view s) {
  std::string out;
  io::append_csv_field(out, s);
  return out;
}

TEST(CsvWriter, FormulaLeadingTextIsNeutralised) {
  EXPECT_EQ(field("=HYPERLINK(\"x\"),y"), "\"'=HYPERLINK(\"\"x\"\"),y\"");
  EXPECT_EQ(field("+47 1"), "\"'+47 1\"");
  EXPECT_EQ(field("-2+3"), "\"'-2+3\"");
  EXPECT_EQ(field("@SUM(A1)"), "\"'@SUM(A1)\"");
  EXPECT_EQ(field("\t=1"), "\"'\t=1\"");
  EXPECT_EQ(field("\r=1"), "\"'\r=1\"");
  EXPECT_EQ(field("F-26-1040"), "F-26-1040");  // a minus inside is harmless
  EXPECT_EQ(field("a,b"), "\"a,b\"");
  EXPECT_EQ(field(""), "");
}

}  // namespace
}  // namespace kreditor
