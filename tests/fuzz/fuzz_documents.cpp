// libFuzzer: what a host gives the documents: creditor.json, the law's content requirements and
// limitation tables, and its own Mustache layouts and words files. The first byte picks the
// reader. Property: a value or a failure, never an exception or a crash; a host's layout or
// wording either is refused when it is added or renders.
#include <cstdint>
#include <string>
#include <string_view>

#include "kreditor/documents/limitation.hpp"
#include "kreditor/documents/party.hpp"
#include "kreditor/documents/render.hpp"
#include "kreditor/documents/requirements.hpp"
#include "support/documents.hpp"

using namespace kreditor;

using test_support::hand_made_notice;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  static const template_set shipped = template_set::shipped();
  switch (data[0] % 5) {
    case 0: (void)parse_creditor_json(text); break;
    case 1: {
      const auto rules = load_notice_requirements_json(text);
      if (rules) (void)render_notice(hand_made_notice(), document_format::json, shipped, rules.value());
      break;
    }
    case 2: {
      const auto rules = load_limitation_rules_json(text);
      if (rules)
        (void)limitation_of(rules.value(), jurisdiction::no, segment::b2b, make_date(2024, 1, 1), make_date(2024, 2, 29),
                            std::vector<interruption>{{make_date(2025, 1, 1), interruption_kind::promise}});
      break;
    }
    case 3:
    case 4: {
      const char* name = data[0] % 5 == 3 ? "notice.txt.mustache" : "words.nb.json";
      const auto t = shipped.with(name, std::string(text));
      if (t) {
        try {
          (void)render_notice(hand_made_notice(), document_format::text, t.value(), shipped_notice_requirements());
        } catch (const error&) {
          // A sentence of a host's wording may itself be bad Mustache: refused by name, as documented.
        }
      }
      break;
    }
  }
  return 0;
}
