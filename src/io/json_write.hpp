// JSON text written by hand, byte for byte as nlohmann::json's dump(2) writes the same document,
// for outputs too big to build as nlohmann values first (`run --format json`: a million invoices).
//
//   std::string out;
//   io::json_writer w(out);
//   w.begin_object().key("id").string("F-1").key("paid").boolean(false).end_object();
//   // out == "{\n  \"id\": \"F-1\",\n  \"paid\": false\n}"
//
// The layout is dump(2)'s: two spaces an indentation level, "key": value, one element a line,
// empty containers as {} and []. Keys are written in the order given: nlohmann::json keeps an
// object's keys sorted (std::map), so callers give them in that order (a Debug build checks).
// Strings are escaped as dump escapes them (append_json_string).
#ifndef KREDITOR_SRC_IO_JSON_WRITE_HPP
#define KREDITOR_SRC_IO_JSON_WRITE_HPP

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "kreditor/config.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace io {

/// Appends `s` to `out` as a JSON string, quoted and escaped as nlohmann's dump does (with its
/// defaults, ensure_ascii off): `"` and `\` with a backslash, the control characters below
/// 0x20 as \b \t \n \f \r or \u00xx (lower-case hex), everything else, UTF-8 included, as it is.
/// \throws error(invalid_argument) if `s` is not well-formed UTF-8 (dump throws its
/// type_error 316 there); `out` then holds a partial string.
void append_json_string(std::string& out, std::string_view s);

/// A JSON value written into a string as dump(2) lays it out; see the file comment. Every call
/// appends to the string given at construction, so the caller may move its text elsewhere
/// (and clear it) between values.
class json_writer {
 public:
  /// Writes into `out`; `depth` is the indentation level of the first value (nested that deep
  /// in a document written by other means).
  explicit json_writer(std::string& out, int depth = 0) : out_(out), depth_(depth) {}

  json_writer& begin_object();
  json_writer& end_object();
  json_writer& begin_array();
  json_writer& end_array();
  /// The next member's key, in an object; its value follows.
  json_writer& key(std::string_view k);
  json_writer& string(std::string_view s);
  json_writer& integer(std::int64_t n);
  json_writer& boolean(bool b);
  json_writer& null();

 private:
  struct open_container {
    bool object = false;
    bool empty = true;
    std::string last_key;  ///< keys must ascend, as nlohmann::json's do (checked unless NDEBUG)
  };
  /// Before a value: in an array, the separator and indentation its element needs.
  void element();
  void newline_indent(std::size_t level);

  std::string& out_;
  int depth_;
  std::vector<open_container> open_;
};

}  // namespace io
KREDITOR_NAMESPACE_END

#endif  // KREDITOR_SRC_IO_JSON_WRITE_HPP
