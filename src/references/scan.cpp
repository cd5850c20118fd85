#include "references/scan.hpp"

#include <cstdio>

namespace kreditor::references_detail {

std::string describe_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  if (u >= 0x20 && u < 0x7f) return std::string("'") + c + "'";
  std::array<char, 8> hex{};
  std::snprintf(hex.data(), hex.size(), "0x%02X", static_cast<unsigned>(u));
  return hex.data();
}

std::string length_reason(std::size_t length, const shape& s) {
  std::string r = "length " + std::to_string(length) + " is not allowed for " + std::string(s.name) + " (";
  if (s.min_length == s.max_length)
    r += std::to_string(s.min_length);
  else
    r += std::to_string(s.min_length) + " to " + std::to_string(s.max_length);
  return r + " " + std::string(s.unit) + ")";
}

std::optional<std::string> scan(std::string_view value, const shape& s, compact& out) {
  out.size = 0;
  std::size_t length = 0;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (c == ' ') continue;
    if (!s.allowed(c))
      return "character " + describe_char(c) + " at position " + std::to_string(i + 1) +
             " is not " + std::string(s.expected);
    if (length < out.chars.size()) out.chars[length] = c;
    ++length;
  }
  if (length == 0) return std::string("empty ") + std::string(s.name);
  if (length < s.min_length || length > s.max_length || length > out.chars.size())
    return length_reason(length, s);
  out.size = length;
  return std::nullopt;
}

std::string quote(std::string_view value) {
  constexpr std::size_t shown = 48;
  if (value.size() <= shown) return "'" + std::string(value) + "'";
  return "'" + std::string(value.substr(0, shown)) + "...' (" + std::to_string(value.size()) +
         " characters)";
}

failure bad_payload(std::string_view who, std::string_view value, std::string_view why) {
  return failure{errc::invalid_argument, std::string(who) + ": " + quote(value) + ": " + std::string(why)};
}

std::string without_spaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s)
    if (c != ' ') out += c;
  return out;
}

std::string grouped(std::string_view chars, std::size_t size, bool from_right) {
  std::string out;
  out.reserve(chars.size() + chars.size() / size);
  const std::size_t offset = from_right ? chars.size() % size : 0;
  for (std::size_t i = 0; i < chars.size(); ++i) {
    if (i > 0 && (i + size - offset) % size == 0) out += ' ';
    out += chars[i];
  }
  return out;
}

std::string check_reason(char found, char expected) {
  return std::string("check digit is ") + found + ", expected " + expected;
}

}  // namespace kreditor::references_detail

namespace kreditor::references_detail {

validation validate_trailing_check(std::string_view value, const shape& s, check_fn check_of,
                                   std::string_view no_check_reason) {
  compact c;
  if (auto why = scan(value, s, c)) return validation::invalid(std::move(*why));
  const std::string_view v = c.view();
  const char expected = check_of(v.substr(0, v.size() - 1));
  if (expected == '\0') return validation::invalid(std::string(no_check_reason));
  if (v.back() != expected) return validation::invalid(check_reason(v.back(), expected));
  return validation::ok();
}

}  // namespace kreditor::references_detail
