import CongKhaiBuild
import CongKhaiModel
import CongKhaiRender
import Foundation
import Testing

@Suite("Notice-board editions: in/ pages, header, posting line, links, PDF engine")
struct PrintEditionTests {
    static let budgetCSV = "stt,noi_dung,du_toan,thuc_hien,ty_le\nI,Tổng chi,,,\n1,Chi A,1.000,250,\n2,Chi B,3.000,500,\n"

    /// Procedures, fees, one budget report and one other disclosure, at a known address.
    static func site(baseURL: Bool = true) throws -> TestSite {
        var files = [
            "content/ngan-sach/2026/bao-cao.yaml": BudgetFixtures.sidecar(),
            "content/ngan-sach/2026/bao-cao.csv": budgetCSV,
            "content/cong-khai/ke-hoach.md": "---\ntieu_de: Kế hoạch phát triển kinh tế – xã hội năm 2026\nnhom: 1\nvan_ban:\n  so: 15/QĐ-UBND\n  ngay: 2026-01-10\nngay_cong_khai: 2026-01-12\nniem_yet:\n  tu: 2026-01-12\n  den: 2026-02-20\n  noi: Nhà văn hóa thôn Vân Sơn\n---\nNội dung kế hoạch.\n",
        ]
        if baseURL {
            files["content/site.yaml"] = "ten: Ủy ban nhân dân xã Thử Nghiệm\nten_ngan: Xã Thử Nghiệm\nloai: xa\ntinh: Tỉnh Lâm Đồng\nurl_goc: https://thunghiem.lamdong.gov.vn/\ndiem_niem_yet:\n  - ten: Bảng tin trụ sở Ủy ban nhân dân xã\n"
        }
        return try ProcedureFixtures.site(files)
    }

    @Test func everyPostedDisclosureHasAPrintPageAndTheIndexListsThem() throws {
        let result = try Self.site().build()
        #expect(result.errorCount == 0, "\(result.diagnostics)")
        let printPages = Set(result.files.map(\.path).filter { $0.hasPrefix("in/") })
        for expected in ["in/index.html", "in/ngan-sach-2026-bao-cao.html", "in/phi-le-phi.html", "in/thu-tuc.html",
                         "in/thu-tuc-ho-tich-1.001193.html", "in/thu-tuc-chung-thuc-2.000908.html",
                         "in/cong-khai-ke-hoach.html", "in/cong-khai-2026-quy-4/index.html"] {
            #expect(printPages.contains(expected), "\(expected) missing from \(printPages.sorted())")
        }
        // Pages that are not posted (news, the home page, lists by online level) have no edition.
        #expect(!printPages.contains { $0.contains("muc-do") || $0 == "in/-.html" })
        #expect(!result.files.contains { $0.path == "cong-khai/2026-quy-4/index.html" }, "the quarterly sheet lives only in in/")
        let index = try #require(result.text(of: "in/index.html"))
        #expect(index.contains("href=\"../in/ngan-sach-2026-bao-cao.html\""))
        #expect(index.contains("Niêm yết từ 10/04/2026 đến 15/05/2026"))
        #expect(index.contains("Niêm yết thường xuyên"))
        #expect(!index.contains(".pdf"), "no PDF was made, so none is linked")
    }

    @Test func aPrintPageCarriesTheAdministrativeHeaderAndPostingFoot() throws {
        let result = try Self.site().build()
        let html = try #require(result.text(of: "in/ngan-sach-2026-bao-cao.html"))
        #expect(html.contains("<span>ỦY BAN NHÂN DÂN</span><span>XÃ THỬ NGHIỆM</span>"))
        #expect(html.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
        #expect(html.contains("Độc lập - Tự do - Hạnh phúc"))
        #expect(html.contains("Số: 12/BC-UBND"), "a report's own number")
        #expect(html.contains("Thử Nghiệm, ngày 10 tháng 4 năm 2026"))
        #expect(html.contains("Niêm yết từ ngày <time datetime=\"2026-04-10\">10/04/2026</time> đến ngày <time datetime=\"2026-05-15\">15/05/2026</time> tại Trụ sở Ủy ban nhân dân xã."))
        #expect(html.contains("Bản điện tử: <span class=\"vb-url\">https://thunghiem.lamdong.gov.vn/ngan-sach/2026/bao-cao/</span>"))
        #expect(html.contains("href=\"../assets/in.css\""))
        #expect(!html.contains("assets/style.css"), "the screen theme stays off the notice")
        #expect(html.contains("<thead>"), "the table header, repeated on every printed page")
        #expect(html.contains("href=\"../ngan-sach/2026/bao-cao/index.html\""), "back to the web page")
    }

