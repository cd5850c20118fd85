// -----------------------------------------------------------------------------
// File: kreditor/documents/language.hpp
// -----------------------------------------------------------------------------
//
// The languages kreditor writes documents in, and how each writes an amount and a date. A
// notice goes out in the debtor's jurisdiction's language unless the host chooses another.
//
//   language_of(jurisdiction::no) == language::nb;
//   format_amount(money::parse("1234.5", iso4217::nok).value(), language::nb) == "1 234,50";
//   format_date(make_date(2026, 11, 20), language::nb) == "20.11.2026";
#ifndef KREDITOR_DOCUMENTS_LANGUAGE_HPP
#define KREDITOR_DOCUMENTS_LANGUAGE_HPP

#include <cstdint>
#include <string>
#include <string_view>

#include "kreditor/core/jurisdiction.hpp"
#include "kreditor/core/money.hpp"
#include "kreditor/core/rate.hpp"
#include "kreditor/core/result.hpp"
#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN

/// A document language, by its ISO 639-1 code (Norwegian: bokmål).
enum class language : std::uint8_t { nb, sv, da, fi, en };

/// "nb", "sv", "da", "fi", "en".
[[nodiscard]] std::string_view to_string(language l) noexcept;
/// The inverse of to_string (case-insensitive; "no" is read as bokmål); errc::invalid_argument
/// naming the text otherwise.
result<language> parse_language(std::string_view text);
/// The language of `j`'s law and courts: NO nb, SE sv, DK da, FI fi (Finnish; a Swedish-speaking
/// debtor is the host's choice), EU en.
[[nodiscard]] language language_of(jurisdiction j) noexcept;

/// `m` as `l` writes it, always with the currency's minor digits and without the code: nb, da,
/// fi, sv group thousands with a space and use a decimal comma ("1 234,50"; Danish "1.234,50"),
/// en uses "1,234.50". Exact: no rounding, no binary float.
[[nodiscard]] std::string format_amount(money m, language l);
/// `d` as `l` writes it: nb, da, fi "20.11.2026", sv and en ISO "2026-11-20".
[[nodiscard]] std::string format_date(date d, language l);
/// An annual rate as a percentage in `l`'s decimal mark, without trailing zeros: "12,5 %" (nb,
/// sv, da, fi), "12.5%" (en).
[[nodiscard]] std::string format_percent(rate r, language l);

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_DOCUMENTS_LANGUAGE_HPP
