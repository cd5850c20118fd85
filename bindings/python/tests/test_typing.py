"""The stubs (.pyi) and py.typed: Debian's mypy checks the package and a typed user program."""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys

import pytest

import kreditor

USER_PROGRAM = '''
import datetime
from decimal import Decimal
import kreditor

m: kreditor.Money = kreditor.Money(Decimal("10.00"), "NOK") + kreditor.Money("0.50", kreditor.NOK)
d: Decimal = m.amount
r: kreditor.Report = kreditor.run_sample()
for c in r.commands():
    total: Decimal = c.total.amount
    when: datetime.date = c.on
due: datetime.date = kreditor.Terms("2/10 net 30").due_date(datetime.date(2026, 1, 1))
state: kreditor.State = r.line(0).state

import numpy as np
fit: kreditor.LogisticFit = kreditor.fit_logistic(np.zeros((4, 1)), np.array([0.0, 1.0, 0.0, 1.0]), weights=None)
pd: np.ndarray = fit.model.predict(np.zeros((2, 1)))
rec: kreditor.Recommendation = kreditor.recommend(None, [], model=None, expected_annual_purchases=m)
grade: str = rec.grade
maybe_pd: float | None = rec.pd
plan: kreditor.PaymentPlan = kreditor.make_payment_plan(m, due, installments=3, annual_interest=kreditor.Rate("8%"))
first: Decimal = plan.installments[0].amount.amount
cap: kreditor.Money | None = kreditor.statutory_fee_cap(kreditor.Jurisdiction.NO, kreditor.Segment.B2C,
                                                         kreditor.FeeKind.REMINDER, "NOK", due, due)
findings: list[kreditor.LegalFinding] = kreditor.check_legal(kreditor.Policy.preset("NO"), due)
ledger: kreditor.Ledger = kreditor.Ledger.sample()
history: kreditor.PaymentHistory = kreditor.make_book(ledger).payment_history("NO-1001")
paid: datetime.date | None = history.facts[0].paid
invoiced: Decimal = history.facts[0].amount.amount
rows: list[kreditor.CustomerReview] = kreditor.review(ledger, statements={}, checks=[])
limit: Decimal = rows[0].recommended_limit.amount
alerts: list[str] = [a.kind for a in rows[0].alerts]
'''

BAD_PROGRAM = '''
import kreditor
m: int = kreditor.Money("1", "NOK").amount
'''


def mypy(tmp_path: pathlib.Path, program: str) -> subprocess.CompletedProcess[str]:
    pytest.importorskip("mypy")
    package = pathlib.Path(kreditor.__file__).parent
    (tmp_path / "user.py").write_text(program)
    env = dict(os.environ, MYPYPATH=str(package.parent))
    return subprocess.run([sys.executable, "-m", "mypy", "--ignore-missing-imports", "--cache-dir",
                           str(tmp_path / "cache"), str(package), str(tmp_path / "user.py")],
                          capture_output=True, text=True, env=env, cwd=tmp_path, check=False)


def test_package_ships_stubs_and_py_typed():
    package = pathlib.Path(kreditor.__file__).parent
    assert (package / "py.typed").exists() and (package / "_core.pyi").exists()


def test_mypy_accepts_the_package_and_a_typed_program(tmp_path):
    r = mypy(tmp_path, USER_PROGRAM)
    assert r.returncode == 0, r.stdout + r.stderr


def test_mypy_catches_a_wrong_type(tmp_path):
    r = mypy(tmp_path, BAD_PROGRAM)
    assert r.returncode != 0 and "Decimal" in r.stdout
