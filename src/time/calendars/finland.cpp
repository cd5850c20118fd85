// Finland: the days velkakirjalaki (622/1947) 5 § 2 mom. (as amended by 958/1999) names — a
// payment falling due on a Saturday, a holiday, Independence Day, 1 May, Christmas Eve or
// Midsummer Eve may be made on the next weekday (legal.md §5.4). These include every TARGET
// closing day (1 Jan, Good Friday, Easter Monday, 1 May, 25 and 26 Dec). New Year's Eve is not
// on the list. History before 958/1999 (e.g. Epiphany and Ascension moved to Saturdays in
// 1973-1990) is not modelled.
#include "kreditor/time/calendars.hpp"
#include "time/holiday_rules.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace {
using detail::day_facts;
using detail::friday;
using detail::saturday;

const char* finland_due_date_holiday(const day_facts& f) noexcept {
  // clang-format off
  if (f.month == 1  && f.day == 1)                  return "New Year's Day";     // uudenvuodenpäivä, holiday (TARGET closed)
  if (f.month == 1  && f.day == 6)                  return "Epiphany";           // loppiainen, holiday
  if (f.easter_offset(-2))                          return "Good Friday";        // pitkäperjantai, holiday (TARGET closed)
  if (f.easter_offset(0))                           return "Easter Sunday";      // pääsiäispäivä, holiday
  if (f.easter_offset(1))                           return "Easter Monday";      // 2. pääsiäispäivä, holiday (TARGET closed)
  if (f.month == 5  && f.day == 1)                  return "May Day";            // vappu: named in velkakirjalaki 5 § (TARGET closed)
  if (f.easter_offset(39))                          return "Ascension Day";      // helatorstai, holiday
  if (f.easter_offset(49))                          return "Whit Sunday";        // helluntaipäivä, holiday
  if (f.weekday_between(friday, 6, 19, 6, 25))      return "Midsummer Eve";      // juhannusaatto: named in velkakirjalaki 5 §
  if (f.weekday_between(saturday, 6, 20, 6, 26))    return "Midsummer Day";      // juhannuspäivä, holiday
  if (f.weekday_between(saturday, 10, 31, 11, 6))   return "All Saints' Day";    // pyhäinpäivä, holiday
  if (f.month == 12 && f.day == 6)                  return "Independence Day";   // itsenäisyyspäivä: named in velkakirjalaki 5 §
  if (f.month == 12 && f.day == 24)                 return "Christmas Eve";      // jouluaatto: named in velkakirjalaki 5 §
  if (f.month == 12 && f.day == 25)                 return "Christmas Day";      // joulupäivä, holiday (TARGET closed)
  if (f.month == 12 && f.day == 26)                 return "Boxing Day";         // tapaninpäivä, holiday (TARGET closed)
  // clang-format on
  return nullptr;
}

}  // namespace

calendar finland() {
  static const calendar c = detail::calendar_access::from_rules("FI", {&finland_due_date_holiday});
  return c;
}

KREDITOR_NAMESPACE_END
