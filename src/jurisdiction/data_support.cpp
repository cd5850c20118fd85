#include "jurisdiction/data_support.hpp"

#include "io/json_text.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace detail {

nlohmann::json parse_json(std::string_view text, std::string_view who) {
  return io::parse_json_strict(text, who);  // strict: out-of-range numbers, duplicate keys
}

std::string_view shipped_data(std::string_view file_name) {
  const std::string_view text = embedded::library_data(file_name);
  if (text.empty())
    throw error(errc::not_found, "data: '" + std::string(file_name) + "' is not compiled into the library");
  return text;
}

decimal json_decimal(const nlohmann::json& v, const std::string& where) {
  if (v.is_string()) {
    auto d = decimal::parse(v.get<std::string>());
    if (!d) throw error(d.error().code, where + ": " + d.error().message);
    return d.value();
  }
  if (v.is_number_integer()) return decimal::integer(v.get<std::int64_t>());
  if (v.is_number_float())
    throw error(errc::invalid_argument,
                where + ": write the number as a decimal string (\"12.25\"), not a JSON float");
  throw error(errc::invalid_argument, where + ": expected a decimal string");
}

rate percent_rate(const decimal& d, const std::string& where) {
  auto r = rate::from_percent(d);
  if (!r) throw error(r.error().code, where + ": " + r.error().message);
  return r.value();
}

rate json_percent(const nlohmann::json& v, const std::string& where) {
  return percent_rate(json_decimal(v, where), where);
}

date json_date(const nlohmann::json& v, const std::string& where) {
  if (!v.is_string()) throw error(errc::invalid_argument, where + ": expected a \"YYYY-MM-DD\" string");
  auto d = parse_date(v.get<std::string>());
  if (!d) throw error(d.error().code, where + ": " + d.error().message);
  return d.value();
}

std::string json_string(const nlohmann::json& obj, const char* key, const std::string& where) {
  const auto it = obj.find(key);
  if (it == obj.end() || !it->is_string() || it->get<std::string>().empty())
    throw error(errc::invalid_argument, where + "." + key + ": a non-empty string is required");
  return it->get<std::string>();
}

std::string json_string_or(const nlohmann::json& obj, const char* key, std::string fallback) {
  const auto it = obj.find(key);
  if (it == obj.end() || !it->is_string()) return fallback;
  return it->get<std::string>();
}

jurisdiction json_jurisdiction(const nlohmann::json& row, const std::string& at) {
  const result<jurisdiction> j = parse_jurisdiction(json_string(row, "jurisdiction", at));
  if (!j) throw error(errc::invalid_argument, at + ".jurisdiction: " + j.error().message);
  return j.value();
}

std::vector<segment> json_segments(const nlohmann::json& row, const std::string& at) {
  if (!row.contains("segments") || !row["segments"].is_array() || row["segments"].empty())
    throw error(errc::invalid_argument, at + ".segments: a non-empty array of \"b2b\"/\"b2c\" expected");
  std::vector<segment> out;
  for (const nlohmann::json& s : row["segments"]) {
    if (!s.is_string()) throw error(errc::invalid_argument, at + ".segments: strings expected");
    const result<segment> seg = parse_segment(s.get<std::string>());
    if (!seg) throw error(errc::invalid_argument, at + ".segments: " + seg.error().message);
    out.push_back(seg.value());
  }
  return out;
}

std::pair<date, std::optional<date>> json_effective(const nlohmann::json& row, const std::string& at) {
  if (!row.contains("effective_from")) throw error(errc::invalid_argument, at + ".effective_from: required");
  const date from = json_date(row["effective_from"], at + ".effective_from");
  std::optional<date> until;
  if (row.contains("effective_until") && !row["effective_until"].is_null())
    until = json_date(row["effective_until"], at + ".effective_until");
  if (until && *until < from) throw error(errc::invalid_argument, at + ": effective_until before effective_from");
  return {from, until};
}

std::string json_sources(const nlohmann::json& row, const std::string& at) {
  std::string out;
  if (row.contains("source") && row["source"].is_array()) {
    for (const nlohmann::json& u : row["source"]) {
      if (!u.is_string()) throw error(errc::invalid_argument, at + ".source: strings expected");
      out += (out.empty() ? "" : " ; ") + u.get<std::string>();
    }
  } else {
    out = json_string_or(row, "source", "");
  }
  if (out.empty()) throw error(errc::invalid_argument, at + ".source: every rule needs its source");
  return out;
}

}  // namespace detail
KREDITOR_NAMESPACE_END
