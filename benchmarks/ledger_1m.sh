#!/bin/sh
# The 1M-invoice run: generates a deterministic ledger directory (benchmarks/gen_ledger.py)
# and times `kreditor run`, `kreditor aging` and `kreditor exposure` over it under
# /usr/bin/time -v. Target for `run`: < 5 s wall, < 1 GB RSS. Not part of ctest (it takes a
# while); run it on a Release build:
#
#   cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release && cmake --build build/release
#   benchmarks/ledger_1m.sh build/release/kreditor [N] [DIR]
#
# Wall time depends on the machine being otherwise idle (the loader and the book use a second
# core when there is one); user + system CPU is the steadier figure on a shared machine.
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
trap 'rm -f "$log"' EXIT

# timed NAME OUTPUT ARGS...: runs kreditor ARGS > OUTPUT under /usr/bin/time and prints a summary.
timed() {
  name=$1
  out=$2
  shift 2
  /usr/bin/time -v "$kreditor" "$@" > "$out" 2> "$log" || { cat "$log" >&2; exit 1; }
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log")
  user=$(sed -n 's/.*User time (seconds): //p' "$log")
  sys=$(sed -n 's/.*System time (seconds): //p' "$log")
  cpu=$(sed -n 's/.*Percent of CPU this job got: //p' "$log")
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
  echo "kreditor $name"
  echo "  wall time:  $wall   (user $user s, system $sys s, CPU $cpu)"
  echo "  peak RSS:   $((rss / 1024)) MiB ($((rss * 1024 / 1000000)) MB)"
}

timed "run over $n invoices" "$dir.report.csv" run --ledger "$dir" --format csv --quiet
echo "  ($(($(wc -l < "$dir.report.csv") - 1)) report lines)"
timed "aging over $n invoices" "$dir.aging.txt" aging --ledger "$dir"
customer=$(sed -n '2s/,.*//p' "$dir/customers.csv")
timed "exposure --customer $customer" "$dir.exposure.txt" exposure --ledger "$dir" --customer "$customer"
