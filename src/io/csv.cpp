#include "io/csv.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

KREDITOR_NAMESPACE_BEGIN
namespace io {

std::string csv_location(std::string_view file_name, int line, std::size_t column) {
  return std::string(file_name) + ":" + std::to_string(line) + ":" + std::to_string(column);
}

csv_reader::csv_reader(std::string_view file_name, std::string_view text)
    : file_name_(file_name), text_(text) {}

csv_reader::csv_reader(std::string_view file_name, std::FILE* file, std::size_t chunk)
    : file_name_(file_name), file_(file), chunk_(std::max<std::size_t>(chunk, 64)), eof_(false) {}

result<bool> csv_reader::refill() {
  const std::size_t unread = text_.size() - pos_;
  if (pos_ > 0 && unread > 0) std::memmove(buffer_.data(), buffer_.data() + pos_, unread);
  pos_ = 0;
  // Room for a whole chunk after what is left (a record longer than a chunk grows the buffer).
  if (buffer_.size() < unread + chunk_) buffer_.resize(unread + chunk_);
  const std::size_t got = std::fread(buffer_.data() + unread, 1, buffer_.size() - unread, file_);
  if (got == 0) {
    if (std::ferror(file_) != 0) return failure{errc::io, file_name_ + ": read error"};
    eof_ = true;
  }
  text_ = std::string_view(buffer_.data(), unread + got);
  return true;
}

failure csv_reader::fail(int line, std::size_t column, const std::string& what) const {
  return failure{errc::invalid_argument, csv_location(file_name_, line, column) + ": " + what};
}

std::string csv_reader::location(std::size_t index) const {
  return csv_location(file_name_, field_line(index), index + 1);
}

std::size_t first_invalid_utf8(std::string_view s) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  for (std::size_t i = 0; i < n;) {
    // ASCII (ids, dates, amounts: nearly every byte of a ledger) eight bytes at a time.
    if (i + 8 <= n) {
      std::uint64_t word = 0;
      std::memcpy(&word, p + i, 8);
      if ((word & 0x8080'8080'8080'8080ULL) == 0) {
        i += 8;
        continue;
      }
    }
    const unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    // RFC 3629: the shortest form only, no surrogates, nothing above U+10FFFF.
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // the range of the second byte
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return i;
    }
    if (i + len > n || p[i + 1] < lo || p[i + 1] > hi) return i;
    for (std::size_t k = 2; k < len; ++k)
      if (p[i + k] < 0x80 || p[i + k] > 0xBF) return i;
    i += len;
  }
  return std::string_view::npos;
}

void append_csv_field(std::string& out, std::string_view s) {
  // OWASP "CSV Injection": a cell starting with = + - @ (or a tab or carriage return, which
  // some spreadsheets skip before one of those) is read as a formula. Such text gets a
  // leading apostrophe, which spreadsheets show as text, and the field is quoted.
  const bool formula = !s.empty() && (s.front() == '=' || s.front() == '+' || s.front() == '-' ||
                                      s.front() == '@' || s.front() == '\t' || s.front() == '\r');
  // A plain loop: find_first_of calls memchr over the four characters for each byte.
  const bool plain = std::none_of(s.begin(), s.end(), [](char ch) { return ch == ',' || ch == '"' || ch == '\n' || ch == '\r'; });
  if (!formula && plain) {
    out += s;
    return;
  }
  out += '"';
  if (formula) out += '\'';
  for (const char ch : s) {
    if (ch == '"') out += '"';
    out += ch;
  }
  out += '"';
}

result<bool> csv_reader::next() {
  // The usual record (one plain line, not blank) read here, without the layers of the general
  // reading below; anything else, and a line found not plain, goes that way from its start.
  if (started_ && pos_ < text_.size() && text_[pos_] != '\n' && text_[pos_] != '\r') {
    clear_record();
    record_line_ = line_;
    if (took_plain_record()) return checked_utf8();
  }
  if (!started_) {
    started_ = true;
    if (file_ != nullptr)
      if (auto filled = refill(); !filled) return filled;
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;  // UTF-8 byte-order mark (Excel writes one)
  }
  auto r = read_record();
  if (!r || !r.value()) return r;
  return checked_utf8();
}

