import CongKhaiModel
import Foundation
import Testing

/// Builds small sites as of 2026-11-23 and reads the checklist's JSON.
@Suite("Posting checklist")
struct ChecklistTests {
    static func disclosure(_ name: String, group: Int = 8, decision: String, published: String?, board: (String, String)? = nil,
                           radio: (String, String)? = nil, extra: String = "") -> (String, String) {
        var text = "---\ntieu_de: \"Nội dung \(name)\"\nnhom: \(group)\nvan_ban:\n  so: \"1/QĐ-UBND\"\n  ngay: \(decision)\n"
        if let published { text += "ngay_cong_khai: \(published)\n" }
        if let board { text += "niem_yet:\n  tu: \(board.0)\n  den: \(board.1)\n  noi: Trụ sở\n" }
        if let radio { text += "truyen_thanh:\n  tu: \(radio.0)\n  den: \(radio.1)\n" }
        return ("content/cong-khai/\(name).md", text + extra + "---\nNội dung.\n")
    }


    func build(_ files: [(String, String)]) throws -> (TestSite, [[String: Any]], Int, Int) {
        let site = try TestSite.minimal(Dictionary(files, uniquingKeysWith: { _, new in new }))
        let result = site.build()
        let text = try #require(result.text(of: "cong-khai/danh-sach-cong-khai.json"))
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        return (site, rows, result.errorCount, result.warningCount)
    }

    func row(_ rows: [[String: Any]], _ id: String) -> [String: Any]? {
        rows.first { ($0["id"] as? String) == id }
    }

    @Test func eachStatusFollowsFromTheDates() throws {
        // Decisions on Thursday 2026-10-01: 5 working days → Thursday 2026-10-08.
        let (_, rows, errors, warnings) = try build([
            Self.disclosure("dung-han", decision: "2026-10-01", published: "2026-10-07", board: ("2026-10-07", "2026-11-10"), radio: ("2026-10-07", "2026-10-09")),
            Self.disclosure("tre", decision: "2026-10-01", published: "2026-10-12", board: ("2026-10-12", "2026-11-20"), radio: ("2026-10-12", "2026-10-14")),
            Self.disclosure("ngan", decision: "2026-10-01", published: "2026-10-05", board: ("2026-10-05", "2026-10-20"), radio: ("2026-10-05", "2026-10-09")),
            Self.disclosure("chua-dang", decision: "2026-10-01", published: nil),
            Self.disclosure("sap-toi", decision: "2026-11-20", published: nil),
            ("content/quy-tac.yaml", "quy_tac:\n  web-ban-do:\n    khong_ap_dung: true\n"),
        ])
        #expect(errors == 0 && warnings == 0)
        #expect(row(rows, "2026-q4/dieu-11-k8/dung-han")?["trang_thai"] as? String == "dung_han")
        #expect(row(rows, "2026-q4/dieu-11-k8/tre")?["trang_thai"] as? String == "tre_han")
        #expect(row(rows, "2026-q4/dieu-11-k8/tre")?["so_ngay"] as? Int == 4)
        #expect(row(rows, "2026-q4/dieu-11-k8/ngan")?["trang_thai"] as? String == "chua_du_niem_yet")
        #expect(row(rows, "2026-q4/dieu-11-k8/ngan")?["so_ngay"] as? Int == 14)
        #expect(row(rows, "2026-q4/dieu-11-k8/chua-dang")?["trang_thai"] as? String == "thieu")
        // Friday 20/11 + 5 working days = Friday 27/11: 4 days left on 23/11.
        #expect(row(rows, "2026-q4/dieu-11-k8/sap-toi")?["trang_thai"] as? String == "chua_den_han")
        #expect(row(rows, "2026-q4/dieu-11-k8/sap-toi")?["so_ngay"] as? Int == 4)
        #expect(row(rows, "2026-q4/web-ban-do/trang")?["trang_thai"] as? String == "khong_ap_dung")
    }

