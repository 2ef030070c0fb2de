import CongKhaiBuild
import CongKhaiModel
import Foundation
import Testing
@testable import CongKhaiLoad

/// `Tests/Fixtures/budget-excel/`: tables as Excel saves them, built without edits: a
/// Windows-1258 CSV with title, unit and column-numbering rows and Vietnamese headings, and an
/// .xlsx with a named sheet, merged two-line headings, `-` and negative amounts.
@Suite("Budget: tables as Excel exports them")
struct BudgetExcelTests {
    static let folder = TestSite.repositoryRoot.appendingPathComponent("Tests/Fixtures/budget-excel")

    /// The fixture copied byte for byte (the CSV is not UTF-8) into a site with the default theme.
    static func site() throws -> TestSite {
        let site = try TestSite([:])
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            guard !url.hasDirectoryPath, let data = FileManager.default.contents(atPath: url.path) else { continue }
            try site.write(String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1)), data)
        }
        return site
    }

    @Test func excelExportsBuildWithoutEdits() throws {
        let result = try Self.site().build()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.formatted))")
        let csvPage = result.text(of: "ngan-sach/2026/du-toan/index.html") ?? ""
        #expect(csvPage.contains("Thu bổ sung từ ngân sách tỉnh"))
        #expect(csvPage.contains("-12.000.000"))
        #expect(!csvPage.contains("Người lập biểu"))
        #expect(!csvPage.contains("Đơn vị tính: đồng</td>"))
        let xlsxPage = result.text(of: "ngan-sach/2026/thuc-hien-quy-1/index.html") ?? ""
        #expect(xlsxPage.contains("Thu phí, lệ phí"))
        #expect(xlsxPage.contains("1.275.000.000"))
        #expect(xlsxPage.contains("24,7%"))
        #expect(!xlsxPage.contains("Hướng dẫn: số liệu"))
    }

    @Test func dashIsNothingAndParenthesesAreNegative() {
        #expect(BudgetTableReader.amount("(12.000.000)") == -12_000_000)
        #expect(BudgetTableReader.amount("12.000.000") == 12_000_000)
        #expect(BudgetTableReader.amount("(abc)") == nil)
        #expect(BudgetTableReader.isEmptyMark("-"))
        #expect(!BudgetTableReader.isEmptyMark("0"))
    }

    @Test func headingsAreMatchedByTheirVietnameseText() {
        let columns = [BudgetColumn(id: "du_toan", title: "Dự toán năm 2026", kind: .amount, numerator: nil, denominator: nil)]
        #expect(BudgetTableReader.columnID(of: "STT", columns: columns) == "stt")
        #expect(BudgetTableReader.columnID(of: "Số TT", columns: columns) == "stt")
        #expect(BudgetTableReader.columnID(of: "NỘI DUNG", columns: columns) == "noi_dung")
        #expect(BudgetTableReader.columnID(of: "Dự toán  năm 2026", columns: columns) == "du_toan")
        #expect(BudgetTableReader.columnID(of: "du_toan", columns: columns) == "du_toan")
        #expect(BudgetTableReader.columnID(of: "Dự toán năm 2025", columns: columns) == nil)
    }

    @Test func windows1258ComposesToneMarksAndRejectsOtherCodePages() {
        // "Tổng" as Excel writes it: T, ô (0xF4), combining hook above (0xD2), n, g.
        #expect(Windows1258.decode(Data([0x54, 0xF4, 0xD2, 0x6E, 0x67])) == "Tổng")
        #expect(Windows1258.decode(Data([0xD0, 0xE3, 0xEC])) == "Đắ")
        // "Hành" in TCVN3 would read as "Hµnh".
        #expect(Windows1258.decode(Data([0x48, 0xB5, 0x6E, 0x68])) == nil)
    }

    @Test func wrongSheetNameIsAnErrorListingTheSheets() throws {
        let site = try Self.site()
        let sidecar = try String(contentsOf: Self.folder.appendingPathComponent("content/ngan-sach/2026/thuc-hien-quy-1.yaml"), encoding: .utf8)
        try site.write("content/ngan-sach/2026/thuc-hien-quy-1.yaml", sidecar.replacingOccurrences(of: "trang_tinh: \"Quý I\"", with: "trang_tinh: \"Quý 1\""))
        let found = site.build().diagnostics("budget.xlsx")
        #expect(found.count == 1)
        #expect(found.first?.message.contains("Hướng dẫn, Quý I") == true)
    }

    @Test func farAwayCellsCannotBlowUpTheGrid() {
        let sheet = Data(#"<worksheet><sheetData><row r="1"><c r="A1"><v>2</v></c><c r="XFD1048576"><v>1</v></c></row><row r="1048576"><c r="A1048576"><v>3</v></c></row></sheetData><mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>"#.utf8)
        let grid = BudgetTableFile.grid(sheet, shared: [])
        #expect(grid.count == 1)
        #expect(grid.first?.cells.map(\.text) == ["2"])
        #expect(BudgetTableFile.reference("C12")! == (row: 12, column: 3))
        #expect(BudgetTableFile.reference("12C") == nil)
    }
}
