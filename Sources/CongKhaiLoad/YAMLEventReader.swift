import CYaml
import Yams

/// Builds the value of `Yams.compose(yaml:, .basic, .default, .utf8)` (as `YAMLValue(node)`)
/// straight from libyaml's events. Yams allocates a class per event, a `Tag` per node, decodes
/// every scalar through Foundation and groups each mapping's keys in a dictionary of nodes to
/// find duplicates: together about a seventh of a 10,000-procedure build, against 0.2 s for
/// libyaml itself.
///
/// Only well-formed text is read here. Whatever Yams would refuse or treat specially (a syntax
/// error, a duplicate key, an explicit tag, a second document, an undefined alias) answers
/// `needsYams`, and the caller asks Yams, so every diagnostic is still made from Yams' own error.
enum YAMLEventReader {
    enum Outcome {
        /// No document at all (Yams: nil).
        case empty
        case root(YAMLValue)
        case needsYams
    }

    /// With `lastLine` (the text has no final line break), an empty value libyaml places below
    /// it is given its holder's mark, as `YAMLValue.keepingEndInside` does to Yams' tree.
    static func compose(_ yaml: String, lastLine: Int? = nil) -> Outcome {
        var text = yaml
        return text.withUTF8 { read($0, lastLine: lastLine) }
    }

    /// A mapping or sequence whose end event has not come yet.
    private struct Open {
        var isMapping: Bool
        var mark: Mark
        var anchor: String?
        var items: [YAMLValue] = []
    }

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>, lastLine: Int?) -> Outcome {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return .needsYams }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)

        var anchors: [String: YAMLValue] = [:]
        var open: [Open] = []
        var root: YAMLValue?
        var documents = 0

        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return .needsYams }
            defer { yaml_event_delete(&event) }
            let node: YAMLValue
            var anchor: String?
            switch event.type {
            case YAML_STREAM_END_EVENT:
                guard let root else { return documents == 0 ? .empty : .needsYams }
                return .root(root)
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                guard documents == 1 else { return .needsYams }
                continue
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                guard scalar.tag == nil, let style = Node.Scalar.Style(rawValue: scalar.style.rawValue) else { return .needsYams }
                let value = text(UnsafeBufferPointer(start: scalar.value, count: scalar.length))
                var at: Mark? = mark(event.start_mark)
                if let lastLine, let line = at?.line, line > lastLine { at = holder(open.last) }
                node = .scalar(YAMLValue.Scalar(string: value, style: style, mark: at))
                anchor = name(scalar.anchor)
            case YAML_ALIAS_EVENT:
                guard let name = name(event.data.alias.anchor), let target = anchors[name] else { return .needsYams }
                node = target
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let isMapping = event.type == YAML_MAPPING_START_EVENT
                let implicit = isMapping ? event.data.mapping_start.implicit : event.data.sequence_start.implicit
                guard implicit != 0 else { return .needsYams }
                open.append(Open(isMapping: isMapping, mark: mark(event.start_mark),
                                 anchor: name(isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor)))
                continue
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let closed = open.popLast() else { return .needsYams }
                if closed.isMapping {
                    guard let pairs = uniquePairs(closed.items) else { return .needsYams }
                    node = .mapping(YAMLValue.Mapping(pairs: pairs, mark: closed.mark))
                } else {
                    node = .sequence(YAMLValue.Sequence(items: closed.items, mark: closed.mark))
                }
                anchor = closed.anchor
            default:
                // Stream start and document end carry nothing.
                continue
            }
            if let anchor { anchors[anchor] = node }
            if open.isEmpty {
                guard root == nil else { return .needsYams }
                root = node
            } else {
                open[open.count - 1].items.append(node)
            }
        }
    }

    /// Where an empty value at the end of the text is placed: a mapping's last value at its
    /// key, a mapping's last key at the mapping, a list's last item at the list, the root
    /// nowhere. Only the last value of each level can be at the end, and it is made last.
    private static func holder(_ open: Open?) -> Mark? {
        guard let open else { return nil }
        guard open.isMapping, open.items.count % 2 == 1 else { return open.mark }
        return open.items[open.items.count - 1].mark
    }

    /// The keys and values taken in pairs, or nil when Yams' duplicate check could object: two
    /// keys with the same text, or a key that is not a scalar (Yams compares those whole).
    private static func uniquePairs(_ items: [YAMLValue]) -> [YAMLValue.Pair]? {
        guard items.count % 2 == 0 else { return nil }
        var pairs: [YAMLValue.Pair] = []
        pairs.reserveCapacity(items.count / 2)
        var keys: [String] = []
        keys.reserveCapacity(items.count / 2)
        var index = 0
        while index < items.count {
            guard case let .scalar(key) = items[index] else { return nil }
            keys.append(key.string)
            pairs.append(YAMLValue.Pair(key: items[index], value: items[index + 1]))
            index += 2
        }
        // Front matter mappings are short: comparing each pair costs less than hashing them all.
        if keys.count <= 16 {
            for i in keys.indices { for j in keys.indices where j > i && keys[i] == keys[j] { return nil } }
        } else if Set(keys).count != keys.count {
            return nil
        }
        return pairs
    }

    /// Yams decodes with Foundation's `String(bytes:encoding: .utf8)`, which drops a byte order
    /// mark at the start of the value (`"\u{FEFF}"` reads as ""): so does this.
    private static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[3...]), as: UTF8.self)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafePointer($0)) }
    }

    /// libyaml counts from 0, Yams from 1 (columns in Unicode scalars).
    static func mark(_ mark: yaml_mark_t) -> Mark {
        Mark.at(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }
}

extension Mark {
    /// Yams gives `Mark` no public initialiser; it is two Ints, line then column, and
    /// `YAMLEventReaderTests` reads both back, so a change of layout fails there first.
    static func at(line: Int, column: Int) -> Mark {
        unsafeBitCast((line, column), to: Mark.self)
    }
}
