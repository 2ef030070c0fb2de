#!/usr/bin/env bash
# check-province-ci.sh [BINARY]: the CI files `congkhai new ci-tinh` writes for the example
# province (examples/tinh-mau) pass their published schemas (check-jsonschema's bundled copies:
# no network), and their matrix, run as the CI would run it, gives the bytes of one
# `congkhai build`: each commune's job in its own copy of the repository and its own process
# (`build --xa`), the jobs' public/ gathered as the CI gathers artifacts, then the merge job
# (`build --chi-tinh`) in another copy; `diff -r` against the single-machine build. Both the
# GitHub Actions and the GitLab recipe, their steps as written (the binary comes from bin/congkhai).
# BINARY: default the debug build (`swift build`).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BIN="$(realpath "${1:-$(cd "$ROOT" && swift build --show-bin-path)/congkhai}")"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/congkhai-tinh-ci.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL $*" >&2; exit 1; }
ok() { echo "ok   $*"; }

checkout() {  # a fresh copy of the province repository, with the binary where the recipes look
  mkdir -p "$1/bin"
  cp -r "$ROOT/examples/tinh-mau/." "$1/"
  cp "$BIN" "$1/bin/congkhai"
  cp -r "$WORK/repo/.github" "$WORK/repo/.gitlab-ci.yml" "$1/" 2>/dev/null || true
}

mkdir -p "$WORK/repo"
checkout "$WORK/repo"
(cd "$WORK/repo" && bin/congkhai new ci-tinh > "$WORK/new.log")
check-jsonschema --builtin-schema vendor.github-workflows "$WORK/repo/.github/workflows/congkhai-tinh.yml"
check-jsonschema --builtin-schema vendor.gitlab-ci "$WORK/repo/.gitlab-ci.yml"
ok "both recipes pass their schemas"
if (cd "$WORK/repo" && bin/congkhai new ci-tinh 2> "$WORK/again.log"); then fail "new ci-tinh overwrote its files"; fi

# The recipes' jobs as shell scripts (ruamel.yaml comes with check-jsonschema).
python3 - "$WORK" <<'PY'
import sys, json
from ruamel.yaml import YAML
work = sys.argv[1]
load = lambda path: YAML(typ="safe", pure=True).load(open(f"{work}/repo/{path}", encoding="utf-8"))
github = load(".github/workflows/congkhai-tinh.yml")
jobs = github["jobs"]
runs = lambda job: [s["run"] for s in jobs[job]["steps"] if "run" in s]
assert jobs["xa"]["needs"] == "ngay" and set(jobs["tinh"]["needs"]) == {"ngay", "xa"} and jobs["deploy"]["needs"] == "tinh"
upload = [s for s in jobs["xa"]["steps"] if s.get("uses", "").startswith("actions/upload-artifact")][0]["with"]
download = [s for s in jobs["tinh"]["steps"] if s.get("uses", "").startswith("actions/download-artifact")][0]["with"]
assert upload["path"] == "public/" and download["path"] == "public" and download["merge-multiple"] is True
assert upload["name"].startswith("xa-") and download["pattern"] == "xa-*"
assert any(s.get("with", {}).get("path") == "public" for s in jobs["tinh"]["steps"])
with open(f"{work}/github-ngay.sh", "w") as f: f.write("set -eo pipefail\n" + "\n".join(runs("ngay")) + "\n")
with open(f"{work}/github-xa.sh", "w") as f:
    f.write("set -eo pipefail\n" + "\n".join(runs("xa")).replace("${{ matrix.xa }}", "$XA").replace("${{ needs.ngay.outputs.as_of }}", "$AS_OF") + "\n")
with open(f"{work}/github-tinh.sh", "w") as f:
    f.write("set -eo pipefail\n" + "\n".join(runs("tinh")).replace("${{ needs.ngay.outputs.as_of }}", "$AS_OF") + "\n")
