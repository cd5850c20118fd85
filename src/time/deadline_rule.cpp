#include "kreditor/time/deadline_rule.hpp"

#include <string>

#include "kreditor/time/calendars.hpp"

KREDITOR_NAMESPACE_BEGIN

deadline_rule statutory_deadline_rule(jurisdiction j) {
  using enum business_day_convention;
  switch (j) {
    // gjeldsbrevloven § 5: Sunday/holiday, Saturday, 1 and 17 May -> next working day. The law
    // names holidays, so Norges Bank's extra 24 Dec closing does not move a due date.
    case jurisdiction::no: return {norway_public_holidays(), following};
    // skuldebrevslagen 5 §: Sunday/public holiday, Saturday, Midsummer, Christmas, New Year's Eve.
    case jurisdiction::se: return {sweden(), following};
    // velkakirjalaki 5 § 2 mom.: Saturday, holiday, 6 Dec, 1 May, Christmas and Midsummer Eve.
    case jurisdiction::fi: return {finland(), following};
    // No general statutory shift (UGD 2021.32.1; legal.md §5.3 UNCERTAIN): configurable.
    case jurisdiction::dk: return {denmark(), unadjusted};
    // Directive 2011/7/EU has no weekend/holiday rule: the national rule applies.
    case jurisdiction::eu: return {weekends_only(), unadjusted};
  }
  throw error(errc::invalid_argument,
              "statutory_deadline_rule: unknown jurisdiction " + std::to_string(static_cast<int>(j)));
}

KREDITOR_NAMESPACE_END
