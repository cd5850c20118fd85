// Today's notices from the run: the lines whose commands send a letter, grouped per customer,
// currency and kind, each invoice with the content a letter must carry. The amounts are the
// engine's (its command says what is owed on the day); the history (fees, interest periods)
// is the book's. Nothing is computed twice: late_interest's periods are for display, the
// interest owed is the command's.
#include "kreditor/documents/notice.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "documents/claim_support.hpp"
#include "kreditor/dunning/machine.hpp"
#include "kreditor/jurisdiction/rate_table.hpp"

KREDITOR_NAMESPACE_BEGIN

namespace {

/// The letter a line's commands of the day ask for, if any: a step that warns of collection
/// makes the letter a collection warning even when it also reminds (DK rykker 3).
std::optional<document_kind> letter_of(const line_result& res) {
  std::optional<document_kind> kind;
  for (const dunning::command& c : res.commands) {
    if (c.kind == dunning::command_kind::collection_warning) kind = document_kind::collection_warning;
    else if (c.kind == dunning::command_kind::send_reminder && !kind) kind = document_kind::reminder;
  }
  return kind;
}

std::vector<interest_period> periods_of(const run_report& r, std::size_t line) {
  const dunning::invoice_view& v = r.books->views[line];
  const dunning::compiled_policy& cp = r.policy_of(line);
  const auto seg = static_cast<std::size_t>(v.segment);
  std::optional<rate_table> agreed;
  const rate_table* table = cp.interest_rates[seg] ? &*cp.interest_rates[seg] : nullptr;
  if (v.agreed_interest) table = &agreed.emplace(rate_table::constant(*v.agreed_interest, "agreed rate"));
  if (!table || !(v.due_date < r.as_of)) return {};
  std::vector<balance_change> changes;
  for (const balance_change& c : v.balance_changes)
    if (!(r.as_of < c.on)) changes.push_back(c);
  return late_interest(v.amount, *table, v.due_date, r.as_of, cp.interest_conventions[seg], changes).periods;
}

}  // namespace

notice_invoice invoice_content(const run_report& r, std::size_t line) {
  const line_result& res = r.result(line);
  const dunning::invoice_view& v = r.books->views[line];
  const invoice_record& inv = *r.books->invoices[line];
  const dunning::compiled_policy& cp = r.policy_of(line);
  notice_invoice out;
  out.invoice_id = inv.invoice_id;
  out.issue_date = inv.issue_date;
  out.due_date = v.due_date;
  out.reference = inv.reference;
  out.amount = v.amount;
  for (const dunning::notice_record& n : v.notices)
    if (!n.fee.is_zero() && n.sent < r.as_of) out.fees.push_back({step_name(cp, n.step), n.sent, n.fee});
  // Today's letters' fees (a step asking for a reminder and a warning charges once).
  out.fee = money::zero(v.currency);
  std::optional<std::int32_t> last_step;
  for (const dunning::command& c : res.commands) {
    if (c.kind != dunning::command_kind::send_reminder && c.kind != dunning::command_kind::collection_warning) continue;
    if (!c.fee.is_zero() && last_step != c.step) {
      out.fees.push_back({step_name(cp, c.step), c.on, c.fee});
      out.fee += c.fee;
    }
    last_step = c.step;
  }
  out.principal = res.open_principal;
  out.fees_open = res.fees;
  out.interest = res.interest;
  out.total = res.total_due;
  const claim& cl = r.books->claims[line];
  out.interest_settled = cl.interest_paid + cl.interest_written_off;
  out.interest_periods = periods_of(r, line);
  return out;
}

namespace {

std::optional<date> deadline_of(const line_result& res) {
  std::optional<date> d;
  for (const dunning::command& c : res.commands)
    if (c.deadline && (!d || *d < *c.deadline)) d = c.deadline;
  return d;
}

}  // namespace

std::vector<notice> make_notices(const run_report& r, const creditor_profile& creditor, const notice_options& options) {
  std::vector<notice> out;
  for (const customer_summary& s : r.customers) {
    // Per customer: (currency, kind) -> its notice, in the order met.
    std::map<std::tuple<std::string, document_kind>, std::size_t> mine;
    for (std::size_t line : s.lines) {
      const line_result& res = r.result(line);
      if (res.problem || (res.flags & dunning::overlay::disputed)) continue;
      const std::optional<document_kind> kind = letter_of(res);
      if (!kind) continue;
      const dunning::invoice_view& v = r.books->views[line];
      const auto [it, fresh] = mine.try_emplace({std::string(v.currency.code()), *kind}, out.size());
      if (fresh) {
        notice n;
        n.kind = *kind;
        n.jurisdiction = v.jurisdiction;
        n.segment = v.segment;
        n.language = options.language.value_or(language_of(v.jurisdiction));
        detail::start_document(n, creditor, *s.customer, v.currency);
        n.sent = r.as_of;
        out.push_back(std::move(n));
      }
      notice& n = out[it->second];
      n.invoices.push_back(invoice_content(r, line));
      detail::add_to_sums(n, n.invoices.back());
      if (const std::optional<date> d = deadline_of(res); d && (!n.deadline || *n.deadline < *d)) n.deadline = d;
      const dunning::compiled_policy& cp = r.policy_of(line);
      for (const dunning::command& c : res.commands) {
        if (c.kind != dunning::command_kind::send_reminder && c.kind != dunning::command_kind::collection_warning)
          continue;
        std::string step = step_name(cp, c.step);
        if (std::find(n.steps.begin(), n.steps.end(), step) == n.steps.end()) n.steps.push_back(std::move(step));
      }
    }
  }
  return out;
}

KREDITOR_NAMESPACE_END
