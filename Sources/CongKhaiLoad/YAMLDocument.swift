import CongKhaiModel
import Yams

/// Parses YAML into Yams nodes (which keep their line and column) and turns every
/// syntax problem into a Vietnamese diagnostic at the right line of the editor's file.
public enum YAMLDocument {
    /// `lineOffset` is added to Yams' lines: front matter starts below the `---` line.
    public static func parse(_ typed: String, path: String, lineOffset: Int = 0, log: DiagnosticLog) -> Node? {
        value(typed, path: path, lineOffset: lineOffset, log: log)?.node
    }

    /// The text's value, or nil after its problems are reported.
    public static func value(_ typed: String, path: String, lineOffset: Int = 0, log: DiagnosticLog) -> YAMLValue? {
        // One pass over the bytes says which of the checks below can find anything.
        var facts = YAMLTextFacts(typed)
        // Word's curly quotes and non-breaking spaces are named (and repaired where safe) first.
        var repaired = typed
        if facts.mayHoldOfficeArtefacts {
            guard let fixed = OfficeArtefacts.repair(typed, path: path, lineOffset: lineOffset, log: log) else { return nil }
            repaired = fixed
            facts = YAMLTextFacts(fixed)
        }
        if facts.hasTab, let tabLine = firstIndentingTab(repaired) {
            log.report(.error("yaml.tab", at: SourceLocation(path: path, line: tabLine + lineOffset, column: 1),
                              "Dòng này thụt lề bằng phím Tab; YAML chỉ chấp nhận dấu cách.",
                              hint: "Thay mỗi Tab ở đầu dòng bằng hai dấu cách."))
            return nil
        }
        // libyaml (YAML 1.1) also breaks lines at NEL, LS and PS, which editors show inside a line:
        // as spaces, the lines it reports are the lines the editor sees.
        var yaml = repaired
        if facts.hasLineSeparators {
            yaml = String(repaired.map { $0 == "\u{85}" || $0 == "\u{2028}" || $0 == "\u{2029}" ? " " : $0 })
            facts = YAMLTextFacts(yaml)
        }
        if facts.mayHoldAliases, let line = YAMLBudget.exceeded(yaml) {
            log.report(YAMLBudget.diagnostic(path: path, line: line, lineOffset: lineOffset))
            return nil
        }
        // Without a final line break libyaml places an empty last value below the last line.
        let lastLine = (facts.endsWithLineBreak ?? yaml.hasSuffix("\n")) ? nil : facts.lines
        do {
            // An empty document is an empty mapping: the caller then reports missing fields, not a syntax error.
            return try compose(yaml, lastLine: lastLine) ?? .mapping(YAMLValue.Mapping(pairs: [], mark: nil))
        } catch let error as YamlError {
            log.report(diagnostic(for: error, path: path, lineOffset: lineOffset, lastLine: facts.lines))
            return nil
        } catch {
            log.report(.error("yaml.syntax", at: SourceLocation(path: path, line: lineOffset + 1),
                              "Không đọc được nội dung YAML."))
            return nil
        }
    }

    /// Tests set this to read every text through Yams, the path of the texts the event reader
    /// leaves to it, and compare what the loaders make of both.
    @TaskLocal static var readsWithYams = false

    static func lineCount(_ text: String) -> Int {
        text.utf8.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    }

    /// The value of `Yams.compose(yaml:, .basic, .default, .utf8)`, read from libyaml's events
    /// when the text is well formed; Yams itself reads the rest and throws its errors.
    /// `.basic`: every scalar stays text (MappingReader reads numbers, dates and booleans itself in
    /// Vietnamese terms), and Yams skips its regular-expression tag guessing, a tenth of the build.
    /// `.utf8`: the default encoding is looked up in the process environment (rebuilt as a
    /// dictionary) on every call; Swift strings are UTF-8 and libyaml reads them as they are.
    static func compose(_ yaml: String, lastLine: Int?) throws -> YAMLValue? {
        switch readsWithYams ? .needsYams : YAMLEventReader.compose(yaml, lastLine: lastLine) {
        case .empty: return nil
        case let .root(value): return value
        case .needsYams:
            guard let node = try Yams.compose(yaml: yaml, .basic, .default, .utf8) else { return nil }
            let value = YAMLValue(node)
            return lastLine.map { value.keepingEndInside(lastLine: $0, holder: nil) } ?? value
        }
    }

