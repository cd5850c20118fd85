"""kreditor.pandas: ledgers from DataFrames, reports and batches as DataFrames."""

from __future__ import annotations

import datetime
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

import kreditor
import kreditor.pandas as kp


def test_frames_round_trip_through_the_librarys_loader(sample_dir):
    frames = kp.ledger_frames(str(sample_dir))
    assert isinstance(frames["invoices"]["amount"].iloc[0], Decimal)
    ledger = kp.ledger_from_frames(**frames, as_of=datetime.date(2026, 11, 20))
    mine = kp.report_frame(kreditor.make_report(ledger))
    sample = kp.report_frame(kreditor.run_sample())
    pd.testing.assert_frame_equal(mine, sample)
    credit_notes = frames["invoices"]["credit_of"] != ""
    assert len(mine) == (~credit_notes).sum() and credit_notes.any()  # credit notes are not lines


def test_a_float_money_column_is_refused(sample_dir):
    frames = kp.ledger_frames(str(sample_dir))
    frames["invoices"]["amount"] = frames["invoices"]["amount"].astype(float)
    with pytest.raises(TypeError):
        kp.ledger_from_frames(**frames)


def test_commands_and_customers_frames():
    report = kreditor.run_sample()
    commands = kp.commands_frame(report)
    assert list(commands["invoice_id"]) == [c.invoice_id for c in report.commands()]
    assert all(isinstance(v, Decimal) for v in commands["total"])
    customers = kp.customers_frame(report)
    assert list(customers["customer_id"]) == [c.customer_id for c in report.customers]
    aging = kp.aging_frame(report.aging())
    assert list(aging.columns) == ["currency", "current", "1-30", "31-60", "61-90", ">90", "total"]
    assert all(sum(row[c] for c in ["current", "1-30", "31-60", "61-90", ">90"]) == row["total"]
               for _, row in aging.iterrows())


def test_batch_frames():
    table = kreditor.AccrualTable(kreditor.RateTable.statutory(kreditor.Jurisdiction.NO))
    frame = pd.DataFrame({"principal_minor": np.array([1_000_000, 500_000], np.int64),
                          "due": pd.to_datetime(["2025-01-31", "2025-03-01"]),
                          "end": pd.to_datetime(["2025-06-30", "2025-03-01"])})
    out = kp.accrue_interest_frame(frame, table)
    expected = kreditor.late_interest(kreditor.Money("10000", "NOK"), datetime.date(2025, 1, 31), datetime.date(2025, 6, 30))
    assert out["interest_minor"].tolist() == [expected.interest.minor_units, 0]
    receivables = pd.DataFrame({"customer_id": ["A", "B", "A"], "issue_date": pd.to_datetime(["2026-01-01"] * 3),
                                "due_date": pd.to_datetime(["2026-01-31", "2026-03-31", "2026-04-30"]),
                                "open_minor": [100, 200, 300]})
    aged = kp.age_frame(receivables, datetime.date(2026, 4, 15))
    assert aged.loc["A"].tolist() == [300, 0, 0, 100, 0] and aged.loc["B"].tolist() == [0, 200, 0, 0, 0]
