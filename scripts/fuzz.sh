#!/usr/bin/env bash
# Runs every libFuzzer target (tests/fuzz) for as long as asked, one after the other, and prints the
# executions each made and the total. New inputs are kept in build/fuzz/tests/fuzz/found/<target>
# (not in the repo); a finding stops that target and leaves crash-*/timeout-*/oom-* beside it.
#   scripts/fuzz.sh                        60 s per target
#   scripts/fuzz.sh 600                    ten minutes per target
#   scripts/fuzz.sh 600 fuzz_expression    ten minutes of one target (several may follow)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(fuzz_expression fuzz_graph_link fuzz_playground_link fuzz_trajectory_link fuzz_data_files fuzz_course)
scripts/install-deps.sh --test >/dev/null
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
dir=build/fuzz/tests/fuzz
total=0 failed=0
for target in "${targets[@]}"; do
  mkdir -p "$dir/found/$target"
  log="$dir/$target.log"
  if (cd "$dir" && UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 ./$target -max_total_time="$seconds" -timeout=20 \
        -rss_limit_mb=2560 -print_final_stats=1 "found/$target" "../../../../tests/fuzz/corpus/$target") >"$log" 2>&1; then
    status=ok
  else
    status="FINDING (see $log)"
    failed=1
  fi
  runs=$(awk '/stat::number_of_executed_units/ {print $2}' "$log" | tail -1)
  runs=${runs:-0}
  total=$((total + runs))
  printf '%-22s %12d executions  %s\n' "$target" "$runs" "$status"
done
printf '%-22s %12d executions\n' total "$total"
exit $failed
