// `kreditor notices`: today's notices of the daily run as documents a firm can send.
//
//   kreditor notices [--ledger PATH] [--as-of D] [--state FILE] [--policy NAME|FILE.json]
//                    [--format text|html|json] [--lang nb|sv|da|fi|en] [--out DIR]
//                    [--creditor FILE.json] [--templates DIR] [--requirements FILE.json]
//
// The run is `kreditor run`'s (same ledger, policy and state: the same commands); the letters
// are the library's (kreditor/documents/): one per customer, currency and kind. The creditor
// comes from --creditor, else creditor.json in the --ledger directory, else the sample's.
//
// text and html are letters to send, so a notice that lacks an element the law requires
// (notice_requirements.json, or --requirements) is an error naming the customer, the law and
// what is missing: exit 2, nothing printed. json prints every notice's view — customer_id,
// kind, language, invoices, total, deadline, required_elements (name -> present) and more —
// for a program to decide. With --out DIR each notice is a file
// DIR/<customer>-<kind>-<currency>.<txt|html|json> and stdout lists the files written.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/cli.hpp"
#include "cli/run.hpp"
#include "cli/sample.hpp"
#include "kreditor/documents/notice.hpp"
#include "kreditor/documents/render.hpp"
#include "kreditor/documents/requirements.hpp"

namespace kreditor::embedded {
std::string_view sample_ledger(std::string_view file_name);  // examples/sample_ledger/*
}  // namespace kreditor::embedded

namespace kreditor::cli {
namespace {

std::string read_file(const std::string& path, const std::string& what) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw usage_error{what + " '" + path + "': cannot be read"};
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

/// The creditor of `notices` and `casefile`: --creditor, else creditor.json beside --ledger,
/// else the bundled sample's.
creditor_profile creditor_from(const args& a) {
  std::string text;
  std::string origin;
  if (const auto path = a.get("creditor")) {
    text = read_file(*path, "--creditor");
    origin = *path;
  } else if (const auto ledger_path = a.get("ledger")) {
    const std::filesystem::path beside = std::filesystem::path(*ledger_path) / "creditor.json";
    std::error_code ec;
    if (!std::filesystem::is_regular_file(beside, ec))
      throw usage_error{"notices need the creditor: --creditor FILE.json, or creditor.json in the ledger "
                        "directory (format kreditor.creditor/1: name, org_number, address, contact, accounts)"};
    text = read_file(beside.string(), "creditor");
    origin = beside.string();
  } else {
    text = std::string(embedded::sample_ledger("creditor.json"));
    origin = "bundled sample creditor.json";
  }
  result<creditor_profile> c = parse_creditor_json(text, origin);
  if (!c) throw usage_error{c.error().message};
  return std::move(c).value();
}

namespace {

std::string extension(document_format f) {
  return f == document_format::text ? "txt" : f == document_format::html ? "html" : "json";
}

}  // namespace

int cmd_notices(context& ctx) {
  const args a(ctx.argv,
               {"ledger", "as-of", "state", "policy", "format", "lang", "out", "creditor", "templates", "requirements"},
               {"decimal-comma"});
  const std::string format_text = a.get("format").value_or("text");
  const result<document_format> format = parse_document_format(format_text);
  if (!format) throw usage_error{"--format: " + format.error().message};
  notice_options options;
  if (const auto lang = a.get("lang")) {
    result<language> l = parse_language(*lang);
    if (!l) throw usage_error{"--lang: " + l.error().message};
    options.language = *l;
  }
  template_set templates = template_set::shipped();
  if (const auto dir = a.get("templates")) {
    result<template_set> t = template_set::from_directory(*dir);
    if (!t) throw usage_error{"--templates: " + t.error().message};
    templates = std::move(t).value();
  }
  std::vector<notice_requirement> rules = shipped_notice_requirements();
  if (const auto path = a.get("requirements")) {
    result<std::vector<notice_requirement>> r = load_notice_requirements_json(read_file(*path, "--requirements"));
    if (!r) throw usage_error{"--requirements " + *path + ": " + r.error().message};
    rules = std::move(r).value();
  }
  const creditor_profile creditor = creditor_from(a);

  ledger l = ledger_from(a);
  const date as_of = as_of_from(a, l);
  const std::optional<std::string> state_path = a.get("state");
  const run::state_file state = state_path ? run::read_state(*state_path) : run::state_file{};
  const run::report rep = run::make_report(std::move(l), as_of, state, a.get("policy"));
  if (!rep.problems.empty()) {
    std::string all;
    for (const std::string& p : rep.problems) all += (all.empty() ? "" : "\n") + p;
    throw usage_error{all};
  }
  const std::vector<notice> notices = make_notices(rep, creditor, options);

  // Letters are checked before anything is written: a notice the law does not allow to be
  // sent as it is stops the command (json only reports).
  if (*format != document_format::json) {
    std::string violations;
    for (const notice& n : notices) {
      try {
        check_notice(n, templates, rules);
      } catch (const error& e) {
        violations += (violations.empty() ? "" : "\n") + std::string(e.what());
      }
    }
    if (!violations.empty()) throw usage_error{violations};
  }

  if (const auto out_dir = a.get("out")) {
    std::error_code ec;
    std::filesystem::create_directories(*out_dir, ec);
    if (ec) throw usage_error{"--out '" + *out_dir + "': " + ec.message()};
    std::vector<std::string> written;
    for (const notice& n : notices) {
      const std::filesystem::path file = std::filesystem::path(*out_dir) /
          (n.customer_id + "-" + std::string(to_string(n.kind)) + "-" + std::string(n.currency.code()) + "." +
           extension(*format));
      std::ofstream f(file, std::ios::binary);
      f << render_notice(n, *format, templates, rules);
      if (!f) throw usage_error{"--out: cannot write " + file.string()};
      written.push_back(file.string());
    }
    for (const std::string& w : written) ctx.out << w << "\n";
    return exit_ok;
  }
  switch (*format) {
    case document_format::json: {
      nlohmann::json list = nlohmann::json::array();
      for (const notice& n : notices) list.push_back(nlohmann::json::parse(render_notice(n, *format, templates, rules)));
      ctx.out << list.dump(2) << "\n";
      break;
    }
    case document_format::text:
      // One letter after another, a form feed between them (a printer starts a new page).
      for (std::size_t i = 0; i < notices.size(); ++i)
        ctx.out << (i ? "\f\n" : "") << render_notice(notices[i], *format, templates, rules);
      break;
    case document_format::html:
      if (notices.size() > 1)
        throw usage_error{"--format html: " + std::to_string(notices.size()) +
                          " notices are several HTML documents: give --out DIR to write one file each"};
      for (const notice& n : notices) ctx.out << render_notice(n, *format, templates, rules);
      break;
  }
  return exit_ok;
}

}  // namespace kreditor::cli
