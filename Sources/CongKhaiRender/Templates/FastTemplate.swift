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
        let parts: [String]
        /// `parts` as `TemplateKey`s, where they are ones (found once, here).
        let known: [TemplateKey?]
        /// Applied last to first, as swift-mustache does (`a(b(x))` → b, then a).
        var transforms: [String]

        init(root: Root, parts: [String], transforms: [String]) {
            self.root = root
            self.parts = parts
            self.transforms = transforms
            known = parts.map(TemplateKey.named)
        }
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
    /// every name looked up through it; a typed view model (`TemplateNode`) is read through
    /// its own accessor and never cast.
    enum Frame {
        case object([String: Any])
        case node(TemplateNode)
        case value(TemplateValue)

        init(_ value: TemplateValue) {
            switch value {
            case let .object(object): self = .object(object)
            case let .node(node): self = .node(node)
            default: self = .value(value)
            }
        }

        var value: TemplateValue {
            switch self {
            case let .object(object): return .object(object)
            case let .node(node): return .node(node)
            case let .value(value): return value
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
        /// The chrome kept across pages (`PartialMemo`), when the render may use it.
        var memo: PartialMemo?

        init(root: [String: Any]) {
            stack = [.object(root)]
            stack.reserveCapacity(8)
        }

        init(root: TemplateNode) {
            stack = [.node(root)]
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
            if case let .text(text) = value {
                if escaped { MarkupEscape.append(text, into: &out) } else { out += text }
                return
            }
            let text = Self.text(of: value)
            if escaped { MarkupEscape.append(text, into: &out) } else { out += text }
        case let .section(name, body, inverted):
            let value = Self.lookup(name, in: context)
            if inverted {
                if !Self.isTruthy(value) { body.render(&context, partials: partials, into: &out) }
                return
            }
            guard let value else { return }
            if case let .flag(flag) = value {
                if flag { body.render(&context, partials: partials, into: &out) }
                return
            }
            let saved = context.sequence
            defer { context.sequence = saved }
            switch Self.list(value) {
            case let .objects(items):
                if renderNotingRows(items, body: body, &context, partials: partials, into: &out) { return }
                for (index, item) in items.enumerated() {
                    context.stack.append(.object(item))
                    context.sequence = Sequence(first: index == 0, last: index == items.count - 1, index: index)
                    body.render(&context, partials: partials, into: &out)
                    context.stack.removeLast()
                }
            case let .nodes(items):
                for (index, item) in items.enumerated() {
                    context.stack.append(.node(item))
                    context.sequence = Sequence(first: index == 0, last: index == items.count - 1, index: index)
                    body.render(&context, partials: partials, into: &out)
                    context.stack.removeLast()
                }
            case let .values(items):
                for (index, item) in items.enumerated() {
                    context.stack.append(TemplateValue(item).map(Frame.init) ?? .value(.other(item)))
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
            if let memo = context.memo, context.stack.count == 1, context.sequence == nil, indentation?.isEmpty ?? true,
               context.indentation?.isEmpty ?? true, memo.render(name, template, &context, partials: partials, into: &out) {
                return
            }
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

    private static func isTruthy(_ value: TemplateValue?) -> Bool {
        guard let value else { return false }
        switch value {
        case .text, .number, .object, .node: return true
        case let .flag(flag): return flag
        case let .objects(items): return !items.isEmpty
        case let .nodes(items): return !items.isEmpty
        case .other: return list(value).map { $0.count > 0 } ?? true
        }
    }

    enum List {
        case objects([[String: Any]])
        case nodes([TemplateNode])
        case values([Any])

        var count: Int {
            switch self {
            case let .objects(items): return items.count
            case let .nodes(items): return items.count
            case let .values(items): return items.count
            }
        }

        var first: TemplateValue? {
            switch self {
            case let .objects(items): return items.first.map(TemplateValue.object)
            case let .nodes(items): return items.first.map(TemplateValue.node)
            case let .values(items): return items.first.flatMap(TemplateValue.init)
            }
        }

        var last: TemplateValue? {
            switch self {
            case let .objects(items): return items.last.map(TemplateValue.object)
            case let .nodes(items): return items.last.map(TemplateValue.node)
            case let .values(items): return items.last.flatMap(TemplateValue.init)
            }
        }

        var reversed: TemplateValue {
            switch self {
            case let .objects(items): return .objects(items.reversed())
            case let .nodes(items): return .nodes(items.reversed())
            case let .values(items): return .other(Array(items.reversed()))
            }
        }
    }

    /// Arrays render as lists; concrete casts first (a cast to `[Any]` copies the array).
    private static func list(_ value: TemplateValue) -> List? {
        switch value {
        case let .objects(items): return .objects(items)
        case let .nodes(items): return .nodes(items)
        case .text, .flag, .number, .object, .node: return nil
        case let .other(box):
            let value = box.value
            if let items = value as? [[String: Any]] { return .objects(items) }
            if let items = value as? [String] { return .values(items) }
            return (value as? [Any]).map(List.values)
        }
    }

    private static func lookup(_ name: Name, in context: Context) -> TemplateValue? {
        var value: TemplateValue?
        switch name.root {
        case .current:
            value = context.stack.last?.value
        case .sequence:
            guard let sequence = context.sequence else { return nil }
            return sequenceTransform(sequence, name.transforms)
        case .anchored:
            guard let frame = context.stack.last else { return nil }
            value = child(of: frame.value, name, from: 0)
        case .stack:
            guard let first = name.parts.first else { return nil }
            // The first object that has the key wins, even when its value is an empty Optional.
            var depth = context.stack.count
            while depth > 0 {
                depth -= 1
                switch context.stack[depth] {
                case let .object(dictionary):
                    guard let raw = dictionary[first] else { continue }
                    value = TemplateValue(raw).flatMap { child(of: $0, name, from: 1) }
                case let .node(node):
                    guard let found = node.child(first, known: name.known[0]) else { continue }
                    value = child(of: found, name, from: 1)
                case .value:
                    continue
                }
                break
            }
        }
        guard var current = value else { return nil }
        for transform in name.transforms.reversed() {
            guard let next = apply(transform, to: current) else { return nil }
            current = next
        }
        return current
    }

    /// `name`'s parts from `start` on, read down from `object`.
    private static func child(of object: TemplateValue, _ name: Name, from start: Int) -> TemplateValue? {
        var current = object
        for index in start..<name.parts.count {
            switch current {
            case let .object(dictionary):
                guard let next = dictionary[name.parts[index]].flatMap(TemplateValue.init) else { return nil }
                current = next
            case let .node(node):
                guard let next = node.child(name.parts[index], known: name.known[index]) else { return nil }
                current = next
            default:
                return nil
            }
        }
        return current
    }

    private static func sequenceTransform(_ sequence: Sequence, _ transforms: [String]) -> TemplateValue? {
        guard let last = transforms.last else { return nil }
        var value: TemplateValue
        switch last {
        case "first": value = .flag(sequence.first)
        case "last": value = .flag(sequence.last)
        case "index": value = .number(sequence.index)
        case "even": value = .flag(sequence.index & 1 == 0)
        case "odd": value = .flag(sequence.index & 1 == 1)
        default: return nil
        }
        for transform in transforms.dropLast().reversed() {
            guard let next = apply(transform, to: value) else { return nil }
            value = next
        }
        return value
    }

    private static func apply(_ transform: String, to value: TemplateValue) -> TemplateValue? {
        switch value {
        case let .text(text):
            switch transform {
            case "empty": return .flag(text.isEmpty)
            case "capitalized": return .text(text.capitalized)
            case "lowercased": return .text(text.lowercased())
            case "uppercased": return .text(text.uppercased())
            case "reversed": return .text(String(text.reversed()))
            default: return nil
            }
        case let .number(number):
            switch transform {
            case "equalzero": return .flag(number == 0)
            case "plusone": return .number(number + 1)
            case "minusone": return .number(number - 1)
            case "even": return .flag(number & 1 == 0)
            case "odd": return .flag(number & 1 == 1)
            default: return nil
            }
        default:
            guard let list = list(value) else { return nil }
            switch transform {
            case "count": return .number(list.count)
            case "empty": return .flag(list.count == 0)
            case "first": return list.first
            case "last": return list.last
            case "reversed": return list.reversed
            default: return nil
            }
        }
    }

    private static func text(of value: TemplateValue) -> String {
        switch value {
        case let .text(text): return text
        case let .number(number): return String(number)
        case let .flag(flag): return flag ? "true" : "false"
        default: return String(describing: TemplateNode.generic(value.any))
        }
    }
}
