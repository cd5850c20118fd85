#include "kreditor/terms/due_dates.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <ostream>
#include <random>
#include <string>
#include <vector>

#include "kreditor/terms/notation.hpp"
#include "kreditor/time/calendars.hpp"
#include "support/errors.hpp"
#include "unit/terms/random_terms.hpp"
#include "support/shorthand.hpp"

namespace kreditor {
namespace {

using namespace kreditor::literals;
using iso4217::nok;
using test_support::thrown_code;

using test_support::d;

// One row per term form: text, invoice (and delivery) date, expected unadjusted due date and
// discount deadlines. Every expectation was counted by hand on a calendar.
struct DueCase {
  std::string terms;
  date issued;
  std::optional<date> delivered;
  date due;
  std::vector<date> discount_deadlines;
  friend std::ostream& operator<<(std::ostream& os, const DueCase& c) {
    return os << "'" << c.terms << "' issued " << to_string(c.issued) << " -> " << to_string(c.due);
  }
};

class TermsDueDate : public ::testing::TestWithParam<DueCase> {};

TEST_P(TermsDueDate, CountsFromTheInvoiceOrDeliveryDate) {
  const DueCase& c = GetParam();
  const payment_terms t = parse_terms(c.terms).value();
  const invoice_dates dates{c.issued, c.delivered};
  EXPECT_EQ(due_date(t, dates), c.due);
  std::vector<date> deadlines;
  for (const dated_discount& x : discount_deadlines(t, dates)) deadlines.push_back(x.deadline);
  EXPECT_EQ(deadlines, c.discount_deadlines);
}

INSTANTIATE_TEST_SUITE_P(EveryForm, TermsDueDate, ::testing::Values(
    DueCase{"net 30", d(2026, 1, 15), {}, d(2026, 2, 14), {}},
    DueCase{"30 dager netto", d(2026, 1, 15), {}, d(2026, 2, 14), {}},
    DueCase{"14 pv netto", d(2026, 1, 15), {}, d(2026, 1, 29), {}},
    DueCase{"net 30", d(2026, 1, 15), d(2026, 1, 20), d(2026, 2, 19), {}},   // from delivery
    DueCase{"2/10 net 30", d(2026, 1, 15), {}, d(2026, 2, 14), {d(2026, 1, 25)}},
    DueCase{"2/10, 1/20, net 45", d(2026, 1, 15), {}, d(2026, 3, 1), {d(2026, 1, 25), d(2026, 2, 4)}},
    DueCase{"net 30 EOM", d(2026, 1, 15), {}, d(2026, 3, 2), {}},            // Jan 31 + 30
    DueCase{"1/10 EOM net 30", d(2026, 1, 15), {}, d(2026, 3, 2), {d(2026, 2, 10)}},
    DueCase{"løbende måned + 30", d(2026, 1, 31), {}, d(2026, 3, 2), {}},
    DueCase{"net 30 EOM cutoff 25", d(2026, 1, 25), {}, d(2026, 3, 2), {}},   // on the cut-off
    DueCase{"net 30 EOM cutoff 25", d(2026, 1, 26), {}, d(2026, 3, 30), {}},  // after: Feb 28 + 30
    DueCase{"10 prox", d(2026, 1, 15), {}, d(2026, 2, 10), {}},
    DueCase{"net 10th prox", d(2026, 12, 31), {}, d(2027, 1, 10), {}},        // over the year end
    DueCase{"net 10 prox cutoff 25", d(2026, 1, 26), {}, d(2026, 3, 10), {}},
    DueCase{"net 30 prox", d(2026, 1, 5), {}, d(2026, 2, 28), {}},            // clamped to February
    DueCase{"2/10 net 25 prox", d(2026, 1, 5), {}, d(2026, 2, 25), {d(2026, 2, 10)}},
    DueCase{"net 2 months", d(2026, 1, 15), {}, d(2026, 3, 15), {}},
    DueCase{"net 1 month", d(2026, 1, 31), {}, d(2026, 2, 28), {}},          // clamp
    DueCase{"net 1 month snap", d(2023, 2, 28), {}, d(2023, 3, 31), {}},     // month end stays
    DueCase{"net 1 month", d(2023, 2, 28), {}, d(2023, 3, 28), {}},
    DueCase{"50% net 30, 50% net 60", d(2026, 1, 15), {}, d(2026, 3, 16), {}},
    DueCase{"due on receipt", d(2026, 1, 15), d(2026, 1, 20), d(2026, 1, 15), {}},
    DueCase{"COD", d(2026, 1, 15), d(2026, 1, 20), d(2026, 1, 20), {}},
    DueCase{"COD", d(2026, 1, 15), {}, d(2026, 1, 15), {}},
    DueCase{"CIA", d(2026, 1, 15), d(2026, 1, 20), d(2026, 1, 15), {}}));

INSTANTIATE_TEST_SUITE_P(LeapYears, TermsDueDate, ::testing::Values(
    DueCase{"net 30", d(2024, 1, 30), {}, d(2024, 2, 29), {}},
    DueCase{"net 30 EOM", d(2024, 1, 10), {}, d(2024, 3, 1), {}},           // Jan 31 + 30
    DueCase{"net 30 prox", d(2024, 1, 5), {}, d(2024, 2, 29), {}},
    DueCase{"net 1 month", d(2024, 1, 31), {}, d(2024, 2, 29), {}},
    DueCase{"net 12 months", d(2024, 2, 29), {}, d(2025, 2, 28), {}},
    DueCase{"net 12 months snap", d(2023, 2, 28), {}, d(2024, 2, 29), {}},
    DueCase{"løbende måned + 0", d(2024, 2, 3), {}, d(2024, 2, 29), {}}));

// Non-business days: the statutory rules of legal.md §5 through deadline_rule.
struct RollCase {
  std::string terms;
  const char* jurisdiction;
  date issued;
  date due;
  friend std::ostream& operator<<(std::ostream& os, const RollCase& c) {
    return os << c.terms << " " << c.jurisdiction << " " << to_string(c.issued);
  }
};

class TermsDueDateRolled : public ::testing::TestWithParam<RollCase> {};

TEST_P(TermsDueDateRolled, MovesOffNonBusinessDaysByTheStatutoryRule) {
  const RollCase& c = GetParam();
  const deadline_rule rule = statutory_deadline_rule(parse_jurisdiction(c.jurisdiction).value());
  EXPECT_EQ(due_date(parse_terms(c.terms).value(), c.issued, rule), c.due);
}

INSTANTIATE_TEST_SUITE_P(Nordic, TermsDueDateRolled, ::testing::Values(
    RollCase{"net 30", "NO", d(2026, 1, 15), d(2026, 2, 16)},   // Sat 14 Feb -> Mon 16 Feb
    RollCase{"net 30", "NO", d(2024, 4, 17), d(2024, 5, 21)},   // 17 May, Whit Monday 20 May
    RollCase{"net 30", "SE", d(2026, 5, 20), d(2026, 6, 22)},   // Midsummer Eve Fri 19 Jun
    RollCase{"net 30", "FI", d(2026, 11, 24), d(2026, 12, 28)}, // Christmas Eve .. Sun 27 Dec
    RollCase{"net 30", "DK", d(2026, 1, 15), d(2026, 2, 14)},   // no general shift in DK
    RollCase{"net 30", "NO", d(2026, 1, 16), d(2026, 2, 16)}));  // Sun 15 Feb -> Mon 16 Feb

TEST(TermsDueDate, DiscountDeadlineMovesLikeTheDueDate) {
  const payment_terms t = parse_terms("2/10 net 30").value();
  const deadline_rule no = statutory_deadline_rule(jurisdiction::no);
  const auto deadlines = discount_deadlines(t, invoice_dates{d(2026, 1, 21)}, no);
  ASSERT_EQ(deadlines.size(), 1u);
  EXPECT_EQ(deadlines[0].deadline, d(2026, 2, 2));  // Sat 31 Jan -> Mon 2 Feb
  EXPECT_EQ(deadlines[0].discount, 2_pct);
}

TEST(TermsDueDate, ChosenCalendarAndConvention) {
  const payment_terms t = parse_terms("net 30").value();
  const deadline_rule preceding{sweden(), business_day_convention::preceding};
  EXPECT_EQ(due_date(t, d(2026, 5, 20), preceding), d(2026, 6, 18));  // before Midsummer Eve
}

TEST(TermsDueDate, BatchEqualsScalar) {
  const payment_terms t = parse_terms("1/10 net 30 EOM cutoff 25").value();
  const deadline_rule no = statutory_deadline_rule(jurisdiction::no);
  std::vector<std::int32_t> issued, out(800);
  for (int i = 0; i < 800; ++i) issued.push_back(day_number(d(2024, 1, 1)) + i);
  for (const char* text : {"1/10 net 30 EOM cutoff 25", "net 30", "net 2 months", "10 prox"}) {
    for (const deadline_rule* roll : {&no, &no_adjustment()}) {
      const payment_terms u = parse_terms(text).value();
      due_dates(u, issued, out, *roll);
      for (std::size_t i = 0; i < issued.size(); ++i)
        ASSERT_EQ(out[i], day_number(due_date(u, from_day_number(issued[i]), *roll))) << text;
    }
  }
  std::vector<std::int32_t> short_out(3);
  EXPECT_EQ(thrown_code([&] { due_dates(t, issued, short_out); }), errc::invalid_argument);
}

// Issue 13: forms other systems have. 15 Jan 2026 + 30 days = 14 Feb 2026.
TEST(TermsDueDate, EndOfTheMonthInWhichThePeriodEnds) {
  const payment_terms t = parse_terms("net 30 then EOM").value();
  EXPECT_EQ(due_date(t, d(2026, 1, 15)), d(2026, 2, 28));
  EXPECT_EQ(due_date(t, d(2026, 1, 1)), d(2026, 1, 31));   // + 30 = 31 Jan
  EXPECT_EQ(due_date(t, d(2026, 1, 2)), d(2026, 2, 28));   // + 30 = 1 Feb
  // Not the Nordic "net 30 EOM" (end of the invoice's month, then 30 days).
  EXPECT_EQ(due_date(parse_terms("net 30 EOM").value(), d(2026, 1, 15)), d(2026, 3, 2));
}

TEST(TermsDueDate, DaysThenADayOfTheFollowingMonth) {
  const payment_terms t = parse_terms("net 30 then day 10").value();
  EXPECT_EQ(due_date(t, d(2026, 1, 15)), d(2026, 3, 10));  // 14 Feb + 30 -> end of Feb + 10
  EXPECT_EQ(due_date(t, d(2026, 1, 1)), d(2026, 2, 10));   // 31 Jan -> 10 Feb
  // Odoo adds the days to the month end: day 31 after a 30-day month is the 1st after it.
  EXPECT_EQ(due_date(parse_terms("net 0 then day 31").value(), d(2026, 3, 5)), d(2026, 5, 1));
}

TEST(TermsDueDate, TwoInstallmentsOnOneDay) {
  const payment_terms t = parse_terms("30% net 0, 20% net 0, 50% net 30").value();
  EXPECT_EQ(installment_due_date(t, 0, invoice_dates{d(2026, 1, 15)}), d(2026, 1, 15));
  EXPECT_EQ(installment_due_date(t, 1, invoice_dates{d(2026, 1, 15)}), d(2026, 1, 15));
  EXPECT_EQ(installment_due_date(t, 2, invoice_dates{d(2026, 1, 15)}), d(2026, 2, 14));
  EXPECT_EQ(format(t), "30% net 0, 20% net 0, 50% net 30");
  EXPECT_FALSE(parse_terms("50% net 30, 50% net 20").has_value());  // never earlier
}

TEST(TermsDueDate, InstallmentDatesAndBadIndex) {
  const payment_terms t = parse_terms("50% net 30, 50% net 60").value();
  EXPECT_EQ(installment_due_date(t, 0, invoice_dates{d(2026, 1, 15)}), d(2026, 2, 14));
  EXPECT_EQ(installment_due_date(t, 1, invoice_dates{d(2026, 1, 15)}), d(2026, 3, 16));
  EXPECT_EQ(thrown_code([&] { (void)installment_due_date(t, 2, invoice_dates{d(2026, 1, 15)}); }),
            errc::out_of_range);
  EXPECT_EQ(thrown_code([] { (void)due_date(payment_terms{.net = 99'999}, d(2026, 1, 1)); }),
            errc::invalid_argument);
}

// --- the integer fast path against the first (Boost) implementation ---------------------------

// The due-date rules as the first implementation computed them, with Boost dates field by field
// (date.hpp's make_date, add_months, end_of_month). The oracle for the integer civil-date kernel.
date reference_period_end(const payment_terms& t, date start, std::int32_t n, term_unit unit) {
  if (t.anchor != term_anchor::invoice_date) {
    date month = make_date(start.year(), start.month(), 1);  // the month counting refers to
    if (t.cutoff_day != 0 && start.day() > t.cutoff_day) month = add_months(month, 1, month_end::clamp);
    if (t.anchor == term_anchor::proximo) {
      const date next = add_months(month, 1, month_end::clamp);
      return make_date(next.year(), next.month(), std::min<int>(n, end_of_month(next).day()));
    }
    start = end_of_month(month);
  }
  if (unit == term_unit::month) return add_months(start, n, t.month_end_rule);
  return start + days(n);
}

date reference_due(const payment_terms& t, invoice_dates dates) {
  const date start = dates.delivered.value_or(dates.issued);
  switch (t.kind) {
    case term_kind::net:
      return reference_period_end(t, start, t.net, t.unit);
    case term_kind::installments:
      return reference_period_end(t, start, t.installments.back().net, t.installments.back().unit);
    case term_kind::cash_on_delivery:
      return start;
    case term_kind::due_on_receipt:
    case term_kind::cash_in_advance:
      break;
  }
  return dates.issued;
}

TEST(TermsDueDate, IntegerKernelEqualsTheBoostReferenceOnRandomTermsAndDates) {
  std::mt19937_64 rng(20261123);
  const deadline_rule no = statutory_deadline_rule(jurisdiction::no);
  const deadline_rule se_modified{sweden(), business_day_convention::modified_following};
  std::uniform_int_distribution<std::int32_t> any_day(day_number(d(1900, 1, 1)), day_number(d(2189, 12, 31)));
  std::vector<std::int32_t> issued(64), out(64);
  int month_ends = 0;
  for (int i = 0; i < 4'000; ++i) {
    const payment_terms t = test_support::random_terms(rng);
    // Scalar: due date, every instalment, every discount deadline, from invoice or delivery.
    for (int k = 0; k < 8; ++k) {
      const date issue = from_day_number(any_day(rng));
      invoice_dates dates{issue};
      if (k % 2 == 1) dates.delivered = issue + days(std::uniform_int_distribution<int>(0, 60)(rng));
      const std::string what = format(t) + " issued " + to_string(issue);
      ASSERT_EQ(due_date(t, dates), reference_due(t, dates)) << what;
      const date start = dates.delivered.value_or(dates.issued);
      for (std::size_t j = 0; j < t.installments.size(); ++j)
        ASSERT_EQ(installment_due_date(t, j, dates),
                  reference_period_end(t, start, t.installments[j].net, t.installments[j].unit))
            << what;
      const auto deadlines = discount_deadlines(t, dates);
      for (std::size_t j = 0; j < deadlines.size(); ++j)
        ASSERT_EQ(deadlines[j].deadline,
                  reference_period_end(t, start, t.discounts[j].within_days, term_unit::day))
            << what;
      month_ends += t.anchor != term_anchor::invoice_date;
    }
    // Batch, with and without a roll.
    for (std::int32_t& day : issued) day = any_day(rng);
    for (const deadline_rule* roll : {&no_adjustment(), &no, &se_modified}) {
      due_dates(t, issued, out, *roll);
      for (std::size_t j = 0; j < issued.size(); ++j)
        ASSERT_EQ(out[j], day_number(apply(*roll, reference_due(t, invoice_dates{from_day_number(issued[j])}))))
            << format(t) << " issued " << to_string(from_day_number(issued[j]));
    }
  }
  EXPECT_GT(month_ends, 10'000);  // end-of-month and proximo forms were really exercised
}

TEST(TermsDueDate, ALaterInvoiceIsNeverDueEarlier) {
  // The batch kernel checks the range of its results on the latest issue date only, which is
  // right because every form is monotone: over runs of consecutive days (month ends, cut-offs,
  // February, leap years) the due date never decreases.
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<std::int32_t> any_day(day_number(d(1990, 1, 1)), day_number(d(2100, 1, 1)));
  std::vector<std::int32_t> issued(800), out(800);
  for (int i = 0; i < 2'000; ++i) {
    const payment_terms t = test_support::random_terms(rng);
    const std::int32_t first = any_day(rng);
    for (std::size_t k = 0; k < issued.size(); ++k) issued[k] = first + static_cast<std::int32_t>(k);
    due_dates(t, issued, out);
    for (std::size_t k = 1; k < out.size(); ++k)
      ASSERT_LE(out[k - 1], out[k]) << format(t) << " issued " << to_string(from_day_number(issued[k]));
  }
}

TEST(TermsDueDate, DatesOutsideTheCalendarAreOutOfRange) {
  const payment_terms net60 = parse_terms("net 60").value();
  const payment_terms eom = parse_terms("net 30 EOM").value();
  EXPECT_EQ(due_date(net60, d(9999, 10, 31)), d(9999, 12, 30));
  EXPECT_EQ(thrown_code([&] { (void)due_date(net60, d(9999, 12, 1)); }), errc::out_of_range);
  EXPECT_EQ(thrown_code([&] { (void)due_date(eom, d(9999, 12, 1)); }), errc::out_of_range);
  std::vector<std::int32_t> out(1);
  const std::int32_t late[] = {day_number(d(9999, 12, 1))};
  EXPECT_EQ(thrown_code([&] { due_dates(net60, late, out); }), errc::out_of_range);
  const std::int32_t mixed[] = {day_number(d(9999, 12, 20)), day_number(d(2026, 1, 15))};  // latest first
  std::vector<std::int32_t> two_out(2);
  EXPECT_EQ(thrown_code([&] { due_dates(eom, mixed, two_out); }), errc::out_of_range);
  EXPECT_EQ(thrown_code([&] { due_dates(parse_terms("net 1 month").value(), mixed, two_out); }),
            errc::out_of_range);
  for (const std::int32_t bad : {day_number(d(1400, 1, 1)) - 1, day_number(d(9999, 12, 31)) + 1,
                                 std::numeric_limits<std::int32_t>::min()}) {
    const std::int32_t in[] = {day_number(d(2026, 1, 15)), bad};
    std::vector<std::int32_t> two(2);
    EXPECT_EQ(thrown_code([&] { due_dates(eom, in, two); }), errc::out_of_range) << bad;
  }
}

TEST(TermsDueDate, BatchOfCashTermsIsTheInvoiceDate) {
  const std::int32_t in[] = {day_number(d(2026, 1, 17)), day_number(d(2026, 1, 20))};
  std::vector<std::int32_t> out(2);
  for (const char* text : {"COD", "CIA", "due on receipt"}) {
    due_dates(parse_terms(text).value(), in, out);
    EXPECT_EQ(out, (std::vector<std::int32_t>{in[0], in[1]})) << text;
    due_dates(parse_terms(text).value(), in, out, statutory_deadline_rule(jurisdiction::no));
    EXPECT_EQ(out, (std::vector<std::int32_t>{day_number(d(2026, 1, 19)), in[1]})) << text;  // Sat -> Mon
  }
}

// --- discounts -------------------------------------------------------------------------------

TEST(TermsDiscount, AmountToPayDependsOnThePaymentDate) {
  const payment_terms t = parse_terms("2/10, 1/20, net 45").value();
  const invoice_dates dates{d(2026, 1, 15)};
  const money invoiced(1'000'00, nok);
  EXPECT_EQ(amount_to_pay(t, invoiced, dates, d(2026, 1, 25), rounding::half_up), money(980'00, nok));
  EXPECT_EQ(amount_to_pay(t, invoiced, dates, d(2026, 1, 26), rounding::half_up), money(990'00, nok));
  EXPECT_EQ(amount_to_pay(t, invoiced, dates, d(2026, 2, 4), rounding::half_up), money(990'00, nok));
  EXPECT_EQ(amount_to_pay(t, invoiced, dates, d(2026, 2, 5), rounding::half_up), invoiced);
  // 2 % of 0.25 = 0.005: the one rounding is the caller's choice.
  EXPECT_EQ(amount_to_pay(t, money(25, nok), dates, d(2026, 1, 20), rounding::half_up), money(24, nok));
  EXPECT_EQ(amount_to_pay(t, money(25, nok), dates, d(2026, 1, 20), rounding::down), money(25, nok));
  EXPECT_EQ(discount_on(t, dates, d(2026, 3, 1)), std::nullopt);
}

TEST(TermsDiscount, ImpliedAnnualCostOfTwoTenNetThirty) {
  // The issue's check: 37.24 % simple, 44.59 % compound.
  const payment_terms t = parse_terms("2/10 net 30").value();
  EXPECT_EQ(implied_annual_rate(t, compounding::simple, 4), decimal(3724, 4));
  EXPECT_EQ(implied_annual_rate(t, compounding::compound, 4), decimal(4459, 4));
  // 0.02/0.98 x 365/20 = 0.372448979...; (1/0.98)^18.25 - 1 = 0.445852927...
  EXPECT_EQ(implied_annual_rate(t, compounding::simple, 9), decimal(372448980, 9));
  EXPECT_EQ(implied_annual_rate(t, compounding::compound, 9), decimal(445852927, 9));
  EXPECT_EQ(implied_annual_rate(parse_terms("1/10 net 30").value(), compounding::simple, 6),
            decimal(184343, 6));
  EXPECT_EQ(implied_annual_rate(parse_terms("net 30").value(), compounding::simple), std::nullopt);
  EXPECT_EQ(thrown_code([] { (void)implied_annual_rate(2_pct, 0, compounding::simple); }),
            errc::invalid_argument);
  EXPECT_EQ(thrown_code([] { (void)implied_annual_rate(rate::percent(100), 20, compounding::compound); }),
            errc::invalid_argument);
}

// --- schedules -------------------------------------------------------------------------------

TEST(TermsSchedule, PercentSharesSumExactlyToTheAmount) {
  const payment_terms t = parse_terms("33.3333333% net 30, 33.3333333% net 60, 33.3333334% net 90").value();
  const auto s = payment_schedule(t, money(100'00, nok), invoice_dates{d(2026, 1, 15)});
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].amount + s[1].amount + s[2].amount, money(100'00, nok));
  EXPECT_EQ(s[0].amount, money(33'33, nok));
  EXPECT_EQ(s[2].amount, money(33'34, nok));
  EXPECT_EQ(s[2].due, d(2026, 4, 15));
}

TEST(TermsSchedule, FixedAmountAndBalance) {
  const payment_terms t = parse_terms("1000.00 net 30, 25% net 45, balance net 60").value();
  const auto s = payment_schedule(t, money(4'000'00, nok), invoice_dates{d(2026, 1, 15)},
                                  statutory_deadline_rule(jurisdiction::no));
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0], (scheduled_payment{d(2026, 2, 16), money(1'000'00, nok)}));  // Sat -> Mon
  EXPECT_EQ(s[1], (scheduled_payment{d(2026, 3, 2), money(1'000'00, nok)}));
  EXPECT_EQ(s[2], (scheduled_payment{d(2026, 3, 16), money(2'000'00, nok)}));
  EXPECT_EQ(thrown_code([&] { (void)payment_schedule(t, money(500'00, nok), invoice_dates{d(2026, 1, 15)}); }),
            errc::invalid_argument);
  const payment_terms fixed = parse_terms("100 net 30, 200 net 60").value();
  EXPECT_EQ(thrown_code([&] { (void)payment_schedule(fixed, money(301'00, nok), invoice_dates{d(2026, 1, 15)}); }),
            errc::invalid_argument);
  const payment_terms fine = parse_terms("100.005 net 30, balance net 60").value();
  EXPECT_EQ(thrown_code([&] { (void)payment_schedule(fine, money(301'00, nok), invoice_dates{d(2026, 1, 15)}); }),
            errc::precision_loss);
}

TEST(TermsSchedule, NetTermsHaveOneLine) {
  const auto s = payment_schedule(payment_terms{}, money(1'00, nok), invoice_dates{d(2026, 1, 15)});
  ASSERT_EQ(s.size(), 1u);
  EXPECT_EQ(s[0], (scheduled_payment{d(2026, 2, 14), money(1'00, nok)}));
  EXPECT_EQ(thrown_code([] { (void)payment_schedule(payment_terms{}, money(-1, nok), invoice_dates{d(2026, 1, 15)}); }),
            errc::invalid_argument);
}

}  // namespace
}  // namespace kreditor
