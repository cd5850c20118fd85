// Reading and validating a ledger (kreditor/io/ledger.hpp). Every file is read as a table of
// rows whose columns are found by header name; the same row checks serve CSV files and the
// single-JSON form, so both report the same problems, each naming where it is.
#include "kreditor/io/ledger.hpp"
#include "kreditor/io/ledger_columns.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <exception>
#include <memory>
#include <optional>
#include <array>
#include <filesystem>
#include <fstream>
#include <span>
#include <unordered_map>
#include <system_error>
#include <thread>
#include <utility>


#include <nlohmann/json.hpp>

#include "io/csv.hpp"
#include "io/json_text.hpp"
#include "core/huge_pages.hpp"
#include "core/plain_amount.hpp"
#include "kreditor/terms/notation.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace {

// --- event kinds --------------------------------------------------------------------------

// clang-format off
constexpr std::array<std::pair<std::string_view, ledger_event_kind>, 9> event_kinds{{
  {"dispute_opened",   ledger_event_kind::dispute_opened},
  {"dispute_resolved", ledger_event_kind::dispute_resolved},
  {"promise_to_pay",   ledger_event_kind::promise_to_pay},
  {"payment_plan",     ledger_event_kind::payment_plan},
  {"write_off",        ledger_event_kind::write_off},
  {"hold",             ledger_event_kind::hold},
  {"release",          ledger_event_kind::release},
  {"notice_sent",      ledger_event_kind::notice_sent},
  {"debt_acknowledgment", ledger_event_kind::debt_acknowledgment},
}};
// The customer flags kreditor acts on; anything else is a typo we refuse rather than ignore.
constexpr std::array<std::string_view, 3> known_flags{"on_hold", "cash_only", "in_collection"};
// clang-format on

// --- tables: CSV or JSON rows behind one interface ------------------------------------------

/// A column the ledger format defines for one file.
struct column_spec {
  std::string_view name;
  bool required;
};

/// Where a value sits, for messages: "FILE:LINE:COLUMN" or "FILE: section[i].column".
class locator {
 public:
  virtual ~locator() = default;
  [[nodiscard]] virtual std::string at(std::size_t field, std::string_view column) const = 0;
  /// The line `field` starts on (CSV; 0 where lines mean nothing).
  [[nodiscard]] virtual int line_of(std::size_t) const { return 0; }
};

/// One row, its values looked up by the file's column specs.
class row_view {
 public:
  row_view(std::span<const std::string_view> fields, const std::vector<int>& index,
           const std::span<const column_spec> specs, const locator& where, int line, decimal_mark mark)
      : fields_(fields), index_(index), specs_(specs), where_(where), line_(line), mark_(mark) {}

  /// The trimmed value of column `c` (empty when the column is absent).
  [[nodiscard]] std::string_view get(std::size_t c) const {
    const int i = index_[c];
    if (i < 0) return {};
    std::string_view v = fields_[static_cast<std::size_t>(i)];
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
    return v;
  }
  /// The value of column `c` as written, untrimmed (empty when the column is absent): for
  /// the loader's fast paths, which take only values that need no trimming.
  [[nodiscard]] std::string_view raw(std::size_t c) const {
    const int i = index_[c];
    return i < 0 ? std::string_view{} : fields_[static_cast<std::size_t>(i)];
  }
  /// "FILE:LINE:COLUMN" of column `c`.
  [[nodiscard]] std::string where(std::size_t c) const {
    const int i = index_[c];
    return where_.at(i < 0 ? fields_.size() : static_cast<std::size_t>(i), specs_[c].name);
  }
  [[nodiscard]] int line() const noexcept { return line_; }
  /// How the file writes amounts' decimal mark (ledger_options::amounts).
  [[nodiscard]] decimal_mark mark() const noexcept { return mark_; }
  /// Where column `c` is, kept as numbers for a message written later: its line and its
  /// 1-based field number (CSV).
  [[nodiscard]] std::pair<int, std::size_t> place(std::size_t c) const {
    const int i = index_[c];
    const std::size_t field = i < 0 ? fields_.size() : static_cast<std::size_t>(i);
    return {where_.line_of(field), field + 1};
  }

 private:
  std::span<const std::string_view> fields_;
  const std::vector<int>& index_;
  std::span<const column_spec> specs_;
  const locator& where_;
  int line_;
  decimal_mark mark_;
};

/// A failure raised while checking rows; turned into a result at the API boundary.
struct ledger_error {
  failure f;
};

[[noreturn]] void fail(errc code, std::string message) { throw ledger_error{{code, std::move(message)}}; }

/// Maps a header (column names in file order) onto `specs`: index[c] is the field position of
/// spec c or -1. Unknown, repeated and missing required columns are errors.
std::vector<int> map_header(std::span<const std::string> header, std::span<const column_spec> specs,
                            const locator& where, std::string_view file) {
  std::vector<int> index(specs.size(), -1);
  for (std::size_t i = 0; i < header.size(); ++i) {
    const auto it = std::find_if(specs.begin(), specs.end(),
                                 [&](const column_spec& s) { return s.name == header[i]; });
    if (it == specs.end()) {
      std::string known;
      for (const auto& s : specs) known += (known.empty() ? "" : ", ") + std::string(s.name);
      fail(errc::invalid_argument,
           where.at(i, header[i]) + ": unknown column '" + header[i] + "' (" + std::string(file) +
               " has: " + known + ")");
    }
    const auto c = static_cast<std::size_t>(it - specs.begin());
    if (index[c] >= 0)
      fail(errc::conflict, where.at(i, header[i]) + ": column '" + header[i] + "' appears twice");
    index[c] = static_cast<int>(i);
  }
  for (std::size_t c = 0; c < specs.size(); ++c)
    if (specs[c].required && index[c] < 0)
      fail(errc::invalid_argument, where.at(header.size(), specs[c].name) + ": missing column '" +
                                       std::string(specs[c].name) + "'");
  return index;
}

std::string trimmed(std::string_view v) {
  while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
  while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
  return std::string(v);
}

/// A value as written that get() would return unchanged and required() accept: not empty, no
/// space or tab at either end.
bool clean(std::string_view v) noexcept {
  return !v.empty() && v.front() != ' ' && v.front() != '\t' && v.back() != ' ' && v.back() != '\t';
}
/// An optional value as written that get() would return unchanged.
bool clean_or_empty(std::string_view v) noexcept { return v.empty() || clean(v); }

/// parse_date for the few hundred distinct dates of a million rows: each text is parsed once,
/// then found by its ten bytes. Only texts parse_date accepted are kept, so a hit is a day
/// parse_date gives for the same bytes; anything else is nullopt, for the checked path to name.
class date_cache {
 public:
  [[nodiscard]] std::optional<date> read(std::string_view text) {
    if (text.size() != 10) return std::nullopt;
    std::uint64_t head = 0;
    std::uint16_t tail = 0;
    std::memcpy(&head, text.data(), 8);
    std::memcpy(&tail, text.data() + 8, 2);
    std::uint64_t h = (head ^ (std::uint64_t{tail} << 17)) * 0x9E37'79B9'7F4A'7C15ULL;
    entry& e = entries_[h >> (64 - bits)];
    if (e.head == head && e.tail == tail && e.known) return e.day;
    result<date> d = parse_date(text);
    if (!d) return std::nullopt;
    e = {head, tail, true, *d};
    return *d;
  }

 private:
  static constexpr int bits = 10;
  struct entry {
    std::uint64_t head = 0;
    std::uint16_t tail = 0;
    bool known = false;
    date day;
  };
  std::array<entry, std::size_t{1} << bits> entries_{};
};

class csv_locator final : public locator {
 public:
  explicit csv_locator(const io::csv_reader& r) : r_(r) {}
  [[nodiscard]] std::string at(std::size_t field, std::string_view) const override {
    return r_.location(field);
  }
  [[nodiscard]] int line_of(std::size_t field) const override { return r_.field_line(field); }

 private:
  const io::csv_reader& r_;
};

/// Calls `on_row(row_view)` for every data row of a CSV file; when `ahead` names a column
/// (its spec index), `prefetch(value)` first gets that column's value in the next row, if it is
/// in hand (csv_reader::peek_field), so that what it will look up is on its way from memory.
template <class OnRow, class Prefetch>
void for_each_csv_row(io::csv_reader& reader, std::string_view file, std::span<const column_spec> specs, decimal_mark mark,
                      OnRow&& on_row, std::optional<std::size_t> ahead, Prefetch&& prefetch) {
  const csv_locator where(reader);
  auto next = [&] {
    result<bool> more = reader.next();
    if (!more) throw ledger_error{more.error()};
    return *more;
  };
  if (!next())
    fail(errc::invalid_argument, io::csv_location(file, 1, 1) + ": empty file, expected a header row");
  std::vector<std::string> header;
  for (const auto f : reader.fields()) header.push_back(trimmed(f));
  const std::vector<int> index = map_header(header, specs, where, file);
  const int peek = ahead && index[*ahead] >= 0 ? index[*ahead] : -1;
  while (next()) {
    const std::span<const std::string_view> fields = reader.fields();
    if (fields.size() != header.size()) {
      const std::size_t column = std::min(fields.size(), header.size()) + 1;
      fail(errc::invalid_argument,
           io::csv_location(file, reader.line(), column) + ": expected " +
               std::to_string(header.size()) + " fields as in the header, found " +
               std::to_string(fields.size()));
    }
    if (peek >= 0) prefetch(reader.peek_field(static_cast<std::size_t>(peek)));
    on_row(row_view(fields, index, specs, where, reader.line(), mark));
  }
}

class json_locator final : public locator {
 public:
  json_locator(std::string_view file, std::string_view section) : file_(file), section_(section) {}
  std::size_t element = 0;
  [[nodiscard]] std::string at(std::size_t, std::string_view column) const override {
    return std::string(file_) + ": " + std::string(section_) + "[" + std::to_string(element) + "]." +
           std::string(column);
  }

 private:
  std::string_view file_;
  std::string_view section_;
};

/// Calls `on_row(row_view)` for every element of a JSON array of objects (keys = column names,
/// values strings; "flags" may also be an array of strings).
template <class OnRow>
void for_each_json_row(std::string_view file, std::string_view section, const nlohmann::json& rows, decimal_mark mark,
                       std::span<const column_spec> specs, OnRow&& on_row) {
  json_locator where(file, section);
  const auto whole = [&] {
    return std::string(file) + ": " + std::string(section) + "[" + std::to_string(where.element) + "]";
  };
  if (!rows.is_array())
    fail(errc::invalid_argument, std::string(file) + ": \"" + std::string(section) + "\" must be an array");
  std::vector<std::string> values;
  std::vector<std::string_view> fields;
  std::vector<int> index(specs.size(), -1);
  for (const auto& row : rows) {
    if (!row.is_object()) fail(errc::invalid_argument, whole() + ": must be an object");
    values.clear();
    std::fill(index.begin(), index.end(), -1);
    for (const auto& item : row.items()) {
      // Named copies, not a structured binding: clang 14 cannot capture a binding in a lambda.
      const std::string& key = item.key();
      const auto& value = item.value();
      const auto it = std::find_if(specs.begin(), specs.end(),
                                   [&](const column_spec& s) { return s.name == key; });
      if (it == specs.end())
        fail(errc::invalid_argument, whole() + ": unknown key '" + key + "'");
      std::string text;
      if (value.is_string()) {
        text = value.template get<std::string>();
      } else if (value.is_array() && key == "flags") {
        for (const auto& f : value) {
          if (!f.is_string()) fail(errc::invalid_argument, where.at(0, key) + ": flags must be strings");
          if (!text.empty()) text += ';';
          text += f.template get_ref<const std::string&>();
        }
      } else if (!value.is_null()) {
        // Amounts as JSON numbers would pass through a binary double: refused, not rounded.
        fail(errc::invalid_argument, where.at(0, key) + ": must be a string (amounts as decimal strings)");
      }
      index[static_cast<std::size_t>(it - specs.begin())] = static_cast<int>(values.size());
      values.push_back(std::move(text));
    }
    for (std::size_t c = 0; c < specs.size(); ++c)
      if (specs[c].required && index[c] < 0)
        fail(errc::invalid_argument, whole() + ": missing key '" + std::string(specs[c].name) + "'");
    fields.assign(values.begin(), values.end());
    on_row(row_view(fields, index, specs, where, static_cast<int>(where.element) + 1, mark));
    ++where.element;
  }
}

