// Today's notices from the run over the bundled sample ledger: which letters, what each holds,
// and that their amounts are the run's to the minor unit.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "kreditor/documents/notice.hpp"
#include "kreditor/documents/render.hpp"
#include "kreditor/io/ledger.hpp"

namespace {
using namespace kreditor;

run_report sample_run(ledger l) {
  const date as_of = *l.as_of;
  return make_report(std::move(l), as_of, {}, policy_set{});
}

creditor_profile sample_creditor() {
  std::ifstream in(KREDITOR_SOURCE_DIR "/examples/sample_ledger/creditor.json");
  std::stringstream text;
  text << in.rdbuf();
  return parse_creditor_json(text.str()).value();
}

const notice& find(const std::vector<notice>& ns, std::string_view customer, document_kind kind) {
  auto it = std::find_if(ns.begin(), ns.end(), [&](const notice& n) { return n.customer_id == customer && n.kind == kind; });
  if (it == ns.end()) throw std::runtime_error("no notice for " + std::string(customer));
  return *it;
}

class SampleNotices : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    report_ = std::make_unique<run_report>(sample_run(load_ledger(KREDITOR_SOURCE_DIR "/examples/sample_ledger").value()));
    notices_ = make_notices(*report_, sample_creditor());
  }
  static void TearDownTestSuite() { report_.reset(); }
  static inline std::unique_ptr<run_report> report_;
  static inline std::vector<notice> notices_;
};

TEST_F(SampleNotices, OneLetterPerCustomerCurrencyAndKind) {
  // The run asks for send_reminder / collection_warning on 21 lines of 13 customers; NO-1002 and
  // DK-3001 get a reminder and a collection warning each.
  ASSERT_EQ(notices_.size(), 15u);
  std::size_t invoices = 0;
  for (const notice& n : notices_) invoices += n.invoices.size();
  std::size_t lines_with_letters = 0;
  for (std::size_t i = 0; i < report_->size(); ++i)
    for (const dunning::command& c : report_->result(i).commands)
      if (c.kind == dunning::command_kind::send_reminder || c.kind == dunning::command_kind::collection_warning) {
        ++lines_with_letters;
        break;
      }
  EXPECT_EQ(invoices, lines_with_letters);
  const notice& dk = find(notices_, "DK-3001", document_kind::collection_warning);
  ASSERT_EQ(dk.invoices.size(), 1u);
  EXPECT_EQ(dk.invoices[0].invoice_id, "D-7710");  // rykker 3 asks for a reminder and a warning: one letter
  EXPECT_EQ(dk.language, language::da);
  EXPECT_EQ(find(notices_, "DK-3001", document_kind::reminder).invoices.size(), 2u);
}

TEST_F(SampleNotices, AmountsAreTheRunsToTheMinorUnit) {
  for (const notice& n : notices_) {
    money principal = money::zero(n.currency), fees = principal, interest = principal, total = principal;
    for (const notice_invoice& inv : n.invoices) {
      // The run's line for this invoice: the letter says what the run says is owed.
      std::size_t line = 0;
      while (report_->books->invoices[line]->invoice_id != inv.invoice_id) ++line;
      const line_result& res = report_->result(line);
      EXPECT_EQ(inv.principal, res.open_principal) << inv.invoice_id;
      EXPECT_EQ(inv.fees_open, res.fees) << inv.invoice_id;
      EXPECT_EQ(inv.interest, res.interest) << inv.invoice_id;
      EXPECT_EQ(inv.total, res.total_due) << inv.invoice_id;
      EXPECT_EQ(inv.total, inv.principal + inv.fees_open + inv.interest);
      // Itemised fees: every fee charged, this notice's last; what is open is at most that.
      money charged = money::zero(n.currency);
      for (const notice_fee& f : inv.fees) charged += f.amount;
      EXPECT_EQ(charged, report_->books->claims[line].fees_charged + inv.fee) << inv.invoice_id;
      EXPECT_LE(inv.fees_open, charged);
      // Interest per period: each period rounded for display, so their sum is within a minor
      // unit per period of the one-rounded total accrued (owed + settled).
      std::int64_t periods = 0;
      for (const interest_period& p : inv.interest_periods) periods += p.interest.minor_units();
      const std::int64_t accrued = (inv.interest + inv.interest_settled).minor_units();
      EXPECT_LE(std::abs(periods - accrued), static_cast<std::int64_t>(inv.interest_periods.size())) << inv.invoice_id;
      principal += inv.principal;
      fees += inv.fees_open;
      interest += inv.interest;
      total += inv.total;
    }
    EXPECT_EQ(n.principal, principal);
    EXPECT_EQ(n.fees, fees);
    EXPECT_EQ(n.interest, interest);
    EXPECT_EQ(n.total, total);
  }
}

