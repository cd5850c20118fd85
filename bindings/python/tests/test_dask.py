"""kreditor.dask: a portfolio partitioned by customer over a LocalCluster (loopback only) gives
exactly the single-process run."""

from __future__ import annotations

import datetime

import pandas as pd
import pytest

import kreditor
import kreditor.dask as kd
import kreditor.pandas as kp

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                       dashboard_address=None, silence_logs=40)
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def by_invoice(frame: pd.DataFrame) -> pd.DataFrame:
    return frame.sort_values("invoice_id").reset_index(drop=True)


def test_partitions_keep_every_customer_whole(sample_dir):
    parts = kd.partition_files(str(sample_dir), 3)
    seen = {}
    for i, part in enumerate(parts):
        ledger = kreditor.Ledger.parse(part)
        for inv in ledger.invoices:
            seen[inv.invoice_id] = i
            assert any(c.customer_id == inv.customer_id for c in ledger.customers)
    assert len(seen) == len(kreditor.Ledger.sample().invoices)


def test_cluster_run_equals_the_single_process_run(client, sample_dir):
    whole = kp.report_frame(kreditor.run_sample())
    parts = kd.partition_files(str(sample_dir), 4)
    on_cluster = kd.evaluate_portfolio(parts, client=client, progress=False)
    pd.testing.assert_frame_equal(by_invoice(on_cluster), by_invoice(whole))
    in_process = kd.evaluate_portfolio(parts)
    pd.testing.assert_frame_equal(on_cluster, in_process)


def test_synthetic_partitions_made_on_the_workers(client):
    import functools

    as_of = datetime.date(2026, 11, 20)
    sources = [functools.partial(kd.synthetic_partition, i, 20, 10, as_of) for i in range(4)]
    on_cluster = kd.evaluate_portfolio(sources, client=client, progress=False, summary=True)
    whole = kreditor.make_report(kreditor.Ledger.parse(_merged([s() for s in sources])))
    assert on_cluster["invoices"] == len(whole) == 800
    assert sum(on_cluster["commands"].values()) == len(whole.commands())
    assert on_cluster["total_due"]["NOK"] == sum(line.total_due.amount for line in whole.lines)


def _merged(parts):
    out = dict(parts[0])
    for p in parts[1:]:
        for name, text in p.items():
            if name.endswith(".csv"):
                out[name] += text.split("\n", 1)[1]
    return out
