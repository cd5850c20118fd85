#include "kreditor/jurisdiction/fee_rules.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/errors.hpp"
#include "support/shorthand.hpp"

namespace kreditor {
namespace {

using iso4217::dkk;
using iso4217::eur;
using iso4217::nok;
using iso4217::sek;

using test_support::d;
money m(const char* text, currency c) { return money::parse(text, c).value(); }

legal_rules rules(jurisdiction j, segment s, date on) { return rules_for(j, s, on).value(); }

TEST(ShippedFeeRules, EveryRowHasLawSourceAndAKnownKind) {
  const auto all = shipped_fee_rules().value();
  EXPECT_GE(all.size(), 30U);
  for (const auto& r : all) {
    SCOPED_TRACE(r.id);
    EXPECT_FALSE(r.law.empty());
    EXPECT_FALSE(r.source.empty());
    EXPECT_FALSE(r.segments.empty());
    if (r.uncertain) {
      EXPECT_NE(r.note.find("UNCERTAIN"), std::string::npos);
    }
  }
}

// The purregebyr per year (legal.md §2.1): 1/10 of the inkassosats until 30 Sep 2020, 1/20 after.
struct PurregebyrCase {
  date on;
  const char* cap;
  bool uncertain;
};
class NorwegianPurregebyr : public ::testing::TestWithParam<PurregebyrCase> {};
TEST_P(NorwegianPurregebyr, FollowsTheInkassosats) {
  const auto r = rules(jurisdiction::no, segment::b2c, GetParam().on);
  const legal_fee_rule* purring = r.find(legal_fee_kind::reminder);
  ASSERT_NE(purring, nullptr);
  EXPECT_EQ(purring->cap_for(m("1000", nok)), m(GetParam().cap, nok)) << to_string(GetParam().on);
  EXPECT_EQ(purring->uncertain, GetParam().uncertain);
  EXPECT_EQ(purring->min_days_after_due, 14);
  EXPECT_EQ(purring->min_deadline_days, 14);
  EXPECT_EQ(purring->max_count, 2);
}
INSTANTIATE_TEST_SUITE_P(Years, NorwegianPurregebyr, ::testing::Values(
    PurregebyrCase{make_date(2015, 6, 1), "65", false}, PurregebyrCase{make_date(2016, 6, 1), "67", false},
    PurregebyrCase{make_date(2018, 6, 1), "70", false}, PurregebyrCase{make_date(2020, 9, 30), "70", false},
    PurregebyrCase{make_date(2020, 10, 1), "35", false}, PurregebyrCase{make_date(2025, 6, 1), "35", false},
    PurregebyrCase{make_date(2026, 2, 1), "35", true}));

TEST(ShippedFeeRules, NorwayMatchesLegalVectorsForEveryYearGiven) {
  std::ifstream in(std::string(KREDITOR_TEST_DATA_DIR) + "/legal_vectors.json");
  std::stringstream ss;
  ss << in.rdbuf();
  const auto years = nlohmann::json::parse(ss.str())["fees"]["NO"]["inkassosats_and_reminder_fee_by_year"];
  int checked = 0;
  for (const auto& y : years) {
    if (!y.contains("purregebyr_nok")) continue;
    const int year = y["year"].get<int>();
    const date on = y.contains("valid_from") ? d(2020, 10, 1) : y.contains("valid_until") ? d(2020, 9, 30) : d(year, 6, 1);
    const legal_rules in_force = rules(jurisdiction::no, segment::b2b, on);
    const legal_fee_rule* p = in_force.find("NO.purregebyr");
    ASSERT_NE(p, nullptr) << year;
    EXPECT_EQ(p->cap_for(m("1", nok)), money(y["purregebyr_nok"].get<std::int64_t>() * 100, nok)) << year;
    ++checked;
  }
  EXPECT_EQ(checked, 10);
}

TEST(ShippedFeeRules, NorwegianStandardCompensationIsB2bOnlyAndHalfYearly) {
  EXPECT_EQ(rules(jurisdiction::no, segment::b2c, d(2025, 3, 1)).find(legal_fee_kind::fixed_compensation), nullptr);
  EXPECT_EQ(rules(jurisdiction::no, segment::b2b, d(2020, 8, 1)).find(legal_fee_kind::fixed_compensation)->max_cap(),
            m("430", nok));
  EXPECT_EQ(rules(jurisdiction::no, segment::b2b, d(2025, 3, 1)).find(legal_fee_kind::fixed_compensation)->max_cap(),
            m("470", nok));
}

TEST(ShippedFeeRules, SwedenDenmarkFinlandAndEu) {
  const auto se = rules(jurisdiction::se, segment::b2c, d(2025, 1, 1));
  EXPECT_EQ(se.find(legal_fee_kind::reminder)->max_cap(), m("60", sek));
  EXPECT_TRUE(se.find(legal_fee_kind::reminder)->needs_agreement);
  EXPECT_EQ(se.find(legal_fee_kind::payment_demand)->max_cap(), m("180", sek));
  EXPECT_EQ(se.find(legal_fee_kind::fixed_compensation), nullptr);  // 450 SEK is B2B only
  EXPECT_EQ(rules(jurisdiction::se, segment::b2b, d(2025, 1, 1)).find(legal_fee_kind::fixed_compensation)->max_cap(),
            m("450", sek));

  const auto dk = rules(jurisdiction::dk, segment::b2c, d(2025, 1, 1));
  EXPECT_EQ(dk.find(legal_fee_kind::reminder)->max_cap(), m("100", dkk));
  EXPECT_EQ(dk.find(legal_fee_kind::reminder)->max_count, 3);
  EXPECT_EQ(dk.find(legal_fee_kind::reminder)->min_days_between, 10);
  EXPECT_EQ(rules(jurisdiction::dk, segment::b2b, d(2025, 1, 1)).find(legal_fee_kind::fixed_compensation)->max_cap(),
            m("310", dkk));

  const auto fi_c = rules(jurisdiction::fi, segment::b2c, d(2025, 1, 1));
  EXPECT_EQ(fi_c.find(legal_fee_kind::reminder)->max_cap(), m("5", eur));
  EXPECT_EQ(fi_c.find(legal_fee_kind::payment_demand)->cap_for(m("100", eur)), m("14", eur));
  EXPECT_EQ(fi_c.find(legal_fee_kind::payment_demand)->cap_for(m("100.01", eur)), m("24", eur));
  EXPECT_EQ(fi_c.find(legal_fee_kind::payment_demand)->cap_for(m("5000", eur)), m("50", eur));
  const auto fi_b = rules(jurisdiction::fi, segment::b2b, d(2025, 1, 1));
  EXPECT_EQ(fi_b.find(legal_fee_kind::reminder)->max_cap(), m("12", eur));
  EXPECT_EQ(fi_b.find(legal_fee_kind::payment_demand)->cap_for(m("499.99", eur)), m("50", eur));
  EXPECT_EQ(fi_b.find(legal_fee_kind::payment_demand)->cap_for(m("2500.01", eur)), m("90", eur));
  EXPECT_EQ(fi_b.find(legal_fee_kind::payment_demand)->cap_for(m("10000.01", eur)), m("110", eur));
  EXPECT_EQ(fi_b.find(legal_fee_kind::fixed_compensation)->max_cap(), m("40", eur));
  // The business caps start on 1 May 2022.
  EXPECT_EQ(rules(jurisdiction::fi, segment::b2b, d(2022, 4, 30)).find(legal_fee_kind::reminder), nullptr);

  EXPECT_EQ(rules(jurisdiction::eu, segment::b2b, d(2025, 1, 1)).find(legal_fee_kind::fixed_compensation)->max_cap(),
            m("40", eur));
  EXPECT_TRUE(rules(jurisdiction::eu, segment::b2c, d(2025, 1, 1)).fees.empty());
}

TEST(FeeRulesJson, HostRowsOverrideTheShippedOnes) {
  const auto shipped = shipped_fee_rules().value();
  const auto host = load_fee_rules_json(R"({"rules": [{"id": "NO.purregebyr", "jurisdiction": "NO",
      "segments": ["b2b", "b2c"], "kind": "reminder", "effective_from": "2026-01-01", "currency": "NOK",
      "cap": "37.50", "min_days_after_due": 14, "min_deadline_days": 14, "max_count": 2,
      "count_group": "NO.fee_notices_before_betalingsoppfordring", "law": "inkassoforskriften", "source": "FOR-2025-12-xx"}]})")
                        .value();
  const auto merged = merge_fee_rules(shipped, host);
  EXPECT_EQ(merged.size(), shipped.size());
  const auto r = rules_for(merged, jurisdiction::no, segment::b2c, d(2026, 3, 1));
  EXPECT_EQ(r.find(legal_fee_kind::reminder)->max_cap(), m("37.50", nok));
  EXPECT_FALSE(r.find(legal_fee_kind::reminder)->uncertain);
}

