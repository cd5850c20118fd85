// `kreditor casefile`: the case file for handing a customer's claims over to collection.
//
//   kreditor casefile --customer ID [--invoice ID] [--acknowledged DATE] [--ledger PATH]
//                     [--as-of D] [--state FILE] [--policy NAME|FILE.json]
//                     [--format json|text|html] [--creditor FILE.json] [--out FILE]
//
// The run is `kreditor run`'s; the file is the library's (kreditor/documents/case_file.hpp):
// JSON {"kreditor_case_file": 1, "claim", "creditor", "debtor", "invoices", "notices",
// "events", "payments", "interest_periods", "limitation_date"} (schema in the README), or a
// document. --acknowledged DATE records that the debtor signed a debt acknowledgment of
// --invoice on DATE (it interrupts limitation as the jurisdiction's law says).
#include <fstream>

#include "cli/cli.hpp"
#include "cli/run.hpp"
#include "cli/sample.hpp"
#include "kreditor/documents/case_file.hpp"

namespace kreditor::cli {

int cmd_casefile(context& ctx) {
  const args a(ctx.argv,
               {"customer", "invoice", "acknowledged", "ledger", "as-of", "state", "policy", "format", "creditor", "out"},
               {"decimal-comma"});
  const std::string customer = a.require("customer");
  const std::optional<std::string> invoice = a.get("invoice");
  const result<document_format> format = parse_document_format(a.get("format").value_or("json"));
  if (!format) throw usage_error{"--format: " + format.error().message};
  std::vector<std::pair<std::string, interruption>> acknowledged;
  if (const auto when = a.get("acknowledged")) {
    if (!invoice) throw usage_error{"--acknowledged: give --invoice ID, the claim the debtor acknowledged"};
    const result<date> d = parse_date(*when);
    if (!d) throw usage_error{"--acknowledged: " + d.error().message};
    acknowledged.emplace_back(*invoice, interruption{*d, interruption_kind::debt_acknowledgment});
  }
  const creditor_profile creditor = creditor_from(a);
  ledger l = ledger_from(a);
  const date as_of = as_of_from(a, l);
  // The report keeps no payments of its own: the customer's are taken before the run.
  std::vector<payment_record> payments;
  for (const payment_record& p : l.payments)
    if (p.customer_id == customer) payments.push_back(p);
  const std::optional<std::string> state_path = a.get("state");
  const run::state_file state = state_path ? run::read_state(*state_path) : run::state_file{};
  const run::report rep = run::make_report(std::move(l), as_of, state, a.get("policy"));
  case_file f;
  try {
    f = make_case_file(rep, creditor, customer, invoice ? std::optional<std::string_view>(*invoice) : std::nullopt,
                       payments, acknowledged);
  } catch (const error& e) {
    throw usage_error{e.what()};
  }
  const std::string text = render_case_file(f, *format, template_set::shipped());
  if (const auto out = a.get("out")) {
    std::ofstream file(*out, std::ios::binary);
    file << text << (text.ends_with("\n") ? "" : "\n");
    if (!file) throw usage_error{"--out: cannot write " + *out};
    ctx.out << *out << "\n";
    return exit_ok;
  }
  ctx.out << text << (text.ends_with("\n") ? "" : "\n");
  return exit_ok;
}

}  // namespace kreditor::cli
