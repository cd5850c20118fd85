// Norway: Norges Bank's settlement days (legal.md §5.1).
// Rules are the current statutes projected over the whole table; their history before the
// statutes cited here is not modelled.
#include "kreditor/time/calendars.hpp"
#include "time/holiday_rules.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace {
using detail::day_facts;

// The public holidays: lov om helligdager og helligdagsfred § 2 (helligdager) and lov om 1. og
// 17. mai (høgtidsdager). Sundays are weekend days anyway. One line per holiday.
const char* norway_public(const day_facts& f) noexcept {
  // clang-format off
  if (f.month == 1  && f.day == 1)   return "New Year's Day";      // nyttårsdag, helligdagsloven § 2
  if (f.easter_offset(-3))           return "Maundy Thursday";     // skjærtorsdag, helligdagsloven § 2
  if (f.easter_offset(-2))           return "Good Friday";         // langfredag, helligdagsloven § 2
  if (f.easter_offset(0))            return "Easter Sunday";       // 1. påskedag, helligdagsloven § 2
  if (f.easter_offset(1))            return "Easter Monday";       // 2. påskedag, helligdagsloven § 2
  if (f.month == 5  && f.day == 1)   return "Labour Day";          // 1. mai, lov om 1. og 17. mai § 1
  if (f.month == 5  && f.day == 17)  return "Constitution Day";    // 17. mai, lov om 1. og 17. mai § 1
  if (f.easter_offset(39))           return "Ascension Day";       // Kristi himmelfartsdag, helligdagsloven § 2
  if (f.easter_offset(49))           return "Whit Sunday";         // 1. pinsedag, helligdagsloven § 2
  if (f.easter_offset(50))           return "Whit Monday";         // 2. pinsedag, helligdagsloven § 2
  if (f.month == 12 && f.day == 25)  return "Christmas Day";       // 1. juledag, helligdagsloven § 2
  if (f.month == 12 && f.day == 26)  return "Boxing Day";          // 2. juledag, helligdagsloven § 2
  // clang-format on
  return nullptr;
}

// Norges Bank's settlement system (NBO) is also closed on these weekdays.
const char* norges_bank_closed(const day_facts& f) noexcept {
  // clang-format off
  if (f.month == 12 && f.day == 24)  return "Christmas Eve";       // julaften: NBO settlement days list (2017, 2019)
  // 31 Dec is NOT closed: absent from NBO's 2019 list (a Tuesday); banks' branch practice UNCERTAIN.
  // clang-format on
  return nullptr;
}

}  // namespace

calendar norway() {
  static const calendar c = detail::calendar_access::from_rules("NO", {&norway_public, &norges_bank_closed});
  return c;
}

calendar norway_public_holidays() {
  static const calendar c = detail::calendar_access::from_rules("NO-public", {&norway_public});
  return c;
}

KREDITOR_NAMESPACE_END
