@testable import CongKhaiImport
import CongKhaiModel
import Foundation
import Testing

@Suite("Import: a deadline the build would refuse is not written")
struct ImportDeadlineRangeTests {
    /// Before: `thoi_han_ngay: 99999999999999999999` was written without a word, and the next
    /// build trapped on it.
    @Test func hugeDeadlineIsAWarningAtItsLineAndTheFileStillBuilds() throws {
        let site = try ImportSite()
        let csv = "Mã thủ tục,Tên thủ tục hành chính,Tên lĩnh vực,Thời hạn\n1.000001,Thủ tục A,Hộ tịch,5 ngày\n1.000002,Thủ tục B,Hộ tịch,99999999999999999999 ngày\n"
        let (report, log) = site.run(.csv, [try site.source("a.csv", Data(csv.utf8))])
        #expect(report.total == 2)
        let warnings = log.with("import.row")
        #expect(warnings.map(\.location.line) == [3])
        #expect(warnings.first?.message.contains("99999999999999999999") == true)
        let (content, loadLog) = site.load()
        #expect(loadLog.errorCount == 0, "\(loadLog.all.map(\.formatted))")
        let procedures = Dictionary(uniqueKeysWithValues: (content?.procedures ?? []).map { ($0.code, $0) })
        #expect(procedures["1.000001"]?.deadlineAmount == 5)
        #expect(procedures["1.000002"]?.deadlineAmount == nil)
        #expect(procedures["1.000002"]?.deadline == "99999999999999999999 ngày")
    }

    /// Importing next to a file whose front matter is a "billion laughs" with alias keys: Yams
    /// would hash every expanded key while composing (a hang). Now the file is refused unread.
    @Test func existingFileWithAliasBombIsAnErrorNotAHang() throws {
        let site = try ImportSite()
        var front = "ma: \"1.000001\"\nl0: &l0 [\"ha\", \"ha\", \"ha\", \"ha\", \"ha\", \"ha\", \"ha\", \"ha\", \"ha\"]\n"
        for level in 1..<9 { front += "l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: 9).joined(separator: ", ") + "]\n" }
        front += "k:\n  ? *l8\n  : 1\n"
        try site.write("content/thu-tuc/ho-tich/1.000001.md", "---\n" + front + "---\nNội dung.\n")
        let csv = "Mã thủ tục,Tên thủ tục hành chính,Tên lĩnh vực\n1.000001,Thủ tục A,Hộ tịch\n"
        let start = ContinuousClock.now
        let (_, log) = site.run(.csv, [try site.source("a.csv", Data(csv.utf8))])
        #expect(ContinuousClock.now - start < .seconds(20))
        // The file is not read as this procedure's: an error at it, and it is left as it was.
        #expect(log.all.filter { $0.severity == .error }.map(\.location.path) == ["content/thu-tuc/ho-tich/1.000001.md"],
                "\(log.all.map(\.formatted))")
        #expect(site.read("content/thu-tuc/ho-tich/1.000001.md")?.contains("k:\n  ? *l8") == true)
    }
}
