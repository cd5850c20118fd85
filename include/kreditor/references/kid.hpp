// -----------------------------------------------------------------------------
// File: kreditor/references/kid.hpp
// -----------------------------------------------------------------------------
//
// Norwegian KID (kundeidentifikasjon), the payment reference on Norwegian giros and
// e-invoices: 2 to 25 digits, the last one a check digit computed with MOD10 (Luhn) or
// MOD11, as fixed in the receiver's agreement with the bank (Nets / Mastercard Payment
// Services; see shared/facts/legal.md §4.1). A MOD11 KID may end in '-'.
//
//   make_kid_mod10("1234").value()   == "12344"
//   make_kid_mod11("036536").value() == "036536-"  (check value 10 -> '-')
//   validate_kid_mod10("12345")      -> invalid, "check digit is 5, expected 4"
#ifndef KREDITOR_REFERENCES_KID_HPP
#define KREDITOR_REFERENCES_KID_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "kreditor/core/result.hpp"
#include "kreditor/references/validation.hpp"

KREDITOR_NAMESPACE_BEGIN

/// Length of a whole KID including its check digit (25 is the most a 210 mm giro prints).
///@{
inline constexpr std::size_t kid_min_length = 2;
inline constexpr std::size_t kid_max_length = 25;
///@}

/// What MOD11 does when its check value comes out as 10.
enum class kid_remainder10 : std::uint8_t {
  dash,    ///< the check character is '-' (the Nets rule, legal.md §4.1)
  refuse,  ///< fail, for receivers whose systems do not accept a KID ending in '-'
};

/// The MOD10 (Luhn) check digit of a payload of 1 to 24 digits (spaces ignored).
[[nodiscard]] result<char> kid_check_digit_mod10(std::string_view payload);
/// The MOD11 check character ('0'..'9' or '-') of a payload of 1 to 24 digits: weights
/// 2,3,4,5,6,7 repeating from the rightmost digit, check = 11 - sum mod 11, 11 -> '0', 10 -> '-'.
[[nodiscard]] result<char> kid_check_digit_mod11(std::string_view payload,
                                                 kid_remainder10 on_10 = kid_remainder10::dash);

/// The payload (spaces removed) followed by its check character.
///@{
[[nodiscard]] result<std::string> make_kid_mod10(std::string_view payload);
[[nodiscard]] result<std::string> make_kid_mod11(std::string_view payload,
                                                 kid_remainder10 on_10 = kid_remainder10::dash);
///@}

/// Checks a whole KID (spaces ignored): 2 to 25 digits, the last one (or '-' for MOD11)
/// matching the check character of the others.
///@{
[[nodiscard]] validation validate_kid_mod10(std::string_view kid);
[[nodiscard]] validation validate_kid_mod11(std::string_view kid);
///@}

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_REFERENCES_KID_HPP
