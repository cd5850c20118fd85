// -----------------------------------------------------------------------------
// File: kreditor/io/ledger_columns.hpp
// -----------------------------------------------------------------------------
//
// A ledger as the loader keeps it: the two big tables (invoices and payments) as compact
// columns — ids and other text in one arena per table with 32-bit handles, dates, int64 minor
// units in the customer's currency, row indexes — and the small tables as records. About 50
// bytes an invoice, against about 200 for an invoice_record with its strings, and no heap
// string per row.
//
// The book and the engine take `ledger` records. They get them a slice of customers at a time
// (book/slices.hpp: ledger_slices over these columns), so only one slice is ever in the
// record layout; to_ledger() gives the whole ledger as records for a host that wants them.
//
//   ledger_columns l = load_ledger_columns("big_ledger_dir").value();
//   ledger_slices cut(l);
//   ledger part = cut.slice(0, 256);     // the first 256 customers, as records
#ifndef KREDITOR_IO_LEDGER_COLUMNS_HPP
#define KREDITOR_IO_LEDGER_COLUMNS_HPP

#include <cstdint>
#include <cstring>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kreditor/core/column.hpp"
#include "kreditor/io/ledger.hpp"

KREDITOR_NAMESPACE_BEGIN

/// Strings kept end to end in one arena, each named by a 32-bit handle; handle 0 is "".
/// Appending never moves what a handle names (handles are offsets, not pointers).
class text_arena {
 public:
  text_arena() : ends_{0, 0} {}
  /// The handle of a copy of `s` (0 for the empty string). \throws error(out_of_range) when
  /// the arena would pass 4 GiB or 2^32 strings.
  std::uint32_t add(std::string_view s) {
    if (s.empty()) return 0;
    // An id or reference (at most 16 bytes) with room for it: copied by two fixed-size,
    // possibly overlapping moves inside `s`, not a call (the loader adds two a row).
    // (Room in ends_ first: a moved-from arena has none, and no last end to read.)
    if (s.size() <= 16 && ends_.size() < ends_.capacity() && used() + 16 <= bytes_.size() &&
        used() + 16 <= 0xFFFF'FFFFu) {
      char* to = reinterpret_cast<char*>(bytes_.data()) + used();
      const char* from = s.data();
      const std::size_t n = s.size();
      if (n >= 8) {
        copy_fixed<8>(to, from);
        copy_fixed<8>(to + n - 8, from + n - 8);
      } else if (n >= 4) {
        copy_fixed<4>(to, from);
        copy_fixed<4>(to + n - 4, from + n - 4);
      } else {
        to[0] = from[0];
        to[n / 2] = from[n / 2];
        to[n - 1] = from[n - 1];
      }
      ends_.push_back(static_cast<std::uint32_t>(used() + n));
      return static_cast<std::uint32_t>(ends_.size() - 2);
    }
    return add_grown(s);
  }
  /// The text of handle `h`. \pre h was returned by add() on this arena.
  [[nodiscard]] std::string_view operator[](std::uint32_t h) const noexcept {
    return {reinterpret_cast<const char*>(bytes_.data()) + ends_[h], ends_[h + 1] - ends_[h]};
  }
  /// Room for `strings` more strings of `bytes` bytes in all.
  void reserve(std::size_t strings, std::size_t bytes);
  /// Bytes held (text and handles), for memory figures.
  [[nodiscard]] std::size_t memory() const noexcept {
    return bytes_.capacity() + ends_.capacity() * sizeof(std::uint32_t);
  }

 private:
  template <std::size_t N>
  static void copy_fixed(char* to, const char* from) noexcept {
    std::memcpy(to, from, N);  // a constant size: one load and one store
  }
  /// add() for a longer string, or when the arena must grow first.
  std::uint32_t add_grown(std::string_view s);
  /// The bytes of text held: the last string's end (none in a moved-from arena).
  [[nodiscard]] std::size_t used() const noexcept { return ends_.empty() ? 0 : ends_.back(); }

  // The text is bytes_[0, used()); the rest of bytes_ is room, left unwritten (its size is the
  // capacity, so add() writes into it without a check per byte). Unsigned: copying the
  // arena copies that room too, which is defined for unsigned char.
  std::vector<unsigned char, detail::uninitialised_allocator<unsigned char>> bytes_;
  // Handle h is bytes_[ends_[h], ends_[h + 1]); ends_ starts with {0, 0} so that handle 0 is "".
  column<std::uint32_t> ends_;
};

