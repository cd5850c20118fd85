// IBAN: the registry examples, the national length table, the value type and the reasons.
#include "kreditor/references/iban.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <type_traits>
#include <utility>

#include "support/errors.hpp"

namespace kreditor {
namespace {

static_assert(std::is_trivially_copyable_v<iban>);
static_assert(sizeof(iban) <= 36);
static_assert(!std::is_default_constructible_v<iban>, "an iban exists only once validated");

// One example per registry country, in paper format: the SWIFT IBAN registry's own
// examples as listed by skwasjer/IbanNet SupportedCountries.md (mod-97 re-checked in Python).
const char* const registry_examples[] = {
    "AD12 0001 2030 2003 5910 0100",
    "AE07 0331 2345 6789 0123 456",
    "AL47 2121 1009 0000 0002 3569 8741",
    "AT61 1904 3002 3457 3201",
    "AZ21 NABZ 0000 0000 1370 1000 1944",
    "BA39 1290 0794 0102 8494",
    "BE68 5390 0754 7034",
    "BG80 BNBG 9661 1020 3456 78",
    "BH67 BMAG 0000 1299 1234 56",
    "BI42 1000 0100 0100 0033 2045 181",
    "BR18 0036 0305 0000 1000 9795 493C 1",
    "BY13 NBRB 3600 9000 0000 2Z00 AB00",
    "CH93 0076 2011 6238 5295 7",
    "CR05 0152 0200 1026 2840 66",
    "CY17 0020 0128 0000 0012 0052 7600",
    "CZ65 0800 0000 1920 0014 5399",
    "DE89 3704 0044 0532 0130 00",
    "DK50 0040 0440 1162 43",
    "DO28 BAGR 0000 0001 2124 5361 1324",
    "EE38 2200 2210 2014 5685",
    "EG38 0019 0005 0000 0000 2631 8000 2",
    "ES91 2100 0418 4502 0005 1332",
    "FI21 1234 5600 0007 85",
    "FO62 6460 0001 6316 34",
    "FR14 2004 1010 0505 0001 3M02 606",
    "GB29 NWBK 6016 1331 9268 19",
    "GE29 NB00 0000 0101 9049 17",
    "GI75 NWBK 0000 0000 7099 453",
    "GL89 6471 0001 0002 06",
    "GR16 0110 1250 0000 0001 2300 695",
    "GT82 TRAJ 0102 0000 0012 1002 9690",
    "HR12 1001 0051 8630 0016 0",
    "HU42 1177 3016 1111 1018 0000 0000",
    "IE29 AIBK 9311 5212 3456 78",
    "IL62 0108 0000 0009 9999 999",
    "IQ98 NBIQ 8501 2345 6789 012",
    "IS14 0159 2600 7654 5510 7303 39",
    "IT60 X054 2811 1010 0000 0123 456",
    "JO94 CBJO 0010 0000 0000 0131 0003 02",
    "KW81 CBKU 0000 0000 0000 1234 5601 01",
    "KZ86 125K ZT50 0410 0100",
    "LB62 0999 0000 0001 0019 0122 9114",
    "LC55 HEMM 0001 0001 0012 0012 0002 3015",
    "LI21 0881 0000 2324 013A A",
    "LT12 1000 0111 0100 1000",
    "LU28 0019 4006 4475 0000",
    "LV80 BANK 0000 4351 9500 1",
    "LY83 0020 4800 0020 1001 2036 1",
    "MC58 1122 2000 0101 2345 6789 030",
    "MD24 AG00 0225 1000 1310 4168",
    "ME25 5050 0001 2345 6789 51",
    "MK07 2501 2000 0058 984",
    "MR13 0002 0001 0100 0012 3456 753",
    "MT84 MALT 0110 0001 2345 MTLC AST0 01S",
    "MU17 BOMM 0101 1010 3030 0200 000M UR",
    "NL91 ABNA 0417 1643 00",
    "NO93 8601 1117 947",
    "PK36 SCBL 0000 0011 2345 6702",
    "PL61 1090 1014 0000 0712 1981 2874",
    "PS92 PALS 0000 0000 0400 1234 5670 2",
    "PT50 0002 0123 1234 5678 9015 4",
    "QA58 DOHB 0000 1234 5678 90AB CDEF G",
    "RO49 AAAA 1B31 0075 9384 0000",
    "RS35 2600 0560 1001 6113 79",
    "SA03 8000 0000 6080 1016 7519",
    "SC18 SSCB 1101 0000 0000 0000 1497 USD",
    "SD21 2901 0501 2340 01",
    "SE45 5000 0000 0583 9825 7466",
    "SI56 2633 0001 2039 086",
    "SK31 1200 0000 1987 4263 7541",
    "SM86 U032 2509 8000 0000 0270 100",
    "ST23 0001 0001 0051 8453 1014 6",
    "SV62 CENR 0000 0000 0000 0070 0025",
    "TL38 0080 0123 4567 8910 157",
    "TN59 1000 6035 1835 9847 8831",
    "TR33 0006 1005 1978 6457 8413 26",
    "UA21 3223 1300 0002 6007 2335 6600 1",
    "VA59 0011 2300 0012 3456 78",
    "VG96 VPVG 0000 0123 4567 8901",
    "XK05 1212 0123 4567 8906",
};

class IbanRegistryExample : public ::testing::TestWithParam<const char*> {};

TEST_P(IbanRegistryExample, ParsesAndPrintsBackInPaperFormat) {
  const std::string paper = GetParam();
  const auto parsed = iban::parse(paper);
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_EQ(parsed->to_string(), paper);
  EXPECT_EQ(parsed->electronic().size(), find_iban_country(parsed->country())->length);
}

TEST_P(IbanRegistryExample, IsRebuiltFromItsBban) {
  const auto parsed = iban::parse(GetParam()).value();
  EXPECT_EQ(iban::from_bban(parsed.country(), parsed.bban()).value(), parsed);
}

// MOD 97-10 catches every change of one digit into another digit, and of one letter into
// another letter (the value moves by less than 97 x 10^k). A letter typed as a digit changes
// the number's length and is not guaranteed to be caught (BG80 BNBG -> BN7G is not).
TEST_P(IbanRegistryExample, AnyChangedDigitOrLetterIsCaught) {
  const std::string electronic(iban::parse(GetParam())->electronic());
  for (std::size_t i = 2; i < electronic.size(); ++i) {
    for (int step = 1; step < 10; ++step) {
      std::string changed = electronic;
      const char c = changed[i];
      changed[i] = c <= '9' ? static_cast<char>('0' + (c - '0' + step) % 10)
                            : static_cast<char>('A' + (c - 'A' + step) % 26);
      EXPECT_FALSE(validate_iban(changed).valid) << changed;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Swift, IbanRegistryExample, ::testing::ValuesIn(registry_examples));

TEST(IbanRegistry, IsSortedUniqueAndCoversTheExamples) {
  const auto rows = iban_registry();
  EXPECT_TRUE(std::is_sorted(rows.begin(), rows.end(),
                             [](const iban_country& a, const iban_country& b) { return a.code < b.code; }));
  std::set<std::string_view> codes;
  for (const auto& r : rows) {
    EXPECT_TRUE(codes.insert(r.code).second) << r.code;
    EXPECT_GE(r.length, 15);
    EXPECT_LE(r.length, iban::max_length);
  }
  EXPECT_GE(rows.size(), std::size(registry_examples));
}

TEST(IbanRegistry, NordicLengthsAsInLegalMd) {
  // legal.md §4.10 (hjartdalbanken.no): NO 15, SE 24, DK 18, FI 18.
  EXPECT_EQ(find_iban_country("NO")->length, 15);
  EXPECT_EQ(find_iban_country("SE")->length, 24);
  EXPECT_EQ(find_iban_country("DK")->length, 18);
  EXPECT_EQ(find_iban_country("FI")->length, 18);
}

TEST(IbanRegistry, EverySepaCountryIsThere) {
  // EU 27, EEA, CH, GB, MC, SM, VA, AD, GI.
  for (const char* code : {"AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR",
                           "HU", "IE", "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK",
                           "SI", "ES", "SE", "IS", "LI", "NO", "CH", "GB", "MC", "SM", "VA", "AD",
                           "GI"}) {
    SCOPED_TRACE(code);
    const auto row = find_iban_country(code);
    ASSERT_TRUE(row.has_value());
    EXPECT_TRUE(row->sepa);
  }
  EXPECT_FALSE(find_iban_country("TR")->sepa);
  EXPECT_FALSE(find_iban_country("US").has_value());
  EXPECT_FALSE(find_iban_country("no").has_value()) << "codes are upper-case";
}

TEST(Iban, ParseNormalisesCaseAndSpaces) {
  const auto i = iban::parse("  no93 8601 1117 947 ").value();
  EXPECT_EQ(i.electronic(), "NO9386011117947");
  EXPECT_EQ(i.country(), "NO");
  EXPECT_EQ(i.check_digits(), "93");
  EXPECT_EQ(i.bban(), "86011117947");
  EXPECT_EQ(i.to_string(), "NO93 8601 1117 947");
}

// Issue 13: banks print IBANs with '-' or '.' between the groups too; both are normalised away.
TEST(Iban, DashesAndDotsAreSeparators) {
  EXPECT_EQ(iban::parse("NO93-8601-1117-947").value().electronic(), "NO9386011117947");
  EXPECT_EQ(iban::parse("DE89.3704.0044.0532.0130.00").value().electronic(), "DE89370400440532013000");
  EXPECT_TRUE(validate_iban("FI21-1234-5600-0007-85"));
  EXPECT_FALSE(validate_iban("NO93/8601/1117/947"));  // not a separator
}

// Issue 13: the national check digits inside the BBAN, beyond Norway's MOD11. Each registry
// example passes (also in IbanRegistryExample); a BBAN with a wrong national check digit fails
// even though its IBAN check digits are recomputed to pass mod 97.
struct NationalCase {
  const char* valid;          // the SWIFT registry's example IBAN
  const char* country;
  const char* wrong_bban;     // the example's BBAN with its national check changed
  const char* reason;         // a fragment of the reason
};
class IbanNationalCheck : public ::testing::TestWithParam<NationalCase> {};
TEST_P(IbanNationalCheck, ValidExamplePassesAndAWrongNationalCheckFails) {
  const NationalCase& c = GetParam();
  EXPECT_TRUE(validate_iban(c.valid)) << validate_iban(c.valid).reason;
  const auto wrong = iban::from_bban(c.country, c.wrong_bban);
  ASSERT_FALSE(wrong) << c.wrong_bban;
  EXPECT_NE(wrong.error().message.find(c.reason), std::string::npos) << wrong.error().message;
}
INSTANTIATE_TEST_SUITE_P(Countries, IbanNationalCheck, ::testing::Values(
    // BE: last two digits = first ten mod 97 (5390075470 mod 97 = 34)
    NationalCase{"BE68539007547034", "BE", "539007547035", "Belgian account number check digits are 35, expected 34"},
    // FI: Luhn over the 14-digit BBAN
    NationalCase{"FI2112345600000785", "FI", "12345600000786", "Finnish account number check digit is 6, expected 5"},
    // ES: CCC control digits 4 (entity + office) and 5 (account)
    NationalCase{"ES9121000418450200051332", "ES", "21000418460200051332", "Spanish account (CCC) control digits are 46, expected 45"},
    // FR: clé RIB 06 (M in the account counts as 4)
    NationalCase{"FR1420041010050500013M02606", "FR", "20041010050500013M02607", "French RIB key is 07, expected 06"},
    // IT: CIN X over ABI 05428, CAB 11101, account 000000123456
    NationalCase{"IT60X0542811101000000123456", "IT", "Y0542811101000000123456", "Italian CIN is Y, expected X"},
    // PT: NIB check 54 = 98 - (0002012312345678901 x 100) mod 97
    NationalCase{"PT50000201231234567890154", "PT", "000201231234567890155", "Portuguese NIB check digits are 55, expected 54"}));

TEST(Iban, FromBbanComputesCheckDigits) {
  EXPECT_EQ(iban::from_bban("DE", "3704 0044 0532 0130 00")->electronic(), "DE89370400440532013000");
  EXPECT_EQ(iban::from_bban("gb", "west12345698765432")->electronic(), "GB82WEST12345698765432");
}

TEST(Iban, FromBbanFailures) {
  const auto bad_country = iban::from_bban("XX", "1234");
  ASSERT_FALSE(bad_country);
  EXPECT_EQ(bad_country.error().code, errc::invalid_argument);
  EXPECT_EQ(bad_country.error().message, "iban::from_bban: country 'XX' does not issue IBANs");
  // The Norwegian account number 86011117945 fails its MOD11 (legal.md §4.2).
  const auto bad_account = iban::from_bban("NO", "86011117945");
  ASSERT_FALSE(bad_account);
  EXPECT_EQ(bad_account.error().message,
            "iban: 'NO5086011117945': Norwegian account number 86011117945 fails its MOD11 check: "
            "check digit is 5, expected 7");
  EXPECT_EQ(test_support::thrown_code([] { (void)iban::from_bban("DE", "12").value(); }),
            errc::invalid_argument);
}

TEST(Iban, CheckDigitsOutside02To98AreRejectedEvenWhenMod97Holds) {
  // 99 = 2 (mod 97): find a BBAN whose IBAN has check digits 02, then write them as 99.
  for (int n = 0; n < 2000; ++n) {
    const auto i = iban::from_bban("DE", "37040044" + std::string(10 - std::to_string(n).size(), '0') +
                                             std::to_string(n)).value();
    if (i.check_digits() != "02") continue;
    const std::string as99 = "DE99" + std::string(i.bban());
    EXPECT_EQ(validate_iban(as99).reason, "check digits are 99, expected 02");
    return;
  }
  FAIL() << "no BBAN with check digits 02 among the candidates";
}

struct IbanReason {
  const char* value;
  const char* reason;
};

class IbanInvalid : public ::testing::TestWithParam<IbanReason> {};

TEST_P(IbanInvalid, NamesTheProblem) {
  const validation v = validate_iban(GetParam().value);
  EXPECT_FALSE(v.valid);
  EXPECT_EQ(v.reason, GetParam().reason);
  const auto parsed = iban::parse(GetParam().value);
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().code, errc::invalid_argument);
}

// clang-format off
INSTANTIATE_TEST_SUITE_P(Reasons, IbanInvalid, ::testing::Values(
    IbanReason{"",                          "empty iban"},
    IbanReason{"XX9386011117947",           "country XX does not issue IBANs"},
    IbanReason{"US12 3456 7890 1234",       "country US does not issue IBANs"},
    IbanReason{"1293 8601 1117 947",        "country code '12' is not two letters"},
    IbanReason{"NO93 8601 1117 9471",       "length 16 is not allowed for a NO iban (15 characters)"},
    IbanReason{"NOAB86011117947",           "check digits 'AB' are not two digits"},
    IbanReason{"NO94 8601 1117 947",        "check digits are 94, expected 93"},
    IbanReason{"NO93/8601/1117/947",        "character '/' at position 5 is not a letter or digit"},  // - and . are separators (issue 13)
    IbanReason{"GB82WEST12345698765433",    "check digits are 82, expected 55"},
    IbanReason{"NO5086011117945",           "Norwegian account number 86011117945 fails its MOD11 check: check digit is 5, expected 7"},
    IbanReason{"DE89 3704 0044 0532 0130 00 12 3456 7890 1234", "length 36 is not allowed for iban (5 to 34 characters)"}));

// The BBAN structure, part by part; positions count in the electronic format (no spaces).
INSTANTIATE_TEST_SUITE_P(BbanStructure, IbanInvalid, ::testing::Values(
    IbanReason{"NO93 86O1 1117 947",        "bank code (positions 5-8, 4 digits): 'O' at position 7 is not a digit"},
    IbanReason{"NO93 8601 1I17 947",        "account number (positions 9-14, 6 digits): 'I' at position 10 is not a digit"},
    IbanReason{"NO93 8601 1117 94X",        "check digit (position 15, 1 digit): 'X' at position 15 is not a digit"},
    IbanReason{"SE45 5000 0000 0583 9825 746X", "check digit (position 24, 1 digit): 'X' at position 24 is not a digit"},
    IbanReason{"DK50 0040 0440 1162 4X",    "account number (position 18, 1 digit): 'X' at position 18 is not a digit"},
    IbanReason{"FI21 1234 5600 0007 8X",    "account number (positions 8-18, 11 digits): 'X' at position 18 is not a digit"},
    IbanReason{"DE89 3704 0044 0532 0130 0A", "account number (positions 13-22, 10 digits): 'A' at position 22 is not a digit"},
    IbanReason{"DE89 37O4 0044 0532 0130 00", "bank code (positions 5-12, 8 digits): 'O' at position 7 is not a digit"},
    IbanReason{"GB29 NWB1 6016 1331 9268 19", "bank code (positions 5-8, 4 letters): '1' at position 8 is not a letter"},
    IbanReason{"GB29 NWBK 6O16 1331 9268 19", "sort code (positions 9-14, 6 digits): 'O' at position 10 is not a digit"},
    IbanReason{"GB29 NWBK 6016 1331 926B 19", "account number (positions 15-22, 8 digits): 'B' at position 20 is not a digit"},
    IbanReason{"FR14 2004 1010 0505 0001 3M02 6A6", "national check digits (positions 26-27, 2 digits): 'A' at position 26 is not a digit"},
    IbanReason{"FR14 2004 101O 0505 0001 3M02 606", "branch code (positions 10-14, 5 digits): 'O' at position 12 is not a digit"},
    IbanReason{"NL91 ABN4 0417 1643 00",    "bank code (positions 5-8, 4 letters): '4' at position 8 is not a letter"},
    IbanReason{"NL91 ABNA 0417 16A3 00",    "account number (positions 9-18, 10 digits): 'A' at position 15 is not a digit"},
    IbanReason{"IT60 1054 2811 1010 0000 0123 456", "BBAN part 1 (position 5, 1 letter): '1' at position 5 is not a letter"},
    IbanReason{"BR18 0036 0305 0000 1000 9795 4931 1", "BBAN part 4 (position 28, 1 letter): '1' at position 28 is not a letter"}));
// clang-format on

TEST(IbanRegistry, BbanStructuresOfTheNordicAndMainEuCountries) {
  // SWIFT IBAN registry "BBAN structure" (python-stdnum's extract; NO also bits.no/en/iban).
  const std::pair<const char*, const char*> expected[] = {
      {"NO", "4!n6!n1!n"}, {"SE", "3!n16!n1!n"}, {"DK", "4!n9!n1!n"},     {"FI", "3!n11!n"},
      {"DE", "8!n10!n"},   {"GB", "4!a6!n8!n"},  {"FR", "5!n5!n11!c2!n"}, {"NL", "4!a10!n"}};
  for (const auto& [code, structure] : expected) EXPECT_EQ(find_iban_country(code)->bban, structure) << code;
}

TEST(Iban, LettersWhereTheStructureAllowsThemAreAccepted) {
  // FR's account number is 11!c: letters or digits (the registry example has an M).
  EXPECT_TRUE(validate_iban("FR14 2004 1010 0505 0001 3M02 606").valid);
  // A lower-case bank code is upper-cased first.
  EXPECT_TRUE(validate_iban("gb29 nwbk 6016 1331 9268 19").valid);
  // A BBAN built from a national number still goes through the structure check.
  const auto bad = iban::from_bban("NL", "1234 0417 1643 00");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("bank code (positions 5-8, 4 letters)"), std::string::npos)
      << bad.error().message;
}

}  // namespace
}  // namespace kreditor
