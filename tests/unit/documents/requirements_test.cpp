// The law's content requirements as data: the shipped table, the rule in force on a date, and
// a host's table refused with a message that names the rule and the key.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "kreditor/documents/requirements.hpp"

namespace {
using namespace kreditor;

bool has(const notice_requirement& r, element e) {
  return std::find(r.elements.begin(), r.elements.end(), e) != r.elements.end();
}

TEST(NoticeRequirements, ShippedTableEqualsTheCopyTheTestsKeep) {
  // tests/data/notice_requirements.json is the researched table with its sources; the library
  // compiles src/data/notice_requirements.json. They must not drift apart.
  std::ifstream in(KREDITOR_SOURCE_DIR "/tests/data/notice_requirements.json");
  std::stringstream text;
  text << in.rdbuf();
  const auto copy = load_notice_requirements_json(text.str());
  ASSERT_TRUE(copy) << copy.error().message;
  const auto& shipped = shipped_notice_requirements();
  ASSERT_EQ(copy.value().size(), shipped.size());
  for (std::size_t i = 0; i < shipped.size(); ++i) {
    EXPECT_EQ(copy.value()[i].id, shipped[i].id);
    EXPECT_EQ(copy.value()[i].elements, shipped[i].elements);
    EXPECT_EQ(copy.value()[i].law, shipped[i].law);
  }
  for (const notice_requirement& r : shipped) {
    EXPECT_FALSE(r.law.empty()) << r.id;
    EXPECT_FALSE(r.source.empty()) << r.id;
  }
}

TEST(NoticeRequirements, TheNorwegianInkassovarselInForceOnADate) {
  const auto& rules = shipped_notice_requirements();
  // Two versions of NO.inkassovarsel (2009, and 2017 when § 3a allowed electronic notices):
  // one applies on a date, the latest in force.
  const auto now = requirements_for(rules, jurisdiction::no, segment::b2c, document_kind::collection_warning,
                                    make_date(2026, 11, 20));
  ASSERT_EQ(now.size(), 1u);
  EXPECT_EQ(now[0]->id, "NO.inkassovarsel");
  EXPECT_EQ(now[0]->effective_from, make_date(2017, 4, 1));
  EXPECT_EQ(now[0]->min_deadline_days, 14);
  EXPECT_TRUE(has(*now[0], element::deadline));
  EXPECT_TRUE(has(*now[0], element::consequence_of_nonpayment));
  EXPECT_NE(now[0]->law.find("§§ 9, 3a"), std::string::npos);  // § 3a: electronic notices, from 2017
  const auto then = requirements_for(rules, jurisdiction::no, segment::b2c, document_kind::collection_warning,
                                     make_date(2010, 6, 1));
  ASSERT_EQ(then.size(), 1u);
  EXPECT_EQ(then[0]->effective_from, make_date(2009, 1, 1));
  // Before any row: nothing is required by this table.
  EXPECT_TRUE(requirements_for(rules, jurisdiction::no, segment::b2c, document_kind::collection_warning,
                               make_date(2000, 1, 1))
                  .empty());
}

TEST(NoticeRequirements, SegmentsAndJurisdictionsSelect) {
  const auto& rules = shipped_notice_requirements();
  const date d = make_date(2026, 11, 20);
  const auto fi_b2c = requirements_for(rules, jurisdiction::fi, segment::b2c, document_kind::reminder, d);
  const auto fi_b2b = requirements_for(rules, jurisdiction::fi, segment::b2b, document_kind::reminder, d);
  ASSERT_EQ(fi_b2c.size(), 1u);
  ASSERT_EQ(fi_b2b.size(), 1u);
  EXPECT_EQ(fi_b2c[0]->id, "FI.maksumuistutus.consumer");
  EXPECT_EQ(fi_b2b[0]->id, "FI.maksumuistutus.business");
  EXPECT_TRUE(has(*fi_b2c[0], element::objection_instructions));
  // The SE inkassokrav states interest: rate and from when (inkassolagen 5 §).
  const auto se = requirements_for(rules, jurisdiction::se, segment::b2b, document_kind::collection_warning, d);
  ASSERT_EQ(se.size(), 1u);
  EXPECT_TRUE(has(*se[0], element::interest_rate));
  EXPECT_TRUE(has(*se[0], element::interest_from));
  // Nothing for the EU: no national content rule.
  EXPECT_TRUE(requirements_for(rules, jurisdiction::eu, segment::b2b, document_kind::reminder, d).empty());
}

// A host's one-rule table; `key` replaced by the raw JSON `value` (duplicate keys are refused
// by the reader, so the rule is rebuilt, not appended to).
std::string host_rule(const std::string& key = "", const std::string& value = "") {
  std::vector<std::pair<std::string, std::string>> fields = {
      {"id", R"("X")"}, {"jurisdiction", R"("NO")"}, {"segments", R"(["b2b"])"}, {"kind", R"("reminder")"},
      {"effective_from", R"("2020-01-01")"}, {"elements", R"(["debtor_address"])"}, {"law", R"("host")"},
      {"source", R"("host")"}, {"uncertain", "false"}};
  bool replaced = false;
  for (auto& [k, v] : fields)
    if (k == key) { v = value; replaced = true; }
  if (!key.empty() && !replaced) fields.emplace_back(key, value);
  std::string rule;
  for (const auto& [k, v] : fields) rule += (rule.empty() ? "" : ", ") + ("\"" + k + "\": ") + v;
  return R"({"format": "kreditor.notice_requirements/1", "rules": [{)" + rule + "}]}";
}

TEST(NoticeRequirements, AHostTableIsCheckedAndNamesTheProblem) {
  const auto ok = load_notice_requirements_json(host_rule());
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok.value()[0].elements, std::vector<element>{element::debtor_address});

  struct bad_case {
    std::string text;
    std::string says;
  };
  const std::vector<bad_case> bad = {
      {R"({"format": "other", "rules": []})", "format"},
      {R"({"format": "kreditor.notice_requirements/1"})", "rules: an array expected"},
      {host_rule("elements", R"(["debtor_adress"])"), "rules[0] (X).elements[0]: unknown document element 'debtor_adress'"},
      {host_rule("kind", R"("letter")"), "rules[0] (X).kind: unknown document kind 'letter'"},
      {host_rule("segments", "[]"), "rules[0] (X).segments"},
      {host_rule("effective_until", R"("2019-01-01")"), "effective_until before effective_from"},
      {host_rule("min_deadline_days", "1000"), "min_deadline_days"},
      {host_rule("source", "[]"), "every rule needs its source"},
      {host_rule("uncertain", R"("no")"), "uncertain: true or false expected"},
      {host_rule("conditional_elements", R"({"nothing": "x"})"), "conditional_elements: unknown document element"},
      {host_rule("law", R"("host", "law": "twice")"), "appears twice"},
      {"{not json", "notice_requirements"},
  };
  for (const bad_case& b : bad) {
    const auto r = load_notice_requirements_json(b.text);
    ASSERT_FALSE(r) << b.text;
    EXPECT_EQ(r.error().code, errc::invalid_argument) << b.text;
    EXPECT_NE(r.error().message.find(b.says), std::string::npos) << r.error().message;
  }
}

}  // namespace