    /// The edges the planted-fault pass found untested: the deadline day itself is on time and
    /// the next day is late; a notice board long enough does not make up for a radio broadcast
    /// shorter than its minimum (3 days for khoản 7–12).
    @Test func deadlineDayAndRadioMinimumAreEdges() throws {
        // Decision Thursday 2026-10-01: 5 working days → Thursday 2026-10-08.
        let board = ("2026-10-08", "2026-11-10")
        let (_, rows, errors, _) = try build([
            Self.disclosure("han-cuoi", decision: "2026-10-01", published: "2026-10-08", board: board, radio: ("2026-10-08", "2026-10-10")),
            Self.disclosure("qua-mot-ngay", decision: "2026-10-01", published: "2026-10-09", board: ("2026-10-09", "2026-11-10"), radio: ("2026-10-09", "2026-10-11")),
            Self.disclosure("phat-thanh-ngan", decision: "2026-10-01", published: "2026-10-08", board: board, radio: ("2026-10-08", "2026-10-09")),
        ])
        #expect(errors == 0)
        #expect(row(rows, "2026-q4/dieu-11-k8/han-cuoi")?["trang_thai"] as? String == "dung_han")
        #expect(row(rows, "2026-q4/dieu-11-k8/qua-mot-ngay")?["trang_thai"] as? String == "tre_han")
        #expect(row(rows, "2026-q4/dieu-11-k8/qua-mot-ngay")?["so_ngay"] as? Int == 1)
        #expect(row(rows, "2026-q4/dieu-11-k8/phat-thanh-ngan")?["trang_thai"] as? String == "chua_du_niem_yet")
    }

    /// The deadline day itself is not yet missed: an unpublished item whose deadline is the
    /// as-of day is "chưa đến hạn" with 0 days left; the day after its deadline it is "thiếu".
    @Test func anUnpublishedItemIsMissingOnlyAfterItsDeadlineDay() throws {
        // Monday 16/11 + 5 working days = Monday 23/11 (the as-of day); Friday 13/11 + 5 = Friday 20/11.
        let (_, rows, errors, _) = try build([
            Self.disclosure("han-hom-nay", decision: "2026-11-16", published: nil),
            Self.disclosure("qua-han", decision: "2026-11-13", published: nil),
        ])
        #expect(errors == 0)
        #expect(row(rows, "2026-q4/dieu-11-k8/han-hom-nay")?["trang_thai"] as? String == "chua_den_han")
        #expect(row(rows, "2026-q4/dieu-11-k8/han-hom-nay")?["so_ngay"] as? Int == 0)
        #expect(row(rows, "2026-q4/dieu-11-k8/qua-han")?["trang_thai"] as? String == "thieu")
    }

    /// `khong_ap_dung: true` in quy-tac.yaml on a dated rule (not only on a standing one): its
    /// items are "không áp dụng", never "thiếu", even with nothing published.
    @Test func aDatedRuleMarkedNotApplicableListsItsItemsAsSuch() throws {
        let (_, rows, errors, _) = try build([
            Self.disclosure("khong-can", decision: "2026-10-01", published: nil),
            ("content/quy-tac.yaml", "quy_tac:\n  dieu-11-k8:\n    khong_ap_dung: true\n"),
        ])
        #expect(errors == 0)
        #expect(row(rows, "2026-q4/dieu-11-k8/khong-can")?["trang_thai"] as? String == "khong_ap_dung")
    }

    @Test func standingListOlderThanProceduresNeedsUpdate() throws {
        let (_, rows, _, _) = try build([
            ("content/cong-khai/tthc.md", "---\ntieu_de: Danh mục niêm yết\nquy_tac: tthc\nthuong_xuyen: true\ncap_nhat: 2020-01-01\n---\n"),
        ] + Self.procedureFiles())
        #expect(row(rows, "2026-q4/tthc/niem-yet")?["trang_thai"] as? String == "can_cap_nhat")
    }

    static func procedureFiles() -> [(String, String)] {
        let url = TestSite.repositoryRoot.appendingPathComponent("content/thu-tuc/ho-tich/1.004859.md")
        return [("content/thu-tuc/ho-tich/1.004859.md", (try? String(contentsOf: url, encoding: .utf8)) ?? "")]
    }

    @Test func recurringItemsAreExpectedWithoutContent() throws {
        let (_, rows, _, _) = try build([])
        // Budget execution for each ended period, the yearly estimate, each quarter's list.
        #expect(row(rows, "2026-q1/ns-thuc-hien/quy_1")?["trang_thai"] as? String == "thieu")
        #expect(row(rows, "2026-q3/ns-thuc-hien/9_thang")?["trang_thai"] as? String == "thieu")
        #expect(row(rows, "2025-q4/ns-du-toan/2026")?["trang_thai"] as? String == "thieu")
        #expect(row(rows, "2026-q4/ns-thuc-hien-nam/2026")?["trang_thai"] as? String == "chua_den_han")
        #expect(row(rows, "2026-q3/danh-sach-quy/2026-q3")?["trang_thai"] as? String == "thieu")
        #expect(row(rows, "2026-q4/danh-sach-quy/2026-q4")?["trang_thai"] as? String == "chua_den_han")
    }

