import Foundation

/// A Mustache template compiled for speed, for the theme's templates.
///
/// swift-mustache stays the reference: it checks syntax (with line numbers) and renders any
/// template that uses what this engine does not do (inheritance `{{<`/`{{$`, set delimiters,
/// dynamic partials, lambdas). Everything else renders here with the same results byte for
/// byte (parsing follows swift-mustache's rules for standalone lines and partial indentation,
/// and the example site is compared in tests): names are split once at compile time, values
/// are read from the `[String: Any]` contexts with concrete casts only, and output goes into
/// one buffer. swift-mustache split every name and asked the runtime for protocol
/// conformances on every lookup, which made it most of the render time. Tags are read by
/// `TemplateReader`, the same reading the syntax check (`TemplateScanner`) reports from, and
/// `{{name}}` is escaped by `MarkupEscape`, the five characters swift-mustache escapes.
final class FastTemplate: @unchecked Sendable {
    indirect enum Token {
        case text(String)
        case variable(Name, escaped: Bool)
        case section(Name, FastTemplate, inverted: Bool)
        case partial(String, indentation: String?)
    }

    struct Name {
        enum Root { case current, sequence, anchored, stack }
        var root: Root
        var parts: [String]
        /// Applied last to first, as swift-mustache does (`a(b(x))` → b, then a).
        var transforms: [String]
    }

    let tokens: [Token]

    init(_ tokens: [Token]) {
        self.tokens = tokens
    }

    enum Unsupported: Error { case feature }

