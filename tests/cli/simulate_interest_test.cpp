// `kreditor simulate` and `kreditor run` report the same late interest as `kreditor interest`
// for the same amount, jurisdiction, segment and dates: all are charges' late_interest.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "support/cli.hpp"

namespace {

using kreditor::test_support::run_cli;

struct Case {
  const char* policy;
  const char* currency;
  const char* segment;
};

TEST(CliSimulateInterest, EveryEventsInterestEqualsKreditorInterest) {
  for (const Case c : {Case{"NO", "NOK", "b2b"}, Case{"NO", "NOK", "b2c"}, Case{"SE", "SEK", "b2c"},
                       Case{"DK", "DKK", "b2b"}, Case{"FI", "EUR", "b2c"}}) {
    SCOPED_TRACE(std::string(c.policy) + " " + c.segment);
    const std::string common = std::string(" --amount 12345.67 --currency ") + c.currency + " --segment " + c.segment;
    const auto sim = run_cli(std::string("simulate --policy ") + c.policy + common +
                             " --invoice-date 2025-01-02 --due 2025-01-16 --until 2025-12-31 --json");
    ASSERT_EQ(sim.exit_code, 0) << sim.err;
    const auto events = nlohmann::json::parse(sim.out).at("events");
    ASSERT_FALSE(events.empty());
    for (const auto& e : events) {
      const std::string on = e.at("date").get<std::string>();
      const auto calc = run_cli(std::string("interest") + common + " --jurisdiction " + c.policy +
                                " --from 2025-01-16 --to " + on + " --json");
      ASSERT_EQ(calc.exit_code, 0) << calc.err;
      const auto j = nlohmann::json::parse(calc.out);
      EXPECT_EQ(e.at("interest"), j.at("interest")) << on;
      EXPECT_NE(j.at("interest"), "0.00") << on;
    }
  }
}

// Every open, unpaid invoice of the bundled sample: run's interest is `kreditor interest` on
// its open amount from the due date to the run date. (A partly paid invoice accrues on each
// day's balance instead: tests/unit/dunning/interest_test.cpp.)
TEST(CliRunInterest, UnpaidInvoicesInterestEqualsKreditorInterest) {
  const auto run = run_cli("run --format json");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto j = nlohmann::json::parse(run.out);
  const std::string as_of = j.at("as_of");
  int compared = 0;
  for (const auto& c : j.at("customers")) {
    const std::string country = c.at("country");
    const std::string law = country == "NO" || country == "SE" || country == "DK" || country == "FI" ? country : "EU";
    for (const auto& inv : c.at("invoices")) {
      const std::string state = inv.at("state");
      if (state == "paid" || state == "credited" || state == "not_yet_due" || inv.at("amount") != inv.at("open")) continue;
      const auto calc = run_cli("interest --amount " + inv.at("open").get<std::string>() + " --currency " +
                                c.at("currency").get<std::string>() + " --segment " + c.at("segment").get<std::string>() +
                                " --jurisdiction " + law + " --from " + inv.at("due_date").get<std::string>() +
                                " --to " + as_of + " --json");
      ASSERT_EQ(calc.exit_code, 0) << calc.err;
      EXPECT_EQ(inv.at("interest"), nlohmann::json::parse(calc.out).at("interest")) << inv.at("invoice_id");
      ++compared;
    }
  }
  EXPECT_GE(compared, 15);
}

}  // namespace