    @Test func overridesChangeAndAddRules() throws {
        let (_, rows, errors, _) = try build([
            ("content/quy-tac.yaml", """
            quy_tac:
              dieu-11-k8:
                han: { ngay_lam_viec: 10 }
              tinh-rieng:
                noi_dung: "Nội dung riêng của tỉnh"
                van_ban: "Quyết định 5/2026/QĐ-UBND tỉnh"
                kenh: [website, tru_so]
                moc: van_ban
                han: { ngay: 3 }

            """),
            Self.disclosure("tre", decision: "2026-10-01", published: "2026-10-12", board: ("2026-10-12", "2026-11-20"), radio: ("2026-10-12", "2026-10-14")),
            ("content/cong-khai/rieng.md", "---\ntieu_de: Riêng\nquy_tac: tinh-rieng\nvan_ban: { so: \"2/QĐ\", ngay: 2026-10-01 }\nngay_cong_khai: 2026-10-06\n---\n"),
        ])
        #expect(errors == 0)
        // With 10 working days the 12/10 posting is on time.
        #expect(row(rows, "2026-q4/dieu-11-k8/tre")?["trang_thai"] as? String == "dung_han")
        #expect(row(rows, "2026-q4/tinh-rieng/rieng")?["trang_thai"] as? String == "tre_han")
        #expect(row(rows, "2026-q4/tinh-rieng/rieng")?["so_ngay"] as? Int == 2)
    }

    @Test func invalidOverridesReportFileAndLine() throws {
        let site = try TestSite.minimal(["content/quy-tac.yaml": "quy_tac:\n  moi:\n    noi_dung: Mới\n    van_ban: QĐ 1\n    kenh: [loa]\n    han: { tuan: 2 }\n"])
        let result = site.build()
        let channel = result.diagnostics("checklist.channel")
        #expect(channel.first?.location.path == "content/quy-tac.yaml")
        #expect(channel.first?.location.line == 5)
        #expect(!result.diagnostics("checklist.deadline").isEmpty)
        try site.write("content/cong-khai/la.md", "---\ntieu_de: Lạ\nquy_tac: khong-co\n---\n")
        #expect(site.build().diagnostics("checklist.unknown-rule").first?.location.path == "content/cong-khai/la.md")
    }

    @Test func jsonAndCSVFollowTheDocumentedSchema() throws {
        let site = try TestSite.minimal()
        let result = site.build()
        let json = try #require(result.text(of: "cong-khai/danh-sach-cong-khai.json"))
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        let keys = ["id", "ky", "quy_tac", "tieu_de", "can_cu", "kenh", "moc", "han", "ngay_cong_khai", "niem_yet_tu",
                    "niem_yet_den", "noi_niem_yet", "van_ban", "trang_thai", "so_ngay", "dia_chi"]
        #expect(Set(rows.first?.keys.map { $0 } ?? []) == Set(keys))
        let csv = try #require(result.text(of: "cong-khai/danh-sach-cong-khai.csv"))
        #expect(csv.contains(keys.joined(separator: ",") + "\r\n"))
        #expect(result.text(of: "cong-khai/index.html")?.contains("Tình trạng tính đến ngày 23/11/2026") == true)
        #expect(result.text(of: "in/cong-khai-2026-quy-4/index.html")?.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") == true)
        #expect(result.text(of: "index.html")?.contains("Tình trạng công khai") == true)
    }

    @Test func deadlinesOutsideTheShippedHolidaysWarn() throws {
        let site = try TestSite.minimal(Dictionary(uniqueKeysWithValues: [
            Self.disclosure("xa", decision: "2023-10-02", published: "2023-10-04", board: ("2023-10-04", "2023-11-10"), radio: ("2023-10-04", "2023-10-07")),
        ]))
        let result = site.build()
        #expect(result.diagnostics("checklist.holidays").count == 1)
        // A commune that lists its own 2023 holidays is not warned.
        try site.write("content/site.yaml", "ten: Ủy ban nhân dân xã Thử Nghiệm\nten_ngan: Xã Thử Nghiệm\nloai: xa\ntinh: Tỉnh Lâm Đồng\nngay_nghi: [2023-09-01, 2023-09-04]\n")
        #expect(site.build().diagnostics("checklist.holidays").isEmpty)
    }
}
