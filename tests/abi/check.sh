#!/bin/sh
# ABI guard of the shared library:
#   1. build/libshebao.so exports exactly the symbols listed in tests/abi/exports.txt (one name a line, sorted),
#      all of them shebao_* (lib/shebao.map hides everything else) and each declared in a public header;
#   2. its SONAME is libshebao.so.SHEBAO_SOVERSION, SHEBAO_SOVERSION is SHEBAO_VERSION_MAJOR, and
#      SHEBAO_VERSION_STRING is MAJOR.MINOR.PATCH of include/shebao/version.h (the real file libshebao.so.M.m.p).
#
#   sh tests/abi/check.sh BUILD_DIR          (from the repository root; `make test` runs it)
#
# A deliberate change of the public API updates the list with `make abi-update` (then review the diff: a removed
# or changed symbol is an incompatible change and needs a new SHEBAO_SOVERSION).

if [ $# -ne 1 ]; then
    echo "usage: sh tests/abi/check.sh BUILD_DIR" >&2
    exit 2
fi
B=$1
SO=$B/libshebao.so
LIST=tests/abi/exports.txt
VH=include/shebao/version.h
if [ ! -f "$LIST" ] || [ ! -f "$VH" ]; then
    echo "abi: run me from the repository root ($LIST or $VH not found)" >&2
    exit 2
fi
if [ ! -e "$SO" ]; then
    echo "abi: $SO not built" >&2
    exit 2
fi
TMP=$(mktemp -d "${TMPDIR:-/tmp}/shebao-abi.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT
fail=0

# -- 1. exports ------------------------------------------------------------------------------------------------
nm -D --defined-only "$SO" | awk 'NF >= 3 { sub(/@.*/, "", $3); print $3 }' | LC_ALL=C sort -u >"$TMP/exports"
if [ ! -s "$TMP/exports" ]; then
    echo "FAIL abi: nm -D --defined-only $SO listed no symbol"
    exit 1
fi
stray=$(grep -v '^shebao_' "$TMP/exports")
if [ -n "$stray" ]; then
    echo "FAIL abi: $SO exports symbols without the shebao_ prefix: $(echo $stray)"
    echo "          (only shebao_* may be global: see lib/shebao.map; make the others static or sb_*)"
    fail=1
fi
for s in $(cat "$TMP/exports"); do
    if ! grep -rqE "[ *]$s[[:space:]]*\(" include/; then
        echo "FAIL abi: $s is exported but declared in no public header under include/"
        fail=1
    fi
done
LC_ALL=C sort -u "$LIST" | grep -v '^$' >"$TMP/list"
if ! cmp -s "$TMP/list" "$TMP/exports"; then
    added=$(LC_ALL=C comm -13 "$TMP/list" "$TMP/exports")
    removed=$(LC_ALL=C comm -23 "$TMP/list" "$TMP/exports")
    echo "FAIL abi: the exports of $SO differ from $LIST"
    [ -n "$added" ] && echo "  new (not in the list):      $(echo $added)"
    [ -n "$removed" ] && echo "  gone (listed, not exported): $(echo $removed)"
    echo "  If the change is intended, update the list with:  make abi-update   (and commit $LIST)."
    echo "  A gone symbol breaks programs linked against libshebao.so.$(sed -n 's/^#define SHEBAO_SOVERSION \([0-9]*\).*/\1/p' "$VH"): that also needs a new SHEBAO_SOVERSION in $VH."
    fail=1
fi

# -- 2. SONAME and version macros ---------------------------------------------------------------------------
macro() { sed -n "s/^#define $1 \\(.*\\)/\\1/p" "$VH" | head -n 1; }
major=$(macro SHEBAO_VERSION_MAJOR)
minor=$(macro SHEBAO_VERSION_MINOR)
patch=$(macro SHEBAO_VERSION_PATCH)
string=$(macro SHEBAO_VERSION_STRING | tr -d '"')
sover=$(macro SHEBAO_SOVERSION)
soname=$(readelf -d "$SO" | sed -n 's/.*(SONAME).*\[\(.*\)\].*/\1/p')
if [ "$string" != "$major.$minor.$patch" ]; then
    echo "FAIL abi: SHEBAO_VERSION_STRING \"$string\" is not MAJOR.MINOR.PATCH = $major.$minor.$patch ($VH)"
    fail=1
fi
if [ "$sover" != "$major" ]; then
    echo "FAIL abi: SHEBAO_SOVERSION $sover differs from SHEBAO_VERSION_MAJOR $major ($VH): bump them together"
    fail=1
fi
if [ "$soname" != "libshebao.so.$sover" ]; then
    echo "FAIL abi: SONAME of $SO is '$soname', expected libshebao.so.$sover (SHEBAO_SOVERSION in $VH)"
    fail=1
fi
real=$(readlink "$SO")
if [ "$real" != "libshebao.so.$major.$minor.$patch" ]; then
    echo "FAIL abi: $SO points to '$real', expected libshebao.so.$major.$minor.$patch"
    fail=1
fi

if [ "$fail" -eq 0 ]; then
    echo "abi: $(wc -l <"$TMP/exports") shebao_* exports as listed, SONAME $soname, version $string"
fi
exit "$fail"
