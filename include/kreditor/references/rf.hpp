// -----------------------------------------------------------------------------
// File: kreditor/references/rf.hpp
// -----------------------------------------------------------------------------
//
// ISO 11649 structured creditor reference: "RF", two check digits, then 1 to 21 letters or
// digits. Valid when the value with its first four characters moved to the end, letters
// read as 10 (A) .. 35 (Z), is 1 mod 97; made with check = 98 - (payload + "RF00") mod 97
// (legal.md §4.9). Letters are accepted in either case and made upper-case.
//
//   make_rf("539007547034").value()   == "RF18539007547034"
//   format_rf("RF18539007547034")     == "RF18 5390 0754 7034"
#ifndef KREDITOR_REFERENCES_RF_HPP
#define KREDITOR_REFERENCES_RF_HPP

#include <cstddef>
#include <string>
#include <string_view>

#include "kreditor/core/result.hpp"
#include "kreditor/references/validation.hpp"

KREDITOR_NAMESPACE_BEGIN

/// The longest creditor reference after "RF" and the check digits (ISO 11649).
inline constexpr std::size_t rf_max_payload_length = 21;
inline constexpr std::size_t rf_max_length = 25;  ///< "RF" + 2 check digits + 21

/// The two check digits ("02" .. "98") for a payload of 1 to 21 letters or digits.
[[nodiscard]] result<std::string> rf_check_digits(std::string_view payload);
/// "RF" + check digits + the payload (spaces removed, upper-cased).
[[nodiscard]] result<std::string> make_rf(std::string_view payload);
/// Checks an RF reference (spaces ignored, letters in either case).
[[nodiscard]] validation validate_rf(std::string_view reference);
/// The printed form: spaces removed, upper-cased, groups of four from the left.
[[nodiscard]] std::string format_rf(std::string_view reference);

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_REFERENCES_RF_HPP
