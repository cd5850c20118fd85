/*
 * kreditor.h - the stable C interface of kreditor (libkreditor_c).
 *
 * For accounting plugins written in C, or in any language with a C FFI (C#, Delphi, Go,
 * Rust, Java, Python ctypes, LibreOffice Basic). Pure C: compiles as C89 (with <stdint.h>),
 * C99, C11 and C++; no C++ type and no C++ exception crosses it.
 *
 * Conventions (the same for every function):
 *
 *  - Every function that can fail returns a kreditor_status: KREDITOR_OK (0) or a negative
 *    KREDITOR_E_* code. The codes -1..-99 are the C++ library's kreditor::errc numbers; codes
 *    from -100 down belong to this C interface only. On failure kreditor_last_error() gives
 *    a message naming the function, the input and the problem (thread-local; every call that
 *    returns a status sets it, to "" on success). No function aborts or throws: bad input,
 *    NULL pointers and out-of-memory come back as statuses.
 *  - Out parameters are written only on KREDITOR_OK (except *needed and kreditor_reference_check's
 *    *valid, see below).
 *  - Handles (kreditor_ledger, kreditor_report, ...) are opaque; each has a _free function
 *    that accepts NULL. A handle may be used from one thread at a time; distinct handles on
 *    distinct threads are independent.
 *  - Structs passed in or out start with `size`: set it to sizeof(the struct) (the
 *    kreditor_*_init functions do this and fill in the defaults). New fields are only ever
 *    appended, so a plugin built against an older header keeps working with a newer library.
 *  - Strings in are NUL-terminated UTF-8. Strings a function computes come out through a
 *    caller's buffer (char* buf, size_t buf_size, size_t* needed): when the text and its NUL
 *    fit, it is copied and *needed is set to strlen + 1; otherwise the function returns
 *    KREDITOR_E_BUFFER_TOO_SMALL, sets *needed (when needed is not NULL) to the size required
 *    and leaves "" in buf (when buf_size > 0). buf may be NULL when buf_size is 0: a size query.
 *    Strings a handle holds (ids, e-mails, step names in a report) are borrowed: `const char*`
 *    valid until that handle is freed.
 *  - Money is a count of minor units (int64_t) in a currency named by its ISO 4217 code:
 *    never a binary float. 1234.50 NOK is 123450.
 *  - Dates are kreditor_date: days since 1970-01-01 (the C++ day_number); KREDITOR_NO_DATE
 *    means "none". Valid dates are 1400-01-01..9999-12-31.
 *
 * Quick start (see the README's "C quick start"):
 *
 *   kreditor_ledger* ledger = NULL;
 *   kreditor_report* report = NULL;
 *   kreditor_ledger_load("examples/sample_ledger", &ledger);
 *   kreditor_report_make(ledger, as_of, NULL, &report);       -- NULL: country presets
 *   kreditor_report_command_count(report, &n);
 *   for (k = 0; k < n; ++k) {
 *     kreditor_command c;
 *     kreditor_command_init(&c, sizeof c);
 *     kreditor_report_command(report, k, &c);
 *     printf("%s %s %s\n", c.invoice_id, c.kind_name, c.step);
 *   }
 *   kreditor_report_free(report);
 *   kreditor_ledger_free(ledger);
 */
#ifndef KREDITOR_KREDITOR_H
#define KREDITOR_KREDITOR_H

#include <stddef.h>
#include <stdint.h>

/* KREDITOR_API marks the exported functions (everything else in the library is hidden). */
#if defined(_WIN32) || defined(__CYGWIN__)
#  if defined(KREDITOR_C_BUILDING)
#    define KREDITOR_API __declspec(dllexport)
#  else
#    define KREDITOR_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__) || defined(__clang__)
#  define KREDITOR_API __attribute__((visibility("default")))
#else
#  define KREDITOR_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- versions ------------------------------------------------------------------------- */

/* The C ABI's major version (the library's SOVERSION). It changes only when a function or
 * struct field is removed or changes meaning; within one version things are only added. */
#define KREDITOR_ABI_VERSION 1

/* KREDITOR_ABI_VERSION of the library actually loaded: a plugin compares it with the
 * macro it was built with. */
KREDITOR_API int kreditor_abi_version(void);
/* The kreditor release, "MAJOR.MINOR.PATCH" (static storage). */
KREDITOR_API const char* kreditor_version_string(void);

/* ---- status codes --------------------------------------------------------------------- */

typedef int kreditor_status;

enum {
  KREDITOR_OK = 0,
  /* = kreditor::errc (include/kreditor/core/errc.hpp); the numbers never change. */
  KREDITOR_E_INVALID_ARGUMENT = -1,  /* malformed input: bad code, bad date, NULL pointer, ... */
  KREDITOR_E_OUT_OF_RANGE = -2,      /* well-formed but outside the supported domain */
  KREDITOR_E_OVERFLOW = -3,          /* an exact amount does not fit */
  KREDITOR_E_CURRENCY_MISMATCH = -4, /* amounts in two currencies */
  KREDITOR_E_NOT_FOUND = -5,         /* unknown calendar, currency, policy, customer, invoice */
  KREDITOR_E_LEGAL_VIOLATION = -6,   /* a policy or fee the jurisdiction's law forbids */
  KREDITOR_E_PRECISION_LOSS = -7,    /* more decimals than allowed and no rounding given */
  KREDITOR_E_CONFLICT = -8,          /* duplicate id, inconsistent records */
  KREDITOR_E_IO = -9,                /* a file could not be read */
  KREDITOR_E_INTERNAL = -99,         /* a bug in kreditor: please report it */
  /* The C interface's own codes (-100 and below; errc will never use them). */
  KREDITOR_E_BUFFER_TOO_SMALL = -100, /* a string did not fit: *needed says how much would */
  KREDITOR_E_NO_MEMORY = -101         /* out of memory (std::bad_alloc inside) */
};

/* The message of the last call on this thread that returned a status ("" after success).
 * Valid until the next kreditor call on this thread. Never NULL. */
KREDITOR_API const char* kreditor_last_error(void);
/* "ok", "invalid_argument", ..., "buffer_too_small", "no_memory"; "unknown" otherwise.
 * (static storage) */
KREDITOR_API const char* kreditor_status_name(kreditor_status status);

/* ---- dates ---------------------------------------------------------------------------- */

/* Days since 1970-01-01 (1970-01-02 is 1). */
typedef int32_t kreditor_date;
#define KREDITOR_NO_DATE INT32_MIN

