#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <type_traits>
#include <vector>

#include "kreditor/core/currency.hpp"
#include "kreditor/core/decimal.hpp"
#include "kreditor/core/money.hpp"
#include "kreditor/core/jurisdiction.hpp"
#include "kreditor/core/rate.hpp"
#include "support/errors.hpp"

namespace kreditor {
namespace {

using namespace literals;
using test_support::thrown_code;

static_assert(std::is_trivially_copyable_v<rate>);
static_assert(std::is_trivially_copyable_v<decimal>);
static_assert(!std::is_constructible_v<rate, double>);
static_assert(8_pct == rate::bps(800));
static_assert(rate::percent(100).parts_per_billion() == rate::one);
static_assert(iso4217::nok.minor_units() == 2 && iso4217::jpy.minor_units() == 0);
static_assert(currency{}.code() == "XXX");

TEST(Decimal, ParseAndFormat) {
  EXPECT_EQ(decimal::parse("1234.50").value().to_string(), "1234.50");
  EXPECT_EQ(decimal::parse("-0.05").value(), decimal(-5, 2));
  EXPECT_EQ(decimal::parse("1.50").value(), decimal::parse("1.5").value());  // value equality
  EXPECT_LT(decimal::parse("0.999").value(), decimal::integer(1));
  EXPECT_EQ(decimal(5, 0).rescale(2, rounding::down).to_string(), "5.00");
  EXPECT_EQ(decimal(125, 3).rescale(2, rounding::half_even).to_string(), "0.12");
  EXPECT_EQ(decimal::parse("1.2500").value().normalized().to_string(), "1.25");
  EXPECT_EQ(decimal::parse("0.1234567890123456789").error().code, errc::out_of_range);
  EXPECT_EQ(decimal(125, 3).rescale_exact(2).error().code, errc::precision_loss);
  EXPECT_EQ(thrown_code([] { (void)decimal(1, 19); }), errc::out_of_range);
}

struct RateCase {
  const char* text;
  std::int64_t ppb;
  const char* percent;
};

class RateParse : public ::testing::TestWithParam<RateCase> {};

TEST_P(RateParse, ReadsPercentBasisPointsAndFractions) {
  const RateCase& c = GetParam();
  const auto r = rate::parse(c.text);
  ASSERT_TRUE(r.has_value()) << c.text << ": " << r.error().message;
  EXPECT_EQ(r.value().parts_per_billion(), c.ppb) << c.text;
  EXPECT_EQ(r.value().percent_string(), c.percent) << c.text;
}

INSTANTIATE_TEST_SUITE_P(Table, RateParse, ::testing::Values(
    //       text        parts per billion  percent
    RateCase{"12.25%",   122'500'000,       "12.25"},
    RateCase{"0.1225",   122'500'000,       "12.25"},
    RateCase{"1225bp",   122'500'000,       "12.25"},
    RateCase{" 8 % ",    80'000'000,        "8"},
    RateCase{"0.02",     20'000'000,        "2"},
    RateCase{"-0.5%",    -5'000'000,        "-0.5"},
    RateCase{"0.0000001%", 1,               "0.0000001"}));

TEST(Rate, RejectsMalformedOrTooFineRates) {
  EXPECT_EQ(rate::parse("abc").error().code, errc::invalid_argument);
  EXPECT_EQ(rate::parse("12.25%%").error().code, errc::invalid_argument);
  EXPECT_EQ(rate::parse("").error().code, errc::invalid_argument);
  EXPECT_EQ(rate::parse("0.0000000001").error().code, errc::precision_loss);
  EXPECT_NE(rate::parse("abc").error().message.find("'abc'"), std::string::npos);
}

TEST(Rate, FractionAndPercentViewsAreExact) {
  EXPECT_EQ(rate::parse("12.5%").value().fraction_string(), "0.125");
  EXPECT_EQ(rate::from_percent(decimal(1225, 2)).value(), 1225_bp);
  EXPECT_EQ(rate::from_fraction(decimal(2, 2)).value(), 2_pct);
}

TEST(Currency, ParseLooksUpIso4217) {
  EXPECT_EQ(currency::parse("NOK").value(), iso4217::nok);
  EXPECT_EQ(currency::parse("KWD").value().minor_units(), 3);
  EXPECT_EQ(currency::parse("ISK").value().minor_units(), 0);
  EXPECT_EQ(currency::parse("ABC").error().code, errc::not_found);
  // The table's first and last codes and the two listed out of order, and the corners of the
  // letters' index.
  EXPECT_EQ(currency::parse("AED").value().code(), "AED");
  EXPECT_EQ(currency::parse("SLL").value().code(), "SLL");
  EXPECT_EQ(currency::parse("CLF").value().minor_units(), 4);
  EXPECT_EQ(currency::parse("ZWL").value().code(), "ZWL");
  EXPECT_EQ(currency::parse("AAA").error().code, errc::not_found);
  EXPECT_EQ(currency::parse("ZZZ").error().code, errc::not_found);
  EXPECT_EQ(currency::parse("nok").error().code, errc::invalid_argument);
  EXPECT_EQ(currency::parse("NOKK").error().code, errc::invalid_argument);
  EXPECT_NE(currency::parse("ABC").error().message.find("'ABC'"), std::string::npos);
}

TEST(Jurisdiction, ParsesCodesAndSegments) {
  EXPECT_EQ(parse_jurisdiction("no").value(), jurisdiction::no);
  EXPECT_EQ(to_string(jurisdiction::dk), "DK");
  EXPECT_EQ(parse_jurisdiction("US").error().code, errc::not_found);
  EXPECT_EQ(parse_segment("B2C").value(), segment::b2c);
  EXPECT_EQ(parse_segment("retail").error().code, errc::invalid_argument);
}

TEST(Errc, NamesEveryCode) {
  EXPECT_EQ(to_string(errc::legal_violation), "legal_violation");
  EXPECT_EQ(static_cast<int>(errc::overflow), -3);  // the C ABI's number; never changes
}

// to_string / append_to against the plain way (std::to_string, zeros and the point inserted):
// every scale, the extremes of int64, random mantissas; append_to appends after what is there.
TEST(Decimal, AppendToIsThePlainTextForEveryScale) {
  const auto plain = [](std::int64_t m, int scale) {
    const bool negative = m < 0;
    const std::uint64_t magnitude = negative ? 0 - static_cast<std::uint64_t>(m) : static_cast<std::uint64_t>(m);
    std::string digits = std::to_string(magnitude);
    const auto s = static_cast<std::size_t>(scale);
    if (digits.size() <= s) digits.insert(0, s - digits.size() + 1, '0');
    if (s > 0) digits.insert(digits.size() - s, 1, '.');
    return negative ? "-" + digits : digits;
  };
  std::mt19937_64 rng(5);
  std::vector<std::int64_t> mantissas{0, 1, -1, 5, -5, 99, 100, INT64_MAX, INT64_MIN, INT64_MIN + 1};
  for (int k = 0; k < 300; ++k) mantissas.push_back(static_cast<std::int64_t>(rng()) >> (rng() % 63));
  for (int scale = 0; scale <= decimal::max_scale; ++scale)
    for (const std::int64_t m : mantissas) {
      const decimal d(m, scale);
      EXPECT_EQ(d.to_string(), plain(m, scale)) << m << " at scale " << scale;
      std::string out = "x;";
      d.append_to(out);
      EXPECT_EQ(out, "x;" + plain(m, scale));
    }
  std::string amounts;
  append_to(amounts, money(-5, iso4217::nok));
  amounts += ' ';
  append_to(amounts, money(123456, iso4217::jpy));
  EXPECT_EQ(amounts, "-0.05 123456");
}

}  // namespace
}  // namespace kreditor
