// The dunning law of legal.md §2 as two tables (timing/count rules and fee caps), the
// checker that proves a policy keeps them, and the run-time floors derived from them.
#include "dunning/legal_rules.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "kreditor/dunning/legal_check.hpp"

namespace kreditor::dunning {
namespace detail {
namespace {

using jd = jurisdiction;
using rk = rule_kind;
using rt = rule_target;

constexpr const char* no_forskrift = "https://juridika.no/no/forskrift/1989-07-14-562/kapittel_1";
constexpr const char* no_purring = "https://kontohjelp.no/kontering/purring-og-inkasso/purring";
constexpr const char* no_varsel = "https://jusinfo.no/pengekravsrett/inndrivelsesprosessen/inkassovarsel/";
constexpr const char* se_imy = "https://www.imy.se/vanliga-fragor-och-svar/hur-mycket-far-man-ta-ut-i-inkassokostnader/";
constexpr const char* se_frist = "https://www.imy.se/vanliga-fragor-och-svar/hur-lang-tid-har-jag-pa-mig-for-att-betala-eller-bestrida-ett-inkassokrav/";
constexpr const char* se_one = "https://finqr.se/blogg/sa-fungerar-reglerna-for-inkassokrav-betalningsforelaggande-och-efterbevakning/";
constexpr const char* dk_9b = "https://danskelove.dk/renteloven/9a ; https://elov.dk/renteloven/paragraf/9b/";
constexpr const char* fi_b2c = "https://ikassa.fi/maksumuistutus ; https://laki24.fi/lave-velka-perinta_kulut/";
constexpr const char* fi_demand = "https://blogit.apu.fi/uuninpankkopoikasakutimonen/2014/11/08/sentin-tahden/";

// clang-format off
constexpr auto rules = std::to_array<legal_rule>({
  // where  segments kind                                 target                  value  rule                                                                                                   source        uncertain
  {jd::no,   both, rk::fee_not_before,                      rt::fee_notice,          14, "NO inkassoforskriften § 1-2: a reminder or warning fee only for a notice sent at least 14 days after the due date", no_forskrift, false},
  {jd::no,   both, rk::min_deadline,                        rt::reminder_notice,     14, "NO inkassoforskriften § 1-3: a reminder gives a payment deadline of at least 14 days",                    no_purring,   false},
  {jd::no,   both, rk::min_deadline,                        rt::warning_notice,      14, "NO inkassoloven § 9: an inkassovarsel gives a payment deadline of at least 14 days",                      no_varsel,    false},
  {jd::no,   both, rk::after_previous_deadline,             rt::warning_notice,       1, "NO inkassoloven § 9 / inkassoforskriften § 1-3: the inkassovarsel only after the reminder's deadline",   no_purring,   false},
  {jd::no,   both, rk::after_previous_deadline,             rt::second_fee_notice,    1, "NO inkassoforskriften § 1-3: a second fee only after the first notice's 14-day deadline was missed",     no_purring,   false},
  {jd::no,   both, rk::max_fee_notices,                     rt::fee_notice,           2, "NO inkassoforskriften § 1-3: at most 2 fee-bearing notices before the betalingsoppfordring",              no_forskrift, false},
  {jd::no,   both, rk::handover_needs_warning,              rt::handover,             0, "NO inkassoloven § 9: collection only after an inkassovarsel whose deadline has passed",                 no_varsel,    false},
  {jd::no,   b2c,  rk::b2b_only,                            rt::compensation_fee,     0, "NO forsinkelsesrenteloven § 3a: standardkompensasjon only between businesses",                         "https://lovdata.no/lov/1976-12-17-100/§3a", false},
  {jd::se,   both, rk::fee_needs_agreement,                 rt::reminder_fee,         0, "SE lag (1981:739) 2 §: a påminnelseavgift only if agreed no later than when the debt arose",              se_imy,       false},
  {jd::se,   both, rk::fee_not_before,                      rt::fee_notice,           1, "SE lag (1981:739): reminder and collection costs only for measures after the due date",                 se_imy,       false},
  {jd::se,   both, rk::max_fee_notices,                     rt::reminder_fee,         1, "SE: one påminnelseavgift per claim (UNCERTAIN: secondary source, not statute text)",                     se_one,       true},
  {jd::se,   both, rk::min_deadline,                        rt::warning_notice,       8, "SE god inkassosed (IMY): an inkassokrav gives at least 8 days from dispatch",                          se_frist,     false},
  {jd::se,   b2c,  rk::b2b_only,                            rt::compensation_fee,     0, "SE lag (1981:739) 4 a §: förseningsersättning only against businesses",                               se_imy,       false},
  {jd::dk,   both, rk::fee_not_before,                      rt::fee_notice,           1, "DK renteloven § 9 b: a rykker fee only once the payment deadline has passed",                           dk_9b,        false},
  {jd::dk,   both, rk::max_fee_notices,                     rt::fee_notice,           3, "DK renteloven § 9 b: fees for at most 3 rykkere per claim",                                             dk_9b,        false},
  {jd::dk,   both, rk::min_days_after_previous_notice,      rt::second_fee_notice,   10, "DK renteloven § 9 b: fee-bearing rykkere at least 10 days apart",                                        dk_9b,        false},
  {jd::dk,   b2c,  rk::b2b_only,                            rt::compensation_fee,     0, "DK renteloven § 9 a stk. 3: kompensationsbeløb only between businesses",                                 "https://collectia.dk/inkasso-ordbog/renteloven/", false},
  {jd::fi,   b2c,  rk::fee_not_before,                      rt::fee_notice,          14, "FI perintälaki: a consumer reminder fee only 14 days after the due date",                              fi_b2c,       false},
  {jd::fi,   b2c,  rk::min_days_after_previous_notice,      rt::warning_notice,      14, "FI perintälaki: a maksuvaatimus no earlier than 14 days after the reminder (UNCERTAIN: secondary source)", fi_demand, true},
  {jd::fi,   b2c,  rk::b2b_only,                            rt::compensation_fee,     0, "FI perintälaki (HE 57/2012): the EUR 40 vakiokorvaus only between businesses",                          "https://finlex.fi/fi/esitykset/he/2012/20120057", false},
  {jd::eu,   b2c,  rk::b2b_only,                            rt::compensation_fee,     0, "EU Directive 2011/7/EU art. 6: the EUR 40 compensation covers commercial transactions only",            "https://eur-lex.europa.eu/eli/dir/2011/7/oj", false},
});
// clang-format on

constexpr currency nok = iso4217::nok, sek = iso4217::sek, dkk = iso4217::dkk, eur = iso4217::eur;
using fk = fee_kind;
constexpr const char* no_fee_src = "https://sergel.no/endringer-i-purregebyr-og-inkassosalaer-fra-1-oktober-2020/";
constexpr const char* no_komp = "legal.md §2.1 standardkompensasjon table (regjeringen.no / lovdata)";

date d(int y, int m, int dd) { return make_date(y, m, dd); }

const std::vector<fee_cap_row>& cap_table() {
  // clang-format off
  static const std::vector<fee_cap_row> caps = {
    // where segments kind            currency minor   claims due from  rule                                                                 source
    {jd::no, both, fk::reminder,     nok,  6'500, d(2015, 1, 1),  "NO inkassoforskriften § 1-2: purregebyr 1/10 of inkassosatsen (650)",   "http://www.opas.no/2015/01/purregebyret-oker-til-kr-6500-med-virkning-fra-01-01-15", false},
    {jd::no, both, fk::reminder,     nok,  6'700, d(2016, 1, 1),  "NO inkassoforskriften § 1-2: purregebyr 1/10 of inkassosatsen (670)",   "http://faktura.no/category/gebyrer/", false},
    {jd::no, both, fk::reminder,     nok,  7'000, d(2017, 1, 1),  "NO inkassoforskriften § 1-2: purregebyr 1/10 of inkassosatsen (700)",   "http://advokat.asker.no/inkassosatsen-2/", false},
    {jd::no, both, fk::reminder,     nok,  3'500, d(2020, 10, 1), "NO inkassoforskriften § 1-2: purregebyr 1/20 of inkassosatsen (700)",   no_fee_src, false},
    {jd::no, both, fk::collection,   nok,  7'000, d(2017, 1, 1),  "NO inkassoforskriften § 1-2: inkassovarsel fee as purregebyr (1/10)",   no_fee_src, false},
    {jd::no, both, fk::collection,   nok,  3'500, d(2020, 10, 1), "NO inkassoforskriften § 1-2: inkassovarsel fee as purregebyr (1/20)",   "https://www.kred.no/artikler/nyheter/nye-satser-fra-1-januar-2025", false},
    {jd::no, b2b,  fk::compensation, nok, 32'000, d(2014, 1, 1),  "NO forsinkelsesrenteloven § 3a: standardkompensasjon", no_komp, false},
    {jd::no, b2b,  fk::compensation, nok, 33'000, d(2015, 7, 1),  "NO forsinkelsesrenteloven § 3a: standardkompensasjon", no_komp, false},
    {jd::no, b2b,  fk::compensation, nok, 37'000, d(2016, 7, 1),  "NO forsinkelsesrenteloven § 3a: standardkompensasjon", no_komp, false},
    {jd::no, b2b,  fk::compensation, nok, 36'000, d(2017, 1, 1),  "NO forsinkelsesrenteloven § 3a: standardkompensasjon", no_komp, false},
    {jd::no, b2b,  fk::compensation, nok, 38'000, d(2018, 1, 1),  "NO forsinkelsesrenteloven § 3a: standardkompensasjon", no_komp, false},
    {jd::no, b2b,  fk::compensation, nok, 39'000, d(2019, 7, 1),  "NO forsinkelsesrenteloven § 3a: standardkompensasjon", no_komp, false},
    {jd::no, b2b,  fk::compensation, nok, 43'000, d(2020, 7, 1),  "NO forsinkelsesrenteloven § 3a: standardkompensasjon", no_komp, false},
    {jd::no, b2b,  fk::compensation, nok, 40'000, d(2021, 7, 1),  "NO forsinkelsesrenteloven § 3a: standardkompensasjon", no_komp, false},
    {jd::no, b2b,  fk::compensation, nok, 39'000, d(2022, 1, 1),  "NO forsinkelsesrenteloven § 3a: standardkompensasjon", no_komp, false},
    {jd::no, b2b,  fk::compensation, nok, 40'000, d(2022, 7, 1),  "NO forsinkelsesrenteloven § 3a: standardkompensasjon", no_komp, false},
    {jd::no, b2b,  fk::compensation, nok, 41'000, d(2023, 1, 1),  "NO forsinkelsesrenteloven § 3a: standardkompensasjon", no_komp, false},
    {jd::no, b2b,  fk::compensation, nok, 47'000, d(2024, 1, 1),  "NO forsinkelsesrenteloven § 3a: standardkompensasjon", no_komp, false},
    {jd::no, b2c,  fk::compensation, nok,      0, d(2014, 1, 1),  "NO forsinkelsesrenteloven § 3a: standardkompensasjon only between businesses", no_komp, false},
    {jd::se, both, fk::reminder,     sek,  5'000, d(2009, 1, 1),  "SE lag (1981:739) 2 §: påminnelseavgift", "https://www.aroskapital.se/hojd-inkassoavgift-2013/", false},
    {jd::se, both, fk::reminder,     sek,  6'000, d(2013, 3, 16), "SE lag (1981:739) 2 §: påminnelseavgift", se_imy, false},
    {jd::se, both, fk::collection,   sek, 16'000, d(2009, 1, 1),  "SE lag (1981:739) 3 § 1: inkassokrav", "https://www.aroskapital.se/hojd-inkassoavgift-2013/", false},
    {jd::se, both, fk::collection,   sek, 18'000, d(2013, 3, 16), "SE lag (1981:739) 3 § 1: inkassokrav", se_imy, false},
    {jd::se, b2b,  fk::compensation, sek, 45'000, d(2013, 3, 16), "SE lag (1981:739) 4 a §: förseningsersättning", se_imy, false},
    {jd::se, b2c,  fk::compensation, sek,      0, d(2013, 3, 16), "SE lag (1981:739) 4 a §: förseningsersättning only against businesses", se_imy, false},
    {jd::dk, both, fk::reminder,     dkk, 10'000, d(2013, 3, 1),  "DK renteloven § 9 b: rykkergebyr at most 100 DKK", dk_9b, false},
    {jd::dk, both, fk::collection,   dkk, 10'000, d(2013, 3, 1),  "DK renteloven § 9 b: rykkergebyr at most 100 DKK (a warning rykker is a rykker)", dk_9b, false},
    {jd::dk, b2b,  fk::compensation, dkk, 31'000, d(2013, 3, 1),  "DK renteloven § 9 a stk. 3: kompensationsbeløb", "https://collectia.dk/inkasso-ordbog/renteloven/", false},
    {jd::dk, b2c,  fk::compensation, dkk,      0, d(2013, 3, 1),  "DK renteloven § 9 a stk. 3: kompensationsbeløb only between businesses", "https://debtia.dk/ordbog/renteloven/", false},
    {jd::fi, b2c,  fk::reminder,     eur,    500, d(2013, 1, 1),  "FI perintälaki: consumer maksumuistutus at most 5 EUR", fi_b2c, false},
    {jd::fi, b2b,  fk::reminder,     eur,  1'200, d(2022, 5, 1),  "FI perintälaki (HE 241/2021): business maksumuistutus at most 12 EUR", "https://procountor.fi/blogi/perintalain-muutos/", false},
    {jd::fi, b2c,  fk::collection,   eur,  1'400, d(2013, 1, 1),  "FI perintälaki: consumer maksuvaatimus at most 14 EUR (lowest band, kept for every principal: 24/50 EUR above 100/1 000 EUR are not modelled)", "https://www.cash-in.com/fi/tietoa-velalliselle/perintakulut/", false},
    {jd::fi, b2b,  fk::collection,   eur,  5'000, d(2022, 5, 1),  "FI perintälaki (HE 241/2021): business maksuvaatimus at most 50 EUR (lowest band, kept for every principal; band edges UNCERTAIN)", "https://procountor.fi/blogi/perintalain-muutos/", true},
    {jd::fi, b2b,  fk::compensation, eur,  4'000, d(2013, 3, 16), "FI perintälaki (HE 57/2012): vakiokorvaus 40 EUR", "https://finlex.fi/fi/esitykset/he/2012/20120057", false},
    {jd::fi, b2c,  fk::compensation, eur,      0, d(2013, 3, 16), "FI perintälaki (HE 57/2012): vakiokorvaus only between businesses", "https://finlex.fi/fi/esitykset/he/2012/20120057", false},
    {jd::eu, b2b,  fk::compensation, eur,  4'000, d(2013, 3, 16), "EU Directive 2011/7/EU art. 6: fixed EUR 40 compensation", "https://eur-lex.europa.eu/eli/dir/2011/7/oj", false},
    {jd::eu, b2c,  fk::compensation, eur,      0, d(2013, 3, 16), "EU Directive 2011/7/EU art. 6: commercial transactions only", "https://eur-lex.europa.eu/eli/dir/2011/7/oj", false},
  };
  // clang-format on
  return caps;
}

std::uint8_t bit(segment s) { return s == segment::b2b ? b2b : b2c; }

bool applies(const policy_step& st, segment s) { return !st.segment || *st.segment == s; }

bool targets(const policy& p, std::size_t k, rule_target target) {
  const policy_step& st = p.steps[k];
  const bool fee = st.fee.charges();
  const fee_kind kind = kind_of(st);
  switch (target) {
    case rule_target::reminder_notice: return has_command(st, command_kind::send_reminder);
    case rule_target::warning_notice: return has_command(st, command_kind::collection_warning);
    case rule_target::fee_notice: return fee && kind != fee_kind::compensation;
    case rule_target::second_fee_notice: {
      if (!fee || kind == fee_kind::compensation) return false;
      for (std::size_t i = 0; i < k; ++i)
        if (p.steps[i].fee.charges() && kind_of(p.steps[i]) != fee_kind::compensation) return true;
      return false;
    }
    case rule_target::reminder_fee: return fee && kind == fee_kind::reminder;
    case rule_target::compensation_fee: return fee && kind == fee_kind::compensation;
    case rule_target::handover: return has_command(st, command_kind::hand_over_to_collection);
  }
  return false;
}

std::int32_t plus(std::int32_t a, std::int32_t b) { return a == no_day ? no_day : a + b; }
std::int32_t maxd(std::int32_t a, std::int32_t b) { return std::max(a, b); }

// Earliest-fire analysis of the steps that apply to one segment. Steps fire strictly in
// order and a step that waits (minimum amount, guard) blocks the later ones, so the previous
// step is always the previous applicable one.
struct analysis {
  std::vector<std::size_t> order;           // applicable step indices
  std::vector<std::int32_t> lb_due;         // earliest fire - due (no_day: unbounded)
  std::vector<std::int32_t> gap_notice;     // earliest fire - previous notice's date (no_day: no notice)
  std::vector<std::int32_t> gap_deadline;   // earliest fire - previous notice's deadline
  std::vector<std::ptrdiff_t> prev_notice;  // position in `order` of the previous notice, -1 none
};

analysis analyse(const policy& p, segment s) {
  analysis a;
  for (std::size_t i = 0; i < p.steps.size(); ++i)
    if (applies(p.steps[i], s)) a.order.push_back(i);
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
  return v == no_day ? std::string("without a lower bound") : std::to_string(v) + " days";
}

}  // namespace

std::span<const legal_rule> timing_rules() noexcept { return rules; }
std::span<const fee_cap_row> fee_caps() { return cap_table(); }

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

const fee_cap_row* cap_row(jurisdiction where_, segment s, fee_kind kind, date due) {
  const fee_cap_row* found = nullptr;
  const fee_cap_row* first = nullptr;
  for (const fee_cap_row& r : cap_table()) {
    if (r.where != where_ || !(r.segments & bit(s)) || r.kind != kind) continue;
    if (!first) first = &r;
    if (r.from <= due) found = &r;
  }
  return found ? found : first;
}

std::int16_t max_fee_notices(jurisdiction where_, segment s) {
  for (const legal_rule& r : rules)
    if (r.where == where_ && (r.segments & bit(s)) && r.kind == rule_kind::max_fee_notices &&
        r.target == rule_target::fee_notice)
      return static_cast<std::int16_t>(r.value);
  return -1;
}

bool fee_needs_agreement(jurisdiction where_) {
  for (const legal_rule& r : rules)
    if (r.where == where_ && r.kind == rule_kind::fee_needs_agreement) return true;
  return false;
}

legal_floor floors_for(const policy& p, std::size_t k, segment s) {
  legal_floor fl;
  bool earlier_reminder = false;
  for (std::size_t i = 0; i < k; ++i)
    if (applies(p.steps[i], s) && has_command(p.steps[i], command_kind::send_reminder)) earlier_reminder = true;
  for (const legal_rule& r : rules) {
    if (r.where != p.jurisdiction || !(r.segments & bit(s)) || !targets(p, k, r.target)) continue;
    switch (r.kind) {
      case rule_kind::fee_not_before: fl.after_due = maxd(fl.after_due, r.value); break;
      case rule_kind::after_previous_deadline:
        if (r.target != rule_target::warning_notice || earlier_reminder)
          fl.after_previous_deadline = maxd(fl.after_previous_deadline, r.value);
        break;
      case rule_kind::min_days_after_previous_notice:
        if (r.target != rule_target::warning_notice || earlier_reminder)
          fl.after_previous_notice = maxd(fl.after_previous_notice, r.value);
        break;
      case rule_kind::handover_needs_warning:
        fl.after_previous_deadline = maxd(fl.after_previous_deadline, 1);
        break;
      default: break;
    }
  }
  return fl;
}

}  // namespace detail

std::optional<money> statutory_fee_cap(jurisdiction j, segment s, fee_kind kind, currency c,
                                       date due, date /*sent*/) {
  const detail::fee_cap_row* r = detail::cap_row(j, s, kind, due);
  if (!r || r->in != c) return std::nullopt;
  return money(r->minor, c);
}

std::string to_string(const legal_finding& f) {
  return f.where + ": " + f.rule + ": " + f.problem + " (source: " + f.source + ")";
}

std::vector<legal_finding> check_legal(const policy& p) {
  using namespace detail;
  std::vector<legal_finding> out;
  for (segment s : {segment::b2b, segment::b2c}) {
    const analysis a = analyse(p, s);
    auto report = [&](std::size_t k, const char* rule, const char* source, bool uncertain,
                      std::string problem) {
      legal_finding f{rule, source, where(p, k, s), std::move(problem), uncertain};
      if (std::find(out.begin(), out.end(), f) == out.end()) out.push_back(std::move(f));
    };
    std::vector<std::int32_t> counts(rules.size(), 0);
    for (std::size_t pos = 0; pos < a.order.size(); ++pos) {
      const std::size_t k = a.order[pos];
      const policy_step& st = p.steps[k];
      bool earlier_reminder = false;
      for (std::size_t q = 0; q < pos; ++q)
        if (has_command(p.steps[a.order[q]], command_kind::send_reminder)) earlier_reminder = true;
      for (std::size_t ri = 0; ri < rules.size(); ++ri) {
        const legal_rule& r = rules[ri];
        if (r.where != p.jurisdiction || !(r.segments & bit(s)) || !targets(p, k, r.target)) continue;
        switch (r.kind) {
          case rule_kind::fee_not_before:
            if (a.lb_due[pos] == no_day || a.lb_due[pos] < r.value)
              report(k, r.rule, r.source, r.uncertain,
                     "fires " + days(a.lb_due[pos]) + " after the due date at the earliest");
            break;
          case rule_kind::min_deadline:
            if (!st.deadline_days || *st.deadline_days < r.value)
              report(k, r.rule, r.source, r.uncertain,
                     st.deadline_days ? "deadline " + std::to_string(*st.deadline_days) + " days"
                                      : std::string("gives no deadline"));
            break;
          case rule_kind::after_previous_deadline:
            if ((r.target != rule_target::warning_notice || earlier_reminder) &&
                (a.gap_deadline[pos] == no_day || a.gap_deadline[pos] < r.value))
              report(k, r.rule, r.source, r.uncertain,
                     "is not triggered by after_previous_deadline_days >= 1");
            break;
          case rule_kind::min_days_after_previous_notice:
            if ((r.target != rule_target::warning_notice || earlier_reminder) &&
                a.gap_notice[pos] != no_day && a.gap_notice[pos] < r.value)
              report(k, r.rule, r.source, r.uncertain,
                     "fires " + days(a.gap_notice[pos]) + " after the previous notice at the earliest");
            break;
          case rule_kind::max_fee_notices:
            if (++counts[ri] > r.value)
              report(k, r.rule, r.source, r.uncertain,
                     "is fee-bearing notice number " + std::to_string(counts[ri]));
            break;
          case rule_kind::fee_needs_agreement:
            if (p.reminder_fee_agreement == fee_agreement::never)
              report(k, r.rule, r.source, r.uncertain,
                     "charges a reminder fee but reminder_fee_agreement is 'never'");
            break;
          case rule_kind::handover_needs_warning: {
            const std::ptrdiff_t pn = a.prev_notice[pos];
            const bool warned =
                pn >= 0 && has_command(p.steps[a.order[static_cast<std::size_t>(pn)]],
                                       command_kind::collection_warning);
            if (!warned || a.gap_deadline[pos] == no_day || a.gap_deadline[pos] < 1)
              report(k, r.rule, r.source, r.uncertain,
                     warned ? "is not triggered by after_previous_deadline_days >= 1"
                            : "is not preceded by a collection warning");
            break;
          }
          case rule_kind::b2b_only:
            if (!st.fee.amounts.empty())
              report(k, r.rule, r.source, r.uncertain, "charges a fixed compensation to consumers");
            break;
        }
      }
      // Fee caps: fixed amounts against the cap in force for claims due today's law.
      if (!st.fee.amounts.empty()) {
        const fee_kind kind = kind_of(st);
        const fee_cap_row* cap = cap_row(p.jurisdiction, s, kind, make_date(9999, 12, 31));
        if (cap) {
          for (const money& m : st.fee.amounts) {
            if (m.currency() != cap->in)
              report(k, cap->rule, cap->source, cap->uncertain,
                     "fee in " + std::string(m.currency().code()) +
                         " cannot be checked against the cap in " + std::string(cap->in.code()));
            else if (m.minor_units() > cap->minor)
              report(k, cap->rule, cap->source, cap->uncertain,
                     "fee " + to_string(m) + " exceeds the cap " + to_string(money(cap->minor, cap->in)));
          }
        }
      }
    }
  }
  return out;
}

}  // namespace kreditor::dunning
