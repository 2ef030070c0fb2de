#!/usr/bin/env python3
"""Writes the import fixtures: portal records (JSON), catalogue lists (CSV, UTF-16 CSV, XLSX).
Run from this folder: python3 make_fixtures.py. The output is committed; the script documents it.
Some text is written decomposed (NFD) on purpose: real exports mix both forms."""
import json
import unicodedata
import zipfile

def nfd(text):
    return unicodedata.normalize("NFD", text)

khai_sinh = {
    "ma_thu_tuc": " 1.001193\u200b",
    "ten_thu_tuc": nfd("Thủ tục đăng ký khai sinh"),
    "so_quyet_dinh": "1872/QĐ-BTP",
    "cap_thuc_hien": "Cấp Xã",
    "loai_thu_tuc": "TTHC được luật giao quy định chi tiết",
    "linh_vuc": nfd("Hộ tịch"),
    "doi_tuong_thuc_hien": "Công dân Việt Nam, Người nước ngoài",
    "trinh_tu_thuc_hien": nfd(
        "Bước 1: Người có yêu cầu nộp hồ sơ tại Bộ phận tiếp nhận và trả kết quả của Ủy ban nhân dân cấp xã.\r\n"
        "Bước 2: Công chức tư pháp - hộ tịch kiểm tra hồ sơ; nếu hồ sơ đầy đủ thì tiếp nhận.\r\n"
        "## Bước 3: Công chức báo cáo Chủ tịch Ủy ban nhân dân cấp xã <ký> Giấy khai sinh cho người được đăng ký khai sinh."),
    "cach_thuc_thuc_hien":
        "Hình thức nộpThời gianPhí, lệ phíMô tả"
        "Trực tiếp3 Ngày làm việcLệ phí : 8000 Đồng (Trường hợp đăng ký khai sinh quá hạn)"
        "Nộp hồ sơ tại Bộ phận tiếp nhận và trả kết quả của UBND cấp xã"
        "Trực tuyến3 Ngày làm việcMiễn phíNộp hồ sơ trực tuyến trên Cổng Dịch vụ công"
        "Dịch vụ bưu chính3 Ngày làm việc7,000 Việt Nam ĐồngGửi hồ sơ qua dịch vụ bưu chính công ích",
    "thanh_phan_ho_so":
        "Tên giấy tờMẫu đơn, tờ khaiSố lượng"
        "Tờ khai đăng ký khai sinh theo mẫuTờ khai đăng ký khai sinh.docxBản chính: 1Bản sao: 0"
        "Bản chính Giấy chứng sinhBản chính: 1Bản sao: 0",
    "can_cu_phap_ly": nfd(
        "Tên văn bản pháp lýMã văn bản"
        "Luật Hộ tịch60/2014/QH13"
        "Nghị định 123/2015/NĐ-CP quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch123/2015/NĐ-CP"
        "Thông tư 04/2020/TT-BTP quy định chi tiết thi hành một số điều của Luật Hộ tịch04/2020/TT-BTP"),
    "co_quan_thuc_hien": "Ủy ban Nhân dân xã, phường, thị trấn",
    "yeu_cau_dieu_kien": "Không có thông tin",
    "ket_qua_xu_ly": "Giấy khai sinh (bản chính)Mã: KQ.G15.000031Từ khóaKhông có thông tinMô tảKhông có thông tinChọn cơ quan thực hiện",
}

chung_thuc = {
    "ma_thu_tuc": "2.000908",
    "ten_thu_tuc": "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền cấp",
    "so_quyet_dinh": "Không có thông tin",
    "cap_thuc_hien": "Cấp Xã",
    "loai_thu_tuc": "TTHC không được luật giao cho địa phương quy định",
    "linh_vuc": "Chứng thực",
    "doi_tuong_thuc_hien": "Công dân Việt Nam",
    "trinh_tu_thuc_hien": "Người yêu cầu chứng thực xuất trình bản chính và bản sao cần chứng thực.\nNgười thực hiện chứng thực đối chiếu và ký chứng thực.",
    "cach_thuc_thuc_hien":
        "Hình thức nộpThời gianPhí, lệ phíMô tả"
        "Trực tiếpTrong ngày làm việc hoặc ngày làm việc tiếp theo nếu tiếp nhận sau 15 giờ"
        "Phí : 2000 Đồng (Trang thứ nhất, trang thứ hai)Phí : 1000 Đồng (Từ trang thứ ba trở đi)"
        "Nộp tại Ủy ban nhân dân cấp xã",
    "thanh_phan_ho_so": "Tên giấy tờMẫu đơn, tờ khaiSố lượngBản chính giấy tờ, văn bảnBản chính: 1Bản sao: 0Bản sao cần chứng thựcBản chính: 0Bản sao: 1",
    "can_cu_phap_ly": "Nghị định về chứng thực và các thông tư hướng dẫn",
    "co_quan_thuc_hien": "Ủy ban Nhân dân xã",
    "yeu_cau_dieu_kien": "Không",
    "ket_qua_xu_ly": "Bản sao được chứng thực từ bản chính",
}

