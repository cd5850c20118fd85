// `kreditor check TYPE VALUE [--length-digit] [--json]`: validates a payment reference or an
// identity number. Exit 0 valid, 1 invalid (with the reason), 2 usage error. VALUE is one
// argument; spaces inside it are ignored. --length-digit (ocr only) also checks the OCR
// length digit (Bankgirot "variabel längd").
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <utility>

#include "cli/cli.hpp"
#include "kreditor/references/ocr.hpp"
#include "kreditor/references/reference.hpp"

namespace kreditor::cli {

// TYPE and the one VALUE (or PAYLOAD) of `check` and `make` (declared in cmd_make.cpp too).
std::pair<reference_type, std::string> type_and_value(const args& a, const char* what);
std::pair<reference_type, std::string> type_and_value(const args& a, const char* what) {
  const auto& pos = a.positionals();
  if (pos.empty()) throw usage_error{std::string("missing TYPE and ") + what};
  const auto type = parse_reference_type(pos[0]);
  if (!type) throw usage_error{type.error().message};
  if (pos.size() < 2) throw usage_error{std::string("missing ") + what + " after " + pos[0]};
  if (pos.size() > 2)
    throw usage_error{std::string("expected one ") + what + ", got " + std::to_string(pos.size() - 1) +
                      " words (quote a value that contains spaces)"};
  return {*type, pos[1]};
}

int cmd_check(context& ctx) {
  const args a(ctx.argv, {}, {"json", "length-digit"});
  const auto [type, value] = type_and_value(a, "VALUE");
  if (a.flag("length-digit") && type != reference_type::ocr)
    throw usage_error{"--length-digit applies only to ocr"};
  const validation v = a.flag("length-digit") ? validate_ocr(value, ocr_control::length_digit)
                                              : validate(type, value);
  if (a.flag("json")) {
    nlohmann::json j{{"type", std::string(to_string(type))},
                     {"value", value},
                     {"valid", v.valid},
                     {"reason", v.valid ? nlohmann::json(nullptr) : nlohmann::json(v.reason)}};
    if (v.valid) j["formatted"] = format_reference(type, value);
    ctx.out << j.dump() << "\n";
  } else if (v.valid) {
    ctx.out << "valid " << to_string(type) << " " << format_reference(type, value) << "\n";
  } else {
    ctx.out << "invalid " << to_string(type) << " '" << value << "': " << v.reason << "\n";
  }
  return v.valid ? exit_ok : exit_problems;
}

}  // namespace kreditor::cli
