// Dunning policies from and to JSON (schema in kreditor/io/policy_json.hpp).
#include "kreditor/io/policy_json.hpp"

#include <algorithm>
#include <initializer_list>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>

#include "io/json_text.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace {

using json = nlohmann::json;
using namespace dunning;

struct bad_policy {
  errc code;
  std::string message;
};

[[noreturn]] void fail(const std::string& path, const std::string& what, errc code = errc::invalid_argument) {
  throw bad_policy{code, "policy JSON: " + (path.empty() ? std::string("/") : path) + ": " + what};
}

std::string key_path(const std::string& path, std::string_view key) {
  std::string escaped;
  for (char c : key) {
    if (c == '~') escaped += "~0";
    else if (c == '/') escaped += "~1";
    else escaped += c;
  }
  return path + "/" + escaped;
}

const json& object(const json& j, const std::string& path) {
  if (!j.is_object()) fail(path, "must be an object");
  return j;
}

void only_keys(const json& j, const std::string& path, std::initializer_list<std::string_view> allowed) {
  for (const auto& [key, value] : j.items()) {
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    std::string list;
    for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    fail(key_path(path, key), "unknown key (expected one of: " + list + ")");
  }
}

const json* find(const json& j, std::string_view key) {
  const auto it = j.find(key);
  return it == j.end() ? nullptr : &*it;
}

std::string string_of(const json& j, const std::string& path) {
  if (!j.is_string()) fail(path, "must be a string");
  return j.get<std::string>();
}

std::int32_t days_of(const json& j, const std::string& path) {
  if (!j.is_number_integer()) fail(path, "must be an integer number of days");
  const auto v = j.get<std::int64_t>();
  if (v < -3660 || v > 3660) fail(path, std::to_string(v) + " is outside -3660..3660");
  return static_cast<std::int32_t>(v);
}

std::vector<money> amounts_of(const json& j, const std::string& path) {
  object(j, path);
  std::vector<money> out;
  for (const auto& [code, value] : j.items()) {
    const std::string p = key_path(path, code);
    const auto c = currency::parse(code);
    if (!c) fail(p, c.error().message);
    if (!value.is_string()) fail(p, "must be a decimal string such as \"35.00\" (not a JSON number)");
    const auto m = money::parse(value.get<std::string>(), *c);
    if (!m) fail(p, m.error().message, m.error().code == errc::precision_loss ? errc::invalid_argument : m.error().code);
    if (m->is_negative()) fail(p, "must not be negative");
    out.push_back(*m);
  }
  if (out.empty()) fail(path, "names no currency");
  return out;
}

void commands_of(const json& j, const std::string& path, std::vector<command_kind>& kinds,
                 std::vector<std::string>& customs) {
  if (!j.is_array() || j.empty()) fail(path, "must be a non-empty array of command names");
  for (std::size_t i = 0; i < j.size(); ++i) {
    const std::string p = path + "/" + std::to_string(i);
    const std::string name = string_of(j[i], p);
    if (name.rfind("custom:", 0) == 0) {
      if (name.size() == 7) fail(p, "custom command needs a name after 'custom:'");
      customs.push_back(name.substr(7));
      continue;
    }
    const auto k = parse_command_kind(name);
    if (!k) fail(p, k.error().message);
    kinds.push_back(*k);
  }
}

trigger trigger_of(const json& j, const std::string& path) {
  object(j, path);
  only_keys(j, path, {"after_due_days", "before_due_days", "after_invoice_days",
                      "after_previous_notice_days", "after_previous_deadline_days"});
  trigger t;
  if (const json* v = find(j, "after_due_days")) t.after_due_days = days_of(*v, path + "/after_due_days");
  if (const json* v = find(j, "before_due_days")) {
    if (t.after_due_days) fail(path + "/before_due_days", "give either after_due_days or before_due_days", errc::conflict);
    t.after_due_days = -days_of(*v, path + "/before_due_days");
  }
  if (const json* v = find(j, "after_invoice_days")) t.after_invoice_days = days_of(*v, path + "/after_invoice_days");
  if (const json* v = find(j, "after_previous_notice_days"))
    t.after_previous_notice_days = days_of(*v, path + "/after_previous_notice_days");
  if (const json* v = find(j, "after_previous_deadline_days"))
    t.after_previous_deadline_days = days_of(*v, path + "/after_previous_deadline_days");
  for (const auto& [key, value] : j.items())
    if (key != "after_due_days" && key != "before_due_days" && value.is_number_integer() && value.get<std::int64_t>() < 0)
      fail(key_path(path, key), "must not be negative");
  if (j.empty()) fail(path, "needs at least one anchor");
  return t;
}

