"""The ctest `python_pip_install`: `pip install` of the repository as a user runs it, offline.

    python3 bindings/python/pip_install_check.py REPO BUILT_PACKAGE OUTPUT_DIR

Runs `python3 -m pip install --no-build-isolation --no-deps --no-index --target <tmp> REPO`
(pyproject.toml -> bindings/python/build_backend.py, no download: --no-index), with
KREDITOR_PIP_PREBUILT=BUILT_PACKAGE so the backend packs the module this build made instead of
compiling the library again; then imports kreditor from <tmp> in a fresh interpreter (-I: no
PYTHONPATH, no user site) and runs the bundled sample's daily run. Exit 77 (ctest SKIP_RETURN_CODE)
only when pip itself is missing; any other failure is a failure.

Without BUILT_PACKAGE (or with KREDITOR_PIP_FULL=1) the backend builds the module from scratch
with CMake in OUTPUT_DIR/cmake-build: the whole library in Release, minutes on two cores.
"""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess
import sys
import time

SKIP = 77

CHECK = r'''
import pathlib, sys
target = pathlib.Path(sys.argv[1]).resolve()
sys.path.insert(0, str(target))
import kreditor
assert pathlib.Path(kreditor.__file__).resolve().is_relative_to(target), kreditor.__file__
assert pathlib.Path(kreditor._core.__file__).resolve().is_relative_to(target), kreditor._core.__file__
report = kreditor.run_sample()
commands = report.commands()
assert commands, "the sample's daily run has commands"
print(f"kreditor {kreditor.__version__} from {target}: run_sample as of {report.as_of}, "
      f"{len(commands)} commands, first {commands[0].command} for {commands[0].customer_id}")
'''


def main() -> int:
    repo = pathlib.Path(sys.argv[1]).resolve()
    built = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2] else None
    out = pathlib.Path(sys.argv[3] if len(sys.argv) > 3 else "pip-install-check").resolve()
    if subprocess.run([sys.executable, "-m", "pip", "--version"], capture_output=True).returncode != 0:
        print(f"SKIP: {sys.executable} -m pip is not available (Debian: python3-pip)")
        return SKIP
    shutil.rmtree(out, ignore_errors=True)
    target = out / "site"
    target.mkdir(parents=True)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "KREDITOR_PIP_PREBUILT")}
    env["PIP_NO_INDEX"] = "1"  # offline: PyPI is never asked
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    if built is not None and os.environ.get("KREDITOR_PIP_FULL") != "1":
        env["KREDITOR_PIP_PREBUILT"] = str(built.resolve())
    else:
        env["KREDITOR_PIP_BUILD_DIR"] = str(out / "cmake-build")
    start = time.monotonic()
    pip = subprocess.run([sys.executable, "-m", "pip", "install", "--no-build-isolation", "--no-deps", "--no-index", "--no-cache-dir",
                          "--target", str(target), str(repo)], env=env, cwd=out, capture_output=True, text=True)
    print(pip.stdout[-4000:], pip.stderr[-4000:], sep="\n")
    if pip.returncode != 0:
        print(f"FAIL: pip install exited {pip.returncode}")
        return 1
    print(f"pip install took {time.monotonic() - start:.1f} s")
    package = target / "kreditor"
    for name in ("__init__.py", "_core.pyi", "py.typed", "pandas.py", "dask.py"):
        if not (package / name).exists():
            print(f"FAIL: {package / name} was not installed")
            return 1
    if not list(package.glob("_core*.so")) or not list(target.glob("kreditor-*.dist-info/RECORD")):
        print("FAIL: no compiled _core or no dist-info RECORD in the target")
        return 1
    run = subprocess.run([sys.executable, "-I", "-c", CHECK, str(target)], env=env, cwd=out, capture_output=True,
                         text=True)
    print(run.stdout, run.stderr, sep="\n")
    if run.returncode != 0:
        print("FAIL: the installed package did not import and run")
        return 1
    print("pip install check: 1 passed, 0 failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
