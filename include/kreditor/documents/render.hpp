// -----------------------------------------------------------------------------
// File: kreditor/documents/render.hpp
// -----------------------------------------------------------------------------
//
// Documents rendered with logic-less Mustache templates, so a host changes the wording or the
// layout without recompiling, and Python or C hosts can reuse the same files. A template set
// is a few named files:
//   notice.txt.mustache, notice.html.mustache   the layout of a notice (plain text, HTML)
//   words.nb.json ... words.en.json             the wording per language: labels, and per
//                                               document kind the sentences the law asks for
// The shipped set is compiled in (src/data/templates/); template_set::from_directory takes a
// host's directory and falls back to the shipped file for any file it lacks.
//
// Every rendering starts from one view: the notice as JSON (render_notice with
// document_format::json), with its amounts exact ("1234.50") and as the language writes them
// ("1 234,50"), the wording's sentences already filled in, and which legally required
// elements are present. The CLI's `notices --format json` prints exactly these views.
#ifndef KREDITOR_DOCUMENTS_RENDER_HPP
#define KREDITOR_DOCUMENTS_RENDER_HPP

#include <map>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kreditor/core/result.hpp"
#include "kreditor/documents/element.hpp"
#include "kreditor/documents/notice.hpp"
#include "kreditor/documents/requirements.hpp"

KREDITOR_NAMESPACE_BEGIN

/// What a document is rendered as: plain text, HTML, or its JSON view (see the file comment).
enum class document_format : std::uint8_t { text, html, json };
/// "text", "html", "json".
[[nodiscard]] std::string_view to_string(document_format f) noexcept;
/// The inverse of to_string; errc::invalid_argument naming the text otherwise.
result<document_format> parse_document_format(std::string_view text);

/// Named template files (see the file comment).
class template_set {
 public:
  /// The templates compiled into the library.
  [[nodiscard]] static template_set shipped();
  /// The layout files (named *.mustache) and wording files (words.nb.json, ...) of `directory`
  /// over the shipped ones.
  /// errc::io for an unreadable directory or file; errc::invalid_argument for a words file
  /// that is not a JSON object or a template Mustache cannot parse, naming the file.
  static result<template_set> from_directory(std::string_view directory);
  /// This set with the file `name` (a layout `*.mustache` or a `words.LANG.json`) replaced or
  /// added from `text`, checked as from_directory checks a file: for hosts that keep their
  /// templates in a database rather than a directory. errc::invalid_argument naming the file.
  [[nodiscard]] result<template_set> with(std::string_view name, std::string text) const;
  /// The file's text. \throws error(not_found) naming a file no set has.
  [[nodiscard]] const std::string& file(std::string_view name) const;

 private:
  std::map<std::string, std::string, std::less<>> files_;
};

/// Whether each element the law requires of `n` is on it, for each rule of `rules` that applies
/// (requirements_for): the data elements from the notice (a debtor address, an account, a
/// reference on every invoice, ...), the sentences (consequence_of_nonpayment, ...) from the
/// wording of `templates` in the notice's language. In the vocabulary's order, each once.
[[nodiscard]] std::vector<std::pair<element, bool>> required_elements(const notice& n,
                                                                      const template_set& templates,
                                                                      std::span<const notice_requirement> rules);

/// \throws error(legal_violation) when `n` lacks an element the law requires, naming the
/// customer, the document, the rules (law) and every missing element: "notice to NO-1003
/// (NO collection_warning; inkassoloven § 9): missing debtor_address, creditor_account".
void check_notice(const notice& n, const template_set& templates, std::span<const notice_requirement> rules);

/// `n` rendered in `format` with `templates`. json: the view (see the file comment).
/// \throws error(invalid_argument) for a template Mustache cannot render, naming the file.
[[nodiscard]] std::string render_notice(const notice& n, document_format format, const template_set& templates,
                                        std::span<const notice_requirement> rules);

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_DOCUMENTS_RENDER_HPP
