import CongKhaiLoad
import CongKhaiModel
import Foundation
import Testing

/// Every input the fuzzers (scripts/fuzz.sh) broke a rule with, kept in Tests/Fixtures/fuzz-crashers/
/// and named `<target>-<what>.<ext>`, plus hostile inputs of the kinds fuzzers reach slowly. Each must
/// load without a crash and leave the editor Vietnamese findings on lines the file has.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let crashers = TestSite.repositoryRoot.appendingPathComponent("Tests/Fixtures/fuzz-crashers")

    static var crasherNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: crashers.path)) ?? []).sorted()
    }

    static func replay(_ name: String) throws -> FuzzReplay.Outcome {
        let prefix = String(name.prefix { $0 != "-" })
        let target = try #require(FuzzReplay.Target(rawValue: prefix), "\(name) does not start with a target name")
        return FuzzReplay.run(try Data(contentsOf: crashers.appendingPathComponent(name)), through: target)
    }

    @Test func crashersAreKept() {
        #expect(Self.crasherNames.count >= 4)
    }

    @Test(arguments: crasherNames)
    func crasherLoadsWithSoundFindings(_ name: String) throws {
        let outcome = try Self.replay(name)
        #expect(outcome.problems == [], "\(name)")
        #expect(!outcome.diagnostics.isEmpty, "\(name): a broken file must be reported")
    }

    /// libyaml puts the end of a text without a final line break on a line of its own.
    @Test func yamlErrorAtTheEndStaysOnTheLastLine() throws {
        let outcome = try Self.replay("yaml-end-of-stream-line.yaml")
        let syntax = try #require(outcome.diagnostics.first { $0.key == "yaml.syntax" })
        #expect(syntax.location.line == 15)
        #expect(syntax.message.hasPrefix("Cú pháp YAML không hợp lệ"))

        let minimal = FuzzReplay.run(Data("a: 1\nb".utf8), through: .yaml)
        #expect(minimal.problems == [])
        #expect(minimal.diagnostics.filter { $0.key == "yaml.syntax" }.map(\.location.line) == [2])
    }

    /// An empty value at the very end of a text without a final line break: `---` alone, a last
    /// list item with nothing after the dash, a last key without value.
    @Test func emptyValueAtTheEndStaysOnTheLastLine() throws {
        let document = try Self.replay("yaml-empty-document-at-end.yaml")
        #expect(document.problems == [])
        #expect(document.diagnostics.contains { $0.key == "yaml.not-mapping" && $0.location.line == 1 })

        let item = FuzzReplay.run(Data("tieu_de: Phí\nphi:\n  -".utf8), through: .yaml)
        #expect(item.problems == [])
        #expect(item.diagnostics.contains { $0.key == "yaml.not-mapping" && $0.location.line == 3 })
        let nested = FuzzReplay.run(Data("---\nphi:\n  - id: a\n    van_ban:\n      -\n---\n".utf8), through: .frontMatter)
        #expect(nested.problems == [])
        let key = FuzzReplay.run(Data("tieu_de: Phí\n?".utf8), through: .yaml)
        #expect(key.problems == [])
    }

    /// A line separator (U+2028) is no line break in an editor; libyaml counted it as one.
    @Test func lineSeparatorDoesNotShiftYAMLLines() throws {
        let outcome = try Self.replay("yaml-line-separator.yaml")
        #expect(outcome.problems == [])
        let syntax = try #require(outcome.diagnostics.first { $0.key == "yaml.syntax" })
        #expect(syntax.location.line == 1)
        #expect(syntax.message.contains("dấu hai chấm"))
    }

    /// Form feeds (and NEL, U+2028…) are not record breaks, so CSV lines match the editor's.
    @Test func formFeedIsNoCSVLineBreak() throws {
        let outcome = try Self.replay("csv-form-feed-lines.csv")
        #expect(outcome.problems == [])
        let table = CSVTable.parse("a\u{0C}b\u{0C}c\nd\u{2028}e\u{85}f\r\ng").records
        #expect(table.map(\.line) == [1, 2, 3])
        #expect(table.first?.fields.first?.text == "a\u{0C}b\u{0C}c")
    }

    /// A lone CR before a combining mark was left in place by String's own search (grapheme
    /// based), but ended a CSV record: lines then ran past the end of the file.
    @Test func carriageReturnBeforeCombiningMarkIsALineEnd() throws {
        let outcome = try Self.replay("csv-carriage-return-before-combining-mark.csv")
        #expect(outcome.problems == [])
        #expect(SourceText(path: "a", text: "a\r\u{61A}b\r\n\u{301}c\rd").text == "a\n\u{61A}b\n\u{301}c\nd")
        #expect(SourceText(path: "a", text: "\u{FEFF}a\r\nb\n\rc").text == "a\nb\n\nc")
    }

    /// Two amounts near Int.max under one heading overflowed the heading's total.
    @Test func hugeAmountsAreReportedNotSummed() throws {
        let outcome = try Self.replay("csv-amount-overflow.csv")
        #expect(outcome.problems == [])
        let amounts = outcome.diagnostics.filter { $0.key == "budget.amount" }
        #expect(amounts.map(\.location.line) == [3, 4])
        #expect(amounts.allSatisfy { $0.message.contains("không phải một số tiền") })
        #expect(AmountParser.parse("999.999.999.999.999") == 999_999_999_999_999)
        #expect(AmountParser.parse("1.000.000.000.000.000") == nil)

        var rows = [BudgetRow(stt: "I", content: "Tổng", level: 1, line: 2),
                    BudgetRow(stt: "1", content: "A", level: 2, line: 3),
                    BudgetRow(stt: "2", content: "B", level: 2, line: 4)]
        rows[1].amounts["x"] = Int.max
        rows[2].amounts["x"] = 1
        BudgetTable.compute(&rows, columns: [BudgetColumn(id: "x", title: "x", kind: .amount)])
        #expect(rows[0].amounts["x"] == nil)
    }
}
