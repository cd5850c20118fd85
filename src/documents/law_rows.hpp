// Private: the reader of the law's tables of documents (notice_requirements.json,
// limitation.json): rows in a versioned format, each with an id, jurisdiction, segments and
// effective dates first, and its law, sources, uncertainty flag and note last. One reader, so
// both tables refuse the same mistakes with the same words.
#ifndef KREDITOR_SRC_DOCUMENTS_LAW_ROWS_HPP
#define KREDITOR_SRC_DOCUMENTS_LAW_ROWS_HPP

#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "jurisdiction/data_support.hpp"
#include "kreditor/core/result.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace detail {

/// The rows of `doc` ("format": `format`, `array_key`: [...]) read by `read(row, where)`, where
/// `where` is "<who>: <array_key>[i]". \throws error(invalid_argument) naming `who`.
template <class Row, class Read>
std::vector<Row> law_rows(const nlohmann::json& doc, const std::string& who, std::string_view format,
                          const std::string& array_key, Read read) {
  if (!doc.is_object() || json_string_or(doc, "format", "") != format)
    throw error(errc::invalid_argument, who + ": format: \"" + std::string(format) + "\" expected");
  if (!doc.contains(array_key) || !doc[array_key].is_array())
    throw error(errc::invalid_argument, who + ": " + array_key + ": an array expected");
  std::vector<Row> out;
  const nlohmann::json& rows = doc[array_key];
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::string where = who + ": " + array_key + "[" + std::to_string(i) + "]";
    if (!rows[i].is_object()) throw error(errc::invalid_argument, where + ": an object expected");
    out.push_back(read(rows[i], where));
  }
  return out;
}

/// Reads a row's head into `q` (id, jurisdiction, segments, effective_from/until) and returns
/// the name of the row in messages: "<where> (<id>)".
template <class Row>
std::string read_row_head(Row& q, const nlohmann::json& r, const std::string& where) {
  q.id = json_string(r, "id", where);
  std::string at = where + " (" + q.id + ")";
  q.jurisdiction = json_jurisdiction(r, at);
  q.segments = json_segments(r, at);
  std::tie(q.effective_from, q.effective_until) = json_effective(r, at);
  return at;
}

/// Reads a row's provenance into `q`: law (required), source (required), uncertain (true or
/// false, required), note (optional).
template <class Row>
void read_provenance(Row& q, const nlohmann::json& r, const std::string& at) {
  q.law = json_string(r, "law", at);
  q.source = json_sources(r, at);
  if (!r.contains("uncertain") || !r["uncertain"].is_boolean())
    throw error(errc::invalid_argument, at + ".uncertain: true or false expected");
  q.uncertain = r["uncertain"].get<bool>();
  q.note = json_string_or(r, "note", "");
}

/// `read(parsed text)` as a result: the error it throws, or a JSON type error, named `who`.
template <class Read>
auto loaded_rows(std::string_view text, const std::string& who, Read read) -> result<decltype(read(nlohmann::json()))> {
  try {
    return read(parse_json(text, who));
  } catch (const error& e) {
    return failure{e.code(), e.what()};
  } catch (const nlohmann::json::exception& e) {
    return failure{errc::invalid_argument, who + ": " + e.what()};
  }
}

}  // namespace detail
KREDITOR_NAMESPACE_END

#endif  // KREDITOR_SRC_DOCUMENTS_LAW_ROWS_HPP
