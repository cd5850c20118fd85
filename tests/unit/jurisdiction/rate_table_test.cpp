#include "kreditor/jurisdiction/rate_table.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "support/errors.hpp"
#include "support/shorthand.hpp"

namespace kreditor {
namespace {

using test_support::thrown_code;

using test_support::d;

nlohmann::json legal_vectors() {
  std::ifstream in(std::string(KREDITOR_TEST_DATA_DIR) + "/legal_vectors.json");
  std::stringstream ss;
  ss << in.rdbuf();
  return nlohmann::json::parse(ss.str());
}

// The rate in legal_vectors.json as an exact rate (its numbers are short decimals such as 8.05;
// printing with %.6g recovers the decimal the researcher wrote).
rate vector_rate(const nlohmann::json& v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v.get<double>());
  return rate::parse(std::string(buf) + "%").value();
}

rate pct(const char* text) { return rate::parse(std::string(text) + "%").value(); }

// --- the shipped statutory tables -----------------------------------------------------------

TEST(ShippedLateInterest, EveryTableLoadsAndEveryRowHasASource) {
  const auto tables = shipped_late_interest_tables().value();
  ASSERT_EQ(tables.size(), 6U);  // NO, SE, DK, FI-general, FI-commercial, EU
  for (const auto& t : tables) {
    SCOPED_TRACE(t.info().id);
    EXPECT_FALSE(t.info().law.empty());
    EXPECT_FALSE(t.info().basis_source.empty());
    for (const auto& r : t.rows()) {
      EXPECT_FALSE(r.source.empty()) << to_string(r.effective_from);
      EXPECT_FALSE(r.status.empty()) << to_string(r.effective_from);
    }
    // Coverage: a row in force on every day from mid-2013 through 2026.
    EXPECT_LE(t.first_date(), d(2013, 7, 1));
    EXPECT_GE(t.rows().back().effective_from, d(2026, 1, 1));
  }
}

TEST(ShippedLateInterest, EveryRowMatchesLegalVectorsAndKeepsItsUncertainFlag) {
  const auto vectors = legal_vectors()["late_interest"];
  struct which {
    jurisdiction j;
    segment s;
    const char* key;
    const char* rate_field;
  };
  const which all[] = {
      {jurisdiction::no, segment::b2b, "NO", "rate_percent"},
      {jurisdiction::se, segment::b2c, "SE", "statutory_rate_percent"},
      {jurisdiction::dk, segment::b2b, "DK", "statutory_rate_percent"},
      {jurisdiction::fi, segment::b2c, "FI", "penalty_rate_percent_general"},
      {jurisdiction::fi, segment::b2b, "FI", "penalty_rate_percent_commercial"},
      {jurisdiction::eu, segment::b2b, "EU", "statutory_rate_percent"},
  };
  int compared = 0;
  for (const which& w : all) {
    const rate_table t = statutory_late_interest(w.j, w.s).value();
    SCOPED_TRACE(t.info().id);
    for (const auto& v : vectors[w.key]["rates"]) {
      const date from = parse_date(v["effective_from"].get<std::string>()).value();
      const rate_row row = t.row_at(from).value();
      EXPECT_EQ(row.effective_from, from);
      EXPECT_EQ(row.annual, vector_rate(v[w.rate_field])) << to_string(from);
      EXPECT_EQ(row.source, v["source"].get<std::string>()) << to_string(from);
      if (v.contains("reference_rate_percent")) {
        ASSERT_TRUE(row.reference.has_value()) << to_string(from);
        EXPECT_EQ(*row.reference, vector_rate(v["reference_rate_percent"])) << to_string(from);
      }
      if (v["status"].get<std::string>().rfind("UNCERTAIN", 0) == 0) {
        EXPECT_TRUE(row.uncertain) << to_string(from) << " is UNCERTAIN in legal_vectors.json";
      }
      ++compared;
    }
  }
  EXPECT_GT(compared, 150);
}

TEST(ShippedLateInterest, UncertainRowsSayWhy) {
  const auto tables = shipped_late_interest_tables().value();  // not in the for: value()&& is a reference
  for (const auto& t : tables)
    for (const auto& r : t.rows())
      if (r.uncertain) {
        EXPECT_NE(r.status.find("UNCERTAIN"), std::string::npos) << t.info().id;
      }
}

TEST(ShippedLateInterest, NorwayLooksUpEachHalfYear) {
  const rate_table no = statutory_late_interest(jurisdiction::no, segment::b2c).value();
  EXPECT_EQ(no.rate_at(d(2023, 6, 30)).value(), pct("10.75"));
  EXPECT_EQ(no.rate_at(d(2023, 7, 1)).value(), pct("11.75"));
  EXPECT_EQ(no.rate_at(d(2024, 12, 31)).value(), pct("12.5"));
  EXPECT_TRUE(no.row_at(d(2024, 12, 31)).value().uncertain);  // 2024H2 is derived
  EXPECT_FALSE(no.row_at(d(2025, 1, 1)).value().uncertain);
  EXPECT_EQ(no.rate_at(d(2030, 1, 1)).value(), pct("12"));  // the last row stays in force
  EXPECT_EQ(no.info().basis, day_count::act_act_isda);
}

TEST(ShippedLateInterest, FinlandSeparatesGeneralAndCommercialRates) {
  const rate_table general = statutory_late_interest(jurisdiction::fi, segment::b2c).value();
  const rate_table commercial = statutory_late_interest(jurisdiction::fi, segment::b2b).value();
  EXPECT_EQ(general.rate_at(d(2025, 3, 1)).value(), pct("10.5"));     // reference 3.5 + 7
  EXPECT_EQ(commercial.rate_at(d(2025, 3, 1)).value(), pct("11.5"));  // reference 3.5 + 8
  EXPECT_EQ(general.info().margin, pct("7"));
  EXPECT_EQ(commercial.info().margin, pct("8"));
}

TEST(ShippedLateInterest, ReferenceRatePlusMarginHoldsOnEveryDerivedRow) {
  const auto tables = shipped_late_interest_tables().value();
  for (const auto& t : tables) {
    if (!t.info().margin) continue;
    for (const auto& r : t.rows())
      if (r.reference) {
        EXPECT_EQ(*r.reference + *t.info().margin, r.annual) << t.info().id;
      }
  }
}

TEST(ShippedLateInterest, SwedenDenmarkAndEuUseTheirOwnTables) {
  EXPECT_EQ(statutory_late_interest(jurisdiction::se, segment::b2b).value().rate_at(d(2017, 3, 1)).value(),
            pct("7.5"));
  EXPECT_EQ(statutory_late_interest(jurisdiction::dk, segment::b2c).value().rate_at(d(2021, 8, 1)).value(),
            pct("7.65"));
  EXPECT_EQ(statutory_late_interest(jurisdiction::eu, segment::b2b).value().rate_at(d(2024, 8, 1)).value(),
            pct("12.25"));
  EXPECT_EQ(statutory_late_interest(jurisdiction::dk, segment::b2c).value().info().basis, day_count::act_act_isda);
  EXPECT_EQ(statutory_late_interest(jurisdiction::se, segment::b2c).value().info().basis, day_count::act_365_fixed);
}

// Issue 13: rows the independent review of 2026-12 confirmed, with the source it gives.
TEST(ShippedLateInterest, RowsConfirmedByTheReviewCiteTheirSource) {
  const rate_row no = statutory_late_interest(jurisdiction::no, segment::b2b).value().row_at(d(2025, 1, 1)).value();
  EXPECT_FALSE(no.uncertain);
  EXPECT_NE(no.source.find("FOR-2024-12-19-3279 §§ 1-2"), std::string::npos) << no.source;
  for (const date from : {d(2024, 7, 1), d(2025, 1, 1)})
    for (const segment s : {segment::b2b, segment::b2c}) {
      const rate_row fi = statutory_late_interest(jurisdiction::fi, s).value().row_at(from).value();
      EXPECT_FALSE(fi.uncertain) << to_string(from);
      const char* notice = from == d(2024, 7, 1) ? "Suomen Pankin ilmoitus 25.6.2024" : "sttinfo.fi/tiedote/70785866";
      EXPECT_NE(fi.source.find(notice), std::string::npos) << fi.source;
    }
  const rate_row eu = statutory_late_interest(jurisdiction::eu, segment::b2b).value().row_at(d(2025, 1, 1)).value();
  EXPECT_FALSE(eu.uncertain);
  EXPECT_EQ(eu.annual, pct("11.15"));
  EXPECT_NE(eu.source.find("3.15 % from 18 Dec 2024"), std::string::npos) << eu.source;
}

TEST(ShippedLateInterest, NoRowHasAPlaceholderSource) {
  const auto tables = shipped_late_interest_tables().value();
  for (const auto& t : tables)
    for (const auto& r : t.rows()) {
      EXPECT_GT(r.source.size(), 10U) << t.info().id << " " << to_string(r.effective_from) << ": '" << r.source << "'";
      if (t.info().id == "DK" && r.effective_from == d(2026, 1, 1)) {
        EXPECT_TRUE(r.uncertain);
      }
    }
}

TEST(ShippedLateInterest, TheDirectiveHasNoConsumerRate) {
  const auto r = statutory_late_interest(jurisdiction::eu, segment::b2c);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, errc::not_found);
}