/* y-m-d; KREDITOR_E_INVALID_ARGUMENT when it does not exist, _OUT_OF_RANGE outside 1400..9999. */
KREDITOR_API kreditor_status kreditor_date_from_ymd(int year, int month, int day, kreditor_date* out);
KREDITOR_API kreditor_status kreditor_date_to_ymd(kreditor_date d, int* year, int* month, int* day);
/* "YYYY-MM-DD" exactly. */
KREDITOR_API kreditor_status kreditor_date_parse(const char* text, kreditor_date* out);
KREDITOR_API kreditor_status kreditor_date_format(kreditor_date d, char* buf, size_t buf_size, size_t* needed);

/* ---- money ---------------------------------------------------------------------------- */

/* Rounding modes (= kreditor::rounding). */
enum {
  KREDITOR_ROUNDING_NONE = -1, /* exact: more decimals than the currency has is an error */
  KREDITOR_ROUNDING_HALF_UP = 0,
  KREDITOR_ROUNDING_HALF_EVEN = 1,
  KREDITOR_ROUNDING_HALF_DOWN = 2,
  KREDITOR_ROUNDING_DOWN = 3,
  KREDITOR_ROUNDING_UP = 4,
  KREDITOR_ROUNDING_FLOOR = 5,
  KREDITOR_ROUNDING_CEILING = 6
};

/* Digits after the decimal point of an ISO 4217 currency: NOK 2, JPY 0, KWD 3. */
KREDITOR_API kreditor_status kreditor_currency_minor_units(const char* currency, int* out);
/* "1234.50", "-0.05", "1,234.50", "1 234.50" in `currency` -> minor units. `rounding`:
 * KREDITOR_ROUNDING_NONE to refuse extra decimals (KREDITOR_E_PRECISION_LOSS), else the mode
 * that rounds them once. */
KREDITOR_API kreditor_status kreditor_money_parse(const char* text, const char* currency, int rounding,
                                                  int64_t* minor_units);
/* "1234.50": the exact amount with all the currency's decimals, no currency code. */
KREDITOR_API kreditor_status kreditor_money_format(int64_t minor_units, const char* currency, char* buf,
                                                   size_t buf_size, size_t* needed);

/* ---- payment terms -------------------------------------------------------------------- */

typedef struct kreditor_terms kreditor_terms;

/* Parses invoice terms: "net 30", "2/10 net 30", "30 dager netto", "LM+30", "net 10 prox", ...
 * KREDITOR_E_INVALID_ARGUMENT with the position and reason otherwise. */
KREDITOR_API kreditor_status kreditor_terms_parse(const char* text, kreditor_terms** out);
KREDITOR_API void kreditor_terms_free(kreditor_terms* terms);
/* The canonical English spelling: "net 30 EOM", "2/10 net 30". */
KREDITOR_API kreditor_status kreditor_terms_format(const kreditor_terms* terms, char* buf, size_t buf_size,
                                                   size_t* needed);
/* The due date of an invoice issued on `issued` (delivered on `delivered`, or KREDITOR_NO_DATE),
 * moved off non-business days by the statutory rule of `roll_jurisdiction` ("NO", "SE", "DK",
 * "FI", "EU"), or not moved when it is NULL or "". */
KREDITOR_API kreditor_status kreditor_terms_due_date(const kreditor_terms* terms, kreditor_date issued,
                                                     kreditor_date delivered, const char* roll_jurisdiction,
                                                     kreditor_date* out);

/* ---- payment references and identity numbers ------------------------------------------ */

/* Types: "kid-mod10", "kid-mod11", "ocr", "fik71", "fi-ref", "rf", "iban", "orgnr-no",
 * "orgnr-se", "cvr", "ytunnus". */

/* Checks `value` (spaces ignored). An invalid value is an answer, not an error: *valid = 0 and
 * the reason goes to reason_buf ("" when valid). *valid is set even when the reason does not
 * fit (KREDITOR_E_BUFFER_TOO_SMALL), so reason_buf may be NULL with reason_size 0. */
KREDITOR_API kreditor_status kreditor_reference_check(const char* type, const char* value, int* valid,
                                                      char* reason_buf, size_t reason_size, size_t* needed);
/* Completes `payload` with its check digit(s) (kid-mod10, kid-mod11, ocr, fik71, fi-ref, rf);
 * with_length_digit (ocr only) adds the OCR length digit. */
KREDITOR_API kreditor_status kreditor_reference_make(const char* type, const char* payload, int with_length_digit,
                                                     char* buf, size_t buf_size, size_t* needed);
/* The printed form: IBAN and RF in groups of four, orgnr-se as NNNNNN-NNNN, ... */
KREDITOR_API kreditor_status kreditor_reference_format(const char* type, const char* value, char* buf,
                                                       size_t buf_size, size_t* needed);

/* ---- business-day calendars ----------------------------------------------------------- */

typedef struct kreditor_calendar kreditor_calendar;

/* Business-day conventions (= kreditor::business_day_convention, ISDA 2006 4.12). */
enum {
  KREDITOR_BDC_UNADJUSTED = 0,
  KREDITOR_BDC_FOLLOWING = 1,
  KREDITOR_BDC_MODIFIED_FOLLOWING = 2,
  KREDITOR_BDC_PRECEDING = 3,
  KREDITOR_BDC_MODIFIED_PRECEDING = 4
};

/* "NO", "SE", "DK", "FI", "NO-public", "weekends" (case-insensitive); KREDITOR_E_NOT_FOUND otherwise. */
KREDITOR_API kreditor_status kreditor_calendar_new(const char* code, kreditor_calendar** out);
KREDITOR_API void kreditor_calendar_free(kreditor_calendar* cal);
KREDITOR_API kreditor_status kreditor_calendar_is_business_day(const kreditor_calendar* cal, kreditor_date d,
                                                               int* out);
/* d rolled onto a business day by `convention` (KREDITOR_BDC_*). */
KREDITOR_API kreditor_status kreditor_calendar_adjust(const kreditor_calendar* cal, kreditor_date d,
                                                      int convention, kreditor_date* out);
/* The n-th business day after d (n > 0) or before it (n < 0); n == 0: d rolled forward. */
KREDITOR_API kreditor_status kreditor_calendar_advance(const kreditor_calendar* cal, kreditor_date d,
                                                       int business_days, kreditor_date* out);

/* ---- late-payment interest ------------------------------------------------------------ */

