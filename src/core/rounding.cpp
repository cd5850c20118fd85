#include "kreditor/core/rounding.hpp"

#include <array>
#include <utility>

KREDITOR_NAMESPACE_BEGIN
namespace {
// clang-format off
constexpr std::array<std::pair<std::string_view, rounding>, 7> names{{
  {"half_up", rounding::half_up}, {"half_even", rounding::half_even},
  {"half_down", rounding::half_down}, {"down", rounding::down}, {"up", rounding::up},
  {"floor", rounding::floor}, {"ceiling", rounding::ceiling},
}};
// clang-format on
}  // namespace

std::optional<rounding> parse_rounding(std::string_view name) noexcept {
  for (const auto& [n, r] : names)
    if (n == name) return r;
  return std::nullopt;
}

std::string_view to_string(rounding mode) noexcept {
  for (const auto& [n, r] : names)
    if (r == mode) return n;
  return "unknown";
}

KREDITOR_NAMESPACE_END
