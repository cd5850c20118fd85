// -----------------------------------------------------------------------------
// File: kreditor/jurisdiction/rate_table.hpp
// -----------------------------------------------------------------------------
//
// Effective-dated annual rates: the statutory late-interest tables (NO
// forsinkelsesrente, SE dröjsmålsränta, DK morarente, FI viivästyskorko, the EU
// directive minimum) and any contractual schedule. A table is an immutable value;
// each row applies from its date until the next row, the last row until a newer
// one is added. Rows carry their legal source and an `uncertain` flag.
//
// The statutory tables are DATA (src/data/late_interest.json), read at run time;
// a host adds a new half-year without recompiling:
//
//   rate_table no = statutory_late_interest(jurisdiction::no, segment::b2b).value();
//   no.rate_at(make_date(2024, 3, 1)).value() == rate::bps(1250);
//   rate_table next = no.with_row({.effective_from = make_date(2026, 7, 1),
//                                  .annual = rate::bps(1175), .source = "FOR-2026-..."});
//   rate_table custom = load_rate_table_csv("effective_from,rate_percent,source\n"
//                                           "2024-01-01,12.5,contract\n").value();
#ifndef KREDITOR_JURISDICTION_RATE_TABLE_HPP
#define KREDITOR_JURISDICTION_RATE_TABLE_HPP

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kreditor/core/jurisdiction.hpp"
#include "kreditor/core/rate.hpp"
#include "kreditor/core/result.hpp"
#include "kreditor/time/date.hpp"
#include "kreditor/time/day_count.hpp"

KREDITOR_NAMESPACE_BEGIN

/// One row: `annual` is in force from `effective_from` (inclusive) until the next row.
struct rate_row {
  date effective_from{};            ///< a real date (special values are rejected)
  rate annual{};                   ///< the rate that applies (reference + margin already added)
  std::optional<rate> reference{};  ///< the reference rate it was derived from, when known
  std::string source{};             ///< where the number comes from (URL, regulation id, "contract")
  std::string status{};             ///< free text: "confirmed", or why the row is uncertain
  bool uncertain = false;           ///< derived or weakly sourced: re-check before relying on it
  /// Memberwise equality.
  friend bool operator==(const rate_row&, const rate_row&) = default;
};

/// What a table is and how its law counts interest. Informational, except `basis` and
/// `start_on_due_date`, which charges/interest.hpp uses as the jurisdiction's default.
struct rate_table_info {
  std::string id{};                  ///< "NO", "SE", "DK", "FI-general", "FI-commercial", "EU", ...
  std::string name{};                ///< "forsinkelsesrente"
  std::string law{};                 ///< "forsinkelsesrenteloven §§ 2-3"
  std::string formula{};             ///< "policy rate + 8 pp"
  std::optional<rate> margin{};      ///< the statutory margin over the reference rate
  day_count basis = day_count::act_365_fixed;  ///< the day count the law / practice uses
  std::string basis_source{};        ///< why that day count (UNCERTAIN where the law is silent)
  bool basis_uncertain = false;      ///< the law does not settle the day count (SE, DK, EU): flagged
  bool start_on_due_date = false;    ///< true: the due date is interest day 1; false: the day after
  std::string start_note{};  ///< why interest starts where it does (the law's wording)
};

/// An immutable, validated, effective-dated schedule of annual rates. Copies share the rows.
class rate_table {
 public:
  /// An empty table: rate_at fails for every date.
  rate_table() = default;

  /// Validates and builds: rows strictly increasing by effective_from (a repeated date is
  /// errc::conflict naming it, a decreasing one errc::invalid_argument), each with a source
  /// (errc::invalid_argument otherwise), and, where `reference` and `info.margin` are both
  /// given, annual == reference + margin (errc::conflict otherwise).
  static result<rate_table> make(std::vector<rate_row> rows, rate_table_info info = {});

  /// A single rate in force for every date (a contractual fixed rate, `--rate 12.5%`).
  [[nodiscard]] static rate_table constant(rate annual, std::string source = "fixed rate");

