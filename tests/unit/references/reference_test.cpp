// The reference_type dispatch, the batch form, and property tests over generated payloads:
// make then validate is valid; every single-digit change is caught by MOD10/Luhn, 7-3-1,
// MOD11 and MOD 97-10; every adjacent transposition of different digits is caught by the
// MOD11 schemes and MOD 97-10 (and by Luhn except 09 <-> 90, its known blind spot).
#include "kreditor/references/reference.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "kreditor/references/iban.hpp"
#include "kreditor/references/org_number.hpp"
#include "support/errors.hpp"

namespace kreditor {
namespace {

using test_support::thrown_code;

TEST(ReferenceType, NamesRoundTrip) {
  for (reference_type t : all_reference_types) {
    SCOPED_TRACE(to_string(t));
    EXPECT_EQ(parse_reference_type(to_string(t)).value(), t);
  }
  EXPECT_EQ(to_string(reference_type::fi_ref), "fi-ref");
  EXPECT_EQ(to_string(reference_type::orgnr_se), "orgnr-se");
}

TEST(ReferenceType, UnknownNameListsTheKnownOnes) {
  const auto t = parse_reference_type("KID-MOD10");
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().code, errc::invalid_argument);
  EXPECT_EQ(t.error().message,
            "reference type 'KID-MOD10' is not one of kid-mod10, kid-mod11, ocr, fik71, fi-ref, rf, "
            "iban, orgnr-no, orgnr-se, cvr, ytunnus");
}

TEST(ReferenceType, OnlyPaymentReferencesCanBeMade) {
  int makeable = 0;
  for (reference_type t : all_reference_types) makeable += can_make(t) ? 1 : 0;
  EXPECT_EQ(makeable, 6);
  EXPECT_FALSE(can_make(reference_type::iban));
}

TEST(ValidateEach, AgreesWithValidateAndCountsTheValid) {
  const std::vector<std::string_view> values{"12344", "12345", "", "0044 5552 58", "x"};
  bool out[5] = {};
  EXPECT_EQ(validate_each(reference_type::kid_mod10, values, out), 2U);
  for (std::size_t i = 0; i < values.size(); ++i)
    EXPECT_EQ(out[i], validate(reference_type::kid_mod10, values[i]).valid) << values[i];
}

TEST(ValidateEach, MismatchedSpansThrowInvalidArgument) {
  const std::vector<std::string_view> values{"12344", "12345"};
  bool out[1] = {};
  EXPECT_EQ(thrown_code([&] { (void)validate_each(reference_type::ocr, values, out); }),
            errc::invalid_argument);
}

TEST(Validate, UndefinedTypeValueIsInvalidNotACrash) {
  EXPECT_FALSE(validate(static_cast<reference_type>(200), "12344").valid);
  EXPECT_EQ(to_string(static_cast<reference_type>(200)), "unknown");
}

// --- properties ----------------------------------------------------------------------

class Generated : public ::testing::Test {
 protected:
  std::mt19937_64 rng{20240611};  // fixed seed: the same cases every run

  std::string digits(std::size_t min, std::size_t max) {
    std::uniform_int_distribution<std::size_t> len(min, max);
    std::uniform_int_distribution<int> d(0, 9);
    std::string s(len(rng), '0');
    for (char& c : s) c = static_cast<char>('0' + d(rng));
    return s;
  }

  // Payload bounds per makeable type (payload, not the whole reference).
  std::string payload_for(reference_type t) {
    switch (t) {
      case reference_type::fik71: return digits(1, 14);
      case reference_type::fi_ref: return digits(3, 19);
      case reference_type::rf: return digits(1, 21);
      default: return digits(1, 24);
    }
  }
};

const reference_type makeable[] = {reference_type::kid_mod10, reference_type::kid_mod11,
                                   reference_type::ocr,       reference_type::fik71,
                                   reference_type::fi_ref,    reference_type::rf};

TEST_F(Generated, MadeReferencesValidate) {
  for (int n = 0; n < 2000; ++n) {
    for (reference_type t : makeable) {
      const std::string payload = payload_for(t);
      const std::string made = make_reference(t, payload).value();
      ASSERT_TRUE(validate(t, made).valid) << to_string(t) << " " << made << ": " << validate(t, made).reason;
    }
    const std::string ocr_ld = make_reference(reference_type::ocr, digits(1, 23), true).value();
    ASSERT_TRUE(validate(reference_type::ocr, ocr_ld).valid) << ocr_ld;
  }
}

// Every digit of `value` replaced in turn by each other digit: all must be invalid.
void expect_every_substitution_caught(reference_type t, const std::string& value) {
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] < '0' || value[i] > '9') continue;  // 'RF', '-'
    for (char d = '0'; d <= '9'; ++d) {
      if (d == value[i]) continue;
      std::string changed = value;
      changed[i] = d;
      ASSERT_FALSE(validate(t, changed).valid) << to_string(t) << " " << value << " -> " << changed;
    }
  }
}