    // MARK: Parsing (after swift-mustache's Template+Parser, same rules)

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
                tokens.append(.text(whiteSpaceBefore))
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
                tokens.append(.text(whiteSpaceBefore + text + String(reader.current)))
                whiteSpaceBefore = ""
                newLine = true
                reader.position += 1
                continue
            }
            if !text.isEmpty {
                tokens.append(.text(whiteSpaceBefore + text))
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
                if !whiteSpaceBefore.isEmpty { tokens.append(.text(whiteSpaceBefore)) }
                if isStandalone(&reader, newLine: newLine) {
                    setNewLine = true
                    tokens.append(.partial(tag.content, indentation: whiteSpaceBefore))
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

    // MARK: Rendering

    struct Sequence {
        var first: Bool
        var last: Bool
        var index: Int
    }

    struct Context {
        var stack: [Any]
        var sequence: Sequence?
        var indentation: String?
    }

    func render(_ context: Context, partials: [String: FastTemplate], into out: inout String) {
        let start = out.utf8.count
        for token in tokens {
            if let indentation = context.indentation, !indentation.isEmpty {
                // Indent a partial's lines: before any output that follows a line break this
                // template wrote itself (swift-mustache's rule).
                let before = out.utf8.count
                let endedLine = before > start && out.utf8.last == UInt8(ascii: "\n")
                var piece = ""
                renderToken(token, context, partials: partials, into: &piece)
                if !piece.isEmpty, endedLine { out += indentation }
                out += piece
            } else {
                renderToken(token, context, partials: partials, into: &out)
            }
        }
    }

    private func renderToken(_ token: Token, _ context: Context, partials: [String: FastTemplate], into out: inout String) {
        switch token {
        case let .text(text):
            out += text
        case let .variable(name, escaped):
            guard let value = Self.lookup(name, in: context) else { return }
            let text = Self.text(of: value)
            if escaped { MarkupEscape.append(text, into: &out) } else { out += text }
        case let .section(name, body, inverted):
            let value = Self.lookup(name, in: context)
            if inverted {
                if !Self.isTruthy(value) { body.render(context, partials: partials, into: &out) }
                return
            }
            switch value {
            case nil:
                return
            case let flag as Bool:
                if flag { body.render(context, partials: partials, into: &out) }
            default:
                if let items = Self.list(value!) {
                    for (index, item) in items.enumerated() {
                        var inner = context
                        inner.stack.append(item)
                        inner.sequence = Sequence(first: index == 0, last: index == items.count - 1, index: index)
                        body.render(inner, partials: partials, into: &out)
                    }
                } else {
                    var inner = context
                    inner.stack.append(value!)
                    inner.sequence = nil
                    body.render(inner, partials: partials, into: &out)
                }
            }
        case let .partial(name, indentation):
            guard let template = partials[name] else { return }
            var inner = context
            if let indentation { inner.indentation = (context.indentation ?? "") + indentation }
            template.render(inner, partials: partials, into: &out)
        }
    }

    private static func isTruthy(_ value: Any?) -> Bool {
        guard let value else { return false }
        if let flag = value as? Bool { return flag }
        if let items = list(value) { return !items.isEmpty }
        return true
    }

    /// Arrays render as lists; concrete casts first (a cast to `[Any]` copies the array).
    private static func list(_ value: Any) -> [Any]? {
        if let items = value as? [[String: Any]] { return items }
        if let items = value as? [String] { return items }
        if value is String || value is Int || value is Bool || value is [String: Any] { return nil }
        return value as? [Any]
    }

    private static func lookup(_ name: Name, in context: Context) -> Any? {
        var value: Any?
        switch name.root {
        case .current:
            value = context.stack.last
        case .sequence:
            guard let sequence = context.sequence else { return nil }
            return sequenceTransform(sequence, name.transforms)
        case .anchored:
            value = context.stack.last.flatMap { child(of: $0, name.parts[...]) }
        case .stack:
            guard let first = name.parts.first else { return nil }
            // The first object that has the key wins, even when its value is an empty Optional.
            for object in context.stack.reversed() {
                if let dictionary = object as? [String: Any], let raw = dictionary[first] {
                    value = unwrap(raw).flatMap { child(of: $0, name.parts.dropFirst()) }
                    break
                }
            }
        }
        guard var current = value.flatMap(unwrap) else { return nil }
        for transform in name.transforms.reversed() {
            guard let next = apply(transform, to: current) else { return nil }
            current = next
        }
        return current
    }

    private static func immediate(_ key: String, of object: Any) -> Any? {
        guard let dictionary = object as? [String: Any], let value = dictionary[key] else { return nil }
        return unwrap(value)
    }

    private static func child(of object: Any, _ parts: ArraySlice<String>) -> Any? {
        var current = object
        for part in parts {
            guard let next = immediate(part, of: current) else { return nil }
            current = next
        }
        return current
    }

    /// `["a": someOptional]` stores the Optional itself; it must read as its value or as nothing.
    private static func unwrap(_ value: Any) -> Any? {
        if value is String || value is Int || value is Bool || value is [String: Any] || value is [[String: Any]] { return value }
        if let optional = value as? any OptionalValue { return optional.wrappedAny.flatMap(unwrap) }
        return value
    }

    private static func sequenceTransform(_ sequence: Sequence, _ transforms: [String]) -> Any? {
        guard let last = transforms.last else { return nil }
        var value: Any
        switch last {
        case "first": value = sequence.first
        case "last": value = sequence.last
        case "index": value = sequence.index
        case "even": value = sequence.index & 1 == 0
        case "odd": value = sequence.index & 1 == 1
        default: return nil
        }
        for transform in transforms.dropLast().reversed() {
            guard let next = apply(transform, to: value) else { return nil }
            value = next
        }
        return value
    }

    private static func apply(_ transform: String, to value: Any) -> Any? {
        if let text = value as? String {
            switch transform {
            case "empty": return text.isEmpty
            case "capitalized": return text.capitalized
            case "lowercased": return text.lowercased()
            case "uppercased": return text.uppercased()
            case "reversed": return String(text.reversed())
            default: return nil
            }
        }
        if let number = value as? Int {
            switch transform {
            case "equalzero": return number == 0
            case "plusone": return number + 1
            case "minusone": return number - 1
            case "even": return number & 1 == 0
            case "odd": return number & 1 == 1
            default: return nil
            }
        }
        if let items = list(value) {
            switch transform {
            case "count": return items.count
            case "empty": return items.isEmpty
            case "first": return items.first
            case "last": return items.last
            case "reversed": return Array(items.reversed())
            default: return nil
            }
        }
        return nil
    }

    private static func text(of value: Any) -> String {
        if let text = value as? String { return text }
        if let number = value as? Int { return String(number) }
        if let flag = value as? Bool { return flag ? "true" : "false" }
        return String(describing: value)
    }
}

protocol OptionalValue {
    var wrappedAny: Any? { get }
}

extension Optional: OptionalValue {
    var wrappedAny: Any? { self.map { $0 as Any } }
}
