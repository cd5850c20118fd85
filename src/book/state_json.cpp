// The run's state from and to JSON (schema in kreditor/book/state_json.hpp).
#include "kreditor/book/state_json.hpp"

#include <nlohmann/json.hpp>
#include <utility>

#include "io/json_text.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace {

using json = nlohmann::json;

struct bad_state {
  errc code;
  std::string message;
};

class reader {
 public:
  explicit reader(std::string_view who) : who_(who) {}

  /// "WHO: notices[2].sent must be ..." (`what` a predicate) or "WHO: notices[2].fee: ..."
  /// (`what` another function's message, starting with ": ").
  [[noreturn]] void fail(const std::string& where, const std::string& what, errc code = errc::invalid_argument) const {
    throw bad_state{code, who_ + ": " + where + (where.empty() || what.starts_with(":") ? "" : " ") + what};
  }

  date date_at(const json& j, const std::string& where) const {
    if (!j.is_string()) fail(where, "must be a date string (YYYY-MM-DD)");
    result<date> d = parse_date(j.get<std::string>());
    if (!d) fail(where, ": " + d.error().message, d.error().code);
    return *d;
  }

  /// The optional date at `key`: absent or null is none.
  std::optional<date> optional_date_at(const json& o, const char* key, const std::string& where) const {
    const auto it = o.find(key);
    if (it == o.end() || it->is_null()) return std::nullopt;
    return date_at(*it, where.empty() ? std::string(key) : where + "." + key);
  }

  std::string string_at(const json& o, const char* key, const std::string& where) const {
    const auto it = o.find(key);
    if (it == o.end()) fail(where + "." + key, "is missing (a non-empty string)");
    if (!it->is_string()) fail(where + "." + key, "must be a string");
    std::string s = it->get<std::string>();
    if (s.empty()) fail(where + "." + key, "must not be empty");
    return s;
  }

  recorded_notice notice_at(const json& n, const std::string& where) const {
    if (!n.is_object()) fail(where, "must be an object");
    recorded_notice r;
    r.invoice_id = string_at(n, "invoice_id", where);
    r.step = string_at(n, "step", where);
    const auto sent = n.find("sent");
    if (sent == n.end()) fail(where + ".sent", "is missing (the date the notice was sent)");
    r.sent = date_at(*sent, where + ".sent");
    r.deadline = optional_date_at(n, "deadline", where);
    const std::string code = string_at(n, "currency", where);
    const result<currency> cur = currency::parse(code);
    if (!cur) fail(where + ".currency", ": " + cur.error().message, cur.error().code);
    const std::string amount = string_at(n, "fee", where);
    const result<money> fee = money::parse(amount, *cur);
    if (!fee) fail(where + ".fee", ": " + fee.error().message, fee.error().code);
    r.fee = *fee;
    return r;
  }

  run_state state_of(const json& j) const {
    if (!j.is_object()) fail("", "not a kreditor state file (a JSON object with \"kreditor_state\": 1 expected)");
    const auto version = j.find("kreditor_state");
    if (version == j.end() || *version != 1)
      fail("", "not a kreditor state file (version 1 expected in \"kreditor_state\")");
    run_state s;
    s.last_run = optional_date_at(j, "last_run", "");
    const auto notices = j.find("notices");
    if (notices == j.end() || !notices->is_array()) fail("", "\"notices\" must be an array");
    s.notices.reserve(notices->size());
    std::size_t i = 0;
    for (const json& n : *notices) s.notices.push_back(notice_at(n, "notices[" + std::to_string(i++) + "]"));
    return s;
  }

 private:
  std::string who_;
};

}  // namespace

result<run_state> parse_state_json(std::string_view text, std::string_view who) {
  try {
    // Strict: numbers beyond a double, invalid UTF-8 and duplicate keys are refused.
    const json j = io::parse_json_strict(text, who);
    return reader(who).state_of(j);
  } catch (const bad_state& e) {
    return failure{e.code, e.message};
  } catch (const error& e) {
    return failure{e.code(), e.what()};
  }
}

std::string to_json(const run_state& s) {
  json j;
  j["kreditor_state"] = 1;
  j["last_run"] = s.last_run ? json(to_string(*s.last_run)) : json();
  j["notices"] = json::array();
  for (std::size_t i = 0; i < s.notices.size(); ++i) {
    const recorded_notice& n = s.notices[i];
    // What parse_state_json would refuse is refused here, so a state written always reads back.
    const auto refuse = [i](const std::string& what) {
      throw error(errc::invalid_argument, "state: notices[" + std::to_string(i) + "]." + what);
    };
    if (n.invoice_id.empty()) refuse("invoice_id must not be empty");
    if (n.step.empty()) refuse("step must not be empty");
    json entry = {{"invoice_id", n.invoice_id},
                  {"step", n.step},
                  {"sent", to_string(n.sent)},
                  {"deadline", n.deadline ? json(to_string(*n.deadline)) : json()},
                  {"fee", to_string(n.fee)},
                  {"currency", std::string(n.fee.currency().code())}};
    try {
      (void)entry.dump();  // the only thing dump() refuses is text that is not UTF-8
    } catch (const json::type_error&) {
      refuse("invoice_id or step is not valid UTF-8 (JSON cannot carry it)");
    }
    j["notices"].push_back(std::move(entry));
  }
  return j.dump(2) + "\n";
}

KREDITOR_NAMESPACE_END
