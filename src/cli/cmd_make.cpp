// `kreditor make TYPE PAYLOAD [--length-digit] [--json]`: completes a payment reference with
// its check digit(s), for kid-mod10, kid-mod11, ocr (--length-digit adds the OCR length
// digit), fik71, fi-ref and rf. A bad payload or type exits 2 with the reason.
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <utility>

#include "cli/cli.hpp"
#include "kreditor/references/reference.hpp"

namespace kreditor::cli {

// TYPE and the one PAYLOAD, or usage_error (defined in cmd_check.cpp).
std::pair<reference_type, std::string> type_and_value(const args& a, const char* what);

int cmd_make(context& ctx) {
  const args a(ctx.argv, {}, {"json", "length-digit"});
  const auto [type, payload] = type_and_value(a, "PAYLOAD");
  // make_reference() explains refused types and bad payloads; here they are usage errors.
  const auto made = make_reference(type, payload, a.flag("length-digit"));
  if (!made) throw usage_error{made.error().message};
  if (a.flag("json")) {
    const nlohmann::json j{{"type", std::string(to_string(type))},
                           {"payload", payload},
                           {"reference", *made},
                           {"formatted", format_reference(type, *made)}};
    ctx.out << j.dump() << "\n";
  } else {
    ctx.out << *made << "\n";
  }
  return exit_ok;
}

}  // namespace kreditor::cli