enum {
  KREDITOR_SEGMENT_B2B = 0, /* the debtor is a business or public body */
  KREDITOR_SEGMENT_B2C = 1  /* the debtor is a consumer */
};
enum {
  KREDITOR_FIRST_DAY_AFTER_DUE = 0, /* interest days are (due, end] (the default) */
  KREDITOR_FIRST_DAY_DUE_DATE = 1   /* [due, end] */
};

typedef struct kreditor_interest_input {
  size_t size;                /* sizeof(kreditor_interest_input) */
  int64_t principal_minor;    /* not negative */
  const char* currency;       /* "NOK" */
  kreditor_date due;          /* the due date */
  kreditor_date end;          /* paid (or evaluated) on */
  const char* jurisdiction;   /* "NO", "SE", "DK", "FI", "EU": the statutory table and its day count */
  int segment;                /* KREDITOR_SEGMENT_* */
  const char* rate;           /* NULL: the statutory rate; else a fixed annual rate "12.5%" or "1250bp" */
  int first_day;              /* KREDITOR_FIRST_DAY_* */
  int rounding;               /* KREDITOR_ROUNDING_* (not NONE); default half_up */
} kreditor_interest_input;

typedef struct kreditor_interest_result {
  size_t size;               /* sizeof(kreditor_interest_result) */
  int64_t interest_minor;    /* the exact sum over all periods, rounded once */
  int64_t days;              /* interest days */
  size_t period_count;       /* stretches of constant rate */
  int uncertain;             /* 1: a rate used is flagged uncertain in the shipped table */
} kreditor_interest_result;

KREDITOR_API kreditor_status kreditor_interest_input_init(kreditor_interest_input* in, size_t size);
KREDITOR_API kreditor_status kreditor_interest_result_init(kreditor_interest_result* out, size_t size);
/* Statutory (or fixed-rate) late interest on one amount, as `kreditor interest` computes it. */
KREDITOR_API kreditor_status kreditor_late_interest(const kreditor_interest_input* in,
                                                    kreditor_interest_result* out);

/* ---- dunning policies ----------------------------------------------------------------- */

typedef struct kreditor_policy_set kreditor_policy_set;

/* Each customer dunned by its country's preset (NO, SE, DK, FI; any other country: EU). */
KREDITOR_API kreditor_status kreditor_policy_set_new_presets(kreditor_policy_set** out);
/* One preset for everyone: "NO", "SE", "DK", "FI", "EU", "single-reminder", "relationship-first". */
KREDITOR_API kreditor_status kreditor_policy_set_new_named(const char* name, kreditor_policy_set** out);
/* The host's own policy (the kreditor.policy/1 JSON schema, README), checked against its
 * jurisdiction's law: KREDITOR_E_LEGAL_VIOLATION names the rule. */
KREDITOR_API kreditor_status kreditor_policy_set_new_json(const char* json, kreditor_policy_set** out);
KREDITOR_API void kreditor_policy_set_free(kreditor_policy_set* policies);
/* "country presets", the preset's name or the policy's name. */
KREDITOR_API kreditor_status kreditor_policy_set_label(const kreditor_policy_set* policies, char* buf,
                                                       size_t buf_size, size_t* needed);
/* The name of preset `index` (0-based), or NULL past the last. Static storage. */
KREDITOR_API const char* kreditor_policy_preset_name(size_t index);

/* ---- the ledger: what the host knows ------------------------------------------------- */

typedef struct kreditor_ledger kreditor_ledger;

/* Amounts of records are minor units in the customer's currency. Records are checked as they
 * are added (ids unique, customers and invoices known, amounts positive, terms readable); the
 * messages of later checks name records as "invoices.csv:N" for the N-th invoice added. */

typedef struct kreditor_customer {
  size_t size;                  /* sizeof(kreditor_customer) */
  const char* customer_id;      /* required, unique */
  const char* name;
  const char* country;          /* ISO 3166 alpha-2: selects the jurisdiction (NO, SE, DK, FI, else EU) */
  int segment;                  /* KREDITOR_SEGMENT_* */
  const char* currency;         /* required: ISO 4217 */
  int64_t credit_limit_minor;   /* 0: no credit */
  kreditor_date credit_limit_expires; /* KREDITOR_NO_DATE: open-ended */
  const char* terms;            /* required: default payment terms, e.g. "30 dager netto" */
  const char* org_number;
  const char* email;
  const char* account_manager;
  const char* flags;            /* "on_hold", "cash_only", "in_collection", separated by ';', ' ' or '|' */
} kreditor_customer;

typedef struct kreditor_invoice {
  size_t size;                  /* sizeof(kreditor_invoice) */
  const char* invoice_id;       /* required, unique among invoices and credit notes */
  const char* customer_id;      /* required, a customer added before */
  kreditor_date issue_date;     /* required */
  kreditor_date due_date;       /* KREDITOR_NO_DATE: from the terms */
  int64_t amount_minor;         /* positive */
  const char* terms;            /* NULL or "": the customer's */
  const char* reference;        /* KID / OCR / RF that payments quote */
} kreditor_invoice;

typedef struct kreditor_credit_note {
  size_t size;                  /* sizeof(kreditor_credit_note) */
  const char* credit_note_id;   /* required, unique among invoices and credit notes */
  const char* customer_id;      /* required: the invoice's customer */
  kreditor_date issue_date;     /* required */
  int64_t amount_minor;         /* positive: what it takes off the invoice */
  const char* credit_of;        /* required: the invoice it reduces */
  const char* reference;
} kreditor_credit_note;

typedef struct kreditor_payment {
  size_t size;                  /* sizeof(kreditor_payment) */
  const char* payment_id;       /* required, unique */
  const char* customer_id;      /* required */
  kreditor_date date_paid;      /* required */
  int64_t amount_minor;         /* positive */
  const char* reference;        /* the KID / OCR the debtor quoted, matched to an invoice's */
  const char* invoice_id;       /* the debtor's designation, honoured first */
} kreditor_payment;

