// -----------------------------------------------------------------------------
// File: kreditor/documents/requirements.hpp
// -----------------------------------------------------------------------------
//
// What the law says a document must contain, as data with sources: per jurisdiction, debtor
// segment, document kind and date, the elements (documents/element.hpp) that must be on it.
// kreditor ships src/data/notice_requirements.json; a host replaces or extends it at run time
// (load_notice_requirements_json) and passes its rules wherever documents are checked.
//
//   auto rules = shipped_notice_requirements();
//   for (const notice_requirement* r : requirements_for(rules, jurisdiction::no, segment::b2c,
//                                                        document_kind::collection_warning, today))
//     ...  // r->elements, r->law, r->source
#ifndef KREDITOR_DOCUMENTS_REQUIREMENTS_HPP
#define KREDITOR_DOCUMENTS_REQUIREMENTS_HPP

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kreditor/core/jurisdiction.hpp"
#include "kreditor/core/result.hpp"
#include "kreditor/documents/document_kind.hpp"
#include "kreditor/documents/element.hpp"
#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN

/// One rule: a document of `kind` sent to a debtor of one of `segments` under `law` in force
/// from `effective_from` through `effective_until` must contain `elements`.
struct notice_requirement {
  std::string id;  ///< the rule's name ("NO.inkassovarsel"); rows sharing it are versions of one rule
  kreditor::jurisdiction jurisdiction = jurisdiction::no;  ///< whose law it is
  std::vector<segment> segments;  ///< debtor segments the rule applies to
  document_kind kind = document_kind::reminder;  ///< the document it governs
  date effective_from{};  ///< first day in force
  std::optional<date> effective_until{};  ///< last day in force; none: still in force
  std::vector<element> elements;  ///< what the document must always contain
  /// Elements the law requires only in some cases, with the case in words (e.g. NO
  /// inkassovarsel: what the claim concerns, only when a fee is charged). Reported, never
  /// enforced: whether the case holds is the host's to judge.
  std::vector<std::pair<element, std::string>> conditional_elements;
  std::optional<int> min_deadline_days{};  ///< the shortest payment deadline the law allows
  std::string deadline_basis;              ///< how that deadline is counted, as the data says
  std::vector<std::string> other_requirements;  ///< what the element vocabulary cannot say
  std::string law;     ///< the statute and sections ("inkassoloven § 9, inkassoforskriften §§ 1-2, 1-3")
  std::string source;  ///< URLs, "; "-separated
  bool uncertain = false;  ///< the research could not confirm it: re-check before relying on it
  std::string note;    ///< anything a reader of the rule should know
};

/// The rules compiled into the library (src/data/notice_requirements.json).
[[nodiscard]] const std::vector<notice_requirement>& shipped_notice_requirements();
/// Rules in the shipped format ("format": "kreditor.notice_requirements/1"); messages name the
/// rule and key: "notice_requirements: rules[3].elements[2]: unknown element 'x'".
/// errc::invalid_argument otherwise.
result<std::vector<notice_requirement>> load_notice_requirements_json(std::string_view text);

/// The rules of `rules` for this document on `on`, in data order; of rows sharing an id (the
/// versions of one rule) only the latest in force on `on`.
[[nodiscard]] std::vector<const notice_requirement*> requirements_for(std::span<const notice_requirement> rules,
                                                                      jurisdiction j, segment s,
                                                                      document_kind kind, date on);

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_DOCUMENTS_REQUIREMENTS_HPP