// --- value checks ---------------------------------------------------------------------------

std::string in_quotes(std::string_view v) {
  // Appended piece by piece: GCC 12 warns (-Wrestrict, a false positive) on "'" + string(v) + "'"
  // once it is inlined into the row readers.
  std::string quoted;
  quoted.reserve(v.size() + 2);
  quoted += '\'';
  quoted += v;
  quoted += '\'';
  return quoted;
}

std::string_view required(const row_view& r, std::size_t c, std::string_view name) {
  const std::string_view v = r.get(c);
  if (v.empty()) fail(errc::invalid_argument, r.where(c) + ": " + std::string(name) + " is empty");
  return v;
}

date parse_date_at(const row_view& r, std::size_t c, std::string_view name) {
  const std::string_view v = required(r, c, name);
  result<date> d = parse_date(v);
  if (!d)
    fail(errc::invalid_argument, r.where(c) + ": " + std::string(name) + " " + in_quotes(v) +
                                     " is not a date YYYY-MM-DD (" + d.error().message + ")");
  return *d;
}

currency parse_currency_at(const row_view& r, std::size_t c) {
  const std::string_view v = required(r, c, "currency");
  result<currency> cur = currency::parse(v);
  if (!cur) fail(cur.error().code, r.where(c) + ": " + cur.error().message);
  return *cur;
}

/// `where()` names the place; it is only called for a message, so a good row builds no string.
template <class Where>
money parse_amount(std::string_view v, currency cur, decimal_mark mark, const Where& where, std::string_view name) {
  result<money> m = money::parse(v, cur, std::nullopt, mark);
  if (!m)
    fail(m.error().code, where() + ": " + std::string(name) + " " + in_quotes(v) + " is not an amount in " +
                             std::string(cur.code()) + " (" + m.error().message + ")");
  return *m;
}

money parse_money_at(const row_view& r, std::size_t c, std::string_view name, currency cur,
                     bool allow_negative) {
  const money m = parse_amount(required(r, c, name), cur, r.mark(), [&] { return r.where(c); }, name);
  if (m.is_negative() && !allow_negative)
    fail(errc::invalid_argument, r.where(c) + ": " + std::string(name) + " " + in_quotes(r.get(c)) + " is negative");
  return m;
}

/// A date that may not precede an earlier one of the same row (`earliest`, called `what` in the
/// message): an invoice's due date, an order's delivery or cancellation.
date parse_date_not_before(const row_view& r, std::size_t c, std::string_view name, date earliest,
                           std::string_view what) {
  const date d = parse_date_at(r, c, name);
  if (d < earliest)
    fail(errc::invalid_argument, r.where(c) + ": " + std::string(name) + " " + to_string(d) + " is before " +
                                     std::string(what) + " " + to_string(earliest));
  return d;
}

/// A payment, order or security: an amount above zero (zero would be a row that says nothing).
money positive_money_at(const row_view& r, std::size_t c, std::string_view name, currency cur) {
  const money m = parse_money_at(r, c, name, cur, false);
  if (m.is_zero()) fail(errc::invalid_argument, r.where(c) + ": " + std::string(name) + " is zero");
  return m;
}

/// Terms are parsed once here so that a typo is reported where it is, not at the run.
void check_terms(const row_view& r, std::size_t c, std::string_view text) {
  result<payment_terms> t = parse_terms(text);
  if (!t) fail(t.error().code, r.where(c) + ": " + t.error().message);
}

/// The hash the loader's id tables file an id under. Ids are short (INV00012345, C0048748), and
/// std::hash (murmur over bytes, a call into libstdc++) took a sixth of reading a row: here
/// eight bytes at a time, each word mixed by one multiply, finished by murmur3's fmix64 so that
/// the low bits (the slot) depend on every byte.
inline std::uint64_t id_hash(std::string_view s) noexcept {
  const auto load = [&](std::size_t at, std::size_t bytes) {
    std::uint64_t w = 0;
    std::memcpy(&w, s.data() + at, bytes);  // a fixed size: one load, not a call
    return w;
  };
  const std::size_t n = s.size();
  std::uint64_t h = 0x9E37'79B9'7F4A'7C15ULL ^ n;
  const auto mix = [&](std::uint64_t w) {
    h = (h ^ w) * 0xBF58'476D'1CE4'E5B9ULL;
    h ^= h >> 31;
  };
  if (n >= 8) {
    std::size_t at = 0;
    for (; at + 8 < n; at += 8) mix(load(at, 8));
    mix(load(n - 8, 8));  // the last eight bytes, overlapping the word before when n is not a multiple
  } else if (n >= 4) {
    mix(load(0, 4) | (load(n - 4, 4) << 32));
  } else if (n > 0) {
    mix(std::uint64_t{static_cast<unsigned char>(s[0])} | std::uint64_t{static_cast<unsigned char>(s[n / 2])} << 8 |
        std::uint64_t{static_cast<unsigned char>(s[n - 1])} << 16);
  }
  h ^= h >> 33;
  h *= 0xFF51'AFD7'ED55'8CCDULL;
  h ^= h >> 33;
  h *= 0xC4CE'B9FE'1A85'EC53ULL;
  h ^= h >> 33;
  return h;
}

/// The ids of one file -> their row index. Open addressing over (hash, row) pairs, 8 bytes a
/// slot: the id itself is read back from the rows, so a million ids cost no allocation each.
/// At most 70 % full (a new id probes about six slots, mostly in one cache line): a million ids
/// fit 2 Mi slots, 16 MiB, where half full would take 32; the 660 000 payments of a million
/// invoices (reserved with a tenth to spare) fit 1 Mi, where two thirds full would take 2 Mi.
class id_table {
 public:
  /// The row whose id (key_of(row)) equals `id`; no_record if none.
  template <class KeyOf>
  [[nodiscard]] std::uint32_t find(std::string_view id, const KeyOf& key_of) const {
    if (slots_.empty()) return no_record;
    const std::uint32_t h = hash_of(id);
    for (std::size_t at = h & mask_;; at = (at + 1) & mask_) {
      const slot& s = slots_[at];
      if (s.row == no_record) return no_record;
      if (s.hash == h && key_of(s.row) == id) return s.row;
    }
  }
  /// Starts loading the slot where `id` would go, so that an insert a few hundred instructions
  /// later finds it in the cache (a million ids' slots do not fit in one); returns id's hash.
  std::uint32_t prefetch(std::string_view id) const noexcept {
    const std::uint32_t h = hash_of(id);
    if (!slots_.empty()) __builtin_prefetch(&slots_[h & mask_], 1);
    return h;
  }
  /// Adds `id` at `row` unless it is there: then returns the row it is at, else no_record.
  template <class KeyOf>
  std::uint32_t insert(std::string_view id, std::uint32_t row, const KeyOf& key_of) {
    return insert(id, hash_of(id), row, key_of);
  }
  /// The same, `h` being hash(id) (from prefetch).
  template <class KeyOf>
  std::uint32_t insert(std::string_view id, std::uint32_t h, std::uint32_t row, const KeyOf& key_of) {
    if (10 * (size_ + 1) > 7 * slots_.size()) grow();  // at most 70 % full
    for (std::size_t at = h & mask_;; at = (at + 1) & mask_) {
      slot& s = slots_[at];
      if (s.row == no_record) {
        s = {h, row};
        ++size_;
        return no_record;
      }
      if (s.hash == h && key_of(s.row) == id) return s.row;
    }
  }
  /// The hash the table files `id` under.
  static std::uint32_t hash_of(std::string_view id) noexcept { return static_cast<std::uint32_t>(id_hash(id)); }
  /// Starts loading the slot of hash `h`.
  void prefetch_hash(std::uint32_t h) const noexcept {
    if (!slots_.empty()) __builtin_prefetch(&slots_[h & mask_], 1);
  }
  void reserve(std::size_t ids) {
    if (10 * ids <= 7 * slots_.size()) return;
    std::size_t want = 64;
    while (7 * want < 10 * ids) want *= 2;
    grow(want);
  }

 private:
  struct slot {
    std::uint32_t hash = 0;
    std::uint32_t row = no_record;
  };
  void grow() { grow(slots_.empty() ? 64 : 2 * slots_.size()); }
  void grow(std::size_t slots) {
    std::vector<slot, detail::aligned_huge_allocator<slot>> old(slots);
    old.swap(slots_);
    mask_ = slots_.size() - 1;
    for (const slot& s : old) {
      if (s.row == no_record) continue;
      std::size_t at = s.hash & mask_;
      while (slots_[at].row != no_record) at = (at + 1) & mask_;
      slots_[at] = s;
    }
  }
  std::vector<slot, detail::aligned_huge_allocator<slot>> slots_;
  std::size_t size_ = 0;
  std::size_t mask_ = 0;
};

/// Ids to rows for a finished column of distinct ids, each id's first bytes kept in its slot:
/// finding a short id (most customer ids) reads one cache line, where a table of rows reads the
/// slot, then the id's place, then its text — three misses for each of a million rows.
class inline_key_index {
 public:
  inline_key_index() = default;
  /// \pre the ids are distinct (the loader checked them); the index keeps views of them.
  explicit inline_key_index(std::span<const std::string_view> ids) : ids_(ids) {
    std::size_t want = 64;
    while (2 * want < 3 * ids.size()) want *= 2;
    slots_.assign(want, slot{});
    mask_ = want - 1;
    for (std::size_t row = 0; row < ids.size(); ++row) {
      const std::size_t h = hash_of(ids[row]);
      std::size_t at = h & mask_;
      while (slots_[at].row != no_record) at = (at + 1) & mask_;
      slots_[at] = {static_cast<std::uint32_t>(row), tag_of(h), size_of(ids[row]), key_of(ids[row])};
    }
  }
  /// Starts loading the slot of `id`, so that find(id, hash) a few hundred instructions later
  /// finds it in the cache; returns id's hash.
  std::size_t prefetch(std::string_view id) const noexcept {
    const std::size_t h = hash_of(id);
    if (!slots_.empty()) __builtin_prefetch(&slots_[h & mask_]);
    return h;
  }
  /// The row of `id`; no_record if none.
  [[nodiscard]] std::uint32_t find(std::string_view id) const { return find(id, hash_of(id)); }
  /// The same, `h` being hash(id) (from prefetch).
  [[nodiscard]] std::uint32_t find(std::string_view id, std::size_t h) const {
    if (slots_.empty()) return no_record;
    const std::uint16_t tag = tag_of(h);
    const std::uint16_t size = size_of(id);
    const std::uint64_t key = key_of(id);
    for (std::size_t at = h & mask_;; at = (at + 1) & mask_) {
      const slot& s = slots_[at];
      if (s.row == no_record) return no_record;
      // A longer id is told apart by its whole text (one more load, for a slot whose tag,
      // length and first bytes all match: nearly always the id itself).
      if (s.tag == tag && s.size == size && s.key == key && (id.size() <= sizeof key || ids_[s.row] == id))
        return s.row;
    }
  }

