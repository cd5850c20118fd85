// `kreditor calendar`, run as a user runs it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "support/cli.hpp"

namespace kreditor {
namespace {

using test_support::run_cli;

TEST(CliCalendar, HolidaysPrintsWeekdayClosingsWithTabAndName) {
  const auto r = run_cli("calendar holidays --calendar NO --from 2019-01-01 --to 2019-12-31");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  // legal_vectors NO_2019_settlement_closed_weekdays, with names.
  EXPECT_EQ(r.out,
            "2019-01-01\tNew Year's Day\n"
            "2019-04-18\tMaundy Thursday\n"
            "2019-04-19\tGood Friday\n"
            "2019-04-22\tEaster Monday\n"
            "2019-05-01\tLabour Day\n"
            "2019-05-17\tConstitution Day\n"
            "2019-05-30\tAscension Day\n"
            "2019-06-10\tWhit Monday\n"
            "2019-12-24\tChristmas Eve\n"
            "2019-12-25\tChristmas Day\n"
            "2019-12-26\tBoxing Day\n");
  EXPECT_EQ(r.err, "");
}

TEST(CliCalendar, HolidaysRangeIsClosedAndCodesAreCaseInsensitive) {
  EXPECT_EQ(run_cli("calendar holidays --calendar se --from 2026-06-19 --to 2026-06-19").out,
            "2026-06-19\tMidsummer Eve\n");
  EXPECT_EQ(run_cli("calendar holidays --calendar=DK --from=2026-05-14 --to=2026-05-15").out,
            "2026-05-14\tAscension Day\n2026-05-15\tDay after Ascension Day\n");
  EXPECT_EQ(run_cli("calendar holidays --calendar FI --from 2026-12-24 --to 2026-12-31").out,
            "2026-12-24\tChristmas Eve\n2026-12-25\tChristmas Day\n");  // 26 Dec is a Saturday
  const auto none = run_cli("calendar holidays --calendar weekends --from 2024-01-01 --to 2024-12-31");
  EXPECT_EQ(none.exit_code, 0);
  EXPECT_EQ(none.out, "");
}

TEST(CliCalendar, HolidaysJsonIsAListOfDateAndName) {
  const auto r = run_cli("calendar holidays --calendar DK --from 2027-12-20 --to 2027-12-31 --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j, nlohmann::json::parse(R"([{"date": "2027-12-24", "name": "Christmas Eve"},
                                          {"date": "2027-12-31", "name": "New Year's Eve"}])"));
}

struct BadInput {
  const char* args;
  const char* mentions;  // the stderr message must name the problem
};

class CliCalendarBadInput : public ::testing::TestWithParam<BadInput> {};

TEST_P(CliCalendarBadInput, ExitsTwoNamingTheProblem) {
  const auto r = run_cli(std::string("calendar ") + GetParam().args);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find(GetParam().mentions), std::string::npos) << r.err;
}

// clang-format off
INSTANTIATE_TEST_SUITE_P(Table, CliCalendarBadInput, ::testing::Values(
  BadInput{"holidays --calendar XX --from 2024-01-01 --to 2024-12-31",        "'XX'"},
  BadInput{"holidays --calendar NO --from 2024-13-01 --to 2024-12-31",        "'2024-13-01'"},
  BadInput{"holidays --calendar NO --from 2024-01-01 --to 24-12-31",          "'24-12-31'"},
  BadInput{"holidays --calendar NO --from 2024-02-30 --to 2024-12-31",        "'2024-02-30'"},
  BadInput{"holidays --calendar NO --from 2024-12-31 --to 2024-01-01",        "is after --to"},
  BadInput{"holidays --from 2024-01-01 --to 2024-12-31",                      "missing --calendar"},
  BadInput{"holidays --calendar NO --from 2024-01-01",                        "missing --to"},
  BadInput{"holidays --calendar NO --from 2024-01-01 --to 2024-01-02 --x 1",  "unknown option --x"},
  BadInput{"is-business-day --calendar NO --date tomorrow",                   "'tomorrow'"},
  BadInput{"adjust --calendar NO --date 2024-03-30 --convention sideways",    "'sideways'"},
  BadInput{"advance --calendar NO --date 2024-03-30 --days ten",              "'ten'"},
  BadInput{"frobnicate",                                                      "unknown subcommand 'frobnicate'"},
  BadInput{"",                                                                "usage"}));
// clang-format on

TEST(CliCalendar, IsBusinessDayExitsZeroOrOne) {
  const auto open = run_cli("calendar is-business-day --calendar NO --date 2024-12-31");
  EXPECT_EQ(open.exit_code, 0);
  EXPECT_EQ(open.out, "2024-12-31\tbusiness day\n");
  const auto closed = run_cli("calendar is-business-day --calendar NO --date 2024-12-24");
  EXPECT_EQ(closed.exit_code, 1);
  EXPECT_EQ(closed.out, "2024-12-24\tnot a business day\tChristmas Eve\n");
  const auto weekend = run_cli("calendar is-business-day --calendar SE --date 2024-06-22 --json");
  EXPECT_EQ(weekend.exit_code, 1);
  const auto j = nlohmann::json::parse(weekend.out);
  EXPECT_EQ(j.at("business_day"), false);
  EXPECT_EQ(j.at("name"), "Midsummer Day");
  EXPECT_EQ(j.at("calendar"), "SE");
}

TEST(CliCalendar, AdjustAndAdvance) {
  EXPECT_EQ(run_cli("calendar adjust --calendar NO --date 2024-03-30").out, "2024-04-02\n");
  EXPECT_EQ(run_cli("calendar adjust --calendar NO --date 2024-03-30 --convention MF").out,
            "2024-03-27\n");
  EXPECT_EQ(run_cli("calendar advance --calendar SE --date 2026-12-23 --days 4").out, "2027-01-04\n");
  EXPECT_EQ(run_cli("calendar advance --calendar SE --date 2027-01-04 --days -4").out, "2026-12-23\n");
}

TEST(CliCalendar, HelpListsTheSubcommand) {
  const auto r = run_cli("--help");
  EXPECT_NE(r.out.find("calendar"), std::string::npos);
  EXPECT_EQ(run_cli("calendar --help").exit_code, 0);
}

}  // namespace
}  // namespace kreditor
