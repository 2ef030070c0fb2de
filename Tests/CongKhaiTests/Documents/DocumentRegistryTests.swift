@testable import CongKhaiKinds
import CongKhaiModel
import Testing

@Suite("Document registry")
struct DocumentRegistryTests {
    typealias F = DocumentFixtures

    @Test func replacementIsKnownFromEitherSide() {
        let old = F.document("05/2025/NQ-HĐND", issued: CalendarDate(year: 2025, month: 8, day: 20))
        let new = F.document("08/2026/NQ-HĐND") { $0.replaces = ["5/2025/nq-hđnd"] }
        let registry = DocumentRegistry([old, new])
        #expect(registry.replacements(of: old).map(\.number) == ["08/2026/NQ-HĐND"])
        #expect(registry.replacements(of: old).first?.document?.path == new.path)
        #expect(registry.replaced(by: new).map(\.number) == ["05/2025/NQ-HĐND"])
        #expect(registry.status(of: old, asOf: F.asOf) == .replaced)
        #expect(registry.status(of: new, asOf: F.asOf) == .inForce)

        let written = F.document("05/2025/NQ-HĐND") { $0.replacedBy = "08/2026/NQ-HĐND" }
        let other = DocumentRegistry([written, F.document("08/2026/NQ-HĐND")])
        #expect(other.status(of: written, asOf: F.asOf) == .replaced)
    }

    @Test func numberOutsideTheRegistryStaysAsWritten() {
        let document = F.document("08/2026/NQ-HĐND") { $0.replaces = ["2/2019/NQ-HĐND"] }
        let links = DocumentRegistry([document]).replaced(by: document)
        #expect(links.map(\.number) == ["2/2019/NQ-HĐND"])
        #expect(links.first?.document == nil)
    }

    @Test func statusFollowsDatesAndAmendments() {
        let amended = F.document("45/QĐ-UBND")
        let amending = F.document("156/QĐ-UBND") { $0.amends = ["45/QĐ-UBND"] }
        let expired = F.document("112/KH-UBND") { $0.expires = CalendarDate(year: 2025, month: 12, day: 31) }
        let future = F.document("210/TB-UBND") { $0.effective = CalendarDate(year: 2026, month: 12, day: 1) }
        let expiringLater = F.document("98/KH-UBND") { $0.expires = CalendarDate(year: 2026, month: 12, day: 31) }
        let registry = DocumentRegistry([amended, amending, expired, future, expiringLater])
        #expect(registry.status(of: amended, asOf: F.asOf) == .amended)
        #expect(registry.amendments(of: amended).map(\.number) == ["156/QĐ-UBND"])
        #expect(registry.status(of: expired, asOf: F.asOf) == .expired)
        #expect(registry.status(of: future, asOf: F.asOf) == .notYetInForce)
        #expect(registry.status(of: expiringLater, asOf: F.asOf) == .inForce)
    }

    @Test func writtenStatusWinsOverTheDerivedOne() {
        let document = F.document("98/KH-UBND") { $0.statedStatus = .expired }
        #expect(DocumentRegistry([document]).status(of: document, asOf: F.asOf) == .expired)
    }

    @Test func newestFirstThenYearsAndKinds() {
        let registry = DocumentRegistry([
            F.document("1/QĐ-UBND", issued: CalendarDate(year: 2025, month: 3, day: 1)),
            F.document("2/KH-UBND", issued: CalendarDate(year: 2026, month: 3, day: 1)),
            F.document("3/QĐ-UBND", issued: CalendarDate(year: 2026, month: 5, day: 1)),
        ])
        #expect(registry.documents.map(\.number) == ["3/QĐ-UBND", "2/KH-UBND", "1/QĐ-UBND"])
        #expect(registry.years == [2026, 2025])
        #expect(registry.kinds == [.decision, .plan])
    }

    @Test func filtersCoverEveryYearKindAndPresentPair() {
        let registry = DocumentRegistry([
            F.document("1/QĐ-UBND", issued: CalendarDate(year: 2025, month: 3, day: 1)),
            F.document("2/KH-UBND", issued: CalendarDate(year: 2026, month: 3, day: 1)),
        ])
        let paths = DocumentFilter.all(in: registry).map(\.path)
        #expect(paths == ["van-ban/", "van-ban/2026/", "van-ban/2025/", "van-ban/quyet-dinh/", "van-ban/quyet-dinh/2025/",
                          "van-ban/ke-hoach/", "van-ban/ke-hoach/2026/"])
        #expect(DocumentFilter(year: 2026, kind: .plan).title == "Kế hoạch năm 2026")
        #expect(DocumentFilter(year: 2026, kind: .plan).matches(registry.documents[0]))
        #expect(!DocumentFilter(year: 2025, kind: .plan).matches(registry.documents[0]))
    }
}
