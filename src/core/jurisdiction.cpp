#include "kreditor/core/jurisdiction.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

KREDITOR_NAMESPACE_BEGIN
namespace {

std::string upper(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

// clang-format off
constexpr std::array<std::pair<std::string_view, jurisdiction>, 5> codes{{
  {"NO", jurisdiction::no}, {"SE", jurisdiction::se}, {"DK", jurisdiction::dk},
  {"FI", jurisdiction::fi}, {"EU", jurisdiction::eu},
}};
// clang-format on

}  // namespace

result<jurisdiction> parse_jurisdiction(std::string_view code) {
  const std::string u = upper(code);
  for (const auto& [name, j] : codes)
    if (name == u) return j;
  return failure{errc::not_found,
                 "jurisdiction: '" + std::string(code) + "' is not one of NO, SE, DK, FI, EU"};
}

std::string_view to_string(jurisdiction j) noexcept {
  for (const auto& [name, value] : codes)
    if (value == j) return name;
  return "??";
}

result<segment> parse_segment(std::string_view text) {
  const std::string u = upper(text);
  if (u == "B2B") return segment::b2b;
  if (u == "B2C") return segment::b2c;
  return failure{errc::invalid_argument, "segment: '" + std::string(text) + "' is not b2b or b2c"};
}

std::string_view to_string(segment s) noexcept { return s == segment::b2b ? "b2b" : "b2c"; }

KREDITOR_NAMESPACE_END
