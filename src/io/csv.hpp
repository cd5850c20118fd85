// A small RFC 4180 CSV reader: comma-separated, fields optionally enclosed in double quotes,
// a quote inside a quoted field written twice, line breaks inside quoted fields allowed,
// records ended by CRLF or LF. Errors name the file, line and column ("FILE:LINE:COLUMN:"),
// where COLUMN is the 1-based field number, as a spreadsheet shows it.
//
// Fields are string_views into the input (or into the reader's scratch space for quoted
// fields with doubled quotes); they stay valid until the next call of next(). Nothing is
// allocated per field in the common case, which keeps a million-row file fast.
//
// A file is streamed: read in ordinary buffered reads of a fixed size, never mapped (a file
// truncated by another process while it is mapped kills the reader with SIGBUS; a read just
// ends early), so memory stays one buffer however big the file.
//
//   csv_reader r("invoices.csv", text);          // or csv_reader r("invoices.csv", file);
//   while (r.next().value()) use(r.fields());
#ifndef KREDITOR_SRC_IO_CSV_HPP
#define KREDITOR_SRC_IO_CSV_HPP

#include <cstddef>
#include <cstdio>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "kreditor/core/result.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace io {

class csv_reader {
 public:
  /// Reads `text` (a UTF-8 byte-order mark at its start is skipped); `file_name` is only used
  /// in messages. The reader does not own `text`.
  csv_reader(std::string_view file_name, std::string_view text);
  /// Streams `file` (open for reading; not owned, not closed) from its current position in
  /// reads of `chunk` bytes; a record longer than that grows the buffer. A read error is a
  /// failure errc::io naming the file.
  csv_reader(std::string_view file_name, std::FILE* file, std::size_t chunk = std::size_t{1} << 18);

  /// Reads the next record. true: fields() holds it; false: end of input. Blank lines are
  /// skipped. Failure (errc::invalid_argument): an unterminated quoted field, a character
  /// after a closing quote, a quote inside an unquoted field, or a field that is not valid
  /// UTF-8, named "FILE:LINE:COLUMN: ...".
  [[nodiscard]] result<bool> next();

  /// The current record's fields.
  [[nodiscard]] const std::vector<std::string_view>& fields() const noexcept { return fields_; }
  /// The line the current record starts on (1-based).
  [[nodiscard]] int line() const noexcept { return record_line_; }
  /// "FILE:LINE:COLUMN" of field `index` (0-based) of the current record; the line is the one
  /// the field starts on, which differs from line() after a quoted line break.
  [[nodiscard]] std::string location(std::size_t index) const;
  /// The line field `index` (0-based) of the current record starts on.
  [[nodiscard]] int field_line(std::size_t index) const noexcept {
    return index < field_lines_.size() ? field_lines_[index] : record_line_;
  }
  [[nodiscard]] std::string_view file_name() const noexcept { return file_name_; }
  /// Field `index` (0-based) of the record after the current one as it would be if that record
  /// is plainly written and in hand (else whatever text lies there, or empty). A hint, not a
  /// reading: a caller fetches from memory what that record will need while it handles this one.
  [[nodiscard]] std::string_view peek_field(std::size_t index) const noexcept;

 private:
  // What one attempt to parse a record from the bytes in hand found.
  enum class parsed : unsigned char { record, end, need_more };
  [[nodiscard]] result<bool> read_record();
  /// The record just read, its text checked UTF-8 (true), or the failure naming its first bad field.
  [[nodiscard]] result<bool> checked_utf8() const;
  [[nodiscard]] result<parsed> parse_record();
  /// Forgets the current record (its fields, their lines, the unescaped texts).
  void clear_record();
  /// Reads the plain record at pos_ (plain_record_end) and moves past it; false, nothing moved,
  /// when the record there is not plain or not whole in hand.
  [[nodiscard]] bool took_plain_record();
  /// parse_record's common case: the offset of the LF ending a plain record at pos_, or npos.
  [[nodiscard]] std::size_t plain_record_end(const char* data, std::size_t n);
  /// Ends plain_record_end's record at LF `end`: its last field from `last_field`, its bytes
  /// (without a CRLF's CR) and whether they are all ASCII; returns `end`.
  std::size_t finish_plain_record(const char* data, std::size_t last_field, std::size_t end, bool ascii);
  /// Moves the unread bytes to the front of the buffer and reads more after them.
  [[nodiscard]] result<bool> refill();
  [[nodiscard]] failure fail(int line, std::size_t column, const std::string& what) const;

  std::string file_name_;
  std::string_view text_;  // the bytes in hand: the whole text, or the buffer's filled part
  std::FILE* file_ = nullptr;
  std::string buffer_;     // when streaming
  std::size_t chunk_ = 0;
  bool eof_ = true;        // no more bytes will come after text_
  bool started_ = false;   // the byte-order mark was looked for
  std::size_t pos_ = 0;
  int line_ = 1;         // line of pos_
  int record_line_ = 0;  // line the current record starts on
  std::string_view plain_record_;  // the record's bytes when it was one plain line (parse_record's fast path), else empty
  bool ascii_record_ = false;      // the plain record is all ASCII (so valid UTF-8)
  std::vector<std::string_view> fields_;
  std::vector<int> field_lines_;
  std::deque<std::string> scratch_;  // unescaped quoted fields; a deque keeps views stable
  std::size_t scratch_used_ = 0;
};

/// The offset of the first byte of `s` that is not well-formed UTF-8 (RFC 3629: no overlong
/// forms, no surrogates, nothing above U+10FFFF), or npos when all of `s` is.
[[nodiscard]] std::size_t first_invalid_utf8(std::string_view s) noexcept;

/// Appends `s` to `out` as one CSV field (RFC 4180): quoted when it holds a comma, quote or
/// line break. Text that a spreadsheet would take for a formula (a first character of
/// = + - @, tab or carriage return; OWASP's "CSV Injection") is quoted with a leading
/// apostrophe, so `=HYPERLINK("x")` arrives as the text '=HYPERLINK("x"), never as a live
/// formula. For text fields (ids, names, messages) only: a negative amount such as -5.00 must
/// be written as it is.
void append_csv_field(std::string& out, std::string_view s);

/// "FILE:LINE:COLUMN" (the shape every ledger message starts with).
[[nodiscard]] std::string csv_location(std::string_view file_name, int line, std::size_t column);

}  // namespace io
KREDITOR_NAMESPACE_END

#endif  // KREDITOR_SRC_IO_CSV_HPP
