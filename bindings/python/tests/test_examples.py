"""The examples a credit analyst runs: they run, and their PNGs exist and are not empty."""

from __future__ import annotations

import pathlib
import re

import pytest
from conftest import run_script


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
    auc = float(re.search(r"AUC = ([0-9.]+)", r.stdout).group(1))
    assert 0.5 < auc <= 1.0


def test_daily_commands_notebook(examples):
    r = run_script(examples / "daily_commands.py")
    assert r.returncode == 0, r.stderr
    assert "send_reminder" in r.stdout and "invoice_id" in r.stdout


def test_dask_portfolio_small(examples):
    r = run_script(examples / "dask_portfolio.py", "--invoices", "20000", "--workers", "1,2", "--no-progress")
    assert r.returncode == 0, r.stderr
    assert r.stdout.count("invoices/s") == 2