// Every adjacent pair of different digits swapped: all must be invalid (`except` a pair
// the scheme is known not to see).
void expect_every_transposition_caught(reference_type t, const std::string& value,
                                       const char* except = "") {
  for (std::size_t i = 0; i + 1 < value.size(); ++i) {
    const char a = value[i];
    const char b = value[i + 1];
    if (a == b || a < '0' || a > '9' || b < '0' || b > '9') continue;
    if (std::string(except) == std::string{a, b} || std::string(except) == std::string{b, a}) continue;
    std::string swapped = value;
    std::swap(swapped[i], swapped[i + 1]);
    ASSERT_FALSE(validate(t, swapped).valid) << to_string(t) << " " << value << " -> " << swapped;
  }
}

TEST_F(Generated, EverySingleDigitChangeIsCaught) {
  for (int n = 0; n < 150; ++n)
    for (reference_type t : makeable) expect_every_substitution_caught(t, make_reference(t, payload_for(t)).value());
}

TEST_F(Generated, Mod11AndMod97CatchEveryAdjacentTransposition) {
  for (int n = 0; n < 500; ++n) {
    expect_every_transposition_caught(reference_type::kid_mod11,
                                      make_reference(reference_type::kid_mod11, digits(1, 24)).value());
    expect_every_transposition_caught(reference_type::rf,
                                      make_reference(reference_type::rf, digits(1, 21)).value());
    const auto i = iban::from_bban("DE", digits(18, 18));
    ASSERT_TRUE(i) << i.error().message;
    expect_every_transposition_caught(reference_type::iban, std::string(i->electronic()));
  }
}

TEST_F(Generated, LuhnCatchesAdjacentTranspositionsExcept09) {
  for (int n = 0; n < 500; ++n)
    expect_every_transposition_caught(reference_type::kid_mod10,
                                      make_reference(reference_type::kid_mod10, digits(1, 24)).value(), "09");
  // ... and 09 <-> 90 really is invisible to Luhn: 0 9 and 9 0 both add 9 in either parity.
  EXPECT_TRUE(validate(reference_type::kid_mod10, "091").valid);
  EXPECT_TRUE(validate(reference_type::kid_mod10, "901").valid);
}

TEST_F(Generated, IdentityNumbersCatchChangesAndTranspositions) {
  int made = 0;
  for (int n = 0; n < 400; ++n) {
    const std::string eight = digits(8, 8);
    if (const auto c = orgnr_no_check_digit(eight)) {
      const std::string orgnr = eight + *c;
      ASSERT_TRUE(validate_orgnr_no(orgnr).valid) << orgnr;
      expect_every_substitution_caught(reference_type::orgnr_no, orgnr);
      expect_every_transposition_caught(reference_type::orgnr_no, orgnr);
      ++made;
    }
    const std::string seven = eight.substr(1);
    if (const auto c = cvr_check_digit(seven)) {
      const std::string cvr = seven + *c;
      ASSERT_TRUE(validate_cvr(cvr).valid) << cvr;
      expect_every_substitution_caught(reference_type::cvr, cvr);
      expect_every_transposition_caught(reference_type::cvr, cvr);
    }
    if (const auto c = ytunnus_check_digit(seven)) {
      const std::string id = seven + "-" + *c;
      ASSERT_TRUE(validate_ytunnus(id).valid) << id;
      expect_every_substitution_caught(reference_type::ytunnus, id);
      expect_every_transposition_caught(reference_type::ytunnus, id);
    }
    // Swedish organisation numbers: third digit >= 2.
    std::string nine = digits(9, 9);
    nine[2] = static_cast<char>('2' + (nine[2] - '0') % 8);
    const std::string se = nine + orgnr_se_check_digit(nine).value();
    ASSERT_TRUE(validate_orgnr_se(se).valid) << se << ": " << validate_orgnr_se(se).reason;
    expect_every_substitution_caught(reference_type::orgnr_se, se);
  }
  EXPECT_GT(made, 320) << "about 1 in 11 prefixes has no check digit";
}

TEST_F(Generated, GarbageNeverCrashesAndAlwaysHasAReason) {
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<std::size_t> len(0, 60);
  for (int n = 0; n < 3000; ++n) {
    std::string s(len(rng), ' ');
    for (char& c : s) c = static_cast<char>(byte(rng));
    for (reference_type t : all_reference_types) {
      const validation v = validate(t, s);
      EXPECT_EQ(v.valid, v.reason.empty());
      if (can_make(t)) {
        const auto made = make_reference(t, s);
        if (made) {
          EXPECT_TRUE(validate(t, *made).valid) << *made;
        } else {
          EXPECT_EQ(made.error().code, errc::invalid_argument);
        }
      }
    }
  }
}

}  // namespace
}  // namespace kreditor
