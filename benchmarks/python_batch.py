"""The Python batch path against the C++ Google Benchmark on the same portfolios.

Runs the C++ benchmarks (kreditor_benchmarks of a Release build) for late-interest accrual, aging
and the daily dunning run, times the same kernels through `kreditor` on portfolios of the same
size, shape and parameters (numpy's generator instead of std::mt19937_64: the same ranges, not
the same draws), and prints items/s and the ratio. Target: Python within 1.3x of C++.

    cmake --preset bench -DKREDITOR_BUILD_PYTHON=ON && cmake --build --preset bench
    PYTHONPATH=build/bench/python python3 benchmarks/python_batch.py --cpp build/bench/benchmarks/kreditor_benchmarks
"""

from __future__ import annotations

import argparse
import datetime
import json
import subprocess
import time

import numpy as np

import kreditor

N = 1_000_000


def best_of(fn, repeat: int) -> float:
    """The best CPU time of `repeat` calls: Google Benchmark's items/s count CPU time too, which
    keeps the comparison fair on a loaded machine (the calls run on one thread)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def interest_case(repeat: int) -> dict[str, float]:
    # bm_interest.cpp: due 2014-2025, 0-400 days late, 100.00 to 1 000 000.00, NO table to 2030.
    rng = np.random.default_rng(20240101)
    first, last = np.datetime64("2014-01-01"), np.datetime64("2025-12-31")
    due = first + rng.integers(0, (last - first).astype(int) + 1, N).astype("timedelta64[D]")
    end = due + rng.integers(0, 401, N).astype("timedelta64[D]")
    principal = rng.integers(10_000, 100_000_001, N, dtype=np.int64)
    table = kreditor.AccrualTable(kreditor.RateTable.statutory(kreditor.Jurisdiction.NO), last_day=datetime.date(2030, 12, 31))
    due32, end32 = kreditor.days(due), kreditor.days(end)
    out = np.empty(N, dtype=np.int64)  # reused, as the C++ benchmark reuses its output
    return {
        # As the C++ benchmark: int32 days, the output reused, no status column.
        "BM_Interest_BatchOneThread/1000000": N / best_of(
            lambda: kreditor.accrue_interest(table, principal, due32, end32, out=out, status=False), repeat),
        "  interest: new arrays, with status": N / best_of(lambda: kreditor.accrue_interest(table, principal, due32, end32), repeat),
        "  interest: datetime64[D] columns": N / best_of(
            lambda: kreditor.accrue_interest(table, principal, due, end, out=out, status=False), repeat),
    }


def aging_case(repeat: int) -> dict[str, float]:
    # synthetic_portfolio.hpp: issued 0-400 days before 2024-06-30, terms 10/14/30/45/60, 1 in 20
    # amounts negative, about 20 invoices per customer.
    rng = np.random.default_rng(20240131)
    as_of = datetime.date(2024, 6, 30)
    customers = N // 20 + 1
    issue = np.datetime64(as_of) - rng.integers(0, 401, N).astype("timedelta64[D]")
    due = issue + rng.choice([10, 14, 30, 45, 60], N).astype("timedelta64[D]")
    amount = rng.integers(1, 5_000_001, N, dtype=np.int64)
    amount = np.where(rng.integers(0, 20, N) == 0, -amount, amount)
    group = rng.integers(0, customers, N).astype(np.uint32)
    issue32, due32 = kreditor.days(issue), kreditor.days(due)
    return {
        "BM_Aging_Batch/1000000": N / best_of(lambda: kreditor.age(issue32, due32, amount, group, customers, as_of), repeat),
        "  aging: datetime64[D] columns": N / best_of(lambda: kreditor.age(issue, due, amount, group, customers, as_of), repeat),
    }


def dunning_case(repeat: int, n: int = 100_000) -> dict[str, float]:
    # bm_dunning.cpp: invoices over a year from 2025-06-01, due 14-44 days later, 1 in 3 consumers.
    policy = kreditor.Policy.preset("NO")
    i = np.arange(n)
    invoice = np.datetime64("2025-06-01") + (i % 365).astype("timedelta64[D]")
    due = invoice + (14 + (i * 7919) % 31).astype("timedelta64[D]")
    open_minor = (10_000 + (i.astype(np.int64) * 104729) % 5_000_000).astype(np.int64)
    traits = (np.where(i % 3 == 0, 1, 0) | 2).astype(np.uint8)
    as_of = datetime.date(2026, 6, 1)
    batch = kreditor.DunningBatch(policy, kreditor.days(invoice), kreditor.days(due), open_minor, [kreditor.NOK],
                                  traits=traits)
    batch.evaluate(as_of - datetime.timedelta(days=1), threads=2)  # a normal day follows
    start_states = batch.snapshot()
    # As the C++ benchmark: the same day run again and again from the same states (restored untimed).
    best = float("inf")
    for _ in range(repeat * 20):
        batch.restore(start_states)
        start = time.process_time()
        batch.evaluate(as_of, threads=1)
        best = min(best, time.process_time() - start)
    return {f"BM_Dunning_BatchDaily/{n}": n / best}


def cpp_rates(binary: str) -> dict[str, float]:
    pattern = "BM_Interest_BatchOneThread/1000000$|BM_Aging_Batch/1000000$|BM_Dunning_BatchDaily/100000$"
    out = subprocess.run([binary, f"--benchmark_filter={pattern}", "--benchmark_format=json",
                          "--benchmark_repetitions=3", "--benchmark_report_aggregates_only=true"],
                         capture_output=True, text=True, check=True).stdout
    rates: dict[str, float] = {}
    for b in json.loads(out)["benchmarks"]:
        if b.get("aggregate_name") == "median":
            rates[b["run_name"].split("/min_time")[0].replace("_mean", "")] = b["items_per_second"]
    return rates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cpp", help="path to kreditor_benchmarks (Release)")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    python = {}
    for case in (interest_case, aging_case, dunning_case):
        python.update(case(args.repeat))
    cpp = cpp_rates(args.cpp) if args.cpp else {}
    print(f"{'benchmark':45s} {'C++ items/s':>14s} {'Python items/s':>15s} {'C++/Python':>10s}")
    for name, rate in python.items():
        ref = cpp.get(name)
        ratio = f"{ref / rate:10.2f}" if ref else f"{'-':>10s}"
        print(f"{name:45s} {ref or 0:14,.0f} {rate:15,.0f} {ratio}")


if __name__ == "__main__":
    main()
