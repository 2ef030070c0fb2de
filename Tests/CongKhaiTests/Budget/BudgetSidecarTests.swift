import CongKhaiModel
import Foundation
import Testing

@Suite("Budget: sidecar, missing parts, encodings, pages and open data")
struct BudgetSidecarTests {
    static let csv = "stt,noi_dung,du_toan,thuc_hien,ty_le\nI,Tổng chi,,,\n1,Chi A,1.000,250,\n2,Chi B,3.000,500,\n"

    @Test func missingTableIsAnErrorAtTheSidecar() throws {
        let result = try BudgetFixtures.site(csv: nil).build()
        let errors = result.diagnostics("budget.no-table")
        #expect(errors.count == 1)
        #expect(errors.first?.location.path == "content/ngan-sach/2026/bao-cao.yaml")
        #expect(errors.first?.message.contains("bao-cao.csv") == true)
    }

    @Test func missingExplanationIsAnError() throws {
        let result = try BudgetFixtures.site(csv: Self.csv, sidecar: BudgetFixtures.sidecar(explanation: false)).build()
        #expect(result.diagnostics("budget.explanation").count == 1)
        #expect(result.diagnostics("budget.explanation").first?.severity == .error)
    }

    @Test func shortPostingWindowIsWarnedAtNiemYet() throws {
        let sidecar = BudgetFixtures.sidecar().replacingOccurrences(of: "den: 2026-05-15", with: "den: 2026-04-20")
        let result = try BudgetFixtures.site(csv: Self.csv, sidecar: sidecar).build()
        let warnings = result.diagnostics("budget.posting-short")
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains("11 ngày") == true)
        #expect(warnings.first?.location.path == "content/ngan-sach/2026/bao-cao.yaml")
        #expect(warnings.first?.location.line == 9, "the first line inside niem_yet")
    }

    /// Luật 10/2022 Điều 13: at least 30 consecutive days. 29 days is one short, 30 is enough.
    @Test func thePostingMinimumIsThirtyDaysCountingBothEnds() throws {
        func warnings(until end: String) throws -> [Diagnostic] {
            let sidecar = BudgetFixtures.sidecar().replacingOccurrences(of: "den: 2026-05-15", with: "den: \(end)")
            return try BudgetFixtures.site(csv: Self.csv, sidecar: sidecar).build().diagnostics("budget.posting-short")
        }
        // From 10/04: to 08/05 is 29 days, to 09/05 is 30.
        let short = try warnings(until: "2026-05-08")
        #expect(short.count == 1)
        #expect(short.first?.message.contains("29 ngày") == true)
        #expect(try warnings(until: "2026-05-09").isEmpty)
    }

    @Test func unknownKeyAndUTF16AreReported() throws {
        let site = try BudgetFixtures.site(csv: nil, sidecar: BudgetFixtures.sidecar() + "ghi_chu: x\n")
        var utf16 = Data([0xFF, 0xFE])
        utf16.append(Self.csv.data(using: .utf16LittleEndian)!)
        try site.write("content/ngan-sach/2026/bao-cao.csv", utf16)
        let result = site.build()
        #expect(result.diagnostics("field.unknown").first?.message.contains("ghi_chu") == true)
        #expect(result.diagnostics("file.utf16").first?.location.path == "content/ngan-sach/2026/bao-cao.csv")
    }

    @Test func legacyEncodingIsReportedAtItsLine() throws {
        let site = try BudgetFixtures.site(csv: nil)
        var bytes = Data("stt,noi_dung,du_toan,thuc_hien,ty_le\nI,T".utf8)
        // "Hành" in TCVN3 (à is 0xB5): not UTF-8, and read as Windows-1258 it would be "Hµnh",
        // which is no Vietnamese: reported, not garbled. (Windows-1258 itself is read: bad-input case 32.)
        bytes.append(contentsOf: [0x48, 0xB5, 0x6E, 0x68])
        bytes.append(contentsOf: Array(",,,\n".utf8))
        try site.write("content/ngan-sach/2026/bao-cao.csv", bytes)
        let errors = site.build().diagnostics("file.encoding")
        #expect(errors.count == 1)
        #expect(errors.first?.location == SourceLocation(path: "content/ngan-sach/2026/bao-cao.csv", line: 2))
    }

    @Test func defaultTitleAndPages() throws {
        let result = try BudgetFixtures.site(csv: Self.csv).build()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.formatted))")
        let page = try #require(result.text(of: "ngan-sach/2026/bao-cao/index.html"))
        #expect(page.contains("<h1>Công khai tình hình thực hiện dự toán ngân sách xã quý I năm 2026</h1>"))
        #expect(page.contains("Báo cáo số <span class=\"doc-number\">12/BC-UBND</span> ngày <time datetime=\"2026-04-05\">05/04/2026</time>"))
        #expect(page.contains("Niêm yết từ ngày <time datetime=\"2026-04-10\">10/04/2026</time> đến ngày <time datetime=\"2026-05-15\">15/05/2026</time> tại Trụ sở Ủy ban nhân dân xã."))
        #expect(page.contains("<strong>quý I</strong>"), "explanation rendered from Markdown")
        #expect(page.contains("role=\"region\"") && page.contains("<caption>"))
        #expect(page.contains(">4.000<span class=\"tu-tinh\"><span aria-hidden=\"true\">*</span>"))
        #expect(page.contains("18,8%"), "750 / 4.000")
        let year = try #require(result.text(of: "ngan-sach/2026/index.html"))
        #expect(year.contains("bao-cao/index.html") && year.contains("10/04/2026"))
        let overview = try #require(result.text(of: "ngan-sach/index.html"))
        #expect(overview.contains("role=\"img\"") && overview.contains("<title id=\"tien-do-2026-t\">"))
        #expect(overview.contains("Quý I: 18,8%"), "progress of group I at quý I: 750 / 4.000")
        #expect(overview.contains("<td class=\"align-right\" data-label=\"Quý I\">18,8%</td>"), "the same figure in the table alternative")
    }

    @Test func openDataHasOneRecordPerTableRow() throws {
        let result = try BudgetFixtures.site(csv: Self.csv).build()
        let csv = try #require(result.text(of: "du-lieu/ngan-sach-2026.csv"))
        let file = try #require(result.files.first { $0.path == "du-lieu/ngan-sach-2026.csv" })
        if case let .bytes(data) = file.body { #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF], "UTF-8 BOM for Excel") }
        #expect(csv.hasSuffix("\r\n") && csv.contains("nam,loai,ky,stt,noi_dung,cap,du_toan,thuc_hien\r\n"))
        #expect(csv.contains("\r\n2026,thuc_hien,quy_1,I,Tổng chi,1,4000,750\r\n"))
        #expect(csv.contains("\r\n2026,thuc_hien,quy_1,2,Chi B,2,3000,500\r\n"))
        #expect(csv.components(separatedBy: "\r\n").count == 5, "header, three rows, final line end")
        let json = try #require(result.text(of: "du-lieu/ngan-sach-2026.json"))
        #expect(json.contains("\"noi_dung\" : \"Chi A\""))
        #expect(json.contains("\"du_toan\" : 1000"))
    }

    @Test func exampleContentHasNoBudgetFindings() throws {
        let site = try TestSite([:], theme: false)
        try FileManager.default.copyItem(at: TestSite.repositoryRoot.appendingPathComponent("content"), to: site.folder.appendingPathComponent("content"))
        try FileManager.default.copyItem(at: TestSite.repositoryRoot.appendingPathComponent("templates"), to: site.folder.appendingPathComponent("templates"))
        let result = site.build()
        let budget = result.diagnostics.filter { $0.location.path.hasPrefix("content/ngan-sach") || $0.key.hasPrefix("budget.") }
        // One deliberate slip: the signed 9-month report says 73% where the table gives 71,1%.
        #expect(budget.map { "\($0.location.path):\($0.location.line):\($0.key)" } == ["content/ngan-sach/2026/thuc-hien-9-thang.yaml:33:budget.stated-mismatch"],
                "\(budget.map(\.formatted))")
        let page = result.text(of: "ngan-sach/2026/thuc-hien-9-thang/index.html") ?? ""
        #expect(page.contains("Số liệu trong báo cáo đã ký: 73%; tính lại từ số liệu: 71,1%."))
        #expect(result.text(of: "in/ngan-sach-2026-thuc-hien-9-thang.html")?.contains("Số liệu trong báo cáo đã ký: 73%") == true)
        let data = result.text(of: "du-lieu/ngan-sach-dinh-chinh.csv") ?? ""
        #expect(data.contains("73%") && data.contains("71,1%"), "\(data)")
        #expect(result.files.contains { $0.path == "ngan-sach/2025/quyet-toan/index.html" })
        #expect(result.files.contains { $0.path == "du-lieu/ngan-sach-2025.json" })
    }
}
