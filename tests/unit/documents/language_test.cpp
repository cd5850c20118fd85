// How each document language writes amounts, dates and rates: exact, from the minor units.
#include <gtest/gtest.h>

#include "kreditor/documents/language.hpp"
#include "support/shorthand.hpp"

namespace {
using namespace kreditor;

using test_support::nok;

TEST(DocumentLanguage, AmountsAsEachLanguageWritesThem) {
  EXPECT_EQ(format_amount(nok(123450), language::nb), "1 234,50");
  EXPECT_EQ(format_amount(nok(123450), language::sv), "1 234,50");
  EXPECT_EQ(format_amount(nok(123450), language::fi), "1 234,50");
  EXPECT_EQ(format_amount(nok(123450), language::da), "1.234,50");
  EXPECT_EQ(format_amount(nok(123450), language::en), "1,234.50");
  EXPECT_EQ(format_amount(nok(123456789012), language::nb), "1 234 567 890,12");
  EXPECT_EQ(format_amount(nok(99999), language::en), "999.99");
  EXPECT_EQ(format_amount(nok(5), language::nb), "0,05");
  EXPECT_EQ(format_amount(nok(0), language::da), "0,00");
  EXPECT_EQ(format_amount(nok(-123450), language::nb), "-1 234,50");
  EXPECT_EQ(format_amount(nok(-99900), language::en), "-999.00");
  // A currency without minor units has no decimal mark at all.
  EXPECT_EQ(format_amount(money(1234567, currency::parse("JPY").value()), language::en), "1,234,567");
  // The largest amount is exact, not a rounded double.
  EXPECT_EQ(format_amount(nok(INT64_MAX), language::en), "92,233,720,368,547,758.07");
}

TEST(DocumentLanguage, DatesAndRates) {
  const date d = make_date(2026, 3, 5);
  EXPECT_EQ(format_date(d, language::nb), "05.03.2026");
  EXPECT_EQ(format_date(d, language::da), "05.03.2026");
  EXPECT_EQ(format_date(d, language::fi), "05.03.2026");
  EXPECT_EQ(format_date(d, language::sv), "2026-03-05");
  EXPECT_EQ(format_date(d, language::en), "2026-03-05");
  EXPECT_EQ(format_percent(rate::from_percent(decimal::parse("12.5").value()).value(), language::nb), "12,5 %");
  EXPECT_EQ(format_percent(rate::from_percent(decimal::parse("12.5").value()).value(), language::en), "12.5%");
  EXPECT_EQ(format_percent(rate::from_percent(decimal::parse("8").value()).value(), language::sv), "8 %");
}

TEST(DocumentLanguage, ParsingAndDefaults) {
  EXPECT_EQ(parse_language("nb").value(), language::nb);
  EXPECT_EQ(parse_language("NO").value(), language::nb);
  EXPECT_EQ(parse_language("Sv").value(), language::sv);
  const auto bad = parse_language("de");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, errc::invalid_argument);
  EXPECT_NE(bad.error().message.find("'de'"), std::string::npos);
  EXPECT_NE(bad.error().message.find("nb, sv, da, fi, en"), std::string::npos);
  EXPECT_EQ(language_of(jurisdiction::no), language::nb);
  EXPECT_EQ(language_of(jurisdiction::se), language::sv);
  EXPECT_EQ(language_of(jurisdiction::dk), language::da);
  EXPECT_EQ(language_of(jurisdiction::fi), language::fi);
  EXPECT_EQ(language_of(jurisdiction::eu), language::en);
  for (language l : {language::nb, language::sv, language::da, language::fi, language::en})
    EXPECT_EQ(parse_language(to_string(l)).value(), l);
}

}  // namespace
