#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz/ (clang, ASan + UBSan; scripts/build_asan.sh) and runs each for a
# bounded time, after replaying the crash inputs kept in tests/fuzz/regressions/<target>/.
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]   (default 60 s, every target)
# A crash stops the script with the failing input saved under build-asan/fuzz/<target>/artifacts/: keep it in
# tests/fuzz/regressions/<target>/, fix the bug, and add a GoogleTest regression test under tests/<capability>/.
# Inputs the fuzzer finds interesting accumulate in build-asan/fuzz/<target>/corpus/ (not checked in; the seeds are
# tests/fuzz/corpus/<target>/).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
all_targets=(fuzz_campaign_file fuzz_datetime fuzz_categories fuzz_gcj02 fuzz_attributes fuzz_vector_load)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")
build_dir=${GEOWALK_ASAN_BUILD_DIR:-build-asan}

bash scripts/build_asan.sh --target "${targets[@]}"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export LSAN_OPTIONS=suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0
for target in "${targets[@]}"; do
  binary=$build_dir/tests/fuzz/$target
  work=$build_dir/fuzz/$target
  mkdir -p "$work/corpus" "$work/artifacts"
  regressions=(tests/fuzz/regressions/"$target"/*)
  if [ -e "${regressions[0]}" ]; then
    "$binary" "${regressions[@]}" >"$work/regressions.log" 2>&1 || {
      tail -n 60 "$work/regressions.log"
      echo "fuzz: $target fails on a kept regression input (log: $work/regressions.log)"
      exit 1
    }
  fi
  # -timeout: one input running longer than 10 s is a finding (a hang); -rss_limit_mb bounds a runaway allocation.
  if ! "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$work/artifacts/" "$work/corpus" "tests/fuzz/corpus/$target" >"$work/fuzz.log" 2>&1; then
    tail -n 80 "$work/fuzz.log"
    echo "fuzz: $target found a failure; the input is in $work/artifacts/ (log: $work/fuzz.log)"
    exit 1
  fi
  runs=$(awk '/stat::number_of_executed_units/ { print $2 }' "$work/fuzz.log")
  cov=$(grep -o 'cov: [0-9]*' "$work/fuzz.log" | tail -n 1)
  echo "fuzz: $target: ${runs:-?} runs in $seconds s, $cov, corpus $(ls "$work/corpus" | wc -l) files, no failure"
done
