"""A scorecard's ROC curve: how well a simple delinquency score, taken 90 days before the run,
ranks the customers that end up late (an invoice more than 30 days past due).

Until the scoring issue lands (kreditor.scoring: fit, score, review), the "scorecard" is the
library's own exposure figure: the days past due of a customer's oldest open invoice 90 days
earlier. The outcome is the library's too: the same figure on the run's date above 30 days.
Both come from the daily runs (make_report) of a deterministic synthetic ledger.

    PYTHONPATH=build/dev/python python3 examples/python/roc_curve.py --out roc.png
"""

from __future__ import annotations

import argparse
import datetime

import matplotlib
import numpy as np

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import kreditor  # noqa: E402
import kreditor.dask as kd  # noqa: E402


def roc(scores: np.ndarray, outcome: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    """False and true positive rates at every threshold, and the AUC (ties count half)."""
    order = np.argsort(-scores, kind="stable")
    s, y = scores[order], outcome[order]
    distinct = np.r_[np.flatnonzero(np.diff(s)), len(s) - 1]
    tp = np.cumsum(y)[distinct]
    fp = np.cumsum(1 - y)[distinct]
    tpr = np.r_[0, tp / max(tp[-1], 1)]
    fpr = np.r_[0, fp / max(fp[-1], 1)]
    return fpr, tpr, float(np.trapz(tpr, fpr))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="roc.png")
    parser.add_argument("--customers", type=int, default=400)
    args = parser.parse_args()

    as_of = datetime.date(2026, 11, 20)
    ledger = kreditor.Ledger.parse(kd.synthetic_partition(0, args.customers, 2, as_of, seed=17))
    before = kreditor.make_report(ledger, as_of - datetime.timedelta(days=90))
    after = kreditor.make_report(ledger, as_of)
    late = {c.customer_id for c in after.customers if c.exposure.max_days_past_due > 30}
    scores = np.array([c.exposure.max_days_past_due for c in before.customers], dtype=float)
    outcome = np.array([c.customer_id in late for c in before.customers], dtype=int)
    fpr, tpr, auc = roc(scores, outcome)
    print(f"{len(scores)} customers, {outcome.sum()} more than 30 days past due on {as_of}; AUC = {auc:.3f}")

    fig, ax = plt.subplots(figsize=(5, 5))
    ax.plot(fpr, tpr, label=f"days past due 90 days before (AUC {auc:.3f})")
    ax.plot([0, 1], [0, 1], "--", color="grey", label="chance")
    ax.set_xlabel("false positive rate")
    ax.set_ylabel("true positive rate")
    ax.set_title("ROC: who ends up more than 30 days past due")
    ax.legend(loc="lower right", fontsize=8)
    fig.tight_layout()
    fig.savefig(args.out, dpi=100)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
