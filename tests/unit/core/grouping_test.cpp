// Issue 17: a decimal comma was read as a thousands separator ("12,50" -> 1250.00). Grouping
// separators are accepted only between groups of three digits; a trailing ",d" or ",dd" is
// refused with a message that asks whether a decimal comma was meant.
#include <gtest/gtest.h>

#include <string>
#include <utility>

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

TEST(DecimalGrouping, ThePointModeMessageNamesTheDecimalCommaOption) {
  const auto m = money::parse("1 000,50", iso4217::nok);
  ASSERT_FALSE(m);
  EXPECT_NE(m.error().message.find("--decimal-comma"), std::string::npos) << m.error().message;
}

// The Nordic export (issue 17, --decimal-comma): the comma is the decimal mark, '.', ' ', '_'
// and the apostrophe group thousands, in threes as with the point.
TEST(DecimalComma, ReadsNordicAmounts) {
  const auto comma = [](const char* text) { return decimal::parse(text, decimal_mark::comma).value(); };
  EXPECT_EQ(comma("12,50"), decimal::parse("12.50").value());
  EXPECT_EQ(comma("1 000,50"), decimal::parse("1000.50").value());
  EXPECT_EQ(comma("1.234.567,89"), decimal::parse("1234567.89").value());
  EXPECT_EQ(comma("55200,5"), decimal::parse("55200.5").value());
  EXPECT_EQ(comma("-3,5"), decimal::parse("-3.5").value());
  EXPECT_EQ(comma("1234"), decimal::parse("1234").value());
  EXPECT_EQ(comma("1.234"), decimal::parse("1234").value());  // a thousands point, as "1,234" with the point
  EXPECT_EQ(money::parse("1 234,50", iso4217::sek, std::nullopt, decimal_mark::comma).value(),
            money(123'450, iso4217::sek));
  EXPECT_EQ(to_string(decimal_mark::comma), "comma");
}

TEST(DecimalComma, RefusesWhatIsAmbiguousOrMisgrouped) {
  for (const auto& [text, part] : {std::pair{"12.50", "decimal comma, so write '12,50'"},
                                   std::pair{"1,234.50", "unexpected character"},
                                   std::pair{"1.23,50", "not three long"},
                                   std::pair{"1.234 567,8", "mixes"},
                                   std::pair{"12,", "after the decimal comma"},
                                   std::pair{"1,2,3", "unexpected character"}}) {
    const auto d = decimal::parse(text, decimal_mark::comma);
    ASSERT_FALSE(d) << text << " parsed as " << d->to_string();
    EXPECT_NE(d.error().message.find(part), std::string::npos) << text << ": " << d.error().message;
  }
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
