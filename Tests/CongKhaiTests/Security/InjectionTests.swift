import CongKhaiBuild
import CongKhaiLoad
import CongKhaiModel
@testable import CongKhaiRender
import Foundation
import Testing

/// A script or event handler typed into any content channel is published as text, never as
/// markup: page fields, site.yaml, leaders, fees, procedures, budget tables, file names,
/// Markdown raw HTML and link targets. Every published file is searched, not just the page
/// the payload was typed on, so a listing, feed or data file that forgets to escape is caught.
@Suite("Security: content never injects markup")
struct InjectionTests {
    static let payload = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>'"
    /// What the payload looks like once it is markup: none of these may be published.
    static let live = ["<script>alert(", "<img src=x", "<iframe", "<svg onload", "href=\"javascript:", "src=\"javascript:",
                       "href=\"vbscript:", "href=\"data:text/html", "onclick=\"alert"]

    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func hostileSite() throws -> TestSite {
        let p = quoted(payload)
        let procedure = try String(contentsOf: TestSite.repositoryRoot.appendingPathComponent("content/thu-tuc/ho-tich/1.000656.md"), encoding: .utf8)
            .replacingOccurrences(of: "ten: \"Thủ tục đăng ký khai tử\"", with: "ten: \(p)")
            .replacingOccurrences(of: "ket_qua: \"Trích lục khai tử (bản chính)\"", with: "ket_qua: \(p)")
            .replacingOccurrences(of: "## Trình tự thực hiện\n", with: "## Trình tự thực hiện\n\n\(payload)\n\n")
        return try TestSite.minimal([
            "content/site.yaml": """
                ten: \(p)
                ten_ngan: \(p)
                loai: xa
                tinh: \(p)
                dia_chi: \(p)
                dien_thoai: \(p)
                email: \(p)
                gio_lam_viec: \(p)
                mo_ta: \(p)

                """,
            "content/_index.md": "---\ntieu_de: \(p)\nmo_ta: \(p)\n---\n\(payload)\n",
            "content/tin-tuc/_index.md": "---\ntieu_de: \(p)\n---\n",
            "content/tin-tuc/a.md": """
                ---
                tieu_de: \(p)
                mo_ta: \(p)
                tac_gia: \(p)
                ngay: 2025-01-02
                ---
                \(payload)

                <iframe src="https://example.com"></iframe> and <span onclick="alert(3)">inline</span>

                [a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](vbscript:msgbox(1)) [d](data:text/html;base64,PHNjcmlwdD4=)
                <javascript:alert(1)> ![e](javascript:alert(1)) [f][ref] [\(payload)](lien-he.md)

                [ref]: javascript:alert(1)

                """,
            "content/tin-tuc/\"><img src=x onerror=alert(9)>.md": "---\ntieu_de: Tên tệp lạ\nngay: 2025-01-03\n---\nChữ.\n",
            "content/tin-tuc/lien-he.md": "---\ntieu_de: Liên hệ\nngay: 2025-01-04\n---\nChữ.\n",
            "content/<svg onload=alert(8)>/trang.md": "---\ntieu_de: Trang trong thư mục lạ\n---\nChữ.\n",
            "content/gioi-thieu/_index.md": "---\ntieu_de: Giới thiệu\n---\n",
            "content/gioi-thieu/lanh-dao.yaml": """
                tieu_de: \(p)
                lanh_dao:
                  - ho_ten: \(p)
                    chuc_vu: \(p)
                    nhiem_vu: [\(p)]
                    dien_thoai: \(p)
                    email: \(p)
                    tom_tat: \(p)

                """,
            "content/phi-le-phi.yaml": """
                tieu_de: \(p)
                phi:
                  - id: le-phi-dang-ky-khai-tu
                    ten: \(p)
                    loai: le_phi
                    muc_thu:
                      - muc: 8000
                        dieu_kien: \(p)
                    don_vi_tinh: \(p)
                    phuong_thuc_thu: \(p)
                    doi_tuong_nop: \(p)
                    mien_giam: [\(p)]
                    van_ban:
                      so_hieu: \(p)
                      ten: \(p)

                """,
            "content/thu-tuc/ho-tich/1.000656.md": procedure,
            "content/thu-tuc/ho-tich/to-khai-dang-ky-khai-tu.docx": "PK",
            "content/ngan-sach/_index.md": "---\ntieu_de: Ngân sách\n---\n",
            "content/ngan-sach/2026/du-toan.yaml": """
                loai: du_toan
                nam: 2026
                tieu_de: \(p)
                nghi_quyet:
                  so: \(p)
                  ngay: 2025-12-18
                ngay_cong_khai: 2025-12-26
                niem_yet:
                  tu: 2025-12-26
                  den: 2026-01-30
                  noi: \(p)
                thuyet_minh: \(p)
                cot:
                  - id: du_toan
                    tieu_de: \(p)
                    kieu: so_tien

                """,
            "content/ngan-sach/2026/du-toan.csv": "stt,noi_dung,du_toan\nI,\(quoted(payload).replacingOccurrences(of: "\\\"", with: "\"\"")),1.000\n1,Dòng con,1.000\n",
        ])
    }

    @Test func payloadInEveryChannelIsPublishedOnlyAsText() throws {
        let site = try Self.hostileSite()
        let result = site.buildAndWrite()
        #expect(result.errorCount == 0, "\(result.diagnostics.filter { $0.severity == .error }.map(\.formatted))")
        let published = try Self.publishedTexts(site.output)
        #expect(published.count > 20)
        // JSON and CSV are data, not markup: there the payload must stay one intact value (next test).
        for (path, text) in published where !path.hasSuffix(".json") && !path.hasSuffix(".csv") {
            for needle in Self.live {
                #expect(!text.lowercased().contains(needle.lowercased()), "\(path) contains live markup “\(needle)”")
            }
        }
        // Each channel reached its page, escaped (so the checks above were not vacuous).
        let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;"
        for path in ["index.html", "tin-tuc/a/index.html", "tin-tuc/index.html", "gioi-thieu/lanh-dao/index.html",
                     "phi-le-phi/index.html", "thu-tuc/ho-tich/1.000656/index.html", "ngan-sach/2026/du-toan/index.html"] {
            #expect(published[path]?.contains(escaped) == true, "\(path) does not show the payload as text")
        }
        #expect(published["feed.xml"]?.contains("&lt;script&gt;") == true)
        // Markdown raw HTML was dropped (and reported), not escaped into the page.
        #expect(!result.diagnostics("markdown.raw-html").isEmpty)
        // Hostile file names became plain addresses.
        #expect(published.keys.contains("tin-tuc/img-src-x-onerror-alert-9/index.html"))
        #expect(published.keys.contains("svg-onload-alert-8/trang/index.html"))
    }

    @Test func dataFilesKeepThePayloadAsOneValue() throws {
        let site = try Self.hostileSite()
        site.buildAndWrite()
        let published = try Self.publishedTexts(site.output)
        let jsonFiles = published.filter { $0.key.hasSuffix(".json") }
        #expect(!jsonFiles.isEmpty)
        for (path, text) in jsonFiles {
            #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil, "\(path) is not valid JSON")
        }
        let fees = try #require(published["du-lieu/phi-le-phi.json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(fees.utf8)) as? [[String: Any]])
        #expect(rows.first?["ten"] as? String == Self.payload)
        let budget = try #require(published["du-lieu/ngan-sach-2026.json"])
        let budgetRows = try #require(try JSONSerialization.jsonObject(with: Data(budget.utf8)) as? [[String: Any]])
        #expect(budgetRows.first?["noi_dung"] as? String == Self.payload)
        let csv = try #require(published["du-lieu/phi-le-phi.csv"])
        let records = CSVTable.parse(String(csv.drop { $0 == "\u{FEFF}" })).records
        #expect(records.count == 2)
        #expect(records.allSatisfy { $0.fields.count == records[0].fields.count })
        #expect(records.dropFirst().first?.fields.contains { $0.text == Self.payload } == true)
    }

    @Test func rawHTMLIsKeptOnlyOnThePageThatAllowsIt() throws {
        let site = try TestSite.minimal([
            "content/ban-do.md": "---\ntieu_de: Bản đồ\ncho_phep_html: true\n---\n<div class=\"map\" data-x=\"1\">bản đồ</div>\n",
            "content/khac.md": "---\ntieu_de: Khác\n---\n<div class=\"map\" data-x=\"1\">bản đồ</div>\n",
        ])
        let result = site.build()
        #expect(result.text(of: "ban-do/index.html")?.contains("<div class=\"map\" data-x=\"1\">") == true)
        #expect(result.text(of: "khac/index.html")?.contains("<div class=\"map\"") == false)
        #expect(result.diagnostics("markdown.raw-html").map(\.location.path) == ["content/khac.md"])
    }

    @Test func procedureOnlineAddressMustBeAWebAddress() throws {
        let procedure = try String(contentsOf: TestSite.repositoryRoot.appendingPathComponent("content/thu-tuc/ho-tich/1.000656.md"), encoding: .utf8)
            .replacingOccurrences(of: "cap_nhat: 2025-08-20\n", with: "cap_nhat: 2025-08-20\ndvc_url: \"javascript:alert(1)\"\n")
        let site = try TestSite.minimal([
            "content/thu-tuc/ho-tich/1.000656.md": procedure,
            "content/thu-tuc/ho-tich/to-khai-dang-ky-khai-tu.docx": "PK",
            "content/phi-le-phi.yaml": try String(contentsOf: TestSite.repositoryRoot.appendingPathComponent("content/phi-le-phi.yaml"), encoding: .utf8),
        ])
        let result = site.build()
        let line = procedure.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("dvc_url:") }.map { $0 + 1 }
        #expect(result.diagnostics("procedure.url").map(\.location.line) == [line])
        for file in result.files {
            guard let text = result.text(of: file.path) else { continue }
            #expect(!text.contains("javascript:alert"), "\(file.path)")
        }
    }

    @Test func activeAttachmentsAreRefused() throws {
        let site = try TestSite.minimal([
            "content/ban-do.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>\n",
            "content/hinh.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><rect/></svg>\n",
            "content/trang.html": "<html><script>alert(1)</script></html>\n",
            "content/sach.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"1\" height=\"1\"/></svg>\n",
        ])
        let result = site.build()
        #expect(result.diagnostics("attachment.active").map(\.location.path) == ["content/ban-do.svg", "content/hinh.svg", "content/trang.html"])
        #expect(result.files.contains { $0.path == "sach.svg" })
        #expect(!result.files.contains { ["ban-do.svg", "hinh.svg", "trang.html"].contains($0.path) })
    }

    /// Every text file of the published site, by its path in the output.
    static func publishedTexts(_ output: URL) throws -> [String: String] {
        var texts: [String: String] = [:]
        let names = FileManager.default.enumerator(atPath: output.path)?.allObjects as? [String] ?? []
        for name in names where ["html", "xml", "json", "csv", "txt", "svg", "js"].contains((name as NSString).pathExtension) {
            if let data = FileManager.default.contents(atPath: output.appendingPathComponent(name).path),
               let text = String(data: data, encoding: .utf8) {
                texts[name] = text
            }
        }
        return texts
    }
}

@Suite("Open-data CSV cannot carry spreadsheet formulas")
struct CSVFormulaTests {
    @Test(arguments: [
        ("=HYPERLINK(\"http://x\";\"bấm\")", "\"'=HYPERLINK(\"\"http://x\"\";\"\"bấm\"\")\""),
        ("+84 263 3800 000", "'+84 263 3800 000"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "\"'\r=1+1\""),
        ("-5", "-5"),
        ("Lệ phí hộ tịch", "Lệ phí hộ tịch"),
        ("", ""),
    ])
    func textThatExcelWouldRunIsKeptAsText(_ cell: String, _ written: String) {
        #expect(OpenData.quote(cell) == written)
    }
}
