// -----------------------------------------------------------------------------
// File: kreditor/time/calendars.hpp
// -----------------------------------------------------------------------------
//
// The Nordic payment calendars: the days on which payments settle in each country, with
// each holiday's legal source and effective dates in src/time/calendars/<country>.cpp
// (one commented line per holiday, QuantLib style). Sources: shared/facts/legal.md §5.
//
//   norway()   Norges Bank's settlement days (public holidays, 1 and 17 May, 24 Dec)
//   sweden()   the Riksbank's bank days (allmänna helgdagar + Midsummer/Christmas/New Year's Eve)
//   denmark()  Nationalbanken's bank days (helligdage + Friday after Ascension, 5 Jun, 24/31 Dec)
//   finland()  the days velkakirjalaki 5 § names (holidays, 1 May, 6 Dec, Midsummer/Christmas Eve)
//
//   calendar_for("se").value().is_business_day(make_date(2026, 6, 19)) == false;  // Midsummer Eve
#ifndef KREDITOR_TIME_CALENDARS_HPP
#define KREDITOR_TIME_CALENDARS_HPP

#include <string_view>

#include "kreditor/core/result.hpp"
#include "kreditor/time/calendar.hpp"
#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN

/// Easter Sunday of a Gregorian year (the anonymous Gregorian computus, "Meeus/Jones/
/// Butcher"). \throws error(out_of_range) outside 1583..9999.
[[nodiscard]] date easter_sunday(int year);

/// Norway, Norges Bank's settlement system (NBO): closed on public holidays (lov om
/// helligdager og helligdagsfred), 1 and 17 May (lov om 1. og 17. mai) and 24 Dec. Name "NO".
[[nodiscard]] calendar norway();
/// Norway's public holidays only (helligdager, 1 and 17 May; not 24 Dec): the days
/// gjeldsbrevloven § 5 moves a due date over. Name "NO-public".
[[nodiscard]] calendar norway_public_holidays();
/// Sweden, the Riksbank's bank holidays: allmänna helgdagar (lag 1989:253) plus Midsummer
/// Eve, Christmas Eve and New Year's Eve. Name "SE".
[[nodiscard]] calendar sweden();
/// Denmark, Nationalbanken's bank closing days (banklukkedage): helligdage, Store Bededag
/// until 2023, the Friday after Ascension, 5 June, 24 and 31 Dec. Name "DK".
[[nodiscard]] calendar denmark();
/// Finland: the holidays and eves of velkakirjalaki 5 § 2 mom. (958/1999) on which a payment
/// falling due moves to the next weekday. Name "FI".
[[nodiscard]] calendar finland();
/// Saturday and Sunday only; the same as calendar(). Name "weekends".
[[nodiscard]] calendar weekends_only();

/// The calendar for "NO", "SE", "DK", "FI", "weekends" (case-insensitive; also "NO-public").
/// Failure: errc::not_found naming the code and the known ones.
result<calendar> calendar_for(std::string_view code);

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_TIME_CALENDARS_HPP
