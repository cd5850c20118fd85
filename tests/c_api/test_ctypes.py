#!/usr/bin/python3
"""The C ABI from another language: Python's ctypes, standard library only.

    test_ctypes.py LIBKREDITOR_C.so SAMPLE_LEDGER_DIR [KREDITOR_CLI]

1. The daily run of tests/c_api/daily_run.c, from Python: a ledger filled record by record,
   the report, its commands, recording the notice, the rerun.
2. The sample ledger through the C ABI against the command-line tool on the same ledger
   (`kreditor run --format json`, `kreditor exposure --json`, `kreditor aging --json`): every
   command, every customer's flags and exposure, an order release and the aging must agree,
   so the C interface and the CLI cannot drift apart (skipped when no CLI path is given).
3. Scoring: the German Credit model saved by `kreditor fit` through kreditor_model_score_batch (its
   log-likelihood is R's glm logLik), and kreditor_recommend for every sample customer against
   `kreditor score --json` on the same files, with Ohlson's PD and with a model's (given the CLI).
"""
import ctypes as C
import json
import math
import os
import subprocess
import sys

if len(sys.argv) not in (3, 4):
    sys.exit(__doc__)
LIB, LEDGER = sys.argv[1], sys.argv[2]
CLI = sys.argv[3] if len(sys.argv) == 4 and sys.argv[3] else None
k = C.CDLL(LIB)

OK, NO_DATE = 0, -(2**31)
date_t, status_t, size_t, i64, i32 = C.c_int32, C.c_int, C.c_size_t, C.c_int64, C.c_int32
cstr = C.c_char_p


def struct(name, fields):
    return type(name, (C.Structure,), {"_fields_": [("size", size_t)] + fields})


Customer = struct("kreditor_customer", [
    ("customer_id", cstr), ("name", cstr), ("country", cstr), ("segment", C.c_int), ("currency", cstr),
    ("credit_limit_minor", i64), ("credit_limit_expires", date_t), ("terms", cstr), ("org_number", cstr),
    ("email", cstr), ("account_manager", cstr), ("flags", cstr)])
Invoice = struct("kreditor_invoice", [
    ("invoice_id", cstr), ("customer_id", cstr), ("issue_date", date_t), ("due_date", date_t),
    ("amount_minor", i64), ("terms", cstr), ("reference", cstr)])
Payment = struct("kreditor_payment", [
    ("payment_id", cstr), ("customer_id", cstr), ("date_paid", date_t), ("amount_minor", i64),
    ("reference", cstr), ("invoice_id", cstr)])
Notice = struct("kreditor_notice", [
    ("invoice_id", cstr), ("step", cstr), ("sent", date_t), ("deadline", date_t), ("fee_minor", i64)])
# Line and Command keep the layouts of ABI v1's first release on purpose (the header has since
# appended the limitation and cover fields): a host built then must keep working.
Line = struct("kreditor_line", [
    ("invoice_id", cstr), ("customer_id", cstr), ("customer_index", size_t), ("reference", cstr),
    ("currency", C.c_char * 4), ("issue_date", date_t), ("due_date", date_t), ("amount_minor", i64),
    ("problem", cstr), ("state", C.c_int), ("state_name", cstr), ("overlays", C.c_uint), ("level", i32),
    ("last_step", cstr), ("days_past_due", i32), ("open_minor", i64), ("fees_minor", i64),
    ("interest_minor", i64), ("total_due_minor", i64), ("fees_paid_minor", i64),
    ("interest_paid_minor", i64), ("next_action", date_t), ("first_command", size_t), ("command_count", size_t)])
Command = struct("kreditor_command", [
    ("line", size_t), ("invoice_id", cstr), ("customer_id", cstr), ("kind", C.c_int), ("kind_name", cstr),
    ("step", cstr), ("step_index", i32), ("on", date_t), ("deadline", date_t), ("currency", C.c_char * 4),
    ("principal_minor", i64), ("fee_minor", i64), ("fees_minor", i64), ("interest_minor", i64),
    ("total_minor", i64), ("recorded", C.c_int), ("email", cstr), ("account_manager", cstr), ("reference", cstr)])
