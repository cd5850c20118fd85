// -----------------------------------------------------------------------------
// File: kreditor/references/fi_reference.hpp
// -----------------------------------------------------------------------------
//
// Finnish domestic payment reference (viitenumero / referensnummer): 4 to 20 digits, the
// last a check digit with weights 7,3,1 repeating from the rightmost payload digit,
// check = (10 - sum mod 10) mod 10. Printed in groups of five from the right
// (Finance Finland, legal.md §4.7).
//
//   make_fi_reference("123456").value()          == "1234561"
//   format_fi_reference("1234567123456784")      == "1 23456 71234 56784"
#ifndef KREDITOR_REFERENCES_FI_REFERENCE_HPP
#define KREDITOR_REFERENCES_FI_REFERENCE_HPP

#include <cstddef>
#include <string>
#include <string_view>

#include "kreditor/core/result.hpp"
#include "kreditor/references/validation.hpp"

KREDITOR_NAMESPACE_BEGIN

inline constexpr std::size_t fi_reference_min_length = 4;   ///< check digit included
inline constexpr std::size_t fi_reference_max_length = 20;  ///< check digit included

/// The 7-3-1 check digit of a payload of 3 to 19 digits (spaces ignored).
[[nodiscard]] result<char> fi_reference_check_digit(std::string_view payload);
/// The payload (spaces removed) followed by its check digit.
[[nodiscard]] result<std::string> make_fi_reference(std::string_view payload);
/// Checks a reference (spaces ignored).
[[nodiscard]] validation validate_fi_reference(std::string_view reference);
/// The printed form: spaces removed, then groups of five digits from the right.
[[nodiscard]] std::string format_fi_reference(std::string_view reference);

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_REFERENCES_FI_REFERENCE_HPP