ket_hon = {
    "ma_thu_tuc": "1.000894.000.00.00.H36",
    "ten_thu_tuc": "Thủ tục đăng ký kết hôn",
    "so_quyet_dinh": "Quyết định số 1234/QĐ-UBND",
    "cap_thuc_hien": "Cấp Xã",
    "linh_vuc": "Hộ tịch",
    "doi_tuong_thuc_hien": "Công dân Việt Nam",
    "trinh_tu_thuc_hien": "Hai bên nam, nữ nộp tờ khai đăng ký kết hôn.",
    "cach_thuc_thuc_hien":
        "Hình thức nộpThời gianPhí, lệ phíMô tả"
        "Trực tiếp5 Ngày làm việcLệ phí : 0 ĐồngNộp tại Ủy ban nhân dân cấp xã"
        "Trực tuyến3 Ngày làm việcMiễn phí",
    "thanh_phan_ho_so": "Tờ khai đăng ký kết hôn.\nGiấy tờ chứng minh nhân thân.",
    "can_cu_phap_ly": "- Luật Hộ tịch số 60/2014/QH13;\n- Nghị định số 123/2015/NĐ-CP của Chính phủ.",
    "co_quan_thuc_hien": "Ủy ban Nhân dân xã",
    "yeu_cau_dieu_kien": "Không",
    "ket_qua_xu_ly": "Giấy chứng nhận kết hônMã: KQ.G15.000050Bản sao Giấy chứng nhận kết hônMã: KQ.G15.000051Ghi chú riêng của cán bộ",
    "url_chi_tiet": "https://example.invalid/1.000894",
}

malformed = [
    {"ten_thu_tuc": "Hồ sơ không có mã", "linh_vuc": "Hộ tịch"},
    {"ma_thu_tuc": "abc", "ten_thu_tuc": "Mã sai", "linh_vuc": "Hộ tịch"},
    {"ma_thu_tuc": "../../etc/1.001193", "ten_thu_tuc": "Mã có đường dẫn", "linh_vuc": "Hộ tịch"},
    {"ma_thu_tuc": 1.00119, "ten_thu_tuc": "Mã dạng số", "linh_vuc": "Hộ tịch"},
    42,
    {"ma_thu_tuc": "2.000001", "ten_thu_tuc": "Thủ tục có trường sai kiểu", "linh_vuc": "Đất đai",
     "co_quan_thuc_hien": {"ten": "UBND xã"}, "doi_tuong_thuc_hien": True},
]

def write_json(name, value):
    with open(name, "w", encoding="utf-8") as out:
        json.dump(value, out, ensure_ascii=False, indent=2)
        out.write("\n")

write_json("dvc-khai-sinh.json", khai_sinh)
write_json("dvc-nhieu-ho-so.json", [chung_thuc, ket_hon])
write_json("dvc-ho-so-loi.json", malformed)
with open("dvc-hong.json", "w", encoding="utf-8") as out:
    out.write('[\n  {"ma_thu_tuc": "1.001193",\n   "ten_thu_tuc": "Thiếu dấu phẩy"\n   "linh_vuc": "Hộ tịch"}\n]\n')

csv_rows = [
    "DANH MỤC THỦ TỤC HÀNH CHÍNH CẤP XÃ;;;;;;",
    'STT;Mã TTHC;Tên thủ tục;Lĩnh vực;Mức độ DVC;Thời hạn giải quyết;"Phí, lệ phí"',
    '1;1.001193;"Thủ tục đăng ký khai sinh, khai sinh kết hợp";Hộ tịch;Toàn trình;3 ngày làm việc;Miễn phí',
    '2;2.000908;"Chứng thực bản sao từ bản chính giấy tờ, văn bản";Chứng thực;Một phần;"Trong ngày; hoặc ngày làm việc tiếp theo";"2.000 đồng/trang"',
    "3;;Thủ tục thiếu mã;Hộ tịch;;;",
    "4;1.00119;Thủ tục mã sai;Hộ tịch;;;",
    "II;LĨNH VỰC ĐẤT ĐAI;;;;;",
    '5;1.003003;"Thủ tục hòa giải tranh chấp đất đai ""cấp xã""";;Trực tiếp;45 ngày;Không',
]
csv_text = "\r\n".join(csv_rows) + "\r\n"
with open("danh-muc.csv", "wb") as out:
    out.write(b"\xef\xbb\xbf" + csv_text.encode("utf-8"))
