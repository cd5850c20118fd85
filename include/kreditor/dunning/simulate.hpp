// -----------------------------------------------------------------------------
// File: kreditor/dunning/simulate.hpp
// -----------------------------------------------------------------------------
//
// The projected timeline of one invoice under a policy if nothing is paid: the same kernel
// as a real run, driven day by day (jumping straight to the next day something happens).
// No side effects.
//
//   auto t = simulate(compile(preset("NO")), {.amount = money(1'000'000, iso4217::nok),
//                     .invoice_date = make_date(2026, 1, 2), .due = make_date(2026, 1, 16)},
//                     make_date(2026, 12, 31));
//   // t[0]: 2026-01-30 purring, fee 35.00, deadline 2026-02-13
#ifndef KREDITOR_DUNNING_SIMULATE_HPP
#define KREDITOR_DUNNING_SIMULATE_HPP

#include <optional>
#include <string>
#include <vector>

#include "kreditor/core/jurisdiction.hpp"
#include "kreditor/core/money.hpp"
#include "kreditor/dunning/compiled_policy.hpp"
#include "kreditor/dunning/machine.hpp"
#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN

namespace dunning {

/// The invoice a simulation follows.
struct simulation_input {
  money amount{};  ///< the amount invoiced
  date invoice_date{};  ///< the invoice date
  date due{};  ///< the due date
  kreditor::segment segment = segment::b2b;  ///< the debtor's segment
  bool reminder_fee_agreed = false;  ///< SE 2 §: a reminder fee only if agreed (default: not agreed)
};

/// One day on which the policy does something.
struct timeline_event {
  date on{};  ///< the day
  std::int32_t step = 0;             ///< the step (or broken_promise_step / broken_plan_step)
  std::string step_name{};  ///< the step's name
  std::vector<command> commands{};  ///< what the step issues
  money fee{};                       ///< the fee this step charges
  money fees{};                      ///< all fees so far
  money interest{};                  ///< late interest accrued to `on`
  std::optional<date> deadline{};  ///< the payment deadline it gives, if any
  money total_due{};                 ///< principal + fees + interest
  state after = state::not_yet_due;  ///< the invoice's state after the step
};

/// The timeline from the invoice date through `until` (inclusive), in date order.
/// \throws error(invalid_argument) when due < invoice date or until < invoice date.
[[nodiscard]] std::vector<timeline_event> simulate(const compiled_policy& policy,
                                                   const simulation_input& input, date until);

}  // namespace dunning

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_DUNNING_SIMULATE_HPP
