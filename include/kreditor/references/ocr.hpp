// -----------------------------------------------------------------------------
// File: kreditor/references/ocr.hpp
// -----------------------------------------------------------------------------
//
// Swedish OCR reference (OCR-nummer) for Bankgiro and Plusgiro payments: digits ending in
// a Luhn ("10-modul") check digit, optionally preceded by a length digit, the total length
// mod 10, which is itself inside the Luhn sum (Bankgirot "variabel längd" control;
// legal.md §4.3). Which control applies is fixed in the payee's Bankgirot agreement.
//
//   make_ocr("123").value()        == "1230"
//   make_ocr("123", true).value()  == "12351"   (length 5 -> length digit 5, then Luhn 1)
//   validate_ocr("12351", ocr_control::length_digit).valid == true
#ifndef KREDITOR_REFERENCES_OCR_HPP
#define KREDITOR_REFERENCES_OCR_HPP

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "kreditor/core/result.hpp"
#include "kreditor/references/validation.hpp"

KREDITOR_NAMESPACE_BEGIN

/// Length of a whole OCR reference including the check (and length) digit. Bankgirot's
/// maximum is 25; the lower bound 2 (one payload digit and the check digit) is ours.
///@{
inline constexpr std::size_t ocr_min_length = 2;
inline constexpr std::size_t ocr_max_length = 25;
///@}

/// The control a payee's Bankgirot agreement asks for ("hård kontroll" checks the Luhn
/// digit; "variabel längd" also checks the length digit).
enum class ocr_control : std::uint8_t {
  check_digit,   ///< Luhn check digit only
  length_digit,  ///< Luhn check digit and the length digit before it
};

/// The payload (spaces removed), optionally followed by the length digit, then the Luhn
/// check digit. Payload: 1 to 24 digits (23 with the length digit).
[[nodiscard]] result<std::string> make_ocr(std::string_view payload, bool with_length_digit = false);

/// Checks an OCR reference (spaces ignored) under `control`.
[[nodiscard]] validation validate_ocr(std::string_view ocr,
                                      ocr_control control = ocr_control::check_digit);

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_REFERENCES_OCR_HPP
