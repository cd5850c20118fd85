#include "kreditor/io/policy_json.hpp"

#include <gtest/gtest.h>

#include <string>

#include "kreditor/dunning/presets.hpp"

namespace kreditor {
namespace {

using namespace dunning;

const char* good = R"({
  "name": "NO standard",
  "jurisdiction": "NO",
  "interest": "statutory",
  "minimum_open": {"NOK": "100.00"},
  "on_broken_promise": ["cash_terms"],
  "steps": [
    {"name": "courtesy", "trigger": {"before_due_days": 3}, "commands": ["courtesy_email"]},
    {"name": "purring", "trigger": {"after_due_days": 14}, "commands": ["send_reminder"],
     "deadline_days": 14, "fee": {"NOK": "35.00"},
     "bands": [{"from": {"NOK": "50000.00"}, "commands": ["send_reminder", "phone_call"]}]},
    {"name": "inkassovarsel", "trigger": {"after_previous_deadline_days": 1},
     "commands": ["collection_warning"], "deadline_days": 14, "fee": "statutory"},
    {"name": "inkasso", "trigger": {"after_previous_deadline_days": 1}, "commands": ["hand_over_to_collection"]}
  ]
})";

TEST(PolicyJson, ReadsEveryField) {
  const auto p = parse_policy_json(good);
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ(p->name, "NO standard");
  EXPECT_EQ(p->jurisdiction, jurisdiction::no);
  EXPECT_EQ(p->interest, interest_mode::statutory);
  ASSERT_EQ(p->steps.size(), 4u);
  EXPECT_EQ(p->steps[0].trigger.after_due_days, -3);
  EXPECT_EQ(p->steps[1].fee.amounts, (std::vector<money>{money(3'500, iso4217::nok)}));
  EXPECT_EQ(p->steps[1].bands.at(0).commands.size(), 2u);
  EXPECT_TRUE(p->steps[2].fee.statutory);
  EXPECT_EQ(p->on_broken_promise, std::vector<command_kind>{command_kind::cash_terms});
}

TEST(PolicyJson, EveryPresetRoundTrips) {
  for (std::string_view name : preset_names()) {
    const policy p = name.size() == 2 ? preset(name) : preset(name, jurisdiction::se);
    const auto back = parse_policy_json(to_json(p));
    ASSERT_TRUE(back) << name << ": " << back.error().message;
    EXPECT_EQ(*back, p) << name;
  }
}

struct BadCase {
  std::string label;
  std::string json;
  errc code;
  std::string names;  // the key path / rule the message must name
  friend std::ostream& operator<<(std::ostream& os, const BadCase& c) { return os << c.label; }
};

class PolicyJsonErrors : public ::testing::TestWithParam<BadCase> {};

TEST_P(PolicyJsonErrors, NameTheKeyAndTheProblem) {
  const BadCase& c = GetParam();
  const auto p = parse_policy_json(c.json);
  ASSERT_FALSE(p) << c.label;
  EXPECT_EQ(p.error().code, c.code) << p.error().message;
  EXPECT_NE(p.error().message.find(c.names), std::string::npos) << p.error().message;
}

std::string one_step(const std::string& step, const std::string& extra = "") {
  return R"({"name": "p", "jurisdiction": "EU")" + extra + R"(, "steps": [)" + step + "]}";
}
const std::string ok_step = R"({"name": "r", "trigger": {"after_due_days": 1}, "commands": ["send_reminder"]})";

INSTANTIATE_TEST_SUITE_P(Cases, PolicyJsonErrors, ::testing::Values(
  //     label                  json                                                                          code                     names
  BadCase{"not json",           "{", errc::invalid_argument, "not valid JSON"},
  BadCase{"unknown top key",    one_step(ok_step, R"(, "colour": "red")"), errc::invalid_argument, "/colour: unknown key"},
  BadCase{"unknown step key",   one_step(R"({"name": "r", "triger": {}, "commands": ["send_reminder"]})"), errc::invalid_argument, "/steps/0/triger: unknown key"},
  BadCase{"unknown trigger key",one_step(R"({"name": "r", "trigger": {"after_due": 1}, "commands": ["send_reminder"]})"), errc::invalid_argument, "/steps/0/trigger/after_due: unknown key"},
  BadCase{"missing name",       R"({"jurisdiction": "EU", "steps": [)" + ok_step + "]}", errc::invalid_argument, "/name: is required"},
  BadCase{"bad jurisdiction",   R"({"name": "p", "jurisdiction": "XX", "steps": [)" + ok_step + "]}", errc::invalid_argument, "/jurisdiction"},
  BadCase{"no steps",           R"({"name": "p", "jurisdiction": "EU", "steps": []})", errc::invalid_argument, "/steps: must be a non-empty array"},
  BadCase{"float days",         one_step(R"({"name": "r", "trigger": {"after_due_days": 1.5}, "commands": ["send_reminder"]})"), errc::invalid_argument, "/steps/0/trigger/after_due_days: must be an integer"},
  BadCase{"negative deadline",  one_step(R"({"name": "r", "trigger": {"after_due_days": 1}, "commands": ["send_reminder"], "deadline_days": -2})"), errc::invalid_argument, "/steps/0/deadline_days"},
  BadCase{"unknown command",    one_step(R"({"name": "r", "trigger": {"after_due_days": 1}, "commands": ["send_pigeon"]})"), errc::invalid_argument, "/steps/0/commands/0"},
  BadCase{"fee as number",      one_step(R"({"name": "r", "trigger": {"after_due_days": 1}, "commands": ["send_reminder"], "fee": {"EUR": 5}})"), errc::invalid_argument, "/steps/0/fee/EUR: must be a decimal string"},
  BadCase{"fee bad currency",   one_step(R"({"name": "r", "trigger": {"after_due_days": 1}, "commands": ["send_reminder"], "fee": {"EURO": "5.00"}})"), errc::invalid_argument, "/steps/0/fee/EURO"},
  BadCase{"fee too precise",    one_step(R"({"name": "r", "trigger": {"after_due_days": 1}, "commands": ["send_reminder"], "fee": {"EUR": "5.001"}})"), errc::invalid_argument, "/steps/0/fee/EUR"},
  BadCase{"empty trigger",      one_step(R"({"name": "r", "trigger": {}, "commands": ["send_reminder"]})"), errc::invalid_argument, "/steps/0/trigger: needs at least one anchor"},
  BadCase{"both due anchors",   one_step(R"({"name": "r", "trigger": {"after_due_days": 1, "before_due_days": 1}, "commands": ["send_reminder"]})"), errc::conflict, "/steps/0/trigger/before_due_days"},
  BadCase{"duplicate names",    one_step(ok_step + "," + ok_step), errc::conflict, "steps[1].name"},
  BadCase{"out of order",       one_step(R"({"name": "a", "trigger": {"after_due_days": 10}, "commands": ["courtesy_email"]},
                                            {"name": "b", "trigger": {"after_due_days": 5}, "commands": ["courtesy_email"]})"), errc::conflict, "steps[1].trigger"},
  BadCase{"after hand-over",    one_step(R"({"name": "a", "trigger": {"after_due_days": 10}, "commands": ["hand_over_to_collection"]},)" + ok_step), errc::conflict, "steps[1]"},
  BadCase{"warning no deadline",one_step(R"({"name": "a", "trigger": {"after_due_days": 10}, "commands": ["collection_warning"]})"), errc::invalid_argument, "steps[0].deadline_days"},
  BadCase{"unregistered guard", one_step(R"({"name": "r", "trigger": {"after_due_days": 1}, "commands": ["send_reminder"], "guards": ["vip"]})"), errc::not_found, "guard 'vip'"},
  BadCase{"bad interest",       one_step(ok_step, R"(, "interest": {"rate": "lots"})"), errc::invalid_argument, "/interest/rate"},
  BadCase{"illegal NO fee",     R"({"name": "p", "jurisdiction": "NO", "steps": [{"name": "purring", "trigger": {"after_due_days": 7}, "commands": ["send_reminder"], "deadline_days": 14, "fee": {"NOK": "35.00"}}]})", errc::legal_violation, "NO.purregebyr: a reminder fee only for a notice no earlier than 14 days"}));

}  // namespace
}  // namespace kreditor
