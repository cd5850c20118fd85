// Payment behaviour from the book and the standing credit review: kreditor/book/payment_history.hpp
// (a customer's invoices as scoring sees them, read off its book) and kreditor/book/review.hpp
// (every customer re-scored, what `kreditor review` prints). Both wrap the library's join:
// nothing here allocates payments or recommends.
#include <pybind11/operators.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "book_handle.hpp"
#include "common.hpp"
#include "kreditor/book/payment_history.hpp"
#include "kreditor/book/review.hpp"
#include "kreditor/book/slices.hpp"

namespace kreditor::python {
namespace {

/// One invoice as scoring sees it, with its id and its amount as Money.
struct fact_view {
  std::string invoice_id;
  scoring::invoice_fact f;
  currency ccy{};
};

/// A customer's payment history, with whose it is.
struct history_view {
  std::string customer_id;
  currency ccy{};
  payment_history h;
};

/// A customer's review, with whose it is.
struct review_view {
  std::string customer_id, name;
  currency ccy{};
  customer_review r;
};

std::size_t customer_index(const ledger& l, const std::string& id) {
  for (std::size_t k = 0; k < l.customers.size(); ++k)
    if (l.customers[k].customer_id == id) return k;
  raise(errc::not_found, "no customer '" + id + "' in the ledger");
}

date as_of_or_ledger(const std::optional<date>& as_of, const ledger& l, const char* what) {
  if (as_of) return *as_of;
  if (l.as_of) return *l.as_of;
  raise(errc::invalid_argument, std::string(what) + ": as_of is needed: the ledger has no as-of date of its own");
}

history_view history_of(const ledger& l, const std::string& customer_id, date as_of, policy_set& policies,
                        const std::vector<recorded_notice>& recorded) {
  const std::size_t k = customer_index(l, customer_id);
  history_view out{customer_id, l.customers[k].currency, {}};
  py::gil_scoped_release release;
  out.h = payment_history_of(l, k, as_of, policies, recorded);
  return out;
}

const char* const history_doc =
    "Per invoice issued by the date and not wholly credited (in ledger order) the facts scoring\n"
    "reads: issued, due, paid (the day it was settled in full: fees, interest and principal, as the\n"
    "book allocates payments), amount, notices sent, disputes; the promises and plans broken; the\n"
    "behaviour `kreditor score --ledger` prints; and the last 12 months' purchases.";

void bind_history(py::module_& m) {
  py::class_<fact_view>(m, "InvoiceFact", "One invoice as payment behaviour sees it.")
      .def_readonly("invoice_id", &fact_view::invoice_id)
      .def_property_readonly("issued", [](const fact_view& v) { return v.f.issued; })
      .def_property_readonly("due", [](const fact_view& v) { return v.f.due; })
      .def_property_readonly("paid", [](const fact_view& v) { return v.f.paid; },
                             "The day it was settled in full; None while open or when written off.")
      .def_property_readonly("amount", [](const fact_view& v) { return money(v.f.amount, v.ccy); },
                             "As invoiced, less credit notes (Money in the customer's currency).")
      .def_property_readonly("dunning_level", [](const fact_view& v) { return v.f.dunning_level; },
                             "Notices sent by the date (events.csv and recorded ones).")
      .def_property_readonly("collection", [](const fact_view& v) { return v.f.collection; })
      .def_property_readonly("disputed", [](const fact_view& v) { return v.f.disputed; },
                             "A dispute was opened by the date.")
      .def("__repr__", [](const fact_view& v) {
        return "InvoiceFact('" + v.invoice_id + "', due " + to_string(v.f.due) + ", paid " +
               (v.f.paid ? to_string(*v.f.paid) : std::string("open")) + ")";
      });

  py::class_<history_view>(m, "PaymentHistory", history_doc)
      .def_readonly("customer_id", &history_view::customer_id)
      .def_property_readonly("facts", [](const history_view& v) {
        std::vector<fact_view> out;
        out.reserve(v.h.facts.size());
        for (std::size_t i = 0; i < v.h.facts.size(); ++i) out.push_back({v.h.invoice_ids.at(i), v.h.facts[i], v.ccy});
        return out;
      }, "Per invoice, in ledger order.")
      .def_property_readonly("broken_promises", [](const history_view& v) { return v.h.counts.broken_promises; },
                             "Promises whose date passed before the invoice was paid.")
      .def_property_readonly("broken_plans", [](const history_view& v) { return v.h.counts.broken_plans; },
                             "Plans with an instalment past due and not paid in full.")
      .def_property_readonly("behaviour", [](const history_view& v) { return v.h.behaviour; },
                             "The behaviour over the facts (what recommend() takes).")
      .def_property_readonly("purchases_12m", [](const history_view& v) { return v.h.purchases_12m; },
                             "Invoiced in the 365 days up to the date, annualised over a shorter history.")
      .def_property_readonly("history_days", [](const history_view& v) { return v.h.history_days; },
                             "90..365 days the purchases are taken from; 0 without invoices.")
      .def("__len__", [](const history_view& v) { return v.h.facts.size(); })
      .def("__repr__", [](const history_view& v) {
        return "PaymentHistory('" + v.customer_id + "', " + std::to_string(v.h.facts.size()) + " invoices, purchases_12m " +
               to_string(v.h.purchases_12m) + ")";
      });

  m.def("payment_history",
        [](const std::shared_ptr<ledger>& l, const std::string& customer_id, std::optional<date> as_of,
           policy_set policies, const std::vector<recorded_notice>& recorded) {
          return history_of(*l, customer_id, as_of_or_ledger(as_of, *l, "payment_history"), policies, recorded);
        },
        py::arg("ledger"), py::arg("customer_id"), py::arg("as_of") = py::none(), py::arg("policies") = policy_set{},
        py::arg("recorded") = std::vector<recorded_notice>{},
        (std::string("The payment history of one customer of `ledger` as of `as_of` (default: the ledger's\n"
                     "own date), from its book under `policies` with the notices earlier runs `recorded`.\n") +
         history_doc + "\nNotFound for an unknown customer.")
            .c_str());

  auto book_class = py::reinterpret_borrow<py::class_<book_handle>>(m.attr("Book"));
  book_class.def("payment_history",
                 [](book_handle& h, const std::string& customer_id) {
                   return history_of(*h.source, customer_id, h.b.as_of, h.policies, h.recorded);
                 },
                 py::arg("customer_id"),
                 "The payment history of one customer as of the book's date, under the book's policies and\n"
                 "recorded notices (kreditor.payment_history). NotFound for an unknown customer.");
}

void bind_review_of(py::module_& m) {
  py::class_<review_alert>(m, "ReviewAlert", "Something to do about a customer's credit file.")
      .def_readonly("kind", &review_alert::kind,
                    "never_checked, stale, score_dropped, new_payment_remarks, status_changed or no_financials.")
      .def_readonly("text", &review_alert::text)
      .def(py::self == py::self)  // NOLINT(misc-redundant-expression)
      .def("__hash__", [](const review_alert& a) { return py::hash(py::make_tuple(a.kind, a.text)); })
      .def("__repr__", [](const review_alert& a) { return "ReviewAlert('" + a.kind + "')"; });

  py::class_<review_view>(m, "CustomerReview",
                          "One customer's credit review (a row of `kreditor review --json`): a business re-scored,\n"
                          "a consumer listed and not scored.")
      .def_readonly("customer_id", &review_view::customer_id)
      .def_readonly("name", &review_view::name)
      .def_readonly("currency", &review_view::ccy)
      .def_property_readonly("scored", [](const review_view& v) { return v.r.scored; },
                             "False for a consumer (business scoring does not apply).")
      .def_property_readonly("grade", [](const review_view& v) {
        return v.r.recommendation ? std::optional<std::string>(v.r.recommendation->grade) : std::nullopt;
      }, "The risk grade; None for a consumer.")
      .def_property_readonly("pd", [](const review_view& v) {
        return v.r.recommendation ? v.r.recommendation->pd : std::nullopt;
      }, "The probability of default; None for a consumer or when unrated.")
      .def_property_readonly("pd_source", [](const review_view& v) {
        return v.r.recommendation ? std::optional<std::string>(v.r.recommendation->pd_source) : std::nullopt;
      }, "\"model\", \"ohlson_1980\" or \"none\"; None for a consumer.")
      .def_property_readonly("current_terms", [](const review_view& v) { return v.r.current_terms; },
                             "The customer's terms, canonical when they parse.")
      .def_property_readonly("recommended_terms", [](const review_view& v) { return v.r.recommended_terms; },
                             "The recommendation's terms with the current contract clauses.")
      .def_property_readonly("current_limit", [](const review_view& v) { return v.r.current_limit; })
      .def_property_readonly("recommended_limit", [](const review_view& v) { return v.r.recommended_limit; })
      .def_property_readonly("payment_methods", [](const review_view& v) {
        return v.r.recommendation ? v.r.recommendation->methods : std::vector<scoring::payment_method>{};
      }, "The recommended payment methods; empty for a consumer.")
      .def_property_readonly("changes", [](const review_view& v) { return v.r.changes; },
                             "change_terms, lower_limit, raise_limit (code and text).")
      .def_property_readonly("reasons", [](const review_view& v) { return v.r.reasons; })
      .def_property_readonly("alerts", [](const review_view& v) { return v.r.alerts; })
      .def_property_readonly("recommendation", [](const review_view& v) { return v.r.recommendation; },
                             "The full recommendation; None for a consumer.")
      .def_property_readonly("history", [](const review_view& v) -> std::optional<history_view> {
        if (!v.r.history) return std::nullopt;
        return history_view{v.customer_id, v.ccy, *v.r.history};
      }, "The payment history the recommendation was given; None for a consumer.")
      .def("__repr__", [](const review_view& v) {
        return "CustomerReview('" + v.customer_id + "', " +
               (v.r.recommendation ? "grade '" + v.r.recommendation->grade + "'" : std::string("not scored")) + ", " +
               std::to_string(v.r.changes.size()) + " changes)";
      });

  m.def("review",
        [](const std::shared_ptr<ledger>& l, std::optional<date> as_of,
           const std::optional<std::map<std::string, scoring::financial_statements>>& statements,
           const std::vector<scoring::credit_check>& checks, const scoring::logistic_model* model,
           const scoring::recommendation_policy* policy, policy_set policies) {
          const date when = as_of_or_ledger(as_of, *l, "review");
          std::map<std::string, scoring::financial_statements, std::less<>> by_id;
          if (statements) by_id.insert(statements->begin(), statements->end());
          const scoring::recommendation_policy p = policy != nullptr ? *policy : scoring::default_policy();
          std::vector<customer_review> rows;
          {
            py::gil_scoped_release release;
            rows = review(*l, when, by_id, checks, p, policies, model);
          }
          std::vector<review_view> out;
          out.reserve(rows.size());
          for (customer_review& r : rows) {
            const customer_record& c = l->customers[r.customer];
            out.push_back({c.customer_id, c.name, c.currency, std::move(r)});
          }
          return out;
        },
        py::arg("ledger"), py::arg("as_of") = py::none(), py::arg("statements") = py::none(),
        py::arg("checks") = std::vector<scoring::credit_check>{}, py::arg("model") = py::none(),
        py::arg("policy") = py::none(), py::arg("policies") = policy_set{},
        "The standing credit review of every customer of `ledger` as of `as_of` (default: the ledger's\n"
        "own date), in ledger order, as `kreditor review` computes it: a business re-scored from its\n"
        "`statements` ({customer_id: FinancialStatements}), its latest of `checks` and its payment history\n"
        "(the book under `policies`), with `model` (else Ohlson's PD) and `policy` (else\n"
        "RecommendationPolicy.default()); what to change, why, and alerts. A consumer is listed, not scored.\n"
        "CurrencyMismatch for statements in another currency than the customer; InvalidArgument for\n"
        "statements filed under another customer's id; NotFound for a model feature that is absent.");
}

}  // namespace

void bind_review(py::module_& m) {
  bind_history(m);
  bind_review_of(m);
}

}  // namespace kreditor::python
