import CongKhaiModel

/// What Word, Notepad and phones put into YAML that an editor cannot see: curly quotes typed
/// for straight ones and non-breaking spaces. libyaml would report them as indentation errors
/// or keep the quotes in the text; where the intent is unambiguous they are normalised with a
/// warning that names the character, otherwise reported as an error at the right line.
enum OfficeArtefacts {
    static let nonBreakingSpaces: Set<Character> = ["\u{00A0}", "\u{2007}", "\u{202F}"]

    /// The YAML with the safe repairs made; nil (after an error) when a quote cannot be repaired.
    static func repair(_ yaml: String, path: String, lineOffset: Int, log: DiagnosticLog) -> String? {
        // Almost no file has either: one scan of the bytes answers that (E2 80 9C/9D/87/AF, C2 A0),
        // then the characters are checked.
        guard yaml.utf8.contains(where: { $0 == 0xE2 || $0 == 0xC2 }),
              yaml.contains(where: { $0 == "“" || $0 == "”" || nonBreakingSpaces.contains($0) }) else { return yaml }
        var lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var failed = false
        for index in lines.indices {
            let at = SourceLocation(path: path, line: index + 1 + lineOffset, column: 1)
            if let fixed = indentation(lines[index]) {
                lines[index] = fixed
                log.report(.warning("yaml.nbsp", at: at,
                                    "Dòng này có dấu cách không ngắt (U+00A0, thường do chép từ Word hoặc trang web) ở đầu dòng hoặc sau dấu hai chấm; CongKhai đã coi nó là dấu cách thường.",
                                    hint: "Xóa các khoảng trắng đó rồi gõ lại bằng phím cách."))
            }
            switch quotes(lines[index]) {
            case .none: break
            case let .repaired(text, message):
                lines[index] = text
                log.report(.warning("yaml.smart-quotes", at: at, message,
                                    hint: "Dùng ngoặc kép thẳng \" (phím Shift và phím ') để bao giá trị; Word tự đổi nó thành “ ” nên hãy sửa tệp bằng Notepad."))
            case let .ambiguous(message):
                failed = true
                log.report(.error("yaml.smart-quotes", at: at, message,
                                  hint: "Đóng giá trị bằng ngoặc kép thẳng \" ở cuối, ví dụ: `tieu_de: \"Hội nghị “Dân vận khéo”\"`."))
            }
        }
        return failed ? nil : lines.joined(separator: "\n")
    }

    /// `{ so: “12/QĐ-UBND”, ngay: … }` or `[“a”, “b”]`: a value that opens right after `[ { , :`
    /// in curly quotes and holds no other quote is given straight quotes; nil when there is none.
    static func flowQuotes(_ value: String) -> String? {
        var result = ""
        var changed = false
        var rest = Substring(value)
        while let open = rest.firstIndex(of: "“") {
            let before = result + rest[..<open]
            let opensValue = before.last(where: { $0 != " " }).map { "[{,:".contains($0) } ?? false
            guard opensValue, let close = rest[rest.index(after: open)...].firstIndex(of: "”"),
                  !rest[rest.index(after: open)..<close].contains(where: { "\"“\\".contains($0) }) else {
                result += rest[...open]
                rest = rest[rest.index(after: open)...]
                continue
            }
            result = before + "\"" + rest[rest.index(after: open)..<close] + "\""
            rest = rest[rest.index(after: close)...]
            changed = true
        }
        return changed ? result + rest : nil
    }

    /// Non-breaking spaces in the indentation, or right after `key:`, become spaces.
    static func indentation(_ line: String) -> String? {
        guard line.contains(where: { nonBreakingSpaces.contains($0) }) else { return nil }
        let indent = line.prefix { $0 == " " || nonBreakingSpaces.contains($0) }
        var rest = Substring(line.dropFirst(indent.count))
        var head = String(repeating: " ", count: indent.count)
        if rest.hasPrefix("-"), rest.dropFirst().first.map({ $0 == " " || nonBreakingSpaces.contains($0) }) == true {
            head += "- "
            rest = rest.dropFirst(2)
            let more = rest.prefix { $0 == " " || nonBreakingSpaces.contains($0) }
            head += String(repeating: " ", count: more.count)
            rest = rest.dropFirst(more.count)
        }
        if let colon = keyColon(rest), rest[rest.index(after: colon)...].first.map({ nonBreakingSpaces.contains($0) }) == true {
            let afterColon = rest[rest.index(after: colon)...]
            let spaces = afterColon.prefix { $0 == " " || nonBreakingSpaces.contains($0) }
            rest = rest[...colon] + Substring(String(repeating: " ", count: spaces.count)) + afterColon.dropFirst(spaces.count)
        }
        let fixed = head + rest
        return fixed == line ? nil : fixed
    }

    /// The colon ending a plain key (`tieu_de:`), if the line starts with one.
    static func keyColon(_ text: Substring) -> Substring.Index? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let key = text[..<colon]
        guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else { return nil }
        return colon
    }

    enum QuoteFinding {
        case repaired(String, String)
        case ambiguous(String)
    }

    /// A whole value in curly quotes, or straight and curly quotes mixed at its two ends.
    static func quotes(_ line: String) -> QuoteFinding? {
        guard line.contains("“") || line.contains("”") else { return nil }
        var head = Substring(line.prefix { $0 == " " })
        var rest = line.dropFirst(head.count)
        if rest.hasPrefix("- ") {
            head += "- "
            rest = rest.dropFirst(2)
        }
        if let colon = keyColon(rest), rest[rest.index(after: colon)...].first == " " {
            head += rest[...colon]
            rest = rest[rest.index(after: colon)...]
        }
        let spaces = rest.prefix { $0 == " " }
        head += spaces
        let value = rest.dropFirst(spaces.count).trimmingWhitespace()
        guard value.count >= 2, let first = value.first, let last = value.last else { return nil }
        if first == "[" || first == "{" {
            guard let repaired = flowQuotes(value) else { return nil }
            return .repaired(head + repaired,
                             "Giá trị trong danh sách hoặc nhóm được bao bằng ngoặc kép cong “…” (Word tự đổi); CongKhai đã coi chúng là ngoặc kép thẳng \"…\".")
        }
        let inner = value.dropFirst().dropLast()
        switch (first, last) {
        case ("“", "”"), ("”", "”"), ("“", "“"):
            let escaped = inner.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return .repaired(head + "\"" + escaped + "\"",
                             "Giá trị được bao bằng ngoặc kép cong “…” (Word tự đổi); CongKhai đã coi chúng là ngoặc kép thẳng \"…\" và không đưa chúng vào nội dung.")
        case ("\"", "”"), ("“", "\""):
            guard !inner.contains("\""), !inner.contains("“"), !inner.contains("”") else {
                return .ambiguous("Giá trị mở bằng ngoặc kép \(first == "\"" ? "thẳng \"" : "cong “") nhưng kết thúc bằng ngoặc kép \(last == "\"" ? "thẳng \"" : "cong ”"), và bên trong còn ngoặc kép khác: không rõ dấu nào đóng giá trị.")
            }
            return .repaired(head + "\"" + inner + "\"",
                             "Ngoặc kép mở bằng \(first == "\"" ? "dấu thẳng \" nhưng đóng bằng dấu cong ”" : "dấu cong “ nhưng đóng bằng dấu thẳng \"") (Word tự đổi); CongKhai đã coi cả hai là ngoặc kép thẳng.")
        default:
            return nil
        }
    }
}
