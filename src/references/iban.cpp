#include "kreditor/references/iban.hpp"

#include <algorithm>
#include <array>

#include "references/scan.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace {
using namespace references_detail;

// The SWIFT IBAN registry's countries and lengths, as listed (with one example IBAN each,
// all in tests/unit/references/iban_test.cpp) by skwasjer/IbanNet SupportedCountries.md
// (registry ~2023); rows marked below were cross-checked in two further public tables.
// Territories use their parent's code (AX -> FI; GF, GP, MQ, RE, ... -> FR; JE, GG, IM -> GB).
// `sepa`: EU 27, EEA (IS, LI, NO), CH, GB, MC, SM, VA, AD and GI. The EPC admitted AL, MD,
// ME, MK and RS to the SEPA schemes' scope in 2024-2025 (UNCERTAIN here, so not flagged).
constexpr iban_country registry[] = {
    {"AD", 24, true},
    {"AE", 23, false},
    {"AL", 28, false},
    {"AT", 20, true},
    {"AZ", 28, false},
    {"BA", 20, false},
    {"BE", 16, true},
    {"BG", 22, true},
    {"BH", 22, false},
    {"BI", 27, false},
    {"BR", 29, false},
    {"BY", 28, false},
    {"CH", 21, true},
    {"CR", 22, false},
    {"CY", 28, true},
    {"CZ", 24, true},
    {"DE", 22, true},
    {"DJ", 27, false}, // added to the registry after 2022; cross-checked in two public tables
    {"DK", 18, true},
    {"DO", 28, false},
    {"EE", 20, true},
    {"EG", 29, false},
    {"ES", 24, true},
    {"FI", 18, true},
    {"FK", 18, false}, // added to the registry after 2022; cross-checked in two public tables
    {"FO", 18, false},
    {"FR", 27, true},
    {"GB", 22, true},
    {"GE", 22, false},
    {"GI", 23, true},
    {"GL", 18, false},
    {"GR", 27, true},
    {"GT", 28, false},
    {"HN", 28, false}, // added to the registry after 2022; cross-checked in two public tables
    {"HR", 21, true},
    {"HU", 28, true},
    {"IE", 22, true},
    {"IL", 23, false},
    {"IQ", 23, false},
    {"IS", 26, true},
    {"IT", 27, true},
    {"JO", 30, false},
    {"KW", 30, false},
    {"KZ", 20, false},
    {"LB", 28, false},
    {"LC", 32, false},
    {"LI", 21, true},
    {"LT", 20, true},
    {"LU", 20, true},
    {"LV", 21, true},
    {"LY", 25, false},
    {"MC", 27, true},
    {"MD", 24, false},
    {"ME", 22, false},
    {"MK", 19, false},
    {"MN", 20, false}, // added to the registry after 2022; cross-checked in two public tables
    {"MR", 27, false},
    {"MT", 31, true},
    {"MU", 30, false},
    {"NI", 28, false}, // added to the registry after 2022; cross-checked in two public tables
    {"NL", 18, true},
    {"NO", 15, true},
    {"OM", 23, false}, // added to the registry after 2022; cross-checked in two public tables
    {"PK", 24, false},
    {"PL", 28, true},
    {"PS", 29, false},
    {"PT", 25, true},
    {"QA", 29, false},
    {"RO", 24, true},
    {"RS", 22, false},
    {"RU", 33, false}, // added to the registry after 2022; cross-checked in two public tables
    {"SA", 24, false},
    {"SC", 31, false},
    {"SD", 18, false},
    {"SE", 24, true},
    {"SI", 19, true},
    {"SK", 24, true},
    {"SM", 27, true},
    {"SO", 23, false}, // added to the registry after 2022; cross-checked in two public tables
    {"ST", 25, false},
    {"SV", 28, false},
    {"TL", 23, false},
    {"TN", 24, false},
    {"TR", 26, false},
    {"UA", 29, false},
    {"VA", 22, true},
    {"VG", 24, false},
    {"XK", 20, false},
    {"YE", 30, false}, // added to the registry after 2022; cross-checked in two public tables
};
static_assert(std::is_sorted(std::begin(registry), std::end(registry),
                             [](const iban_country& a, const iban_country& b) { return a.code < b.code; }));

bool alnum(char c) noexcept { return is_alnum(c); }

constexpr shape iban_shape{"iban", 5, iban::max_length, "characters", "a letter or digit", alnum};
constexpr shape bban_shape{"bban", 1, iban::max_length - 4, "characters", "a letter or digit", alnum};
constexpr shape account_shape{"Norwegian account number", 11, 11, "digits", "a digit", digit_only};

