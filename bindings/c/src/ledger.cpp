// The C ABI's ledger: loaded from a directory or filled record by record by the host. Each
// record is checked as the loader checks a CSV row (ids unique, customers and invoices known,
// amounts positive, terms readable), so the book sees the same ledger either way.
#include <algorithm>
#include <array>
#include <string>

#include "c_api.hpp"
#include "kreditor/exposure/credit_account.hpp"
#include "kreditor/terms/notation.hpp"

using namespace kreditor;
using namespace kreditor::c_api;

static_assert(KREDITOR_EVENT_DISPUTE_OPENED == static_cast<int>(ledger_event_kind::dispute_opened));
static_assert(KREDITOR_EVENT_DISPUTE_RESOLVED == static_cast<int>(ledger_event_kind::dispute_resolved));
static_assert(KREDITOR_EVENT_PROMISE_TO_PAY == static_cast<int>(ledger_event_kind::promise_to_pay));
static_assert(KREDITOR_EVENT_PAYMENT_PLAN == static_cast<int>(ledger_event_kind::payment_plan));
static_assert(KREDITOR_EVENT_WRITE_OFF == static_cast<int>(ledger_event_kind::write_off));
static_assert(KREDITOR_EVENT_HOLD == static_cast<int>(ledger_event_kind::hold));
static_assert(KREDITOR_EVENT_RELEASE == static_cast<int>(ledger_event_kind::release));
static_assert(KREDITOR_EVENT_NOTICE_SENT == static_cast<int>(ledger_event_kind::notice_sent));
static_assert(KREDITOR_EVENT_DEBT_ACKNOWLEDGMENT == static_cast<int>(ledger_event_kind::debt_acknowledgment));
static_assert(KREDITOR_SECURITY_GUARANTEE == static_cast<int>(security_kind::guarantee));
static_assert(KREDITOR_SECURITY_PLEDGE == static_cast<int>(security_kind::pledge));
static_assert(KREDITOR_SECURITY_CREDIT_INSURANCE == static_cast<int>(security_kind::credit_insurance));

namespace {

kreditor_ledger::ids& ids_of(kreditor_ledger& l) {
  if (!l.index) {
    kreditor_ledger::ids x;
    const ledger& r = l.records;
    for (std::size_t i = 0; i < r.customers.size(); ++i)
      x.customers.emplace(r.customers[i].customer_id, static_cast<std::uint32_t>(i));
    for (std::size_t i = 0; i < r.invoices.size(); ++i)
      x.invoices.emplace(r.invoices[i].invoice_id, static_cast<std::uint32_t>(i));
    for (const payment_record& p : r.payments) x.payments.insert(p.payment_id);
    for (const order_record& o : r.orders) x.orders.insert(o.order_id);
    for (const security_record& s : r.securities) x.securities.insert(s.security_id);
    l.index = std::move(x);
  }
  return *l.index;
}

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

/// A required, non-empty id.
std::string id_of(const char* s, const char* fn, const char* name) {
  const std::string_view t = text(s, fn, name);
  if (t.empty()) throw_invalid(fn, std::string(name) + " is empty");
  return std::string(t);
}

/// The customer an id names, with its index.
std::uint32_t customer_of(kreditor_ledger& l, const char* id, const char* fn, const char* name) {
  const std::string c = id_of(id, fn, name);
  const auto& customers = ids_of(l).customers;
  const auto it = customers.find(c);
  if (it == customers.end())
    throw error(errc::not_found, std::string(fn) + ": " + name + ": unknown customer " + quoted(c) +
                                     " (add it with kreditor_ledger_add_customer first)");
  return it->second;
}

/// The invoice (not a credit note) an id names, which must be customer `customer`'s.
std::uint32_t invoice_of(kreditor_ledger& l, std::string_view id, std::uint32_t customer, const char* fn,
                         const char* name) {
  const auto& invoices = ids_of(l).invoices;
  const auto it = invoices.find(std::string(id));
  if (it == invoices.end())
    throw error(errc::not_found, std::string(fn) + ": " + name + ": unknown invoice " + quoted(id) +
                                     " (add it with kreditor_ledger_add_invoice first)");
  const invoice_record& inv = l.records.invoices[it->second];
  if (!inv.credit_of.empty())
    throw error(errc::conflict, std::string(fn) + ": " + name + ": " + quoted(id) + " is a credit note, not an invoice");
  if (inv.customer_index != customer)
    throw error(errc::conflict, std::string(fn) + ": " + name + ": invoice " + quoted(id) + " is customer " +
                                    quoted(inv.customer_id) + "'s, not " +
                                    quoted(l.records.customers[customer].customer_id) + "'s");
  return it->second;
}

money positive(int64_t minor, currency c, const char* fn, const char* name) {
  if (minor <= 0) throw_invalid(fn, std::string(name) + " " + std::to_string(minor) + " is not positive");
  return money(minor, c);
}

std::optional<date> not_before(kreditor_date d, date earlier, const char* fn, const char* name,
                               const char* earlier_name) {
  const std::optional<date> x = to_optional_date(d, fn, name);
  if (x && *x < earlier)
    throw_invalid(fn, std::string(name) + " " + to_string(*x) + " is before " + earlier_name + " " + to_string(earlier));
  return x;
}

void check_terms(std::string_view terms, const char* fn, const char* name) {
  const result<payment_terms> t = parse_terms(terms);
  if (!t) throw error(t.error().code, std::string(fn) + ": " + name + ": " + t.error().message);
}

int ordinal(std::size_t count) { return static_cast<int>(std::min<std::size_t>(count + 1, INT32_MAX)); }

/// A unique id among `seen`, or error(conflict).
void unique(std::unordered_set<std::string>& seen, const std::string& id, const char* fn, const char* what) {
  if (!seen.insert(id).second) throw error(errc::conflict, std::string(fn) + ": duplicate " + what + " " + quoted(id));
}

}  // namespace