    /// `lastLine` is the YAML's last line: at the end of a text without a final line break libyaml
    /// moves to a line of its own, which the editor's file does not have.
    static func diagnostic(for error: YamlError, path: String, lineOffset: Int, lastLine: Int) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, detected, _), let .parser(context, problem, detected, _), let .composer(context, problem, detected, _):
            // An unclosed bracket or quote is detected lines later; the editor must fix where it opened.
            let opensEarlier = problem.contains("did not find expected ','") || problem.contains("unexpected end of stream")
                || problem.contains("found unexpected end of stream")
            let mark = opensEarlier ? (context?.mark ?? detected) : detected
            let line = min(mark.line, lastLine)
            return .error("yaml.syntax", at: SourceLocation(path: path, line: line + lineOffset, column: line == mark.line ? mark.column : 0),
                          "Cú pháp YAML không hợp lệ: \(explain(problem)).",
                          hint: "Mỗi dòng có dạng `khoa: gia tri`; văn bản có dấu hai chấm hay bắt đầu bằng [ { # thì đặt trong ngoặc kép.")
        case let .duplicatedKeysInMapping(duplicates, context):
            let names = duplicates.map { "“\($0)”" }.joined(separator: ", ")
            return .error("yaml.duplicate-key", at: SourceLocation(path: path, line: context.mark.line + lineOffset, column: context.mark.column),
                          "Khóa \(names) xuất hiện hai lần trong cùng một nhóm.",
                          hint: "Giữ lại một dòng và xóa dòng còn lại.")
        case let .reader(_, offset, _, _):
            return .error("yaml.encoding", at: SourceLocation(path: path, line: lineOffset + 1),
                          "Tệp có ký tự không đọc được\(offset.map { " (vị trí \($0))" } ?? "").",
                          hint: "Lưu lại tệp với mã hóa UTF-8.")
        default:
            return .error("yaml.syntax", at: SourceLocation(path: path, line: lineOffset + 1),
                          "Không đọc được nội dung YAML.")
        }
    }

    /// libyaml's English problems, in words an editor understands.
    static func explain(_ problem: String) -> String {
        let known: [(String, String)] = [
            ("mapping values are not allowed", "có dấu hai chấm “:” ở chỗ không được phép (văn bản có dấu hai chấm cần đặt trong ngoặc kép)"),
            ("did not find expected key", "thụt lề không đều hoặc thiếu dấu hai chấm sau tên khóa"),
            ("did not find expected ',' or ']'", "danh sách mở bằng “[” nhưng không đóng bằng “]”"),
            ("did not find expected ',' or '}'", "nhóm mở bằng “{” nhưng không đóng bằng “}”"),
            ("did not find expected '-' indicator", "danh sách thụt lề không đều"),
            ("found unexpected end of stream", "nội dung kết thúc giữa chừng (thiếu dấu ngoặc kép hoặc ngoặc đóng)"),
            ("found character that cannot start any token", "có ký tự không được phép ở đầu giá trị (ví dụ Tab, @ hoặc `)"),
            ("could not find expected ':'", "thiếu dấu hai chấm sau tên khóa"),
            ("found undefined alias", "dùng bí danh (*) chưa được định nghĩa"),
            ("block sequence entries are not allowed", "dòng danh sách “-” đặt sai chỗ"),
            ("found unknown escape character", "dấu gạch chéo ngược “\\” trong ngoặc kép không hợp lệ"),
            ("found a tab character", "có ký tự Tab; YAML chỉ chấp nhận dấu cách"),
            ("Maximum nesting level reached", "các nhóm, danh sách lồng nhau quá 1000 tầng"),
        ]
        for (english, vietnamese) in known where problem.contains(english) {
            return vietnamese
        }
        return "cấu trúc không đúng ở vị trí này"
    }

    /// Whether the text holds NEL, LS or PS (C2 85, E2 80 A8, E2 80 A9), read from the bytes:
    /// a scan of Characters over every front matter cost more than libyaml's own.
    static func hasLineSeparators(_ text: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            if (previous.1 == 0xC2 && byte == 0x85) || (previous == (0xE2, 0x80) && (byte == 0xA8 || byte == 0xA9)) { return true }
            previous = (previous.1, byte)
        }
        return false
    }

    /// libyaml reports a tab in indentation at an unhelpful place; find it ourselves.
    static func firstIndentingTab(_ yaml: String) -> Int? {
        // Almost no file has a tab at all: one byte scan answers that.
        guard yaml.utf8.contains(UInt8(ascii: "\t")) else { return nil }
        var lineNumber = 0
        for line in yaml.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let indentation = line.prefix { $0 == " " || $0 == "\t" }
            if indentation.contains("\t") && indentation.count < line.count { return lineNumber }
        }
        return nil
    }
}
