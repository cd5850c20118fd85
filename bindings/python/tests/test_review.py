"""Payment behaviour from the book and the standing credit review equal `kreditor score --ledger`
and `kreditor review --json` field by field for every customer of the sample ledger; both wrap
the library's join (kreditor/book/payment_history.hpp, kreditor/book/review.hpp)."""

from __future__ import annotations

import datetime
import json
import subprocess
from decimal import Decimal

import pytest

import kreditor


def cli_json(cli: str, *args: str) -> dict:
    out = subprocess.run([cli, *args], capture_output=True, text=True, check=True).stdout
    return json.loads(out)


@pytest.fixture(scope="module")
def scoring_dir(source_dir):
    return source_dir / "examples" / "sample_scoring"


@pytest.fixture(scope="module")
def statements(scoring_dir) -> dict[str, kreditor.FinancialStatements]:
    return {p.stem: kreditor.FinancialStatements.from_json(p.read_text())
            for p in sorted((scoring_dir / "financials").glob("*.json"))}


@pytest.fixture(scope="module")
def checks(scoring_dir) -> list[kreditor.CreditCheck]:
    return kreditor.credit_checks_from_json((scoring_dir / "credit_checks.json").read_text())


def assert_row_equal(v: kreditor.CustomerReview, row: dict) -> None:
    """One customer of `kreditor review --json`, every field."""
    assert v.customer_id == row["customer_id"]
    assert v.name == row["name"]
    assert v.currency.code == row["currency"]
    assert v.scored == row["scored"]
    assert v.grade == row["grade"]
    assert v.pd == row["pd"]  # the same double: no tolerance
    assert v.pd_source == row.get("pd_source")
    assert (v.current_terms, v.recommended_terms) == (row["terms"]["current"], row["terms"]["recommended"])
    assert v.current_limit.amount == Decimal(row["limit"]["current"])
    assert v.recommended_limit.amount == Decimal(row["limit"]["recommended"])
    assert v.current_limit.currency == v.recommended_limit.currency == v.currency
    assert [m.value for m in v.payment_methods] == row.get("payment_methods", [])
    assert [(c.code, c.text) for c in v.changes] == [(c["code"], c["text"]) for c in row["changes"]]
    assert [(r.code, r.text) for r in v.reasons] == [(r["code"], r["text"]) for r in row["reasons"]]
    assert [(a.kind, a.text) for a in v.alerts] == [(a["kind"], a["text"]) for a in row["alerts"]]
    assert len(set(v.alerts)) == len({(a["kind"], a["text"]) for a in row["alerts"]})  # hashable values
    assert (v.recommendation is not None) == v.scored and (v.history is not None) == v.scored
    if v.recommendation is not None:
        assert v.recommendation.grade == v.grade and v.recommendation.limit == v.recommended_limit


def test_review_equals_kreditor_review_for_every_sample_customer(cli, statements, checks):
    expected = cli_json(cli, "review", "--json")
    ledger = kreditor.Ledger.sample()
    got = kreditor.review(ledger, statements=statements, checks=checks)
    assert ledger.as_of.isoformat() == expected["as_of"]
    assert [v.customer_id for v in got] == [c.customer_id for c in ledger.customers]
    assert len(got) == len(expected["customers"]) == 16
    for v, row in zip(got, expected["customers"]):
        assert_row_equal(v, row)
    assert sum(v.scored for v in got) == 11  # the 5 consumers are listed, not scored
    assert any(v.changes for v in got) and not any(v.changes for v in got if not v.scored)


def test_review_with_a_model_and_another_date_equals_the_cli(cli, statements, checks, tmp_path):
    model = kreditor.LogisticModel(["(Intercept)", "days_beyond_terms", "share_paid_on_time", "max_dunning_level"],
                                   [-1.25, 0.05, -1.0, 0.3])
    (tmp_path / "model.json").write_text(model.to_json())
    for as_of in (datetime.date(2026, 11, 20), datetime.date(2026, 7, 31)):
        expected = cli_json(cli, "review", "--json", "--model", str(tmp_path / "model.json"),
                            "--as-of", as_of.isoformat())
        got = kreditor.review(kreditor.Ledger.sample(), as_of, statements=statements, checks=checks, model=model)
        assert expected["as_of"] == as_of.isoformat()
        for v, row in zip(got, expected["customers"], strict=True):
            assert_row_equal(v, row)
        assert {v.pd_source for v in got if v.scored} == {"model"}


BUSINESSES = ["DE-5001", "DK-3001", "DK-3003", "FI-4001", "NO-1001", "NO-1002", "NO-1004", "NO-1005", "SE-2001",
              "SE-2002", "SE-2004"]


