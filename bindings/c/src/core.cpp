// The C ABI: errors and versions, dates, money, terms, references, calendars, interest and
// policies. Each entry point checks its arguments and runs its body through guarded().
#include <algorithm>
#include <optional>
#include <string>

#include "c_api.hpp"
#include "kreditor/charges/interest.hpp"
#include "kreditor/core/currency.hpp"
#include "kreditor/core/jurisdiction.hpp"
#include "kreditor/core/money.hpp"
#include "kreditor/core/rate.hpp"
#include "kreditor/core/rounding.hpp"
#include "kreditor/dunning/presets.hpp"
#include "kreditor/io/policy_json.hpp"
#include "kreditor/jurisdiction/rate_table.hpp"
#include "kreditor/references/reference.hpp"
#include "kreditor/terms/due_dates.hpp"
#include "kreditor/terms/notation.hpp"
#include "kreditor/time/business_day_convention.hpp"
#include "kreditor/time/calendar.hpp"
#include "kreditor/time/calendars.hpp"
#include "kreditor/time/deadline_rule.hpp"
#include "kreditor/version.hpp"

// ---- the status codes ARE the errc numbers: these fail to compile if either side drifts ----
namespace {
using kreditor::errc;
constexpr bool same_code(kreditor_status s, errc e, std::string_view name) {
  return s == static_cast<kreditor_status>(e) && kreditor::to_string(e) == name;
}
static_assert(same_code(KREDITOR_OK, errc::ok, "ok"));
static_assert(same_code(KREDITOR_E_INVALID_ARGUMENT, errc::invalid_argument, "invalid_argument"));
static_assert(same_code(KREDITOR_E_OUT_OF_RANGE, errc::out_of_range, "out_of_range"));
static_assert(same_code(KREDITOR_E_OVERFLOW, errc::overflow, "overflow"));
static_assert(same_code(KREDITOR_E_CURRENCY_MISMATCH, errc::currency_mismatch, "currency_mismatch"));
static_assert(same_code(KREDITOR_E_NOT_FOUND, errc::not_found, "not_found"));
static_assert(same_code(KREDITOR_E_LEGAL_VIOLATION, errc::legal_violation, "legal_violation"));
static_assert(same_code(KREDITOR_E_PRECISION_LOSS, errc::precision_loss, "precision_loss"));
static_assert(same_code(KREDITOR_E_CONFLICT, errc::conflict, "conflict"));
static_assert(same_code(KREDITOR_E_IO, errc::io, "io"));
static_assert(same_code(KREDITOR_E_INTERNAL, errc::internal, "internal"));
// The C interface's own codes are no errc (errc's to_string says "unknown" for them).
static_assert(kreditor::to_string(static_cast<errc>(KREDITOR_E_BUFFER_TOO_SMALL)) == "unknown");
static_assert(kreditor::to_string(static_cast<errc>(KREDITOR_E_NO_MEMORY)) == "unknown");

using kreditor::rounding;
static_assert(KREDITOR_ROUNDING_HALF_UP == static_cast<int>(rounding::half_up));
static_assert(KREDITOR_ROUNDING_HALF_EVEN == static_cast<int>(rounding::half_even));
static_assert(KREDITOR_ROUNDING_HALF_DOWN == static_cast<int>(rounding::half_down));
static_assert(KREDITOR_ROUNDING_DOWN == static_cast<int>(rounding::down));
static_assert(KREDITOR_ROUNDING_UP == static_cast<int>(rounding::up));
static_assert(KREDITOR_ROUNDING_FLOOR == static_cast<int>(rounding::floor));
static_assert(KREDITOR_ROUNDING_CEILING == static_cast<int>(rounding::ceiling));
using kreditor::business_day_convention;
static_assert(KREDITOR_BDC_UNADJUSTED == static_cast<int>(business_day_convention::unadjusted));
static_assert(KREDITOR_BDC_FOLLOWING == static_cast<int>(business_day_convention::following));
static_assert(KREDITOR_BDC_MODIFIED_FOLLOWING == static_cast<int>(business_day_convention::modified_following));
static_assert(KREDITOR_BDC_PRECEDING == static_cast<int>(business_day_convention::preceding));
static_assert(KREDITOR_BDC_MODIFIED_PRECEDING == static_cast<int>(business_day_convention::modified_preceding));
static_assert(KREDITOR_SEGMENT_B2B == static_cast<int>(kreditor::segment::b2b));
static_assert(KREDITOR_SEGMENT_B2C == static_cast<int>(kreditor::segment::b2c));
static_assert(KREDITOR_FIRST_DAY_AFTER_DUE == static_cast<int>(kreditor::first_interest_day::day_after_due));
static_assert(KREDITOR_FIRST_DAY_DUE_DATE == static_cast<int>(kreditor::first_interest_day::due_date));
}  // namespace

