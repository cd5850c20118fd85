// `kreditor simulate` reports the same late interest as `kreditor interest` for the same
// amount, jurisdiction, segment and dates: both are charges' late_interest.
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

}  // namespace
