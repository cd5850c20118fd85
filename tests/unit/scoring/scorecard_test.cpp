// Scorecards: scaling, WoE/IV by hand, binning on German Credit, points == model odds, reasons.
#include "kreditor/scoring/scorecard.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "kreditor/io/scoring_json.hpp"
#include "kreditor/scoring/logistic.hpp"
#include "support/errors.hpp"

namespace kreditor::scoring {
namespace {

TEST(Scorecard, SiddiqiScalingExample) {
  // 600 points at 50:1 with PDO 20: factor 28.8539, offset 487.1229; odds 100:1 score 620.
  const points_scaling s{.pdo = 20, .base_score = 600, .base_odds = 50};
  EXPECT_NEAR(s.factor(), 28.8539, 1e-4);
  EXPECT_NEAR(s.offset(), 487.1229, 1e-4);
  EXPECT_NEAR(s.offset() + s.factor() * std::log(100.0), 620.0, 1e-9);
}

TEST(Scorecard, WoeAndIvByHand) {
  // x <= 1: 8 goods 2 bads; x > 1: 2 goods 8 bads. G = B = 10.
  std::vector<double> x, y;
  for (int i = 0; i < 10; ++i) {
    x.push_back(1);
    y.push_back(i < 2 ? 1 : 0);
  }
  for (int i = 0; i < 10; ++i) {
    x.push_back(2);
    y.push_back(i < 8 ? 1 : 0);
  }
  const characteristic c = bin_characteristic("x", x, y, {.max_bins = 2, .fine_bins = 2, .min_bin_share = 0.1});
  ASSERT_EQ(c.bins.size(), 2U);
  EXPECT_EQ(c.bins[0].goods, 8U);
  EXPECT_EQ(c.bins[0].bads, 2U);
  EXPECT_NEAR(c.bins[0].woe, std::log(0.2 / 0.8), 1e-15);  // negative: the safer bin (higher = riskier)
  EXPECT_NEAR(c.bins[1].woe, std::log(0.8 / 0.2), 1e-15);
  EXPECT_NEAR(c.iv, 2 * 0.6 * std::log(4.0), 1e-15);
}

std::vector<std::vector<double>> german(std::vector<std::string> want, std::vector<double>& y) {
  std::ifstream in(std::string(KREDITOR_SOURCE_DIR) + "/tests/data/scoring/german_credit_encoded.csv");
  std::string line;
  std::getline(in, line);
  std::vector<std::string> names;
  std::stringstream h(line);
  for (std::string c; std::getline(h, c, ',');) names.push_back(c);
  std::vector<std::vector<double>> cols(want.size());
  while (std::getline(in, line)) {
    std::stringstream r(line);
    std::size_t j = 0;
    for (std::string c; std::getline(r, c, ','); ++j) {
      if (names[j] == "bad") y.push_back(std::stod(c));
      for (std::size_t k = 0; k < want.size(); ++k)
        if (names[j] == want[k]) cols[k].push_back(std::stod(c));
    }
  }
  return cols;
}

TEST(Scorecard, PointsEqualTheModelsLogOddsAndReasonsAreStable) {
  const std::vector<std::string> names = {"Duration", "Amount", "Age"};
  std::vector<double> y;
  const auto cols = german(names, y);
  ASSERT_EQ(y.size(), 1000U);
  std::vector<characteristic> chars;
  std::vector<double> woe;
  for (std::size_t k = 0; k < names.size(); ++k) {
    chars.push_back(bin_characteristic(names[k], cols[k], y));
    EXPECT_LE(chars.back().bins.size(), 5U);
    for (const auto& b : chars.back().bins) EXPECT_GE(b.goods + b.bads, 50U);
    EXPECT_GT(chars.back().iv, 0.02) << names[k];  // each says something about default
    const auto w = woe_transform(chars.back(), cols[k]);
    woe.insert(woe.end(), w.begin(), w.end());
  }
  // Duration's WoE rises with duration in German Credit: longer loans default more.
  EXPECT_LT(chars[0].bins.front().woe, chars[0].bins.back().woe);
  const logistic_fit f = fit_logistic({.x = woe, .rows = 1000, .cols = 3, .y = y, .weights = {}, .names = names});
  const points_scaling s{.pdo = 20, .base_score = 600, .base_odds = 50};
  const scorecard card = make_scorecard(chars, f.model, s);
  for (std::size_t i = 0; i < 1000; i += 37) {
    const std::vector<double> v = {cols[0][i], cols[1][i], cols[2][i]};
    const std::vector<double> wv = {woe[i], woe[1000 + i], woe[2000 + i]};
    const double p_bad = f.model.probability(wv);
    const scored sc = score(card, v);
    EXPECT_NEAR(sc.points, s.offset() + s.factor() * std::log((1 - p_bad) / p_bad), 1e-9) << i;
    for (std::size_t r = 1; r < sc.reasons.size(); ++r) EXPECT_GE(sc.reasons[r - 1].points_lost, sc.reasons[r].points_lost);
  }
  // The best bin of every characteristic: no reason at all; the worst duration bin: Duration first.
  std::vector<double> best, worst_duration;
  for (const auto& c : card.characteristics) {
    std::size_t b = 0;
    for (std::size_t k = 0; k < c.bins.size(); ++k)
      if (c.bins[k].points > c.bins[b].points) b = k;
    best.push_back(b == 0 ? -1e300 : c.bins[b - 1].upper + 1e-9);
  }
  EXPECT_TRUE(score(card, best).reasons.empty());
  worst_duration = best;
  worst_duration[0] = 72;  // the longest duration in the data
  const scored w = score(card, worst_duration);
  ASSERT_EQ(w.reasons.size(), 1U);
  EXPECT_EQ(w.reasons[0].characteristic, "Duration");
}

TEST(ScorecardJson, AFittedGermanCreditScorecardReadsBackIdentically) {
  const std::vector<std::string> names = {"Duration", "Amount", "Age"};
  std::vector<double> y;
  const auto cols = german(names, y);
  std::vector<characteristic> chars;
  std::vector<double> woe;
  for (std::size_t k = 0; k < names.size(); ++k) {
    chars.push_back(bin_characteristic(names[k], cols[k], y));
    const auto w = woe_transform(chars.back(), cols[k]);
    woe.insert(woe.end(), w.begin(), w.end());
  }
  const logistic_fit f = fit_logistic({.x = woe, .rows = 1000, .cols = 3, .y = y, .weights = {}, .names = names});
  const scorecard card = make_scorecard(chars, f.model, {.pdo = 20, .base_score = 600, .base_odds = 50});
  const std::string text = to_json(card);
  const result<scorecard> back = parse_scorecard_json(text);
  ASSERT_TRUE(back.has_value()) << back.error().message;
  EXPECT_EQ(*back, card);  // every double bit for bit: bins, WoE, IV, points, scaling, base points
  EXPECT_EQ(to_json(*back), text);
  EXPECT_NE(text.find("\"upper\": null"), std::string::npos);  // +infinity, the last bin
  for (std::size_t i = 0; i < 1000; i += 101) {
    const std::vector<double> v = {cols[0][i], cols[1][i], cols[2][i]};
    EXPECT_EQ(score(*back, v).points, score(card, v).points) << i;
  }
}

// A small scorecard in JSON; each refusal below changes one thing in it.
std::string small_card(const std::string& from = "", const std::string& to = "") {
  std::string t = R"({"schema": "kreditor.scorecard/1",
    "scaling": {"pdo": 20, "base_score": 600, "base_odds": 50},
    "base_points": 500.25,
    "characteristics": [
      {"name": "Duration", "iv": 0.2,
       "bins": [{"upper": 12, "goods": 300, "bads": 60, "woe": -0.5, "iv": 0.05, "points": 14.4},
                {"upper": 24, "goods": 250, "bads": 110, "woe": 0.1, "iv": 0.01, "points": -2.9},
                {"upper": null, "goods": 150, "bads": 130, "woe": 0.8, "iv": 0.14, "points": -23.1}]},
      {"name": "Age", "iv": 0.05,
       "bins": [{"upper": 30, "goods": 200, "bads": 120, "woe": 0.3, "iv": 0.03, "points": -8.7},
                {"upper": null, "goods": 500, "bads": 180, "woe": -0.2, "iv": 0.02, "points": 5.8}]}]})";
  if (!from.empty()) {
    const auto at = t.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    if (at != std::string::npos) t.replace(at, from.size(), to);
  }
  return t;
}

