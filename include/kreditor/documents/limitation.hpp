// -----------------------------------------------------------------------------
// File: kreditor/documents/limitation.hpp
// -----------------------------------------------------------------------------
//
// When a claim becomes time-barred (NO foreldelse, SE preskription, DK forældelse, FI
// vanhentuminen), and how the debtor's acknowledgment, the creditor's written demand or a legal
// step interrupts it — as data with sources (src/data/limitation.json), replaceable by the host.
// What interrupts differs: a reminder interrupts in SE and FI, never in NO or DK; a written
// acknowledgment of the claim and its amount gives DK a 10-year period.
//
//   std::vector<interruption> steps = {{make_date(2026, 3, 1), interruption_kind::part_payment}};
//   limitation l = limitation_of(shipped_limitation_rules(), jurisdiction::no, segment::b2b,
//                                issue, due, steps).value();
//   if (l.expires <= today + 90) alert(...);
#ifndef KREDITOR_DOCUMENTS_LIMITATION_HPP
#define KREDITOR_DOCUMENTS_LIMITATION_HPP

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kreditor/core/jurisdiction.hpp"
#include "kreditor/core/result.hpp"
#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN

/// What happened that may interrupt limitation.
enum class interruption_kind : std::uint8_t {
  part_payment,          ///< the debtor paid part of the claim, or interest (an acknowledgment by conduct)
  promise,               ///< the debtor promised to pay or agreed a payment plan (an acknowledgment)
  debt_acknowledgment,   ///< the debtor signed an acknowledgment of the claim and its amount
  written_demand,        ///< the creditor's reminder or demand reached the debtor
  legal_step,            ///< a court or enforcement application, a bankruptcy claim
  judgment,              ///< a judgment or enforceable decision on the claim
};
/// "part_payment", "promise", ... (the CLI's and JSON's spelling).
[[nodiscard]] std::string_view to_string(interruption_kind k) noexcept;
/// The inverse of to_string; errc::invalid_argument naming the text otherwise.
result<interruption_kind> parse_interruption_kind(std::string_view text);

/// Something that happened on a day and may interrupt limitation, when the rule lists its cause.
struct interruption {
  date on{};  ///< the day it happened
  interruption_kind kind = interruption_kind::part_payment;  ///< what happened
  friend bool operator==(const interruption&, const interruption&) = default;  ///< member-wise equality
};

/// One row of the law: a claim of a segment under `law`, starting in force from
/// `effective_from`, is time-barred `period_years` after it `runs_from`; what interrupts starts
/// a new period of the years its cause gives.
struct limitation_rule {
  std::string id;  ///< the rule's name ("NO.foreldelse"), shared by its rows for other segments
  kreditor::jurisdiction jurisdiction = jurisdiction::no;  ///< whose law it is
  std::vector<segment> segments;  ///< debtor segments the rule applies to
  date effective_from{};  ///< first day in force (the due date decides which rule applies)
  std::optional<date> effective_until{};  ///< last day in force; none: still in force
  int period_years = 3;  ///< the limitation period, in whole years
  bool runs_from_due_date = true;  ///< false: from when the claim arose (SE; the invoice date stands in)
  std::vector<std::string> interrupted_by;  ///< "acknowledgment", "written_demand", "legal_step"
  int new_period_years = 3;  ///< the new period after an interruption, in years, unless its cause has its own
  /// Per cause ("acknowledgment", "written_demand", "legal_step", "legal_step_judgment",
  /// "written_acknowledgment_of_existence_and_amount"): the new period's years.
  std::vector<std::pair<std::string, int>> new_period_years_by_cause;
  std::optional<int> absolute_limit_years{};  ///< no interruption extends beyond it (FI consumers)
  std::string law;     ///< the statute and sections ("foreldelsesloven §§ 2, 3 nr. 1, 14")
  std::string source;  ///< URLs, "; "-separated
  bool uncertain = false;  ///< the research could not confirm it: re-check before relying on it
  std::string note;    ///< what the law says in words, and what remains unverified
};

/// The rows compiled into the library (src/data/limitation.json).
[[nodiscard]] const std::vector<limitation_rule>& shipped_limitation_rules();
/// Rows in the shipped format ("format": "kreditor.limitation/1", "rows": [...]); messages name
/// the row and key. errc::invalid_argument otherwise.
result<std::vector<limitation_rule>> load_limitation_rules_json(std::string_view text);

/// A claim's limitation as of what is known.
struct limitation {
  date runs_from{};  ///< the due date (or the invoice date where the period runs from when the claim arose)
  /// The last day of the period: the claim is time-barred from the next day unless interrupted
  /// (at the latest 9999-12-31, the last day the library represents).
  date expires{};
  std::vector<interruption> counted;  ///< the interruptions that started a new period, in order
  const limitation_rule* rule = nullptr;  ///< the rule applied, one of the rows passed to limitation_of
  bool uncertain = false;  ///< the rule is flagged uncertain
};

/// The limitation of a claim issued on `issued`, due on `due`, of a debtor in `j` and segment
/// `s`, under the rule of `rules` in force on the due date, given `events` (any order; those
/// on or before the period's end interrupt when the rule lists their cause; a lapsed claim is
/// not revived). errc::not_found when no rule covers the claim.
result<limitation> limitation_of(std::span<const limitation_rule> rules, jurisdiction j, segment s, date issued,
                                 date due, std::span<const interruption> events);

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_DOCUMENTS_LIMITATION_HPP
