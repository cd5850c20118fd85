#include "kreditor/references/org_number.hpp"

#include <algorithm>
#include <array>

#include "references/scan.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace {
using namespace references_detail;

bool digit_or_dash(char c) noexcept { return is_digit(c) || c == '-'; }
bool digit_or_sign(char c) noexcept { return is_digit(c) || c == '-' || c == '+'; }

// Every rule below is from shared/facts/legal.md §4 (the section named beside it).
constexpr std::array<int, 8> orgnr_no_weights{3, 2, 7, 6, 5, 4, 3, 2};  // §4.2
constexpr std::array<int, 8> cvr_weights{2, 7, 6, 5, 4, 3, 2, 1};       // §4.5
constexpr std::array<int, 7> ytunnus_weights{7, 9, 10, 5, 8, 4, 2};     // §4.8

constexpr shape orgnr_no_shape{"orgnr-no", 9, 9, "digits", "a digit", digit_only};
constexpr shape orgnr_no_payload{"orgnr-no payload", 8, 8, "digits", "a digit", digit_only};
constexpr shape orgnr_se_shape{"orgnr-se", 10, 13, "characters",
                               "a digit (or '-'/'+' before the last four)", digit_or_sign};
constexpr shape orgnr_se_payload{"orgnr-se payload", 9, 9, "digits", "a digit", digit_only};
constexpr shape cvr_shape{"cvr", 8, 8, "digits", "a digit", digit_only};
constexpr shape cvr_payload{"cvr payload", 7, 7, "digits", "a digit", digit_only};
constexpr shape ytunnus_shape{"ytunnus", 8, 9, "characters", "a digit (or '-' before the check digit)",
                              digit_or_dash};
constexpr shape ytunnus_digits{"ytunnus", 8, 8, "digits", "a digit", digit_only};
constexpr shape ytunnus_payload{"ytunnus payload", 7, 7, "digits", "a digit", digit_only};

// MOD11 with "11 - r", r = 0 -> '0'. '\0' for r = 1: check value 10 is never issued.
char mod11_check(int weighted_sum) noexcept {
  const int r = weighted_sum % 11;
  if (r == 0) return '0';
  if (r == 1) return '\0';
  return digit_char(11 - r);
}

char orgnr_no_check(std::string_view eight) noexcept {
  return mod11_check(weighted_sum_from_left(eight, orgnr_no_weights));
}
// CVR: the digit d (weight 1) making the whole sum 0 mod 11; '\0' when d would be 10.
char cvr_check(std::string_view seven) noexcept {
  const int d = (11 - weighted_sum_from_left(seven, cvr_weights) % 11) % 11;
  return d == 10 ? '\0' : digit_char(d);
}
char ytunnus_check(std::string_view seven) noexcept {
  return mod11_check(weighted_sum_from_left(seven, ytunnus_weights));
}

template <class Check>
result<char> check_digit_of(std::string_view payload, const shape& s, Check check,
                            std::string_view who, std::string_view no_digit_reason) {
  compact c;
  if (auto why = scan(payload, s, c)) return bad_payload(who, payload, *why);
  const char d = check(c.view());
  if (d == '\0') return bad_payload(who, payload, no_digit_reason);
  return d;
}

constexpr std::string_view orgnr_no_unissued =
    "its first eight digits give MOD11 check value 10: no such organisation number is issued";
constexpr std::string_view cvr_unissued = "no CVR number starts with these seven digits (check value 10)";
constexpr std::string_view ytunnus_unissued =
    "its seven digits leave remainder 1: no such Y-tunnus is issued";

// The parse of a Swedish number, or why it is not one.
struct se_parse {
  se_identity_number number;
  std::string why;
};

bool two_digits_between(std::string_view two, int low, int high) {
  const int n = digit_value(two[0]) * 10 + digit_value(two[1]);
  return n >= low && n <= high;
}

