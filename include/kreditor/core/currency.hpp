// -----------------------------------------------------------------------------
// File: kreditor/core/currency.hpp
// -----------------------------------------------------------------------------
//
// ISO 4217 currencies as 4-byte values: three letters plus the number of minor
// units amounts in that currency are kept in. Pass by value.
//
//   constexpr auto chf = kreditor::currency::iso("CHF", 2);   // checked at compile time
//   auto parsed = kreditor::currency::parse(row.currency);   // looked up in the ISO 4217 table
#ifndef KREDITOR_CORE_CURRENCY_HPP
#define KREDITOR_CORE_CURRENCY_HPP

#include <array>
#include <bit>
#include <cstdint>
#include <functional>
#include <string_view>
#include <type_traits>

#include "kreditor/core/result.hpp"

KREDITOR_NAMESPACE_BEGIN

/// An ISO 4217 currency: its three-letter code and its minor units (digits after the decimal
/// point). Four bytes of value; compares by code and minor units.
class currency {
 public:
  /// "XXX", ISO 4217's code for "no currency", with 0 minor units.
  constexpr currency() noexcept = default;

  /// Compile-time construction: a malformed code does not compile.
  static consteval currency iso(std::string_view code, std::uint8_t minor_units) {
    if (code.size() != 3 || !upper(code[0]) || !upper(code[1]) || !upper(code[2]) ||
        minor_units > 4)
      throw "kreditor::currency::iso: not an ISO 4217 alpha code";  // not a constant expression
    return currency(code, minor_units);
  }

  /// Run-time construction from the built-in ISO 4217 table (active codes, with their
  /// minor units). Unknown or malformed codes fail with errc::not_found / invalid_argument.
  static result<currency> parse(std::string_view code);

  /// The ISO 4217 alpha code: "NOK".
  [[nodiscard]] constexpr std::string_view code() const noexcept {
    return {code_.data(), code_.size()};
  }
  /// Digits after the decimal point: NOK 2, JPY 0, KWD 3.
  [[nodiscard]] constexpr int minor_units() const noexcept { return minor_units_; }

  /// Same code and minor units. The four bytes compared at once: every checked money operation
  /// asks this (a member-by-member comparison was four compares and branches).
  friend constexpr bool operator==(currency a, currency b) noexcept {
    return std::bit_cast<std::uint32_t>(a) == std::bit_cast<std::uint32_t>(b);
  }

 private:
  constexpr currency(std::string_view code, std::uint8_t minor_units) noexcept
      : code_{code[0], code[1], code[2]}, minor_units_(minor_units) {}
  static constexpr bool upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }

  std::array<char, 3> code_{'X', 'X', 'X'};
  std::uint8_t minor_units_ = 0;
};

// The code and the minor units fill the four bytes, with no padding: equal bytes are equal members.
static_assert(sizeof(currency) == sizeof(std::uint32_t) && std::has_unique_object_representations_v<currency>);

/// The currencies kreditor's presets and tests name; any other comes from currency::parse.
namespace iso4217 {
inline constexpr currency nok = currency::iso("NOK", 2);  ///< Norwegian krone
inline constexpr currency sek = currency::iso("SEK", 2);  ///< Swedish krona
inline constexpr currency dkk = currency::iso("DKK", 2);  ///< Danish krone
inline constexpr currency eur = currency::iso("EUR", 2);  ///< euro
inline constexpr currency isk = currency::iso("ISK", 0);  ///< Icelandic króna (no minor units)
inline constexpr currency usd = currency::iso("USD", 2);  ///< US dollar
inline constexpr currency gbp = currency::iso("GBP", 2);  ///< pound sterling
inline constexpr currency chf = currency::iso("CHF", 2);  ///< Swiss franc
inline constexpr currency jpy = currency::iso("JPY", 0);  ///< Japanese yen (no minor units)
inline constexpr currency kwd = currency::iso("KWD", 3);  ///< Kuwaiti dinar (3 minor units)
inline constexpr currency bhd = currency::iso("BHD", 3);  ///< Bahraini dinar (3 minor units)
}  // namespace iso4217

KREDITOR_NAMESPACE_END

/// \cond
// Hashes the code, so a currency can key an unordered container. (Out of the API reference:
// doxygen 1.9 cannot place a specialisation of std::hash.)
template <>
struct std::hash<kreditor::currency> {
  std::size_t operator()(kreditor::currency c) const noexcept {
    return std::hash<std::string_view>{}(c.code());
  }
};
/// \endcond

#endif  // KREDITOR_CORE_CURRENCY_HPP
