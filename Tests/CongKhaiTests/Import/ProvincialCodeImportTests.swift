import CongKhaiImport
import CongKhaiModel
import Foundation
import Testing

@Suite("Import: a province's code and the national code are one procedure, one file")
struct ProvincialCodeImportTests {
    static func csv(_ code: String) -> Data {
        Data("Mã TTHC;Tên thủ tục;Lĩnh vực\n\(code);Thủ tục đăng ký khai tử;Hộ tịch\n".utf8)
    }

    @Test func suffixedCodeUpdatesTheBaseFile() throws {
        let site = try ImportSite()
        site.run(.csv, [try site.source("a.csv", Self.csv("1.000656"))])
        let (report, log) = site.run(.csv, [try site.source("b.csv", Self.csv("1.000656.000.00.00.H36"))])
        #expect(log.errorCount == 0, "\(log.all.map(\.formatted))")
        #expect(report.updated == ["content/thu-tuc/ho-tich/1.000656.md"] && report.created.isEmpty)
        #expect(site.procedureFiles == ["content/thu-tuc/ho-tich/1.000656.md"])
        let text = try #require(site.read("content/thu-tuc/ho-tich/1.000656.md"))
        // The editor's code stays; the one in the list is said beside it.
        #expect(text.contains("# Mã trong dữ liệu nhập (b.csv): 1.000656.000.00.00.H36, cùng thủ tục với mã 1.000656 của tệp này.\nma: \"1.000656\"\n"))
        #expect(site.load().1.errorCount == 0)
    }

    @Test func baseCodeUpdatesTheSuffixedFile() throws {
        let site = try ImportSite()
        site.run(.csv, [try site.source("a.csv", Self.csv("1.000656.000.00.00.H36"))])
        let (report, _) = site.run(.csv, [try site.source("b.csv", Self.csv("1.000656"))])
        #expect(report.updated == ["content/thu-tuc/ho-tich/1.000656.000.00.00.H36.md"] && report.created.isEmpty)
        #expect(site.procedureFiles.count == 1)
    }

    @Test func theSameListTwiceIsReportedAsRepeated() throws {
        let site = try ImportSite()
        let both = Data("Mã TTHC;Tên thủ tục;Lĩnh vực\n1.000656;Khai tử;Hộ tịch\n1.000656.000.00.00.H36;Khai tử;Hộ tịch\n".utf8)
        let (_, log) = site.run(.csv, [try site.source("a.csv", both)])
        #expect(log.with("import.repeated").count == 1)
        #expect(site.procedureFiles == ["content/thu-tuc/ho-tich/1.000656.md"])
    }

    @Test func theCheckerCallsTwoFilesForOneProcedureADuplicate() throws {
        let result = try ProcedureFixtures.site(["content/thu-tuc/ho-tich/tinh.md": ProcedureFixtures.procedure(code: "1.001193.000.00.00.H36")]).build()
        let found = result.diagnostics("procedure.duplicate")
        #expect(found.count == 1)
        #expect(found.first?.message.contains("(mã 1.001193, cùng một thủ tục)") == true)
    }

    @Test func theLoaderCleansCodesAsTheImportDoes() throws {
        let text = ProcedureFixtures.procedure(code: "1.001\u{202F}193")
        let result = try ProcedureFixtures.site(["content/thu-tuc/ho-tich/1.001193.md": text]).build()
        #expect(result.diagnostics("procedure.code-invisible").count == 1)
        #expect(result.diagnostics("procedure.code").isEmpty)
    }
}