/* Event kinds (= the events.csv spelling; kreditor::ledger_event_kind). */
enum {
  KREDITOR_EVENT_DISPUTE_OPENED = 0,
  KREDITOR_EVENT_DISPUTE_RESOLVED = 1,
  KREDITOR_EVENT_PROMISE_TO_PAY = 2,  /* until (required), amount */
  KREDITOR_EVENT_PAYMENT_PLAN = 3,    /* installments (1..120), first_due (required), amount */
  KREDITOR_EVENT_WRITE_OFF = 4,       /* amount (0: the whole open claim) */
  KREDITOR_EVENT_HOLD = 5,            /* until; customer-level when invoice_id is empty */
  KREDITOR_EVENT_RELEASE = 6,
  KREDITOR_EVENT_NOTICE_SENT = 7,     /* level (the policy step's name, required), deadline, fee */
  KREDITOR_EVENT_DEBT_ACKNOWLEDGMENT = 8  /* the debtor signed one (invoice_id required): interrupts limitation */
};

typedef struct kreditor_event {
  size_t size;                  /* sizeof(kreditor_event) */
  int kind;                     /* KREDITOR_EVENT_* */
  kreditor_date on;             /* required */
  const char* customer_id;      /* required */
  const char* invoice_id;       /* required except for hold, release, promise_to_pay */
  kreditor_date until;          /* promise_to_pay, hold; else KREDITOR_NO_DATE */
  int64_t amount_minor;         /* promise / installment / write-off amount; 0: none */
  int installments;             /* payment_plan */
  kreditor_date first_due;      /* payment_plan */
  const char* level;            /* notice_sent: the step's name ("purring", "reminder", ...) */
  kreditor_date deadline;       /* notice_sent: the deadline it gave, or KREDITOR_NO_DATE */
  int64_t fee_minor;            /* notice_sent: the fee it charged; 0: none */
  const char* details;          /* free text kept with the event */
} kreditor_event;

/* A notice an earlier run asked for and the host carried out (`kreditor run --state`):
 * later runs continue after it. */
typedef struct kreditor_notice {
  size_t size;                  /* sizeof(kreditor_notice) */
  const char* invoice_id;       /* required */
  const char* step;             /* required: kreditor_command.step of the command carried out */
  kreditor_date sent;           /* required */
  kreditor_date deadline;       /* KREDITOR_NO_DATE: none */
  int64_t fee_minor;            /* the fee it charged (kreditor_command.fee_minor) */
} kreditor_notice;

/* An order accepted on credit and not yet invoiced (counted in exposure). */
typedef struct kreditor_order {
  size_t size;                  /* sizeof(kreditor_order) */
  const char* order_id;         /* required, unique */
  const char* customer_id;      /* required */
  kreditor_date ordered;        /* required */
  int64_t amount_minor;         /* positive */
  kreditor_date delivered;      /* KREDITOR_NO_DATE: not yet */
  const char* invoice_id;       /* the invoice that billed it, if any */
  kreditor_date cancelled;      /* KREDITOR_NO_DATE: not cancelled */
} kreditor_order;

enum {
  KREDITOR_SECURITY_GUARANTEE = 0,
  KREDITOR_SECURITY_PLEDGE = 1,
  KREDITOR_SECURITY_CREDIT_INSURANCE = 2
};

typedef struct kreditor_security {
  size_t size;                  /* sizeof(kreditor_security) */
  const char* security_id;      /* required, unique */
  const char* customer_id;      /* required */
  int kind;                     /* KREDITOR_SECURITY_* */
  int64_t amount_minor;         /* positive */
  kreditor_date expires;        /* last day it counts; KREDITOR_NO_DATE: until released */
  const char* reference;
} kreditor_security;

/* Each _init sets size, zeroes the fields and sets every date to KREDITOR_NO_DATE. */
KREDITOR_API kreditor_status kreditor_customer_init(kreditor_customer* c, size_t size);
KREDITOR_API kreditor_status kreditor_invoice_init(kreditor_invoice* i, size_t size);
KREDITOR_API kreditor_status kreditor_credit_note_init(kreditor_credit_note* n, size_t size);
KREDITOR_API kreditor_status kreditor_payment_init(kreditor_payment* p, size_t size);
KREDITOR_API kreditor_status kreditor_event_init(kreditor_event* e, size_t size);
KREDITOR_API kreditor_status kreditor_notice_init(kreditor_notice* n, size_t size);
KREDITOR_API kreditor_status kreditor_order_init(kreditor_order* o, size_t size);
KREDITOR_API kreditor_status kreditor_security_init(kreditor_security* s, size_t size);

/* An empty ledger the host fills. */
KREDITOR_API kreditor_status kreditor_ledger_new(kreditor_ledger** out);
/* A ledger directory (customers.csv, invoices.csv, payments.csv, events.csv, orders.csv,
 * security.csv) or one .json file, as `kreditor run --ledger` reads it; messages name the file,
 * line and column. */
KREDITOR_API kreditor_status kreditor_ledger_load(const char* path, kreditor_ledger** out);
KREDITOR_API void kreditor_ledger_free(kreditor_ledger* ledger);
/* The ledger's own as-of date (ledger.json / as_of.txt), or KREDITOR_NO_DATE. */
KREDITOR_API kreditor_status kreditor_ledger_as_of(const kreditor_ledger* ledger, kreditor_date* out);
KREDITOR_API kreditor_status kreditor_ledger_add_customer(kreditor_ledger* ledger, const kreditor_customer* c);
KREDITOR_API kreditor_status kreditor_ledger_add_invoice(kreditor_ledger* ledger, const kreditor_invoice* i);
KREDITOR_API kreditor_status kreditor_ledger_add_credit_note(kreditor_ledger* ledger, const kreditor_credit_note* n);
KREDITOR_API kreditor_status kreditor_ledger_add_payment(kreditor_ledger* ledger, const kreditor_payment* p);
KREDITOR_API kreditor_status kreditor_ledger_add_event(kreditor_ledger* ledger, const kreditor_event* e);
KREDITOR_API kreditor_status kreditor_ledger_add_notice(kreditor_ledger* ledger, const kreditor_notice* n);
KREDITOR_API kreditor_status kreditor_ledger_add_order(kreditor_ledger* ledger, const kreditor_order* o);
KREDITOR_API kreditor_status kreditor_ledger_add_security(kreditor_ledger* ledger, const kreditor_security* s);

/* ---- the daily run --------------------------------------------------------------------- */

typedef struct kreditor_report kreditor_report;

