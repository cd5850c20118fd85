"""A PEP 517 build backend for `pip install .`: CMake builds the module, this packs the wheel.

Only the standard library: Debian's pip installs offline with --no-build-isolation, and neither
scikit-build-core nor scikit-build is packaged for Debian 12. The wheel holds the package
exactly as the build tree lays it out (<build>/python/kreditor): the pure-Python files, the stubs,
py.typed and the compiled `_core`.

Two environment variables, for tests and packagers:
  KREDITOR_PIP_BUILD_DIR  where CMake builds (default: <repo>/build/pip)
  KREDITOR_PIP_PREBUILT   a package directory an earlier CMake build made (<build>/python/kreditor):
                          it is packed as it is, nothing is compiled. The ctest `python_pip_install`
                          uses it, so the normal test run checks pip, the hooks and the wheel without
                          building the library a second time.
"""

from __future__ import annotations

import base64
import hashlib
import os
import pathlib
import re
import shutil
import subprocess
import sys
import sysconfig
import zipfile

ROOT = pathlib.Path(__file__).resolve().parents[2]
NAME = "kreditor"


def _version() -> str:
    text = (ROOT / "CMakeLists.txt").read_text(encoding="utf-8")
    match = re.search(r"project\(kreditor VERSION (\d+\.\d+\.\d+)", text)
    if not match:
        raise RuntimeError("CMakeLists.txt: no project(kreditor VERSION x.y.z)")
    return match.group(1)


def _tag() -> str:
    impl = "cp%d%d" % sys.version_info[:2]
    platform = sysconfig.get_platform().replace("-", "_").replace(".", "_")
    return f"{impl}-{impl}-{platform}"


def _metadata() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return (f"Metadata-Version: 2.1\nName: {NAME}\nVersion: {_version()}\n"
            "Summary: Credit risk and dunning for invoicing and accounting software\n"
            "Requires-Python: >=3.9\nRequires-Dist: numpy\n"
            "Provides-Extra: pandas\nRequires-Dist: pandas; extra == \"pandas\"\n"
            "Provides-Extra: dask\nRequires-Dist: pandas; extra == \"dask\"\n"
            "Requires-Dist: dask; extra == \"dask\"\nRequires-Dist: distributed; extra == \"dask\"\n"
            "Description-Content-Type: text/markdown\n\n" + readme)


def _build_package() -> pathlib.Path:
    """Configures and builds the module with CMake; returns <build>/python/kreditor."""
    prebuilt = os.environ.get("KREDITOR_PIP_PREBUILT")
    if prebuilt:
        package = pathlib.Path(prebuilt).resolve()
        if not any(package.glob("_core*.so")) or not (package / "__init__.py").exists():
            raise RuntimeError(f"KREDITOR_PIP_PREBUILT={prebuilt}: no built kreditor package (_core*.so, __init__.py)")
        return package
    build = pathlib.Path(os.environ.get("KREDITOR_PIP_BUILD_DIR") or ROOT / "build" / "pip").resolve()
    configure = ["cmake", "-S", str(ROOT), "-B", str(build), "-DCMAKE_BUILD_TYPE=Release",
                 "-DKREDITOR_BUILD_PYTHON=ON", "-DKREDITOR_BUILD_TESTS=OFF", "-DKREDITOR_BUILD_CLI=OFF",
                 "-DKREDITOR_INSTALL=OFF", f"-DPython_EXECUTABLE={sys.executable}"]
    if shutil.which("ninja"):
        configure += ["-G", "Ninja"]
    if shutil.which("ccache"):
        configure += ["-DCMAKE_CXX_COMPILER_LAUNCHER=ccache", "-DCMAKE_C_COMPILER_LAUNCHER=ccache"]
    subprocess.run(configure, check=True, stdout=sys.stderr)
    jobs = os.environ.get("CMAKE_BUILD_PARALLEL_LEVEL", str(os.cpu_count() or 1))
    subprocess.run(["cmake", "--build", str(build), "--target", "kreditor_python", "-j", jobs], check=True,
                   stdout=sys.stderr)
    return build / "python" / NAME


def _record_line(arcname: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{arcname},sha256={digest},{len(data)}"


def _dist_info_files() -> dict[str, str]:
    return {
        "METADATA": _metadata(),
        "WHEEL": f"Wheel-Version: 1.0\nGenerator: kreditor build_backend\nRoot-Is-Purelib: false\nTag: {_tag()}\n",
        "top_level.txt": NAME + "\n",
    }


# -- PEP 517 hooks ----------------------------------------------------------------------------------

def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    dist_info = pathlib.Path(metadata_directory) / f"{NAME}-{_version()}.dist-info"
    dist_info.mkdir(parents=True, exist_ok=True)
    for name, text in _dist_info_files().items():
        (dist_info / name).write_text(text, encoding="utf-8")
    return dist_info.name


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    package = _build_package()
    version = _version()
    dist_info = f"{NAME}-{version}.dist-info"
    wheel_name = f"{NAME}-{version}-{_tag()}.whl"
    records = []
    with zipfile.ZipFile(pathlib.Path(wheel_directory) / wheel_name, "w", zipfile.ZIP_DEFLATED) as wheel:
        for path in sorted(package.iterdir()):
            if path.is_file() and (path.suffix in (".py", ".pyi", ".so") or path.name == "py.typed"):
                data = path.read_bytes()
                arcname = f"{NAME}/{path.name}"
                wheel.writestr(arcname, data)
                records.append(_record_line(arcname, data))
        for name, text in _dist_info_files().items():
            arcname = f"{dist_info}/{name}"
            wheel.writestr(arcname, text)
            records.append(_record_line(arcname, text.encode()))
        records.append(f"{dist_info}/RECORD,,")
        wheel.writestr(f"{dist_info}/RECORD", "\n".join(records) + "\n")
    return wheel_name


def build_sdist(sdist_directory, config_settings=None):
    import tarfile

    version = _version()
    base = f"{NAME}-{version}"
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    with tarfile.open(pathlib.Path(sdist_directory) / f"{base}.tar.gz", "w:gz") as tar:
        for rel in tracked:
            tar.add(ROOT / rel, arcname=f"{base}/{rel}")
        info = ROOT / "build" / "PKG-INFO"
        info.parent.mkdir(exist_ok=True)
        info.write_text(_metadata(), encoding="utf-8")
        tar.add(info, arcname=f"{base}/PKG-INFO")
    return f"{base}.tar.gz"
