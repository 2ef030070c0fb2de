import CongKhaiBuild
import CongKhaiLoad
@testable import CongKhaiImport
import CongKhaiModel
import Foundation
import Testing

/// A procedure file made by `congkhai new thu-tuc` and not yet filled in holds sample values;
/// a catalogue imported over it takes their place instead of sitting beside them.
@Suite("Import over a file made by congkhai new")
struct ImportOverNewFileTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 30)!

    @Test func theCataloguesValuesReplaceTheSamplesAndTheFileStaysADraft() throws {
        let site = try ImportSite()
        let made = try Scaffold.files(.procedure, arguments: ["Hộ tịch", "1.001193"], title: nil, today: Self.today).get()
        for file in made { try site.write(file.path, file.text) }
        let (report, log) = site.run(.csv, [ImportSite.fixture("danh-muc.csv")])
        #expect(log.errorCount == 0, "\(log.all.map(\.formatted))")
        #expect(report.updated.contains("content/thu-tuc/ho-tich/1.001193.md"))
        let text = try #require(site.read("content/thu-tuc/ho-tich/1.001193.md"))
        // The sample's deadline, fee, level and placeholders are gone; the catalogue's are there.
        #expect(!text.contains("05 ngày làm việc"))
        #expect(!text.contains("phi: \"Không\""))
        #expect(!text.contains("muc_do: truc_tiep"))
        #expect(!text.contains("(cần sửa)"))
        #expect(!text.contains("00/2025/NĐ-CP"))
        #expect(!text.contains(ProcedureSample.steps))
        #expect(text.contains("Thủ tục đăng ký khai sinh, khai sinh kết hợp"))
        // Still the editor's to review: the draft line stays.
        #expect(text.contains("\nnhap: true\n"))
        let (content, loadLog) = site.load()
        #expect(loadLog.errorCount == 0, "\(loadLog.all.map(\.formatted))")
        #expect(content?.procedures.contains { $0.code == "1.001193" } == false, "a draft is not published")
    }

    /// Once the editor has removed `nhap`, the file is theirs: an import keeps its values.
    @Test func aFilledInFileKeepsTheEditorsValues() throws {
        let site = try ImportSite()
        let made = try Scaffold.files(.procedure, arguments: ["Hộ tịch", "1.001193"], title: "Đăng ký khai sinh", today: Self.today).get()
        for file in made {
            try site.write(file.path, file.text.replacingOccurrences(of: "\nnhap: true\n", with: "\n"))
        }
        site.run(.csv, [ImportSite.fixture("danh-muc.csv")])
        let text = try #require(site.read("content/thu-tuc/ho-tich/1.001193.md"))
        #expect(text.contains("05 ngày làm việc"))
    }
}
