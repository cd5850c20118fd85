// KID, OCR, FIK +71, Finnish reference and RF: valid/invalid tables with the reasons a user
// sees, and the failures of the make_* functions. Published vectors are in
// legal_vectors_test.cpp; here the cases are built to hit every rule.
#include <gtest/gtest.h>

#include <ostream>
#include <string>

#include "kreditor/references/fi_reference.hpp"
#include "kreditor/references/fik.hpp"
#include "kreditor/references/kid.hpp"
#include "kreditor/references/ocr.hpp"
#include "kreditor/references/reference.hpp"
#include "kreditor/references/rf.hpp"
#include "support/errors.hpp"

namespace kreditor {
namespace {

using test_support::thrown_code;

struct ReasonCase {
  reference_type type;
  std::string value;
  std::string reason;  ///< "" = valid

  friend std::ostream& operator<<(std::ostream& os, const ReasonCase& c) {
    return os << to_string(c.type) << " '" << c.value << "' -> '" << c.reason << "'";
  }
};

class ValidationReason : public ::testing::TestWithParam<ReasonCase> {};

TEST_P(ValidationReason, NamesTheProblem) {
  const ReasonCase& c = GetParam();
  const validation v = validate(c.type, c.value);
  EXPECT_EQ(v.valid, c.reason.empty());
  EXPECT_EQ(v.reason, c.reason);
}

using enum reference_type;
// clang-format off
INSTANTIATE_TEST_SUITE_P(PaymentReferences, ValidationReason, ::testing::Values(
    // type       value                              reason ("" = valid)
    ReasonCase{kid_mod10, "12344",                    ""},
    ReasonCase{kid_mod10, "1234 4",                   ""},
    ReasonCase{kid_mod10, "12345",                    "check digit is 5, expected 4"},
    ReasonCase{kid_mod10, "",                         "empty kid-mod10"},
    ReasonCase{kid_mod10, "   ",                      "empty kid-mod10"},
    ReasonCase{kid_mod10, "4",                        "length 1 is not allowed for kid-mod10 (2 to 25 digits)"},
    ReasonCase{kid_mod10, "12345678901234567890123456", "length 26 is not allowed for kid-mod10 (2 to 25 digits)"},
    ReasonCase{kid_mod10, "12-44",                    "character '-' at position 3 is not a digit"},
    ReasonCase{kid_mod10, "1234\t4",                  "character 0x09 at position 5 is not a digit"},
    ReasonCase{kid_mod10, "１２",                      "character 0xEF at position 1 is not a digit"},
    ReasonCase{kid_mod11, "036536-",                  ""},
    ReasonCase{kid_mod11, "0365360",                  "check digit is 0, expected -"},
    ReasonCase{kid_mod11, "03-6536",                  "'-' is allowed only as the check character (last)"},
    ReasonCase{kid_mod11, "12345678903",              ""},
    ReasonCase{kid_mod11, "12345678904",              "check digit is 4, expected 3"},
    ReasonCase{kid_mod11, "1234a",                    "character 'a' at position 5 is not a digit (or '-' as the check character)"},
    ReasonCase{ocr,       "1230",                     ""},
    ReasonCase{ocr,       "1231",                     "check digit is 1, expected 0"},
    ReasonCase{ocr,       "5",                        "length 1 is not allowed for ocr (2 to 25 digits)"},
    ReasonCase{fik71,     "026840149965328",          ""},
    ReasonCase{fik71,     "26840149965328",           "length 14 is not allowed for fik71 (15 digits)"},
    ReasonCase{fik71,     "026840149965320",          "check digit is 0, expected 8"},
    ReasonCase{fi_ref,    "1232",                     ""},
    ReasonCase{fi_ref,    "12 34561",                 ""},
    ReasonCase{fi_ref,    "123",                      "length 3 is not allowed for fi-ref (4 to 20 digits)"},
    ReasonCase{fi_ref,    "123456789012345678901",    "length 21 is not allowed for fi-ref (4 to 20 digits)"},
    ReasonCase{fi_ref,    "1234560",                  "check digit is 0, expected 1"},
    ReasonCase{rf,        "RF18539007547034",         ""},
    ReasonCase{rf,        "rf18 5390 0754 7034",      ""},
    ReasonCase{rf,        "RF18 5390 0754 7035",      "check digits are 18, expected 88"},  // 88, 74: recomputed in Python
    ReasonCase{rf,        "XX18539007547034",         "does not start with RF"},
    ReasonCase{rf,        "RFAB539007547034",         "check digits 'AB' are not two digits"},
    ReasonCase{rf,        "RF181",                    "check digits are 18, expected 74"},
    ReasonCase{rf,        "RF18",                     "length 4 is not allowed for rf (5 to 25 characters)"},
    ReasonCase{rf,        "RF18 5390-0754",           "character '-' at position 10 is not a letter or digit"},
    ReasonCase{rf,        "RF1853900754703412345678901", "length 27 is not allowed for rf (5 to 25 characters)"}));
// clang-format on

// --- make: successes that are not published vectors ---------------------------------

TEST(MakeKid, Mod11CheckValue11BecomesZero) {
  // 0129550: kiowa/kid-number README; payload 012955 has sum mod 11 = 0.
  EXPECT_EQ(kid_check_digit_mod11("012955").value(), '0');
}

TEST(MakeKid, Mod11CheckValue10IsDashUnlessRefused) {
  EXPECT_EQ(make_kid_mod11("036536").value(), "036536-");
  const auto refused = make_kid_mod11("036536", kid_remainder10::refuse);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, errc::invalid_argument);
  EXPECT_EQ(refused.error().message,
            "make kid-mod11: '036536': its MOD11 check value is 10, which has no digit (and '-' "
            "was refused); choose another payload");
  EXPECT_EQ(make_kid_mod11("12345", kid_remainder10::refuse).value(), make_kid_mod11("12345").value());
}

TEST(MakeKid, SpacesInThePayloadAreDropped) {
  EXPECT_EQ(make_kid_mod10("00 4455 525").value(), "0044555258");
}

TEST(MakeOcr, LengthDigitWrapsAtTen) {
  // 10 payload digits + length + check = 12 characters -> length digit 2.
  const std::string made = make_ocr("1234567890", true).value();
  EXPECT_EQ(made.size(), 12U);
  EXPECT_EQ(made[10], '2');
  EXPECT_TRUE(validate_ocr(made, ocr_control::length_digit).valid);
}

TEST(MakeOcr, LongestPayloads) {
  EXPECT_EQ(make_ocr(std::string(24, '9')).value().size(), ocr_max_length);
  EXPECT_EQ(make_ocr(std::string(23, '9'), true).value().size(), ocr_max_length);
  EXPECT_EQ(make_ocr(std::string(24, '9'), true).error().message,
            "make ocr: '999999999999999999999999': length 24 is not allowed for ocr payload with a "
            "length digit (1 to 23 digits)");
}

TEST(ValidateOcr, LengthDigitControlNeedsThreeDigits) {
  EXPECT_EQ(validate_ocr("18", ocr_control::length_digit).reason,
            "length 2 is not allowed for ocr with a length digit (3 to 25 digits)");
}

TEST(MakeFik71, PadsToFourteenDigits) {
  EXPECT_EQ(make_fik71("2684014996532").value(), "026840149965328");
  EXPECT_EQ(fik71_check_digit("02684014996532").value(), '8');
}

TEST(MakeFiReference, FormatsInGroupsOfFiveFromTheRight) {
  EXPECT_EQ(format_fi_reference("1234567123456784"), "1 23456 71234 56784");
  EXPECT_EQ(format_fi_reference("234096783"), "2340 96783");
  EXPECT_EQ(format_fi_reference("12345"), "12345");
  EXPECT_EQ(format_fi_reference("1234561"), "12 34561");
}

TEST(MakeRf, UpperCasesAndGroups) {
  EXPECT_EQ(make_rf("abc123").value(), make_rf("ABC123").value());
  EXPECT_TRUE(validate_rf(make_rf("abc123").value()).valid);
  EXPECT_EQ(rf_check_digits("539007547034").value(), "18");
  EXPECT_EQ(format_rf("rf18539007547034"), "RF18 5390 0754 7034");
  EXPECT_EQ(make_rf(std::string(21, 'Z')).value().size(), rf_max_length);
}

TEST(MakeRf, BuildsOnAFinnishReference) {
  // Finance Finland: the RF reference is built on a valid viitenumero (legal.md §4.9).
  EXPECT_EQ(make_rf(make_fi_reference("234823").value()).value(), "RF332348236");
}

// --- make: failures ------------------------------------------------------------------

struct MakeFailureCase {
  reference_type type;
  std::string payload;
  bool length_digit;
  std::string message;

