#!/usr/bin/env bash
# The offline web map in a real browser (issue 22): Debian's chromium, headless, driven by puppeteer-core (npm,
# pinned in tests/web/package-lock.json) over the web/ folder of the sample run opened from file://. Checks (see
# tests/web/check_web.mjs): no console errors, no request outside the folder, every layer listed, a village's panel
# equal to summary.json and to SQL on geowalk.gpkg, the week slider, the language switch, a layer's toggle, the
# dead-corner red and the 99 % hot colour at known places. Screenshots (desktop 1440×900, tablet 768×1024) go to
# $GEOWALK_WEB_SHOTS (default /tmp/geowalk-web-shots), outside the checkout, for people to look at.
# Uses the sample run the C++ tests share (build/tests/test-sample-run) when it is there, else runs the sample.
# Usage: scripts/test-web.sh [RUN_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${GEOWALK_BUILD_DIR:-build}
shots=${GEOWALK_WEB_SHOTS:-/tmp/geowalk-web-shots}
run_dir=${1:-}
if [ -z "$run_dir" ]; then
  if [ -f "$build_dir/tests/test-sample-run/.complete" ] && [ -d "$build_dir/tests/test-sample-run/web" ]; then
    run_dir=$build_dir/tests/test-sample-run
  else
    run_dir=$(mktemp -d /tmp/geowalk-web-run.XXXXXX)
    "$build_dir/apps/geowalk/geowalk" run data/sample/campaign.toml --out "$run_dir" --quiet >/dev/null
  fi
fi
[ -d tests/web/node_modules/puppeteer-core ] || (cd tests/web && npm ci --no-audit --no-fund)
rm -rf "$shots"
echo "== file://"
node tests/web/check_web.mjs "$run_dir" "$shots/file"

echo "== geowalk serve"
log=$(mktemp)
"$build_dir/apps/geowalk/geowalk" serve "$run_dir" --port 0 >"$log" 2>&1 &
server=$!
for _ in $(seq 50); do grep -q 'http://' "$log" && break; sleep 0.1; done
port=$(grep -o '127.0.0.1:[0-9]*' "$log" | head -1 | cut -d: -f2)
[ -n "$port" ] || { cat "$log"; kill "$server"; exit 1; }
node tests/web/check_web.mjs "$run_dir" "$shots/served" "http://127.0.0.1:$port"
# Traversal: sent as written (--path-as-is), every attempt must get 403 or 404, never a file from beside web/.
ln -sfn "$(cd "$run_dir" && pwd)/summary.json" "$run_dir/web/link_out.json"
bad=0
for target in /../summary.json /%2e%2e/summary.json /..%2fsummary.json /%2e%2e%2fsummary.json /web%5c..%5csummary.json \
              //etc/passwd /link_out.json /nothing.js; do
  code=$(curl -s --path-as-is -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$target")
  case $code in 403|404) echo "ok   $target -> $code" ;; *) echo "FAIL $target -> $code"; bad=1 ;; esac
done
rm -f "$run_dir/web/link_out.json"
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/index.html")
[ "$code" = 200 ] || { echo "FAIL index.html -> $code"; bad=1; }
# Ctrl-C stops it cleanly (exit 0).
kill -INT "$server"
status=0
wait "$server" || status=$?
[ "$status" = 0 ] && echo "ok   SIGINT stops the server (exit 0)" || { echo "FAIL server exit $status"; cat "$log"; bad=1; }
rm -f "$log"
echo "screenshots: $shots"
exit $bad
