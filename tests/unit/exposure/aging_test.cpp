#include "kreditor/exposure/aging.hpp"

#include <gtest/gtest.h>

#include <numeric>
#include <random>
#include <vector>

#include "../../../benchmarks/synthetic_portfolio.hpp"
#include "support/errors.hpp"
#include "support/shorthand.hpp"

namespace kreditor {
namespace {

using iso4217::nok;
using iso4217::sek;
using test_support::thrown_code;

using test_support::nok_;

// A portfolio aged by hand as of 2024-03-31 (2024 is a leap year: February has 29 days).
//
//   item  due         days past due        amount   bucket
//   A     2024-04-15  -15 (not yet due)   1000.00   current
//   B     2024-03-31    0 (due today)      200.00   current
//   C     2024-03-30    1                  300.00   1-30
//   D     2024-03-01   30                  400.00   1-30
//   E     2024-02-29   31                  500.00   31-60
//   F     2024-01-31   60 (29 + 31)        600.00   31-60
//   G     2024-01-01   90 (30 + 29 + 31)   700.00   61-90
//   H     2023-12-31   91                  800.00   >90
//   I     2023-11-01  151                  -50.00   >90 (an unapplied credit note)
//
//   current 1200.00 | 1-30 700.00 | 31-60 1100.00 | 61-90 700.00 | >90 750.00 | total 4450.00
std::vector<receivable_item> hand_portfolio() {
  auto item = [](int y, int m, int d, std::int64_t minor) {
    const date due = make_date(y, m, d);
    return receivable_item{.issued = due - days(30), .due = due, .open_amount = nok_(minor)};
  };
  return {item(2024, 4, 15, 1000'00), item(2024, 3, 31, 200'00), item(2024, 3, 30, 300'00),
          item(2024, 3, 1, 400'00),   item(2024, 2, 29, 500'00), item(2024, 1, 31, 600'00),
          item(2024, 1, 1, 700'00),   item(2023, 12, 31, 800'00), item(2023, 11, 1, -50'00)};
}

TEST(Aging, DefaultBucketsMatchTheHandComputedPortfolio) {
  const auto row = age(hand_portfolio(), aging_buckets{}, make_date(2024, 3, 31), nok);
  EXPECT_EQ(row, (std::vector<money>{nok_(1200'00), nok_(700'00), nok_(1100'00), nok_(700'00),
                                     nok_(750'00)}));
}

TEST(Aging, DefaultLabelsAreCurrentThenRangesOfDaysPastDue) {
  EXPECT_EQ(aging_buckets{}.labels(),
            (std::vector<std::string>{"current", "1-30", "31-60", "61-90", ">90"}));
  EXPECT_EQ((aging_buckets{.upper_bounds = {15, 45}}.labels()),
            (std::vector<std::string>{"0-15", "16-45", ">45"}));
  EXPECT_EQ(aging_buckets{.upper_bounds = {}}.labels(), (std::vector<std::string>{"all"}));
}

TEST(Aging, BucketBoundsAreInclusiveUpperBounds) {
  const aging_buckets b;
  EXPECT_EQ(b.bucket_of(-400), 0U);
  EXPECT_EQ(b.bucket_of(0), 0U);
  EXPECT_EQ(b.bucket_of(1), 1U);
  EXPECT_EQ(b.bucket_of(30), 1U);
  EXPECT_EQ(b.bucket_of(31), 2U);
  EXPECT_EQ(b.bucket_of(90), 3U);
  EXPECT_EQ(b.bucket_of(91), 4U);
}

TEST(Aging, ByInvoiceDateCountsDaysSinceTheInvoice) {
  // Every hand item was issued 30 days before its due date, so its age by invoice date is its
  // days past due + 30: A 15, B 30, C 31, D 60, E 61, F 90, G 120, H 121, I 181.
  const aging_buckets by_invoice{.upper_bounds = {30, 60, 90}, .basis = aging_basis::invoice_date};
  const auto row = age(hand_portfolio(), by_invoice, make_date(2024, 3, 31), nok);
  EXPECT_EQ(row, (std::vector<money>{nok_(1200'00), nok_(700'00), nok_(1100'00), nok_(1450'00)}));
  EXPECT_EQ(by_invoice.labels(), (std::vector<std::string>{"0-30", "31-60", "61-90", ">90"}));
}

TEST(Aging, EmptyPortfolioGivesZeroBuckets) {
  const auto row = age({}, aging_buckets{}, make_date(2024, 3, 31), nok);
  EXPECT_EQ(row, std::vector<money>(5, nok_(0)));
}

TEST(Aging, AnItemInAnotherCurrencyIsACurrencyMismatch) {
  auto items = hand_portfolio();
  items[3].open_amount = money(100, sek);
  EXPECT_EQ(thrown_code([&] { (void)age(items, aging_buckets{}, make_date(2024, 3, 31), nok); }),
            errc::currency_mismatch);
}

struct BadBoundsCase {
  std::vector<std::int32_t> bounds;
  const char* why;
  friend std::ostream& operator<<(std::ostream& os, const BadBoundsCase& c) { return os << c.why; }
};

class AgingBadBounds : public ::testing::TestWithParam<BadBoundsCase> {};

TEST_P(AgingBadBounds, AreRejectedAsInvalidArgument) {
  const auto& c = GetParam();
  const auto made = make_aging_buckets(c.bounds, aging_basis::due_date);
  ASSERT_FALSE(made.has_value());
  EXPECT_EQ(made.error().code, errc::invalid_argument);
  EXPECT_EQ(thrown_code([&] {
              (void)age({}, aging_buckets{.upper_bounds = c.bounds}, make_date(2024, 1, 1), nok);
            }),
            errc::invalid_argument);
}

// clang-format off
INSTANTIATE_TEST_SUITE_P(Table, AgingBadBounds, ::testing::Values(
    //            bounds                                             why
    BadBoundsCase{{-1, 30},                                          "negative"},
    BadBoundsCase{{0, 30, 30},                                       "repeated"},
    BadBoundsCase{{0, 60, 30},                                       "decreasing"},
    BadBoundsCase{{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, "16 bounds"}));
// clang-format on

TEST(Aging, MakeAgingBucketsAcceptsValidBounds) {
  const auto made = make_aging_buckets({0, 15, 45}, aging_basis::invoice_date);
  ASSERT_TRUE(made.has_value());
  EXPECT_EQ(made->bucket_count(), 4U);
  EXPECT_EQ(made->basis, aging_basis::invoice_date);
}

// Property: on random portfolios and random bounds, the buckets sum to the open balance.
TEST(Aging, BucketsSumToTheOpenBalance) {
  std::mt19937_64 rng(7);
  const date as_of = make_date(2024, 6, 30);
  for (int round = 0; round < 200; ++round) {
    std::vector<receivable_item> items;
    std::int64_t balance = 0;
    const int n = std::uniform_int_distribution<int>(0, 60)(rng);
    for (int i = 0; i < n; ++i) {
      const date due = as_of + days(std::uniform_int_distribution<int>(-500, 120)(rng));
      const std::int64_t a = std::uniform_int_distribution<std::int64_t>(-100'00, 900'000'00)(rng);
      items.push_back({due - days(30), due, nok_(a)});
      balance += a;
    }
    std::vector<std::int32_t> bounds;
    std::int32_t b = std::uniform_int_distribution<std::int32_t>(0, 10)(rng);
    const int k = std::uniform_int_distribution<int>(0, 8)(rng);
    for (int i = 0; i < k; ++i, b += std::uniform_int_distribution<std::int32_t>(1, 90)(rng))
      bounds.push_back(b);
    const auto basis = round % 2 == 0 ? aging_basis::due_date : aging_basis::invoice_date;
    const auto row = age(items, aging_buckets{.upper_bounds = bounds, .basis = basis}, as_of, nok);
    ASSERT_EQ(row.size(), bounds.size() + 1);
    EXPECT_EQ(std::accumulate(row.begin(), row.end(), nok_(0)), nok_(balance)) << "round " << round;
  }
}

// The batch kernel equals the scalar API, customer by customer, on a random portfolio, for
// both bases and any thread count.
TEST(AgingBatch, EqualsScalarPerCustomerForAnyThreadCount) {
  const date as_of = make_date(2024, 6, 30);
  const std::size_t customers = 97;
  const auto p = synthetic::make_portfolio(200'000, customers, day_number(as_of));
  for (const aging_basis basis : {aging_basis::due_date, aging_basis::invoice_date}) {
    const aging_buckets buckets{.upper_bounds = {0, 30, 60, 90, 180}, .basis = basis};
    const std::size_t width = buckets.bucket_count();
    std::vector<std::vector<receivable_item>> per_customer(customers);
    for (std::size_t i = 0; i < p.open_minor.size(); ++i)
      per_customer[p.group[i]].push_back({from_day_number(p.issue_day[i]),
                                          from_day_number(p.due_day[i]), nok_(p.open_minor[i])});
    std::vector<std::int64_t> single(customers * width);
    age_batch(p.columns(), buckets, as_of, customers, single, 1);
    for (std::size_t c = 0; c < customers; ++c) {
      const auto row = age(per_customer[c], buckets, as_of, nok);
      for (std::size_t b = 0; b < width; ++b)
        ASSERT_EQ(single[c * width + b], row[b].minor_units()) << "customer " << c << " bucket " << b;
    }
    for (const unsigned threads : {2U, 3U, 8U}) {
      std::vector<std::int64_t> multi(customers * width, -1);
      age_batch(p.columns(), buckets, as_of, customers, multi, threads);
      EXPECT_EQ(multi, single) << threads << " threads";
    }
  }
}

// Issue 17: batch == scalar over random portfolios AND random thread counts (1..8): each round
// draws the portfolio (seed, size, customers, as-of date), the buckets, the basis and the
// thread count; every customer's row equals `age` over that customer's items.
TEST(AgingBatch, EqualsScalarForRandomPortfoliosBucketsAndThreadCounts) {
  constexpr std::uint64_t seed = 1717;
  std::mt19937_64 rng(seed);
  const auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  for (int round = 0; round < 12; ++round) {
    const date as_of = make_date(2020, 1, 1) + days(pick(0, 2500));
    const auto customers = static_cast<std::size_t>(pick(1, 300));
    const auto n = static_cast<std::size_t>(pick(0, 20'000));
    const auto threads = static_cast<unsigned>(pick(1, 8));
    const std::uint64_t portfolio_seed = rng();
    std::vector<std::int32_t> bounds;
    for (std::int32_t b = pick(0, 15), k = pick(0, 8); k > 0; --k, b += pick(1, 120)) bounds.push_back(b);
    const aging_buckets buckets{.upper_bounds = bounds,
                                .basis = pick(0, 1) == 0 ? aging_basis::due_date : aging_basis::invoice_date};
    SCOPED_TRACE(::testing::Message() << "seed " << seed << " round " << round << ": " << n << " items, "
                                      << customers << " customers, " << bounds.size() << " bounds, " << threads
                                      << " threads");
    const auto p = synthetic::make_portfolio(n, customers, day_number(as_of), portfolio_seed);
    const std::size_t width = buckets.bucket_count();
    std::vector<std::vector<receivable_item>> per_customer(customers);
    for (std::size_t i = 0; i < n; ++i)
      per_customer[p.group[i]].push_back(
          {from_day_number(p.issue_day[i]), from_day_number(p.due_day[i]), nok_(p.open_minor[i])});
    std::vector<std::int64_t> batch(customers * width, -1);
    age_batch(p.columns(), buckets, as_of, customers, batch, threads);
    for (std::size_t c = 0; c < customers; ++c) {
      const auto row = age(per_customer[c], buckets, as_of, nok);
      for (std::size_t b = 0; b < width; ++b)
        ASSERT_EQ(batch[c * width + b], row[b].minor_units()) << "customer " << c << " bucket " << b;
    }
  }
}

TEST(AgingBatch, WithoutAGroupColumnEverythingIsOneGroup) {
  const auto items = hand_portfolio();
  std::vector<std::int32_t> due;
  std::vector<std::int64_t> open;
  for (const auto& it : items) {
    due.push_back(day_number(it.due));
    open.push_back(it.open_amount.minor_units());
  }
  std::vector<std::int64_t> out(5);
  age_batch({.due_day = due, .open_minor = open}, aging_buckets{}, make_date(2024, 3, 31), 1, out);
  EXPECT_EQ(out, (std::vector<std::int64_t>{1200'00, 700'00, 1100'00, 700'00, 750'00}));
}

TEST(AgingBatch, RejectsMalformedInput) {
  const std::vector<std::int32_t> due{19000, 19001};
  const std::vector<std::int64_t> open{100, 200};
  const std::vector<std::uint32_t> group{0, 5};
  const std::vector<std::uint32_t> short_group{0};
  std::vector<std::int64_t> out(2 * 5);
  const date as_of = make_date(2024, 1, 1);
  // group index 5 >= 2 groups
  EXPECT_EQ(thrown_code([&] {
              age_batch({.due_day = due, .open_minor = open, .group = group}, {}, as_of, 2, out);
            }),
            errc::invalid_argument);
  // columns of different lengths
  EXPECT_EQ(thrown_code([&] {
              age_batch({.due_day = due, .open_minor = open, .group = short_group}, {}, as_of, 2,
                        out);
            }),
            errc::invalid_argument);
  // by invoice date without an issue_day column
  EXPECT_EQ(thrown_code([&] {
              age_batch({.due_day = due, .open_minor = open},
                        {.upper_bounds = {30}, .basis = aging_basis::invoice_date}, as_of, 1,
                        std::span<std::int64_t>(out).first(2));
            }),
            errc::invalid_argument);
  // out of the wrong size
  EXPECT_EQ(thrown_code([&] {
              age_batch({.due_day = due, .open_minor = open}, {}, as_of, 1, out);
            }),
            errc::invalid_argument);
}

TEST(AgingBatch, SumsBeyond64BitsAreAnOverflowNotAWrap) {
  const std::vector<std::int32_t> due{19000, 19000};
  const std::vector<std::int64_t> open{INT64_MAX, 1};
  std::vector<std::int64_t> out(5);
  EXPECT_EQ(thrown_code([&] {
              age_batch({.due_day = due, .open_minor = open}, {}, make_date(2024, 1, 1), 1, out);
            }),
            errc::overflow);
  // ... but an intermediate beyond 64 bits that comes back is exact.
  const std::vector<std::int64_t> back{INT64_MAX, 1, -1};
  const std::vector<std::int32_t> due3{19000, 19000, 19000};
  age_batch({.due_day = due3, .open_minor = back}, {}, make_date(2024, 1, 1), 1, out);
  EXPECT_EQ(out[4], INT64_MAX);
}

TEST(PortfolioAging, SumsCustomersPerCurrencyInCodeOrder) {
  // Three customers, two buckets each: NOK, SEK, NOK.
  const std::vector<std::int64_t> per_group{100, 200, 5, 7, 1, 2};
  const std::vector<currency> ccy{nok, sek, nok};
  const auto rows = portfolio_aging(per_group, ccy, 2);
  ASSERT_EQ(rows.size(), 2U);
  EXPECT_EQ(rows[0], (aging_row{nok, {nok_(101), nok_(202)}, nok_(303)}));
  EXPECT_EQ(rows[1], (aging_row{sek, {money(5, sek), money(7, sek)}, money(12, sek)}));
  EXPECT_EQ(thrown_code([&] { (void)portfolio_aging(per_group, ccy, 4); }), errc::invalid_argument);
}

}  // namespace
}  // namespace kreditor
