// io::append_json_string and io::json_writer against nlohmann's own dump: the hand-written JSON
// of `run --format json` must be the bytes dump(2) writes. Differential tests over random
// strings (quotes, backslashes, every control character, multi-byte UTF-8, invalid bytes) and
// random documents (nesting, empty containers, integers at their limits).
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <string_view>

#include "../../../src/io/json_write.hpp"
#include "kreditor/core/errc.hpp"
#include "support/errors.hpp"

namespace kreditor {
namespace {

using nlohmann::json;
using test_support::thrown_code;

std::string escaped(std::string_view s) {
  std::string out;
  io::append_json_string(out, s);
  return out;
}

TEST(JsonString, EscapesAsDumpDoes) {
  using namespace std::string_view_literals;
  const std::pair<std::string_view, std::string_view> cases[] = {
      {""sv, "\"\""sv},
      {"plain"sv, "\"plain\""sv},
      {"a\"b\\c/d"sv, "\"a\\\"b\\\\c/d\""sv},
      {"\b\t\n\f\r"sv, "\"\\b\\t\\n\\f\\r\""sv},
      {"\0\x01\x1f\x7f"sv, "\"\\u0000\\u0001\\u001f\x7f\""sv},  // DEL as it is
      {"Rørlegger 😀"sv, "\"Rørlegger 😀\""sv},                // UTF-8 as it is
  };
  for (const auto& [text, json_text] : cases) EXPECT_EQ(escaped(text), json_text) << json_text;
}

// Every code point's UTF-8, every control character and the two escaped ASCII characters, one
// at a time: the same text as dump, and no exception where dump throws none.
TEST(JsonString, EveryCodePointAndControlCharacterMatchesDump) {
  for (std::uint32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;  // surrogates have no UTF-8
    std::string s;
    if (cp < 0x80) {
      s += static_cast<char>(cp);
    } else if (cp < 0x800) {
      s += static_cast<char>(0xC0 | (cp >> 6));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      s += static_cast<char>(0xE0 | (cp >> 12));
      s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      s += static_cast<char>(0xF0 | (cp >> 18));
      s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      s += static_cast<char>(0x80 | (cp & 0x3F));
    }
    ASSERT_EQ(escaped(s), json(s).dump()) << "U+" << std::hex << cp;
  }
}

/// Random text biased towards what needs care: quotes, backslashes, control characters, DEL,
/// 2-, 3- and 4-byte UTF-8, and (when `invalid`) bytes that break UTF-8.
std::string random_text(std::mt19937& rng, bool invalid) {
  static constexpr std::string_view pieces[] = {
      "\"", "\\", "/", "a", "Z", " ", "\x7f", "ø", "Æ", "€", "😀", "\xEF\xBF\xBF", "\xF4\x8F\xBF\xBF", "\xE2\x80\xA8"};
  static constexpr std::string_view broken[] = {"\x80", "\xBF", "\xC0\x80", "\xC1\xBF", "\xE0\x80\x80", "\xED\xA0\x80",
                                                "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xFF", "\xE2\x82", "\xF0\x9F\x98"};
  std::uniform_int_distribution<int> length(0, 24), kind(0, 9), control(0, 0x1F);
  std::string s;
  for (int n = length(rng); n > 0; --n) {
    const int k = kind(rng);
    if (k < 3)
      s += static_cast<char>(control(rng));
    else if (k == 9 && invalid)
      s += broken[std::uniform_int_distribution<std::size_t>(0, std::size(broken) - 1)(rng)];
    else
      s += pieces[std::uniform_int_distribution<std::size_t>(0, std::size(pieces) - 1)(rng)];
  }
  return s;
}

TEST(JsonString, RandomTextMatchesDump) {
  std::mt19937 rng(20261207);
  for (int n = 0; n < 20'000; ++n) {
    const std::string s = random_text(rng, false);
    ASSERT_EQ(escaped(s), json(s).dump()) << json(s).dump();
  }
}

// Text that is not UTF-8: dump throws its type_error 316; append_json_string throws
// error(invalid_argument), for the same strings, and never writes such a byte.
TEST(JsonString, InvalidUtf8IsRefusedWhereDumpRefusesIt) {
  std::mt19937 rng(316);
  int refused = 0;
  for (int n = 0; n < 20'000; ++n) {
    const std::string s = random_text(rng, true);
    std::string dumped;
    bool dump_refuses = false;
    try {
      dumped = json(s).dump();
    } catch (const json::type_error& e) {
      ASSERT_EQ(e.id, 316);
      dump_refuses = true;
    }
    if (dump_refuses) {
      ++refused;
      ASSERT_EQ(thrown_code([&] { (void)escaped(s); }), errc::invalid_argument) << json(s).dump(-1, ' ', true, json::error_handler_t::replace);
    } else {
      ASSERT_EQ(escaped(s), dumped);
    }
  }
  EXPECT_GT(refused, 1000);  // the generator does make broken text
  // Byte by byte: every lone byte >= 0x80 is refused, as is every truncated sequence.
  for (int b = 0x80; b <= 0xFF; ++b)
    EXPECT_EQ(thrown_code([&] { (void)escaped(std::string(1, static_cast<char>(b))); }), errc::invalid_argument) << b;
  EXPECT_EQ(thrown_code([] { (void)escaped("ok \xE2\x82"); }), errc::invalid_argument);
}

/// Writes `j` with `w`, walking it as dump does (objects in their sorted key order).
void write_like(io::json_writer& w, const json& j) {
  switch (j.type()) {
    case json::value_t::object:
      w.begin_object();
      for (const auto& [k, v] : j.items()) {
        w.key(k);
        write_like(w, v);
      }
      w.end_object();
      break;
    case json::value_t::array:
      w.begin_array();
      for (const json& v : j) write_like(w, v);
      w.end_array();
      break;
    case json::value_t::string: w.string(j.get_ref<const std::string&>()); break;
    case json::value_t::boolean: w.boolean(j.get<bool>()); break;
    case json::value_t::number_integer: w.integer(j.get<std::int64_t>()); break;
    case json::value_t::null: w.null(); break;
    default: FAIL() << "not written by json_writer: " << j.type_name();
  }
}

json random_value(std::mt19937& rng, int depth) {
  std::uniform_int_distribution<int> kind(0, depth > 3 ? 3 : 5), count(0, 4);
  static constexpr std::int64_t integers[] = {0, 1, -1, 42, -730, std::numeric_limits<std::int64_t>::max(),
                                              std::numeric_limits<std::int64_t>::min()};
  switch (kind(rng)) {
    case 0: return random_text(rng, false);
    case 1: return integers[std::uniform_int_distribution<std::size_t>(0, std::size(integers) - 1)(rng)];
    case 2: return std::uniform_int_distribution<int>(0, 1)(rng) == 1;
    case 3: return nullptr;
    case 4: {
      json a = json::array();
      for (int n = count(rng); n > 0; --n) a.push_back(random_value(rng, depth + 1));
      return a;
    }
    default: {
      json o = json::object();
      for (int n = count(rng); n > 0; --n) o[random_text(rng, false)] = random_value(rng, depth + 1);
      return o;
    }
  }
}

TEST(JsonWriter, RandomDocumentsMatchDumpIndentTwo) {
  std::mt19937 rng(2);
  for (int n = 0; n < 3'000; ++n) {
    const json doc = random_value(rng, 0);
    std::string out;
    io::json_writer w(out);
    write_like(w, doc);
    ASSERT_EQ(out, doc.dump(2));
  }
}

TEST(JsonWriter, DeepNestingIsIndentedAsDumpIndentsIt) {
  json doc = {{"leaf", "x"}};
  for (int depth = 0; depth < 50; ++depth) doc = depth % 2 == 0 ? json::array({doc, depth}) : json({{"k", doc}});
  std::string out;
  io::json_writer w(out);
  write_like(w, doc);
  EXPECT_EQ(out, doc.dump(2));
}

TEST(JsonWriter, ADepthNestsTheValueInsideADocumentWrittenByOtherMeans) {
  const json inner = {{"a", json::array({1, json::object(), json::array()})}, {"b", nullptr}};
  std::string out = "{\n  \"x\": ";
  io::json_writer w(out, 1);
  write_like(w, inner);
  out += "\n}";
  EXPECT_EQ(out, json({{"x", inner}}).dump(2));
}

}  // namespace
}  // namespace kreditor
