#!/usr/bin/env bash
# Runs every fuzz target of build/fuzz for SECONDS each, JOBS at a time, over a working copy of
# its seed corpus (build/fuzz/corpus/NAME: new inputs accumulate there between runs; the seeds
# in tests/fuzz/corpus/ are never changed). Crashes land in build/fuzz/artifacts/.
#   bash tests/fuzz/run.sh SECONDS [JOBS] [TARGET...]
# Longer runs on demand, e.g. an hour each:  bash tests/fuzz/run.sh 3600 2
# A crash's input replays with:  build/fuzz/tests/fuzz/fuzz_NAME build/fuzz/artifacts/crash-...
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:?usage: run.sh SECONDS [JOBS] [TARGET...]}
jobs=${2:-2}
shift $(( $# >= 2 ? 2 : 1 ))
bin=build/fuzz/tests/fuzz
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in tests/fuzz/fuzz_*.cpp; do targets+=("$(basename "$f" .cpp)"); done
fi
mkdir -p build/fuzz/artifacts build/fuzz/logs
run_one() {
  local name=$1 corpus=build/fuzz/corpus/$1
  mkdir -p "$corpus"
  cp -n tests/fuzz/corpus/"$name"/* "$corpus"/ 2>/dev/null || true
  # -rss_limit_mb: ASan's shadow memory counts; -timeout: a slow input is a finding too.
  if "$bin/$name" "$corpus" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
       -artifact_prefix=build/fuzz/artifacts/"$name"- >build/fuzz/logs/"$name".log 2>&1; then
    local execs cov ft
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' build/fuzz/logs/"$name".log)
    cov=$(grep -o 'cov: [0-9]*' build/fuzz/logs/"$name".log | tail -1 | cut -d' ' -f2)
    ft=$(grep -o 'ft: [0-9]*' build/fuzz/logs/"$name".log | tail -1 | cut -d' ' -f2)
    printf '%-18s ok    %10s executions  %6s edges  %6s features  %4s corpus files\n' \
      "$name" "$execs" "$cov" "$ft" "$(ls "$corpus" | wc -l)"
  else
    printf '%-18s FAILED (build/fuzz/logs/%s.log)\n' "$name" "$name"
    grep -m5 -E 'ERROR|SUMMARY|==[0-9]+==|Test unit written' build/fuzz/logs/"$name".log || true
    return 1
  fi
}
export -f run_one
export bin seconds
status=0
printf '%s\n' "${targets[@]}" | xargs -P "$jobs" -I{} bash -c 'run_one {}' || status=1
exit $status
