// -----------------------------------------------------------------------------
// File: kreditor/io/ledger.hpp
// -----------------------------------------------------------------------------
//
// A ledger as the CLI and host software hand it to kreditor: customers, invoices,
// payments and events (and, for credit exposure, orders and security held), read from a
// directory of CSV files (customers.csv, invoices.csv, payments.csv, events.csv, orders.csv,
// security.csv) or one JSON file, validated row by row.
// Errors name the file, line and column: "invoices.csv:14:6: amount '-5.00' is negative".
//
//   ledger l = load_ledger("examples/sample_ledger").value();
//   for (const invoice_record& inv : l.invoices) ...
#ifndef KREDITOR_IO_LEDGER_HPP
#define KREDITOR_IO_LEDGER_HPP

#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kreditor/core/jurisdiction.hpp"
#include "kreditor/core/money.hpp"
#include "kreditor/core/result.hpp"
#include "kreditor/exposure/credit_account.hpp"
#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN

/// An index field that names no record (an optional column left empty).
inline constexpr std::uint32_t no_record = 0xFFFF'FFFFu;

/// One row of customers.csv.
struct customer_record {
  std::string customer_id;  ///< unique in the ledger
  std::string name;  ///< the customer's name (UTF-8)
  std::string country;  ///< ISO 3166 alpha-2: NO, SE, DK, FI, ... (selects the jurisdiction)
  kreditor::segment segment = segment::b2b;  ///< business or consumer: which law's limits apply
  kreditor::currency currency{};  ///< the customer's currency: its invoices and payments are in it
  money credit_limit{};               ///< in `currency`; zero means no credit
  std::optional<date> credit_limit_expires;  ///< optional: the limit's last valid day (a review is due)
  std::string terms;                  ///< default payment terms, e.g. "30 dager netto"
  std::string org_number;             ///< optional
  std::string email;                  ///< optional
  std::string address;                ///< optional: postal address, lines separated by ", " (notices need it)
  std::string account_manager;        ///< optional
  std::vector<std::string> flags;     ///< optional: on_hold, cash_only, in_collection, ...
  int line = 0;                       ///< line in customers.csv (for messages)
};

/// One row of invoices.csv.
struct invoice_record {
  std::string invoice_id;  ///< unique in the ledger
  std::string customer_id;  ///< the debtor
  date issue_date;  ///< the invoice date
  std::optional<date> due_date;  ///< absent: computed from the terms
  std::uint32_t customer_index = no_record;  ///< set by the loader: customer_id's index in ledger::customers
  money amount{};                ///< positive; a negative amount is a credit note (credit_of set)
  std::string terms;             ///< absent: the customer's default
  std::string reference;         ///< KID / OCR / RF, optional
  std::string credit_of;         ///< for a credit note: the invoice it reduces (optional column)
  int line = 0;  ///< line in invoices.csv (for messages)
  std::uint32_t credit_of_index = no_record;  ///< set by the loader: credit_of's index in ledger::invoices
};

/// How a payment was made: payments.csv's optional column `method` (and the same key in a JSON
/// ledger). Scoring counts cheques (scoring::invoice_fact::paid_by_cheque): slow to clear, open to
/// fraud, and costly to bank, so a customer who pays by cheque is asked for a bank transfer.
enum class payment_channel : std::uint8_t {
  unspecified,    ///< the column is absent or empty
  bank_transfer,  ///< credit transfer initiated by the payer (SEPA credit transfer, bankgiro, ...)
  giro,           ///< a giro payment slip (OCR/KID giro, inbetalningskort, FI-kort)
  card,           ///< payment card
  cash,           ///< cash at the counter
  direct_debit,   ///< collected by the creditor (AvtaleGiro, Autogiro, Betalingsservice, SEPA direct debit)
  cheque,         ///< a cheque (also spelled "check" in the file)
  other,          ///< any other way (set-off by agreement, a collection agency's remittance, ...)
};

/// "bank_transfer", "giro", "card", "cash", "direct_debit", "cheque", "other"; "" for unspecified.
[[nodiscard]] std::string_view to_string(payment_channel m) noexcept;
/// The inverse of to_string ("check" reads as cheque; "" as unspecified); errc::invalid_argument
/// naming the text and the known values otherwise.
result<payment_channel> parse_payment_channel(std::string_view text);

