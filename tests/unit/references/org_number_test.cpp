// Norwegian, Swedish, Danish and Finnish identity numbers: reasons, separators, the
// "never issued" check values, and the Swedish kinds.
#include "kreditor/references/org_number.hpp"

#include <gtest/gtest.h>

#include <ostream>
#include <string>

#include "kreditor/references/reference.hpp"

namespace kreditor {
namespace {

struct OrgCase {
  reference_type type;
  std::string value;
  std::string reason;  ///< "" = valid

  friend std::ostream& operator<<(std::ostream& os, const OrgCase& c) {
    return os << to_string(c.type) << " '" << c.value << "' -> '" << c.reason << "'";
  }
};

class OrgNumberReason : public ::testing::TestWithParam<OrgCase> {};

TEST_P(OrgNumberReason, NamesTheProblem) {
  const OrgCase& c = GetParam();
  const validation v = validate(c.type, c.value);
  EXPECT_EQ(v.reason, c.reason);
  EXPECT_EQ(v.valid, c.reason.empty());
}

using enum reference_type;
// clang-format off
INSTANTIATE_TEST_SUITE_P(Nordic, OrgNumberReason, ::testing::Values(
    // Norway (legal.md §4.2)
    OrgCase{orgnr_no, "974 760 673",   ""},
    OrgCase{orgnr_no, "974760674",     "check digit is 4, expected 3"},
    OrgCase{orgnr_no, "97476067",      "length 8 is not allowed for orgnr-no (9 digits)"},
    OrgCase{orgnr_no, "974-760-673",   "character '-' at position 4 is not a digit"},
    // 12345670x: weighted sum of 12345670 is 1 (mod 11) -> check value 10, never issued.
    OrgCase{orgnr_no, "123456700",     "its first eight digits give MOD11 check value 10: no such organisation number is issued"},
    // Sweden (legal.md §4.4)
    OrgCase{orgnr_se, "556012-5790",   ""},
    OrgCase{orgnr_se, "5560125790",    ""},
    OrgCase{orgnr_se, "16 556012-5790", ""},
    OrgCase{orgnr_se, "811228-9874",   ""},
    OrgCase{orgnr_se, "811228+9874",   ""},
    OrgCase{orgnr_se, "19811228-9874", ""},
    OrgCase{orgnr_se, "198112289874",  ""},
    OrgCase{orgnr_se, "19811228+9874", "'+' is used only with 10 digits"},
    OrgCase{orgnr_se, "556012+5790",   "'+' marks a person aged 100 or more, not an organisation"},
    OrgCase{orgnr_se, "195560125790",  "a 12-digit organisation number starts with 16, not 19"},
    OrgCase{orgnr_se, "17811228-9874", "century 17 is not 18, 19 or 20"},
    OrgCase{orgnr_se, "55601-25790",   "'-' or '+' is allowed only before the last four digits"},
    OrgCase{orgnr_se, "556012--5790",  "'-' or '+' is allowed only before the last four digits"},
    OrgCase{orgnr_se, "55601257901",   "length 11 is not allowed for orgnr-se (10 or 12 digits)"},
    OrgCase{orgnr_se, "811328-9874",   "month 13 is not 01..12 (and an organisation number has a third digit of 2 or more)"},
    OrgCase{orgnr_se, "811200-9874",   "day 00 is neither 01..31 nor 61..91"},
    OrgCase{orgnr_se, "5560125791",    "check digit is 1, expected 0"},
    OrgCase{orgnr_se, "556012 579O",   "character 'O' at position 11 is not a digit (or '-'/'+' before the last four)"},
    // Denmark (legal.md §4.5)
    OrgCase{cvr,      "24 25 67 90",   ""},
    OrgCase{cvr,      "24256791",      "check digit is 1, expected 0"},
    OrgCase{cvr,      "242567901",     "length 9 is not allowed for cvr (8 digits)"},
    // Finland (legal.md §4.8, UNCERTAIN remainder-1 rule)
    OrgCase{ytunnus,  "0112038-9",     ""},
    OrgCase{ytunnus,  "01120389",      ""},
    OrgCase{ytunnus,  "0112038-8",     "check digit is 8, expected 9"},
    OrgCase{ytunnus,  "011203-89",     "'-' is allowed only before the check digit (NNNNNNN-C)"},
    OrgCase{ytunnus,  "112038-9",      "'-' is allowed only before the check digit (NNNNNNN-C)"},
    OrgCase{ytunnus,  "0112038",       "length 7 is not allowed for ytunnus (8 to 9 characters)"},
    OrgCase{ytunnus,  "011203899",     "length 9 is not allowed for ytunnus (8 digits)"}));
// clang-format on

TEST(OrgNumberNo, CheckDigitFunctionMatchesVectors) {
  EXPECT_EQ(orgnr_no_check_digit("12345678").value(), '5');  // Ondkloss README
  EXPECT_EQ(orgnr_no_check_digit("97476067").value(), '3');
  const auto never = orgnr_no_check_digit("12345670");
  ASSERT_FALSE(never);
  EXPECT_EQ(never.error().code, errc::invalid_argument);
}

TEST(OrgNumberSe, KindsAndPrintedForm) {
  const auto org = parse_se_identity_number("165560125790").value();
  EXPECT_EQ(org.kind, se_identity_kind::organisation);
  EXPECT_EQ(org.to_string(), "556012-5790");
  EXPECT_EQ(parse_se_identity_number("811228-9874")->kind, se_identity_kind::personal);
  // Samordningsnummer: day + 60. 811288-987C: the Luhn digit for 811288987 is computed.
  const std::string nine = "811288987";
  const std::string coordination = nine + orgnr_se_check_digit(nine).value();
  EXPECT_EQ(parse_se_identity_number(coordination)->kind, se_identity_kind::coordination);
  EXPECT_EQ(parse_se_identity_number("811228+9874")->to_string(), "811228-9874");
  EXPECT_EQ(parse_se_identity_number("5560125791").error().message,
            "orgnr-se: '5560125791': check digit is 1, expected 0");
}

TEST(OrgNumberDk, CvrPrefixWithoutCheckDigit) {
  // A prefix whose weighted sum is 1 (mod 11) would need last digit 10: 0000006 has 6 x 2 = 12.
  const auto none = cvr_check_digit("0000006");
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().code, errc::invalid_argument);
  EXPECT_EQ(validate_cvr("00000060").reason, "no CVR number starts with these seven digits (check value 10)");
  EXPECT_EQ(cvr_check_digit("2425679").value(), '0');  // Novo Nordisk 24256790
}

TEST(OrgNumberFi, RemainderOneIsNeverIssued) {
  // 0000006: 6 x 2 = 12 = 1 (mod 11) -> not issued (UNCERTAIN rule, legal.md §4.8).
  EXPECT_FALSE(ytunnus_check_digit("0000006"));
  EXPECT_EQ(validate_ytunnus("0000006-0").reason,
            "its seven digits leave remainder 1: no such Y-tunnus is issued");
  EXPECT_EQ(ytunnus_check_digit("0112038").value(), '9');  // Nokia
  EXPECT_EQ(ytunnus_check_digit("0000005").value(), '1');  // r = 10 -> 11 - 10
  EXPECT_EQ(ytunnus_check_digit("0000000").value(), '0');  // r = 0 -> 0
}

TEST(OrgNumberFormat, PrintedForms) {
  EXPECT_EQ(format_reference(reference_type::ytunnus, "01120389"), "0112038-9");
  EXPECT_EQ(format_reference(reference_type::orgnr_se, "5560125790"), "556012-5790");
  EXPECT_EQ(format_reference(reference_type::orgnr_no, "974 760 673"), "974760673");
  EXPECT_EQ(format_reference(reference_type::cvr, "2425 6791"), "24256791") << "invalid: spaces dropped";
}

}  // namespace
}  // namespace kreditor