 private:
  // 16 bytes a slot, four to a cache line: 50 000 customers' slots take 2 MiB, where whole
  // 24-byte keys took 4 MiB.
  struct alignas(16) slot {
    std::uint32_t row = no_record;
    std::uint16_t tag = 0;   // hash bits the slot's place does not use
    std::uint16_t size = 0;  // the id's length (0xFFFF: that or more)
    std::uint64_t key = 0;   // its first eight bytes, zero-padded
  };
  static std::size_t hash_of(std::string_view id) noexcept { return id_hash(id); }
  static std::uint16_t tag_of(std::size_t h) noexcept { return static_cast<std::uint16_t>(h >> 48); }
  static std::uint16_t size_of(std::string_view id) noexcept {
    return static_cast<std::uint16_t>(std::min<std::size_t>(id.size(), 0xFFFF));
  }
  static std::uint64_t key_of(std::string_view id) noexcept {
    std::uint64_t k = 0;
    if (!id.empty()) std::memcpy(&k, id.data(), std::min<std::size_t>(id.size(), sizeof k));
    return k;
  }
  std::span<const std::string_view> ids_;
  std::vector<slot, detail::aligned_huge_allocator<slot>> slots_;
  std::size_t mask_ = 0;
};

// Every column of a table but its text, for what is done to each alike (reserve, huge pages).
template <class F>
void for_each_column(invoice_columns& t, F&& f) {
  f(t.id), f(t.customer), f(t.issue_date), f(t.due_date), f(t.amount), f(t.terms), f(t.reference), f(t.credit_of),
      f(t.line);
}
template <class F>
void for_each_column(payment_columns& t, F&& f) {
  f(t.id), f(t.customer), f(t.date_paid), f(t.amount), f(t.reference), f(t.invoice), f(t.line), f(t.method);
}

// What a table's row `i` is called and where it is, for id_index: invoices and payments are
// columns (their ids in the table's arena), the small tables records.
std::string_view id_of(const invoice_columns& t, std::uint32_t i) noexcept { return t.text[t.id[i]]; }
std::string_view id_of(const payment_columns& t, std::uint32_t i) noexcept { return t.text[t.id[i]]; }
int line_of(const invoice_columns& t, std::uint32_t i) noexcept { return t.line[i]; }
int line_of(const payment_columns& t, std::uint32_t i) noexcept { return t.line[i]; }
std::string_view record_id(const customer_record& r) noexcept { return r.customer_id; }
std::string_view record_id(const order_record& r) noexcept { return r.order_id; }
std::string_view record_id(const security_record& r) noexcept { return r.security_id; }
std::string_view record_id(const counterclaim_record& r) noexcept { return r.counterclaim_id; }
template <class Record>
std::string_view id_of(const std::vector<Record>& t, std::uint32_t i) noexcept { return record_id(t[i]); }
template <class Record>
int line_of(const std::vector<Record>& t, std::uint32_t i) noexcept { return t[i].line; }

/// The ids of one table (`Table`: its columns or its records) and where each row is.
template <class Table>
class id_index {
 public:
  explicit id_index(const Table& rows) : rows_(&rows) {}
  [[nodiscard]] std::uint32_t find(std::string_view id) const {
    return table_.find(id, [&](std::uint32_t i) { return id_of(*rows_, i); });
  }
  /// Adds the id of the row about to be appended to the table (at `row`, its size); a
  /// duplicate is an error naming the first.
  void insert_unique(std::string_view id, std::uint32_t row, const row_view& r, std::size_t c, std::string_view what) {
    insert_unique(id, table_.hash_of(id), row, r, c, what);
  }
  /// The same, `h` being the id's hash (from prefetch).
  void insert_unique(std::string_view id, std::uint32_t h, std::uint32_t row, const row_view& r, std::size_t c,
                     std::string_view what) {
    const std::uint32_t first = table_.insert(id, h, row, [&](std::uint32_t i) { return id_of(*rows_, i); });
    if (first != no_record) duplicate(id, first, r, c, what);
  }
  /// The same for a row read earlier, `where()` naming its id's place.
  template <class Where>
  void insert_unique_at(std::uint32_t h, std::uint32_t row, const Where& where, std::string_view what) {
    const std::string_view id = id_of(*rows_, row);
    const std::uint32_t first = table_.insert(id, h, row, [&](std::uint32_t i) { return id_of(*rows_, i); });
    if (first != no_record) duplicate(id, first, where, what);
  }
  static std::uint32_t hash_of(std::string_view id) noexcept { return id_table::hash_of(id); }
  void prefetch_hash(std::uint32_t h) const noexcept { table_.prefetch_hash(h); }
  /// The same check without adding: a duplicate is an error naming the first.
  void check_new(std::string_view id, const row_view& r, std::size_t c, std::string_view what) const {
    if (const std::uint32_t first = find(id); first != no_record) duplicate(id, first, r, c, what);
  }
  std::uint32_t prefetch(std::string_view id) const noexcept { return table_.prefetch(id); }
  void reserve(std::size_t n) { table_.reserve(n); }

 private:
  [[noreturn]] void duplicate(std::string_view id, std::uint32_t first, const row_view& r, std::size_t c,
                              std::string_view what) const {
    duplicate(id, first, [&] { return r.where(c); }, what);
  }
  template <class Where>
  [[noreturn]] void duplicate(std::string_view id, std::uint32_t first, const Where& where, std::string_view what) const {
    fail(errc::conflict, where() + ": duplicate " + std::string(what) + " " + in_quotes(id) + " (first on line " +
                             std::to_string(line_of(*rows_, first)) + ")");
  }

  const Table* rows_;
  id_table table_;
};

// --- the four files --------------------------------------------------------------------------

// clang-format off
namespace customers_csv {
enum : std::size_t { id, name, country, segment_, currency_, credit_limit, terms, org_number, email,
                     account_manager, flags, credit_limit_expires, address };
constexpr std::array<column_spec, 13> specs{{
  {"customer_id", true}, {"name", true}, {"country", true}, {"segment", true}, {"currency", true},
  {"credit_limit", true}, {"terms", true}, {"org_number", false}, {"email", false},
  {"account_manager", false}, {"flags", false}, {"credit_limit_expires", false}, {"address", false}}};
}  // namespace customers_csv
namespace invoices_csv {
enum : std::size_t { id, customer, issue_date, due_date, currency_, amount, terms, reference, credit_of };
constexpr std::array<column_spec, 9> specs{{
  {"invoice_id", true}, {"customer_id", true}, {"issue_date", true}, {"due_date", false},
  {"currency", true}, {"amount", true}, {"terms", false}, {"reference", false}, {"credit_of", false}}};
}  // namespace invoices_csv
namespace payments_csv {
enum : std::size_t { id, customer, date_, currency_, amount, reference, invoice, method };
constexpr std::array<column_spec, 8> specs{{
  {"payment_id", true}, {"customer_id", true}, {"date", true}, {"currency", true},
  {"amount", true}, {"reference", false}, {"invoice_id", false}, {"method", false}}};
}  // namespace payments_csv
namespace events_csv {
enum : std::size_t { date_, customer, invoice, event, details };
constexpr std::array<column_spec, 5> specs{{
  {"date", true}, {"customer_id", true}, {"invoice_id", false}, {"event", true}, {"details", false}}};
}  // namespace events_csv
namespace orders_csv {
enum : std::size_t { id, customer, date_, currency_, amount, delivery_date, invoice, cancelled_date };
constexpr std::array<column_spec, 8> specs{{
  {"order_id", true}, {"customer_id", true}, {"date", true}, {"currency", true}, {"amount", true},
  {"delivery_date", false}, {"invoice_id", false}, {"cancelled_date", false}}};
}  // namespace orders_csv
namespace security_csv {
enum : std::size_t { id, customer, kind, currency_, amount, expires, reference };
constexpr std::array<column_spec, 7> specs{{
  {"security_id", true}, {"customer_id", true}, {"kind", true}, {"currency", true}, {"amount", true},
  {"expires", false}, {"reference", false}}};
}  // namespace security_csv
namespace counterclaims_csv {
enum : std::size_t { id, customer, date_, currency_, amount, payable_from, reference };
constexpr std::array<column_spec, 7> specs{{
  {"counterclaim_id", true}, {"customer_id", true}, {"date", true}, {"currency", true}, {"amount", true},
  {"payable_from", false}, {"reference", false}}};
}  // namespace counterclaims_csv
// clang-format on

/// Builds the ledger row by row, checking each against what came before.
class builder {
 public:
  ledger_columns out;
  decimal_mark mark = decimal_mark::point;  ///< of every amount (ledger_options::amounts)

  void add_customer(const row_view& r) {
    using namespace customers_csv;
    customer_record c;
    c.line = r.line();
    c.customer_id = std::string(required(r, id, "customer_id"));
    customers_.insert_unique(c.customer_id, static_cast<std::uint32_t>(out.customers.size()), r, id, "customer_id");
    c.name = std::string(required(r, name, "name"));
    c.country = std::string(required(r, country, "country"));
    if (c.country.size() != 2 || !std::all_of(c.country.begin(), c.country.end(),
                                              [](char ch) { return ch >= 'A' && ch <= 'Z'; }))
      fail(errc::invalid_argument,
           r.where(country) + ": country " + in_quotes(c.country) + " is not an ISO 3166 code like NO or SE");
    const std::string_view seg = required(r, segment_, "segment");
    result<kreditor::segment> s = parse_segment(seg);
    if (!s) fail(errc::invalid_argument, r.where(segment_) + ": segment " + in_quotes(seg) + " is not b2b or b2c");
    c.segment = *s;
    c.currency = parse_currency_at(r, currency_);
    c.credit_limit = parse_money_at(r, credit_limit, "credit_limit", c.currency, false);
    if (!r.get(credit_limit_expires).empty())
      c.credit_limit_expires = parse_date_at(r, credit_limit_expires, "credit_limit_expires");
    c.terms = std::string(required(r, terms, "terms"));
    customer_terms(r, c.terms);
    c.org_number = std::string(r.get(org_number));
    c.email = std::string(r.get(email));
    c.address = std::string(r.get(address));
    c.account_manager = std::string(r.get(account_manager));
    std::string_view rest = r.get(flags);
    while (!rest.empty()) {
      const std::size_t cut = rest.find_first_of("; |");
      const std::string_view flag = rest.substr(0, cut);
      rest = cut == std::string_view::npos ? std::string_view{} : rest.substr(cut + 1);
      if (flag.empty()) continue;
      if (std::find(known_flags.begin(), known_flags.end(), flag) == known_flags.end())
        fail(errc::invalid_argument, r.where(flags) + ": unknown flag " + in_quotes(flag) +
                                         " (known: on_hold, cash_only, in_collection)");
      c.flags.emplace_back(flag);
    }
    out.customers.push_back(std::move(c));
  }

  // The usual rows of the two big files, read straight into their columns: every value as
  // written (nothing to trim), a known customer named in its own currency, dates and amounts
  // in their plain form, no credit note. Such a row is all a million-row file holds, and it
  // costs a fraction of the checked reading below. Any other row, and every row with a
  // problem, returns false having changed nothing, and add_invoice / add_payment read it the
  // checked way and name its problem. Both give the same columns for every row these take:
  // the values come from the same parsers (parse_date through date_cache, plain_minor_units
  // as in money::parse), and a duplicate id is refused by the same check with the same words.

