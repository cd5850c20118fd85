// -----------------------------------------------------------------------------
// File: kreditor/dunning/consolidation.hpp
// -----------------------------------------------------------------------------
//
// One notice per customer, currency and level: today's commands of a run grouped so that a
// customer gets one letter listing each invoice's principal, fee and interest. Disputed
// invoices are left out (their clock is paused anyway; this also keeps a dispute opened
// after the run out of the letter).
//
//   run_result r = evaluate(cp, views, as_of);
//   for (const consolidated_notice& n : consolidate(cp, r)) print_letter(n);
#ifndef KREDITOR_DUNNING_CONSOLIDATION_HPP
#define KREDITOR_DUNNING_CONSOLIDATION_HPP

#include <optional>
#include <string>
#include <vector>

#include "kreditor/core/money.hpp"
#include "kreditor/dunning/compiled_policy.hpp"
#include "kreditor/dunning/engine.hpp"
#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN

namespace dunning {

/// One invoice on a consolidated notice.
struct notice_line {
  std::string invoice;  ///< the invoice's id
  money principal{};  ///< open principal
  money fee{};       ///< this notice's fee for the invoice
  money fees{};      ///< all fees on the invoice
  money interest{};  ///< late interest accrued to the notice's date
  money total{};  ///< principal + fees + interest
  std::optional<date> deadline{};  ///< the deadline the invoice's command gave, if any
};

/// One notice to a customer covering all its invoices at the same step and command.
struct consolidated_notice {
  std::string customer;  ///< the customer's id
  kreditor::currency currency{};  ///< the lines' currency
  command_kind kind = command_kind::send_reminder;  ///< the command the lines share
  std::uint16_t custom = 0;  ///< command_kind::custom: index into compiled_policy::custom_commands
  std::int32_t step = 0;  ///< the policy step the lines share
  std::string step_name;  ///< its name
  date on{};  ///< the day to send it
  std::optional<date> deadline{};  ///< the latest deadline of the lines
  std::vector<notice_line> lines;  ///< in input order
  money principal{};               ///< sums over the lines
  money fees{};  ///< sum of the lines' fees
  money interest{};  ///< sum of the lines' interest
  money total{};  ///< sum of the lines' totals
};

/// Groups today's commands by (customer, currency, step, command), sorted by customer,
/// currency code, step and command. Invoices with a dispute open are left out.
[[nodiscard]] std::vector<consolidated_notice> consolidate(const compiled_policy& policy, const run_result& run);

}  // namespace dunning

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_DUNNING_CONSOLIDATION_HPP
