/* The daily run through the C interface, as an accounting plugin does it: fill a ledger from
 * the host's records, evaluate it, carry out the commands and record them, run again.
 * Checks the commands against the NO preset's rules (purring 14 days after due with a 14-day
 * deadline; inkassovarsel the day after that deadline) and the C conventions on the way. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp, rmdir: the set-off check writes a ledger directory */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <kreditor/kreditor.h>

#include "check.h"

static kreditor_date day(int y, int m, int d) {
  kreditor_date out = KREDITOR_NO_DATE;
  if (kreditor_date_from_ymd(y, m, d, &out) != KREDITOR_OK) {
    fprintf(stderr, "bad date %d-%d-%d: %s\n", y, m, d, kreditor_last_error());
    exit(2);
  }
  return out;
}

static int64_t minor(const char* amount) {
  int64_t out = 0;
  if (kreditor_money_parse(amount, "NOK", KREDITOR_ROUNDING_NONE, &out) != KREDITOR_OK) {
    fprintf(stderr, "bad amount %s: %s\n", amount, kreditor_last_error());
    exit(2);
  }
  return out;
}

static void add_invoice(kreditor_ledger* l, const char* id, kreditor_date issued, const char* amount,
                        const char* kid) {
  kreditor_invoice inv;
  OK(kreditor_invoice_init(&inv, sizeof inv));
  inv.invoice_id = id;
  inv.customer_id = "C-17";
  inv.issue_date = issued;
  inv.amount_minor = minor(amount);
  inv.reference = kid;
  OK(kreditor_ledger_add_invoice(l, &inv));
}

/* The commands of a run for one invoice: how many, and the first one in *out. */
static size_t commands_for(const kreditor_report* r, const char* invoice_id, kreditor_command* out) {
  size_t n = 0, k, found = 0;
  OK(kreditor_report_command_count(r, &n));
  for (k = 0; k < n; ++k) {
    kreditor_command c;
    OK(kreditor_command_init(&c, sizeof c));
    OK(kreditor_report_command(r, k, &c));
    if (strcmp(c.invoice_id, invoice_id) == 0) {
      if (found == 0) *out = c;
      ++found;
    }
  }
  return found;
}