  // A duplicate id is looked for a batch of rows at a time (ids_batch), not row by row: a
  // million ids' table misses the caches at every insert, and the slots of a batch are fetched
  // from memory together, where one at a time each waits for the one before. A batch is
  // checked before anything else could be reported (a row for the checked reading, a CSV
  // error, the file's end), so the problem named is still the first in the file.

  /// Starts loading the slot of customer `id` (the next row's, a row ahead of its lookup: the
  /// table of 50 000 customers misses the caches, and a prefetch in the row itself comes too
  /// late to hide it).
  void prefetch_customer(std::string_view id) const noexcept {
    if (!id.empty()) (void)customer_index_.prefetch(id);
  }

  /// add_invoice's fast path; false: read it the checked way. Flattened: the compiler would
  /// otherwise call out for each column's push_back (a tenth of the load's instructions).
  [[gnu::flatten]] bool add_plain_invoice(const row_view& r) {
    using namespace invoices_csv;
    invoice_columns& t = out.invoices;
    const std::string_view id_text = r.raw(id);
    const std::string_view customer_id = r.raw(customer);
    if (!clean(id_text) || !clean(customer_id) || !r.raw(credit_of).empty()) return false;
    const std::size_t customer_hash = customer_index_.prefetch(customer_id);
    const std::optional<date> issued = invoice_dates_.read(r.raw(issue_date));
    if (!issued) return false;
    date due;  // not_a_date_time: from the terms
    if (const std::string_view due_text = r.raw(due_date); !due_text.empty()) {
      const std::optional<date> d = invoice_dates_.read(due_text);
      if (!d || *d < *issued) return false;
      due = *d;
    }
    std::uint32_t terms_handle = 0;
    if (const std::string_view terms_text = r.raw(terms); !terms_text.empty()) {
      terms_handle = known_terms(terms_text);  // a new text is checked the checked way
      if (terms_handle == 0 || !clean(terms_text)) return false;
    }
    const std::string_view reference_text = r.raw(reference);
    if (!clean_or_empty(reference_text)) return false;
    const std::uint32_t customer_index = customer_index_.find(customer_id, customer_hash);
    if (customer_index == no_record) return false;
    const currency own = customer_currency_[customer_index];
    if (r.raw(currency_) != own.code()) return false;
    const std::optional<std::int64_t> units = detail::plain_minor_units(r.raw(amount), own.minor_units(), mark);
    if (!units || *units < 0) return false;
    const auto row = static_cast<std::uint32_t>(t.size());
    t.customer.push_back(customer_index);
    t.issue_date.push_back(*issued);
    t.due_date.push_back(due);
    t.amount.push_back(*units);
    t.terms.push_back(terms_handle);
    t.reference.push_back(t.text.add(reference_text));
    t.credit_of.push_back(no_record);
    t.line.push_back(r.line());
    t.id.push_back(t.text.add(id_text));
    add_id(invoice_ids_, invoices_, id_text, row, r, id, "invoice_id");
    return true;
  }

  /// add_payment's fast path; false: read it the checked way. Flattened as add_plain_invoice.
  [[gnu::flatten]] bool add_plain_payment(const row_view& r) {
    using namespace payments_csv;
    payment_columns& t = payments_read_;
    const std::string_view id_text = r.raw(id);
    const std::string_view customer_id = r.raw(customer);
    if (!clean(id_text) || !clean(customer_id)) return false;
    const std::size_t customer_hash = customer_index_.prefetch(customer_id);
    const std::optional<date> paid = payment_dates_.read(r.raw(date_));
    if (!paid) return false;
    const std::string_view reference_text = r.raw(reference);
    const std::string_view invoice_id = r.raw(invoice);
    if (!clean_or_empty(reference_text) || !clean_or_empty(invoice_id)) return false;
    payment_channel channel = payment_channel::unspecified;
    if (const std::string_view m_text = r.raw(method); !m_text.empty()) {
      const result<payment_channel> k = parse_payment_channel(m_text);
      if (!k || !clean(m_text)) return false;
      channel = *k;
    }
    const std::uint32_t customer_index = customer_index_.find(customer_id, customer_hash);
    if (customer_index == no_record) return false;
    const currency own = customer_currency_[customer_index];
    if (r.raw(currency_) != own.code()) return false;
    const std::optional<std::int64_t> units = detail::plain_minor_units(r.raw(amount), own.minor_units(), mark);
    if (!units || *units <= 0) return false;
    std::uint32_t designated = no_record;
    if (!invoice_id.empty() && !defer_designations) {
      designated = invoices_.find(invoice_id);
      if (designated == no_record || out.invoices.customer[designated] != customer_index) return false;
    }
    const auto row = static_cast<std::uint32_t>(t.size());
    if (!invoice_id.empty() && defer_designations) defer_designation(row, r.place(invoice), invoice_id);
    t.customer.push_back(customer_index);
    t.date_paid.push_back(*paid);
    t.amount.push_back(*units);
    t.reference.push_back(t.text.add(reference_text));
    t.invoice.push_back(designated);
    t.line.push_back(r.line());
    t.method.push_back(channel);
    t.id.push_back(t.text.add(id_text));
    add_id(payment_ids_, payments_, id_text, row, r, id, "payment_id");
    return true;
  }

  /// Rows of a CSV file whose ids wait for their duplicate check (the fast paths above).
  struct ids_batch {
    struct pending {
      std::uint32_t row;
      std::uint32_t hash;
      std::int32_t line;    // of the id's field
      std::uint32_t field;  // 1-based
    };
    static constexpr std::size_t size = 256;
    std::string file;           // the CSV file; empty: not CSV, each id is checked at once
    std::vector<pending> rows;  // at most `size`
    std::uint32_t duplicate = no_record;  // the row whose id was found a duplicate, if one was
  };

  /// Checks the id of row `row` (just stored, read in from `r`'s column `c`) unique, at once
  /// or with its batch.
  template <class Table>
  static void add_id(ids_batch& batch, id_index<Table>& ids, std::string_view id_text, std::uint32_t row,
                     const row_view& r, std::size_t c, std::string_view what) {
    const std::uint32_t h = ids.hash_of(id_text);
    if (batch.file.empty()) {
      ids.insert_unique(id_text, h, row, r, c, what);
      return;
    }
    const auto [line, field] = r.place(c);
    batch.rows.push_back({row, h, line, static_cast<std::uint32_t>(field)});
    if (batch.rows.size() == ids_batch::size) check_ids(batch, ids, what);
  }

  /// Checks the ids of `batch` unique, in row order, each slot fetched a few rows ahead. The
  /// batch is empty after, also when a duplicate was found (it is not looked at twice); that
  /// row is kept in `duplicate`.
  template <class Table>
  static void check_ids(ids_batch& batch, id_index<Table>& ids, std::string_view what) {
    constexpr std::size_t ahead = 16;
    const std::vector<ids_batch::pending>& rows = batch.rows;
    for (std::size_t k = 0; k < std::min(ahead, rows.size()); ++k) ids.prefetch_hash(rows[k].hash);
    std::size_t k = 0;
    try {
      for (; k < rows.size(); ++k) {
        if (k + ahead < rows.size()) ids.prefetch_hash(rows[k + ahead].hash);
        const ids_batch::pending& p = rows[k];
        ids.insert_unique_at(p.hash, p.row, [&] { return io::csv_location(batch.file, p.line, p.field); }, what);
      }
    } catch (const ledger_error&) {
      batch.duplicate = rows[k].row;
      batch.rows.clear();
      throw;
    }
    batch.rows.clear();
  }

 public:
  /// Reading `section` from CSV file `file` (batched id checks) or from JSON (`file` empty).
  void start_section(std::string_view section, std::string_view file) {
    if (section == "invoices") invoice_ids_ = {std::string(file), {}};
    if (section == "payments") payment_ids_ = {std::string(file), {}};
    if (section == "invoices" && !file.empty()) invoice_ids_.rows.reserve(ids_batch::size);
    if (section == "payments" && !file.empty()) payment_ids_.rows.reserve(ids_batch::size);
  }
  /// Checks the ids still waiting in `section`'s batch: before any problem of a later row is
  /// reported, and at the end of the file.
  void check_pending_ids(std::string_view section) {
    if (section == "invoices") check_ids(invoice_ids_, invoices_, "invoice_id");
    if (section == "payments") check_ids(payment_ids_, payments_, "payment_id");
  }

  void add_invoice(const row_view& r) {
    if (add_plain_invoice(r)) return;
    check_pending_ids("invoices");
    using namespace invoices_csv;
    invoice_columns& t = out.invoices;
    read_row(t, invoices_, r, id, "invoice_id", [&](std::uint32_t row) {
      const std::uint32_t customer_index = customer_index_of(r, customer);
      const date issued = parse_date_at(r, issue_date, "issue_date");
      date due;  // not_a_date_time: from the terms
      if (!r.get(due_date).empty())
        due = parse_date_not_before(r, due_date, "due_date", issued, "issue_date");
      const currency ccy = check_currency(r, currency_, customer_index);
      const std::string_view credited = r.get(credit_of);
      // A negative amount is only meaningful as a credit note naming the invoice it reduces.
      const money m = parse_money_at(r, amount, "amount", ccy, !credited.empty());
      if (!credited.empty() && !m.is_negative())
        fail(errc::invalid_argument, r.where(amount) + ": a credit note (credit_of " +
                                         in_quotes(credited) + ") needs a negative amount");
      const std::string_view terms_text = r.get(terms);
      const std::uint32_t terms_handle = terms_text.empty() ? 0 : invoice_terms(r, terms_text);
      t.customer.push_back(customer_index);
      t.issue_date.push_back(issued);
      t.due_date.push_back(due);
      t.amount.push_back(m.minor_units());
      t.terms.push_back(terms_handle);
      t.reference.push_back(t.text.add(r.get(reference)));
      t.credit_of.push_back(no_record);
      t.line.push_back(r.line());
      if (!credited.empty())
        credit_notes_.push_back({row, std::string(credited), r.where(credit_of)});
    });
  }

  void add_payment(const row_view& r) {
    if (add_plain_payment(r)) return;
    check_pending_ids("payments");
    using namespace payments_csv;
    payment_columns& t = payments_read_;
    read_row(t, payments_, r, id, "payment_id", [&](std::uint32_t row) {
      const std::uint32_t customer_index = customer_index_of(r, customer);
      const date paid = parse_date_at(r, date_, "date");
      const money m =
          positive_money_at(r, amount, "amount", check_currency(r, currency_, customer_index));
      const std::uint32_t reference_handle = t.text.add(r.get(reference));
      std::uint32_t designated = no_record;
      if (const std::string_view invoice_id = r.get(invoice); !invoice_id.empty()) {
        if (defer_designations)
          defer_designation(row, r.place(invoice), invoice_id);
        else
          designated =
              invoice_of_customer([&] { return r.where(invoice); }, invoice_id, customer_index);
      }
      payment_channel channel = payment_channel::unspecified;
      if (const std::string_view m_text = r.get(method); !m_text.empty()) {
        const result<payment_channel> k = parse_payment_channel(m_text);
        if (!k) fail(errc::invalid_argument, r.where(method) + ": " + k.error().message);
        channel = *k;
      }
      t.customer.push_back(customer_index);
      t.date_paid.push_back(paid);
      t.amount.push_back(m.minor_units());
      t.reference.push_back(reference_handle);
      t.invoice.push_back(designated);
      t.line.push_back(r.line());
      t.method.push_back(channel);
    });
  }

