// -----------------------------------------------------------------------------
// File: kreditor/core/jurisdiction.hpp
// -----------------------------------------------------------------------------
//
// The legal systems kreditor ships rules for, and the debtor segment those rules
// distinguish. Closed sets, so enums; the rules themselves are data (jurisdiction/).
//
//   jurisdiction j = parse_jurisdiction("NO").value();   // jurisdiction::no
//   to_string(segment::b2c) == "b2c";
#ifndef KREDITOR_CORE_JURISDICTION_HPP
#define KREDITOR_CORE_JURISDICTION_HPP

#include <cstdint>
#include <string>
#include <string_view>

#include "kreditor/core/result.hpp"

KREDITOR_NAMESPACE_BEGIN

/// Whose law governs a claim: the Nordic countries kreditor knows, else the EU directive's minimum.
enum class jurisdiction : std::uint8_t {
  no,  ///< Norway: forsinkelsesrenteloven, inkassoloven/-forskriften, gjeldsbrevloven
  se,  ///< Sweden: räntelagen, inkassolagen, lag om ersättning för inkassokostnader
  dk,  ///< Denmark: renteloven, inkassoloven
  fi,  ///< Finland: korkolaki, perintälaki, velkakirjalaki
  eu,  ///< Directive 2011/7/EU minimum (B2B / public authorities)
};

/// "NO", "SE", "DK", "FI", "EU" (case-insensitive); errc::not_found otherwise.
result<jurisdiction> parse_jurisdiction(std::string_view code);
/// "NO", "SE", "DK", "FI", "EU".
[[nodiscard]] std::string_view to_string(jurisdiction j) noexcept;

/// Business-to-business or business-to-consumer: the law treats them differently
/// (fee caps, interest margins, fixed compensation).
enum class segment : std::uint8_t {
  b2b,  ///< the debtor is a business or public body
  b2c,  ///< the debtor is a consumer
};

/// "b2b" / "b2c" (case-insensitive); errc::invalid_argument otherwise.
result<segment> parse_segment(std::string_view text);
/// "b2b" / "b2c".
[[nodiscard]] std::string_view to_string(segment s) noexcept;

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_CORE_JURISDICTION_HPP
