/* Every entry point of <kreditor/kreditor.h> fed NULL pointers, empty and garbage strings,
 * impossible dates and enum values, wrong struct sizes and too-small buffers: each returns a
 * status with a message (never crashes, never throws into C). Run under ASan (the asan
 * preset) and valgrind (c_api_sweep_valgrind) as well. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kreditor/kreditor.h>

static int failures = 0;
static int calls = 0;

static void expect(kreditor_status got, kreditor_status want, const char* call, int line) {
  const char* message = kreditor_last_error();
  ++calls;
  if (got != want) {
    fprintf(stderr, "sweep.c:%d: %s returned %d (%s), expected %d (%s); message: %s\n", line, call, got,
            kreditor_status_name(got), want, kreditor_status_name(want), message);
    ++failures;
  } else if (message == NULL || (want != KREDITOR_OK && message[0] == '\0')) {
    fprintf(stderr, "sweep.c:%d: %s: no message with status %d\n", line, call, got);
    ++failures;
  }
}
/* A specific status. */
#define EXPECT(want, call) expect((call), (want), #call, __LINE__)
/* Any failure with a known code and a message; never KREDITOR_E_INTERNAL (a bug: bad input has a
 * name for its problem). */
#define FAILS(call) expect_failure((call), #call, __LINE__)
static void expect_failure(kreditor_status got, const char* call, int line) {
  ++calls;
  if (got == KREDITOR_OK || got == KREDITOR_E_INTERNAL || strcmp(kreditor_status_name(got), "unknown") == 0 ||
      kreditor_last_error()[0] == '\0') {
    fprintf(stderr, "sweep.c:%d: %s returned %d (%s) with message '%s'; expected a failure\n", line, call, got,
            kreditor_status_name(got), kreditor_last_error());
    ++failures;
  }
}

static const char* garbage[] = {"", "garbage", "\xff\xfe\xfd", "NOK\x01", "-", "9999999999999999999999999",
                                "2026-02-30", "1/2/3 net net", "%s%s%n", NULL /* the long one */};
#define GARBAGE_COUNT (sizeof garbage / sizeof garbage[0])

