@testable import CongKhaiKinds
import CongKhaiModel
import Testing

@Suite("Document checks")
struct DocumentChecksTests {
    typealias F = DocumentFixtures

    func run(_ documents: [OfficialDocument], attachments: Set<String>? = nil) -> [Diagnostic] {
        let log = DiagnosticLog()
        let files = attachments ?? Set(documents.compactMap { d in d.file.map { "content/van-ban/2026/\($0)" } })
        DocumentChecks.run(DocumentRegistry(documents), attachments: files, asOf: F.asOf, log: log)
        return log.all
    }

    @Test func cleanRegistrySaysNothing() {
        let old = F.document("05/2025/NQ-HĐND") { $0.statedStatus = .replaced; $0.replacedBy = "08/2026/NQ-HĐND" }
        let new = F.document("08/2026/NQ-HĐND") { $0.replaces = ["05/2025/NQ-HĐND"] }
        #expect(run([old, new]).isEmpty)
    }

    @Test func duplicateNumberIsReportedAtTheSecondFile() {
        let first = F.document("45/QĐ-UBND", source: "content/van-ban/2026/a.md") { $0.keyLines["so"] = 2 }
        let second = F.document("45/QĐ-UBND", source: "content/van-ban/2026/b.md") { $0.keyLines["so"] = 2; $0.file = "b.pdf" }
        let found = run([second, first]).filter { $0.key == "document.duplicate" }
        #expect(found.count == 1)
        #expect(found.first?.location.path == "content/van-ban/2026/b.md")
        #expect(found.first?.location.line == 2)
        #expect(found.first?.message.contains("content/van-ban/2026/a.md") == true)
    }

    @Test func duplicateIgnoresLeadingZerosAndSpacing() {
        let found = run([F.document("05/QĐ-UBND", source: "content/van-ban/2026/a.md"), F.document("5 / QĐ-UBND", source: "content/van-ban/2026/b.md")])
        #expect(found.map(\.key) == ["document.duplicate"])
    }

    @Test func linkToAMissingDocumentIsAWarningWithTheNearestNumber() {
        let new = F.document("08/2026/NQ-HĐND") { $0.replaces = ["05/2025/NQ-HĐN"]; $0.keyLines["thay_the"] = 9 }
        let old = F.document("05/2025/NQ-HĐND") { $0.statedStatus = .replaced; $0.replacedBy = "08/2026/NQ-HĐND" }
        let found = run([new, old])
        #expect(found.map(\.key) == ["document.unknown-link"])
        #expect(found.first?.severity == .warning)
        #expect(found.first?.location.line == 9)
        #expect(found.first?.hint?.contains("05/2025/NQ-HĐND") == true)
    }

    @Test func replacedByWithoutTheStatusIsAnError() {
        let old = F.document("05/2025/NQ-HĐND") { $0.statedStatus = .inForce; $0.replacedBy = "08/2026/NQ-HĐND"; $0.keyLines["bi_thay_the_boi"] = 8 }
        let found = run([old, F.document("08/2026/NQ-HĐND")])
        #expect(found.map(\.key) == ["document.status-link"])
        #expect(found.first?.severity == .error)
        #expect(found.first?.location.line == 8)
    }

    @Test func replacedFromTheOtherSideWhileStatusSaysInForceIsAnErrorAtTinhTrang() {
        let old = F.document("05/2025/NQ-HĐND") { $0.statedStatus = .inForce; $0.keyLines["tinh_trang"] = 7 }
        let new = F.document("08/2026/NQ-HĐND") { $0.replaces = ["05/2025/NQ-HĐND"] }
        let found = run([old, new])
        #expect(found.map(\.key) == ["document.status-link"])
        #expect(found.first?.location.path == old.source)
        #expect(found.first?.location.line == 7)
        #expect(found.first?.message.contains(new.source) == true)
    }

    @Test func replacedStatusWithoutAReplacementIsAWarning() {
        let found = run([F.document("05/2025/NQ-HĐND") { $0.statedStatus = .replaced }])
        #expect(found.map(\.key) == ["document.status-link"])
        #expect(found.first?.severity == .warning)
    }

    @Test func twoSidesNamingDifferentReplacementsIsAnError() {
        let old = F.document("05/2025/NQ-HĐND") { $0.replacedBy = "07/2026/NQ-HĐND" }
        let named = F.document("07/2026/NQ-HĐND")
        let new = F.document("08/2026/NQ-HĐND") { $0.replaces = ["05/2025/NQ-HĐND"] }
        #expect(run([old, named, new]).map(\.key) == ["document.link-conflict"])
    }

    @Test func documentCannotReplaceItself() {
        let found = run([F.document("08/2026/NQ-HĐND") { $0.replaces = ["08/2026/NQ-HĐND"] }])
        #expect(found.map(\.key) == ["document.self-link"])
    }

    @Test func amendedStatusWithoutAnAmendmentIsAWarning() {
        #expect(run([F.document("45/QĐ-UBND") { $0.statedStatus = .amended }]).map(\.key) == ["document.status-link"])
    }

    @Test func statusStillInForceAfterExpiryIsAWarning() {
        let found = run([F.document("98/KH-UBND") { $0.statedStatus = .inForce; $0.expires = CalendarDate(year: 2026, month: 6, day: 30) }])
        #expect(found.map(\.key) == ["document.status-expired"])
    }

    @Test func datesAfterTheAsOfDateAreErrors() {
        let found = run([F.document("98/KH-UBND", issued: CalendarDate(year: 2026, month: 12, day: 2)) {
            $0.publishedOn = CalendarDate(year: 2026, month: 12, day: 3)
            $0.keyLines["ngay"] = 5
            $0.keyLines["ngay_cong_khai"] = 9
        }])
        #expect(found.map(\.key) == ["document.future-date", "document.future-date"])
        #expect(found.map(\.location.line) == [5, 9])
        #expect(found.allSatisfy { $0.message.contains("23/11/2026") })
    }

    @Test func missingFileIsAnErrorAndNoFileAWarning() {
        let named = run([F.document("98/KH-UBND")], attachments: [])
        #expect(named.map(\.key) == ["document.file-missing"])
        #expect(named.first?.severity == .error)
        let none = run([F.document("98/KH-UBND") { $0.file = nil }])
        #expect(none.map(\.key) == ["document.no-file"])
        #expect(none.first?.severity == .warning)
        let path = run([F.document("98/KH-UBND") { $0.file = "../khac/vb.pdf" }])
        #expect(path.map(\.key) == ["path.outside"])
    }
}