  void add_event(const row_view& r) {
    using namespace events_csv;
    event_record e;
    e.line = r.line();
    e.on = parse_date_at(r, date_, "date");
    const customer_record& c = customer_of(r, customer, e.customer_index);
    e.customer_id = c.customer_id;
    const std::string_view kind = required(r, event, "event");
    result<ledger_event_kind> k = parse_ledger_event_kind(kind);
    if (!k) fail(errc::invalid_argument, r.where(event) + ": " + k.error().message);
    e.kind = *k;
    e.invoice_id = std::string(r.get(invoice));
    if (!e.invoice_id.empty()) {
      e.invoice_index = invoice_of_customer([&] { return r.where(invoice); }, e.invoice_id, e.customer_index);
      // Nothing happens to an invoice before it exists.
      const date issued = out.invoices.issue_date[e.invoice_index];
      if (e.on < issued)
        fail(errc::invalid_argument, r.where(date_) + ": " + std::string(kind) + " on " + to_string(e.on) +
                                         " is dated before invoice " + in_quotes(e.invoice_id) +
                                         " was issued (" + to_string(issued) + ")");
      if (e.kind == ledger_event_kind::dispute_opened || e.kind == ledger_event_kind::dispute_resolved)
        disputes_.push_back({e.invoice_index, e.on, e.kind == ledger_event_kind::dispute_opened, r.where(date_)});
    } else if (e.kind == ledger_event_kind::dispute_opened || e.kind == ledger_event_kind::dispute_resolved ||
               e.kind == ledger_event_kind::write_off || e.kind == ledger_event_kind::notice_sent ||
               e.kind == ledger_event_kind::payment_plan || e.kind == ledger_event_kind::debt_acknowledgment) {
      fail(errc::invalid_argument,
           r.where(invoice) + ": event " + std::string(kind) + " needs an invoice_id");
    }
    e.details = std::string(r.get(details));
    parse_details(r, e, c.currency);
    out.events.push_back(std::move(e));
  }

  void add_order(const row_view& r) {
    using namespace orders_csv;
    order_record o;
    o.line = r.line();
    o.order_id = std::string(required(r, id, "order_id"));
    orders_.insert_unique(o.order_id, static_cast<std::uint32_t>(out.orders.size()), r, id, "order_id");
    std::uint32_t customer_index = no_record;
    const customer_record& c = customer_of(r, customer, customer_index);
    o.customer_id = c.customer_id;
    o.ordered = parse_date_at(r, date_, "date");
    check_currency(r, currency_, c);
    o.amount = positive_money_at(r, amount, "amount", c.currency);
    if (!r.get(delivery_date).empty())
      o.delivered = parse_date_not_before(r, delivery_date, "delivery_date", o.ordered, "the order's date");
    if (!r.get(cancelled_date).empty())
      o.cancelled = parse_date_not_before(r, cancelled_date, "cancelled_date", o.ordered, "the order's date");
    o.invoice_id = std::string(r.get(invoice));
    if (!o.invoice_id.empty()) {
      const date issued =
          out.invoices.issue_date[invoice_of_customer([&] { return r.where(invoice); }, o.invoice_id, customer_index)];
      // Goods are invoiced when delivered or soon after (Norway's bookkeeping rules: within a
      // month; Sweden's and Denmark's: without delay). A delivery more than a year before its
      // invoice is a typo in a year (2004 for 2024), not a late invoice.
      if (o.delivered && *o.delivered + days(366) < issued)
        fail(errc::invalid_argument, r.where(delivery_date) + ": delivery_date " + to_string(*o.delivered) +
                                         " is more than a year before invoice " + in_quotes(o.invoice_id) +
                                         " was issued (" + to_string(issued) + ")");
    }
    out.orders.push_back(std::move(o));
  }

  void add_security(const row_view& r) {
    using namespace security_csv;
    security_record s;
    s.line = r.line();
    s.security_id = std::string(required(r, id, "security_id"));
    securities_.insert_unique(s.security_id, static_cast<std::uint32_t>(out.securities.size()), r, id, "security_id");
    std::uint32_t customer_index = no_record;
    const customer_record& c = customer_of(r, customer, customer_index);
    s.customer_id = c.customer_id;
    const result<security_kind> k = parse_security_kind(required(r, kind, "kind"));
    if (!k) fail(k.error().code, r.where(kind) + ": kind " + k.error().message);
    s.kind = *k;
    check_currency(r, currency_, c);
    s.amount = positive_money_at(r, amount, "amount", c.currency);
    if (!r.get(expires).empty()) s.expires = parse_date_at(r, expires, "expires");
    s.reference = std::string(r.get(reference));
    out.securities.push_back(std::move(s));
  }

  void add_counterclaim(const row_view& r) {
    using namespace counterclaims_csv;
    counterclaim_record k;
    k.line = r.line();
    k.counterclaim_id = std::string(required(r, id, "counterclaim_id"));
    counterclaims_.insert_unique(k.counterclaim_id, static_cast<std::uint32_t>(out.counterclaims.size()), r, id,
                                 "counterclaim_id");
    std::uint32_t customer_index = no_record;
    const customer_record& c = customer_of(r, customer, customer_index);
    k.customer_id = c.customer_id;
    k.arose = parse_date_at(r, date_, "date");
    check_currency(r, currency_, c);
    k.amount = positive_money_at(r, amount, "amount", c.currency);
    if (!r.get(payable_from).empty())
      k.payable_from = parse_date_not_before(r, payable_from, "payable_from", k.arose, "its date");
    k.reference = std::string(r.get(reference));
    out.counterclaims.push_back(std::move(k));
  }

  /// Once every customer is read: their ids side by side, so the many lookups of a customer
  /// id read no customer record (customers.csv is read before any file that names one).
  void index_customers() {
    // Copied side by side (about 10 bytes each, not a 200-byte record apart): a million rows
    // look up 50 000 customers at random, and the ids and currencies stay in the caches.
    std::size_t bytes = 0;
    for (const customer_record& c : out.customers) bytes += c.customer_id.size();
    customer_text_ = text_arena{};
    customer_text_.reserve(out.customers.size(), bytes);
    std::vector<std::uint32_t> handles;
    handles.reserve(out.customers.size());
    for (const customer_record& c : out.customers) handles.push_back(customer_text_.add(c.customer_id));
    customer_ids_.clear();
    customer_ids_.reserve(out.customers.size());
    customer_currency_.clear();
    customer_currency_.reserve(out.customers.size());
    for (std::size_t k = 0; k < handles.size(); ++k) {
      customer_ids_.push_back(customer_text_[handles[k]]);
      customer_currency_.push_back(out.customers[k].currency);
    }
    customer_index_ = inline_key_index(customer_ids_);
  }

  /// payments.csv read beside invoices.csv: its designations wait for every invoice.
  bool defer_designations = false;

  /// Checks the designations deferred while payments.csv was read, in row order, for the rows
  /// before payment `before` (the row that failed, if one did: its own problem comes after).
  void check_designations(std::string_view file, std::size_t before) {
    // Half a million designations look up a million invoices' table: each slot is fetched a
    // few designations ahead, so the misses overlap (as in check_ids).
    constexpr std::size_t ahead = 16;
    for (std::size_t k = 0; k < deferred_.size(); ++k) {
      const deferred_designation& d = deferred_[k];
      if (d.payment >= before) break;
      if (k + ahead < deferred_.size())
        invoices_.prefetch_hash(invoices_.hash_of(deferred_text_[deferred_[k + ahead].invoice_id]));
      payments_read_.invoice[d.payment] =
          invoice_of_customer([&] { return io::csv_location(file, d.line, d.field); }, deferred_text_[d.invoice_id],
                              payments_read_.customer[d.payment]);
    }
    deferred_.clear();
    deferred_text_ = text_arena{};
  }

  /// Keeps payment `row`'s designation of `invoice_id` (at `place`) for check_designations.
  void defer_designation(std::uint32_t row, std::pair<int, std::size_t> place, std::string_view invoice_id) {
    deferred_.push_back({row, place.first, static_cast<std::uint32_t>(place.second), deferred_text_.add(invoice_id)});
  }

  /// A dispute is opened once and then resolved: a second dispute_opened while one is open
  /// (in date order, rows of the same day in file order) is refused, naming its row.
  void check_disputes() {
    std::stable_sort(disputes_.begin(), disputes_.end(), [](const dispute_row& a, const dispute_row& b) {
      return a.invoice != b.invoice ? a.invoice < b.invoice : a.on < b.on;
    });
    for (std::size_t k = 0; k < disputes_.size(); ++k) {
      const dispute_row& d = disputes_[k];
      const bool same_invoice = k > 0 && disputes_[k - 1].invoice == d.invoice;
      if (!d.opened || !same_invoice) continue;
      // The previous event of this invoice's disputes: open when it opened one.
      const dispute_row& before = disputes_[k - 1];
      if (before.opened)
        fail(errc::conflict, d.where + ": a second dispute_opened for invoice " +
                                 in_quotes(id_of(out.invoices, d.invoice)) + " while the one opened on " +
                                 to_string(before.on) + " (" + before.where +
                                 ") is not resolved (dispute_resolved comes first)");
    }
    disputes_.clear();
  }

  /// Checks that need every invoice: a credit note's invoice exists, is the same customer's,
  /// and is not itself a credit note.
  void check_credit_notes() {
    invoice_columns& t = out.invoices;
    for (const credit_note& note : credit_notes_) {
      const std::uint32_t it = invoices_.find(note.credit_of);
      if (it == no_record)
        fail(errc::not_found, note.where + ": credit_of names unknown invoice " + in_quotes(note.credit_of));
      t.credit_of[note.row] = it;
      if (t.customer[it] != t.customer[note.row])
        fail(errc::conflict, note.where + ": credit_of " + in_quotes(note.credit_of) + " is customer " +
                                 in_quotes(out.customers[t.customer[it]].customer_id) + "'s invoice, not " +
                                 in_quotes(out.customers[t.customer[note.row]].customer_id) + "'s");
      // Only a credit note has a negative amount (add_invoice).
      if (t.amount[it] < 0)
        fail(errc::conflict, note.where + ": credit_of " + in_quotes(note.credit_of) + " is itself a credit note");
    }
  }

 private:
  /// The customer column `c` names, and its index (customer_index_of).
  const customer_record& customer_of(const row_view& r, std::size_t c, std::uint32_t& index) const {
    index = customer_index_of(r, c);
    return out.customers[index];
  }

  /// Reads row `r` into `t` (invoices or payments), its id in column `c`: the id's slot in the
  /// index is fetched from memory while `read(row)` checks and stores the rest of the row (the
  /// slots of a million ids miss the caches), then the id is checked unique and stored. A row
  /// whose id is a duplicate is refused for that, whatever else is wrong with it, as before.
  template <class Table, class Index, class Read>
  static void read_row(Table& t, Index& ids, const row_view& r, std::size_t c, std::string_view what, Read&& read) {
    const auto row = static_cast<std::uint32_t>(t.size());
    const std::string_view id = required(r, c, what);
    const std::uint32_t h = ids.prefetch(id);
    try {
      read(row);
    } catch (const ledger_error&) {
      ids.check_new(id, r, c, what);
      throw;
    }
    ids.insert_unique(id, h, row, r, c, what);
    t.id.push_back(t.text.add(id));  // the index reads it back when a later id has the same hash
  }

  /// The index of the customer column `c` names, once every customer is read (index_customers,
  /// before any file that names one). Only reads the customers, so payments.csv may be read on
  /// another thread while invoices.csv is.
  std::uint32_t customer_index_of(const row_view& r, std::size_t c) const {
    const std::string_view id = required(r, c, "customer_id");
    const std::uint32_t index = customer_index_.find(id);
    if (index == no_record) fail(errc::not_found, r.where(c) + ": unknown customer_id " + in_quotes(id));
    return index;
  }

