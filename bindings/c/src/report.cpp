// The C ABI's daily run: kreditor::make_report over the handle's ledger (the library's one
// join; nothing is re-implemented here), its lines, commands and customer summaries, order
// release (as `kreditor exposure`) and aging (as `kreditor aging`).
#include <algorithm>
#include <string>
#include <vector>

#include "c_api.hpp"
#include "kreditor/book/report.hpp"
#include "kreditor/documents/claim_limitation.hpp"
#include "kreditor/dunning/machine.hpp"
#include "kreditor/exposure/aging.hpp"
#include "kreditor/exposure/order_release.hpp"

using namespace kreditor;
using namespace kreditor::c_api;

using dunning::command_kind;
using dunning::state;
static_assert(KREDITOR_STATE_NOT_YET_DUE == static_cast<int>(state::not_yet_due));
static_assert(KREDITOR_STATE_DUE == static_cast<int>(state::due));
static_assert(KREDITOR_STATE_OVERDUE == static_cast<int>(state::overdue));
static_assert(KREDITOR_STATE_REMINDED == static_cast<int>(state::reminded));
static_assert(KREDITOR_STATE_HANDED_TO_COLLECTION == static_cast<int>(state::handed_to_collection));
static_assert(KREDITOR_STATE_LEGAL == static_cast<int>(state::legal));
static_assert(KREDITOR_STATE_PAID == static_cast<int>(state::paid));
static_assert(KREDITOR_STATE_CREDITED == static_cast<int>(state::credited));
static_assert(KREDITOR_STATE_WRITTEN_OFF == static_cast<int>(state::written_off));
static_assert(KREDITOR_OVERLAY_DISPUTED == dunning::overlay::disputed);
static_assert(KREDITOR_OVERLAY_PROMISED == dunning::overlay::promised);
static_assert(KREDITOR_OVERLAY_IN_PLAN == dunning::overlay::in_plan);
static_assert(KREDITOR_OVERLAY_ON_HOLD == dunning::overlay::on_hold);
static_assert(KREDITOR_OVERLAY_ESCALATED == dunning::overlay::escalated);
static_assert(KREDITOR_OVERLAY_COMPENSATED == dunning::overlay::compensated);
static_assert(KREDITOR_COMMAND_SEND_REMINDER == static_cast<int>(command_kind::send_reminder));
static_assert(KREDITOR_COMMAND_COURTESY_EMAIL == static_cast<int>(command_kind::courtesy_email));
static_assert(KREDITOR_COMMAND_RECEIPT_CONFIRMATION == static_cast<int>(command_kind::receipt_confirmation));
static_assert(KREDITOR_COMMAND_PHONE_CALL == static_cast<int>(command_kind::phone_call));
static_assert(KREDITOR_COMMAND_NOTIFY_ACCOUNT_MANAGER == static_cast<int>(command_kind::notify_account_manager));
static_assert(KREDITOR_COMMAND_CREDIT_HOLD == static_cast<int>(command_kind::credit_hold));
static_assert(KREDITOR_COMMAND_CASH_TERMS == static_cast<int>(command_kind::cash_terms));
static_assert(KREDITOR_COMMAND_COLLECTION_WARNING == static_cast<int>(command_kind::collection_warning));
static_assert(KREDITOR_COMMAND_HAND_OVER_TO_COLLECTION == static_cast<int>(command_kind::hand_over_to_collection));
static_assert(KREDITOR_COMMAND_CUSTOM == static_cast<int>(command_kind::custom));
static_assert(KREDITOR_COMMAND_PROPOSE_SET_OFF == static_cast<int>(command_kind::propose_set_off));
static_assert(KREDITOR_COMMAND_REALISE_SECURITY == static_cast<int>(command_kind::realise_security));
static_assert(KREDITOR_DECISION_APPROVE == static_cast<int>(release_decision::approve));
static_assert(KREDITOR_DECISION_APPROVE_WITH_CONDITIONS == static_cast<int>(release_decision::approve_with_conditions));
static_assert(KREDITOR_DECISION_REQUIRE_PREPAYMENT == static_cast<int>(release_decision::require_prepayment));
static_assert(KREDITOR_DECISION_HOLD == static_cast<int>(release_decision::hold));
static_assert(KREDITOR_REASON_OVER_LIMIT == static_cast<int>(release_reason::over_limit));
static_assert(KREDITOR_REASON_GROUP_OVER_LIMIT == static_cast<int>(release_reason::group_over_limit));
static_assert(KREDITOR_REASON_OVERDUE == static_cast<int>(release_reason::overdue));
static_assert(KREDITOR_REASON_ON_HOLD == static_cast<int>(release_reason::on_hold));
static_assert(KREDITOR_REASON_CASH_TERMS == static_cast<int>(release_reason::cash_terms));
static_assert(KREDITOR_REASON_IN_COLLECTION == static_cast<int>(release_reason::in_collection));
static_assert(KREDITOR_REASON_LIMIT_EXPIRED == static_cast<int>(release_reason::limit_expired));
static_assert(KREDITOR_REASON_GROUP_LIMIT_EXPIRED == static_cast<int>(release_reason::group_limit_expired));
static_assert(KREDITOR_REASON_NO_LIMIT == static_cast<int>(release_reason::no_limit));
static_assert(KREDITOR_CONDITION_PREPAY == static_cast<int>(condition_kind::prepay));
static_assert(KREDITOR_CONDITION_PAY_DOWN_OVERDUE == static_cast<int>(condition_kind::pay_down_overdue));
static_assert(KREDITOR_AGING_BY_DUE_DATE == static_cast<int>(aging_basis::due_date));
static_assert(KREDITOR_AGING_BY_INVOICE_DATE == static_cast<int>(aging_basis::invoice_date));

