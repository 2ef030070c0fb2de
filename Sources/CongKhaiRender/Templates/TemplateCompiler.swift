/// Compiling a template into `FastTemplate`'s tokens, after swift-mustache's Template+Parser
/// and with the same rules (standalone lines, partial indentation); anything this engine does
/// not render throws `Unsupported`, and swift-mustache renders that template instead. Tags are
/// read by `TemplateReader`, the same reading the syntax check (`TemplateScanner`) reports from.
extension FastTemplate {
    static func compile(_ text: String) throws -> FastTemplate {
        var reader = TemplateReader(text)
        return try parse(&reader, section: nil, newLine: true)
    }

    private static let nameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    private static func parse(_ reader: inout TemplateReader, section: String?, newLine startsOnNewLine: Bool) throws -> FastTemplate {
        var tokens: [Token] = []
        var newLine = startsOnNewLine
        var whiteSpaceBefore = ""
        func flushWhiteSpace() {
            if !whiteSpaceBefore.isEmpty {
                tokens.append(.text(Array(whiteSpaceBefore.utf8)))
                whiteSpaceBefore = ""
            }
        }
        while !reader.atEnd {
            if newLine {
                whiteSpaceBefore = reader.read { $0 == " " || $0 == "\t" }
            }
            var text = ""
            var foundTag = false
            while !reader.atEnd {
                let character = reader.current
                if character == "\n" || character == "\r\n" { break }
                if character == "{", reader.read("{{") { foundTag = true; break }
                text.append(character)
                reader.position += 1
            }
            if !foundTag, !reader.atEnd {
                tokens.append(.text(Array((whiteSpaceBefore + text + String(reader.current)).utf8)))
                whiteSpaceBefore = ""
                newLine = true
                reader.position += 1
                continue
            }
            if !text.isEmpty {
                tokens.append(.text(Array((whiteSpaceBefore + text).utf8)))
                whiteSpaceBefore = ""
                newLine = false
            }
            if reader.atEnd {
                if !foundTag { break }
                throw Unsupported.feature
            }
            guard let tag = reader.readTag() else { throw Unsupported.feature }
            var setNewLine = false
            switch tag.sigil {
            case "#", "^":
                let name = try parseName(tag.content)
                if isStandalone(&reader, newLine: newLine) { setNewLine = true } else { flushWhiteSpace() }
                let body = try parse(&reader, section: tag.content, newLine: setNewLine)
                tokens.append(.section(name, body, inverted: tag.sigil == "^"))
            case "/":
                _ = try parseName(tag.content)
                guard tag.content == section else { throw Unsupported.feature }
                if !isStandalone(&reader, newLine: newLine) { flushWhiteSpace() }
                return FastTemplate(tokens)
            case "!":
                setNewLine = isStandalone(&reader, newLine: newLine)
            case "{", "&":
                flushWhiteSpace()
                tokens.append(.variable(try parseName(tag.content), escaped: false))
            case ">":
                guard !tag.content.hasPrefix("*"), tag.content.allSatisfy(partialCharacters.contains) else { throw Unsupported.feature }
                if !whiteSpaceBefore.isEmpty { tokens.append(.text(Array(whiteSpaceBefore.utf8))) }
                if isStandalone(&reader, newLine: newLine) {
                    setNewLine = true
                    tokens.append(.partial(tag.content, indentation: Array(whiteSpaceBefore.utf8)))
                } else {
                    tokens.append(.partial(tag.content, indentation: nil))
                }
                whiteSpaceBefore = ""
            case nil:
                flushWhiteSpace()
                tokens.append(.variable(try parseName(tag.content), escaped: true))
            default:
                // Inheritance, set delimiters, pragmas: swift-mustache renders those templates.
                throw Unsupported.feature
            }
            newLine = setNewLine
        }
        guard section == nil else { throw Unsupported.feature }
        return FastTemplate(tokens)
    }

    private static func isStandalone(_ reader: inout TemplateReader, newLine: Bool) -> Bool {
        guard newLine else { return false }
        if reader.atEnd { return true }
        var probe = reader
        _ = probe.read { $0 == " " || $0 == "\t" }
        if !probe.atEnd, probe.current == "\n" || probe.current == "\r\n" {
            reader.position = probe.position + 1
            return true
        }
        return false
    }

    /// A tag's name split once: `a.b`, `.`, `.a`, and transforms `first(items)`, `count(a.b)`.
    private static func parseName(_ raw: String) throws -> Name {
        guard raw.allSatisfy(nameCharacters.contains) else { throw Unsupported.feature }
        var transforms: [String] = []
        var rest = Substring(raw)
        while let open = rest.firstIndex(of: "(") {
            transforms.append(String(rest[..<open]))
            rest = rest[rest.index(after: open)...]
        }
        let closing = rest.drop { $0 != ")" }
        let variable = String(rest.prefix { $0 != ")" })
        guard closing.count == transforms.count, closing.allSatisfy({ $0 == ")" }) else { throw Unsupported.feature }
        let name: Name
        if variable == "." {
            name = Name(root: .current, parts: [], transforms: transforms)
        } else if variable.isEmpty, !transforms.isEmpty {
            name = Name(root: .sequence, parts: [], transforms: transforms)
        } else if variable.hasPrefix(".") {
            name = Name(root: .anchored, parts: variable.split(separator: ".").map(String.init), transforms: transforms)
        } else {
            name = Name(root: .stack, parts: variable.split(separator: ".").map(String.init), transforms: transforms)
        }
        return name
    }
}