TEST(ScorecardJson, ReadsTheDocumentedSchema) {
  const scorecard c = parse_scorecard_json(small_card()).value();
  EXPECT_EQ(c.scaling.pdo, 20);
  EXPECT_EQ(c.base_points, 500.25);
  ASSERT_EQ(c.characteristics.size(), 2U);
  EXPECT_EQ(c.characteristics[0].bins.size(), 3U);
  EXPECT_TRUE(std::isinf(c.characteristics[0].bins[2].upper));
  EXPECT_EQ(c.characteristics[1].bins[0].bads, 120U);
  // 20 months, 45 years: 500.25 - 2.9 + 5.8
  EXPECT_DOUBLE_EQ(score(c, std::vector<double>{20, 45}).points, 500.25 - 2.9 + 5.8);
}

TEST(ScorecardJson, BadDocumentsAreRefusedNamingThePointer) {
  struct bad {
    std::string from, to;
    errc code;
    std::string says;
  };
  const std::vector<bad> cases = {
      {"{\"schema\"", "[{\"schema\"", errc::invalid_argument, "scorecard JSON"},
      {"\"kreditor.scorecard/1\"", "\"kreditor.scorecard/2\"", errc::invalid_argument, "/schema: must be"},
      {"\"pdo\": 20", "\"pdo\": 0", errc::invalid_argument, "/scaling/pdo: must be > 0"},
      {"\"base_odds\": 50", "\"base_odds\": -1", errc::invalid_argument, "/scaling/base_odds: must be > 0"},
      {"\"base_points\": 500.25,", "", errc::invalid_argument, "/base_points: is required"},
      {"\"upper\": null, \"goods\": 150", "\"upper\": 72, \"goods\": 150", errc::invalid_argument,
       "/characteristics/0/bins/2/upper: the last bin's upper bound must be null"},
      {"\"upper\": 24", "\"upper\": null", errc::invalid_argument,
       "/characteristics/0/bins/1/upper: only the last bin"},
      {"\"upper\": 24", "\"upper\": 12", errc::invalid_argument,
       "/characteristics/0/bins/1/upper: must be greater than the previous"},
      {"\"goods\": 250", "\"goods\": -1", errc::invalid_argument, "/characteristics/0/bins/1/goods: -1 is outside"},
      {"\"woe\": 0.1", "\"woe\": \"0.1\"", errc::invalid_argument, "/characteristics/0/bins/1/woe: must be a number"},
      {"\"name\": \"Age\"", "\"name\": \"Duration\"", errc::conflict, "/characteristics/1/name: 'Duration' appears twice"},
      {"\"name\": \"Age\", \"iv\": 0.05,", "\"name\": \"Age\", \"iv\": 0.05, \"colour\": 1,", errc::invalid_argument,
       "/characteristics/1/colour: unknown key"},
  };
  for (const bad& c : cases) {
    const result<scorecard> r = parse_scorecard_json(small_card(c.from, c.to));
    ASSERT_FALSE(r.has_value()) << c.from << " -> " << c.to;
    EXPECT_EQ(r.error().code, c.code) << r.error().message;
    EXPECT_NE(r.error().message.find(c.says), std::string::npos) << r.error().message;
  }
}

TEST(ScorecardJson, AValueJsonCannotCarryIsRefusedWhenWritten) {
  scorecard c = parse_scorecard_json(small_card()).value();
  c.characteristics[1].bins[0].woe = std::nan("");
  try {
    (void)to_json(c);
    FAIL() << "no error";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::invalid_argument);
    EXPECT_NE(std::string(e.what()).find("/characteristics/1/bins/0/woe: NaN"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace kreditor::scoring
