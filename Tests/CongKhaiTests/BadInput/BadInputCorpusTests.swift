@testable import CongKhaiBuild
import CongKhaiModel
import Foundation
import Testing

/// Runs every case of Tests/Fixtures/bad-inputs/: the build must answer with exactly the
/// diagnostics in the case's `expected.yaml` (none missing, none extra), and when one of them
/// is an error, the previously published site must be left as it was.
@Suite("Bad-input corpus")
struct BadInputCorpusTests {
    @Test func corpusHasAtLeastSixtyCases() {
        #expect(BadInputCase.all.count >= 60)
    }

    @Test(arguments: BadInputCase.all)
    func answersExactlyAsExpected(_ badCase: BadInputCase) throws {
        let site = try badCase.makeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let output = site.appendingPathComponent("public")
        try publishPreviousSite(at: output)

        let options = BuildOptions(siteFolder: site, outputFolder: output, asOf: CalendarDate(year: 2026, month: 11, day: 23)!)
        let result = Pipeline.run(options)
        // Written as `congkhai build` does: only a build without errors replaces the output.
        if result.errorCount == 0 {
            #expect(OutputWriter.write(result.files, to: output, force: false) == nil)
        }

        let actual = result.diagnostics.map {
            BadInputCase.Expected(file: $0.location.path, line: $0.location.line, severity: $0.severity, key: $0.key)
        }
        let expected = badCase.diagnostics.map { BadInputCase.Expected(file: $0.file, line: $0.line, severity: $0.severity, key: $0.key) }
        let same = actual.sorted() == expected.sorted()
        #expect(same, """
            \(badCase.name): \(badCase.description)
            expected:
            \(expected.sorted().map { "  " + $0.identity }.joined(separator: "\n"))
            actual:
            \(result.diagnostics.map { "  " + $0.formatted.replacingOccurrences(of: "\n", with: "\n  ") }.joined(separator: "\n"))
            """)

        for item in badCase.diagnostics where item.message != nil || item.hint != nil {
            let matching = result.diagnostics.filter {
                $0.location.path == item.file && $0.location.line == item.line && $0.severity == item.severity && $0.key == item.key
            }
            #expect(matching.contains { diagnostic in
                item.message.map { diagnostic.message.contains($0) } ?? true
                    && item.hint.map { (diagnostic.hint ?? "").contains($0) } ?? true
            }, "\(badCase.name): no \(item.identity) with message “\(item.message ?? "")” and hint “\(item.hint ?? "")”: \(matching.map(\.formatted))")
        }
        for diagnostic in result.diagnostics {
            #expect(Self.isVietnamese(diagnostic.message), "\(badCase.name): message is not Vietnamese: \(diagnostic.message)")
        }

        let hasErrors = badCase.diagnostics.contains { $0.severity == .error }
        let previous = FileManager.default.fileExists(atPath: output.appendingPathComponent("cu.html").path)
        #expect(previous == hasErrors, "\(badCase.name): the previous output must stay exactly when the build has errors")
        for check in badCase.output {
            // Compared byte for byte: Swift's `contains` would match a decomposed text to a precomposed one.
            let data = FileManager.default.contents(atPath: output.appendingPathComponent(check.file).path)
            #expect(data != nil, "\(badCase.name): \(check.file) was not published")
            guard let data else { continue }
            for fragment in check.contains {
                #expect(data.range(of: Data(fragment.utf8)) != nil, "\(badCase.name): \(check.file) lacks “\(fragment)”")
            }
            for fragment in check.absent {
                #expect(data.range(of: Data(fragment.utf8)) == nil, "\(badCase.name): \(check.file) contains “\(fragment)”")
            }
        }
    }

    /// A site published by an earlier build: it must survive a build with errors.
    func publishPreviousSite(at output: URL) throws {
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data((OutputWriter.markerText + "cu.html\n").utf8).write(to: output.appendingPathComponent(OutputWriter.markerName))
        try Data("<p>Trang đã đăng trước đây.</p>\n".utf8).write(to: output.appendingPathComponent("cu.html"))
    }

    /// Every message a user reads carries Vietnamese diacritics; an English message from a
    /// library that slipped through would not.
    static func isVietnamese(_ text: String) -> Bool {
        let marks = "ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
        return text.lowercased().contains { marks.contains($0) }
    }
}