// Norwegian kontonummer MOD11 (legal.md §4.2): weights 5,4,3,2,7,6,5,4,3,2 on the first ten.
constexpr std::array<int, 10> account_weights{5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

// '\0' when the remainder is 1, which leaves check value 10: no such account exists.
char account_check(std::string_view first_ten) noexcept {
  const int r = weighted_sum_from_left(first_ten, account_weights) % 11;
  if (r == 0) return '0';
  if (r == 1) return '\0';
  return digit_char(11 - r);
}

validation check_account(std::string_view eleven_digits) {
  const char expected = account_check(eleven_digits.substr(0, 10));
  if (expected == '\0')
    return validation::invalid("its first ten digits give MOD11 check value 10: no such account");
  if (eleven_digits[10] != expected) return validation::invalid(check_reason(eleven_digits[10], expected));
  return validation::ok();
}

// Validates `text` and leaves its electronic form in `c`.
validation check_iban(std::string_view text, compact& c) {
  if (auto why = scan(text, iban_shape, c)) return validation::invalid(std::move(*why));
  for (std::size_t i = 0; i < c.size; ++i) c.chars[i] = to_upper(c.chars[i]);
  const std::string_view v = c.view();
  if (!is_upper(v[0]) || !is_upper(v[1]))
    return validation::invalid("country code '" + std::string(v.substr(0, 2)) + "' is not two letters");
  const auto country = find_iban_country(v.substr(0, 2));
  if (!country) return validation::invalid("country " + std::string(v.substr(0, 2)) + " does not issue IBANs");
  if (v.size() != country->length)
    return validation::invalid("length " + std::to_string(v.size()) + " is not allowed for a " +
                               std::string(country->code) + " iban (" + std::to_string(country->length) +
                               " characters)");
  if (!is_digit(v[2]) || !is_digit(v[3]))
    return validation::invalid("check digits '" + std::string(v.substr(2, 2)) + "' are not two digits");
  // 98 - (BBAN + country + "00") mod 97, which also rules out 00, 01 and 99.
  const int check = 98 - mod97("00", mod97(v.substr(0, 2), mod97(v.substr(4))));
  const std::string expected{digit_char(check / 10), digit_char(check % 10)};
  if (v.substr(2, 2) != expected)
    return validation::invalid("check digits are " + std::string(v.substr(2, 2)) + ", expected " + expected);
  if (country->code == "NO") {
    const std::string_view account = v.substr(4);
    if (std::any_of(account.begin(), account.end(), [](char ch) { return !is_digit(ch); }))
      return validation::invalid("Norwegian account number " + std::string(account) + " is not 11 digits");
    if (validation national = check_account(account); !national)
      return validation::invalid("Norwegian account number " + std::string(account) + " fails its MOD11 check: " +
                                 national.reason);
  }
  return validation::ok();
}

}  // namespace

std::span<const iban_country> iban_registry() noexcept { return registry; }

std::optional<iban_country> find_iban_country(std::string_view country_code) noexcept {
  const auto it = std::lower_bound(std::begin(registry), std::end(registry), country_code,
                                   [](const iban_country& row, std::string_view code) { return row.code < code; });
  if (it == std::end(registry) || it->code != country_code) return std::nullopt;
  return *it;
}

result<iban> iban::parse(std::string_view text) {
  compact c;
  if (validation v = check_iban(text, c); !v)
    return failure{errc::invalid_argument, "iban: " + quote(text) + ": " + v.reason};
  iban out;
  std::copy_n(c.chars.begin(), c.size, out.chars_.begin());
  out.size_ = static_cast<std::uint8_t>(c.size);
  return out;
}

result<iban> iban::from_bban(std::string_view country, std::string_view bban) {
  compact b;
  if (auto why = scan(bban, bban_shape, b)) return bad_payload("iban::from_bban", bban, *why);
  std::string code{country};
  for (char& ch : code) ch = to_upper(ch);
  if (code.size() != 2 || !find_iban_country(code))
    return failure{errc::invalid_argument, "iban::from_bban: country " + quote(country) + " does not issue IBANs"};
  std::string body(b.view());
  for (char& ch : body) ch = to_upper(ch);
  const int check = 98 - mod97("00", mod97(code, mod97(body)));
  return parse(code + digit_char(check / 10) + digit_char(check % 10) + body);
}

std::string iban::to_string() const { return grouped(electronic(), 4, false); }

validation validate_iban(std::string_view text) {
  compact c;
  return check_iban(text, c);
}

validation validate_no_account_number(std::string_view account) {
  // '.' separates the groups in print (8601.11.17947), like the spaces in 8601 11 17947.
  std::string typed(account);
  std::replace(typed.begin(), typed.end(), '.', ' ');
  compact c;
  if (auto why = scan(typed, account_shape, c)) return validation::invalid(std::move(*why));
  return check_account(c.view());
}

KREDITOR_NAMESPACE_END
