import CongKhaiBuild
import CongKhaiModel
import Foundation
import Testing

@Suite("Reform reports: loading, example content, pages and open data")
struct ReformSiteTests {
    static let asOf = CalendarDate(year: 2026, month: 11, day: 23)!

    static func report(_ front: String, body: String = "Nội dung.\n") -> String {
        "---\n" + front + "---\n" + body
    }

    static let minimalFront = """
    nam: 2026
    ky: quy_1
    ho_so:
      ton_ky_truoc: 2
      tiep_nhan: { truc_tiep: 6, truc_tuyen: 4 }
      da_giai_quyet: { truoc_han: 5, dung_han: 4, qua_han: 1 }
      dang_giai_quyet: { trong_han: 2 }
    chi_tieu: { dung_han: 95, truc_tuyen: 30 }

    """

    /// The example site shows one report per class of slip in a signed report, each with its
    /// correction: exactly those, and nothing else.
    @Test func exampleContentHasOneReportPerClassOfSlip() throws {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-cchc-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = Pipeline.run(BuildOptions(siteFolder: TestSite.repositoryRoot, outputFolder: output, asOf: Self.asOf))
        let findings = result.diagnostics.filter { $0.key.hasPrefix("reform.") || $0.location.path.hasPrefix("content/cchc/") }
        let found = findings.map { "\($0.location.path):\($0.key)" }.sorted()
        #expect(found == ["content/cchc/2025-nam.md:reform.shares-over", "content/cchc/2025-quy-3.md:reform.stated-rate",
                          "content/cchc/2026-6-thang.md:reform.stated-catalogue", "content/cchc/2026-quy-1.md:reform.stated-twice",
                          "content/cchc/2026-quy-3.md:reform.stated-rate", "content/cchc/2026-quy-3.md:reform.stated-total"],
                "\(findings.map(\.formatted))")
        #expect(findings.allSatisfy { $0.severity == .warning })
        for slug in ["2025-nam", "2025-quy-3", "2026-6-thang", "2026-quy-1", "2026-quy-3"] {
            for path in ["cchc/\(slug)/index.html", "in/cchc-\(slug).html"] {
                #expect(result.text(of: path)?.contains("Số liệu trong báo cáo đã ký: ") == true, "\(path)")
            }
        }
        #expect(result.files.contains { $0.path == "cchc/2026-ke-hoach/index.html" })
        #expect(result.files.contains { $0.path == "cchc/2025-quy-3/index.html" })
        #expect(result.files.contains { $0.path == "cchc/2026-quy-3/index.html" })
    }

    @Test func unknownKeyIsAnErrorAtItsLine() throws {
        let text = Self.report(Self.minimalFront + "so_hoaa: { tong: 1, da_so_hoa: 1 }\n")
        let result = try TestSite.minimal(["content/cchc/2026-quy-1.md": text]).build()
        let found = result.diagnostics("field.unknown")
        #expect(found.count == 1)
        #expect(found.first?.location.line == 10)
        #expect(found.first?.hint?.contains("so_hoa") == true)
    }

    @Test func wrongPeriodIsAnError() throws {
        let text = Self.report(Self.minimalFront.replacingOccurrences(of: "ky: quy_1", with: "ky: quy_2"))
        let result = try TestSite.minimal(["content/cchc/2026-quy-2.md": text]).build()
        #expect(result.diagnostics("reform.period").map(\.location.line) == [3])
    }

    @Test func fileNamedForAnotherPeriodIsAWarning() throws {
        let result = try TestSite.minimal(["content/cchc/2025-quy-3.md": Self.report(Self.minimalFront)]).build()
        let found = result.diagnostics("reform.file-name")
        #expect(found.count == 1)
        #expect(found.first?.location.path == "content/cchc/2025-quy-3.md")
        #expect(found.first?.location.line == 3)
        #expect(found.first?.message.contains("2026-quy-1.md") == true)
    }

    @Test func statedSubtotalMustMatchItsParts() throws {
        // Without buu_chinh the split is partial: its parts (10) may fall short of `tong`, never exceed it.
        let short = Self.report(Self.minimalFront.replacingOccurrences(of: "truc_tuyen: 4 }", with: "truc_tuyen: 4, tong: 11 }"))
        #expect(try TestSite.minimal(["content/cchc/2026-quy-1.md": short]).build().diagnostics("reform.subtotal").isEmpty)
        let over = Self.report(Self.minimalFront.replacingOccurrences(of: "truc_tuyen: 4 }", with: "truc_tuyen: 4, tong: 9 }"))
        let found = try TestSite.minimal(["content/cchc/2026-quy-1.md": over]).build().diagnostics("reform.subtotal")
        #expect(found.count == 1)
        #expect(found.first?.message.contains("ghi 9") == true)
        #expect(found.first?.message.contains("10") == true)
        #expect(found.first?.location.line == 6)
        let complete = Self.report(Self.minimalFront.replacingOccurrences(of: "truc_tuyen: 4 }", with: "truc_tuyen: 4, buu_chinh: 0, tong: 11 }"))
        #expect(try TestSite.minimal(["content/cchc/2026-quy-1.md": complete]).build().diagnostics("reform.subtotal").count == 1)
    }

    @Test func statedTotalTargetOverHundredAndUncheckableRate() throws {
        let front = Self.minimalFront.replacingOccurrences(of: "truc_tuyen: 30 }", with: "truc_tuyen: 130 }")
            + "so_lieu_cong_bo:\n  tong_tiep_nhan: \"1.200\"\n  ty_le_hai_long: \"90%\"\n  da_giai_quyet: 10\n"
        let result = try TestSite.minimal(["content/cchc/2026-quy-1.md": Self.report(front)]).build()
        let total = result.diagnostics("reform.stated-total")
        #expect(total.count == 1)
        #expect(total.first?.location.line == 11)
        #expect(total.first?.message.contains("1.200") == true)
        #expect(total.first?.message.contains("12") == true)
        #expect(result.diagnostics("reform.share-over").map(\.location.line) == [9])
        #expect(result.diagnostics("reform.stated-unverifiable").map(\.location.line) == [12])
    }

    @Test func overriddenDatesAndDefaultsReachThePage() throws {
        let text = Self.report(Self.minimalFront + "tu_ngay: 2026-01-01\n")
        let site = try TestSite.minimal(["content/cchc/2026-quy-1.md": text])
        let result = site.build()
        #expect(result.errorCount == 0, "\(result.diagnostics.map(\.formatted))")
        let html = try #require(result.text(of: "cchc/2026-quy-1/index.html"))
        #expect(html.contains("Báo cáo kết quả cải cách hành chính quý I năm 2026"))
        #expect(html.contains("<time datetime=\"2026-01-01\">01/01/2026</time>"))
        #expect(html.contains("<time datetime=\"2026-03-14\">14/03/2026</time>"))
    }

    @Test func targetsAreMarkedInWordsAndColour() throws {
        let site = try TestSite.minimal(["content/cchc/2026-quy-1.md": Self.report(Self.minimalFront)])
        let result = site.build()
        let html = try #require(result.text(of: "cchc/2026-quy-1/index.html"))
        // On time 9/10 = 90,0% < 95: missed; online 4/10 = 40,0% ≥ 30: met.
        #expect(html.contains("<td class=\"number\" data-label=\"Tỷ lệ\">90,0%</td><td class=\"number\" data-label=\"Chỉ tiêu\">95%</td><td data-label=\"Đánh giá\"><span class=\"cchc-chua-dat\">Chưa đạt</span>"))
        #expect(html.contains("<td class=\"number\" data-label=\"Tỷ lệ\">40,0%</td><td class=\"number\" data-label=\"Chỉ tiêu\">30%</td><td data-label=\"Đánh giá\"><span class=\"cchc-dat\">Đạt</span>"))
        #expect(html.contains("Nội dung."))
    }

    @Test func overviewHasAccessibleChartsAndDataTables() throws {
        let site = try TestSite.minimal(["content/cchc/2026-quy-1.md": Self.report(Self.minimalFront)])
        let result = site.build()
        let html = try #require(result.text(of: "cchc/index.html"))
        #expect(html.components(separatedBy: "<svg role=\"img\"").count == 4)
        #expect(html.contains("<title id=\"bieu-do-dung-han-t\">Tỷ lệ hồ sơ giải quyết đúng hạn</title>"))
        #expect(html.contains("<desc id=\"bieu-do-dung-han-d\">"))
        #expect(html.contains("<table class=\"cchc-chart-data\">"))
        #expect(!html.contains("<script>"))
    }

    @Test func openDataHasOneRowPerReportWithBOMAndCRLF() throws {
        let second = Self.report(Self.minimalFront.replacingOccurrences(of: "ky: quy_1", with: "ky: 6_thang"))
        let site = try TestSite.minimal(["content/cchc/2026-quy-1.md": Self.report(Self.minimalFront), "content/cchc/2026-6-thang.md": second])
        let result = site.build()
        let file = try #require(result.files.first { $0.path == "du-lieu/cchc.csv" })
        guard case let .bytes(data) = file.body else { Issue.record("CSV is not rendered text"); return }
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let csv = String(decoding: data.dropFirst(3), as: UTF8.self)
        #expect(csv.hasPrefix("nam,ky,"))
        let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix("2026,quy_1,"))
        #expect(lines[1].contains(",90.0,40.0,"))
        let json = try #require(result.text(of: "du-lieu/cchc.json"))
        #expect(json.contains("\"ty_le_dung_han\" : \"90.0\""))
        #expect(json.contains("\"tong_tiep_nhan\" : 12"))
    }
}
