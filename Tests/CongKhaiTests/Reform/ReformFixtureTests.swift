import CongKhaiBuild
import CongKhaiModel
import Foundation
import Testing

/// `Tests/Fixtures/cchc-slips/`: two reports with one deliberate slip each kind. Every slip
/// must be found exactly once, at its file and line, and nothing else.
@Suite("Reform reports: deliberate slips")
struct ReformFixtureTests {
    static let quarter = "content/cchc/2026-quy-1.md"
    static let half = "content/cchc/2026-6-thang.md"

    /// The fixture copied into a throwaway site with the default theme.
    static func site() throws -> TestSite {
        let fixture = TestSite.repositoryRoot.appendingPathComponent("Tests/Fixtures/cchc-slips")
        var files: [String: String] = [:]
        let walker = FileManager.default.enumerator(at: fixture, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            guard !url.hasDirectoryPath, let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(fixture.standardizedFileURL.path.count + 1))
            files[relative] = text
        }
        return try TestSite(files)
    }

    static func reformFindings(_ result: BuildResult) -> [Diagnostic] {
        result.diagnostics.filter { $0.location.path.hasPrefix("content/cchc/") }
    }

    @Test func partsThatDoNotAddUpAreOneErrorAtHoSo() throws {
        let result = try Self.site().build()
        let found = result.diagnostics("reform.parts")
        #expect(found.count == 1)
        #expect(found.first?.location == SourceLocation(path: Self.quarter, line: 4))
        #expect(found.first?.severity == .error)
        #expect(found.first?.message.contains("1.050") == true)
        #expect(found.first?.message.contains("1.040") == true)
    }

    @Test func statedRateIsComparedAtItsPrecision() throws {
        let result = try Self.site().build()
        let found = result.diagnostics("reform.stated-rate")
        // 86% against 84,6% is a finding; 74% against 74,1% is not; 80% against 80,0% is not.
        #expect(found.count == 1)
        #expect(found.first?.location == SourceLocation(path: Self.quarter, line: 19))
        #expect(found.first?.severity == .warning)
        #expect(found.first?.message.contains("86%") == true)
        #expect(found.first?.message.contains("84,6%") == true)
    }

    @Test func fieldSumMismatchIsOneErrorAtTheoLinhVuc() throws {
        let result = try Self.site().build()
        let found = result.diagnostics("reform.field-sum")
        #expect(found.count == 1)
        #expect(found.first?.location == SourceLocation(path: Self.half, line: 10))
        #expect(found.first?.message.contains("tiep_nhan.truc_tuyen") == true)
        #expect(found.first?.message.contains("95") == true)
    }

    @Test func partExceedingItsWholeIsAnErrorAtThePart() throws {
        let result = try Self.site().build()
        let found = result.diagnostics("reform.part-exceeds")
        #expect(found.count == 1)
        #expect(found.first?.location == SourceLocation(path: Self.half, line: 23))
        #expect(found.first?.message.contains("130") == true)
        #expect(found.first?.message.contains("120") == true)
    }

    @Test func planSizeStatedTwiceIsAWarningNamingBothNumbers() throws {
        let result = try Self.site().build()
        let found = result.diagnostics("reform.stated-twice")
        #expect(found.count == 1)
        #expect(found.first?.location == SourceLocation(path: Self.half, line: 28))
        #expect(found.first?.severity == .warning)
        #expect(found.first?.message.contains("10 ở “ke_hoach.nhiem_vu” (dòng 25)") == true)
        #expect(found.first?.message.contains("11") == true)
    }

    @Test func nothingElseIsReported() throws {
        let result = try Self.site().build()
        let keys = Self.reformFindings(result).map(\.key).sorted()
        #expect(keys == ["reform.field-sum", "reform.part-exceeds", "reform.parts", "reform.stated-rate", "reform.stated-twice"],
                "\(result.diagnostics.map(\.formatted))")
        #expect(result.diagnostics.count == keys.count, "\(result.diagnostics.map(\.formatted))")
    }
}
