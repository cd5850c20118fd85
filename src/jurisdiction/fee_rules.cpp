#include "kreditor/jurisdiction/fee_rules.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "jurisdiction/data_support.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace {

using nlohmann::json;

constexpr std::pair<legal_fee_kind, std::string_view> kind_names[] = {
    {legal_fee_kind::reminder, "reminder"},
    {legal_fee_kind::collection_notice, "collection_notice"},
    {legal_fee_kind::payment_demand, "payment_demand"},
    {legal_fee_kind::payment_plan, "payment_plan"},
    {legal_fee_kind::fixed_compensation, "fixed_compensation"},
};

money json_money(const json& v, currency c, const std::string& where) {
  const decimal d = detail::json_decimal(v, where);
  auto m = money::parse(d.to_string(), c);
  if (!m) throw error(m.error().code, where + ": " + m.error().message);
  return m.value();
}

int json_days(const json& r, const char* key, const std::string& where) {
  const auto it = r.find(key);
  if (it == r.end()) return 0;
  if (!it->is_number_integer() || it->get<std::int64_t>() < 0 || it->get<std::int64_t>() > 3650)
    throw error(errc::invalid_argument, where + "." + key + ": expected a whole number of days 0..3650");
  return it->get<int>();
}

legal_fee_rule rule_from_json(const json& r, const std::string& where) {
  if (!r.is_object()) throw error(errc::invalid_argument, where + ": a rule must be an object");
  legal_fee_rule out;
  out.id = detail::json_string(r, "id", where);
  const std::string w = where + " (" + out.id + ")";
  auto j = parse_jurisdiction(detail::json_string(r, "jurisdiction", w));
  if (!j) throw error(errc::invalid_argument, w + ".jurisdiction: " + j.error().message);
  out.where = j.value();
  if (!r.contains("segments") || !r["segments"].is_array() || r["segments"].empty())
    throw error(errc::invalid_argument, w + ".segments: a non-empty array of \"b2b\"/\"b2c\" is required");
  for (const auto& s : r["segments"]) {
    auto seg = parse_segment(s.is_string() ? s.get<std::string>() : std::string());
    if (!seg) throw error(errc::invalid_argument, w + ".segments: " + seg.error().message);
    out.segments.push_back(seg.value());
  }
  out.kind = parse_legal_fee_kind(detail::json_string(r, "kind", w)).value();
  if (!r.contains("effective_from")) throw error(errc::invalid_argument, w + ".effective_from: required");
  out.effective_from = detail::json_date(r["effective_from"], w + ".effective_from");
  if (r.contains("effective_until")) {
    out.effective_until = detail::json_date(r["effective_until"], w + ".effective_until");
    if (*out.effective_until < out.effective_from)
      throw error(errc::invalid_argument, w + ": effective_until is before effective_from");
  }
  const bool has_cap = r.contains("cap") || r.contains("cap_bands");
  currency c{};
  if (has_cap) {
    auto parsed = currency::parse(detail::json_string(r, "currency", w));
    if (!parsed) throw error(errc::invalid_argument, w + ".currency: " + parsed.error().message);
    c = parsed.value();
  }
  if (r.contains("cap")) out.caps.push_back({std::nullopt, json_money(r["cap"], c, w + ".cap")});
  if (r.contains("cap_bands")) {
    if (r.contains("cap")) throw error(errc::invalid_argument, w + ": give either cap or cap_bands");
    const json& bands = r["cap_bands"];
    for (std::size_t i = 0; i < bands.size(); ++i) {
      const std::string bw = w + ".cap_bands[" + std::to_string(i) + "]";
      cap_band b;
      if (bands[i].contains("up_to")) b.up_to = json_money(bands[i]["up_to"], c, bw + ".up_to");
      if (!bands[i].contains("cap")) throw error(errc::invalid_argument, bw + ".cap: required");
      b.cap = json_money(bands[i]["cap"], c, bw + ".cap");
      const bool last = i + 1 == bands.size();
      if (last == b.up_to.has_value())
        throw error(errc::invalid_argument, bw + ": every band but the last needs up_to, the last none");
      if (!out.caps.empty() && b.up_to && *b.up_to <= *out.caps.back().up_to)
        throw error(errc::invalid_argument, bw + ".up_to: bands must rise");
      out.caps.push_back(b);
    }
  }
  out.min_days_after_due = json_days(r, "min_days_after_due", w);
  out.min_deadline_days = json_days(r, "min_deadline_days", w);
  out.min_days_between = json_days(r, "min_days_between", w);
  if (r.contains("max_count")) out.max_count = json_days(r, "max_count", w);
  out.count_group = detail::json_string_or(r, "count_group", out.id);
  out.needs_agreement = r.value("needs_agreement", false);
  out.needs_written_notice = r.value("needs_written_notice", false);
  out.min_invoice_days_before_due = json_days(r, "min_invoice_days_before_due", w);
  out.law = detail::json_string(r, "law", w);
  out.source = detail::json_string(r, "source", w);
  out.uncertain = r.value("uncertain", false);
  out.note = detail::json_string_or(r, "note", "");
  return out;
}

