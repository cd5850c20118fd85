// -----------------------------------------------------------------------------
// File: kreditor/references/fik.hpp
// -----------------------------------------------------------------------------
//
// Danish FI-kort (indbetalingskort) payment id for card type +71: 15 digits, the last one
// a mod-10 check digit with weights 1,2,1,2,... from the left over the first 14 (weight 2
// next to the check digit), digit sums of the products, check = 10 - sum mod 10
// (legal.md §4.6, after Business::DK::FI). This is Luhn; where that module would print the
// impossible "check 10" we use 0, as Luhn does. Card type +75 (16 digits) is UNCERTAIN in
// legal.md and not offered; +73 has no payment id.
//
//   make_fik71("1").value() == "000000000000018"     (payload left-padded to 14 digits)
#ifndef KREDITOR_REFERENCES_FIK_HPP
#define KREDITOR_REFERENCES_FIK_HPP

#include <cstddef>
#include <string>
#include <string_view>

#include "kreditor/core/result.hpp"
#include "kreditor/references/validation.hpp"

KREDITOR_NAMESPACE_BEGIN

inline constexpr std::size_t fik71_length = 15;  ///< a +71 payment id, check digit included

/// The check digit of a payload of 1 to 14 digits (read as left-padded with zeros).
[[nodiscard]] result<char> fik71_check_digit(std::string_view payload);
/// The payload left-padded with zeros to 14 digits, then its check digit.
[[nodiscard]] result<std::string> make_fik71(std::string_view payload);
/// Checks a 15-digit +71 payment id (spaces ignored).
[[nodiscard]] validation validate_fik71(std::string_view payment_id);

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_REFERENCES_FIK_HPP
