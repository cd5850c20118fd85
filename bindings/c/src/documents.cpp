// The documents (kreditor/documents/) through the C ABI: a run's notices and a case file,
// rendered by the library with the shipped (or a host's) templates into the caller's buffer.
// Nothing is re-implemented here: make_notices / check_notice / render_notice and
// make_case_file / render_case_file, as `kreditor notices` and `kreditor casefile` call them.
#include <optional>
#include <string>
#include <vector>

#include "c_api.hpp"
#include "kreditor/documents/case_file.hpp"
#include "kreditor/documents/notice.hpp"
#include "kreditor/documents/render.hpp"
#include "kreditor/documents/requirements.hpp"

using namespace kreditor;
using namespace kreditor::c_api;

namespace {

creditor_profile creditor_of(const char* json, const char* fn) {
  if (json == nullptr) return {};
  result<creditor_profile> c = parse_creditor_json(json, std::string(fn) + ": creditor_json");
  if (!c) throw error(c.error().code, c.error().message);
  return std::move(c).value();
}

document_format format_of(const char* text, const char* fn) {
  result<document_format> f = parse_document_format(c_api::text(text, fn, "format"));
  if (!f) throw_invalid(fn, "format: " + f.error().message);
  return *f;
}

template_set templates_of(const char* dir, const char* fn) {
  if (dir == nullptr) return template_set::shipped();
  result<template_set> t = template_set::from_directory(dir);
  if (!t) throw error(t.error().code, std::string(fn) + ": templates_dir: " + t.error().message);
  return std::move(t).value();
}

/// What both renderers read: the format, the creditor and the templates.
struct document_inputs {
  document_format format;
  creditor_profile creditor;
  template_set templates;
};

document_inputs inputs_of(const char* format, const char* creditor_json, const char* templates_dir, const char* fn) {
  return {format_of(format, fn), creditor_of(creditor_json, fn), templates_of(templates_dir, fn)};
}

std::vector<notice> notices_of(const kreditor_report& rep, const creditor_profile& creditor, const char* lang,
                               const char* fn) {
  notice_options options;
  if (lang != nullptr) {
    result<language> l = parse_language(lang);
    if (!l) throw_invalid(fn, "lang: " + l.error().message);
    options.language = *l;
  }
  return make_notices(rep.r, creditor, options);
}

}  // namespace

KREDITOR_API kreditor_status kreditor_report_notice_count(const kreditor_report* report, size_t* out) {
  return guarded([&] {
    const char* fn = "kreditor_report_notice_count";
    const kreditor_report& rep = *need(report, fn, "report");
    need(out, fn, "out");
    *out = notices_of(rep, {}, nullptr, fn).size();
    return KREDITOR_OK;
  });
}

KREDITOR_API kreditor_status kreditor_report_render_notice(const kreditor_report* report, size_t index,
                                                           const char* creditor_json, const char* format,
                                                           const char* lang, const char* templates_dir, char* buf,
                                                           size_t buf_size, size_t* needed) {
  return guarded([&] {
    const char* fn = "kreditor_report_render_notice";
    const kreditor_report& rep = *need(report, fn, "report");
    const document_inputs in = inputs_of(format, creditor_json, templates_dir, fn);
    const std::vector<notice> notices = notices_of(rep, in.creditor, lang, fn);
    if (index >= notices.size())
      throw error(errc::out_of_range, std::string(fn) + ": index " + std::to_string(index) + " of " +
                                          std::to_string(notices.size()) + " notices");
    const notice& n = notices[index];
    // A letter to send must hold what the law requires; json reports what is present instead.
    if (in.format != document_format::json) check_notice(n, in.templates, shipped_notice_requirements());
    return out_string(render_notice(n, in.format, in.templates, shipped_notice_requirements()), buf, buf_size, needed,
                      fn);
  });
}

KREDITOR_API kreditor_status kreditor_report_render_case_file(const kreditor_report* report,
                                                              const kreditor_ledger* ledger, const char* customer_id,
                                                              const char* invoice_id, const char* creditor_json,
                                                              const char* format, const char* templates_dir, char* buf,
                                                              size_t buf_size, size_t* needed) {
  return guarded([&] {
    const char* fn = "kreditor_report_render_case_file";
    const kreditor_report& rep = *need(report, fn, "report");
    const std::string customer(c_api::text(customer_id, fn, "customer_id"));
    const document_inputs in = inputs_of(format, creditor_json, templates_dir, fn);
    // The report keeps no payments of its own: the ledger's, when given, are listed.
    std::vector<payment_record> payments;
    std::vector<std::pair<std::string, interruption>> none;
    if (ledger != nullptr)
      for (const payment_record& p : ledger->records.payments)
        if (p.customer_id == customer) payments.push_back(p);
    std::optional<std::string_view> only;
    if (invoice_id != nullptr) only = std::string_view(invoice_id);
    const case_file file = make_case_file(rep.r, in.creditor, customer, only, payments, none);
    return out_string(render_case_file(file, in.format, in.templates), buf, buf_size, needed, fn);
  });
}
