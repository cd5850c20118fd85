#include "kreditor/exposure/dso.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "kreditor/exposure/alerts.hpp"
#include "support/errors.hpp"
#include "support/shorthand.hpp"

namespace kreditor {
namespace {

using iso4217::nok;
using iso4217::sek;
using test_support::thrown_code;

using test_support::nok_;

TEST(DsoStandard, IsReceivablesOverSalesTimesDays) {
  // 150 000 / 300 000 x 90 = 45 exactly.
  EXPECT_EQ(dso_standard(nok_(150'000'00), nok_(300'000'00), 90, 1, rounding::half_up),
            decimal(450, 1));
  // 100 / 300 x 31 = 10.333... and 200 / 300 x 31 = 20.666...: rounded once, as named.
  EXPECT_EQ(dso_standard(nok_(100'00), nok_(300'00), 31, 2, rounding::half_up), decimal(1033, 2));
  EXPECT_EQ(dso_standard(nok_(200'00), nok_(300'00), 31, 2, rounding::half_up), decimal(2067, 2));
  EXPECT_EQ(dso_standard(nok_(200'00), nok_(300'00), 31, 2, rounding::down), decimal(2066, 2));
  EXPECT_EQ(dso_standard(nok_(0), nok_(300'00), 31, 0, rounding::half_up), decimal(0, 0));
}

TEST(DsoStandard, RejectsMeaninglessInputs) {
  EXPECT_EQ(thrown_code([] { (void)dso_standard(nok_(1), nok_(0), 30, 1, rounding::half_up); }),
            errc::invalid_argument);
  EXPECT_EQ(thrown_code([] { (void)dso_standard(nok_(-1), nok_(1), 30, 1, rounding::half_up); }),
            errc::invalid_argument);
  EXPECT_EQ(thrown_code([] { (void)dso_standard(nok_(1), nok_(1), 0, 1, rounding::half_up); }),
            errc::invalid_argument);
  EXPECT_EQ(thrown_code([] { (void)dso_standard(nok_(1), nok_(1), 30, 10, rounding::half_up); }),
            errc::invalid_argument);
  EXPECT_EQ(thrown_code([] { (void)dso_standard(nok_(1), money(1, sek), 30, 1, rounding::half_up); }),
            errc::currency_mismatch);
}

// Count-back DSO, worked by hand. Receivables of 250 000 NOK at the end of March 2024; credit
// sales, newest month first: March (31 days) 120 000, February (29 days, leap year) 100 000,
// January (31 days) 90 000.
//
//   March:    250 000 > 120 000 -> count all 31 days; 250 000 - 120 000 = 130 000 left
//   February: 130 000 > 100 000 -> count all 29 days; 130 000 - 100 000 =  30 000 left
//   January:   30 000 <= 90 000 -> count 31 x 30 000 / 90 000 = 10.333... days; done
//   DSO = 31 + 29 + 10.333... = 70.333... days -> 70.33 (2 places, half up), 70.3 (1 place)
//
// The standard method over the same quarter gives 250 000 / 310 000 x 91 = 73.387... days:
// higher, because the big March sales are averaged with the quieter months.
const std::vector<period_sales> quarter{
    {31, money(120'000'00, nok)}, {29, money(100'000'00, nok)}, {31, money(90'000'00, nok)}};

TEST(DsoCountBack, MatchesTheHandWorkedExample) {
  EXPECT_EQ(dso_count_back(nok_(250'000'00), quarter, 2, rounding::half_up), decimal(7033, 2));
  EXPECT_EQ(dso_count_back(nok_(250'000'00), quarter, 1, rounding::half_up), decimal(703, 1));
  EXPECT_EQ(dso_standard(nok_(250'000'00), nok_(310'000'00), 91, 2, rounding::half_up),
            decimal(7339, 2));
}

TEST(DsoCountBack, ReceivablesEqualToAMonthsSalesCountThatMonthInFull) {
  // 120 000 is exactly March's sales: 31 x 120 000 / 120 000 = 31 days.
  EXPECT_EQ(dso_count_back(nok_(120'000'00), quarter, 2, rounding::half_up), decimal(3100, 2));
  // 60 000 is half of March: 15.5 days; rounded to whole days, half-even gives 16, down 15.
  EXPECT_EQ(dso_count_back(nok_(60'000'00), quarter, 0, rounding::half_even), decimal(16, 0));
  EXPECT_EQ(dso_count_back(nok_(60'000'00), quarter, 0, rounding::down), decimal(15, 0));
  EXPECT_EQ(dso_count_back(nok_(0), quarter, 2, rounding::half_up), decimal(0, 2));
}

TEST(DsoCountBack, AMonthWithoutSalesCountsInFull) {
  const std::vector<period_sales> gap{{31, nok_(0)}, {29, nok_(100'00)}};
  // March had no sales: 31 days; then 50 of February's 100: 14.5 days. 45.5.
  EXPECT_EQ(dso_count_back(nok_(50'00), gap, 1, rounding::half_up), decimal(455, 1));
}

TEST(DsoCountBack, ReceivablesBeyondAllSalesNeedMoreHistory) {
  EXPECT_EQ(thrown_code([] { (void)dso_count_back(nok_(310'000'01), quarter, 2, rounding::half_up); }),
            errc::out_of_range);
  const std::vector<period_sales> negative{{31, nok_(-1)}};
  EXPECT_EQ(thrown_code([&] { (void)dso_count_back(nok_(1), negative, 2, rounding::half_up); }),
            errc::invalid_argument);
}

// Paid items, by hand: 1 000 paid 10 days late, 3 000 paid 2 days early (0 days late), 2 000
// paid 5 days late. Weighted: (1 000 x 10 + 3 000 x 0 + 2 000 x 5) / 6 000 = 3.333... days.
// On time: 3 000 of 6 000 = 50 %.
const date due_feb15 = make_date(2024, 2, 15);
const std::vector<settled_item> paid{{due_feb15, due_feb15 + days(10), nok_(1'000'00)},
                                     {due_feb15, due_feb15 - days(2), nok_(3'000'00)},
                                     {due_feb15, due_feb15 + days(5), nok_(2'000'00)}};

TEST(PaymentBehaviour, AverageDaysLateIsWeightedByAmount) {
  EXPECT_EQ(average_days_late(paid, 2, rounding::half_even), decimal(333, 2));
  EXPECT_EQ(share_paid_on_time_percent(paid, 2, rounding::half_even), decimal(5000, 2));
  EXPECT_FALSE(average_days_late({}, 2, rounding::half_even).has_value());
  EXPECT_FALSE(share_paid_on_time_percent({}, 2, rounding::half_even).has_value());
  const std::vector<settled_item> mixed{{due_feb15, due_feb15, nok_(1)}, {due_feb15, due_feb15, money(1, sek)}};
  EXPECT_EQ(thrown_code([&] { (void)average_days_late(mixed, 2, rounding::half_even); }),
            errc::currency_mismatch);
  const std::vector<settled_item> zero{{due_feb15, due_feb15, nok_(0)}};
  EXPECT_EQ(thrown_code([&] { (void)average_days_late(zero, 2, rounding::half_even); }),
            errc::invalid_argument);
}

// Three months of payments: January 2 days late, February 1 and 5 days, March mostly 10 days.
std::vector<settled_item> three_months() {
  auto late = [](int month, int days_late, std::int64_t minor) {
    const date d = make_date(2024, month, 5);
    return settled_item{d, d + days(days_late), nok_(minor)};
  };
  return {late(1, 2, 100'00), late(2, 1, 100'00), late(2, 5, 100'00), late(3, 10, 500'00),
          late(3, 0, 50)};
}

TEST(PaymentBehaviour, TrendPerPeriodAndWorsening) {
  // January: 100 paid 2 days late -> 2.00. February: 100 x 1 + 100 x 5 over 200 -> 3.00.
  // March: 500 x 10 + 0.50 x 0 over 500.50 -> 9.99000999... -> 9.99.
  const std::vector<date> starts{make_date(2024, 1, 1), make_date(2024, 2, 1), make_date(2024, 3, 1)};
  const auto trend = payment_trend(three_months(), starts, make_date(2024, 4, 1), nok, 2,
                                   rounding::half_up);
  ASSERT_EQ(trend.size(), 3U);
  EXPECT_EQ(trend[0].average_days_late, decimal(200, 2));
  EXPECT_EQ(trend[1].average_days_late, decimal(300, 2));
  EXPECT_EQ(trend[2].average_days_late, decimal(999, 2));
  EXPECT_EQ(trend[1].paid, nok_(200'00));
  EXPECT_EQ(trend[1].on_time_percent, decimal(0, 2));
  EXPECT_EQ(trend[2].to, make_date(2024, 4, 1));
  // 9.99 - 3.00 = 6.99 days worse.
  EXPECT_TRUE(worsening(trend, decimal(5, 0)));
  EXPECT_TRUE(worsening(trend, decimal(698, 2)));
  EXPECT_FALSE(worsening(trend, decimal(699, 2)));  // a rise must exceed the tolerance
  EXPECT_FALSE(worsening(std::span(trend).first(1), decimal(0, 0)));
}

TEST(PaymentBehaviour, TrendRejectsBadPeriods) {
  const std::vector<date> backwards{make_date(2024, 2, 1), make_date(2024, 1, 1)};
  EXPECT_EQ(thrown_code([&] {
              (void)payment_trend(paid, backwards, make_date(2024, 4, 1), nok, 2, rounding::half_up);
            }),
            errc::invalid_argument);
  const std::vector<date> one{make_date(2024, 2, 1)};
  EXPECT_EQ(thrown_code([&] {
              (void)payment_trend(paid, one, make_date(2024, 2, 1), nok, 2, rounding::half_up);
            }),
            errc::invalid_argument);
}

// Monitoring one account as of 2024-03-31, previous check 2024-03-28.
TEST(Alerts, MonitorReportsEachKind) {
  const date as_of = make_date(2024, 3, 31);
  const credit_account account{
      .customer_id = "C-3",
      .limits = {{.amount = nok_(100'000'00)}},
      .securities = {{.kind = security_kind::guarantee, .amount = nok_(20'000'00),
                      .expires = make_date(2024, 4, 10)},
                     {.kind = security_kind::pledge, .amount = nok_(1'000'00),
                      .expires = make_date(2024, 9, 1)}}};
  const exposure e{.receivables_not_due = nok_(85'000'00), .receivables_overdue = nok_(0),
                   .total = nok_(85'000'00)};
  const std::vector<receivable_item> open{
      {make_date(2024, 2, 1), make_date(2024, 3, 29), nok_(1'000'00)},  // fell due_feb15 since the check
      {make_date(2024, 2, 1), make_date(2024, 3, 28), nok_(500'00)},    // due_feb15 on the check day: new
      {make_date(2024, 2, 1), make_date(2024, 3, 20), nok_(2'000'00)},  // already overdue then
      {make_date(2024, 3, 1), make_date(2024, 3, 31), nok_(4'000'00)},  // due_feb15 today: not overdue
  };
  const std::vector<date> starts{make_date(2024, 1, 1), make_date(2024, 2, 1), make_date(2024, 3, 1)};
  const auto trend = payment_trend(three_months(), starts, as_of + days(1), nok, 2, rounding::half_up);

  const auto alerts = monitor_account(account, e, open, trend, make_date(2024, 3, 28), as_of, {});
  ASSERT_EQ(alerts.size(), 4U);
  EXPECT_EQ(alerts[0], (alert{.kind = alert_kind::limit_utilisation, .amount = nok_(85'000'00),
                              .value = decimal(8500, 2)}));
  EXPECT_EQ(alerts[1], (alert{.kind = alert_kind::new_overdue, .amount = nok_(1'500'00), .count = 2}));
  EXPECT_EQ(alerts[2], (alert{.kind = alert_kind::worsening_payment, .amount = nok_(0),
                              .value = decimal(699, 2)}));
  EXPECT_EQ(alerts[3], (alert{.kind = alert_kind::security_expiring, .amount = nok_(20'000'00),
                              .days = 10}));
  EXPECT_EQ(to_string(alerts[3].kind), "security_expiring");

  // Below the threshold, nothing new, steady behaviour, nothing expiring soon: no alerts.
  const exposure low{.receivables_not_due = nok_(79'999'99), .total = nok_(79'999'99)};
  EXPECT_TRUE(monitor_account(account, low, {}, std::span(trend).first(2), as_of, as_of,
                              {.security_notice_days = 5})
                  .empty());
  EXPECT_EQ(thrown_code([&] {
              (void)monitor_account(account, e, open, trend, as_of + days(1), as_of, {});
            }),
            errc::invalid_argument);
}

}  // namespace
}  // namespace kreditor
