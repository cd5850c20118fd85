// Denmark: Nationalbanken's bank closing days, banklukkedage (legal.md §5.3) = helligdage plus
// the Friday after Ascension, Constitution Day and 24 and 31 December. Effective-dated where
// the law changed: Store Bededag abolished from 2024; the Friday after Ascension a bank closing
// day from 2009 (UNCERTAIN start, see below). Other history is not modelled.
#include "kreditor/time/calendars.hpp"
#include "time/holiday_rules.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace {
using detail::day_facts;

// The Friday after Ascension is on Nationalbanken's banklukkedage lists (2026, 2027; legal.md
// §5.3) but not on a 2006 Danish bankers' list (independent review of 2026-12). UNCERTAIN: the
// first year was not confirmed from a source; 2009 is the year the Danish banking sector is
// remembered to have made it a closing day, and lies after the 2006 list. Change this one
// constant when a source settles it.
constexpr int friday_after_ascension_from = 2009;

const char* denmark_bank_closing_day(const day_facts& f) noexcept {
  // clang-format off
  if (f.month == 1  && f.day == 1)                return "New Year's Day";            // nytårsdag, helligdag
  if (f.easter_offset(-3))                        return "Maundy Thursday";           // skærtorsdag, helligdag
  if (f.easter_offset(-2))                        return "Good Friday";               // langfredag, helligdag
  if (f.easter_offset(0))                         return "Easter Sunday";             // påskedag, helligdag
  if (f.easter_offset(1))                         return "Easter Monday";             // 2. påskedag, helligdag
  if (f.easter_offset(26) && f.year <= 2023)      return "General Prayer Day";        // store bededag, helligdag up to 2023; abolished from 1 Jan 2024 (law of 28 Feb 2023)
  if (f.easter_offset(39))                        return "Ascension Day";             // Kristi himmelfartsdag, helligdag
  if (f.easter_offset(40) && f.year >= friday_after_ascension_from)
                                                  return "Day after Ascension Day";   // fredag efter Kristi himmelfart: banklukkedag (Nationalbanken) from 2009 (UNCERTAIN start)
  if (f.easter_offset(49))                        return "Whit Sunday";               // pinsedag, helligdag
  if (f.easter_offset(50))                        return "Whit Monday";               // 2. pinsedag, helligdag
  if (f.month == 6  && f.day == 5)                return "Constitution Day";          // grundlovsdag: banklukkedag (Nationalbanken)
  if (f.month == 12 && f.day == 24)               return "Christmas Eve";             // juleaftensdag: banklukkedag (Nationalbanken)
  if (f.month == 12 && f.day == 25)               return "Christmas Day";             // juledag, helligdag
  if (f.month == 12 && f.day == 26)               return "Boxing Day";                // 2. juledag, helligdag
  if (f.month == 12 && f.day == 31)               return "New Year's Eve";            // nytårsaftensdag: banklukkedag (Nationalbanken)
  // 1 May is not a holiday and not a bank closing day (legal.md §5.3).
  // clang-format on
  return nullptr;
}

}  // namespace

calendar denmark() {
  static const calendar c = detail::calendar_access::from_rules("DK", {&denmark_bank_closing_day});
  return c;
}

KREDITOR_NAMESPACE_END
