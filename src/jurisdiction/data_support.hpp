// Private helpers for the jurisdiction data files (src/data/*.json) and host-supplied JSON/CSV:
// one place that turns text fields into exact values and names the offending field on failure.
#ifndef KREDITOR_SRC_JURISDICTION_DATA_SUPPORT_HPP
#define KREDITOR_SRC_JURISDICTION_DATA_SUPPORT_HPP

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "kreditor/core/decimal.hpp"
#include "kreditor/core/errc.hpp"
#include "kreditor/core/rate.hpp"
#include "kreditor/time/date.hpp"

namespace kreditor::embedded {
/// The bytes of src/data/<file_name>, compiled into the library; empty if absent.
std::string_view library_data(std::string_view file_name);
}  // namespace kreditor::embedded

KREDITOR_NAMESPACE_BEGIN
namespace detail {

/// Parses JSON text; errc::invalid_argument "<who>: invalid JSON at byte N: ..." otherwise.
nlohmann::json parse_json(std::string_view text, std::string_view who);

/// The text of the shipped data file; errc::not_found if it was not compiled in.
std::string_view shipped_data(std::string_view file_name);

/// A decimal from a JSON string or integer. A JSON float is refused: it has already passed
/// through binary floating point. Errors name `where` (e.g. "rows[3].rate_percent").
decimal json_decimal(const nlohmann::json& v, const std::string& where);
/// A percent decimal string ("12.5") as a rate.
rate percent_rate(const decimal& d, const std::string& where);
rate json_percent(const nlohmann::json& v, const std::string& where);
/// A "YYYY-MM-DD" date from a JSON string.
date json_date(const nlohmann::json& v, const std::string& where);
/// A required string member.
std::string json_string(const nlohmann::json& obj, const char* key, const std::string& where);
/// An optional string member ("" when absent).
std::string json_string_or(const nlohmann::json& obj, const char* key, std::string fallback);

}  // namespace detail
KREDITOR_NAMESPACE_END

#endif  // KREDITOR_SRC_JURISDICTION_DATA_SUPPORT_HPP
