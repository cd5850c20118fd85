// Sweden: the Riksbank's bank holidays (legal.md §5.2) = allmänna helgdagar (lag 1989:253)
// plus the eves that skuldebrevslagen 5 § treats as holidays. Effective-dated where
// SFS 2004:1320 changed the list (from 2005). Earlier history (the pre-1953 fixed Midsummer
// and All Saints' days, older holiday laws) is not modelled: the 1989 law is projected back.
#include "kreditor/time/calendars.hpp"
#include "time/holiday_rules.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace {
using detail::day_facts;
using detail::friday;
using detail::saturday;

const char* sweden_bank_holiday(const day_facts& f) noexcept {
  // clang-format off
  if (f.month == 1  && f.day == 1)                          return "New Year's Day";    // nyårsdagen, lag 1989:253 § 1
  if (f.month == 1  && f.day == 6)                          return "Epiphany";          // trettondedag jul, lag 1989:253 § 1
  if (f.easter_offset(-2))                                  return "Good Friday";       // långfredagen, lag 1989:253 § 1
  if (f.easter_offset(0))                                   return "Easter Sunday";     // påskdagen, lag 1989:253 § 1
  if (f.easter_offset(1))                                   return "Easter Monday";     // annandag påsk, lag 1989:253 § 1
  if (f.month == 5  && f.day == 1)                          return "May Day";           // första maj, lag 1989:253 § 1
  if (f.easter_offset(39))                                  return "Ascension Day";     // Kristi himmelsfärdsdag, lag 1989:253 § 1
  if (f.easter_offset(49))                                  return "Whit Sunday";       // pingstdagen, lag 1989:253 § 1
  if (f.easter_offset(50) && f.year <= 2004)                return "Whit Monday";       // annandag pingst, removed from 2005 by SFS 2004:1320
  if (f.month == 6  && f.day == 6 && f.year >= 2005)        return "National Day";      // Sveriges nationaldag, added from 2005 by SFS 2004:1320
  if (f.weekday_between(friday, 6, 19, 6, 25))              return "Midsummer Eve";     // midsommarafton: bank holiday (Riksbank), skuldebrevslagen 5 §
  if (f.weekday_between(saturday, 6, 20, 6, 26))            return "Midsummer Day";     // midsommardagen, lag 1989:253 § 1
  if (f.weekday_between(saturday, 10, 31, 11, 6))           return "All Saints' Day";   // alla helgons dag, lag 1989:253 § 1
  if (f.month == 12 && f.day == 24)                         return "Christmas Eve";     // julafton: bank holiday (Riksbank), skuldebrevslagen 5 §
  if (f.month == 12 && f.day == 25)                         return "Christmas Day";     // juldagen, lag 1989:253 § 1
  if (f.month == 12 && f.day == 26)                         return "Boxing Day";        // annandag jul, lag 1989:253 § 1
  if (f.month == 12 && f.day == 31)                         return "New Year's Eve";    // nyårsafton: bank holiday (Riksbank), skuldebrevslagen 5 §
  // clang-format on
  return nullptr;
}

}  // namespace

calendar sweden() {
  static const calendar c = detail::calendar_access::from_rules("SE", {&sweden_bank_holiday});
  return c;
}

KREDITOR_NAMESPACE_END
