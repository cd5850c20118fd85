// -----------------------------------------------------------------------------
// File: kreditor/jurisdiction/fee_rules.hpp
// -----------------------------------------------------------------------------
//
// What the law allows a creditor to charge when chasing a late payment, as
// effective-dated DATA with sources (src/data/fee_rules.json): caps (flat or tiered
// by principal), the earliest day a fee-bearing notice may go out, the deadline it
// must give, the gap between notices, how many may bear a fee, whether the fee must
// have been agreed in advance. Hosts add or replace rules at run time.
//
//   legal_rules no = rules_for(jurisdiction::no, segment::b2c, make_date(2025, 3, 1)).value();
//   const legal_fee_rule* purring = no.find(legal_fee_kind::reminder);
//   purring->cap_for(money(1'000'000, iso4217::nok)) == money(3'500, iso4217::nok);  // 35 NOK
//   purring->min_days_after_due == 14;
#ifndef KREDITOR_JURISDICTION_FEE_RULES_HPP
#define KREDITOR_JURISDICTION_FEE_RULES_HPP

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kreditor/core/jurisdiction.hpp"
#include "kreditor/core/money.hpp"
#include "kreditor/core/result.hpp"
#include "kreditor/time/date.hpp"

KREDITOR_NAMESPACE_BEGIN

/// What a fee is charged for. The law caps each kind separately.
enum class legal_fee_kind : std::uint8_t {
  reminder,            ///< NO purregebyr, SE påminnelseavgift, DK rykkergebyr, FI maksumuistutus
  collection_notice,   ///< NO inkassovarsel (notice that collection will start)
  payment_demand,      ///< NO betalingsoppfordring, SE inkassokrav, FI maksuvaatimus
  payment_plan,        ///< SE amorteringsplan
  fixed_compensation,  ///< B2B fixed compensation: EU EUR 40, NO standardkompensasjon, SE 450, DK 310
};

/// "reminder", "collection_notice", ...; and back (errc::invalid_argument naming the text).
[[nodiscard]] std::string_view to_string(legal_fee_kind k) noexcept;
/// The inverse of to_string; errc::invalid_argument naming the text otherwise.
result<legal_fee_kind> parse_legal_fee_kind(std::string_view text);

/// One band of a tiered cap: applies to principals up to and including `up_to` (none: above
/// every earlier band).
struct cap_band {
  /// the largest principal of the band; none: above every earlier band
  std::optional<money> up_to{};
  money cap{};  ///< the most a fee may be for principals in the band
  /// Memberwise equality.
  friend bool operator==(const cap_band&, const cap_band&) = default;
};

/// One statutory fee rule, in force from `effective_from` through `effective_until`.
struct legal_fee_rule {
  std::string id{};                    ///< stable name: "NO.purregebyr", "DK.rykkergebyr"
  jurisdiction where = jurisdiction::no;  ///< the country whose law it is
  std::vector<segment> segments{};     ///< debtor segments the rule applies to
  legal_fee_kind kind = legal_fee_kind::reminder;  ///< which fee
  date effective_from{};  ///< first day in force
  std::optional<date> effective_until{};  ///< last day in force; none: still in force
  std::vector<cap_band> caps{};        ///< one band without up_to for a flat cap; empty: no cap known
  int min_days_after_due = 0;          ///< a fee-bearing notice no earlier than due + this
  int min_deadline_days = 0;           ///< the payment deadline the notice must give, at least
  int min_days_between = 0;            ///< since the previous fee-bearing notice of the group
  std::optional<int> max_count{};      ///< fee-bearing notices of `count_group` per claim
  std::string count_group{};           ///< kinds whose fee-bearing notices count together
  bool needs_agreement = false;        ///< chargeable only if agreed when the debt arose
  bool needs_written_notice = false;   ///< chargeable only for a written notice (not a call)
  int min_invoice_days_before_due = 0; ///< the invoice reached the debtor at least this long before due
  std::string law{};  ///< the statute and sections ("inkassoloven § 9, inkassoforskriften §§ 1-2, 1-3")
  std::string source{};  ///< where the figures were found (publication, year)
  bool uncertain = false;              ///< legal.md flags it: re-check before relying on it
  std::string note{};  ///< anything a reader of the rule should know

  /// The cap for a claim of `principal` (the band it falls in). nullopt when no cap is known.
  /// \throws error(currency_mismatch) when principal is in another currency than the cap.
  [[nodiscard]] std::optional<money> cap_for(money principal) const;
  /// The highest cap of any band (the flat cap for one band).
  [[nodiscard]] std::optional<money> max_cap() const;
  /// True when the rule covers debtors of segment `s`.
  [[nodiscard]] bool applies_to(segment s) const noexcept;
};

/// The rules in force for one jurisdiction, segment and date.
struct legal_rules {
  jurisdiction where = jurisdiction::no;  ///< the jurisdiction
  segment debtor = segment::b2b;  ///< the debtor's segment
  date as_of{};  ///< the date the rules are in force on
  std::vector<legal_fee_rule> fees{};  ///< the fee rules in force

  /// The rule for a kind, or nullptr when the law gives none (no legal basis for that fee).
  [[nodiscard]] const legal_fee_rule* find(legal_fee_kind k) const noexcept;
  /// The rule with id `id`, or nullptr.
  [[nodiscard]] const legal_fee_rule* find(std::string_view id) const noexcept;
};

/// Every fee rule row shipped in src/data/fee_rules.json (parsed on each call; keep it).
result<std::vector<legal_fee_rule>> shipped_fee_rules();

/// Fee rule rows from host JSON, same format as the shipped file ({"rules": [...]}) or a single
/// rule object. Amounts are decimal strings. Errors name the rule and field:
/// errc::invalid_argument, errc::conflict (two rows of one id with the same effective_from).
result<std::vector<legal_fee_rule>> load_fee_rules_json(std::string_view json);

/// `base` with every row of `overrides` added, replacing a row of the same id and effective_from.
[[nodiscard]] std::vector<legal_fee_rule> merge_fee_rules(std::span<const legal_fee_rule> base,
                                                          std::span<const legal_fee_rule> overrides);

/// The rules in force on `as_of` for (j, s) among `all`: per rule id, the latest row whose
/// effective_from <= as_of and whose effective_until (if any) >= as_of.
[[nodiscard]] legal_rules rules_for(std::span<const legal_fee_rule> all, jurisdiction j, segment s,
                                    date as_of);
/// The same over the shipped rules.
result<legal_rules> rules_for(jurisdiction j, segment s, date as_of);

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_JURISDICTION_FEE_RULES_HPP
