// Issue 13: an instalment schedule mixing plain and end-of-month lines, in the notation (parse and
// print, round trip) and in the due dates. "end of month" after ONE instalment's period is that
// line's own anchor (the end of the month in which the invoice date + its days falls, the ERP
// meaning of "30 days end of month"); EOM, prox and 'then' still apply to the whole terms.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "kreditor/terms/due_dates.hpp"
#include "kreditor/terms/notation.hpp"
#include "kreditor/terms/payment_terms.hpp"
#include "support/shorthand.hpp"

namespace kreditor {
namespace {

using test_support::d;

TEST(MixedInstallments, ParseGivesEachLineItsOwnAnchor) {
  const auto t = parse_terms("50% net 30, 50% net 30 end of month");
  ASSERT_TRUE(t) << t.error().message;
  ASSERT_EQ(t->installments.size(), 2U);
  EXPECT_EQ(t->anchor, term_anchor::invoice_date);
  EXPECT_EQ(t->installments[0].anchor, term_anchor::invoice_date);
  EXPECT_EQ(t->installments[1].anchor, term_anchor::end_of_month_after);
  EXPECT_EQ(t->installments[1].net, 30);
  EXPECT_TRUE(invalid_reason(*t).empty()) << invalid_reason(*t);
}

TEST(MixedInstallments, FormatPrintsTheLineAnchorAndRoundTrips) {
  for (const char* text : {"50% net 30, 50% net 30 end of month", "30% net 10 end of month, 70% net 60",
                           "1000.00 net 14, balance net 45 end of month; interest 12%"}) {
    SCOPED_TRACE(text);
    const auto t = parse_terms(text);
    ASSERT_TRUE(t) << t.error().message;
    EXPECT_EQ(format(*t), text);
    EXPECT_EQ(parse_terms(format(*t)).value(), *t);
  }
}

TEST(MixedInstallments, TermsWideEomIsUnchanged) {
  // EOM at the end still applies to every line (løbende måned), with no line anchor.
  const auto t = parse_terms("50% net 30, 50% net 60 EOM");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->anchor, term_anchor::end_of_month);
  EXPECT_EQ(t->installments[0].anchor, term_anchor::invoice_date);
  EXPECT_EQ(t->installments[1].anchor, term_anchor::invoice_date);
  EXPECT_EQ(format(*t), "50% net 30, 50% net 60 EOM");
}

TEST(MixedInstallments, ASingleNetPeriodEndOfMonthIsThenEom) {
  const auto t = parse_terms("net 30 end of month");
  ASSERT_TRUE(t) << t.error().message;
  EXPECT_EQ(*t, parse_terms("net 30 then EOM").value());
}

TEST(MixedInstallments, DueDatesFollowEachLinesAnchor) {
  const payment_terms t = parse_terms("50% net 30, 50% net 30 end of month").value();
  const invoice_dates issued{.issued = d(2026, 3, 10)};
  // 2026-03-10 + 30 = 2026-04-09; its month ends 2026-04-30.
  EXPECT_EQ(installment_due_date(t, 0, issued), d(2026, 4, 9));
  EXPECT_EQ(installment_due_date(t, 1, issued), d(2026, 4, 30));
  EXPECT_EQ(due_date(t, issued), d(2026, 4, 30));  // the invoice's due date: the last line's
  const auto schedule = payment_schedule(t, money(100'001, iso4217::eur), issued);
  ASSERT_EQ(schedule.size(), 2U);
  EXPECT_EQ(schedule[0].due, d(2026, 4, 9));
  EXPECT_EQ(schedule[1].due, d(2026, 4, 30));
  EXPECT_EQ(schedule[0].amount + schedule[1].amount, money(100'001, iso4217::eur));
  // The batch kernel agrees with the scalar one.
  const std::vector<std::int32_t> in{day_number(d(2026, 3, 10)), day_number(d(2026, 1, 31))};
  std::vector<std::int32_t> out(2);
  due_dates(t, in, out);
  EXPECT_EQ(out[0], day_number(d(2026, 4, 30)));
  EXPECT_EQ(out[1], day_number(due_date(t, {.issued = d(2026, 1, 31)})));
  EXPECT_EQ(out[1], day_number(d(2026, 3, 31)));  // 01-31 + 30 = 03-02: end of March
}

TEST(MixedInstallments, RefusesWhatCannotHold) {
  // A line's 'end of month' beside a terms-wide EOM.
  const auto both = parse_terms("50% net 30 end of month, 50% net 60 EOM");
  ASSERT_FALSE(both);
  // A plain line that could fall due before the end-of-month line before it.
  const auto early = parse_terms("50% net 30 end of month, 50% net 45");
  ASSERT_FALSE(early);
  EXPECT_NE(early.error().message.find("at least 30 days longer"), std::string::npos) << early.error().message;
  EXPECT_TRUE(parse_terms("50% net 30 end of month, 50% net 60"));
  // Only end of month (of the date + days) as a line's own anchor.
  payment_terms t = parse_terms("50% net 30, 50% net 60").value();
  t.installments[1].anchor = term_anchor::proximo;
  EXPECT_FALSE(invalid_reason(t).empty());
}

}  // namespace
}  // namespace kreditor
