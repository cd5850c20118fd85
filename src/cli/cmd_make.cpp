// `kreditor make TYPE PAYLOAD [--length-digit] [--json]`: completes a payment reference with
// its check digit(s), for kid-mod10, kid-mod11, ocr (--length-digit adds the OCR length
// digit), fik71, fi-ref and rf. A bad payload or type exits 2 with the reason.
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

#include "cli/cli.hpp"
#include "kreditor/references/reference.hpp"

namespace kreditor::cli {

int cmd_make(context& ctx) {
  const args a(ctx.argv, {}, {"json", "length-digit"});
  const auto& pos = a.positionals();
  if (pos.empty()) throw usage_error{"missing TYPE and PAYLOAD"};
  const auto type = parse_reference_type(pos[0]);
  if (!type) throw usage_error{type.error().message};
  if (!can_make(*type))
    throw usage_error{std::string(to_string(*type)) +
                      " numbers are issued, not made; make takes kid-mod10, kid-mod11, ocr, fik71, "
                      "fi-ref or rf"};
  if (pos.size() < 2) throw usage_error{"missing PAYLOAD after " + pos[0]};
  if (pos.size() > 2)
    throw usage_error{"expected one PAYLOAD, got " + std::to_string(pos.size() - 1) +
                      " words (quote a payload that contains spaces)"};
  const auto made = make_reference(*type, pos[1], a.flag("length-digit"));
  if (!made) throw usage_error{made.error().message};
  if (a.flag("json")) {
    const nlohmann::json j{{"type", std::string(to_string(*type))},
                           {"payload", pos[1]},
                           {"reference", *made},
                           {"formatted", format_reference(*type, *made)}};
    ctx.out << j.dump() << "\n";
  } else {
    ctx.out << *made << "\n";
  }
  return exit_ok;
}

}  // namespace kreditor::cli
