#!/usr/bin/env bash
# Static analysis of libgeo/ and apps/: clang-tidy (.clang-tidy, run in parallel) and cppcheck. Findings are
# normalised to "tool|file|check|message" (no line numbers, so edits elsewhere in a file do not matter) and compared
# with the checked-in baseline, scripts/lint-baseline.txt: only findings not in it fail.
# Usage: scripts/lint.sh [--update-baseline]   (rewrite the baseline from the current findings; review the diff)
# GEOWALK_LINT_FILES narrows clang-tidy to a regex of paths under the checkout (default: '(libgeo|apps)/.*\.cpp$').
# Compile flags come from a configure-only clang tree, build-lint/ (compile_commands.json; nothing is compiled).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
baseline=scripts/lint-baseline.txt
lint_dir=${GEOWALK_LINT_BUILD_DIR:-build-lint}
jobs=${GEOWALK_JOBS:-2}

cmake -S . -B "$lint_dir" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DGEOWALK_TESTS=OFF >/dev/null
out=$lint_dir/lint
mkdir -p "$out"

started=$SECONDS
# clang-tidy: every translation unit of libgeo/ and apps/ (headers through HeaderFilterRegex).
run-clang-tidy -p "$lint_dir" -j "$jobs" -quiet "$root/${GEOWALK_LINT_FILES:-(libgeo|apps)/.*\.cpp\$}" >"$out/clang-tidy.log" 2>"$out/clang-tidy.err" || true
if grep -q "error: " "$out/clang-tidy.log" && ! grep -qE "warning: |error: .*\[clang-diagnostic" "$out/clang-tidy.log"; then
  cat "$out/clang-tidy.err"
  echo "lint: clang-tidy failed to run"
  exit 1
fi
# "/abs/path/file.cpp:12:3: warning: message [check]" -> "clang-tidy|file.cpp|check|message"
sed -E 's/\x1b\[[0-9;]*m//g' "$out/clang-tidy.log" | sed -nE "s#^$root/([^:]+):[0-9]+:[0-9]+: (warning|error): (.*) \[([^]]+)\]\$#clang-tidy|\1|\4|\3#p" \
  | sort -u >"$out/findings.txt"
echo "lint: clang-tidy took $((SECONDS - started)) s"

started=$SECONDS
# cppcheck: our sources with our include root only; system and third-party headers are not analysed (they are not
# ours, and parsing GDAL/Boost makes cppcheck slow without finding anything in our code).
cppcheck --quiet --std=c++20 --language=c++ -j "$jobs" -I . --enable=warning,performance,portability \
  --inline-suppr --suppress=missingIncludeSystem --suppress=missingInclude \
  --template='{file}|{id}|{message}' libgeo apps 2>"$out/cppcheck.log" >/dev/null || true
sed -nE 's#^(\./)?([^|]+)\|([^|]+)\|(.*)$#cppcheck|\2|\3|\4#p' "$out/cppcheck.log" | sort -u >>"$out/findings.txt"
echo "lint: cppcheck took $((SECONDS - started)) s"

sort -u -o "$out/findings.txt" "$out/findings.txt"
if [ "${1:-}" = "--update-baseline" ]; then
  cp "$out/findings.txt" "$baseline"
  echo "lint: baseline rewritten with $(wc -l <"$baseline") findings"
  exit 0
fi
touch "$baseline"
new=$(comm -13 <(sort -u "$baseline") "$out/findings.txt")
gone=$(comm -23 <(sort -u "$baseline") "$out/findings.txt")
echo "lint: $(wc -l <"$out/findings.txt") findings, $(wc -l <"$baseline") in the baseline"
if [ -n "$gone" ] && [ -z "${GEOWALK_LINT_FILES:-}" ]; then
  echo "lint: $(printf '%s\n' "$gone" | wc -l) baseline findings are gone; shrink the baseline with scripts/lint.sh --update-baseline"
fi
if [ -n "$new" ]; then
  echo "lint: new findings (fix them; logs: $out/clang-tidy.log, $out/cppcheck.log):"
  printf '%s\n' "$new"
  exit 1
fi
echo "lint: no new findings"
