// The streamed CSV reader (src/io/csv.hpp): a file read in buffered chunks gives the same
// records, lines and errors as the same text read whole, wherever the chunks happen to end —
// inside a quoted field, between the two quotes of an escaped one, between CR and LF.
#include <gtest/gtest.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "io/csv.hpp"

namespace kreditor {
namespace {

struct record {
  std::vector<std::string> fields;
  std::vector<int> field_lines;
  int line = 0;
  friend bool operator==(const record&, const record&) = default;
};

/// Every record of `r`, and the failure message that ended it ("" when none).
std::pair<std::vector<record>, std::string> read_all(io::csv_reader& r) {
  std::vector<record> out;
  for (;;) {
    result<bool> more = r.next();
    if (!more) return {out, more.error().message};
    if (!*more) return {out, ""};
    record rec;
    rec.line = r.line();
    for (std::size_t k = 0; k < r.fields().size(); ++k) {
      rec.fields.emplace_back(r.fields()[k]);
      rec.field_lines.push_back(r.field_line(k));
    }
    out.push_back(std::move(rec));
  }
}

struct file_closer {
  void operator()(std::FILE* f) const noexcept { std::fclose(f); }
};

/// A temporary file holding `text`, positioned at its start.
std::unique_ptr<std::FILE, file_closer> file_of(const std::string& text) {
  std::unique_ptr<std::FILE, file_closer> f(std::tmpfile());
  EXPECT_NE(f, nullptr);
  EXPECT_EQ(std::fwrite(text.data(), 1, text.size(), f.get()), text.size());
  std::rewind(f.get());
  return f;
}

// Long enough that the smallest chunk (64 bytes) ends inside every kind of field.
const std::string awkward =
    "\xEF\xBB\xBFid,name,note\r\n"
    "1,\"Fjord, AS\",\"says \"\"hei\"\" twice\"\r\n"
    "\n"
    "2,\"two\nlines\",plain text that is rather long so that a chunk ends inside it\r\n"
    "3,\"\"\"\",\"\"\r"
    "4,x,\"a quoted field\r\nwith CRLF inside and \"\"quotes\"\" at the end\"\"\"\n"
    "5,last,no newline at the end";

TEST(CsvStream, EveryChunkSizeReadsWhatTheWholeTextReads) {
  io::csv_reader whole("t.csv", awkward);
  const auto expected = read_all(whole);
  ASSERT_EQ(expected.second, "");
  ASSERT_EQ(expected.first.size(), 6U);
  EXPECT_EQ(expected.first[0].fields[0], "id");  // the byte-order mark is not part of the header
  EXPECT_EQ(expected.first[1].fields[2], "says \"hei\" twice");
  EXPECT_EQ(expected.first[2].line, 4);
  EXPECT_EQ(expected.first[3].fields[1], "\"");
  for (std::size_t chunk = 64; chunk <= awkward.size() + 1; ++chunk) {
    const auto f = file_of(awkward);
    io::csv_reader streamed("t.csv", f.get(), chunk);
    const auto got = read_all(streamed);
    EXPECT_EQ(got.second, "") << "chunk " << chunk;
    EXPECT_EQ(got.first, expected.first) << "chunk " << chunk;
  }
}

TEST(CsvStream, ErrorsNameTheSamePlaceWhateverTheChunk) {
  // An unterminated quote (found only at the end of the file) and a stray quote late in a file.
  const std::string filler = "a,b\n" + std::string(30, 'x') + ",y\n" + std::string(90, 'z') + ",w\n";
  for (const std::string& bad : {filler + "1,\"never closed\n2,3\n", filler + "1,x\"y\n"}) {
    io::csv_reader whole("bad.csv", bad);
    const auto expected = read_all(whole);
    ASSERT_NE(expected.second, "");
    EXPECT_EQ(expected.second.rfind("bad.csv:", 0), 0U) << expected.second;
    for (std::size_t chunk = 64; chunk <= bad.size() + 1; chunk += 7) {
      const auto f = file_of(bad);
      io::csv_reader streamed("bad.csv", f.get(), chunk);
      const auto got = read_all(streamed);
      EXPECT_EQ(got, expected) << "chunk " << chunk;
    }
  }
}

TEST(CsvStream, ARecordLongerThanAChunkGrowsTheBuffer) {
  const std::string big(10'000, 'q');
  const std::string text = "k,v\n1,\"" + big + "\"\n2," + big + "\n";
  const auto f = file_of(text);
  io::csv_reader streamed("big.csv", f.get(), 64);
  const auto got = read_all(streamed);
  ASSERT_EQ(got.second, "");
  ASSERT_EQ(got.first.size(), 3U);
  EXPECT_EQ(got.first[1].fields[1], big);
  EXPECT_EQ(got.first[2].fields[1], big);
  EXPECT_EQ(got.first[2].line, 3);
}


// ---- the fast path against a plain reading -------------------------------------------------

/// RFC 4180 read byte by byte, as csv.hpp describes it: the reference the reader's block scan
/// of plain records (sixteen bytes at a time) must agree with. Gives the records and whether
/// the text failed (after them).
std::pair<std::vector<record>, bool> reference_read(std::string_view t) {
  std::vector<record> out;
  std::size_t p = t.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  int line = 1;
  for (;;) {
    while (p < t.size() && (t[p] == '\n' || t[p] == '\r')) line += t[p++] == '\n' ? 1 : 0;
    if (p >= t.size()) return {out, false};
    record rec;
    rec.line = line;
    for (;;) {
      rec.field_lines.push_back(line);
      std::string field;
      if (t[p] == '"') {
        for (++p;; ++p) {
          if (p >= t.size()) return {out, true};
          if (t[p] == '"' && p + 1 < t.size() && t[p + 1] == '"') {
            field += '"';
            ++p;
          } else if (t[p] == '"') {
            ++p;
            break;
          } else {
            line += t[p] == '\n' ? 1 : 0;
            field += t[p];
          }
        }
        if (p < t.size() && t[p] != ',' && t[p] != '\n' && t[p] != '\r') return {out, true};
      } else {
        for (; p < t.size() && t[p] != ',' && t[p] != '\n' && t[p] != '\r'; ++p) {
          if (t[p] == '"') return {out, true};
          field += t[p];
        }
      }
      if (io::first_invalid_utf8(field) != std::string_view::npos) return {out, true};
      rec.fields.push_back(std::move(field));
      if (p < t.size() && t[p] == ',') {
        ++p;
        continue;
      }
      if (p < t.size() && t[p] == '\r') ++p;
      if (p < t.size() && t[p] == '\n') ++p;
      ++line;
      break;
    }
    out.push_back(std::move(rec));
  }
}

TEST(CsvStream, RandomTextReadsAsAPlainByteByByteReadingReadsIt) {
  // Mostly plain lines of every length (so records end anywhere in a 16-byte block and past
  // the buffer's end), with the bytes that leave the fast path mixed in: quotes, a lone CR,
  // CRLF, UTF-8 letters, a byte that is not UTF-8, blank lines.
  const std::vector<std::string> pieces{"a", "bc", "INV0001", "2026-11-20", "1940.13", ",", ",", ",", "\n", "\n",
                                        "\r\n", "\"q,\"", "\"\"", "\"x\"\"y\"", "\r", "\xC3\xA5", "\xFF", " ",
                                        "0123456789abcdef", "\n\n"};
  std::uint64_t state = 20261207;
  const auto below = [&](std::uint64_t k) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % k;
  };
  int failed = 0, read = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const bool plain = round % 2 == 0;  // half the texts without the awkward pieces (most reach the end)
    const std::size_t usable = plain ? 11 : pieces.size();
    for (std::size_t k = below(120); k > 0; --k) text += pieces[below(usable)];
    const auto [expected, expected_failed] = reference_read(text);
    io::csv_reader whole("r.csv", text);
    const auto got = read_all(whole);
    ASSERT_EQ(got.first, expected) << "text '" << text << "'";
    ASSERT_EQ(!got.second.empty(), expected_failed) << "text '" << text << "': " << got.second;
    (expected_failed ? failed : read) += 1;
    if (round % 10 == 0) {
      const auto f = file_of(text);
      io::csv_reader streamed("r.csv", f.get(), 64 + below(64));
      EXPECT_EQ(read_all(streamed), got) << "text '" << text << "'";
    }
  }
  // Both kinds were drawn (the test would prove little if every text failed).
  EXPECT_GT(read, 1000);
  EXPECT_GT(failed, 300);
}

// peek_field is a hint for what the next record will need: for a plain record it is that
// record's field, found in the next 32 bytes at once or, farther or near the end, by searching.
TEST(CsvStream, PeekFieldGivesTheNextPlainRecordsField) {
  std::string text = "a,b,c\n";
  for (int k = 0; k < 40; ++k) {
    // Rows of 7 to 80 bytes: the field lies inside the first 32 bytes, across them, or past.
    text += "ID" + std::to_string(k) + "," + std::string(static_cast<std::size_t>(k * 2), 'x') + "," +
            std::to_string(k * k) + "\n";
  }
  text += "last,y,z";  // no LF: the peek still finds the fields before the last one
  io::csv_reader r("t.csv", text);
  ASSERT_TRUE(r.next().value());
  std::size_t checked = 0;
  for (;;) {
    const std::string_view first = r.peek_field(0);
    const std::string_view second = r.peek_field(1);
    const std::string first_copy(first), second_copy(second);
    if (!r.next().value()) break;
    ASSERT_EQ(r.fields().size(), 3U);
    EXPECT_EQ(first_copy, r.fields()[0]) << "line " << r.line();
    EXPECT_EQ(second_copy, r.fields()[1]) << "line " << r.line();
    ++checked;
  }
  EXPECT_EQ(checked, 41U);
}

}  // namespace
}  // namespace kreditor