Summary = struct("kreditor_customer_summary", [
    ("customer_id", cstr), ("name", cstr), ("email", cstr), ("account_manager", cstr), ("currency", C.c_char * 4),
    ("credit_hold", C.c_int), ("cash_terms", C.c_int), ("in_collection", C.c_int), ("over_limit", C.c_int),
    ("credit_limit_minor", i64), ("open_minor", i64), ("overdue_minor", i64), ("unapplied_credit_minor", i64),
    ("receivables_not_due_minor", i64), ("receivables_overdue_minor", i64), ("orders_not_invoiced_minor", i64),
    ("deliveries_not_invoiced_minor", i64), ("set_off_minor", i64), ("security_minor", i64),
    ("exposure_minor", i64), ("max_days_past_due", i32), ("line_count", size_t)])


class Finding(C.Structure):
    _fields_ = [("reason", C.c_int), ("reason_name", cstr), ("amount_minor", i64), ("days", i32)]


class Condition(C.Structure):
    _fields_ = [("kind", C.c_int), ("kind_name", cstr), ("amount_minor", i64)]


InterestInput = struct("kreditor_interest_input", [
    ("principal_minor", i64), ("currency", cstr), ("due", date_t), ("end", date_t), ("jurisdiction", cstr),
    ("segment", C.c_int), ("rate", cstr), ("first_day", C.c_int), ("rounding", C.c_int)])
InterestResult = struct("kreditor_interest_result", [
    ("interest_minor", i64), ("days", i64), ("period_count", size_t), ("uncertain", C.c_int)])
SimulationInput = struct("kreditor_simulation_input", [
    ("amount_minor", i64), ("currency", cstr), ("invoice_date", date_t), ("due", date_t), ("segment", C.c_int),
    ("reminder_fee_agreed", C.c_int), ("jurisdiction", cstr), ("until", date_t)])
TimelineEvent = struct("kreditor_timeline_event", [
    ("on", date_t), ("step_index", i32), ("step", cstr), ("command_count", size_t), ("currency", C.c_char * 4),
    ("fee_minor", i64), ("fees_minor", i64), ("interest_minor", i64), ("deadline", date_t),
    ("total_due_minor", i64), ("state_after", C.c_int), ("state_name", cstr)])
Release = struct("kreditor_release", [
    ("decision", C.c_int), ("decision_name", cstr), ("currency", C.c_char * 4), ("headroom_minor", i64),
    ("finding_count", size_t), ("findings", Finding * 16), ("condition_count", size_t),
    ("conditions", Condition * 8)])

P = C.c_void_p
for name, args in {
    "kreditor_date_from_ymd": [C.c_int, C.c_int, C.c_int, C.POINTER(date_t)],
    "kreditor_date_format": [date_t, C.c_char_p, size_t, C.POINTER(size_t)],
    "kreditor_money_parse": [cstr, cstr, C.c_int, C.POINTER(i64)],
    "kreditor_money_format": [i64, cstr, C.c_char_p, size_t, C.POINTER(size_t)],
    "kreditor_ledger_new": [C.POINTER(P)], "kreditor_ledger_load": [cstr, C.POINTER(P)],
    "kreditor_ledger_as_of": [P, C.POINTER(date_t)],
    "kreditor_customer_init": [C.POINTER(Customer), size_t], "kreditor_ledger_add_customer": [P, C.POINTER(Customer)],
    "kreditor_invoice_init": [C.POINTER(Invoice), size_t], "kreditor_ledger_add_invoice": [P, C.POINTER(Invoice)],
    "kreditor_payment_init": [C.POINTER(Payment), size_t], "kreditor_ledger_add_payment": [P, C.POINTER(Payment)],
    "kreditor_notice_init": [C.POINTER(Notice), size_t], "kreditor_ledger_add_notice": [P, C.POINTER(Notice)],
    "kreditor_report_make": [P, date_t, P, C.POINTER(P)],
    "kreditor_report_line_count": [P, C.POINTER(size_t)], "kreditor_report_line": [P, size_t, C.POINTER(Line)],
    "kreditor_line_init": [C.POINTER(Line), size_t],
    "kreditor_report_command_count": [P, C.POINTER(size_t)],
    "kreditor_report_command": [P, size_t, C.POINTER(Command)], "kreditor_command_init": [C.POINTER(Command), size_t],
    "kreditor_report_customer_count": [P, C.POINTER(size_t)],
    "kreditor_report_customer": [P, size_t, C.POINTER(Summary)],
    "kreditor_customer_summary_init": [C.POINTER(Summary), size_t],
    "kreditor_report_find_customer": [P, cstr, C.POINTER(size_t)],
    "kreditor_release_init": [C.POINTER(Release), size_t],
    "kreditor_report_order_release": [P, size_t, i64, i32, C.POINTER(Release)],
    "kreditor_report_aging": [P, C.c_int, C.POINTER(i32), size_t, C.POINTER(P)],
    "kreditor_aging_bucket_count": [P, C.POINTER(size_t)], "kreditor_aging_label": [P, size_t, C.POINTER(cstr)],
    "kreditor_aging_customer": [P, size_t, C.POINTER(i64), size_t, C.POINTER(i64), C.POINTER(size_t)],
    "kreditor_policy_set_new_named": [cstr, C.POINTER(P)],
    "kreditor_terms_parse": [cstr, C.POINTER(P)], "kreditor_terms_format": [P, C.c_char_p, size_t, C.POINTER(size_t)],
    "kreditor_terms_due_date": [P, date_t, date_t, cstr, C.POINTER(date_t)],
    "kreditor_date_parse": [cstr, C.POINTER(date_t)],
    "kreditor_interest_input_init": [C.POINTER(InterestInput), size_t],
    "kreditor_interest_result_init": [C.POINTER(InterestResult), size_t],
    "kreditor_late_interest": [C.POINTER(InterestInput), C.POINTER(InterestResult)],
    "kreditor_reference_check": [cstr, cstr, C.POINTER(C.c_int), C.c_char_p, size_t, C.POINTER(size_t)],
    "kreditor_reference_make": [cstr, cstr, C.c_int, C.c_char_p, size_t, C.POINTER(size_t)],
    "kreditor_reference_format": [cstr, cstr, C.c_char_p, size_t, C.POINTER(size_t)],
    "kreditor_simulation_input_init": [C.POINTER(SimulationInput), size_t],
    "kreditor_timeline_event_init": [C.POINTER(TimelineEvent), size_t],
    "kreditor_simulate": [P, C.POINTER(SimulationInput), C.POINTER(P)],
    "kreditor_timeline_count": [P, C.POINTER(size_t)],
    "kreditor_timeline_event_at": [P, size_t, C.POINTER(TimelineEvent)],
    "kreditor_timeline_command": [P, size_t, size_t, C.POINTER(Command)],
}.items():
    f = getattr(k, name)
    f.argtypes, f.restype = args, status_t
