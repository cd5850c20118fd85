// The invoice clause: the late interest and reminder fee the law allows on the invoice date,
// in the debtor's language.
#include <gtest/gtest.h>

#include "kreditor/documents/invoice_clause.hpp"
#include "kreditor/dunning/legal_check.hpp"
#include "kreditor/jurisdiction/rate_table.hpp"

namespace {
using namespace kreditor;

TEST(InvoiceClause, TheLawsRateAndFeeOnTheInvoiceDate) {
  const date on = make_date(2026, 11, 20);
  const invoice_clause c = make_invoice_clause(jurisdiction::no, segment::b2b, iso4217::nok, on, language::nb);
  // The same figures the run uses: the statutory table and the fee rules.
  ASSERT_TRUE(c.late_interest);
  EXPECT_EQ(*c.late_interest, statutory_late_interest(jurisdiction::no, segment::b2b).value().rate_at(on).value());
  ASSERT_TRUE(c.reminder_fee);
  EXPECT_EQ(*c.reminder_fee,
            *dunning::statutory_fee_cap(jurisdiction::no, segment::b2b, dunning::fee_kind::reminder, iso4217::nok, on, on));
  const std::string text = render_invoice_clause(c, document_format::text, template_set::shipped());
  EXPECT_EQ(text, "Ved betaling etter forfall beregnes forsinkelsesrente etter forsinkelsesrenteloven, nå " +
                      format_percent(*c.late_interest, language::nb) +
                      " per år. Ved purring beregnes purregebyr etter inkassoforskriften, nå " +
                      format_amount(*c.reminder_fee, language::nb) + " NOK.");
}

TEST(InvoiceClause, EveryLanguageAndTheSwedishAgreement) {
  const date on = make_date(2026, 11, 20);
  const invoice_clause se = make_invoice_clause(jurisdiction::se, segment::b2b, iso4217::sek, on, language::sv);
  const std::string sv = render_invoice_clause(se, document_format::text, template_set::shipped());
  EXPECT_NE(sv.find("påminnelseavgift"), std::string::npos) << sv;
  EXPECT_NE(sv.find("1981:739"), std::string::npos) << sv;
  for (language l : {language::nb, language::sv, language::da, language::fi, language::en}) {
    const invoice_clause c = make_invoice_clause(jurisdiction::dk, segment::b2c, iso4217::dkk, on, l);
    const std::string t = render_invoice_clause(c, document_format::text, template_set::shipped());
    EXPECT_GT(t.size(), 40u) << to_string(l);
    EXPECT_EQ(t.find("{{"), std::string::npos);
    EXPECT_NE(render_invoice_clause(c, document_format::html, template_set::shipped()).find("<p class=\"invoice-clause\">"),
              std::string::npos);
  }
  // No statutory table before its first row: the clause says no rate rather than inventing one.
  const invoice_clause old = make_invoice_clause(jurisdiction::no, segment::b2b, iso4217::nok, make_date(1950, 1, 1), language::en);
  EXPECT_FALSE(old.late_interest);
  EXPECT_EQ(render_invoice_clause(old, document_format::text, template_set::shipped()).find("currently"), std::string::npos);
}

}  // namespace
