# Sourced by the build scripts: how ccache (installed by setup.sh, used by CMakeLists.txt when present) is set up.
# - The cache stays outside the checkout (ccache's default, ~/.cache/ccache), so it outlives clean clones.
# - base_dir: paths inside this checkout are hashed relative to it, and hash_dir off keeps the build folder's absolute
#   path out of the hash, so a clone in another folder hits what an earlier clone compiled.
# - The sloppiness settings are the ones ccache's manual asks for with precompiled headers (the .gch/.pch is hashed by
#   content instead of by time).
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD}
export CCACHE_NOHASHDIR=1
export CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime
export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-8G}
