// `kreditor check` and `kreditor make`, run as a user runs them (the CLI contract of issue 3:
// exit 0 valid, 1 invalid with the reason, 2 usage error; JSON {"type","value","valid","reason"}).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "support/cli.hpp"

namespace kreditor {
namespace {

using test_support::run_cli;

struct CheckCase {
  const char* arguments;
  int exit_code;
  const char* out_contains;

  friend std::ostream& operator<<(std::ostream& os, const CheckCase& c) {
    return os << "kreditor check " << c.arguments << " -> " << c.exit_code;
  }
};

class CheckCommand : public ::testing::TestWithParam<CheckCase> {};

TEST_P(CheckCommand, ExitsAndPrintsAsContracted) {
  const CheckCase& c = GetParam();
  const auto r = run_cli(std::string("check ") + c.arguments);
  EXPECT_EQ(r.exit_code, c.exit_code) << r.out << r.err;
  EXPECT_NE(r.out.find(c.out_contains), std::string::npos) << r.out;
}

// clang-format off
INSTANTIATE_TEST_SUITE_P(OneValuePerType, CheckCommand, ::testing::Values(
    //        arguments                                       exit  stdout contains
    CheckCase{"kid-mod10 0044555258",                         0, "valid kid-mod10 0044555258"},
    CheckCase{"kid-mod10 0044555251",                         1, "check digit is 1, expected 8"},
    CheckCase{"kid-mod11 036536-",                            0, "valid kid-mod11"},
    CheckCase{"kid-mod11 1677036255",                         1, "invalid kid-mod11"},
    CheckCase{"ocr 1230",                                     0, "valid ocr"},
    CheckCase{"ocr 12351 --length-digit",                     0, "valid ocr"},
    CheckCase{"ocr 12341 --length-digit",                     1, "length digit is 4, expected 5"},
    CheckCase{"ocr 123456789012345678901234567",              1, "length 27 is not allowed for ocr"},
    CheckCase{"fik71 026840149965328",                        0, "valid fik71"},
    CheckCase{"fi-ref '1 23456 71234 56784'",                 0, "valid fi-ref 1 23456 71234 56784"},
    CheckCase{"fi-ref 12345670",                              1, "check digit is 0, expected 2"},
    CheckCase{"rf 'RF18 5390 0754 7034'",                     0, "valid rf RF18 5390 0754 7034"},
    CheckCase{"rf RF19539007547034",                          1, "check digits are 19, expected 18"},
    CheckCase{"iban 'NO93 8601 1117 947'",                    0, "valid iban NO93 8601 1117 947"},
    CheckCase{"iban NO5086011117945",                         1, "MOD11"},
    CheckCase{"iban GB82WEST12345698765433",                  1, "check digits are 82"},
    CheckCase{"orgnr-no '974 760 673'",                       0, "valid orgnr-no 974760673"},
    CheckCase{"orgnr-no 12345678",                            1, "length 8 is not allowed for orgnr-no (9 digits)"},
    CheckCase{"orgnr-se 556012-5790",                         0, "valid orgnr-se 556012-5790"},
    CheckCase{"orgnr-se 8112289873",                          1, "check digit is 3, expected 4"},
    CheckCase{"cvr 24256790",                                 0, "valid cvr"},
    CheckCase{"cvr 2425679x",                                 1, "character 'x' at position 8 is not a digit"},
    CheckCase{"ytunnus 0112038-9",                            0, "valid ytunnus 0112038-9"},
    CheckCase{"ytunnus 0112038-8",                            1, "check digit is 8, expected 9"}));
// clang-format on

TEST(CheckCommandUsage, UnknownTypeExits2AndListsTheTypes) {
  const auto r = run_cli("check kid 12344");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("kid-mod10, kid-mod11, ocr"), std::string::npos) << r.err;
}

TEST(CheckCommandUsage, MissingValueExits2) {
  EXPECT_EQ(run_cli("check kid-mod10").exit_code, 2);
  EXPECT_EQ(run_cli("check").exit_code, 2);
}

TEST(CheckCommandUsage, SeveralWordsAreAUsageErrorNotAValue) {
  const auto r = run_cli("check kid-mod10 0044 555258");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("quote"), std::string::npos) << r.err;
}

TEST(CheckCommandUsage, LengthDigitOnlyForOcr) {
  EXPECT_EQ(run_cli("check kid-mod10 12344 --length-digit").exit_code, 2);
}