/// One row of payments.csv.
struct payment_record {
  std::string payment_id;  ///< unique in the ledger
  std::string customer_id;  ///< the payer
  date date_paid;  ///< value date
  std::uint32_t customer_index = no_record;  ///< set by the loader: index in ledger::customers
  money amount{};          ///< positive
  std::string reference;   ///< optional
  std::string invoice_id;  ///< optional: the debtor's designation, honoured first
  int line = 0;  ///< line in payments.csv (for messages)
  std::uint32_t invoice_index = no_record;   ///< set by the loader: invoice_id's index in ledger::invoices
  payment_channel method = payment_channel::unspecified;  ///< optional column `method`
};

/// The kinds of events.csv rows.
enum class ledger_event_kind : std::uint8_t {
  dispute_opened, dispute_resolved, promise_to_pay, payment_plan, write_off, hold, release, notice_sent,
  /// The debtor signed a debt acknowledgment of the invoice's claim (documents/agreement.hpp):
  /// no effect on dunning; it interrupts limitation (documents/claim_limitation.hpp).
  debt_acknowledgment,
};

/// "dispute_opened", "promise_to_pay", ... (the spelling in events.csv).
[[nodiscard]] std::string_view to_string(ledger_event_kind kind) noexcept;
/// The inverse of to_string; errc::invalid_argument naming the text otherwise.
result<ledger_event_kind> parse_ledger_event_kind(std::string_view text);

/// One row of events.csv.
///
/// `details` is free text, or `key=value` pairs separated by ';' which are checked and parsed
/// into the typed fields below (unknown keys are errors):
///   promise_to_pay  until=DATE (required), amount=DECIMAL
///   payment_plan    installments=N (required, 1..120), first=DATE (required), amount=DECIMAL
///   hold            until=DATE
///   write_off       amount=DECIMAL (absent: the whole open amount)
///   notice_sent     level=NAME (required), deadline=DATE, fee=DECIMAL
///   debt_acknowledgment  (needs an invoice_id; details free text)
struct event_record {
  date on;  ///< the day it happened
  std::string customer_id;  ///< the customer
  std::string invoice_id;  ///< may be empty for customer-level events (hold, release)
  ledger_event_kind kind = ledger_event_kind::notice_sent;  ///< what happened
  std::string details;     ///< free text or key=value pairs (e.g. "until=2026-03-01", "installments=3")
  int line = 0;  ///< line in events.csv (for messages)
  // Parsed from `details` (see above); absent when not given.
  std::optional<date> until;      ///< promise_to_pay: the promised date; hold: held until
  std::optional<money> amount;    ///< promised / installment / written-off amount (customer's currency)
  int installments = 0;           ///< payment_plan: number of installments
  std::optional<date> first_due;  ///< payment_plan: the first installment's due date (then monthly)
  std::string level;              ///< notice_sent: the policy step's name ("reminder", "purring", ...)
  std::optional<date> deadline;   ///< notice_sent: the notice's deadline
  std::optional<money> fee;       ///< notice_sent: the fee charged with the notice
  std::uint32_t customer_index = no_record;  ///< set by the loader: index in ledger::customers
  std::uint32_t invoice_index = no_record;   ///< set by the loader: invoice_id's index in ledger::invoices
};

/// One row of orders.csv (optional file): an order accepted on credit, counted in the customer's
/// exposure from its date until it is invoiced or cancelled. As of a date D it is
///   - not counted when `date` > D, or it was cancelled by D, or `invoice_id` names an invoice
///     issued by D (the invoice then carries the exposure);
///   - "delivered, not invoiced" when delivered by D, else "accepted, not invoiced".
struct order_record {
  std::string order_id;  ///< unique in the ledger
  std::string customer_id;  ///< the customer who ordered
  date ordered;                        ///< column `date`: when the order was accepted
  money amount{};                      ///< positive, in the customer's currency
  std::optional<date> delivered;       ///< column `delivery_date`
  std::string invoice_id;              ///< optional: the invoice that billed it
  std::optional<date> cancelled;       ///< column `cancelled_date`
  int line = 0;  ///< line in orders.csv (for messages)
};