namespace {

/// The spellings the C side borrows, NUL-terminated and kept for the program's life (the C++
/// to_string functions return string_views, which promise no NUL).
template <class E, std::size_t N>
const char* name_of(E value, const std::string_view (&names)[N]) {
  static_assert(N > 0);
  static const std::vector<std::string> kept = [&] {
    std::vector<std::string> v;
    for (const std::string_view n : names) v.emplace_back(n);
    return v;
  }();
  const auto i = static_cast<std::size_t>(value);
  return i < kept.size() ? kept[i].c_str() : "unknown";
}

const char* state_name(state s) {
  static const std::string_view n[] = {to_string(state::not_yet_due), to_string(state::due),
                                       to_string(state::overdue),     to_string(state::reminded),
                                       to_string(state::handed_to_collection), to_string(state::legal),
                                       to_string(state::paid),        to_string(state::credited),
                                       to_string(state::written_off)};
  return name_of(s, n);
}
const char* decision_name(release_decision d) {
  static const std::string_view n[] = {to_string(release_decision::approve),
                                       to_string(release_decision::approve_with_conditions),
                                       to_string(release_decision::require_prepayment),
                                       to_string(release_decision::hold)};
  return name_of(d, n);
}
const char* reason_name(release_reason r) {
  static const std::string_view n[] = {
      to_string(release_reason::over_limit),    to_string(release_reason::group_over_limit),
      to_string(release_reason::overdue),       to_string(release_reason::on_hold),
      to_string(release_reason::cash_terms),    to_string(release_reason::in_collection),
      to_string(release_reason::limit_expired), to_string(release_reason::group_limit_expired),
      to_string(release_reason::no_limit)};
  return name_of(r, n);
}
const char* condition_name(condition_kind k) {
  static const std::string_view n[] = {to_string(condition_kind::prepay), to_string(condition_kind::pay_down_overdue)};
  return name_of(k, n);
}

}  // namespace


struct kreditor_aging {
  aging_buckets buckets;
  std::vector<std::string> labels;
  std::vector<std::int64_t> table;  ///< customers x buckets
  std::vector<currency> currency_of;
  std::vector<std::uint32_t> items_of;
  std::vector<aging_row> portfolio;
};

namespace {

const char* borrowed(const std::string& s) noexcept { return s.c_str(); }

const kreditor_report& report_of(const kreditor_report* r, const char* fn) { return *need(r, fn, "report"); }

void check_index(std::size_t index, std::size_t count, const char* fn, const char* what) {
  if (index >= count)
    throw error(errc::out_of_range, std::string(fn) + ": " + what + " " + std::to_string(index) + " is past the last (" +
                                        std::to_string(count) + " in all)");
}

}  // namespace

