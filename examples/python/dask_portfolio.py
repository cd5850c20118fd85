"""A synthetic portfolio's daily run on a Dask LocalCluster: invoices/s as worker processes are
added. The ledger is partitioned by customer and each partition is made on its worker, so the
client never holds the portfolio.

    PYTHONPATH=build/release/python python3 examples/python/dask_portfolio.py                 # 200 000
    PYTHONPATH=build/release/python python3 examples/python/dask_portfolio.py --invoices 10000000

The same code runs on a multi-machine cluster: start `dask scheduler` on one machine and
`dask worker tcp://scheduler:8786` on each of the others (kreditor installed there with
`pip install .`), then pass --scheduler tcp://scheduler:8786 instead of a LocalCluster.
"""

from __future__ import annotations

import argparse
import datetime
import functools
import time

from distributed import Client, LocalCluster

import kreditor.dask as kd


def run(client: Client, sources: list, progress: bool) -> tuple[dict, float]:
    start = time.perf_counter()
    summary = kd.evaluate_portfolio(sources, client=client, progress=progress, summary=True)
    return summary, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--invoices", type=int, default=200_000)
    parser.add_argument("--per-customer", type=int, default=10, help="invoices per customer")
    parser.add_argument("--partition-invoices", type=int, default=250_000, help="invoices per partition")
    parser.add_argument("--workers", default="1,2", help="worker process counts to try, e.g. 1,2")
    parser.add_argument("--scheduler", help="an existing cluster's scheduler address (tcp://host:8786)")
    parser.add_argument("--no-progress", action="store_true")
    args = parser.parse_args()

    as_of = datetime.date(2026, 11, 20)
    customers = max(1, args.invoices // args.per_customer)
    per_part = max(1, args.partition_invoices // args.per_customer)
    parts = max(2, -(-customers // per_part))
    sizes = [customers // parts + (1 if i < customers % parts else 0) for i in range(parts)]
    sources = [functools.partial(kd.synthetic_partition, i, n, args.per_customer, as_of) for i, n in enumerate(sizes)]
    total = sum(sizes) * args.per_customer
    print(f"portfolio: {total:,} invoices, {customers:,} customers, {parts} partitions, as of {as_of}")

    if args.scheduler:
        with Client(args.scheduler) as client:
            summary, seconds = run(client, sources, not args.no_progress)
            print(f"cluster {args.scheduler}: {summary['invoices']:,} invoices in {seconds:.1f} s: "
                  f"{summary['invoices'] / seconds:,.0f} invoices/s")
        return
    for workers in (int(w) for w in args.workers.split(",")):
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                          dashboard_address=None, silence_logs=40) as cluster, Client(cluster) as client:
            client.run(lambda: __import__("kreditor"))  # import on every worker before timing
            summary, seconds = run(client, sources, not args.no_progress)
            assert summary["invoices"] == total
            print(f"{workers} worker process(es): {total:,} invoices in {seconds:.1f} s: "
                  f"{total / seconds:,.0f} invoices/s; commands {sum(summary['commands'].values()):,}")


if __name__ == "__main__":
    main()
