#!/usr/bin/python3
"""Encodes the two credit data sets and fits the reference logistic regressions.

Run from this folder with Debian's python3 (python3-statsmodels):

    /usr/bin/python3 make_reference.py            # writes *_encoded.csv and reference_statsmodels.json
    Rscript make_reference.R                      # writes reference_r.json (r-base-core), reads the same CSVs

The C++ tests (tests/unit/scoring/logistic_test.cpp) read the encoded CSVs and both JSON files; they
never run Python or R. The encoding is done HERE, once, and both references and kreditor read the
same encoded numbers, so no dummy-coding convention can differ between them:

* german_credit_encoded.csv, from german_credit_caret.csv (caret's GermanCredit, already dummy-coded
  with every level present): `bad` = 1 for Class "Bad"; the two all-zero columns
  (Purpose.Vacation, Personal.Female.Single) are dropped; in each factor group the FIRST level in
  caret's column order is dropped as the reference level (treatment coding, as R's default
  contr.treatment does with the first level). 1000 rows x 48 predictors.
* credit_data_encoded.csv, from credit_data_modeldata.csv (modeldata's credit_data): complete rows
  only (4039 of 4454; R's na.omit), `bad` = 1 for Status "bad"; the factors Home, Marital, Records and
  Job are treatment-coded with the alphabetically first level as reference (R's default factor
  levels), dummy columns named "<Factor>.<level>"; numeric columns unchanged. A column `w` holds
  integer frequency weights 1 + (row index mod 3) used only by the weighted fit (excluded from the
  predictors of every fit).

The fits: Newton-Raphson to a parameter tolerance of 1e-14 (statsmodels Logit, and GLM Binomial with
freq_weights for the weighted fit), so the references carry the MLE to ~machine precision and the
comparison measures kreditor, not the references' stopping rules.
"""
import csv
import json
import platform
import time

import numpy as np
import statsmodels
import statsmodels.api as sm

GERMAN_GROUPS = ["CheckingAccountStatus", "CreditHistory", "Purpose", "SavingsAccountBonds",
                 "EmploymentDuration", "Personal", "OtherDebtorsGuarantors", "Property",
                 "OtherInstallmentPlans", "Housing", "Job"]


def write_csv(path, header, rows):
    with open(path, "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def encode_german():
    rows = list(csv.reader(open("german_credit_caret.csv")))
    header, body = rows[0], rows[1:]
    zero = [c for i, c in enumerate(header)
            if c != "Class" and all(float(r[i]) == 0 for r in body)]
    keep = [c for c in header if c != "Class" and c not in zero]
    dropped_reference = []
    for g in GERMAN_GROUPS:
        first = next(c for c in keep if c.startswith(g + "."))
        keep.remove(first)
        dropped_reference.append(first)
    idx = [header.index(c) for c in keep]
    ci = header.index("Class")
    out = [[1 if r[ci] == "Bad" else 0] + [r[i] for i in idx] for r in body]
    write_csv("german_credit_encoded.csv", ["bad"] + keep, out)
    return {"dropped_all_zero": zero, "dropped_reference_levels": dropped_reference}


def encode_credit_data():
    rows = list(csv.reader(open("credit_data_modeldata.csv")))
    header, body = rows[0], rows[1:]
    body = [r for r in body if all(v not in ("NA", "") for v in r)]
    factors = ["Home", "Marital", "Records", "Job"]
    numeric = [c for c in header if c not in factors and c != "Status"]
    levels = {f: sorted({r[header.index(f)] for r in body}) for f in factors}
    cols = []
    for c in header:
        if c == "Status":
            continue
        if c in factors:
            cols += [(c, lv) for lv in levels[c][1:]]
        else:
            cols.append((c, None))
    names = [c if lv is None else f"{c}.{lv}" for c, lv in cols]
    out = []
    for k, r in enumerate(body):
        row = [1 if r[header.index("Status")] == "bad" else 0]
        for c, lv in cols:
            v = r[header.index(c)]
            row.append(v if lv is None else (1 if v == lv else 0))
        row.append(1 + k % 3)
        out.append(row)
    write_csv("credit_data_encoded.csv", ["bad"] + names + ["w"], out)
    return {"rows_complete": len(body), "reference_levels": {f: levels[f][0] for f in factors},
            "numeric": numeric}


def load(path):
    rows = list(csv.reader(open(path)))
    return rows[0], np.array(rows[1:], dtype=float)


def fit(path, weights=None):
    header, a = load(path)
    y = a[:, 0]
    pred = [c for c in header[1:] if c != "w"]
    X = np.column_stack([np.ones(len(y))] + [a[:, header.index(c)] for c in pred])
    names = ["(Intercept)"] + pred
    t0 = time.perf_counter()
    if weights is None:
        res = sm.Logit(y, X).fit(method="newton", tol=1e-14, maxiter=100, disp=0)
        iters = int(res.mle_retvals["iterations"])
    else:
        w = a[:, header.index(weights)]
        res = sm.GLM(y, X, family=sm.families.Binomial(), freq_weights=w).fit(
            method="newton", tol=1e-14, maxiter=100)
        iters = None
    elapsed = time.perf_counter() - t0
    out = {"coefficients": dict(zip(names, map(float, res.params))),
           "std_errors": dict(zip(names, map(float, res.bse))),
           "log_likelihood": float(res.llf)}
    if iters is not None:
        out["iterations"] = iters
    return out, elapsed


def time_fit(path, repeats=20):
    header, a = load(path)
    y = a[:, 0]
    pred = [c for c in header[1:] if c != "w"]
    X = np.column_stack([np.ones(len(y))] + [a[:, header.index(c)] for c in pred])
    best = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        sm.Logit(y, X).fit(disp=0)  # statsmodels' defaults (newton, tol 1e-8), as a user calls it
        best.append(time.perf_counter() - t0)
    return float(np.median(best)), float(min(best))


def main():
    enc = {"german_credit": encode_german(), "credit_data": encode_credit_data()}
    ref = {"generator": "make_reference.py",
           "statsmodels": statsmodels.__version__, "numpy": np.__version__,
           "python": platform.python_version(), "encoding": enc, "fits": {}}
    ref["fits"]["german_credit"], _ = fit("german_credit_encoded.csv")
    ref["fits"]["credit_data"], _ = fit("credit_data_encoded.csv")
    ref["fits"]["credit_data_weighted"], _ = fit("credit_data_encoded.csv", weights="w")
    med, low = time_fit("german_credit_encoded.csv")
    ref["timing_note"] = ("statsmodels Logit(y, X).fit() on german_credit_encoded.csv, default options; "
                          f"median {med * 1e3:.2f} ms, best {low * 1e3:.2f} ms of 20 (informational)")
    with open("reference_statsmodels.json", "w") as f:
        json.dump(ref, f, indent=1, sort_keys=False)
        f.write("\n")
    print(ref["timing_note"])


if __name__ == "__main__":
    main()
