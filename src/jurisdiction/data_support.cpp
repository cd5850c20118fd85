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

}  // namespace detail
KREDITOR_NAMESPACE_END
