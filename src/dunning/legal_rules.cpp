// The checker that proves a policy keeps the fee/deadline law, and the run-time floors and
// caps derived from it. The law itself is DATA (src/data/fee_rules.json via
// jurisdiction/fee_rules.hpp); only the dunning structure rules live here, and they cite a
// fee rule for their law and source.
#include "dunning/legal_rules.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "kreditor/dunning/legal_check.hpp"

KREDITOR_NAMESPACE_BEGIN  // not `namespace kreditor::dunning`: clang 14 misplaces it outside v0
namespace dunning {
namespace detail {
namespace {

using law_kind = kreditor::legal_fee_kind;

// Rules about the ORDER of notices, which the fee data does not describe. Each cites the fee
// rule whose law and source it comes from; it applies while that rule is in force.
enum class structure : std::uint8_t {
  warning_after_reminder_deadline,  ///< a collection warning only after an earlier reminder's deadline
  second_fee_after_deadline,        ///< a second fee only after the previous notice's deadline
  handover_after_warning,           ///< hand-over only after a collection warning's deadline
};

struct structure_rule {
  jurisdiction where;
  structure kind;
  const char* cites;  ///< fee rule id: its law and source
  const char* text;
};

// clang-format off
constexpr auto structure_rules = std::to_array<structure_rule>({
  // where            rule                                         cites               text
  {jurisdiction::no, structure::warning_after_reminder_deadline, "NO.inkassovarsel", "the inkassovarsel only after the reminder's deadline (inkassoloven § 9, inkassoforskriften § 1-3)"},
  {jurisdiction::no, structure::second_fee_after_deadline,       "NO.purregebyr",    "a second fee only after the first notice's deadline was missed (inkassoforskriften § 1-3)"},
  {jurisdiction::no, structure::handover_after_warning,          "NO.inkassovarsel", "collection only after an inkassovarsel whose deadline has passed (inkassoloven § 9)"},
});
// clang-format on

std::string day_count(std::int32_t n) { return std::to_string(n) + (n == 1 ? " day" : " days"); }

bool applies(const policy_step& st, segment s) { return !st.segment || *st.segment == s; }

bool fee_bearing(const policy_step& st) { return st.fee.charges() && kind_of(st) != fee_kind::compensation; }

std::int32_t plus(std::int32_t a, std::int32_t b) { return a == no_day ? no_day : a + b; }
std::int32_t maxd(std::int32_t a, std::int32_t b) { return std::max(a, b); }

legal_rules policy_rules(jurisdiction j, segment s, date as_of, const std::vector<legal_fee_rule>& all) { return rules_for(all, j, s, as_of); }

const legal_fee_rule* cited(const legal_rules& rules, const structure_rule& r) {
  return r.where == rules.where ? rules.find(std::string_view(r.cites)) : nullptr;
}

// Earliest-fire analysis of the steps that fire on one path for one segment. Steps fire strictly in
// order and a step that waits (minimum amount, guard) blocks the later ones, so the previous
// step is always the previous applicable one.
struct analysis {
  std::vector<std::size_t> order;           // applicable step indices
  std::vector<std::int32_t> lb_due;         // earliest fire - due (no_day: unbounded)
  std::vector<std::int32_t> gap_notice;     // earliest fire - previous notice's date (no_day: no notice)
  std::vector<std::int32_t> gap_deadline;   // earliest fire - previous notice's deadline
  std::vector<std::ptrdiff_t> prev_notice;  // position in `order` of the previous notice, -1 none