    @Test func datesFollowDecree30AndStandingItemsSayWhereTheyArePosted() throws {
        let result = try Self.site().build()
        let disclosure = try #require(result.text(of: "in/cong-khai-ke-hoach.html"))
        #expect(disclosure.contains("Số: 15/QĐ-UBND"))
        #expect(disclosure.contains("Thử Nghiệm, ngày 12 tháng 01 năm 2026"), "days below 10 and months 1, 2 take a leading zero")
        #expect(disclosure.contains("<span class=\"vb-loai\">KẾ HOẠCH</span> <span class=\"vb-trich-yeu\">Phát triển kinh tế – xã hội năm 2026</span>"))
        #expect(disclosure.contains("tại Nhà văn hóa thôn Vân Sơn."))
        let procedure = try #require(result.text(of: "in/thu-tuc-ho-tich-1.001193.html"))
        #expect(procedure.contains("Niêm yết thường xuyên tại Bảng tin trụ sở Ủy ban nhân dân xã"))
        #expect(!procedure.contains("class=\"vb-so\""), "no number of the commune: no empty “Số:” line")
        #expect(procedure.contains("THỦ TỤC HÀNH CHÍNH"))
    }

    @Test func withoutAKnownAddressTheDomainOrPathIsPrinted() throws {
        let result = try Self.site(baseURL: false).build()
        let html = try #require(result.text(of: "in/phi-le-phi.html"))
        #expect(html.contains("Bản điện tử: <span class=\"vb-url\">/phi-le-phi/</span>"))
        let estimate = BudgetFixtures.sidecar(kind: "du_toan", period: nil).replacingOccurrences(of: "bao_cao:\n  so: 12/BC-UBND", with: "nghi_quyet:\n  so: 21/NQ-HĐND")
        let council = try BudgetFixtures.site(csv: "stt,noi_dung,du_toan\nI,Tổng chi,1.000\n", sidecar: estimate.replacingOccurrences(of: BudgetFixtures.executionColumns, with: "cot:\n  - id: du_toan\n    tieu_de: Dự toán\n    kieu: so_tien\n"))
        let sheet = try #require(council.build().text(of: "in/ngan-sach-2026-bao-cao.html"))
        #expect(!sheet.contains("Số: 21/NQ-HĐND"), "the council's resolution is the basis, not the commune's number")
        #expect(sheet.contains("Kèm theo Nghị quyết số 21/NQ-HĐND"))
    }

    @Test func webPagesLinkToTheirEditionAndOthersDoNot() throws {
        let result = try Self.site().build()
        let budget = try #require(result.text(of: "ngan-sach/2026/bao-cao/index.html"))
        #expect(budget.contains("<a href=\"../../../in/ngan-sach-2026-bao-cao.html\">xem để in</a>"))
        #expect(!budget.contains(".pdf"))
        let procedure = try #require(result.text(of: "thu-tuc/ho-tich/1.001193/index.html"))
        #expect(procedure.contains("../../../in/thu-tuc-ho-tich-1.001193.html"))
        let home = try #require(result.text(of: "index.html"))
        #expect(!home.contains("xem để in"))
        #expect(home.contains("href=\"in/index.html\">Bản in niêm yết"), "the footer reaches the index")
    }

    @Test func anUpdatedProcedureUpdatesItsEditionInPlace() throws {
        let site = try Self.site()
        let build = SiteBuild(options: site.options())
        build.build()
        let before = try #require(build.output("in/thu-tuc-ho-tich-1.001193.html"))
        guard case let .bytes(old) = before.body else { Issue.record("not rendered"); return }
        #expect(String(decoding: old, as: UTF8.self).contains("Thủ tục đăng ký khai sinh"))
        try site.write("content/thu-tuc/ho-tich/1.001193.md", ProcedureFixtures.procedure(name: "Thủ tục đăng ký khai sinh lưu động"))
        build.update(changed: ["content/thu-tuc/ho-tich/1.001193.md"])
        let after = try #require(build.output("in/thu-tuc-ho-tich-1.001193.html"))
        guard case let .bytes(new) = after.body else { Issue.record("not rendered"); return }
        #expect(String(decoding: new, as: UTF8.self).contains("Thủ tục đăng ký khai sinh lưu động"))
    }

    @Test func pdfLinksAppearOnlyWhenPDFsAreMade() {
        var page = Page(source: "content/ngan-sach/2026/a.yaml", path: "ngan-sach/2026/a/", kind: .budgetDisclosure, title: "A")
        let withPDF = PrintEdition.links(for: page, withPDF: true)["print_edition"] as? [String: Any]
        #expect(withPDF?["pdf_href"] as? String == "../../../in/ngan-sach-2026-a.pdf")
        let without = PrintEdition.links(for: page, withPDF: false)["print_edition"] as? [String: Any]
        #expect(without?["pdf_href"] == nil)
        #expect(without?["href"] as? String == "../../../in/ngan-sach-2026-a.html")
        page.kind = .page
        #expect(PrintEdition.links(for: page, withPDF: true).isEmpty)
    }

