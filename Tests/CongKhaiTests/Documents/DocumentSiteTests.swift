import CongKhaiBuild
@testable import CongKhaiKinds
import CongKhaiLoad
import CongKhaiModel
import Foundation
import Testing

/// Builds small sites with documents (as of 2026-11-23) and reads what is published: the list and
/// its pre-built filters, the pages of replaced and replacing documents, open data, search, checklist.
@Suite("Document registry site")
struct DocumentSiteTests {
    static let pdf = "%PDF-1.4\n% minh hoa\n"

    /// Three documents: a normative resolution replaced by a newer one, and a plan (whose subject
    /// carries everything open data must escape).
    static func files(_ extra: [String: String] = [:]) -> [String: String] {
        var files = [
            "content/van-ban/2025/nq-05.md": """
            ---
            so: "05/2025/NQ-HĐND"
            loai: "Nghị quyết"
            co_quan: "HĐND xã"
            ngay: 2025-08-20
            trich_yeu: "Quy định quản lý chợ (cũ)"
            hieu_luc: 2025-09-01
            tep: "nq-05.pdf"
            ngay_cong_khai: 2025-08-22
            niem_yet: { tu: 2025-08-22, den: 2025-09-25, noi: "Trụ sở" }
            ---

            """,
            "content/van-ban/2025/nq-05.pdf": pdf,
            "content/van-ban/2026/nq-08.md": """
            ---
            so: "08/2026/NQ-HĐND"
            loai: "Nghị quyết"
            co_quan: "HĐND xã"
            ngay: 2026-06-25
            trich_yeu: "Quy định quản lý chợ (mới)"
            hieu_luc: 2026-07-05
            thay_the: ["05/2025/NQ-HĐND"]
            tep: "nq-08.pdf"
            ngay_cong_khai: 2026-07-06
            niem_yet: { tu: 2026-07-06, den: 2026-07-20, noi: "Trụ sở" }
            ---
            Tóm tắt **mới**.

            """,
            "content/van-ban/2026/nq-08.pdf": pdf,
            "content/van-ban/2026/kh-98.md": """
            ---
            so: "98/KH-UBND"
            loai: "Kế hoạch"
            co_quan: "UBND xã"
            ngay: 2026-11-20
            trich_yeu: "=HYPERLINK(\\"x\\"), chuyển đổi số <script>"
            tep: "kh-98.pdf"
            ---

            """,
            "content/van-ban/2026/kh-98.pdf": pdf,
            "content/thu-tuc/ho-tich/1.000656.md": "---\nten: \"Đăng ký khai sinh\"\nma: \"1.000656\"\nlinh_vuc: \"Hộ tịch\"\n---\n",
        ]
        files.merge(extra) { _, new in new }
        return files
    }

    func build(_ extra: [String: String] = [:]) throws -> (TestSite, BuildResult) {
        let site = try TestSite.minimal(Self.files(extra))
        return (site, site.build())
    }

    @Test func listAndEveryFilterArePagesWithoutScript() throws {
        let (_, result) = try build()
        #expect(result.diagnostics(forPrefix: "document.").isEmpty, "\(result.diagnostics.map(\.formatted))")
        for path in ["van-ban/", "van-ban/2026/", "van-ban/2025/", "van-ban/nghi-quyet/", "van-ban/nghi-quyet/2026/",
                     "van-ban/nghi-quyet/2025/", "van-ban/ke-hoach/", "van-ban/ke-hoach/2026/"] {
            #expect(result.text(of: path + "index.html") != nil, "\(path) is missing")
        }
        #expect(result.text(of: "van-ban/ke-hoach/2025/index.html") == nil)
        let list = try #require(result.text(of: "van-ban/nghi-quyet/index.html"))
        // The year links of a kind's page stay within the kind; the current filter is marked.
        #expect(list.contains("href=\"../../van-ban/nghi-quyet/2026/index.html\""))
        #expect(list.contains("href=\"../../van-ban/nghi-quyet/index.html\" aria-current=\"page\""))
        #expect(list.contains("Nghị quyết <span class=\"pill-count\">(2)</span>"))
        #expect(list.contains("08/2026/NQ-HĐND") && list.contains("05/2025/NQ-HĐND") && !list.contains("98/KH-UBND"))
        // A kind absent from a year is shown, not linked.
        let year = try #require(result.text(of: "van-ban/2025/index.html"))
        #expect(year.contains("<span>Kế hoạch <span class=\"pill-count\">(0)</span></span>"))
        // Newest first.
        let all = try #require(result.text(of: "van-ban/index.html"))
        let order = ["98/KH-UBND", "08/2026/NQ-HĐND", "05/2025/NQ-HĐND"].map { all.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order[0]! < order[1]! && order[1]! < order[2]!)
    }

