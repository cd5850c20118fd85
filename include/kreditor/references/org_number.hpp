// -----------------------------------------------------------------------------
// File: kreditor/references/org_number.hpp
// -----------------------------------------------------------------------------
//
// Nordic company (and Swedish personal) identity numbers, checked before extending credit
// ("know your customer"). Algorithms from shared/facts/legal.md §4:
//   Norway  organisasjonsnummer  9 digits, MOD11 weights 3,2,7,6,5,4,3,2; check 10 is never issued
//   Sweden  organisationsnummer / personnummer  10 digits, Luhn; organisations have a third
//           digit >= 2 (a personnummer's month is 01..12, a samordningsnummer's day is +60)
//   Denmark CVR  8 digits, weights 2,7,6,5,4,3,2,1, valid iff the sum is 0 mod 11
//   Finland Y-tunnus  7 digits '-' check, weights 7,9,10,5,8,4,2; remainder 1 is never issued
//           (UNCERTAIN in legal.md: the rule common validators use; PRH's text not retrieved)
//
//   validate_orgnr_no("974 760 673").valid == true
//   parse_se_identity_number("556012-5790")->kind == se_identity_kind::organisation
#ifndef KREDITOR_REFERENCES_ORG_NUMBER_HPP
#define KREDITOR_REFERENCES_ORG_NUMBER_HPP

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "kreditor/core/result.hpp"
#include "kreditor/references/validation.hpp"

KREDITOR_NAMESPACE_BEGIN

// --- Norway --------------------------------------------------------------------------

/// The check digit for the first 8 digits of an organisasjonsnummer; fails when it would be
/// 10 (no such number is issued).
[[nodiscard]] result<char> orgnr_no_check_digit(std::string_view first_eight);
/// 9 digits (spaces ignored).
[[nodiscard]] validation validate_orgnr_no(std::string_view number);

// --- Sweden --------------------------------------------------------------------------

/// What a Swedish identity number identifies (one check-digit rule for all three).
enum class se_identity_kind : std::uint8_t {
  personal,      ///< personnummer: YYMMDD-NNNC
  coordination,  ///< samordningsnummer: day of birth + 60
  organisation,  ///< organisationsnummer: third digit >= 2
};

/// A Swedish identity number reduced to its ten Luhn-checked digits.
struct se_identity_number {
  std::array<char, 10> digits{};  ///< the ten digits, no separator
  se_identity_kind kind = se_identity_kind::organisation;  ///< whose number it is

  /// The ten digits: "5560125790".
  [[nodiscard]] std::string_view ten_digits() const noexcept { return {digits.data(), digits.size()}; }
  /// "556012-5790" (the separator '+' of people aged 100 or more is not kept).
  [[nodiscard]] std::string to_string() const;
  /// Memberwise equality.
  friend bool operator==(const se_identity_number&, const se_identity_number&) = default;
};

/// Accepts 10 digits or 12 (century first: 16 for organisations, 18/19/20 for people), with
/// an optional '-' (or, for a 10-digit personal number, '+') before the last four. Spaces
/// ignored. Fails with errc::invalid_argument and the reason validate_orgnr_se() gives.
[[nodiscard]] result<se_identity_number> parse_se_identity_number(std::string_view text);
/// The Luhn check digit of the first nine of the ten digits.
[[nodiscard]] result<char> orgnr_se_check_digit(std::string_view first_nine);
/// Checks a Swedish organisation or personal number (the forms parse_se_identity_number accepts)
/// and says why not.
[[nodiscard]] validation validate_orgnr_se(std::string_view number);

// --- Denmark -------------------------------------------------------------------------

/// The last digit that makes the first 7 digits of a CVR number valid; fails when the
/// weighted sum leaves no such digit (no number with that prefix exists).
[[nodiscard]] result<char> cvr_check_digit(std::string_view first_seven);
/// 8 digits (spaces ignored).
[[nodiscard]] validation validate_cvr(std::string_view number);

// --- Finland -------------------------------------------------------------------------

/// The check digit for the 7 digits of a Y-tunnus; fails for remainder 1 (never issued).
[[nodiscard]] result<char> ytunnus_check_digit(std::string_view first_seven);
/// "NNNNNNN-C" or 8 digits (spaces ignored; '-' only before the check digit).
[[nodiscard]] validation validate_ytunnus(std::string_view business_id);

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_REFERENCES_ORG_NUMBER_HPP