result<bool> csv_reader::checked_utf8() const {
  // Text is UTF-8: a byte that is not (a Latin-1 export, a truncated character) is named
  // here, where the file, line and field are known, not when the text is printed later. A
  // plain line is checked whole first: only a bad one is looked at field by field.
  if (!plain_record_.empty() && (ascii_record_ || first_invalid_utf8(plain_record_) == std::string_view::npos))
    return true;
  for (std::size_t k = 0; k < fields_.size(); ++k) {
    const std::size_t bad = first_invalid_utf8(fields_[k]);
    if (bad == std::string_view::npos) continue;
    static constexpr char hex[] = "0123456789ABCDEF";
    const auto byte = static_cast<unsigned char>(fields_[k][bad]);
    return fail(field_line(k), k + 1,
                std::string("invalid UTF-8 (byte 0x") + hex[byte >> 4] + hex[byte & 15] + " at byte " +
                    std::to_string(bad + 1) + " of the field); save the file as UTF-8");
  }
  return true;
}

std::string_view csv_reader::peek_field(std::size_t index) const noexcept {
  // A hint only: the commas are found with memchr, quotes and line ends not looked for (a
  // wrong hint costs one wasted prefetch), within the next 256 bytes in hand.
  const char* at = text_.data() + pos_;
#if defined(__SSE2__)
  // Usually the field lies in the next 32 bytes: their commas in one mask, not a call a field.
  if (pos_ + 32 <= text_.size()) {
    const __m128i comma = _mm_set1_epi8(',');
    const auto commas_in = [&](std::size_t from) {
      const __m128i w = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at + from));
      return static_cast<std::uint32_t>(static_cast<std::uint16_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(w, comma))));
    };
    std::uint32_t commas = commas_in(0) | commas_in(16) << 16;
    std::size_t start = 0;
    std::size_t k = 0;
    for (; k < index && commas != 0; ++k, commas &= commas - 1) start = static_cast<std::size_t>(__builtin_ctz(commas)) + 1;
    if (k == index && commas != 0) return {at + start, static_cast<std::size_t>(__builtin_ctz(commas)) - start};
  }
#endif
  const char* const end = text_.data() + std::min(text_.size(), pos_ + 256);
  for (std::size_t k = 0; k < index && at < end; ++k) {
    const void* comma = std::memchr(at, ',', static_cast<std::size_t>(end - at));
    if (comma == nullptr) return {};
    at = static_cast<const char*>(comma) + 1;
  }
  if (at >= end) return {};
  const void* comma = std::memchr(at, ',', static_cast<std::size_t>(end - at));
  if (comma == nullptr) return {};
  return {at, static_cast<std::size_t>(static_cast<const char*>(comma) - at)};
}

result<bool> csv_reader::read_record() {
  // A record is parsed from the bytes in hand; one that runs past them (a streamed file's
  // buffer ends inside it) is parsed again from its start once more bytes are read.
  for (;;) {
    const std::size_t start = pos_;
    const int start_line = line_;
    result<parsed> r = parse_record();
    if (!r) return r.error();
    if (*r != parsed::need_more) return *r == parsed::record;
    pos_ = start;
    line_ = start_line;
    if (auto filled = refill(); !filled) return filled;
  }
}