namespace kreditor::c_api {
namespace {
thread_local std::string last_error;  // NOLINT: the documented thread-local last error
}  // namespace

void set_error(std::string_view message) noexcept {
  try {
    last_error.assign(message);
  } catch (...) {
    last_error.clear();  // no room for the message: "" is still a valid answer
  }
}
void clear_error() noexcept { last_error.clear(); }
const char* last_error_text() noexcept { return last_error.c_str(); }
kreditor_status fail(kreditor_status status, std::string_view message) noexcept {
  set_error(message);
  return status;
}

void throw_invalid(const char* fn, const std::string& what) {
  throw error(errc::invalid_argument, std::string(fn) + ": " + what);
}

std::string_view text(const char* s, const char* fn, const char* name) { return need(s, fn, name); }
std::string_view optional_text(const char* s) noexcept { return s == nullptr ? std::string_view{} : s; }

const date_range& valid_days() {
  static const date_range r{day_number(make_date(1400, 1, 1)), day_number(make_date(9999, 12, 31))};
  return r;
}

date to_date(kreditor_date d, const char* fn, const char* name) {
  if (d == KREDITOR_NO_DATE) throw_invalid(fn, std::string(name) + " is required (KREDITOR_NO_DATE given)");
  if (d < valid_days().first || d > valid_days().last)
    throw error(errc::out_of_range, std::string(fn) + ": " + name + " " + std::to_string(d) +
                                        " is outside 1400-01-01..9999-12-31 (days since 1970-01-01)");
  return from_day_number(d);
}
std::optional<date> to_optional_date(kreditor_date d, const char* fn, const char* name) {
  if (d == KREDITOR_NO_DATE) return std::nullopt;
  return to_date(d, fn, name);
}
kreditor_date from_date(date d) noexcept { return day_number(d); }
kreditor_date from_optional_date(const std::optional<date>& d) noexcept { return d ? day_number(*d) : KREDITOR_NO_DATE; }

currency to_currency(const char* code, const char* fn, const char* name) {
  const result<currency> c = currency::parse(text(code, fn, name));
  if (!c) throw error(c.error().code, std::string(fn) + ": " + name + ": " + c.error().message);
  return *c;
}
void copy_code(currency c, char out[4]) noexcept {
  const std::string_view code = c.code();
  std::memcpy(out, code.data(), 3);
  out[3] = '\0';
}

kreditor_status out_string(std::string_view s, char* buf, std::size_t buf_size, std::size_t* needed,
                           const char* fn) {
  if (buf == nullptr && buf_size != 0) throw_invalid(fn, "buf is NULL but buf_size is " + std::to_string(buf_size));
  if (needed != nullptr) *needed = s.size() + 1;
  if (s.size() + 1 > buf_size) {
    if (buf_size > 0) buf[0] = '\0';
    return fail(KREDITOR_E_BUFFER_TOO_SMALL, std::string(fn) + ": the buffer holds " + std::to_string(buf_size) +
                                                 " bytes, " + std::to_string(s.size() + 1) + " are needed");
  }
  std::memcpy(buf, s.data(), s.size());
  buf[s.size()] = '\0';
  return KREDITOR_OK;
}

}  // namespace kreditor::c_api

using namespace kreditor;
using namespace kreditor::c_api;

struct kreditor_terms {
  payment_terms terms;
};
struct kreditor_calendar {
  calendar cal;
};