@pytest.mark.parametrize("customer", BUSINESSES)
def test_payment_history_equals_kreditor_score_behaviour(cli, source_dir, scoring_dir, customer):
    expected = cli_json(cli, "score", "--financials", str(scoring_dir / "financials" / f"{customer}.json"),
                        "--ledger", str(source_dir / "examples" / "sample_ledger"), "--customer", customer,
                        "--as-of", "2026-11-20", "--json")["behaviour"]
    ledger = kreditor.Ledger.sample()
    h = kreditor.payment_history(ledger, customer)
    b = h.behaviour
    assert (b.invoices, b.days_beyond_terms, b.share_paid_on_time, b.max_dunning_level, b.broken_promises,
            b.broken_plans, b.disputes) == (expected["invoices"], expected["days_beyond_terms"],
                                            expected["share_paid_on_time"], expected["max_dunning_level"],
                                            expected["broken_promises"], expected["broken_plans"], expected["disputes"])
    assert h.purchases_12m.amount == Decimal(expected["purchases_12m"])
    assert (h.broken_promises, h.broken_plans) == (b.broken_promises, b.broken_plans)
    # The facts are the customer's invoices of the book, as Python values.
    mine = {i.invoice_id: i for i in ledger.invoices if i.customer_id == customer and not i.credit_of}
    assert len(h) == len(h.facts) and {f.invoice_id for f in h.facts} <= set(mine)
    for f in h.facts:
        assert isinstance(f.issued, datetime.date) and isinstance(f.due, datetime.date)
        assert f.paid is None or isinstance(f.paid, datetime.date)
        assert isinstance(f.amount.amount, Decimal) and f.amount.currency == mine[f.invoice_id].amount.currency
        assert f.issued == mine[f.invoice_id].issue_date and f.amount <= mine[f.invoice_id].amount
    assert 90 <= h.history_days <= 365


def test_paid_means_settled_in_full_as_the_book_says():
    # DK-3001's D-7650 was paid at its amount 3 days late: interest took part of it, so principal
    # is still open in the book, and the history does not count it as paid.
    ledger = kreditor.Ledger.sample()
    book = kreditor.make_book(ledger)
    claim = book.claim("D-7650")
    assert claim.interest_paid.minor_units > 0 and claim.principal.minor_units > 0
    fact = next(f for f in kreditor.payment_history(ledger, "DK-3001").facts if f.invoice_id == "D-7650")
    assert fact.paid is None
    # Every fact the history counts as paid is closed in the book.
    for c in ledger.customers:
        for f in book.payment_history(c.customer_id).facts:
            if f.paid is not None:
                assert book.claim(f.invoice_id).total.minor_units == 0


def test_a_books_history_takes_its_recorded_notices():
    ledger = kreditor.Ledger.sample()
    report = kreditor.run_sample()
    notices = [c.to_notice() for c in report.commands() if c.kind == kreditor.CommandKind.SEND_REMINDER]
    assert notices
    customer = next(c.customer_id for c in report.commands() if c.kind == kreditor.CommandKind.SEND_REMINDER)
    plain = kreditor.make_book(ledger).payment_history(customer)
    book = kreditor.make_book(ledger, recorded=notices)
    with_notices = book.payment_history(customer)
    assert with_notices.behaviour.max_dunning_level > plain.behaviour.max_dunning_level
    reminded = {n.invoice_id for n in notices}
    for before, after in zip(plain.facts, with_notices.facts, strict=True):
        assert after.dunning_level == before.dunning_level + (1 if after.invoice_id in reminded else 0)
    # The Book's history is the module function's under the same notices.
    again = kreditor.payment_history(ledger, customer, recorded=notices)
    assert [(f.invoice_id, f.paid, f.dunning_level) for f in again.facts] == \
        [(f.invoice_id, f.paid, f.dunning_level) for f in with_notices.facts]


def test_bad_review_input_raises_the_errc_subclass(statements):
    ledger = kreditor.Ledger.sample()
    with pytest.raises(kreditor.NotFound) as e:
        kreditor.payment_history(ledger, "NO-9999")
    assert e.value.code == kreditor.NotFound.code and "NO-9999" in str(e.value)
    # Statements in another currency than the customer's, and statements filed under another id.
    swedish = json.loads(statements["SE-2001"].to_json())
    swedish["customer_id"] = "NO-1001"
    in_sek = kreditor.FinancialStatements.from_json(json.dumps(swedish))
    with pytest.raises(kreditor.CurrencyMismatch) as mismatch:
        kreditor.review(ledger, statements={"NO-1001": in_sek})
    assert "NO-1001" in str(mismatch.value)
    with pytest.raises(kreditor.InvalidArgument):
        kreditor.review(ledger, statements={"SE-2002": statements["SE-2001"]})
    no_date = kreditor.Ledger(customers=ledger.customers, invoices=ledger.invoices)
    with pytest.raises(kreditor.InvalidArgument, match="as_of"):
        kreditor.review(no_date)
    with pytest.raises(kreditor.NotFound):
        kreditor.review(ledger, statements=statements, model=kreditor.LogisticModel(["(Intercept)", "no_such"], [0.0, 1.0]))
