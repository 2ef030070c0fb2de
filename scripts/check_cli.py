#!/usr/bin/env python3
"""check_cli.py CONGKHAI_COMMAND... SITE_FOLDER: `congkhai check` and `congkhai new` as editors use them.

check: the example site passes (exit 0, nothing written), JSON output parses, a broken copy
gives exit 1 with the file:line in text and in JSON, --strict fails on the example's late and
missing disclosures. new: creates a file in the right folder, then refuses to overwrite it; the
file is a draft that check lists; check prints what falls due in the next 30 days.
Standard library only.
"""
import json, os, shutil, subprocess, sys, tempfile

command, site = sys.argv[1:-1], os.path.abspath(sys.argv[-1])
if command and os.sep in command[0]:
    command[0] = os.path.abspath(command[0])
failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


def run(*args, cwd):
    return subprocess.run(command + list(args), cwd=cwd, capture_output=True, text=True, timeout=300)


work = tempfile.mkdtemp(prefix="congkhai-cli-")
try:
    for part in ("content", "templates"):
        shutil.copytree(os.path.join(site, part), os.path.join(work, part))
    plain = run("check", "--as-of", "2026-11-23", cwd=work)
    check(plain.returncode == 0, f"check passes on the example site (exit {plain.returncode})")
    check(not os.path.exists(os.path.join(work, "public")), "check writes nothing")
    as_json = run("check", "--as-of", "2026-11-23", "--format", "json", cwd=work)
    items = json.loads(as_json.stdout)
    check(isinstance(items, list) and not any(i.get("severity") == "error" for i in items), "check --format json is a JSON list without errors")
    strict = run("check", "--as-of", "2026-11-23", "--strict", cwd=work)
    check(strict.returncode == 1, "check --strict fails on the late and missing disclosures")

    page = os.path.join(work, "content/gioi-thieu/_index.md")
    text = open(page, encoding="utf-8").read()
    open(page, "w", encoding="utf-8").write(text.replace("---\n", "---\nngay: hôm qua\n", 1))
    broken = run("check", "--as-of", "2026-11-23", cwd=work)
    check(broken.returncode == 1 and "content/gioi-thieu/_index.md:2:" in broken.stderr, "a bad date: exit 1 and file:line on the terminal")
    broken_json = json.loads(run("check", "--as-of", "2026-11-23", "--format", "json", cwd=work).stdout)
    found = [i for i in broken_json if i.get("severity") == "error"]
    check(bool(found) and found[0].get("path") == "content/gioi-thieu/_index.md" and found[0].get("line") == 2,
          "the JSON names the file and line: " + json.dumps(found[:1], ensure_ascii=False))
    open(page, "w", encoding="utf-8").write(text)

    created = run("new", "tin-tuc", "hop-dan-thang-12", "--tieu-de", "Họp dân tháng 12", cwd=work)
    target = os.path.join(work, "content/tin-tuc/hop-dan-thang-12.md")
    check(created.returncode == 0 and os.path.exists(target), "new tin-tuc creates content/tin-tuc/hop-dan-thang-12.md")
    before = open(target, encoding="utf-8").read() if os.path.exists(target) else ""
    again = run("new", "tin-tuc", "hop-dan-thang-12", cwd=work)
    check(again.returncode != 0 and open(target, encoding="utf-8").read() == before, "new refuses to overwrite it")
    listed = run("check", "--as-of", "2026-11-23", cwd=work)
    check(listed.returncode == 0, "the new file passes check as created")
    check("content/tin-tuc/hop-dan-thang-12.md:3:" in listed.stdout and "nhap: true" in listed.stdout,
          "check lists the new file as an unpublished draft, with its line")
    check("Sắp đến hạn trong 30 ngày tới" in listed.stdout, "check prints what falls due in the next 30 days")

    fresh = os.path.join(work, "xa-moi")
    made = run("new", "site", "Xã Tân Phú", "--tinh", "Tỉnh Đồng Nai", fresh, cwd=work)
    check(made.returncode == 0 and os.path.exists(os.path.join(fresh, "content/site.yaml")), "new site writes a skeleton")
    fresh_check = run("check", cwd=fresh)
    check(fresh_check.returncode == 0, f"a new site passes check (exit {fresh_check.returncode})")
    fresh_strict = run("check", "--strict", cwd=fresh)
    check(fresh_strict.returncode == 1 and "nhap: true" in fresh_strict.stdout,
          "check --strict fails on a new site while its drafts are unwritten")
finally:
    shutil.rmtree(work, ignore_errors=True)

if failures:
    print(f"{len(failures)} kiểm tra check/new không đạt")
    sys.exit(1)
print("check/new: mọi kiểm tra đạt")