fee_spec fee_of(const json& j, const std::string& path) {
  if (j.is_string()) {
    const std::string s = j.get<std::string>();
    if (s == "none") return fee_spec::none();
    if (s == "statutory") return fee_spec::statutory_cap();
    fail(path, "'" + s + "' is not none, statutory or an object of amounts per currency");
  }
  return fee_spec::fixed(amounts_of(j, path));
}

policy_step step_of(const json& j, const std::string& path) {
  object(j, path);
  only_keys(j, path, {"name", "trigger", "commands", "deadline_days", "fee", "fee_kind", "segment",
                      "minimum_open", "bands", "guards", "if_not_met", "late_window_days",
                      "fee_min_invoice_lead_days"});
  policy_step st;
  const json* name = find(j, "name");
  if (!name) fail(path + "/name", "is required");
  st.name = string_of(*name, path + "/name");
  if (st.name.empty()) fail(path + "/name", "is empty");
  const json* tr = find(j, "trigger");
  if (!tr) fail(path + "/trigger", "is required");
  st.trigger = trigger_of(*tr, path + "/trigger");
  const json* cmds = find(j, "commands");
  if (!cmds) fail(path + "/commands", "is required");
  commands_of(*cmds, path + "/commands", st.commands, st.custom_commands);
  if (const json* v = find(j, "deadline_days")) {
    st.deadline_days = days_of(*v, path + "/deadline_days");
    if (*st.deadline_days < 0) fail(path + "/deadline_days", "must not be negative");
  }
  if (const json* v = find(j, "fee")) st.fee = fee_of(*v, path + "/fee");
  if (const json* v = find(j, "fee_kind")) {
    const std::string s = string_of(*v, path + "/fee_kind");
    if (s == "reminder") st.fee_kind = fee_kind::reminder;
    else if (s == "collection") st.fee_kind = fee_kind::collection;
    else if (s == "compensation") st.fee_kind = fee_kind::compensation;
    else fail(path + "/fee_kind", "'" + s + "' is not reminder, collection or compensation");
  }
  if (const json* v = find(j, "segment")) {
    const auto s = parse_segment(string_of(*v, path + "/segment"));
    if (!s) fail(path + "/segment", s.error().message);
    st.segment = *s;
  }
  if (const json* v = find(j, "minimum_open")) st.minimum_open = amounts_of(*v, path + "/minimum_open");
  if (const json* v = find(j, "bands")) {
    if (!v->is_array()) fail(path + "/bands", "must be an array");
    for (std::size_t b = 0; b < v->size(); ++b) {
      const std::string bp = path + "/bands/" + std::to_string(b);
      const json& band = object((*v)[b], bp);
      only_keys(band, bp, {"from", "commands"});
      amount_band ab;
      const json* from = find(band, "from");
      if (!from) fail(bp + "/from", "is required");
      ab.from = amounts_of(*from, bp + "/from");
      const json* bc = find(band, "commands");
      if (!bc) fail(bp + "/commands", "is required");
      commands_of(*bc, bp + "/commands", ab.commands, ab.custom_commands);
      st.bands.push_back(std::move(ab));
    }
  }
  if (const json* v = find(j, "guards")) {
    if (!v->is_array()) fail(path + "/guards", "must be an array of guard names");
    for (std::size_t g = 0; g < v->size(); ++g) st.guards.push_back(string_of((*v)[g], path + "/guards/" + std::to_string(g)));
  }
  if (const json* v = find(j, "if_not_met")) {
    const std::string s = string_of(*v, path + "/if_not_met");
    if (s == "skip") st.if_not_met = dunning::if_not_met::skip;
    else if (s == "wait") st.if_not_met = dunning::if_not_met::wait;
    else fail(path + "/if_not_met", "'" + s + "' is neither skip nor wait");
  }
  if (const json* v = find(j, "late_window_days")) {
    st.late_window_days = days_of(*v, path + "/late_window_days");
    if (*st.late_window_days < 0) fail(path + "/late_window_days", "must not be negative");
  }
  if (const json* v = find(j, "fee_min_invoice_lead_days")) {
    st.fee_min_invoice_lead_days = days_of(*v, path + "/fee_min_invoice_lead_days");
    if (*st.fee_min_invoice_lead_days < 0) fail(path + "/fee_min_invoice_lead_days", "must not be negative");
  }
  return st;
}

