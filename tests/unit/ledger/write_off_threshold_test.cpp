// write_off_below means "at or below" (issue 17: a mutation to "below" survived the suite).
#include <gtest/gtest.h>

#include <vector>

#include "kreditor/ledger/allocation.hpp"
#include "kreditor/ledger/open_item.hpp"
#include "kreditor/terms/notation.hpp"
#include "support/shorthand.hpp"

namespace kreditor {
namespace {

using test_support::d;
using test_support::kr;

std::vector<ledger_entry> replay(money paid, money threshold) {
  const std::vector<invoice> inv{with_schedule(invoice{.id = "F-1", .customer_id = "C-1", .issue_date = d(2026, 1, 1),
                                                       .amount = kr(100'00), .terms = parse_terms("net 30").value()})};
  const std::vector<payment> pay{{.id = "P-1", .customer_id = "C-1", .received = d(2026, 1, 20), .amount = paid}};
  return replay_ledger(inv, {}, pay, {}, allocation_policy{.write_off_below = threshold});
}

TEST(WriteOffThreshold, ARestExactlyAtTheThresholdIsWrittenOff) {
  const auto entries = replay(kr(99'50), kr(50));
  ASSERT_FALSE(entries.empty());
  EXPECT_EQ(entries.back().kind, entry_kind::write_off);
  EXPECT_EQ(entries.back().amount, kr(50));
  const std::vector<invoice> inv{with_schedule(invoice{.id = "F-1", .customer_id = "C-1", .issue_date = d(2026, 1, 1),
                                                       .amount = kr(100'00), .terms = parse_terms("net 30").value()})};
  EXPECT_EQ(open_item_at(inv[0], entries, d(2026, 2, 1)).total(), kr(0));
}

TEST(WriteOffThreshold, ARestOneOreAboveIsLeftOpen) {
  const auto entries = replay(kr(99'49), kr(50));
  for (const ledger_entry& e : entries) EXPECT_NE(e.kind, entry_kind::write_off);
}

}  // namespace
}  // namespace kreditor
