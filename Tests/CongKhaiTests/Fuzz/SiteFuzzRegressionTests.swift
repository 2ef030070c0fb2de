import CongKhaiModel
import CongKhaiSiteFuzz
import Foundation
import Testing

/// Seeds of `congkhai-fuzz-site` whose mutated example site crashed or hung the code before
/// issue 12 (found by running the fuzzer against the code of b8d55c4), replayed on a fresh
/// working copy: each must build in memory with every finding naming a file of the site.
@Suite("Whole-site fuzzer: regressions and oracle", .serialized)
struct SiteFuzzRegressionTests {
    static let crashers: [(seed: UInt64, what: String)] = [
        (2, "budget folder ngan-sach/2026 renamed to 0: CalendarDate(year: -1, …)! in the checklist"),
        (3, "budget folder renamed to 202: a checklist item for every budget since year 202"),
    ]

    @Test(arguments: crashers.map(\.seed))
    func crasherSeedBuildsWithFindingsNamingFiles(seed: UInt64) throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-fuzz-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let copy = try SiteFuzz.workingCopy(of: TestSite.repositoryRoot, in: scratch)
        let start = ContinuousClock.now
        let outcome = try SiteFuzz.run(seed: seed, copy: copy)
        #expect(ContinuousClock.now - start < .seconds(120))
        #expect(outcome.problems.isEmpty, "\(outcome.mutations) \(outcome.problems)")
        #expect(!outcome.diagnostics.filter { $0.severity == .error }.isEmpty, "\(outcome.mutations)")
        // The working copy is put back: the same seed mutates the same way again.
        let again = try SiteFuzz.run(seed: seed, copy: copy)
        #expect(again.mutations.map(\.description) == outcome.mutations.map(\.description))
        #expect(again.diagnostics == outcome.diagnostics)
    }

    @Test func oracleRefusesAFindingWithoutAFileOfTheSite() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-fuzz-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let copy = try SiteFuzz.workingCopy(of: TestSite.repositoryRoot, in: scratch)
        let good = Diagnostic.error("x", at: SourceLocation(path: "content/site.yaml", line: 2), "Lỗi.")
        let nowhere = Diagnostic.error("x", at: SourceLocation(path: ""), "Lỗi.")
        let missing = Diagnostic.error("x", at: SourceLocation(path: "content/khong-co.md", line: 1), "Lỗi.")
        #expect(SiteFuzz.problems(in: [good], site: copy).isEmpty)
        #expect(SiteFuzz.problems(in: [nowhere, missing], site: copy).count == 2)
    }
}
