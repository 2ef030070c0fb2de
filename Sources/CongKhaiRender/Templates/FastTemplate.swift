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

    /// One level of the context stack. A dictionary is cast once, when it is pushed, not at
    /// every name looked up through it (the cast through `Any` was most of a lookup's cost).
    enum Frame {
        case object([String: Any], original: Any)
        case other(Any)

        init(_ value: Any) {
            if type(of: value) != String.self, let object = value as? [String: Any] { self = .object(object, original: value) } else { self = .other(value) }
        }

        var value: Any {
            switch self {
            case let .object(_, original): return original
            case let .other(value): return value
            }
        }
    }

    /// The render's state, changed in place as sections open and close: a section pushes its
    /// item and pops it after, instead of copying the whole stack for every item.
    struct Context {
        var stack: [Frame]
        var sequence: Sequence?
        var indentation: String?
        /// Set while a page's rows are noted for `serve` (`RowLayout`).
        var recorder: RowRecorder?

        init(root: [String: Any]) {
            stack = [.object(root, original: root)]
            stack.reserveCapacity(8)
        }
    }

    func render(_ context: inout Context, partials: [String: FastTemplate], into out: inout String) {
        guard let indentation = context.indentation, !indentation.isEmpty else {
            for token in tokens { renderToken(token, &context, partials: partials, into: &out) }
            return
        }
        let start = out.utf8.count
        for token in tokens {
            // Indent a partial's lines: before any output that follows a line break this
            // template wrote itself (swift-mustache's rule).
            let before = out.utf8.count
            let endedLine = before > start && out.utf8.last == UInt8(ascii: "\n")
            var piece = ""
            renderToken(token, &context, partials: partials, into: &piece)
            if !piece.isEmpty, endedLine { out += indentation }
            out += piece
        }
    }

    private func renderToken(_ token: Token, _ context: inout Context, partials: [String: FastTemplate], into out: inout String) {
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
                if !Self.isTruthy(value) { body.render(&context, partials: partials, into: &out) }
                return
            }
            guard let value else { return }
            if type(of: value) != String.self, let flag = value as? Bool {
                if flag { body.render(&context, partials: partials, into: &out) }
                return
            }
            let saved = context.sequence
            defer { context.sequence = saved }
            switch Self.list(value) {
            case let .objects(items):
                if renderNotingRows(items, body: body, &context, partials: partials, into: &out) { return }
                for (index, item) in items.enumerated() {
                    context.stack.append(.object(item, original: item))
                    context.sequence = Sequence(first: index == 0, last: index == items.count - 1, index: index)
                    body.render(&context, partials: partials, into: &out)
                    context.stack.removeLast()
                }
            case let .values(items):
                for (index, item) in items.enumerated() {
                    context.stack.append(Frame(item))
                    context.sequence = Sequence(first: index == 0, last: index == items.count - 1, index: index)
                    body.render(&context, partials: partials, into: &out)
                    context.stack.removeLast()
                }
            case nil:
                context.stack.append(Frame(value))
                context.sequence = nil
                body.render(&context, partials: partials, into: &out)
                context.stack.removeLast()
            }
        case let .partial(name, indentation):
            guard let template = partials[name] else { return }
            guard let indentation else {
                template.render(&context, partials: partials, into: &out)
                return
            }
            let saved = context.indentation
            context.indentation = (saved ?? "") + indentation
            template.render(&context, partials: partials, into: &out)
            context.indentation = saved
        }
    }

    /// The types nearly every value has: known at a pointer comparison not to be an Optional.
    private static func isPlain(_ value: Any) -> Bool {
        let dynamicType = type(of: value)
        return dynamicType == String.self || dynamicType == [String: Any].self || dynamicType == [[String: Any]].self || dynamicType == Bool.self
            || dynamicType == Int.self
    }

    private static func isTruthy(_ value: Any?) -> Bool {
        guard let value else { return false }
        if type(of: value) == String.self { return true }
        if let flag = value as? Bool { return flag }
        if let items = list(value) { return items.count > 0 }
        return true
    }

    enum List {
        case objects([[String: Any]])
        case values([Any])

        var count: Int {
            switch self {
            case let .objects(items): return items.count
            case let .values(items): return items.count
            }
        }

        var asArray: [Any] {
            switch self {
            case let .objects(items): return items
            case let .values(items): return items
            }
        }
    }

    /// Arrays render as lists; concrete casts first (a cast to `[Any]` copies the array).
    private static func list(_ value: Any) -> List? {
        let dynamicType = type(of: value)
        if dynamicType == String.self || dynamicType == Int.self || dynamicType == Bool.self || dynamicType == [String: Any].self { return nil }
        if let items = value as? [[String: Any]] { return .objects(items) }
        if let items = value as? [String] { return .values(items) }
        if value is String || value is Int || value is Bool || value is [String: Any] { return nil }
        return (value as? [Any]).map(List.values)
    }

    private static func lookup(_ name: Name, in context: Context) -> Any? {
        var value: Any?
        switch name.root {
        case .current:
            value = context.stack.last?.value
        case .sequence:
            guard let sequence = context.sequence else { return nil }
            return sequenceTransform(sequence, name.transforms)
        case .anchored:
            guard let frame = context.stack.last else { return nil }
            guard case let .object(object, _) = frame, let first = name.parts.first else {
                value = child(of: frame.value, name.parts[...])
                break
            }
            value = object[first].flatMap(unwrap).flatMap { child(of: $0, name.parts.dropFirst()) }
        case .stack:
            guard let first = name.parts.first else { return nil }
            // The first object that has the key wins, even when its value is an empty Optional.
            for frame in context.stack.reversed() {
                if case let .object(dictionary, _) = frame, let raw = dictionary[first] {
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
        // Comparing the dynamic type is a pointer comparison; each `is` is a runtime cast.
        if isPlain(value) { return value }
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
        if let list = list(value) {
            let items = list.asArray
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
        if type(of: value) == String.self { return value as! String }
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
