// -----------------------------------------------------------------------------
// File: kreditor/references/reference.hpp
// -----------------------------------------------------------------------------
//
// One entry point for every payment reference and identity number kreditor knows, chosen
// by a `reference_type` (what host software stores beside a customer or an invoice, and
// what `kreditor check` / `kreditor make` take on the command line).
//
//   auto t = parse_reference_type("kid-mod10");         // result<reference_type>
//   validate(*t, "0044 5552 58").valid == true
//   make_reference(reference_type::ocr, "123", true).value() == "12351"
#ifndef KREDITOR_REFERENCES_REFERENCE_HPP
#define KREDITOR_REFERENCES_REFERENCE_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "kreditor/core/result.hpp"
#include "kreditor/references/validation.hpp"

KREDITOR_NAMESPACE_BEGIN

/// The payment references and identity numbers kreditor checks, with the header of each.
enum class reference_type : std::uint8_t {
  kid_mod10,  ///< Norwegian KID, MOD10 (Luhn)                       kid.hpp
  kid_mod11,  ///< Norwegian KID, MOD11 ('-' for check value 10)      kid.hpp
  ocr,        ///< Swedish OCR reference, Luhn                        ocr.hpp
  fik71,      ///< Danish FI-kort +71 payment id                      fik.hpp
  fi_ref,     ///< Finnish viitenumero, 7-3-1                         fi_reference.hpp
  rf,         ///< ISO 11649 creditor reference                       rf.hpp
  iban,       ///< ISO 13616 IBAN                                     iban.hpp
  orgnr_no,   ///< Norwegian organisasjonsnummer                      org_number.hpp
  orgnr_se,   ///< Swedish organisations- / personnummer              org_number.hpp
  cvr,        ///< Danish CVR number                                  org_number.hpp
  ytunnus,    ///< Finnish Y-tunnus (business ID)                     org_number.hpp
};

/// Every reference_type, in declaration order (for loops and tests).
inline constexpr std::array<reference_type, 11> all_reference_types{
    reference_type::kid_mod10, reference_type::kid_mod11, reference_type::ocr,
    reference_type::fik71,     reference_type::fi_ref,    reference_type::rf,
    reference_type::iban,      reference_type::orgnr_no,  reference_type::orgnr_se,
    reference_type::cvr,       reference_type::ytunnus};

/// The command-line name: "kid-mod10", "kid-mod11", "ocr", "fik71", "fi-ref", "rf", "iban",
/// "orgnr-no", "orgnr-se", "cvr", "ytunnus".
[[nodiscard]] std::string_view to_string(reference_type t) noexcept;
/// The inverse of to_string(); unknown names fail with errc::invalid_argument listing the names.
[[nodiscard]] result<reference_type> parse_reference_type(std::string_view name);
/// Whether make_reference() can complete a payload of this type (payment references only:
/// identity numbers are issued, not made).
[[nodiscard]] bool can_make(reference_type t) noexcept;

/// Checks `value` (spaces ignored, and '-' where the format has one). An invalid value is
/// an answer, not an error: the reason names the problem.
[[nodiscard]] validation validate(reference_type t, std::string_view value);

/// Completes `payload` with its check digit(s): kid-mod10, kid-mod11, ocr (with the length
/// digit if asked), fik71, fi-ref and rf. Other types, a length digit for a type other
/// than ocr, and bad payloads fail with errc::invalid_argument.
[[nodiscard]] result<std::string> make_reference(reference_type t, std::string_view payload,
                                                 bool with_length_digit = false);

/// The printed form of a valid value: IBAN and RF in groups of four, fi-ref in groups of
/// five from the right, orgnr-se as NNNNNN-NNNN, Y-tunnus as NNNNNNN-N, the others as
/// digits without spaces. An invalid value comes back with its spaces removed.
[[nodiscard]] std::string format_reference(reference_type t, std::string_view value);

/// Batch form for matching runs: valid_out[i] = validate(t, values[i]).valid; returns how
/// many are valid. Throws kreditor::error(errc::invalid_argument) if the spans differ in size.
std::size_t validate_each(reference_type t, std::span<const std::string_view> values,
                          std::span<bool> valid_out);

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_REFERENCES_REFERENCE_HPP
