#include "kreditor/core/money.hpp"

#include <gtest/gtest.h>

#include <boost/multiprecision/cpp_int.hpp>
#include <cstdint>
#include <random>
#include <type_traits>

#include "support/errors.hpp"

namespace kreditor {
namespace {

using iso4217::eur;
using iso4217::jpy;
using iso4217::kwd;
using iso4217::nok;
using iso4217::sek;
using test_support::thrown_code;

// What the type must be, checked at compile time.
static_assert(std::is_trivially_copyable_v<money>);
static_assert(sizeof(money) == 16);
static_assert(sizeof(currency) == 4);
static_assert(!std::is_convertible_v<double, money>);
static_assert(!std::is_constructible_v<money, double>);

// What must not compile: money * double, money * money, money + int.
template <class A, class B>
concept multipliable = requires(A a, B b) { a * b; };
template <class A, class B>
concept addable = requires(A a, B b) { a + b; };
static_assert(!multipliable<money, double>);
static_assert(!multipliable<double, money>);
static_assert(!multipliable<money, money>);
static_assert(!multipliable<money, int>);
static_assert(!addable<money, int>);
static_assert(!addable<money, double>);

// constexpr arithmetic is tested by the compiler.
static_assert(money(1999, eur) + money(1, eur) == money(2000, eur));
static_assert(-money(5, nok) == money(-5, nok));

TEST(Money, AddingDifferentCurrenciesThrowsCurrencyMismatch) {
  EXPECT_EQ(thrown_code([] { (void)(money(100, eur) + money(100, sek)); }), errc::currency_mismatch);
  EXPECT_EQ(thrown_code([] { (void)(money(100, eur) < money(100, sek)); }), errc::currency_mismatch);
}

TEST(Money, OverflowThrowsAndLeavesTheValueUnchanged) {
  money m(INT64_MAX, eur);
  EXPECT_EQ(thrown_code([&] { m += money(1, eur); }), errc::overflow);
  EXPECT_EQ(m, money(INT64_MAX, eur));  // strong guarantee
  money n(INT64_MIN, eur);
  EXPECT_EQ(thrown_code([&] { n -= money(1, eur); }), errc::overflow);
  EXPECT_EQ(thrown_code([&] { (void)-n; }), errc::overflow);
}

struct ParseCase {
  const char* text;
  currency ccy;
  std::int64_t minor;
};

class MoneyParse : public ::testing::TestWithParam<ParseCase> {};

TEST_P(MoneyParse, ReadsTheExactAmount) {
  const ParseCase& c = GetParam();
  const auto m = money::parse(c.text, c.ccy);
  ASSERT_TRUE(m.has_value()) << c.text << ": " << m.error().message;
  EXPECT_EQ(m.value(), money(c.minor, c.ccy)) << c.text;
}

INSTANTIATE_TEST_SUITE_P(Table, MoneyParse, ::testing::Values(
    //       text            currency  minor units
    ParseCase{"1234.50",      nok,      123450},
    ParseCase{"-0.05",        nok,      -5},
    ParseCase{"+7",           nok,      700},
    ParseCase{"1,234.5",      eur,      123450},
    ParseCase{"1 234 567.89", sek,      123456789},
    ParseCase{"1_000",        eur,      100000},
    ParseCase{"0.1",          kwd,      100},
    ParseCase{"1.234",        kwd,      1234},
    ParseCase{"1500",         jpy,      1500},
    ParseCase{"12.300",       eur,      1230},  // trailing zeros beyond the minor units are exact
    ParseCase{"92233720368547758.07", eur, INT64_MAX}));

// money::parse reads the plain amounts a ledger writes ([-]DIGITS[.DIGITS]) without the general
// decimal parser: for every such text, and for the texts around its edges, the value (or the
// refusal) is the general parser's, decimal::parse then an exact rescale to the currency.
TEST(Money, ThePlainAmountFastPathIsTheGeneralParser) {
  std::mt19937_64 rng(20261207);
  const currency currencies[] = {nok, jpy, kwd, currency::iso("CLF", 4)};
  const auto digits = [&](std::size_t n) {
    std::string out;
    for (std::size_t k = 0; k < n; ++k) out += static_cast<char>('0' + rng() % 10);
    return out;
  };
  std::size_t read = 0;
  for (int k = 0; k < 200'000; ++k) {
    const currency c = currencies[rng() % 4];
    std::string text = rng() % 4 == 0 ? "-" : "";
    text += digits(rng() % 22);  // 0..21 integer digits: past 15 the general parser reads them (or refuses)
    if (rng() % 3 != 0) text += "." + digits(rng() % 5);  // 0..4 decimals, "5." included
    const result<money> fast = money::parse(text, c);
    const result<decimal> d = decimal::parse(text, decimal_mark::point);
    const result<decimal> exact = d ? d->rescale_exact(c.minor_units()) : result<decimal>(d.error());
    ASSERT_EQ(fast.has_value(), exact.has_value()) << text << " in " << c.code();
    if (!exact) {
      EXPECT_EQ(fast.error().code, exact.error().code) << text;
      continue;
    }
    ASSERT_EQ(fast->minor_units(), exact->mantissa()) << text << " in " << c.code();
    EXPECT_EQ(fast->currency(), c);
    ++read;
  }
  EXPECT_GT(read, 50'000U);
}

TEST(Money, ParseRejectsMalformedTextNamingIt) {
  for (const char* bad : {"", "-", "1.2.3", "1..2", ".5", "5.", "1e5", "12a", " 12", "1,,000", ",100",
                          "100,", "--1", "NaN"}) {
    const auto m = money::parse(bad, eur);
    ASSERT_FALSE(m.has_value()) << bad;
    EXPECT_EQ(m.error().code, errc::invalid_argument) << bad;
    EXPECT_NE(m.error().message.find(std::string("'") + bad + "'"), std::string::npos)
        << m.error().message;
  }
}

TEST(Money, ParseWithTooManyDecimalsNeedsARoundingMode) {
  EXPECT_EQ(money::parse("1.005", eur).error().code, errc::precision_loss);
  EXPECT_EQ(money::parse("1.5", jpy).error().code, errc::precision_loss);
  EXPECT_EQ(money::parse("1.005", eur, rounding::half_up).value(), money(101, eur));
  EXPECT_EQ(money::parse("1.005", eur, rounding::half_even).value(), money(100, eur));
  EXPECT_EQ(money::parse("-1.005", eur, rounding::half_up).value(), money(-101, eur));
  EXPECT_EQ(money::parse("2.5", jpy, rounding::half_even).value(), money(2, jpy));
}

TEST(Money, ParseOverflowIsAnError) {
  EXPECT_EQ(money::parse("92233720368547758.08", eur).error().code, errc::overflow);
  EXPECT_EQ(money::parse("99999999999999999999", eur).error().code, errc::overflow);
}

TEST(Money, FormatsEveryMinorDigit) {
  EXPECT_EQ(to_string(money(123450, nok)), "1234.50");
  EXPECT_EQ(to_string(money(-5, nok)), "-0.05");
  EXPECT_EQ(to_string(money(0, eur)), "0.00");
  EXPECT_EQ(to_string(money(1500, jpy)), "1500");
  EXPECT_EQ(to_string(money(1, kwd)), "0.001");
  EXPECT_EQ(to_string(money(INT64_MIN, eur)), "-92233720368547758.08");
}

// Found by the state file's round-trip property (tests/unit/book/state_json_test.cpp): the
// most negative amount printed but did not read back ("does not fit in 64 bits").
TEST(Money, TheMostNegativeAmountReadsBack) {
  EXPECT_EQ(money::parse("-92233720368547758.08", eur).value(), money(INT64_MIN, eur));
  EXPECT_EQ(money::parse(to_string(money(INT64_MIN, kwd)), kwd).value(), money(INT64_MIN, kwd));
  EXPECT_EQ(decimal::parse("-9223372036854775808").value().mantissa(), INT64_MIN);
  // One further, either way, is still an overflow.
  EXPECT_EQ(money::parse("-92233720368547758.09", eur).error().code, errc::overflow);
  EXPECT_EQ(money::parse("92233720368547758.08", eur).error().code, errc::overflow);
  EXPECT_EQ(decimal::parse("9223372036854775808").error().code, errc::overflow);
}

TEST(Money, FormatThenParseRoundTrips) {
  std::mt19937_64 rng(42);
  for (int i = 0; i < 10'000; ++i) {
    const money m(static_cast<std::int64_t>(rng()), i % 2 ? eur : kwd);
    EXPECT_EQ(money::parse(to_string(m), m.currency()).value(), m);
  }
}

struct RoundCase {
  std::int64_t minor;
  const char* factor;
  rounding mode;
  std::int64_t expected;
};

class MoneyMultiply : public ::testing::TestWithParam<RoundCase> {};

TEST_P(MoneyMultiply, RoundsOnceWithTheNamedMode) {
  const RoundCase& c = GetParam();
  EXPECT_EQ(multiply(money(c.minor, eur), decimal::parse(c.factor).value(), c.mode),
            money(c.expected, eur))
      << c.minor << " x " << c.factor << " " << to_string(c.mode);
}

using enum rounding;
INSTANTIATE_TEST_SUITE_P(Table, MoneyMultiply, ::testing::Values(
    //        minor   factor   mode        expected (1.25 x 0.5 = 0.625)
    RoundCase{125,    "0.5",   half_up,    63},
    RoundCase{125,    "0.5",   half_even,  62},
    RoundCase{125,    "0.5",   half_down,  62},
    RoundCase{125,    "0.5",   down,       62},
    RoundCase{125,    "0.5",   up,         63},
    RoundCase{-125,   "0.5",   half_up,    -63},
    RoundCase{-125,   "0.5",   half_even,  -62},
    RoundCase{-125,   "0.5",   floor,      -63},
    RoundCase{-125,   "0.5",   ceiling,    -62},
    RoundCase{123450, "0.25",  half_up,    30863},
    RoundCase{100,    "3",     half_up,    300}));

TEST(Money, MultiplyByRateAndDivide) {
  using namespace literals;
  EXPECT_EQ(multiply(money(10000, eur), 2_pct, rounding::half_up), money(200, eur));
  EXPECT_EQ(multiply(money(333, eur), rate::parse("12.5%").value(), rounding::half_even),
            money(42, eur));  // 41.625 -> 42
  EXPECT_EQ(divide(money(1000, eur), 3, rounding::half_up), money(333, eur));
  EXPECT_EQ(thrown_code([] { (void)divide(money(1000, eur), 0, rounding::half_up); }),
            errc::invalid_argument);
  EXPECT_EQ(thrown_code([] { (void)multiply(money(INT64_MAX, eur), decimal(2, 0), rounding::down); }),
            errc::overflow);
}

TEST(Money, SplitLosesNoMinorUnit) {
  const auto parts = split(money(1000, eur), 3);
  ASSERT_EQ(parts.size(), 3U);
  EXPECT_EQ(parts[0], money(334, eur));
  EXPECT_EQ(parts[1], money(333, eur));
  EXPECT_EQ(parts[2], money(333, eur));
  const auto negative = split(money(-1000, eur), 3);
  EXPECT_EQ(negative[0], money(-334, eur));
  EXPECT_EQ(thrown_code([] { (void)split(money(1, eur), 0); }), errc::invalid_argument);
}

TEST(Money, AllocateByRatiosUsesLargestRemainder) {
  // 100.00 by 1:1:1 -> 33.34 33.33 33.33; 0.05 by 3:7 -> 0.01/0.04? 1.5 and 3.5 -> tie to earlier
  const std::vector<std::int64_t> thirds{1, 1, 1};
  const auto a = allocate(money(10000, eur), thirds);
  EXPECT_EQ(a, (std::vector<money>{money(3334, eur), money(3333, eur), money(3333, eur)}));
  const std::vector<std::int64_t> w{3, 7};
  const auto b = allocate(money(5, eur), w);  // 1.5 and 3.5: remainders equal, earlier first
  EXPECT_EQ(b, (std::vector<money>{money(2, eur), money(3, eur)}));
  const std::vector<std::int64_t> skew{1, 0, 99};
  const auto c = allocate(money(101, eur), skew);  // 1.01, 0, 99.99 -> 1, 0, 100
  EXPECT_EQ(c, (std::vector<money>{money(1, eur), money(0, eur), money(100, eur)}));
  const std::vector<std::int64_t> none{0, 0};
  EXPECT_EQ(thrown_code([&] { (void)allocate(money(1, eur), none); }), errc::invalid_argument);
  const std::vector<std::int64_t> negative{1, -1};
  EXPECT_EQ(thrown_code([&] { (void)allocate(money(1, eur), negative); }), errc::invalid_argument);
}

// Property: allocation sums to the total and each part is within one unit of its exact share.
TEST(Money, AllocatePropertySumsToTotalForRandomAmountsAndRatios) {
  std::mt19937_64 rng(20261123);
  for (int trial = 0; trial < 20'000; ++trial) {
    const auto amount = static_cast<std::int64_t>(rng() % 2'000'000'000'000ULL) - 1'000'000'000'000LL;
    std::vector<std::int64_t> weights(1 + rng() % 12);
    std::int64_t sum = 0;
    for (auto& w : weights) sum += (w = static_cast<std::int64_t>(rng() % 1'000'000));
    if (sum == 0) weights[0] = sum = 1;
    const auto parts = allocate(money(amount, nok), weights);
    money total(0, nok);
    for (std::size_t i = 0; i < parts.size(); ++i) {
      total += parts[i];
      const int128 exact_times_sum = int128(amount) * weights[i];
      const int128 diff = int128(parts[i].minor_units()) * sum - exact_times_sum;
      ASSERT_LT(diff < 0 ? -diff : diff, int128(sum)) << "part " << i << " of " << amount;
    }
    ASSERT_EQ(total, money(amount, nok));
  }
}

// Cross-check of the one rounding routine against Boost.Multiprecision's checked 128-bit
// integers (an independent implementation of the same arithmetic).
TEST(Rounding, DivideRoundedAgreesWithBoostMultiprecision) {
  using big = boost::multiprecision::checked_int128_t;
  std::mt19937_64 rng(7);
  for (int i = 0; i < 100'000; ++i) {
    const auto a = static_cast<std::int64_t>(rng()) >> (rng() % 40);
    const auto b = static_cast<std::int64_t>(rng() % 2'000'000'001) - 1'000'000'000;
    const auto d = static_cast<std::int64_t>(rng() % 1'000'000 + 1) * ((rng() & 1) ? 1 : -1);
    const big n = big(a) * b;
    const big q = n / d, r = n % d;
    const big twice = 2 * abs(r);
    const bool neg = (n < 0) != (d < 0);
    const auto expect = [&](rounding mode) -> big {
      if (r == 0) return q;
      bool away = false;
      switch (mode) {
        case rounding::down: away = false; break;
        case rounding::up: away = true; break;
        case rounding::floor: away = neg; break;
        case rounding::ceiling: away = !neg; break;
        case rounding::half_up: away = twice >= abs(big(d)); break;
        case rounding::half_down: away = twice > abs(big(d)); break;
        case rounding::half_even: away = twice > abs(big(d)) || (twice == abs(big(d)) && q % 2 != 0); break;
      }
      return away ? q + (neg ? -1 : 1) : q;
    };
    for (rounding mode : {rounding::half_up, rounding::half_even, rounding::half_down, rounding::down,
                          rounding::up, rounding::floor, rounding::ceiling}) {
      const big e = expect(mode);
      if (e > INT64_MAX || e < INT64_MIN) {
        EXPECT_EQ(thrown_code([&] { (void)divide_rounded(int128(a) * b, d, mode); }), errc::overflow);
      } else {
        ASSERT_EQ(divide_rounded(int128(a) * b, d, mode), static_cast<std::int64_t>(e))
            << a << "*" << b << "/" << d << " " << to_string(mode);
      }
    }
  }
}

}  // namespace
}  // namespace kreditor