std::vector<command_kind> plain_commands(const json& j, const std::string& path) {
  std::vector<command_kind> kinds;
  std::vector<std::string> customs;
  commands_of(j, path, kinds, customs);
  if (!customs.empty()) fail(path, "custom commands are not supported here");
  return kinds;
}

policy policy_of(const json& j) {
  object(j, "");
  only_keys(j, "", {"name", "jurisdiction", "reminder_fee_agreement", "interest", "minimum_open",
                    "installment_grace_days", "steps", "on_broken_promise", "on_broken_plan"});
  policy p;
  const json* name = find(j, "name");
  if (!name) fail("/name", "is required");
  p.name = string_of(*name, "/name");
  if (p.name.empty()) fail("/name", "is empty");
  const json* jur = find(j, "jurisdiction");
  if (!jur) fail("/jurisdiction", "is required");
  const auto jd = parse_jurisdiction(string_of(*jur, "/jurisdiction"));
  if (!jd) fail("/jurisdiction", jd.error().message + " (expected NO, SE, DK, FI or EU)");
  p.jurisdiction = *jd;
  if (const json* v = find(j, "reminder_fee_agreement")) {
    const std::string s = string_of(*v, "/reminder_fee_agreement");
    if (s == "per_invoice") p.reminder_fee_agreement = fee_agreement::per_invoice;
    else if (s == "always") p.reminder_fee_agreement = fee_agreement::always;
    else if (s == "never") p.reminder_fee_agreement = fee_agreement::never;
    else fail("/reminder_fee_agreement", "'" + s + "' is not per_invoice, always or never");
  }
  if (const json* v = find(j, "interest")) {
    if (v->is_string()) {
      const std::string s = v->get<std::string>();
      if (s == "none") p.interest = interest_mode::none;
      else if (s == "statutory") p.interest = interest_mode::statutory;
      else fail("/interest", "'" + s + "' is not none, statutory or {\"rate\": \"8%\"}");
    } else {
      object(*v, "/interest");
      only_keys(*v, "/interest", {"rate"});
      const json* r = find(*v, "rate");
      if (!r) fail("/interest/rate", "is required");
      const auto parsed = rate::parse(string_of(*r, "/interest/rate"));
      if (!parsed) fail("/interest/rate", parsed.error().message);
      p.interest = interest_mode::fixed;
      p.interest_rate = *parsed;
    }
  }
  if (const json* v = find(j, "minimum_open")) p.minimum_open = amounts_of(*v, "/minimum_open");
  if (const json* v = find(j, "installment_grace_days")) {
    p.installment_grace_days = days_of(*v, "/installment_grace_days");
    if (p.installment_grace_days < 0) fail("/installment_grace_days", "must not be negative");
  }
  if (const json* v = find(j, "on_broken_promise")) p.on_broken_promise = plain_commands(*v, "/on_broken_promise");
  if (const json* v = find(j, "on_broken_plan")) p.on_broken_plan = plain_commands(*v, "/on_broken_plan");
  const json* steps = find(j, "steps");
  if (!steps) fail("/steps", "is required");
  if (!steps->is_array() || steps->empty()) fail("/steps", "must be a non-empty array");
  for (std::size_t i = 0; i < steps->size(); ++i) p.steps.push_back(step_of((*steps)[i], "/steps/" + std::to_string(i)));
  return p;
}