    @Test func wideBudgetTablesPrintLandscape() throws {
        let columns = BudgetFixtures.executionColumns + "  - id: cung_ky\n    tieu_de: Cùng kỳ năm trước\n    kieu: so_tien\n"
        let csv = "stt,noi_dung,du_toan,thuc_hien,ty_le,cung_ky\nI,Tổng chi,,,,\n1,Chi A,1.000,250,,200\n"
        let site = try BudgetFixtures.site(csv: csv, sidecar: BudgetFixtures.sidecar(columns: columns))
        let wide = try #require(site.build().text(of: "in/ngan-sach-2026-bao-cao.html"))
        #expect(wide.contains("in-ngang"))
        let narrow = try #require(try BudgetFixtures.site(csv: Self.budgetCSV).build().text(of: "in/ngan-sach-2026-bao-cao.html"))
        #expect(!narrow.contains("in-ngang"))
    }

    @Test func aMissingPrintTemplateIsReportedOnce() throws {
        let site = try Self.site()
        try FileManager.default.removeItem(at: site.folder.appendingPathComponent("templates/layouts/in/phi-le-phi.mustache"))
        site.defaultTheme = false  // the embedded theme would fill the gap
        let missing = site.build().diagnostics("template.missing")
        #expect(missing.count == 1)
        #expect(missing.first?.location.path == "templates/layouts/in/phi-le-phi.mustache")
    }

