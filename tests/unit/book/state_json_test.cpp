// The run's state as JSON (kreditor/book/state_json.hpp): the documented example, refusals
// naming the input, the entry and the problem, and the round trip parse(to_json(s)) == s over
// random states.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "kreditor/book/state_json.hpp"
#include "support/errors.hpp"
#include "support/shorthand.hpp"

namespace kreditor {
namespace {

using test_support::thrown_code;

using test_support::d;

TEST(StateJson, ReadsTheDocumentedExample) {
  const result<run_state> s = parse_state_json(R"({"kreditor_state": 1, "last_run": "2026-11-20",
    "notices": [{"invoice_id": "F-26-1040", "step": "purring", "sent": "2026-11-20",
                 "deadline": "2026-12-04", "fee": "35.00", "currency": "NOK"},
                {"invoice_id": "F-26-1041", "step": "inkassovarsel", "sent": "2026-11-21",
                 "deadline": null, "fee": "0", "currency": "JPY"}]})");
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(s->last_run, d(2026, 11, 20));
  ASSERT_EQ(s->notices.size(), 2U);
  EXPECT_EQ(s->notices[0], (recorded_notice{.invoice_id = "F-26-1040", .step = "purring", .sent = d(2026, 11, 20),
                                            .deadline = d(2026, 12, 4), .fee = money(3500, iso4217::nok)}));
  EXPECT_EQ(s->notices[1].fee, money(0, iso4217::jpy));
  EXPECT_FALSE(s->notices[1].deadline.has_value());
}

TEST(StateJson, NoLastRunIsNullOrAbsent) {
  // What to_json writes for a state without a last run reads back (the CLI's reader refused
  // its own writer's null before the parser moved into the library).
  for (const char* text : {R"({"kreditor_state": 1, "last_run": null, "notices": []})",
                           R"({"kreditor_state": 1, "notices": []})"}) {
    const result<run_state> s = parse_state_json(text);
    ASSERT_TRUE(s) << text << ": " << s.error().message;
    EXPECT_EQ(*s, run_state{}) << text;
  }
  EXPECT_EQ(parse_state_json(to_json(run_state{})).value(), run_state{});
}

TEST(StateJson, UnknownKeysAreIgnoredForALaterVersionsFields) {
  const result<run_state> s = parse_state_json(R"({"kreditor_state": 1, "host": "erp", "notices": [
    {"invoice_id": "I1", "step": "purring", "sent": "2026-01-05", "fee": "0.00", "currency": "EUR", "by": "x"}]})");
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(s->notices.at(0).invoice_id, "I1");
}

struct bad_case {
  std::string text;
  errc code;
  const char* message;  // the whole message, "who: entry problem"
};

TEST(StateJson, RefusalsNameTheInputTheEntryAndTheProblem) {
  const std::string n = R"({"kreditor_state": 1, "notices": [{"invoice_id": "I1", "step": "purring", )";
  const std::vector<bad_case> cases{
      {"[1]", errc::invalid_argument,
       "s.json: not a kreditor state file (a JSON object with \"kreditor_state\": 1 expected)"},
      {R"({"kreditor_state": 2, "notices": []})", errc::invalid_argument,
       "s.json: not a kreditor state file (version 1 expected in \"kreditor_state\")"},
      {R"({"notices": []})", errc::invalid_argument,
       "s.json: not a kreditor state file (version 1 expected in \"kreditor_state\")"},
      {R"({"kreditor_state": 1})", errc::invalid_argument, "s.json: \"notices\" must be an array"},
      {R"({"kreditor_state": 1, "notices": {}})", errc::invalid_argument, "s.json: \"notices\" must be an array"},
      {R"({"kreditor_state": 1, "notices": [7]})", errc::invalid_argument, "s.json: notices[0] must be an object"},
      {R"({"kreditor_state": 1, "notices": [{"invoice_id": 5}]})", errc::invalid_argument,
       "s.json: notices[0].invoice_id must be a string"},
      {R"({"kreditor_state": 1, "notices": [{"step": "x"}]})", errc::invalid_argument,
       "s.json: notices[0].invoice_id is missing (a non-empty string)"},
      {R"({"kreditor_state": 1, "notices": [{"invoice_id": "", "step": "x"}]})", errc::invalid_argument,
       "s.json: notices[0].invoice_id must not be empty"},
      {(n + R"("fee": "1.00", "currency": "NOK"}]})"), errc::invalid_argument,
       "s.json: notices[0].sent is missing (the date the notice was sent)"},
      {R"({"kreditor_state": 1, "last_run": 20261120, "notices": []})", errc::invalid_argument,
       "s.json: last_run must be a date string (YYYY-MM-DD)"},
      {R"({"kreditor_state": 1, "last_run": "10000-01-01", "notices": []})", errc::invalid_argument,
       "s.json: last_run: date: '10000-01-01' is not of the form YYYY-MM-DD"},
      {(n + R"("sent": "2026-02-30", "fee": "1.00", "currency": "NOK"}]})"), errc::invalid_argument,
       "s.json: notices[0].sent: date: '2026-02-30' does not exist or is out of range"},
      {(n + R"("sent": "2026-02-03", "deadline": 5, "fee": "1.00", "currency": "NOK"}]})"),
       errc::invalid_argument, "s.json: notices[0].deadline must be a date string (YYYY-MM-DD)"},
      {(n + R"("sent": "2026-02-03", "fee": 35, "currency": "NOK"}]})"), errc::invalid_argument,
       "s.json: notices[0].fee must be a string"},
      {(n + R"("sent": "2026-02-03", "fee": "35.00"}]})"), errc::invalid_argument,
       "s.json: notices[0].currency is missing (a non-empty string)"},
      {(n + R"("sent": "2026-02-03", "fee": "35.001", "currency": "NOK"}]})"), errc::precision_loss, nullptr},
      {(n + R"("sent": "2026-02-03", "fee": "35.00", "currency": "ZZZ"}]})"), errc::not_found, nullptr},
      {"{\"kreditor_state\": 1, \"last_run\": 1e999, \"notices\": []}", errc::out_of_range,
       "s.json:1:35: the number 1e999 is out of range (beyond a double's)"},
      {R"({"kreditor_state": 1, "notices": [], "notices": []})", errc::invalid_argument, nullptr},
      {"{\"kreditor_state\": 1, \"notices\": [", errc::invalid_argument, nullptr},
  };
  for (const bad_case& c : cases) {
    SCOPED_TRACE(c.text);
    const result<run_state> s = parse_state_json(c.text, "s.json");
    ASSERT_FALSE(s);
    EXPECT_EQ(s.error().code, c.code) << s.error().message;
    EXPECT_EQ(s.error().message.rfind("s.json", 0), 0U) << s.error().message;  // names the input first
    if (c.message != nullptr) {
      EXPECT_EQ(s.error().message, c.message);
    }
  }
}

