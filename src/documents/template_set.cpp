// The template files: the shipped layouts and words compiled into the library, and a host's
// replacements, each checked when it is added.
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include <kainjow/mustache.hpp>
#include <nlohmann/json.hpp>

#include "jurisdiction/data_support.hpp"
#include "kreditor/documents/render.hpp"

KREDITOR_NAMESPACE_BEGIN

namespace {

using nlohmann::json;
namespace mu = kainjow::mustache;

constexpr std::string_view shipped_files[] = {"notice.txt.mustache", "notice.html.mustache", "agreement.txt.mustache",
                                              "agreement.html.mustache", "invoice_clause.txt.mustache", "case_file.txt.mustache", "case_file.html.mustache",
                                              "words.nb.json",
                                              "words.sv.json",       "words.da.json",        "words.fi.json",
                                              "words.en.json"};

}  // namespace

template_set template_set::shipped() {
  template_set t;
  for (std::string_view f : shipped_files) t.files_.emplace(std::string(f), std::string(detail::shipped_data(f)));
  return t;
}

namespace {

/// A host's file, checked before it is used: a words file must be a JSON object, a layout must
/// parse as Mustache. Empty when it is fine; else the problem, naming the file.
std::optional<failure> check_template_file(const std::string& name, const std::string& text) {
  const bool mustache = name.ends_with(".mustache");
  const bool words = name.starts_with("words.") && name.ends_with(".json");
  if (!mustache && !words)
    return failure{errc::invalid_argument, "templates: '" + name + "' is neither a layout (*.mustache) nor words.LANG.json"};
  if (words) {
    try {
      const json w = detail::parse_json(text, name);
      if (!w.is_object()) return failure{errc::invalid_argument, name + ": a JSON object expected"};
      if (w.contains("labels") && !w["labels"].is_object())
        return failure{errc::invalid_argument, name + ": labels: an object of label -> text expected"};
      if (w.contains("kinds")) {
        if (!w["kinds"].is_object()) return failure{errc::invalid_argument, name + ": kinds: an object expected"};
        for (const auto& [kind, sentences] : w["kinds"].items())
          if (!sentences.is_object())
            return failure{errc::invalid_argument, name + ": kinds." + kind + ": an object of sentences expected"};
      }
    } catch (const error& err) {
      return failure{err.code(), err.what()};
    }
  } else {
    mu::mustache tmpl{text};
    if (!tmpl.is_valid()) return failure{errc::invalid_argument, name + ": " + tmpl.error_message()};
  }
  return std::nullopt;
}

}  // namespace

result<template_set> template_set::from_directory(std::string_view directory) {
  namespace fs = std::filesystem;
  template_set t = shipped();
  std::error_code ec;
  fs::directory_iterator it{fs::path(directory), ec};
  if (ec) return failure{errc::io, "templates '" + std::string(directory) + "': " + ec.message()};
  for (const fs::directory_entry& e : it) {
    const std::string name = e.path().filename().string();
    const bool mustache = name.ends_with(".mustache");
    const bool words = name.starts_with("words.") && name.ends_with(".json");
    if (!mustache && !words) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in) return failure{errc::io, "templates: cannot read " + e.path().string()};
    if (std::optional<failure> f = check_template_file(name, text.str())) {
      f->message = e.path().string() + f->message.substr(name.size());  // name the file by its path
      return *f;
    }
    t.files_[name] = text.str();
  }
  return t;
}

result<template_set> template_set::with(std::string_view name, std::string text) const {
  const std::string file(name);
  if (std::optional<failure> f = check_template_file(file, text)) return *f;
  template_set t = *this;
  t.files_[file] = std::move(text);
  return t;
}

const std::string& template_set::file(std::string_view name) const {
  auto it = files_.find(name);
  if (it == files_.end()) throw error(errc::not_found, "templates: no file '" + std::string(name) + "'");
  return it->second;
}

KREDITOR_NAMESPACE_END