with open("danh-muc-utf16.csv", "wb") as out:
    out.write(csv_text.encode("utf-16"))  # with BOM, as Excel's "Unicode Text"

content_types = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"""
root_rels = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"""
# The first sheet in tab order is stored as sheet2.xml: the reader must follow the workbook, not guess.
workbook = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Danh mục" sheetId="2" r:id="rId2"/><sheet name="Ghi chú" sheetId="1" r:id="rId1"/></sheets></workbook>"""
workbook_rels = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"""
strings = ["STT", "Mã TTHC", "Tên thủ tục hành chính", "Lĩnh vực", "Mức độ", "Hộ tịch",
           "Thủ tục đăng ký khai sinh", "Thủ tục đăng ký kết hôn", "Chứng thực", " có khoảng trắng "]
def si(text):
    return f'<si><t xml:space="preserve">{text}</t></si>'
shared = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings) + 1}" uniqueCount="{len(strings) + 1}">'
          + "".join(si(text) for text in strings)
          # rich text: two runs make one string
          + '<si><r><rPr><b/></rPr><t>Chứng thực bản sao </t></r><r><t>từ bản chính</t></r></si>'
          + "</sst>")
S = {text: index for index, text in enumerate(strings)}
S["rich"] = len(strings)
sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
         '<row r="1"><c r="A1" t="inlineStr"><is><t>DANH MỤC THỦ TỤC</t></is></c></row>'
         f'<row r="3"><c r="A3" t="s"><v>{S["STT"]}</v></c><c r="B3" t="s"><v>{S["Mã TTHC"]}</v></c><c r="C3" t="s"><v>{S["Tên thủ tục hành chính"]}</v></c><c r="D3" t="s"><v>{S["Lĩnh vực"]}</v></c><c r="E3" t="s"><v>{S["Mức độ"]}</v></c></row>'
         f'<row r="4"><c r="A4"><v>1</v></c><c r="B4" t="inlineStr"><is><t>1.001193</t></is></c><c r="C4" t="s"><v>{S["Thủ tục đăng ký khai sinh"]}</v></c><c r="D4" t="s"><v>{S["Hộ tịch"]}</v></c><c r="E4"><v>4</v></c></row>'
         # the code typed as a number: Excel keeps 1.00119 for 1.001190
         f'<row r="5"><c r="A5"><v>2</v></c><c r="B5"><v>1.00119</v></c><c r="C5" t="s"><v>{S["Thủ tục đăng ký kết hôn"]}</v></c><c r="D5" t="s"><v>{S["Hộ tịch"]}</v></c></row>'
         # a sparse row: column E left out, D before C in the file
         f'<row r="6"><c r="A6"><v>3</v></c><c r="B6" t="str"><v>2.000908</v></c><c r="D6" t="s"><v>{S["Chứng thực"]}</v></c><c r="C6" t="s"><v>{S["rich"]}</v></c></row>'
         f'<row r="7"><c r="A7"><v>4</v></c><c r="C7" t="s"><v>{S[" có khoảng trắng "]}</v></c><c r="D7" t="s"><v>{S["Hộ tịch"]}</v></c></row>'
         '</sheetData></worksheet>')
other_sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
               '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
               '<row r="1"><c r="A1" t="inlineStr"><is><t>Trang ghi chú, không phải danh mục</t></is></c></row>'
               '</sheetData></worksheet>')

with zipfile.ZipFile("danh-muc.xlsx", "w", compression=zipfile.ZIP_DEFLATED) as archive:
    for name, text in [("[Content_Types].xml", content_types), ("_rels/.rels", root_rels),
                       ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", workbook_rels),
                       ("xl/sharedStrings.xml", shared), ("xl/worksheets/sheet1.xml", other_sheet),
                       ("xl/worksheets/sheet2.xml", sheet)]:
        info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, text.encode("utf-8"))