TEST(RateTable, LookupBeforeTheFirstRowIsNotFound) {
  const rate_table no = statutory_late_interest(jurisdiction::no, segment::b2b).value();
  const auto r = no.rate_at(d(2013, 6, 30));
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, errc::not_found);
  EXPECT_NE(r.error().message.find("2013-06-30"), std::string::npos);
  EXPECT_EQ(rate_table().rate_at(d(2020, 1, 1)).error().code, errc::not_found);
}

// --- building and changing tables -----------------------------------------------------------

TEST(RateTable, WithRowAddsANewHalfYearAndLeavesTheOriginalUntouched) {
  const rate_table no = statutory_late_interest(jurisdiction::no, segment::b2b).value();
  const rate_table next = no.with_row({.effective_from = d(2026, 7, 1), .annual = pct("11.75"),
                                       .source = "host: FOR-2026-06-xx"});
  EXPECT_EQ(next.rate_at(d(2026, 7, 1)).value(), pct("11.75"));
  EXPECT_EQ(next.rate_at(d(2026, 6, 30)).value(), pct("12"));
  EXPECT_EQ(no.rate_at(d(2026, 7, 1)).value(), pct("12"));
  EXPECT_EQ(next.rows().size(), no.rows().size() + 1);
  EXPECT_EQ(next.info().id, "NO");
}