TEST_F(SampleNotices, TheNorwegianInkassovarselCarriesItsHistory) {
  const notice& n = find(notices_, "NO-1002", document_kind::collection_warning);
  EXPECT_EQ(n.jurisdiction, jurisdiction::no);
  EXPECT_EQ(n.language, language::nb);
  EXPECT_EQ(n.debtor.name, "Nordlys Rørlegger AS");
  EXPECT_EQ(n.debtor.address, "Industrigata 4, 7080 Heimdal");
  EXPECT_EQ(n.account, "1503.12.34562");
  ASSERT_TRUE(n.deadline);
  EXPECT_EQ(*n.deadline, make_date(2026, 12, 4));  // 14 days after 2026-11-20 (inkassoloven § 9)
  ASSERT_EQ(n.invoices.size(), 1u);
  const notice_invoice& inv = n.invoices[0];
  EXPECT_EQ(inv.invoice_id, "F-26-0967");
  EXPECT_EQ(inv.reference, "100209675");
  ASSERT_EQ(inv.fees.size(), 2u);  // the purring's fee, then today's inkassovarsel fee
  EXPECT_EQ(inv.fees[0].step, "purring");
  EXPECT_EQ(inv.fees[1].step, "inkassovarsel");
  EXPECT_EQ(inv.fees[1].charged, make_date(2026, 11, 20));
  EXPECT_EQ(to_string(inv.fee), "35.00");
  ASSERT_EQ(inv.interest_periods.size(), 1u);
  EXPECT_EQ(inv.interest_periods[0].from, make_date(2026, 8, 20));  // the day after the due date
  EXPECT_EQ(inv.interest_periods[0].to, make_date(2026, 11, 20));
  EXPECT_EQ(to_string(inv.interest), "577.87");
}

TEST_F(SampleNotices, DisputedInvoicesGetNoLetter) {
  // NO-1004's F-26-0988 is disputed (events.csv): no notice names it.
  for (const notice& n : notices_)
    for (const notice_invoice& inv : n.invoices) EXPECT_NE(inv.invoice_id, "F-26-0988");
}

TEST_F(SampleNotices, TheLanguageCanBeChosen) {
  const auto english = make_notices(*report_, sample_creditor(), {.language = language::en});
  ASSERT_EQ(english.size(), notices_.size());
  for (const notice& n : english) EXPECT_EQ(n.language, language::en);
}

TEST_F(SampleNotices, EveryShippedRequirementIsMetByTheSample) {
  const template_set t = template_set::shipped();
  for (const notice& n : notices_) {
    EXPECT_NO_THROW(check_notice(n, t, shipped_notice_requirements())) << n.customer_id;
    for (const auto& [e, present] : required_elements(n, t, shipped_notice_requirements()))
      EXPECT_TRUE(present) << n.customer_id << " " << to_string(e);
  }
}

TEST_F(SampleNotices, AMissingElementIsNamedWithTheLaw) {
  notice n = find(notices_, "NO-1002", document_kind::collection_warning);
  n.debtor.address.clear();
  n.account.clear();
  const auto rules = load_notice_requirements_json(R"({"format": "kreditor.notice_requirements/1", "rules": [
      {"id": "NO.host", "jurisdiction": "NO", "segments": ["b2b", "b2c"], "kind": "collection_warning",
       "effective_from": "2000-01-01", "elements": ["debtor_address", "creditor_account", "deadline"],
       "law": "host rule", "source": "host", "uncertain": false}]})").value();
  try {
    check_notice(n, template_set::shipped(), rules);
    FAIL() << "no error";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::legal_violation);
    EXPECT_STREQ(e.what(),
                 "notice to NO-1002 (NO b2b collection_warning; host rule): missing creditor_account, debtor_address");
  }
  const auto present = required_elements(n, template_set::shipped(), rules);
  ASSERT_EQ(present.size(), 3u);
  EXPECT_EQ(present[0], std::make_pair(element::creditor_account, false));
  EXPECT_EQ(present[1], std::make_pair(element::debtor_address, false));
  EXPECT_EQ(present[2], std::make_pair(element::deadline, true));
}

TEST_F(SampleNotices, AWordingWithoutTheConsequenceLacksIt) {
  // The consequence of not paying is a sentence of the wording: a host's words file without it
  // makes the notice lack consequence_of_nonpayment, which the NO inkassovarsel requires.
  const auto dir = std::filesystem::path(::testing::TempDir()) / "kreditor_words_without_consequence";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "words.nb.json") << R"({"labels": {}, "kinds": {"collection_warning": {"title": "Varsel"}}})";
  const template_set t = template_set::from_directory(dir.string()).value();
  const notice& n = find(notices_, "NO-1002", document_kind::collection_warning);
  try {
    check_notice(n, t, shipped_notice_requirements());
    FAIL() << "no error";
  } catch (const error& e) {
    EXPECT_EQ(e.code(), errc::legal_violation);
    EXPECT_NE(std::string(e.what()).find("missing consequence_of_nonpayment"), std::string::npos) << e.what();
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
