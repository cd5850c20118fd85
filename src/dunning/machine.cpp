// The dunning transition table (one row per transition, sml-shaped) and the scheduler that
// decides when the next policy step is due.
#include "kreditor/dunning/machine.hpp"

#include <algorithm>
#include <iterator>
#include <array>
#include <concepts>
#include <string>

#include "dunning/legal_rules.hpp"
#include "kreditor/dunning/legal_check.hpp"

KREDITOR_NAMESPACE_BEGIN  // not `namespace kreditor::dunning`: clang 14 misplaces it outside v0
namespace dunning {
namespace {

// ---- table vocabulary ------------------------------------------------------------------------
using guard = bool (*)(const context&, const invoice_state&, const event&);
using action = void (*)(const context&, invoice_state&, const event&, std::vector<command>&);

struct states {  // a set of states, so one row can cover several
  std::uint16_t bits = 0;
  [[nodiscard]] constexpr bool contains(state s) const noexcept {
    return ((bits >> static_cast<unsigned>(s)) & 1u) != 0;
  }
};
template <std::same_as<state>... S>
constexpr states in(S... s) noexcept {
  return {static_cast<std::uint16_t>(((1u << static_cast<unsigned>(s)) | ...))};
}
constexpr states operator|(states a, states b) noexcept {
  return {static_cast<std::uint16_t>(a.bits | b.bits)};
}

template <class E>
constexpr std::size_t on = event(std::in_place_type<E>).index();

struct transition {
  std::string_view name;
  states from;
  std::size_t event_index = 0;
  guard when = nullptr;
  std::string_view guard_name;
  action then = nullptr;
  std::string_view action_name;
  std::optional<state> to;  // nullopt: keep the state (an overlay changed, not the state)
};

// ---- helpers -----------------------------------------------------------------------------------
std::int32_t day_of(date d) { return day_number(d); }
std::size_t seg(const context& c) { return static_cast<std::size_t>(c.invoice.segment); }
std::uint8_t seg_bit(const context& c) { return c.invoice.segment == segment::b2b ? 1 : 2; }
money amount(const context& c, std::int64_t minor) { return money(minor, c.invoice.currency); }

std::optional<money> in_currency(const std::vector<money>& list, currency cur) {
  for (const money& m : list)
    if (m.currency() == cur) return m;
  return std::nullopt;
}

money event_amount(const event& e) {
  if (const auto* p = std::get_if<payment_received>(&e)) return p->amount;
  if (const auto* p = std::get_if<installment_paid>(&e)) return p->amount;
  if (const auto* p = std::get_if<credit_note_issued>(&e)) return p->amount;
  return {};
}

std::int32_t event_step(const event& e) {
  if (const auto* p = std::get_if<step_due>(&e)) return p->step;
  if (const auto* p = std::get_if<step_skipped>(&e)) return p->step;
  if (const auto* p = std::get_if<notice_sent>(&e)) return p->notice.step;
  return -1;
}

bool step_in_order(const context& c, const invoice_state& s, const event& e) {
  const std::int32_t k = event_step(e);
  return k >= static_cast<std::int32_t>(s.next_step) &&
         k < static_cast<std::int32_t>(c.policy.steps.size()) &&
         (c.policy.steps[static_cast<std::size_t>(k)].segments & seg_bit(c)) != 0;
}
const compiled_step& step_of(const context& c, const event& e) {
  return c.policy.steps[static_cast<std::size_t>(event_step(e))];
}

money fee_for(const context& c, const invoice_state& s, std::int32_t k, date on) {
  const compiled_step& cs = c.policy.steps[static_cast<std::size_t>(k)];
  if (!cs.fee_bearing) return amount(c, 0);
  const policy_step& src = c.policy.source.steps[static_cast<std::size_t>(k)];
  const date due = from_day_number(c.invoice.due_day);
  // The law the policy was compiled against (the shipped rules, or the host's merged over them).
  const std::vector<legal_fee_rule>& law = c.policy.fee_rules ? *c.policy.fee_rules : detail::shipped_rules();
  const auto cap = statutory_fee_cap(c.policy.source.jurisdiction, c.invoice.segment, cs.fee,
                                     c.invoice.currency, due, on, amount(c, s.open_minor), law);
  if (src.fee.statutory && !cap) {
    // A statutory fee whose law caps it in another currency: the policy is for another
    // country's invoices (a NO policy on a SEK invoice). An error, never a silent zero fee.
    if (const auto law_currency = detail::statutory_cap_currency(c.policy.source.jurisdiction, c.invoice.segment,
                                                                 cs.fee, due, law);
        law_currency && *law_currency != c.invoice.currency)
      throw error(errc::currency_mismatch,
                  "policy '" + c.policy.source.name + "': steps[" + std::to_string(k) + "] '" + src.name +
                      "': the statutory " + std::string(to_string(c.policy.source.jurisdiction)) + " fee is in " +
                      std::string(law_currency->code()) + ", the invoice in " +
                      std::string(c.invoice.currency.code()) + " (use the policy of the invoice's country)");
  }
  // The invoice must have reached the debtor long enough before the due date (FI consumers).
  if (c.invoice.due_day - c.invoice.invoice_day < cs.fee_min_invoice_lead[seg(c)]) return amount(c, 0);
  money fee = src.fee.statutory ? cap.value_or(amount(c, 0))
                                : in_currency(src.fee.amounts, c.invoice.currency).value_or(amount(c, 0));
  if (cap && fee > *cap) fee = *cap;  // the law's cap for this claim's date wins
  if (cs.fee == fee_kind::reminder && c.policy.fee_needs_agreement) {
    const fee_agreement a = c.policy.source.reminder_fee_agreement;
    const bool agreed = a == fee_agreement::always ||
                        (a == fee_agreement::per_invoice && c.invoice.reminder_fee_agreed);
    if (!agreed) return amount(c, 0);
  }
  if (cs.fee == fee_kind::compensation) {
    if (s.flags & overlay::compensated) return amount(c, 0);
  } else {
    const std::int16_t max = c.policy.max_fee_notices[seg(c)];
    if (max >= 0 && s.fee_notices >= max) return amount(c, 0);
  }
  return fee;
}

// Commands of a step: the highest band the open amount reaches, else the step's own.
std::pair<std::uint32_t, std::uint32_t> commands_of(const context& c, const invoice_state& s,
                                                    const compiled_step& cs) {
  std::pair<std::uint32_t, std::uint32_t> r{cs.commands_begin, cs.commands_end};
  for (std::uint32_t b = cs.bands_begin; b < cs.bands_end; ++b) {
    const compiled_band& band = c.policy.bands[b];
    const auto from = in_currency(band.from, c.invoice.currency);
    if (from && s.open_minor >= from->minor_units()) r = {band.commands_begin, band.commands_end};
  }
  return r;
}

void emit(const context& c, const invoice_state& s, std::uint32_t begin, std::uint32_t end,
          std::int32_t k, date on, std::optional<date> deadline, money fee,
          std::vector<command>& out) {
  if (begin == end) return;
  const money principal = amount(c, s.open_minor);
  const money fees = amount(c, s.fees_minor - (c.settlements.empty() ? 0 : settled_through(c, component::fees, on)));
  const money interest = interest_due(c, s, on);
  for (std::uint32_t i = begin; i < end; ++i)
    out.push_back({c.policy.commands[i].kind, c.policy.commands[i].custom, k, on, deadline,
                   principal, fee, fees, interest, principal + fees + interest});
}

// The set-off / security commands from out[first] on become one command per counterclaim or
// security used, each naming it and the amount, until the claim is covered (set-off first, as
// the commands are listed); a command with no cover left is dropped.
void take_cover(const context& c, std::vector<command>& out, std::size_t first, date on) {
  std::vector<command> kept(out.begin() + static_cast<std::ptrdiff_t>(first), out.end());
  out.resize(first);
  std::optional<money> left;
  for (command& cmd : kept) {
    if (cmd.kind != command_kind::propose_set_off && cmd.kind != command_kind::realise_security) {
      out.push_back(std::move(cmd));
      continue;
    }
    if (!left) left = cmd.total;
    if (c.cover == nullptr) continue;
    for (const cover_use& u : cover_for(*c.cover, cmd.kind, *left, on, true)) {
      command one = cmd;
      one.cover_id = cmd.kind == command_kind::propose_set_off ? c.cover->held->counterclaims[u.index].counterclaim_id
                                                               : c.cover->held->securities[u.index].security_id;
      one.cover_amount = u.amount;
      *left -= u.amount;
      out.push_back(std::move(one));
    }
  }
}

void record(invoice_state& s, const compiled_step& cs, std::int32_t k, std::int32_t day,
            std::optional<date> deadline, money fee) {
  if (fee.is_negative()) throw error(errc::invalid_argument, "dunning: a notice's fee is negative: " + to_string(fee));
  if (__builtin_add_overflow(s.fees_minor, fee.minor_units(), &s.fees_minor))
    throw error(errc::overflow, "dunning: the notice's fee " + to_string(fee) + " added to the fees charged overflows");
  if (fee.is_positive()) {
    if (cs.fee == fee_kind::compensation)
      s.flags |= overlay::compensated;
    else
      ++s.fee_notices;
  }
  s.last_fired = day;
  if (cs.notice) {
    s.last_notice = day;
    s.last_deadline = deadline ? day_of(*deadline) : day;
  }
  s.next_step = static_cast<std::uint8_t>(k + 1);
  s.paused_days = 0;
  // A step after the promised date, or during a plan, means the promise / plan was broken
  // before (a replayed history need not record the break when it issued no command).
  if ((s.flags & overlay::promised) && day > s.promised_until) {
    s.flags &= static_cast<std::uint8_t>(~overlay::promised);
    s.promised_until = no_day;
  }
  s.flags &= static_cast<std::uint8_t>(~overlay::in_plan);
  s.flags &= static_cast<std::uint8_t>(~overlay::escalated);
}

void pause(invoice_state& s, std::uint8_t bit, date on) {
  if ((s.flags & (overlay::disputed | overlay::on_hold)) == 0) s.paused_since = day_of(on);
  s.flags |= bit;
}
void resume(invoice_state& s, std::uint8_t bit, date on) {
  s.flags &= static_cast<std::uint8_t>(~bit);
  if ((s.flags & (overlay::disputed | overlay::on_hold)) == 0 && s.paused_since != no_day) {
    s.paused_days += std::max(0, day_of(on) - s.paused_since);
    s.paused_since = no_day;
  }
}

// ---- guards ------------------------------------------------------------------------------------
bool always(const context&, const invoice_state&, const event&) { return true; }
bool past_due(const context& c, const invoice_state&, const event& e) {
  return day_of(std::get<date_reached>(e).on) > c.invoice.due_day;
}
bool on_due_day(const context& c, const invoice_state&, const event& e) {
  return day_of(std::get<date_reached>(e).on) == c.invoice.due_day;
}
bool hands_over(const context& c, const invoice_state& s, const event& e) {
  return step_in_order(c, s, e) && step_of(c, e).hands_over;
}
std::int32_t scheduled_day(const context& c, const invoice_state& s, std::size_t k);
// A step due now whose moment (its scheduled day) passed more than late_window days ago.
bool too_late(const context& c, const invoice_state& s, const event& e) {
  if (!step_in_order(c, s, e)) return false;
  const compiled_step& cs = step_of(c, e);
  if (cs.late_window == no_day) return false;
  const std::int32_t on = day_of(std::get<step_due>(e).on);
  return on > scheduled_day(c, s, static_cast<std::size_t>(event_step(e))) + cs.late_window;
}
bool sends_notice(const context& c, const invoice_state& s, const event& e) {
  return step_in_order(c, s, e) && step_of(c, e).notice;
}
bool in_order(const context& c, const invoice_state& s, const event& e) { return step_in_order(c, s, e); }
bool may_skip(const context& c, const invoice_state& s, const event& e) {
  return step_in_order(c, s, e) && (step_of(c, e).skip_if_guard_fails || step_of(c, e).needs_cover);
}
bool settles(const context& c, const invoice_state& s, const event& e) {
  const money m = event_amount(e);
  return m.currency() == c.invoice.currency && m.minor_units() >= s.open_minor + s.fees_minor;
}
bool is_disputed(const context&, const invoice_state& s, const event&) { return (s.flags & overlay::disputed) != 0; }
bool not_disputed(const context&, const invoice_state& s, const event&) { return (s.flags & overlay::disputed) == 0; }
bool is_promised(const context&, const invoice_state& s, const event&) { return (s.flags & overlay::promised) != 0; }
bool is_in_plan(const context&, const invoice_state& s, const event&) { return (s.flags & overlay::in_plan) != 0; }
bool is_held(const context&, const invoice_state& s, const event&) { return (s.flags & overlay::on_hold) != 0; }
bool not_held(const context&, const invoice_state& s, const event&) { return (s.flags & overlay::on_hold) == 0; }

// ---- actions -----------------------------------------------------------------------------------
void fire_step(const context& c, invoice_state& s, const event& e, std::vector<command>& out) {
  const auto& ev = std::get<step_due>(e);
  const compiled_step& cs = step_of(c, e);
  const money fee = fee_for(c, s, ev.step, ev.on);
  std::optional<date> deadline;
  if (cs.deadline_days >= 0) {
    const date d = ev.on + days(cs.deadline_days);
    deadline = cs.roll_deadline ? apply(c.policy.deadlines, d) : d;
  }
  invoice_state after = s;
  record(after, cs, ev.step, day_of(ev.on), deadline, fee);
  const auto [begin, end] = commands_of(c, s, cs);
  const std::size_t first = out.size();
  emit(c, after, begin, end, ev.step, ev.on, deadline, fee, out);
  if (cs.needs_cover) take_cover(c, out, first, ev.on);
  s = after;
}
// The step is not for this invoice (a guard failed and the step says skip; or its moment has
// passed by more than its window): the ladder goes on with the next step, nothing is sent.
void skip_step(const context&, invoice_state& s, const event& e, std::vector<command>&) {
  s.next_step = static_cast<std::uint8_t>(event_step(e) + 1);
}

void record_step(const context& c, invoice_state& s, const event& e, std::vector<command>&) {
  const notice_record& n = std::get<notice_sent>(e).notice;
  if (n.fee.currency() != c.invoice.currency && !n.fee.is_zero())
    throw error(errc::currency_mismatch, "dunning: notice fee " + to_string(n.fee) + " " +
                                             std::string(n.fee.currency().code()) + " is not in the invoice's currency");
  record(s, step_of(c, e), n.step, day_of(n.sent), n.deadline, amount(c, n.fee.minor_units()));
}
void take_payment(const context& c, invoice_state& s, const event& e, std::vector<command>&) {
  const money m = event_amount(e);
  if (m.currency() != c.invoice.currency)
    throw error(errc::currency_mismatch, "dunning: payment in " + std::string(m.currency().code()) +
                                             " on an invoice in " + std::string(c.invoice.currency.code()));
  if (!m.is_positive()) throw error(errc::invalid_argument, "dunning: payment " + to_string(m) + " is not positive");
  if (m.minor_units() > s.open_minor + s.fees_minor)
    throw error(errc::conflict, "dunning: payment " + to_string(m) + " exceeds the open " +
                                    to_string(amount(c, s.open_minor + s.fees_minor)) +
                                    " (allocate it in the ledger first)");
  // Costs first, then principal (legal.md §3: the usual collector order; no statutory order).
  const std::int64_t to_fees = std::min(m.minor_units(), s.fees_minor);
  s.fees_minor -= to_fees;
  s.open_minor -= m.minor_units() - to_fees;
  if (s.open_minor == 0 && s.fees_minor == 0)
    s.flags &= static_cast<std::uint8_t>(~(overlay::promised | overlay::in_plan));
}
void pause_dispute(const context&, invoice_state& s, const event& e, std::vector<command>&) {
  pause(s, overlay::disputed, event_date(e));
}
void resume_dispute(const context&, invoice_state& s, const event& e, std::vector<command>&) {
  resume(s, overlay::disputed, event_date(e));
}
void pause_hold(const context&, invoice_state& s, const event& e, std::vector<command>&) {
  pause(s, overlay::on_hold, event_date(e));
}
void resume_hold(const context&, invoice_state& s, const event& e, std::vector<command>&) {
  resume(s, overlay::on_hold, event_date(e));
}
void start_promise(const context&, invoice_state& s, const event& e, std::vector<command>&) {
  s.flags |= overlay::promised;
  s.promised_until = day_of(std::get<promise_made>(e).until);
}
void break_promise(const context& c, invoice_state& s, const event& e, std::vector<command>& out) {
  s.flags = static_cast<std::uint8_t>((s.flags & ~overlay::promised) | overlay::escalated);
  s.promised_until = no_day;
  emit(c, s, c.policy.broken_promise_begin, c.policy.broken_promise_end, broken_promise_step,
       event_date(e), std::nullopt, amount(c, 0), out);
}
void start_plan(const context&, invoice_state& s, const event&, std::vector<command>&) {
  s.flags |= overlay::in_plan;
}
void break_plan(const context& c, invoice_state& s, const event& e, std::vector<command>& out) {
  s.flags = static_cast<std::uint8_t>((s.flags & ~overlay::in_plan) | overlay::escalated);
  emit(c, s, c.policy.broken_plan_begin, c.policy.broken_plan_end, broken_plan_step,
       event_date(e), std::nullopt, amount(c, 0), out);
}
void mark_escalated(const context&, invoice_state& s, const event&, std::vector<command>&) {
  s.flags |= overlay::escalated;
}

using s = state;
constexpr states active = in(s::not_yet_due, s::due, s::overdue, s::reminded);
constexpr states open = active | in(s::handed_to_collection, s::legal);
constexpr std::optional<state> keep = std::nullopt;

#define KREDITOR_FN(f) f, #f  // a guard or action and its name, for the audit trail

// clang-format off
const auto table = std::to_array<transition>({
  // name                            from                         event                      [guard]                          / action                        = to
  {"due_on_due_date",                in(s::not_yet_due),          on<date_reached>,          KREDITOR_FN(on_due_day),         KREDITOR_FN(nullptr),           s::due},
  {"overdue_after_due_date",         in(s::not_yet_due, s::due),  on<date_reached>,          KREDITOR_FN(past_due),           KREDITOR_FN(nullptr),           s::overdue},
  {"step_too_late_skipped",          active,                      on<step_due>,              KREDITOR_FN(too_late),           KREDITOR_FN(skip_step),         keep},
  {"step_skipped",                   active,                      on<step_skipped>,          KREDITOR_FN(may_skip),           KREDITOR_FN(skip_step),         keep},
  {"step_hands_over",                active,                      on<step_due>,              KREDITOR_FN(hands_over),         KREDITOR_FN(fire_step),         s::handed_to_collection},
  {"step_sends_notice",              in(s::overdue, s::reminded), on<step_due>,              KREDITOR_FN(sends_notice),       KREDITOR_FN(fire_step),         s::reminded},
  {"step_keeps_state",               active,                     on<step_due>,              KREDITOR_FN(in_order),           KREDITOR_FN(fire_step),         keep},
  {"replayed_hand_over",             active,                      on<notice_sent>,           KREDITOR_FN(hands_over),         KREDITOR_FN(record_step),       s::handed_to_collection},
  {"replayed_notice",                in(s::overdue, s::reminded), on<notice_sent>,           KREDITOR_FN(sends_notice),       KREDITOR_FN(record_step),       s::reminded},
  {"replayed_step",                  active,                      on<notice_sent>,           KREDITOR_FN(in_order),           KREDITOR_FN(record_step),       keep},
  {"payment_settles",                open,                        on<payment_received>,      KREDITOR_FN(settles),            KREDITOR_FN(take_payment),      s::paid},
  {"partial_payment",                open,                        on<payment_received>,      KREDITOR_FN(always),             KREDITOR_FN(take_payment),      keep},
  {"installment_settles",            open,                        on<installment_paid>,      KREDITOR_FN(settles),            KREDITOR_FN(take_payment),      s::paid},
  {"installment_paid",               open,                        on<installment_paid>,      KREDITOR_FN(always),             KREDITOR_FN(take_payment),      keep},
  {"credit_note_settles",            open,                        on<credit_note_issued>,         KREDITOR_FN(settles),            KREDITOR_FN(take_payment),      s::credited},
  {"partial_credit_note",            open,                        on<credit_note_issued>,         KREDITOR_FN(always),             KREDITOR_FN(take_payment),      keep},
  {"dispute_pauses",                 open,                        on<dispute_opened>,        KREDITOR_FN(not_disputed),       KREDITOR_FN(pause_dispute),     keep},
  {"dispute_resolved_resumes",       open,                        on<dispute_resolved>,      KREDITOR_FN(is_disputed),        KREDITOR_FN(resume_dispute),    keep},
  {"promise_pauses",                 active,                      on<promise_made>,          KREDITOR_FN(always),             KREDITOR_FN(start_promise),     keep},
  {"broken_promise_escalates",       active,                      on<promise_broken>,        KREDITOR_FN(is_promised),        KREDITOR_FN(break_promise),     keep},
  {"plan_pauses",                    active,                      on<plan_agreed>,           KREDITOR_FN(always),             KREDITOR_FN(start_plan),        keep},
  {"missed_installment_escalates",   active,                      on<installment_missed>,    KREDITOR_FN(is_in_plan),         KREDITOR_FN(break_plan),        keep},
  {"manual_escalation",              active,                      on<escalate>,              KREDITOR_FN(always),             KREDITOR_FN(mark_escalated),    keep},
  {"hold_pauses",                    open,                        on<hold>,                  KREDITOR_FN(not_held),           KREDITOR_FN(pause_hold),        keep},
  {"release_resumes",                open,                        on<release>,               KREDITOR_FN(is_held),            KREDITOR_FN(resume_hold),       keep},
  {"written_off",                    open,                        on<write_off>,             KREDITOR_FN(always),             KREDITOR_FN(nullptr),           s::written_off},
  {"legal_proceedings_start",        in(s::handed_to_collection), on<legal_proceedings>,     KREDITOR_FN(always),             KREDITOR_FN(nullptr),           s::legal},
});
// clang-format on
#undef KREDITOR_FN

std::array<row_info, table.size()> make_rows() {
  std::array<row_info, table.size()> rows{};
  for (std::size_t i = 0; i < table.size(); ++i)
    rows[i] = {table[i].name, table[i].from.bits, table[i].event_index, table[i].guard_name,
               table[i].action_name, table[i].to};
  return rows;
}
const std::array<row_info, table.size()> rows = make_rows();

constexpr auto state_names = std::to_array<std::string_view>(
    {"not_yet_due", "due", "overdue", "reminded", "handed_to_collection", "legal", "paid",
     "credited", "written_off"});
constexpr auto event_names = std::to_array<std::string_view>(
    {"date_reached", "step_due", "step_skipped", "notice_sent", "payment_received", "credit_note",
     "dispute_opened", "dispute_resolved", "promise_made", "promise_broken", "plan_agreed",
     "installment_paid", "installment_missed", "escalate", "hold", "release", "write_off",
     "legal_proceedings"});
static_assert(event_names.size() == std::variant_size_v<event>);

}  // namespace

std::string_view to_string(state st) noexcept { return state_names[static_cast<std::size_t>(st)]; }

invoice_facts facts_of(const invoice_view& v) {
  return {day_number(v.issue_date), day_number(v.due_date), v.currency, v.segment, v.reminder_fee_agreed};
}

// (open_amount, not open: clang -Wshadow sees the `open` state set of the table above.)
invoice_state initial_state(const invoice_facts& f, money open_amount) {
  if (open_amount.currency() != f.currency)
    throw error(errc::currency_mismatch, "dunning: open amount in " + std::string(open_amount.currency().code()) +
                                             " on an invoice in " + std::string(f.currency.code()));
  if (open_amount.is_negative()) throw error(errc::invalid_argument, "dunning: open amount " + to_string(open_amount) + " is negative");
  invoice_state s;
  s.open_minor = open_amount.minor_units();
  if (open_amount.is_zero()) s.current = state::paid;
  return s;
}

date event_date(const event& e) {
  return std::visit(
      [](const auto& ev) -> date {
        if constexpr (std::is_same_v<std::decay_t<decltype(ev)>, notice_sent>)
          return ev.notice.sent;
        else
          return ev.on;
      },
      e);
}

std::string_view event_name(const event& e) noexcept { return event_names[e.index()]; }

outcome step(const context& ctx, const invoice_state& from, const event& ev) {
  for (const transition& t : table) {
    if (!t.from.contains(from.current) || t.event_index != ev.index() || !t.when(ctx, from, ev)) continue;
    outcome o{from, {}, t.name};
    if (t.then) t.then(ctx, o.next, ev, o.commands);
    if (t.to) o.next.current = *t.to;
    return o;
  }
  return {from, {}, {}};
}

std::span<const row_info> transition_table() noexcept { return rows; }

namespace {
// The day step k fires at the earliest (policy anchors, pauses, the law's floors, never the
// day of the previous step).
std::int32_t scheduled_day(const context& c, const invoice_state& is, std::size_t k) {
  const compiled_step& cs = c.policy.steps[k];
  const std::int32_t prev_notice = is.last_notice != no_day ? is.last_notice : c.invoice.invoice_day;
  const std::int32_t prev_deadline = is.last_deadline != no_day ? is.last_deadline : c.invoice.due_day;
  std::int32_t day = c.invoice.invoice_day;
  if ((is.flags & overlay::escalated) == 0) {
    std::int32_t policy_day = no_day;
    if (cs.after_due != no_day) policy_day = std::max(policy_day, c.invoice.due_day + cs.after_due);
    if (cs.after_invoice != no_day) policy_day = std::max(policy_day, c.invoice.invoice_day + cs.after_invoice);
    if (cs.after_previous_notice != no_day) policy_day = std::max(policy_day, prev_notice + cs.after_previous_notice);
    if (cs.after_previous_deadline != no_day)
      policy_day = std::max(policy_day, prev_deadline + cs.after_previous_deadline);
    day = std::max(day, policy_day + is.paused_days);
  }
  const legal_floor& fl = cs.legal[seg(c)];
  if (fl.after_due != no_day) day = std::max(day, c.invoice.due_day + fl.after_due);
  if (fl.after_previous_notice != no_day) day = std::max(day, prev_notice + fl.after_previous_notice);
  if (fl.after_previous_deadline != no_day) day = std::max(day, prev_deadline + fl.after_previous_deadline);
  if (is.last_fired != no_day) day = std::max(day, is.last_fired + 1);
  return day;
}
}  // namespace

std::optional<scheduled> next_step(const context& c, const invoice_state& s) {
  if (s.current > state::reminded) return std::nullopt;  // handed over or closed
  if (s.flags & overlay::pausing) return std::nullopt;
  if (s.open_minor <= 0) return std::nullopt;
  if (const auto min = in_currency(c.policy.source.minimum_open, c.invoice.currency);
      min && s.open_minor < min->minor_units())
    return std::nullopt;
  const std::uint8_t bitmask = seg_bit(c);
  const bool overdue = s.current == state::overdue || s.current == state::reminded;
  for (std::size_t k = s.next_step; k < c.policy.steps.size(); ++k) {
    const compiled_step& cs = c.policy.steps[k];
    if ((cs.segments & bitmask) == 0) continue;  // not for this debtor segment
    // A step that belongs before the due date is skipped once the invoice is overdue (a
    // first run over an old ledger), never sent late.
    if (cs.before_due_only && overdue) continue;
    if (const auto min = in_currency(c.policy.source.steps[k].minimum_open, c.invoice.currency);
        min && s.open_minor < min->minor_units()) {
      if (cs.skip_below_minimum) continue;  // an amount threshold: this step is not for this invoice
      return std::nullopt;                  // wait until the open amount reaches it
    }
    return scheduled{static_cast<std::int32_t>(k), scheduled_day(c, s, k)};
  }
  return std::nullopt;
}

date installment_paid_by(const compiled_policy& cp, date due) {
  return apply(cp.deadlines, due) + days(cp.source.installment_grace_days);
}

std::int32_t next_action_day(const context& c, const invoice_state& s) {
  std::int32_t day = never;
  if (s.current == state::not_yet_due) day = c.invoice.due_day;
  if (s.current == state::due) day = c.invoice.due_day + 1;
  if ((s.flags & overlay::promised) && s.promised_until != no_day && s.current <= state::reminded)
    day = std::min(day, s.promised_until + 1);
  if (const auto next = next_step(c, s)) day = std::min(day, next->day);
  return day;
}

std::int64_t settled_through(const context& c, component part, date on) {
  std::int64_t sum = 0;
  for (const charge_settlement& x : c.settlements)
    if (x.part == part && x.on <= on && __builtin_add_overflow(sum, x.amount.minor_units(), &sum))
      throw error(errc::overflow, "dunning: settled " + std::string(to_string(part)) + " overflow");
  return sum;
}

money interest_due(const context& c, const invoice_state& s, date on) {
  const rate_table* table_ = c.agreed_rates;
  if (table_ == nullptr && c.policy.interest_rates[seg(c)]) table_ = &*c.policy.interest_rates[seg(c)];
  const std::int64_t settled = c.settlements.empty() ? 0 : settled_through(c, component::interest, on);
  const auto owed = [&](money accrued) {
    if (accrued.minor_units() < settled)
      throw error(errc::conflict, "dunning: interest settled " + to_string(amount(c, settled)) +
                                      " is more than the interest accrued to " + kreditor::to_string(on) + " (" +
                                      to_string(accrued) + ")");
    return accrued - amount(c, settled);
  };
  // Nothing open and nothing that was ever open after the due date: no interest.
  if (!table_ || day_number(on) <= c.invoice.due_day || (s.open_minor <= 0 && c.balance_changes.empty()))
    return owed(amount(c, 0));
  const date due = from_day_number(c.invoice.due_day);
  const interest_convention& conv = c.policy.interest_conventions[seg(c)];
  if (c.balance_changes.empty()) return owed(late_interest_amount(amount(c, s.open_minor), *table_, due, on, conv));
  // The state's open principal is after every change: undo them for the starting balance,
  // then let late_interest replay those that took effect by `on` (a change counts from the
  // day after its date, so one dated `on` does not change interest through `on`).
  money start = amount(c, s.open_minor);
  bool all_by_then = true;
  for (const balance_change& ch : c.balance_changes) {
    start -= ch.delta;  // throws currency_mismatch
    all_by_then = all_by_then && ch.on < on;
  }
  // The list itself when every change took effect by `on` (most evaluations); else a copy
  // without the later ones.
  if (all_by_then) return owed(late_interest_amount(start, *table_, due, on, conv, c.balance_changes));
  std::vector<balance_change> by_then;
  std::copy_if(c.balance_changes.begin(), c.balance_changes.end(), std::back_inserter(by_then),
               [&](const balance_change& ch) { return ch.on < on; });
  return owed(late_interest_amount(start, *table_, due, on, conv, by_then));
}

}  // namespace dunning
KREDITOR_NAMESPACE_END
