#!/bin/sh
# The 1M-invoice run: generates a deterministic ledger directory (benchmarks/gen_ledger.py)
# and times `kreditor run --format csv`, `kreditor aging` and `kreditor exposure --customer`
# over it under /usr/bin/time -v, REPEAT times each (default 3), printing the median CPU
# (user + system) and the largest peak RSS. Targets (issue 12, 1M invoices): aging <= 0.7 s CPU
# and <= 200 MB; run --format csv <= 1.2 s CPU and <= 200 MB; exposure --customer <= 0.7 s CPU.
# Not part of ctest (it takes a while); run it on a Release build:
#
#   cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release && cmake --build build/release
#   REPEAT=5 benchmarks/ledger_1m.sh build/release/kreditor [N] [DIR]
#
# What the huge-page hints are worth (src/core/huge_pages.hpp): a build without them,
#
#   cmake -S . -B build/nohuge -G Ninja -DCMAKE_BUILD_TYPE=Release -DKREDITOR_BUILD_TESTS=OFF \
#         -DCMAKE_CXX_FLAGS=-DKREDITOR_NO_HUGE_PAGES && cmake --build build/nohuge --target kreditor
#   REPEAT=5 benchmarks/ledger_1m.sh build/nohuge/kreditor
#
# Wall time depends on the machine being otherwise idle (the loader uses a second core when
# there is one); user + system CPU is the steadier figure on a shared machine. The load
# average is printed with the figures.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
kreditor=${1:-"$here/../build/release/kreditor"}
n=${2:-1000000}
dir=${3:-"${TMPDIR:-/tmp}/kreditor_ledger_$n"}
[ -x "$kreditor" ] || { echo "ledger_1m.sh: no kreditor binary at $kreditor" >&2; exit 2; }
if [ ! -f "$dir/invoices.csv" ]; then
  /usr/bin/python3 "$here/gen_ledger.py" "$n" "$dir"
fi
repeat=${REPEAT:-3}
log=$(mktemp)
cpus=$(mktemp)
trap 'rm -f "$log" "$cpus"' EXIT
echo "machine load before: $(cut -d' ' -f1-3 /proc/loadavg)"

# timed NAME OUTPUT ARGS...: runs kreditor ARGS > OUTPUT REPEAT times under /usr/bin/time and
# prints the median CPU, the last wall time and the largest peak RSS.
timed() {
  name=$1
  out=$2
  shift 2
  : > "$cpus"
  peak=0
  i=0
  while [ "$i" -lt "$repeat" ]; do
    /usr/bin/time -v "$kreditor" "$@" > "$out" 2> "$log" || { cat "$log" >&2; exit 1; }
    user=$(sed -n 's/.*User time (seconds): //p' "$log")
    sys=$(sed -n 's/.*System time (seconds): //p' "$log")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
    echo "$user $sys" | awk '{ printf "%.2f\n", $1 + $2 }' >> "$cpus"
    [ "$rss" -gt "$peak" ] && peak=$rss
    i=$((i + 1))
  done
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log")
  median=$(sort -n "$cpus" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  echo "kreditor $name"
  echo "  CPU (user + system), median of $repeat: $median s   (all: $(tr '\n' ' ' < "$cpus"))"
  echo "  wall time (last run): $wall"
  echo "  peak RSS:   $((peak / 1024)) MiB ($((peak * 1024 / 1000000)) MB)"
}

timed "run over $n invoices" "$dir.report.csv" run --ledger "$dir" --format csv --quiet
echo "  ($(($(wc -l < "$dir.report.csv") - 1)) report lines)"
timed "aging over $n invoices" "$dir.aging.txt" aging --ledger "$dir"
customer=$(sed -n '2s/,.*//p' "$dir/customers.csv")
timed "exposure --customer $customer" "$dir.exposure.txt" exposure --ledger "$dir" --customer "$customer"
echo "machine load after: $(cut -d' ' -f1-3 /proc/loadavg)"
