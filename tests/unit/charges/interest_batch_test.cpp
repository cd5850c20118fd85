#include "kreditor/charges/interest_batch.hpp"

#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "support/errors.hpp"
#include "support/shorthand.hpp"

namespace kreditor {
namespace {

using test_support::thrown_code;

using test_support::d;

struct Portfolio {
  std::vector<rate_table> rates;
  std::vector<accrual_table> tables;
  std::vector<std::int64_t> principal;
  std::vector<std::int32_t> due;
  std::vector<std::int32_t> end;
  std::vector<std::uint16_t> table;
};

// A deterministic random portfolio over every shipped statutory table (and a DK due-date variant).
Portfolio random_portfolio(std::size_t n, unsigned seed) {
  Portfolio p;
  const date last = d(2030, 12, 31);
  for (auto [j, s] : {std::pair{jurisdiction::no, segment::b2b}, {jurisdiction::se, segment::b2c},
                      {jurisdiction::dk, segment::b2b}, {jurisdiction::fi, segment::b2c},
                      {jurisdiction::fi, segment::b2b}, {jurisdiction::eu, segment::b2b}}) {
    p.rates.push_back(statutory_late_interest(j, s).value());
    p.tables.push_back(accrual_table::compile(p.rates.back(), convention_of(p.rates.back()), last));
  }
  interest_convention inclusive = convention_of(p.rates[1], rounding::half_even);
  inclusive.start = first_interest_day::due_date;
  p.rates.push_back(p.rates[1]);
  p.tables.push_back(accrual_table::compile(p.rates.back(), inclusive, last));

  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<std::int32_t> due_day(day_number(d(2015, 1, 1)), day_number(d(2029, 12, 31)));
  std::uniform_int_distribution<std::int32_t> late(-30, 900);
  std::uniform_int_distribution<std::int64_t> cents(0, 50'000'000'000);  // up to 500 million
  std::uniform_int_distribution<int> which(0, static_cast<int>(p.tables.size()) - 1);
  for (std::size_t i = 0; i < n; ++i) {
    p.principal.push_back(cents(rng));
    p.due.push_back(due_day(rng));
    p.end.push_back(std::min(p.due.back() + late(rng), day_number(last)));
    p.table.push_back(static_cast<std::uint16_t>(which(rng)));
  }
  return p;
}

TEST(InterestBatch, EqualsTheScalarApiOnARandomPortfolio) {
  const Portfolio p = random_portfolio(20'000, 2024);
  std::vector<std::int64_t> out(p.principal.size());
  std::vector<errc> status(p.principal.size());
  const batch_summary s = accrue_interest(p.tables, {p.principal, p.due, p.end, p.table}, out, status);
  EXPECT_EQ(s.failed, 0U);
  for (std::size_t i = 0; i < out.size(); ++i) {
    const accrual_table& t = p.tables[p.table[i]];
    const auto scalar = late_interest(money(p.principal[i], iso4217::eur), p.rates[p.table[i]],
                                      from_day_number(p.due[i]), from_day_number(p.end[i]), t.convention());
    ASSERT_EQ(status[i], errc::ok) << i;
    ASSERT_EQ(out[i], scalar.interest.minor_units()) << "item " << i << " table " << p.table[i];
  }
}

TEST(InterestBatch, SameResultsForAnyThreadCount) {
  const Portfolio p = random_portfolio(200'000, 99);
  std::vector<std::int64_t> one(p.principal.size());
  (void)accrue_interest(p.tables, {p.principal, p.due, p.end, p.table}, one, {}, 1);
  for (unsigned threads : {2U, 3U, 8U, 0U}) {
    std::vector<std::int64_t> many(p.principal.size(), -1);
    (void)accrue_interest(p.tables, {p.principal, p.due, p.end, p.table}, many, {}, threads);
    EXPECT_EQ(many, one) << threads << " threads";
  }
}

// Issue 17: batch == scalar over random portfolios AND random thread counts (1..8): each round
// draws its own portfolio (seed, size, principal up to 500 million, lateness up to 900 days, any
// of the compiled tables) and thread count; every item equals late_interest on its own.
TEST(InterestBatch, EqualsScalarForRandomPortfoliosAndThreadCounts) {
  constexpr std::uint64_t seed = 1717;
  std::mt19937_64 rng(seed);
  for (int round = 0; round < 8; ++round) {
    const auto portfolio_seed = static_cast<unsigned>(rng());
    const auto n = static_cast<std::size_t>(std::uniform_int_distribution<int>(0, 2500)(rng));
    const auto threads = static_cast<unsigned>(std::uniform_int_distribution<int>(1, 8)(rng));
    SCOPED_TRACE(::testing::Message() << "seed " << seed << " round " << round << ": portfolio seed "
                                      << portfolio_seed << ", " << n << " items, " << threads << " threads");
    const Portfolio p = random_portfolio(n, portfolio_seed);
    std::vector<std::int64_t> out(n, -1);
    std::vector<errc> status(n, errc::internal);
    const batch_summary s = accrue_interest(p.tables, {p.principal, p.due, p.end, p.table}, out, status, threads);
    ASSERT_EQ(s.failed, 0U);
    for (std::size_t i = 0; i < n; ++i) {
      const accrual_table& t = p.tables[p.table[i]];
      const auto scalar = late_interest(money(p.principal[i], iso4217::eur), p.rates[p.table[i]],
                                        from_day_number(p.due[i]), from_day_number(p.end[i]), t.convention());
      ASSERT_EQ(status[i], errc::ok) << "item " << i;
      ASSERT_EQ(out[i], scalar.interest.minor_units()) << "item " << i << " table " << p.table[i];
    }
  }
}

TEST(InterestBatch, BadItemsGetAStatusAndDoNotStopTheBatch) {
  const rate_table no = statutory_late_interest(jurisdiction::no, segment::b2b).value();
  const std::vector<accrual_table> tables{accrual_table::compile(no, convention_of(no), d(2026, 12, 31))};
  const std::vector<std::int64_t> principal{1'000'000, 1'000'000, -5, 1'000'000, 1'000'000, INT64_MAX};
  const std::vector<std::int32_t> due{day_number(d(2024, 12, 20)), day_number(d(2013, 1, 1)),
                                      day_number(d(2024, 1, 1)), day_number(d(2026, 12, 1)),
                                      day_number(d(2024, 1, 1)), day_number(d(2013, 7, 1))};
  const std::vector<std::int32_t> end{day_number(d(2025, 1, 10)), day_number(d(2014, 1, 1)),
                                      day_number(d(2024, 2, 1)), day_number(d(2027, 1, 5)),
                                      day_number(d(2024, 2, 1)), day_number(d(2026, 12, 31))};
  const std::vector<std::uint16_t> index{0, 0, 0, 0, 7, 0};
  std::vector<std::int64_t> out(6);
  std::vector<errc> status(6);
  const batch_summary s = accrue_interest(tables, {principal, due, end, index}, out, status);
  EXPECT_EQ(out[0], 7181);  // legal.md §1.6 NO-4-split
  EXPECT_EQ(status[0], errc::ok);
  EXPECT_EQ(status[1], errc::not_found);        // before the table's first row
  EXPECT_EQ(status[2], errc::invalid_argument);  // negative principal
  EXPECT_EQ(status[3], errc::out_of_range);     // after the compiled range
  EXPECT_EQ(status[4], errc::invalid_argument);  // no table 7
  EXPECT_EQ(status[5], errc::overflow);
  EXPECT_EQ(s.failed, 5U);
  EXPECT_EQ(s.first_failed, 1U);
}

TEST(InterestBatch, MismatchedColumnsAreRejected) {
  const std::vector<accrual_table> tables{
      accrual_table::compile(rate_table::constant(rate::percent(8)), {}, d(2030, 1, 1))};
  std::vector<std::int64_t> principal(3), out(2);
  std::vector<std::int32_t> days3(3);
  EXPECT_EQ(thrown_code([&] { (void)accrue_interest(tables, {principal, days3, days3, {}}, out, {}); }),
            errc::invalid_argument);
}

TEST(InterestBatch, ThirtyUsCannotBeCompiled) {
  EXPECT_EQ(thrown_code([] {
              (void)accrual_table::compile(rate_table::constant(rate::percent(8)),
                                           {.basis = day_count::thirty_360_us}, make_date(2030, 1, 1));
            }),
            errc::invalid_argument);
}

}  // namespace
}  // namespace kreditor
