#include "io/json_write.hpp"

#include <array>
#include <cassert>
#include <charconv>
#include <cstdio>

#include "io/csv.hpp"
#include "kreditor/core/errc.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace io {
namespace {

[[noreturn]] void not_utf8(std::string_view s, std::size_t i) {
  char byte[8];
  std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned>(static_cast<unsigned char>(s[i])));
  throw error(errc::invalid_argument, "JSON output: text is not valid UTF-8 (byte " + std::string(byte) +
                                          " at offset " + std::to_string(i) + " of " + std::to_string(s.size()) +
                                          ")");
}

/// What a byte needs in a JSON string: nothing (printable ASCII), an escape (`"`, `\`, the
/// control characters) or, from a byte >= 0x80 on, the UTF-8 check.
enum class byte_kind : unsigned char { plain, escape, non_ascii };
constexpr std::array<byte_kind, 256> byte_kinds = [] {
  std::array<byte_kind, 256> t{};
  for (std::size_t b = 0; b < t.size(); ++b)
    t[b] = b < 0x20 || b == '"' || b == '\\' ? byte_kind::escape : b >= 0x80 ? byte_kind::non_ascii : byte_kind::plain;
  return t;
}();

}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  static constexpr char hex[] = "0123456789abcdef";
  out += '"';
  std::size_t plain = 0;  // the start of the bytes not yet copied
  bool utf8_checked = false;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const byte_kind kind = byte_kinds[c];
    if (kind == byte_kind::plain) {
      ++i;
      continue;
    }
    if (kind == byte_kind::non_ascii) {
      // The rest checked once, from the first byte that is not ASCII: well-formed UTF-8 (no
      // overlong forms, surrogates or code points above U+10FFFF) is what dump accepts.
      if (!utf8_checked) {
        if (const std::size_t bad = first_invalid_utf8(s.substr(i)); bad != std::string_view::npos) not_utf8(s, i + bad);
        utf8_checked = true;
      }
      ++i;
      continue;
    }
    out.append(s.data() + plain, i - plain);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\f': out += "\\f"; break;
      case '\r': out += "\\r"; break;
      default: {
        const char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 0xF]};
        out.append(u, sizeof u);
      }
    }
    plain = ++i;
  }
  out.append(s.data() + plain, s.size() - plain);
  out += '"';
}

void json_writer::newline_indent(std::size_t level) {
  static constexpr std::string_view line_start =
      "\n                                                                ";  // 64 spaces
  if (2 * level < line_start.size()) {
    out_.append(line_start.data(), 1 + 2 * level);
  } else {
    out_ += '\n';
    out_.append(2 * level, ' ');
  }
}

void json_writer::element() {
  if (open_.empty() || open_.back().object) return;  // a member's value follows its key
  if (!open_.back().empty) out_ += ',';
  open_.back().empty = false;
  newline_indent(static_cast<std::size_t>(depth_) + open_.size());
}

json_writer& json_writer::begin_object() {
  element();
  out_ += '{';
  open_.push_back({});
  open_.back().object = true;
  return *this;
}

json_writer& json_writer::begin_array() {
  element();
  out_ += '[';
  open_.push_back({});
  return *this;
}

json_writer& json_writer::end_object() {
  assert(!open_.empty() && open_.back().object);
  const bool empty = open_.back().empty;
  open_.pop_back();
  if (!empty) newline_indent(static_cast<std::size_t>(depth_) + open_.size());
  out_ += '}';
  return *this;
}

json_writer& json_writer::end_array() {
  assert(!open_.empty() && !open_.back().object);
  const bool empty = open_.back().empty;
  open_.pop_back();
  if (!empty) newline_indent(static_cast<std::size_t>(depth_) + open_.size());
  out_ += ']';
  return *this;
}

json_writer& json_writer::key(std::string_view k) {
  assert(!open_.empty() && open_.back().object);
  open_container& o = open_.back();
#ifndef NDEBUG
  assert((o.empty || o.last_key < k) && "keys in nlohmann::json's (sorted) order, each once");
  o.last_key = k;
#endif
  if (!o.empty) out_ += ',';
  o.empty = false;
  newline_indent(static_cast<std::size_t>(depth_) + open_.size());
  append_json_string(out_, k);
  out_ += ": ";
  return *this;
}

json_writer& json_writer::string(std::string_view s) {
  element();
  append_json_string(out_, s);
  return *this;
}

json_writer& json_writer::integer(std::int64_t n) {
  element();
  char text[24];
  const auto end = std::to_chars(text, text + sizeof text, n).ptr;
  out_.append(text, end);
  return *this;
}

json_writer& json_writer::boolean(bool b) {
  element();
  out_ += b ? "true" : "false";
  return *this;
}

json_writer& json_writer::null() {
  element();
  out_ += "null";
  return *this;
}

}  // namespace io
KREDITOR_NAMESPACE_END