for name in ("kreditor_ledger_free", "kreditor_report_free", "kreditor_aging_free", "kreditor_policy_set_free",
             "kreditor_timeline_free", "kreditor_terms_free"):
    getattr(k, name).argtypes, getattr(k, name).restype = [P], None
k.kreditor_last_error.restype = cstr
k.kreditor_version_string.restype = cstr


class KreditorError(Exception):
    pass


def ok(status):
    if status != OK:
        raise KreditorError(f"status {status}: {k.kreditor_last_error().decode()}")


def day(y, m, d):
    out = date_t()
    ok(k.kreditor_date_from_ymd(y, m, d, C.byref(out)))
    return out.value


def iso(d):
    buf = C.create_string_buffer(16)
    ok(k.kreditor_date_format(d, buf, 16, None))
    return buf.value.decode()


def amount(minor, currency):
    needed = size_t()
    # A size query first (the caller-buffer convention), then the text.
    assert k.kreditor_money_format(minor, currency.encode(), None, 0, C.byref(needed)) == -100
    buf = C.create_string_buffer(needed.value)
    ok(k.kreditor_money_format(minor, currency.encode(), buf, needed.value, None))
    return buf.value.decode()


def minor(text, currency="NOK"):
    out = i64()
    ok(k.kreditor_money_parse(text.encode(), currency.encode(), -1, C.byref(out)))
    return out.value


def init(cls, fn):
    s = cls()
    ok(fn(C.byref(s), C.sizeof(s)))
    return s


def commands(report):
    n = size_t()
    ok(k.kreditor_report_command_count(report, C.byref(n)))
    out = []
    for i in range(n.value):
        c = init(Command, k.kreditor_command_init)
        ok(k.kreditor_report_command(report, i, C.byref(c)))
        out.append(c)
    return out


def make_report(ledger, as_of):
    report = P()
    ok(k.kreditor_report_make(ledger, as_of, None, C.byref(report)))
    return report