  /// The currency of customer `customer`, which column `c` must name.
  currency check_currency(const row_view& r, std::size_t c, std::uint32_t customer) const {
    const currency own = customer_currency_[customer];
    if (r.get(c) == own.code()) return own;
    check_currency(r, c, out.customers[customer]);
    return own;
  }

  void check_currency(const row_view& r, std::size_t c, const customer_record& cust) const {
    // The usual row names its customer's currency: a comparison, not a parse (a million rows).
    if (r.get(c) == cust.currency.code()) return;
    const currency cur = parse_currency_at(r, c);
    if (cur != cust.currency)
      fail(errc::currency_mismatch, r.where(c) + ": currency " + std::string(cur.code()) +
                                        " differs from customer " + in_quotes(cust.customer_id) + "'s currency " +
                                        std::string(cust.currency.code()));
  }

  /// The row of invoice `id`, which must be customer `customer`'s; `where()` names the place.
  template <class Where>
  std::uint32_t invoice_of_customer(const Where& where, std::string_view id, std::uint32_t customer) const {
    const std::uint32_t at = invoices_.find(id);
    if (at == no_record) fail(errc::not_found, where() + ": unknown invoice_id " + in_quotes(id));
    if (const std::uint32_t owner = out.invoices.customer[at]; owner != customer)
      fail(errc::conflict, where() + ": invoice " + in_quotes(id) + " belongs to customer " +
                               in_quotes(out.customers[owner].customer_id) + ", not " +
                               in_quotes(out.customers[customer].customer_id));
    return at;
  }

  /// The handle of terms text `text` when invoice_terms has seen it, else 0.
  [[nodiscard]] std::uint32_t known_terms(std::string_view text) const noexcept {
    for (const auto& [known, handle] : terms_seen_)
      if (known == text) return handle;
    return 0;
  }

  /// A customer's default terms checked: each distinct text once (50 000 customers share a
  /// handful, and parsing one costs a thousand instructions).
  void customer_terms(const row_view& r, std::string_view text) {
    if (std::find(customer_terms_seen_.begin(), customer_terms_seen_.end(), text) != customer_terms_seen_.end()) return;
    check_terms(r, customers_csv::terms, text);
    if (customer_terms_seen_.size() < 64) customer_terms_seen_.emplace_back(text);
  }

  /// The handle of an invoice's own terms: each distinct text is checked and stored once.
  std::uint32_t invoice_terms(const row_view& r, std::string_view text) {
    if (const std::uint32_t handle = known_terms(text); handle != 0) return handle;
    check_terms(r, invoices_csv::terms, text);
    const std::uint32_t handle = out.invoices.text.add(text);
    // A ledger with thousands of distinct terms texts is unusual; past 64 each is just stored.
    if (terms_seen_.size() < 64) terms_seen_.emplace_back(std::string(text), handle);
    return handle;
  }

  static void parse_details(const row_view& r, event_record& e, currency cur) {
    using namespace events_csv;
    const std::string where = r.where(details);
    std::string_view rest = e.details;
    const bool structured = rest.find('=') != std::string_view::npos;
    std::vector<std::string_view> seen;  // keys so far: each may be given once
    while (structured && !rest.empty()) {
      const std::size_t cut = rest.find(';');
      std::string_view pair = rest.substr(0, cut);
      rest = cut == std::string_view::npos ? std::string_view{} : rest.substr(cut + 1);
      while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
      while (!pair.empty() && pair.back() == ' ') pair.remove_suffix(1);
      if (pair.empty()) continue;
      const std::size_t eq = pair.find('=');
      if (eq == std::string_view::npos)
        fail(errc::invalid_argument, where + ": " + in_quotes(pair) + " is not key=value");
      const std::string_view key = pair.substr(0, eq);
      const std::string_view value = pair.substr(eq + 1);
      if (std::find(seen.begin(), seen.end(), key) != seen.end())
        fail(errc::invalid_argument, where + ": key " + in_quotes(key) + " is given twice");
      seen.push_back(key);
      const auto as_date = [&] {
        result<date> d = parse_date(value);
        if (!d) fail(errc::invalid_argument, where + ": " + std::string(key) + " " + in_quotes(value) + " is not a date YYYY-MM-DD");
        return *d;
      };
      const auto as_money = [&] {
        const money m = parse_amount(value, cur, r.mark(), [&] { return where; }, key);
        if (!m.is_positive()) fail(errc::invalid_argument, where + ": " + std::string(key) + " " + in_quotes(value) + " must be positive");
        return m;
      };
      using enum ledger_event_kind;
      const ledger_event_kind k = e.kind;
      if (key == "until" && (k == promise_to_pay || k == hold)) {
        e.until = as_date();
      } else if (key == "amount" && (k == promise_to_pay || k == payment_plan || k == write_off)) {
        e.amount = as_money();
      } else if (key == "installments" && k == payment_plan) {
        int n = 0;
        for (const char ch : value) {
          if (ch < '0' || ch > '9' || n > 1000) { n = -1; break; }
          n = n * 10 + (ch - '0');
        }
        if (n < 1 || n > 120)
          fail(errc::invalid_argument, where + ": installments " + in_quotes(value) + " is not a number 1..120");
        e.installments = n;
      } else if (key == "first" && k == payment_plan) {
        e.first_due = as_date();
      } else if (key == "level" && k == notice_sent) {
        if (value.empty()) fail(errc::invalid_argument, where + ": level is empty");
        e.level = std::string(value);
      } else if (key == "deadline" && k == notice_sent) {
        e.deadline = as_date();
      } else if (key == "fee" && k == notice_sent) {
        e.fee = parse_amount(value, cur, r.mark(), [&] { return where; }, key);
        if (e.fee->is_negative()) fail(errc::invalid_argument, where + ": fee " + in_quotes(value) + " is negative");
      } else {
        fail(errc::invalid_argument, where + ": key " + in_quotes(key) + " does not apply to " +
                                         std::string(to_string(k)));
      }
    }
    using enum ledger_event_kind;
    const auto need = [&](bool present, std::string_view what) {
      if (!present)
        fail(errc::invalid_argument, where + ": " + std::string(to_string(e.kind)) + " needs " + std::string(what) +
                                         " in details");
    };
    if (e.kind == promise_to_pay) need(e.until.has_value(), "until=YYYY-MM-DD");
    if (e.kind == payment_plan) {
      need(e.installments > 0, "installments=N");
      need(e.first_due.has_value(), "first=YYYY-MM-DD");
    }
    if (e.kind == notice_sent) need(!e.level.empty(), "level=NAME");
  }

 public:
  /// Room for `rows` more rows of each file (the line count of its CSV text).
  void reserve(std::string_view section, std::size_t rows) {
    if (section == "customers") {
      out.customers.reserve(rows);
      detail::advise_huge_pages(out.customers);  // 50 000 records of some 400 bytes
      customers_.reserve(rows);
    }
    if (section == "invoices") {
      out.invoices.reserve(rows);  // on huge pages (detail::allocate_column)
      invoices_.reserve(rows);
    }
    if (section == "payments") {
      payments_read_.reserve(rows);
      payments_.reserve(rows);
      deferred_.reserve(rows);  // untouched (no memory) unless payments.csv is read beside invoices.csv
      detail::advise_huge_pages(deferred_);
      deferred_text_.reserve(rows, 16 * rows);  // the designations' invoice ids; untouched as well
    }
    if (section == "events") out.events.reserve(rows);
  }

 private:
  id_index<std::vector<customer_record>> customers_{out.customers};
  id_index<invoice_columns> invoices_{out.invoices};
  id_index<std::vector<order_record>> orders_{out.orders};
  id_index<std::vector<security_record>> securities_{out.securities};
  id_index<std::vector<counterclaim_record>> counterclaims_{out.counterclaims};
  struct credit_note {
    std::uint32_t row;
    std::string credit_of;  // the invoice it names, found once every invoice is read
    std::string where;      // its credit_of field, for the message
  };
  std::vector<credit_note> credit_notes_;
  struct dispute_row {
    std::uint32_t invoice;
    date on;
    bool opened;        // dispute_opened, else dispute_resolved
    std::string where;  // its row, for the message
  };
  std::vector<dispute_row> disputes_;
  // 16 bytes each, the ids side by side (half a million payments name an invoice).
  struct deferred_designation {
    std::uint32_t payment;
    int line;             // of invoice_id's field
    std::uint32_t field;  // 1-based
    std::uint32_t invoice_id;  // handle in deferred_text_
  };
  std::vector<std::pair<std::string, std::uint32_t>> terms_seen_;  // invoice_terms
  std::vector<std::string> customer_terms_seen_;                    // customer_terms
  ids_batch invoice_ids_;
  date_cache invoice_dates_;

  // invoices.csv and payments.csv are read at once, on two threads (assemble). Below, what
  // both read and neither writes while they run, then what the payments thread writes, each
  // on cache lines of its own: two threads writing one line (one vector's end beside another's)
  // pass it between their cores at every row, which cost the loader more than its lookups.
  alignas(64) text_arena customer_text_;        // the customers' ids, side by side (index_customers)
  std::vector<std::string_view> customer_ids_;  // into customer_text_, complete before use
  inline_key_index customer_index_;             // over customer_ids_ (index_customers)
  std::vector<currency> customer_currency_;     // per customer, beside its id

  alignas(64) payment_columns payments_read_;   // out.payments once read (finish)
  id_index<payment_columns> payments_{payments_read_};
  ids_batch payment_ids_;
  date_cache payment_dates_;
  std::vector<deferred_designation> deferred_;
  text_arena deferred_text_;
  [[maybe_unused]] alignas(64) unsigned char end_of_payments_side_ = 0;  // nothing after shares their last line

 public:
  /// The payments read before the one that failed, if one did: the rows stored, less a row
  /// whose id its batch found a duplicate and the rows after it (stored before the check).
  [[nodiscard]] std::size_t payments_read() const noexcept {
    return std::min<std::size_t>(payments_read_.size(), payment_ids_.duplicate);
  }
  /// The ledger read, the builder done with.
  [[nodiscard]] ledger_columns finish() {
    out.payments = std::move(payments_read_);
    return std::move(out);
  }
};

// --- assembling the files ------------------------------------------------------------------

/// The as-of date from ledger.json's "as_of" or as_of.txt.
date parse_as_of(std::string_view file, std::string_view text) {
  const std::string t = trimmed(text.substr(0, text.find_first_of("\r\n")));
  result<date> d = parse_date(t);
  if (!d) fail(errc::invalid_argument, io::csv_location(file, 1, 1) + ": as-of date " + in_quotes(t) + " is not YYYY-MM-DD");
  return *d;
}

/// A ledger file: its text in memory, or the path of a CSV file to stream.
struct file_source {
  std::string_view text;
  std::filesystem::path path;  ///< non-empty: stream the file from here
  std::uintmax_t size = 0;     ///< the file's size when streamed
};
using file_sources = std::map<std::string, file_source, std::less<>>;

/// Where each section's rows come from: a CSV text or file, or a JSON array.
struct section_source {
  std::string file;
  file_source csv;                       // when from CSV
  const nlohmann::json* json = nullptr;  // when from JSON
  [[nodiscard]] std::uintmax_t csv_bytes() const noexcept { return csv.path.empty() ? csv.text.size() : csv.size; }
};

/// A closed-on-exit stdio stream.
struct file_closer {
  void operator()(std::FILE* f) const noexcept { std::fclose(f); }
};
using file_handle = std::unique_ptr<std::FILE, file_closer>;

