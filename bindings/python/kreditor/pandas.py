"""pandas helpers: a ledger from DataFrames, and the daily run, aging and batches as DataFrames.

Money columns hold ``Decimal`` values (exact); a float money column is refused with a
``TypeError``, as ``Money`` refuses a float. Dates are ``datetime.date`` objects.

    >>> import kreditor, kreditor.pandas as kp
    >>> report = kreditor.run_sample()
    >>> kp.commands_frame(report)        # today's commands, one row each
"""

from __future__ import annotations

import datetime
import io
from decimal import Decimal
from typing import Any, Mapping

import numpy as np
import pandas as pd

from ._core import (
    AccrualTable,
    Aging,
    AgingBasis,
    Ledger,
    Report,
    accrue_interest,
    age,
)

__all__ = [
    "ledger_from_frames",
    "ledger_frames",
    "report_frame",
    "commands_frame",
    "customers_frame",
    "aging_frame",
    "accrue_interest_frame",
    "age_frame",
]

# The ledger's files and the columns that hold money (checked: never a float).
_FILES = {
    "customers": ("customers.csv", ("credit_limit",)),
    "invoices": ("invoices.csv", ("amount",)),
    "payments": ("payments.csv", ("amount",)),
    "events": ("events.csv", ()),
    "orders": ("orders.csv", ("amount",)),
    "securities": ("security.csv", ("amount",)),
}


def _csv(frame: pd.DataFrame, money_columns: tuple[str, ...], name: str) -> str:
    for column in money_columns:
        if column in frame.columns and pd.api.types.is_float_dtype(frame[column]):
            raise TypeError(f"{name}: column {column!r} holds floats; give Decimal or str amounts (exact)")
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[column]):
            out[column] = out[column].dt.strftime("%Y-%m-%d")
    buffer = io.StringIO()
    out.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


def ledger_from_frames(
    customers: pd.DataFrame,
    invoices: pd.DataFrame,
    payments: pd.DataFrame | None = None,
    events: pd.DataFrame | None = None,
    orders: pd.DataFrame | None = None,
    securities: pd.DataFrame | None = None,
    as_of: datetime.date | None = None,
) -> Ledger:
    """A ``Ledger`` from DataFrames with the columns of the ledger's CSV files.

    The frames are handed to the library's own loader (``Ledger.parse``), so they are checked
    exactly as ``kreditor run --ledger DIR`` checks a directory; errors name the file and line.
    """
    given = {"customers": customers, "invoices": invoices, "payments": payments, "events": events,
             "orders": orders, "securities": securities}
    files: dict[str, str] = {}
    for key, frame in given.items():
        if frame is None:
            continue
        name, money_columns = _FILES[key]
        files[name] = _csv(frame, money_columns, name)
    if "payments.csv" not in files:
        files["payments.csv"] = "payment_id,customer_id,date,currency,amount,reference,invoice_id\n"
    if "events.csv" not in files:
        files["events.csv"] = "date,customer_id,invoice_id,event,details\n"
    if as_of is not None:
        files["ledger.json"] = '{"as_of": "%s"}' % as_of.isoformat()
    return Ledger.parse(files)


def ledger_frames(path_or_files: str | Mapping[str, str]) -> dict[str, pd.DataFrame]:
    """The ledger's CSV files (a directory, or texts by file name) as DataFrames, money as Decimal."""
    import os

    frames: dict[str, pd.DataFrame] = {}
    for key, (name, money_columns) in _FILES.items():
        if isinstance(path_or_files, str):
            path = os.path.join(path_or_files, name)
            if not os.path.exists(path):
                continue
            with open(path, encoding="utf-8") as f:
                text = f.read()
        else:
            if name not in path_or_files:
                continue
            text = path_or_files[name]
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
        for column in money_columns:
            if column in frame.columns:
                frame[column] = frame[column].map(lambda v: Decimal(v) if v != "" else None)
        frames[key] = frame
    return frames


def _amount(m: Any) -> Decimal | None:
    return None if m is None else m.amount


