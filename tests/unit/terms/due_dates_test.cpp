#include "kreditor/terms/due_dates.hpp"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "kreditor/terms/notation.hpp"
#include "kreditor/time/calendars.hpp"
#include "support/errors.hpp"

namespace kreditor {
namespace {

using namespace kreditor::literals;
using iso4217::nok;
using test_support::thrown_code;

date d(int y, int m, int day) { return make_date(y, m, day); }

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

TEST(TermsDueDate, InstallmentDatesAndBadIndex) {
  const payment_terms t = parse_terms("50% net 30, 50% net 60").value();
  EXPECT_EQ(installment_due_date(t, 0, invoice_dates{d(2026, 1, 15)}), d(2026, 2, 14));
  EXPECT_EQ(installment_due_date(t, 1, invoice_dates{d(2026, 1, 15)}), d(2026, 3, 16));
  EXPECT_EQ(thrown_code([&] { (void)installment_due_date(t, 2, invoice_dates{d(2026, 1, 15)}); }),
            errc::out_of_range);
  EXPECT_EQ(thrown_code([] { (void)due_date(payment_terms{.net = 99'999}, d(2026, 1, 1)); }),
            errc::invalid_argument);
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
  // The check: 37.24 % simple, 44.59 % compound.
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
