// -----------------------------------------------------------------------------
// File: kreditor/time/deadline_rule.hpp
// -----------------------------------------------------------------------------
//
// What the law does with a due date or deadline that falls on a non-business day:
// a calendar and a roll convention, per jurisdiction (legal.md §5).
//
//   deadline_rule r = statutory_deadline_rule(jurisdiction::no);
//   apply(r, make_date(2024, 5, 17)) == make_date(2024, 5, 21);  // 17 May, then Whit Monday 20 May
//   apply(statutory_deadline_rule(jurisdiction::dk), sat) == sat;  // no general shift in DK
#ifndef KREDITOR_TIME_DEADLINE_RULE_HPP
#define KREDITOR_TIME_DEADLINE_RULE_HPP

#include "kreditor/core/jurisdiction.hpp"
#include "kreditor/time/business_day_convention.hpp"
#include "kreditor/time/calendar.hpp"
#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN

/// A calendar plus how a date off it is moved. Configurable: a contract may agree another.
struct deadline_rule {
  calendar cal;                                                          ///< whose days count
  business_day_convention convention = business_day_convention::following;  ///< how to roll
};

/// The statutory rule per jurisdiction:
/// - NO: gjeldsbrevloven § 5 — a due date or deadline on a Sunday/holiday, a Saturday, 1 or
///   17 May moves to the next working day: following on norway_public_holidays() (the law
///   names holidays, not Norges Bank's 24 Dec closing).
/// - SE: skuldebrevslagen 5 § — Sunday/public holiday, Saturday, Midsummer, Christmas and
///   New Year's Eve: following on sweden().
/// - FI: velkakirjalaki 5 § 2 mom. — Saturday, holiday, Independence Day, 1 May, Christmas
///   and Midsummer Eve: following on finland().
/// - DK: no general statutory shift for ordinary invoices (UGD 2021.32.1; legal.md §5.3,
///   UNCERTAIN): unadjusted on denmark(); set convention = following where a contract or a
///   specific law (erhvervslejeloven § 43, forældelsesloven § 27) shifts.
/// - EU: Directive 2011/7/EU has no weekend rule: unadjusted, weekends only (use the
///   national rule where one applies).
[[nodiscard]] deadline_rule statutory_deadline_rule(jurisdiction j);

/// The date on which the due date / deadline d actually falls under r.
[[nodiscard]] inline date apply(const deadline_rule& r, date d) { return r.cal.adjust(d, r.convention); }

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_TIME_DEADLINE_RULE_HPP
