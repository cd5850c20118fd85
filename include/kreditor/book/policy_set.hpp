// -----------------------------------------------------------------------------
// File: kreditor/book/policy_set.hpp
// -----------------------------------------------------------------------------
//
// The dunning policies a book is evaluated under: each customer's country preset (NO, SE, DK,
// FI; any other country: EU), one named preset imposed on everyone, or one policy of the
// host's. Policies are compiled once, on first use, per jurisdiction met.
//
//   policy_set presets;                                   // each customer's country preset
//   policy_set se = policy_set::named("SE");              // the Swedish preset for everyone
//   policy_set mine(parse_policy_json(text).value());     // the host's own policy
#ifndef KREDITOR_BOOK_POLICY_SET_HPP
#define KREDITOR_BOOK_POLICY_SET_HPP

#include <array>
#include <memory>
#include <optional>
#include <string>

#include "kreditor/core/jurisdiction.hpp"
#include "kreditor/dunning/compiled_policy.hpp"
#include "kreditor/dunning/policy.hpp"

KREDITOR_NAMESPACE_BEGIN

/// The dunning policies a book is evaluated under: each customer's country preset, one named preset
/// for everyone, or one policy of the host's. Each is compiled once, on first use, per jurisdiction
/// met.
class policy_set {
 public:
  /// Each customer is dunned by the preset of its jurisdiction.
  policy_set() = default;
  /// A preset by name (dunning::preset_names()): a national preset ("NO") governs every
  /// customer under its own law; a generic one ("single-reminder") is built per customer's
  /// jurisdiction. \throws error(not_found) naming the known presets; error(legal_violation)
  /// and the like when it does not compile.
  [[nodiscard]] static policy_set named(const std::string& name);
  /// The host's policy for every customer (under the policy's own jurisdiction), compiled now
  /// with `ext`. \throws what dunning::compile throws.
  explicit policy_set(const dunning::policy& fixed, const dunning::extensions& ext = {});

  /// For reports: the preset name, the fixed policy's name, or "country presets".
  [[nodiscard]] std::string label() const;
  /// The jurisdiction a customer under `j` is dunned under (a fixed policy imposes its own).
  [[nodiscard]] jurisdiction governing(jurisdiction j) const;
  /// The policy for `j` (a governing jurisdiction), compiled on first use (not thread-safe;
  /// compiled(j) is, once compiled). \throws what dunning::compile throws.
  [[nodiscard]] const dunning::compiled_policy& for_jurisdiction(jurisdiction j);
  /// The policy for `j`, already compiled by for_jurisdiction. \throws error(not_found).
  [[nodiscard]] const dunning::compiled_policy& compiled(jurisdiction j) const;

 private:
  std::optional<std::string> preset_;
  std::shared_ptr<const dunning::compiled_policy> fixed_;
  std::array<std::shared_ptr<const dunning::compiled_policy>, 5> per_jurisdiction_{};
};

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_BOOK_POLICY_SET_HPP
