#include "kreditor/time/business_day_convention.hpp"

#include <array>
#include <cctype>
#include <string>
#include <utility>

KREDITOR_NAMESPACE_BEGIN
namespace {

using enum business_day_convention;

// clang-format off
constexpr std::array<std::pair<std::string_view, business_day_convention>, 10> spellings{{
  {"unadjusted", unadjusted},  {"following", following},  {"modified_following", modified_following},
  {"preceding", preceding},    {"modified_preceding", modified_preceding},
  {"u", unadjusted},  {"f", following},  {"mf", modified_following},  {"p", preceding},
  {"mp", modified_preceding},
}};
// clang-format on

}  // namespace

result<business_day_convention> parse_business_day_convention(std::string_view text) {
  std::string key(text);
  for (char& ch : key) {
    ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (ch == '-' || ch == ' ') ch = '_';
  }
  if (key == "none") return unadjusted;
  for (const auto& [spelling, c] : spellings)
    if (spelling == key) return c;
  return failure{errc::invalid_argument,
                 "business_day_convention: '" + std::string(text) +
                     "' is not one of unadjusted, following, modified_following, preceding, "
                     "modified_preceding"};
}

std::string_view to_string(business_day_convention c) noexcept {
  for (const auto& [spelling, value] : spellings)
    if (value == c) return spelling;  // the long forms come first
  return "??";
}

KREDITOR_NAMESPACE_END