std::vector<legal_fee_rule> rules_from_json(const json& doc, const std::string& who) {
  std::vector<legal_fee_rule> out;
  if (doc.is_object() && doc.contains("rules")) {
    const json& rules = doc["rules"];
    if (!rules.is_array()) throw error(errc::invalid_argument, who + ": 'rules' must be an array");
    for (std::size_t i = 0; i < rules.size(); ++i)
      out.push_back(rule_from_json(rules[i], who + " rules[" + std::to_string(i) + "]"));
  } else {
    out.push_back(rule_from_json(doc, who));
  }
  std::set<std::pair<std::string, std::int32_t>> seen;
  for (const auto& r : out)
    if (!seen.emplace(r.id, day_number(r.effective_from)).second)
      throw error(errc::conflict, who + ": two rows of " + r.id + " take effect on " + to_string(r.effective_from));
  return out;
}

template <class F>
auto capture(F&& f) -> result<decltype(f())> {
  try {
    return f();
  } catch (const error& e) {
    return failure{e.code(), e.what()};
  }
}

}  // namespace

std::string_view to_string(legal_fee_kind k) noexcept {
  for (const auto& [kind, name] : kind_names)
    if (kind == k) return name;
  return "unknown";
}

result<legal_fee_kind> parse_legal_fee_kind(std::string_view text) {
  for (const auto& [kind, name] : kind_names)
    if (name == text) return kind;
  return failure{errc::invalid_argument, "legal_fee_kind: '" + std::string(text) +
                                             "' is not reminder, collection_notice, payment_demand, "
                                             "payment_plan or fixed_compensation"};
}

std::optional<money> legal_fee_rule::cap_for(money principal) const {
  for (const auto& b : caps)
    if (!b.up_to || principal <= *b.up_to) return b.cap;  // <= throws currency_mismatch
  return std::nullopt;
}

std::optional<money> legal_fee_rule::max_cap() const {
  std::optional<money> out;
  for (const auto& b : caps) out = out ? max(*out, b.cap) : b.cap;
  return out;
}

bool legal_fee_rule::applies_to(segment s) const noexcept {
  return std::find(segments.begin(), segments.end(), s) != segments.end();
}

const legal_fee_rule* legal_rules::find(legal_fee_kind k) const noexcept {
  for (const auto& r : fees)
    if (r.kind == k) return &r;
  return nullptr;
}

const legal_fee_rule* legal_rules::find(std::string_view id) const noexcept {
  for (const auto& r : fees)
    if (r.id == id) return &r;
  return nullptr;
}

result<std::vector<legal_fee_rule>> shipped_fee_rules() {
  return capture([] {
    return rules_from_json(detail::parse_json(detail::shipped_data("fee_rules.json"), "fee_rules.json"),
                           "fee_rules.json");
  });
}

result<std::vector<legal_fee_rule>> load_fee_rules_json(std::string_view text) {
  return capture([&] { return rules_from_json(detail::parse_json(text, "fee rules JSON"), "fee rules JSON"); });
}

std::vector<legal_fee_rule> merge_fee_rules(std::span<const legal_fee_rule> base,
                                            std::span<const legal_fee_rule> overrides) {
  std::vector<legal_fee_rule> out;
  for (const auto& r : base) {
    const bool replaced = std::any_of(overrides.begin(), overrides.end(), [&](const legal_fee_rule& o) {
      return o.id == r.id && o.effective_from == r.effective_from;
    });
    if (!replaced) out.push_back(r);
  }
  out.insert(out.end(), overrides.begin(), overrides.end());
  return out;
}

legal_rules rules_for(std::span<const legal_fee_rule> all, jurisdiction j, segment s, date as_of) {
  std::map<std::string, const legal_fee_rule*> latest;  // by id, in id order: deterministic
  for (const auto& r : all) {
    if (r.where != j || !r.applies_to(s) || as_of < r.effective_from) continue;
    auto& slot = latest[r.id];
    if (!slot || slot->effective_from < r.effective_from) slot = &r;
  }
  legal_rules out{.where = j, .debtor = s, .as_of = as_of, .fees = {}};
  for (const auto& [id, r] : latest)
    if (!r->effective_until || as_of <= *r->effective_until) out.fees.push_back(*r);
  return out;
}

result<legal_rules> rules_for(jurisdiction j, segment s, date as_of) {
  auto all = shipped_fee_rules();
  if (!all) return all.error();
  return rules_for(all.value(), j, s, as_of);
}

KREDITOR_NAMESPACE_END
