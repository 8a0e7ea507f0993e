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
node tests/web/check_web.mjs "$run_dir" "$shots"
echo "screenshots: $shots"