def report_frame(report: Report) -> pd.DataFrame:
    """One row per invoice of the daily run (the CLI's JSON fields), in ledger order."""
    rows = []
    for line in report.lines:
        rows.append({
            "invoice_id": line.invoice_id,
            "customer_id": line.customer_id,
            "currency": line.currency.code,
            "issue_date": line.issue_date,
            "due_date": line.due_date,
            "amount": line.amount.amount,
            "state": line.state.value if line.problem is None else None,
            "overlays": ",".join(line.overlays),
            "level": line.level,
            "last_step": line.last_step,
            "days_past_due": line.days_past_due,
            "open": line.open.amount,
            "fees": line.fees.amount,
            "interest": line.interest.amount,
            "total_due": line.total_due.amount,
            "fees_paid": line.fees_paid.amount,
            "interest_paid": line.interest_paid.amount,
            "next_action": line.next_action,
            "commands": ",".join(c.command for c in line.commands),
            "reference": line.reference,
            "problem": line.problem,
        })
    return pd.DataFrame(rows)


def commands_frame(report: Report) -> pd.DataFrame:
    """Today's commands, customer by customer: what to send to whom, with the reference and totals."""
    rows = [{
        "customer_id": c.customer_id,
        "invoice_id": c.invoice_id,
        "command": c.command,
        "step": c.step,
        "deadline": c.deadline,
        "principal": c.principal.amount,
        "fee": c.fee.amount,
        "interest": c.interest.amount,
        "total": c.total.amount,
        "currency": c.total.currency.code,
        "email": c.email,
        "account_manager": c.account_manager,
        "reference": c.reference,
        "recorded": c.recorded,
    } for c in report.commands()]
    columns = ["customer_id", "invoice_id", "command", "step", "deadline", "principal", "fee", "interest",
               "total", "currency", "email", "account_manager", "reference", "recorded"]
    return pd.DataFrame(rows, columns=columns)


def customers_frame(report: Report) -> pd.DataFrame:
    """One row per customer: credit decisions, open and overdue amounts, exposure by category."""
    rows = []
    for c in report.customers:
        row: dict[str, Any] = {
            "customer_id": c.customer_id, "name": c.name, "country": c.country, "currency": c.currency.code,
            "credit_limit": c.credit_limit.amount, "open": c.open.amount, "overdue": c.overdue.amount,
            "credit_hold": c.credit_hold, "cash_terms": c.cash_terms, "over_limit": c.over_limit,
            "in_collection": c.in_collection, "unapplied_credit": c.unapplied_credit.amount,
        }
        for name, value in c.exposure.categories.items():
            row["exposure_" + name] = value.amount
        row["exposure_total"] = c.exposure.total.amount
        rows.append(row)
    return pd.DataFrame(rows)


def aging_frame(aging: Aging) -> pd.DataFrame:
    """Aging per customer: one column per bucket label plus total (Decimal), indexed by customer."""
    rows = []
    for c in aging.customers:
        row: dict[str, Any] = {"customer_id": c.customer_id, "currency": c.currency.code}
        for label, m in zip(aging.labels, c.buckets):
            row[label] = m.amount
        row["total"] = c.total.amount
        rows.append(row)
    return pd.DataFrame(rows, columns=["customer_id", "currency", *aging.labels, "total"]).set_index("customer_id")


def _day_column(series: pd.Series) -> np.ndarray:
    return np.asarray(series.to_numpy(), dtype="datetime64[D]")


def accrue_interest_frame(frame: pd.DataFrame, table: AccrualTable, principal: str = "principal_minor",
                          due: str = "due", end: str = "end", threads: int = 1) -> pd.DataFrame:
    """``frame`` with ``interest_minor`` and ``status`` columns from the batch kernel."""
    interest, status, _ = accrue_interest(table, frame[principal].to_numpy(dtype=np.int64),
                                          _day_column(frame[due]), _day_column(frame[end]), threads=threads)
    out = frame.copy()
    out["interest_minor"] = interest
    out["status"] = status
    return out


def age_frame(frame: pd.DataFrame, as_of: datetime.date, bounds: tuple[int, ...] = (0, 30, 60, 90),
              basis: AgingBasis = AgingBasis.DUE_DATE, group: str = "customer_id", issue: str = "issue_date",
              due: str = "due_date", open_minor: str = "open_minor", threads: int = 1) -> pd.DataFrame:
    """Open minor units per group and bucket (the batch kernel), one row per group."""
    codes, groups = pd.factorize(frame[group], sort=False)
    table = age(_day_column(frame[issue]), _day_column(frame[due]), frame[open_minor].to_numpy(dtype=np.int64),
                codes.astype(np.uint32), len(groups), as_of, list(bounds), basis, threads)
    labels = ["<=%d" % bounds[0]] + ["%d-%d" % (a + 1, b) for a, b in zip(bounds, bounds[1:])] + [">%d" % bounds[-1]]
    return pd.DataFrame(table, index=pd.Index(groups, name=group), columns=labels)