/* Invoice states (= kreditor::dunning::state). */
enum {
  KREDITOR_STATE_NOT_YET_DUE = 0,
  KREDITOR_STATE_DUE = 1,
  KREDITOR_STATE_OVERDUE = 2,
  KREDITOR_STATE_REMINDED = 3,
  KREDITOR_STATE_HANDED_TO_COLLECTION = 4,
  KREDITOR_STATE_LEGAL = 5,
  KREDITOR_STATE_PAID = 6,
  KREDITOR_STATE_CREDITED = 7,
  KREDITOR_STATE_WRITTEN_OFF = 8
};
/* Overlay bits of kreditor_line.overlays (= kreditor::dunning::overlay). */
enum {
  KREDITOR_OVERLAY_DISPUTED = 1,
  KREDITOR_OVERLAY_PROMISED = 2,
  KREDITOR_OVERLAY_IN_PLAN = 4,
  KREDITOR_OVERLAY_ON_HOLD = 8,
  KREDITOR_OVERLAY_ESCALATED = 16,
  KREDITOR_OVERLAY_COMPENSATED = 32
};
/* What the engine asks the host to do (= kreditor::dunning::command_kind). */
enum {
  KREDITOR_COMMAND_SEND_REMINDER = 0,
  KREDITOR_COMMAND_COURTESY_EMAIL = 1,
  KREDITOR_COMMAND_RECEIPT_CONFIRMATION = 2,
  KREDITOR_COMMAND_PHONE_CALL = 3,
  KREDITOR_COMMAND_NOTIFY_ACCOUNT_MANAGER = 4,
  KREDITOR_COMMAND_CREDIT_HOLD = 5,
  KREDITOR_COMMAND_CASH_TERMS = 6,
  KREDITOR_COMMAND_COLLECTION_WARNING = 7,
  KREDITOR_COMMAND_HAND_OVER_TO_COLLECTION = 8,
  KREDITOR_COMMAND_CUSTOM = 9,
  KREDITOR_COMMAND_PROPOSE_SET_OFF = 10,
  KREDITOR_COMMAND_REALISE_SECURITY = 11
};

/* One invoice as of the run's date (the fields of `kreditor run --format json`). */
typedef struct kreditor_line {
  size_t size;                  /* sizeof(kreditor_line) */
  const char* invoice_id;       /* borrowed from the report, as every const char* below */
  const char* customer_id;
  size_t customer_index;        /* for kreditor_report_customer */
  const char* reference;
  char currency[4];             /* "NOK" */
  kreditor_date issue_date;
  kreditor_date due_date;
  int64_t amount_minor;         /* invoiced less credited */
  const char* problem;          /* NULL, or why the record could not be evaluated (then the
                                   fields below are zero) */
  int state;                    /* KREDITOR_STATE_* */
  const char* state_name;       /* "reminded" */
  unsigned overlays;            /* KREDITOR_OVERLAY_* bits */
  int32_t level;                /* policy steps done */
  const char* last_step;        /* "" when none */
  int32_t days_past_due;
  int64_t open_minor;           /* open principal */
  int64_t fees_minor;           /* fees charged and unpaid */
  int64_t interest_minor;       /* late interest owed */
  int64_t total_due_minor;
  int64_t fees_paid_minor;
  int64_t interest_paid_minor;
  kreditor_date next_action;    /* KREDITOR_NO_DATE: nothing will happen by itself */
  size_t first_command;         /* this line's commands: kreditor_report_command(first_command + k) */
  size_t command_count;
  /* Appended after v1's first release (a caller compiled against the shorter struct gets the
   * fields above). Limitation (the law's table, src/data/limitation.json), interrupted by part
   * payments, promises, plans, recorded acknowledgments and, in SE and FI, notices: */
  kreditor_date limitation_date; /* KREDITOR_NO_DATE: nothing open, or no rule for the claim */
  int limitation_alert;         /* 1: the claim lapses within 90 days of the run's date */
  int limitation_uncertain;     /* 1: the rule is flagged uncertain in the table */
} kreditor_line;

/* One thing to do today. Carry it out, then record it (kreditor_ledger_add_notice with
 * invoice_id, step, on, deadline and fee_minor) so the next run continues after it. */
typedef struct kreditor_command {
  size_t size;                  /* sizeof(kreditor_command) */
  size_t line;                  /* index of the invoice's kreditor_line */
  const char* invoice_id;
  const char* customer_id;
  int kind;                     /* KREDITOR_COMMAND_* */
  const char* kind_name;        /* "send_reminder", ..., "custom:NAME" */
  const char* step;             /* the policy step's name ("purring"), or "broken_promise" / "broken_plan" */
  int32_t step_index;
  kreditor_date on;
  kreditor_date deadline;       /* KREDITOR_NO_DATE: none */
  char currency[4];
  int64_t principal_minor;      /* open principal */
  int64_t fee_minor;            /* the fee this notice charges */
  int64_t fees_minor;           /* all fees so far, this one included */
  int64_t interest_minor;       /* late interest accrued to `on` */
  int64_t total_minor;          /* principal + fees + interest */
  int recorded;                 /* 1: a run for this date already recorded it (a rerun) */
  const char* email;            /* the customer's */
  const char* account_manager;
  const char* reference;        /* the invoice's KID / OCR */
  /* Appended after v1's first release (a caller compiled against the shorter struct gets the
   * fields above): propose_set_off / realise_security name the counterclaim or security to take
   * from and the amount to take; "" and 0 for every other command. */
  const char* cover_id;
  int64_t cover_amount_minor;
} kreditor_command;

/* One customer's credit position on the run's date (the one summary `run` and `exposure` share). */
typedef struct kreditor_customer_summary {
  size_t size;                  /* sizeof(kreditor_customer_summary) */
  const char* customer_id;
  const char* name;
  const char* email;
  const char* account_manager;
  char currency[4];
  int credit_hold;              /* 1/0: the flag, a hold event, or the policy's credit_hold */
  int cash_terms;
  int in_collection;
  int over_limit;
  int64_t credit_limit_minor;
  int64_t open_minor;           /* open receivables */
  int64_t overdue_minor;        /* of which overdue */
  int64_t unapplied_credit_minor; /* paid or credited beyond every claim (owed back or set off) */
  /* exposure by category (set_off and security are deductions: zero or negative) */
  int64_t receivables_not_due_minor;
  int64_t receivables_overdue_minor;
  int64_t orders_not_invoiced_minor;
  int64_t deliveries_not_invoiced_minor;
  int64_t set_off_minor;
  int64_t security_minor;
  int64_t exposure_minor;       /* the total: net exposure */
  int32_t max_days_past_due;
  size_t line_count;            /* invoices of this customer in the report */
} kreditor_customer_summary;