    @Test func replacedDocumentSaysSoAndLinksBothWays() throws {
        let (_, result) = try build()
        let old = try #require(result.text(of: "van-ban/2025/nq-05/index.html"))
        #expect(old.contains("Văn bản này không còn áp dụng (Bị thay thế)"))
        #expect(old.contains("href=\"../../../van-ban/2026/nq-08/index.html\""))
        #expect(old.contains("badge-truc-tiep"))
        #expect(old.contains("href=\"../../../van-ban/2025/nq-05.pdf\""))
        let new = try #require(result.text(of: "van-ban/2026/nq-08/index.html"))
        #expect(new.contains("Thay thế văn bản"))
        #expect(new.contains("href=\"../../../van-ban/2025/nq-05/index.html\""))
        #expect(new.contains("Còn hiệu lực") && new.contains("badge-toan-trinh"))
        #expect(new.contains("<strong>mới</strong>"))
        #expect(new.contains("văn bản quy phạm pháp luật"))
        let plan = try #require(result.text(of: "van-ban/2026/kh-98/index.html"))
        #expect(plan.contains("&lt;script&gt;") && !plan.contains("<script>"))
    }

    @Test func openDataUsesTheSharedEscaping() throws {
        let (_, result) = try build()
        let csv = try #require(result.text(of: "du-lieu/van-ban.csv"))
        // The BOM is Excel's cue for UTF-8 (decoding the text drops it, so the bytes are read).
        guard case let .bytes(bytes)? = result.files.first(where: { $0.path == "du-lieu/van-ban.csv" })?.body else {
            Issue.record("du-lieu/van-ban.csv is not in memory")
            return
        }
        #expect(bytes.starts(with: Data("\u{FEFF}so_ky_hieu,loai,co_quan,ngay_ban_hanh,trich_yeu,".utf8)))
        #expect(csv.contains("\"'=HYPERLINK(\"\"x\"\"), chuyển đổi số <script>\""))
        #expect(csv.contains("05/2025/NQ-HĐND,nghi-quyet,hdnd,2025-08-20,Quy định quản lý chợ (cũ),2025-09-01,,bi-thay-the,co,,,08/2026/NQ-HĐND,"))
        let json = try #require(result.text(of: "du-lieu/van-ban.json"))
        #expect(json.contains("\"=HYPERLINK(\\\"x\\\"), chuyển đổi số \\u003cscript>\""))
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(rows.count == 3)
        #expect(rows.first { $0["so_ky_hieu"] as? String == "08/2026/NQ-HĐND" }?["thay_the"] as? [String] == ["05/2025/NQ-HĐND"])
        #expect(rows.first { $0["so_ky_hieu"] as? String == "08/2026/NQ-HĐND" }?["tep"] as? String == "van-ban/2026/nq-08.pdf")
        let page = try #require(result.text(of: "du-lieu/index.html"))
        #expect(page.contains("van-ban.csv") && page.contains("so_ky_hieu"))
    }

    @Test func documentsAreInTheSiteSearch() throws {
        let (_, result) = try build()
        let index = try #require(result.text(of: "du-lieu/tim-kiem.js"))
        #expect(index.contains("[\"08/2026/NQ-HĐND\",\"Quy định quản lý chợ (mới)\",\"Văn bản · Nghị quyết\",\"Còn hiệu lực\",\"van-ban/2026/nq-08/index.html\",\"08/2026/nq-hdnd quy dinh quan ly cho (moi) van ban · nghi quyet\"]"))
        #expect(index.contains("1.000656"))
    }

    @Test func checklistHasAnItemPerDocumentUnderTheRightArticle() throws {
        let (_, result) = try build()
        let text = try #require(result.text(of: "cong-khai/danh-sach-cong-khai.json"))
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        func row(_ id: String) -> [String: Any]? { rows.first { ($0["id"] as? String) == id } }
        // Signed Thursday 25/06/2026: 5 working days → Thursday 02/07; posted 06/07: 4 days late.
        let normative = try #require(row("2026-q2/vb-qppl/nq-08"))
        #expect(normative["trang_thai"] as? String == "tre_han")
        #expect(normative["so_ngay"] as? Int == 4)
        #expect((normative["can_cu"] as? String)?.contains("Luật Tiếp cận thông tin 2016, Điều 19 khoản 1") == true)
        // Posted 22/08/2025 for 35 days: on time.
        #expect(row("2025-q3/vb-qppl/nq-05")?["trang_thai"] as? String == "dung_han")
        // The plan signed 20/11 is not yet due on 23/11, under Điều 17.
        let plan = try #require(row("2026-q4/vb-hanh-chinh/kh-98"))
        #expect(plan["trang_thai"] as? String == "chua_den_han")
        #expect((plan["can_cu"] as? String)?.contains("Điều 17 khoản 1") == true)
    }

