#include "kreditor/exposure/exposure.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "exposure/kernel.hpp"

KREDITOR_NAMESPACE_BEGIN

namespace ek = exposure_kernel;

namespace {

receivable_summary narrow_summary(const ek::receivable_totals<int128>& t, const char* who) {
  if (t.max_days_past_due > INT32_MAX)
    throw error(errc::out_of_range,
                std::string(who) + ": days past due " + std::to_string(t.max_days_past_due) +
                    " outside the supported range");
  return {ek::narrow(t.not_due, who), ek::narrow(t.overdue, who),
          static_cast<std::int32_t>(t.max_days_past_due)};
}

void require_currency(money m, currency ccy, const char* what) {
  if (m.currency() != ccy)
    throw error(errc::currency_mismatch, std::string("compute_exposure: ") + what + " in " +
                                             std::string(m.currency().code()) + ", exposure in " +
                                             std::string(ccy.code()));
}

}  // namespace

receivable_summary summarize_receivables(std::span<const receivable_item> items, currency ccy,
                                         date as_of) {
  for (const receivable_item& it : items) require_currency(it.open_amount, ccy, "an open item");
  ek::receivable_totals<int128> totals;
  const ek::item_source src{items.data(), false};
  ek::range_status st;
  ek::exposure_range(src, 0, items.size(), day_number(as_of), 1, &totals, st);
  return narrow_summary(totals, "summarize_receivables");
}

void summarize_receivables_batch(const receivable_columns& items, date as_of,
                                 std::span<receivable_summary> out, unsigned threads) {
  ek::check_columns(items, items.due_day, "summarize_receivables_batch");
  const std::size_t n = items.open_minor.size();
  const std::size_t groups = out.size();
  const ek::column_source src{items.due_day.data(), items.open_minor.data(),
                              items.group.empty() ? nullptr : items.group.data()};
  const std::int32_t as_of_day = day_number(as_of);
  // Sum in 64 bits; only if that overflows somewhere, redo it exactly in 128 bits.
  const auto run = [&]<class Acc>(Acc) {
    ek::range_status st;
    auto tables = ek::accumulate<ek::receivable_totals<Acc>>(
        n, threads, groups,
        [&](std::size_t b, std::size_t e, ek::receivable_totals<Acc>* acc, ek::range_status& s) {
          ek::exposure_range(src, b, e, as_of_day, groups, acc, s);
        },
        st);
    if (st.bad_group)
      throw error(errc::invalid_argument,
                  "summarize_receivables_batch: a group index is not below the " +
                      std::to_string(groups) + " groups of out");
    if (st.overflow) return false;
    for (std::size_t g = 0; g < groups; ++g) {
      ek::receivable_totals<int128> sum;
      for (const auto& t : *tables) {
        sum.not_due += t[g].not_due;
        sum.overdue += t[g].overdue;
        sum.max_days_past_due = std::max(sum.max_days_past_due, t[g].max_days_past_due);
      }
      out[g] = narrow_summary(sum, "summarize_receivables_batch");
    }
    return true;
  };
  if (!run(std::int64_t{})) (void)run(int128{});
}

exposure compute_exposure(const receivable_summary& open, const credit_account& account,
                          const uninvoiced& given, currency ccy, date as_of) {
  // uninvoiced{} holds 0 XXX (money's default): nothing pending, in any currency.
  const auto in_ccy = [ccy](money m) { return m == money() ? money::zero(ccy) : m; };
  const uninvoiced pending{in_ccy(given.orders_accepted), in_ccy(given.delivered)};
  require_currency(pending.orders_accepted, ccy, "orders not invoiced");
  require_currency(pending.delivered, ccy, "deliveries not invoiced");
  if (pending.orders_accepted.is_negative() || pending.delivered.is_negative())
    throw error(errc::invalid_argument,
                "compute_exposure: customer '" + account.customer_id +
                    "': amounts not invoiced must not be negative");
  exposure e;
  e.receivables_not_due = money(open.not_due, ccy);
  e.receivables_overdue = money(open.overdue, ccy);
  e.orders_not_invoiced = pending.orders_accepted;
  e.deliveries_not_invoiced = pending.delivered;
  e.max_days_past_due = open.max_days_past_due;
  e.set_off_held = set_off_available(account, ccy);
  e.security_held = security_available(account, ccy, as_of);

  // Deductions reduce a positive gross exposure to zero at most: set-off first (the amount
  // we owe is certain), then security (which has to be called in).
  const money zero = money::zero(ccy);
  const money gross = e.gross();
  money remaining = max(gross, zero);
  const money set_off = min(e.set_off_held, remaining);
  remaining -= set_off;
  const money security = min(e.security_held, remaining);
  e.set_off = -set_off;
  e.security = -security;
  e.total = gross + e.set_off + e.security;
  return e;
}

exposure compute_exposure(std::span<const receivable_item> items, const credit_account& account,
                          const uninvoiced& pending, currency ccy, date as_of) {
  return compute_exposure(summarize_receivables(items, ccy, as_of), account, pending, ccy, as_of);
}

KREDITOR_NAMESPACE_END
