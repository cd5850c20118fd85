"""Aging by bucket as a bar chart: the sample ledger's open receivables as of its own date.

    PYTHONPATH=build/dev/python python3 examples/python/aging_chart.py --out aging.png
"""

from __future__ import annotations

import argparse

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import kreditor  # noqa: E402
import kreditor.pandas as kp  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="aging.png")
    args = parser.parse_args()

    report = kreditor.run_sample()
    aging = report.aging()  # current, 1-30, 31-60, 61-90, >90 days past due
    frame = kp.aging_frame(aging)
    print(frame.to_string())

    fig, axes = plt.subplots(1, len(aging.portfolio), figsize=(4.5 * len(aging.portfolio), 4), squeeze=False)
    for ax, row in zip(axes[0], aging.portfolio):
        amounts = [float(m.amount) for m in row.buckets]  # floats only for drawing
        bars = ax.bar(aging.labels, amounts, color=["#4c956c", "#f4d35e", "#ee964b", "#f95738", "#a4161a"])
        ax.set_title(f"{row.currency.code}: open {row.total.amount:,}")
        ax.set_xlabel("days past due")
        ax.bar_label(bars, labels=[f"{m.amount:,.0f}" for m in row.buckets], fontsize=7)
    fig.suptitle(f"Aging as of {aging.as_of.isoformat()}")
    fig.tight_layout()
    fig.savefig(args.out, dpi=100)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
