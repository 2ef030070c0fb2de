import CYaml
import Yams

/// Builds the same `Node` tree as `Yams.compose(yaml:, .basic, .default, .utf8)` straight from
/// libyaml's events. Yams allocates a class per event, a `Tag` per node, decodes every scalar
/// through Foundation and groups each mapping's keys in a dictionary of nodes to find
/// duplicates: together about a seventh of a 10,000-procedure build, against 0.2 s for
/// libyaml itself.
///
/// Only well-formed text is read here. Whatever Yams would refuse or treat specially (a syntax
/// error, a duplicate key, an explicit tag, a second document, an undefined alias) answers
/// `needsYams`, and the caller asks Yams, so every diagnostic is still made from Yams' own error.
enum YAMLEventReader {
    enum Outcome {
        /// No document at all (Yams: nil).
        case empty
        case root(Node)
        case needsYams
    }

    static func compose(_ yaml: String) -> Outcome {
        var text = yaml
        return text.withUTF8 { read($0) }
    }

    /// A mapping or sequence whose end event has not come yet.
    private struct Open {
        var isMapping: Bool
        var mark: Mark
        var anchor: String?
        var items: [Node] = []
    }

    private static func read(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return .needsYams }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)

        // Pre-resolved tags, shared by the nodes of this document: with `.basic` every untagged
        // scalar resolves to str, and a resolved tag is never written again (Tag.resolved only
        // rewrites the implicit and non-specific names), so sharing cannot race.
        let tags = (str: Tag(.str, .basic, .default), seq: Tag(.seq, .basic, .default), map: Tag(.map, .basic, .default))
        var anchors: [String: Node] = [:]
        var open: [Open] = []
        var root: Node?
        var documents = 0

        while true {
            var event = yaml_event_t()
            guard yaml_parser_parse(&parser, &event) == 1 else { return .needsYams }
            defer { yaml_event_delete(&event) }
            let node: Node
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
                node = .scalar(Node.Scalar(value, tags.str, style, mark(event.start_mark)))
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
                // Yams reads the style from the end event, which has none: its collections are all `.any`.
                if closed.isMapping {
                    guard let pairs = uniquePairs(closed.items) else { return .needsYams }
                    node = .mapping(Node.Mapping(pairs, tags.map, .any, closed.mark))
                } else {
                    node = .sequence(Node.Sequence(closed.items, tags.seq, .any, closed.mark))
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

    /// The keys and values taken in pairs, or nil when Yams' duplicate check could object: two
    /// keys with the same text, or a key that is not a scalar (Yams compares those whole).
    private static func uniquePairs(_ items: [Node]) -> [(Node, Node)]? {
        guard items.count % 2 == 0 else { return nil }
        var pairs: [(Node, Node)] = []
        pairs.reserveCapacity(items.count / 2)
        var keys: [String] = []
        keys.reserveCapacity(items.count / 2)
        var index = 0
        while index < items.count {
            guard case let .scalar(key) = items[index] else { return nil }
            keys.append(key.string)
            pairs.append((items[index], items[index + 1]))
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
