// The `kreditor` command-line tool. Subcommands are listed in one table; each lives in its
// own cmd_<name>.cpp. Errors never escape as crashes: usage and input errors exit 2 with a
// message naming the input and the problem.
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "kreditor/core/errc.hpp"
#include "kreditor/version.hpp"

namespace kreditor::cli {
// One line per subcommand (defined in cmd_<name>.cpp).
int cmd_run(context&);
int cmd_interest(context&);
int cmd_check(context&);
int cmd_make(context&);
int cmd_terms(context&);
int cmd_calendar(context&);
int cmd_aging(context&);
int cmd_exposure(context&);
int cmd_simulate(context&);
int cmd_score(context&);
int cmd_fit(context&);
int cmd_review(context&);
}  // namespace kreditor::cli

namespace {
using namespace kreditor::cli;

struct command_row {
  const char* name;
  command_fn run;
  const char* summary;
};

// clang-format off
const std::vector<command_row> commands = {
  {"run", cmd_run, "the daily dunning run: [--ledger DIR|FILE.json] [--policy NAME|FILE.json] [--as-of DATE] [--format table|json|csv] [--state FILE] [--fail-on-overdue] [--quiet]; no --ledger: the bundled sample"},
  {"interest", cmd_interest, "late interest for one invoice: --amount --currency --from (due) --to (paid) --jurisdiction [--rate 12.5%] [--segment b2b|b2c] [--json]"},
  {"check", cmd_check, "validate a payment reference or identity number: TYPE VALUE [--json] (TYPE: kid-mod10 kid-mod11 ocr fik71 fi-ref rf iban orgnr-no orgnr-se cvr ytunnus; ocr also --length-digit); exit 1 if invalid"},
  {"make", cmd_make, "complete a payment reference with its check digit(s): TYPE PAYLOAD [--length-digit] [--json] (TYPE: kid-mod10 kid-mod11 ocr fik71 fi-ref rf)"},
  {"calendar", cmd_calendar, "payment calendars: holidays --calendar CC --from D --to D [--json] | is-business-day --calendar CC --date D | adjust --calendar CC --date D [--convention C] | advance --calendar CC --date D --days N (CC: NO SE DK FI weekends)"},
  {"terms", cmd_terms, "due dates, discounts and instalments of payment terms: TERMS --invoice-date D [--calendar CC [--convention C] | --jurisdiction CC] [--delivery-date D] [--amount X --currency C] [--json]"},
  {"aging", cmd_aging, "open receivables by age, per customer and portfolio: [--ledger PATH] [--as-of DATE] [--by due|invoice] [--buckets 30,60,90] [--policy NAME|FILE.json] [--state FILE] [--json]; no --ledger: the bundled sample"},
  {"exposure", cmd_exposure, "a customer's credit exposure by category and an order release decision: --customer ID [--ledger PATH] [--as-of DATE] [--order-amount 12000.00] [--json]"},
  {"score", cmd_score, "a customer's risk grade, PD and recommended terms, payment methods and credit limit: --financials FILE.json [--credit-check FILE.json] [--ledger DIR --customer ID] [--model FILE.json] [--policy FILE.json] [--as-of DATE] [--json]"},
  {"fit", cmd_fit, "logistic regression on a numeric CSV (as R's glm binomial): --data FILE.csv --target COLUMN [--l2 LAMBDA] [--weights COLUMN] [--no-intercept] [--save-model FILE.json] [--json]"},
  {"review", cmd_review, "standing credit monitoring: re-score every business customer and list where terms or limits differ from the recommendation: [--ledger DIR] [--financials DIR] [--credit-checks FILE] [--model FILE.json] [--policy FILE.json] [--as-of DATE] [--json]; no --ledger: the bundled sample with its statements"},
  {"simulate", cmd_simulate, "projected dunning timeline of one invoice if nothing is paid: --policy NO|SE|DK|FI|EU|single-reminder|relationship-first|FILE.json --amount --currency --invoice-date --due [--segment b2b|b2c] [--until DATE] [--json]"},
};
// clang-format on

void print_help(std::ostream& os) {
  os << "kreditor " KREDITOR_VERSION_STRING " - credit risk and dunning\n\n"
        "usage: kreditor <command> [options]\n       kreditor --help | --version\n\ncommands:\n";
  for (const auto& c : commands) os << "  " << c.name << "\n      " << c.summary << "\n";
  os << "\nexit codes: 0 ok, 1 problems found (or an invalid value for `check`), 2 usage or input "
        "error\n";
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> rest(argv + (argc > 1 ? 2 : 1), argv + argc);
  const std::string name = argc > 1 ? argv[1] : "";
  if (name.empty() || name == "--help" || name == "-h" || name == "help") {
    print_help(std::cout);
    return name.empty() ? exit_usage : exit_ok;
  }
  if (name == "--version") {
    std::cout << "kreditor " KREDITOR_VERSION_STRING "\n";
    return exit_ok;
  }
  for (const auto& c : commands) {
    if (name != c.name) continue;
    context ctx{rest, std::cout, std::cerr, isatty(STDERR_FILENO) != 0};
    try {
      return c.run(ctx);
    } catch (const usage_error& e) {
      std::cerr << "kreditor " << name << ": " << e.message << "\n";
      return exit_usage;
    } catch (const kreditor::error& e) {
      std::cerr << "kreditor " << name << ": " << e.what() << " [" << kreditor::to_string(e.code())
                << "]\n";
      return exit_usage;
    } catch (const std::exception& e) {
      std::cerr << "kreditor " << name << ": internal error: " << e.what() << "\n";
      return exit_usage;
    }
  }
  std::cerr << "kreditor: unknown command '" << name << "' (see kreditor --help)\n";
  return exit_usage;
}
