/* A plugin's daily job: load the ledger, run the evaluation as of the ledger's own date, print
 * what to do today. Built from an installed kreditor (find_package or pkg-config). */
#include <stdio.h>

#include <kreditor/kreditor.h>

static int fail(const char* what) {
  fprintf(stderr, "plugin: %s: %s\n", what, kreditor_last_error());
  return 1;
}

int main(int argc, char** argv) {
  kreditor_ledger* ledger = NULL;
  kreditor_report* report = NULL;
  kreditor_date as_of = KREDITOR_NO_DATE;
  size_t n = 0, k;
  char day[16], total[32];
  if (argc != 2) {
    fprintf(stderr, "usage: plugin LEDGER_DIR\n");
    return 2;
  }
  if (kreditor_abi_version() != KREDITOR_ABI_VERSION) {
    fprintf(stderr, "plugin: built for C ABI %d, loaded %d\n", KREDITOR_ABI_VERSION, kreditor_abi_version());
    return 1;
  }
  if (kreditor_ledger_load(argv[1], &ledger) != KREDITOR_OK) return fail("load");
  if (kreditor_ledger_as_of(ledger, &as_of) != KREDITOR_OK || as_of == KREDITOR_NO_DATE) return fail("as_of");
  if (kreditor_report_make(ledger, as_of, NULL, &report) != KREDITOR_OK) return fail("report");
  if (kreditor_report_command_count(report, &n) != KREDITOR_OK) return fail("count");
  kreditor_date_format(as_of, day, sizeof day, NULL);
  printf("kreditor %s, commands as of %s:\n", kreditor_version_string(), day);
  for (k = 0; k < n; ++k) {
    kreditor_command c;
    kreditor_command_init(&c, sizeof c);
    if (kreditor_report_command(report, k, &c) != KREDITOR_OK) return fail("command");
    if (kreditor_money_format(c.total_minor, c.currency, total, sizeof total, NULL) != KREDITOR_OK)
      return fail("format");
    printf("  %-10s %-24s %-14s %s %s to %s\n", c.invoice_id, c.kind_name, c.step, total, c.currency,
           c.email[0] != '\0' ? c.email : "-");
  }
  kreditor_report_free(report);
  kreditor_ledger_free(ledger);
  printf("plugin ok: %lu commands\n", (unsigned long)n);
  return 0;
}
