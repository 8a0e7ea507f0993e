#!/usr/bin/env bash
# Static analysis of libgeo/ and apps/: clang-tidy (.clang-tidy, run in parallel) and cppcheck. Findings are
# normalised to "tool|file|check|message" (no line numbers, so edits elsewhere in a file do not matter) and compared
# with the checked-in baseline, scripts/lint-baseline.txt: only findings not in it fail.
#
# clang-tidy reads a translation unit in about the time it takes to compile it, so by default it looks only at what
# changed since the commit the baseline was taken at (the baseline's first line): the source files changed since, and
# the source files that include a changed header, directly or not. cppcheck is fast and always reads everything.
# Usage: scripts/lint.sh [--all] [--update-baseline]
#   --all              clang-tidy on every translation unit of libgeo/ and apps/
#   --update-baseline  (implies --all) rewrite the baseline from the current findings at this commit; review the diff
# GEOWALK_LINT_FILES narrows clang-tidy to a regex of paths under the checkout instead (e.g. 'libgeo/core/.*\.cpp$').
# Compile flags come from a configure-only clang tree, build-lint/ (compile_commands.json; nothing is compiled).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
baseline=scripts/lint-baseline.txt
lint_dir=${GEOWALK_LINT_BUILD_DIR:-build-lint}
jobs=${GEOWALK_JOBS:-2}
all=0
update=0
for arg in "$@"; do
  case $arg in
    --all) all=1 ;;
    --update-baseline) all=1; update=1 ;;
    *) echo "lint: unknown argument $arg (use --all or --update-baseline)" >&2; exit 2 ;;
  esac
done

# Include directions (README, "Architecture"): libgeo's folders in layers, each including only itself and the folders
# before it. An include the other way is a finding that no baseline excuses.
layers=(core handles crs sample normalise raster coverage hotspot route leaders campaign register load export qgis render register_export web pipeline)
declare -A rank=()
for i in "${!layers[@]}"; do rank[${layers[$i]}]=$i; done
upward=()
for dir in libgeo/*/; do
  folder=$(basename "$dir")
  [ -n "${rank[$folder]:-}" ] || { upward+=("libgeo/$folder/ is not in the layer list of scripts/lint.sh"); continue; }
  while IFS=: read -r file include; do
    target=$(sed -E 's#.*"libgeo/([a-z_]+)/.*#\1#' <<<"$include")
    if [ -z "${rank[$target]:-}" ] || [ "${rank[$target]}" -gt "${rank[$folder]}" ]; then upward+=("$file includes libgeo/$target/ (above $folder/)"); fi
  done < <(grep -rHoE '#include "libgeo/[a-z_]+/[^"]+"' "$dir" || true)
done
if [ ${#upward[@]} -gt 0 ]; then
  echo "lint: includes against the layer order (${layers[*]}):"
  printf '  %s\n' "${upward[@]}"
  exit 1
fi
echo "lint: include directions follow the layers (${layers[*]})"

# Precompiled headers off: clang-tidy parses each file on its own, and a configure-only tree has no .pch to use.
cmake -S . -B "$lint_dir" -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DGEOWALK_TESTS=OFF \
  -DCMAKE_DISABLE_PRECOMPILE_HEADERS=ON >/dev/null
out=$lint_dir/lint
mkdir -p "$out"

# The translation units to give clang-tidy, as a regex for run-clang-tidy.
base=$(sed -nE 's/^# commit ([0-9a-f]+)$/\1/p' "$baseline" 2>/dev/null | head -n 1)
if [ -n "${GEOWALK_LINT_FILES:-}" ]; then
  files_regex=$GEOWALK_LINT_FILES
elif [ $all = 1 ] || [ -z "$base" ] || ! git cat-file -e "$base^{commit}" 2>/dev/null; then
  [ $all = 1 ] || echo "lint: the baseline names no commit of this history; linting every file"
  files_regex='(libgeo|apps)/.*\.cpp$'
else
  # Changed files (committed since the base, or not committed yet), then every file that includes one of them,
  # until nothing is added: a header's finding shows in the files that include it.
  mapfile -t changed < <({ git diff --name-only "$base" -- libgeo apps; git ls-files --others --exclude-standard libgeo apps; } \
    | grep -E '\.(cpp|hpp)$' | sort -u | while read -r f; do [ -f "$f" ] && echo "$f"; done)
  declare -A seen=()
  queue=("${changed[@]}")
  while [ ${#queue[@]} -gt 0 ]; do
    f=${queue[0]}
    queue=("${queue[@]:1}")
    [ -n "${seen[$f]:-}" ] && continue
    seen[$f]=1
    if [[ $f == *.hpp ]]; then
      # "libgeo/core/x.hpp" is included as "libgeo/core/x.hpp"; apps' own headers by their file name.
      name=$f
      [[ $f == apps/* ]] && name=$(basename "$f")
      while read -r includer; do queue+=("$includer"); done < <(grep -rlF "#include \"$name\"" libgeo apps || true)
    fi
  done
  sources=()
  for f in "${!seen[@]}"; do [[ $f == *.cpp ]] && sources+=("$f"); done
  echo "lint: clang-tidy on ${#sources[@]} files changed since $base or including a changed header (--all: every file)"
  if [ ${#sources[@]} -eq 0 ]; then
    files_regex='^$'
  else
    files_regex="($(printf '%s\n' "${sources[@]}" | sort | sed 's/[.]/[.]/g' | paste -sd '|'))\$"
  fi
fi

started=$SECONDS
: >"$out/clang-tidy.log"
: >"$out/clang-tidy.err"
if [ "$files_regex" != '^$' ]; then
  # clang-tidy: the chosen translation units of libgeo/ and apps/ (headers through HeaderFilterRegex).
  run-clang-tidy -p "$lint_dir" -j "$jobs" -quiet "$root/$files_regex" >"$out/clang-tidy.log" 2>"$out/clang-tidy.err" || true
  if grep -q "error: " "$out/clang-tidy.log" && ! grep -qE "warning: |error: .*\[clang-diagnostic" "$out/clang-tidy.log"; then
    cat "$out/clang-tidy.err"
    echo "lint: clang-tidy failed to run"
    exit 1
  fi
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
if [ $update = 1 ]; then
  { echo "# commit $(git rev-parse HEAD)"; cat "$out/findings.txt"; } >"$baseline"
  echo "lint: baseline rewritten with $(wc -l <"$out/findings.txt") findings at $(git rev-parse --short HEAD)"
  exit 0
fi
touch "$baseline"
new=$(comm -13 <(grep -v '^#' "$baseline" | sort -u) "$out/findings.txt")
gone=$(comm -23 <(grep -v '^#' "$baseline" | sort -u) "$out/findings.txt")
echo "lint: $(wc -l <"$out/findings.txt") findings, $(grep -vc '^#' "$baseline") in the baseline"
if [ -n "$gone" ] && [ $all = 1 ] && [ -z "${GEOWALK_LINT_FILES:-}" ]; then
  echo "lint: $(printf '%s\n' "$gone" | wc -l) baseline findings are gone; shrink the baseline with scripts/lint.sh --update-baseline"
fi
if [ -n "$new" ]; then
  echo "lint: new findings (fix them; logs: $out/clang-tidy.log, $out/cppcheck.log):"
  printf '%s\n' "$new"
  exit 1
fi
echo "lint: no new findings"
