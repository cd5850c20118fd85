// The payment trend's end date is exclusive, as documented (issue 17: a mutation making it
// inclusive survived the suite).
#include <gtest/gtest.h>

#include <vector>

#include "kreditor/exposure/dso.hpp"
#include "support/shorthand.hpp"

namespace kreditor {
namespace {

using test_support::d;

TEST(PaymentTrendBoundary, ThePaymentOnTheEndDateIsOutside) {
  const std::vector<settled_item> items{
      {.due = d(2024, 2, 5), .paid = d(2024, 2, 7), .amount = money(10'000, iso4217::nok)},
      {.due = d(2024, 2, 20), .paid = d(2024, 3, 1), .amount = money(10'000, iso4217::nok)}};
  const std::vector<date> starts{d(2024, 1, 1), d(2024, 2, 1)};
  const auto trend = payment_trend(items, starts, d(2024, 3, 1), iso4217::nok, 2, rounding::half_up);
  ASSERT_EQ(trend.size(), 2u);
  EXPECT_EQ(trend[0].paid, money(0, iso4217::nok));
  EXPECT_EQ(trend[1].from, d(2024, 2, 1));
  EXPECT_EQ(trend[1].to, d(2024, 3, 1));
  EXPECT_EQ(trend[1].paid, money(10'000, iso4217::nok));  // only the one paid 02-07
  ASSERT_TRUE(trend[1].average_days_late);
  EXPECT_EQ(*trend[1].average_days_late, decimal::parse("2.00").value());
  // One day later the end takes in the 03-01 payment (10 days late): 6.00 on average.
  const auto longer = payment_trend(items, starts, d(2024, 3, 2), iso4217::nok, 2, rounding::half_up);
  EXPECT_EQ(longer[1].paid, money(20'000, iso4217::nok));
  EXPECT_EQ(*longer[1].average_days_late, decimal::parse("6.00").value());
}

}  // namespace
}  // namespace kreditor