# ---- 1. the daily run, from Python ------------------------------------------------------------
ledger = P()
ok(k.kreditor_ledger_new(C.byref(ledger)))
c = init(Customer, k.kreditor_customer_init)
c.customer_id, c.name, c.country, c.currency = b"C-17", b"Fjordtre Bygg AS", b"NO", b"NOK"
c.credit_limit_minor, c.terms, c.email = minor("20000.00"), b"14 dager netto", b"regnskap@fjordtre.no"
ok(k.kreditor_ledger_add_customer(ledger, C.byref(c)))
for invoice_id, issued, total, kid in [(b"A", day(2026, 9, 1), "1000.00", b"100010013"),
                                       (b"B", day(2026, 11, 10), "500.00", b"100010021"),
                                       (b"C", day(2026, 9, 1), "250.00", b"100010039")]:
    inv = init(Invoice, k.kreditor_invoice_init)
    inv.invoice_id, inv.customer_id, inv.issue_date, inv.amount_minor, inv.reference = (
        invoice_id, b"C-17", issued, minor(total), kid)
    ok(k.kreditor_ledger_add_invoice(ledger, C.byref(inv)))
p = init(Payment, k.kreditor_payment_init)
p.payment_id, p.customer_id, p.date_paid, p.amount_minor, p.reference = (
    b"P-1", b"C-17", day(2026, 9, 10), minor("250.00"), b"100010039")
ok(k.kreditor_ledger_add_payment(ledger, C.byref(p)))

today = day(2026, 11, 20)
report = make_report(ledger, today)
todo = commands(report)
assert [(c.invoice_id, c.kind_name, c.step) for c in todo] == [(b"A", b"send_reminder", b"purring")], todo
purring = todo[0]
assert purring.on == today and purring.deadline >= today + 14
assert purring.principal_minor == minor("1000.00") and purring.fee_minor > 0 and purring.interest_minor > 0
assert purring.total_minor == purring.principal_minor + purring.fees_minor + purring.interest_minor
assert purring.reference == b"100010013" and purring.email == b"regnskap@fjordtre.no"
line = init(Line, k.kreditor_line_init)
ok(k.kreditor_report_line(report, purring.line, C.byref(line)))
assert line.invoice_id == b"A" and line.command_count == 1 and line.first_command == 0
assert line.days_past_due == today - day(2026, 9, 15)
notice = init(Notice, k.kreditor_notice_init)
notice.invoice_id, notice.step, notice.sent = purring.invoice_id, purring.step, purring.on
notice.deadline, notice.fee_minor = purring.deadline, purring.fee_minor
ok(k.kreditor_ledger_add_notice(ledger, C.byref(notice)))
deadline, fee = purring.deadline, purring.fee_minor
k.kreditor_report_free(report)
rerun = make_report(ledger, today)
assert [(c.step, c.recorded) for c in commands(rerun)] == [(b"purring", 1)]
k.kreditor_report_free(rerun)
later = make_report(ledger, deadline + 7)
# A week after the deadline: A's inkassovarsel (and B's purring: B fell due on 11-24).
assert sorted((c.invoice_id, c.kind_name, c.step) for c in commands(later)) == [
    (b"A", b"collection_warning", b"inkassovarsel"), (b"B", b"send_reminder", b"purring")]
warning = [c for c in commands(later) if c.invoice_id == b"A"][0]
assert warning.fees_minor == fee + warning.fee_minor
k.kreditor_report_free(later)
k.kreditor_ledger_free(ledger)

# A failure is a status and a message, not a crash.
bad = P()
assert k.kreditor_ledger_load(b"/nonexistent/ledger", C.byref(bad)) < 0 and bad.value is None
assert k.kreditor_last_error()

# ---- 2. the sample ledger: the C ABI against the CLI -------------------------------------------
sample = P()
ok(k.kreditor_ledger_load(LEDGER.encode(), C.byref(sample)))
as_of = date_t()
ok(k.kreditor_ledger_as_of(sample, C.byref(as_of)))
report = make_report(sample, as_of.value)
compared = {"commands": 0, "customers": 0, "order releases": 0, "aging rows": 0, "simulated days": 0,
            "terms": 0, "interest": 0, "references": 0}
