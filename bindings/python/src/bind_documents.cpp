// The documents (kreditor/documents/): today's notices of a run, their rendering with the
// shipped or a host's templates, the collection case file, payment plan agreements and debt
// acknowledgments, and the limitation alerts of a run. Wrappers only: the library builds,
// checks and renders; a document's dict is its JSON view (the same text `kreditor notices
// --format json` prints), parsed by Python's json.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common.hpp"
#include "kreditor/documents/agreement.hpp"
#include "kreditor/documents/case_file.hpp"
#include "kreditor/documents/claim_limitation.hpp"
#include "kreditor/documents/notice.hpp"
#include "kreditor/documents/render.hpp"
#include "kreditor/documents/requirements.hpp"

namespace kreditor::python {
namespace {

document_format format_of(const std::string& text) {
  result<document_format> f = parse_document_format(text);
  if (!f) raise(errc::invalid_argument, "format: " + f.error().message);
  return *f;
}

std::optional<language> language_of_text(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  result<language> l = parse_language(*text);
  if (!l) raise(errc::invalid_argument, "lang: " + l.error().message);
  return *l;
}

const template_set& templates_or_shipped(const std::optional<template_set>& t) {
  static const template_set shipped = template_set::shipped();
  return t ? *t : shipped;
}

py::object json_loads(const std::string& text) { return py::module_::import("json").attr("loads")(text); }

/// A notice in `format`; text and html are letters to send, so the law's check comes first.
std::string rendered(const notice& n, const std::string& format, const std::optional<template_set>& templates) {
  const document_format f = format_of(format);
  const template_set& t = templates_or_shipped(templates);
  if (f != document_format::json) check_notice(n, t, shipped_notice_requirements());
  return render_notice(n, f, t, shipped_notice_requirements());
}

}  // namespace

void bind_documents(py::module_& m) {
  py::class_<creditor_profile>(m, "Creditor",
                               "The firm that is owed, as documents name it (creditor.json): name, organisation\n"
                               "number, address, contact and the account per currency.")
      .def(py::init([](std::string name, std::string org_number, std::string address, std::string contact,
                       std::vector<std::pair<std::string, std::string>> accounts) {
             return creditor_profile{{std::move(name), std::move(org_number), std::move(address), std::move(contact)},
                                     std::move(accounts)};
           }),
           py::arg("name"), py::arg("org_number") = "", py::arg("address") = "", py::arg("contact") = "",
           py::arg("accounts") = std::vector<std::pair<std::string, std::string>>{},
           "`accounts`: (currency code or \"*\", account as printed) pairs.")
      .def_static("from_json", [](const std::string& text) { return unwrap(parse_creditor_json(text)); },
                  py::arg("text"), "A creditor.json text (format kreditor.creditor/1). InvalidArgument naming the key.")
      .def_property_readonly("name", [](const creditor_profile& c) { return c.self.name; })
      .def_property_readonly("org_number", [](const creditor_profile& c) { return c.self.org_number; })
      .def_property_readonly("address", [](const creditor_profile& c) { return c.self.address; })
      .def_property_readonly("contact", [](const creditor_profile& c) { return c.self.contact; })
      .def("account_for", [](const creditor_profile& c, currency ccy) { return c.account_for(ccy); }, py::arg("currency"),
           "The account printed for `currency`: its own entry, else \"*\", else \"\".")
      .def("__repr__", [](const creditor_profile& c) { return "Creditor('" + c.self.name + "')"; });

  py::class_<template_set>(m, "Templates",
                           "The layouts (notice.txt.mustache, ...) and wording (words.LANG.json) documents are\n"
                           "rendered with: the shipped ones, with a host's replacements checked when added.")
      .def_static("shipped", &template_set::shipped)
      .def_static("from_directory", [](const std::string& dir) { return unwrap(template_set::from_directory(dir)); },
                  py::arg("directory"), "The shipped set with the directory's *.mustache and words.*.json over it.")
      .def("with_file", [](const template_set& t, const std::string& name, std::string text) {
             return unwrap(t.with(name, std::move(text)));
           }, py::arg("name"), py::arg("text"), "A copy with file `name` replaced (checked: InvalidArgument naming it).")
      .def("file", &template_set::file, py::arg("name"), "The text of file `name`; NotFound when the set has none.");

  py::class_<notice>(m, "Notice", "One letter of today's run: a customer's invoices of one currency and kind.")
      .def_readonly("customer_id", &notice::customer_id)
      .def_property_readonly("kind", [](const notice& n) { return std::string(to_string(n.kind)); },
                             "\"reminder\" or \"collection_warning\".")
      .def_property_readonly("language", [](const notice& n) { return std::string(to_string(n.language)); })
      .def_property_readonly("jurisdiction", [](const notice& n) { return n.jurisdiction; })
      .def_readonly("currency", &notice::currency)
      .def_readonly("sent", &notice::sent)
      .def_readonly("deadline", &notice::deadline)
      .def_readonly("steps", &notice::steps, "The policy steps that asked for it.")
      .def_property_readonly("invoice_ids", [](const notice& n) {
        std::vector<std::string> ids;
        for (const notice_invoice& i : n.invoices) ids.push_back(i.invoice_id);
        return ids;
      })
      .def_readonly("principal", &notice::principal)
      .def_readonly("fees", &notice::fees)
      .def_readonly("interest", &notice::interest)
      .def_readonly("total", &notice::total, "What the debtor is asked to pay (principal + fees + interest).")
      .def("to_dict", [](const notice& n, const std::optional<template_set>& templates) {
             return json_loads(rendered(n, "json", templates));
           }, py::arg("templates") = py::none(),
           "The notice's view: every field, the wording, and required_elements (name -> present).")
      .def("__repr__", [](const notice& n) {
        return "Notice('" + n.customer_id + "', " + std::string(to_string(n.kind)) + ", " + to_string(n.total) + " " +
               std::string(n.currency.code()) + ")";
      });

  m.def("make_notices",
        [](const run_report& r, const creditor_profile& creditor, const std::optional<std::string>& lang) {
          return make_notices(r, creditor, {.language = language_of_text(lang)});
        },
        py::arg("report"), py::arg("creditor"), py::arg("lang") = py::none(),
        "The letters today's commands ask for: one per customer, currency and kind (send_reminder ->\n"
        "reminder, collection_warning -> collection_warning), in each debtor's language unless `lang`\n"
        "(nb, sv, da, fi, en) is given. Disputed invoices are left out.");
  m.def("render_notice",
        [](notice n, const std::string& format, const std::optional<std::string>& lang,
           const std::optional<template_set>& templates) {
          if (const std::optional<language> l = language_of_text(lang)) n.language = *l;
          return rendered(n, format, templates);
        },
        py::arg("notice"), py::arg("format") = "text", py::arg("lang") = py::none(), py::arg("templates") = py::none(),
        "The notice as text, html or json (its view), in `lang` when given. A text or html letter that\n"
        "lacks an element the law requires raises LegalViolation naming the law and what is missing.");

  py::class_<case_file>(m, "CaseFile", "A customer's claim documented for handing over to collection or court.")
      .def_readonly("customer_id", &case_file::customer_id)
      .def_readonly("as_of", &case_file::as_of)
      .def_readonly("currency", &case_file::currency)
      .def_readonly("total", &case_file::total)
      .def_readonly("limitation_date", &case_file::limitation_date, "The earliest limitation of its invoices.")
      .def("to_dict", [](const case_file& f) { return json_loads(case_file_json(f)); },
           "The agency import (the README's schema): claim, invoices, notices, events, payments, ...")
      .def("render", [](const case_file& f, const std::string& format, const std::optional<template_set>& templates) {
             return render_case_file(f, format_of(format), templates_or_shipped(templates));
           }, py::arg("format") = "text", py::arg("templates") = py::none());

  m.def("case_file",
        [](const run_report& r, const creditor_profile& creditor, const std::string& customer_id,
           const std::optional<std::string>& invoice_id, const std::optional<std::shared_ptr<ledger>>& l,
           const std::vector<std::pair<std::string, date>>& acknowledged) {
          std::vector<payment_record> payments;
          if (l && *l)
            for (const payment_record& p : (*l)->payments)
              if (p.customer_id == customer_id) payments.push_back(p);
          std::vector<std::pair<std::string, interruption>> acks;
          for (const auto& [invoice, on] : acknowledged)
            acks.emplace_back(invoice, interruption{on, interruption_kind::debt_acknowledgment});
          std::optional<std::string_view> only;
          if (invoice_id) only = *invoice_id;
          return make_case_file(r, creditor, customer_id, only, payments, acks);
        },
        py::arg("report"), py::arg("creditor"), py::arg("customer_id"), py::arg("invoice_id") = py::none(),
        py::arg("ledger") = py::none(), py::arg("acknowledged") = std::vector<std::pair<std::string, date>>{},
        "The case file of `customer_id` (only `invoice_id` when given, else every open invoice). `ledger`\n"
        "gives the customer's payments (the report keeps none); `acknowledged`: (invoice_id, date) pairs\n"
        "of debt acknowledgments the debtor signed (they interrupt limitation). NotFound for an unknown\n"
        "customer or an invoice not the customer's.");

  py::class_<agreement>(m, "Agreement", "A payment plan agreement or a debt acknowledgment for the debtor to sign.")
      .def_property_readonly("kind", [](const agreement& a) { return std::string(to_string(a.content.kind)); },
                             "\"payment_plan\" or \"debt_acknowledgment\".")
      .def_property_readonly("content", [](const agreement& a) { return a.content; },
                             "The claim as a letter states it, a Notice (parties, invoices, sums).")
      .def_property_readonly("total", [](const agreement& a) { return a.content.total; })
      .def_readonly("plan", &agreement::plan, "The schedule of a payment_plan; None for a debt acknowledgment.")
      .def_readonly("grace_days", &agreement::grace_days)
      .def_readonly("security", &agreement::security)
      .def("to_dict", [](const agreement& a, const std::optional<template_set>& templates) {
             return json_loads(render_agreement(a, document_format::json, templates_or_shipped(templates),
                                                shipped_notice_requirements()));
           }, py::arg("templates") = py::none())
      .def("render", [](const agreement& a, const std::string& format, const std::optional<template_set>& templates) {
             return render_agreement(a, format_of(format), templates_or_shipped(templates), shipped_notice_requirements());
           }, py::arg("format") = "text", py::arg("templates") = py::none());

  m.def("agreement",
        [](const run_report& r, const creditor_profile& creditor, const std::string& customer_id,
           const std::optional<std::string>& invoice_id, const std::string& kind, int installments,
           std::optional<date> first_due, int months_between, std::optional<rate> annual_interest,
           std::optional<money> plan_fee, std::string security, int grace_days, const std::optional<std::string>& lang) {
          std::optional<std::string_view> only;
          if (invoice_id) only = *invoice_id;
          const notice_options options{.language = language_of_text(lang)};
          if (kind == "debt_acknowledgment") return make_debt_acknowledgment(r, creditor, customer_id, only, options);
          if (kind != "payment_plan")
            raise(errc::invalid_argument, "agreement: kind '" + kind + "' is neither debt_acknowledgment nor payment_plan");
          if (!first_due) raise(errc::invalid_argument, "agreement: a payment_plan needs first_due");
          dunning::plan_terms terms{.installments = installments, .first_due = *first_due, .months_between = months_between};
          terms.annual_interest = annual_interest;
          if (plan_fee) terms.plan_fee = *plan_fee;
          return make_plan_agreement(r, creditor, customer_id, only, terms, std::move(security), grace_days, options);
        },
        py::arg("report"), py::arg("creditor"), py::arg("customer_id"), py::arg("invoice_id") = py::none(),
        py::arg("kind") = "debt_acknowledgment", py::arg("installments") = 3, py::arg("first_due") = py::none(),
        py::arg("months_between") = 1, py::arg("annual_interest") = py::none(), py::arg("plan_fee") = py::none(),
        py::arg("security") = "", py::arg("grace_days") = 14, py::arg("lang") = py::none(),
        "A debt acknowledgment of the run's claim on `customer_id` (only `invoice_id` when given), or with\n"
        "kind=\"payment_plan\" that claim split exactly into `installments` from `first_due`.");

  py::class_<limitation_alert>(m, "LimitationAlert", "A claim that becomes time-barred within the window.")
      .def_readonly("customer_id", &limitation_alert::customer_id)
      .def_readonly("invoice_id", &limitation_alert::invoice_id)
      .def_readonly("expires", &limitation_alert::expires, "The last day before it is time-barred.")
      .def_readonly("days_left", &limitation_alert::days_left)
      .def_readonly("total_due", &limitation_alert::total_due)
      .def_readonly("rule", &limitation_alert::rule)
      .def_readonly("law", &limitation_alert::law)
      .def_readonly("uncertain", &limitation_alert::uncertain, "The law's row is flagged uncertain (re-check it).")
      .def("__repr__", [](const limitation_alert& a) {
        return "LimitationAlert('" + a.invoice_id + "', expires " + to_string(a.expires) + ")";
      });
  m.def("watch_limitation",
        [](run_report& r, const std::shared_ptr<ledger>& l, std::int32_t window_days) {
          const limitation_evidence e = l ? limitation_evidence_of(l->payments, l->events) : limitation_evidence{};
          return watch_limitation(r, e, {.window_days = window_days});
        },
        py::arg("report"), py::arg("ledger"), py::arg("window_days") = 90,
        "Each open claim's limitation date, from what `ledger` (the report's) records interrupts it\n"
        "(part payments, promises, plans, notices where the law counts them, debt_acknowledgment\n"
        "events), and an alert for each claim time-barred within `window_days` of the report's date.");
}

}  // namespace kreditor::python