  /// Reference-rate rows + a fixed margin: each row's annual = reference + margin
  /// (`reference_rows[i].annual` is read as the reference rate). Validated as `make`.
  static result<rate_table> from_reference(std::vector<rate_row> reference_rows, rate margin,
                                           rate_table_info info = {});

  /// The row in force on `on`; errc::not_found before the first row.
  [[nodiscard]] result<rate_row> row_at(date on) const;
  /// The rate in force on `on`; errc::not_found before the first row.
  [[nodiscard]] result<rate> rate_at(date on) const;

  /// A new table with `row` added, replacing a row with the same effective_from. The source
  /// is required (errc::invalid_argument). *this is unchanged.
  [[nodiscard]] rate_table with_row(rate_row row) const;
  /// A new table with every row of `overrides` added or replacing the row of the same date;
  /// this table's info is kept.
  [[nodiscard]] rate_table merged(const rate_table& overrides) const;
  /// A copy with different info (e.g. another day count for the DK 30/360 option).
  [[nodiscard]] rate_table with_info(rate_table_info info) const;

  /// The rows, ascending by effective_from.
  [[nodiscard]] std::span<const rate_row> rows() const noexcept;
  /// What the table is, with its law and day count.
  [[nodiscard]] const rate_table_info& info() const noexcept;
  /// True when the table has no rows.
  [[nodiscard]] bool empty() const noexcept { return rows().empty(); }
  /// The first date a rate is known for. \pre !empty()
  [[nodiscard]] date first_date() const { return rows().front().effective_from; }
  /// The index in rows() of the row in force on `on`. \pre !empty() && on >= first_date()
  [[nodiscard]] std::size_t index_at(date on) const;

 private:
  struct data;
  explicit rate_table(std::shared_ptr<const data> d) : d_(std::move(d)) {}
  std::shared_ptr<const data> d_;
};

/// Loads a table from JSON text, either one table object or a document {"tables": [...]} with
/// exactly one table:
///   {"id": "NO", "margin_percent": "8", "day_count": "ACT/ACT ISDA",
///    "rows": [{"effective_from": "2024-01-01", "rate_percent": "12.5", "reference_percent": "4.5",
///              "source": "...", "uncertain": false, "status": "confirmed"}]}
/// Rates are decimal STRINGS (or integers): a binary float is refused. Errors:
/// errc::invalid_argument naming the row and field (bad JSON names the line and column),
/// errc::conflict for duplicate dates or inconsistent reference + margin.
result<rate_table> load_rate_table_json(std::string_view json);

/// Loads a table from CSV text: a header line naming the columns (any order), then one row
/// per line. Columns: effective_from, rate_percent (required unless reference_percent and
/// `margin` give it), source (required), reference_percent, uncertain (true/false/1/0/empty),
/// status. '#' lines and blank lines are skipped; fields may be double-quoted ("a, b").
/// Errors: errc::invalid_argument "line N: ..." / errc::conflict "line N: ...".
result<rate_table> load_rate_table_csv(std::string_view csv, rate_table_info info = {},
                                       std::optional<rate> margin = std::nullopt);

/// Every statutory table shipped in src/data/late_interest.json, parsed fresh on each call
/// (nothing is cached; keep the value).
result<std::vector<rate_table>> shipped_late_interest_tables();

/// The shipped statutory late-interest table for a jurisdiction and debtor segment:
/// NO/SE/DK one table for both segments; FI b2c -> general rate (korkolaki 4 §, reference + 7),
/// FI b2b -> commercial rate (4 a §, reference + 8); EU b2b -> directive minimum (ECB + 8).
/// EU b2c fails with errc::not_found: the directive covers commercial transactions only.
/// Parsed on each call (no global state); keep the returned value.
result<rate_table> statutory_late_interest(jurisdiction j, segment s);

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_JURISDICTION_RATE_TABLE_HPP