/// invoices.csv as columns: row i of every vector is invoice i (ledger order).
struct invoice_columns {
  text_arena text;                           ///< the ids, terms and references below
  column<std::uint32_t> id;                ///< invoice_id (text handle)
  column<std::uint32_t> customer;          ///< index in ledger_columns::customers
  column<date> issue_date;                 ///< the invoice date
  column<date> due_date;                   ///< not_a_date_time when absent (from the terms)
  column<std::int64_t> amount;             ///< minor units of the customer's currency; < 0: credit note
  column<std::uint32_t> terms;             ///< text handle; 0: the customer's default
  column<std::uint32_t> reference;         ///< text handle; 0: none
  column<std::uint32_t> credit_of;         ///< for a credit note: the invoice's row, else no_record
  column<std::int32_t> line;               ///< line in invoices.csv (for messages)

  /// The number of rows.
  [[nodiscard]] std::size_t size() const noexcept { return id.size(); }
  /// Room for `rows` rows in every column (and their text).
  void reserve(std::size_t rows);
};

/// payments.csv as columns: row i of every vector is payment i (ledger order).
struct payment_columns {
  text_arena text;                           ///< the ids and references below
  column<std::uint32_t> id;                ///< payment_id (text handle)
  column<std::uint32_t> customer;          ///< index in ledger_columns::customers
  column<date> date_paid;                  ///< value date
  column<std::int64_t> amount;             ///< minor units of the customer's currency (> 0)
  column<std::uint32_t> reference;         ///< text handle; 0: none
  column<std::uint32_t> invoice;           ///< the designated invoice's row, else no_record
  column<std::int32_t> line;               ///< line in payments.csv (for messages)
  column<payment_channel> method;          ///< column `method`

  /// The number of rows.
  [[nodiscard]] std::size_t size() const noexcept { return id.size(); }
  /// Room for `rows` rows in every column (and their text).
  void reserve(std::size_t rows);
};

/// A whole ledger, validated as load_ledger validates it, its invoices and payments as columns.
struct ledger_columns {
  std::vector<customer_record> customers;       ///< customers.csv
  invoice_columns invoices;                     ///< invoices.csv (credit notes included)
  payment_columns payments;                     ///< payments.csv
  std::vector<event_record> events;             ///< events.csv
  std::vector<order_record> orders;             ///< orders.csv (optional file)
  std::vector<security_record> securities;      ///< security.csv (optional file)
  std::vector<counterclaim_record> counterclaims;  ///< counterclaims.csv (optional file)
  std::optional<date> as_of;                    ///< the ledger's own as-of date, if given

  /// Invoice `i` as a record (what load_ledger gives as ledger::invoices[i]). \pre i < invoices.size()
  [[nodiscard]] invoice_record invoice(std::size_t i) const;
  /// Payment `i` as a record (ledger::payments[i]). \pre i < payments.size()
  [[nodiscard]] payment_record payment(std::size_t i) const;
  /// Appends invoices `rows` as records to `out`, in that order: invoice(r) for each r. Faster
  /// than one at a time for rows scattered over the ledger (a slice of customers' rows).
  /// \pre every row < invoices.size()
  void append_invoices(std::span<const std::uint32_t> rows, std::vector<invoice_record>& out) const;
  /// Appends payments `rows` as records to `out`, in that order: payment(r) for each r.
  /// \pre every row < payments.size()
  void append_payments(std::span<const std::uint32_t> rows, std::vector<payment_record>& out) const;
  /// The whole ledger as records: what load_ledger returns for the same files.
  [[nodiscard]] ledger to_ledger() const;
};

/// load_ledger, keeping the invoices and payments as columns: the same files, checks and
/// messages. A million invoices take about a quarter of the memory ledger records take.
result<ledger_columns> load_ledger_columns(std::string_view path, const ledger_options& options = {});

/// parse_ledger, keeping the invoices and payments as columns.
result<ledger_columns> parse_ledger_columns(const std::map<std::string, std::string, std::less<>>& files,
                                            const ledger_options& options = {});

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_IO_LEDGER_COLUMNS_HPP
