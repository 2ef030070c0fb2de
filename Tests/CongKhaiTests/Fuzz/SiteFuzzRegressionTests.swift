import CongKhaiModel
import CongKhaiSiteFuzz
import Foundation
import Testing

/// Seeds of `congkhai-fuzz-site` whose mutated example site crashed or hung the code before
/// issue 12 (found by running the fuzzer against the code of b8d55c4), replayed on a fresh
/// working copy: each must build in memory with every finding naming a file of the site.
@Suite("Whole-site fuzzer: regressions and oracle", .serialized)
struct SiteFuzzRegressionTests {
    static let crashers: [(seed: UInt64, file: String, key: String, what: String)] = [
        (44, "content/quy-tac.yaml", "field.", "crash: a huge `han: { ngay: … }`, CalendarDate.adding(days:) overflowed in the checklist"),
        (60, "content/quy-tac.yaml", "field.", "hang: `han: { ngay_lam_viec: 9223372036854775807 }`, the working calendar stepped day by day"),
        (81, "content/thu-tuc/ho-tich/1.004837.md", "field.", "crash: `thoi_han_ngay: 9223372036854775807`, Int(Double) in the catalogue"),
        // Found on this branch after the fixes above: a typed rate with 19 decimals made
        // VietnameseFormat.decimal overflow its scale.
        (1516, "content/ngan-sach/2025/thuc-hien-nam.csv", "budget.rate-mismatch", "crash: rate “103,9223372036854775807”"),
    ]

    static func scratchCopy() throws -> (scratch: URL, copy: URL) {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("congkhai-fuzz-test-\(UUID().uuidString)")
        return (scratch, try SiteFuzz.workingCopy(of: TestSite.repositoryRoot, in: scratch))
    }

    /// `file` and `key` in the table say where each seed's value was when it was found.
    @Test(arguments: crashers.map(\.seed))
    func crasherSeedBuildsWithFindingsNamingFiles(seed: UInt64) throws {
        let (scratch, copy) = try Self.scratchCopy()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let start = ContinuousClock.now
        let outcome = try SiteFuzz.run(seed: seed, copy: copy)
        #expect(ContinuousClock.now - start < .seconds(120))
        #expect(outcome.problems.isEmpty, "\(outcome.mutations) \(outcome.problems)")
        #expect(!outcome.mutations.isEmpty)
        // A seed's mutations depend on the example site's files, which change as the example
        // grows: the value each seed first found is replayed for good by ContentValueTests and
        // FormatRangeTests. Here it must still build without crash, hang or an unnamed finding.
    }

    /// A seed names the same mutations every time, and `restore` leaves the copy as it was.
    @Test func seedsAreDeterministicAndRestored() throws {
        let (scratch, copy) = try Self.scratchCopy()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let files = { try SiteMutator.contentFiles(in: copy).map { try Data(contentsOf: copy.appendingPathComponent($0)) } }
        let before = try files()
        for seed: UInt64 in [1, 2, 3, 44, 60] {
            let mutator = SiteMutator(folder: copy)
            let first = try mutator.apply(seed: seed).map(\.description)
            try mutator.restore()
            #expect(try files() == before)
            let second = try mutator.apply(seed: seed).map(\.description)
            try mutator.restore()
            #expect(first == second && !first.isEmpty)
        }
        #expect(try files() == before)
    }

    @Test func oracleRefusesAFindingWithoutAFileOfTheSite() throws {
        let (scratch, copy) = try Self.scratchCopy()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let good = Diagnostic.error("x", at: SourceLocation(path: "content/site.yaml", line: 2), "Lỗi.")
        let nowhere = Diagnostic.error("x", at: SourceLocation(path: ""), "Lỗi.")
        let missing = Diagnostic.error("x", at: SourceLocation(path: "content/khong-co.md", line: 1), "Lỗi.")
        #expect(SiteFuzz.problems(in: [good], site: copy).isEmpty)
        #expect(SiteFuzz.problems(in: [nowhere, missing], site: copy).count == 2)
    }
}
