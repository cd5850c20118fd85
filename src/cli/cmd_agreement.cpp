// `kreditor agreement`: a payment plan agreement or a debt acknowledgment for the debtor to sign.
//
//   kreditor agreement --customer ID [--invoice ID] [--kind debt_acknowledgment|payment_plan]
//                      [--installments N --first-due D [--months-between M] [--annual-interest R]
//                       [--plan-fee X] [--grace-days N] [--security TEXT]]
//                      [--ledger PATH] [--as-of D] [--state FILE] [--policy NAME|FILE.json]
//                      [--format text|html|json] [--lang L] [--creditor FILE.json] [--out FILE]
//
// The claim is the run's (what the customer owes on the date, by invoice); the plan is the
// library's make_payment_plan over it, exact to the minor unit; the document is
// kreditor/documents/agreement.hpp's.
#include <fstream>

#include "cli/cli.hpp"
#include "cli/run.hpp"
#include "cli/sample.hpp"
#include "kreditor/documents/agreement.hpp"

namespace kreditor::cli {
namespace {

int whole_number(const args& a, const std::string& option, int fallback, int lo, int hi) {
  const std::optional<std::string> text = a.get(option);
  if (!text) return fallback;
  std::size_t used = 0;
  int value = 0;
  try {
    value = std::stoi(*text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != text->size() || value < lo || value > hi)
    throw usage_error{"--" + option + ": '" + *text + "' is not a whole number from " + std::to_string(lo) + " to " +
                      std::to_string(hi)};
  return value;
}

}  // namespace

int cmd_agreement(context& ctx) {
  const args a(ctx.argv,
               {"customer", "invoice", "kind", "installments", "first-due", "months-between", "annual-interest",
                "plan-fee", "grace-days", "security", "ledger", "as-of", "state", "policy", "format", "lang",
                "creditor", "out"},
               {"decimal-comma"});
  const std::string customer = a.require("customer");
  const std::optional<std::string> invoice = a.get("invoice");
  const result<document_kind> kind = parse_document_kind(a.get("kind").value_or("debt_acknowledgment"));
  if (!kind || (*kind != document_kind::debt_acknowledgment && *kind != document_kind::payment_plan))
    throw usage_error{"--kind: '" + a.get("kind").value_or("") + "' is neither debt_acknowledgment nor payment_plan"};
  const result<document_format> format = parse_document_format(a.get("format").value_or("text"));
  if (!format) throw usage_error{"--format: " + format.error().message};
  notice_options options;
  if (const auto lang = a.get("lang")) {
    const result<language> l = parse_language(*lang);
    if (!l) throw usage_error{"--lang: " + l.error().message};
    options.language = *l;
  }
  const bool plan = *kind == document_kind::payment_plan;
  for (const char* only_plan : {"installments", "first-due", "months-between", "annual-interest", "plan-fee",
                                "grace-days", "security"})
    if (!plan && a.get(only_plan)) throw usage_error{std::string("--") + only_plan + ": only with --kind payment_plan"};
  const creditor_profile creditor = creditor_from(a);
  ledger l = ledger_from(a);
  const date as_of = as_of_from(a, l);
  dunning::plan_terms terms;
  if (plan) {
    terms.installments = whole_number(a, "installments", 0, 1, 120);
    if (terms.installments == 0) throw usage_error{"--kind payment_plan needs --installments N (1 to 120)"};
    const result<date> first = parse_date(a.require("first-due"));
    if (!first) throw usage_error{"--first-due: " + first.error().message};
    terms.first_due = *first;
    terms.months_between = whole_number(a, "months-between", 1, 1, 12);
    if (const auto r = a.get("annual-interest")) {
      const result<rate> annual = rate::parse(*r);
      if (!annual) throw usage_error{"--annual-interest: " + annual.error().message};
      terms.annual_interest = *annual;
    }
    const customer_record* c = nullptr;
    for (const customer_record& x : l.customers)
      if (x.customer_id == customer) c = &x;
    if (c && a.get("plan-fee")) {
      const result<money> fee = money::parse(*a.get("plan-fee"), c->currency, std::nullopt, decimal_mark_from(a));
      if (!fee) throw usage_error{"--plan-fee: " + fee.error().message};
      terms.plan_fee = *fee;
    } else if (c) {
      terms.plan_fee = money::zero(c->currency);
    }
  }
  const std::optional<std::string> state_path = a.get("state");
  const run::state_file state = state_path ? run::read_state(*state_path) : run::state_file{};
  const run::report rep = run::make_report(std::move(l), as_of, state, a.get("policy"));
  const std::optional<std::string_view> only = invoice ? std::optional<std::string_view>(*invoice) : std::nullopt;
  std::string text;
  try {
    const agreement doc = plan ? make_plan_agreement(rep, creditor, customer, only, terms, a.get("security").value_or(""),
                                                     whole_number(a, "grace-days", 14, 0, 90), options)
                               : make_debt_acknowledgment(rep, creditor, customer, only, options);
    text = render_agreement(doc, *format, template_set::shipped(), shipped_notice_requirements());
  } catch (const error& e) {
    throw usage_error{e.what()};
  }
  if (const auto out = a.get("out")) {
    std::ofstream file(*out, std::ios::binary);
    file << text;
    if (!file) throw usage_error{"--out: cannot write " + *out};
    ctx.out << *out << "\n";
    return exit_ok;
  }
  ctx.out << text;
  return exit_ok;
}

}  // namespace kreditor::cli
