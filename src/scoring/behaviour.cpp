// Payment behaviour features. See kreditor/scoring/behaviour.hpp.
#include "kreditor/scoring/behaviour.hpp"

#include <algorithm>
#include <string>

#include "kreditor/core/errc.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace scoring {
namespace {

// DSO at t: receivables open at t / sales of the 90 days up to t x 90.
std::optional<double> dso_at(std::span<const invoice_fact> invoices, date t) {
  double open = 0;
  double sales = 0;
  for (const auto& f : invoices) {
    if (t < f.issued) continue;
    const auto a = static_cast<double>(f.amount);
    if (!f.paid || t < *f.paid) open += a;
    if ((t - f.issued).days() < 90) sales += a;
  }
  if (sales <= 0) return std::nullopt;
  return open / sales * 90.0;
}

}  // namespace

payment_behaviour behaviour(std::span<const invoice_fact> invoices, const behaviour_counts& counts, date as_of,
                            int window_days) {
  if (window_days <= 0) throw error(errc::invalid_argument, "behaviour: window_days must be > 0");
  payment_behaviour b;
  b.broken_promises = counts.broken_promises;
  b.broken_plans = counts.broken_plans;
  double weighted_days = 0;
  double amount_due = 0;
  double on_time = 0;
  for (std::size_t i = 0; i < invoices.size(); ++i) {
    const invoice_fact& f = invoices[i];
    if (f.amount <= 0)
      throw error(errc::invalid_argument, "behaviour: invoice " + std::to_string(i + 1) + ": amount must be > 0");
    if (f.due < f.issued)
      throw error(errc::invalid_argument, "behaviour: invoice " + std::to_string(i + 1) + ": due before issued");
    if (as_of < f.issued) continue;
    b.max_dunning_level = std::max(b.max_dunning_level, f.dunning_level);
    b.collection = b.collection || f.collection;
    // Invoices due in the window (due <= as_of and due > as_of - window).
    if (as_of < f.due || (as_of - f.due).days() >= window_days) continue;
    ++b.invoices;
    const auto a = static_cast<double>(f.amount);
    const date settled = f.paid && !(as_of < *f.paid) ? *f.paid : as_of;
    const auto late = std::max<long>(0, static_cast<long>((settled - f.due).days()));
    weighted_days += a * static_cast<double>(late);
    amount_due += a;
    if (f.paid && !(f.due < *f.paid) && !(as_of < *f.paid)) on_time += a;
    b.disputes += f.disputed ? 1 : 0;
    b.cheque_payments += f.paid_by_cheque ? 1 : 0;
  }
  if (amount_due > 0) {
    b.days_beyond_terms = weighted_days / amount_due;
    b.share_paid_on_time = on_time / amount_due;
  }
  b.dso = dso_at(invoices, as_of);
  b.dso_previous = dso_at(invoices, as_of - days(90));
  if (b.dso && b.dso_previous) b.dso_trend = *b.dso - *b.dso_previous;
  return b;
}

}  // namespace scoring
KREDITOR_NAMESPACE_END
