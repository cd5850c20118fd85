// The invoice clause: the law's late interest and largest reminder fee on the invoice date,
// from the tables the run uses, worded like a letter (documents/view.hpp) with no letter.
#include "kreditor/documents/invoice_clause.hpp"

#include <nlohmann/json.hpp>

#include "documents/mustache.hpp"
#include "documents/view.hpp"
#include "kreditor/dunning/legal_check.hpp"
#include "kreditor/jurisdiction/rate_table.hpp"

KREDITOR_NAMESPACE_BEGIN

using nlohmann::json;

invoice_clause make_invoice_clause(jurisdiction j, segment s, currency c, date on, language l) {
  invoice_clause out{.jurisdiction = j, .segment = s, .language = l, .currency = c, .on = on,
                     .late_interest = std::nullopt, .reminder_fee = std::nullopt};
  if (const result<rate_table> t = statutory_late_interest(j, s))
    if (const result<rate> r = t.value().rate_at(on)) out.late_interest = r.value();
  out.reminder_fee = dunning::statutory_fee_cap(j, s, dunning::fee_kind::reminder, c, on, on);
  return out;
}

std::string render_invoice_clause(const invoice_clause& clause, document_format format, const template_set& templates) {
  notice n;  // the wording machinery of a letter, with no letter
  n.kind = document_kind::invoice_clause;
  n.jurisdiction = clause.jurisdiction;
  n.segment = clause.segment;
  n.language = clause.language;
  n.currency = clause.currency;
  n.sent = clause.on;
  n.principal = n.fees = n.interest = n.total = money::zero(clause.currency);
  json extra = json::object();
  extra["rate_percent"] = clause.late_interest ? json(clause.late_interest->percent_string()) : json(nullptr);
  extra["rate_text"] = clause.late_interest ? json(format_percent(*clause.late_interest, clause.language)) : json(nullptr);
  if (clause.reminder_fee) detail::put(extra, "reminder_fee", *clause.reminder_fee, clause.language);
  else extra["reminder_fee"] = extra["reminder_fee_text"] = nullptr;
  const json view = detail::worded_view(n, templates, extra);
  switch (format) {
    case document_format::json: return view.dump(1);
    case document_format::text:
      return detail::render_mustache(templates.file("invoice_clause.txt.mustache"), view, "invoice_clause.txt.mustache",
                                     false);
    case document_format::html:
      return "<p class=\"invoice-clause\">" +
             detail::render_mustache(templates.file("invoice_clause.txt.mustache"), view, "invoice_clause.txt.mustache",
                                     true) +
             "</p>\n";
  }
  return {};
}

KREDITOR_NAMESPACE_END