    @Test func missingWeasyPrintWarnsAndBuildsTheRestWithoutPDFLinks() throws {
        let site = try Self.site()
        var options = site.options()
        options.pdf = true
        options.pdfEngine = PDFEngine(environment: ["CONGKHAI_PYTHON": "khong-co-python-nay"])
        let result = Pipeline.run(options)
        #expect(result.errorCount == 0)
        let warning = try #require(result.diagnostics("pdf.no-weasyprint").first)
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("khong-co-python-nay"))
        #expect(warning.hint?.contains("pip install weasyprint") == true)
        #expect(!result.files.contains { $0.path.hasSuffix(".pdf") })
        #expect(result.text(of: "in/phi-le-phi.html") != nil)
        #expect(result.text(of: "ngan-sach/2026/bao-cao/index.html")?.contains(".pdf") == false)
    }

    static let weasyPrintInstalled: Bool = {
        if case .ready = PDFEngine().availability() { return true }
        return false
    }()

    @Test(.enabled(if: weasyPrintInstalled, "needs WeasyPrint (python3 -m pip install weasyprint)"))
    func withWeasyPrintEveryPrintPageGetsItsPDFAndTheLinksAppear() throws {
        let site = try Self.site()
        var options = site.options()
        options.pdf = true
        let result = Pipeline.run(options)
        #expect(result.errorCount == 0, "\(result.diagnostics)")
        let pages = result.files.map(\.path).filter { $0.hasPrefix("in/") && $0.hasSuffix(".html") && $0 != "in/index.html" }
        let pdfs = Set(result.files.map(\.path).filter { $0.hasSuffix(".pdf") })
        #expect(pdfs.count == pages.count)
        #expect(pdfs.contains("in/ngan-sach-2026-bao-cao.pdf"))
        let pdf = try #require(result.files.first { $0.path == "in/ngan-sach-2026-bao-cao.pdf" })
        guard case let .bytes(data) = pdf.body else { Issue.record("the PDF is not in memory"); return }
        #expect(data.prefix(5) == Data("%PDF-".utf8))
        #expect(result.text(of: "ngan-sach/2026/bao-cao/index.html")?.contains("href=\"../../../in/ngan-sach-2026-bao-cao.pdf\"") == true)
        #expect(result.text(of: "in/index.html")?.contains("ngan-sach-2026-bao-cao.pdf") == true)
    }

    /// A stand-in for Python that says it has WeasyPrint but fails to render: the build must
    /// fail (so `public/` is kept) rather than publish pages linking to missing PDFs.
    @Test func aFailingPDFRenderFailsTheBuildAndKeepsTheOldOutput() throws {
        let site = try Self.site()
        let fake = site.folder.appendingPathComponent("python-gia")
        try site.write("python-gia", "#!/bin/sh\nif [ \"$1\" = \"-c\" ]; then echo 99.0; exit 0; fi\necho 'Lỗi giả khi dựng PDF' >&2\nexit 1\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fake.path)
        var options = site.options()
        options.pdf = true
        options.pdfEngine = PDFEngine(environment: ["CONGKHAI_PYTHON": fake.path])
        let result = Pipeline.run(options)
        let failures = result.diagnostics("pdf.failed")
        #expect(!failures.isEmpty)
        #expect(failures.contains { $0.message.contains("Lỗi giả khi dựng PDF") })
        #expect(result.errorCount > 0, "a build with an error never replaces public/")
        #expect(result.diagnostics("pdf.no-weasyprint").isEmpty)
    }

    @Test func theEngineIsChosenByEnvironment() {
        #expect(PDFEngine(environment: [:]).python == "python3")
        #expect(PDFEngine(environment: ["CONGKHAI_PYTHON": " /opt/venv/bin/python "]).python == "/opt/venv/bin/python")
    }

    /// Editions are files of `in/` (`in/x.html` beside `in/x.pdf`), one folder fewer each; a
    /// quarter's sheet keeps the folder address printed on the sheets already posted. Every
    /// link an edition makes, and every link to one, must still land on a published file.
    @Test func editionsAreFilesOfInAndEveryLinkToAndFromThemResolves() throws {
        let result = try Self.site().build()
        let published = Set(result.files.map(\.path))
        let editions = published.filter { $0.hasPrefix("in/") && $0.hasSuffix(".html") && $0 != "in/index.html" }
        #expect(editions.count >= 7)
        for edition in editions where !edition.hasSuffix("/index.html") || !edition.contains("-quy-") {
            #expect(!edition.dropFirst(3).contains("/"), "\(edition) is a file of in/, not a folder")
        }
        #expect(published.contains("in/cong-khai-2026-quy-4/index.html"), "the quarter sheet keeps its folder address")
        func targets(_ html: String) -> [String] {
            html.split(separator: "\"").enumerated().compactMap { index, part in
                guard index > 0, html.split(separator: "\"")[index - 1].hasSuffix("href=") || html.split(separator: "\"")[index - 1].hasSuffix("src=") else { return nil }
                let link = String(part.split(separator: "#", omittingEmptySubsequences: false)[0])
                return link.isEmpty || link.contains(":") ? nil : link
            }
        }
        /// nil for a link that climbs above the site's root (it would work only by luck, on a host
        /// that serves the site at its domain's root).
        func resolve(_ link: String, from file: String) -> String? {
            var parts = file.split(separator: "/").dropLast().map(String.init)
            for segment in link.split(separator: "/") {
                if segment == ".." {
                    guard parts.popLast() != nil else { return nil }
                } else if segment != "." {
                    parts.append(String(segment))
                }
            }
            return parts.joined(separator: "/")
        }
        var checked = 0
        for file in editions.sorted() + ["in/index.html", "thu-tuc/ho-tich/1.001193/index.html", "ngan-sach/2026/bao-cao/index.html"] {
            let html = try #require(result.text(of: file))
            for link in targets(html) {
                #expect(resolve(link, from: file).map(published.contains) == true, "\(file): \(link) leads nowhere")
                checked += 1
            }
        }
        #expect(checked > 40)
        let procedure = try #require(result.text(of: "thu-tuc/ho-tich/1.001193/index.html"))
        #expect(procedure.contains("href=\"../../../in/thu-tuc-ho-tich-1.001193.html\""))
    }

    @Test func anEditionAddressIsAFileAndItsLinksClimbOneFolder() {
        #expect(RelativeURL.root(from: "in/thu-tuc-ho-tich-1.001193.html") == "../")
        #expect(RelativeURL.root(from: "in/cong-khai-2026-quy-4/") == "../../")
        #expect(RelativeURL.root(from: "thu-tuc/ho-tich/1.001193/") == "../../../")
        #expect(RelativeURL.root(from: "") == "")
        #expect(RelativeURL.file(ofPage: "in/thu-tuc.html") == "in/thu-tuc.html")
        #expect(RelativeURL.file(ofPage: "thu-tuc/") == "thu-tuc/index.html")
        #expect(RelativeURL.file(ofPage: "") == "index.html")
        #expect(RelativeURL.href(from: "in/thu-tuc.html", to: .page("thu-tuc/")) == "../thu-tuc/index.html")
        #expect(RelativeURL.href(from: "thu-tuc/", to: .page("in/thu-tuc.html")) == "../in/thu-tuc.html")
        #expect(PrintEdition.pdfPath(for: "in/thu-tuc-ho-tich-1.001193.html") == "in/thu-tuc-ho-tich-1.001193.pdf")
        #expect(PrintEdition.pdfPath(for: "in/cong-khai-2026-quy-4/") == "in/cong-khai-2026-quy-4.pdf")
        #expect(PrintEdition.pdfPath(for: "in/cong-khai-2026-quy-4/index.html") == "in/cong-khai-2026-quy-4.pdf")
    }

}
