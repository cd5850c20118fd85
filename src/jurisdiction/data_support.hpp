// Private helpers for the jurisdiction data files (src/data/*.json) and host-supplied JSON/CSV:
// one place that turns text fields into exact values and names the offending field on failure.
#ifndef KREDITOR_SRC_JURISDICTION_DATA_SUPPORT_HPP
#define KREDITOR_SRC_JURISDICTION_DATA_SUPPORT_HPP

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kreditor/core/decimal.hpp"
#include "kreditor/core/errc.hpp"
#include "kreditor/core/jurisdiction.hpp"
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

// The columns every legal data row shares (documents' rules, limitation): errors name `at`.
/// "jurisdiction": "NO" ...
jurisdiction json_jurisdiction(const nlohmann::json& row, const std::string& at);
/// "segments": a non-empty array of "b2b" / "b2c".
std::vector<segment> json_segments(const nlohmann::json& row, const std::string& at);
/// "effective_from" (required) and "effective_until" (optional, not before it).
std::pair<date, std::optional<date>> json_effective(const nlohmann::json& row, const std::string& at);
/// "source": a URL or an array of them, joined with " ; "; never empty.
std::string json_sources(const nlohmann::json& row, const std::string& at);

}  // namespace detail
KREDITOR_NAMESPACE_END

#endif  // KREDITOR_SRC_JURISDICTION_DATA_SUPPORT_HPP
