#!/usr/bin/env python3
"""Generate a deterministic benchmark province: N communes of realistic size.

    gen-province.py N OUTDIR [--news K]

writes OUTDIR/tinh.yaml, the province's shared content OUTDIR/tinh/ (a catalogue of 150
commune-level procedures: the example commune's 48 real records with their forms plus records
made like gen-corpus.py's; the fee schedule; the rule profile) and OUTDIR/xa/xa-NNN/ for each
commune: the example commune's content (introduction, budgets, reform reports, disclosures,
news) renamed, its procedures inherited from tinh/ except one it does not apply, three
procedures of its own, and K generated news items (default 150): about 500 pages a commune.
Every fifth commune has not posted its quarter-II list.
Same N and K -> same bytes. Run from anywhere; reads content/ of this repository.
"""
import importlib.util
import pathlib
import random
import re
import shutil
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
SOURCE = ROOT / "content"
CATALOGUE = 150
OWN = 3

spec = importlib.util.spec_from_file_location("gen_corpus", ROOT / "bench/gen-corpus.py")
corpus = importlib.util.module_from_spec(spec)
spec.loader.exec_module(corpus)

SYLLABLES = ["An", "Bình", "Cát", "Đông", "Hòa", "Hưng", "Lạc", "Long", "Minh", "Phú", "Phước", "Quang",
             "Sơn", "Tân", "Thạnh", "Thuận", "Trung", "Vĩnh", "Xuân", "Yên"]


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def commune_name(i):
    a, b = SYLLABLES[i % len(SYLLABLES)], SYLLABLES[(i // len(SYLLABLES) + 3 * i + 1) % len(SYLLABLES)]
    return f"{a} {b} {i + 1}"


def generated_procedures(count, skip, rng, offset=0):
    """gen-corpus records whose codes are not in `skip`, renumbered from `offset`."""
    out = []
    i = offset
    while len(out) < count:
        slug, code, text = corpus.procedure(i, rng)
        i += 1
        if code in skip:
            continue
        skip.add(code)
        out.append((slug, code, text))
    return out


def shared(out, rng):
    """tinh/: the catalogue (real records first), the fee schedule, the rule profile."""
    real = sorted(SOURCE.glob("thu-tuc/*/*.md"))
    real = [p for p in real if p.name not in ("_index.md", "index.md")]
    codes = {p.stem for p in real}
    for path in SOURCE.glob("thu-tuc/*/*"):
        if path.name not in ("_index.md", "index.md"):
            target = out / "tinh" / path.relative_to(SOURCE)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
    for slug, code, text in generated_procedures(CATALOGUE - len(real), codes, rng):
        write(out / "tinh/thu-tuc" / slug / f"{code}.md", text)
    schedule = (SOURCE / "phi-le-phi.yaml").read_text(encoding="utf-8").replace(" xã Hòa Vân", " xã")
    extra = "".join("  " + line + "\n" if line else "\n" for line in corpus.fees().splitlines())
    write(out / "tinh/phi-le-phi.yaml", schedule.rstrip("\n") + "\n" + extra)
    write(out / "tinh/quy-tac.yaml", "quy_tac:\n  web-ban-do:\n    khong_ap_dung: true\n")
    return sorted(codes)


def news(i, k, name):
    day = 1 + (k * 7) % 28
    month = 1 + (k * 5) % 10
    return (f'---\ntieu_de: "Tin hoạt động số {k + 1} của xã {name}"\n'
            f'mo_ta: "Bản tin {k + 1}: hoạt động của Ủy ban nhân dân xã {name} trong tháng {month}."\n'
            f"ngay: 2026-{month:02d}-{day:02d}\n---\n"
            f"Ngày {day:02d}/{month:02d}/2026, Ủy ban nhân dân xã {name} tổ chức hội nghị triển khai nhiệm vụ "
            "trọng tâm của tháng, gồm cải cách hành chính, chuyển đổi số và thu ngân sách.\n\n"
            "## Nội dung chính\n\n"
            "- Đẩy mạnh tiếp nhận hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia;\n"
            "- Rà soát danh mục thủ tục hành chính niêm yết tại Trung tâm Phục vụ hành chính công xã;\n"
            "- Đôn đốc thu ngân sách, bảo đảm tiến độ giải ngân vốn đầu tư công.\n\n"
            "| Chỉ tiêu | Kế hoạch | Thực hiện |\n|---|---:|---:|\n"
            f"| Hồ sơ trực tuyến | {100 + k} | {90 + k} |\n| Thu ngân sách (triệu đồng) | {1000 + 10 * k} | {950 + 9 * k} |\n")


def commune(out, i, catalogue, news_count, rng):
    slug = f"xa-{i + 1:03d}"
    name = commune_name(i)
    host = re.sub(r"[^a-z0-9]", "", slug)
    content = out / "xa" / slug / "content"
    for path in sorted(SOURCE.rglob("*")):
        relative = path.relative_to(SOURCE)
        if path.is_dir() or relative.parts[0] == "tin-tuc" and path.name != "_index.md":
            continue
        if relative.parts[0] == "thu-tuc" and path.name != "_index.md" or path.name == "phi-le-phi.yaml":
            continue  # inherited from tinh/
        target = content / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix in (".md", ".yaml", ".csv"):
            text = path.read_text(encoding="utf-8").replace("Hòa Vân", name).replace("hoavan", host)
            # The example's news items are replaced by generated ones: links to them go.
            text = re.sub(r"\[([^\]]+)\]\((\.\./)*tin-tuc/[^)]+\)", r"\1", text)
            target.write_text(text, encoding="utf-8")
        else:
            shutil.copy2(path, target)
    if i % 5 == 4:
        (content / "cong-khai/danh-muc-quy-2-2026.md").unlink(missing_ok=True)
    write(content / "thu-tuc/khong-ap-dung.yaml",
          f'khong_ap_dung:\n  - ma: "{catalogue[i % len(catalogue)]}"\n    ly_do: "Xã không có đối tượng thực hiện"\n')
    for slug_, code, text in generated_procedures(OWN, set(catalogue), rng, offset=100000 + i * OWN):
        code_own = f"3.{int(code.split('.')[1]) % 1000000:06d}"
        write(content / "thu-tuc" / slug_ / f"{code_own}.md", text.replace(f'ma: "{code}"', f'ma: "{code_own}"'))
    for k in range(news_count):
        write(content / f"tin-tuc/tin-{k + 1:03d}.md", news(i, k, name))


def main():
    args = sys.argv[1:]
    news_count = 150
    if "--news" in args:
        at = args.index("--news")
        news_count = int(args[at + 1])
        del args[at:at + 2]
    if len(args) != 2:
        sys.exit(__doc__)
    n, out = int(args[0]), pathlib.Path(args[1])
    if out.exists():
        shutil.rmtree(out)
    rng = random.Random(20261130)
    catalogue = shared(out, rng)
    write(out / "tinh.yaml", f'ten: "Tỉnh Mẫu Thử"\nurl_cong: "https://mauthu.example.gov.vn/"\n')
    for i in range(n):
        commune(out, i, catalogue, news_count, random.Random(i))


if __name__ == "__main__":
    main()