KREDITOR_API kreditor_status kreditor_line_init(kreditor_line* line, size_t size);
KREDITOR_API kreditor_status kreditor_command_init(kreditor_command* c, size_t size);
KREDITOR_API kreditor_status kreditor_customer_summary_init(kreditor_customer_summary* s, size_t size);

/* The daily evaluation of `ledger` (copied: the ledger may be changed or freed afterwards)
 * as of `as_of` under `policies` (NULL: each customer's country preset), with the notices
 * added by kreditor_ledger_add_notice. Records the engine rejects are lines with a problem. */
KREDITOR_API kreditor_status kreditor_report_make(const kreditor_ledger* ledger, kreditor_date as_of,
                                                  const kreditor_policy_set* policies, kreditor_report** out);
KREDITOR_API void kreditor_report_free(kreditor_report* report);
KREDITOR_API kreditor_status kreditor_report_as_of(const kreditor_report* report, kreditor_date* out);
KREDITOR_API kreditor_status kreditor_report_line_count(const kreditor_report* report, size_t* out);
KREDITOR_API kreditor_status kreditor_report_line(const kreditor_report* report, size_t index, kreditor_line* out);
/* Every command of the run, line by line. */
KREDITOR_API kreditor_status kreditor_report_command_count(const kreditor_report* report, size_t* out);
KREDITOR_API kreditor_status kreditor_report_command(const kreditor_report* report, size_t index,
                                                     kreditor_command* out);
KREDITOR_API kreditor_status kreditor_report_customer_count(const kreditor_report* report, size_t* out);
KREDITOR_API kreditor_status kreditor_report_customer(const kreditor_report* report, size_t index,
                                                      kreditor_customer_summary* out);
/* The index of customer `customer_id`; KREDITOR_E_NOT_FOUND when the ledger has none. */
KREDITOR_API kreditor_status kreditor_report_find_customer(const kreditor_report* report, const char* customer_id,
                                                           size_t* index);
/* Records the engine rejected: "invoices.csv:LINE: invoice X: problem". */
KREDITOR_API kreditor_status kreditor_report_problem_count(const kreditor_report* report, size_t* out);
KREDITOR_API kreditor_status kreditor_report_problem(const kreditor_report* report, size_t index,
                                                     const char** out);

/* ---- documents ------------------------------------------------------------------------- */
/* The run's letters and a collection case file, rendered by the library (kreditor/documents/,
 * as `kreditor notices` and `kreditor casefile`) into the caller's buffer (the conventions
 * above: a size query with buf NULL and buf_size 0, then the call with a buffer the caller
 * allocated and frees). format: "text", "html" or "json" (the view: every field, and for a
 * notice which legally required elements are present). creditor_json: a creditor.json text
 * ("format": "kreditor.creditor/1": name, org_number, address, contact, accounts), or NULL (no
 * creditor details). templates_dir: a directory of the host's layouts and words.LANG.json
 * replacing the shipped ones, or NULL (the shipped ones). */

/* How many notices the run's commands ask for today: one per customer, currency and kind
 * (reminder, collection warning). Index them 0..count-1 in kreditor_report_render_notice. */
KREDITOR_API kreditor_status kreditor_report_notice_count(const kreditor_report* report, size_t* out);
/* Notice `index`. lang: "nb", "sv", "da", "fi", "en", or NULL (the debtor's country's). A text
 * or html letter lacking an element the law requires is refused: KREDITOR_E_LEGAL_VIOLATION
 * naming the customer, the law and what is missing; json always renders. KREDITOR_E_OUT_OF_RANGE
 * for an index past the count. */
KREDITOR_API kreditor_status kreditor_report_render_notice(const kreditor_report* report, size_t index,
                                                           const char* creditor_json, const char* format,
                                                           const char* lang, const char* templates_dir, char* buf,
                                                           size_t buf_size, size_t* needed);
/* The case file of `customer_id` (only `invoice_id` when not NULL; else every open invoice) for
 * handing over to collection: json is the agency import (schema in the README: claim, invoices,
 * notices, events, payments, interest_periods, limitation_date); text and html are documents.
 * `ledger` (may be NULL) gives the customer's payments, which the report does not keep.
 * KREDITOR_E_NOT_FOUND for an unknown customer or an invoice not the customer's. */
KREDITOR_API kreditor_status kreditor_report_render_case_file(const kreditor_report* report,
                                                              const kreditor_ledger* ledger, const char* customer_id,
                                                              const char* invoice_id, const char* creditor_json,
                                                              const char* format, const char* templates_dir, char* buf,
                                                              size_t buf_size, size_t* needed);

/* ---- order release -------------------------------------------------------------------- */

enum {
  KREDITOR_DECISION_APPROVE = 0,
  KREDITOR_DECISION_APPROVE_WITH_CONDITIONS = 1,
  KREDITOR_DECISION_REQUIRE_PREPAYMENT = 2,
  KREDITOR_DECISION_HOLD = 3
};
enum {
  KREDITOR_REASON_OVER_LIMIT = 0,
  KREDITOR_REASON_GROUP_OVER_LIMIT = 1,
  KREDITOR_REASON_OVERDUE = 2,
  KREDITOR_REASON_ON_HOLD = 3,
  KREDITOR_REASON_CASH_TERMS = 4,
  KREDITOR_REASON_IN_COLLECTION = 5,
  KREDITOR_REASON_LIMIT_EXPIRED = 6,
  KREDITOR_REASON_GROUP_LIMIT_EXPIRED = 7,
  KREDITOR_REASON_NO_LIMIT = 8
};
enum {
  KREDITOR_CONDITION_PREPAY = 0,
  KREDITOR_CONDITION_PAY_DOWN_OVERDUE = 1
};

typedef struct kreditor_release_finding {
  int reason;                   /* KREDITOR_REASON_* */
  const char* reason_name;      /* "over_limit" (static storage) */
  int64_t amount_minor;         /* over_limit: by how much; overdue: the overdue receivables */
  int32_t days;                 /* overdue: days past due of the oldest item; *_expired: days since */
} kreditor_release_finding;

typedef struct kreditor_release_condition {
  int kind;                     /* KREDITOR_CONDITION_* */
  const char* kind_name;        /* "prepay" (static storage) */
  int64_t amount_minor;
} kreditor_release_condition;

#define KREDITOR_MAX_FINDINGS 16
#define KREDITOR_MAX_CONDITIONS 8