gitlab = load(".gitlab-ci.yml")
base = gitlab[".congkhai"]
assert gitlab["xa"]["extends"] == ".congkhai" and gitlab["pages"]["extends"] == ".congkhai"
assert gitlab["stages"].index(gitlab["xa"]["stage"]) < gitlab["stages"].index(gitlab["pages"]["stage"])
assert "public" in gitlab["pages"]["artifacts"]["paths"] and "public/" in gitlab["xa"]["artifacts"]["paths"]
with open(f"{work}/gitlab-xa.sh", "w") as f: f.write("set -e\n" + "\n".join(base["before_script"] + gitlab["xa"]["script"]) + "\n")
with open(f"{work}/gitlab-pages.sh", "w") as f: f.write("set -e\n" + "\n".join(base["before_script"] + gitlab["pages"]["script"]) + "\n")
json.dump({"github": jobs["xa"]["strategy"]["matrix"]["xa"], "gitlab": gitlab["xa"]["parallel"]["matrix"][0]["XA"]},
          open(f"{work}/matrix.json", "w"))
PY
communes() { python3 -c "import json,sys; print(' '.join(json.load(open('$WORK/matrix.json'))[sys.argv[1]]))" "$1"; }
expected="$(ls "$ROOT/examples/tinh-mau/xa" | tr '\n' ' ' | sed 's/ $//')"
[ "$(communes github)" = "$expected" ] || fail "the GitHub matrix is not the province's communes: $(communes github)"
[ "$(communes gitlab)" = "$expected" ] || fail "the GitLab matrix is not the province's communes: $(communes gitlab)"

GITHUB_OUTPUT="$WORK/ngay.out" bash "$WORK/github-ngay.sh"
AS_OF="$(sed -n 's/^as_of=//p' "$WORK/ngay.out")"
[[ "$AS_OF" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || fail "the ngay job gives no date"
(cd "$WORK/repo" && bin/congkhai build --as-of "$AS_OF" --output "$WORK/single" > "$WORK/single.log" 2>&1)

# What a province cannot do yet is refused in Vietnamese, before anything is written.
for option in "--pdf" "--base-url https://lamdong.gov.vn/"; do
  # shellcheck disable=SC2086
  if (cd "$WORK/repo" && bin/congkhai build $option --output "$WORK/refused" 2> "$WORK/refused.log"); then fail "build $option ran on a province"; fi
  grep -q "chưa dùng được cho thư mục của tỉnh" "$WORK/refused.log" || fail "build $option on a province is not refused with a message"
  [ ! -e "$WORK/refused" ] || fail "build $option on a province wrote $WORK/refused"
done
ok "--pdf and --base-url on a province: refused with a message, nothing written"

# The province's search index folds as the browser folds a query (like a commune's).
if command -v node > /dev/null; then
  node "$ROOT/scripts/check_search.js" "$ROOT/templates/assets/tim-kiem.js" "$WORK/single/du-lieu/tim-kiem-toan-tinh.js" | tail -n 1
fi

for recipe in github gitlab; do
  merge="$WORK/$recipe/merge"
  mkdir -p "$merge/public"
  for slug in $(communes "$recipe"); do
    job="$WORK/$recipe/xa-$slug"
    checkout "$job"
    (cd "$job" && env -u CONGKHAI_URL XA="$slug" AS_OF="$AS_OF" CI_PIPELINE_CREATED_AT="${AS_OF}T03:00:00Z" \
      bash "$WORK/$recipe-xa.sh" > "$job.log" 2>&1) || { cat "$job.log"; fail "$recipe: the job of $slug fails"; }
    [ "$(ls -A "$job/public")" = "$slug" ] || fail "$recipe: the job of $slug left more than public/$slug: $(ls -A "$job/public")"
    cp -r "$job/public/." "$merge/public/"  # the CI's artifacts, all into one public/
  done
  checkout "$merge"
  script="$WORK/github-tinh.sh"; [ "$recipe" = gitlab ] && script="$WORK/gitlab-pages.sh"
  (cd "$merge" && env -u CONGKHAI_URL AS_OF="$AS_OF" CI_PIPELINE_CREATED_AT="${AS_OF}T03:00:00Z" bash "$script" > "$merge.log" 2>&1) \
    || { cat "$merge.log"; fail "$recipe: the merge job fails"; }
  diff -r "$WORK/single" "$merge/public" > "$WORK/$recipe.diff" || { head -n 20 "$WORK/$recipe.diff"; fail "$recipe: the matrix differs from one build"; }
  ok "$recipe: $(communes "$recipe" | wc -w) commune jobs + merge, separate processes: identical to one build ($(find "$merge/public" -type f | wc -l) files)"
done
