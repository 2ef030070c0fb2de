@testable import CongKhaiLoad
import CongKhaiModel
import Foundation
import Testing

/// The event reader and Yams must give the loaders the same thing: for every front matter and
/// YAML file of the repository (and the bad-input corpus), the value and every finding are the
/// same whichever of the two read the text.
@Suite("YAML: the event reader and Yams load the same")
struct YAMLPathsTests {
    /// The value as text and the findings, of a text read as `FrontMatter.open` or `YAMLDocument.value` reads it.
    static func load(_ source: SourceText, isMarkdown: Bool) -> String {
        let log = DiagnosticLog()
        var described = "-"
        if isMarkdown {
            if let (reader, _, root) = FrontMatter.open(source, what: "Trang", example: "", log: log) {
                described = YAMLEventReaderTests.describe(root) + " \(reader.start)"
            }
        } else if let value = YAMLDocument.value(source.text, path: source.path, log: log) {
            described = YAMLEventReaderTests.describe(value)
        }
        return described + "\n" + log.all.map(\.formatted).joined(separator: "\n")
    }

    @Test func everyFileLoadsTheSameThroughEitherReader() throws {
        var compared = 0
        for url in TestSite.repositoryYAMLFiles() {
            guard let source = SourceText.read(url, displayPath: url.path, log: DiagnosticLog()) else { continue }
            let isMarkdown = url.pathExtension == "md"
            let fast = Self.load(source, isMarkdown: isMarkdown)
            let yams = YAMLDocument.$readsWithYams.withValue(true) { Self.load(source, isMarkdown: isMarkdown) }
            #expect(fast == yams, "\(url.path)")
            compared += 1
        }
        #expect(compared > 100)
    }
}
