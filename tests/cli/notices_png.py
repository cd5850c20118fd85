"""The HTML notices render in a real browser: headless Chromium (Debian's `chromium`) prints
each language's collection warning of the bundled sample to a PNG, and the PNG is not blank.

Run by ctest (notices_png_chromium) as:  python3 notices_png.py KREDITOR_BINARY CHROMIUM WORKDIR
"""
import pathlib
import shutil
import subprocess
import sys

import matplotlib.image as mpimg  # Debian's python3-matplotlib reads PNG without PIL

kreditor, chromium, work = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3])
shutil.rmtree(work, ignore_errors=True)
work.mkdir(parents=True)
written = []
for lang in ("nb", "sv", "da", "fi", "en"):
    out = work / lang
    run = subprocess.run([kreditor, "notices", "--format", "html", "--lang", lang, "--out", str(out)],
                         capture_output=True, text=True, check=True)
    written.append(pathlib.Path(run.stdout.splitlines()[1]))  # NO-1002's collection warning
for html in written:
    png = html.with_suffix(".png")
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                    f"--screenshot={png}", "--window-size=900,1200", html.as_uri()],
                   capture_output=True, check=True, timeout=120)
    assert png.stat().st_size > 10_000, f"{png}: {png.stat().st_size} bytes"
    pixels = mpimg.imread(str(png))[:, :, :3]
    # Text on a white page: a real share of dark pixels, and the page is not one colour.
    dark = (pixels.mean(axis=2) < 0.5).mean()
    assert pixels.std() > 0.05, f"{png}: blank (std {pixels.std():.3f})"
    assert 0.005 < dark < 0.5, f"{png}: {dark:.3%} dark pixels"
    print(f"{png.name}: {pixels.shape[1]}x{pixels.shape[0]}, {dark:.2%} dark")
