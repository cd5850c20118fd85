/* The documents through the C interface: the sample run's notices and a case file rendered into
 * the caller's buffer (size query, then a buffer the caller allocates and frees), the law's
 * check of a letter, and the statuses for what a host can get wrong. */
#include <kreditor/kreditor.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"

static char* read_file(const char* path) {
  FILE* f = fopen(path, "rb");
  char* text;
  long n;
  if (!f) {
    fprintf(stderr, "cannot read %s\n", path);
    exit(2);
  }
  fseek(f, 0, SEEK_END);
  n = ftell(f);
  fseek(f, 0, SEEK_SET);
  text = (char*)malloc((size_t)n + 1);
  if (!text || fread(text, 1, (size_t)n, f) != (size_t)n) exit(2);
  text[n] = '\0';
  fclose(f);
  return text;
}

/* One document: a notice (customer NULL) or a case file. */
struct request {
  const kreditor_report* report;
  const kreditor_ledger* ledger;
  size_t index;
  const char* customer;
  const char* invoice;
  const char* creditor;
  const char* format;
  const char* lang;
};

static kreditor_status render(const struct request* q, char* buf, size_t size, size_t* needed) {
  if (q->customer == NULL)
    return kreditor_report_render_notice(q->report, q->index, q->creditor, q->format, q->lang, NULL,
                                         buf, size, needed);
  return kreditor_report_render_case_file(q->report, q->ledger, q->customer, q->invoice,
                                          q->creditor, q->format, NULL, buf, size, needed);
}

/* The document in a buffer of the size the library asked for, which the caller frees (NULL on
 * failure, *status saying why). */
static char* rendered(const struct request* q, kreditor_status* status) {
  size_t needed = 0;
  char* buf;
  *status = render(q, NULL, 0, &needed);
  if (*status != KREDITOR_E_BUFFER_TOO_SMALL) return NULL;
  buf = (char*)malloc(needed);
  *status = render(q, buf, needed, &needed);
  if (*status != KREDITOR_OK) {
    free(buf);
    return NULL;
  }
  CHECK(strlen(buf) + 1 == needed);
  return buf;
}

/* Notice `index` of the run, and a case file: struct request literals (C99). */
#define NOTICE(...) rendered(&(struct request){.report = report, __VA_ARGS__}, &status)
#define CASE_FILE(...) rendered(&(struct request){.report = report, __VA_ARGS__}, &status)

