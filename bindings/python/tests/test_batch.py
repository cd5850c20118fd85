"""The numpy batch API: the kernels agree with the scalar API and with a plain-Python oracle,
for any thread count, for datetime64[D] and int32 day columns alike."""

from __future__ import annotations

import datetime

import numpy as np
import pytest

import kreditor
from kreditor import Money, NOK

D = datetime.date


@pytest.fixture(scope="module")
def norway() -> kreditor.RateTable:
    return kreditor.RateTable.statutory(kreditor.Jurisdiction.NO)


def random_book(n: int, seed: int = 7):
    rng = np.random.default_rng(seed)
    due = np.datetime64("2014-01-01") + rng.integers(0, 12 * 365, n).astype("timedelta64[D]")
    end = due + rng.integers(0, 400, n).astype("timedelta64[D]")
    principal = rng.integers(10_000, 100_000_000, n, dtype=np.int64)
    return principal, due.astype("datetime64[D]"), end.astype("datetime64[D]")


def test_batch_interest_equals_the_scalar_late_interest(norway):
    table = kreditor.AccrualTable(norway)
    principal, due, end = random_book(300)
    interest, status, failed = kreditor.accrue_interest(table, principal, due, end)
    assert failed == 0 and not status.any()
    for i in range(len(principal)):
        expected = kreditor.late_interest(Money.from_minor_units(int(principal[i]), NOK), due[i].item(), end[i].item(),
                                          table=norway)
        assert interest[i] == expected.interest.minor_units, i


def test_batch_interest_is_the_same_for_datetime64_int32_and_threads(norway):
    table = kreditor.AccrualTable(norway)
    principal, due, end = random_book(100_000, seed=11)
    a, _, _ = kreditor.accrue_interest(table, principal, due, end, threads=1)
    b, _, _ = kreditor.accrue_interest(table, principal, kreditor.days(due), kreditor.days(end), threads=2)
    c, _, _ = kreditor.accrue_interest([table], principal, due, end, table_index=np.zeros(len(due), np.uint16), threads=2)
    assert np.array_equal(a, b) and np.array_equal(a, c)
    assert a.dtype == np.int64 and (a > 0).any()


def test_batch_interest_reports_rows_outside_the_table(norway):
    table = kreditor.AccrualTable(norway, last_day=D(2030, 12, 31))
    principal = np.array([100_000, 100_000], dtype=np.int64)
    due = np.array(["2024-01-01", "2024-01-01"], dtype="datetime64[D]")
    end = np.array(["2024-06-01", "2040-01-01"], dtype="datetime64[D]")
    interest, status, failed = kreditor.accrue_interest(table, principal, due, end)
    assert failed == 1 and status[0] == 0 and status[1] != 0
    assert kreditor.error_class(int(status[1])) is not kreditor.Error


def test_batch_refuses_floats_and_nat(norway):
    table = kreditor.AccrualTable(norway)
    due = np.array(["2024-01-01"], dtype="datetime64[D]")
    with pytest.raises(TypeError):
        kreditor.accrue_interest(table, np.array([1.5]), due, due)
    with pytest.raises(kreditor.OutOfRange):
        kreditor.accrue_interest(table, np.array([1], np.int64), np.array(["NaT"], dtype="datetime64[D]"), due)


def aging_oracle(issue, due, amount, group, groups, as_of, bounds, by_due=True):
    table = np.zeros((groups, len(bounds) + 1), dtype=np.int64)
    ages = (np.datetime64(as_of) - (due if by_due else issue)).astype(np.int64)
    for age, a, g in zip(ages, amount, group):
        b = sum(1 for bound in bounds if age > bound)
        table[g, b] += a
    return table


