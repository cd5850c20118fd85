// Issue 17: a decimal comma was read as a thousands separator ("12,50" -> 1250.00). Grouping
// separators are accepted only between groups of three digits; a trailing ",d" or ",dd" is
// refused with a message that asks whether a decimal comma was meant.
#include <gtest/gtest.h>

#include <string>

#include "kreditor/core/decimal.hpp"
#include "kreditor/core/money.hpp"
#include "kreditor/core/rate.hpp"

namespace kreditor {
namespace {

struct Refused {
  const char* text;
  const char* message_part;
};

class DecimalGroupingRefused : public ::testing::TestWithParam<Refused> {};

TEST_P(DecimalGroupingRefused, NamesTheProblem) {
  const auto d = decimal::parse(GetParam().text);
  ASSERT_FALSE(d) << GetParam().text << " parsed as " << d->to_string();
  EXPECT_EQ(d.error().code, errc::invalid_argument);
  EXPECT_NE(d.error().message.find(GetParam().message_part), std::string::npos) << d.error().message;
  EXPECT_NE(d.error().message.find(GetParam().text), std::string::npos) << d.error().message;
}

// clang-format off
INSTANTIATE_TEST_SUITE_P(Texts, DecimalGroupingRefused, ::testing::Values(
    Refused{"12,50", "decimal comma"},
    Refused{"1 000,50", "decimal comma"},
    Refused{"55200,5", "decimal comma"},
    Refused{"-3,5", "decimal comma"},
    Refused{"1,2,3", "not three long"},
    Refused{"12,34,567", "not three long"},
    Refused{"1234,567", "not three long"},
    Refused{"1,2345", "not three long"},
    Refused{"1,23.50", "not three long"},
    Refused{"1 234,567", "mixes"}));
// clang-format on

TEST(DecimalGrouping, GroupsOfThreeAreAccepted) {
  EXPECT_EQ(decimal::parse("1,234").value(), decimal::parse("1234").value());
  EXPECT_EQ(decimal::parse("1,234.50").value(), decimal::parse("1234.5").value());
  EXPECT_EQ(decimal::parse("1 234 567.89").value(), decimal::parse("1234567.89").value());
  EXPECT_EQ(decimal::parse("12_345").value(), decimal::parse("12345").value());
  EXPECT_EQ(decimal::parse("-123'456").value(), decimal::parse("-123456").value());
  EXPECT_EQ(decimal::parse("1,000,000").value(), decimal::parse("1000000").value());
}

TEST(DecimalGrouping, TheDecimalCommaMessageSuggestsThePoint) {
  const auto m = money::parse("12,50", iso4217::nok);
  ASSERT_FALSE(m);
  EXPECT_NE(m.error().message.find("'12.50'"), std::string::npos) << m.error().message;
}

TEST(RateParse, TooLargeIsNotCalledTooFine) {
  const auto r = rate::parse("99999999999999%");
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("too large"), std::string::npos) << r.error().message;
  EXPECT_EQ(r.error().message.find("finer"), std::string::npos) << r.error().message;
  const auto fine = rate::parse("0.00000001%");
  ASSERT_FALSE(fine);
  EXPECT_NE(fine.error().message.find("finer than one part per billion"), std::string::npos);
}

}  // namespace
}  // namespace kreditor
