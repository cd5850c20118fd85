#!/bin/sh
# The 1M-invoice run: generates a deterministic ledger directory (benchmarks/gen_ledger.py)
# and times `kreditor run` over it under /usr/bin/time -v. Target: < 5 s wall, < 1 GB RSS.
# Not part of ctest (it takes a while); run it on a Release build:
#
#   cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release && cmake --build build/release
#   benchmarks/ledger_1m.sh build/release/kreditor [N] [DIR]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
kreditor=${1:-"$here/../build/release/kreditor"}
n=${2:-1000000}
dir=${3:-"${TMPDIR:-/tmp}/kreditor_ledger_$n"}
[ -x "$kreditor" ] || { echo "ledger_1m.sh: no kreditor binary at $kreditor" >&2; exit 2; }
if [ ! -f "$dir/invoices.csv" ]; then
  /usr/bin/python3 "$here/gen_ledger.py" "$n" "$dir"
fi
log=$(mktemp)
/usr/bin/time -v "$kreditor" run --ledger "$dir" --format csv --quiet > "$dir.report.csv" 2> "$log" || {
  cat "$log" >&2; rm -f "$log"; exit 1; }
lines=$(($(wc -l < "$dir.report.csv") - 1))
wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log")
user=$(sed -n 's/.*User time (seconds): //p' "$log")
sys=$(sed -n 's/.*System time (seconds): //p' "$log")
cpu=$(sed -n 's/.*Percent of CPU this job got: //p' "$log")
rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
echo "kreditor run over $n invoices ($lines report lines)"
echo "  wall time:  $wall   (user $user s, system $sys s, CPU $cpu)"
echo "  peak RSS:   $((rss / 1024)) MB"
rm -f "$log"
