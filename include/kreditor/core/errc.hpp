// -----------------------------------------------------------------------------
// File: kreditor/core/errc.hpp
// -----------------------------------------------------------------------------
//
// The one error vocabulary. `errc` values are the numbers the C ABI returns
// (KREDITOR_E_*) and Python's KreditorError.code carries; they never change.
//
//   if (m.currency() != other.currency())
//     throw kreditor::error(errc::currency_mismatch, "money: NOK and SEK cannot be added");
#ifndef KREDITOR_CORE_ERRC_HPP
#define KREDITOR_CORE_ERRC_HPP

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include "kreditor/config.hpp"

KREDITOR_NAMESPACE_BEGIN

/// Stable error codes. The numeric values are part of the C ABI and never change meaning.
enum class errc : std::int32_t {
  ok = 0,                  ///< no error (C ABI: KREDITOR_OK)
  invalid_argument = -1,   ///< malformed input: bad ISO code, bad date, unparseable terms, bad CSV
  out_of_range = -2,       ///< well-formed but outside the supported domain (year 2300, negative days)
  overflow = -3,           ///< an exact amount does not fit its representation
  currency_mismatch = -4,  ///< arithmetic or comparison across two currencies
  not_found = -5,          ///< unknown calendar, currency, policy, customer or invoice id
  legal_violation = -6,    ///< a policy or fee that a jurisdiction's law forbids (names the rule)
  precision_loss = -7,     ///< more decimals than the target allows and no rounding mode was given
  conflict = -8,           ///< duplicate id, impossible order of steps, inconsistent events
  io = -9,                 ///< a file could not be read or written
  internal = -99,          ///< a bug in kreditor
};

/// The errc's name, e.g. "currency_mismatch" (for messages, JSON and logs).
[[nodiscard]] constexpr std::string_view to_string(errc code) noexcept {
  switch (code) {
    case errc::ok: return "ok";
    case errc::invalid_argument: return "invalid_argument";
    case errc::out_of_range: return "out_of_range";
    case errc::overflow: return "overflow";
    case errc::currency_mismatch: return "currency_mismatch";
    case errc::not_found: return "not_found";
    case errc::legal_violation: return "legal_violation";
    case errc::precision_loss: return "precision_loss";
    case errc::conflict: return "conflict";
    case errc::io: return "io";
    case errc::internal: return "internal";
  }
  return "unknown";
}

/// The one exception type the C++ API throws for domain errors (std::bad_alloc still
/// propagates unchanged). Messages start with the function or input they concern.
class error : public std::runtime_error {
 public:
  /// An error of kind `code`; `what` names the input and the problem.
  error(errc code, const std::string& what) : std::runtime_error(what), code_(code) {}
  /// The kind of error: the same number as the C ABI's status and Python's KreditorError.code.
  [[nodiscard]] errc code() const noexcept { return code_; }

 private:
  errc code_;
};

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_CORE_ERRC_HPP
