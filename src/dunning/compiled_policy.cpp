#include "kreditor/dunning/compiled_policy.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <string>

#include "dunning/legal_rules.hpp"
#include "kreditor/dunning/legal_check.hpp"

KREDITOR_NAMESPACE_BEGIN  // not `namespace kreditor::dunning`: clang 14 misplaces it outside v0
namespace dunning {
namespace {

constexpr auto command_names = std::to_array<std::string_view>({
    "send_reminder", "courtesy_email", "receipt_confirmation", "phone_call",
    "notify_account_manager", "credit_hold", "cash_terms", "collection_warning",
    "hand_over_to_collection", "custom", "propose_set_off", "realise_security"});

[[noreturn]] void fail(errc code, const policy& p, const std::string& path, const std::string& what) {
  throw error(code, "policy '" + p.name + "': " + path + ": " + what);
}

std::string step_path(std::size_t k) { return "steps[" + std::to_string(k) + "]"; }

constexpr std::int32_t max_days = 3660;  // ten years: anything longer is a typo

void check_days(const policy& p, const std::string& path, const std::optional<std::int32_t>& v,
                bool allow_negative) {
  if (!v) return;
  if (*v > max_days || *v < (allow_negative ? -max_days : 0))
    fail(errc::invalid_argument, p, path,
         std::to_string(*v) + " is outside " + (allow_negative ? "-3660" : "0") + "..3660");
}

void check_amounts(const policy& p, const std::string& path, const std::vector<money>& amounts) {
  std::set<std::string_view> seen;
  for (const money& m : amounts) {
    if (m.is_negative()) fail(errc::invalid_argument, p, path, "amount " + to_string(m) + " is negative");
    if (!seen.insert(m.currency().code()).second)
      fail(errc::conflict, p, path, "currency " + std::string(m.currency().code()) + " given twice");
  }
}

bool is_cover(command_kind c) { return c == command_kind::propose_set_off || c == command_kind::realise_security; }
bool any_cover(const std::vector<command_kind>& kinds) { return std::any_of(kinds.begin(), kinds.end(), is_cover); }
// A step that proposes set-off or realises security (itself or in an amount band).
bool uses_cover(const policy_step& st) {
  return any_cover(st.commands) ||
         std::any_of(st.bands.begin(), st.bands.end(), [](const amount_band& b) { return any_cover(b.commands); });
}

// Where a step fires relative to the due date when only date anchors (due / invoice) are set:
// used to reject steps listed after a step that always fires later ("impossible order").
std::optional<std::int32_t> fixed_due_offset(const trigger& t) {
  if (t.after_previous_notice_days || t.after_previous_deadline_days || t.after_invoice_days) return {};
  return t.after_due_days;
}

}  // namespace

std::string_view to_string(command_kind kind) noexcept {
  return command_names[static_cast<std::size_t>(kind)];
}

result<command_kind> parse_command_kind(std::string_view text) {
  for (std::size_t i = 0; i < command_names.size(); ++i)
    if (command_names[i] == text && static_cast<command_kind>(i) != command_kind::custom)
      return static_cast<command_kind>(i);
  return failure{errc::invalid_argument, "command '" + std::string(text) + "' is not one of send_reminder, "
                 "courtesy_email, receipt_confirmation, phone_call, notify_account_manager, credit_hold, "
                 "cash_terms, collection_warning, hand_over_to_collection, propose_set_off, realise_security, "
                 "custom:NAME"};
}

std::string_view to_string(fee_kind kind) noexcept {
  switch (kind) {
    case fee_kind::reminder: return "reminder";
    case fee_kind::collection: return "collection";
    case fee_kind::compensation: return "compensation";
  }
  return "reminder";
}

std::string_view to_string(if_not_met v) noexcept { return v == if_not_met::skip ? "skip" : "wait"; }

std::optional<std::int32_t> compiled_policy::step_index(std::string_view name) const {
  for (std::size_t i = 0; i < source.steps.size(); ++i)
    if (source.steps[i].name == name) return static_cast<std::int32_t>(i);
  return std::nullopt;
}

// The fee rules a policy compiles against: the shipped ones with the host's merged over them.
std::shared_ptr<const std::vector<legal_fee_rule>> rules_of(const extensions& ext) {
  if (ext.fee_rules().empty()) return std::shared_ptr<const std::vector<legal_fee_rule>>(std::shared_ptr<void>{}, &detail::shipped_rules());
  return std::make_shared<const std::vector<legal_fee_rule>>(merge_fee_rules(detail::shipped_rules(), ext.fee_rules()));
}

compiled_policy compile(const policy& p, const extensions& ext) {
  return compile(p, ext, detail::latest_law_date(*rules_of(ext)));
}

compiled_policy compile(const policy& p, const extensions& ext, date law_as_of) {
  if (p.name.empty()) throw error(errc::invalid_argument, "policy: name: is empty");
  if (p.steps.empty()) fail(errc::invalid_argument, p, "steps", "a policy needs at least one step");
  if (p.steps.size() > 250) fail(errc::invalid_argument, p, "steps", "more than 250 steps");
  check_amounts(p, "minimum_open", p.minimum_open);
  check_days(p, "installment_grace_days", p.installment_grace_days, false);
  if (p.interest == interest_mode::fixed && (p.interest_rate < rate{} || p.interest_rate > rate::percent(100)))
    fail(errc::invalid_argument, p, "interest.rate", "must be within 0..100 %");

  compiled_policy cp;
  cp.source = p;
  cp.fee_rules = rules_of(ext);
  const std::vector<legal_fee_rule>& law = *cp.fee_rules;
  auto add_commands = [&](const std::string& path, const std::vector<command_kind>& kinds,
                          const std::vector<std::string>& customs) {
    for (command_kind c : kinds) {
      if (c == command_kind::custom)
        fail(errc::invalid_argument, p, path, "use custom_commands for custom commands");
      cp.commands.push_back({c, 0});
    }
    for (const std::string& name : customs) {
      const auto& names = ext.commands();
      const auto it = std::find(names.begin(), names.end(), name);
      if (it == names.end())
        fail(errc::not_found, p, path, "custom command '" + name + "' is not registered");
      const auto idx = static_cast<std::uint16_t>(it - names.begin());
      cp.commands.push_back({command_kind::custom, idx});
    }
  };
  cp.custom_commands = ext.commands();

  std::set<std::string> names;
  std::optional<std::int32_t> last_fixed;
  std::size_t last_fixed_index = 0;
  for (std::size_t k = 0; k < p.steps.size(); ++k) {
    const policy_step& st = p.steps[k];
    const std::string path = step_path(k);
    if (st.name.empty()) fail(errc::invalid_argument, p, path + ".name", "is empty");
    if (!names.insert(st.name).second)
      fail(errc::conflict, p, path + ".name", "'" + st.name + "' is used by an earlier step");
    const trigger& t = st.trigger;
    if (!t.after_due_days && !t.after_invoice_days && !t.after_previous_notice_days &&
        !t.after_previous_deadline_days)
      fail(errc::invalid_argument, p, path + ".trigger", "needs at least one anchor");
    check_days(p, path + ".trigger.after_due_days", t.after_due_days, true);
    check_days(p, path + ".trigger.after_invoice_days", t.after_invoice_days, false);
    check_days(p, path + ".trigger.after_previous_notice_days", t.after_previous_notice_days, false);
    check_days(p, path + ".trigger.after_previous_deadline_days", t.after_previous_deadline_days, false);
    check_days(p, path + ".deadline_days", st.deadline_days, false);
    check_days(p, path + ".late_window_days", st.late_window_days, false);
    check_days(p, path + ".fee_min_invoice_lead_days", st.fee_min_invoice_lead_days, false);
    if (st.if_not_met && st.minimum_open.empty() && st.guards.empty())
      fail(errc::invalid_argument, p, path + ".if_not_met", "the step has no minimum_open and no guard to be unmet");
    if (st.commands.empty() && st.custom_commands.empty())
      fail(errc::invalid_argument, p, path + ".commands", "is empty");
    if (detail::has_command(st, command_kind::collection_warning) && !st.deadline_days)
      fail(errc::invalid_argument, p, path + ".deadline_days", "a collection warning needs a deadline");
    if (st.fee.statutory && !st.fee.amounts.empty())
      fail(errc::conflict, p, path + ".fee", "is both statutory and fixed");
    check_amounts(p, path + ".fee", st.fee.amounts);
    check_amounts(p, path + ".minimum_open", st.minimum_open);
    if (detail::has_command(st, command_kind::hand_over_to_collection) && k + 1 != p.steps.size())
      fail(errc::conflict, p, step_path(k + 1), "no step can follow the hand-over to collection");
    if (uses_cover(st)) {
      // Security is realised and set-off proposed only once the debtor has defaulted after a
      // demand: after the deadline of a collection warning (set-off itself needs only our claim
      // due; a guarantee or credit insurance is called after a demand). The previous notice
      // that may apply to the step's debtors must be that warning.
      std::optional<std::size_t> prev;
      for (std::size_t i = k; i-- > 0;)
        if (detail::is_notice(p.steps[i]) &&
            (!p.steps[i].segment || !st.segment || *p.steps[i].segment == *st.segment)) {
          prev = i;
          break;
        }
      if (!prev || !detail::has_command(p.steps[*prev], command_kind::collection_warning))
        fail(errc::conflict, p, path + ".commands",
             "propose_set_off and realise_security only after a collection warning (the previous notice " +
                 (prev ? "is " + step_path(*prev) + ", not a collection warning)" : std::string("is none)")));
      if (!t.after_previous_deadline_days || *t.after_previous_deadline_days < 1)
        fail(errc::conflict, p, path + ".trigger",
             "propose_set_off and realise_security only after the collection warning's deadline "
             "(after_previous_deadline_days >= 1)");
    }
    if (const auto off = fixed_due_offset(t)) {
      if (last_fixed && *off < *last_fixed)
        fail(errc::conflict, p, path + ".trigger",
             "fires " + std::to_string(*off) + " days after due, before " + step_path(last_fixed_index) +
                 " (" + std::to_string(*last_fixed) + " days): steps must be listed in firing order");
      last_fixed = off;
      last_fixed_index = k;
    }

    compiled_step cs;
    cs.after_due = t.after_due_days.value_or(no_day);
    cs.after_invoice = t.after_invoice_days.value_or(no_day);
    cs.after_previous_notice = t.after_previous_notice_days.value_or(no_day);
    cs.after_previous_deadline = t.after_previous_deadline_days.value_or(no_day);
    cs.deadline_days = st.deadline_days.value_or(-1);
    cs.notice = detail::is_notice(st);
    cs.hands_over = detail::has_command(st, command_kind::hand_over_to_collection);
    // NO: the inkassovarsel's 14 days end on the same weekday even on a holiday (Ot.prp. nr. 2
    // (1997-98) p. 114, legal.md §2.1): no roll. Other deadlines follow the statutory rule.
    cs.roll_deadline = !(p.jurisdiction == jurisdiction::no &&
                         detail::has_command(st, command_kind::collection_warning));
    cs.fee_bearing = st.fee.charges();
    cs.fee = detail::kind_of(st);
    cs.skip_below_minimum = st.if_not_met.value_or(if_not_met::skip) == if_not_met::skip;
    cs.skip_if_guard_fails = st.if_not_met == if_not_met::skip;
    cs.late_window = st.late_window_days.value_or(no_day);
    // A step belongs before the due date when it fires before it (after_due_days < 0) or when
    // it only confirms receipt / sends a courtesy e-mail timed from the invoice date.
    const bool courtesy_only =
        st.custom_commands.empty() && std::all_of(st.commands.begin(), st.commands.end(), [](command_kind c) {
          return c == command_kind::receipt_confirmation || c == command_kind::courtesy_email;
        });
    const bool invoice_timed = t.after_invoice_days && !t.after_due_days && !t.after_previous_notice_days &&
                               !t.after_previous_deadline_days;
    cs.needs_cover = uses_cover(st);
    cs.before_due_only = !st.late_window_days && ((t.after_due_days && *t.after_due_days < 0) ||
                                                  (invoice_timed && courtesy_only));
    for (segment s : {segment::b2b, segment::b2c})
      cs.fee_min_invoice_lead[static_cast<std::size_t>(s)] =
          cs.fee_bearing ? std::max(st.fee_min_invoice_lead_days.value_or(0),
                                    detail::min_invoice_lead(p.jurisdiction, s, cs.fee, law))
                         : 0;
    cs.segments = st.segment ? (*st.segment == segment::b2b ? 1 : 2) : 3;
    cs.legal[0] = detail::floors_for(p, k, segment::b2b, law);
    cs.legal[1] = detail::floors_for(p, k, segment::b2c, law);
    cs.commands_begin = static_cast<std::uint32_t>(cp.commands.size());
    add_commands(path + ".commands", st.commands, st.custom_commands);
    cs.commands_end = static_cast<std::uint32_t>(cp.commands.size());
    cs.bands_begin = static_cast<std::uint32_t>(cp.bands.size());
    for (std::size_t b = 0; b < st.bands.size(); ++b) {
      const amount_band& band = st.bands[b];
      const std::string bpath = path + ".bands[" + std::to_string(b) + "]";
      check_amounts(p, bpath + ".from", band.from);
      if (band.from.empty()) fail(errc::invalid_argument, p, bpath + ".from", "is empty");
      if (band.commands.empty() && band.custom_commands.empty())
        fail(errc::invalid_argument, p, bpath + ".commands", "is empty");
      if (b > 0)
        for (const money& m : band.from)
          for (const money& prev : st.bands[b - 1].from)
            if (prev.currency() == m.currency() && m <= prev)
              fail(errc::conflict, p, bpath + ".from", "bands must ascend: " + to_string(m) +
                                                           " is not above " + to_string(prev));
      compiled_band cb{band.from, static_cast<std::uint32_t>(cp.commands.size()), 0};
      add_commands(bpath + ".commands", band.commands, band.custom_commands);
      cb.commands_end = static_cast<std::uint32_t>(cp.commands.size());
      cp.bands.push_back(std::move(cb));
    }
    cs.bands_end = static_cast<std::uint32_t>(cp.bands.size());
    cs.guards_begin = static_cast<std::uint32_t>(cp.guards.size());
    for (const std::string& g : st.guards) {
      const auto& gs = ext.guards();
      const auto it = std::find_if(gs.begin(), gs.end(), [&](const auto& e) { return e.first == g; });
      if (it == gs.end()) fail(errc::not_found, p, path + ".guards", "guard '" + g + "' is not registered");
      cp.guards.push_back(it->second);
    }
    cs.guards_end = static_cast<std::uint32_t>(cp.guards.size());
    cp.steps.push_back(cs);
  }
  cp.broken_promise_begin = static_cast<std::uint32_t>(cp.commands.size());
  for (const auto& [path, kinds] : {std::pair{"on_broken_promise", &p.on_broken_promise},
                                    std::pair{"on_broken_plan", &p.on_broken_plan}})
    if (any_cover(*kinds))
      fail(errc::invalid_argument, p, path, "propose_set_off and realise_security are policy steps (they need the "
                                            "collection warning's deadline), not reactions");
  add_commands("on_broken_promise", p.on_broken_promise, {});
  cp.broken_promise_end = static_cast<std::uint32_t>(cp.commands.size());
  cp.broken_plan_begin = static_cast<std::uint32_t>(cp.commands.size());
  add_commands("on_broken_plan", p.on_broken_plan, {});
  cp.broken_plan_end = static_cast<std::uint32_t>(cp.commands.size());

  if (const auto findings = check_legal(p, law_as_of, law); !findings.empty()) {
    std::string all;
    for (const legal_finding& f : findings) all += (all.empty() ? "" : "; ") + to_string(f);
    throw error(errc::legal_violation, "policy '" + p.name + "': " + all);
  }

  cp.deadlines = statutory_deadline_rule(p.jurisdiction);
  for (segment s : {segment::b2b, segment::b2c}) {
    const auto i = static_cast<std::size_t>(s);
    cp.max_fee_notices[i] = detail::max_fee_notices(p.jurisdiction, s, law);
    if (p.interest == interest_mode::none) continue;
    if (p.interest == interest_mode::fixed) {
      auto table = rate_table::constant(p.interest_rate, "policy '" + p.name + "' fixed rate");
      if (auto stat = statutory_late_interest(p.jurisdiction, s)) table = table.with_info(stat->info());
      for (const extensions::rate_override& o : ext.late_interest_tables())
        if (o.where == p.jurisdiction && o.for_segment == s) table = table.with_info(o.table.info());
      cp.interest_conventions[i] = convention_of(table);
      cp.interest_rates[i] = std::move(table);
      continue;
    }
    // The host's table for this jurisdiction and segment, else the shipped one.
    result<rate_table> stat = statutory_late_interest(p.jurisdiction, s);
    for (const extensions::rate_override& o : ext.late_interest_tables())
      if (o.where == p.jurisdiction && o.for_segment == s) stat = o.table;
    if (!stat) {
      if (stat.error().code == errc::not_found) continue;  // EU b2c: the directive has no rate
      throw error(stat.error().code, "policy '" + p.name + "': interest: " + stat.error().message);
    }
    cp.interest_conventions[i] = convention_of(*stat);
    cp.interest_rates[i] = std::move(stat).value();
  }
  cp.fee_needs_agreement = detail::fee_needs_agreement(p.jurisdiction, law);
  return cp;
}

}  // namespace dunning
KREDITOR_NAMESPACE_END