if CLI:
    def cli(*args):
        return json.loads(subprocess.run([CLI, *args, "--ledger", LEDGER], check=True, capture_output=True,
                                         text=True).stdout)

    run = cli("run", "--format", "json", "--quiet")
    assert run["as_of"] == iso(as_of.value)
    want = []
    for cj in run["customers"]:
        for ij in cj["invoices"]:
            for cmd in ij.get("commands", []):
                want.append((ij["invoice_id"], cmd["command"], cmd["step"], cmd["deadline"], cmd["principal"],
                             cmd["fee"], cmd["interest"], cmd["total"], cmd["recorded"], cmd["email"],
                             cmd["account_manager"], cmd["reference"]))
    got = []
    for c in commands(report):
        ccy = c.currency.decode()
        got.append((c.invoice_id.decode(), c.kind_name.decode(), c.step.decode(),
                    iso(c.deadline) if c.deadline != NO_DATE else None, amount(c.principal_minor, ccy),
                    amount(c.fee_minor, ccy), amount(c.interest_minor, ccy), amount(c.total_minor, ccy),
                    bool(c.recorded), c.email.decode(), c.account_manager.decode(), c.reference.decode()))
    assert want, "the sample ledger has commands today"
    assert sorted(got) == sorted(want), f"C ABI {sorted(got)}\n!= CLI {sorted(want)}"
    compared["commands"] += len(want)

    for cj in run["customers"]:
        index = size_t()
        ok(k.kreditor_report_find_customer(report, cj["customer_id"].encode(), C.byref(index)))
        s = init(Summary, k.kreditor_customer_summary_init)
        ok(k.kreditor_report_customer(report, index, C.byref(s)))
        ccy = s.currency.decode()
        assert ccy == cj["currency"]
        assert (bool(s.credit_hold), bool(s.cash_terms), bool(s.over_limit), bool(s.in_collection)) == (
            cj["credit_hold"], cj["cash_terms"], cj["over_limit"], cj["in_collection"]), cj["customer_id"]
        assert amount(s.open_minor, ccy) == cj["open"] and amount(s.overdue_minor, ccy) == cj["overdue"]
        assert amount(s.unapplied_credit_minor, ccy) == cj["unapplied_credit"]
        assert amount(s.exposure_minor, ccy) == cj["exposure"]["total"]
        assert amount(s.set_off_minor, ccy) == cj["exposure"]["set_off"]
        assert amount(s.security_minor, ccy) == cj["exposure"]["security"]
        assert s.line_count == len(cj["invoices"])
        compared["customers"] += 1

        # Order release: the same decision, reasons and headroom as `kreditor exposure`.
        order = "30000.00" if ccy != "JPY" else "30000"
        ex = cli("exposure", "--customer", cj["customer_id"], "--order-amount", order, "--json")
        r = init(Release, k.kreditor_release_init)
        ok(k.kreditor_report_order_release(report, index, minor(order, ccy), 0, C.byref(r)))
        assert r.decision_name.decode() == ex["decision"], (cj["customer_id"], r.decision_name, ex["decision"])
        assert [(f.reason_name.decode(), amount(f.amount_minor, ccy), f.days)
                for f in r.findings[:r.finding_count]] == [
            (f["reason"], f["amount"], f["days"]) for f in ex["findings"]]
        assert [(x.kind_name.decode(), amount(x.amount_minor, ccy)) for x in r.conditions[:r.condition_count]] == [
            (x["kind"], x["amount"]) for x in ex["conditions"]]
        assert amount(r.headroom_minor, ccy) == ex["headroom"]
        compared["order releases"] += 1

    # Aging: the same buckets as `kreditor aging --json`.
    aging_json = cli("aging", "--json")
    aging = P()
    ok(k.kreditor_report_aging(report, 0, None, 0, C.byref(aging)))
    n = size_t()
    ok(k.kreditor_aging_bucket_count(aging, C.byref(n)))
    labels = []
    for b in range(n.value):
        label = cstr()
        ok(k.kreditor_aging_label(aging, b, C.byref(label)))
        labels.append(label.value.decode())
    assert labels == aging_json["labels"], labels
    for row in aging_json["customers"]:
        index = size_t()
        ok(k.kreditor_report_find_customer(report, row["customer_id"].encode(), C.byref(index)))
        buckets, total, items = (i64 * n.value)(), i64(), size_t()
        ok(k.kreditor_aging_customer(aging, index, buckets, n.value, C.byref(total), C.byref(items)))
        assert [amount(b, row["currency"]) for b in buckets] == [b["amount"] for b in row["buckets"]], row
        assert amount(total.value, row["currency"]) == row["total"] and items.value > 0
        compared["aging rows"] += 1
    k.kreditor_aging_free(aging)

    # Simulation: the timeline of `kreditor simulate --policy P` for each national preset.
    for preset, law, ccy in [("NO", "NO", "NOK"), ("SE", "SE", "SEK"), ("DK", "DK", "DKK"), ("FI", "FI", "EUR")]:
        sim = json.loads(subprocess.run(
            [CLI, "simulate", "--policy", preset, "--amount", "10000.00", "--currency", ccy, "--invoice-date",
             "2026-01-02", "--due", "2026-01-16", "--json"], check=True, capture_output=True, text=True).stdout)
        policies, timeline = P(), P()
        ok(k.kreditor_policy_set_new_named(preset.encode(), C.byref(policies)))
        x = init(SimulationInput, k.kreditor_simulation_input_init)
        x.amount_minor, x.currency, x.jurisdiction = minor("10000.00", ccy), ccy.encode(), law.encode()
        x.invoice_date, x.due = day(2026, 1, 2), day(2026, 1, 16)
        ok(k.kreditor_simulate(policies, C.byref(x), C.byref(timeline)))
        n = size_t()
        ok(k.kreditor_timeline_count(timeline, C.byref(n)))
        got = []
        for i in range(n.value):
            e = init(TimelineEvent, k.kreditor_timeline_event_init)
            ok(k.kreditor_timeline_event_at(timeline, i, C.byref(e)))
            names = []
            for j in range(e.command_count):
                cmd = init(Command, k.kreditor_command_init)
                ok(k.kreditor_timeline_command(timeline, i, j, C.byref(cmd)))
                names.append(cmd.kind_name.decode())
            got.append({"date": iso(e.on), "step": e.step.decode(), "commands": names,
                        "fee": amount(e.fee_minor, ccy), "interest": amount(e.interest_minor, ccy),
                        "deadline": iso(e.deadline) if e.deadline != NO_DATE else None,
                        "total_due": amount(e.total_due_minor, ccy)})
        assert got == sim["events"] and got, (preset, got, sim["events"])
        compared["simulated days"] += len(got)
        k.kreditor_timeline_free(timeline)
        k.kreditor_policy_set_free(policies)

