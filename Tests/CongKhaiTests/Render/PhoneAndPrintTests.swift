import CongKhaiBuild
import CongKhaiModel
import Foundation
import Testing

/// Issue 17 on the example site: what a 360 px phone and the notice board need from the markup.
/// The measured side (cells off screen, h1 position, chart text, column widths on A4) is in
/// scripts/check_layout.py and scripts/check_print.py.
@Suite("Phones and the notice board")
struct PhoneAndPrintTests {
    /// A table wider than a phone must be reachable by keyboard and named for a screen reader:
    /// every table of every web page sits in a focusable, labelled region (not the in/ editions,
    /// which are paper).
    @Test func everyWebTableSitsInAKeyboardReachableRegion() throws {
        let result = Pipeline.run(BuildOptions(siteFolder: TestSite.repositoryRoot, asOf: CalendarDate(year: 2026, month: 11, day: 23)!))
        var checked = 0
        for file in result.files where file.path.hasSuffix(".html") && !file.path.hasPrefix("in/") {
            guard let html = result.text(of: file.path) else { continue }
            let pieces = html.components(separatedBy: "<table")
            for before in pieces.dropLast() {
                let opening = before.components(separatedBy: "<div class=\"table-wrap\"").last ?? ""
                let wrapped = before.contains("<div class=\"table-wrap\"") && opening.contains("role=\"region\"")
                    && opening.contains("tabindex=\"0\"") && opening.contains("aria-label") && !opening.contains("</div>")
                #expect(wrapped, "\(file.path): a table outside a focusable, labelled region")
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    @Test func exampleSiteMarkupForPhonesAndPaper() throws {
        let result = Pipeline.run(BuildOptions(siteFolder: TestSite.repositoryRoot, asOf: CalendarDate(year: 2026, month: 11, day: 23)!))
        #expect(result.errorCount == 0)
        func page(_ path: String) throws -> String { try #require(result.text(of: path), "\(path)") }

        // Tables stack on phones with build-time labels; the menu folds behind one button.
        let catalogue = try page("thu-tuc/index.html")
        #expect(catalogue.contains("<table class=\"procedure-table stack\">"))
        #expect(catalogue.contains("<td class=\"col-level\" data-label=\"Mức độ\">"))
        #expect(catalogue.contains("<details class=\"menu\">\n<summary>"))
        #expect(!catalogue.contains("cuộn ngang"))

        // Checklist: by period, only the current quarter open, no rule keys, every caption named.
        let checklist = try page("cong-khai/index.html")
        #expect(checklist.contains("<details class=\"ky\" id=\"quy-2026-4\" open>"))
        #expect(checklist.components(separatedBy: "\" open>").count == 2, "exactly one period open")
        #expect(!checklist.contains("<caption></caption>"))
        #expect(!checklist.contains("(dieu-11-k") && !checklist.contains("(ns-"))
        #expect(checklist.contains("<td class=\"first\" data-label=\"Tình trạng\">"))

        // Fees open with a summary; charts are drawn for a phone's width.
        #expect(try page("phi-le-phi/index.html").contains("<table class=\"fee-summary stack\">"))
        let budget = try page("ngan-sach/index.html")
        #expect(budget.contains("viewBox=\"0 0 360 ") && budget.contains("font-size=\"14\""))
        #expect(try page("cchc/index.html").contains("viewBox=\"0 0 360 "))

        // Notice board: scoped widths, no empty “Số:”, a signature block, no tool's remark.
        #expect(try page("in/thu-tuc.html").contains("<table class=\"in-bang-thu-tuc\">"))
        let procedure = try page("in/thu-tuc-dat-dai-1.013949.html")
        #expect(!procedure.contains("class=\"vb-so\"") && !procedure.contains("TM. "))
        let estimate = try page("in/ngan-sach-2026-du-toan.html")
        #expect(estimate.contains("<p><strong><em>Nơi nhận:</em></strong></p>"))
        #expect(estimate.contains("<strong>TM. ỦY BAN NHÂN DÂN<br>CHỦ TỊCH</strong>"))
        #expect(!estimate.contains("do hệ thống cộng"))
        #expect(try page("in/cchc-2026-quy-3.html").contains("<p class=\"vb-so\">Số: 112/BC-UBND</p>"))

        // 404 keeps its look at any depth: inline stylesheet, links from the site's root.
        let missing = try page("404.html")
        #expect(missing.contains("<style>") && !missing.contains("rel=\"stylesheet\""))
        #expect(missing.contains("href=\"/index.html\""))
    }
}
