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

struct notice_line {
  std::string invoice;
  money principal{};
  money fee{};       ///< this notice's fee for the invoice
  money fees{};      ///< all fees on the invoice
  money interest{};
  money total{};
  std::optional<date> deadline{};
};

struct consolidated_notice {
  std::string customer;
  kreditor::currency currency{};
  command_kind kind = command_kind::send_reminder;
  std::uint16_t custom = 0;
  std::int32_t step = 0;
  std::string step_name;
  date on{};
  std::optional<date> deadline{};  ///< the latest deadline of the lines
  std::vector<notice_line> lines;  ///< in input order
  money principal{};               ///< sums over the lines
  money fees{};
  money interest{};
  money total{};
};

/// Groups today's commands by (customer, currency, step, command), sorted by customer,
/// currency code, step and command. Invoices with a dispute open are left out.
[[nodiscard]] std::vector<consolidated_notice> consolidate(const compiled_policy& policy, const run_result& run);

}  // namespace dunning

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_DUNNING_CONSOLIDATION_HPP
