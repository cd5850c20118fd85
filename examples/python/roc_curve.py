"""A scorecard's ROC curve: how well a logistic model of the customers' payment behaviour 90 days
before the run ranks the customers that end up late (an invoice more than 30 days past due).

Everything comes from the library: the predictors are each customer's payment history as of 90
days before (Book.payment_history: days beyond terms and share paid on time, read off its book) and the days past due of its oldest open invoice then (make_report's
exposure); the outcome is that figure on the run's date above 30 days. The model is
kreditor.fit_logistic, its PDs LogisticModel.predict, the area under the curve kreditor.auc;
numpy only sorts the PDs into the curve's points for the plot. The ledger is a deterministic
synthetic one (kreditor.dask.synthetic_partition).

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

AS_OF = datetime.date(2026, 11, 20)
L2 = 1.0
INVOICES = 2  # per customer
# Day counts enter as log(1 + days): a few very late customers do not saturate the PDs at 0 or 1.
PREDICTORS = ["log1p_days_beyond_terms", "share_paid_on_time", "log1p_max_days_past_due"]


def data(customers: int) -> tuple[np.ndarray, np.ndarray]:
    """(x, y): per customer the predictors 90 days before AS_OF (PREDICTORS order) and 1 when it
    has an invoice more than 30 days past due on AS_OF."""
    ledger = kreditor.Ledger.parse(kd.synthetic_partition(0, customers, INVOICES, AS_OF, seed=17))
    then = AS_OF - datetime.timedelta(days=90)
    before = kreditor.make_report(ledger, then)
    after = kreditor.make_report(ledger, AS_OF)
    late = {c.customer_id for c in after.customers if c.exposure.max_days_past_due > 30}
    book = kreditor.make_book(ledger, then)  # its policies are compiled once for every history
    rows = []
    for c in before.customers:
        b = book.payment_history(c.customer_id).behaviour
        rows.append([np.log1p(b.days_beyond_terms), b.share_paid_on_time, np.log1p(c.exposure.max_days_past_due)])
    x = np.asfortranarray(rows, dtype=float)  # read in place by the C++ fit and predict
    y = np.array([c.customer_id in late for c in before.customers], dtype=float)
    return x, y


def roc_points(pd: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """False and true positive rates at every distinct PD, riskiest first (for the plot)."""
    order = np.argsort(-pd, kind="stable")
    s, bad = pd[order], y[order]
    distinct = np.r_[np.flatnonzero(np.diff(s)), len(s) - 1]
    tp = np.cumsum(bad)[distinct]
    fp = np.cumsum(1 - bad)[distinct]
    return np.r_[0, fp / max(fp[-1], 1)], np.r_[0, tp / max(tp[-1], 1)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", default="roc.png")
    parser.add_argument("--customers", type=int, default=400)
    args = parser.parse_args()

    x, y = data(args.customers)
    # A small ridge penalty: on this ledger the share paid on time (quasi-)separates the customers
    # that end up late (an unpenalised fit raises OutOfRange, naming it).
    fit = kreditor.fit_logistic(x, y, names=PREDICTORS, l2=L2)
    pd = fit.model.predict(x)
    auc = kreditor.auc(pd, y)
    print(f"{len(y)} customers, {int(y.sum())} more than 30 days past due on {AS_OF}")
    for name, value in fit.coefficients.items():
        print(f"  {name:24s} {value:+.4f}")
    print(f"AUC = {auc!r} (gini {kreditor.gini(pd, y):.3f}, KS {kreditor.ks(pd, y):.3f})")

    fpr, tpr = roc_points(pd, y)
    fig, ax = plt.subplots(figsize=(5, 5))
    ax.plot(fpr, tpr, label=f"logistic model of payment behaviour (AUC {auc:.3f})")
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