typedef struct kreditor_release {
  size_t size;                  /* sizeof(kreditor_release) */
  int decision;                 /* KREDITOR_DECISION_* */
  const char* decision_name;    /* "approve_with_conditions" (static storage) */
  char currency[4];
  int64_t headroom_minor;       /* limit - (exposure + order); negative when over */
  size_t finding_count;
  kreditor_release_finding findings[KREDITOR_MAX_FINDINGS];
  size_t condition_count;
  kreditor_release_condition conditions[KREDITOR_MAX_CONDITIONS];
} kreditor_release;

KREDITOR_API kreditor_status kreditor_release_init(kreditor_release* r, size_t size);
/* May customer `customer_index` get a new order of `order_minor` (positive, in its currency)
 * on credit, as `kreditor exposure --order-amount` decides it: hard enforcement, overdue items
 * count after `overdue_grace_days`. */
KREDITOR_API kreditor_status kreditor_report_order_release(const kreditor_report* report, size_t customer_index,
                                                           int64_t order_minor, int32_t overdue_grace_days,
                                                           kreditor_release* out);

/* ---- aging ---------------------------------------------------------------------------- */

typedef struct kreditor_aging kreditor_aging;

enum {
  KREDITOR_AGING_BY_DUE_DATE = 0,     /* days past due; the first bucket is "current" */
  KREDITOR_AGING_BY_INVOICE_DATE = 1  /* days since the invoice */
};

/* The aging of the report's open receivables (per customer and per currency), as
 * `kreditor aging` computes it: `upper_bounds` are the buckets' inclusive upper bounds in days
 * (at most 15, strictly increasing, the first >= 0; NULL with count 0: 30, 60, 90). By due
 * date a first bound of 0 ("current") is added when missing. */
KREDITOR_API kreditor_status kreditor_report_aging(const kreditor_report* report, int basis,
                                                   const int32_t* upper_bounds, size_t bound_count,
                                                   kreditor_aging** out);
KREDITOR_API void kreditor_aging_free(kreditor_aging* aging);
KREDITOR_API kreditor_status kreditor_aging_bucket_count(const kreditor_aging* aging, size_t* out);
/* "current", "1-30", ..., ">90" (borrowed from the aging handle). */
KREDITOR_API kreditor_status kreditor_aging_label(const kreditor_aging* aging, size_t bucket, const char** out);
/* Customer `customer_index` (the report's index): its currency, item count and bucket sums.
 * `buckets_minor` receives bucket_count values (bucket_capacity must be at least that:
 * KREDITOR_E_BUFFER_TOO_SMALL otherwise). */
KREDITOR_API kreditor_status kreditor_aging_customer(const kreditor_aging* aging, size_t customer_index,
                                                     int64_t* buckets_minor, size_t bucket_capacity,
                                                     int64_t* total_minor, size_t* item_count);
/* The portfolio: one row per currency, ordered by currency code. */
KREDITOR_API kreditor_status kreditor_aging_portfolio_count(const kreditor_aging* aging, size_t* out);
KREDITOR_API kreditor_status kreditor_aging_portfolio(const kreditor_aging* aging, size_t index, char currency[4],
                                                      int64_t* buckets_minor, size_t bucket_capacity,
                                                      int64_t* total_minor);

/* ---- simulation ----------------------------------------------------------------------- */

typedef struct kreditor_timeline kreditor_timeline;

/* One invoice that is never paid, as `kreditor simulate` projects it. */
typedef struct kreditor_simulation_input {
  size_t size;                  /* sizeof(kreditor_simulation_input) */
  int64_t amount_minor;         /* positive */
  const char* currency;         /* required */
  kreditor_date invoice_date;   /* required */
  kreditor_date due;            /* required, not before invoice_date */
  int segment;                  /* KREDITOR_SEGMENT_* */
  int reminder_fee_agreed;      /* 1: a reminder fee was agreed (SE); 0 (the default): not agreed */
  const char* jurisdiction;     /* the debtor's law: "NO", "SE", "DK", "FI", "EU" (the policy set
                                   picks the policy that governs it) */
  kreditor_date until;          /* the last day simulated; KREDITOR_NO_DATE: a year after invoice_date */
} kreditor_simulation_input;

/* One day on which the policy does something. */
typedef struct kreditor_timeline_event {
  size_t size;                  /* sizeof(kreditor_timeline_event) */
  kreditor_date on;
  int32_t step_index;
  const char* step;             /* the step's name (borrowed from the timeline) */
  size_t command_count;         /* kreditor_timeline_command(timeline, event, 0..command_count-1) */
  char currency[4];
  int64_t fee_minor;            /* the fee this step charges */
  int64_t fees_minor;           /* all fees so far */
  int64_t interest_minor;       /* late interest accrued to `on` */
  kreditor_date deadline;       /* KREDITOR_NO_DATE: none */
  int64_t total_due_minor;      /* principal + fees + interest */
  int state_after;              /* KREDITOR_STATE_* */
  const char* state_name;
} kreditor_timeline_event;

KREDITOR_API kreditor_status kreditor_simulation_input_init(kreditor_simulation_input* in, size_t size);
KREDITOR_API kreditor_status kreditor_timeline_event_init(kreditor_timeline_event* e, size_t size);
/* The timeline from the invoice date through `until` under `policies` (NULL: country presets). */
KREDITOR_API kreditor_status kreditor_simulate(const kreditor_policy_set* policies, const kreditor_simulation_input* in,
                                               kreditor_timeline** out);
KREDITOR_API void kreditor_timeline_free(kreditor_timeline* timeline);
KREDITOR_API kreditor_status kreditor_timeline_count(const kreditor_timeline* timeline, size_t* out);
KREDITOR_API kreditor_status kreditor_timeline_event_at(const kreditor_timeline* timeline, size_t index,
                                                        kreditor_timeline_event* out);
/* Command `k` of event `event` (kreditor_command's invoice and customer fields are ""; `line` is
 * the event's index). */
KREDITOR_API kreditor_status kreditor_timeline_command(const kreditor_timeline* timeline, size_t event, size_t k,
                                                       kreditor_command* out);

/* ---- scoring with a saved model ------------------------------------------------------- */

/* A logistic regression model as `kreditor fit --save-model FILE.json` writes it (the
 * kreditor.logistic_model/1 JSON schema, include/kreditor/io/scoring_json.hpp): named
 * features, their coefficients and an optional intercept "(Intercept)". */
typedef struct kreditor_model kreditor_model;