extern "C" {

// ---- init -------------------------------------------------------------------------------------

KREDITOR_API kreditor_status kreditor_customer_init(kreditor_customer* c, size_t size) {
  kreditor_customer d = blank<kreditor_customer>();
  d.segment = KREDITOR_SEGMENT_B2B;
  d.credit_limit_expires = KREDITOR_NO_DATE;
  return init_struct(c, size, d, "kreditor_customer_init");
}
KREDITOR_API kreditor_status kreditor_invoice_init(kreditor_invoice* i, size_t size) {
  kreditor_invoice d = blank<kreditor_invoice>();
  d.issue_date = KREDITOR_NO_DATE;
  d.due_date = KREDITOR_NO_DATE;
  return init_struct(i, size, d, "kreditor_invoice_init");
}
KREDITOR_API kreditor_status kreditor_credit_note_init(kreditor_credit_note* n, size_t size) {
  kreditor_credit_note d = blank<kreditor_credit_note>();
  d.issue_date = KREDITOR_NO_DATE;
  return init_struct(n, size, d, "kreditor_credit_note_init");
}
KREDITOR_API kreditor_status kreditor_payment_init(kreditor_payment* p, size_t size) {
  kreditor_payment d = blank<kreditor_payment>();
  d.date_paid = KREDITOR_NO_DATE;
  return init_struct(p, size, d, "kreditor_payment_init");
}
KREDITOR_API kreditor_status kreditor_event_init(kreditor_event* e, size_t size) {
  kreditor_event d = blank<kreditor_event>();
  d.kind = KREDITOR_EVENT_NOTICE_SENT;
  d.on = KREDITOR_NO_DATE;
  d.until = KREDITOR_NO_DATE;
  d.first_due = KREDITOR_NO_DATE;
  d.deadline = KREDITOR_NO_DATE;
  return init_struct(e, size, d, "kreditor_event_init");
}
KREDITOR_API kreditor_status kreditor_notice_init(kreditor_notice* n, size_t size) {
  kreditor_notice d = blank<kreditor_notice>();
  d.sent = KREDITOR_NO_DATE;
  d.deadline = KREDITOR_NO_DATE;
  return init_struct(n, size, d, "kreditor_notice_init");
}
KREDITOR_API kreditor_status kreditor_order_init(kreditor_order* o, size_t size) {
  kreditor_order d = blank<kreditor_order>();
  d.ordered = KREDITOR_NO_DATE;
  d.delivered = KREDITOR_NO_DATE;
  d.cancelled = KREDITOR_NO_DATE;
  return init_struct(o, size, d, "kreditor_order_init");
}
KREDITOR_API kreditor_status kreditor_security_init(kreditor_security* s, size_t size) {
  kreditor_security d = blank<kreditor_security>();
  d.kind = KREDITOR_SECURITY_GUARANTEE;
  d.expires = KREDITOR_NO_DATE;
  return init_struct(s, size, d, "kreditor_security_init");
}

// ---- the handle -------------------------------------------------------------------------------

KREDITOR_API kreditor_status kreditor_ledger_new(kreditor_ledger** out) {
  return guarded([&] {
    need(out, "kreditor_ledger_new", "out");
    *out = new kreditor_ledger{};
    return KREDITOR_OK;
  });
}

KREDITOR_API kreditor_status kreditor_ledger_load(const char* path, kreditor_ledger** out) {
  return guarded([&] {
    const char* fn = "kreditor_ledger_load";
    const std::string_view p = text(path, fn, "path");
    need(out, fn, "out");
    result<ledger> l = load_ledger(p);
    if (!l) throw error(l.error().code, std::string(fn) + ": " + l.error().message);
    *out = new kreditor_ledger{.records = std::move(l).value(), .notices = {}, .index = std::nullopt};
    return KREDITOR_OK;
  });
}

KREDITOR_API void kreditor_ledger_free(kreditor_ledger* ledger) {
  guarded_void([&] { delete ledger; });
}

KREDITOR_API kreditor_status kreditor_ledger_as_of(const kreditor_ledger* ledger, kreditor_date* out) {
  return guarded([&] {
    const char* fn = "kreditor_ledger_as_of";
    need(ledger, fn, "ledger");
    need(out, fn, "out");
    *out = from_optional_date(ledger->records.as_of);
    return KREDITOR_OK;
  });
}

// ---- records ----------------------------------------------------------------------------------

KREDITOR_API kreditor_status kreditor_ledger_add_customer(kreditor_ledger* ledger, const kreditor_customer* c) {
  return guarded([&] {
    const char* fn = "kreditor_ledger_add_customer";
    kreditor_ledger& l = *need(ledger, fn, "ledger");
    const kreditor_customer& x = in_struct(c, fn, "customer");
    customer_record r;
    r.customer_id = id_of(x.customer_id, fn, "customer_id");
    r.name = std::string(optional_text(x.name));
    r.country = id_of(x.country, fn, "country");
    if (x.segment != KREDITOR_SEGMENT_B2B && x.segment != KREDITOR_SEGMENT_B2C)
      throw_invalid(fn, "segment " + std::to_string(x.segment) + " is not a KREDITOR_SEGMENT_* value");
    r.segment = static_cast<segment>(x.segment);
    r.currency = to_currency(x.currency, fn, "currency");
    if (x.credit_limit_minor < 0)
      throw_invalid(fn, "credit_limit_minor " + std::to_string(x.credit_limit_minor) + " is negative");
    r.credit_limit = money(x.credit_limit_minor, r.currency);
    r.credit_limit_expires = to_optional_date(x.credit_limit_expires, fn, "credit_limit_expires");
    r.terms = id_of(x.terms, fn, "terms");
    check_terms(r.terms, fn, "terms");
    r.org_number = std::string(optional_text(x.org_number));
    r.email = std::string(optional_text(x.email));
    r.account_manager = std::string(optional_text(x.account_manager));
    static constexpr std::array<std::string_view, 3> known{"on_hold", "cash_only", "in_collection"};
    std::string_view rest = optional_text(x.flags);
    while (!rest.empty()) {
      const std::size_t cut = rest.find_first_of("; |");
      const std::string_view flag = rest.substr(0, cut);
      rest = cut == std::string_view::npos ? std::string_view{} : rest.substr(cut + 1);
      if (flag.empty()) continue;
      if (std::find(known.begin(), known.end(), flag) == known.end())
        throw_invalid(fn, "flags: unknown flag " + quoted(flag) + " (known: on_hold, cash_only, in_collection)");
      r.flags.emplace_back(flag);
    }
    r.line = ordinal(l.records.customers.size());
    auto& ids = ids_of(l);
    l.records.customers.reserve(l.records.customers.size() + 1);  // the push_back below cannot throw
    if (!ids.customers.emplace(r.customer_id, static_cast<std::uint32_t>(l.records.customers.size())).second)
      throw error(errc::conflict, std::string(fn) + ": duplicate customer_id " + quoted(r.customer_id));
    l.records.customers.push_back(std::move(r));
    return KREDITOR_OK;
  });
}

KREDITOR_API kreditor_status kreditor_ledger_add_invoice(kreditor_ledger* ledger, const kreditor_invoice* i) {
  return guarded([&] {
    const char* fn = "kreditor_ledger_add_invoice";
    kreditor_ledger& l = *need(ledger, fn, "ledger");
    const kreditor_invoice& x = in_struct(i, fn, "invoice");
    invoice_record r;
    r.invoice_id = id_of(x.invoice_id, fn, "invoice_id");
    r.customer_index = customer_of(l, x.customer_id, fn, "customer_id");
    const customer_record& c = l.records.customers[r.customer_index];
    r.customer_id = c.customer_id;
    r.issue_date = to_date(x.issue_date, fn, "issue_date");
    r.due_date = not_before(x.due_date, r.issue_date, fn, "due_date", "issue_date");
    r.amount = positive(x.amount_minor, c.currency, fn, "amount_minor");
    r.terms = std::string(optional_text(x.terms));
    if (!r.terms.empty()) check_terms(r.terms, fn, "terms");
    r.reference = std::string(optional_text(x.reference));
    r.line = ordinal(l.records.invoices.size());
    auto& ids = ids_of(l);
    if (ids.invoices.contains(r.invoice_id))
      throw error(errc::conflict, std::string(fn) + ": duplicate invoice_id " + quoted(r.invoice_id));
    l.records.invoices.reserve(l.records.invoices.size() + 1);  // the push_back below cannot throw
    ids.invoices.emplace(r.invoice_id, static_cast<std::uint32_t>(l.records.invoices.size()));
    l.records.invoices.push_back(std::move(r));
    return KREDITOR_OK;
  });
}

KREDITOR_API kreditor_status kreditor_ledger_add_credit_note(kreditor_ledger* ledger, const kreditor_credit_note* n) {
  return guarded([&] {
    const char* fn = "kreditor_ledger_add_credit_note";
    kreditor_ledger& l = *need(ledger, fn, "ledger");
    const kreditor_credit_note& x = in_struct(n, fn, "credit_note");
    invoice_record r;
    r.invoice_id = id_of(x.credit_note_id, fn, "credit_note_id");
    r.customer_index = customer_of(l, x.customer_id, fn, "customer_id");
    const customer_record& c = l.records.customers[r.customer_index];
    r.customer_id = c.customer_id;
    r.issue_date = to_date(x.issue_date, fn, "issue_date");
    r.amount = -positive(x.amount_minor, c.currency, fn, "amount_minor");  // a credit note is negative
    r.credit_of = id_of(x.credit_of, fn, "credit_of");
    r.credit_of_index = invoice_of(l, r.credit_of, r.customer_index, fn, "credit_of");
    r.reference = std::string(optional_text(x.reference));
    r.line = ordinal(l.records.invoices.size());
    auto& ids = ids_of(l);
    if (ids.invoices.contains(r.invoice_id))
      throw error(errc::conflict, std::string(fn) + ": duplicate id " + quoted(r.invoice_id) +
                                      " (credit notes share the invoices' ids)");
    l.records.invoices.reserve(l.records.invoices.size() + 1);
    ids.invoices.emplace(r.invoice_id, static_cast<std::uint32_t>(l.records.invoices.size()));
    l.records.invoices.push_back(std::move(r));
    return KREDITOR_OK;
  });
}

KREDITOR_API kreditor_status kreditor_ledger_add_payment(kreditor_ledger* ledger, const kreditor_payment* p) {
  return guarded([&] {
    const char* fn = "kreditor_ledger_add_payment";
    kreditor_ledger& l = *need(ledger, fn, "ledger");
    const kreditor_payment& x = in_struct(p, fn, "payment");
    payment_record r;
    r.payment_id = id_of(x.payment_id, fn, "payment_id");
    r.customer_index = customer_of(l, x.customer_id, fn, "customer_id");
    const customer_record& c = l.records.customers[r.customer_index];
    r.customer_id = c.customer_id;
    r.date_paid = to_date(x.date_paid, fn, "date_paid");
    r.amount = positive(x.amount_minor, c.currency, fn, "amount_minor");
    r.reference = std::string(optional_text(x.reference));
    r.invoice_id = std::string(optional_text(x.invoice_id));
    if (!r.invoice_id.empty()) r.invoice_index = invoice_of(l, r.invoice_id, r.customer_index, fn, "invoice_id");
    r.line = ordinal(l.records.payments.size());
    l.records.payments.reserve(l.records.payments.size() + 1);
    unique(ids_of(l).payments, r.payment_id, fn, "payment_id");
    l.records.payments.push_back(std::move(r));
    return KREDITOR_OK;
  });
}

KREDITOR_API kreditor_status kreditor_ledger_add_event(kreditor_ledger* ledger, const kreditor_event* e) {
  return guarded([&] {
    const char* fn = "kreditor_ledger_add_event";
    kreditor_ledger& l = *need(ledger, fn, "ledger");
    const kreditor_event& x = in_struct(e, fn, "event");
    if (x.kind < KREDITOR_EVENT_DISPUTE_OPENED || x.kind > KREDITOR_EVENT_DEBT_ACKNOWLEDGMENT)
      throw_invalid(fn, "kind " + std::to_string(x.kind) + " is not a KREDITOR_EVENT_* value");
    event_record r;
    r.kind = static_cast<ledger_event_kind>(x.kind);
    const std::string kind(to_string(r.kind));
    r.on = to_date(x.on, fn, "on");
    r.customer_index = customer_of(l, x.customer_id, fn, "customer_id");
    const customer_record& c = l.records.customers[r.customer_index];
    r.customer_id = c.customer_id;
    using enum ledger_event_kind;
    const ledger_event_kind k = r.kind;
    r.invoice_id = std::string(optional_text(x.invoice_id));
    if (!r.invoice_id.empty()) {
      r.invoice_index = invoice_of(l, r.invoice_id, r.customer_index, fn, "invoice_id");
    } else if (k == dispute_opened || k == dispute_resolved || k == write_off || k == notice_sent || k == payment_plan ||
               k == debt_acknowledgment) {
      throw_invalid(fn, "event " + kind + " needs an invoice_id");
    }
    // The typed fields of events.csv's details, each only where it applies (as the loader).
    const auto applies = [&](bool given, bool allowed, const char* field) {
      if (given && !allowed) throw_invalid(fn, std::string(field) + " does not apply to " + kind);
      return given;
    };
    if (applies(x.until != KREDITOR_NO_DATE, k == promise_to_pay || k == hold, "until"))
      r.until = to_date(x.until, fn, "until");
    if (applies(x.amount_minor != 0, k == promise_to_pay || k == payment_plan || k == write_off, "amount_minor"))
      r.amount = positive(x.amount_minor, c.currency, fn, "amount_minor");
    if (applies(x.installments != 0, k == payment_plan, "installments")) {
      if (x.installments < 1 || x.installments > 120)
        throw_invalid(fn, "installments " + std::to_string(x.installments) + " is not a number 1..120");
      r.installments = x.installments;
    }
    if (applies(x.first_due != KREDITOR_NO_DATE, k == payment_plan, "first_due"))
      r.first_due = to_date(x.first_due, fn, "first_due");
    if (applies(x.level != nullptr && *x.level != '\0', k == notice_sent, "level")) r.level = x.level;
    if (applies(x.deadline != KREDITOR_NO_DATE, k == notice_sent, "deadline"))
      r.deadline = to_date(x.deadline, fn, "deadline");
    if (applies(x.fee_minor != 0, k == notice_sent, "fee_minor")) {
      if (x.fee_minor < 0) throw_invalid(fn, "fee_minor " + std::to_string(x.fee_minor) + " is negative");
      r.fee = money(x.fee_minor, c.currency);
    }
    if (k == promise_to_pay && !r.until) throw_invalid(fn, "promise_to_pay needs until");
    if (k == payment_plan && (r.installments == 0 || !r.first_due))
      throw_invalid(fn, "payment_plan needs installments and first_due");
    if (k == notice_sent && r.level.empty()) throw_invalid(fn, "notice_sent needs level (the policy step's name)");
    r.details = std::string(optional_text(x.details));
    r.line = ordinal(l.records.events.size());
    l.records.events.push_back(std::move(r));
    return KREDITOR_OK;
  });
}

KREDITOR_API kreditor_status kreditor_ledger_add_notice(kreditor_ledger* ledger, const kreditor_notice* n) {
  return guarded([&] {
    const char* fn = "kreditor_ledger_add_notice";
    kreditor_ledger& l = *need(ledger, fn, "ledger");
    const kreditor_notice& x = in_struct(n, fn, "notice");
    recorded_notice r;
    r.invoice_id = id_of(x.invoice_id, fn, "invoice_id");
    const auto& invoices = ids_of(l).invoices;
    const auto it = invoices.find(r.invoice_id);
    if (it == invoices.end())
      throw error(errc::not_found, std::string(fn) + ": invoice_id: unknown invoice " + quoted(r.invoice_id));
    const invoice_record& inv = l.records.invoices[it->second];
    r.step = id_of(x.step, fn, "step");
    r.sent = to_date(x.sent, fn, "sent");
    r.deadline = to_optional_date(x.deadline, fn, "deadline");
    if (x.fee_minor < 0) throw_invalid(fn, "fee_minor " + std::to_string(x.fee_minor) + " is negative");
    r.fee = money(x.fee_minor, inv.amount.currency());
    l.notices.push_back(std::move(r));
    return KREDITOR_OK;
  });
}

KREDITOR_API kreditor_status kreditor_ledger_add_order(kreditor_ledger* ledger, const kreditor_order* o) {
  return guarded([&] {
    const char* fn = "kreditor_ledger_add_order";
    kreditor_ledger& l = *need(ledger, fn, "ledger");
    const kreditor_order& x = in_struct(o, fn, "order");
    order_record r;
    r.order_id = id_of(x.order_id, fn, "order_id");
    const std::uint32_t ci = customer_of(l, x.customer_id, fn, "customer_id");
    const customer_record& c = l.records.customers[ci];
    r.customer_id = c.customer_id;
    r.ordered = to_date(x.ordered, fn, "ordered");
    r.amount = positive(x.amount_minor, c.currency, fn, "amount_minor");
    r.delivered = not_before(x.delivered, r.ordered, fn, "delivered", "ordered");
    r.cancelled = not_before(x.cancelled, r.ordered, fn, "cancelled", "ordered");
    r.invoice_id = std::string(optional_text(x.invoice_id));
    if (!r.invoice_id.empty()) invoice_of(l, r.invoice_id, ci, fn, "invoice_id");
    r.line = ordinal(l.records.orders.size());
    l.records.orders.reserve(l.records.orders.size() + 1);
    unique(ids_of(l).orders, r.order_id, fn, "order_id");
    l.records.orders.push_back(std::move(r));
    return KREDITOR_OK;
  });
}

KREDITOR_API kreditor_status kreditor_ledger_add_security(kreditor_ledger* ledger, const kreditor_security* s) {
  return guarded([&] {
    const char* fn = "kreditor_ledger_add_security";
    kreditor_ledger& l = *need(ledger, fn, "ledger");
    const kreditor_security& x = in_struct(s, fn, "security");
    security_record r;
    r.security_id = id_of(x.security_id, fn, "security_id");
    const customer_record& c = l.records.customers[customer_of(l, x.customer_id, fn, "customer_id")];
    r.customer_id = c.customer_id;
    if (x.kind < KREDITOR_SECURITY_GUARANTEE || x.kind > KREDITOR_SECURITY_CREDIT_INSURANCE)
      throw_invalid(fn, "kind " + std::to_string(x.kind) + " is not a KREDITOR_SECURITY_* value");
    r.kind = static_cast<security_kind>(x.kind);
    r.amount = positive(x.amount_minor, c.currency, fn, "amount_minor");
    r.expires = to_optional_date(x.expires, fn, "expires");
    r.reference = std::string(optional_text(x.reference));
    r.line = ordinal(l.records.securities.size());
    l.records.securities.reserve(l.records.securities.size() + 1);
    unique(ids_of(l).securities, r.security_id, fn, "security_id");
    l.records.securities.push_back(std::move(r));
    return KREDITOR_OK;
  });
}

}  // extern "C"
