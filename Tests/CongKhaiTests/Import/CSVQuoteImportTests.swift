@testable import CongKhaiImport
import CongKhaiModel
import Foundation
import Testing

@Suite("Import: CSV quoting problems are reported at their line, never guessed")
struct CSVQuoteImportTests {
    static let header = "STT;Mã TTHC;Tên thủ tục;Lĩnh vực\n"

    @Test func unclosedQuoteIsAnErrorAndNothingIsImported() throws {
        let site = try ImportSite()
        let csv = Self.header + "1;1.001193;\"Đăng ký khai sinh;Hộ tịch\n2;1.001190;Đăng ký kết hôn;Hộ tịch\n3;1.000656;Đăng ký khai tử;Hộ tịch\n"
        let (report, log) = site.run(.csv, [try site.source("danh-muc.csv", Data(csv.utf8))])
        let quote = try #require(log.with("import.csv-quote").first)
        #expect(quote.formatted.hasPrefix("danh-muc.csv:2:12: lỗi: Dấu ngoặc kép mở ở cột 12 không được đóng"))
        #expect(quote.hint?.contains("Excel") == true)
        #expect(log.with("import.csv-refused").count == 1)
        #expect(log.hasErrors, "the command exits with 1")
        #expect(report.total == 0 && site.procedureFiles.isEmpty)
    }

    @Test func strayQuoteAndTextAfterClosingAreErrorsAtTheirLines() throws {
        let site = try ImportSite()
        let csv = Self.header + "1;1.001193;Đăng ký khai sinh \"lưu động\";Hộ tịch\n2;1.001190;\"Đăng ký\" kết hôn;Hộ tịch\n"
        let (report, log) = site.run(.csv, [try site.source("danh-muc.csv", Data(csv.utf8))])
        #expect(log.with("import.csv-quote").map { "\($0.location.line):\($0.location.column)" } == ["2:30", "2:39", "3:21"])
        #expect(log.hasErrors && report.total == 0)
    }

    @Test func quotesAsExcelSavesThemImportCleanly() throws {
        let site = try ImportSite()
        let csv = "sep=;\r\n" + Self.header.replacingOccurrences(of: "\n", with: "\r\n")
            + "1;1.003003;\"Hòa giải \"\"cấp xã\"\"\";Đất đai\r\n"
        let (report, log) = site.run(.csv, [try site.source("danh-muc.csv", Data(csv.utf8))])
        #expect(log.errorCount == 0, "\(log.all.map(\.formatted))")
        #expect(report.created == ["content/thu-tuc/dat-dai/1.003003.md"])
        #expect(site.load().0?.procedures.first?.name == "Hòa giải \"cấp xã\"")
    }

    @Test func lineNumbersCountTheSepLine() throws {
        let site = try ImportSite()
        let csv = "sep=;\r\n" + Self.header + "1;1.001193;\"Khai sinh;Hộ tịch\n"
        let (_, log) = site.run(.csv, [try site.source("danh-muc.csv", Data(csv.utf8))])
        #expect(log.with("import.csv-quote").first?.location.line == 3)
    }
}