    @Test func shortPostingOfANormativeDocumentIsShort() throws {
        // 06/07 to 20/07 is 15 days on the board; the rule asks 30 (Luật Tiếp cận thông tin, Điều 21 k2).
        let (_, result) = try build(["content/van-ban/2026/nq-08.md": Self.files()["content/van-ban/2026/nq-08.md"]!
            .replacingOccurrences(of: "ngay_cong_khai: 2026-07-06", with: "ngay_cong_khai: 2026-07-01")
            .replacingOccurrences(of: "tu: 2026-07-06", with: "tu: 2026-07-01")])
        let text = try #require(result.text(of: "cong-khai/danh-sach-cong-khai.json"))
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        let item = rows.first { ($0["id"] as? String) == "2026-q2/vb-qppl/nq-08" }
        #expect(item?["trang_thai"] as? String == "chua_du_niem_yet")
        #expect(item?["so_ngay"] as? Int == 10)
    }

    /// The unit's rules join the national profile: a province's `quy-tac.yaml` changes one field
    /// (here Luật 2015's 03 days) and keeps the others (the basis, the 30 days on the board).
    @Test func quyTacChangesTheUnitsRules() throws {
        let (_, result) = try build(["content/quy-tac.yaml": "quy_tac:\n  vb-qppl:\n    han: { ngay: 3 }\n"])
        #expect(result.errorCount == 0, "\(result.diagnostics.map(\.formatted))")
        let text = try #require(result.text(of: "cong-khai/danh-sach-cong-khai.json"))
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        let item = try #require(rows.first { ($0["id"] as? String) == "2026-q2/vb-qppl/nq-08" })
        // Signed 25/06 + 3 days = 28/06; posted 06/07: 8 days late.
        #expect(item["han"] as? String == "2026-06-28")
        #expect(item["so_ngay"] as? Int == 8)
        #expect((item["can_cu"] as? String)?.contains("Điều 19") == true)
    }

    @Test func unitsRulesReadWithoutFindings() {
        let log = DiagnosticLog()
        let rules = RuleProfileParser.parse(DocumentRules.yaml, path: "vb", base: [], log: log)
        #expect(log.all.isEmpty)
        #expect(rules.map(\.id) == [DocumentRules.normative, DocumentRules.administrative])
        #expect(rules.first?.minimumPostingDays == 30)
        // As the site reads them: over the national profile, where new rules meet the kind checks.
        let joined = DiagnosticLog()
        _ = RuleProfileParser.parse(DocumentRules.yaml, path: "vb", base: NationalProfile.rules, log: joined)
        #expect(joined.all.isEmpty, "\(joined.all.map(\.formatted))")
        #expect(NationalProfile.rules(adding: [DocumentsUnit()]).filter { $0.id.hasPrefix("vb-") }.count == 2)
        #expect(NationalProfile.rules(adding: []).count == NationalProfile.rules.count)
    }

    @Test func listIsPostedOnTheNoticeBoardAndFiltersAreNot() throws {
        let (_, result) = try build()
        let sheet = try #require(result.text(of: "in/van-ban.html"))
        #expect(sheet.contains("08/2026/NQ-HĐND"))
        #expect(!sheet.contains("05/2025/NQ-HĐND"), "a replaced document is not posted as in force")
        #expect(sheet.contains("Văn bản còn hiệu lực và sắp có hiệu lực"), "the sheet also lists documents not yet in force, and says so")
        #expect(result.text(of: "in/van-ban-2026.html") == nil)
        #expect(result.text(of: "in/van-ban-2026-nq-08.html") == nil)
        #expect(result.text(of: "in/index.html")?.contains("in/van-ban.html") == true
            || result.text(of: "in/index.html")?.contains("van-ban/index.html") == true)
    }

    @Test func siteWithoutDocumentsHasNoneOfIt() throws {
        let site = try TestSite.minimal()
        let result = site.build()
        #expect(result.files.allSatisfy { !$0.path.hasPrefix("van-ban") && $0.path != "du-lieu/van-ban.csv" })
    }
}

extension BuildResult {
    func diagnostics(forPrefix prefix: String) -> [Diagnostic] {
        diagnostics.filter { $0.key.hasPrefix(prefix) }
    }
}