TEST(RateTable, WithRowReplacesTheRowOfTheSameDate) {
  const rate_table no = statutory_late_interest(jurisdiction::no, segment::b2b).value();
  const rate_table fixed = no.with_row({.effective_from = d(2026, 1, 1), .annual = pct("12.5"),
                                        .source = "FOR-2025-12-xx", .status = "confirmed"});
  EXPECT_EQ(fixed.rows().size(), no.rows().size());
  EXPECT_EQ(fixed.rate_at(d(2026, 2, 1)).value(), pct("12.5"));
  EXPECT_FALSE(fixed.row_at(d(2026, 2, 1)).value().uncertain);
}

TEST(RateTable, MergedTakesTheOverridesRows) {
  const rate_table base = rate_table::make({{.effective_from = d(2024, 1, 1), .annual = pct("8"), .source = "a"},
                                            {.effective_from = d(2024, 7, 1), .annual = pct("9"), .source = "a"}})
                              .value();
  const rate_table over = rate_table::make({{.effective_from = d(2024, 7, 1), .annual = pct("9.5"), .source = "b"},
                                            {.effective_from = d(2025, 1, 1), .annual = pct("10"), .source = "b"}})
                              .value();
  const rate_table m = base.merged(over);
  ASSERT_EQ(m.rows().size(), 3U);
  EXPECT_EQ(m.rate_at(d(2024, 8, 1)).value(), pct("9.5"));
  EXPECT_EQ(m.row_at(d(2024, 8, 1)).value().source, "b");
}

