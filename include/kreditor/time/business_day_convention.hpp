// -----------------------------------------------------------------------------
// File: kreditor/time/business_day_convention.hpp
// -----------------------------------------------------------------------------
//
// How a date that is not a business day is rolled onto one (ISDA 2006 definitions,
// section 4.12). A closed set, so an enum; `calendar::adjust` applies it.
//
//   auto c = parse_business_day_convention("modified_following").value();
//   norway().adjust(make_date(2024, 3, 30), c) == make_date(2024, 3, 27);  // Easter: back in March
//   to_string(c) == "modified_following";
#ifndef KREDITOR_TIME_BUSINESS_DAY_CONVENTION_HPP
#define KREDITOR_TIME_BUSINESS_DAY_CONVENTION_HPP

#include <cstdint>
#include <string_view>

#include "kreditor/core/result.hpp"

KREDITOR_NAMESPACE_BEGIN

/// How a date that is not a business day is moved onto one.
enum class business_day_convention : std::uint8_t {
  unadjusted,          ///< Leave the date alone, business day or not.
  following,           ///< The first business day after.
  modified_following,  ///< The first business day after, unless that is in the next month;
                       ///< then the first business day before.
  preceding,           ///< The first business day before.
  modified_preceding,  ///< The first business day before, unless that is in the previous
                       ///< month; then the first business day after.
};

/// Parses "unadjusted", "following", "modified_following", "preceding", "modified_preceding"
/// (case-insensitive; '-' or ' ' may stand for '_'; also the ISDA short forms "F", "MF", "P",
/// "MP", "U"/"none"). Failure: errc::invalid_argument naming the text.
result<business_day_convention> parse_business_day_convention(std::string_view text);

/// "unadjusted", "following", "modified_following", "preceding", "modified_preceding".
[[nodiscard]] std::string_view to_string(business_day_convention c) noexcept;

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_TIME_BUSINESS_DAY_CONVENTION_HPP