if CLI:
    def text_out(fn, *args):
        """A string through the caller-buffer convention: size query, then the text."""
        needed = size_t()
        assert fn(*args, None, 0, C.byref(needed)) == -100
        buf = C.create_string_buffer(needed.value)
        ok(fn(*args, buf, needed.value, None))
        return buf.value.decode()

    def parse_day(text):
        out = date_t()
        ok(k.kreditor_date_parse(text.encode(), C.byref(out)))
        return out.value

    # Terms: the canonical form and the due date of `kreditor terms`, unmoved and by statute.
    for terms_text in ["2/10 net 30", "30 dager netto", "LM+30", "net 10 prox", "14 dagar netto",
                       "50% net 30, 50% net 60"]:
        for law in [None, "NO", "SE", "FI"]:
            args = [CLI, "terms", terms_text, "--invoice-date", "2026-03-27", "--json"]
            if law:
                args += ["--jurisdiction", law]
            want = json.loads(subprocess.run(args, check=True, capture_output=True, text=True).stdout)
            t, due = P(), date_t()
            ok(k.kreditor_terms_parse(terms_text.encode(), C.byref(t)))
            assert text_out(k.kreditor_terms_format, t) == want["canonical"]
            ok(k.kreditor_terms_due_date(t, parse_day("2026-03-27"), NO_DATE, law.encode() if law else None,
                                         C.byref(due)))
            assert iso(due.value) == want["due_date"], (terms_text, law, iso(due.value), want["due_date"])
            k.kreditor_terms_free(t)
            compared["terms"] += 1

    # Late interest: `kreditor interest` for statutory and fixed rates, segments and day counts.
    for amount_text, ccy, law, segment, frm, to, fixed in [
            ("10000.00", "NOK", "NO", "b2b", "2024-12-20", "2025-01-10", None),
            ("2500.00", "SEK", "SE", "b2c", "2023-06-30", "2025-02-01", None),
            ("999.99", "DKK", "DK", "b2b", "2024-02-28", "2024-03-31", None),
            ("12000.00", "EUR", "FI", "b2c", "2022-12-31", "2024-07-01", None),
            ("5000.00", "EUR", "EU", "b2b", "2024-01-15", "2024-11-20", "12.5%")]:
        args = [CLI, "interest", "--amount", amount_text, "--currency", ccy, "--from", frm, "--to", to,
                "--jurisdiction", law, "--segment", segment, "--json"] + (["--rate", fixed] if fixed else [])
        want = json.loads(subprocess.run(args, check=True, capture_output=True, text=True).stdout)
        x = init(InterestInput, k.kreditor_interest_input_init)
        x.principal_minor, x.currency, x.jurisdiction = minor(amount_text, ccy), ccy.encode(), law.encode()
        x.segment, x.due, x.end = (1 if segment == "b2c" else 0), parse_day(frm), parse_day(to)
        x.rate = fixed.encode() if fixed else None
        r = init(InterestResult, k.kreditor_interest_result_init)
        ok(k.kreditor_late_interest(C.byref(x), C.byref(r)))
        assert (amount(r.interest_minor, ccy), r.days, r.period_count, bool(r.uncertain)) == (
            want["interest"], want["days"], len(want["periods"]), want["uncertain"]), (law, want["interest"])
        compared["interest"] += 1

    # References: `kreditor check` and `kreditor make`.
    for ref_type, value in [("kid-mod10", "12344"), ("kid-mod10", "12345"), ("kid-mod11", "12343"),
                            ("ocr", "12351"), ("rf", "RF18539007547034"), ("iban", "NO9386011117947"),
                            ("iban", "NO9386011117948"), ("orgnr-no", "923456783"), ("fi-ref", "1232")]:
        run = subprocess.run([CLI, "check", ref_type, value, "--json"], capture_output=True, text=True)
        want = json.loads(run.stdout)
        valid = C.c_int(-1)
        reason = text_out(lambda *a: k.kreditor_reference_check(ref_type.encode(), value.encode(), C.byref(valid), *a))
        assert bool(valid.value) == want["valid"] and (reason or None) == want["reason"], (ref_type, value, reason)
        if want["valid"]:
            assert text_out(k.kreditor_reference_format, ref_type.encode(), value.encode()) == want["formatted"]
        compared["references"] += 1
    for ref_type, payload in [("kid-mod10", "1234"), ("kid-mod11", "036536"), ("ocr", "123"), ("rf", "539007547034")]:
        want = json.loads(subprocess.run([CLI, "make", ref_type, payload, "--json"], check=True, capture_output=True,
                                         text=True).stdout)
        assert text_out(k.kreditor_reference_make, ref_type.encode(), payload.encode(), 0) == want["reference"]
        compared["references"] += 1

