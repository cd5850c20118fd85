"""The book and the daily run: the Python results equal the CLI's JSON, invoice by invoice."""

from __future__ import annotations

import datetime
import json
import subprocess
from decimal import Decimal

import pytest

import kreditor
from kreditor import Money, NOK

D = datetime.date


def cli_json(cli: str, *args: str) -> dict:
    out = subprocess.run([cli, *args], capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def dec(text: str) -> Decimal:
    return Decimal(text)


def assert_same_run(report: kreditor.Report, expected: dict) -> int:
    """Every invoice and customer of the CLI's `run --format json` against the Python report."""
    assert report.as_of.isoformat() == expected["as_of"]
    lines = {line.invoice_id: line for line in report.lines}
    checked = 0
    for cj in expected["customers"]:
        summary = report.customer(cj["customer_id"])
        assert summary.name == cj["name"] and summary.currency.code == cj["currency"]
        assert summary.open.amount == dec(cj["open"]) and summary.overdue.amount == dec(cj["overdue"])
        assert (summary.credit_hold, summary.cash_terms, summary.over_limit, summary.in_collection) == (
            cj["credit_hold"], cj["cash_terms"], cj["over_limit"], cj["in_collection"])
        assert summary.unapplied_credit.amount == dec(cj["unapplied_credit"])
        exposure = {k: v.amount for k, v in summary.exposure.categories.items()}
        exposure["total"] = summary.exposure.total.amount
        assert exposure == {k: dec(v) for k, v in cj["exposure"].items()}
        assert summary.invoice_ids == [ij["invoice_id"] for ij in cj["invoices"]]
        for ij in cj["invoices"]:
            line = lines[ij["invoice_id"]]
            assert line.issue_date.isoformat() == ij["issue_date"] and line.due_date.isoformat() == ij["due_date"]
            assert line.amount.amount == dec(ij["amount"])
            assert (line.reference, line.email, line.account_manager) == (ij["reference"], ij["email"], ij["account_manager"])
            if "problem" in ij:
                assert line.problem == ij["problem"]
                continue
            assert line.state.value == ij["state"]
            assert line.overlays == ij["overlays"]
            assert line.level == ij["level"] and line.last_step == ij["last_step"]
            assert line.days_past_due == ij["days_past_due"]
            for field in ("open", "fees", "interest", "total_due", "fees_paid", "interest_paid"):
                assert getattr(line, field).amount == dec(ij[field]), (ij["invoice_id"], field)
            assert (line.next_action.isoformat() if line.next_action else None) == ij["next_action"]
            assert len(line.commands) == len(ij["commands"])
            for c, cmd in zip(line.commands, ij["commands"]):
                assert (c.command, c.step, c.recorded) == (cmd["command"], cmd["step"], cmd["recorded"])
                assert (c.deadline.isoformat() if c.deadline else None) == cmd["deadline"]
                for field in ("principal", "fee", "interest", "total"):
                    assert getattr(c, field).amount == dec(cmd[field]), (ij["invoice_id"], field)
                assert (c.email, c.reference) == (cmd["email"], cmd["reference"])
            checked += 1
    return checked


def test_run_sample_equals_the_cli_on_the_bundled_sample(cli):
    report = kreditor.run_sample()
    expected = cli_json(cli, "run", "--format", "json")
    checked = assert_same_run(report, expected)
    assert checked == len(report) - sum(1 for line in report.lines if line.problem)
    assert checked > 40
    totals = report.totals()
    assert {t["currency"]: {k: dec(v) for k, v in t.items() if k != "currency"} for t in expected["totals"]} == {
        code: {k: m.amount for k, m in t.items()} for code, t in totals.items()}
    counts: dict[str, int] = {}
    for c in report.commands():
        counts[c.command] = counts.get(c.command, 0) + 1
    assert report.command_counts() == counts
    assert any(line.commands for line in report.lines)  # the sample has work to do today


@pytest.mark.parametrize("policy,as_of", [(None, "2026-12-15"), (None, "2027-02-01"), (None, "2026-10-01")])
def test_loaded_ledger_equals_the_cli_with_policy_and_date(cli, sample_dir, policy, as_of):
    args = ["run", "--ledger", str(sample_dir), "--format", "json"]
    if policy:
        args += ["--policy", policy]
    if as_of:
        args += ["--as-of", as_of]
    expected = cli_json(cli, *args)
    policies = kreditor.PolicySet.named(policy) if policy else kreditor.PolicySet()
    report = kreditor.make_report(kreditor.Ledger.load(str(sample_dir)),
                                  D.fromisoformat(as_of) if as_of else None, policies=policies)
    assert assert_same_run(report, expected) == len(report) > 20


def test_a_policy_the_records_do_not_fit_fails_as_in_the_cli(cli, sample_dir):
    r = subprocess.run([cli, "run", "--ledger", str(sample_dir), "--policy", "SE"], capture_output=True, text=True)
    assert r.returncode == 2 and r.stdout == ""
    with pytest.raises(kreditor.InvalidArgument) as e:
        kreditor.make_report(kreditor.Ledger.load(str(sample_dir)), policies=kreditor.PolicySet.named("SE"))
    assert str(e.value) in r.stderr


def test_aging_equals_the_cli(cli):
    expected = cli_json(cli, "aging", "--json")
    aging = kreditor.run_sample().aging()
    assert aging.labels == expected["labels"]
    assert [c.customer_id for c in aging.customers] == [c["customer_id"] for c in expected["customers"]]
    for mine, theirs in zip(aging.customers, expected["customers"]):
        assert [m.amount for m in mine.buckets] == [dec(b["amount"]) for b in theirs["buckets"]]
        assert mine.total.amount == dec(theirs["total"])
    assert [r.total.amount for r in aging.portfolio] == [dec(r["total"]) for r in expected["portfolio"]]


def test_exposure_and_order_release_equal_the_cli(cli):
    report = kreditor.run_sample()
    for customer in report.customers[:6]:
        expected = cli_json(cli, "exposure", "--customer", customer.customer_id, "--order-amount", "50000", "--json")
        got = {k: v.amount for k, v in customer.exposure.categories.items()}
        got["total"] = customer.exposure.total.amount
        assert got == {k: dec(v) for k, v in expected["exposure"].items()}
        outcome = report.release_order(customer.customer_id, "50000")
        assert outcome.decision.value == expected["decision"]
        assert outcome.headroom.amount == dec(expected["headroom"])
        assert [f.reason.value for f in outcome.reasons] == [f["reason"] for f in expected["findings"]]


def test_book_claims_conserve_money_and_agree_with_the_report():
    ledger = kreditor.Ledger.sample()
    book = kreditor.make_book(ledger)
    report = kreditor.make_report(ledger)
    assert len(book) == len(report) and book.invoice_ids == [line.invoice_id for line in report.lines]
    for claim, line in zip(book.claims, report.lines):
        if line.problem:
            continue
        # invoiced + fees + interest charged = paid + credited + written off + open
        charged = claim.amount + claim.fees_charged + claim.interest_charged
        settled = (claim.principal_paid + claim.fees_paid + claim.interest_paid + claim.credited +
                   claim.principal_written_off + claim.fees_written_off + claim.interest_written_off)
        assert charged == settled + claim.total
        assert claim.principal == line.open and claim.fees_paid == line.fees_paid
    assert all(isinstance(v, Money) for v in book.unapplied_credit.values())


def embedding_records() -> kreditor.Ledger:
    """The host program of examples/embedding/main.cpp, built in Python."""
    c = kreditor.Customer("C-17", NOK, name="Fjordtre Bygg AS", country="NO", credit_limit="200000",
                          terms="14 dager netto", org_number="923456783", email="regnskap@fjordtre.no",
                          account_manager="Ingrid Berg")
    invoices = [kreditor.Invoice("F-1001", "C-17", D(2026, 9, 1), Money("10000", NOK), reference="100010013"),
                kreditor.Invoice("F-1002", "C-17", D(2026, 10, 1), Money("5000", NOK), reference="100010021")]
    payments = [kreditor.Payment("B-77", "C-17", D(2026, 10, 20), Money("10000", NOK), reference="100010013")]
    events = [kreditor.Event(D(2026, 10, 1), "C-17", kreditor.EventKind.NOTICE_SENT, invoice_id="F-1001",
                             level="purring", deadline=D(2026, 10, 15), fee=Money("35", NOK))]
    return kreditor.Ledger([c], invoices, payments, events)


def embedding_files() -> dict[str, str]:
    """The same records as the ledger's CSV files."""
    return {
        "customers.csv": "customer_id,name,country,segment,currency,credit_limit,terms,org_number,email,account_manager,flags\n"
                         "C-17,Fjordtre Bygg AS,NO,b2b,NOK,200000.00,14 dager netto,923456783,regnskap@fjordtre.no,Ingrid Berg,\n",
        "invoices.csv": "invoice_id,customer_id,issue_date,due_date,currency,amount,terms,reference,credit_of\n"
                        "F-1001,C-17,2026-09-01,,NOK,10000.00,,100010013,\nF-1002,C-17,2026-10-01,,NOK,5000.00,,100010021,\n",
        "payments.csv": "payment_id,customer_id,date,currency,amount,reference,invoice_id\n"
                        "B-77,C-17,2026-10-20,NOK,10000.00,100010013,\n",
        "events.csv": "date,customer_id,invoice_id,event,details\n"
                      "2026-10-01,C-17,F-1001,notice_sent,level=purring;deadline=2026-10-15;fee=35.00\n",
    }


def test_records_built_in_python_equal_the_same_records_loaded_from_csv():
    today = D(2026, 11, 20)
    built = kreditor.make_book(embedding_records(), today)
    parsed = kreditor.make_book(kreditor.Ledger.parse(embedding_files()), today)
    assert built.claims == parsed.claims
    f1001 = built.claim("F-1001")
    # costs -> interest -> principal: the 35.00 fee and the interest were paid before principal
    assert f1001.fees_paid == Money("35", NOK)
    assert f1001.interest_paid.minor_units > 0
    assert f1001.principal == Money("10000", NOK) - f1001.principal_paid
    assert f1001.principal_paid + f1001.fees_paid + f1001.interest_paid == Money("10000", NOK)
    report = kreditor.make_report(embedding_records(), today)
    assert [c.invoice_id for c in report.commands()] == ["F-1001", "F-1002"]
    assert all(c.email == "regnskap@fjordtre.no" for c in report.commands())


def test_recorded_notices_continue_the_run():
    report = kreditor.run_sample()
    commands = report.commands()
    notices = [c.to_notice() for c in commands]
    again = kreditor.make_report(kreditor.Ledger.sample(), report.as_of, recorded=notices)
    # A rerun for the same date asks for the same commands, marked recorded.
    assert [(c.invoice_id, c.step) for c in again.commands()] == [(c.invoice_id, c.step) for c in commands]
    assert all(c.recorded for c in again.commands())


def test_bad_records_raise_the_errc_subclass():
    with pytest.raises(kreditor.Error) as e:
        kreditor.Ledger.load("/nonexistent/ledger")
    assert e.value.code in (-9, -5, -1)
    bad = embedding_files()
    bad["invoices.csv"] = bad["invoices.csv"].replace("10000.00", "ten thousand")
    with pytest.raises(kreditor.InvalidArgument) as e:
        kreditor.Ledger.parse(bad)
    assert "invoices.csv" in str(e.value)


def test_simulation_and_policies():
    policy = kreditor.Policy.preset("NO")
    assert kreditor.Policy.from_json(policy.to_json()) == policy
    assert "NO" in kreditor.preset_names()
    timeline = kreditor.simulate(policy, Money("10000", NOK), D(2026, 1, 1), D(2026, 1, 31), D(2026, 6, 30))
    assert timeline and timeline[0].on > D(2026, 1, 31)
    assert [e.on for e in timeline] == sorted(e.on for e in timeline)
    assert timeline[-1].total_due >= Money("10000", NOK)
    assert all(e.step_name in policy.step_names or e.step < 0 for e in timeline)


def test_progress_callback_is_called_from_the_run():
    seen: list[tuple[int, int, str]] = []
    kreditor.make_report(kreditor.Ledger.sample(), progress=lambda done, of, label: seen.append((done, of, label)))
    assert seen and all(0 <= d <= o for d, o, _ in seen)


def test_print_run_sample():
    text = str(kreditor.run_sample())
    assert text.startswith("Dunning run as of 2026-11-20")
    assert "commands today" in text


def test_cover_commands_name_the_cover_as_the_cli_does(cli, tmp_path):
    """Set-off and security (issue 13): the Python command carries the counterclaim or security
    and the amount to take, equal to the CLI's cover_id and cover_amount."""
    files = {
        "customers.csv": "customer_id,name,country,segment,currency,credit_limit,terms\n"
                         "C1,Acme AS,NO,b2b,NOK,0.00,14 dager netto\n",
        "invoices.csv": "invoice_id,customer_id,issue_date,due_date,currency,amount\n"
                        "I1,C1,2025-01-02,2025-01-16,NOK,10000.00\n"
                        "I2,C1,2025-01-02,2025-01-16,NOK,3000.00\n",
        "payments.csv": "payment_id,customer_id,date,currency,amount\n",
        "events.csv": "date,customer_id,invoice_id,event,details\n"
                      "2025-01-30,C1,I1,notice_sent,level=purring (B2B);deadline=2025-02-13\n"
                      "2025-02-14,C1,I1,notice_sent,level=inkassovarsel;deadline=2025-02-28\n"
                      "2025-01-30,C1,I2,notice_sent,level=purring (B2B);deadline=2025-02-13\n"
                      "2025-02-14,C1,I2,notice_sent,level=inkassovarsel;deadline=2025-02-28\n",
        "counterclaims.csv": "counterclaim_id,customer_id,date,currency,amount,payable_from,reference\n"
                             "CN-7,C1,2025-02-01,NOK,2000.00,,\n",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    expected = cli_json(cli, "run", "--ledger", str(tmp_path), "--policy", "NO-B2B", "--as-of", "2025-03-03",
                        "--format", "json")
    report = kreditor.make_report(kreditor.Ledger.load(str(tmp_path)), D(2025, 3, 3),
                                  policies=kreditor.PolicySet.named("NO-B2B"))
    want = [(i["invoice_id"], c.get("cover_id", ""), c.get("cover_amount"))
            for i in expected["customers"][0]["invoices"] for c in i["commands"]]
    got = [(c.invoice_id, c.cover_id, None if c.cover_amount is None else str(c.cover_amount.amount))
           for line in report.lines for c in line.commands]
    assert got == want
    # The counterclaim is taken once in all: 2000.00 for the first claim, then the next step.
    assert ("I1", "CN-7", "2000.00") in got
    assert sum(Decimal(a) for _, cid, a in got if cid == "CN-7") == Decimal("2000.00")
