/// Rendering a compiled template: tokens in order into one byte buffer, sections pushing their
/// values on the context stack and popping them after.
extension FastTemplate {
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
        /// What each line a partial writes starts with (its tag's indentation), as UTF-8.
        var indentation: [UInt8]?
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

    /// The same render, as text (tests, and callers that want a `String`).
    func render(_ context: inout Context, partials: [String: FastTemplate], into out: inout String) {
        var bytes: [UInt8] = []
        render(&context, partials: partials, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    func render(_ context: inout Context, partials: [String: FastTemplate], into out: inout [UInt8]) {
        if let indentation = context.indentation, !indentation.isEmpty {
            renderIndented(indentation, &context, partials: partials, into: &out)
            return
        }
        // The ops and the text are borrowed in place; names and bodies through unretained
        // references (this template holds them), so that running an op retains nothing.
        textPool.withUnsafeBufferPointer { text in
            ops.withUnsafeBufferPointer { ops in
                for op in ops {
                    switch op {
                    case let .text(start, end):
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<end]))
                    case let .variable(name, escaped):
                        name._withUnsafeGuaranteedRef { Self.renderVariable($0, escaped: escaped, &context, into: &out) }
                    case let .section(name, body, inverted):
                        name._withUnsafeGuaranteedRef { name in
                            body._withUnsafeGuaranteedRef { body in
                                Self.renderSection(name, body: body, inverted: inverted, &context, partials: partials, into: &out)
                            }
                        }
                    case let .partial(index):
                        let tag = partialTags[index]
                        Self.renderPartial(tag.name, indentation: tag.indentation, &context, partials: partials, into: &out)
                    }
                }
            }
        }
    }

    /// The render inside an indented partial: token by token, so that each line starts with
    /// `indentation`.
    private func renderIndented(_ indentation: [UInt8], _ context: inout Context, partials: [String: FastTemplate], into out: inout [UInt8]) {
        let start = out.count
        for token in tokens {
            // Indent a partial's lines: before any output that follows a line break this
            // template wrote itself (swift-mustache's rule). The indentation goes in first and
            // comes out again when the token wrote nothing, so the token renders in place.
            let before = out.count
            let endedLine = before > start && out[before - 1] == UInt8(ascii: "\n")
            if endedLine { out.append(contentsOf: indentation) }
            let indented = out.count
            switch token {
            case let .text(text):
                out.append(contentsOf: text)
            case let .variable(name, escaped):
                Self.renderVariable(name, escaped: escaped, &context, into: &out)
            case let .section(name, body, inverted):
                Self.renderSection(name, body: body, inverted: inverted, &context, partials: partials, into: &out)
            case let .partial(name, indentation):
                Self.renderPartial(name, indentation: indentation, &context, partials: partials, into: &out)
            }
            if endedLine, out.count == indented { out.removeLast(indentation.count) }
        }
    }

    private static func renderVariable(_ name: Name, escaped: Bool, _ context: inout Context, into out: inout [UInt8]) {
        guard let value = lookup(name, in: &context) else { return }
        if case let .text(text) = value {
            if escaped { MarkupEscape.append(text, into: &out) } else { append(text, into: &out) }
            return
        }
        let text = text(of: value)
        if escaped { MarkupEscape.append(text, into: &out) } else { append(text, into: &out) }
    }

    private static func renderSection(_ name: Name, body: FastTemplate, inverted: Bool, _ context: inout Context, partials: [String: FastTemplate],
                                      into out: inout [UInt8]) {
        let value = lookup(name, in: &context)
        if inverted {
            if !isTruthy(value) { body.render(&context, partials: partials, into: &out) }
            return
        }
        guard let value else { return }
        if case let .flag(flag) = value {
            if flag { body.render(&context, partials: partials, into: &out) }
            return
        }
        body.renderSection(value, &context, partials: partials, into: &out)
    }

    private static func renderPartial(_ name: String, indentation: [UInt8]?, _ context: inout Context, partials: [String: FastTemplate],
                                      into out: inout [UInt8]) {
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
        context.indentation = (saved ?? []) + indentation
        template.render(&context, partials: partials, into: &out)
        context.indentation = saved
    }

    /// This template as the body of a section over a value that is not a flag: once per item
    /// of a list, or once inside the value.
    private func renderSection(_ value: TemplateValue, _ context: inout Context, partials: [String: FastTemplate], into out: inout [UInt8]) {
        let body = self
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
    }

    /// `text`'s UTF-8 bytes, copied in one piece from a native string.
    @inline(__always)
    static func append(_ text: String, into out: inout [UInt8]) {
        if text.utf8.withContiguousStorageIfAvailable({ out.append(contentsOf: $0) }) == nil {
            out.append(contentsOf: text.utf8)
        }
    }
}