/// About how many lines a streamed file of `size` bytes holds, from its first 64 KiB (then
/// rewound): rows are reserved at once, so a million of them are not copied as a vector grows.
std::size_t estimate_lines(std::FILE* f, std::uintmax_t size) {
  std::array<char, 1 << 16> head{};
  const std::size_t got = std::fread(head.data(), 1, head.size(), f);
  std::rewind(f);
  const auto lines = static_cast<std::size_t>(std::count(head.begin(), head.begin() + static_cast<std::ptrdiff_t>(got), '\n'));
  if (got == 0 || got >= size) return lines + 1;
  // A tenth more than the head's line length predicts, so that one short head does not make
  // the vector grow (and copy) near the end.
  return static_cast<std::size_t>(static_cast<double>(size) / static_cast<double>(got) * static_cast<double>(lines + 1) * 1.1) + 16;
}

template <class Specs, class OnRow>
void read_section(builder& b, const section_source& s, std::string_view section, const Specs& specs,
                  OnRow&& on_row, std::optional<std::size_t> customer_column = std::nullopt) {
  const auto columns = std::span<const column_spec>(specs);
  if (s.json != nullptr) {
    b.start_section(section, {});
    b.reserve(section, s.json->is_array() ? s.json->size() : 0);
    for_each_json_row(s.file, section, *s.json, b.mark, columns, on_row);
    return;
  }
  b.start_section(section, s.file);
  // The ids still waiting for their check come before a CSV error of a later row.
  const auto read = [&](io::csv_reader& reader) {
    try {
      for_each_csv_row(reader, s.file, columns, b.mark, on_row, customer_column,
                       [&](std::string_view id) { b.prefetch_customer(id); });
    } catch (...) {  // a row's problem, a CSV error, or no memory: the waiting ids come first
      b.check_pending_ids(section);
      throw;
    }
    b.check_pending_ids(section);
  };
  if (s.csv.path.empty()) {
    // At most one row a line: room for them all at once (no growing copies of a million rows).
    b.reserve(section, static_cast<std::size_t>(std::count(s.csv.text.begin(), s.csv.text.end(), '\n')) + 1);
    io::csv_reader reader(s.file, s.csv.text);
    read(reader);
  } else {
    const file_handle f(std::fopen(s.csv.path.c_str(), "rb"));
    if (!f) fail(errc::io, s.file + ": cannot be read");
    b.reserve(section, estimate_lines(f.get(), s.csv.size));
    io::csv_reader reader(s.file, f.get());
    read(reader);
  }
}

ledger_columns assemble(const file_sources& files, const ledger_options& options) {
  std::optional<section_source> customers, invoices, payments, events, orders, security, counterclaims;
  std::optional<date> as_of;
  std::optional<nlohmann::json> doc;
  std::string doc_name;  // the JSON ledger file, if one was given
  const auto take_csv = [&](std::optional<section_source>& slot, std::string_view name) {
    if (const auto it = files.find(name); it != files.end()) slot = section_source{it->first, it->second, nullptr};
  };
  take_csv(customers, "customers.csv");
  take_csv(invoices, "invoices.csv");
  take_csv(payments, "payments.csv");
  take_csv(events, "events.csv");
  take_csv(orders, "orders.csv");
  take_csv(security, "security.csv");
  take_csv(counterclaims, "counterclaims.csv");
  if (const auto it = files.find("as_of.txt"); it != files.end()) as_of = parse_as_of(it->first, it->second.text);
  // Any *.json in the map is a whole or partial JSON ledger (ledger.json, or the file load_ledger
  // was pointed at).
  for (const auto& [name, source] : files) {
    if (name.size() < 5 || name.substr(name.size() - 5) != ".json") continue;
    const std::string_view text = source.text;
    if (doc) fail(errc::conflict, name + ": a second JSON ledger file; give one");
    doc_name = name;
    try {
      // Strict: a number beyond a double's range, a key twice in one object and text that is
      // not UTF-8 are refused with the file's name and, where known, the line and column.
      doc = io::parse_json_strict(text, name);
    } catch (const error& e) {
      fail(e.code(), e.what());
    }
    if (!doc->is_object()) fail(errc::invalid_argument, name + ": must hold one JSON object");
    for (const auto& [key, value] : doc->items()) {
      std::optional<section_source>* slot = key == "customers" ? &customers
                                            : key == "invoices" ? &invoices
                                            : key == "payments" ? &payments
                                            : key == "events"   ? &events
                                            : key == "orders"   ? &orders
                                            : key == "security" ? &security
                                            : key == "counterclaims" ? &counterclaims
                                                                : nullptr;
      if (slot != nullptr) {
        if (*slot) fail(errc::conflict, name + ": \"" + key + "\" is also given as " + (*slot)->file);
        *slot = section_source{name, {}, &value};
      } else if (key == "as_of") {
        if (as_of) fail(errc::conflict, name + ": \"as_of\" is also given in as_of.txt");
        if (!value.is_string()) fail(errc::invalid_argument, name + ": \"as_of\" must be a date string");
        const std::string t = value.template get<std::string>();
        result<date> d = parse_date(t);
        if (!d) fail(errc::invalid_argument, name + ": as_of " + in_quotes(t) + " is not a date YYYY-MM-DD");
        as_of = *d;
      } else {
        fail(errc::invalid_argument, name + ": unknown key '" + key +
                                         "' (known: as_of, customers, invoices, payments, events, orders, security, counterclaims)");
      }
    }
  }
  // A one-file JSON ledger is told about its own missing arrays, not about CSV files.
  const bool one_file = !doc_name.empty() && files.size() == 1;
  const auto missing = [&](const char* section, const char* csv, const char* hint) {
    if (one_file)
      fail(errc::not_found, doc_name + ": \"" + section + "\" is missing (the ledger needs it" +
                                (std::string_view(section) == "payments" ? "; [] if there are none)" : ")"));
    fail(errc::not_found, std::string(csv) + ": missing (" + hint + ")");
  };
  if (!customers) missing("customers", "customers.csv", "the ledger needs customers.csv");
  if (!invoices) missing("invoices", "invoices.csv", "the ledger needs invoices.csv");
  if (!payments) missing("payments", "payments.csv", "give one with only the header row if there are none");

  builder b;
  b.mark = options.amounts;
  b.out.as_of = as_of;
  read_section(b, *customers, "customers", customers_csv::specs, [&](const row_view& r) { b.add_customer(r); });
  b.index_customers();
  const auto read_invoices = [&] {
    read_section(b, *invoices, "invoices", invoices_csv::specs, [&](const row_view& r) { b.add_invoice(r); },
                 invoices_csv::customer);
    b.check_credit_notes();
  };
  const auto read_payments = [&] {
    read_section(b, *payments, "payments", payments_csv::specs, [&](const row_view& r) { b.add_payment(r); },
                 payments_csv::customer);
  };
  // A big payments.csv is read on a second thread while invoices.csv is read: it only needs
  // the customers. Its designations are checked after, in row order, so the problem reported
  // is the one the sequential reading reports (invoices first, then payments row by row).
  const bool beside = invoices->json == nullptr && payments->json == nullptr && payments->csv_bytes() >= (1u << 20) &&
                      std::thread::hardware_concurrency() > 1;
  std::exception_ptr payments_failed;
  std::thread reader;
  if (beside) {
    b.defer_designations = true;
    try {
      reader = std::thread([&] {
        try {
          read_payments();
        } catch (...) {
          payments_failed = std::current_exception();
        }
      });
    } catch (const std::system_error&) {  // no thread to spare: read one after the other
      b.defer_designations = false;
    }
  }
  if (reader.joinable()) {
    std::exception_ptr invoices_failed;
    try {
      read_invoices();
    } catch (...) {
      invoices_failed = std::current_exception();
    }
    reader.join();
    if (invoices_failed) std::rethrow_exception(invoices_failed);
    b.check_designations(payments->file, b.payments_read());
    if (payments_failed) std::rethrow_exception(payments_failed);
    b.defer_designations = false;
  } else {
    read_invoices();
    read_payments();
  }
  if (events) {
    read_section(b, *events, "events", events_csv::specs, [&](const row_view& r) { b.add_event(r); });
    b.check_disputes();
  }
  if (orders) read_section(b, *orders, "orders", orders_csv::specs, [&](const row_view& r) { b.add_order(r); });
  if (security)
    read_section(b, *security, "security", security_csv::specs, [&](const row_view& r) { b.add_security(r); });
  if (counterclaims)
    read_section(b, *counterclaims, "counterclaims", counterclaims_csv::specs,
                 [&](const row_view& r) { b.add_counterclaim(r); });
  return b.finish();
}

result<std::string> read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return failure{errc::io, p.string() + ": cannot be read"};
  std::string text;
  in.seekg(0, std::ios::end);
  const auto size = in.tellg();
  if (size > 0) {
    text.resize(static_cast<std::size_t>(size));
    in.seekg(0);
    in.read(text.data(), static_cast<std::streamsize>(size));
  }
  if (!in && size > 0) return failure{errc::io, p.string() + ": read error"};
  return text;
}

}  // namespace

std::span<const std::string_view> ledger_file_names() noexcept {
  static constexpr std::array<std::string_view, 9> names{"customers.csv", "invoices.csv", "payments.csv",
                                                         "events.csv",    "orders.csv",   "security.csv",
                                                         "ledger.json",   "as_of.txt",    "counterclaims.csv"};
  return names;
}

std::string_view to_string(ledger_event_kind kind) noexcept {
  for (const auto& [name, k] : event_kinds)
    if (k == kind) return name;
  return "?";
}

result<ledger_event_kind> parse_ledger_event_kind(std::string_view text) {
  for (const auto& [name, k] : event_kinds)
    if (name == text) return k;
  std::string known;
  for (const auto& [name, k] : event_kinds) known += (known.empty() ? "" : ", ") + std::string(name);
  return failure{errc::invalid_argument, "unknown event '" + std::string(text) + "' (known: " + known + ")"};
}

namespace {
constexpr std::array<std::pair<std::string_view, payment_channel>, 7> payment_channels{{
    {"bank_transfer", payment_channel::bank_transfer},
    {"giro", payment_channel::giro},
    {"card", payment_channel::card},
    {"cash", payment_channel::cash},
    {"direct_debit", payment_channel::direct_debit},
    {"cheque", payment_channel::cheque},
    {"other", payment_channel::other},
}};
}  // namespace

std::string_view to_string(payment_channel m) noexcept {
  for (const auto& [name, k] : payment_channels)
    if (k == m) return name;
  return "";
}

result<payment_channel> parse_payment_channel(std::string_view text) {
  if (text.empty()) return payment_channel::unspecified;
  if (text == "check") return payment_channel::cheque;
  for (const auto& [name, k] : payment_channels)
    if (name == text) return k;
  std::string known;
  for (const auto& [name, k] : payment_channels) known += (known.empty() ? "" : ", ") + std::string(name);
  return failure{errc::invalid_argument, "unknown payment method '" + std::string(text) + "' (known: " + known + ")"};
}

namespace {
result<ledger_columns> parse_texts(const file_sources& files, const ledger_options& options) {
  try {
    return assemble(files, options);
  } catch (const ledger_error& e) {
    return e.f;
  } catch (const error& e) {  // e.g. overflow deep inside a check: still named, still a failure
    return failure{e.code(), e.what()};
  }
}

/// A ledger's rows as records, from its columns (what load_ledger has always returned).
result<ledger> as_records(result<ledger_columns> l) {
  if (!l) return l.error();
  return l->to_ledger();
}
}  // namespace