namespace {
/// The bytes of `word` equal to `byte` (each as 0x80 in its place, all others 0): exact, with
/// no borrow from one byte into the next.
inline std::uint64_t bytes_equal(std::uint64_t word, std::uint64_t byte) noexcept {
  constexpr std::uint64_t low7 = 0x7F7F'7F7F'7F7F'7F7FULL;
  const std::uint64_t x = word ^ (byte * 0x0101'0101'0101'0101ULL);
  return ~(((x & low7) + low7) | x | low7);
}
}  // namespace

std::size_t csv_reader::plain_record_end(const char* data, std::size_t n) {
  // Fields end at each comma before the first LF; the record is plain when no quote and no CR
  // but the one before that LF come first. A plain record found whole in the bytes in hand
  // gives its LF's offset, its fields in fields_ and its bytes in plain_record_; anything else
  // gives npos and the byte-by-byte reading below.
  std::size_t field = pos_;
  std::size_t at = pos_;
  bool ascii = true;
#if defined(__SSE2__)
  const __m128i comma = _mm_set1_epi8(','), lf = _mm_set1_epi8('\n'), quote = _mm_set1_epi8('"'),
                cr = _mm_set1_epi8('\r');
  for (; at + 16 <= n; at += 16) {
    const __m128i w = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + at));
    const auto mask = [&](__m128i byte) {
      return static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(w, byte)));
    };
    const std::uint32_t lfs = mask(lf);
    // The bytes of this block inside the record: all, or those before its LF.
    const std::uint32_t inside = lfs == 0 ? 0xFFFFu : (lfs & (0u - lfs)) - 1;
    ascii = ascii && (static_cast<std::uint32_t>(_mm_movemask_epi8(w)) & inside) == 0;
    // Quotes and CRs looked for together (one mask); which it was only when one is there.
    if (const std::uint32_t odd = static_cast<std::uint32_t>(_mm_movemask_epi8(
            _mm_or_si128(_mm_cmpeq_epi8(w, quote), _mm_cmpeq_epi8(w, cr)))) & inside;
        odd != 0) {
      if ((mask(quote) & inside) != 0) return std::string_view::npos;
      // Only a CRLF's CR: the last byte before the LF, in this block.
      if (lfs == 0 || odd != ((lfs & (0u - lfs)) >> 1)) return std::string_view::npos;
    }
    for (std::uint32_t commas = mask(comma) & inside; commas != 0; commas &= commas - 1) {
      const std::size_t cut = at + static_cast<std::size_t>(__builtin_ctz(commas));
      fields_.emplace_back(data + field, cut - field);
      field = cut + 1;
    }
    if (lfs != 0) return finish_plain_record(data, field, at + static_cast<std::size_t>(__builtin_ctz(lfs)), ascii);
  }
#endif
  // Without SSE2, and for the last bytes in hand: eight bytes at a time.
  const void* lf_at = std::memchr(data + at, '\n', n - at);
  if (lf_at == nullptr) return std::string_view::npos;
  const auto end = static_cast<std::size_t>(static_cast<const char*>(lf_at) - data);
  std::size_t stop = end;
  if (stop > pos_ && data[stop - 1] == '\r') --stop;
  for (; at < stop; at += 8) {
    std::uint64_t word = 0;
    std::uint64_t inside = ~std::uint64_t{0};  // the word's bytes before `stop`
    if (at + 8 <= n) {
      std::memcpy(&word, data + at, 8);  // a fixed 8: one load, not a call
      if (stop - at < 8) inside = (std::uint64_t{1} << (8 * (stop - at))) - 1;
    } else {
      std::memcpy(&word, data + at, stop - at);  // the buffer's last bytes; zeros match nothing
    }
    if (((bytes_equal(word, '"') | bytes_equal(word, '\r')) & inside) != 0) return std::string_view::npos;
    ascii = ascii && (word & inside & 0x8080'8080'8080'8080ULL) == 0;
    for (std::uint64_t commas = bytes_equal(word, ',') & inside; commas != 0; commas &= commas - 1) {
      const std::size_t cut = at + static_cast<std::size_t>(__builtin_ctzll(commas) / 8);
      fields_.emplace_back(data + field, cut - field);
      field = cut + 1;
    }
  }
  return finish_plain_record(data, field, end, ascii);
}

std::size_t csv_reader::finish_plain_record(const char* data, std::size_t last_field, std::size_t end, bool ascii) {
  std::size_t stop = end;  // the record's last byte + 1, before a CRLF's CR
  if (stop > pos_ && data[stop - 1] == '\r') --stop;
  fields_.emplace_back(data + last_field, stop - last_field);
  plain_record_ = std::string_view(data + pos_, stop - pos_);
  ascii_record_ = ascii;
  return end;
}

