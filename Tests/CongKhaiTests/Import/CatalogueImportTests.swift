@testable import CongKhaiImport
import CongKhaiModel
import Foundation
import Testing

@Suite("Import: catalogue lists from CSV and Excel")
struct CatalogueImportTests {
    @Test func csvWithBOMSemicolonsAndQuotedCommas() throws {
        let site = try ImportSite()
        let (report, log) = site.run(.csv, [ImportSite.fixture("danh-muc.csv")])
        #expect(log.errorCount == 0, "\(log.all.map(\.formatted))")
        #expect(report.created.sorted() == ["content/thu-tuc/chung-thuc/2.000908.md", "content/thu-tuc/dat-dai/1.003003.md",
                                            "content/thu-tuc/ho-tich/1.001193.md"])
        // Rows that cannot become a procedure are named by their line.
        let rows = log.warnings.map(\.formatted)
        #expect(rows.contains { $0.hasPrefix("danh-muc.csv:5: cảnh báo: Dòng 5: thiếu mã;") })
        #expect(rows.contains { $0.hasPrefix("danh-muc.csv:6: cảnh báo: Dòng 6, cột mã: mã “1.00119” không đúng dạng") })
        #expect(log.warningCount == 2)
        let (content, loadLog) = site.load()
        #expect(loadLog.errorCount == 0, "\(loadLog.all.map(\.formatted))")
        let procedures = Dictionary(uniqueKeysWithValues: (content?.procedures ?? []).map { ($0.code, $0) })
        let khaiSinh = try #require(procedures["1.001193"])
        #expect(khaiSinh.name == "Thủ tục đăng ký khai sinh, khai sinh kết hợp")
        #expect(khaiSinh.onlineLevel == .full)
        #expect(khaiSinh.deadlineAmount == 3 && khaiSinh.deadlineUnit == .workingDays)
        #expect(khaiSinh.isFree)
        let chungThuc = try #require(procedures["2.000908"])
        #expect(chungThuc.onlineLevel == .partial)
        #expect(chungThuc.deadline == "Trong ngày; hoặc ngày làm việc tiếp theo")
        #expect(!chungThuc.isFree && chungThuc.feeIDs.isEmpty)
        #expect(site.read("content/thu-tuc/chung-thuc/2.000908.md")?.contains("# Theo danh mục: phí, lệ phí “2.000 đồng/trang”") == true)
        // The field comes from the group heading "II;LĨNH VỰC ĐẤT ĐAI".
        let hoaGiai = try #require(procedures["1.003003"])
        #expect(hoaGiai.field == "Đất đai")
        #expect(hoaGiai.name == "Thủ tục hòa giải tranh chấp đất đai \"cấp xã\"")
        #expect(hoaGiai.onlineLevel == .inPerson)
        #expect(hoaGiai.deadlineUnit == .days)
    }

    @Test func createdFilesHaveEmptySectionsAndGuidanceInYAMLComments() throws {
        let site = try ImportSite()
        site.run(.csv, [ImportSite.fixture("danh-muc.csv")])
        let text = try #require(site.read("content/thu-tuc/dat-dai/1.003003.md"))
        #expect(!text.contains("<!--"))
        #expect(text.hasSuffix("## Trình tự thực hiện\n\n## Thành phần hồ sơ\n\n## Yêu cầu, điều kiện\n"))
        let frontMatter = text.components(separatedBy: "\n---\n")[0]
        #expect(frontMatter.contains("# Cần bổ sung: doi_tuong"))
        #expect(frontMatter.contains("# Cần bổ sung: nội dung mục “## Trình tự thực hiện”"))
        let procedure = try #require(site.load().0?.procedures.first { $0.code == "1.003003" })
        #expect(procedure.sections == Set(ProcedureSection.allCases))
    }

    @Test func utf16CSVIsReportedNotGarbled() throws {
        let site = try ImportSite()
        let (report, log) = site.run(.csv, [ImportSite.fixture("danh-muc-utf16.csv")])
        #expect(report.total == 0)
        #expect(log.with("import.utf16").map(\.severity) == [.error])
        #expect(site.procedureFiles.isEmpty)
    }

    @Test func legacyEncodingIsReportedAtItsLine() throws {
        let site = try ImportSite()
        var bytes = Data("STT,Mã,Tên,Lĩnh vực\n".utf8)
        bytes.append(contentsOf: [0x31, 0x2C, 0x31, 0x2E, 0x30, 0x30, 0x31, 0x31, 0x39, 0x33, 0x2C, 0x54, 0xE5, 0x6E, 0x2C, 0x48, 0x0A]) // Windows-1258 "Tån"
        let (_, log) = site.run(.csv, [try site.source("cu.csv", bytes)])
        let error = try #require(log.with("import.encoding").first)
        #expect(error.location.line == 2)
        #expect(site.procedureFiles.isEmpty)
    }

    @Test func commaSeparatedCSVWithLineBreaksInQuotes() throws {
        let site = try ImportSite()
        let csv = "Mã thủ tục,Tên thủ tục hành chính,Tên lĩnh vực,Thời hạn\n\"1.000001\",\"Thủ tục A, có dấu phẩy\nvà xuống dòng\",Hộ tịch,\"0,5 ngày\"\n"
        let (report, log) = site.run(.csv, [try site.source("a.csv", Data(csv.utf8))])
        #expect(log.errorCount == 0 && report.total == 1)
        let procedure = try #require(site.load().0?.procedures.first)
        #expect(procedure.name == "Thủ tục A, có dấu phẩy; và xuống dòng")
        #expect(procedure.deadlineAmount == 0.5)
    }

    @Test func headingsMatchWithoutCaseOrAccents() {
        #expect(CatalogueListReader.column(for: "Mã TTHC") == .code)
        #expect(CatalogueListReader.column(for: "MA THU TUC") == .code)
        #expect(CatalogueListReader.column(for: "Tên thủ tục") == .name)
        #expect(CatalogueListReader.column(for: "Tên lĩnh vực") == .field)
        #expect(CatalogueListReader.column(for: "Mức độ DVC") == .level)
        #expect(CatalogueListReader.column(for: "Phí, lệ phí") == .fee)
        #expect(CatalogueListReader.column(for: "Thời hạn giải quyết") == .deadline)
        #expect(CatalogueListReader.column(for: "Cơ quan thực hiện") == nil)
    }

    @Test func missingHeaderIsAnError() throws {
        let site = try ImportSite()
        let (_, log) = site.run(.csv, [try site.source("x.csv", Data("a;b;c\n1;2;3\n".utf8))])
        #expect(log.with("import.header").map(\.severity) == [.error])
    }

    @Test func xlsxFirstSheetWithSharedInlineRichAndNumberCells() throws {
        let site = try ImportSite()
        let (report, log) = site.run(.xlsx, [ImportSite.fixture("danh-muc.xlsx")])
        #expect(log.errorCount == 0, "\(log.all.map(\.formatted))")
        #expect(report.created.sorted() == ["content/thu-tuc/chung-thuc/2.000908.md", "content/thu-tuc/ho-tich/1.001190.md",
                                            "content/thu-tuc/ho-tich/1.001193.md"])
        // The code stored as the number 1.00119 is restored, and the editor is told.
        #expect(log.with("import.code-number").first?.location == SourceLocation(path: "danh-muc.xlsx", line: 5))
        #expect(log.with("import.row").first?.message == "Dòng 7: thiếu mã; đã bỏ qua dòng này.")
        let (content, loadLog) = site.load()
        #expect(loadLog.errorCount == 0, "\(loadLog.all.map(\.formatted))")
        let procedures = Dictionary(uniqueKeysWithValues: (content?.procedures ?? []).map { ($0.code, $0) })
        #expect(procedures["1.001193"]?.onlineLevel == .full)
        #expect(procedures["2.000908"]?.name == "Chứng thực bản sao từ bản chính")
        #expect(procedures["1.001190"]?.name == "Thủ tục đăng ký kết hôn")
    }

    @Test func xlsxReaderKeepsSpacesAndFollowsTheWorkbook() throws {
        let data = try Data(contentsOf: ImportSite.fixtures.appendingPathComponent("danh-muc.xlsx"))
        let rows = try XLSXReader.read(data)
        #expect(rows.first?.cells.first?.text == "DANH MỤC THỦ TỤC")
        #expect(rows.last?.number == 7)
        #expect(rows.last?.cells.map(\.text) == ["4", "", " có khoảng trắng ", "Hộ tịch"])
        #expect(rows.first { $0.number == 6 }?.cells.map(\.text) == ["3", "2.000908", "Chứng thực bản sao từ bản chính", "Chứng thực"])
    }

    @Test func somethingElseCalledXlsxIsAnError() throws {
        let site = try ImportSite()
        let (_, log) = site.run(.xlsx, [ImportSite.fixture("danh-muc.csv")])
        #expect(log.with("import.xlsx").first?.message.contains("không phải bảng tính .xlsx") == true)
        let (_, csvLog) = site.run(.csv, [ImportSite.fixture("danh-muc.xlsx")])
        #expect(csvLog.with("import.not-csv").count == 1)
    }

    @Test func catalogueAfterPortalKeepsThePortalsDetail() throws {
        let site = try ImportSite()
        site.run(.dvc, [ImportSite.fixture("dvc-khai-sinh.json")])
        let (report, _) = site.run(.csv, [ImportSite.fixture("danh-muc.csv")])
        #expect(report.updated == ["content/thu-tuc/ho-tich/1.001193.md"])
        let procedure = try #require(site.load().0?.procedures.first { $0.code == "1.001193" })
        #expect(procedure.name == "Thủ tục đăng ký khai sinh, khai sinh kết hợp")
        #expect(procedure.channels.count == 3)
        #expect(procedure.legalBasis.count == 3)
        #expect(procedure.onlineLevel == .full)
        #expect(procedure.body.contains("Bước 2: Công chức tư pháp"))
    }
}
