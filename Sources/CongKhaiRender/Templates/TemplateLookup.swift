/// How a tag's name finds its value: up the context stack for its first part, down the value
/// for the rest (typed view models answer through `TemplateNode.child`, dictionaries through
/// one concrete cast per value), then the transforms, as swift-mustache reads them.
extension FastTemplate {
    static func isTruthy(_ value: TemplateValue?) -> Bool {
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
    static func list(_ value: TemplateValue) -> List? {
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

    static func lookup(_ name: Name, in context: inout Context) -> TemplateValue? {
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
            guard !name.parts.isEmpty else { return nil }
            value = context.stack.withUnsafeBufferPointer { frames in findOnStack(name, frames) }
        }
        guard !name.transforms.isEmpty else { return value }
        guard var current = value else { return nil }
        for transform in name.transforms.reversed() {
            guard let next = apply(transform, to: current) else { return nil }
            current = next
        }
        return current
    }

    /// The first frame from the top that has `name`'s first part, read down for the rest. The
    /// frames are borrowed in place (a copy of each would retain its dictionary or node).
    @inline(__always)
    private static func findOnStack(_ name: Name, _ frames: UnsafeBufferPointer<Frame>) -> TemplateValue? {
        let first = name.first, known = name.firstKnown, single = name.parts.count == 1
        // The first object that has the key wins, even when its value is an empty Optional.
        var depth = frames.count
        while depth > 0 {
            depth -= 1
            switch frames[depth] {
            case let .node(node):
                guard let found = node.child(first, known: known) else { continue }
                return single ? found : child(of: found, name, from: 1)
            case let .object(dictionary):
                guard let raw = dictionary[first] else { continue }
                return TemplateValue(raw).flatMap { single ? $0 : child(of: $0, name, from: 1) }
            case .value:
                continue
            }
        }
        return nil
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

    static func text(of value: TemplateValue) -> String {
        switch value {
        case let .text(text): return text
        case let .number(number): return String(number)
        case let .flag(flag): return flag ? "true" : "false"
        default: return String(describing: TemplateNode.generic(value.any))
        }
    }
}
