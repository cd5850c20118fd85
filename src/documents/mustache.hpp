// Private: Mustache over a JSON view, the one renderer of every document (render.cpp).
#ifndef KREDITOR_SRC_DOCUMENTS_MUSTACHE_HPP
#define KREDITOR_SRC_DOCUMENTS_MUSTACHE_HPP

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "kreditor/config.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace detail {

/// `text` rendered over `view`; `html` escapes values, else they are printed as they are.
/// \throws error(invalid_argument) naming `file` for a template Mustache cannot parse.
std::string render_mustache(const std::string& text, const nlohmann::json& view, std::string_view file, bool html);

}  // namespace detail
KREDITOR_NAMESPACE_END

#endif  // KREDITOR_SRC_DOCUMENTS_MUSTACHE_HPP