int main(void) {
  char big[64], tiny[2];
  char* long_text = (char*)malloc(20001);
  size_t needed = 0, i, n;
  int64_t m = 0;
  int v = 0;
  kreditor_date d = 0, ok_day = 0;
  kreditor_terms* terms = NULL;
  kreditor_calendar* cal = NULL;
  kreditor_policy_set* policies = NULL;
  kreditor_ledger* ledger = NULL;
  kreditor_report* report = NULL;
  kreditor_aging* aging = NULL;
  const char* text = NULL;
  int32_t bad_bounds[3] = {60, 30, 90};
  if (long_text == NULL) return 2;
  memset(long_text, '7', 20000);
  long_text[20000] = '\0';
  garbage[GARBAGE_COUNT - 1] = long_text;

  /* ---- nothing to fail: versions, names, last error ---- */
  if (kreditor_abi_version() != KREDITOR_ABI_VERSION || kreditor_version_string() == NULL) ++failures;
  if (strcmp(kreditor_status_name(12345), "unknown") != 0 || strcmp(kreditor_status_name(-100), "buffer_too_small") != 0)
    ++failures;
  if (kreditor_last_error() == NULL) ++failures;
  for (i = 0; kreditor_policy_preset_name(i) != NULL; ++i) {
  }
  if (i < 5 || kreditor_policy_preset_name((size_t)-1) != NULL) ++failures;

  /* ---- the _free functions accept NULL ---- */
  kreditor_terms_free(NULL);
  kreditor_calendar_free(NULL);
  kreditor_policy_set_free(NULL);
  kreditor_ledger_free(NULL);
  kreditor_report_free(NULL);
  kreditor_aging_free(NULL);

  /* ---- dates ---- */
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_date_from_ymd(2026, 1, 1, NULL));
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_date_from_ymd(2026, 2, 30, &d));
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_date_from_ymd(2026, 13, 1, &d));
  FAILS(kreditor_date_from_ymd(INT_MIN, INT_MIN, INT_MIN, &d));
  EXPECT(KREDITOR_E_OUT_OF_RANGE, kreditor_date_from_ymd(99999, 1, 1, &d));
  EXPECT(KREDITOR_OK, kreditor_date_from_ymd(2026, 11, 20, &ok_day));
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_date_to_ymd(ok_day, NULL, &v, &v));
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_date_to_ymd(KREDITOR_NO_DATE, &v, &v, &v));
  EXPECT(KREDITOR_E_OUT_OF_RANGE, kreditor_date_to_ymd(INT32_MAX, &v, &v, &v));
  EXPECT(KREDITOR_E_OUT_OF_RANGE, kreditor_date_to_ymd(INT32_MIN + 1, &v, &v, &v));
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_date_parse(NULL, &d));
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_date_parse("2026-11-20", NULL));
  for (i = 0; i < GARBAGE_COUNT; ++i) FAILS(kreditor_date_parse(garbage[i], &d));
  d = 12345;
  EXPECT(KREDITOR_E_BUFFER_TOO_SMALL, kreditor_date_format(ok_day, tiny, sizeof tiny, &needed));
  if (needed != 11 || tiny[0] != '\0') ++failures; /* "2026-11-20" + NUL; "" left behind */
  EXPECT(KREDITOR_E_BUFFER_TOO_SMALL, kreditor_date_format(ok_day, NULL, 0, &needed)); /* a size query */
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_date_format(ok_day, NULL, 10, &needed));
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_date_format(KREDITOR_NO_DATE, big, sizeof big, &needed));
  EXPECT(KREDITOR_OK, kreditor_date_format(ok_day, big, 11, NULL)); /* exactly fits */
  if (strcmp(big, "2026-11-20") != 0 || kreditor_last_error()[0] != '\0') ++failures;

  /* ---- money ---- */
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_currency_minor_units(NULL, &v));
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_currency_minor_units("NOK", NULL));
  for (i = 0; i < GARBAGE_COUNT; ++i) FAILS(kreditor_currency_minor_units(garbage[i], &v));
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_money_parse(NULL, "NOK", KREDITOR_ROUNDING_NONE, &m));
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_money_parse("1.00", NULL, KREDITOR_ROUNDING_NONE, &m));
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_money_parse("1.00", "NOK", KREDITOR_ROUNDING_NONE, NULL));
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_money_parse("1.00", "NOK", 99, &m));
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_money_parse("1.00", "NOK", -2, &m));
  EXPECT(KREDITOR_E_PRECISION_LOSS, kreditor_money_parse("1.005", "NOK", KREDITOR_ROUNDING_NONE, &m));
  for (i = 0; i < GARBAGE_COUNT; ++i) {
    FAILS(kreditor_money_parse(garbage[i], "NOK", KREDITOR_ROUNDING_HALF_UP, &m));
    FAILS(kreditor_money_parse("1.00", garbage[i], KREDITOR_ROUNDING_HALF_UP, &m));
  }
  EXPECT(KREDITOR_E_BUFFER_TOO_SMALL, kreditor_money_format(123450, "NOK", tiny, sizeof tiny, &needed));
  if (needed != 8) ++failures; /* "1234.50" + NUL */
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_money_format(1, NULL, big, sizeof big, &needed));
  for (i = 0; i < GARBAGE_COUNT; ++i) FAILS(kreditor_money_format(1, garbage[i], big, sizeof big, &needed));
  EXPECT(KREDITOR_OK, kreditor_money_format(INT64_MIN, "NOK", big, sizeof big, &needed));

  /* ---- terms ---- */
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_terms_parse(NULL, &terms));
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_terms_parse("net 30", NULL));
  for (i = 0; i < GARBAGE_COUNT; ++i) FAILS(kreditor_terms_parse(garbage[i], &terms));
  if (terms != NULL) ++failures; /* out parameters are written only on success */
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_terms_format(NULL, big, sizeof big, &needed));
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_terms_due_date(NULL, ok_day, KREDITOR_NO_DATE, NULL, &d));
  EXPECT(KREDITOR_OK, kreditor_terms_parse("2/10 net 30", &terms));
  EXPECT(KREDITOR_E_BUFFER_TOO_SMALL, kreditor_terms_format(terms, tiny, sizeof tiny, &needed));
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_terms_due_date(terms, ok_day, KREDITOR_NO_DATE, NULL, NULL));
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_terms_due_date(terms, KREDITOR_NO_DATE, KREDITOR_NO_DATE, NULL, &d));
  EXPECT(KREDITOR_E_OUT_OF_RANGE, kreditor_terms_due_date(terms, INT32_MAX, KREDITOR_NO_DATE, NULL, &d));
  for (i = 1; i < GARBAGE_COUNT; ++i) FAILS(kreditor_terms_due_date(terms, ok_day, KREDITOR_NO_DATE, garbage[i], &d));
  EXPECT(KREDITOR_OK, kreditor_terms_due_date(terms, ok_day, KREDITOR_NO_DATE, "", &d)); /* "": no roll */
  kreditor_terms_free(terms);

  /* ---- references ---- */
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_reference_check(NULL, "123", &v, big, sizeof big, &needed));
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_reference_check("kid-mod10", NULL, &v, big, sizeof big, &needed));
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_reference_check("kid-mod10", "123", NULL, big, sizeof big, &needed));
  for (i = 0; i < GARBAGE_COUNT; ++i) {
    FAILS(kreditor_reference_check(garbage[i], "12344", &v, big, sizeof big, &needed));
    FAILS(kreditor_reference_make(garbage[i], "1234", 0, big, sizeof big, &needed));
    FAILS(kreditor_reference_format(garbage[i], "1234", big, sizeof big, &needed));
    /* A garbage VALUE is an answer (invalid, with a reason), not an error. */
    v = 7;
    EXPECT(KREDITOR_OK, kreditor_reference_check("kid-mod10", garbage[i], &v, big, sizeof big, &needed));
    if (v != 0) ++failures;
    FAILS(kreditor_reference_make("kid-mod10", garbage[i], 0, big, sizeof big, &needed));
  }
  v = 7;
  EXPECT(KREDITOR_E_BUFFER_TOO_SMALL, kreditor_reference_check("kid-mod10", "12345", &v, tiny, sizeof tiny, &needed));
  if (v != 0 || needed < 3) ++failures; /* the answer is given even when the reason does not fit */
  EXPECT(KREDITOR_E_BUFFER_TOO_SMALL, kreditor_reference_make("kid-mod10", "1234", 0, tiny, sizeof tiny, &needed));
  if (needed != 6) ++failures;
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_reference_make("iban", "NO93", 0, big, sizeof big, &needed));
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_reference_make("kid-mod10", "1234", 1, big, sizeof big, &needed));
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_reference_format("rf", NULL, big, sizeof big, &needed));
  EXPECT(KREDITOR_E_BUFFER_TOO_SMALL, kreditor_reference_format("iban", "NO9386011117947", tiny, sizeof tiny, &needed));

  /* ---- calendars ---- */
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_calendar_new(NULL, &cal));
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_calendar_new("NO", NULL));
  for (i = 0; i < GARBAGE_COUNT; ++i) FAILS(kreditor_calendar_new(garbage[i], &cal));
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_calendar_is_business_day(NULL, ok_day, &v));
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_calendar_adjust(NULL, ok_day, KREDITOR_BDC_FOLLOWING, &d));
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_calendar_advance(NULL, ok_day, 1, &d));
  EXPECT(KREDITOR_OK, kreditor_calendar_new("no", &cal));
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_calendar_is_business_day(cal, ok_day, NULL));
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_calendar_is_business_day(cal, KREDITOR_NO_DATE, &v));
  EXPECT(KREDITOR_E_OUT_OF_RANGE, kreditor_calendar_is_business_day(cal, INT32_MAX, &v));
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_calendar_adjust(cal, ok_day, 5, &d));
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_calendar_adjust(cal, ok_day, -1, &d));
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_calendar_adjust(cal, ok_day, KREDITOR_BDC_FOLLOWING, NULL));
  EXPECT(KREDITOR_E_OUT_OF_RANGE, kreditor_calendar_advance(cal, ok_day, INT_MAX, &d));
  EXPECT(KREDITOR_E_OUT_OF_RANGE, kreditor_calendar_advance(cal, ok_day, INT_MIN, &d));
  kreditor_calendar_free(cal);

  /* ---- interest ---- */
  {
    kreditor_interest_input in;
    kreditor_interest_result out;
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_interest_input_init(NULL, sizeof in));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_interest_input_init(&in, sizeof in - 1));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_interest_result_init(&out, 1));
    EXPECT(KREDITOR_OK, kreditor_interest_input_init(&in, sizeof in));
    EXPECT(KREDITOR_OK, kreditor_interest_result_init(&out, sizeof out));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_late_interest(NULL, &out));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_late_interest(&in, NULL));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_late_interest(&in, &out)); /* no currency, no dates */
    in.currency = "NOK";
    in.jurisdiction = "NO";
    in.principal_minor = 1000000;
    in.due = ok_day - 30;
    in.end = ok_day;
    EXPECT(KREDITOR_OK, kreditor_late_interest(&in, &out));
    in.size = 3;
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_late_interest(&in, &out)); /* a wrong size */
    in.size = sizeof in;
    out.size = sizeof out + 8;
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_late_interest(&in, &out));
    out.size = sizeof out;
    in.principal_minor = -1;
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_late_interest(&in, &out));
    in.principal_minor = INT64_MAX;
    EXPECT(KREDITOR_OK, kreditor_date_from_ymd(9999, 12, 31, &in.end));
    FAILS(kreditor_late_interest(&in, &out)); /* overflow, never a wrapped amount */
    in.end = ok_day;
    in.principal_minor = 100;
    in.segment = 7;
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_late_interest(&in, &out));
    in.segment = KREDITOR_SEGMENT_B2B;
    in.rounding = KREDITOR_ROUNDING_NONE;
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_late_interest(&in, &out));
    in.rounding = KREDITOR_ROUNDING_HALF_UP;
    in.first_day = 2;
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_late_interest(&in, &out));
    in.first_day = KREDITOR_FIRST_DAY_AFTER_DUE;
    for (i = 0; i < GARBAGE_COUNT; ++i) {
      in.rate = garbage[i];
      FAILS(kreditor_late_interest(&in, &out));
      in.rate = NULL;
      in.jurisdiction = garbage[i];
      FAILS(kreditor_late_interest(&in, &out));
      in.jurisdiction = "NO";
    }
    in.jurisdiction = "EU";
    in.segment = KREDITOR_SEGMENT_B2C; /* the directive has no consumer rate */
    EXPECT(KREDITOR_E_NOT_FOUND, kreditor_late_interest(&in, &out));
  }

  /* ---- policies ---- */
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_policy_set_new_presets(NULL));
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_policy_set_new_named(NULL, &policies));
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_policy_set_new_named("NO", NULL));
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_policy_set_new_json(NULL, &policies));
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_policy_set_new_json("{}", NULL));
  for (i = 0; i < GARBAGE_COUNT; ++i) {
    FAILS(kreditor_policy_set_new_named(garbage[i], &policies));
    FAILS(kreditor_policy_set_new_json(garbage[i], &policies));
  }
  FAILS(kreditor_policy_set_new_json("{\"name\": \"x\", \"jurisdiction\": \"NO\", \"steps\": []}", &policies));
  FAILS(kreditor_policy_set_new_json("[1, 2", &policies));
  if (policies != NULL) ++failures;
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_policy_set_label(NULL, big, sizeof big, &needed));
  EXPECT(KREDITOR_OK, kreditor_policy_set_new_named("SE", &policies));
  EXPECT(KREDITOR_E_BUFFER_TOO_SMALL, kreditor_policy_set_label(policies, tiny, sizeof tiny, &needed));
  EXPECT(KREDITOR_OK, kreditor_policy_set_label(policies, big, sizeof big, &needed));

  /* ---- simulation ---- */
  {
    kreditor_simulation_input in;
    kreditor_timeline_event ev;
    kreditor_command cmd;
    kreditor_timeline* timeline = NULL;
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_simulation_input_init(NULL, sizeof in));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_timeline_event_init(&ev, 4));
    EXPECT(KREDITOR_OK, kreditor_simulation_input_init(&in, sizeof in));
    EXPECT(KREDITOR_OK, kreditor_timeline_event_init(&ev, sizeof ev));
    EXPECT(KREDITOR_OK, kreditor_command_init(&cmd, sizeof cmd));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_simulate(NULL, NULL, &timeline));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_simulate(NULL, &in, NULL));
    FAILS(kreditor_simulate(NULL, &in, &timeline)); /* nothing filled in */
    in.amount_minor = 1000000;
    in.currency = "NOK";
    in.jurisdiction = "NO";
    in.invoice_date = ok_day;
    in.due = ok_day - 1;
    FAILS(kreditor_simulate(NULL, &in, &timeline)); /* due before the invoice */
    in.due = ok_day + 14;
    for (i = 0; i < GARBAGE_COUNT; ++i) {
      in.jurisdiction = garbage[i];
      FAILS(kreditor_simulate(NULL, &in, &timeline));
      in.jurisdiction = "NO";
      in.currency = garbage[i];
      FAILS(kreditor_simulate(NULL, &in, &timeline));
      in.currency = "NOK";
    }
    in.amount_minor = 0;
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_simulate(NULL, &in, &timeline));
    in.amount_minor = 1000000;
    in.until = INT32_MAX;
    EXPECT(KREDITOR_E_OUT_OF_RANGE, kreditor_simulate(NULL, &in, &timeline));
    in.until = KREDITOR_NO_DATE;
    if (timeline != NULL) ++failures;
    /* SE's preset for a NO debtor: its statutory fee is in SEK, so a NOK invoice is refused ... */
    EXPECT(KREDITOR_E_CURRENCY_MISMATCH, kreditor_simulate(policies, &in, &timeline));
    in.currency = "SEK"; /* ... and a SEK one simulated */
    EXPECT(KREDITOR_OK, kreditor_simulate(policies, &in, &timeline));
    in.currency = "NOK";
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_timeline_count(NULL, &n));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_timeline_count(timeline, NULL));
    EXPECT(KREDITOR_OK, kreditor_timeline_count(timeline, &n));
    if (n == 0) ++failures;
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_timeline_event_at(NULL, 0, &ev));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_timeline_event_at(timeline, 0, NULL));
    EXPECT(KREDITOR_E_OUT_OF_RANGE, kreditor_timeline_event_at(timeline, n, &ev));
    EXPECT(KREDITOR_OK, kreditor_timeline_event_at(timeline, 0, &ev));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_timeline_command(NULL, 0, 0, &cmd));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_timeline_command(timeline, 0, 0, NULL));
    EXPECT(KREDITOR_E_OUT_OF_RANGE, kreditor_timeline_command(timeline, n, 0, &cmd));
    EXPECT(KREDITOR_E_OUT_OF_RANGE, kreditor_timeline_command(timeline, 0, ev.command_count, &cmd));
    kreditor_timeline_free(timeline);
    kreditor_timeline_free(NULL);
  }

  /* ---- the ledger ---- */
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_new(NULL));
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_load(NULL, &ledger));
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_load(".", NULL));
  for (i = 0; i < GARBAGE_COUNT; ++i) FAILS(kreditor_ledger_load(garbage[i], &ledger));
  FAILS(kreditor_ledger_load("/nonexistent/kreditor/ledger", &ledger));
  FAILS(kreditor_ledger_load(KREDITOR_SOURCE_DIR "/tests/c_api/sweep.c", &ledger)); /* not a ledger */
  if (ledger != NULL) ++failures;
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_as_of(NULL, &d));
  EXPECT(KREDITOR_OK, kreditor_ledger_new(&ledger));
  EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_as_of(ledger, NULL));
  {
    kreditor_customer c;
    kreditor_invoice inv;
    kreditor_credit_note note;
    kreditor_payment p;
    kreditor_event e;
    kreditor_notice nt;
    kreditor_order o;
    kreditor_security s;
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_customer_init(NULL, sizeof c));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_customer_init(&c, 0));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_invoice_init(&inv, sizeof inv + 1));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_credit_note_init(NULL, sizeof note));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_payment_init(NULL, sizeof p));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_event_init(NULL, sizeof e));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_notice_init(NULL, sizeof nt));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_order_init(NULL, sizeof o));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_security_init(NULL, sizeof s));
    EXPECT(KREDITOR_OK, kreditor_customer_init(&c, sizeof c));
    EXPECT(KREDITOR_OK, kreditor_invoice_init(&inv, sizeof inv));
    EXPECT(KREDITOR_OK, kreditor_credit_note_init(&note, sizeof note));
    EXPECT(KREDITOR_OK, kreditor_payment_init(&p, sizeof p));
    EXPECT(KREDITOR_OK, kreditor_event_init(&e, sizeof e));
    EXPECT(KREDITOR_OK, kreditor_notice_init(&nt, sizeof nt));
    EXPECT(KREDITOR_OK, kreditor_order_init(&o, sizeof o));
    EXPECT(KREDITOR_OK, kreditor_security_init(&s, sizeof s));
    /* NULL handle, NULL record, and the all-default record (required fields missing). */
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_add_customer(NULL, &c));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_add_customer(ledger, NULL));
    FAILS(kreditor_ledger_add_customer(ledger, &c));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_add_invoice(NULL, &inv));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_add_invoice(ledger, NULL));
    FAILS(kreditor_ledger_add_invoice(ledger, &inv));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_add_credit_note(NULL, &note));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_add_credit_note(ledger, NULL));
    FAILS(kreditor_ledger_add_credit_note(ledger, &note));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_add_payment(NULL, &p));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_add_payment(ledger, NULL));
    FAILS(kreditor_ledger_add_payment(ledger, &p));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_add_event(NULL, &e));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_add_event(ledger, NULL));
    FAILS(kreditor_ledger_add_event(ledger, &e));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_add_notice(NULL, &nt));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_add_notice(ledger, NULL));
    FAILS(kreditor_ledger_add_notice(ledger, &nt));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_add_order(NULL, &o));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_add_order(ledger, NULL));
    FAILS(kreditor_ledger_add_order(ledger, &o));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_add_security(NULL, &s));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_add_security(ledger, NULL));
    FAILS(kreditor_ledger_add_security(ledger, &s));

    /* Customers: garbage in every field, then a good one and a duplicate. */
    c.customer_id = "K1";
    c.country = "NO";
    c.currency = "NOK";
    c.terms = "net 14";
    for (i = 0; i < GARBAGE_COUNT; ++i) {
      c.currency = garbage[i];
      FAILS(kreditor_ledger_add_customer(ledger, &c));
      c.currency = "NOK";
      c.terms = garbage[i];
      FAILS(kreditor_ledger_add_customer(ledger, &c));
      c.terms = "net 14";
      c.flags = garbage[i][0] != '\0' ? garbage[i] : "nonsense";
      FAILS(kreditor_ledger_add_customer(ledger, &c));
      c.flags = NULL;
    }
    c.segment = 2;
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_add_customer(ledger, &c));
    c.segment = KREDITOR_SEGMENT_B2B;
    c.credit_limit_minor = -1;
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_add_customer(ledger, &c));
    c.credit_limit_minor = 100000;
    c.credit_limit_expires = INT32_MAX;
    EXPECT(KREDITOR_E_OUT_OF_RANGE, kreditor_ledger_add_customer(ledger, &c));
    c.credit_limit_expires = KREDITOR_NO_DATE;
    c.size = sizeof c + 8; /* a newer header's struct */
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_add_customer(ledger, &c));
    c.size = sizeof c;
    c.flags = "on_hold;cash_only";
    EXPECT(KREDITOR_OK, kreditor_ledger_add_customer(ledger, &c));
    EXPECT(KREDITOR_E_CONFLICT, kreditor_ledger_add_customer(ledger, &c));

    /* Invoices. */
    inv.invoice_id = "I1";
    inv.customer_id = "nobody";
    inv.issue_date = ok_day - 60;
    inv.amount_minor = 100000;
    EXPECT(KREDITOR_E_NOT_FOUND, kreditor_ledger_add_invoice(ledger, &inv));
    inv.customer_id = "K1";
    inv.amount_minor = 0;
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_add_invoice(ledger, &inv));
    inv.amount_minor = -5;
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_add_invoice(ledger, &inv));
    inv.amount_minor = 100000;
    inv.due_date = inv.issue_date - 1;
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_add_invoice(ledger, &inv));
    inv.due_date = KREDITOR_NO_DATE;
    inv.terms = "net banana";
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_add_invoice(ledger, &inv));
    inv.terms = NULL;
    inv.invoice_id = "";
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_add_invoice(ledger, &inv));
    inv.invoice_id = "I1";
    EXPECT(KREDITOR_OK, kreditor_ledger_add_invoice(ledger, &inv));
    EXPECT(KREDITOR_E_CONFLICT, kreditor_ledger_add_invoice(ledger, &inv));

    /* Credit notes. */
    note.credit_note_id = "CN1";
    note.customer_id = "K1";
    note.issue_date = ok_day - 10;
    note.amount_minor = 1000;
    note.credit_of = "I404";
    EXPECT(KREDITOR_E_NOT_FOUND, kreditor_ledger_add_credit_note(ledger, &note));
    note.credit_of = "I1";
    note.credit_note_id = "I1";
    EXPECT(KREDITOR_E_CONFLICT, kreditor_ledger_add_credit_note(ledger, &note));
    note.credit_note_id = "CN1";
    note.amount_minor = 0;
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_add_credit_note(ledger, &note));
    note.amount_minor = 1000;
    EXPECT(KREDITOR_OK, kreditor_ledger_add_credit_note(ledger, &note));
    note.credit_note_id = "CN2";
    note.credit_of = "CN1";
    EXPECT(KREDITOR_E_CONFLICT, kreditor_ledger_add_credit_note(ledger, &note)); /* a credit note's credit note */

    /* Payments. */
    p.payment_id = "P1";
    p.customer_id = "K1";
    p.date_paid = ok_day - 5;
    p.amount_minor = 5000;
    p.invoice_id = "I404";
    EXPECT(KREDITOR_E_NOT_FOUND, kreditor_ledger_add_payment(ledger, &p));
    p.invoice_id = "I1";
    p.amount_minor = INT64_MIN;
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_add_payment(ledger, &p));
    p.amount_minor = 5000;
    p.date_paid = KREDITOR_NO_DATE;
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_add_payment(ledger, &p));
    p.date_paid = ok_day - 5;
    EXPECT(KREDITOR_OK, kreditor_ledger_add_payment(ledger, &p));
    EXPECT(KREDITOR_E_CONFLICT, kreditor_ledger_add_payment(ledger, &p));

    /* Events: kinds out of range, fields that do not apply, missing required fields. */
    e.customer_id = "K1";
    e.invoice_id = "I1";
    e.on = ok_day - 20;
    e.kind = KREDITOR_EVENT_DEBT_ACKNOWLEDGMENT + 1;
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_add_event(ledger, &e));
    e.kind = -1;
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_add_event(ledger, &e));
    e.kind = KREDITOR_EVENT_DEBT_ACKNOWLEDGMENT; /* the claim acknowledged must be named */
    e.invoice_id = NULL;
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_add_event(ledger, &e));
    e.invoice_id = "I1";
    e.kind = KREDITOR_EVENT_NOTICE_SENT; /* without level */
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_add_event(ledger, &e));
    e.level = "purring";
    e.fee_minor = -1;
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_add_event(ledger, &e));
    e.fee_minor = 3500;
    e.installments = 3; /* not a notice's */
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_add_event(ledger, &e));
    e.installments = 0;
    e.invoice_id = NULL;
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_add_event(ledger, &e));
    e.invoice_id = "CN1"; /* a credit note */
    EXPECT(KREDITOR_E_CONFLICT, kreditor_ledger_add_event(ledger, &e));
    e.invoice_id = "I1";
    e.deadline = ok_day - 6;
    EXPECT(KREDITOR_OK, kreditor_ledger_add_event(ledger, &e));
    EXPECT(KREDITOR_OK, kreditor_event_init(&e, sizeof e));
    e.customer_id = "K1";
    e.invoice_id = "I1";
    e.on = ok_day - 3;
    e.kind = KREDITOR_EVENT_PAYMENT_PLAN;
    e.installments = 121;
    e.first_due = ok_day;
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_add_event(ledger, &e));
    e.kind = KREDITOR_EVENT_PROMISE_TO_PAY;
    e.installments = 0;
    e.first_due = KREDITOR_NO_DATE;
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_add_event(ledger, &e)); /* no until */
    e.kind = KREDITOR_EVENT_WRITE_OFF;
    e.amount_minor = -100;
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_add_event(ledger, &e));

    /* Recorded notices. */
    nt.invoice_id = "I404";
    nt.step = "purring";
    nt.sent = ok_day - 1;
    EXPECT(KREDITOR_E_NOT_FOUND, kreditor_ledger_add_notice(ledger, &nt));
    nt.invoice_id = "I1";
    nt.step = "";
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_add_notice(ledger, &nt));
    nt.step = "purring";
    nt.fee_minor = -1;
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_add_notice(ledger, &nt));

    /* Orders and security. */
    o.order_id = "O1";
    o.customer_id = "K1";
    o.ordered = ok_day - 2;
    o.amount_minor = 1;
    o.delivered = ok_day - 3;
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_add_order(ledger, &o));
    o.delivered = KREDITOR_NO_DATE;
    EXPECT(KREDITOR_OK, kreditor_ledger_add_order(ledger, &o));
    EXPECT(KREDITOR_E_CONFLICT, kreditor_ledger_add_order(ledger, &o));
    s.security_id = "S1";
    s.customer_id = "K1";
    s.amount_minor = 1;
    s.kind = 3;
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_ledger_add_security(ledger, &s));
    s.kind = KREDITOR_SECURITY_PLEDGE;
    EXPECT(KREDITOR_OK, kreditor_ledger_add_security(ledger, &s));
    EXPECT(KREDITOR_E_CONFLICT, kreditor_ledger_add_security(ledger, &s));
  }

  /* ---- the report ---- */
  {
    kreditor_line line;
    kreditor_command cmd;
    kreditor_customer_summary sum;
    kreditor_release rel;
    int64_t buckets[16], total = 0;
    size_t items = 0;
    char code[4];
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_report_make(NULL, ok_day, NULL, &report));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_report_make(ledger, ok_day, NULL, NULL));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_report_make(ledger, KREDITOR_NO_DATE, NULL, &report));
    EXPECT(KREDITOR_E_OUT_OF_RANGE, kreditor_report_make(ledger, INT32_MAX, NULL, &report));
    /* SE's preset for a NO customer whose ledger holds a notice of NO's purring. */
    FAILS(kreditor_report_make(ledger, ok_day, policies, &report));
    EXPECT(KREDITOR_OK, kreditor_report_make(ledger, ok_day, NULL, &report));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_report_as_of(NULL, &d));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_report_as_of(report, NULL));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_report_line_count(NULL, &n));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_report_line_count(report, NULL));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_report_command_count(NULL, &n));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_report_customer_count(report, NULL));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_report_problem_count(NULL, &n));
    EXPECT(KREDITOR_OK, kreditor_line_init(&line, sizeof line));
    EXPECT(KREDITOR_OK, kreditor_command_init(&cmd, sizeof cmd));
    EXPECT(KREDITOR_OK, kreditor_customer_summary_init(&sum, sizeof sum));
    EXPECT(KREDITOR_OK, kreditor_release_init(&rel, sizeof rel));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_report_line(NULL, 0, &line));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_report_line(report, 0, NULL));
    EXPECT(KREDITOR_E_OUT_OF_RANGE, kreditor_report_line(report, 99, &line));
    EXPECT(KREDITOR_E_OUT_OF_RANGE, kreditor_report_line(report, (size_t)-1, &line));
    line.size = 0;
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_report_line(report, 0, &line));
    line.size = sizeof line;
    EXPECT(KREDITOR_OK, kreditor_report_line(report, 0, &line));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_report_command(NULL, 0, &cmd));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_report_command(report, 0, NULL));
    EXPECT(KREDITOR_E_OUT_OF_RANGE, kreditor_report_command(report, (size_t)-1, &cmd));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_report_customer(NULL, 0, &sum));
    EXPECT(KREDITOR_E_OUT_OF_RANGE, kreditor_report_customer(report, 1, &sum));
    EXPECT(KREDITOR_OK, kreditor_report_customer(report, 0, &sum));
    if (sum.credit_hold != 1 || sum.cash_terms != 1) ++failures; /* the flags given */
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_report_find_customer(NULL, "K1", &n));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_report_find_customer(report, NULL, &n));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_report_find_customer(report, "K1", NULL));
    for (i = 0; i < GARBAGE_COUNT; ++i) EXPECT(KREDITOR_E_NOT_FOUND, kreditor_report_find_customer(report, garbage[i], &n));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_report_problem(report, 0, NULL));
    EXPECT(KREDITOR_E_OUT_OF_RANGE, kreditor_report_problem(report, 12, &text));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_report_order_release(NULL, 0, 100, 0, &rel));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_report_order_release(report, 0, 100, 0, NULL));
    EXPECT(KREDITOR_E_OUT_OF_RANGE, kreditor_report_order_release(report, 5, 100, 0, &rel));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_report_order_release(report, 0, 0, 0, &rel));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_report_order_release(report, 0, -100, 0, &rel));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_report_order_release(report, 0, 100, -1, &rel));
    FAILS(kreditor_report_order_release(report, 0, INT64_MAX, 0, &rel)); /* overflow, not a wrap */
    EXPECT(KREDITOR_OK, kreditor_report_order_release(report, 0, 100, 0, &rel));
    if (rel.decision != KREDITOR_DECISION_HOLD) ++failures; /* on_hold */

    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_report_aging(NULL, KREDITOR_AGING_BY_DUE_DATE, NULL, 0, &aging));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_report_aging(report, KREDITOR_AGING_BY_DUE_DATE, NULL, 0, NULL));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_report_aging(report, 2, NULL, 0, &aging));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_report_aging(report, KREDITOR_AGING_BY_DUE_DATE, NULL, 3, &aging));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_report_aging(report, KREDITOR_AGING_BY_DUE_DATE, bad_bounds, 3, &aging));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_report_aging(report, KREDITOR_AGING_BY_DUE_DATE, bad_bounds, 99, &aging));
    if (aging != NULL) ++failures;
    EXPECT(KREDITOR_OK, kreditor_report_aging(report, KREDITOR_AGING_BY_DUE_DATE, NULL, 0, &aging));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_aging_bucket_count(NULL, &n));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_aging_bucket_count(aging, NULL));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_aging_label(aging, 0, NULL));
    EXPECT(KREDITOR_E_OUT_OF_RANGE, kreditor_aging_label(aging, 5, &text));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_aging_customer(NULL, 0, buckets, 16, &total, &items));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_aging_customer(aging, 0, NULL, 16, &total, &items));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_aging_customer(aging, 0, buckets, 16, NULL, &items));
    EXPECT(KREDITOR_E_OUT_OF_RANGE, kreditor_aging_customer(aging, 1, buckets, 16, &total, &items));
    EXPECT(KREDITOR_E_BUFFER_TOO_SMALL, kreditor_aging_customer(aging, 0, buckets, 4, &total, &items));
    EXPECT(KREDITOR_E_BUFFER_TOO_SMALL, kreditor_aging_customer(aging, 0, NULL, 0, &total, &items));
    EXPECT(KREDITOR_OK, kreditor_aging_customer(aging, 0, buckets, 5, &total, &items));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_aging_portfolio_count(NULL, &n));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_aging_portfolio(aging, 0, NULL, buckets, 16, &total));
    EXPECT(KREDITOR_E_OUT_OF_RANGE, kreditor_aging_portfolio(aging, 3, code, buckets, 16, &total));
    EXPECT(KREDITOR_E_BUFFER_TOO_SMALL, kreditor_aging_portfolio(aging, 0, code, buckets, 1, &total));
    kreditor_aging_free(aging);
  }

  /* A policy the ledger cannot be evaluated under: a notice of a step the policy lacks. */
  {
    kreditor_notice nt;
    kreditor_report* bad = NULL;
    EXPECT(KREDITOR_OK, kreditor_notice_init(&nt, sizeof nt));
    nt.invoice_id = "I1";
    nt.step = "no such step";
    nt.sent = ok_day - 1;
    EXPECT(KREDITOR_OK, kreditor_ledger_add_notice(ledger, &nt));
    FAILS(kreditor_report_make(ledger, ok_day, NULL, &bad));
    if (bad != NULL) ++failures;
  }

  /* ---- scoring: models and recommendations ---- */
  kreditor_model_free(NULL);
  kreditor_recommendation_free(NULL);
  {
    static const char model_json[] =
        "{\"schema\": \"kreditor.logistic_model/1\", \"intercept\": true, \"coefficients\": ["
        "{\"name\": \"(Intercept)\", \"value\": -1.5}, {\"name\": \"equity_ratio\", \"value\": -2.0},"
        "{\"name\": \"bureau_score\", \"value\": -0.02}]}";
    static const char* const bad_models[] = {
        "{}", "[]", "null", "{\"schema\": \"kreditor.logistic_model/1\", \"intercept\": true, \"coefficients\": []}",
        "{\"intercept\": true, \"coefficients\": [{\"name\": \"x\", \"value\": 1}]}", /* no (Intercept) first */
        "{\"intercept\": false, \"coefficients\": [{\"name\": \"x\", \"value\": \"1\"}]}",
        "{\"intercept\": false, \"coefficients\": [{\"name\": \"x\", \"value\": 1}, {\"name\": \"x\", \"value\": 2}]}",
        "{\"intercept\": false, \"coefficients\": [{\"name\": \"x\", \"value\": 1}], \"extra\": 1}",
        "{\"intercept\": false, \"coefficients\": [{\"name\": \"x\", \"value\": 1e999}]}"};
    static const char financials[] =
        "{\"schema\": \"kreditor.financials/1\", \"customer_id\": \"K1\", \"currency\": \"NOK\", \"years\": [{"
        "\"period_end\": \"2025-12-31\", \"revenue\": \"67200000.00\", \"ebit\": \"5712000.00\","
        "\"net_income\": \"4032000.00\", \"depreciation\": \"1680000.00\", \"interest_expense\": \"945000.00\","
        "\"total_assets\": \"42000000.00\", \"current_assets\": \"23100000.00\", \"cash\": \"3465000.00\","
        "\"inventory\": \"8085000.00\", \"receivables\": \"10395000.00\", \"intangible_assets\": \"840000.00\","
        "\"total_liabilities\": \"18900000.00\", \"current_liabilities\": \"12600000.00\","
        "\"equity_book\": \"23100000.00\", \"retained_earnings\": \"14700000.00\"}]}";
    static const char checks[] =
        "{\"schema\": \"kreditor.credit_checks/1\", \"checks\": [{\"customer_id\": \"K1\", \"checked_on\": \"2026-06-10\","
        " \"bureau\": \"Bisnode\", \"score\": 82, \"payment_remarks\": 0, \"status\": \"active\"}]}";
    kreditor_model* model = NULL;
    kreditor_recommendation* rec = NULL;
    kreditor_recommend_input in;
    kreditor_recommendation_summary sum;
    double x[4] = {0.5, 60, 0, 0}, pd = -1, pds[4] = {-1, -1, -1, -1};
    const char* code = NULL;

    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_model_new_json(NULL, &model));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_model_new_json(model_json, NULL));
    for (i = 0; i < GARBAGE_COUNT; ++i) FAILS(kreditor_model_new_json(garbage[i], &model));
    for (i = 0; i < sizeof bad_models / sizeof bad_models[0]; ++i) FAILS(kreditor_model_new_json(bad_models[i], &model));
    if (model != NULL) ++failures;
    EXPECT(KREDITOR_OK, kreditor_model_new_json(model_json, &model));

    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_model_feature_count(NULL, &n));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_model_feature_count(model, NULL));
    EXPECT(KREDITOR_OK, kreditor_model_feature_count(model, &n));
    if (n != 2) ++failures;
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_model_feature_name(NULL, 0, big, sizeof big, &needed));
    EXPECT(KREDITOR_E_OUT_OF_RANGE, kreditor_model_feature_name(model, 2, big, sizeof big, &needed));
    EXPECT(KREDITOR_E_OUT_OF_RANGE, kreditor_model_feature_name(model, (size_t)-1, big, sizeof big, &needed));
    EXPECT(KREDITOR_E_BUFFER_TOO_SMALL, kreditor_model_feature_name(model, 0, tiny, sizeof tiny, &needed));
    if (needed != 13 || tiny[0] != '\0') ++failures; /* "equity_ratio" + NUL */
    EXPECT(KREDITOR_E_BUFFER_TOO_SMALL, kreditor_model_feature_name(model, 0, NULL, 0, &needed));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_model_feature_name(model, 0, NULL, 5, &needed));
    EXPECT(KREDITOR_OK, kreditor_model_feature_name(model, 1, big, sizeof big, NULL));
    if (strcmp(big, "bureau_score") != 0) ++failures;

    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_model_score(NULL, x, 2, &pd));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_model_score(model, NULL, 2, &pd));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_model_score(model, x, 2, NULL));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_model_score(model, x, 1, &pd));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_model_score(model, x, 3, &pd));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_model_score(model, x, (size_t)-1, &pd));
    x[1] = strtod("nan", NULL);
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_model_score(model, x, 2, &pd));
    if (strstr(kreditor_last_error(), "'bureau_score'") == NULL || strstr(kreditor_last_error(), "NaN") == NULL) ++failures;
    x[1] = strtod("-inf", NULL);
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_model_score(model, x, 2, &pd));
    if (pd != -1) ++failures; /* not written on failure */
    x[1] = 1e308; /* finite: an extreme linear predictor is still a probability */
    EXPECT(KREDITOR_OK, kreditor_model_score(model, x, 2, &pd));
    if (!(pd >= 0 && pd <= 1)) ++failures;
    x[1] = 60;
    EXPECT(KREDITOR_OK, kreditor_model_score(model, x, 2, &pd));
    if (!(pd > 0 && pd < 1)) ++failures;

    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_model_score_batch(NULL, x, 2, 2, KREDITOR_LAYOUT_ROW_MAJOR, pds));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_model_score_batch(model, NULL, 2, 2, KREDITOR_LAYOUT_ROW_MAJOR, pds));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_model_score_batch(model, x, 2, 2, KREDITOR_LAYOUT_ROW_MAJOR, NULL));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_model_score_batch(model, x, 2, 2, 7, pds));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_model_score_batch(model, x, 2, 2, -1, pds));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_model_score_batch(model, x, 1, 4, KREDITOR_LAYOUT_ROW_MAJOR, pds));
    EXPECT(KREDITOR_E_OUT_OF_RANGE, kreditor_model_score_batch(model, x, (size_t)-1, 2, KREDITOR_LAYOUT_ROW_MAJOR, pds));
    EXPECT(KREDITOR_OK, kreditor_model_score_batch(model, NULL, 0, 2, KREDITOR_LAYOUT_ROW_MAJOR, NULL)); /* no rows */
    x[3] = strtod("nan", NULL);
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_model_score_batch(model, x, 2, 2, KREDITOR_LAYOUT_ROW_MAJOR, pds));
    if (strstr(kreditor_last_error(), "row 1, feature 1 ('bureau_score') is NaN") == NULL) ++failures;
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_model_score_batch(model, x, 2, 2, KREDITOR_LAYOUT_COLUMN_MAJOR, pds));
    if (strstr(kreditor_last_error(), "row 1, feature 1 ('bureau_score') is NaN") == NULL) ++failures;
    if (pds[0] != -1 || pds[1] != -1) ++failures; /* not written on failure */
    x[2] = 0.5;
    x[3] = 60;
    EXPECT(KREDITOR_OK, kreditor_model_score_batch(model, x, 2, 2, KREDITOR_LAYOUT_ROW_MAJOR, pds));
    if (pds[0] != pd || pds[1] != pd || pds[2] != -1) ++failures; /* two rows {0.5, 60}; nothing past them */

    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_recommend_input_init(NULL, sizeof in));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_recommend_input_init(&in, sizeof in - 1));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_recommendation_summary_init(&sum, 0));
    EXPECT(KREDITOR_OK, kreditor_recommendation_summary_init(&sum, sizeof sum));
    EXPECT(KREDITOR_OK, kreditor_recommend_input_init(&in, sizeof in));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_recommend(NULL, &rec));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_recommend(&in, &rec)); /* financials_json NULL */
    in.financials_json = financials;
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_recommend(&in, NULL));
    in.size = 8;
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_recommend(&in, &rec));
    in.size = sizeof in;
    for (i = 0; i < GARBAGE_COUNT; ++i) {
      in.financials_json = garbage[i];
      FAILS(kreditor_recommend(&in, &rec));
      if (strstr(kreditor_last_error(), "in->financials_json") == NULL) ++failures;
      in.financials_json = financials;
      in.credit_checks_json = garbage[i];
      FAILS(kreditor_recommend(&in, &rec));
      in.credit_checks_json = NULL;
      in.policy_json = garbage[i];
      FAILS(kreditor_recommend(&in, &rec));
      in.policy_json = NULL;
    }
    for (i = 0; i < sizeof bad_models / sizeof bad_models[0]; ++i) {
      in.financials_json = bad_models[i];
      FAILS(kreditor_recommend(&in, &rec));
    }
    in.financials_json = financials;
    in.expected_purchases_minor = -1;
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_recommend(&in, &rec));
    in.expected_purchases_minor = INT64_MAX; /* an extreme need: a limit or a status, never a crash */
    {
      const kreditor_status st = kreditor_recommend(&in, &rec);
      ++calls;
      if (st == KREDITOR_OK ? rec == NULL : strcmp(kreditor_status_name(st), "unknown") == 0 || rec != NULL) ++failures;
    }
    kreditor_recommendation_free(rec);
    rec = NULL;
    in.expected_purchases_minor = 0;
    in.model = model; /* needs bureau_score: no credit check given */
    EXPECT(KREDITOR_E_NOT_FOUND, kreditor_recommend(&in, &rec));
    if (strstr(kreditor_last_error(), "bureau_score") == NULL) ++failures;
    in.credit_checks_json = checks;
    in.customer_id = "someone else";
    EXPECT(KREDITOR_E_NOT_FOUND, kreditor_recommend(&in, &rec));
    if (rec != NULL) ++failures;
    in.customer_id = NULL; /* the statements' K1 */
    EXPECT(KREDITOR_OK, kreditor_recommend(&in, &rec));

    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_recommendation_get(NULL, &sum));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_recommendation_get(rec, NULL));
    sum.size = 4;
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_recommendation_get(rec, &sum));
    sum.size = sizeof sum;
    EXPECT(KREDITOR_OK, kreditor_recommendation_get(rec, &sum));
    if (strcmp(sum.pd_source, "model") != 0 || !sum.has_pd || sum.method_count == 0 || sum.reason_count == 0) ++failures;
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_recommendation_method(NULL, 0, &text));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_recommendation_method(rec, 0, NULL));
    EXPECT(KREDITOR_E_OUT_OF_RANGE, kreditor_recommendation_method(rec, sum.method_count, &text));
    EXPECT(KREDITOR_OK, kreditor_recommendation_method(rec, 0, &text));
    EXPECT(KREDITOR_E_INVALID_ARGUMENT, kreditor_recommendation_reason(NULL, 0, &code, &text));
    EXPECT(KREDITOR_E_OUT_OF_RANGE, kreditor_recommendation_reason(rec, (size_t)-1, &code, &text));
    EXPECT(KREDITOR_OK, kreditor_recommendation_reason(rec, 0, NULL, NULL));
    EXPECT(KREDITOR_OK, kreditor_recommendation_reason(rec, 0, &code, &text));
    if (code == NULL || strcmp(code, "grade_from_pd") != 0) ++failures;
    kreditor_recommendation_free(rec);
    kreditor_model_free(model);
  }

  kreditor_report_free(report);
  kreditor_ledger_free(ledger);
  kreditor_policy_set_free(policies);
  free(long_text);
  if (failures != 0) {
    fprintf(stderr, "%d of %d calls misbehaved\n", failures, calls);
    return 1;
  }
  printf("sweep ok: %d calls\n", calls);
  return 0;
}
