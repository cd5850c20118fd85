#include "cli/usage.hpp"

#include <array>
#include <ostream>
#include <set>
#include <string>

#include "kreditor/version.hpp"

namespace kreditor::cli {
namespace {

using sv = std::string_view;

// clang-format off
constexpr std::array<sv, 1> run_syn{
    "run [--ledger DIR|FILE.json] [--policy NAME|FILE.json] [--as-of DATE] [--format table|json|csv] [--json] [--state FILE] [--limitation-days N] [--fail-on-overdue] [--quiet] [--decimal-comma]"};
constexpr std::array<option_usage, 10> run_opt{{
    {"--ledger DIR|FILE.json", "a ledger directory of CSV files or one JSON file; default: the bundled sample ledger"},
    {"--policy NAME|FILE.json", "NO, SE, DK, FI, EU, single-reminder, relationship-first or a policy file; default: each customer by its country's preset"},
    {"--as-of DATE", "the run date (YYYY-MM-DD); default: the ledger's own as-of date"},
    {"--format table|json|csv", "table for people, json and csv for programs (every invoice)"},
    {"--json", "the same as --format json, as the other commands spell it"},
    {"--state FILE", "reads the notices earlier runs asked for and records today's"},
    {"--limitation-days N", "alert on claims that become time-barred within N days (default 90)"},
    {"--fail-on-overdue", "exit 1 when any invoice is overdue"},
    {"--quiet", "no progress bar"},
    {"--decimal-comma", "amounts in the ledger are written with a decimal comma: 1 234,50 or 1.234,50"}}};

constexpr std::array<sv, 1> interest_syn{
    "interest --amount X --currency CUR --from DUE --to PAID --jurisdiction CC [--rate R%] [--segment b2b|b2c] [--day-count DC] [--first-day day_after_due|due_date] [--rounding MODE] [--json] [--decimal-comma]"};
constexpr std::array<option_usage, 12> interest_opt{{
    {"--amount X", "the principal, e.g. 10000.00 (not negative)"},
    {"--currency CUR", "ISO 4217 code, e.g. NOK"},
    {"--from DUE", "the due date; interest accrues from the day after"},
    {"--to PAID", "the payment date (not before --from)"},
    {"--jurisdiction CC", "NO, SE, DK, FI or EU: the statutory rate table and day count"},
    {"--rate R%", "a fixed annual rate instead of the table, with its unit (12.5% or 1250bp; not negative)"},
    {"--segment b2b|b2c", "the debtor (default b2b)"},
    {"--day-count DC", "override the law's day count"},
    {"--first-day day_after_due|due_date", "the first day that bears interest"},
    {"--rounding MODE", "half_up, half_even, ... (default: the law's)"},
    {"--json", "one JSON object instead of the table"},
    {"--decimal-comma", "--amount is written with a decimal comma: 1 234,50 or 1.234,50"}}};

constexpr std::array<sv, 1> check_syn{"check TYPE VALUE [--length-digit] [--json]"};
constexpr std::array<option_usage, 2> check_opt{{
    {"--length-digit", "ocr only: also check the OCR length digit"},
    {"--json", "the answer as JSON"}}};

constexpr std::array<sv, 1> make_syn{"make TYPE PAYLOAD [--length-digit] [--json]"};
constexpr std::array<option_usage, 2> make_opt{{
    {"--length-digit", "ocr only: add the OCR length digit"},
    {"--json", "the reference as JSON"}}};

constexpr std::array<sv, 4> calendar_syn{
    "calendar holidays --calendar CC --from DATE --to DATE [--json]",
    "calendar is-business-day --calendar CC --date DATE [--json]",
    "calendar adjust --calendar CC --date DATE [--convention C] [--json]",
    "calendar advance --calendar CC --date DATE --days N [--json]"};
constexpr std::array<option_usage, 7> calendar_opt{{
    {"--calendar CC", "NO, SE, DK, FI or weekends"},
    {"--from DATE", "holidays: the first day"},
    {"--to DATE", "holidays: the last day"},
    {"--date DATE", "the day to test, adjust or advance from"},
    {"--convention C", "following (default), modified_following, preceding, modified_preceding, unadjusted"},
    {"--days N", "business days to advance (negative: back)"},
    {"--json", "the answer as JSON"}}};

constexpr std::array<sv, 1> terms_syn{
    "terms TERMS --invoice-date DATE [--calendar CC [--convention C] | --jurisdiction CC] [--delivery-date DATE] [--amount X --currency CUR] [--json] [--decimal-comma]"};
constexpr std::array<option_usage, 9> terms_opt{{
    {"--invoice-date DATE", "the invoice date"},
    {"--delivery-date DATE", "credit periods count from delivery (at most a year before the invoice)"},
    {"--calendar CC", "roll dates on this calendar"},
    {"--convention C", "with --calendar: how to roll (default following)"},
    {"--jurisdiction CC", "the statutory non-business-day rule of NO, SE, DK or FI"},
    {"--amount X", "the invoice amount: instalment amounts and what to pay by each discount deadline"},
    {"--currency CUR", "the amount's currency"},
    {"--json", "one JSON object"},
    {"--decimal-comma", "--amount is written with a decimal comma: 1 234,50 or 1.234,50"}}};

constexpr std::array<sv, 1> aging_syn{
    "aging [--ledger PATH] [--as-of DATE] [--by due|invoice] [--buckets 30,60,90] [--policy NAME|FILE.json] [--state FILE] [--json] [--decimal-comma]"};
constexpr std::array<option_usage, 8> aging_opt{{
    {"--ledger PATH", "a ledger directory or JSON file; default: the bundled sample"},
    {"--as-of DATE", "default: the ledger's own as-of date"},
    {"--by due|invoice", "age by due date (default) or by invoice date"},
    {"--buckets 30,60,90", "the bucket bounds in days"},
    {"--policy NAME|FILE.json", "as for run (payments reach fees and interest before principal)"},
    {"--state FILE", "as for run (only read)"},
    {"--json", "one JSON object"},
    {"--decimal-comma", "amounts in the ledger are written with a decimal comma: 1 234,50 or 1.234,50"}}};

constexpr std::array<sv, 1> notices_syn{
    "notices [--ledger PATH] [--as-of DATE] [--state FILE] [--policy NAME|FILE.json] [--format text|html|json] [--lang nb|sv|da|fi|en] [--out DIR] [--creditor FILE.json] [--templates DIR] [--requirements FILE.json] [--decimal-comma]"};
constexpr std::array<option_usage, 11> notices_opt{{
    {"--ledger PATH", "a ledger directory or JSON file; default: the bundled sample"},
    {"--as-of DATE", "default: the ledger's own as-of date"},
    {"--state FILE", "as for run (only read): the notices earlier runs recorded"},
    {"--policy NAME|FILE.json", "as for run"},
    {"--format text|html|json", "letters as plain text (default) or HTML, or each notice's data as JSON"},
    {"--lang nb|sv|da|fi|en", "the language of every notice; default: the debtor's jurisdiction's"},
    {"--out DIR", "write one file per notice into DIR and list the files"},
    {"--creditor FILE.json", "who the notices are from; default: creditor.json beside the ledger"},
    {"--templates DIR", "Mustache layouts and words.LANG.json files replacing the shipped ones"},
    {"--requirements FILE.json", "the law's content requirements, replacing the shipped table"},
    {"--decimal-comma", "amounts in the ledger are written with a decimal comma: 1 234,50 or 1.234,50"}}};

constexpr std::array<sv, 1> casefile_syn{
    "casefile --customer ID [--invoice ID] [--acknowledged DATE] [--ledger PATH] [--as-of DATE] [--state FILE] [--policy NAME|FILE.json] [--format json|text|html] [--creditor FILE.json] [--out FILE] [--decimal-comma]"};
constexpr std::array<option_usage, 11> casefile_opt{{
    {"--customer ID", "the customer whose claims are handed over"},
    {"--invoice ID", "only this invoice (default: every invoice with something owed)"},
    {"--acknowledged DATE", "with --invoice: the debtor signed a debt acknowledgment on DATE (interrupts limitation)"},
    {"--ledger PATH", "a ledger directory or JSON file; default: the bundled sample"},
    {"--as-of DATE", "default: the ledger's own as-of date"},
    {"--state FILE", "as for run (only read)"},
    {"--policy NAME|FILE.json", "as for run"},
    {"--format json|text|html", "the agency import (JSON, default) or a document"},
    {"--creditor FILE.json", "who is owed; default: creditor.json beside the ledger"},
    {"--out FILE", "write to FILE and print its name"},
    {"--decimal-comma", "amounts in the ledger are written with a decimal comma: 1 234,50 or 1.234,50"}}};

constexpr std::array<sv, 1> agreement_syn{
    "agreement --customer ID [--invoice ID] [--kind debt_acknowledgment|payment_plan] [--installments N --first-due DATE] [--months-between M] [--annual-interest RATE] [--plan-fee X] [--grace-days N] [--security TEXT] [--ledger PATH] [--as-of DATE] [--state FILE] [--policy NAME|FILE.json] [--format text|html|json] [--lang nb|sv|da|fi|en] [--creditor FILE.json] [--out FILE] [--decimal-comma]"};
constexpr std::array<option_usage, 19> agreement_opt{{
    {"--customer ID", "the debtor"},
    {"--invoice ID", "only this invoice (default: every invoice with something owed)"},
    {"--kind K", "debt_acknowledgment (default) or payment_plan"},
    {"--installments N", "payment_plan: the number of instalments, 1 to 120"},
    {"--first-due DATE", "payment_plan: the first instalment's due date"},
    {"--months-between M", "payment_plan: months between instalments (default 1)"},
    {"--annual-interest RATE", "payment_plan: interest on the declining principal, e.g. 12%"},
    {"--plan-fee X", "payment_plan: a fee for the plan (SE amorteringsplan, capped by law)"},
    {"--grace-days N", "payment_plan: days after a due date before a missed instalment breaks the plan (default 14)"},
    {"--security TEXT", "payment_plan: security the debtor offers, as written"},
    {"--ledger PATH", "a ledger directory or JSON file; default: the bundled sample"},
    {"--as-of DATE", "default: the ledger's own as-of date"},
    {"--state FILE", "as for run (only read)"},
    {"--policy NAME|FILE.json", "as for run"},
    {"--format text|html|json", "the document as plain text (default) or HTML, or its data as JSON"},
    {"--lang nb|sv|da|fi|en", "default: the debtor's jurisdiction's"},
    {"--creditor FILE.json", "who is owed; default: creditor.json beside the ledger"},
    {"--out FILE", "write to FILE and print its name"},
    {"--decimal-comma", "amounts (the ledger's, --plan-fee) are written with a decimal comma"}}};

constexpr std::array<sv, 1> score_syn{
    "score --financials FILE.json [--credit-check FILE.json] [--ledger DIR --customer ID] [--model FILE.json] [--policy FILE.json] [--as-of DATE] [--json] [--decimal-comma]"};
constexpr std::array<option_usage, 9> score_opt{{
    {"--financials FILE.json", "the customer's financial statements (schema in the README)"},
    {"--credit-check FILE.json", "a credit check: bureau rating, payment remarks, registered status"},
    {"--ledger DIR", "with --customer: payment behaviour from the ledger"},
    {"--customer ID", "the customer in --ledger"},
    {"--model FILE.json", "a fitted model (kreditor fit --save-model); default: Ohlson's O-score"},
    {"--policy FILE.json", "a recommendation policy (grades, terms, limits)"},
    {"--as-of DATE", "default: today's statements' date"},
    {"--json", "one JSON object"},
    {"--decimal-comma", "amounts in the ledger are written with a decimal comma: 1 234,50 or 1.234,50"}}};

constexpr std::array<sv, 1> fit_syn{
    "fit --data FILE.csv --target COLUMN [--l2 LAMBDA] [--weights COLUMN] [--no-intercept] [--save-model FILE.json] [--threads N] [--json]"};
constexpr std::array<option_usage, 8> fit_opt{{
    {"--data FILE.csv", "numeric CSV: every column but the target (and weights) is a predictor"},
    {"--target COLUMN", "the 0/1 outcome"},
    {"--l2 LAMBDA", "ridge penalty (default 0)"},
    {"--weights COLUMN", "frequency weights"},
    {"--no-intercept", "no (Intercept) term (as R's glm with -1)"},
    {"--save-model FILE.json", "write the fitted model for score"},
    {"--threads N", "threads for the fit (results are the same for any N)"},
    {"--json", "one JSON object"}}};

constexpr std::array<sv, 1> review_syn{
    "review [--ledger DIR] [--financials DIR] [--credit-checks FILE] [--model FILE.json] [--policy FILE.json] [--as-of DATE] [--json] [--decimal-comma]"};
constexpr std::array<option_usage, 8> review_opt{{
    {"--ledger DIR", "default: the bundled sample with its bundled statements"},
    {"--financials DIR", "one statements file per customer"},
    {"--credit-checks FILE", "credit checks of the customers"},
    {"--model FILE.json", "a fitted model; default: Ohlson's O-score"},
    {"--policy FILE.json", "a recommendation policy"},
    {"--as-of DATE", "default: the ledger's own as-of date"},
    {"--json", "one JSON object"},
    {"--decimal-comma", "amounts in the ledger are written with a decimal comma: 1 234,50 or 1.234,50"}}};

constexpr std::array<sv, 1> exposure_syn{
    "exposure --customer ID [--ledger PATH] [--as-of DATE] [--order-amount X] [--policy NAME|FILE.json] [--state FILE] [--json] [--decimal-comma]"};
constexpr std::array<option_usage, 8> exposure_opt{{
    {"--customer ID", "the customer"},
    {"--ledger PATH", "a ledger directory or JSON file; default: the bundled sample"},
    {"--as-of DATE", "default: the ledger's own as-of date"},
    {"--order-amount X", "a new order: whether to release it, with reasons"},
    {"--policy NAME|FILE.json", "as for run"},
    {"--state FILE", "as for run (only read)"},
    {"--json", "one JSON object"},
    {"--decimal-comma", "amounts in the ledger (and --order-amount) are written with a decimal comma: 1 234,50 or 1.234,50"}}};

constexpr std::array<sv, 1> simulate_syn{
    "simulate --policy NAME|FILE.json --amount X --currency CUR --invoice-date DATE --due DATE [--segment b2b|b2c] [--until DATE] [--json] [--decimal-comma]"};
constexpr std::array<option_usage, 9> simulate_opt{{
    {"--policy NAME|FILE.json", "NO, SE, DK, FI, EU, single-reminder, relationship-first or a policy file"},
    {"--amount X", "the invoice amount (positive)"},
    {"--currency CUR", "its currency"},
    {"--invoice-date DATE", "the invoice date"},
    {"--due DATE", "the due date"},
    {"--segment b2b|b2c", "the debtor (default b2b)"},
    {"--until DATE", "the end of the timeline (default: a year after the invoice)"},
    {"--json", "one JSON object"},
    {"--decimal-comma", "--amount is written with a decimal comma: 1 234,50 or 1.234,50"}}};

constexpr std::array<command_usage, 15> usages{{
    {"run", "the daily dunning run over a ledger", run_syn, run_opt,
     "Without --ledger it runs on the bundled sample ledger, as of that ledger's own date. Exit 1 with "
     "--fail-on-overdue when something is overdue."},
    {"interest", "late interest for one invoice", interest_syn, interest_opt,
     "Interest accrues for each day after the due date through the payment date, on the statutory table "
     "of the jurisdiction unless --rate is given."},
    {"check", "validate a payment reference or identity number", check_syn, check_opt,
     "TYPE: kid-mod10 kid-mod11 ocr fik71 fi-ref rf iban orgnr-no orgnr-se cvr ytunnus. Exit 1 if the value "
     "is invalid."},
    {"make", "complete a payment reference with its check digit(s)", make_syn, make_opt,
     "TYPE: kid-mod10 kid-mod11 ocr fik71 fi-ref rf."},
    {"calendar", "payment calendars: holidays, business days, rolling and stepping dates", calendar_syn,
     calendar_opt, "is-business-day exits 1 when the date is not a business day."},
    {"terms", "due dates, discounts and instalments of payment terms", terms_syn, terms_opt,
     "TERMS is a notation such as \"2/10 net 30\", \"30 dager netto\" or \"lb. md. + 30\"."},
    {"aging", "open receivables by age, per customer and portfolio", aging_syn, aging_opt, ""},
    {"exposure", "a customer's credit exposure and an order release decision", exposure_syn, exposure_opt, ""},
    {"simulate", "the projected dunning timeline of one invoice if nothing is paid", simulate_syn, simulate_opt,
     ""},
    {"score", "a customer's risk grade, PD and recommended terms, payment methods and credit limit", score_syn,
     score_opt, ""},
    {"fit", "logistic regression on a numeric CSV, as R's glm binomial", fit_syn, fit_opt, ""},
    {"review", "standing credit monitoring: where terms or limits differ from the recommendation", review_syn,
     review_opt, ""},
    {"notices", "today's reminders and collection warnings as letters, with the content the law requires",
     notices_syn, notices_opt,
     "text and html refuse (exit 2) a notice that lacks an element the law requires, naming what is missing; "
     "json reports required_elements per notice."},
    {"casefile", "the case file for collection: claim, invoices, notices, events, payments, interest, limitation",
     casefile_syn, casefile_opt, ""},
    {"agreement", "a payment plan agreement or a debt acknowledgment for the debtor's signature", agreement_syn,
     agreement_opt, ""},
}};
// clang-format on

constexpr sv exit_codes =
    "exit codes: 0 ok, 1 problems found (--fail-on-overdue, an invalid value for check, not a business day), "
    "2 usage or input error (the message names the input; nothing is printed on stdout)";

// roff: a backslash is written \e; a line may not start with a dot or an apostrophe.
std::string roff(sv text) {
  std::string out;
  for (const char c : text) {
    if (c == '\\') {
      out += "\\e";
    } else if (c == '-') {
      out += "\\-";
    } else {
      out += c;
    }
  }
  if (!out.empty() && (out.front() == '.' || out.front() == '\'')) out.insert(0, "\\&");
  return out;
}

// The option's name without its argument: "--as-of DATE" -> "--as-of".
sv flag_of(sv option) { return option.substr(0, option.find(' ')); }

}  // namespace

std::span<const command_usage> command_usages() { return usages; }

const command_usage* find_usage(std::string_view name) {
  for (const command_usage& c : usages)
    if (c.name == name) return &c;
  return nullptr;
}

void print_overview(std::ostream& os) {
  os << "kreditor " KREDITOR_VERSION_STRING " - credit risk and dunning\n\n"
        "usage: kreditor <command> [options]\n"
        "       kreditor <command> --help\n"
        "       kreditor --help | --version | --man | --completion bash\n\ncommands:\n";
  for (const command_usage& c : usages) os << "  " << c.name << "\n      " << c.summary << "\n";
  os << "\n" << exit_codes << "\n";
}

void print_usage(std::ostream& os, const command_usage& c) {
  bool first = true;
  for (const sv line : c.synopsis) {
    os << (first ? "usage: kreditor " : "       kreditor ") << line << "\n";
    first = false;
  }
  os << "\n" << c.summary << ".";
  if (!c.details.empty()) os << " " << c.details;
  os << "\n\noptions:\n";
  for (const option_usage& o : c.options) os << "  " << o.name << "\n      " << o.meaning << "\n";
  os << "  --help\n      this text\n\n" << exit_codes << "\n";
}

void print_man_page(std::ostream& os) {
  os << ".\\\" Generated by `kreditor --man` from the usage table in src/cli/usage.cpp. Do not edit.\n"
        ".TH KREDITOR 1 \"\" \"kreditor " KREDITOR_VERSION_STRING "\" \"User Commands\"\n"
        ".SH NAME\nkreditor \\- credit risk and dunning for invoicing and accounting software\n"
        ".SH SYNOPSIS\n";
  for (const command_usage& c : usages)
    for (const sv line : c.synopsis) os << ".B kreditor\n" << roff(line) << "\n.br\n";
  os << ".B kreditor\n\\-\\-help | \\-\\-version | \\-\\-man | \\-\\-completion bash\n"
        ".SH DESCRIPTION\nkreditor evaluates receivables as of a date: dunning states, fees, late interest over "
        "statutory rate tables, credit exposure and aging, for the Nordic jurisdictions and the EU. "
        "Every subcommand prints its usage with \\-\\-help.\n"
        ".SH COMMANDS\n";
  for (const command_usage& c : usages) {
    os << ".SS " << c.name << "\n" << roff(c.summary) << ".";
    if (!c.details.empty()) os << " " << roff(c.details);
    os << "\n";
    for (const option_usage& o : c.options) os << ".TP\n.B " << roff(o.name) << "\n" << roff(o.meaning) << "\n";
  }
  os << ".SH EXIT STATUS\n" << roff(exit_codes.substr(std::string_view("exit codes: ").size())) << "\n"
     << ".SH SEE ALSO\nThe README of the kreditor sources.\n";
}

void print_bash_completion(std::ostream& os) {
  os << "# bash completion for kreditor, generated by `kreditor --completion bash` from its usage table.\n"
        "_kreditor() {\n"
        "  local cur=${COMP_WORDS[COMP_CWORD]} cmd=${COMP_WORDS[1]}\n"
        "  if [ \"$COMP_CWORD\" -eq 1 ]; then\n"
        "    COMPREPLY=($(compgen -W '";
  for (const command_usage& c : usages) os << c.name << ' ';
  os << "--help --version' -- \"$cur\"))\n    return\n  fi\n";
  // After an option that takes a value: complete file names (-o default), not options.
  std::set<sv> valued;
  for (const command_usage& c : usages)
    for (const option_usage& o : c.options)
      if (o.name.find(' ') != sv::npos) valued.insert(flag_of(o.name));
  os << "  case \"${COMP_WORDS[COMP_CWORD-1]}\" in\n    ";
  bool first = true;
  for (const sv f : valued) {
    os << (first ? "" : "|") << f;
    first = false;
  }
  os << ") COMPREPLY=(); return ;;\n  esac\n  case \"$cmd\" in\n";
  for (const command_usage& c : usages) {
    std::set<sv> flags;
    for (const option_usage& o : c.options) flags.insert(flag_of(o.name));
    os << "    " << c.name << ") COMPREPLY=($(compgen -W '";
    if (c.name == "calendar") os << "holidays is-business-day adjust advance ";
    if (c.name == "check" || c.name == "make") {
      os << "kid-mod10 kid-mod11 ocr fik71 fi-ref rf ";
      if (c.name == "check") os << "iban orgnr-no orgnr-se cvr ytunnus ";
    }
    for (const sv f : flags) os << f << ' ';
    os << "--help' -- \"$cur\")) ;;\n";
  }
  os << "  esac\n}\ncomplete -o default -F _kreditor kreditor\n";
}

}  // namespace kreditor::cli