TEST(RateTable, FromReferenceAddsTheMargin) {
  const rate_table se = rate_table::from_reference({{.effective_from = d(2023, 1, 1), .annual = pct("2.5"), .source = "Riksbank"},
                                                    {.effective_from = d(2023, 7, 1), .annual = pct("3.5"), .source = "Riksbank"}},
                                                   pct("8"))
                            .value();
  EXPECT_EQ(se.rate_at(d(2023, 8, 1)).value(), pct("11.5"));
  EXPECT_EQ(se.row_at(d(2023, 8, 1)).value().reference, pct("3.5"));
}

TEST(RateTable, ConstantIsInForceOnEveryDate) {
  const rate_table t = rate_table::constant(pct("12.5"));
  EXPECT_EQ(t.rate_at(d(1900, 1, 1)).value(), pct("12.5"));
  EXPECT_EQ(t.rate_at(d(2199, 12, 31)).value(), pct("12.5"));
}

struct BadRowsCase {
  const char* name;
  std::vector<rate_row> rows;
  errc expected;
  friend std::ostream& operator<<(std::ostream& os, const BadRowsCase& c) { return os << c.name; }
};

class RateTableMake : public ::testing::TestWithParam<BadRowsCase> {};

TEST_P(RateTableMake, RejectsInvalidRowsWithTheRightCode) {
  const auto r = rate_table::make(GetParam().rows, {.margin = rate::percent(8)});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, GetParam().expected) << r.error().message;
}

INSTANTIATE_TEST_SUITE_P(Rows, RateTableMake, ::testing::Values(
    BadRowsCase{"duplicate date",
                {{.effective_from = make_date(2024, 1, 1), .annual = rate::percent(8), .source = "a"},
                 {.effective_from = make_date(2024, 1, 1), .annual = rate::percent(9), .source = "a"}},
                errc::conflict},
    BadRowsCase{"out of order",
                {{.effective_from = make_date(2024, 7, 1), .annual = rate::percent(8), .source = "a"},
                 {.effective_from = make_date(2024, 1, 1), .annual = rate::percent(9), .source = "a"}},
                errc::invalid_argument},
    BadRowsCase{"no source", {{.effective_from = make_date(2024, 1, 1), .annual = rate::percent(8)}},
                errc::invalid_argument},
    BadRowsCase{"reference + margin disagrees",
                {{.effective_from = make_date(2024, 1, 1), .annual = rate::percent(13),
                  .reference = rate::percent(4), .source = "a"}},
                errc::conflict},
    BadRowsCase{"special date", {{.effective_from = date(), .annual = rate::percent(8), .source = "a"}},
                errc::invalid_argument}));

// --- host data at run time: JSON and CSV ------------------------------------------------------

TEST(LoadRateTableJson, ReadsATableWithStringRates) {
  const auto t = load_rate_table_json(R"({"id": "X", "margin_percent": "8", "day_count": "ACT/365F",
      "rows": [{"effective_from": "2024-01-01", "reference_percent": "4.5", "source": "s"},
               {"effective_from": "2024-07-01", "rate_percent": "12.25", "source": "s", "uncertain": true}]})")
                     .value();
  EXPECT_EQ(t.rate_at(d(2024, 3, 1)).value(), pct("12.5"));
  EXPECT_TRUE(t.row_at(d(2024, 8, 1)).value().uncertain);
  EXPECT_EQ(t.info().basis, day_count::act_365_fixed);
}

struct BadTextCase {
  const char* name;
  const char* text;
  errc expected;
  const char* message_part;
  friend std::ostream& operator<<(std::ostream& os, const BadTextCase& c) { return os << c.name; }
};

class LoadRateTableJsonErrors : public ::testing::TestWithParam<BadTextCase> {};

TEST_P(LoadRateTableJsonErrors, NameTheProblem) {
  const auto r = load_rate_table_json(GetParam().text);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, GetParam().expected);
  EXPECT_NE(r.error().message.find(GetParam().message_part), std::string::npos) << r.error().message;
}