  // The least number of days between the firing of positions `from` < `to`.
  [[nodiscard]] std::int32_t min_gap(std::size_t from, std::size_t to) const {
    std::vector<std::int32_t> l(to + 1, 0);
    for (std::size_t i = from + 1; i <= to; ++i) {
      l[i] = l[i - 1] + 1;
      const std::ptrdiff_t pn = prev_notice[i];
      if (pn >= 0 && static_cast<std::size_t>(pn) >= from && gap_notice[i] != no_day)
        l[i] = maxd(l[i], l[static_cast<std::size_t>(pn)] + gap_notice[i]);
    }
    return l[to];
  }
};

// `skipped`: steps that do not fire on the path analysed (a step that may be skipped for an
// invoice, see skippable): the steps after it are then timed from the notice before it.
analysis analyse(const policy& p, segment s, const std::vector<std::size_t>& skipped = {}) {
  analysis a;
  for (std::size_t i = 0; i < p.steps.size(); ++i)
    if (applies(p.steps[i], s) && std::find(skipped.begin(), skipped.end(), i) == skipped.end()) a.order.push_back(i);
  std::ptrdiff_t pn = -1;
  for (std::size_t pos = 0; pos < a.order.size(); ++pos) {
    const policy_step& st = p.steps[a.order[pos]];
    const trigger& tr = st.trigger;
    const std::int32_t pn_deadline =
        pn < 0 ? 0 : p.steps[a.order[static_cast<std::size_t>(pn)]].deadline_days.value_or(0);
    const std::int32_t pn_lb = pn < 0 ? no_day : a.lb_due[static_cast<std::size_t>(pn)];
    std::int32_t lb = no_day;
    if (tr.after_due_days) lb = maxd(lb, *tr.after_due_days);
    if (pos > 0) lb = maxd(lb, plus(a.lb_due[pos - 1], 1));
    if (tr.after_previous_notice_days && pn >= 0) lb = maxd(lb, plus(pn_lb, *tr.after_previous_notice_days));
    if (tr.after_previous_deadline_days)
      lb = maxd(lb, pn < 0 ? *tr.after_previous_deadline_days
                           : plus(pn_lb, pn_deadline + *tr.after_previous_deadline_days));
    std::int32_t gn = no_day, gd = no_day;
    if (pn >= 0) {
      gn = 1;
      if (tr.after_previous_notice_days) gn = maxd(gn, *tr.after_previous_notice_days);
      if (tr.after_previous_deadline_days) gn = maxd(gn, pn_deadline + *tr.after_previous_deadline_days);
      if (tr.after_previous_deadline_days) gd = *tr.after_previous_deadline_days;
    }
    a.lb_due.push_back(lb);
    a.gap_notice.push_back(gn);
    a.gap_deadline.push_back(gd);
    a.prev_notice.push_back(pn);
    if (is_notice(st)) pn = static_cast<std::ptrdiff_t>(pos);
  }
  return a;
}

std::string where(const policy& p, std::size_t k, segment s) {
  return "steps[" + std::to_string(k) + "] '" + p.steps[k].name + "' (" + std::string(to_string(s)) + ")";
}

std::string days(std::int32_t v) {
  return v == no_day ? std::string("without a lower bound") : day_count(v);
}

std::string segment_list(const legal_fee_rule& r) {
  std::string out;
  for (segment s : r.segments) out += (out.empty() ? "" : "/") + std::string(to_string(s));
  return out;
}

// The lowest cap of any band: the cap a fixed fee must keep for every principal.
std::optional<money> lowest_cap(const legal_fee_rule& r) {
  std::optional<money> out;
  for (const cap_band& b : r.caps) out = out ? min(*out, b.cap) : b.cap;
  return out;
}

// The statutory fee kinds a dunning fee kind may be, in order of preference (see law_for).
std::span<const law_kind> law_kinds(fee_kind kind) noexcept {
  static constexpr law_kind reminder[] = {law_kind::reminder};
  static constexpr law_kind collection[] = {law_kind::collection_notice, law_kind::payment_demand,
                                            law_kind::reminder};
  static constexpr law_kind compensation[] = {law_kind::fixed_compensation};
  switch (kind) {
    case fee_kind::reminder: return reminder;
    case fee_kind::collection: return collection;
    case fee_kind::compensation: return compensation;
  }
  return {};
}

// rules_for's selection (the latest row not after `as_of`, while not expired) for one kind,
// without copying the rules: the run-time path asks for a cap at every fee.
const legal_fee_rule* law_in_force(jurisdiction j, segment s, fee_kind kind, date as_of, const std::vector<legal_fee_rule>& all) {
  for (law_kind k : law_kinds(kind)) {
    const legal_fee_rule* best = nullptr;
    for (const legal_fee_rule& r : all)
      if (r.where == j && r.kind == k && r.applies_to(s) && r.effective_from <= as_of &&
          (!best || best->effective_from < r.effective_from))
        best = &r;
    if (best && (!best->effective_until || as_of <= *best->effective_until)) return best;
  }
  return nullptr;
}

// The rule for `kind` for claims due on `due`; for a claim older than the data knows (or in
// a gap), the next row in time — the nearest known value. nullptr when (j, s) has none at all.
const legal_fee_rule* claim_law(jurisdiction j, segment s, fee_kind kind, date due, const std::vector<legal_fee_rule>& all) {
  if (const legal_fee_rule* r = law_in_force(j, s, kind, due, all)) return r;
  std::set<date> later;
  for (const legal_fee_rule& r : all)
    if (r.where == j && r.applies_to(s) && due < r.effective_from) later.insert(r.effective_from);
  for (date d : later)
    if (const legal_fee_rule* r = law_in_force(j, s, kind, d, all)) return r;
  return nullptr;
}

segment other(segment s) { return s == segment::b2b ? segment::b2c : segment::b2b; }

// A step that may not fire for an invoice: an amount threshold or guard with skip, or a
// pre-due / late-window step.
bool skippable(const policy_step& st) {
  const if_not_met unmet_min = st.if_not_met.value_or(if_not_met::skip);
  const bool pre_due = (st.trigger.after_due_days && *st.trigger.after_due_days < 0) ||
                       (st.trigger.after_invoice_days && !st.trigger.after_due_days);
  return (!st.minimum_open.empty() && unmet_min == if_not_met::skip) ||
         (!st.guards.empty() && st.if_not_met == if_not_met::skip) || st.late_window_days || pre_due;
}

// The sets of skippable steps to analyse as skipped: every subset (the empty one first) while
// there are at most 10 such steps, else every subset of at most two (a policy that long is
// rare, and 2^n paths would make the check slow).
std::vector<std::vector<std::size_t>> skip_paths(const std::vector<std::size_t>& optional) {
  std::vector<std::vector<std::size_t>> out;
  const std::size_t n = optional.size();
  if (n <= 10) {
    for (std::uint32_t mask = 0; mask < (1U << n); ++mask) {
      std::vector<std::size_t> path;
      for (std::size_t b = 0; b < n; ++b)
        if ((mask >> b) & 1U) path.push_back(optional[b]);
      out.push_back(std::move(path));
    }
    return out;
  }
  out.emplace_back();
  for (std::size_t i = 0; i < n; ++i) {
    out.push_back({optional[i]});
    for (std::size_t j = i + 1; j < n; ++j) out.push_back({optional[i], optional[j]});
  }
  return out;
}

std::string command_list(std::span<const command_kind> commands, std::span<const std::string> customs) {
  std::string out;
  for (command_kind c : commands) out += (out.empty() ? "" : ", ") + std::string(to_string(c));
  for (const std::string& c : customs) out += (out.empty() ? "custom:" : ", custom:") + c;
  return out;
}

}  // namespace

const std::vector<legal_fee_rule>& shipped_rules() {
  static const std::vector<legal_fee_rule> all = shipped_fee_rules().value();
  return all;
}

date latest_law_date(const std::vector<legal_fee_rule>& all) {
  date out = make_date(1970, 1, 1);
  for (const legal_fee_rule& r : all) out = std::max(out, r.effective_from);
  return out;
}

const legal_fee_rule* law_for(const legal_rules& rules, fee_kind kind) noexcept {
  for (law_kind k : law_kinds(kind))
    if (const legal_fee_rule* r = rules.find(k)) return r;
  return nullptr;
}

bool has_command(const policy_step& st, command_kind kind) {
  return std::find(st.commands.begin(), st.commands.end(), kind) != st.commands.end();
}

bool is_notice(const policy_step& st) {
  return st.deadline_days.has_value() || has_command(st, command_kind::send_reminder) ||
         has_command(st, command_kind::collection_warning) ||
         has_command(st, command_kind::hand_over_to_collection);
}

fee_kind kind_of(const policy_step& st) {
  if (st.fee_kind) return *st.fee_kind;
  return has_command(st, command_kind::collection_warning) ? fee_kind::collection : fee_kind::reminder;
}

std::int16_t max_fee_notices(jurisdiction j, segment s, const std::vector<legal_fee_rule>& all) {
  // The engine counts every non-compensation fee together: only a limit whose count group
  // holds both the reminder and the collection fee can be kept at run time.
  const legal_rules rules = policy_rules(j, s, latest_law_date(all), all);
  const legal_fee_rule* reminder = law_for(rules, fee_kind::reminder);
  const legal_fee_rule* collection = law_for(rules, fee_kind::collection);
  if (!reminder || !reminder->max_count) return -1;
  if (collection && collection->count_group != reminder->count_group) return -1;
  return static_cast<std::int16_t>(*reminder->max_count);
}

std::optional<currency> statutory_cap_currency(jurisdiction j, segment s, fee_kind kind, date due, const std::vector<legal_fee_rule>& all) {
  const legal_fee_rule* law = claim_law(j, s, kind, due, all);
  if (!law) return std::nullopt;
  const std::optional<money> lowest = lowest_cap(*law);
  if (!lowest) return std::nullopt;
  return lowest->currency();
}

std::int32_t min_invoice_lead(jurisdiction j, segment s, fee_kind kind, const std::vector<legal_fee_rule>& all) {
  const legal_rules rules = policy_rules(j, s, latest_law_date(all), all);
  const legal_fee_rule* law = law_for(rules, kind);
  return law ? law->min_invoice_days_before_due : 0;
}

bool is_written(std::span<const command_kind> commands) {
  return std::any_of(commands.begin(), commands.end(), [](command_kind k) {
    return k == command_kind::send_reminder || k == command_kind::collection_warning;
  });
}

bool fee_needs_agreement(jurisdiction j, const std::vector<legal_fee_rule>& all) {
  for (segment s : {segment::b2b, segment::b2c}) {
    const legal_rules rules = policy_rules(j, s, latest_law_date(all), all);
    if (const legal_fee_rule* r = law_for(rules, fee_kind::reminder); r && r->needs_agreement) return true;
  }
  return false;
}

legal_floor floors_for(const policy& p, std::size_t k, segment s, const std::vector<legal_fee_rule>& all) {
  legal_floor fl;
  const legal_rules rules = policy_rules(p.jurisdiction, s, latest_law_date(all), all);
  const policy_step& st = p.steps[k];
  bool earlier_reminder = false;
  const legal_fee_rule* earlier_fee_law = nullptr;  // the law of the previous fee-bearing step
  for (std::size_t i = 0; i < k; ++i) {
    if (!applies(p.steps[i], s)) continue;
    if (has_command(p.steps[i], command_kind::send_reminder)) earlier_reminder = true;
    if (fee_bearing(p.steps[i])) earlier_fee_law = law_for(rules, kind_of(p.steps[i]));
  }
  if (st.fee.charges()) {
    if (const legal_fee_rule* law = law_for(rules, kind_of(st))) {
      if (law->min_days_after_due > 0) fl.after_due = maxd(fl.after_due, law->min_days_after_due);
      // The previous notice is no earlier than the previous fee-bearing one: a floor on the
      // gap to it keeps the gap between fee-bearing notices.
      if (fee_bearing(st) && earlier_fee_law && law->min_days_between > 0 &&
          earlier_fee_law->count_group == law->count_group)
        fl.after_previous_notice = maxd(fl.after_previous_notice, law->min_days_between);
    }
  }
  for (const structure_rule& r : structure_rules) {
    if (!cited(rules, r)) continue;
    const bool hit =
        (r.kind == structure::warning_after_reminder_deadline && earlier_reminder &&
         has_command(st, command_kind::collection_warning)) ||
        (r.kind == structure::second_fee_after_deadline && fee_bearing(st) && earlier_fee_law) ||
        (r.kind == structure::handover_after_warning && has_command(st, command_kind::hand_over_to_collection));
    if (hit) fl.after_previous_deadline = maxd(fl.after_previous_deadline, 1);
  }
  return fl;
}

}  // namespace detail

std::optional<money> statutory_fee_cap(jurisdiction j, segment s, fee_kind kind, currency c, date due,
                                       date sent, std::optional<money> principal) {
  return statutory_fee_cap(j, s, kind, c, due, sent, principal, detail::shipped_rules());
}

std::optional<money> statutory_fee_cap(jurisdiction j, segment s, fee_kind kind, currency c, date due,
                                       date /*sent*/, std::optional<money> principal,
                                       const std::vector<legal_fee_rule>& all) {
  const legal_fee_rule* law = detail::claim_law(j, s, kind, due, all);
  if (!law) {
    // The law gives this fee to the other segment only (B2B compensation): not allowed.
    if (detail::claim_law(j, detail::other(s), kind, due, all)) return money(0, c);
    return std::nullopt;
  }
  const std::optional<money> lowest = detail::lowest_cap(*law);
  if (!lowest || lowest->currency() != c) return std::nullopt;
  if (principal && principal->currency() == c) return law->cap_for(*principal);
  return lowest;
}

std::string to_string(const legal_finding& f) {
  return f.where + ": " + f.rule + ": " + f.problem + " (source: " + f.source + ")";
}

std::vector<legal_finding> check_legal(const policy& p) { return check_legal(p, detail::latest_law_date(detail::shipped_rules())); }

std::vector<legal_finding> check_legal(const policy& p, date as_of) { return check_legal(p, as_of, detail::shipped_rules()); }

std::vector<legal_finding> check_legal(const policy& p, date as_of, const std::vector<legal_fee_rule>& all) {
  using namespace detail;
  std::vector<legal_finding> out;
  for (segment s : {segment::b2b, segment::b2c}) {
    const legal_rules rules = rules_for(all, p.jurisdiction, s, as_of);
    const legal_rules other_rules = rules_for(all, p.jurisdiction, other(s), as_of);
    // The timing rules must hold on every path an invoice can take: a step that may be skipped
    // for an invoice (an amount threshold, a guard with skip, a pre-due or late-window step)
    // leaves the steps after it timed from the notice before it. The path where every step
    // fires comes first; another path adds a finding only for a rule a step does not already
    // break, and says which steps it skips.
    std::vector<std::size_t> optional;
    for (std::size_t i = 0; i < p.steps.size(); ++i)
      if (applies(p.steps[i], s) && skippable(p.steps[i])) optional.push_back(i);
    for (const std::vector<std::size_t>& skipped : skip_paths(optional)) {
      const analysis a = analyse(p, s, skipped);
      std::string path_note;
      for (std::size_t i : skipped) path_note += (path_note.empty() ? "" : ", ") + ("'" + p.steps[i].name + "'");
      if (!skipped.empty()) path_note = " when " + path_note + (skipped.size() == 1 ? " is" : " are") + " skipped";
      auto report = [&](std::size_t k, const legal_fee_rule& law, const std::string& text, std::string problem) {
        legal_finding f{law.id + ": " + text + " (" + law.law + ")", law.source, where(p, k, s), std::move(problem),
                        law.uncertain};
        if (!skipped.empty()) {
          if (std::any_of(out.begin(), out.end(), [&](const legal_finding& o) { return o.where == f.where && o.rule == f.rule; }))
            return;
          f.problem += path_note;
        }
        if (std::find(out.begin(), out.end(), f) == out.end()) out.push_back(std::move(f));
      };
      std::map<std::string, std::int32_t> counts;           // fee-bearing notices per count group
      std::map<std::string, std::size_t> last_fee_in_group;  // position of the last one
      bool earlier_reminder = false, earlier_fee = false;
      for (std::size_t pos = 0; pos < a.order.size(); ++pos) {
        const std::size_t k = a.order[pos];
        const policy_step& st = p.steps[k];
        const fee_kind kind = kind_of(st);

        // Deadlines every reminder / collection warning must give, fee or not.
        std::vector<const legal_fee_rule*> notice_laws;
        if (has_command(st, command_kind::send_reminder)) notice_laws.push_back(law_for(rules, fee_kind::reminder));
        if (has_command(st, command_kind::collection_warning))
          notice_laws.push_back(law_for(rules, fee_kind::collection));
        if (st.fee.charges()) notice_laws.push_back(law_for(rules, kind));
        std::set<const legal_fee_rule*> seen;
        for (const legal_fee_rule* law : notice_laws)
          if (law && seen.insert(law).second && law->min_deadline_days > 0 &&
              (!st.deadline_days || *st.deadline_days < law->min_deadline_days))
            report(k, *law, "the notice gives a payment deadline of at least " + day_count(law->min_deadline_days),
                   st.deadline_days ? "deadline " + day_count(*st.deadline_days) : std::string("gives no deadline"));

        if (st.fee.charges()) {
          const legal_fee_rule* law = law_for(rules, kind);
          if (!law) {
            // No rule for this segment; where the other segment has one, the fee is theirs only.
            const legal_fee_rule* theirs = law_for(other_rules, kind);
            if (theirs && !st.fee.amounts.empty())
              report(k, *theirs, "a " + std::string(to_string(theirs->kind)) + " fee only for " + segment_list(*theirs) + " debtors",
                     "charges it to " + std::string(to_string(s)) + " debtors");
          } else {
            const std::string kind_text = "a " + std::string(to_string(law->kind)) + " fee";
            if (law->min_days_after_due > 0 && (a.lb_due[pos] == no_day || a.lb_due[pos] < law->min_days_after_due))
              report(k, *law, kind_text + " only for a notice no earlier than " + day_count(law->min_days_after_due) +
                                  " after the due date",
                     "fires " + days(a.lb_due[pos]) + " after the due date at the earliest");
            if (const std::optional<money> cap = lowest_cap(*law)) {
              const std::string text = kind_text + " of at most " + to_string(*cap) + " " + std::string(cap->currency().code());
              for (const money& m : st.fee.amounts) {
                if (m.currency() != cap->currency())
                  report(k, *law, text,
                         "fee in " + std::string(m.currency().code()) + " cannot be checked against the cap in " +
                             std::string(cap->currency().code()));
                else if (m > *cap)
                  report(k, *law, text, "fee " + to_string(m) + " exceeds the cap " + to_string(*cap));
              }
            }
            if (law->needs_written_notice) {
              const std::string text = kind_text + " only for a written notice";
              if (!is_written(st.commands))
                report(k, *law, text, "sends no written notice (" + command_list(st.commands, st.custom_commands) + ")");
              for (const amount_band& band : st.bands)
                if (!is_written(band.commands))
                  report(k, *law, text,
                         "its amount band from " + (band.from.empty() ? std::string("?") : to_string(band.from.front()) + " " +
                                                    std::string(band.from.front().currency().code())) +
                             " sends no written notice (" + command_list(band.commands, band.custom_commands) + ")");
            }
            if (law->needs_agreement && p.reminder_fee_agreement == fee_agreement::never)
              report(k, *law, kind_text + " only if agreed no later than when the debt arose",
                     "reminder_fee_agreement is 'never'");
            if (kind != fee_kind::compensation) {
              const std::int32_t n = ++counts[law->count_group];
              if (law->max_count && n > *law->max_count)
                report(k, *law, "at most " + std::to_string(*law->max_count) + " fee-bearing notice" +
                                    (*law->max_count == 1 ? "" : "s") + " of group " + law->count_group + " per claim",
                       "is fee-bearing notice number " + std::to_string(n));
              const auto last = last_fee_in_group.find(law->count_group);
              if (law->min_days_between > 0 && last != last_fee_in_group.end()) {
                const std::int32_t gap = a.min_gap(last->second, pos);
                if (gap < law->min_days_between)
                  report(k, *law, "fee-bearing notices of group " + law->count_group + " at least " +
                                      day_count(law->min_days_between) + " apart",
                         "fires " + days(gap) + " after the previous fee-bearing notice at the earliest");
              }
              last_fee_in_group[law->count_group] = pos;
            }
          }
        }

        // The order of notices and deadlines.
        for (const structure_rule& r : structure_rules) {
          const legal_fee_rule* law = cited(rules, r);
          if (!law) continue;
          switch (r.kind) {
            case structure::warning_after_reminder_deadline:
              if (earlier_reminder && has_command(st, command_kind::collection_warning) &&
                  (a.gap_deadline[pos] == no_day || a.gap_deadline[pos] < 1))
                report(k, *law, r.text, "is not triggered by after_previous_deadline_days >= 1");
              break;
            case structure::second_fee_after_deadline:
              if (earlier_fee && fee_bearing(st) && (a.gap_deadline[pos] == no_day || a.gap_deadline[pos] < 1))
                report(k, *law, r.text, "is not triggered by after_previous_deadline_days >= 1");
              break;
            case structure::handover_after_warning: {
              if (!has_command(st, command_kind::hand_over_to_collection)) break;
              const std::ptrdiff_t pn = a.prev_notice[pos];
              const policy_step* warning = pn >= 0 ? &p.steps[a.order[static_cast<std::size_t>(pn)]] : nullptr;
              const bool warned = warning && has_command(*warning, command_kind::collection_warning);
              if (!warned || a.gap_deadline[pos] == no_day || a.gap_deadline[pos] < 1)
                report(k, *law, r.text,
                       warned ? "is not triggered by after_previous_deadline_days >= 1"
                              : "is not preceded by a collection warning");
              else if (skippable(*warning))
                report(k, *law, r.text,
                       "the collection warning before it ('" + warning->name +
                           "') may be skipped for an invoice (minimum_open, if_not_met skip or a late window)");
              break;
            }
          }
        }
        if (has_command(st, command_kind::send_reminder)) earlier_reminder = true;
        if (fee_bearing(st)) earlier_fee = true;
      }
    }  // paths
  }
  return out;
}

}  // namespace dunning
KREDITOR_NAMESPACE_END