# ---- 3. scoring -------------------------------------------------------------------------------
RecommendInput = struct("kreditor_recommend_input", [
    ("financials_json", cstr), ("credit_checks_json", cstr), ("customer_id", cstr), ("model", P),
    ("policy_json", cstr), ("expected_purchases_minor", i64)])
RecommendationSummary = struct("kreditor_recommendation_summary", [
    ("grade", cstr), ("has_pd", C.c_int), ("pd", C.c_double), ("pd_source", cstr), ("has_altman", C.c_int),
    ("altman_z", C.c_double), ("altman_model", cstr), ("altman_zone", cstr), ("has_ohlson", C.c_int),
    ("ohlson_o", C.c_double), ("ohlson_p", C.c_double), ("terms", cstr), ("discount_offered", C.c_int),
    ("has_discount_annual_cost", C.c_int), ("discount_annual_cost", C.c_double), ("currency", C.c_char * 4),
    ("limit_minor", i64), ("method_count", size_t), ("reason_count", size_t)])
for name, args in {
    "kreditor_model_new_json": [cstr, C.POINTER(P)], "kreditor_model_feature_count": [P, C.POINTER(size_t)],
    "kreditor_model_feature_name": [P, size_t, C.c_char_p, size_t, C.POINTER(size_t)],
    "kreditor_model_score_batch": [P, C.POINTER(C.c_double), size_t, size_t, C.c_int, C.POINTER(C.c_double)],
    "kreditor_recommend_input_init": [C.POINTER(RecommendInput), size_t],
    "kreditor_recommendation_summary_init": [C.POINTER(RecommendationSummary), size_t],
    "kreditor_recommend": [C.POINTER(RecommendInput), C.POINTER(P)],
    "kreditor_recommendation_get": [P, C.POINTER(RecommendationSummary)],
    "kreditor_recommendation_method": [P, size_t, C.POINTER(cstr)],
    "kreditor_recommendation_reason": [P, size_t, C.POINTER(cstr), C.POINTER(cstr)],
}.items():
    f = getattr(k, name)
    f.argtypes, f.restype = args, status_t
for name in ("kreditor_model_free", "kreditor_recommendation_free"):
    getattr(k, name).argtypes, getattr(k, name).restype = [P], None

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(LEDGER)))


def read(*parts):
    with open(os.path.join(ROOT, *parts), encoding="utf-8") as f:
        return f.read()


def load_model(text):
    model = P()
    ok(k.kreditor_model_new_json(text.encode(), C.byref(model)))
    return model


# The German Credit model: its features are the CSV's columns after "bad"; the PDs' log-likelihood is R's.
gc_model = load_model(read("tests", "data", "c_api", "german_credit_model.json"))
with open(os.path.join(ROOT, "tests", "data", "scoring", "german_credit_encoded.csv"), encoding="utf-8") as f:
    header, *rows = [line.rstrip("\r\n").split(",") for line in f if line.strip()]
