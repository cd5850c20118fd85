#include "kreditor/book/policy_set.hpp"

#include <algorithm>

#include "kreditor/dunning/presets.hpp"

KREDITOR_NAMESPACE_BEGIN

policy_set policy_set::named(const std::string& name) {
  std::vector<std::string_view> names = dunning::preset_names();
  const std::vector<std::string_view> b2b = dunning::b2b_preset_names();  // NO-B2B, ...: one country each
  names.insert(names.end(), b2b.begin(), b2b.end());
  if (std::find(names.begin(), names.end(), name) == names.end()) {
    std::string known;
    for (const auto n : names) known += (known.empty() ? "" : ", ") + std::string(n);
    throw error(errc::not_found, "unknown policy '" + name + "' (presets: " + known + ")");
  }
  policy_set out;
  out.preset_ = name;
  if (parse_jurisdiction(name) || std::find(b2b.begin(), b2b.end(), name) != b2b.end()) out.fixed_ = std::make_shared<const dunning::compiled_policy>(dunning::compile(dunning::preset(name)));
  return out;
}

policy_set::policy_set(const dunning::policy& fixed, const dunning::extensions& ext)
    : fixed_(std::make_shared<const dunning::compiled_policy>(dunning::compile(fixed, ext))) {}

std::string policy_set::label() const {
  if (preset_) return *preset_;
  if (fixed_) return fixed_->source.name;
  return "country presets";
}

jurisdiction policy_set::governing(jurisdiction j) const { return fixed_ ? fixed_->source.jurisdiction : j; }

const dunning::compiled_policy& policy_set::for_jurisdiction(jurisdiction j) {
  if (fixed_) return *fixed_;
  auto& slot = per_jurisdiction_[static_cast<std::size_t>(j)];
  if (!slot) {
    const std::string name = preset_ ? *preset_ : std::string(to_string(j));
    slot = std::make_shared<const dunning::compiled_policy>(
        dunning::compile(preset_ ? dunning::preset(name, j) : dunning::preset(name)));
  }
  return *slot;
}

const dunning::compiled_policy& policy_set::compiled(jurisdiction j) const {
  if (fixed_) return *fixed_;
  const auto& slot = per_jurisdiction_[static_cast<std::size_t>(j)];
  if (!slot) throw error(errc::not_found, "policy_set: no policy compiled for " + std::string(to_string(j)));
  return *slot;
}

KREDITOR_NAMESPACE_END