/* Feature matrices of kreditor_model_score_batch. */
enum {
  KREDITOR_LAYOUT_ROW_MAJOR = 0,   /* applicant i's features are values[i * feature_count + j] */
  KREDITOR_LAYOUT_COLUMN_MAJOR = 1 /* feature j of all applicants is values[j * rows + i] (the C++ batch) */
};

/* The model from its JSON TEXT (not a path). KREDITOR_E_INVALID_ARGUMENT names the JSON pointer
 * and the problem (unknown key, missing "(Intercept)", not a number); _CONFLICT a name twice. */
KREDITOR_API kreditor_status kreditor_model_new_json(const char* json, kreditor_model** out);
KREDITOR_API void kreditor_model_free(kreditor_model* model);
/* The number of features (the coefficients without the intercept): the values each applicant
 * needs, in the order of kreditor_model_feature_name. */
KREDITOR_API kreditor_status kreditor_model_feature_count(const kreditor_model* model, size_t* out);
/* Feature `index`'s name ("Duration", "current_ratio", ...). */
KREDITOR_API kreditor_status kreditor_model_feature_name(const kreditor_model* model, size_t index, char* buf,
                                                         size_t buf_size, size_t* needed);
/* The probability of default of one applicant: 1 / (1 + exp(-(b0 + x'b))), the C++ library's
 * logistic_model::probability. `features` holds feature_count finite values in model order
 * (NULL when the model has none); a wrong count or a NaN/infinite value is
 * KREDITOR_E_INVALID_ARGUMENT naming the feature. Not floored: kreditor_recommend applies the
 * policy's PD floor. */
KREDITOR_API kreditor_status kreditor_model_score(const kreditor_model* model, const double* features,
                                                  size_t feature_count, double* pd);
/* The same for `rows` applicants: `values` holds rows x feature_count values in `layout`
 * (KREDITOR_LAYOUT_*), `pd` receives rows probabilities, each bit-identical to
 * kreditor_model_score of that row. All values are checked before any is scored; on failure
 * `pd` is not written. */
KREDITOR_API kreditor_status kreditor_model_score_batch(const kreditor_model* model, const double* values,
                                                        size_t rows, size_t feature_count, int layout, double* pd);

/* ---- credit recommendation (`kreditor score`) ------------------------------------------- */

typedef struct kreditor_recommendation kreditor_recommendation;

/* What `kreditor score --financials F [--credit-check C] [--customer ID] [--model M] [--policy P]`
 * takes, as JSON texts (the schemas of include/kreditor/io/scoring_json.hpp). */
typedef struct kreditor_recommend_input {
  size_t size;                     /* sizeof(kreditor_recommend_input) */
  const char* financials_json;     /* required: kreditor.financials/1 (one or more years) */
  const char* credit_checks_json;  /* NULL: none; else kreditor.credit_checks/1 (or one check object):
                                      the latest check of the customer grades it */
  const char* customer_id;         /* whose checks count; NULL or "": the statements' customer_id
                                      (every check when that is empty too) */
  const kreditor_model* model;     /* NULL: the PD is Ohlson's O-score; else this model over the
                                      named features of include/kreditor/scoring/recommend.hpp
                                      (current_ratio, equity_ratio, altman_z, bureau_score, ...);
                                      one the data do not give is KREDITOR_E_NOT_FOUND */
  const char* policy_json;         /* NULL: kreditor's default policy; else
                                      kreditor.recommendation_policy/1 */
  int64_t expected_purchases_minor;/* expected annual purchases in the statements' currency (the need
                                      base of the limit); 0: unknown */
} kreditor_recommend_input;

/* The recommendation (the fields of `kreditor score --json`). Strings are borrowed from the
 * kreditor_recommendation handle. */
typedef struct kreditor_recommendation_summary {
  size_t size;                  /* sizeof(kreditor_recommendation_summary) */
  const char* grade;            /* "A" .. "E" under the default policy */
  int has_pd;                   /* 0: unrated (then pd is 0) */
  double pd;                    /* probability of default, floored at the policy's pd_floor */
  const char* pd_source;        /* "model", "ohlson_1980" or "none" */
  int has_altman;
  double altman_z;
  const char* altman_model;     /* "z_prime", "z_double_prime", ... */
  const char* altman_zone;      /* "safe", "grey", "distress" */
  int has_ohlson;
  double ohlson_o;
  double ohlson_p;
  const char* terms;            /* recommended terms, canonical: "net 30", "2/10 net 30", "COD", "CIA" */
  int discount_offered;         /* 1: the discount terms were offered */
  int has_discount_annual_cost;
  double discount_annual_cost;  /* implied annual cost of the grade's discount terms (0.3724 = 37.24 %) */
  char currency[4];             /* of the limit */
  int64_t limit_minor;          /* recommended credit limit */
  size_t method_count;          /* kreditor_recommendation_method(0..method_count-1) */
  size_t reason_count;          /* kreditor_recommendation_reason(0..reason_count-1) */
} kreditor_recommendation_summary;

KREDITOR_API kreditor_status kreditor_recommend_input_init(kreditor_recommend_input* in, size_t size);
KREDITOR_API kreditor_status kreditor_recommendation_summary_init(kreditor_recommendation_summary* s, size_t size);
/* Grade, PD, terms, payment methods and credit limit with reasons, as `kreditor score` computes
 * them (the C++ scoring::recommend). Errors name the input: "in->financials_json: ...". */
KREDITOR_API kreditor_status kreditor_recommend(const kreditor_recommend_input* in, kreditor_recommendation** out);
KREDITOR_API void kreditor_recommendation_free(kreditor_recommendation* rec);
KREDITOR_API kreditor_status kreditor_recommendation_get(const kreditor_recommendation* rec,
                                                         kreditor_recommendation_summary* out);
/* Payment method `index`: "bank_transfer", "direct_debit", "card", "cash_on_delivery",
 * "prepayment" (never a cheque). */
KREDITOR_API kreditor_status kreditor_recommendation_method(const kreditor_recommendation* rec, size_t index,
                                                            const char** name);
/* Reason `index`: a stable machine-readable code ("grade_from_pd", "payment_remarks",
 * "limit_by_tnw", ...) and a sentence for a credit manager. Either pointer may be NULL. */
KREDITOR_API kreditor_status kreditor_recommendation_reason(const kreditor_recommendation* rec, size_t index,
                                                            const char** code, const char** text);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* KREDITOR_KREDITOR_H */
