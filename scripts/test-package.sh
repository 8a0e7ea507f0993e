#!/usr/bin/env bash
# Installs the Debian package made by scripts/package.sh on a brand-new minimal Debian 12 (debootstrap, nothing else
# installed) and runs `geowalk demo` there from outside any source tree: proves that the package declares everything
# geowalk needs at run time, and that the installed binary needs nothing of this repository.
# Usage (root; takes several minutes, most of it apt):  scripts/test-package.sh [DEB]
#   DEB defaults to the one package.sh left in build-package/. $FRESH_DIR (default /tmp/gw-package-fresh) keeps the
#   debootstrap'ed base as base.tar for later runs; the chroot itself is made anew from it every time.
set -euo pipefail
cd "$(dirname "$0")/.."
shopt -s nullglob
built=(build-package/geowalk_*.deb)
deb=${1:-${built[0]:-}}
[[ -n $deb && -f $deb ]] || { echo "no package: run scripts/package.sh first, or name the .deb" >&2; exit 2; }
[[ $(id -u) -eq 0 ]] || { echo "needs root (debootstrap, chroot)" >&2; exit 2; }
W=${FRESH_DIR:-/tmp/gw-package-fresh}
R=$W/root
mkdir -p "$W"

if [[ ! -f $W/base.tar ]]; then
  command -v debootstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap >/dev/null; }
  mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  rm -rf "$W/base"
  debootstrap --variant=minbase bookworm "$W/base" "${mirror:-http://deb.debian.org/debian}" >"$W/debootstrap.log" 2>&1 ||
    { echo "debootstrap failed (see $W/debootstrap.log)" >&2; exit 2; }
  if [[ -f /etc/apt/sources.list.d/debian.sources ]]; then
    cp /etc/apt/sources.list.d/debian.sources "$W/base/etc/apt/sources.list.d/" && rm -f "$W/base/etc/apt/sources.list"
  fi
  tar -C "$W/base" -cf "$W/base.tar" . && rm -rf "$W/base"
fi

# Only /proc is mounted into the chroot (geowalk reads the memory it may use there); debootstrap made /dev's nodes.
# It is unmounted before the chroot is removed, and the removal refuses to run while anything is still mounted.
cleanup() {
  mountpoint -q "$R/proc" && umount "$R/proc"
  if ! grep -q " $R/" /proc/mounts; then rm -rf "$R"; fi
}
grep -q " $R/" /proc/mounts && { echo "$R still has mounts; unmount them first" >&2; exit 2; }
rm -rf "$R"; mkdir -p "$R"; tar -C "$R" -xf "$W/base.tar"
trap cleanup EXIT
cp /etc/resolv.conf "$R/etc/resolv.conf" 2>/dev/null || true
mount -t proc proc "$R/proc"
cp "$deb" "$R/tmp/"
pkg=/tmp/$(basename "$deb")

step() { echo "== $*"; }
step "apt install $pkg (only what it declares: --no-install-recommends)"
s=$(date +%s)
chroot "$R" env DEBIAN_FRONTEND=noninteractive bash -c \
  "apt-get update -qq && apt-get install -y -qq --no-install-recommends $pkg" >"$W/install.log" 2>&1 ||
  { tail -n 20 "$W/install.log"; echo "FAIL: the package does not install" >&2; exit 1; }
echo "installed in $(($(date +%s) - s)) s; $(chroot "$R" dpkg-query -W -f='${binary:Package}\n' | wc -l) packages in the chroot"
step "geowalk on PATH"
chroot "$R" bash -lc 'command -v geowalk' || { echo "FAIL: geowalk is not on PATH" >&2; exit 1; }
step "geowalk demo --out /tmp/x (from /, as a user with no source tree)"
s=$(date +%s)
chroot "$R" bash -lc 'cd / && geowalk demo --out /tmp/x' >"$W/demo.log" 2>&1 ||
  { tail -n 20 "$W/demo.log"; echo "FAIL: geowalk demo" >&2; exit 1; }
echo "demo ran in $(($(date +%s) - s)) s"
missing=()
for f in geowalk.gpkg geowalk.qgs summary.json manifest.json report.pdf density.tif walk_distance.tif \
         maps/overview.png maps/coverage.png input/campaign.toml; do
  [[ -s $R/tmp/x/$f ]] || missing+=("$f")
done
[[ ${#missing[@]} -eq 0 ]] || { echo "FAIL: demo did not write ${missing[*]}" >&2; exit 1; }
# Chinese text needs the font, which fontconfig finds by name: the report must have embedded it (without it Pango
# falls back to a font without the glyphs, and the maps show boxes for the village names).
font=$(grep -a -o '/FontName /[A-Z]*+NotoSansCJK[A-Za-z-]*' "$R/tmp/x/report.pdf" | head -n 1 | sed 's|.*+||' || true)
[[ -n $font ]] || { echo "FAIL: report.pdf does not embed Noto Sans CJK" >&2; exit 1; }
echo "PASS: installed $(basename "$deb") on a fresh Debian 12; geowalk on PATH; geowalk demo wrote $(find "$R/tmp/x" -type f | wc -l) files, $(find "$R/tmp/x/maps" -name '*.png' | wc -l) maps; font: $font"