namespace {
rounding to_rounding(int mode, const char* fn) {
  if (mode < KREDITOR_ROUNDING_HALF_UP || mode > KREDITOR_ROUNDING_CEILING)
    throw_invalid(fn, "rounding " + std::to_string(mode) + " is not a KREDITOR_ROUNDING_* mode");
  return static_cast<rounding>(mode);
}
jurisdiction to_jurisdiction(const char* code, const char* fn, const char* name) {
  const result<jurisdiction> j = parse_jurisdiction(text(code, fn, name));
  if (!j) throw error(j.error().code, std::string(fn) + ": " + name + ": " + j.error().message);
  return *j;
}
reference_type to_reference_type(const char* name, const char* fn) {
  const result<reference_type> t = parse_reference_type(text(name, fn, "type"));
  if (!t) throw error(t.error().code, std::string(fn) + ": " + t.error().message);
  return *t;
}
/// `value` of a result, or its failure prefixed with the function's name.
template <class T>
T value_of(result<T> r, const char* fn) {
  if (!r) throw error(r.error().code, std::string(fn) + ": " + r.error().message);
  return std::move(r).value();
}
}  // namespace

extern "C" {

// ---- versions and errors --------------------------------------------------------------------

KREDITOR_API int kreditor_abi_version(void) { return KREDITOR_ABI_VERSION; }
KREDITOR_API const char* kreditor_version_string(void) { return KREDITOR_VERSION_STRING; }
KREDITOR_API const char* kreditor_last_error(void) { return last_error_text(); }

KREDITOR_API const char* kreditor_status_name(kreditor_status status) {
  switch (status) {
    case KREDITOR_OK: return "ok";
    case KREDITOR_E_INVALID_ARGUMENT: return "invalid_argument";
    case KREDITOR_E_OUT_OF_RANGE: return "out_of_range";
    case KREDITOR_E_OVERFLOW: return "overflow";
    case KREDITOR_E_CURRENCY_MISMATCH: return "currency_mismatch";
    case KREDITOR_E_NOT_FOUND: return "not_found";
    case KREDITOR_E_LEGAL_VIOLATION: return "legal_violation";
    case KREDITOR_E_PRECISION_LOSS: return "precision_loss";
    case KREDITOR_E_CONFLICT: return "conflict";
    case KREDITOR_E_IO: return "io";
    case KREDITOR_E_INTERNAL: return "internal";
    case KREDITOR_E_BUFFER_TOO_SMALL: return "buffer_too_small";
    case KREDITOR_E_NO_MEMORY: return "no_memory";
    default: return "unknown";
  }
}

// ---- dates ------------------------------------------------------------------------------------

KREDITOR_API kreditor_status kreditor_date_from_ymd(int year, int month, int day, kreditor_date* out) {
  return guarded([&] {
    need(out, "kreditor_date_from_ymd", "out");
    *out = from_date(make_date(year, month, day));
    return KREDITOR_OK;
  });
}

KREDITOR_API kreditor_status kreditor_date_to_ymd(kreditor_date d, int* year, int* month, int* day) {
  return guarded([&] {
    const char* fn = "kreditor_date_to_ymd";
    need(year, fn, "year");
    need(month, fn, "month");
    need(day, fn, "day");
    const date x = to_date(d, fn, "d");
    *year = static_cast<int>(x.year());
    *month = static_cast<int>(x.month());
    *day = static_cast<int>(x.day());
    return KREDITOR_OK;
  });
}

KREDITOR_API kreditor_status kreditor_date_parse(const char* s, kreditor_date* out) {
  return guarded([&] {
    const char* fn = "kreditor_date_parse";
    const std::string_view t = text(s, fn, "text");
    need(out, fn, "out");
    *out = from_date(value_of(parse_date(t), fn));
    return KREDITOR_OK;
  });
}

KREDITOR_API kreditor_status kreditor_date_format(kreditor_date d, char* buf, size_t buf_size, size_t* needed) {
  return guarded([&] {
    const char* fn = "kreditor_date_format";
    return out_string(to_string(to_date(d, fn, "d")), buf, buf_size, needed, fn);
  });
}

// ---- money ------------------------------------------------------------------------------------

KREDITOR_API kreditor_status kreditor_currency_minor_units(const char* code, int* out) {
  return guarded([&] {
    const char* fn = "kreditor_currency_minor_units";
    const currency c = to_currency(code, fn, "currency");
    need(out, fn, "out");
    *out = c.minor_units();
    return KREDITOR_OK;
  });
}

KREDITOR_API kreditor_status kreditor_money_parse(const char* s, const char* code, int mode, int64_t* minor_units) {
  return guarded([&] {
    const char* fn = "kreditor_money_parse";
    const std::string_view t = text(s, fn, "text");
    const currency c = to_currency(code, fn, "currency");
    need(minor_units, fn, "minor_units");
    const std::optional<rounding> r =
        mode == KREDITOR_ROUNDING_NONE ? std::nullopt : std::optional<rounding>(to_rounding(mode, fn));
    *minor_units = value_of(money::parse(t, c, r), fn).minor_units();
    return KREDITOR_OK;
  });
}

KREDITOR_API kreditor_status kreditor_money_format(int64_t minor_units, const char* code, char* buf, size_t buf_size,
                                                   size_t* needed) {
  return guarded([&] {
    const char* fn = "kreditor_money_format";
    const currency c = to_currency(code, fn, "currency");
    return out_string(to_string(money(minor_units, c)), buf, buf_size, needed, fn);
  });
}

// ---- terms ------------------------------------------------------------------------------------

KREDITOR_API kreditor_status kreditor_terms_parse(const char* s, kreditor_terms** out) {
  return guarded([&] {
    const char* fn = "kreditor_terms_parse";
    const std::string_view t = text(s, fn, "text");
    need(out, fn, "out");
    *out = new kreditor_terms{value_of(parse_terms(t), fn)};
    return KREDITOR_OK;
  });
}

KREDITOR_API void kreditor_terms_free(kreditor_terms* terms) {
  guarded_void([&] { delete terms; });
}

KREDITOR_API kreditor_status kreditor_terms_format(const kreditor_terms* terms, char* buf, size_t buf_size,
                                                   size_t* needed) {
  return guarded([&] {
    const char* fn = "kreditor_terms_format";
    return out_string(format(need(terms, fn, "terms")->terms), buf, buf_size, needed, fn);
  });
}

KREDITOR_API kreditor_status kreditor_terms_due_date(const kreditor_terms* terms, kreditor_date issued,
                                                     kreditor_date delivered, const char* roll_jurisdiction,
                                                     kreditor_date* out) {
  return guarded([&] {
    const char* fn = "kreditor_terms_due_date";
    need(terms, fn, "terms");
    need(out, fn, "out");
    const invoice_dates dates{.issued = to_date(issued, fn, "issued"),
                              .delivered = to_optional_date(delivered, fn, "delivered")};
    const std::string_view roll = optional_text(roll_jurisdiction);
    const date due = roll.empty() ? due_date(terms->terms, dates)
                                  : due_date(terms->terms, dates,
                                             statutory_deadline_rule(to_jurisdiction(roll_jurisdiction, fn,
                                                                                     "roll_jurisdiction")));
    *out = from_date(due);
    return KREDITOR_OK;
  });
}

// ---- references -------------------------------------------------------------------------------

KREDITOR_API kreditor_status kreditor_reference_check(const char* type, const char* value, int* valid,
                                                      char* reason_buf, size_t reason_size, size_t* needed) {
  return guarded([&] {
    const char* fn = "kreditor_reference_check";
    const reference_type t = to_reference_type(type, fn);
    const std::string_view v = text(value, fn, "value");
    need(valid, fn, "valid");
    const validation checked = validate(t, v);
    *valid = checked.valid ? 1 : 0;
    return out_string(checked.reason, reason_buf, reason_size, needed, fn);
  });
}

KREDITOR_API kreditor_status kreditor_reference_make(const char* type, const char* payload, int with_length_digit,
                                                     char* buf, size_t buf_size, size_t* needed) {
  return guarded([&] {
    const char* fn = "kreditor_reference_make";
    const reference_type t = to_reference_type(type, fn);
    const std::string made = value_of(make_reference(t, text(payload, fn, "payload"), with_length_digit != 0), fn);
    return out_string(made, buf, buf_size, needed, fn);
  });
}

KREDITOR_API kreditor_status kreditor_reference_format(const char* type, const char* value, char* buf,
                                                       size_t buf_size, size_t* needed) {
  return guarded([&] {
    const char* fn = "kreditor_reference_format";
    const reference_type t = to_reference_type(type, fn);
    return out_string(format_reference(t, text(value, fn, "value")), buf, buf_size, needed, fn);
  });
}

// ---- calendars --------------------------------------------------------------------------------

KREDITOR_API kreditor_status kreditor_calendar_new(const char* code, kreditor_calendar** out) {
  return guarded([&] {
    const char* fn = "kreditor_calendar_new";
    const std::string_view c = text(code, fn, "code");
    need(out, fn, "out");
    *out = new kreditor_calendar{value_of(calendar_for(c), fn)};
    return KREDITOR_OK;
  });
}

KREDITOR_API void kreditor_calendar_free(kreditor_calendar* cal) {
  guarded_void([&] { delete cal; });
}

KREDITOR_API kreditor_status kreditor_calendar_is_business_day(const kreditor_calendar* cal, kreditor_date d,
                                                               int* out) {
  return guarded([&] {
    const char* fn = "kreditor_calendar_is_business_day";
    need(cal, fn, "cal");
    need(out, fn, "out");
    *out = cal->cal.is_business_day(to_date(d, fn, "d")) ? 1 : 0;
    return KREDITOR_OK;
  });
}

KREDITOR_API kreditor_status kreditor_calendar_adjust(const kreditor_calendar* cal, kreditor_date d, int convention,
                                                      kreditor_date* out) {
  return guarded([&] {
    const char* fn = "kreditor_calendar_adjust";
    need(cal, fn, "cal");
    need(out, fn, "out");
    if (convention < KREDITOR_BDC_UNADJUSTED || convention > KREDITOR_BDC_MODIFIED_PRECEDING)
      throw_invalid(fn, "convention " + std::to_string(convention) + " is not a KREDITOR_BDC_* value");
    *out = from_date(cal->cal.adjust(to_date(d, fn, "d"), static_cast<business_day_convention>(convention)));
    return KREDITOR_OK;
  });
}

KREDITOR_API kreditor_status kreditor_calendar_advance(const kreditor_calendar* cal, kreditor_date d,
                                                       int business_days, kreditor_date* out) {
  return guarded([&] {
    const char* fn = "kreditor_calendar_advance";
    need(cal, fn, "cal");
    need(out, fn, "out");
    const date from = to_date(d, fn, "d");
    // n business days are at least n calendar days: a result past Boost's years is known at
    // once (calendar::advance would find it out day by day, millions of days later).
    const std::int64_t at_least = static_cast<std::int64_t>(d) + business_days;
    if (at_least < valid_days().first || at_least > valid_days().last)
      throw error(errc::out_of_range, std::string(fn) + ": " + std::to_string(business_days) + " business days from " +
                                          to_string(from) + " leave 1400-01-01..9999-12-31");
    *out = from_date(cal->cal.advance(from, business_days));
    return KREDITOR_OK;
  });
}

// ---- interest ---------------------------------------------------------------------------------

KREDITOR_API kreditor_status kreditor_interest_input_init(kreditor_interest_input* in, size_t size) {
  kreditor_interest_input d = blank<kreditor_interest_input>();
  d.due = KREDITOR_NO_DATE;
  d.end = KREDITOR_NO_DATE;
  d.segment = KREDITOR_SEGMENT_B2B;
  d.first_day = KREDITOR_FIRST_DAY_AFTER_DUE;
  d.rounding = KREDITOR_ROUNDING_HALF_UP;
  return init_struct(in, size, d, "kreditor_interest_input_init");
}

KREDITOR_API kreditor_status kreditor_interest_result_init(kreditor_interest_result* out, size_t size) {
  return init_struct(out, size, blank<kreditor_interest_result>(), "kreditor_interest_result_init");
}

KREDITOR_API kreditor_status kreditor_late_interest(const kreditor_interest_input* in, kreditor_interest_result* out) {
  return guarded([&] {
    const char* fn = "kreditor_late_interest";
    const kreditor_interest_input& x = in_struct(in, fn, "in");
    in_struct<kreditor_interest_result>(out, fn, "out");
    const currency c = to_currency(x.currency, fn, "in->currency");
    if (x.principal_minor < 0) throw_invalid(fn, "in->principal_minor " + std::to_string(x.principal_minor) + " is negative");
    const jurisdiction j = to_jurisdiction(x.jurisdiction, fn, "in->jurisdiction");
    if (x.segment != KREDITOR_SEGMENT_B2B && x.segment != KREDITOR_SEGMENT_B2C)
      throw_invalid(fn, "in->segment " + std::to_string(x.segment) + " is not a KREDITOR_SEGMENT_* value");
    if (x.first_day != KREDITOR_FIRST_DAY_AFTER_DUE && x.first_day != KREDITOR_FIRST_DAY_DUE_DATE)
      throw_invalid(fn, "in->first_day " + std::to_string(x.first_day) + " is not a KREDITOR_FIRST_DAY_* value");
    const date due = to_date(x.due, fn, "in->due");
    const date end = to_date(x.end, fn, "in->end");
    const std::optional<rate> fixed =
        x.rate != nullptr ? std::optional<rate>(value_of(rate::parse(x.rate), fn)) : std::nullopt;
    const rounding mode = to_rounding(x.rounding, fn);
    // As `kreditor interest`: the statutory table gives the law's day count even when a fixed
    // rate replaces its rates.
    const result<rate_table> statutory = statutory_late_interest(j, static_cast<segment>(x.segment));
    if (!statutory && !fixed)
      throw error(statutory.error().code, std::string(fn) + ": " + statutory.error().message);
    interest_convention conv = statutory ? convention_of(statutory.value()) : interest_convention{};
    conv.start = static_cast<first_interest_day>(x.first_day);
    conv.mode = mode;
    const rate_table rates = fixed ? rate_table::constant(*fixed, "fixed rate") : statutory.value();
    const interest_result r = late_interest(money(x.principal_minor, c), rates, due, end, conv);
    kreditor_interest_result v = blank<kreditor_interest_result>();
    v.interest_minor = r.interest.minor_units();
    v.days = r.days;
    v.period_count = r.periods.size();
    v.uncertain = r.uncertain ? 1 : 0;
    out_struct(out, v, fn, "out");
    return KREDITOR_OK;
  });
}

// ---- policies ---------------------------------------------------------------------------------

KREDITOR_API kreditor_status kreditor_policy_set_new_presets(kreditor_policy_set** out) {
  return guarded([&] {
    need(out, "kreditor_policy_set_new_presets", "out");
    *out = new kreditor_policy_set{policy_set{}};
    return KREDITOR_OK;
  });
}

KREDITOR_API kreditor_status kreditor_policy_set_new_named(const char* name, kreditor_policy_set** out) {
  return guarded([&] {
    const char* fn = "kreditor_policy_set_new_named";
    const std::string n(text(name, fn, "name"));
    need(out, fn, "out");
    *out = new kreditor_policy_set{policy_set::named(n)};
    return KREDITOR_OK;
  });
}

KREDITOR_API kreditor_status kreditor_policy_set_new_json(const char* json, kreditor_policy_set** out) {
  return guarded([&] {
    const char* fn = "kreditor_policy_set_new_json";
    const std::string_view t = text(json, fn, "json");
    need(out, fn, "out");
    *out = new kreditor_policy_set{policy_set(value_of(parse_policy_json(t), fn))};
    return KREDITOR_OK;
  });
}

KREDITOR_API void kreditor_policy_set_free(kreditor_policy_set* policies) {
  guarded_void([&] { delete policies; });
}

KREDITOR_API kreditor_status kreditor_policy_set_label(const kreditor_policy_set* policies, char* buf,
                                                       size_t buf_size, size_t* needed) {
  return guarded([&] {
    const char* fn = "kreditor_policy_set_label";
    return out_string(need(policies, fn, "policies")->policies.label(), buf, buf_size, needed, fn);
  });
}

KREDITOR_API const char* kreditor_policy_preset_name(size_t index) {
  try {
    // Copies with their NULs, made once (thread-safe) and kept for the program's life.
    static const std::vector<std::string> names = [] {
      std::vector<std::string> v;
      for (const std::string_view n : dunning::preset_names()) v.emplace_back(n);
      return v;
    }();
    return index < names.size() ? names[index].c_str() : nullptr;
  } catch (...) {
    return nullptr;
  }
}

}  // extern "C"