INSTANTIATE_TEST_SUITE_P(Json, LoadRateTableJsonErrors, ::testing::Values(
    BadTextCase{"not json", R"({"rows": [)", errc::invalid_argument, "rate table JSON:1:11: not valid JSON"},
    BadTextCase{"float rate", R"({"rows": [{"effective_from": "2024-01-01", "rate_percent": 12.5, "source": "s"}]})",
                errc::invalid_argument, "rows[0].rate_percent"},
    BadTextCase{"bad date", R"({"rows": [{"effective_from": "2024-13-01", "rate_percent": "8", "source": "s"}]})",
                errc::invalid_argument, "rows[0].effective_from"},
    BadTextCase{"no source", R"({"rows": [{"effective_from": "2024-01-01", "rate_percent": "8"}]})",
                errc::invalid_argument, "rows[0].source"},
    BadTextCase{"duplicate", R"({"rows": [{"effective_from": "2024-01-01", "rate_percent": "8", "source": "s"},
                                          {"effective_from": "2024-01-01", "rate_percent": "9", "source": "s"}]})",
                errc::conflict, "2024-01-01"},
    BadTextCase{"bad day count", R"({"day_count": "ACT/364", "rows": []})", errc::invalid_argument, "day_count"}));

TEST(LoadRateTableCsv, ReadsRowsInAnyColumnOrderWithQuotesAndComments) {
  const auto t = load_rate_table_csv(
                     "# contract rates\n"
                     "source,effective_from,rate_percent,uncertain\n"
                     "\"agreement 12, clause 4\",2024-01-01,12.5,false\r\n"
                     "\n"
                     "agreement 13,2024-07-01,11.75,1\n")
                     .value();
  EXPECT_EQ(t.rows().size(), 2U);
  EXPECT_EQ(t.row_at(d(2024, 2, 1)).value().source, "agreement 12, clause 4");
  EXPECT_TRUE(t.row_at(d(2024, 7, 1)).value().uncertain);
}

TEST(LoadRateTableCsv, ReferenceColumnWithMargin) {
  const auto t = load_rate_table_csv("effective_from,reference_percent,source\n2025-07-01,2.0,Riksbank\n", {},
                                     rate::percent(8))
                     .value();
  EXPECT_EQ(t.rate_at(d(2025, 8, 1)).value(), pct("10"));
}

class LoadRateTableCsvErrors : public ::testing::TestWithParam<BadTextCase> {};

TEST_P(LoadRateTableCsvErrors, NameTheLine) {
  const auto r = load_rate_table_csv(GetParam().text);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, GetParam().expected);
  EXPECT_NE(r.error().message.find(GetParam().message_part), std::string::npos) << r.error().message;
}

INSTANTIATE_TEST_SUITE_P(Csv, LoadRateTableCsvErrors, ::testing::Values(
    BadTextCase{"bad date", "effective_from,rate_percent,source\n2024-01-01,8,s\n2024-02-30,9,s\n",
                errc::invalid_argument, "line 3"},
    BadTextCase{"bad rate", "effective_from,rate_percent,source\n2024-01-01,8%x,s\n", errc::invalid_argument, "line 2"},
    BadTextCase{"duplicate", "effective_from,rate_percent,source\n2024-01-01,8,s\n2024-01-01,9,s\n", errc::conflict,
                "line 3"},
    BadTextCase{"out of order", "effective_from,rate_percent,source\n2024-07-01,8,s\n2024-01-01,9,s\n",
                errc::invalid_argument, "line 3"},
    BadTextCase{"missing source", "effective_from,rate_percent,source\n2024-01-01,8,\n", errc::invalid_argument,
                "line 2"},
    BadTextCase{"too many fields", "effective_from,rate_percent,source\n2024-01-01,8,s,extra\n",
                errc::invalid_argument, "line 2"},
    BadTextCase{"unknown column", "effective_from,rate,source\n", errc::invalid_argument, "unknown column 'rate'"},
    BadTextCase{"no header", "", errc::invalid_argument, "no header"},
    BadTextCase{"unterminated quote", "effective_from,rate_percent,source\n2024-01-01,8,\"s\n",
                errc::invalid_argument, "line 2"}));

}  // namespace
}  // namespace kreditor