  friend std::ostream& operator<<(std::ostream& os, const MakeFailureCase& c) {
    return os << to_string(c.type) << " '" << c.payload << "'";
  }
};

class MakeFailure : public ::testing::TestWithParam<MakeFailureCase> {};

TEST_P(MakeFailure, IsInvalidArgumentWithAReason) {
  const MakeFailureCase& c = GetParam();
  const auto made = make_reference(c.type, c.payload, c.length_digit);
  ASSERT_FALSE(made) << made.value();
  EXPECT_EQ(made.error().code, errc::invalid_argument);
  EXPECT_EQ(made.error().message, c.message);
  EXPECT_EQ(thrown_code([&] { (void)made.value(); }), errc::invalid_argument);
}

// clang-format off
INSTANTIATE_TEST_SUITE_P(BadPayloads, MakeFailure, ::testing::Values(
    MakeFailureCase{kid_mod10, "",      false, "make kid-mod10: '': empty kid payload"},
    MakeFailureCase{kid_mod10, "12a4",  false, "make kid-mod10: '12a4': character 'a' at position 3 is not a digit"},
    MakeFailureCase{kid_mod11, std::string(25, '1'), false,
                    "make kid-mod11: '1111111111111111111111111': length 25 is not allowed for kid payload (1 to 24 digits)"},
    MakeFailureCase{ocr,       "12 x",  false, "make ocr: '12 x': character 'x' at position 4 is not a digit"},
    MakeFailureCase{fik71,     "123456789012345", false,
                    "make fik71: '123456789012345': length 15 is not allowed for fik71 payload (1 to 14 digits)"},
    MakeFailureCase{fi_ref,    "12",    false, "make fi-ref: '12': length 2 is not allowed for fi-ref payload (3 to 19 digits)"},
    MakeFailureCase{rf,        "ÅÄÖ",   false, "make rf: 'ÅÄÖ': character 0xC3 at position 1 is not a letter or digit"},
    MakeFailureCase{rf,        std::string(22, 'A'), false,
                    "make rf: 'AAAAAAAAAAAAAAAAAAAAAA': length 22 is not allowed for rf payload (1 to 21 characters)"},
    MakeFailureCase{kid_mod10, "1234",  true,  "make kid-mod10: a length digit exists only for ocr"},
    MakeFailureCase{iban,      "NO93",  false, "make iban: identity numbers are issued, not made; make takes kid-mod10, kid-mod11, ocr, fik71, fi-ref or rf"},
    MakeFailureCase{cvr,       "2425679", false, "make cvr: identity numbers are issued, not made; make takes kid-mod10, kid-mod11, ocr, fik71, fi-ref or rf"}));
// clang-format on

TEST(MakeFailureMessage, LongPayloadsAreCutInTheMessage) {
  const std::string payload(100, '1');
  const auto made = make_kid_mod10(payload);
  ASSERT_FALSE(made);
  EXPECT_EQ(made.error().message, "make kid-mod10: '" + std::string(48, '1') +
                                      "...' (100 characters): length 100 is not allowed for kid "
                                      "payload (1 to 24 digits)");
}

}  // namespace
}  // namespace kreditor