n_features = size_t()
ok(k.kreditor_model_feature_count(gc_model, C.byref(n_features)))
names = []
for j in range(n_features.value):
    needed = size_t()
    assert k.kreditor_model_feature_name(gc_model, j, None, 0, C.byref(needed)) == -100
    buf = C.create_string_buffer(needed.value)
    ok(k.kreditor_model_feature_name(gc_model, j, buf, needed.value, None))
    names.append(buf.value.decode())
assert header == ["bad"] + names, (header[:3], names[:3])
values = (C.c_double * (len(rows) * len(names)))(*[float(v) for r in rows for v in r[1:]])
pds = (C.c_double * len(rows))()
ok(k.kreditor_model_score_batch(gc_model, values, len(rows), len(names), 0, pds))
ll = sum(math.log(p) if r[0] == "1" else math.log1p(-p) for p, r in zip(pds, rows))
r_ll = json.loads(read("tests", "data", "scoring", "reference_r.json"))["fits"]["german_credit"]["log_likelihood"]
assert abs(ll - r_ll) <= 1e-9 * abs(r_ll), (ll, r_ll)
k.kreditor_model_free(gc_model)
compared["German Credit PDs"] = len(rows)

if CLI:
    score_model_path = os.path.join(ROOT, "tests", "data", "c_api", "score_model.json")
    score_model = load_model(read("tests", "data", "c_api", "score_model.json"))
    checks_path = os.path.join(ROOT, "examples", "sample_scoring", "credit_checks.json")
    checks = read("examples", "sample_scoring", "credit_checks.json").encode()
    compared["recommendations"] = 0
    for fname in sorted(os.listdir(os.path.join(ROOT, "examples", "sample_scoring", "financials"))):
        fin_path = os.path.join(ROOT, "examples", "sample_scoring", "financials", fname)
        for model, model_args in [(None, []), (score_model, ["--model", score_model_path])]:
            want = json.loads(subprocess.run([CLI, "score", "--financials", fin_path, "--credit-check", checks_path,
                                              *model_args, "--json"], check=True, capture_output=True,
                                             text=True).stdout)
            x = init(RecommendInput, k.kreditor_recommend_input_init)
            x.financials_json, x.credit_checks_json, x.model = read(fin_path).encode(), checks, model
            rec = P()
            ok(k.kreditor_recommend(C.byref(x), C.byref(rec)))
            s = init(RecommendationSummary, k.kreditor_recommendation_summary_init)
            ok(k.kreditor_recommendation_get(rec, C.byref(s)))
            methods, reasons = [], []
            for i in range(s.method_count):
                m = cstr()
                ok(k.kreditor_recommendation_method(rec, i, C.byref(m)))
                methods.append(m.value.decode())
            for i in range(s.reason_count):
                code, text = cstr(), cstr()
                ok(k.kreditor_recommendation_reason(rec, i, C.byref(code), C.byref(text)))
                reasons.append({"code": code.value.decode(), "text": text.value.decode()})
            got = {
                "grade": s.grade.decode(), "pd": s.pd if s.has_pd else None, "pd_source": s.pd_source.decode(),
                "altman": {"z": s.altman_z, "model": s.altman_model.decode(), "zone": s.altman_zone.decode()}
                if s.has_altman else None,
                "ohlson": [s.ohlson_o, s.ohlson_p] if s.has_ohlson else None,
                "recommended_terms": s.terms.decode(), "recommended_limit": amount(s.limit_minor, s.currency.decode()),
                "currency": s.currency.decode(), "payment_methods": methods,
                "discount_offered": bool(s.discount_offered),
                "discount_annual_cost": s.discount_annual_cost if s.has_discount_annual_cost else None,
                "reasons": reasons}
            want["ohlson"] = [want["ohlson"]["o"], want["ohlson"]["p"]] if want["ohlson"] else None
            want = {key: want[key] for key in got}
            assert got == want, (fname, model_args, got, want)
            k.kreditor_recommendation_free(rec)
            compared["recommendations"] += 1
    k.kreditor_model_free(score_model)

k.kreditor_report_free(report)
k.kreditor_ledger_free(sample)
print(f"python ctypes ok: kreditor {k.kreditor_version_string().decode()}; compared with the CLI: "
      + ", ".join(f"{n} {what}" for what, n in compared.items()))
