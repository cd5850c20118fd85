// Agreements over the run's claim: a payment plan exact to the minor unit with what breaks it,
// and a debt acknowledgment; both carry what the law's data asks of them.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "kreditor/documents/agreement.hpp"
#include "kreditor/io/ledger.hpp"

namespace {
using namespace kreditor;

class SampleAgreements : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ledger l = load_ledger(KREDITOR_SOURCE_DIR "/examples/sample_ledger").value();
    const date as_of = *l.as_of;
    report_ = std::make_unique<run_report>(make_report(std::move(l), as_of, {}, policy_set{}));
    std::ifstream in(KREDITOR_SOURCE_DIR "/examples/sample_ledger/creditor.json");
    std::stringstream text;
    text << in.rdbuf();
    creditor_ = parse_creditor_json(text.str()).value();
  }
  static void TearDownTestSuite() { report_.reset(); }
  static inline std::unique_ptr<run_report> report_;
  static inline creditor_profile creditor_;
};

TEST_F(SampleAgreements, APlanSplitsTheRunsClaimExactly) {
  dunning::plan_terms terms{.installments = 3, .first_due = make_date(2026, 12, 20)};
  const agreement a = make_plan_agreement(*report_, creditor_, "NO-1003", {}, terms, "", 14);
  EXPECT_EQ(a.content.kind, document_kind::payment_plan);
  EXPECT_EQ(a.content.language, language::nb);
  ASSERT_EQ(a.content.invoices.size(), 1u);
  EXPECT_EQ(a.content.invoices[0].invoice_id, "F-26-1040");
  EXPECT_EQ(to_string(a.content.total), "2554.47");  // the run's total due for NO-1003
  ASSERT_TRUE(a.plan);
  ASSERT_EQ(a.plan->installments.size(), 3u);
  money sum = money::zero(a.content.currency);
  for (const dunning::plan_installment& i : a.plan->installments) sum += i.amount;
  EXPECT_EQ(sum, a.content.total);  // no plan interest, no plan fee: the claim, split to the minor unit
  EXPECT_EQ(a.plan->installments[1].due, make_date(2027, 1, 20));
  const std::string text = render_agreement(a, document_format::text, template_set::shipped(), shipped_notice_requirements());
  EXPECT_NE(text.find("Avtale om nedbetaling"), std::string::npos) << text;
  EXPECT_NE(text.find("14 dager etter forfall"), std::string::npos) << text;
  EXPECT_NE(text.find("Underskrift skyldner"), std::string::npos);
  EXPECT_NE(text.find("1. 20.12.2026"), std::string::npos) << text;
  // The NO plan rule (good practice, flagged uncertain) is met: schedule, breach clause, signature.
  const std::string json = render_agreement(a, document_format::json, template_set::shipped(), shipped_notice_requirements());
  for (const char* e : {"\"instalments\": true", "\"breach_consequence\": true", "\"signature_debtor\": true"})
    EXPECT_NE(json.find(e), std::string::npos) << e << "\n" << json.substr(json.find("required_elements"), 400);
}

TEST_F(SampleAgreements, ADebtAcknowledgmentInTheDebtorsLanguage) {
  const agreement a = make_debt_acknowledgment(*report_, creditor_, "DK-3001", std::string_view("D-7710"));
  EXPECT_EQ(a.content.kind, document_kind::debt_acknowledgment);
  EXPECT_EQ(a.content.language, language::da);
  EXPECT_FALSE(a.plan);
  const std::string text = render_agreement(a, document_format::text, template_set::shipped(), shipped_notice_requirements());
  EXPECT_NE(text.find("Gældsanerkendelse"), std::string::npos) << text;
  EXPECT_NE(text.find("57.377,04 DKK"), std::string::npos) << text;
  const std::string html = render_agreement(a, document_format::html, template_set::shipped(), {});
  EXPECT_NE(html.find("Skyldners underskrift"), std::string::npos);
}

TEST_F(SampleAgreements, RefusalsNameTheInput) {
  try {
    (void)make_debt_acknowledgment(*report_, creditor_, "NOPE", {});
    FAIL();
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::not_found);
    EXPECT_NE(std::string(e.what()).find("no customer 'NOPE'"), std::string::npos);
  }
  try {
    (void)make_debt_acknowledgment(*report_, creditor_, "NO-1003", std::string_view("D-7710"));
    FAIL();
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::not_found);
    EXPECT_NE(std::string(e.what()).find("no invoice 'D-7710' of customer 'NO-1003'"), std::string::npos);
  }
  EXPECT_THROW((void)make_plan_agreement(*report_, creditor_, "NO-1003", {}, {.installments = 0}, "", 14), error);
  EXPECT_THROW((void)make_plan_agreement(*report_, creditor_, "NO-1003", {}, {.installments = 3}, "", -1), error);
}

}  // namespace