TEST(StateJson, AFeeOrCurrencyThatDoesNotReadNamesTheNotice) {
  const result<run_state> s = parse_state_json(R"({"kreditor_state": 1, "notices": [
    {"invoice_id": "I1", "step": "purring", "sent": "2026-01-05", "fee": "0.00", "currency": "NOK"},
    {"invoice_id": "I2", "step": "purring", "sent": "2026-01-05", "fee": "12,50", "currency": "NOK"}]})",
                                               "state.json");
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().message.rfind("state.json: notices[1].fee: ", 0), 0U) << s.error().message;
}

TEST(StateJson, WritingRefusesWhatCouldNotBeReadBack) {
  const recorded_notice ok{.invoice_id = "I1", .step = "purring", .sent = d(2026, 1, 5), .fee = money(0, iso4217::nok)};
  run_state s{.notices = {ok, ok}};
  s.notices[1].step.clear();
  EXPECT_EQ(thrown_code([&] { (void)to_json(s); }), errc::invalid_argument);
  s.notices[1] = ok;
  s.notices[1].invoice_id = "I\xff";  // not UTF-8
  EXPECT_EQ(thrown_code([&] { (void)to_json(s); }), errc::invalid_argument);
  s.notices[1].invoice_id = "I2";
  EXPECT_EQ(thrown_code([&] { (void)to_json(s); }), std::nullopt);
}

// A random state: ids with quotes, backslashes, control characters and non-ASCII text; dates
// over the whole supported range; fees of any sign in currencies of 0, 2 and 3 decimals.
run_state random_state(std::mt19937_64& rng) {
  std::uniform_int_distribution<std::int32_t> day(first_day_number, last_day_number);
  std::uniform_int_distribution<int> small(0, 5);
  std::uniform_int_distribution<std::int64_t> minor(-1'000'000'000'000LL, 1'000'000'000'000LL);
  const std::vector<std::string> pieces{"F-26-", "\"", "\\", "\n", "\x01", "æøå", "€", "1040", " ", "/", "～"};
  const auto text = [&] {
    std::string s = pieces[static_cast<std::size_t>(small(rng)) + 5];
    for (int k = small(rng); k > 0; --k) s += pieces[static_cast<std::size_t>(rng() % pieces.size())];
    return s;
  };
  const currency currencies[] = {iso4217::nok, iso4217::jpy, iso4217::kwd, iso4217::eur};
  run_state s;
  if (rng() % 2 == 0) s.last_run = from_day_number(day(rng));
  for (int k = small(rng) * 3; k > 0; --k) {
    recorded_notice n{.invoice_id = text(), .step = text(), .sent = from_day_number(day(rng))};
    if (rng() % 2 == 0) n.deadline = from_day_number(day(rng));
    const std::int64_t m = rng() % 4 == 0 ? INT64_MIN + static_cast<std::int64_t>(rng() % 2) : minor(rng);
    n.fee = money(rng() % 8 == 0 ? INT64_MAX : m, currencies[rng() % 4]);
    s.notices.push_back(std::move(n));
  }
  return s;
}

TEST(StateJson, RoundTripOverRandomStates) {
  constexpr std::uint64_t seed = 20261120;
  std::mt19937_64 rng(seed);
  for (int i = 0; i < 600; ++i) {
    const run_state s = random_state(rng);
    const std::string text = to_json(s);
    const result<run_state> back = parse_state_json(text);
    ASSERT_TRUE(back) << "seed " << seed << " case " << i << ": " << back.error().message << "\n" << text;
    ASSERT_EQ(*back, s) << "seed " << seed << " case " << i << "\n" << text;
    ASSERT_EQ(to_json(*back), text) << "seed " << seed << " case " << i;  // the text is stable too
  }
}

}  // namespace
}  // namespace kreditor
