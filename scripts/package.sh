#!/usr/bin/env bash
# Builds the Debian package of geowalk with CPack (install rules and package metadata: cmake/packaging.cmake) and
# checks what it holds. Usage: scripts/package.sh   → build-package/geowalk_<version>_<arch>.deb (path printed last)
#
# Install it with apt, which fetches the libraries and the font it declares:
#   sudo apt install ./build-package/geowalk_0.1.0_amd64.deb
# scripts/test-package.sh installs it on a brand-new Debian 12 chroot and runs `geowalk demo` there.
#
# The build has its own folder ($GEOWALK_PACKAGE_BUILD_DIR, default build-package) without the test suite, with the
# flags of scripts/build.sh, so ccache serves what build/ already compiled.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${GEOWALK_PACKAGE_BUILD_DIR:-build-package}

bash scripts/setup.sh
GEOWALK_BUILD_DIR=$build_dir bash scripts/build.sh -DGEOWALK_TESTS=OFF
rm -f "$build_dir"/geowalk_*.deb
(cd "$build_dir" && cpack -G DEB >cpack.log 2>&1) || { cat "$build_dir/cpack.log" >&2; exit 1; }
debs=("$build_dir"/geowalk_*.deb)
deb=${debs[0]}
[[ ${#debs[@]} -eq 1 && -f $deb ]] || { echo "package: cpack made no single geowalk_*.deb in $build_dir" >&2; exit 1; }

# What the package must hold and declare. A failure here means the install rules or the CPack settings are wrong.
fail() { echo "package: $deb: $*" >&2; exit 1; }
info=$(dpkg-deb -I "$deb")
contents=$(dpkg-deb -c "$deb" | awk '{print $NF}')
depends=$(dpkg-deb -f "$deb" Depends)
[[ $(dpkg-deb -f "$deb" Package) == geowalk ]] || fail "the package is not named geowalk"
grep -qx './usr/bin/geowalk' <<<"$contents" || fail "no ./usr/bin/geowalk in it"
# Every library the binary links, as dpkg-shlibdeps found them, and the font no library links to.
for dep in libc6 libstdc++6 libgdal libproj libgeos-c libcairo2 libpango-1.0-0 libpangocairo-1.0-0 libtomlplusplus fonts-noto-cjk; do
  grep -q "\b$dep" <<<"$depends" || fail "Depends lacks $dep: $depends"
done
# Nothing outside /usr (the prefix), nothing of the build or the test suite.
stray=$(grep -v '^\./usr/' <<<"$contents" | grep -vx '\./' || true)
[[ -z $stray ]] || fail "files outside /usr: $stray"
! grep -Eq 'gtest|gmock|geowalk_tests|\.a$|/include/' <<<"$contents" || fail "build or test files in it: $contents"
# The binary in the package runs (stripped, from outside the source tree).
unpacked=$(mktemp -d)
trap 'rm -rf "$unpacked"' EXIT
dpkg-deb -x "$deb" "$unpacked"
(cd "$unpacked" && ./usr/bin/geowalk --help >/dev/null) || fail "the packaged geowalk does not run (geowalk --help)"

grep -q ';' <<<"$(dpkg-deb -f "$deb" Description)" && fail "a CMake list leaked into the description (semicolons)"
sed -n '/^ Architecture:/,$p' <<<"$info"
echo "package: contents:"; sed 's/^/  /' <<<"$contents"
echo "package: $(du -h "$deb" | cut -f1) $(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")"
