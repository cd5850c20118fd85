// The ledger a subcommand works on: the one named by --ledger, or the sample ledger bundled
// into the binary (examples/sample_ledger), so `kreditor run`, `aging`, `exposure` ... work
// with no arguments and give reproducible output. Input errors become usage_error (exit 2)
// with the message "FILE:LINE:COLUMN: problem".
//
//   const ledger l = ledger_from(a);          // a: the subcommand's args, declaring "ledger"
//   const date as_of = as_of_from(a, l);      // --as-of, else the ledger's own as-of date
#ifndef KREDITOR_CLI_SAMPLE_HPP
#define KREDITOR_CLI_SAMPLE_HPP

#include <string>
#include <string_view>

#include "cli/cli.hpp"
#include "kreditor/documents/party.hpp"
#include "kreditor/io/ledger.hpp"
#include "kreditor/io/ledger_columns.hpp"
#include "kreditor/time/date.hpp"

namespace kreditor::cli {

/// The bundled sample ledger (parsed from the bytes compiled into the binary).
[[nodiscard]] ledger sample_ledger();

/// decimal_mark::comma when `--decimal-comma` is given (a Nordic export's "1 234,50"), else the
/// point. The subcommand's args must declare the flag.
[[nodiscard]] decimal_mark decimal_mark_from(const args& a);

/// The ledger at `--ledger PATH` (a directory of CSV files or one .json file), or the bundled
/// sample when the option is absent; its amounts with decimal_mark_from(a). \throws usage_error naming file, line, column and problem.
[[nodiscard]] ledger ledger_from(const args& a);
/// The same, its invoices and payments kept as columns (io/ledger_columns.hpp): what `run`,
/// `aging` and `exposure` read, a slice of customers at a time, so that a big ledger is never
/// whole in the record layout.
[[nodiscard]] ledger_columns ledger_columns_from(const args& a);

/// `--as-of YYYY-MM-DD`, or else the ledger's own as-of date. \throws usage_error for a bad
/// date or when neither is given.
[[nodiscard]] date as_of_from(const args& a, const ledger& l);
[[nodiscard]] date as_of_from(const args& a, const ledger_columns& l);

/// Who is owed, for `notices` and `casefile`: --creditor FILE.json, else creditor.json in the
/// --ledger directory, else the bundled sample's (cmd_notices.cpp). \throws usage_error.
[[nodiscard]] creditor_profile creditor_from(const args& a);

}  // namespace kreditor::cli

#endif  // KREDITOR_CLI_SAMPLE_HPP
