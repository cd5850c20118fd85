#include "io/json_text.hpp"

#include <algorithm>
#include <vector>

#include "kreditor/core/errc.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace io {
namespace {

struct duplicate_key {
  std::string message;
};

// The open objects and arrays while parsing: enough to name where a duplicate key is.
struct frame {
  bool object = false;
  std::vector<std::string> keys;  // an object's keys so far (linear search: objects are small)
  std::size_t index = 0;          // an array's current element
};

// The JSON pointer (RFC 6901) of the innermost open object, e.g. "/steps/1".
std::string path_of(const std::vector<frame>& stack) {
  std::string path;
  for (std::size_t k = 0; k + 1 < stack.size(); ++k) {
    const frame& f = stack[k];
    path += '/';
    if (!f.object) {
      path += std::to_string(f.index);
      continue;
    }
    for (const char c : f.keys.empty() ? std::string() : f.keys.back()) {
      if (c == '~') path += "~0";
      else if (c == '/') path += "~1";
      else path += c;
    }
  }
  return path.empty() ? "/" : path;
}

}  // namespace

std::string text_location(std::string_view text, std::size_t at, std::string_view who) {
  at = std::min(at, text.size());
  const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n');
  const std::size_t line_start = at == 0 ? std::string_view::npos : text.rfind('\n', at - 1);
  const std::size_t column = line_start == std::string_view::npos ? at + 1 : at - line_start;
  return std::string(who) + ":" + std::to_string(line) + ":" + std::to_string(column);
}

nlohmann::json parse_json_strict(std::string_view text, std::string_view who) {
  using json = nlohmann::json;
  std::vector<frame> stack;
  const auto element_done = [&stack] {
    if (!stack.empty() && !stack.back().object) ++stack.back().index;
  };
  const json::parser_callback_t check = [&](int, json::parse_event_t event, json& parsed) {
    switch (event) {
      case json::parse_event_t::object_start:
      case json::parse_event_t::array_start:
        stack.emplace_back();
        stack.back().object = event == json::parse_event_t::object_start;
        break;
      case json::parse_event_t::key: {
        frame& f = stack.back();
        std::string key = parsed.get<std::string>();
        if (std::find(f.keys.begin(), f.keys.end(), key) != f.keys.end())
          throw duplicate_key{std::string(who) + ": " + path_of(stack) + ": key \"" + key +
                              "\" appears twice (a reader would silently keep one of them)"};
        f.keys.push_back(std::move(key));
        break;
      }
      case json::parse_event_t::object_end:
      case json::parse_event_t::array_end:
        stack.pop_back();
        element_done();
        break;
      case json::parse_event_t::value:
        element_done();
        break;
    }
    return true;
  };
  try {
    return json::parse(text.begin(), text.end(), check);
  } catch (const duplicate_key& e) {
    throw error(errc::invalid_argument, e.message);
  } catch (const json::parse_error& e) {
    throw error(errc::invalid_argument,
                text_location(text, e.byte == 0 ? 0 : e.byte - 1, who) + ": not valid JSON (" + e.what() + ")");
  } catch (const json::out_of_range& e) {
    // out_of_range.406 "number overflow parsing '1e999'": no byte offset, so find the number.
    const std::string what = e.what();
    const auto open = what.find('\''), close = what.rfind('\'');
    const std::string number =
        open != std::string::npos && close > open ? what.substr(open + 1, close - open - 1) : std::string();
    const std::size_t at = number.empty() ? std::string_view::npos : text.find(number);
    throw error(errc::out_of_range,
                (at == std::string_view::npos ? std::string(who) : text_location(text, at, who)) +
                    ": the number " + (number.empty() ? std::string("in it") : number) +
                    " is out of range (beyond a double's)");
  } catch (const json::exception& e) {
    throw error(errc::invalid_argument, std::string(who) + ": not valid JSON (" + e.what() + ")");
  }
}

}  // namespace io
KREDITOR_NAMESPACE_END
