// The state file of `kreditor run --state FILE`: JSON, one entry per notice a run asked for.
//
//   {"kreditor_state": 1, "last_run": "2026-11-20",
//    "notices": [{"invoice_id": "F-26-1040", "step": "purring", "sent": "2026-11-20",
//                 "deadline": "2026-12-04", "fee": "35.00", "currency": "NOK"}]}
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli/cli.hpp"
#include "cli/run_book.hpp"
#include "io/json_text.hpp"

namespace kreditor::cli::run {
namespace {

[[noreturn]] void bad(const std::string& path, const std::string& what) {
  throw usage_error{path + ": " + what};
}

date date_at(const std::string& path, const nlohmann::json& j, const std::string& where) {
  if (!j.is_string()) bad(path, where + " must be a date string");
  result<date> d = parse_date(j.get<std::string>());
  if (!d) bad(path, where + ": " + d.error().message);
  return *d;
}

std::string string_at(const std::string& path, const nlohmann::json& o, const char* key,
                      const std::string& where) {
  const auto it = o.find(key);
  if (it == o.end() || !it->is_string()) bad(path, where + "." + key + " must be a string");
  return it->get<std::string>();
}

}  // namespace

state_file read_state(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return {};
  std::ifstream in(path, std::ios::binary);
  if (!in) bad(path, "cannot be read");
  std::stringstream text;
  text << in.rdbuf();
  nlohmann::json j;
  try {
    j = io::parse_json_strict(text.str(), path);  // numbers beyond a double, duplicate keys: refused
  } catch (const error& e) {
    throw usage_error{std::string(e.what()) + " (reading the state file)"};
  }
  if (!j.is_object() || !j.contains("kreditor_state") || j["kreditor_state"] != 1)
    bad(path, "not a kreditor state file (version 1 expected in \"kreditor_state\")");
  state_file s;
  if (j.contains("last_run")) s.last_run = date_at(path, j["last_run"], "last_run");
  if (!j.contains("notices") || !j["notices"].is_array()) bad(path, "\"notices\" must be an array");
  std::size_t i = 0;
  for (const auto& n : j["notices"]) {
    const std::string where = "notices[" + std::to_string(i++) + "]";
    if (!n.is_object()) bad(path, where + " must be an object");
    recorded_notice r;
    r.invoice_id = string_at(path, n, "invoice_id", where);
    r.step = string_at(path, n, "step", where);
    r.sent = date_at(path, n.value("sent", nlohmann::json()), where + ".sent");
    if (n.contains("deadline") && !n["deadline"].is_null())
      r.deadline = date_at(path, n["deadline"], where + ".deadline");
    const result<currency> cur = currency::parse(string_at(path, n, "currency", where));
    if (!cur) bad(path, where + ".currency: " + cur.error().message);
    const result<money> fee = money::parse(string_at(path, n, "fee", where), *cur);
    if (!fee) bad(path, where + ".fee: " + fee.error().message);
    r.fee = *fee;
    s.notices.push_back(std::move(r));
  }
  return s;
}

void write_state(const std::string& path, const state_file& s) {
  nlohmann::json j;
  j["kreditor_state"] = 1;
  j["last_run"] = s.last_run ? nlohmann::json(to_string(*s.last_run)) : nlohmann::json();
  j["notices"] = nlohmann::json::array();
  for (const recorded_notice& n : s.notices)
    j["notices"].push_back({{"invoice_id", n.invoice_id},
                            {"step", n.step},
                            {"sent", to_string(n.sent)},
                            {"deadline", n.deadline ? nlohmann::json(to_string(*n.deadline)) : nlohmann::json()},
                            {"fee", to_string(n.fee)},
                            {"currency", std::string(n.fee.currency().code())}});
  // Write beside the target and rename: a crash never leaves half a state file behind.
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) bad(path, "cannot be written");
    out << j.dump(2) << "\n";
    if (!out.flush()) bad(path, "cannot be written");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) bad(path, "cannot be replaced: " + ec.message());
}

}  // namespace kreditor::cli::run
