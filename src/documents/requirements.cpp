#include "kreditor/documents/requirements.hpp"

#include <algorithm>
#include <tuple>

#include <nlohmann/json.hpp>

#include "documents/law_rows.hpp"

KREDITOR_NAMESPACE_BEGIN

namespace {

using nlohmann::json;

std::vector<notice_requirement> rules_from_json(const json& doc, const std::string& who) {
  return detail::law_rows<notice_requirement>(doc, who, "kreditor.notice_requirements/1", "rules",
                                              [](const json& r, const std::string& where) {
    notice_requirement q;
    const std::string at = detail::read_row_head(q, r, where);
    auto kind = parse_document_kind(detail::json_string(r, "kind", at));
    if (!kind) throw error(kind.error().code, at + ".kind: " + kind.error().message);
    q.kind = kind.value();
    if (!r.contains("elements") || !r["elements"].is_array())
      throw error(errc::invalid_argument, at + ".elements: an array expected");
    for (std::size_t k = 0; k < r["elements"].size(); ++k) {
      const json& e = r["elements"][k];
      const std::string ew = at + ".elements[" + std::to_string(k) + "]";
      if (!e.is_string()) throw error(errc::invalid_argument, ew + ": a string expected");
      auto el = parse_element(e.get<std::string>());
      if (!el) throw error(el.error().code, ew + ": " + el.error().message);
      q.elements.push_back(el.value());
    }
    if (r.contains("min_deadline_days") && !r["min_deadline_days"].is_null()) {
      if (!r["min_deadline_days"].is_number_integer() || r["min_deadline_days"].get<std::int64_t>() < 0 ||
          r["min_deadline_days"].get<std::int64_t>() > 366)
        throw error(errc::invalid_argument, at + ".min_deadline_days: a whole number of days 0..366 expected");
      q.min_deadline_days = r["min_deadline_days"].get<int>();
    }
    q.deadline_basis = detail::json_string_or(r, "deadline_basis", "");
    if (r.contains("other_requirements")) {
      if (!r["other_requirements"].is_array())
        throw error(errc::invalid_argument, at + ".other_requirements: an array of strings expected");
      for (const json& t : r["other_requirements"]) {
        if (!t.is_string()) throw error(errc::invalid_argument, at + ".other_requirements: strings expected");
        q.other_requirements.push_back(t.get<std::string>());
      }
    }
    if (r.contains("conditional_elements")) {
      const json& c = r["conditional_elements"];
      if (!c.is_object()) throw error(errc::invalid_argument, at + ".conditional_elements: an object expected");
      for (const auto& [name, condition] : c.items()) {
        auto el = parse_element(name);
        if (!el) throw error(el.error().code, at + ".conditional_elements: " + el.error().message);
        if (!condition.is_string() || condition.get<std::string>().empty())
          throw error(errc::invalid_argument, at + ".conditional_elements." + name + ": the condition as text expected");
        q.conditional_elements.emplace_back(el.value(), condition.get<std::string>());
      }
    }
    detail::read_provenance(q, r, at);
    return q;
  });
}

}  // namespace

const std::vector<notice_requirement>& shipped_notice_requirements() {
  static const std::vector<notice_requirement> rules = rules_from_json(
      detail::parse_json(detail::shipped_data("notice_requirements.json"), "notice_requirements.json"),
      "notice_requirements.json");
  return rules;
}

result<std::vector<notice_requirement>> load_notice_requirements_json(std::string_view text) {
  return detail::loaded_rows(text, "notice_requirements",
                             [](const json& doc) { return rules_from_json(doc, "notice_requirements"); });
}

std::vector<const notice_requirement*> requirements_for(std::span<const notice_requirement> rules, jurisdiction j,
                                                        segment s, document_kind kind, date on) {
  // Rows sharing an id are versions of one rule: the latest in force on `on` applies.
  std::vector<const notice_requirement*> out;
  for (const notice_requirement& r : rules) {
    if (r.jurisdiction != j || r.kind != kind || on < r.effective_from) continue;
    if (r.effective_until && *r.effective_until < on) continue;
    bool segment_ok = false;
    for (segment x : r.segments) segment_ok = segment_ok || x == s;
    if (!segment_ok) continue;
    auto same = std::find_if(out.begin(), out.end(), [&](const notice_requirement* o) { return o->id == r.id; });
    if (same == out.end()) out.push_back(&r);
    else if ((*same)->effective_from < r.effective_from) *same = &r;
  }
  return out;
}

KREDITOR_NAMESPACE_END
