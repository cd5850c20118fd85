// Rendering: one view (JSON) under every format, HTML escaped and text not, and a host's
// templates over the shipped ones.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "kreditor/documents/render.hpp"
#include "support/documents.hpp"

namespace {
using namespace kreditor;
namespace fs = std::filesystem;
using test_support::hand_made_notice;

TEST(RenderNotice, TextHasTheAmountsAsTheLanguageWritesThemAndNoEscaping) {
  const std::string text =
      render_notice(hand_made_notice(), document_format::text, template_set::shipped(), shipped_notice_requirements());
  EXPECT_NE(text.find("Kreditor & Co <AS>"), std::string::npos);
  EXPECT_NE(text.find("Inkassovarsel"), std::string::npos);
  EXPECT_NE(text.find("Hovedstol: 12 345,50"), std::string::npos) << text;
  EXPECT_NE(text.find("Til sammen å betale: 12 580,50 NOK"), std::string::npos) << text;
  EXPECT_NE(text.find("Betalingsfrist: 04.12.2026"), std::string::npos) << text;
  EXPECT_NE(text.find("vil kravet bli sendt til inkasso"), std::string::npos) << text;
  // No debtor org number: the line is left out, not printed empty.
  EXPECT_EQ(text.find("Org.nr. \n"), std::string::npos);
}

TEST(RenderNotice, HtmlIsEscaped) {
  const std::string html =
      render_notice(hand_made_notice(), document_format::html, template_set::shipped(), shipped_notice_requirements());
  EXPECT_NE(html.find("<!DOCTYPE html>"), std::string::npos);
  EXPECT_NE(html.find("<html lang=\"nb\">"), std::string::npos);
  EXPECT_NE(html.find("Kreditor &amp; Co &lt;AS&gt;"), std::string::npos);
  EXPECT_EQ(html.find("Kreditor & Co <AS>"), std::string::npos);
  EXPECT_NE(html.find("12 580,50"), std::string::npos);
}

TEST(RenderNotice, EveryLanguageRendersEveryKind) {
  for (language l : {language::nb, language::sv, language::da, language::fi, language::en})
    for (document_kind k : {document_kind::reminder, document_kind::collection_warning}) {
      notice n = hand_made_notice();
      n.language = l;
      n.kind = k;
      const std::string text = render_notice(n, document_format::text, template_set::shipped(), {});
      // Every label and sentence came from the words file: no unfilled tag, no empty title.
      EXPECT_EQ(text.find("{{"), std::string::npos) << to_string(l);
      const std::string json = render_notice(n, document_format::json, template_set::shipped(), {});
      EXPECT_NE(json.find("\"title\""), std::string::npos) << to_string(l) << " " << to_string(k);
      EXPECT_NE(json.find("\"consequence_of_nonpayment\""), std::string::npos) << to_string(l) << " " << to_string(k);
      EXPECT_NE(json.find("\"objection_instructions\""), std::string::npos) << to_string(l) << " " << to_string(k);
    }
}

TEST(RenderNotice, AHostDirectoryReplacesOnlyTheFilesItHas) {
  const fs::path dir = fs::path(::testing::TempDir()) / "kreditor_templates_host";
  fs::create_directories(dir);
  std::ofstream(dir / "notice.txt.mustache") << "{{text.title}}: {{total_text}} {{currency}} til {{creditor.account}}\n";
  std::ofstream(dir / "ignored.txt") << "not a template";
  const auto t = template_set::from_directory(dir.string());
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(render_notice(hand_made_notice(), document_format::text, t.value(), {}),
            "Inkassovarsel: 12 580,50 NOK til 1503.12.34562\n");
  // The shipped HTML layout and wording still apply.
  EXPECT_NE(render_notice(hand_made_notice(), document_format::html, t.value(), {}).find("<!DOCTYPE html>"),
            std::string::npos);
  fs::remove_all(dir);
}

TEST(RenderNotice, BadTemplatesAreRefusedNamingTheFile) {
  const fs::path dir = fs::path(::testing::TempDir()) / "kreditor_templates_bad";
  fs::create_directories(dir);
  std::ofstream(dir / "notice.txt.mustache") << "{{#invoices}} never closed\n";
  const auto t = template_set::from_directory(dir.string());
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().code, errc::invalid_argument);
  EXPECT_NE(t.error().message.find("notice.txt.mustache"), std::string::npos) << t.error().message;
  fs::remove(dir / "notice.txt.mustache");
  std::ofstream(dir / "words.nb.json") << "[1, 2]";
  const auto w = template_set::from_directory(dir.string());
  ASSERT_FALSE(w);
  EXPECT_NE(w.error().message.find("words.nb.json: a JSON object expected"), std::string::npos) << w.error().message;
  fs::remove_all(dir);
  const auto missing = template_set::from_directory((dir / "nowhere").string());
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, errc::io);
  EXPECT_THROW((void)template_set::shipped().file("invoice.txt.mustache"), error);
}

TEST(RenderNotice, AHostsFilesFromMemoryAreCheckedWhenAdded) {
  const template_set shipped = template_set::shipped();
  const auto t = shipped.with("notice.txt.mustache", "{{text.title}} {{customer_id}}");
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(render_notice(hand_made_notice(), document_format::text, t.value(), {}), "Inkassovarsel C-1");
  struct bad_case {
    std::string name, text, says;
  };
  for (const bad_case& b : std::vector<bad_case>{
           {"notice.txt.mustache", "{{#a}}", "notice.txt.mustache: "},
           {"words.nb.json", "[]", "words.nb.json: a JSON object expected"},
           {"words.nb.json", R"({"labels": "x"})", "words.nb.json: labels: an object"},
           {"words.nb.json", R"({"kinds": {"reminder": "x"}})", "words.nb.json: kinds.reminder: an object of sentences"},
           {"words.nb.json", R"({"a": 1, "a": 2})", "appears twice"},
           {"letter.txt", "x", "neither a layout"}}) {
    const auto r = shipped.with(b.name, b.text);
    ASSERT_FALSE(r) << b.text;
    EXPECT_EQ(r.error().code, errc::invalid_argument);
    EXPECT_NE(r.error().message.find(b.says), std::string::npos) << r.error().message;
  }
}

TEST(RenderNotice, VocabulariesRoundTrip) {
  for (std::size_t i = 0; i < element_count; ++i) {
    const auto e = static_cast<element>(i);
    EXPECT_EQ(parse_element(to_string(e)).value(), e);
  }
  for (document_kind k : {document_kind::reminder, document_kind::collection_warning, document_kind::collection_demand,
                          document_kind::payment_plan, document_kind::debt_acknowledgment, document_kind::invoice_clause})
    EXPECT_EQ(parse_document_kind(to_string(k)).value(), k);
  EXPECT_EQ(parse_document_format("html").value(), document_format::html);
  EXPECT_FALSE(parse_document_format("pdf"));
}

}  // namespace