int main(void) {
  kreditor_ledger* ledger = NULL;
  kreditor_report* report = NULL;
  kreditor_date as_of = KREDITOR_NO_DATE;
  kreditor_status status;
  size_t count = 0, k, needed = 0, found_collection_warning = 0, fi_consumer = (size_t)-1;
  char small[8];
  char* creditor = read_file(KREDITOR_SOURCE_DIR "/examples/sample_ledger/creditor.json");
  char* text;

  OK(kreditor_ledger_load(KREDITOR_SOURCE_DIR "/examples/sample_ledger", &ledger));
  OK(kreditor_ledger_as_of(ledger, &as_of));
  OK(kreditor_report_make(ledger, as_of, NULL, &report));

  /* Today's notices: one per customer, currency and kind, as `kreditor notices` prints them. */
  OK(kreditor_report_notice_count(report, &count));
  CHECK(count == 15); /* tests/cli/golden/notices_sample.json */
  for (k = 0; k < count; ++k) {
    char* json = NOTICE(.index = k, .creditor = creditor, .format = "json", .lang = NULL);
    CHECK(status == KREDITOR_OK && json != NULL);
    if (!json) continue;
    CHECK(strstr(json, "\"required_elements\"") != NULL);
    if (strstr(json, "\"customer_id\": \"FI-4002\"")) fi_consumer = k;
    if (strstr(json, "\"kind\": \"collection_warning\"") &&
        strstr(json, "\"customer_id\": \"NO-1002\"")) {
      char* letter = NOTICE(.index = k, .creditor = creditor, .format = "text", .lang = NULL);
      ++found_collection_warning;
      CHECK(status == KREDITOR_OK && letter != NULL);
      if (letter) CHECK(strstr(letter, "Inkassovarsel") != NULL); /* in Norwegian */
      free(letter);
      letter = NOTICE(.index = k, .creditor = creditor, .format = "html", .lang = "en");
      CHECK(status == KREDITOR_OK && letter != NULL);
      if (letter)
        CHECK(strstr(letter, "<!DOCTYPE html>") != NULL && strstr(letter, "lang=\"en\"") != NULL);
      free(letter);
    }
    free(json);
  }
  CHECK(found_collection_warning == 1);

  /* The law's check: a Finnish consumer's maksumuistutus names the creditor (FI.maksumuistutus.consumer):
   * without the creditor's details it is not sent ... */
  CHECK(fi_consumer < count);
  text = NOTICE(.index = fi_consumer, .creditor = NULL, .format = "text", .lang = NULL);
  CHECK(text == NULL && status == KREDITOR_E_LEGAL_VIOLATION);
  CHECK(strstr(kreditor_last_error(), "missing") != NULL && strstr(kreditor_last_error(), "creditor_name") != NULL);
  /* ... but its view says what is missing. */
  text = NOTICE(.index = fi_consumer, .creditor = NULL, .format = "json", .lang = NULL);
  CHECK(status == KREDITOR_OK && text != NULL && strstr(text, "\"creditor_name\": false") != NULL);
  free(text);

  /* The caller's buffer: too small leaves "" and says how much is needed. */
  strcpy(small, "x");
  CHECK(kreditor_report_render_notice(report, 0, creditor, "json", NULL, NULL, small, sizeof small,
                                      &needed) == KREDITOR_E_BUFFER_TOO_SMALL);
  CHECK(small[0] == '\0' && needed > sizeof small);

  /* What a host can get wrong. */
  CHECK(kreditor_report_render_notice(report, count, creditor, "json", NULL, NULL, NULL, 0,
                                      &needed) == KREDITOR_E_OUT_OF_RANGE);
  CHECK(kreditor_report_render_notice(report, 0, creditor, "pdf", NULL, NULL, NULL, 0, &needed) ==
        KREDITOR_E_INVALID_ARGUMENT);
  CHECK(strstr(kreditor_last_error(), "format") != NULL);
  CHECK(kreditor_report_render_notice(report, 0, creditor, "json", "xx", NULL, NULL, 0, &needed) ==
        KREDITOR_E_INVALID_ARGUMENT);
  CHECK(kreditor_report_render_notice(report, 0, "{", "json", NULL, NULL, NULL, 0, &needed) ==
        KREDITOR_E_INVALID_ARGUMENT);
  CHECK(kreditor_report_render_notice(report, 0, creditor, "json", NULL, "/nonexistent/templates",
                                      NULL, 0, &needed) == KREDITOR_E_IO);
  CHECK(kreditor_report_render_notice(NULL, 0, creditor, "json", NULL, NULL, NULL, 0, &needed) ==
        KREDITOR_E_INVALID_ARGUMENT);
  CHECK(kreditor_report_notice_count(report, NULL) == KREDITOR_E_INVALID_ARGUMENT);

  /* The case file for collection, with the customer's payments from the ledger. */
  text = CASE_FILE(.ledger = ledger, .customer = "NO-1002", .invoice = NULL, .creditor = creditor,
                   .format = "json");
  CHECK(status == KREDITOR_OK && text != NULL);
  if (text) {
    CHECK(strstr(text, "\"kreditor_case_file\": 1") != NULL);
    CHECK(strstr(text, "\"customer_id\": \"NO-1002\"") != NULL);
    CHECK(strstr(text, "\"limitation_date\": \"20") != NULL);
    CHECK(strstr(text, "F-26-0912") != NULL);
  }
  free(text);
  text = CASE_FILE(.ledger = ledger, .customer = "NO-1002", .invoice = "F-26-0912",
                   .creditor = creditor, .format = "text");
  CHECK(status == KREDITOR_OK && text != NULL && strstr(text, "F-26-0912") != NULL);
  free(text);
  text = CASE_FILE(.ledger = NULL, .customer = "NOPE", .invoice = NULL, .creditor = creditor,
                   .format = "json");
  CHECK(text == NULL && status == KREDITOR_E_NOT_FOUND &&
        strstr(kreditor_last_error(), "NOPE") != NULL);
  text = CASE_FILE(.ledger = NULL, .customer = "NO-1002", .invoice = "D-7710", .creditor = creditor,
                   .format = "json");
  CHECK(text == NULL && status == KREDITOR_E_NOT_FOUND);
  CHECK(kreditor_report_render_case_file(report, NULL, NULL, NULL, creditor, "json", NULL, NULL, 0,
                                         &needed) == KREDITOR_E_INVALID_ARGUMENT);

  kreditor_report_free(report);
  kreditor_ledger_free(ledger);
  free(creditor);
  if (failures) return 1;
  printf("c documents ok\n");
  return 0;
}