struct BadJson {
  const char* name;
  const char* text;
  errc code;
  const char* part;
  friend std::ostream& operator<<(std::ostream& os, const BadJson& b) { return os << b.name; }
};
class FeeRulesJsonErrors : public ::testing::TestWithParam<BadJson> {};
TEST_P(FeeRulesJsonErrors, NameTheRuleAndField) {
  const auto r = load_fee_rules_json(GetParam().text);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, GetParam().code);
  EXPECT_NE(r.error().message.find(GetParam().part), std::string::npos) << r.error().message;
}
INSTANTIATE_TEST_SUITE_P(Json, FeeRulesJsonErrors, ::testing::Values(
    BadJson{"syntax", "{", errc::invalid_argument, "fee rules JSON:1:2: not valid JSON"},
    BadJson{"float cap", R"({"id": "X", "jurisdiction": "NO", "segments": ["b2c"], "kind": "reminder",
        "effective_from": "2025-01-01", "currency": "NOK", "cap": 35.5, "law": "l", "source": "s"})",
            errc::invalid_argument, "cap"},
    BadJson{"no source", R"({"id": "X", "jurisdiction": "NO", "segments": ["b2c"], "kind": "reminder",
        "effective_from": "2025-01-01", "law": "l"})", errc::invalid_argument, "(X).source"},
    BadJson{"bad kind", R"({"id": "X", "jurisdiction": "NO", "segments": ["b2c"], "kind": "late_fee",
        "effective_from": "2025-01-01", "law": "l", "source": "s"})", errc::invalid_argument, "late_fee"},
    BadJson{"duplicate", R"({"rules": [
        {"id": "X", "jurisdiction": "NO", "segments": ["b2c"], "kind": "reminder", "effective_from": "2025-01-01", "law": "l", "source": "s"},
        {"id": "X", "jurisdiction": "NO", "segments": ["b2c"], "kind": "reminder", "effective_from": "2025-01-01", "law": "l", "source": "s"}]})",
            errc::conflict, "X"}));

}  // namespace
}  // namespace kreditor

namespace kreditor {
namespace {

// Issue 13: the FI consumer payment demand's 14 days after the reminder is the statute's own
// (laki saatavien perinnästä 5 § as amended by 299/2022): the row cites the act; the rest of the
// row (band boundaries, start date) is still UNCERTAIN and the flag stays.
TEST(FeeRulesSources, FinnishConsumerDemandCitesTheActForItsFourteenDays) {
  const auto all = shipped_fee_rules();
  ASSERT_TRUE(all) << all.error().message;
  int seen = 0;
  for (const legal_fee_rule& r : *all) {
    if (r.id != "FI.maksuvaatimus.consumer") continue;
    ++seen;
    EXPECT_EQ(r.min_days_between, 14);
    EXPECT_NE(r.source.find("finlex.fi/fi/laki/alkup/2022/20220299"), std::string::npos) << r.source;
    EXPECT_NE(r.note.find("513/1999 5 §"), std::string::npos) << r.note;
    EXPECT_TRUE(r.uncertain);
  }
  EXPECT_EQ(seen, 1);
}

}  // namespace
}  // namespace kreditor
