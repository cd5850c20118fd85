// -----------------------------------------------------------------------------
// File: kreditor/dunning/presets.hpp
// -----------------------------------------------------------------------------
//
// Ready-made policies that follow the seed processes and pass their own legal checks:
//   "NO"  purring -> inkassovarsel -> inkasso          "SE"  påminnelse -> inkassokrav -> inkasso
//   "DK"  rykker 1..3 -> inkasso                       "FI"  maksumuistutus -> maksuvaatimus -> perintä
//   "EU"  reminder (B2B: EUR 40 compensation) -> final notice -> collection
//   "NO-B2B" "SE-B2B" "DK-B2B" "FI-B2B"  the national preset; a business debtor's first reminder
//                         charges the fixed B2B compensation (once per claim) instead of its fee
//   "single-reminder"     one reminder (NO: the inkassovarsel), then collection
//   "relationship-first"  receipt confirmation, courtesy e-mail before due, e-mail 5 days
//                         after due, phone call day 7, account manager day 8, formal reminder,
//                         collection warning with credit hold, collection.
// Every preset answers a broken promise to pay with cash terms, and a broken payment plan with
// cash terms and a credit hold (good practice, not law).
//
//   policy p = preset("relationship-first", jurisdiction::se);
#ifndef KREDITOR_DUNNING_PRESETS_HPP
#define KREDITOR_DUNNING_PRESETS_HPP

#include <optional>
#include <string_view>
#include <vector>

#include "kreditor/core/jurisdiction.hpp"
#include "kreditor/dunning/policy.hpp"

KREDITOR_NAMESPACE_BEGIN

namespace dunning {

/// "NO", "SE", "DK", "FI", "EU", "single-reminder", "relationship-first".
[[nodiscard]] std::vector<std::string_view> preset_names();
/// "NO-B2B", "SE-B2B", "DK-B2B", "FI-B2B": the national presets' B2B variants (for their own
/// jurisdiction, like the national presets).
[[nodiscard]] std::vector<std::string_view> b2b_preset_names();

/// The preset `name`. The national presets are for their own jurisdiction (passing another
/// is errc::conflict); the generic ones are built for `j` (default EU).
/// \throws error(not_found) for an unknown name.
[[nodiscard]] policy preset(std::string_view name, std::optional<jurisdiction> j = std::nullopt);

}  // namespace dunning

KREDITOR_NAMESPACE_END

#endif  // KREDITOR_DUNNING_PRESETS_HPP
