// The creditor's profile (creditor.json): who notices are from and where each currency is paid.
#include <gtest/gtest.h>

#include "kreditor/documents/party.hpp"

namespace {
using namespace kreditor;

TEST(CreditorProfile, ReadsAndPicksTheAccountOfTheCurrency) {
  const auto c = parse_creditor_json(R"({"format": "kreditor.creditor/1", "name": "Nordkapp Handel AS",
      "org_number": "910000004", "address": "Storgata 1, 0155 Oslo", "contact": "post@example.no",
      "accounts": {"NOK": "1503.12.34562", "*": "IBAN NO93 8601 1117 947"}})");
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c.value().self.name, "Nordkapp Handel AS");
  EXPECT_EQ(c.value().self.org_number, "910000004");
  EXPECT_EQ(c.value().account_for(iso4217::nok), "1503.12.34562");
  EXPECT_EQ(c.value().account_for(iso4217::eur), "IBAN NO93 8601 1117 947");
  const auto bare = parse_creditor_json(R"({"format": "kreditor.creditor/1", "name": "A"})");
  ASSERT_TRUE(bare);
  EXPECT_EQ(bare.value().account_for(iso4217::sek), "");  // no account: a notice then lacks creditor_account
}

TEST(CreditorProfile, RefusesWhatItCannotUseNamingTheKey) {
  const std::vector<std::pair<std::string, std::string>> bad = {
      {R"({"name": "A"})", "creditor.json: format"},
      {R"({"format": "kreditor.creditor/1"})", "creditor.json: name: required"},
      {R"({"format": "kreditor.creditor/1", "name": "A", "iban": "x"})", "creditor.json: iban: unknown key"},
      {R"({"format": "kreditor.creditor/1", "name": 7})", "creditor.json: name: a string expected"},
      {R"({"format": "kreditor.creditor/1", "name": "A", "accounts": {"NOKK": "1"}})",
       "accounts.NOKK: not an ISO 4217 currency code"},
      {R"({"format": "kreditor.creditor/1", "name": "A", "accounts": {"NOK": ""}})", "accounts.NOK: a non-empty string"},
      {R"({"format": "kreditor.creditor/1", "name": "A", "accounts": ["NOK"]})", "accounts: an object"},
      {R"([1, 2])", "not a JSON object"},
      {R"({"format": )", "creditor.json"},
  };
  for (const auto& [text, says] : bad) {
    const auto r = parse_creditor_json(text);
    ASSERT_FALSE(r) << text;
    EXPECT_EQ(r.error().code, errc::invalid_argument) << text;
    EXPECT_NE(r.error().message.find(says), std::string::npos) << r.error().message;
  }
}

}  // namespace
