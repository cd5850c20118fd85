// -----------------------------------------------------------------------------
// File: kreditor/terms/notation.hpp
// -----------------------------------------------------------------------------
//
// Payment terms to and from the text printed on invoices, in English trade notation and
// the Nordic forms. Parsing is case-insensitive, tolerant of spacing, and allocates
// nothing unless it fails; format() writes one canonical English spelling per form, and
// parse(format(t)) == t for every valid `t`.
//
//   payment_terms t = parse_terms("30 dager netto").value();   // == payment_terms{.net = 30}
//   format(parse_terms("LM+30").value()) == "net 30 EOM";
//   parse_terms("net x").error().message
//       == "terms: at 5: expected a number of days after 'net' (in 'net x')";
//
// Accepted forms (any case, any spacing; N, D whole numbers; R a percentage such as 2, 1.5 or,
// with a Nordic decimal comma, 2,5; A an amount such as 1000.00 or 1000,00):
//   net N | n/N | nN | net N days | N days | netto N | N netto | N dager/dagar/dage netto |
//   netto N dager/dagar/dage | N pv/päivää netto | netto N pv
//   R/D net N | R%/D n/N | R/D, R/D, net N                  (discount tiers, up to 4)
//   R % D dagar, netto N dagar                               (the Nordic tier: '%' before D)
//
// The decimal comma: a comma between two digits is a decimal comma ("2,5/10 netto 30" is
// 2.5 % within 10 days) except right after '/', '+', 'net'/'n'/'netto' or 'cutoff', where only
// a whole number can stand; there, and wherever a space follows it, a comma separates items:
// "2/10,1/20,net 45" and "2/10, 1/20, net 45" are two tiers, "2,5/10, 1/20, net 45" is 2.5 %
// then 1 %. format() always writes a decimal POINT (one canonical spelling; a comma there
// would be ambiguous in the tier lists it writes).
//   ... EOM (anywhere after a period) | net N EOM cutoff C   (end of month; cut-off day C)
//   løbende/löpande/løpende måned/månad + N | lb. md. + N | LM+N     (= net N EOM)
//   N prox | net N prox | net Nth prox | R/D net N prox       (day N of the following month)
//   net N months | net N month | net N months snap           (calendar months; snap: month
//                                                             ends stay month ends)
//   P% net N, P% net N | A net N, balance net N              (instalments: percent, fixed
//                                                             amount A, or the balance; two
//                                                             may share a day: periods never fall)
//   P% net N, P% net N end of month                          (a schedule mixing plain and
//                                                             end-of-month lines: 'end of month'
//                                                             after ONE instalment's period is that
//                                                             line's own, 'then EOM' meaning; EOM,
//                                                             prox and 'then' apply to all lines;
//                                                             "50% 30 days" is the Nordic discount
//                                                             tier "R % D dagar", so 'net' is needed)
//   net N end of month                                       (= net N then EOM)
//   net N then EOM                                           (the end of the month in which the
//                                                             date + N days falls: ERP "N days EOM")
//   net N then day D                                         (N days, then day D of the following
//                                                             month: Odoo "days_end_of_month_on_the")
//   due on receipt | on receipt | kontant | netto kontant
//   COD | cash on delivery | efterkrav | oppkrav | postoppkrav
//   CIA | cash in advance | prepayment | prepaid | forskudd | forskud | förskott
//   any of the above followed by "; interest R%" and/or "; reminder fee" (term_clauses)
//
// Canonical spellings written by format():
//   "net 30", "net 2 months", "net 2 months snap", "2/10 net 30", "2/10, 1/20, net 45"
//   (", " before "net" only with two or more tiers), "net 30 EOM", "1/10 net 30 EOM",
//   "net 30 EOM cutoff 25", "net 10 prox", "2/10 net 25 prox", "50% net 30, 50% net 60",
//   "1000.00 net 30, balance net 60 EOM" (EOM/prox once, at the end: they apply to the whole
//   terms), "net 30 then EOM", "net 30 then day 10", "50% net 30, 50% net 30 end of month", "due on receipt", "COD", "CIA", then "; interest 12%" and "; reminder fee".
#ifndef KREDITOR_TERMS_NOTATION_HPP
#define KREDITOR_TERMS_NOTATION_HPP

#include <string>
#include <string_view>

#include "kreditor/core/result.hpp"
#include "kreditor/terms/payment_terms.hpp"

KREDITOR_NAMESPACE_BEGIN

/// The longest text parse_terms() accepts, in bytes.
inline constexpr std::size_t max_terms_text = 1024;

/// Parses payment terms. Failure is errc::invalid_argument with a message that says where
/// (1-based character position) and why: "terms: at 5: expected a number of days after 'net'
/// (in 'net x')". Allocation-free on success.
[[nodiscard]] result<payment_terms> parse_terms(std::string_view text);

/// The canonical English notation of `t` (see the file comment).
/// \throws error(invalid_argument) when invalid_reason(t) is not empty.
[[nodiscard]] std::string format(const payment_terms& t);

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_TERMS_NOTATION_HPP