@pytest.mark.parametrize("n,groups", [(1_000, 7), (150_000, 3)])  # the second narrows in several blocks
def test_batch_aging_equals_a_plain_python_oracle(n, groups):
    rng = np.random.default_rng(n)
    as_of = D(2026, 11, 20)
    issue = np.datetime64(as_of) - rng.integers(0, 400, n).astype("timedelta64[D]")
    due = issue + rng.choice([10, 14, 30, 60], n).astype("timedelta64[D]")
    amount = rng.integers(-50_000, 5_000_000, n, dtype=np.int64)
    group = rng.integers(0, groups, n).astype(np.uint32)
    got = kreditor.age(issue, due, amount, group, groups, as_of)
    assert got.shape == (groups, 5)
    expected = aging_oracle(issue, due, amount, group, groups, as_of, [0, 30, 60, 90])
    assert np.array_equal(got, expected)
    assert np.array_equal(got, kreditor.age(kreditor.days(issue), kreditor.days(due), amount, group, groups, as_of,
                                            threads=2))
    by_invoice = kreditor.age(issue, due, amount, group, groups, as_of, [30, 60], kreditor.AgingBasis.INVOICE_DATE)
    assert np.array_equal(by_invoice, aging_oracle(issue, due, amount, group, groups, as_of, [30, 60], by_due=False))


def test_dunning_batch_fires_on_the_days_the_simulation_says():
    policy = kreditor.Policy.preset("NO")
    issued, due = D(2026, 1, 1), D(2026, 1, 31)
    timeline = kreditor.simulate(policy, Money("10000", NOK), issued, due, D(2026, 8, 1))
    batch = kreditor.DunningBatch(policy, np.array([issued], dtype="datetime64[D]"), np.array([due], dtype="datetime64[D]"),
                                  np.array([1_000_000], np.int64), [NOK], traits=np.array([2], np.uint8))
    fired = []
    day = due - datetime.timedelta(days=5)
    while day <= D(2026, 8, 1):
        out = batch.evaluate(day)
        assert not out["problems"]
        kinds = list(kreditor.CommandKind)
        fired += [(o.item(), kinds[k]) for o, k in zip(out["on"], out["kind"])]
        day += datetime.timedelta(days=1)
    expected = [(e.on, c.kind) for e in timeline for c in e.commands]
    assert fired == expected and expected
    assert list(kreditor.State)[batch.state[0]] == timeline[-1].state


def test_dunning_batch_is_the_same_for_any_thread_count():
    policy = kreditor.Policy.preset("NO")
    n = 50_000
    first = np.datetime64("2025-06-01")
    invoice = first + (np.arange(n) % 365).astype("timedelta64[D]")
    due = invoice + (14 + (np.arange(n) * 7919) % 31).astype("timedelta64[D]")
    open_minor = 10_000 + (np.arange(n, dtype=np.int64) * 104729) % 5_000_000
    traits = np.where(np.arange(n) % 3 == 0, 1, 0).astype(np.uint8) | 2
    one = kreditor.DunningBatch(policy, invoice, due, open_minor, [NOK], traits=traits)
    two = kreditor.DunningBatch(policy, kreditor.days(invoice), kreditor.days(due), open_minor, [NOK], traits=traits)
    a, b = one.evaluate(D(2026, 6, 1), threads=1), two.evaluate(D(2026, 6, 1), threads=2)
    for key in ("row", "kind", "step", "on", "total"):
        assert np.array_equal(a[key], b[key]), key
    assert len(a["row"]) > 0 and np.array_equal(one.state, two.state)


def test_dunning_batch_snapshot_restores_the_day_before():
    policy = kreditor.Policy.preset("NO")
    n = 5_000
    invoice = np.datetime64("2026-01-01") + (np.arange(n) % 120).astype("timedelta64[D]")
    due = invoice + np.timedelta64(14, "D")
    batch = kreditor.DunningBatch(policy, invoice, due, np.full(n, 250_000, np.int64), [NOK])
    batch.evaluate(D(2026, 4, 30))
    saved = batch.snapshot()
    first = batch.evaluate(D(2026, 5, 1))
    assert len(first["row"]) > 0
    assert len(batch.evaluate(D(2026, 5, 1))["row"]) == 0  # done: nothing new the same day
    batch.restore(saved)
    again = batch.evaluate(D(2026, 5, 1))
    for key in ("row", "kind", "step", "total"):
        assert np.array_equal(first[key], again[key])
    with pytest.raises(kreditor.InvalidArgument):
        batch.restore(saved[:-1])
