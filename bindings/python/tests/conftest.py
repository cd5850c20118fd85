"""Shared fixtures: where the repository, the CLI and the test output live.

The suite imports ``kreditor`` as users do (ctest sets PYTHONPATH=<build>/python). It reads only
the repository (KREDITOR_SOURCE_DIR, else two levels up) and writes only to KREDITOR_TEST_OUTPUT
(else pytest's tmp_path).
"""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess
import sys

import pytest

SOURCE_DIR = pathlib.Path(os.environ.get("KREDITOR_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[3]))


@pytest.fixture(scope="session")
def source_dir() -> pathlib.Path:
    return SOURCE_DIR


@pytest.fixture(scope="session")
def sample_dir() -> pathlib.Path:
    return SOURCE_DIR / "examples" / "sample_ledger"


@pytest.fixture(scope="session")
def cli() -> str:
    """The `kreditor` executable of the same build (ctest passes it); skipped when run by hand."""
    path = os.environ.get("KREDITOR_CLI") or shutil.which("kreditor")
    if not path:
        pytest.skip("KREDITOR_CLI is not set (ctest sets it)")
    return path


@pytest.fixture()
def output_dir(tmp_path: pathlib.Path, request: pytest.FixtureRequest) -> pathlib.Path:
    root = os.environ.get("KREDITOR_TEST_OUTPUT")
    if not root:
        return tmp_path
    out = pathlib.Path(root) / request.node.name
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    return out


def run_script(path: pathlib.Path, *args: str, cwd: pathlib.Path | None = None) -> subprocess.CompletedProcess[str]:
    """Runs an example script with this interpreter and the same kreditor."""
    env = dict(os.environ, MPLBACKEND="Agg")
    return subprocess.run([sys.executable, str(path), *args], capture_output=True, text=True, env=env,
                          cwd=cwd, timeout=600, check=False)