json amounts_json(const std::vector<money>& list) {
  json o = json::object();
  for (const money& m : list) o[std::string(m.currency().code())] = to_string(m);
  return o;
}

json commands_json(const std::vector<command_kind>& kinds, const std::vector<std::string>& customs) {
  json a = json::array();
  for (command_kind k : kinds) a.push_back(std::string(to_string(k)));
  for (const std::string& c : customs) a.push_back("custom:" + c);
  return a;
}

}  // namespace

result<dunning::policy> parse_policy_json(std::string_view text, const dunning::extensions& ext) {
  try {
    // Strict: out-of-range numbers and duplicate keys are refused, not thrown or kept silently.
    const json j = io::parse_json_strict(text, "policy JSON");
    policy p = policy_of(j);
    (void)dunning::compile(p, ext);  // order, names and the law of its jurisdiction
    return p;
  } catch (const bad_policy& e) {
    return failure{e.code, e.message};
  } catch (const error& e) {
    return failure{e.code(), e.what()};
  }
}

std::string to_json(const dunning::policy& p) {
  json j;
  j["name"] = p.name;
  j["jurisdiction"] = std::string(to_string(p.jurisdiction));
  j["reminder_fee_agreement"] = p.reminder_fee_agreement == fee_agreement::per_invoice ? "per_invoice"
                                : p.reminder_fee_agreement == fee_agreement::always    ? "always"
                                                                                        : "never";
  if (p.interest == interest_mode::fixed)
    j["interest"] = json{{"rate", p.interest_rate.percent_string() + "%"}};
  else
    j["interest"] = p.interest == interest_mode::statutory ? "statutory" : "none";
  if (!p.minimum_open.empty()) j["minimum_open"] = amounts_json(p.minimum_open);
  if (p.installment_grace_days != 0) j["installment_grace_days"] = p.installment_grace_days;
  if (!p.on_broken_promise.empty()) j["on_broken_promise"] = commands_json(p.on_broken_promise, {});
  if (!p.on_broken_plan.empty()) j["on_broken_plan"] = commands_json(p.on_broken_plan, {});
  json steps = json::array();
  for (const policy_step& st : p.steps) {
    json s;
    s["name"] = st.name;
    json t = json::object();
    if (st.trigger.after_due_days) t["after_due_days"] = *st.trigger.after_due_days;
    if (st.trigger.after_invoice_days) t["after_invoice_days"] = *st.trigger.after_invoice_days;
    if (st.trigger.after_previous_notice_days) t["after_previous_notice_days"] = *st.trigger.after_previous_notice_days;
    if (st.trigger.after_previous_deadline_days)
      t["after_previous_deadline_days"] = *st.trigger.after_previous_deadline_days;
    s["trigger"] = t;
    s["commands"] = commands_json(st.commands, st.custom_commands);
    if (st.deadline_days) s["deadline_days"] = *st.deadline_days;
    if (st.fee.statutory) s["fee"] = "statutory";
    else if (!st.fee.amounts.empty()) s["fee"] = amounts_json(st.fee.amounts);
    if (st.fee_kind) s["fee_kind"] = std::string(to_string(*st.fee_kind));
    if (st.segment) s["segment"] = std::string(to_string(*st.segment));
    if (!st.minimum_open.empty()) s["minimum_open"] = amounts_json(st.minimum_open);
    if (!st.bands.empty()) {
      json bands = json::array();
      for (const amount_band& b : st.bands)
        bands.push_back(json{{"from", amounts_json(b.from)}, {"commands", commands_json(b.commands, b.custom_commands)}});
      s["bands"] = bands;
    }
    if (!st.guards.empty()) s["guards"] = st.guards;
    if (st.if_not_met) s["if_not_met"] = std::string(to_string(*st.if_not_met));
    if (st.late_window_days) s["late_window_days"] = *st.late_window_days;
    if (st.fee_min_invoice_lead_days) s["fee_min_invoice_lead_days"] = *st.fee_min_invoice_lead_days;
    steps.push_back(s);
  }
  j["steps"] = steps;
  return j.dump(2);
}

KREDITOR_NAMESPACE_END
