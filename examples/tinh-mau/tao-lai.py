#!/usr/bin/env python3
"""Regenerates the example province's three communes from the example commune (content/ at the
repository root): a small subset of it, then each commune changed into its state as of
2026-11-23: hoa-van complete, suoi-da late, tan-lap missing items.

Run from the repository root: python3 examples/tinh-mau/tao-lai.py
"""
import pathlib, re, shutil

ROOT = pathlib.Path(__file__).resolve().parents[2]
SOURCE = ROOT / "content"
TARGET = ROOT / "examples/tinh-mau/xa"

KEEP = [
    "_index.md", "site.yaml", "gioi-thieu", "cchc/_index.md", "cchc/2026-quy-3.md",
    "cong-khai/_index.md", "cong-khai/danh-muc-quy-2-2026.md", "cong-khai/thu-tuc-niem-yet.md",
    "cong-khai/ket-qua-tiep-cong-dan-quy-3-2026.md", "cong-khai/ke-hoach-phat-trien-kinh-te-xa-hoi-2026.md",
    "ngan-sach/_index.md", "ngan-sach/2025/quyet-toan.csv", "ngan-sach/2025/quyet-toan.yaml",
    "ngan-sach/2026/du-toan.csv", "ngan-sach/2026/du-toan.yaml",
    "ngan-sach/2026/thuc-hien-9-thang.csv", "ngan-sach/2026/thuc-hien-9-thang.yaml",
    "thu-tuc/_index.md", "thu-tuc/ho-tich/1.000656.md", "thu-tuc/ho-tich/1.000894.md",
    "thu-tuc/ho-tich/to-khai-dang-ky-khai-tu.docx", "thu-tuc/ho-tich/to-khai-dang-ky-ket-hon.docx",
    "tin-tuc/_index.md",
]
USED_FEES = {"le-phi-dang-ky-khai-tu"}

COMMUNES = {
    "hoa-van": ("Hòa Vân", "hoavan"),
    "suoi-da": ("Suối Đá", "suoida"),
    "tan-lap": ("Tân Lập", "tanlap"),
}


def fees(text):
    """phi-le-phi.yaml with only the fees the kept procedures charge."""
    head, _, rest = text.partition("phi:\n")
    items = re.split(r"(?m)^(?=  - id: )", rest)
    kept = [item for item in items if item.startswith("  - id: ") and item.split()[2] in USED_FEES]
    return head + "phi:\n" + "".join(kept)


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def main():
    shutil.rmtree(TARGET, ignore_errors=True)
    for slug, (name, host) in COMMUNES.items():
        content = TARGET / slug / "content"
        for keep in KEEP:
            source = SOURCE / keep
            if source.is_dir():
                shutil.copytree(source, content / keep)
            else:
                (content / keep).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, content / keep)
        write(content / "phi-le-phi.yaml", fees((SOURCE / "phi-le-phi.yaml").read_text(encoding="utf-8")))
        for path in content.rglob("*"):
            if path.suffix in (".md", ".yaml", ".csv"):
                text = path.read_text(encoding="utf-8")
                text = text.replace("Hòa Vân", name).replace("hoavan", host)
                # The news items were left out: their links point at the contact page instead.
                text = re.sub(r"\[([^\]]+)\]\(\.\./tin-tuc/[^)]+\)", r"\1", text)
                path.write_text(text, encoding="utf-8")

    # hoa-van: everything on time, the desk's list updated after the procedures changed,
    # the third quarter's list posted, the rating box answered by the province's survey system.
    hoa = TARGET / "hoa-van/content"
    desk = hoa / "cong-khai/thu-tuc-niem-yet.md"
    desk.write_text(desk.read_text(encoding="utf-8").replace("cap_nhat: 2025-07-25", "cap_nhat: 2026-10-01"), encoding="utf-8")
    site = hoa / "site.yaml"
    site.write_text(site.read_text(encoding="utf-8") + 'phan_hoi_url: "https://khaosat.lamdong.gov.vn/danh-gia"\n', encoding="utf-8")
    quarter3 = (SOURCE / "cong-khai/danh-muc-quy-2-2026.md").read_text(encoding="utf-8")
    quarter3 = (quarter3.replace("quý II", "quý III").replace("2026-q2", "2026-q3").replace("2026-07-06", "2026-10-05")
                .replace("den: 2026-10-05", "den: 2027-01-04"))
    write(hoa / "cong-khai/danh-muc-quy-3-2026.md", quarter3)

    # suoi-da: the third quarter's list and the nine-month budget report posted late.
    late = TARGET / "suoi-da/content"
    write(late / "cong-khai/danh-muc-quy-3-2026.md",
          quarter3.replace("ngay_cong_khai: 2026-10-05", "ngay_cong_khai: 2026-10-27").replace("tu: 2026-10-05", "tu: 2026-10-27"))
    nine = late / "ngan-sach/2026/thuc-hien-9-thang.yaml"
    text = nine.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^(ngay_cong_khai: ).*$", r"\g<1>2026-11-02", text)
    text = text.replace("  tu: 2026-10-09\n  den: 2026-11-13", "  tu: 2026-11-02\n  den: 2026-12-07")
    nine.write_text(text, encoding="utf-8")

    # tan-lap: no nine-month budget report and no third-quarter list.
    missing = TARGET / "tan-lap/content"
    for name in ["ngan-sach/2026/thuc-hien-9-thang.csv", "ngan-sach/2026/thuc-hien-9-thang.yaml"]:
        (missing / name).unlink()


if __name__ == "__main__":
    main()
