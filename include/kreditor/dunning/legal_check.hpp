// -----------------------------------------------------------------------------
// File: kreditor/dunning/legal_check.hpp
// -----------------------------------------------------------------------------
//
// The law a policy must keep (legal.md §2), checked when the policy is built, not when a
// letter is already out. The checker reasons about the EARLIEST day each step can fire
// (from its triggers and the steps before it), so a catch-up run or an escalation cannot
// break a rule either: the engine also keeps the same floors at run time.
//
//   for (const legal_finding& f : check_legal(p))
//     std::cerr << f.where << ": " << f.rule << " (" << f.source << "): " << f.problem << "\n";
#ifndef KREDITOR_DUNNING_LEGAL_CHECK_HPP
#define KREDITOR_DUNNING_LEGAL_CHECK_HPP

#include <optional>
#include <string>
#include <vector>

#include "kreditor/core/jurisdiction.hpp"
#include "kreditor/core/money.hpp"
#include "kreditor/dunning/policy.hpp"
#include "kreditor/jurisdiction/fee_rules.hpp"
#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN

namespace dunning {

/// One rule a policy breaks.
struct legal_finding {
  std::string rule;     ///< "NO.purregebyr: a reminder fee only for a notice no earlier than 14 days
                        ///< after the due date (inkassoloven § 9, ...)": fee rule id, rule, law
  std::string source;   ///< where the rule is documented (the fee rule's source URLs)
  std::string where;    ///< "steps[1] 'inkassovarsel' (b2c)"
  std::string problem;  ///< "fires 10 days after due at the earliest"
  bool uncertain = false;  ///< the fee rule's row is flagged uncertain (kept, conservatively)
  /// Memberwise equality.
  friend bool operator==(const legal_finding&, const legal_finding&) = default;
};

/// Every rule of p.jurisdiction that `p` breaks, for each segment its steps apply to; empty
/// when the policy is lawful. The numbers and sources are the shared fee rules
/// (jurisdiction/fee_rules.hpp) in force for claims falling due on `as_of`; without it, on
/// the latest date the data knows (the law a policy must keep from now on). Pure: no I/O.
[[nodiscard]] std::vector<legal_finding> check_legal(const policy& p);
/// As check_legal(p), for claims falling due on `as_of`.
[[nodiscard]] std::vector<legal_finding> check_legal(const policy& p, date as_of);
/// The same against `rules` instead of the shipped fee rules (a host's newer or corrected law:
/// merge_fee_rules(shipped_fee_rules(), mine)).
[[nodiscard]] std::vector<legal_finding> check_legal(const policy& p, date as_of, const std::vector<legal_fee_rule>& rules);

/// "steps[1] 'inkassovarsel' (b2c): NO inkassoloven § 9: ... (source: URL)".
[[nodiscard]] std::string to_string(const legal_finding& f);

/// The largest fee the law allows for `kind` in `j` for `s`, in `c`, for a claim due on `due`
/// and a notice sent on `sent`, from the shared fee rules (jurisdiction/fee_rules.hpp);
/// nullopt when the law sets no cap (or none in currency `c`: then a fixed fee cannot be
/// checked). A zero cap means the fee is not allowed at all (B2B-only compensation for a
/// consumer). A cap tiered by principal gives the band of `principal`; without one, the
/// lowest band (the cap that holds for every claim).
[[nodiscard]] std::optional<money> statutory_fee_cap(jurisdiction j, segment s, fee_kind kind,
                                                     currency c, date due, date sent,
                                                     std::optional<money> principal = std::nullopt);
/// The same under `rules` instead of the shipped fee rules (what a compiled policy carries:
/// compiled_policy::fee_rules).
[[nodiscard]] std::optional<money> statutory_fee_cap(jurisdiction j, segment s, fee_kind kind, currency c, date due,
                                                     date sent, std::optional<money> principal,
                                                     const std::vector<legal_fee_rule>& rules);

}  // namespace dunning

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_DUNNING_LEGAL_CHECK_HPP