se_parse parse_se(std::string_view text) {
  se_parse out;
  compact c;
  if (auto why = scan(text, orgnr_se_shape, c)) {
    out.why = std::move(*why);
    return out;
  }
  std::string_view v = c.view();
  char separator = '\0';
  const auto sep_at = v.find_first_of("-+");
  if (sep_at != std::string_view::npos) {
    if (sep_at + 5 != v.size() || v.find_first_of("-+", sep_at + 1) != std::string_view::npos) {
      out.why = "'-' or '+' is allowed only before the last four digits";
      return out;
    }
    separator = v[sep_at];
  }
  std::string digits(v);
  digits.erase(std::remove_if(digits.begin(), digits.end(), [](char ch) { return !is_digit(ch); }),
               digits.end());
  if (digits.size() != 10 && digits.size() != 12) {
    out.why = "length " + std::to_string(digits.size()) + " is not allowed for orgnr-se (10 or 12 digits)";
    return out;
  }
  const std::string_view all = digits;
  const std::string_view ten = all.substr(all.size() - 10);
  std::copy(ten.begin(), ten.end(), out.number.digits.begin());
  if (ten[2] >= '2') {
    out.number.kind = se_identity_kind::organisation;
    if (separator == '+') {
      out.why = "'+' marks a person aged 100 or more, not an organisation";
      return out;
    }
    if (all.size() == 12 && all.substr(0, 2) != "16") {
      out.why = "a 12-digit organisation number starts with 16, not " + std::string(all.substr(0, 2));
      return out;
    }
  } else {
    if (!two_digits_between(ten.substr(2, 2), 1, 12)) {
      out.why = "month " + std::string(ten.substr(2, 2)) + " is not 01..12 (and an organisation "
                "number has a third digit of 2 or more)";
      return out;
    }
    if (two_digits_between(ten.substr(4, 2), 1, 31)) {
      out.number.kind = se_identity_kind::personal;
    } else if (two_digits_between(ten.substr(4, 2), 61, 91)) {
      out.number.kind = se_identity_kind::coordination;
    } else {
      out.why = "day " + std::string(ten.substr(4, 2)) + " is neither 01..31 nor 61..91";
      return out;
    }
    if (all.size() == 12) {
      if (!two_digits_between(all.substr(0, 2), 18, 20)) {
        out.why = "century " + std::string(all.substr(0, 2)) + " is not 18, 19 or 20";
        return out;
      }
      if (separator == '+') {
        out.why = "'+' is used only with 10 digits";
        return out;
      }
    }
  }
  const char expected = digit_char(luhn_check(ten.substr(0, 9)));
  if (ten[9] != expected) out.why = check_reason(ten[9], expected);
  return out;
}

}  // namespace

// --- Norway --------------------------------------------------------------------------

result<char> orgnr_no_check_digit(std::string_view first_eight) {
  return check_digit_of(first_eight, orgnr_no_payload, orgnr_no_check, "orgnr_no_check_digit",
                        orgnr_no_unissued);
}

validation validate_orgnr_no(std::string_view number) {
  return validate_trailing_check(number, orgnr_no_shape, orgnr_no_check, orgnr_no_unissued);
}

// --- Sweden --------------------------------------------------------------------------

std::string se_identity_number::to_string() const {
  const std::string_view t = ten_digits();
  return std::string(t.substr(0, 6)) + "-" + std::string(t.substr(6));
}

result<se_identity_number> parse_se_identity_number(std::string_view text) {
  se_parse p = parse_se(text);
  if (!p.why.empty()) return bad_payload("orgnr-se", text, p.why);
  return p.number;
}

result<char> orgnr_se_check_digit(std::string_view first_nine) {
  compact c;
  if (auto why = scan(first_nine, orgnr_se_payload, c))
    return bad_payload("orgnr_se_check_digit", first_nine, *why);
  return digit_char(luhn_check(c.view()));
}

validation validate_orgnr_se(std::string_view number) {
  se_parse p = parse_se(number);
  return p.why.empty() ? validation::ok() : validation::invalid(std::move(p.why));
}

// --- Denmark -------------------------------------------------------------------------

// A CVR number never starts with 0 (they are issued from 10000000 up; independent review of
// 2026-12, issue 13): 0-leading numbers that pass the mod-11 sum are rejected too.
constexpr std::string_view cvr_leading_zero = "a CVR number does not start with 0";

bool starts_with_zero(std::string_view text) {
  const auto first = text.find_first_not_of(' ');
  return first != std::string_view::npos && text[first] == '0';
}

result<char> cvr_check_digit(std::string_view first_seven) {
  if (starts_with_zero(first_seven))
    return failure{errc::invalid_argument, "cvr_check_digit: " + std::string(cvr_leading_zero)};
  return check_digit_of(first_seven, cvr_payload, cvr_check, "cvr_check_digit", cvr_unissued);
}

validation validate_cvr(std::string_view number) {
  validation v = validate_trailing_check(number, cvr_shape, cvr_check, cvr_unissued);
  if (v && starts_with_zero(number)) return validation::invalid(std::string(cvr_leading_zero));
  return v;
}

// --- Finland -------------------------------------------------------------------------

result<char> ytunnus_check_digit(std::string_view first_seven) {
  return check_digit_of(first_seven, ytunnus_payload, ytunnus_check, "ytunnus_check_digit",
                        ytunnus_unissued);
}

validation validate_ytunnus(std::string_view business_id) {
  compact c;
  if (auto why = scan(business_id, ytunnus_shape, c)) return validation::invalid(std::move(*why));
  const std::string_view v = c.view();
  const auto dash = v.find('-');
  if (dash != std::string_view::npos && (dash != 7 || v.size() != 9))
    return validation::invalid("'-' is allowed only before the check digit (NNNNNNN-C)");
  if (dash == std::string_view::npos && v.size() != 8)
    return validation::invalid(length_reason(v.size(), ytunnus_digits));
  std::string digits(v);
  if (dash != std::string_view::npos) digits.erase(dash, 1);
  return validate_trailing_check(digits, ytunnus_digits, ytunnus_check, ytunnus_unissued);
}

KREDITOR_NAMESPACE_END