int main(void) {
  kreditor_ledger* ledger = NULL;
  kreditor_report* report = NULL;
  kreditor_customer c;
  kreditor_payment p;
  kreditor_command cmd;
  kreditor_line line;
  kreditor_customer_summary s;
  kreditor_notice notice;
  size_t lines = 0, i, customer = 99;
  const kreditor_date today = day(2026, 11, 20);
  char text[64];

  CHECK(kreditor_abi_version() == KREDITOR_ABI_VERSION);
  OK(kreditor_ledger_new(&ledger));
  OK(kreditor_customer_init(&c, sizeof c));
  c.customer_id = "C-17";
  c.name = "Fjordtre Bygg AS";
  c.country = "NO";
  c.currency = "NOK";
  c.credit_limit_minor = minor("20000.00");
  c.terms = "14 dager netto";
  c.email = "regnskap@fjordtre.no";
  c.account_manager = "Ingrid Berg";
  OK(kreditor_ledger_add_customer(ledger, &c));
  add_invoice(ledger, "A", day(2026, 9, 1), "1000.00", "100010013"); /* due 09-15: overdue */
  add_invoice(ledger, "B", day(2026, 11, 10), "500.00", "100010021"); /* due 11-24: not yet */
  add_invoice(ledger, "C", day(2026, 9, 1), "250.00", "100010039");  /* paid on time */
  OK(kreditor_payment_init(&p, sizeof p));
  p.payment_id = "P-1";
  p.customer_id = "C-17";
  p.date_paid = day(2026, 9, 10);
  p.amount_minor = minor("250.00");
  p.reference = "100010039";
  OK(kreditor_ledger_add_payment(ledger, &p));

  /* Day 1: one purring for A, nothing for B or C. */
  OK(kreditor_report_make(ledger, today, NULL, &report));
  OK(kreditor_report_line_count(report, &lines));
  CHECK(lines == 3);
  CHECK(commands_for(report, "A", &cmd) == 1);
  CHECK(cmd.kind == KREDITOR_COMMAND_SEND_REMINDER);
  CHECK(strcmp(cmd.kind_name, "send_reminder") == 0);
  CHECK(strcmp(cmd.step, "purring") == 0);
  CHECK(cmd.step_index == 0);
  CHECK(cmd.on == today);
  CHECK(cmd.deadline != KREDITOR_NO_DATE && cmd.deadline >= today + 14); /* 14 days' deadline */
  CHECK(strcmp(cmd.currency, "NOK") == 0);
  CHECK(cmd.principal_minor == minor("1000.00"));
  CHECK(cmd.fee_minor > 0 && cmd.fees_minor == cmd.fee_minor); /* the statutory reminder fee */
  CHECK(cmd.interest_minor > 0);                               /* 66 days late */
  CHECK(cmd.total_minor == cmd.principal_minor + cmd.fees_minor + cmd.interest_minor);
  CHECK(cmd.recorded == 0);
  CHECK(strcmp(cmd.email, "regnskap@fjordtre.no") == 0);
  CHECK(strcmp(cmd.account_manager, "Ingrid Berg") == 0);
  CHECK(strcmp(cmd.reference, "100010013") == 0);
  CHECK(strcmp(cmd.customer_id, "C-17") == 0);
  CHECK(strcmp(cmd.cover_id, "") == 0); /* no set-off or security step */
  CHECK(cmd.cover_amount_minor == 0);
  CHECK(commands_for(report, "B", &cmd) == 0);
  CHECK(commands_for(report, "C", &cmd) == 0);
  /* The lines: A reminded from today's run, B not yet due, C paid. */
  for (i = 0; i < lines; ++i) {
    OK(kreditor_line_init(&line, sizeof line));
    OK(kreditor_report_line(report, i, &line));
    CHECK(line.problem == NULL);
    CHECK(line.customer_index == 0);
    if (strcmp(line.invoice_id, "A") == 0) {
      CHECK(line.state == KREDITOR_STATE_OVERDUE || line.state == KREDITOR_STATE_REMINDED);
      CHECK(line.due_date == day(2026, 9, 15));
      CHECK(line.days_past_due == today - day(2026, 9, 15));
      CHECK(line.command_count == 1);
      CHECK(line.open_minor == minor("1000.00"));
      /* NO: three years from the due date (foreldelsesloven §§ 2-3), nothing interrupted it. */
      CHECK(line.limitation_date == day(2029, 9, 15));
      CHECK(line.limitation_alert == 0);
    } else if (strcmp(line.invoice_id, "B") == 0) {
      CHECK(line.state == KREDITOR_STATE_NOT_YET_DUE);
      CHECK(strcmp(line.state_name, "not_yet_due") == 0);
      CHECK(line.command_count == 0 && line.total_due_minor == minor("500.00"));
    } else {
      CHECK(strcmp(line.invoice_id, "C") == 0);
      CHECK(line.state == KREDITOR_STATE_PAID && line.open_minor == 0);
      CHECK(line.limitation_date == KREDITOR_NO_DATE); /* nothing owed, nothing to lapse */
    }
  }
  OK(kreditor_report_find_customer(report, "C-17", &customer));
  CHECK(customer == 0);
  OK(kreditor_customer_summary_init(&s, sizeof s));
  OK(kreditor_report_customer(report, customer, &s));
  CHECK(s.open_minor == minor("1500.00"));
  CHECK(s.overdue_minor == minor("1000.00"));
  CHECK(s.credit_hold == 0 && s.over_limit == 0 && s.line_count == 3);
  CHECK(s.receivables_not_due_minor + s.receivables_overdue_minor + s.orders_not_invoiced_minor +
            s.deliveries_not_invoiced_minor + s.set_off_minor + s.security_minor ==
        s.exposure_minor);
  OK(kreditor_money_format(cmd.total_minor, "NOK", text, sizeof text, NULL));

  /* The plugin sends the purring and records it. */
  commands_for(report, "A", &cmd);
  OK(kreditor_notice_init(&notice, sizeof notice));
  notice.invoice_id = cmd.invoice_id;
  notice.step = cmd.step;
  notice.sent = cmd.on;
  notice.deadline = cmd.deadline;
  notice.fee_minor = cmd.fee_minor;
  OK(kreditor_ledger_add_notice(ledger, &notice));
  {
    const kreditor_date deadline = cmd.deadline;
    const int64_t fee = cmd.fee_minor;
    kreditor_report_free(report);
    report = NULL;

    /* A rerun for the same day asks for the same purring, marked recorded. */
    OK(kreditor_report_make(ledger, today, NULL, &report));
    CHECK(commands_for(report, "A", &cmd) == 1);
    CHECK(cmd.recorded == 1 && strcmp(cmd.step, "purring") == 0);
    kreditor_report_free(report);
    report = NULL;

    /* The next day: nothing new (the deadline runs). */
    OK(kreditor_report_make(ledger, today + 1, NULL, &report));
    CHECK(commands_for(report, "A", &cmd) == 0);
    kreditor_report_free(report);
    report = NULL;

    /* A week after the deadline: the inkassovarsel, with the purring's fee still owed. */
    OK(kreditor_report_make(ledger, deadline + 7, NULL, &report));
    CHECK(commands_for(report, "A", &cmd) == 1);
    CHECK(cmd.kind == KREDITOR_COMMAND_COLLECTION_WARNING);
    CHECK(strcmp(cmd.step, "inkassovarsel") == 0);
    CHECK(cmd.fees_minor == fee + cmd.fee_minor);
    printf("%s: %s (%s) to %s, KID %s, total %" "lld" "\n", cmd.invoice_id, cmd.kind_name, cmd.step, cmd.email,
           cmd.reference, (long long)cmd.total_minor);
  }
  kreditor_report_free(report);
  kreditor_ledger_free(ledger);

  /* Set-off (issue 13): a ledger directory with what we owe the customer (counterclaims.csv)
   * under the NO-B2B preset; the command names the counterclaim and the amount to take. */
  {
    static const char* const files[][2] = {
        {"customers.csv", "customer_id,name,country,segment,currency,credit_limit,terms\n"
                          "C1,Acme AS,NO,b2b,NOK,0.00,14 dager netto\n"},
        {"invoices.csv", "invoice_id,customer_id,issue_date,due_date,currency,amount\n"
                         "I1,C1,2025-01-02,2025-01-16,NOK,10000.00\n"},
        {"payments.csv", "payment_id,customer_id,date,currency,amount\n"},
        {"events.csv", "date,customer_id,invoice_id,event,details\n"
                       "2025-01-30,C1,I1,notice_sent,level=purring (B2B);deadline=2025-02-13\n"
                       "2025-02-14,C1,I1,notice_sent,level=inkassovarsel;deadline=2025-02-28\n"},
        {"counterclaims.csv", "counterclaim_id,customer_id,date,currency,amount,payable_from,reference\n"
                              "CN-7,C1,2025-02-01,NOK,2000.00,,\n"}};
    char dir[] = "/tmp/kreditor_c_cover_XXXXXX";
    char path[128];
    size_t f, n = 0;
    kreditor_policy_set* b2b = NULL;
    CHECK(mkdtemp(dir) != NULL);
    for (f = 0; f < sizeof files / sizeof files[0]; ++f) {
      FILE* out;
      snprintf(path, sizeof path, "%s/%s", dir, files[f][0]);
      out = fopen(path, "w");
      CHECK(out != NULL);
      if (out == NULL) continue;
      fputs(files[f][1], out);
      fclose(out);
    }
    OK(kreditor_ledger_load(dir, &ledger));
    OK(kreditor_policy_set_new_named("NO-B2B", &b2b));
    OK(kreditor_report_make(ledger, day(2025, 3, 3), b2b, &report));
    OK(kreditor_report_command_count(report, &n));
    CHECK(n == 1);
    OK(kreditor_command_init(&cmd, sizeof cmd));
    OK(kreditor_report_command(report, 0, &cmd));
    CHECK(cmd.kind == KREDITOR_COMMAND_PROPOSE_SET_OFF);
    CHECK(strcmp(cmd.cover_id, "CN-7") == 0);
    CHECK(cmd.cover_amount_minor == minor("2000.00"));
    kreditor_report_free(report);
    kreditor_policy_set_free(b2b);
    kreditor_ledger_free(ledger);
    for (f = 0; f < sizeof files / sizeof files[0]; ++f) {
      snprintf(path, sizeof path, "%s/%s", dir, files[f][0]);
      remove(path);
    }
    rmdir(dir);
  }
  if (failures != 0) {
    fprintf(stderr, "%d checks failed\n", failures);
    return 1;
  }
  printf("c daily run ok\n");
  return 0;
}