/// One row of security.csv (optional file): security held against a customer's debt.
/// Column `kind` is guarantee, pledge or credit_insurance (parse_security_kind).
struct security_record {
  std::string security_id;  ///< unique in the ledger
  std::string customer_id;  ///< the customer whose debt it secures
  security_kind kind = security_kind::guarantee;  ///< guarantee, pledge or credit insurance
  money amount{};                      ///< positive, in the customer's currency
  std::optional<date> expires;         ///< last day it counts; absent: until released
  std::string reference;               ///< optional: guarantee or policy number
  int line = 0;  ///< line in security.csv (for messages)
};

/// One row of counterclaims.csv (optional file): something we owe the customer (a credit note
/// not paid out, a purchase from them), which a policy's propose_set_off step may set a claim
/// off against (dunning/cover.hpp). Set-off needs our claim due and the right to pay this one
/// now: it counts from `payable_from`, else from its date.
struct counterclaim_record {
  std::string counterclaim_id;         ///< unique in the ledger
  std::string customer_id;             ///< the customer we owe it to
  date arose;                          ///< column `date`: the day it arose
  money amount{};                      ///< positive, in the customer's currency: what is left of it
  std::optional<date> payable_from;    ///< column `payable_from`: the first day we may pay it
  std::string reference;               ///< optional: their invoice number, the credit note
  int line = 0;  ///< line in counterclaims.csv (for messages)
};

/// A whole ledger. Ids are unique; every invoice, payment and event names a known customer;
/// currencies of invoices and payments match their customer's.
struct ledger {
  std::vector<customer_record> customers;  ///< customers.csv
  std::vector<invoice_record> invoices;  ///< invoices.csv (credit notes included)
  std::vector<payment_record> payments;  ///< payments.csv
  std::vector<event_record> events;  ///< events.csv
  std::vector<order_record> orders;        ///< orders.csv (optional file)
  std::vector<security_record> securities; ///< security.csv (optional file)
  std::optional<date> as_of;  ///< the ledger's own as-of date (ledger.json / as_of.txt), if given
  std::vector<counterclaim_record> counterclaims{};  ///< counterclaims.csv (optional file)
};

/// How a host's export writes what its locale decides.
struct ledger_options {
  /// The decimal mark of every amount (amount, credit_limit, event details' amount= and fee=):
  /// decimal_mark::comma reads a Nordic ERP export's "1 234,50" or "1.234,50"; with the point
  /// (the default) such an amount is refused with a message that says so, never misread.
  decimal_mark amounts = decimal_mark::point;
};

/// Reads a ledger directory (CSV files as above) or a single .json file.
/// Failure: errc::invalid_argument / not_found / conflict / currency_mismatch / io with a message
/// "FILE:LINE:COLUMN: problem".
///
/// COLUMN is the 1-based field number in that row (the column a spreadsheet shows). Columns are
/// found by their header names, in any order; an unknown or repeated column name is an error,
/// as is a missing required one. A directory may hold `ledger.json` ({"as_of": "YYYY-MM-DD"}) or
/// `as_of.txt` with the ledger's own as-of date. A single JSON file holds one object with
/// "as_of" and the arrays "customers", "invoices", "payments", "events" of objects whose keys
/// are the CSV column names and whose values are strings (amounts as decimal strings); its
/// messages name the element: "ledger.json: invoices[3].amount: ...".
result<ledger> load_ledger(std::string_view path, const ledger_options& options = {});

/// The files a ledger directory may hold, in reading order: customers.csv, invoices.csv,
/// payments.csv, events.csv, orders.csv, security.csv, ledger.json, as_of.txt, counterclaims.csv.
[[nodiscard]] std::span<const std::string_view> ledger_file_names() noexcept;

/// Parses a ledger from in-memory CSV texts (file name -> contents); load_ledger and the CLI's
/// bundled sample use this. `events.csv`, `orders.csv`, `security.csv` and `counterclaims.csv` may be absent.
result<ledger> parse_ledger(const std::map<std::string, std::string, std::less<>>& files,
                            const ledger_options& options = {});

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_IO_LEDGER_HPP
