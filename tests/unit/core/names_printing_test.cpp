// What a host shows its users and reads back from them: the names of the rounding modes (the
// spelling policies, rate tables and the CLI use), money and currencies printed on a stream,
// and an amount that rounds to something money cannot hold.
#include <gtest/gtest.h>

#include <array>
#include <set>
#include <sstream>
#include <string_view>

#include "kreditor/core/money.hpp"
#include "kreditor/core/rounding.hpp"

namespace kreditor {
namespace {

TEST(RoundingNames, EveryModeReadsBackFromItsOwnName) {
  constexpr std::array all{rounding::half_up, rounding::half_even, rounding::half_down, rounding::down,
                           rounding::up,      rounding::floor,     rounding::ceiling};
  std::set<std::string_view> names;
  for (const rounding r : all) {
    const std::string_view name = to_string(r);
    EXPECT_TRUE(names.insert(name).second) << "two modes are both called " << name;
    EXPECT_EQ(parse_rounding(name), r) << name;
  }
  EXPECT_EQ(to_string(rounding::half_even), "half_even");
  EXPECT_EQ(to_string(rounding::ceiling), "ceiling");
}

TEST(RoundingNames, ANameIsReadExactlyNotGuessed) {
  EXPECT_EQ(parse_rounding("half_down"), rounding::half_down);
  EXPECT_EQ(parse_rounding("HALF_UP"), std::nullopt);
  EXPECT_EQ(parse_rounding("half up"), std::nullopt);
  EXPECT_EQ(parse_rounding("half_up "), std::nullopt);
  EXPECT_EQ(parse_rounding(""), std::nullopt);
}

TEST(MoneyPrinting, AStreamGetsTheExactAmountAndTheCode) {
  std::ostringstream out;
  out << money(-123'450, iso4217::nok) << " | " << money(5, iso4217::kwd) << " | "
      << money(7, iso4217::jpy) << " | " << iso4217::sek;
  EXPECT_EQ(out.str(), "-1234.50 NOK | 0.005 KWD | 7 JPY | SEK");
}

TEST(MoneyParse, AnAmountThatRoundsBeyondWhatMoneyHoldsFailsNamingTheText) {
  // Fits as a whole number, but not once it has EUR's two decimals: the rescale overflows.
  const auto r = money::parse("9223372036854775807", iso4217::eur, rounding::half_up);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, errc::overflow);
  EXPECT_NE(r.error().message.find("'9223372036854775807'"), std::string::npos) << r.error().message;
  // The same text in a currency without decimals is exact.
  const auto yen = money::parse("9223372036854775807", iso4217::jpy, rounding::half_up);
  ASSERT_TRUE(yen.has_value());
  EXPECT_EQ(yen.value().minor_units(), INT64_MAX);
}

}  // namespace
}  // namespace kreditor
