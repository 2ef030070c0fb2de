#!/usr/bin/env python3
"""Regenerates the example province from the example commune (content/ at the repository root):
the province's shared content in tinh/ (a catalogue of four commune-level procedures with their
forms, the fee schedule, the rule profile), and three communes made of a small subset of the
example, each changed into its state as of 2026-11-23: hoa-van complete (inherits everything),
suoi-da late (and publishes the marriage procedure under an older decision), tan-lap missing
items (does not apply one of the province's procedures, and adds one of its own).

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
    "thu-tuc/_index.md", "tin-tuc/_index.md",
]
# The province's catalogue (tinh/thu-tuc/), inherited by every commune.
SHARED = [
    "thu-tuc/ho-tich/1.000656.md", "thu-tuc/ho-tich/1.000894.md",
    "thu-tuc/ho-tich/to-khai-dang-ky-khai-tu.docx", "thu-tuc/ho-tich/to-khai-dang-ky-ket-hon.docx",
    "thu-tuc/bao-tro-xa-hoi/1.001653.md", "thu-tuc/bao-tro-xa-hoi/1.001699.md",
]
USED_FEES = {"le-phi-dang-ky-khai-tu"}
PROVINCE = ROOT / "examples/tinh-mau/tinh"
RULES = """# Bộ quy tắc công khai của tỉnh (hư cấu): mọi xã kế thừa; xã có content/quy-tac.yaml riêng thì dùng tệp của xã.
quy_tac:
  web-ban-do:
    khong_ap_dung: true  # bản đồ hành chính của các xã được đăng chung trên cổng của tỉnh
"""
NOT_APPLIED = """# Thủ tục trong danh mục của tỉnh (tinh/thu-tuc/) mà xã không thực hiện: không đăng trên trang của xã.
khong_ap_dung:
  - ma: "1.001699"
    ly_do: "Hồ sơ của xã được tiếp nhận tại Trung tâm Phục vụ hành chính công liên xã"
"""

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


def copy(source, target):
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, target)


def shared():
    """tinh/: the catalogue, the fee schedule and the rule profile, written for every commune."""
    shutil.rmtree(PROVINCE, ignore_errors=True)
    for keep in SHARED:
        copy(SOURCE / keep, PROVINCE / keep)
    schedule = fees((SOURCE / "phi-le-phi.yaml").read_text(encoding="utf-8"))
    schedule = (schedule.replace("do UBND xã Hòa Vân và Công an xã tiếp nhận", "do UBND các xã và Công an xã trong tỉnh tiếp nhận (chung cho cả tỉnh)")
                .replace(" xã Hòa Vân", " xã"))
    write(PROVINCE / "phi-le-phi.yaml", schedule)
    write(PROVINCE / "quy-tac.yaml", RULES)


def main():
    shutil.rmtree(TARGET, ignore_errors=True)
    shared()
    for slug, (name, host) in COMMUNES.items():
        content = TARGET / slug / "content"
        for keep in KEEP:
            source = SOURCE / keep
            if source.is_dir():
                shutil.copytree(source, content / keep)
            else:
                (content / keep).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, content / keep)
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

    # suoi-da keeps its own copy of the marriage procedure, under the province's previous decision
    # and without one of the legal bases the province's catalogue now cites.
    marriage = (SOURCE / "thu-tuc/ho-tich/1.000894.md").read_text(encoding="utf-8")
    marriage = marriage.replace('  so: "1412/QĐ-UBND"\n  ngay: 2025-07-18', '  so: "0987/QĐ-UBND"\n  ngay: 2024-04-12')
    marriage = marriage.replace('  - so_hieu: "04/2020/TT-BTP"\n    ten: "Thông tư quy định chi tiết thi hành một số điều của Luật Hộ tịch và Nghị định số 123/2015/NĐ-CP"\n', "")
    assert "0987/QĐ-UBND" in marriage and "04/2020/TT-BTP" not in marriage.split("---")[1]
    write(late / "thu-tuc/ho-tich/1.000894.md", marriage)
    copy(SOURCE / "thu-tuc/ho-tich/to-khai-dang-ky-ket-hon.docx", late / "thu-tuc/ho-tich/to-khai-dang-ky-ket-hon.docx")

    # tan-lap: no nine-month budget report and no third-quarter list; one of the province's
    # procedures not applied, one procedure of its own.
    missing = TARGET / "tan-lap/content"
    for name in ["ngan-sach/2026/thuc-hien-9-thang.csv", "ngan-sach/2026/thuc-hien-9-thang.yaml"]:
        (missing / name).unlink()
    write(missing / "thu-tuc/khong-ap-dung.yaml", NOT_APPLIED)
    copy(SOURCE / "thu-tuc/bao-tro-xa-hoi/1.001731.md", missing / "thu-tuc/bao-tro-xa-hoi/1.001731.md")


if __name__ == "__main__":
    main()
