// -----------------------------------------------------------------------------
// File: kreditor/references/validation.hpp
// -----------------------------------------------------------------------------
//
// The outcome of checking a payment reference or identity number. "Invalid" is an
// ordinary answer about the data (a mistyped KID), not an error of the program, so it is
// a value and never an exception.
//
//   const validation v = validate_kid_mod10("12345");
//   if (!v) std::cout << v.reason;   // "check digit is 5, expected 4"
#ifndef KREDITOR_REFERENCES_VALIDATION_HPP
#define KREDITOR_REFERENCES_VALIDATION_HPP

#include <string>
#include <utility>

#include "kreditor/config.hpp"

KREDITOR_NAMESPACE_BEGIN

/// Whether a value passed its format and check-digit rules, and if not, why.
struct validation {
  bool valid = false;  ///< true when every rule passed
  std::string reason;  ///< empty when valid; otherwise names the problem and the expected value

  /// A valid result.
  [[nodiscard]] static validation ok() { return {true, {}}; }
  /// An invalid result; `why` names the problem.
  [[nodiscard]] static validation invalid(std::string why) { return {false, std::move(why)}; }
  /// `valid`.
  explicit operator bool() const noexcept { return valid; }
  /// Memberwise equality.
  friend bool operator==(const validation&, const validation&) = default;
};

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_REFERENCES_VALIDATION_HPP