result<ledger_columns> parse_ledger_columns(const std::map<std::string, std::string, std::less<>>& files,
                                            const ledger_options& options) {
  file_sources texts;
  for (const auto& [name, text] : files) texts.emplace(name, file_source{text, {}, 0});
  return parse_texts(texts, options);
}

result<ledger> parse_ledger(const std::map<std::string, std::string, std::less<>>& files,
                            const ledger_options& options) {
  return as_records(parse_ledger_columns(files, options));
}

result<ledger> load_ledger(std::string_view path, const ledger_options& options) {
  return as_records(load_ledger_columns(path, options));
}

result<ledger_columns> load_ledger_columns(std::string_view path, const ledger_options& options) {
  namespace fs = std::filesystem;
  const fs::path p(path);
  std::error_code ec;
  const fs::file_status st = fs::status(p, ec);
  if (ec || !fs::exists(st)) return failure{errc::not_found, std::string(path) + ": no such file or directory"};
  file_sources files;
  std::array<std::string, 8> contents;  // the small files, read whole (the CSV files are streamed)
  if (fs::is_directory(st)) {
    for (std::size_t k = 0; k < ledger_file_names().size(); ++k) {
      const std::string_view name = ledger_file_names()[k];
      const fs::path f = p / name;
      if (!fs::exists(f, ec)) continue;
      if (name.ends_with(".csv")) {
        const std::uintmax_t size = fs::file_size(f, ec);
        files.emplace(std::string(name), file_source{{}, f, ec ? 0 : size});
        continue;
      }
      result<std::string> text = read_file(f);
      if (!text) return text.error();
      contents[k] = std::move(text).value();
      files.emplace(std::string(name), file_source{contents[k], {}, 0});
    }
    if (files.empty())
      return failure{errc::not_found, std::string(path) + ": no ledger files (customers.csv, invoices.csv, payments.csv)"};
    result<ledger_columns> l = parse_texts(files, options);
    if (l) return l;
    // Messages name files relative to the ledger; the user wants the path they can open.
    failure f = l.error();
    f.message = (p / f.message).string();
    return f;
  } else {
    if (p.extension() != ".json")
      return failure{errc::invalid_argument, std::string(path) + ": a ledger is a directory of CSV files or one .json file"};
    result<std::string> text = read_file(p);
    if (!text) return text.error();
    contents[0] = std::move(text).value();
    files.emplace(p.filename().string(), file_source{contents[0], {}, 0});
  }
  return parse_texts(files, options);
}

// --- the columns ---------------------------------------------------------------------------

std::uint32_t text_arena::add_grown(std::string_view s) {
  if (s.empty()) return 0;
  const std::size_t held = used();
  if (s.size() > 0xFFFF'FFFFu - held || ends_.size() >= 0xFFFF'FFFFu)
    throw error(errc::out_of_range, "ledger text: more than 4 GiB of ids and references in one table");
  // Room for this string and a short one's fixed-size copy after it, doubling. `s` is copied
  // before the old bytes are freed: it may be a text of this arena.
  if (bytes_.size() < held + s.size() + 16) {
    decltype(bytes_) grown;
    grown.resize(std::max(2 * bytes_.size(), held + s.size() + 16));
    if (held != 0) std::memcpy(grown.data(), bytes_.data(), held);
    std::memcpy(grown.data() + held, s.data(), s.size());
    bytes_.swap(grown);
  } else {
    std::memcpy(bytes_.data() + held, s.data(), s.size());
  }
  ends_.push_back(static_cast<std::uint32_t>(held + s.size()));
  return static_cast<std::uint32_t>(ends_.size() - 2);
}

void text_arena::reserve(std::size_t strings, std::size_t bytes) {
  // Column memory: a big arena faults in 2 MiB pages.
  ends_.reserve(ends_.size() + strings);
  if (bytes_.size() < used() + bytes + 16) bytes_.resize(used() + bytes + 16);
}

void invoice_columns::reserve(std::size_t rows) {
  // An id and a reference each, of about a dozen bytes (INV00000001): a guess, not a limit.
  text.reserve(2 * rows, 24 * rows);
  for_each_column(*this, [rows](auto& column) { column.reserve(rows); });
}

void payment_columns::reserve(std::size_t rows) {
  text.reserve(2 * rows, 24 * rows);  // as for invoices
  for_each_column(*this, [rows](auto& column) { column.reserve(rows); });
}

namespace {
// Records from columns, a block of rows at a time. A slice's rows lie all over the ledger, so
// each column of each row is a cache miss; read column by column, a block's misses are
// independent loads the core overlaps, where a record at a time waits for each in turn.
constexpr std::size_t record_block = 256;

/// The texts of handles `h` in `text`, read for a block before any is copied.
void gather_texts(const text_arena& text, std::span<const std::uint32_t> h, std::span<std::string_view> out) {
  for (std::size_t k = 0; k < h.size(); ++k) out[k] = text[h[k]];
  for (const std::string_view s : out.first(h.size())) __builtin_prefetch(s.data());
}

/// Calls `f(n)` for each block of [0, rows) in turn, `row[0, n)` holding the block's rows
/// (row_at(k) for each k of it).
template <class RowAt, class F>
void for_each_block(std::size_t rows, const RowAt& row_at, std::array<std::uint32_t, record_block>& row, F&& f) {
  for (std::size_t first = 0; first < rows; first += record_block) {
    const std::size_t n = std::min(record_block, rows - first);
    for (std::size_t k = 0; k < n; ++k) row[k] = row_at(first + k);
    f(n);
  }
}

template <class RowAt>
void append_invoice_records(const ledger_columns& l, std::size_t rows, const RowAt& row_at,
                            std::vector<invoice_record>& out) {
  const invoice_columns& t = l.invoices;
  std::array<std::uint32_t, record_block> row{}, id{}, credited{}, credited_id{}, terms{}, reference{};
  std::array<std::string_view, record_block> id_text{}, credited_text{}, terms_text{}, reference_text{};
  out.reserve(out.size() + rows);
  for_each_block(rows, row_at, row, [&](std::size_t n) {
    for (std::size_t k = 0; k < n; ++k) {
      const std::uint32_t r = row[k];
      id[k] = t.id[r], terms[k] = t.terms[r], reference[k] = t.reference[r], credited[k] = t.credit_of[r];
      __builtin_prefetch(&t.customer[r]), __builtin_prefetch(&t.issue_date[r]), __builtin_prefetch(&t.due_date[r]);
      __builtin_prefetch(&t.amount[r]), __builtin_prefetch(&t.line[r]);
    }
    for (std::size_t k = 0; k < n; ++k) credited_id[k] = credited[k] == no_record ? 0 : t.id[credited[k]];
    gather_texts(t.text, std::span(id).first(n), id_text);
    gather_texts(t.text, std::span(credited_id).first(n), credited_text);
    gather_texts(t.text, std::span(terms).first(n), terms_text);
    gather_texts(t.text, std::span(reference).first(n), reference_text);
    for (std::size_t k = 0; k < n; ++k) {
      const std::uint32_t r = row[k];
      const customer_record& c = l.customers[t.customer[r]];
      invoice_record& v = out.emplace_back();
      v.invoice_id = id_text[k];
      v.customer_id = c.customer_id;
      v.issue_date = t.issue_date[r];
      if (!t.due_date[r].is_special()) v.due_date = t.due_date[r];
      v.customer_index = t.customer[r];
      v.amount = money(t.amount[r], c.currency);
      // Most rows leave these empty, as a new record's are: only a text is assigned.
      if (!terms_text[k].empty()) v.terms = terms_text[k];
      if (!reference_text[k].empty()) v.reference = reference_text[k];
      if (!credited_text[k].empty()) v.credit_of = credited_text[k];
      v.line = t.line[r];
      v.credit_of_index = credited[k];
    }
  });
}

template <class RowAt>
void append_payment_records(const ledger_columns& l, std::size_t rows, const RowAt& row_at,
                            std::vector<payment_record>& out) {
  const payment_columns& t = l.payments;
  std::array<std::uint32_t, record_block> row{}, id{}, reference{}, invoice{}, invoice_id{};
  std::array<std::string_view, record_block> id_text{}, reference_text{}, invoice_text{};
  out.reserve(out.size() + rows);
  for_each_block(rows, row_at, row, [&](std::size_t n) {
    for (std::size_t k = 0; k < n; ++k) {
      const std::uint32_t r = row[k];
      id[k] = t.id[r], reference[k] = t.reference[r], invoice[k] = t.invoice[r];
      __builtin_prefetch(&t.customer[r]), __builtin_prefetch(&t.date_paid[r]), __builtin_prefetch(&t.amount[r]);
      __builtin_prefetch(&t.line[r]), __builtin_prefetch(&t.method[r]);
    }
    // The loader found the designated invoice, so its id is the text the row gave.
    for (std::size_t k = 0; k < n; ++k) invoice_id[k] = invoice[k] == no_record ? 0 : l.invoices.id[invoice[k]];
    gather_texts(t.text, std::span(id).first(n), id_text);
    gather_texts(t.text, std::span(reference).first(n), reference_text);
    gather_texts(l.invoices.text, std::span(invoice_id).first(n), invoice_text);
    for (std::size_t k = 0; k < n; ++k) {
      const std::uint32_t r = row[k];
      const customer_record& c = l.customers[t.customer[r]];
      payment_record& v = out.emplace_back();
      v.payment_id = id_text[k];
      v.customer_id = c.customer_id;
      v.date_paid = t.date_paid[r];
      v.customer_index = t.customer[r];
      v.amount = money(t.amount[r], c.currency);
      if (!reference_text[k].empty()) v.reference = reference_text[k];  // as for invoices
      if (!invoice_text[k].empty()) v.invoice_id = invoice_text[k];
      v.line = t.line[r];
      v.invoice_index = invoice[k];
      v.method = t.method[r];
    }
  });
}
}  // namespace

void ledger_columns::append_invoices(std::span<const std::uint32_t> rows, std::vector<invoice_record>& out) const {
  append_invoice_records(*this, rows.size(), [&](std::size_t k) { return rows[k]; }, out);
}

void ledger_columns::append_payments(std::span<const std::uint32_t> rows, std::vector<payment_record>& out) const {
  append_payment_records(*this, rows.size(), [&](std::size_t k) { return rows[k]; }, out);
}

invoice_record ledger_columns::invoice(std::size_t i) const {
  std::vector<invoice_record> one;
  append_invoice_records(*this, 1, [&](std::size_t) { return static_cast<std::uint32_t>(i); }, one);
  return std::move(one.front());
}

payment_record ledger_columns::payment(std::size_t i) const {
  std::vector<payment_record> one;
  append_payment_records(*this, 1, [&](std::size_t) { return static_cast<std::uint32_t>(i); }, one);
  return std::move(one.front());
}

ledger ledger_columns::to_ledger() const {
  ledger l{.customers = customers, .invoices = {}, .payments = {}, .events = events, .orders = orders,
           .securities = securities, .as_of = as_of, .counterclaims = counterclaims};
  // Huge pages: on a virtual machine each 4 KiB page faulted in costs microseconds, and a
  // million records are 200 MB of them.
  const auto same = [](std::size_t k) { return static_cast<std::uint32_t>(k); };
  l.invoices.reserve(invoices.size());
  detail::advise_huge_pages(l.invoices);
  append_invoice_records(*this, invoices.size(), same, l.invoices);
  l.payments.reserve(payments.size());
  detail::advise_huge_pages(l.payments);
  append_payment_records(*this, payments.size(), same, l.payments);
  return l;
}

KREDITOR_NAMESPACE_END
