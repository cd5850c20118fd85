// Private: the one view every document renders through (render.cpp): a notice as JSON with
// its wording and which legally required elements are present. The agreement and the invoice
// clause add their own parts to it.
#ifndef KREDITOR_SRC_DOCUMENTS_VIEW_HPP
#define KREDITOR_SRC_DOCUMENTS_VIEW_HPP

#include <span>
#include <string>

#include <nlohmann/json.hpp>

#include "kreditor/documents/notice.hpp"
#include "kreditor/documents/render.hpp"
#include "kreditor/documents/requirements.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace detail {

/// Each amount and date twice: exact for programs ("1234.50", "2026-11-20"), and as the
/// language writes it for letters (key + "_text": "1 234,50", "20.11.2026").
void put(nlohmann::json& j, const std::string& key, money m, language l);
void put(nlohmann::json& j, const std::string& key, date d, language l);  ///< as put(money)

/// The data view of `n` with its wording ("text"); `extra` joins the data first (an
/// agreement's instalments), so the wording can name it.
nlohmann::json worded_view(const notice& n, const template_set& t, const nlohmann::json& extra = nlohmann::json::object());

/// worded_view and what the law (`rules`) asks: "required_elements", "conditional_elements",
/// "requirements".
nlohmann::json full_view(const notice& n, const template_set& t, std::span<const notice_requirement> rules,
                         const nlohmann::json& extra = nlohmann::json::object());

}  // namespace detail
KREDITOR_NAMESPACE_END

#endif  // KREDITOR_SRC_DOCUMENTS_VIEW_HPP
