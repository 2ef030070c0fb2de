#!/usr/bin/env bash
# make dist: dist/congkhai-<version>-linux-x86_64.tar.gz, a binary that runs on a Linux machine
# without the Swift toolchain: Swift runtime and Foundation linked statically
# (--static-swift-stdlib), cmark-gfm and jemalloc linked from Debian's static archives, the default theme
# and the national rule profile compiled in. What it still loads is in Debian and Ubuntu
# installs: glibc, libstdc++, zlib and libxml2 with its ICU and lzma (FoundationXML: SVG
# attachments and .xlsx tables). libcurl4 is no longer loaded since serve left FlyingFox (and
# FoundationNetworking) for SwiftNIO. scripts/check-dist.sh proves the rest.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if ! command -v swift >/dev/null && [ -x /opt/swift/usr/bin/swift ]; then
  export PATH="/opt/swift/usr/bin:$PATH"
fi
version="$(sed -n 's/.*static let current = "\(.*\)"/\1/p' Sources/congkhai/CongKhai.swift)"
[ -n "$version" ] || { echo "dist: no version in Sources/congkhai/CongKhai.swift" >&2; exit 1; }
name="congkhai-$version-linux-x86_64"

# The module map asks for -lcmark-gfm, and SwiftPM puts the .pc file's -L/usr/lib/... first,
# where the shared library is. A .pc file of our own (found first through PKG_CONFIG_PATH)
# points instead at a folder holding only the .a archives: the link becomes static without
# touching Package.swift (the debug build keeps using the shared library).
libdir="$(pkg-config --variable=libdir libcmark-gfm)"
static="$PWD/.build/static-libs"
mkdir -p "$static/pkgconfig"
for lib in libcmark-gfm libcmark-gfm-extensions; do
  [ -f "$libdir/$lib.a" ] || { echo "dist: $libdir/$lib.a is missing (apt-get install ${lib#lib}-dev)" >&2; exit 1; }
  ln -sf "$libdir/$lib.a" "$static/$lib.a"
done
# jemalloc (Package.swift links it as the allocator) goes into the binary too, so the target
# machine needs no libjemalloc2. Not as an archive: --static-swift-stdlib links with
# --exclude-libs ALL, which makes an archive's malloc and free local to the binary, so glibc and
# libxml2 would keep glibc's malloc and a block one allocator made would reach the other's free
# (a crash seen in ProcessInfo.environment). One relocatable object of the whole archive is not
# an archive: its symbols stay global and -export-dynamic gives them to every library. The empty
# libjemalloc.a answers Package.swift's -ljemalloc.
[ -f "$libdir/libjemalloc_pic.a" ] || { echo "dist: $libdir/libjemalloc_pic.a is missing (apt-get install libjemalloc-dev)" >&2; exit 1; }
ld -r -o "$static/jemalloc.o" --whole-archive "$libdir/libjemalloc_pic.a"
rm -f "$static/libjemalloc.a"; ar rc "$static/libjemalloc.a"
sed "s|^Libs: .*|Libs: -L$static -lcmark-gfm -lcmark-gfm-extensions|" \
  "$(pkg-config --variable=pcfiledir libcmark-gfm)/libcmark-gfm.pc" > "$static/pkgconfig/libcmark-gfm.pc"
export PKG_CONFIG_PATH="$static/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
flags=(-c release --static-swift-stdlib -Xlinker -L"$static" -Xlinker "$static/jemalloc.o")
swift build "${flags[@]}"
binary="$(swift build "${flags[@]}" --show-bin-path)/congkhai"

if ldd "$binary" | grep -E 'libswift|libFoundation|libcmark|libjemalloc|/opt/swift'; then
  echo "dist: the binary still links the libraries above dynamically" >&2
  exit 1
fi

rm -rf "dist/$name" "dist/$name.tar.gz"
mkdir -p "dist/$name"
cp "$binary" "dist/$name/congkhai"
strip "dist/$name/congkhai"
cp README.md "dist/$name/README.md"
# Reproducible archive: sorted names, no owner, a fixed date.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@${SOURCE_DATE_EPOCH:-0}" \
    -czf "dist/$name.tar.gz" -C dist "$name"
echo "dist/$name.tar.gz ($(du -h "dist/$name.tar.gz" | cut -f1); congkhai $(du -h "dist/$name/congkhai" | cut -f1))"
ldd "dist/$name/congkhai" | sed 's/^/  /'
