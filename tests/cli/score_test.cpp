// `kreditor fit` and `kreditor score`, run the way a user runs them.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "kreditor/terms/notation.hpp"
#include "support/cli.hpp"

namespace {

using kreditor::test_support::run_cli;
using json = nlohmann::json;
const std::string src = KREDITOR_SOURCE_DIR;
const std::string data = src + "/tests/data/scoring/";
const std::string sample = src + "/examples/sample_scoring/";

json slurp_json(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return json::parse(s.str());
}

TEST(FitCli, GermanCreditEqualsStatsmodelsThroughTheJsonOutput) {
  const auto r = run_cli("fit --data " + data + "german_credit_encoded.csv --target bad --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json out = json::parse(r.out);
  const json ref = slurp_json(data + "reference_statsmodels.json")["fits"]["german_credit"];
  ASSERT_EQ(out["coefficients"].size(), 49U);
  EXPECT_EQ(out["coefficients"].begin().key(), "(Intercept)");
  for (const auto& [name, value] : ref["coefficients"].items()) {
    const double b = value.get<double>();
    EXPECT_LE(std::abs(out["coefficients"][name].get<double>() - b), 1e-8 * std::abs(b)) << name;
  }
  EXPECT_TRUE(out["converged"].get<bool>());
  EXPECT_GT(out["auc"].get<double>(), 0.5);
  EXPECT_LT(out["auc"].get<double>(), 1.0);
  for (const char* key : {"std_errors", "log_likelihood", "iterations"}) EXPECT_TRUE(out.contains(key)) << key;
}

TEST(FitCli, WeightsAndNoInterceptAndBadInput) {
  const auto w = run_cli("fit --data " + data + "credit_data_encoded.csv --target bad --weights w --json");
  ASSERT_EQ(w.exit_code, 0) << w.err;
  const json ref = slurp_json(data + "reference_r.json")["fits"]["credit_data_weighted"];
  const json out = json::parse(w.out);
  EXPECT_NEAR(out["log_likelihood"].get<double>(), ref["log_likelihood"].get<double>(), 1e-7);
  EXPECT_FALSE(out["coefficients"].contains("w"));
  const auto ni = run_cli("fit --data " + data + "credit_data_encoded.csv --target bad --no-intercept --json");
  ASSERT_EQ(ni.exit_code, 0) << ni.err;
  EXPECT_FALSE(json::parse(ni.out)["coefficients"].contains("(Intercept)"));
  const auto text = run_cli("fit --data " + data + "credit_data_modeldata.csv --target Status");
  EXPECT_EQ(text.exit_code, 2);
  EXPECT_NE(text.err.find("is not a number"), std::string::npos) << text.err;
}

json score(const std::string& id) {
  const auto r = run_cli("score --financials " + sample + "financials/" + id + ".json --credit-check " + sample +
                         "credit_checks.json --ledger " + src + "/examples/sample_ledger --customer " + id + " --json");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out);
}

TEST(ScoreCli, TheContractFieldsAreThere) {
  const json out = score("NO-1001");
  for (const char* key : {"grade", "pd", "altman", "ohlson", "recommended_terms", "recommended_limit", "currency",
                          "payment_methods", "reasons"})
    EXPECT_TRUE(out.contains(key)) << key;
  EXPECT_TRUE(out["altman"].contains("z") && out["altman"].contains("model") && out["altman"].contains("zone"));
  EXPECT_TRUE(out["ohlson"].contains("o") && out["ohlson"].contains("p"));
  EXPECT_TRUE(kreditor::parse_terms(out["recommended_terms"].get<std::string>()).has_value());
  EXPECT_EQ(out["currency"], "NOK");
  for (const auto& m : out["payment_methods"]) EXPECT_NE(m.get<std::string>(), "cheque");
  for (const auto& x : out["reasons"]) EXPECT_TRUE(x.contains("code") && x.contains("text"));
}

TEST(ScoreCli, PaymentRemarksAndBrokenPromisesMeanPrepayment) {
  const json bad = score("NO-1002");  // losses, 2 payment remarks, score 24, inkassovarsel
  EXPECT_EQ(bad["recommended_terms"], "CIA");
  EXPECT_EQ(bad["recommended_limit"], "0.00");
  bool remarks = false;
  for (const auto& x : bad["reasons"]) remarks = remarks || x["code"] == "payment_remarks";
  EXPECT_TRUE(remarks);
  const json promise = score("SE-2004");  // promised 2026-11-10, did not pay
  bool broken = false;
  for (const auto& x : promise["reasons"]) broken = broken || x["code"] == "broken_promise";
  EXPECT_TRUE(broken);
  EXPECT_EQ(promise["behaviour"]["broken_promises"], 1);
  EXPECT_EQ(promise["payment_methods"], json::array({"prepayment"}));
}

TEST(ScoreCli, MissingFileIsAUsageError) {
  const auto r = run_cli("score --financials /nonexistent/x.json");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("cannot read"), std::string::npos) << r.err;
}

}  // namespace

namespace {

TEST(ReviewCli, TheBundledSampleIsReviewedWithReasons) {
  const auto r = run_cli("review --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const json out = json::parse(r.out);
  EXPECT_EQ(out["as_of"], "2026-11-20");
  ASSERT_EQ(out["customers"].size(), 16U);
  std::size_t scored = 0;
  for (const auto& c : out["customers"]) {
    SCOPED_TRACE(c["customer_id"].get<std::string>());
    for (const char* key : {"customer_id", "grade", "pd", "terms", "limit", "changes", "reasons"})
      EXPECT_TRUE(c.contains(key)) << key;
    EXPECT_TRUE(kreditor::parse_terms(c["terms"]["recommended"].get<std::string>()).has_value());
    EXPECT_FALSE(c["reasons"].empty());
    if (!c["scored"].get<bool>()) continue;
    ++scored;
    // A change is listed exactly when terms or limit differ.
    const bool differs = c["terms"]["current"] != c["terms"]["recommended"] ||
                         c["limit"]["current"] != c["limit"]["recommended"];
    EXPECT_EQ(differs, !c["changes"].empty());
  }
  EXPECT_EQ(scored, 11U);  // the 11 business customers; the 5 consumers are listed, not scored
  const auto find = [&](const std::string& id) {
    for (const auto& c : out["customers"])
      if (c["customer_id"] == id) return c;
    return json();
  };
  // Göta Verktyg's agreed reminder fee (SE: must be agreed in advance) stays in its terms.
  EXPECT_NE(find("SE-2001")["terms"]["recommended"].get<std::string>().find("; reminder fee"), std::string::npos);
  EXPECT_EQ(find("NO-1002")["terms"]["recommended"], "CIA");
  EXPECT_EQ(find("NO-1003")["scored"], false);
}

TEST(ReviewCli, TableSaysWhatToChange) {
  const auto r = run_cli("review");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Credit review as of 2026-11-20"), std::string::npos);
  EXPECT_NE(r.out.find("change terms from net 14 to CIA"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("registered payment remarks"), std::string::npos);
}

}  // namespace
