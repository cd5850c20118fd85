#include "kreditor/time/business_day_convention.hpp"

#include <gtest/gtest.h>

#include <ostream>
#include <string>

#include "support/errors.hpp"

namespace kreditor {
namespace {

using enum business_day_convention;

struct SpellingCase {
  const char* text;
  business_day_convention expected;
  friend std::ostream& operator<<(std::ostream& os, const SpellingCase& c) { return os << c.text; }
};

class ParseBusinessDayConvention : public ::testing::TestWithParam<SpellingCase> {};

TEST_P(ParseBusinessDayConvention, AcceptsLongAndShortForms) {
  const auto r = parse_business_day_convention(GetParam().text);
  ASSERT_TRUE(r.has_value()) << r.error().message;
  EXPECT_EQ(*r, GetParam().expected);
}

// clang-format off
INSTANTIATE_TEST_SUITE_P(Table, ParseBusinessDayConvention, ::testing::Values(
  SpellingCase{"unadjusted", unadjusted},         SpellingCase{"none", unadjusted},
  SpellingCase{"U", unadjusted},                  SpellingCase{"following", following},
  SpellingCase{"F", following},                   SpellingCase{"Following", following},
  SpellingCase{"modified_following", modified_following},
  SpellingCase{"Modified Following", modified_following},
  SpellingCase{"modified-following", modified_following},
  SpellingCase{"MF", modified_following},         SpellingCase{"preceding", preceding},
  SpellingCase{"p", preceding},                   SpellingCase{"modified_preceding", modified_preceding},
  SpellingCase{"MP", modified_preceding}));
// clang-format on

TEST(BusinessDayConvention, ToStringRoundTrips) {
  for (auto c : {unadjusted, following, modified_following, preceding, modified_preceding})
    EXPECT_EQ(parse_business_day_convention(to_string(c)).value(), c) << to_string(c);
  EXPECT_EQ(to_string(modified_following), "modified_following");
  EXPECT_EQ(to_string(static_cast<business_day_convention>(77)), "??");
}

TEST(BusinessDayConvention, UnknownSpellingsAreInvalidArgument) {
  for (const char* text : {"", "follow", "modified", "MFX", "next"}) {
    const auto r = parse_business_day_convention(text);
    ASSERT_FALSE(r.has_value()) << text;
    EXPECT_EQ(r.error().code, errc::invalid_argument);
    EXPECT_NE(r.error().message.find("'" + std::string(text) + "'"), std::string::npos);
  }
}

}  // namespace
}  // namespace kreditor