void csv_reader::clear_record() {
  plain_record_ = {};
  fields_.clear();
  field_lines_.clear();
  scratch_used_ = 0;
}

bool csv_reader::took_plain_record() {
  const std::size_t end = plain_record_end(text_.data(), text_.size());
  if (end == std::string_view::npos) return false;
  pos_ = end + 1;
  ++line_;
  return true;
}

result<csv_reader::parsed> csv_reader::parse_record() {
  clear_record();
  const std::size_t n = text_.size();
  // Blank lines (between records or at the end) carry no record.
  while (pos_ < n && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
    if (text_[pos_] == '\n') ++line_;
    ++pos_;
  }
  if (pos_ >= n) return eof_ ? parsed::end : parsed::need_more;
  record_line_ = line_;
  const char* data = text_.data();
  // The common record: one line, no quote, no carriage return but before its LF. Its commas
  // are found sixteen bytes at a time (eight without SSE2), not byte by byte.
  if (took_plain_record()) return parsed::record;
  fields_.clear();  // quotes, a lone CR or the buffer's end: read byte by byte below
  for (;;) {
    const std::size_t column = fields_.size() + 1;
    field_lines_.push_back(line_);
    if (pos_ >= n && !eof_) return parsed::need_more;
    if (pos_ < n && data[pos_] == '"') {
      const int open_line = line_;
      std::size_t start = pos_ + 1;
      std::string* unescaped = nullptr;
      for (;;) {
        const void* q = start < n ? std::memchr(data + start, '"', n - start) : nullptr;
        if (q == nullptr) {
          if (!eof_) return parsed::need_more;
          return fail(open_line, column, "quoted field is never closed (a '\"' is missing)");
        }
        const auto quote = static_cast<std::size_t>(static_cast<const char*>(q) - data);
        for (std::size_t i = start; i < quote; ++i) line_ += data[i] == '\n' ? 1 : 0;
        if (quote + 1 >= n && !eof_) return parsed::need_more;  // a doubled quote may be split
        const bool doubled = quote + 1 < n && data[quote + 1] == '"';
        if (!doubled && unescaped == nullptr) {  // the common case: no escapes, view the input
          fields_.emplace_back(data + pos_ + 1, quote - pos_ - 1);
          pos_ = quote + 1;
          break;
        }
        if (unescaped == nullptr) {
          if (scratch_used_ == scratch_.size()) scratch_.emplace_back();
          unescaped = &scratch_[scratch_used_++];
          unescaped->clear();
        }
        unescaped->append(data + start, quote - start);
        if (doubled) {
          unescaped->push_back('"');
          start = quote + 2;
          continue;
        }
        fields_.emplace_back(*unescaped);
        pos_ = quote + 1;
        break;
      }
      if (pos_ >= n && !eof_) return parsed::need_more;
      if (pos_ < n && data[pos_] != ',' && data[pos_] != '\n' && data[pos_] != '\r')
        return fail(line_, column,
                    std::string("unexpected character '") + data[pos_] +
                        "' after a closing quote (a quote inside a quoted field is written '\"\"')");
    } else {
      const std::size_t start = pos_;
      while (pos_ < n) {
        const char c = data[pos_];
        if (c == ',' || c == '\n' || c == '\r') break;
        if (c == '"')
          return fail(line_, column,
                      "quote inside an unquoted field (enclose the field in quotes and double the "
                      "quote)");
        ++pos_;
      }
      if (pos_ >= n && !eof_) return parsed::need_more;
      fields_.emplace_back(data + start, pos_ - start);
    }
    if (pos_ >= n) return parsed::record;
    if (data[pos_] == ',') {
      ++pos_;
      continue;
    }
    // End of record: CRLF, LF or a lone CR (a CR at the buffer's end may be half a CRLF).
    if (data[pos_] == '\r') ++pos_;
    if (pos_ >= n && !eof_) return parsed::need_more;
    if (pos_ < n && data[pos_] == '\n') ++pos_;
    ++line_;
    return parsed::record;
  }
}

}  // namespace io
KREDITOR_NAMESPACE_END
