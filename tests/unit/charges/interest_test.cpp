#include "kreditor/charges/interest.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "support/errors.hpp"
#include "support/shorthand.hpp"

namespace kreditor {
namespace {

using iso4217::dkk;
using iso4217::eur;
using iso4217::nok;
using iso4217::sek;
using namespace kreditor::literals;
using test_support::thrown_code;

using test_support::d;
money amount(const char* text, currency c) { return money::parse(text, c).value(); }
rate pct(const char* text) { return rate::parse(std::string(text) + "%").value(); }
rate_table table(jurisdiction j, segment s) { return statutory_late_interest(j, s).value(); }

const interest_convention act365{.basis = day_count::act_365_fixed};

// --- legal.md §1.6 / legal_vectors.json interest_examples ---------------------------------------

TEST(LateInterest, StyleGuideExampleEightPercentActual360RoundsOnce) {
  // 1000.00 EUR x 8 % x 90/360 = 20.00 EUR
  EXPECT_EQ(simple_interest(money(100'000, eur), 8_pct, day_count::act_360, d(2024, 1, 1), d(2024, 3, 31),
                            rounding::half_even),
            money(2'000, eur));
}

// NO-1..3: 12.5 % on act/365 for 30, 60, 90 days (a non-leap year, so act/act gives the same).
struct FixedRateCase {
  const char* id;
  const char* principal;
  int days;
  const char* expected;
  friend std::ostream& operator<<(std::ostream& os, const FixedRateCase& c) { return os << c.id; }
};
class NorwegianCalculatorTable : public ::testing::TestWithParam<FixedRateCase> {};
TEST_P(NorwegianCalculatorTable, ReproducesTheWorkedExample) {
  const FixedRateCase& c = GetParam();
  const date due = d(2025, 1, 31);
  const auto r = late_interest(amount(c.principal, nok), rate_table::constant(pct("12.5")), due,
                               due + days(c.days), act365);
  EXPECT_EQ(to_string(r.interest), c.expected);
  EXPECT_EQ(r.days, c.days);
  // The same with Norway's act/act basis: 2025 is not a leap year.
  EXPECT_EQ(to_string(late_interest(amount(c.principal, nok), rate_table::constant(pct("12.5")), due,
                                    due + days(c.days), {.basis = day_count::act_act_isda})
                          .interest),
            c.expected);
}
INSTANTIATE_TEST_SUITE_P(LegalMd16, NorwegianCalculatorTable, ::testing::Values(
    FixedRateCase{"NO-1", "10000", 30, "102.74"},
    FixedRateCase{"NO-2", "10000", 60, "205.48"},
    FixedRateCase{"NO-3", "100000", 90, "3082.19"}));

TEST(LateInterest, NorwaySplitAtNewYearReproducesNo4) {
  const rate_table no = table(jurisdiction::no, segment::b2b);
  const auto r = late_interest(amount("10000.00", nok), no, d(2024, 12, 20), d(2025, 1, 10), convention_of(no));
  EXPECT_EQ(to_string(r.interest), "71.81");
  EXPECT_EQ(r.days, 21);
  ASSERT_EQ(r.periods.size(), 2U);
  EXPECT_EQ(r.periods[0].from, d(2024, 12, 21));
  EXPECT_EQ(r.periods[0].to, d(2024, 12, 31));
  EXPECT_EQ(r.periods[0].days, 11);
  EXPECT_EQ(r.periods[0].annual, pct("12.5"));
  EXPECT_TRUE(r.periods[0].uncertain);  // 2024H2 is derived (legal.md §1.1)
  EXPECT_EQ(r.periods[1].from, d(2025, 1, 1));
  EXPECT_EQ(r.periods[1].to, d(2025, 1, 10));
  EXPECT_EQ(r.periods[1].days, 10);
  EXPECT_FALSE(r.periods[1].uncertain);
  EXPECT_TRUE(r.uncertain);
  // exact: 10000.00 x 12.5 % x (11/366 + 10/365), in minor units
  EXPECT_EQ(r.exact_numerator, int128{1'000'000} * 125'000'000 * (11 * 365 + 10 * 366));
}

TEST(LateInterest, FinlandCommercialSplitReproducesFi1) {
  const rate_table fi = table(jurisdiction::fi, segment::b2b);
  const auto r = late_interest(amount("1000.00", eur), fi, d(2024, 12, 20), d(2025, 1, 10), convention_of(fi));
  EXPECT_EQ(to_string(r.interest), "6.91");  // 11 x 12.5 %/366 + 10 x 11.5 %/365
  ASSERT_EQ(r.periods.size(), 2U);
  EXPECT_EQ(r.periods[1].annual, pct("11.5"));
}

TEST(LateInterest, SwedenKronofogdenExampleDependsOnTheFirstDay) {
  // SE-1: 6 780 SEK at 8 %, 2021-01-01 to 2021-04-20; Kronofogden gave 163 (UNCERTAIN convention).
  const rate_table se = table(jurisdiction::se, segment::b2c);
  const auto after = late_interest(amount("6780", sek), se, d(2021, 1, 1), d(2021, 4, 20), convention_of(se));
  EXPECT_EQ(after.days, 109);
  EXPECT_EQ(to_string(after.interest), "161.98");
  interest_convention both_ends = convention_of(se);
  both_ends.start = first_interest_day::due_date;
  const auto inclusive = late_interest(amount("6780", sek), se, d(2021, 1, 1), d(2021, 4, 20), both_ends);
  EXPECT_EQ(inclusive.days, 110);
  EXPECT_EQ(to_string(inclusive.interest), "163.46");  // rounds to Kronofogden's 163
}

// Every example in legal_vectors.json that states principal, rate and days or dates.
TEST(LateInterest, EveryLegalVectorsInterestExample) {
  std::ifstream in(std::string(KREDITOR_TEST_DATA_DIR) + "/legal_vectors.json");
  std::stringstream ss;
  ss << in.rdbuf();
  const auto examples = nlohmann::json::parse(ss.str())["interest_examples"];
  int checked = 0;
  for (const auto& e : examples) {
    if (!e.contains("expected")) continue;  // SE-1 has only a published figure: tested above
    SCOPED_TRACE(e["id"].get<std::string>());
    const currency c = currency::parse(e["currency"].get<std::string>()).value();
    const money principal(e["principal"].get<std::int64_t>() * 100, c);
    char expected[32];
    std::snprintf(expected, sizeof expected, "%.2f", e["expected"].get<double>());
    money got;
    if (e.contains("due_date")) {
      const jurisdiction j = parse_jurisdiction(e["jurisdiction"].get<std::string>()).value();
      const rate_table t = table(j, segment::b2b);
      got = late_interest(principal, t, parse_date(e["due_date"].get<std::string>()).value(),
                          parse_date(e["paid_date"].get<std::string>()).value(), convention_of(t))
                .interest;
    } else {
      char r[32];
      std::snprintf(r, sizeof r, "%.4g%%", e["rate_percent"].get<double>());
      got = late_interest(principal, rate_table::constant(rate::parse(r).value()), d(2023, 3, 1),
                          d(2023, 3, 1) + days(e["days"].get<int>()), act365)
                .interest;
    }
    EXPECT_EQ(to_string(got), expected);
    ++checked;
  }
  EXPECT_EQ(checked, 5);
}

// --- cases of our own from the tables ---------------------------------------------------------

TEST(LateInterest, SplitsAtFirstJuly) {
  // NO 2023H1 10.75 %, 2023H2 11.75 %: 10 + 10 days on act/act (2023 not leap)
  const rate_table no = table(jurisdiction::no, segment::b2c);
  const auto r = late_interest(amount("10000", nok), no, d(2023, 6, 20), d(2023, 7, 10), convention_of(no));
  ASSERT_EQ(r.periods.size(), 2U);
  EXPECT_EQ(r.periods[0].to, d(2023, 6, 30));
  EXPECT_EQ(r.periods[1].from, d(2023, 7, 1));
  EXPECT_EQ(to_string(r.interest), "61.64");  // 10000 x (10 x 10.75 % + 10 x 11.75 %) / 365 = 61.6438
}

TEST(LateInterest, LeapYearDaysCountOneThreeHundredSixtySixth) {
  const rate_table no = table(jurisdiction::no, segment::b2c);
  const auto r = late_interest(amount("10000", nok), no, d(2024, 2, 20), d(2024, 3, 10), convention_of(no));
  EXPECT_EQ(r.days, 19);
  EXPECT_EQ(to_string(r.interest), "64.89");  // 10000 x 12.5 % x 19/366 = 64.8907
}

TEST(LateInterest, PartialPaymentReducesThePrincipalFromTheNextDay) {
  const rate_table no = table(jurisdiction::no, segment::b2c);
  const balance_change paid[] = {{.on = d(2024, 1, 31), .delta = amount("-4000", nok)}};
  const auto r = late_interest(amount("10000", nok), no, d(2024, 1, 10), d(2024, 2, 29), convention_of(no), paid);
  ASSERT_EQ(r.periods.size(), 2U);
  EXPECT_EQ(r.periods[0].balance, amount("10000", nok));
  EXPECT_EQ(r.periods[0].days, 21);  // 11..31 Jan, the payment day still on the old balance
  EXPECT_EQ(r.periods[1].balance, amount("6000", nok));
  EXPECT_EQ(r.periods[1].days, 29);
  // 10000 x 12.5 % x 21/366 + 6000 x 12.5 % x 29/366 = 71.7213 + 59.4262 = 131.1475
  EXPECT_EQ(to_string(r.interest), "131.15");
}

TEST(LateInterest, CreditNoteToZeroStopsInterestAndLaterInvoiceRestartsIt) {
  const rate_table t = rate_table::constant(pct("10"));
  const balance_change changes[] = {{.on = d(2025, 1, 11), .delta = amount("-1000", eur)},
                                    {.on = d(2025, 1, 21), .delta = amount("500", eur)}};
  const auto r = late_interest(amount("1000", eur), t, d(2025, 1, 1), d(2025, 1, 31), act365, changes);
  ASSERT_EQ(r.periods.size(), 2U);  // the zero-balance stretch is left out
  EXPECT_EQ(r.periods[0].days, 10);
  EXPECT_EQ(r.periods[1].from, d(2025, 1, 22));
  EXPECT_EQ(r.periods[1].balance, amount("500", eur));
}

// DK: renteloven § 5 says only "årlig rente"; the calendar year is chosen (src/data/
// late_interest.json DK.day_count_source) and the result says the day count is uncertain.
TEST(LateInterest, DenmarkCountsTheCalendarYearAndFlagsTheDayCountUncertain) {
  const rate_table dk = table(jurisdiction::dk, segment::b2b);
  const auto r = late_interest(amount("10000", dkk), dk, d(2024, 1, 31), d(2024, 3, 31), convention_of(dk));
  EXPECT_EQ(r.convention.basis, day_count::act_act_isda);
  EXPECT_TRUE(r.day_count_uncertain);
  EXPECT_EQ(r.days, 60);                         // calendar days 1 Feb..31 Mar
  EXPECT_EQ(to_string(r.interest), "192.62");    // 10000 x 11.75 % x 60/366 = 192.623
}

TEST(LateInterest, DenmarkOneDayLatePaidOnAThirtyFirstCostsADaysInterest) {
  const rate_table dk = table(jurisdiction::dk, segment::b2b);
  const auto r = late_interest(amount("10000", dkk), dk, d(2025, 1, 30), d(2025, 1, 31), convention_of(dk));
  EXPECT_EQ(r.days, 1);
  EXPECT_EQ(to_string(r.interest), "2.95");  // 10000 x 10.75 % / 365 = 2.945
  // The 30E/360 practice (an option) prices the same day at nothing: why it is not the default.
  interest_convention thirty = convention_of(dk);
  thirty.basis = day_count::thirty_e_360;
  EXPECT_EQ(to_string(late_interest(amount("10000", dkk), dk, d(2025, 1, 30), d(2025, 1, 31), thirty).interest),
            "0.00");
}

TEST(LateInterest, DayCountIsUncertainWhereTheLawIsSilentOnly) {
  for (const auto& [j, uncertain] : {std::pair{jurisdiction::no, false}, std::pair{jurisdiction::fi, false},
                                     std::pair{jurisdiction::se, true}, std::pair{jurisdiction::dk, true},
                                     std::pair{jurisdiction::eu, true}}) {
    const rate_table t = table(j, segment::b2b);
    SCOPED_TRACE(t.info().id);
    EXPECT_EQ(t.info().basis_uncertain, uncertain);
    EXPECT_EQ(late_interest(amount("1000", eur), rate_table::constant(rate::percent(8)), d(2025, 1, 1),
                            d(2025, 2, 1), convention_of(t))
                  .day_count_uncertain,
              uncertain);
  }
}

TEST(LateInterest, SwedenCountsActual365EvenInALeapYear) {
  const rate_table se = table(jurisdiction::se, segment::b2b);
  const auto r = late_interest(amount("10000", sek), se, d(2024, 2, 1), d(2024, 3, 1), convention_of(se));
  EXPECT_EQ(r.days, 29);
  EXPECT_EQ(to_string(r.interest), "95.34");  // 10000 x 12 % x 29/365 = 95.342
}

TEST(LateInterest, PaidOnOrBeforeTheDueDateOwesNothing) {
  const rate_table no = table(jurisdiction::no, segment::b2b);
  const auto r = late_interest(amount("10000", nok), no, d(2024, 5, 1), d(2024, 5, 1), convention_of(no));
  EXPECT_TRUE(r.interest.is_zero());
  EXPECT_EQ(r.days, 0);
  EXPECT_TRUE(r.periods.empty());
}

TEST(LateInterest, RoundingModeIsAppliedOnce) {
  const rate_table t = rate_table::constant(pct("10"));
  // 1.00 EUR x 10 % x 73/365 = 0.02 exactly; x 9/365 = 0.002466 -> rounds to 0.00 / up 0.01
  interest_convention up = act365;
  up.mode = rounding::up;
  EXPECT_EQ(to_string(late_interest(amount("1", eur), t, d(2025, 1, 1), d(2025, 1, 10), up).interest), "0.01");
  EXPECT_EQ(to_string(late_interest(amount("1", eur), t, d(2025, 1, 1), d(2025, 1, 10), act365).interest), "0.00");
}

TEST(LateInterest, TotalIsTheSingleRoundingOfTheExactSumNotTheSumOfRoundedPeriods) {
  // 3 periods of 0.004 each: per-period display rounds to 0.00, the total to 0.01.
  const rate_table t = rate_table::make({{.effective_from = d(2025, 1, 1), .annual = pct("14.6"), .source = "a"},
                                         {.effective_from = d(2025, 1, 2), .annual = pct("14.6"), .source = "b"},
                                         {.effective_from = d(2025, 1, 3), .annual = pct("14.6"), .source = "c"}})
                           .value();
  // 1.00 EUR x 14.6 % / 365 = 0.0004 per day... scale: 10.00 EUR -> 0.004 per day
  const auto r = late_interest(amount("10", eur), t, d(2024, 12, 31), d(2025, 1, 3), act365);
  ASSERT_EQ(r.periods.size(), 3U);
  for (const auto& p : r.periods) EXPECT_EQ(to_string(p.interest), "0.00");
  EXPECT_EQ(to_string(r.interest), "0.01");
}

// --- errors --------------------------------------------------------------------------------------

TEST(LateInterest, DaysBeforeTheTableAreNotFound) {
  const rate_table no = table(jurisdiction::no, segment::b2b);
  EXPECT_EQ(thrown_code([&] { (void)late_interest(amount("1", nok), no, d(2013, 6, 1), d(2013, 8, 1), convention_of(no)); }),
            errc::not_found);
}

TEST(LateInterest, BadBalancesAreRejected) {
  const rate_table t = rate_table::constant(pct("8"));
  EXPECT_EQ(thrown_code([&] { (void)late_interest(amount("-1", eur), t, d(2025, 1, 1), d(2025, 2, 1), act365); }),
            errc::invalid_argument);
  const balance_change too_much[] = {{.on = d(2025, 1, 5), .delta = amount("-2", eur)}};
  EXPECT_EQ(thrown_code([&] { (void)late_interest(amount("1", eur), t, d(2025, 1, 1), d(2025, 2, 1), act365, too_much); }),
            errc::invalid_argument);
  const balance_change late[] = {{.on = d(2025, 3, 5), .delta = amount("-1", eur)}};
  EXPECT_EQ(thrown_code([&] { (void)late_interest(amount("1", eur), t, d(2025, 1, 1), d(2025, 2, 1), act365, late); }),
            errc::invalid_argument);
  const balance_change other[] = {{.on = d(2025, 1, 5), .delta = amount("-1", nok)}};
  EXPECT_EQ(thrown_code([&] { (void)late_interest(amount("1", eur), t, d(2025, 1, 1), d(2025, 2, 1), act365, other); }),
            errc::currency_mismatch);
}

TEST(LateInterest, OverflowIsAnErrorNotAWrap) {
  const rate_table t = rate_table::constant(pct("100"));
  EXPECT_EQ(thrown_code([&] {
              (void)late_interest(money(INT64_MAX, eur), t, d(1500, 1, 1), d(2100, 1, 1), act365);
            }),
            errc::overflow);
}

// --- properties ------------------------------------------------------------------------------------

TEST(LateInterestProperty, IntervalsAddUpExactlyBeforeRounding) {
  std::mt19937 rng(7);
  const rate_table tables[] = {table(jurisdiction::no, segment::b2b), table(jurisdiction::se, segment::b2b),
                               table(jurisdiction::dk, segment::b2b), table(jurisdiction::fi, segment::b2c),
                               table(jurisdiction::eu, segment::b2b)};
  std::uniform_int_distribution<std::int32_t> day(day_number(d(2015, 1, 1)), day_number(d(2027, 12, 31)));
  std::uniform_int_distribution<std::int64_t> cents(1, 100'000'000);
  for (int i = 0; i < 500; ++i) {
    std::int32_t a = day(rng), b = day(rng), c = day(rng);
    if (a > b) std::swap(a, b);
    if (b > c) std::swap(b, c);
    if (a > b) std::swap(a, b);
    const rate_table& t = tables[i % 5];
    const money p(cents(rng), eur);
    const auto conv = convention_of(t);
    const auto ac = late_interest(p, t, from_day_number(a), from_day_number(c), conv);
    const auto ab = late_interest(p, t, from_day_number(a), from_day_number(b), conv);
    const auto bc = late_interest(p, t, from_day_number(b), from_day_number(c), conv);
    ASSERT_EQ(ab.exact_denominator, ac.exact_denominator);
    ASSERT_EQ(ab.exact_numerator + bc.exact_numerator, ac.exact_numerator) << t.info().id << " " << a << " " << b << " " << c;
    ASSERT_EQ(ab.days + bc.days, ac.days);
  }
}

TEST(LateInterestProperty, MonotoneInDaysAndPrincipal) {
  std::mt19937 rng(11);
  const rate_table no = table(jurisdiction::no, segment::b2b);
  std::uniform_int_distribution<std::int64_t> cents(0, 1'000'000'000);
  std::uniform_int_distribution<int> span(0, 800);
  const date due = d(2016, 3, 15);
  for (int i = 0; i < 300; ++i) {
    const money p(cents(rng), nok), q = p + money(cents(rng), nok);
    const int n = span(rng), m = n + span(rng);
    const auto conv = convention_of(no);
    const money pn = late_interest(p, no, due, due + days(n), conv).interest;
    EXPECT_LE(pn, late_interest(p, no, due, due + days(m), conv).interest);
    EXPECT_LE(pn, late_interest(q, no, due, due + days(n), conv).interest);
  }
}

// late_interest_amount is late_interest's amount without the periods: the same on random
// paths whose changes come in any order (sorted, shuffled, same-day pairs), and the same errors.
TEST(LateInterestAmount, IsLateInterestsAmountOnRandomPathsAndFailsAlike) {
  std::mt19937 rng(11);
  const auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  int compared = 0;
  for (const jurisdiction j : {jurisdiction::no, jurisdiction::se, jurisdiction::dk, jurisdiction::eu}) {
    const rate_table table = statutory_late_interest(j, segment::b2b).value();
    const interest_convention conv = convention_of(table);
    for (int trial = 0; trial < 80; ++trial) {
      const money principal(pick(1, 900'000'000), iso4217::eur);
      const date due = make_date(2018, 1, 1) + days(pick(0, 2500));
      const date end = due + days(pick(0, 900));
      std::vector<balance_change> changes;
      money left = principal;
      for (int k = pick(0, 6); k > 0 && !left.is_zero(); --k) {
        const money delta(-std::min<std::int64_t>(left.minor_units(), pick(1, 300'000'000)), iso4217::eur);
        changes.push_back({.on = due + days(pick(-10, day_number(end) - day_number(due))), .delta = delta});
        left += delta;
      }
      if (trial % 2 == 0) std::shuffle(changes.begin(), changes.end(), rng);
      EXPECT_EQ(late_interest_amount(principal, table, due, end, conv, changes),
                late_interest(principal, table, due, end, conv, changes).interest)
          << to_string(j) << " trial " << trial;
      ++compared;
    }
    // A change after the end, and a day before the table's first row, fail alike.
    const date due = make_date(2024, 3, 1);
    const std::vector<balance_change> late{{.on = make_date(2024, 6, 1), .delta = money(-100, iso4217::eur)}};
    const auto code_of = [](auto&& f) {
      try {
        (void)f();
      } catch (const error& e) {
        return e.code();
      }
      return errc{};
    };
    const money p(10'000, iso4217::eur);
    const date end = make_date(2024, 5, 1);
    EXPECT_EQ(code_of([&] { return late_interest_amount(p, table, due, end, conv, late); }), errc::invalid_argument);
    EXPECT_EQ(code_of([&] { return late_interest(p, table, due, end, conv, late); }), errc::invalid_argument);
    const date ancient = table.first_date() - days(40);
    EXPECT_EQ(code_of([&] { return late_interest_amount(p, table, ancient, ancient + days(60), conv); }), errc::not_found);
    EXPECT_EQ(code_of([&] { return late_interest(p, table, ancient, ancient + days(60), conv); }), errc::not_found);
  }
  EXPECT_EQ(compared, 320);
}

}  // namespace
}  // namespace kreditor
