"""A portfolio beyond one machine: the daily run partitioned by customer over a Dask cluster.

Every record of a customer (invoices, payments, events, orders, security) goes to the same
partition, so allocation (costs -> interest -> principal, customer credit) and consolidation stay
exactly as in one process: the concatenated result is the single-process result. Partitions are
plain texts of the ledger's CSV files (or callables that make them on the worker), so they travel
to any worker of any cluster.

    >>> from dask.distributed import Client, LocalCluster
    >>> import kreditor.dask as kd
    >>> parts = kd.partition_files("examples/sample_ledger", 4)
    >>> with LocalCluster(n_workers=2, host="127.0.0.1") as cluster, Client(cluster) as client:
    ...     frame = kd.evaluate_portfolio(parts, client=client)

On a multi-machine cluster the same code runs with ``Client("tcp://scheduler:8786")``; each
worker needs ``kreditor`` installed (``pip install .``).
"""

from __future__ import annotations

import datetime
import io
import csv
import os
import random
import time
from collections import Counter
from decimal import Decimal
from typing import Any, Callable, Mapping, Sequence, Union

import pandas as pd

from . import pandas as kpd
from ._core import Ledger, Policy, PolicySet, make_report

__all__ = ["partition_files", "evaluate_partition", "evaluate_portfolio", "synthetic_partition", "merge_summaries"]

Files = Mapping[str, str]
Source = Union[Files, str, Callable[[], Files]]

_CUSTOMER_FILES = ("customers.csv", "invoices.csv", "payments.csv", "events.csv", "orders.csv", "security.csv")


def _read_files(path: str) -> dict[str, str]:
    files: dict[str, str] = {}
    for name in os.listdir(path):
        full = os.path.join(path, name)
        if os.path.isfile(full) and (name.endswith(".csv") or name in ("ledger.json", "as_of.txt")):
            with open(full, encoding="utf-8") as f:
                files[name] = f.read()
    return files


def partition_files(ledger: str | Files, partitions: int) -> list[dict[str, str]]:
    """Splits a ledger (a directory or its files' texts) into `partitions` ledgers by customer.

    Customers are dealt round-robin in ledger order; every row of every file goes with its
    customer; rows keep their order. The ledger's own date (ledger.json) goes to every part.
    """
    if partitions < 1:
        raise ValueError("partition_files: partitions must be >= 1")
    files = _read_files(ledger) if isinstance(ledger, str) else dict(ledger)
    customers = list(csv.DictReader(io.StringIO(files["customers.csv"])))
    part_of = {row["customer_id"]: i % partitions for i, row in enumerate(customers)}
    out: list[dict[str, str]] = [{} for _ in range(partitions)]
    for name, text in files.items():
        if name not in _CUSTOMER_FILES:
            for part in out:
                part[name] = text
            continue
        lines = text.splitlines(keepends=True)
        if not lines:
            continue
        header = next(csv.reader([lines[0]]))
        column = header.index("customer_id")
        bodies: list[list[str]] = [[lines[0]] for _ in range(partitions)]
        for line in lines[1:]:
            if not line.strip():
                continue
            fields = next(csv.reader([line]))
            customer = fields[column]
            if customer not in part_of:  # the loader names the unknown customer
                part_of[customer] = 0
            bodies[part_of[customer]].append(line)
        for part, body in zip(out, bodies):
            part[name] = "".join(body)
    return out


def _policies(policy: str | Policy | None) -> PolicySet:
    if policy is None:
        return PolicySet()
    if isinstance(policy, Policy):
        return PolicySet(policy)
    return PolicySet.named(policy)


def evaluate_partition(source: Source, as_of: datetime.date | None = None, policy: str | Policy | None = None,
                       summary: bool = False) -> Any:
    """The daily run of one partition: its report as a DataFrame (kreditor.pandas.report_frame),
    or with `summary` a small dict (invoices, commands by kind, totals by currency, seconds)."""
    start = time.perf_counter()
    if callable(source):
        files = source()
    elif isinstance(source, str):
        files = _read_files(source)
    else:
        files = source
    ledger = Ledger.parse(dict(files))
    report = make_report(ledger, as_of, policies=_policies(policy))
    if report.problems:
        from ._core import InvalidArgument

        raise InvalidArgument("; ".join(report.problems[:5]))
    if not summary:
        return kpd.report_frame(report)
    total_due = {code: t["total_due"].amount for code, t in report.totals().items()}
    return {"invoices": len(report), "commands": report.command_counts(), "total_due": total_due,
            "seconds": time.perf_counter() - start}


