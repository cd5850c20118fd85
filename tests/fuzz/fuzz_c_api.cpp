// libFuzzer: the C ABI (bindings/c, kreditor/kreditor.h) through its entry points that read
// text: dates, money, terms, references, calendars, policy JSON, model JSON, the scoring
// inputs, late interest, and a ledger built from text fields and run. The first byte picks the
// entry point; the rest is its text arguments, separated by NUL (C strings cannot hold one).
// Properties (the header's conventions): no crash and nothing thrown through the ABI; every
// status is one the header documents, and never KREDITOR_E_INTERNAL ("a bug in kreditor");
// kreditor_last_error() is "" after success and a message after a failure; out parameters are
// written only on success; what parses formats and parses back to the same value.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "kreditor/kreditor.h"

namespace {

[[noreturn]] void broken(const char* what, kreditor_status s) {
  std::fprintf(stderr, "fuzz_c_api: %s (status %d %s, last error '%s')\n", what, s, kreditor_status_name(s),
               kreditor_last_error());
  std::abort();
}

/// Checks the conventions every call that returns a status keeps; returns s == KREDITOR_OK.
bool ok(kreditor_status s) {
  const bool documented = s == KREDITOR_OK || (s <= KREDITOR_E_INVALID_ARGUMENT && s >= KREDITOR_E_IO) ||
                          s == KREDITOR_E_BUFFER_TOO_SMALL || s == KREDITOR_E_NO_MEMORY;
  if (!documented) broken("a status outside the documented set (or KREDITOR_E_INTERNAL)", s);
  const char* message = kreditor_last_error();
  if (message == nullptr) broken("kreditor_last_error() is NULL", s);
  if ((s == KREDITOR_OK) != (message[0] == '\0')) broken("last error does not match the status", s);
  if (std::strcmp(kreditor_status_name(s), "unknown") == 0) broken("a status without a name", s);
  return s == KREDITOR_OK;
}

/// The text arguments: the input split at NUL (missing ones are "").
struct fields {
  std::vector<std::string> parts;
  fields(const std::uint8_t* data, std::size_t size) {
    std::string_view rest(reinterpret_cast<const char*>(data), size);
    for (;;) {
      const std::size_t cut = rest.find('\0');
      parts.emplace_back(rest.substr(0, cut));
      if (cut == std::string_view::npos) break;
      rest.remove_prefix(cut + 1);
    }
  }
  const char* operator[](std::size_t i) const { return i < parts.size() ? parts[i].c_str() : ""; }
  /// NULL for a missing or empty argument (the optional ones).
  const char* optional(std::size_t i) const { return i < parts.size() && !parts[i].empty() ? parts[i].c_str() : nullptr; }
  /// A number from its text (0 when it does not read), within [lo, hi].
  long long number(std::size_t i, long long lo, long long hi) const {
    const long long v = std::strtoll((*this)[i], nullptr, 10);
    return v < lo ? lo : v > hi ? hi : v;
  }
};

/// A date from text: kreditor_date_parse, or KREDITOR_NO_DATE when it does not read.
kreditor_date date_of(const char* text) {
  kreditor_date d = KREDITOR_NO_DATE;
  if (!ok(kreditor_date_parse(text, &d))) return KREDITOR_NO_DATE;
  return d;
}

/// Formats through a caller buffer twice: too small (size query), then big enough.
std::string formatted(kreditor_status (*format)(char*, std::size_t, std::size_t*)) {
  std::size_t needed = 0;
  const kreditor_status s = format(nullptr, 0, &needed);
  (void)ok(s);
  if (s != KREDITOR_E_BUFFER_TOO_SMALL) broken("a size query did not answer buffer_too_small", s);
  if (needed == 0) broken("a size query asked for 0 bytes", s);
  std::string buf(needed, 'x');
  std::size_t again = 0;
  if (!ok(format(buf.data(), buf.size(), &again))) broken("a format failed with the size it asked for", -1);
  if (again != needed || buf[needed - 1] != '\0' || std::strlen(buf.c_str()) + 1 != needed)
    broken("a format wrote another length than it asked for", -1);
  return std::string(buf.c_str());
}

void dates(const fields& f) {
  kreditor_date d = 12345;
  if (!ok(kreditor_date_parse(f[0], &d))) {
    if (d != 12345) broken("kreditor_date_parse wrote its out parameter on failure", -1);
    return;
  }
  int y = 0, m = 0, day = 0;
  if (!ok(kreditor_date_to_ymd(d, &y, &m, &day))) broken("a parsed date has no y-m-d", -1);
  kreditor_date back = 0;
  if (!ok(kreditor_date_from_ymd(y, m, day, &back)) || back != d) broken("y-m-d does not read back", -1);
  static kreditor_date current;
  current = d;
  const std::string text = formatted([](char* b, std::size_t n, std::size_t* need) {
    return kreditor_date_format(current, b, n, need);
  });
  if (date_of(text.c_str()) != d) broken("a formatted date does not parse back", -1);
}

void amounts(const fields& f, std::uint8_t mode) {
  int minor_units = -1;
  (void)ok(kreditor_currency_minor_units(f[1], &minor_units));
  const int rounding = static_cast<int>(mode % 9) - 1;  // NONE, HALF_UP .. CEILING, and 7: not a mode
  std::int64_t m = 42;
  if (!ok(kreditor_money_parse(f[0], f[1], rounding, &m))) {
    if (m != 42) broken("kreditor_money_parse wrote its out parameter on failure", -1);
    return;
  }
  static std::int64_t amount;
  static std::string code;
  amount = m;
  code = f[1];
  const std::string text = formatted([](char* b, std::size_t n, std::size_t* need) {
    return kreditor_money_format(amount, code.c_str(), b, n, need);
  });
  std::int64_t back = 0;
  if (!ok(kreditor_money_parse(text.c_str(), f[1], KREDITOR_ROUNDING_NONE, &back)) || back != m)
    broken("a formatted amount does not parse back", -1);
}

void terms(const fields& f) {
  kreditor_terms* t = nullptr;
  if (!ok(kreditor_terms_parse(f[0], &t))) {
    if (t != nullptr) broken("kreditor_terms_parse wrote its out parameter on failure", -1);
    return;
  }
  static const kreditor_terms* current;
  current = t;
  const std::string canonical = formatted([](char* b, std::size_t n, std::size_t* need) {
    return kreditor_terms_format(current, b, n, need);
  });
  kreditor_terms* back = nullptr;
  if (!ok(kreditor_terms_parse(canonical.c_str(), &back))) broken("canonical terms do not parse back", -1);
  current = back;
  if (formatted([](char* b, std::size_t n, std::size_t* need) { return kreditor_terms_format(current, b, n, need); }) !=
      canonical)
    broken("terms do not format the same after a round trip", -1);
  kreditor_terms_free(back);
  kreditor_date due = 0;
  (void)ok(kreditor_terms_due_date(t, date_of(f[1]), date_of(f[2]), f.optional(3), &due));
  kreditor_terms_free(t);
}

void references(const fields& f, std::uint8_t with_length) {
  int valid = -1;
  char reason[8];
  std::size_t needed = 0;
  (void)ok(kreditor_reference_check(f[0], f[1], &valid, reason, sizeof reason, &needed));
  char buf[64];
  (void)ok(kreditor_reference_make(f[0], f[1], with_length & 1, buf, sizeof buf, &needed));
  (void)ok(kreditor_reference_format(f[0], f[1], buf, sizeof buf, &needed));
}

void calendars(const fields& f) {
  kreditor_calendar* cal = nullptr;
  if (!ok(kreditor_calendar_new(f[0], &cal))) return;
  const kreditor_date d = date_of(f[1]);
  const int convention = static_cast<int>(f.number(2, -1, 5));
  const int n = static_cast<int>(f.number(3, -100000, 100000));
  int business = 0;
  kreditor_date out = 0;
  (void)ok(kreditor_calendar_is_business_day(cal, d, &business));
  (void)ok(kreditor_calendar_adjust(cal, d, convention, &out));
  (void)ok(kreditor_calendar_advance(cal, d, n, &out));
  kreditor_calendar_free(cal);
}

void policies(const fields& f) {
  kreditor_policy_set* p = nullptr;
  if (ok(kreditor_policy_set_new_json(f[0], &p))) {
    char label[16];
    std::size_t needed = 0;
    (void)ok(kreditor_policy_set_label(p, label, sizeof label, &needed));
  }
  kreditor_policy_set_free(p);
  kreditor_policy_set* named = nullptr;
  (void)ok(kreditor_policy_set_new_named(f[0], &named));
  kreditor_policy_set_free(named);
}

void models(const fields& f) {
  kreditor_model* model = nullptr;
  if (!ok(kreditor_model_new_json(f[0], &model))) return;
  std::size_t count = 0;
  if (!ok(kreditor_model_feature_count(model, &count))) broken("a model without a feature count", -1);
  char name[32];
  std::size_t needed = 0;
  for (std::size_t j = 0; j < count && j < 64; ++j) (void)ok(kreditor_model_feature_name(model, j, name, sizeof name, &needed));
  const std::vector<double> x(count < 4096 ? count : 4096, 0.5);
  double pd = -1;
  if (count < 4096 && ok(kreditor_model_score(model, x.empty() ? nullptr : x.data(), count, &pd)) && !(pd >= 0 && pd <= 1))
    broken("a probability of default outside [0, 1]", -1);
  kreditor_model_free(model);
}

void recommendation(const fields& f) {
  kreditor_recommend_input in;
  if (!ok(kreditor_recommend_input_init(&in, sizeof in))) broken("kreditor_recommend_input_init", -1);
  in.financials_json = f[0];
  in.credit_checks_json = f.optional(1);
  in.customer_id = f.optional(2);
  in.policy_json = f.optional(3);
  in.expected_purchases_minor = f.number(4, 0, INT64_MAX);
  kreditor_recommendation* rec = nullptr;
  if (!ok(kreditor_recommend(&in, &rec))) return;
  kreditor_recommendation_summary s;
  (void)ok(kreditor_recommendation_summary_init(&s, sizeof s));
  if (!ok(kreditor_recommendation_get(rec, &s))) broken("a recommendation without a summary", -1);
  for (std::size_t k = 0; k < s.reason_count; ++k) {
    const char* code = nullptr;
    const char* text = nullptr;
    (void)ok(kreditor_recommendation_reason(rec, k, &code, &text));
  }
  kreditor_recommendation_free(rec);
}

void interest(const fields& f, std::uint8_t mode) {
  kreditor_interest_input in;
  kreditor_interest_result out;
  (void)ok(kreditor_interest_input_init(&in, sizeof in));
  (void)ok(kreditor_interest_result_init(&out, sizeof out));
  in.currency = f[0];
  in.jurisdiction = f[1];
  in.rate = f.optional(2);
  in.principal_minor = f.number(3, INT64_MIN, INT64_MAX);
  in.due = date_of(f[4]);
  in.end = date_of(f[5]);
  in.segment = mode & 1;
  in.first_day = (mode >> 1) & 1;
  in.rounding = static_cast<int>((mode >> 2) % 9) - 1;
  if (ok(kreditor_late_interest(&in, &out)) && (out.days < 0 || out.interest_minor < 0))
    broken("negative late interest or days", -1);
}

/// A ledger of one customer and one invoice (fields: country, currency, customer terms, flags,
/// invoice terms, issue date, due date, amount, a notice's step and sent date, a policy name),
/// run as of a date, and everything it reports read back.
void ledger_run(const fields& f, std::uint8_t mode) {
  kreditor_ledger* l = nullptr;
  if (!ok(kreditor_ledger_new(&l))) broken("kreditor_ledger_new", -1);
  kreditor_customer c;
  (void)ok(kreditor_customer_init(&c, sizeof c));
  c.customer_id = "C1";
  c.country = f[0];
  c.currency = f[1];
  c.terms = f[2];
  c.flags = f[3];
  c.segment = mode & 1;
  c.credit_limit_minor = 1'000'000;
  if (ok(kreditor_ledger_add_customer(l, &c))) {
    kreditor_invoice i;
    (void)ok(kreditor_invoice_init(&i, sizeof i));
    i.invoice_id = "I1";
    i.customer_id = "C1";
    i.terms = f.optional(4);
    i.issue_date = date_of(f[5]);
    i.due_date = date_of(f[6]);
    i.amount_minor = f.number(7, INT64_MIN, INT64_MAX);
    if (ok(kreditor_ledger_add_invoice(l, &i))) {
      kreditor_notice n;
      (void)ok(kreditor_notice_init(&n, sizeof n));
      n.invoice_id = "I1";
      n.step = f[8];
      n.sent = date_of(f[9]);
      n.fee_minor = (mode & 2) ? 3500 : 0;
      (void)ok(kreditor_ledger_add_notice(l, &n));
    }
  }
  kreditor_policy_set* p = nullptr;
  if (f.optional(10) != nullptr) (void)ok(kreditor_policy_set_new_named(f[10], &p));
  kreditor_report* r = nullptr;
  if (ok(kreditor_report_make(l, date_of(f[11]), p, &r))) {
    std::size_t lines = 0, commands = 0, customers = 0;
    (void)ok(kreditor_report_line_count(r, &lines));
    for (std::size_t k = 0; k < lines; ++k) {
      kreditor_line line;
      (void)ok(kreditor_line_init(&line, sizeof line));
      if (!ok(kreditor_report_line(r, k, &line))) broken("a line the report counts does not read", -1);
    }
    (void)ok(kreditor_report_command_count(r, &commands));
    for (std::size_t k = 0; k < commands; ++k) {
      kreditor_command cmd;
      (void)ok(kreditor_command_init(&cmd, sizeof cmd));
      if (!ok(kreditor_report_command(r, k, &cmd))) broken("a command the report counts does not read", -1);
    }
    (void)ok(kreditor_report_customer_count(r, &customers));
    for (std::size_t k = 0; k < customers; ++k) {
      kreditor_customer_summary s;
      (void)ok(kreditor_customer_summary_init(&s, sizeof s));
      if (!ok(kreditor_report_customer(r, k, &s))) broken("a customer the report counts does not read", -1);
    }
    kreditor_aging* a = nullptr;
    if (ok(kreditor_report_aging(r, (mode >> 2) & 1, nullptr, 0, &a))) kreditor_aging_free(a);
    kreditor_report_free(r);
  }
  kreditor_policy_set_free(p);
  kreditor_ledger_free(l);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const std::uint8_t pick = data[0];
  const std::uint8_t mode = data[1];
  const fields f(data + 2, size - 2);
  switch (pick % 10) {
    case 0: dates(f); break;
    case 1: amounts(f, mode); break;
    case 2: terms(f); break;
    case 3: references(f, mode); break;
    case 4: calendars(f); break;
    case 5: policies(f); break;
    case 6: models(f); break;
    case 7: recommendation(f); break;
    case 8: interest(f, mode); break;
    default: ledger_run(f, mode); break;
  }
  return 0;
}
