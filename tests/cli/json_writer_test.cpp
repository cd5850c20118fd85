// `run --format json`'s writer (cli::run::json_report_writer, src/cli/run_output.cpp), which
// writes the report by hand a slice at a time, against the document it replaced: nlohmann's
// dump(2) of the whole report built as nlohmann values (the reference below, kept here and
// nowhere in src/). Over the bundled sample ledger made awkward (quotes, backslashes, control
// characters, non-ASCII names and ids, a claim nearing limitation) and a set-off / security
// ledger, in one add() and in many.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli/run.hpp"
#include "kreditor/book/policy_set.hpp"
#include "kreditor/book/report.hpp"
#include "kreditor/documents/claim_limitation.hpp"
#include "kreditor/io/ledger.hpp"
#include "support/ledgers.hpp"

namespace kreditor {
namespace {

using nlohmann::json;
using file_map = std::map<std::string, std::string, std::less<>>;

// ---- The reference: the report as nlohmann values, as run_output.cpp built it before ----

std::vector<std::string> flag_names(std::uint8_t flags) {
  std::vector<std::string> out;
  for (const auto& [bit, name] : {std::pair{dunning::overlay::disputed, "disputed"}, {dunning::overlay::promised, "promised"},
                                  {dunning::overlay::in_plan, "payment_plan"}, {dunning::overlay::on_hold, "on_hold"}})
    if ((flags & bit) != 0) out.emplace_back(name);
  return out;
}

std::string command_text(const run_report& rep, std::size_t line, const dunning::command& c) {
  if (c.kind != dunning::command_kind::custom) return std::string(dunning::to_string(c.kind));
  const auto& names = rep.policy_of(line).custom_commands;
  return "custom:" + (c.custom < names.size() ? names[c.custom] : std::to_string(c.custom));
}

json date_or_null(const std::optional<date>& d) { return d ? json(to_string(*d)) : json(); }

json reference_customer(const run_report& rep, const customer_summary& c, json& alerts) {
  const book& b = *rep.books;
  const customer_record& cr = *c.customer;
  json exposure = json::object();
  for (const auto& [name, m] : c.exposure.categories()) exposure[std::string(name)] = to_string(m);
  exposure["total"] = to_string(c.exposure.total);
  json cj{{"customer_id", cr.customer_id}, {"name", cr.name}, {"country", cr.country},
          {"segment", std::string(to_string(cr.segment))}, {"currency", std::string(cr.currency.code())},
          {"credit_limit", to_string(cr.credit_limit)}, {"open", to_string(c.open)}, {"overdue", to_string(c.overdue)},
          {"credit_hold", c.credit_hold}, {"cash_terms", c.cash_terms}, {"over_limit", c.over_limit},
          {"in_collection", c.in_collection}, {"exposure", exposure}, {"unapplied_credit", to_string(c.unapplied_credit)},
          {"email", cr.email}, {"account_manager", cr.account_manager}, {"invoices", json::array()}};
  for (const std::size_t i : c.lines) {
    const line_result& r = rep.result(i);
    const dunning::invoice_view& v = b.views[i];
    json ij{{"invoice_id", v.invoice_id}, {"issue_date", to_string(v.issue_date)}, {"due_date", to_string(v.due_date)},
            {"amount", to_string(b.claims[i].amount - b.claims[i].credited)}, {"email", cr.email},
            {"account_manager", cr.account_manager}, {"reference", b.invoices[i]->reference}};
    if (r.problem) {
      ij["problem"] = r.problem->message;
      cj["invoices"].push_back(ij);
      continue;
    }
    ij["state"] = std::string(dunning::to_string(r.current));
    ij["overlays"] = flag_names(r.flags);
    ij["level"] = r.level;
    ij["last_step"] = r.last_step ? json(*r.last_step) : json();
    ij["days_past_due"] = r.days_past_due;
    for (const auto& [k, m] : {std::pair{"open", r.open_principal}, {"fees", r.fees}, {"interest", r.interest},
                               {"total_due", r.total_due}, {"fees_paid", b.claims[i].fees_paid},
                               {"interest_paid", b.claims[i].interest_paid}})
      ij[k] = to_string(m);
    ij["day_count_uncertain"] =
        rep.policy_of(i).interest_conventions[v.segment == segment::b2c ? 1 : 0].basis_uncertain;
    ij["next_action"] = date_or_null(r.next_action);
    ij["commands"] = json::array();
    for (std::size_t k = 0; k < r.commands.size(); ++k) {
      const dunning::command& cmd = r.commands[k];
      json cmdj{{"command", command_text(rep, i, cmd)}, {"step", step_name(rep.policy_of(i), cmd.step)},
                {"deadline", date_or_null(cmd.deadline)}, {"principal", to_string(cmd.principal)},
                {"fee", to_string(cmd.fee)}, {"interest", to_string(cmd.interest)}, {"total", to_string(cmd.total)},
                {"recorded", r.recorded[k]}, {"email", cr.email}, {"account_manager", cr.account_manager},
                {"reference", b.invoices[i]->reference}};
      if (!cmd.cover_id.empty()) {
        cmdj["cover_id"] = cmd.cover_id;
        cmdj["cover_amount"] = to_string(cmd.cover_amount);
      }
      ij["commands"].push_back(cmdj);
    }
    ij["limitation_date"] = r.limitation_date.is_not_a_date() ? json() : json(to_string(r.limitation_date));
    ij["limitation_alert"] = r.limitation_near;
    ij["limitation_uncertain"] = r.limitation_uncertain;
    if (r.limitation_near)
      alerts.push_back({{"customer_id", cr.customer_id}, {"invoice_id", v.invoice_id},
                        {"limitation_date", to_string(r.limitation_date)},
                        {"days_left", day_number(r.limitation_date) - day_number(rep.as_of)},
                        {"total_due", to_string(r.total_due)}, {"uncertain", r.limitation_uncertain}});
    cj["invoices"].push_back(ij);
  }
  return cj;
}

json reference_document(date as_of, const std::vector<run_report>& reports, const std::string& policy,
                        const std::vector<std::string>& problems) {
  json customers = json::array(), alerts = json::array(), totals = json::array();
  std::map<std::string, cli::run::currency_totals> sums;
  for (const run_report& rep : reports) {
    for (const customer_summary& c : rep.customers)
      if (!c.lines.empty() || c.credit_hold || c.cash_terms || c.over_limit || c.in_collection ||
          !c.exposure.gross().is_zero())
        customers.push_back(reference_customer(rep, c, alerts));
    cli::run::add_totals(sums, rep);
  }
  for (const auto& [code, x] : sums)
    totals.push_back({{"currency", code}, {"open", to_string(x.open)}, {"overdue", to_string(x.overdue)},
                      {"fees", to_string(x.fees)}, {"interest", to_string(x.interest)},
                      {"total_due", to_string(x.total)}});
  return {{"as_of", to_string(as_of)}, {"customers", customers}, {"limitation_alerts", alerts},
          {"policy", policy},          {"problems", problems},   {"totals", totals}};
}

// ---- The run, as cmd_run.cpp makes it: slices of customers, limitation dates set ----

/// The reports of `files` as of `as_of`, `per_slice` customers each (0: one report of all).
std::vector<run_report> reports_of(const file_map& files, date as_of, policy_set policies, std::size_t per_slice) {
  const result<ledger> l = parse_ledger(files);
  if (!l) throw std::runtime_error("the test ledger does not load: " + l.error().message);
  const limitation_evidence evidence = limitation_evidence_of(l->payments, l->events);
  std::vector<run_report> out;
  if (per_slice == 0) {
    out.push_back(make_report(*l, as_of, {}, std::move(policies)));
    (void)watch_limitation(out.back(), evidence);
    return out;
  }
  for_each_report_slice(*l, as_of, {}, policies, per_slice, [&](run_report& rep) {
    (void)watch_limitation(rep, evidence);
    out.push_back(std::move(rep));
  });
  return out;
}

std::string written(date as_of, const std::vector<run_report>& reports, const std::vector<std::string>& problems) {
  std::ostringstream os;
  cli::run::json_report_writer w(os, as_of);
  for (const run_report& rep : reports) w.add(rep);
  w.finish(reports.empty() ? std::string() : reports.front().policy, problems);
  return os.str();
}

/// `s` as one CSV field, quoted.
std::string csv(std::string_view s) {
  std::string q = "\"";
  for (const char ch : s) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return q + "\"";
}

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (std::size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += to.size()) text.replace(at, from.size(), to);
}

/// The bundled sample ledger with awkward text in names, contacts, ids and references, and an
/// old claim of NO-1001's that nears its limitation date.
file_map awkward_sample() {
  file_map files;
  const auto dir = std::filesystem::path(KREDITOR_SOURCE_DIR) / "examples" / "sample_ledger";
  for (const std::string_view name : ledger_file_names()) {
    std::ifstream in(dir / name, std::ios::binary);
    if (!in) continue;
    std::stringstream ss;
    ss << in.rdbuf();
    files[std::string(name)] = ss.str();
  }
  const std::pair<std::string_view, std::string> edits[] = {
      {"Fjordtre Bygg AS", csv("Fjord\"tre\" \\ Bygg\x01\x1f\t AS \xF0\x9F\x98\x80 \xC3\xBC \xE2\x80\xA8")},
      {"Ingrid Berg", csv("Ingrid\nBerg \\\\ \b\f\r /")},
      {"regnskap@fjordtre.no", csv("\"regnskap\"@fjordtre.no")},
      {"F-26-0901", csv("F-26-\"0901\"\\")},
      {"100109404", csv("KID \"100109404\"\\")},
      {"NO-1002", csv("NO-1002 \xC2\xAB\xC3\x98\xC2\xBB")}};
  for (auto& [name, text] : files)
    for (const auto& [from, to] : edits) replace_all(text, from, to);
  files["invoices.csv"] += csv("F-OLD-\"1\"") + ",NO-1001,2023-10-01,2023-12-01,NOK,1000.00,,,\n";
  return files;
}

const date sample_day = make_date(2026, 11, 20);

TEST(JsonReportWriter, AwkwardSampleInOneAddIsDumpIndentTwoOfTheReport) {
  std::vector<run_report> reports = reports_of(awkward_sample(), sample_day, policy_set{}, 0);
  // A line the engine rejected (make_report keeps only its problem): cmd_run.cpp fails the run
  // before printing one, but the writer prints what it is given.
  ASSERT_GE(reports.front().size(), 3U);
  reports.front().results[2].problem =
      std::make_shared<const failure>(failure{errc::overflow, "invoice 'F-\"9\"': \x02 does not fit\n"});
  const std::vector<std::string> problems{"invoices.csv:7: invoice \"X\\1\": \x01 bad\nline", "zwei \xC3\xB6"};
  const json reference = reference_document(sample_day, reports, reports.front().policy, problems);
  EXPECT_EQ(written(sample_day, reports, problems), reference.dump(2) + "\n");
  // What the comparison covered, so that it cannot pass on a dull report.
  EXPECT_GE(reference["limitation_alerts"].size(), 1U);
  EXPECT_GE(reference["customers"].size(), 10U);
  std::size_t commands = 0;
  for (const json& c : reference["customers"])
    for (const json& i : c["invoices"]) commands += i.value("commands", json::array()).size();
  EXPECT_GE(commands, 3U);
  const std::string text = reference.dump();
  EXPECT_NE(text.find("\"problem\":\"invoice 'F-\\\"9\\\"': \\u0002"), std::string::npos);
  for (const std::string_view s : {"\\u0001", "\\\"0901\\\"\\\\", "\\n", "\xF0\x9F\x98\x80", "\xC2\xAB\xC3\x98\xC2\xBB"})
    EXPECT_NE(text.find(s), std::string::npos) << s;
}

TEST(JsonReportWriter, SlicesOfTwoCustomersWriteTheSameDocumentAsTheirReference) {
  const std::vector<run_report> slices = reports_of(awkward_sample(), sample_day, policy_set{}, 2);
  ASSERT_GE(slices.size(), 5U);
  const json reference = reference_document(sample_day, slices, slices.front().policy, {});
  EXPECT_EQ(written(sample_day, slices, {}), reference.dump(2) + "\n");
  // And the sliced document is the one-report document: the same customers, alerts and totals.
  const std::vector<run_report> whole = reports_of(awkward_sample(), sample_day, policy_set{}, 0);
  EXPECT_EQ(written(sample_day, slices, {}), written(sample_day, whole, {}));
}

TEST(JsonReportWriter, SetOffAndSecurityCommandsCarryTheirCoverAsDumpDoes) {
  using namespace test_support;
  const file_map files{
      {"customers.csv", std::string(customers_header) + "C1,Acme AS,NO,b2b,NOK,0.00,14 dager netto,,,,\n" +
                            "C2,\"Bj\xC3\xB8rn \"\"B\"\" AS\",NO,b2b,NOK,0.00,14 dager netto,,,,\n"},
      {"invoices.csv", std::string(invoices_header) + "I1,C1,2025-01-02,2025-01-16,NOK,10000.00,,,\n" +
                           "I2,C2,2025-01-02,2025-01-16,NOK,7000.00,,,\n"},
      {"payments.csv", payments_header},
      {"events.csv", "date,customer_id,invoice_id,event,details\n"
                     "2025-01-30,C1,I1,notice_sent,level=purring (B2B);deadline=2025-02-13\n"
                     "2025-02-14,C1,I1,notice_sent,level=inkassovarsel;deadline=2025-02-28\n"
                     "2025-01-30,C2,I2,notice_sent,level=purring (B2B);deadline=2025-02-13\n"
                     "2025-02-14,C2,I2,notice_sent,level=inkassovarsel;deadline=2025-02-28\n"},
      {"security.csv", "security_id,customer_id,kind,currency,amount,expires,reference\n"
                       "\"G-\\1\",C2,guarantee,NOK,50000.00,2025-12-31,Bank guarantee 77\n"},
      {"counterclaims.csv", "counterclaim_id,customer_id,date,currency,amount,payable_from,reference\n"
                            "\"CN-\"\"7\"\"\",C1,2025-02-01,NOK,2000.00,,their invoice 4411\n"}};
  const date day = make_date(2025, 3, 3);
  const std::vector<run_report> reports = reports_of(files, day, policy_set::named("NO-B2B"), 1);
  const json reference = reference_document(day, reports, reports.front().policy, {});
  EXPECT_EQ(written(day, reports, {}), reference.dump(2) + "\n");
  const std::string text = reference.dump();
  EXPECT_NE(text.find("\"cover_id\":\"CN-\\\"7\\\"\""), std::string::npos) << reference.dump(2);
  EXPECT_NE(text.find("\"cover_id\":\"G-\\\\1\""), std::string::npos) << reference.dump(2);
}

TEST(JsonReportWriter, AnEmptyRunIsEmptyArraysAsDumpWritesThem) {
  const date day = make_date(2026, 1, 5);
  const json reference = reference_document(day, {}, "", {});
  EXPECT_EQ(written(day, {}, {}), reference.dump(2) + "\n");
}

}  // namespace
}  // namespace kreditor
