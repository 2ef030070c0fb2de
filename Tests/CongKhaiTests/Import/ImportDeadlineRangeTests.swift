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
}
