// -----------------------------------------------------------------------------
// File: kreditor/book/state_json.hpp
// -----------------------------------------------------------------------------
//
// The run's state as JSON: the notices earlier runs asked for and the host carried out
// (recorded_notice, book/book.hpp), and the date of the last run. `kreditor run --state FILE`
// keeps it in a file; a host keeps it wherever it keeps things, and hands the notices to the
// next run (make_book, make_report) so that a notice is asked for once. No JSON library type
// appears here; the file I/O is the caller's.
//
//   result<run_state> s = parse_state_json(text, "state.json");
//   if (!s) std::cerr << s.error().message;  // "state.json: notices[3].sent: '2026-13-01' ..."
//   run_report r = make_report(std::move(l), as_of, s->notices, policy_set{});
//   ... carry out r's commands, append them to the notices ...
//   write_file("state.json", to_json(next));   // parse_state_json(to_json(s)) == s
//
// Schema (kreditor_state 1). Keys not listed are ignored (a later version may add some).
//
//   {
//     "kreditor_state": 1,                 required, the version
//     "last_run": "2026-11-20",            the date of the last run, or null (none yet)
//     "notices": [                         required, in the order recorded
//       {
//         "invoice_id": "F-26-1040",       required, non-empty
//         "step": "purring",               required, non-empty: the policy step's name, or
//                                          "broken_promise" / "broken_plan"
//         "sent": "2026-11-20",            required
//         "deadline": "2026-12-04",        the payment deadline it gave, or null / absent
//         "fee": "35.00",                  required: a decimal STRING, never a binary float
//         "currency": "NOK"                required: the fee's ISO 4217 code
//       }
//     ]
//   }
//
// Errors: errc::invalid_argument for text that is not JSON or not UTF-8, a key twice in one
// object, a missing or wrong version, a missing key or a value of the wrong type or form; the
// date's or amount's own code when it does not read (errc::out_of_range for a year outside
// 1400..9999 or a number beyond a double, errc::precision_loss for a fee finer than its
// currency, errc::not_found for an unknown currency). Every message starts with `who` (the
// file's name) and names the entry: "state.json: notices[2].fee: ...". Whether a notice fits
// the ledger (its invoice exists, its step is the policy's, its fee within the law's cap) is
// make_book's to check, which knows the ledger.
#ifndef KREDITOR_BOOK_STATE_JSON_HPP
#define KREDITOR_BOOK_STATE_JSON_HPP

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kreditor/book/book.hpp"
#include "kreditor/core/result.hpp"
#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN

/// What a run remembers for the next: the notices recorded so far and the last run's date.
struct run_state {
  std::optional<date> last_run{};          ///< none before the first run
  std::vector<recorded_notice> notices{};  ///< in the order recorded
  friend bool operator==(const run_state&, const run_state&) = default;  ///< member-wise equality
};

/// Reads a state (schema above); `who` names the input in every message.
[[nodiscard]] result<run_state> parse_state_json(std::string_view text, std::string_view who = "state file");

/// The state as JSON in the schema above (pretty-printed, with a final newline);
/// parse_state_json reads it back to an equal state.
/// \throws error(invalid_argument) naming the notice when an invoice id or step is empty or
/// not valid UTF-8 (what parse_state_json would refuse, or JSON cannot carry).
[[nodiscard]] std::string to_json(const run_state& s);

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_BOOK_STATE_JSON_HPP