extern "C" {

KREDITOR_API kreditor_status kreditor_line_init(kreditor_line* line, size_t size) {
  return init_struct(line, size, blank<kreditor_line>(), "kreditor_line_init");
}
KREDITOR_API kreditor_status kreditor_command_init(kreditor_command* c, size_t size) {
  return init_struct(c, size, blank<kreditor_command>(), "kreditor_command_init");
}
KREDITOR_API kreditor_status kreditor_customer_summary_init(kreditor_customer_summary* s, size_t size) {
  return init_struct(s, size, blank<kreditor_customer_summary>(), "kreditor_customer_summary_init");
}
KREDITOR_API kreditor_status kreditor_release_init(kreditor_release* r, size_t size) {
  return init_struct(r, size, blank<kreditor_release>(), "kreditor_release_init");
}

KREDITOR_API kreditor_status kreditor_report_make(const kreditor_ledger* ledger, kreditor_date as_of,
                                                  const kreditor_policy_set* policies, kreditor_report** out) {
  return guarded([&] {
    const char* fn = "kreditor_report_make";
    const kreditor_ledger& l = *need(ledger, fn, "ledger");
    const date day = to_date(as_of, fn, "as_of");
    need(out, fn, "out");
    auto rep = std::make_unique<kreditor_report>();
    rep->r = make_report(l.records, day, l.notices, policies != nullptr ? policies->policies : policy_set{});
    // Each line's limitation date and the 90-day alert, as `kreditor run` gives them.
    (void)watch_limitation(rep->r, limitation_evidence_of(l.records.payments, l.records.events));
    const run_report& r = rep->r;
    rep->first_command.reserve(r.size());
    for (std::size_t i = 0; i < r.size(); ++i) {
      rep->first_command.push_back(rep->commands.size());
      const line_result& x = r.result(i);
      for (std::size_t k = 0; k < x.commands.size(); ++k) {
        const dunning::command& c = x.commands[k];
        const dunning::compiled_policy& cp = r.policy_of(i);
        std::string kind(dunning::to_string(c.kind));
        if (c.kind == command_kind::custom)
          kind = "custom:" + (c.custom < cp.custom_commands.size() ? cp.custom_commands[c.custom] : std::to_string(c.custom));
        rep->commands.push_back({.line = i, .k = k, .kind_name = std::move(kind), .step = step_name(cp, c.step)});
      }
    }
    *out = rep.release();
    return KREDITOR_OK;
  });
}

KREDITOR_API void kreditor_report_free(kreditor_report* report) {
  guarded_void([&] { delete report; });
}

KREDITOR_API kreditor_status kreditor_report_as_of(const kreditor_report* report, kreditor_date* out) {
  return guarded([&] {
    const char* fn = "kreditor_report_as_of";
    const kreditor_report& r = report_of(report, fn);
    *need(out, fn, "out") = from_date(r.r.as_of);
    return KREDITOR_OK;
  });
}

KREDITOR_API kreditor_status kreditor_report_line_count(const kreditor_report* report, size_t* out) {
  return guarded([&] {
    const char* fn = "kreditor_report_line_count";
    const kreditor_report& r = report_of(report, fn);
    *need(out, fn, "out") = r.r.size();
    return KREDITOR_OK;
  });
}

KREDITOR_API kreditor_status kreditor_report_line(const kreditor_report* report, size_t index, kreditor_line* out) {
  return guarded([&] {
    const char* fn = "kreditor_report_line";
    const kreditor_report& rep = report_of(report, fn);
    out_struct_check<kreditor_line>(out, fn, "out");
    const run_report& r = rep.r;
    check_index(index, r.size(), fn, "line");
    const book& b = *r.books;
    const line_result& x = r.result(index);
    const claim& c = b.claims[index];
    const std::uint32_t ci = b.customer_of[index];
    kreditor_line v = blank<kreditor_line>();
    v.invoice_id = borrowed(b.invoices[index]->invoice_id);
    v.customer_id = borrowed(r.source->customers[ci].customer_id);
    v.customer_index = ci;
    v.reference = borrowed(b.invoices[index]->reference);
    copy_code(c.amount.currency(), v.currency);
    v.issue_date = from_date(b.views[index].issue_date);
    v.due_date = from_date(b.views[index].due_date);
    v.amount_minor = (c.amount - c.credited).minor_units();
    v.next_action = KREDITOR_NO_DATE;
    v.limitation_date = KREDITOR_NO_DATE;
    v.first_command = rep.first_command[index];
    if (x.problem) {
      v.problem = borrowed(x.problem->message);
      v.last_step = "";
      v.state_name = "";
    } else {
      v.state = static_cast<int>(x.current);
      v.state_name = state_name(x.current);
      v.overlays = x.flags;
      v.level = x.level;
      v.last_step = x.last_step != nullptr ? borrowed(*x.last_step) : "";
      v.days_past_due = x.days_past_due;
      v.open_minor = x.open_principal.minor_units();
      v.fees_minor = x.fees.minor_units();
      v.interest_minor = x.interest.minor_units();
      v.total_due_minor = x.total_due.minor_units();
      v.fees_paid_minor = c.fees_paid.minor_units();
      v.interest_paid_minor = c.interest_paid.minor_units();
      v.next_action = from_optional_date(x.next_action);
      v.command_count = x.commands.size();
      if (!x.limitation_date.is_not_a_date()) v.limitation_date = from_date(x.limitation_date);
      v.limitation_alert = x.limitation_near ? 1 : 0;
      v.limitation_uncertain = x.limitation_uncertain ? 1 : 0;
    }
    out_struct(out, v, fn, "out");
    return KREDITOR_OK;
  });
}

KREDITOR_API kreditor_status kreditor_report_command_count(const kreditor_report* report, size_t* out) {
  return guarded([&] {
    const char* fn = "kreditor_report_command_count";
    const kreditor_report& r = report_of(report, fn);
    *need(out, fn, "out") = r.commands.size();
    return KREDITOR_OK;
  });
}

KREDITOR_API kreditor_status kreditor_report_command(const kreditor_report* report, size_t index,
                                                     kreditor_command* out) {
  return guarded([&] {
    const char* fn = "kreditor_report_command";
    const kreditor_report& rep = report_of(report, fn);
    out_struct_check<kreditor_command>(out, fn, "out");
    check_index(index, rep.commands.size(), fn, "command");
    const kreditor_report::command_ref& ref = rep.commands[index];
    const run_report& r = rep.r;
    const book& b = *r.books;
    const line_result& x = r.result(ref.line);
    const dunning::command& c = x.commands[ref.k];
    const customer_record& cr = r.source->customers[b.customer_of[ref.line]];
    kreditor_command v = blank<kreditor_command>();
    v.line = ref.line;
    v.invoice_id = borrowed(b.invoices[ref.line]->invoice_id);
    v.customer_id = borrowed(cr.customer_id);
    v.kind = static_cast<int>(c.kind);
    v.kind_name = borrowed(ref.kind_name);
    v.step = borrowed(ref.step);
    v.step_index = c.step;
    v.on = from_date(c.on);
    v.deadline = from_optional_date(c.deadline);
    copy_code(c.total.currency(), v.currency);
    v.principal_minor = c.principal.minor_units();
    v.fee_minor = c.fee.minor_units();
    v.fees_minor = c.fees.minor_units();
    v.interest_minor = c.interest.minor_units();
    v.total_minor = c.total.minor_units();
    v.recorded = x.recorded[ref.k] ? 1 : 0;
    v.email = borrowed(cr.email);
    v.account_manager = borrowed(cr.account_manager);
    v.reference = borrowed(b.invoices[ref.line]->reference);
    v.cover_id = borrowed(c.cover_id);
    v.cover_amount_minor = c.cover_id.empty() ? 0 : c.cover_amount.minor_units();
    out_struct(out, v, fn, "out");
    return KREDITOR_OK;
  });
}

KREDITOR_API kreditor_status kreditor_report_customer_count(const kreditor_report* report, size_t* out) {
  return guarded([&] {
    const char* fn = "kreditor_report_customer_count";
    const kreditor_report& r = report_of(report, fn);
    *need(out, fn, "out") = r.r.customers.size();
    return KREDITOR_OK;
  });
}

KREDITOR_API kreditor_status kreditor_report_customer(const kreditor_report* report, size_t index,
                                                      kreditor_customer_summary* out) {
  return guarded([&] {
    const char* fn = "kreditor_report_customer";
    const kreditor_report& rep = report_of(report, fn);
    in_struct<kreditor_customer_summary>(out, fn, "out");
    check_index(index, rep.r.customers.size(), fn, "customer");
    const customer_summary& s = rep.r.customers[index];
    const customer_record& cr = *s.customer;
    const exposure& e = s.exposure;
    kreditor_customer_summary v = blank<kreditor_customer_summary>();
    v.customer_id = borrowed(cr.customer_id);
    v.name = borrowed(cr.name);
    v.email = borrowed(cr.email);
    v.account_manager = borrowed(cr.account_manager);
    copy_code(cr.currency, v.currency);
    v.credit_hold = s.credit_hold ? 1 : 0;
    v.cash_terms = s.cash_terms ? 1 : 0;
    v.in_collection = s.in_collection ? 1 : 0;
    v.over_limit = s.over_limit ? 1 : 0;
    v.credit_limit_minor = cr.credit_limit.minor_units();
    v.open_minor = s.open.minor_units();
    v.overdue_minor = s.overdue.minor_units();
    v.unapplied_credit_minor = s.unapplied_credit.minor_units();
    v.receivables_not_due_minor = e.receivables_not_due.minor_units();
    v.receivables_overdue_minor = e.receivables_overdue.minor_units();
    v.orders_not_invoiced_minor = e.orders_not_invoiced.minor_units();
    v.deliveries_not_invoiced_minor = e.deliveries_not_invoiced.minor_units();
    v.set_off_minor = e.set_off.minor_units();
    v.security_minor = e.security.minor_units();
    v.exposure_minor = e.total.minor_units();
    v.max_days_past_due = e.max_days_past_due;
    v.line_count = s.lines.size();
    out_struct(out, v, fn, "out");
    return KREDITOR_OK;
  });
}

KREDITOR_API kreditor_status kreditor_report_find_customer(const kreditor_report* report, const char* customer_id,
                                                           size_t* index) {
  return guarded([&] {
    const char* fn = "kreditor_report_find_customer";
    const kreditor_report& rep = report_of(report, fn);
    const std::string_view id = text(customer_id, fn, "customer_id");
    need(index, fn, "index");
    const auto& cs = rep.r.customers;
    const auto it = std::find_if(cs.begin(), cs.end(), [&](const customer_summary& s) { return s.customer->customer_id == id; });
    if (it == cs.end()) throw error(errc::not_found, std::string(fn) + ": unknown customer '" + std::string(id) + "'");
    *index = static_cast<std::size_t>(it - cs.begin());
    return KREDITOR_OK;
  });
}

KREDITOR_API kreditor_status kreditor_report_problem_count(const kreditor_report* report, size_t* out) {
  return guarded([&] {
    const char* fn = "kreditor_report_problem_count";
    const kreditor_report& r = report_of(report, fn);
    *need(out, fn, "out") = r.r.problems.size();
    return KREDITOR_OK;
  });
}

KREDITOR_API kreditor_status kreditor_report_problem(const kreditor_report* report, size_t index, const char** out) {
  return guarded([&] {
    const char* fn = "kreditor_report_problem";
    const kreditor_report& r = report_of(report, fn);
    need(out, fn, "out");
    check_index(index, r.r.problems.size(), fn, "problem");
    *out = borrowed(r.r.problems[index]);
    return KREDITOR_OK;
  });
}

KREDITOR_API kreditor_status kreditor_report_order_release(const kreditor_report* report, size_t customer_index,
                                                           int64_t order_minor, int32_t overdue_grace_days,
                                                           kreditor_release* out) {
  return guarded([&] {
    const char* fn = "kreditor_report_order_release";
    const kreditor_report& rep = report_of(report, fn);
    in_struct<kreditor_release>(out, fn, "out");
    check_index(customer_index, rep.r.customers.size(), fn, "customer");
    if (overdue_grace_days < 0)
      throw_invalid(fn, "overdue_grace_days " + std::to_string(overdue_grace_days) + " is negative");
    const customer_summary& s = rep.r.customers[customer_index];
    const currency ccy = s.customer->currency;
    if (order_minor <= 0) throw_invalid(fn, "order_minor " + std::to_string(order_minor) + " is not positive");
    const release_outcome o = decide_order_release(s.account, s.exposure, money(order_minor, ccy),
                                                   release_policy{.mode = enforcement::hard,
                                                                  .overdue_grace_days = overdue_grace_days},
                                                   rep.r.as_of);
    if (o.reasons.size() > KREDITOR_MAX_FINDINGS || o.conditions.size() > KREDITOR_MAX_CONDITIONS)
      throw error(errc::internal, std::string(fn) + ": more findings or conditions than kreditor_release holds");
    kreditor_release v = blank<kreditor_release>();
    v.decision = static_cast<int>(o.decision);
    v.decision_name = decision_name(o.decision);
    copy_code(ccy, v.currency);
    v.headroom_minor = o.headroom.minor_units();
    v.finding_count = o.reasons.size();
    for (std::size_t i = 0; i < o.reasons.size(); ++i)
      v.findings[i] = {.reason = static_cast<int>(o.reasons[i].reason),
                       .reason_name = reason_name(o.reasons[i].reason),
                       .amount_minor = o.reasons[i].amount.minor_units(),
                       .days = o.reasons[i].days};
    v.condition_count = o.conditions.size();
    for (std::size_t i = 0; i < o.conditions.size(); ++i)
      v.conditions[i] = {.kind = static_cast<int>(o.conditions[i].kind),
                         .kind_name = condition_name(o.conditions[i].kind),
                         .amount_minor = o.conditions[i].amount.minor_units()};
    out_struct(out, v, fn, "out");
    return KREDITOR_OK;
  });
}

// ---- aging ------------------------------------------------------------------------------------

KREDITOR_API kreditor_status kreditor_report_aging(const kreditor_report* report, int basis,
                                                   const int32_t* upper_bounds, size_t bound_count,
                                                   kreditor_aging** out) {
  return guarded([&] {
    const char* fn = "kreditor_report_aging";
    const kreditor_report& rep = report_of(report, fn);
    need(out, fn, "out");
    if (basis != KREDITOR_AGING_BY_DUE_DATE && basis != KREDITOR_AGING_BY_INVOICE_DATE)
      throw_invalid(fn, "basis " + std::to_string(basis) + " is not a KREDITOR_AGING_* value");
    if (upper_bounds == nullptr && bound_count != 0) throw_invalid(fn, "upper_bounds is NULL but bound_count is not 0");
    if (bound_count > aging_buckets::max_bounds)
      throw_invalid(fn, "bound_count " + std::to_string(bound_count) + " is more than " +
                            std::to_string(aging_buckets::max_bounds));
    // As `kreditor aging --buckets`: 30,60,90 by default, "current" first by due date.
    std::vector<std::int32_t> bounds =
        bound_count == 0 ? std::vector<std::int32_t>{30, 60, 90}
                         : std::vector<std::int32_t>(upper_bounds, upper_bounds + bound_count);
    const auto by = static_cast<aging_basis>(basis);
    if (by == aging_basis::due_date && bounds.front() != 0) bounds.insert(bounds.begin(), 0);
    result<aging_buckets> buckets = make_aging_buckets(std::move(bounds), by);
    if (!buckets) throw error(buckets.error().code, std::string(fn) + ": " + buckets.error().message);
    const run_report& r = rep.r;
    const std::size_t customers = r.source->customers.size();
    auto a = std::make_unique<kreditor_aging>();
    a->buckets = std::move(buckets).value();
    a->labels = a->buckets.labels();
    const open_receivables open = open_receivables_of(*r.books, customers);
    a->currency_of.reserve(customers);
    for (const customer_record& c : r.source->customers) a->currency_of.push_back(c.currency);
    a->table.resize(customers * a->buckets.bucket_count());
    age_batch(open.columns(), a->buckets, r.as_of, customers, a->table, 1);
    a->items_of = open.items_of;
    a->portfolio = portfolio_aging(a->table, a->currency_of, a->buckets.bucket_count());
    *out = a.release();
    return KREDITOR_OK;
  });
}

KREDITOR_API void kreditor_aging_free(kreditor_aging* aging) {
  guarded_void([&] { delete aging; });
}

KREDITOR_API kreditor_status kreditor_aging_bucket_count(const kreditor_aging* aging, size_t* out) {
  return guarded([&] {
    const char* fn = "kreditor_aging_bucket_count";
    const kreditor_aging& a = *need(aging, fn, "aging");
    *need(out, fn, "out") = a.buckets.bucket_count();
    return KREDITOR_OK;
  });
}

KREDITOR_API kreditor_status kreditor_aging_label(const kreditor_aging* aging, size_t bucket, const char** out) {
  return guarded([&] {
    const char* fn = "kreditor_aging_label";
    const kreditor_aging& a = *need(aging, fn, "aging");
    need(out, fn, "out");
    check_index(bucket, a.labels.size(), fn, "bucket");
    *out = borrowed(a.labels[bucket]);
    return KREDITOR_OK;
  });
}

namespace {
kreditor_status out_buckets(std::span<const std::int64_t> row, int64_t* buckets_minor, size_t capacity,
                            const char* fn) {
  if (buckets_minor == nullptr && capacity != 0) throw_invalid(fn, "buckets_minor is NULL but bucket_capacity is not 0");
  if (capacity < row.size())
    return fail(KREDITOR_E_BUFFER_TOO_SMALL, std::string(fn) + ": bucket_capacity " + std::to_string(capacity) +
                                                 " holds fewer than the " + std::to_string(row.size()) + " buckets");
  std::copy(row.begin(), row.end(), buckets_minor);
  return KREDITOR_OK;
}
}  // namespace

KREDITOR_API kreditor_status kreditor_aging_customer(const kreditor_aging* aging, size_t customer_index,
                                                     int64_t* buckets_minor, size_t bucket_capacity,
                                                     int64_t* total_minor, size_t* item_count) {
  return guarded([&]() -> kreditor_status {
    const char* fn = "kreditor_aging_customer";
    const kreditor_aging& a = *need(aging, fn, "aging");
    need(total_minor, fn, "total_minor");
    need(item_count, fn, "item_count");
    check_index(customer_index, a.currency_of.size(), fn, "customer");
    const std::size_t width = a.buckets.bucket_count();
    const std::span<const std::int64_t> row(a.table.data() + customer_index * width, width);
    const aging_row sum = make_aging_row(row, a.currency_of[customer_index]);
    const kreditor_status s = out_buckets(row, buckets_minor, bucket_capacity, fn);
    if (s != KREDITOR_OK) return s;
    *total_minor = sum.total.minor_units();
    *item_count = a.items_of[customer_index];
    return KREDITOR_OK;
  });
}

KREDITOR_API kreditor_status kreditor_aging_portfolio_count(const kreditor_aging* aging, size_t* out) {
  return guarded([&] {
    const char* fn = "kreditor_aging_portfolio_count";
    const kreditor_aging& a = *need(aging, fn, "aging");
    *need(out, fn, "out") = a.portfolio.size();
    return KREDITOR_OK;
  });
}

KREDITOR_API kreditor_status kreditor_aging_portfolio(const kreditor_aging* aging, size_t index, char currency[4],
                                                      int64_t* buckets_minor, size_t bucket_capacity,
                                                      int64_t* total_minor) {
  return guarded([&]() -> kreditor_status {
    const char* fn = "kreditor_aging_portfolio";
    const kreditor_aging& a = *need(aging, fn, "aging");
    need(currency, fn, "currency");
    need(total_minor, fn, "total_minor");
    check_index(index, a.portfolio.size(), fn, "portfolio row");
    const aging_row& row = a.portfolio[index];
    std::vector<std::int64_t> minor;
    minor.reserve(row.buckets.size());
    for (const money m : row.buckets) minor.push_back(m.minor_units());
    const kreditor_status s = out_buckets(minor, buckets_minor, bucket_capacity, fn);
    if (s != KREDITOR_OK) return s;
    copy_code(row.ccy, currency);
    *total_minor = row.total.minor_units();
    return KREDITOR_OK;
  });
}

}  // extern "C"
