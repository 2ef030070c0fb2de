#!/usr/bin/env bash
# check-dist.sh [TARBALL]: the release archive as a commune's IT helper would use it, on a
# machine without Swift. Default TARBALL: the one `make dist` made.
#   a. ldd: no libswift*, no Foundation, no libcmark, nothing from the toolchain.
#   b. In a scratch folder, PATH without the toolchain, LD_LIBRARY_PATH unset, HOME empty:
#      `new site` → `build` gives a home page, 0 errors, and drafts stay unpublished.
#   c. The site's CI recipes validate against their published schemas (check-jsonschema's
#      bundled copies: no network) and their run:/script: steps run as written, fetching the
#      archive from CONGKHAI_URL=file://..., with the same stripped environment.
#   d. The example site builds to the same bytes as with the debug build (`swift run`).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
TARBALL="$(realpath "${1:-$(ls -t dist/congkhai-*-linux-x86_64.tar.gz | head -n 1)}")"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/congkhai-dist.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
AS_OF=2026-11-23
fail() { echo "FAIL $*" >&2; exit 1; }
ok() { echo "ok   $*"; }
# What a machine without Swift has: no /opt/swift on PATH, no library path, an empty home.
bare() { env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$WORK/home" LANG=C.UTF-8 "$@"; }
mkdir -p "$WORK/home" "$WORK/bin"
tar -xzf "$TARBALL" -C "$WORK/bin" --strip-components=1
BIN="$WORK/bin/congkhai"

echo "== a. linked libraries"
ldd "$BIN" | sed 's/^/  /'
if ldd "$BIN" | grep -qE 'libswift|libFoundation|libdispatch|libcmark|/opt/swift|not found'; then
  fail "the dist binary links the toolchain or cmark-gfm dynamically"
fi
ok "no libswift*, Foundation, libcmark or toolchain path"

echo "== b. new site → build, without the toolchain"
cd "$WORK"
bare "$BIN" --version
bare "$BIN" new site "Xã Tân Phú" --tinh "Tỉnh Đồng Nai" > new.log
grep -q "Việc tiếp theo" new.log || fail "new site printed no next steps"
cd "$WORK/xa-tan-phu"
bare "$BIN" build --as-of "$AS_OF" | tee build.log
grep -q " · 0 lỗi · " build.log || fail "new site does not build without errors"
[ -f public/index.html ] || fail "no home page"
[ ! -e public/gioi-thieu/lien-he ] || fail "a draft was published"
ok "new site builds: home page, 0 errors, drafts unpublished"
if bare "$BIN" new site "Xã Khác" --tinh "Tỉnh Đồng Nai" . 2> refuse.log; then fail "new site wrote into a non-empty folder"; fi
grep -q "thư mục trống" refuse.log || fail "the refusal is not explained"
ok "new site refuses a non-empty folder"

echo "== c. CI recipes: schemas, then their steps"
check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/congkhai.yml
check-jsonschema --builtin-schema vendor.gitlab-ci .gitlab-ci.yml
# ruamel.yaml comes with check-jsonschema.
python3 - "$WORK" <<'PY'
import sys
from ruamel.yaml import YAML
work = sys.argv[1]
load = lambda path: YAML(typ="safe", pure=True).load(open(path, encoding="utf-8"))
github = load(".github/workflows/congkhai.yml")
steps = [s["run"] for s in github["jobs"]["build"]["steps"] if "run" in s]
open(f"{work}/github.sh", "w", encoding="utf-8").write("set -eo pipefail\n" + "\n".join(steps) + "\n")
gitlab = load(".gitlab-ci.yml")
open(f"{work}/gitlab.sh", "w", encoding="utf-8").write("set -e\n" + "\n".join(gitlab["pages"]["script"]) + "\n")
assert "public" in gitlab["pages"]["artifacts"]["paths"]
assert any(s.get("with", {}).get("path") == "public" for s in github["jobs"]["build"]["steps"])
PY
for recipe in github gitlab; do
  rm -rf public .congkhai
  bare env CONGKHAI_URL="file://$TARBALL" SOURCE_DATE_EPOCH=1795392000 bash "$WORK/$recipe.sh" > "$WORK/$recipe.log" 2>&1 \
    || { cat "$WORK/$recipe.log"; fail "the $recipe recipe's steps fail"; }
  [ -f public/index.html ] || fail "the $recipe recipe publishes no public/index.html"
  ok "$recipe recipe: steps run, public/ built"
done
rm -rf .congkhai
if bare bash "$WORK/github.sh" > "$WORK/none.log" 2>&1; then fail "the recipe ran without CONGKHAI_URL or bin/congkhai"; fi
grep -q "CONGKHAI_URL" "$WORK/none.log" || fail "without the binary the recipe does not say what to set"
ok "without CONGKHAI_URL the recipe stops and says what to set"

echo "== d. the example site: same bytes as the debug build"
cd "$ROOT"
DEBUG_BIN="$(swift build --show-bin-path)/congkhai"
[ -x "$DEBUG_BIN" ] || swift build
"$DEBUG_BIN" build --as-of "$AS_OF" --output "$WORK/example-swift" > /dev/null
mkdir -p "$WORK/example"
cp -r content templates "$WORK/example/"
(cd "$WORK/example" && bare "$BIN" build --as-of "$AS_OF" --output "$WORK/example-dist" > /dev/null)
diff -r "$WORK/example-swift" "$WORK/example-dist" > /dev/null || fail "the dist binary builds the example site differently"
ok "the example site: identical bytes ($(find "$WORK/example-dist" -type f | wc -l) files)"
rm -rf "$WORK/example/templates"
(cd "$WORK/example" && bare "$BIN" build --as-of "$AS_OF" --output "$WORK/example-embedded" > /dev/null)
diff -r "$WORK/example-swift" "$WORK/example-embedded" > /dev/null || fail "the embedded theme builds the example site differently"
ok "the example site without templates/ (embedded theme): identical bytes"
echo "dist checks passed: $TARBALL"
