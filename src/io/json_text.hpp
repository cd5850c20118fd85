// Strict JSON text for every file kreditor reads (policies, JSON ledgers, state files, the
// rate-table and fee-rule data): one parser, so that every reader refuses the same things with
// the same kind of message, and none lets an nlohmann exception escape a result<> API.
//
//   nlohmann::json j = io::parse_json_strict(text, "policy.json");  // throws kreditor::error
//
// Refused, as error(errc::invalid_argument) unless noted, the message starting with `who`:
//   - text that is not JSON, or not UTF-8:  "who:LINE:COLUMN: not valid JSON (...)"
//   - a number beyond double's range (1e999): errc::out_of_range, "who:LINE:COLUMN: the number
//     1e999 is out of range"  (nlohmann throws out_of_range.406 for it, not a parse_error)
//   - a key twice in one object (nlohmann keeps the last silently): "who: /steps/1: key "name"
//     appears twice ..." (the object's JSON pointer)
#ifndef KREDITOR_SRC_IO_JSON_TEXT_HPP
#define KREDITOR_SRC_IO_JSON_TEXT_HPP

#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "kreditor/config.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace io {

/// Parses `text` as described above; `who` (a file name) starts every message.
[[nodiscard]] nlohmann::json parse_json_strict(std::string_view text, std::string_view who);

/// "who:LINE:COLUMN" of byte offset `at` (0-based) of `text`; column counted in bytes from 1.
[[nodiscard]] std::string text_location(std::string_view text, std::size_t at, std::string_view who);

}  // namespace io
KREDITOR_NAMESPACE_END

#endif  // KREDITOR_SRC_IO_JSON_TEXT_HPP
