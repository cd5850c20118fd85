#include "kreditor/references/reference.hpp"

#include "kreditor/references/fi_reference.hpp"
#include "kreditor/references/fik.hpp"
#include "kreditor/references/iban.hpp"
#include "kreditor/references/kid.hpp"
#include "kreditor/references/ocr.hpp"
#include "kreditor/references/org_number.hpp"
#include "kreditor/references/rf.hpp"
#include "references/scan.hpp"

KREDITOR_NAMESPACE_BEGIN
namespace {
using namespace references_detail;

// One row per type: its name on the command line and its checker.
struct type_row {
  reference_type type;
  std::string_view name;
  validation (*check)(std::string_view);
};

validation check_ocr(std::string_view v) { return validate_ocr(v); }
validation check_kid_mod11(std::string_view v) { return validate_kid_mod11(v); }

// clang-format off
constexpr std::array<type_row, 11> rows{{
    {reference_type::kid_mod10, "kid-mod10", validate_kid_mod10},
    {reference_type::kid_mod11, "kid-mod11", check_kid_mod11},
    {reference_type::ocr,       "ocr",       check_ocr},
    {reference_type::fik71,     "fik71",     validate_fik71},
    {reference_type::fi_ref,    "fi-ref",    validate_fi_reference},
    {reference_type::rf,        "rf",        validate_rf},
    {reference_type::iban,      "iban",      validate_iban},
    {reference_type::orgnr_no,  "orgnr-no",  validate_orgnr_no},
    {reference_type::orgnr_se,  "orgnr-se",  validate_orgnr_se},
    {reference_type::cvr,       "cvr",       validate_cvr},
    {reference_type::ytunnus,   "ytunnus",   validate_ytunnus},
}};
// clang-format on

const type_row& row_of(reference_type t) {
  const auto i = static_cast<std::size_t>(t);
  if (i >= rows.size())
    throw error(errc::invalid_argument, "reference type " + std::to_string(i) + " is not defined");
  return rows[i];
}

}  // namespace

std::string_view to_string(reference_type t) noexcept {
  const auto i = static_cast<std::size_t>(t);
  return i < rows.size() ? rows[i].name : "unknown";
}

result<reference_type> parse_reference_type(std::string_view name) {
  std::string names;
  for (const type_row& r : rows) {
    if (r.name == name) return r.type;
    names += (names.empty() ? "" : ", ") + std::string(r.name);
  }
  return failure{errc::invalid_argument,
                 "reference type " + quote(name) + " is not one of " + names};
}

bool can_make(reference_type t) noexcept {
  switch (t) {
    case reference_type::kid_mod10:
    case reference_type::kid_mod11:
    case reference_type::ocr:
    case reference_type::fik71:
    case reference_type::fi_ref:
    case reference_type::rf: return true;
    default: return false;
  }
}

validation validate(reference_type t, std::string_view value) {
  const auto i = static_cast<std::size_t>(t);
  if (i >= rows.size()) return validation::invalid("unknown reference type " + std::to_string(i));
  return rows[i].check(value);
}

result<std::string> make_reference(reference_type t, std::string_view payload, bool with_length_digit) {
  if (with_length_digit && t != reference_type::ocr)
    return failure{errc::invalid_argument,
                   "make " + std::string(to_string(t)) + ": a length digit exists only for ocr"};
  switch (t) {
    case reference_type::kid_mod10: return make_kid_mod10(payload);
    case reference_type::kid_mod11: return make_kid_mod11(payload);
    case reference_type::ocr: return make_ocr(payload, with_length_digit);
    case reference_type::fik71: return make_fik71(payload);
    case reference_type::fi_ref: return make_fi_reference(payload);
    case reference_type::rf: return make_rf(payload);
    default:
      return failure{errc::invalid_argument,
                     "make " + std::string(to_string(t)) +
                         ": identity numbers are issued, not made; make takes kid-mod10, kid-mod11, "
                         "ocr, fik71, fi-ref or rf"};
  }
}

std::string format_reference(reference_type t, std::string_view value) {
  if (!validate(t, value)) return without_spaces(value);
  switch (t) {
    case reference_type::iban: return iban::parse(value)->to_string();
    case reference_type::rf: return format_rf(value);
    case reference_type::fi_ref: return format_fi_reference(value);
    case reference_type::orgnr_se: return parse_se_identity_number(value)->to_string();
    case reference_type::ytunnus: {
      std::string digits = without_spaces(value);
      if (digits.find('-') == std::string::npos) digits.insert(7, 1, '-');
      return digits;
    }
    default: return without_spaces(value);
  }
}

std::size_t validate_each(reference_type t, std::span<const std::string_view> values,
                          std::span<bool> valid_out) {
  if (values.size() != valid_out.size())
    throw error(errc::invalid_argument, "validate_each: " + std::to_string(values.size()) +
                                            " values but " + std::to_string(valid_out.size()) +
                                            " result slots");
  const auto check = row_of(t).check;
  std::size_t valid = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    valid_out[i] = check(values[i]).valid;
    valid += valid_out[i] ? 1U : 0U;
  }
  return valid;
}

KREDITOR_NAMESPACE_END
