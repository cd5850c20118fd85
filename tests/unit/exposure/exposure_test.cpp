#include "kreditor/exposure/exposure.hpp"

#include <gtest/gtest.h>

#include <random>
#include <type_traits>
#include <vector>

#include "../../../benchmarks/synthetic_portfolio.hpp"
#include "kreditor/exposure/credit_account.hpp"
#include "support/errors.hpp"
#include "support/shorthand.hpp"

namespace kreditor {
namespace {

using iso4217::eur;
using iso4217::nok;
using test_support::thrown_code;

using test_support::nok_;

static_assert(std::is_aggregate_v<credit_account>);
static_assert(std::is_trivially_copyable_v<receivable_summary>);

const date as_of = make_date(2024, 3, 31);

// An account holding a live guarantee, an expired pledge (which must not count), security in
// another currency (not converted, does not count) and what we owe the customer.
credit_account account_with(std::int64_t security_minor, std::int64_t owed_minor) {
  return credit_account{
      .customer_id = "C-1",
      .limits = {{.amount = nok_(100'000'00)}},
      .securities = {{.kind = security_kind::guarantee, .amount = nok_(security_minor),
                      .expires = make_date(2024, 3, 31)},  // valid through its expiry day
                     {.kind = security_kind::pledge, .amount = nok_(99'000'00),
                      .expires = make_date(2024, 3, 30)},  // expired yesterday
                     {.kind = security_kind::credit_insurance, .amount = money(50'000'00, eur)}},
      .owed_to_customer = {nok_(owed_minor), money(1'000'00, eur)}};
}

struct ExposureCase {
  const char* name;
  std::int64_t not_due, overdue, orders, deliveries;  // inputs (minor units, NOK)
  std::int64_t security_held, owed;                   // what the account holds
  std::int64_t set_off, security, total;              // expected (deductions <= 0)
  friend std::ostream& operator<<(std::ostream& os, const ExposureCase& c) {
    return os << c.name << ": not_due " << c.not_due << " overdue " << c.overdue << " orders "
              << c.orders << " deliveries " << c.deliveries << " security " << c.security_held
              << " owed " << c.owed;
  }
};

class ExposureTable : public ::testing::TestWithParam<ExposureCase> {};

TEST_P(ExposureTable, ReportsEachCategoryAndTheirSum) {
  const auto& c = GetParam();
  const exposure e = compute_exposure(receivable_summary{c.not_due, c.overdue, 12},
                                      account_with(c.security_held, c.owed),
                                      {.orders_accepted = nok_(c.orders), .delivered = nok_(c.deliveries)},
                                      nok, as_of);
  EXPECT_EQ(e.receivables_not_due, nok_(c.not_due));
  EXPECT_EQ(e.receivables_overdue, nok_(c.overdue));
  EXPECT_EQ(e.orders_not_invoiced, nok_(c.orders));
  EXPECT_EQ(e.deliveries_not_invoiced, nok_(c.deliveries));
  EXPECT_EQ(e.set_off, nok_(c.set_off));
  EXPECT_EQ(e.security, nok_(c.security));
  EXPECT_EQ(e.total, nok_(c.total));
  EXPECT_EQ(e.security_held, nok_(c.security_held));
  EXPECT_EQ(e.set_off_held, nok_(c.owed));
  EXPECT_EQ(e.max_days_past_due, 12);
}

// clang-format off
INSTANTIATE_TEST_SUITE_P(Table, ExposureTable, ::testing::Values(
    //           name                        not_due    overdue   orders   deliv.  | security   owed   | set_off   security    total
    ExposureCase{"all categories",           50'000'00, 10'000'00, 5'000'00, 2'000'00, 20'000'00, 3'000'00, -3'000'00, -20'000'00, 44'000'00},
    ExposureCase{"security covers the rest", 10'000'00,  5'000'00,        0,        0, 20'000'00, 3'000'00, -3'000'00, -12'000'00,         0},
    ExposureCase{"set-off covers it all",     2'000'00,         0,        0,        0, 20'000'00, 3'000'00, -2'000'00,          0,         0},
    ExposureCase{"nothing held",             10'000'00,  1'000'00,   500'00,   250'00,         0,        0,         0,          0, 11'750'00},
    ExposureCase{"customer in credit",       -1'000'00,         0,        0,        0, 20'000'00, 3'000'00,         0,          0, -1'000'00},
    ExposureCase{"commitments only",                 0,         0, 7'000'00, 1'000'00,  5'000'00,   100'00,   -100'00,  -5'000'00,  2'900'00}));
// clang-format on

TEST(Exposure, FromItemsSplitsNotDueAndOverdueAtTheDueDate) {
  const std::vector<receivable_item> items{
      {make_date(2024, 3, 1), make_date(2024, 3, 31), nok_(1'000'00)},  // due today: not overdue
      {make_date(2024, 2, 1), make_date(2024, 3, 1), nok_(2'000'00)},   // 30 days past due
      {make_date(2024, 1, 1), make_date(2024, 1, 31), nok_(-500'00)},   // old credit: no dpd
      {make_date(2024, 3, 10), make_date(2024, 4, 9), nok_(4'000'00)},
  };
  const exposure e = compute_exposure(items, account_with(0, 0), {}, nok, as_of);
  EXPECT_EQ(e.receivables_not_due, nok_(5'000'00));
  EXPECT_EQ(e.receivables_overdue, nok_(1'500'00));
  EXPECT_EQ(e.max_days_past_due, 30);
  EXPECT_EQ(e.total, nok_(6'500'00));
  EXPECT_EQ(e.open_receivables(), nok_(6'500'00));
}

TEST(Exposure, CategoriesAreNamedForReports) {
  const exposure e = compute_exposure(receivable_summary{1, 2, 0}, account_with(0, 0),
                                      {.orders_accepted = nok_(3), .delivered = nok_(4)}, nok, as_of);
  const auto cats = e.categories();
  EXPECT_EQ(cats[0].first, "receivables_not_due");
  EXPECT_EQ(cats[1].first, "receivables_overdue");
  EXPECT_EQ(cats[2].first, "orders_not_invoiced");
  EXPECT_EQ(cats[3].first, "deliveries_not_invoiced");
  EXPECT_EQ(cats[4].first, "set_off");
  EXPECT_EQ(cats[5].first, "security");
  EXPECT_EQ(cats[2].second, nok_(3));
}

// Property: on random inputs the categories sum to the total; deductions are never positive
// and never take a non-negative gross exposure below zero.
TEST(Exposure, CategoriesSumToTheTotal) {
  std::mt19937_64 rng(11);
  std::uniform_int_distribution<std::int64_t> amount(-50'000'00, 500'000'00);
  std::uniform_int_distribution<std::int64_t> held(0, 300'000'00);
  for (int round = 0; round < 1000; ++round) {
    const receivable_summary s{amount(rng), amount(rng), 0};
    const uninvoiced u{.orders_accepted = nok_(held(rng)), .delivered = nok_(held(rng))};
    const exposure e = compute_exposure(s, account_with(held(rng), held(rng)), u, nok, as_of);
    money sum = nok_(0);
    for (const auto& [name, m] : e.categories()) sum += m;
    ASSERT_EQ(sum, e.total) << "round " << round;
    EXPECT_LE(e.set_off, nok_(0));
    EXPECT_LE(e.security, nok_(0));
    EXPECT_GE(e.set_off, -e.set_off_held);
    EXPECT_GE(e.security, -e.security_held);
    if (e.gross() >= nok_(0)) {
      EXPECT_GE(e.total, nok_(0));
    }
  }
}

TEST(Exposure, RejectsInputsInAnotherCurrencyOrNegativeCommitments) {
  const credit_account acct = account_with(0, 0);
  EXPECT_EQ(thrown_code([&] {
              (void)compute_exposure(receivable_summary{}, acct,
                                     {.orders_accepted = money(1, eur), .delivered = nok_(0)}, nok,
                                     as_of);
            }),
            errc::currency_mismatch);
  EXPECT_EQ(thrown_code([&] {
              (void)compute_exposure(receivable_summary{}, acct,
                                     {.orders_accepted = nok_(-1), .delivered = nok_(0)}, nok, as_of);
            }),
            errc::invalid_argument);
  const std::vector<receivable_item> items{{as_of, as_of, money(1, eur)}};
  EXPECT_EQ(thrown_code([&] { (void)compute_exposure(items, acct, {nok_(0), nok_(0)}, nok, as_of); }),
            errc::currency_mismatch);
}

TEST(ExposureBatch, EqualsScalarPerCustomerForAnyThreadCount) {
  const std::size_t customers = 53;
  const auto p = synthetic::make_portfolio(150'000, customers, day_number(as_of), 99);
  std::vector<std::vector<receivable_item>> per_customer(customers);
  for (std::size_t i = 0; i < p.open_minor.size(); ++i)
    per_customer[p.group[i]].push_back(
        {from_day_number(p.issue_day[i]), from_day_number(p.due_day[i]), nok_(p.open_minor[i])});
  std::vector<receivable_summary> single(customers);
  summarize_receivables_batch(p.columns(), as_of, single, 1);
  for (std::size_t c = 0; c < customers; ++c)
    ASSERT_EQ(single[c], summarize_receivables(per_customer[c], nok, as_of)) << "customer " << c;
  for (const unsigned threads : {2U, 5U}) {
    std::vector<receivable_summary> multi(customers);
    summarize_receivables_batch(p.columns(), as_of, multi, threads);
    EXPECT_EQ(multi, single) << threads << " threads";
  }
}

TEST(ExposureBatch, RejectsAGroupIndexOutOfRange) {
  const std::vector<std::int32_t> due{19000};
  const std::vector<std::int64_t> open{100};
  const std::vector<std::uint32_t> group{3};
  std::vector<receivable_summary> out(3);
  EXPECT_EQ(thrown_code([&] {
              summarize_receivables_batch({.due_day = due, .open_minor = open, .group = group},
                                          as_of, out);
            }),
            errc::invalid_argument);
}

}  // namespace
}  // namespace kreditor
