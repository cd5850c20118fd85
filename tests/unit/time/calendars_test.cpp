#include "kreditor/time/calendars.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "support/errors.hpp"
#include "support/shorthand.hpp"

namespace kreditor {
namespace {

using test_support::thrown_code;

using test_support::d;

// ---- Easter -----------------------------------------------------------------------------------

struct EasterCase {
  int year;
  date sunday;
  friend std::ostream& operator<<(std::ostream& os, const EasterCase& c) {
    return os << c.year << " -> " << to_string(c.sunday);
  }
};

class Easter : public ::testing::TestWithParam<EasterCase> {};

TEST_P(Easter, MatchesPublishedDates) { EXPECT_EQ(easter_sunday(GetParam().year), GetParam().sunday); }

// Published Easter dates (cross-checked with python-dateutil's independent implementation),
// including the extremes of the Gregorian range: 22 March (1818, 2285) and 25 April (1943, 2038).
// clang-format off
INSTANTIATE_TEST_SUITE_P(Known, Easter, ::testing::Values(
  EasterCase{1583, d(1583, 4, 10)}, EasterCase{1818, d(1818, 3, 22)}, EasterCase{1900, d(1900, 4, 15)},
  EasterCase{1943, d(1943, 4, 25)}, EasterCase{1954, d(1954, 4, 18)}, EasterCase{2000, d(2000, 4, 23)},
  EasterCase{2008, d(2008, 3, 23)}, EasterCase{2011, d(2011, 4, 24)}, EasterCase{2038, d(2038, 4, 25)},
  EasterCase{2100, d(2100, 3, 28)}, EasterCase{2160, d(2160, 3, 23)}, EasterCase{2199, d(2199, 4, 14)},
  EasterCase{2285, d(2285, 3, 22)}, EasterCase{9999, d(9999, 3, 28)}));
// clang-format on

nlohmann::json legal_vectors() {
  // tests/data: a copy of the research vectors, kept in the repository (tests/data/README.md).
  std::ifstream in(KREDITOR_TEST_DATA_DIR "/legal_vectors.json");
  return nlohmann::json::parse(in);  // throws (the test fails) when the file is missing
}

TEST(Easter, MatchesLegalVectors2015To2030) {
  const auto j = legal_vectors();
  int checked = 0;
  for (const auto& [year, sunday] : j.at("holidays").at("easter_sunday").items()) {
    EXPECT_EQ(to_string(easter_sunday(std::stoi(year))), sunday.get<std::string>()) << year;
    ++checked;
  }
  EXPECT_EQ(checked, 16);
}

TEST(Easter, IsAlwaysASundayBetween22MarchAnd25April) {
  for (int y = 1583; y <= 9999; ++y) {
    const date e = easter_sunday(y);
    ASSERT_EQ(e.day_of_week().as_number(), 0) << y;
    ASSERT_GE(e, d(y, 3, 22)) << y;
    ASSERT_LE(e, d(y, 4, 25)) << y;
  }
}

TEST(Easter, OutsideTheGregorianRangeIsOutOfRange) {
  EXPECT_EQ(thrown_code([] { (void)easter_sunday(1582); }), errc::out_of_range);
  EXPECT_EQ(thrown_code([] { (void)easter_sunday(10000); }), errc::out_of_range);
}

// ---- national calendars against legal.md §5.6 (legal_vectors.json "holidays.vectors") --------

std::set<date> closed_weekdays(const calendar& c, int year) {
  std::set<date> out;
  for (const auto& [day, name] : c.holidays(d(year, 1, 1), d(year, 12, 31))) {
    EXPECT_FALSE(name.empty()) << to_string(day);
    out.insert(day);
  }
  return out;
}

std::set<date> weekdays_of(const nlohmann::json& list) {
  std::set<date> out;
  for (const auto& s : list) {
    const date x = parse_date(s.get<std::string>()).value();
    if (!calendar::is_weekend(x)) out.insert(x);
  }
  return out;
}

struct VectorCase {
  const char* key;       // in holidays.vectors
  const char* calendar;  // calendar_for code
  int year;
  friend std::ostream& operator<<(std::ostream& os, const VectorCase& c) { return os << c.key; }
};

class LegalVectors : public ::testing::TestWithParam<VectorCase> {};

// Every weekday in the published list is closed, and nothing else is (weekend entries, such as
// Sweden's Saturday Midsummer Day, are named but closed anyway).
TEST_P(LegalVectors, ClosedWeekdaysAreExactlyThePublishedList) {
  const auto j = legal_vectors();
  const VectorCase& c = GetParam();
  const auto& list = j.at("holidays").at("vectors").at(c.key);
  const calendar cal = calendar_for(c.calendar).value();
  EXPECT_EQ(closed_weekdays(cal, c.year), weekdays_of(list));
  for (const auto& s : list) {
    const date x = parse_date(s.get<std::string>()).value();
    EXPECT_FALSE(cal.is_business_day(x)) << to_string(x);
    EXPECT_TRUE(cal.holiday_name(x).has_value()) << to_string(x);
  }
}

// clang-format off
INSTANTIATE_TEST_SUITE_P(Published, LegalVectors, ::testing::Values(
  VectorCase{"SE_2026_bank_holidays_riksbank", "SE", 2026},
  VectorCase{"DK_2026_bank_closing_days",      "DK", 2026},
  VectorCase{"DK_2027_bank_closing_days",      "DK", 2027},
  VectorCase{"NO_2019_settlement_closed_weekdays", "NO", 2019},
  VectorCase{"FI_2026_holidays_incl_eves",     "FI", 2026}));
// clang-format on

// Sweden 2025's public holidays (allmänna helgdagar) are all bank holidays; the bank list adds
// exactly the three eves.
TEST(Sweden, PublicHolidays2025PlusTheThreeEvesAreTheBankHolidays) {
  const auto j = legal_vectors();
  std::set<date> expected = weekdays_of(j.at("holidays").at("vectors").at("SE_2025_public_holidays"));
  expected.insert({d(2025, 6, 20), d(2025, 12, 24), d(2025, 12, 31)});  // Midsummer, Christmas, NY Eve
  EXPECT_EQ(closed_weekdays(sweden(), 2025), expected);
}

// ---- every holiday by name, per country (transcribed from legal.md §5.1-5.4) -----------------

struct NamedCase {
  const char* calendar;
  date day;
  const char* name;  // nullptr: a business day
  friend std::ostream& operator<<(std::ostream& os, const NamedCase& c) {
    return os << c.calendar << " " << to_string(c.day) << " " << (c.name ? c.name : "(business day)");
  }
};

class NamedHoliday : public ::testing::TestWithParam<NamedCase> {};

TEST_P(NamedHoliday, IsClosedAndNamed) {
  const NamedCase& c = GetParam();
  const calendar cal = calendar_for(c.calendar).value();
  if (c.name == nullptr) {
    EXPECT_TRUE(cal.is_business_day(c.day));
    EXPECT_EQ(cal.holiday_name(c.day), std::nullopt);
  } else {
    EXPECT_FALSE(cal.is_business_day(c.day));
    EXPECT_EQ(cal.holiday_name(c.day), c.name);
  }
}

// 2024: Easter Sunday 31 March, Ascension 9 May, Whit Sunday 19 May.
// clang-format off
INSTANTIATE_TEST_SUITE_P(Norway, NamedHoliday, ::testing::Values(
  NamedCase{"NO", d(2024, 1, 1),   "New Year's Day"},
  NamedCase{"NO", d(2024, 3, 28),  "Maundy Thursday"},
  NamedCase{"NO", d(2024, 3, 29),  "Good Friday"},
  NamedCase{"NO", d(2024, 3, 31),  "Easter Sunday"},
  NamedCase{"NO", d(2024, 4, 1),   "Easter Monday"},
  NamedCase{"NO", d(2024, 5, 1),   "Labour Day"},
  NamedCase{"NO", d(2024, 5, 17),  "Constitution Day"},
  NamedCase{"NO", d(2024, 5, 9),   "Ascension Day"},
  NamedCase{"NO", d(2024, 5, 19),  "Whit Sunday"},
  NamedCase{"NO", d(2024, 5, 20),  "Whit Monday"},
  NamedCase{"NO", d(2024, 12, 24), "Christmas Eve"},
  NamedCase{"NO", d(2024, 12, 25), "Christmas Day"},
  NamedCase{"NO", d(2024, 12, 26), "Boxing Day"},
  NamedCase{"NO", d(2024, 12, 31), nullptr},           // not an NBO closing day (legal.md §5.1)
  NamedCase{"NO", d(2024, 5, 10),  nullptr},           // no bank closing after Ascension in Norway
  NamedCase{"NO-public", d(2024, 12, 24), nullptr},    // 24 Dec is no public holiday
  NamedCase{"NO-public", d(2024, 5, 17), "Constitution Day"}));

INSTANTIATE_TEST_SUITE_P(Sweden, NamedHoliday, ::testing::Values(
  NamedCase{"SE", d(2024, 1, 1),   "New Year's Day"},
  NamedCase{"SE", d(2024, 1, 6),   "Epiphany"},
  NamedCase{"SE", d(2024, 3, 28),  nullptr},           // no Maundy Thursday in Sweden
  NamedCase{"SE", d(2024, 3, 29),  "Good Friday"},
  NamedCase{"SE", d(2024, 3, 31),  "Easter Sunday"},
  NamedCase{"SE", d(2024, 4, 1),   "Easter Monday"},
  NamedCase{"SE", d(2024, 5, 1),   "May Day"},
  NamedCase{"SE", d(2024, 5, 9),   "Ascension Day"},
  NamedCase{"SE", d(2024, 5, 19),  "Whit Sunday"},
  NamedCase{"SE", d(2024, 5, 20),  nullptr},           // Whit Monday: not since 2005
  NamedCase{"SE", d(2024, 6, 6),   "National Day"},
  NamedCase{"SE", d(2024, 6, 21),  "Midsummer Eve"},
  NamedCase{"SE", d(2024, 6, 22),  "Midsummer Day"},
  NamedCase{"SE", d(2024, 11, 2),  "All Saints' Day"},
  NamedCase{"SE", d(2024, 12, 24), "Christmas Eve"},
  NamedCase{"SE", d(2024, 12, 25), "Christmas Day"},
  NamedCase{"SE", d(2024, 12, 26), "Boxing Day"},
  NamedCase{"SE", d(2024, 12, 31), "New Year's Eve"},
  // Windows: Midsummer Day is the Saturday 20-26 June, its eve the Friday before.
  NamedCase{"SE", d(2021, 6, 25),  "Midsummer Eve"},   // latest eve (Fri 25 Jun)
  NamedCase{"SE", d(2021, 6, 26),  "Midsummer Day"},
  NamedCase{"SE", d(2026, 6, 19),  "Midsummer Eve"},   // earliest eve (Fri 19 Jun)
  NamedCase{"SE", d(2021, 6, 18),  nullptr},
  NamedCase{"SE", d(2025, 11, 1),  "All Saints' Day"}, // earliest (Sat 1 Nov... window 31 Oct-6 Nov)
  NamedCase{"SE", d(2026, 10, 31), "All Saints' Day"},
  NamedCase{"SE", d(2020, 10, 30), nullptr}));

INSTANTIATE_TEST_SUITE_P(Denmark, NamedHoliday, ::testing::Values(
  NamedCase{"DK", d(2024, 1, 1),   "New Year's Day"},
  NamedCase{"DK", d(2024, 3, 28),  "Maundy Thursday"},
  NamedCase{"DK", d(2024, 3, 29),  "Good Friday"},
  NamedCase{"DK", d(2024, 3, 31),  "Easter Sunday"},
  NamedCase{"DK", d(2024, 4, 1),   "Easter Monday"},
  NamedCase{"DK", d(2024, 4, 26),  nullptr},           // Store Bededag abolished from 2024
  NamedCase{"DK", d(2024, 5, 1),   nullptr},           // 1 May is no holiday
  NamedCase{"DK", d(2024, 5, 9),   "Ascension Day"},
  NamedCase{"DK", d(2024, 5, 10),  "Day after Ascension Day"},
  NamedCase{"DK", d(2024, 5, 19),  "Whit Sunday"},
  NamedCase{"DK", d(2024, 5, 20),  "Whit Monday"},
  NamedCase{"DK", d(2024, 6, 5),   "Constitution Day"},
  NamedCase{"DK", d(2024, 12, 24), "Christmas Eve"},
  NamedCase{"DK", d(2024, 12, 25), "Christmas Day"},
  NamedCase{"DK", d(2024, 12, 26), "Boxing Day"},
  NamedCase{"DK", d(2024, 12, 31), "New Year's Eve"}));

INSTANTIATE_TEST_SUITE_P(Finland, NamedHoliday, ::testing::Values(
  NamedCase{"FI", d(2024, 1, 1),   "New Year's Day"},
  NamedCase{"FI", d(2024, 1, 6),   "Epiphany"},
  NamedCase{"FI", d(2024, 3, 28),  nullptr},           // no Maundy Thursday in Finland
  NamedCase{"FI", d(2024, 3, 29),  "Good Friday"},
  NamedCase{"FI", d(2024, 3, 31),  "Easter Sunday"},
  NamedCase{"FI", d(2024, 4, 1),   "Easter Monday"},
  NamedCase{"FI", d(2024, 5, 1),   "May Day"},
  NamedCase{"FI", d(2024, 5, 9),   "Ascension Day"},
  NamedCase{"FI", d(2024, 5, 19),  "Whit Sunday"},
  NamedCase{"FI", d(2024, 5, 20),  nullptr},           // no Whit Monday in Finland
  NamedCase{"FI", d(2024, 6, 21),  "Midsummer Eve"},
  NamedCase{"FI", d(2024, 6, 22),  "Midsummer Day"},
  NamedCase{"FI", d(2024, 11, 2),  "All Saints' Day"},
  NamedCase{"FI", d(2024, 12, 6),  "Independence Day"},
  NamedCase{"FI", d(2024, 12, 24), "Christmas Eve"},
  NamedCase{"FI", d(2024, 12, 25), "Christmas Day"},
  NamedCase{"FI", d(2024, 12, 26), "Boxing Day"},
  NamedCase{"FI", d(2024, 12, 31), nullptr}));         // New Year's Eve is not in velkakirjalaki 5 §

// Effective dating: each change exactly at its first year.
INSTANTIATE_TEST_SUITE_P(EffectiveDates, NamedHoliday, ::testing::Values(
  // Sweden, SFS 2004:1320 (from 2005): Whit Monday removed, National Day 6 June added.
  NamedCase{"SE", d(2004, 5, 31),  "Whit Monday"},     // Whit Sunday 30 May 2004
  NamedCase{"SE", d(2005, 5, 16),  nullptr},           // Whit Sunday 15 May 2005
  NamedCase{"SE", d(2004, 6, 7),   nullptr},           // 6 June 2004 was a Sunday; Monday is open
  NamedCase{"SE", d(2003, 6, 6),   nullptr},           // a Friday, not yet a holiday
  NamedCase{"SE", d(2005, 6, 6),   "National Day"},    // a Monday
  // Denmark: Store Bededag (Easter + 26) up to and including 2023 (legal_vectors history).
  NamedCase{"DK", d(2016, 4, 22),  "General Prayer Day"},
  NamedCase{"DK", d(2023, 5, 5),   "General Prayer Day"},
  NamedCase{"DK", d(2024, 4, 26),  nullptr},
  NamedCase{"DK", d(2025, 5, 16),  nullptr},
  // Denmark: the Friday after Ascension, a bank closing day from 2009 (UNCERTAIN start; not on
  // a 2006 Danish bankers' list).
  NamedCase{"DK", d(2006, 5, 26),  nullptr},                    // Ascension 25 May 2006
  NamedCase{"DK", d(2008, 5, 2),   nullptr},                    // Ascension 1 May 2008
  NamedCase{"DK", d(2009, 5, 22),  "Day after Ascension Day"},  // Ascension 21 May 2009
  NamedCase{"DK", d(2026, 5, 15),  "Day after Ascension Day"}));
// clang-format on

// ---- lookup -----------------------------------------------------------------------------------

TEST(CalendarFor, KnowsTheCodesCaseInsensitively) {
  EXPECT_EQ(calendar_for("NO").value().name(), "NO");
  EXPECT_EQ(calendar_for("se").value().name(), "SE");
  EXPECT_EQ(calendar_for("Dk").value().name(), "DK");
  EXPECT_EQ(calendar_for("fi").value().name(), "FI");
  EXPECT_EQ(calendar_for("weekends").value().name(), "weekends");
  EXPECT_EQ(calendar_for("WEEKENDS").value().name(), "weekends");
  EXPECT_EQ(calendar_for("no-public").value().name(), "NO-public");
  EXPECT_TRUE(calendar_for("NO").value() == norway());
}

TEST(CalendarFor, UnknownCodesAreNotFound) {
  for (const char* code : {"", "XX", "EU", "NOR", "NO ", "weekend"}) {
    const auto r = calendar_for(code);
    ASSERT_FALSE(r.has_value()) << code;
    EXPECT_EQ(r.error().code, errc::not_found) << code;
    EXPECT_NE(r.error().message.find("'" + std::string(code) + "'"), std::string::npos);
  }
  EXPECT_EQ(thrown_code([] { (void)calendar_for("XX").value(); }), errc::not_found);
}

}  // namespace
}  // namespace kreditor
