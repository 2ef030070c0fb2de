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

    @Test(arguments: crashers.map { ($0.seed, $0.file, $0.key) })
    func crasherSeedBuildsWithFindingsNamingFiles(seed: UInt64, file: String, key: String) throws {
        let (scratch, copy) = try Self.scratchCopy()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let start = ContinuousClock.now
        let outcome = try SiteFuzz.run(seed: seed, copy: copy)
        #expect(ContinuousClock.now - start < .seconds(120))
        #expect(outcome.problems.isEmpty, "\(outcome.mutations) \(outcome.problems)")
        // The value that used to crash or hang is now a finding at its file.
        #expect(outcome.diagnostics.contains { $0.key.hasPrefix(key) && $0.location.path == file },
                "\(outcome.mutations)")
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
