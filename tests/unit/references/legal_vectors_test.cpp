// Every check-digit vector of tests/data/legal_vectors.json "check_digits" (the research vectors, copied in), with its
// source. The table is transcribed; the last tests re-read the JSON (its copy in tests/data)
// and fail if the two ever disagree.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "kreditor/references/iban.hpp"
#include "kreditor/references/ocr.hpp"
#include "kreditor/references/org_number.hpp"
#include "kreditor/references/reference.hpp"

namespace kreditor {
namespace {

struct VectorCase {
  reference_type type;
  const char* value;
  bool valid;
  const char* source;

  friend std::ostream& operator<<(std::ostream& os, const VectorCase& c) {
    return os << to_string(c.type) << " " << c.value << " valid=" << c.valid << " (" << c.source << ")";
  }
};

class LegalVector : public ::testing::TestWithParam<VectorCase> {};

TEST_P(LegalVector, ValidatesAsPublished) {
  const VectorCase& c = GetParam();
  const validation v = validate(c.type, c.value);
  EXPECT_EQ(v.valid, c.valid) << v.reason;
  EXPECT_EQ(v.reason.empty(), c.valid) << "a reason exactly when invalid";
}

TEST_P(LegalVector, ValidatesWithGroupingSpaces) {
  const VectorCase& c = GetParam();
  std::string spaced;
  for (const char* p = c.value; *p != '\0'; ++p) spaced += std::string(1, *p) + (p[1] ? " " : "");
  EXPECT_EQ(validate(c.type, "  " + spaced + " ").valid, c.valid) << spaced;
}

// clang-format off
const VectorCase all_vectors[] = {
    // NO_KID_MOD10 (legal.md §4)
    VectorCase{reference_type::kid_mod10, "12344", true, "Ondkloss/norwegian-numbers.js README (makeKidNumber('1234'))"},
    VectorCase{reference_type::kid_mod10, "2345676", true, "NAV no.nav.mulighetsrommet ModulusTest; Ondkloss tests"},
    VectorCase{reference_type::kid_mod10, "23456767", true, "NAV ModulusTest"},
    VectorCase{reference_type::kid_mod10, "0044555258", true, "NAV ModulusTest"},
    VectorCase{reference_type::kid_mod10, "006402710013", true, "NAV ModulusTest 'ekte kid nummer'"},
    VectorCase{reference_type::kid_mod10, "0094026358", true, "NAV ModulusTest 'ekte kid nummer'"},
    VectorCase{reference_type::kid_mod10, "00", true, "Ondkloss tests (makeKidNumber('0'))"},
    VectorCase{reference_type::kid_mod10, "2345674", false, "NAV ModulusTest (invalid)"},
    VectorCase{reference_type::kid_mod10, "0044555251", false, "NAV ModulusTest (invalid)"},
    // NO_KID_MOD11 (legal.md §4)
    VectorCase{reference_type::kid_mod11, "12343", true, "Ondkloss/norwegian-numbers.js README (makeKidNumber('1234','MOD11'))"},
    VectorCase{reference_type::kid_mod11, "0365327", true, "NAV ModulusTest"},
    VectorCase{reference_type::kid_mod11, "12345678903", true, "NAV ModulusTest"},
    VectorCase{reference_type::kid_mod11, "036536-", true, "NAV ModulusTest (check char '-')"},
    VectorCase{reference_type::kid_mod11, "0004614992", true, "NAV ModulusTest 'ekte kid nummer'"},
    VectorCase{reference_type::kid_mod11, "0129550", true, "kiowa/kid-number README (kid_mod11(12955, length=7))"},
    VectorCase{reference_type::kid_mod11, "2707841373001170014", true, "glennwedin/no-data-validator README (kidNumber example)"},
    VectorCase{reference_type::kid_mod11, "1677036255", false, "NAV ModulusTest (invalid)"},
    // NO_ORGNR (legal.md §4)
    VectorCase{reference_type::orgnr_no, "974760673", true, "used in many public repos as Brønnøysundregistrene's org.nr (e.g. test fixture naming BRONNOYSUNDREGISTRENE)"},
    VectorCase{reference_type::orgnr_no, "923609016", true, "example in public code docs"},
    VectorCase{reference_type::orgnr_no, "914588200", true, "glennwedin/no-data-validator README"},
    VectorCase{reference_type::orgnr_no, "123456785", true, "Ondkloss README (makeOrganisationNumber('12345678'))"},
    VectorCase{reference_type::orgnr_no, "974760674", false, "computed here: altered check digit"},
    VectorCase{reference_type::orgnr_no, "123456789", false, "computed here"},
    // SE_OCR (legal.md §4)
    VectorCase{reference_type::ocr, "1230", true, "barsoom/banktools-se README (OCR.from_number('123'))"},
    VectorCase{reference_type::ocr, "12351", true, "barsoom/banktools-se README (length_digit: true)"},
    VectorCase{reference_type::ocr, "123067", true, "barsoom/banktools-se README (length_digit + pad '0')"},
    VectorCase{reference_type::ocr, "18108401345678778", true, "zerodep/ocrgenerator test 'valids'"},
    VectorCase{reference_type::ocr, "1018966492531", true, "zerodep/ocrgenerator test 'valids'"},
    VectorCase{reference_type::ocr, "1202951008", true, "zerodep/ocrgenerator test 'valids'"},
    VectorCase{reference_type::ocr, "1636976", true, "zerodep/ocrgenerator test 'valids'"},
    VectorCase{reference_type::ocr, "12352", false, "computed here (bad check digit)"},
    VectorCase{reference_type::ocr, "12341", false, "computed here (bad length and check)"},
    // SE_ORGNR_PERSONNUMMER (legal.md §4)
    VectorCase{reference_type::orgnr_se, "8112289874", true, "widely used synthetic personnummer 811228-9874 (many public test suites)"},
    VectorCase{reference_type::orgnr_se, "6709199530", true, "public test suite (se_ssn_validator)"},
    VectorCase{reference_type::orgnr_se, "5560125790", true, "org.nr 556012-5790 used as example in public code docs"},
    VectorCase{reference_type::orgnr_se, "5560473521", true, "Bankgirocentralen BGC AB org.nr 556047-3521 printed in Bankgirot PDF (abcdocz copy)"},
    VectorCase{reference_type::orgnr_se, "8112289873", false, "public test suite (invalid)"},
    VectorCase{reference_type::orgnr_se, "5560125791", false, "computed here (invalid)"},
    // DK_CVR (legal.md §4)
    VectorCase{reference_type::cvr, "24256790", true, "Novo Nordisk A/S CVR in public test tables; also a CVR validator test"},
    VectorCase{reference_type::cvr, "22756214", true, "A.P. Møller - Mærsk A/S (public test table)"},
    VectorCase{reference_type::cvr, "61056416", true, "Carlsberg A/S (public test table)"},
    VectorCase{reference_type::cvr, "54562519", true, "LEGO A/S (public test table)"},
    VectorCase{reference_type::cvr, "24256791", false, "public CVR validator test (invalid, expected check 0)"},
    VectorCase{reference_type::cvr, "12345678", false, "computed here (invalid)"},
    // DK_FIK71_PAYMENT_ID (legal.md §4)
    VectorCase{reference_type::fik71, "026840149965328", true, "Business::DK::FI (CPAN, jonasbn) POD example"},
    VectorCase{reference_type::fik71, "000000000000018", true, "Business::DK::FI generate(1) example"},
    VectorCase{reference_type::fik71, "026840149965327", false, "computed here (invalid)"},
    // FI_VIITENUMERO (legal.md §4)
    VectorCase{reference_type::fi_ref, "1234561", true, "Finance Finland structure guide example '12 34561' (via knowledge.xmldation.com)"},
    VectorCase{reference_type::fi_ref, "12345672", true, "willcommit/checkSum Finnish_checksum_explained.md"},
    VectorCase{reference_type::fi_ref, "1234567123456784", true, "JustOn docs example '1 23456 71234 56784'"},
    VectorCase{reference_type::fi_ref, "234096783", true, "tanty/finnish-reference-number README ('2340 96783')"},
    VectorCase{reference_type::fi_ref, "2348236", true, "Finance Finland RF guide example base (quoted on ohjelmointiputka.net)"},
    VectorCase{reference_type::fi_ref, "1232", true, "computed here (base 123)"},
    VectorCase{reference_type::fi_ref, "12345670", false, "computed here (invalid)"},
    VectorCase{reference_type::fi_ref, "1234560", false, "computed here (invalid)"},
    // FI_YTUNNUS (legal.md §4)
    VectorCase{reference_type::ytunnus, "0112038-9", true, "Nokia Oyj business ID used in many public fixtures"},
    VectorCase{reference_type::ytunnus, "2203605-5", true, "public code placeholder example"},
    VectorCase{reference_type::ytunnus, "0112038-8", false, "computed here (invalid)"},
    // ISO11649_RF (legal.md §4)
    VectorCase{reference_type::rf, "RF18539007547034", true, "widely used ISO 11649 example (many public test suites)"},
    VectorCase{reference_type::rf, "RF18000000000539007547034", true, "public test suite: leading zeros accepted"},
    VectorCase{reference_type::rf, "RF712348231", true, "wiki.xmldation.com RFCreditorReference example"},
    VectorCase{reference_type::rf, "RF2012345678", true, "maric.info SEPA validator page example"},
    VectorCase{reference_type::rf, "RF332348236", true, "computed here from Finance Finland example base 2348236"},
    VectorCase{reference_type::rf, "RF19539007547034", false, "computed here (invalid)"},
    // IBAN (legal.md §4)
    VectorCase{reference_type::iban, "NO9386011117947", true, "SWIFT IBAN registry example (in many public test suites)"},
    VectorCase{reference_type::iban, "SE4550000000058398257466", true, "hjartdalbanken.no IBAN example table"},
    VectorCase{reference_type::iban, "DK5000400440116243", true, "SWIFT IBAN registry example (widely reproduced)"},
    VectorCase{reference_type::iban, "FI2112345600000785", true, "hjartdalbanken.no IBAN example table"},
    VectorCase{reference_type::iban, "DE89370400440532013000", true, "public test suites"},
    VectorCase{reference_type::iban, "GB82WEST12345698765432", true, "public test suites"},
    VectorCase{reference_type::iban, "GB82WEST12345698765433", false, "public test suite (mod-97 failure)"},
    VectorCase{reference_type::iban, "FI2112345600000786", false, "computed here (invalid)"},
    VectorCase{reference_type::iban, "NO0212345678910", false, "hjartdalbanken.no table - fails mod-97 (published example is wrong or garbled)"},
    // NO_ACCOUNT_NUMBER is checked inside IBANs (below), not a reference type of its own.
    VectorCase{reference_type::iban, "NO5086011117945", false, "legal.md 4.2: passes mod-97, fails the national MOD11"}};
// clang-format on
INSTANTIATE_TEST_SUITE_P(CheckDigits, LegalVector, ::testing::ValuesIn(all_vectors));

// The valid vectors of the types make_reference() completes, except OCR (whose published
// values carry length digits and padding chosen by their authors).
std::vector<VectorCase> makeable_vectors() {
  std::vector<VectorCase> out;
  for (const VectorCase& c : all_vectors)
    if (c.valid && can_make(c.type) && c.type != reference_type::ocr) out.push_back(c);
  return out;
}

class LegalVectorMake : public ::testing::TestWithParam<VectorCase> {};

TEST_P(LegalVectorMake, IsReproducedFromItsPayload) {
  const VectorCase& c = GetParam();
  const std::string value = c.value;
  // RF: the payload follows "RFcc"; the others end in one check character. FIK payloads
  // are the 14 digits before it (make pads shorter ones; these are already 14).
  const std::string payload =
      c.type == reference_type::rf ? value.substr(4) : value.substr(0, value.size() - 1);
  EXPECT_EQ(make_reference(c.type, payload).value(), value);
}

INSTANTIATE_TEST_SUITE_P(CheckDigits, LegalVectorMake, ::testing::ValuesIn(makeable_vectors()));

// SE_OCR vectors with has_length_digit: the length digit agrees with length_digit_ok.
TEST(LegalVectorOcr, LengthDigitControlMatchesThePublishedFlags) {
  // value, luhn_valid, length_digit_ok (legal_vectors.json SE_OCR, has_length_digit = true)
  const std::map<std::string, std::pair<bool, bool>> rows{
      {"12351", {true, true}},  {"123067", {true, true}},      {"18108401345678778", {true, true}},
      {"1018966492531", {true, true}}, {"1202951008", {true, true}}, {"1636976", {true, true}},
      {"12352", {false, true}}, {"12341", {false, false}}};
  for (const auto& [value, flags] : rows) {
    SCOPED_TRACE(value);
    EXPECT_EQ(validate_ocr(value, ocr_control::check_digit).valid, flags.first);
    EXPECT_EQ(validate_ocr(value, ocr_control::length_digit).valid, flags.first && flags.second);
  }
  EXPECT_EQ(validate_ocr("12341", ocr_control::length_digit).reason,
            "length digit is 4, expected 5 (length 5); check digit is 1, expected 4");
}

TEST(LegalVectorAccount, NorwegianAccountNumbers) {
  // NO_ACCOUNT_NUMBER: Ondkloss README / NAV ModulusTest; BBAN of NO9386011117947; computed.
  EXPECT_TRUE(validate_no_account_number("12345678903").valid);
  EXPECT_TRUE(validate_no_account_number("8601.11.17947").valid);
  EXPECT_EQ(validate_no_account_number("86011117945").reason, "check digit is 5, expected 7");
}

// Issue 13: a CVR number never starts with 0, even when its mod-11 sum holds.
TEST(DanishCvr, ALeadingZeroIsRejected) {
  EXPECT_FALSE(validate(reference_type::cvr, "01000004").valid);  // weighted sum 0 mod 11
  EXPECT_EQ(validate_cvr("01000004").reason, "a CVR number does not start with 0");
  EXPECT_FALSE(cvr_check_digit("0100000").has_value());
  EXPECT_TRUE(validate_cvr("24256790").valid);
}

// --- The JSON itself (tests/data/legal_vectors.json, copied with its sources) -------------

const std::map<std::string, reference_type> json_sections{
    {"NO_KID_MOD10", reference_type::kid_mod10}, {"NO_KID_MOD11", reference_type::kid_mod11},
    {"NO_ORGNR", reference_type::orgnr_no},      {"SE_OCR", reference_type::ocr},
    {"SE_ORGNR_PERSONNUMMER", reference_type::orgnr_se}, {"DK_CVR", reference_type::cvr},
    {"DK_FIK71_PAYMENT_ID", reference_type::fik71}, {"FI_VIITENUMERO", reference_type::fi_ref},
    {"FI_YTUNNUS", reference_type::ytunnus},     {"ISO11649_RF", reference_type::rf},
    {"IBAN", reference_type::iban}};

TEST(LegalVectorJson, EveryVectorInTheSharedFileAgrees) {
  const std::filesystem::path path = std::string(KREDITOR_TEST_DATA_DIR) + "/legal_vectors.json";
  ASSERT_TRUE(std::filesystem::exists(path)) << path << " not present";
  std::ifstream in(path);
  const nlohmann::json all = nlohmann::json::parse(in).at("check_digits");
  int checked = 0;
  for (const auto& [section, body] : all.items()) {
    for (const auto& vec : body.at("vectors")) {
      const std::string value = vec.at("value");
      SCOPED_TRACE(section + " " + value + " (" + vec.value("source", "") + ")");
      if (section == "NO_ACCOUNT_NUMBER") {
        EXPECT_EQ(validate_no_account_number(value).valid, vec.at("valid").get<bool>());
      } else if (section == "SE_OCR") {
        const bool luhn = vec.at("luhn_valid");
        EXPECT_EQ(validate_ocr(value).valid, luhn);
        if (vec.at("has_length_digit").get<bool>()) {
          EXPECT_EQ(validate_ocr(value, ocr_control::length_digit).valid,
                    luhn && vec.at("length_digit_ok").get<bool>());
        }
      } else {
        ASSERT_TRUE(json_sections.count(section)) << "a section this test does not know: " << section;
        EXPECT_EQ(validate(json_sections.at(section), value).valid, vec.at("valid").get<bool>());
      }
      ++checked;
    }
  }
  EXPECT_GE(checked, 70);
}

}  // namespace
}  // namespace kreditor
