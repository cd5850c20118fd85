// -----------------------------------------------------------------------------
// File: kreditor/references/iban.hpp
// -----------------------------------------------------------------------------
//
// International Bank Account Number (ISO 13616): country code, two check digits (ISO 7064
// MOD 97-10), then the national account number (BBAN), with one fixed length per country
// from the SWIFT IBAN registry, and the registry's BBAN structure per country (which
// positions are digits, letters or either). For Norway the BBAN's own MOD11 check is applied
// too, as a Norwegian account number that fails it does not exist (legal.md §4.2, §4.10).
//
//   auto i = iban::parse("no93 8601 1117 947");      // spaces ignored, letters upper-cased
//   i->country() == "NO";  i->bban() == "86011117947";
//   i->to_string() == "NO93 8601 1117 947";            // paper format, groups of four
//   iban::from_bban("DE", "370400440532013000")->electronic() == "DE89370400440532013000"
#ifndef KREDITOR_REFERENCES_IBAN_HPP
#define KREDITOR_REFERENCES_IBAN_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "kreditor/core/result.hpp"
#include "kreditor/references/validation.hpp"

KREDITOR_NAMESPACE_BEGIN

/// One row of the IBAN registry: the country, its fixed IBAN length, whether it is in the
/// SEPA schemes' geographical scope, and the layout of its national account number.
struct iban_country {
  std::string_view code;  ///< ISO 3166 alpha-2, "NO"
  std::uint8_t length;    ///< whole IBAN, electronic format
  bool sepa;  ///< in the SEPA schemes' geographical scope
  /// The registry's BBAN structure, "4!n6!n1!n" for NO: fixed-length parts, each a count and
  /// a class: n digits, a upper-case letters, c letters or digits.
  std::string_view bban;
};

/// The countries that issue IBANs, sorted by code.
[[nodiscard]] std::span<const iban_country> iban_registry() noexcept;
/// The registry row for `country_code` (upper-case), if it issues IBANs.
[[nodiscard]] std::optional<iban_country> find_iban_country(std::string_view country_code) noexcept;

/// A validated IBAN, stored in electronic format (no spaces, upper-case). Trivially
/// copyable, 35 bytes; compare with ==.
class iban {
 public:
  static constexpr std::size_t max_length = 34;  ///< the longest IBAN ISO 13616 allows

  /// Parses and validates (spaces ignored, letters in either case). Fails with
  /// errc::invalid_argument and the reason validate_iban() gives.
  [[nodiscard]] static result<iban> parse(std::string_view text);
  /// Computes the check digits for a national account number (spaces ignored) in `country`.
  [[nodiscard]] static result<iban> from_bban(std::string_view country, std::string_view bban);

  /// Electronic format: "NO9386011117947".
  [[nodiscard]] std::string_view electronic() const noexcept { return {chars_.data(), size_}; }
  /// The country code: "NO".
  [[nodiscard]] std::string_view country() const noexcept { return electronic().substr(0, 2); }
  /// The two check digits: "93".
  [[nodiscard]] std::string_view check_digits() const noexcept { return electronic().substr(2, 2); }
  /// The national account number (BBAN): "86011117947".
  [[nodiscard]] std::string_view bban() const noexcept { return electronic().substr(4); }
  /// Paper format: groups of four separated by single spaces, "NO93 8601 1117 947".
  [[nodiscard]] std::string to_string() const;

  /// Memberwise equality.
  friend bool operator==(const iban&, const iban&) = default;

 private:
  iban() = default;
  std::array<char, max_length> chars_{};
  std::uint8_t size_ = 0;
};

/// Checks an IBAN (spaces ignored, letters in either case): known country, its length,
/// letters and digits only, the country's BBAN structure part by part (the reason names the
/// part: "sort code (positions 9-14, 6 digits): 'X' at position 12 is not a digit"), check
/// digits 02..98 satisfying MOD 97-10, and for NO the account number's MOD11.
[[nodiscard]] validation validate_iban(std::string_view text);

/// Checks a Norwegian 11-digit account number (kontonummer; spaces and '.' ignored):
/// MOD11 with weights 5,4,3,2,7,6,5,4,3,2 (legal.md §4.2).
[[nodiscard]] validation validate_no_account_number(std::string_view account);

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_REFERENCES_IBAN_HPP