def merge_summaries(parts: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The sum of partition summaries (evaluate_partition(..., summary=True))."""
    commands: Counter[str] = Counter()
    total_due: dict[str, Decimal] = {}
    invoices = 0
    for p in parts:
        invoices += p["invoices"]
        commands.update(p["commands"])
        for code, amount in p["total_due"].items():
            total_due[code] = total_due.get(code, Decimal(0)) + amount
    return {"invoices": invoices, "commands": dict(commands), "total_due": total_due}


def evaluate_portfolio(partitions: Sequence[Source], as_of: datetime.date | None = None,
                       policy: str | Policy | None = None, client: Any = None, progress: bool = True,
                       summary: bool = False) -> Any:
    """The daily run over all partitions: on `client`'s cluster (a dask.distributed.Client), or in
    this process without one. Returns one DataFrame (partitions concatenated in order) or, with
    `summary`, the merged summary. `progress` shows Dask's progress bar while the cluster works."""
    if client is None:
        parts = [evaluate_partition(p, as_of, policy, summary) for p in partitions]
    else:
        futures = client.map(evaluate_partition, list(partitions), as_of=as_of, policy=policy, summary=summary,
                             pure=False)
        if progress:
            from distributed import progress as show_progress

            show_progress(futures)
        parts = client.gather(futures)
    if summary:
        return merge_summaries(parts)
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()


def synthetic_partition(index: int, customers: int, invoices_per_customer: int,
                        as_of: datetime.date = datetime.date(2026, 11, 20), seed: int = 2026) -> dict[str, str]:
    """A deterministic synthetic ledger partition (CSV texts): `customers` Norwegian B2B customers
    with `invoices_per_customer` invoices each over the 400 days before `as_of`; about two in three
    invoices are paid (a few late, a few partly). The same (index, seed) gives the same texts."""
    rng = random.Random(seed * 1_000_003 + index)
    cust = ["customer_id,name,country,segment,currency,credit_limit,terms,org_number,email,account_manager,flags\n"]
    inv = ["invoice_id,customer_id,issue_date,due_date,currency,amount,terms,reference,credit_of\n"]
    pay = ["payment_id,customer_id,date,currency,amount,reference,invoice_id\n"]
    first = as_of.toordinal() - 400
    n_pay = 0
    for c in range(customers):
        cid = "C%d-%d" % (index, c)
        cust.append("%s,Customer %s,NO,b2b,NOK,%d.00,30 dager netto,,,,\n" % (cid, cid, rng.randrange(50, 500) * 1000))
        for k in range(invoices_per_customer):
            iid = "F%d-%d-%d" % (index, c, k)
            issued = first + rng.randrange(0, 400)
            due = issued + 30
            cents = rng.randrange(10_000, 5_000_000)
            inv.append("%s,%s,%s,%s,NOK,%d.%02d,,,\n" % (
                iid, cid, datetime.date.fromordinal(issued).isoformat(), datetime.date.fromordinal(due).isoformat(),
                cents // 100, cents % 100))
            r = rng.random()
            if r < 0.67:
                paid_on = min(due + rng.randrange(-20, 25), as_of.toordinal())
                paid = cents if r > 0.05 else cents // 2
                n_pay += 1
                pay.append("P%d-%d,%s,%s,NOK,%d.%02d,,%s\n" % (
                    index, n_pay, cid, datetime.date.fromordinal(max(paid_on, issued)).isoformat(),
                    paid // 100, paid % 100, iid))
    return {"customers.csv": "".join(cust), "invoices.csv": "".join(inv), "payments.csv": "".join(pay),
            "events.csv": "date,customer_id,invoice_id,event,details\n",
            "ledger.json": '{"as_of": "%s"}' % as_of.isoformat()}
