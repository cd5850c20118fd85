"""The documents from Python: the same letters, case files and agreements as the CLI, because both
wrap the library (kreditor/documents/); the law's check of a letter; a host's templates; and the
limitation alerts of a run."""

from __future__ import annotations

import datetime
import json
import subprocess

import pytest

import kreditor


def cli_out(cli: str, *args: str) -> str:
    return subprocess.run([cli, *args], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def creditor(sample_dir) -> kreditor.Creditor:
    return kreditor.Creditor.from_json((sample_dir / "creditor.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def sample() -> tuple[kreditor.Ledger, kreditor.Report]:
    ledger = kreditor.Ledger.sample()
    return ledger, kreditor.make_report(ledger)


def test_notices_equal_the_cli(cli, creditor, sample):
    _, report = sample
    notices = kreditor.make_notices(report, creditor)
    expected = json.loads(cli_out(cli, "notices", "--format", "json"))
    assert [n.to_dict() for n in notices] == expected
    assert len(notices) == len(expected) > 1
    first = notices[0]
    assert (first.customer_id, first.kind, first.total.amount) == (
        expected[0]["customer_id"], expected[0]["kind"], kreditor.Money(expected[0]["total"], first.currency).amount)
    assert kreditor.render_notice(first, "text") == cli_out(cli, "notices", "--format", "text").split("\f\n")[0]


def test_render_notice_in_another_language_and_with_a_hosts_wording(creditor, sample):
    _, report = sample
    n = next(x for x in kreditor.make_notices(report, creditor) if x.customer_id == "NO-1002"
             and x.kind == "collection_warning")
    assert "Inkassovarsel" in kreditor.render_notice(n, "text")
    english = kreditor.render_notice(n, "html", lang="en")
    assert english.startswith("<!DOCTYPE html>") and 'lang="en"' in english and "Inkassovarsel" not in english
    mine = kreditor.Templates.shipped().with_file("notice.txt.mustache", "{{text.title}} to {{customer_id}}")
    assert kreditor.render_notice(n, "text", templates=mine) == "Inkassovarsel to NO-1002"
    with pytest.raises(kreditor.InvalidArgument, match="notice.txt.mustache"):
        kreditor.Templates.shipped().with_file("notice.txt.mustache", "{{#open}} never closed")
    with pytest.raises(kreditor.InvalidArgument, match="format"):
        kreditor.render_notice(n, "pdf")


def test_a_letter_the_law_does_not_allow_is_refused(sample):
    _, report = sample
    nobody = kreditor.Creditor("")  # no name: a Finnish consumer's maksumuistutus must name the creditor
    n = next(x for x in kreditor.make_notices(report, nobody) if x.customer_id == "FI-4002")
    with pytest.raises(kreditor.LegalViolation, match="creditor_name"):
        kreditor.render_notice(n, "text")
    assert n.to_dict()["required_elements"]["creditor_name"] is False


def test_case_file_equals_the_cli(cli, creditor, sample):
    ledger, report = sample
    f = kreditor.case_file(report, creditor, "NO-1002", ledger=ledger)
    assert f.to_dict() == json.loads(cli_out(cli, "casefile", "--customer", "NO-1002", "--format", "json"))
    assert f.render("text") == cli_out(cli, "casefile", "--customer", "NO-1002", "--format", "text")
    assert f.limitation_date is not None and f.limitation_date.isoformat() == f.to_dict()["limitation_date"]
    # A signed acknowledgment moves the invoice's limitation as the CLI's --acknowledged does.
    signed = kreditor.case_file(report, creditor, "NO-1002", "F-26-0912", ledger=ledger,
                                acknowledged=[("F-26-0912", datetime.date(2026, 11, 1))])
    assert signed.to_dict() == json.loads(cli_out(cli, "casefile", "--customer", "NO-1002", "--invoice", "F-26-0912",
                                                  "--acknowledged", "2026-11-01", "--format", "json"))
    assert signed.limitation_date > f.limitation_date
    with pytest.raises(kreditor.NotFound, match="NOPE"):
        kreditor.case_file(report, creditor, "NOPE")


def test_agreements_equal_the_cli(cli, creditor, sample):
    _, report = sample
    ack = kreditor.agreement(report, creditor, "DK-3001", "D-7710")
    assert ack.kind == "debt_acknowledgment" and ack.plan is None
    assert ack.render("text") == cli_out(cli, "agreement", "--customer", "DK-3001", "--invoice", "D-7710")
    plan = kreditor.agreement(report, creditor, "NO-1003", kind="payment_plan", installments=3,
                              first_due=datetime.date(2026, 12, 20))
    assert plan.kind == "payment_plan"
    assert sum((i.amount for i in plan.plan.installments), kreditor.Money(0, "NOK")) == plan.total
    assert plan.to_dict() == json.loads(cli_out(cli, "agreement", "--customer", "NO-1003", "--kind", "payment_plan",
                                                "--installments", "3", "--first-due", "2026-12-20",
                                                "--grace-days", "14", "--format", "json"))
    with pytest.raises(kreditor.InvalidArgument, match="first_due"):
        kreditor.agreement(report, creditor, "NO-1003", kind="payment_plan")


def test_limitation_alerts_equal_the_run(cli, sample):
    ledger, report = sample
    alerts = kreditor.watch_limitation(report, ledger, window_days=3650)
    expected = json.loads(cli_out(cli, "run", "--format", "json", "--limitation-days", "3650"))
    assert [(a.customer_id, a.invoice_id, a.expires.isoformat(), a.days_left) for a in alerts] == [
        (x["customer_id"], x["invoice_id"], x["limitation_date"], x["days_left"]) for x in expected["limitation_alerts"]]
    assert alerts and all(a.days_left <= 3650 for a in alerts)
    assert not kreditor.watch_limitation(report, ledger, window_days=0)  # the sample's claims are young
    with pytest.raises(kreditor.InvalidArgument, match="window"):
        kreditor.watch_limitation(report, ledger, window_days=-1)