TEST(CheckCommandJson, ValidValueHasNullReason) {
  const auto r = run_cli("check iban 'no93 8601 1117 947' --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j.at("type"), "iban");
  EXPECT_EQ(j.at("value"), "no93 8601 1117 947");
  EXPECT_EQ(j.at("valid"), true);
  EXPECT_TRUE(j.at("reason").is_null());
  EXPECT_EQ(j.at("formatted"), "NO93 8601 1117 947");
}

TEST(CheckCommandJson, InvalidValueCarriesTheReason) {
  const auto r = run_cli("check kid-mod10 12345 --json");
  ASSERT_EQ(r.exit_code, 1) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j.at("type"), "kid-mod10");
  EXPECT_EQ(j.at("value"), "12345");
  EXPECT_EQ(j.at("valid"), false);
  EXPECT_EQ(j.at("reason"), "check digit is 5, expected 4");
}

TEST(CheckCommandJson, EmptyValueIsInvalidNotAUsageError) {
  const auto r = run_cli("check ocr '' --json");
  ASSERT_EQ(r.exit_code, 1) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out).at("reason"), "empty ocr");
}

// --- make ---------------------------------------------------------------------------

struct MakeCase {
  const char* arguments;
  const char* printed;
};

class MakeCommand : public ::testing::TestWithParam<MakeCase> {};

TEST_P(MakeCommand, PrintsThePayloadWithItsCheckDigits) {
  const auto r = run_cli(std::string("make ") + GetParam().arguments);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, std::string(GetParam().printed) + "\n");
}

// clang-format off
INSTANTIATE_TEST_SUITE_P(Vectors, MakeCommand, ::testing::Values(
    MakeCase{"kid-mod10 1234",                  "12344"},          // Ondkloss README
    MakeCase{"kid-mod11 1234",                  "12343"},          // Ondkloss README
    MakeCase{"kid-mod11 036536",                "036536-"},        // NAV ModulusTest
    MakeCase{"ocr 123",                         "1230"},           // banktools-se README
    MakeCase{"ocr 123 --length-digit",          "12351"},          // banktools-se README
    MakeCase{"fik71 1",                         "000000000000018"},// Business::DK::FI generate(1)
    MakeCase{"fi-ref 123456",                   "1234561"},        // Finance Finland example
    MakeCase{"rf '5390 0754 7034'",             "RF18539007547034"},
    MakeCase{"rf 2348236",                      "RF332348236"}));
// clang-format on

TEST(MakeCommandUsage, BadPayloadOrTypeExits2) {
  EXPECT_EQ(run_cli("make kid-mod10 12a4").exit_code, 2);
  EXPECT_EQ(run_cli("make kid-mod10 ''").exit_code, 2);
  EXPECT_EQ(run_cli("make fik71 123456789012345").exit_code, 2);  // 15 > 14 payload digits
  EXPECT_EQ(run_cli("make iban NO9386011117947").exit_code, 2);
  EXPECT_EQ(run_cli("make nonsense 1").exit_code, 2);
  EXPECT_EQ(run_cli("make kid-mod10 1234 --length-digit").exit_code, 2);
  const auto r = run_cli("make kid-mod10 12a4");
  EXPECT_NE(r.err.find("character 'a' at position 3 is not a digit"), std::string::npos) << r.err;
}

TEST(MakeCommandJson, PrintsReferenceAndFormattedForm) {
  const auto r = run_cli("make rf 539007547034 --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j.at("type"), "rf");
  EXPECT_EQ(j.at("payload"), "539007547034");
  EXPECT_EQ(j.at("reference"), "RF18539007547034");
  EXPECT_EQ(j.at("formatted"), "RF18 5390 0754 7034");
}

TEST(MakeThenCheck, TheMadeReferenceChecksValid) {
  for (const char* type : {"kid-mod10", "kid-mod11", "ocr", "fik71", "fi-ref", "rf"}) {
    SCOPED_TRACE(type);
    const auto made = run_cli(std::string("make ") + type + " 4711042");
    ASSERT_EQ(made.exit_code, 0) << made.err;
    const std::string reference = made.out.substr(0, made.out.find('\n'));
    EXPECT_EQ(run_cli(std::string("check ") + type + " " + reference).exit_code, 0);
  }
}

}  // namespace
}  // namespace kreditor
