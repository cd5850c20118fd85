"""The examples a credit analyst runs: they run, and their PNGs exist and are not empty."""

from __future__ import annotations

import importlib.util
import pathlib
import re

import numpy as np
import pytest
from conftest import run_script

import kreditor


@pytest.fixture(scope="module")
def examples(source_dir) -> pathlib.Path:
    return source_dir / "examples" / "python"


def png_ok(path: pathlib.Path) -> bool:
    return path.exists() and path.stat().st_size > 1000 and path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_aging_chart(examples, output_dir):
    r = run_script(examples / "aging_chart.py", "--out", str(output_dir / "aging.png"))
    assert r.returncode == 0, r.stderr
    assert png_ok(output_dir / "aging.png")
    assert "current" in r.stdout


def test_roc_curve(examples, output_dir):
    r = run_script(examples / "roc_curve.py", "--out", str(output_dir / "roc.png"))
    assert r.returncode == 0, r.stderr
    assert png_ok(output_dir / "roc.png")
    printed = float(re.search(r"AUC = ([0-9.e-]+)", r.stdout).group(1))  # repr: the double itself
    # The example's data, model and PDs again: its AUC is kreditor.auc's, to the last bit, and is
    # the area under the curve it plots (numpy's trapezoids over the points, ties diagonal).
    spec = importlib.util.spec_from_file_location("roc_curve", examples / "roc_curve.py")
    roc = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(roc)
    x, y = roc.data(400)
    pd = kreditor.fit_logistic(x, y, names=roc.PREDICTORS, l2=roc.L2).model.predict(x)
    assert printed == kreditor.auc(pd, y)
    fpr, tpr = roc.roc_points(pd, y)
    assert float(np.trapz(tpr, fpr)) == pytest.approx(printed, abs=1e-12)
    assert 0.5 < printed <= 1.0


def test_daily_commands_notebook(examples):
    r = run_script(examples / "daily_commands.py")
    assert r.returncode == 0, r.stderr
    assert "send_reminder" in r.stdout and "invoice_id" in r.stdout


def test_dask_portfolio_small(examples):
    r = run_script(examples / "dask_portfolio.py", "--invoices", "20000", "--workers", "1,2", "--no-progress")
    assert r.returncode == 0, r.stderr
    assert r.stdout.count("invoices/s") == 2
