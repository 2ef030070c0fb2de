import Yams

/// A YAML value as the loaders read it: what `MappingReader` and its callers can observe of a
/// Yams `Node` (texts with their style, lists, groups, and where each starts) and nothing more.
/// Yams' nodes carry a tag object and a weak anchor each, so every copy of one cost several
/// reference counts; with a 10,000-procedure site copying them was a few percent of a build.
/// `YAMLEventReader` makes these straight from libyaml's events; text Yams has to read
/// (errors, tags, duplicates) is converted from Yams' tree, so both give the same value.
public enum YAMLValue {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(Sequence)

    public struct Scalar {
        public var string: String
        public var style: Node.Scalar.Style
        public var mark: Mark?
    }

    public struct Mapping {
        public var pairs: [Pair]
        public var mark: Mark?
    }

    public struct Pair {
        public var key: YAMLValue
        public var value: YAMLValue
    }

    public struct Sequence {
        public var items: [YAMLValue]
        public var mark: Mark?
    }

    public var mark: Mark? {
        switch self {
        case let .scalar(scalar): scalar.mark
        case let .mapping(mapping): mapping.mark
        case let .sequence(sequence): sequence.mark
        }
    }

    /// The text of a scalar, nil for a list or group (as `Node.string`).
    public var string: String? {
        if case let .scalar(scalar) = self { scalar.string } else { nil }
    }

    public var scalar: Scalar? {
        if case let .scalar(scalar) = self { scalar } else { nil }
    }

    public var mapping: Mapping? {
        if case let .mapping(mapping) = self { mapping } else { nil }
    }
}

extension YAMLValue {
    /// The value of a Yams tree. Yams composes aliases into the nodes they name, so `.alias`
    /// (which only a tree built for writing holds) is read as an empty list.
    public init(_ node: Node) {
        switch node {
        case let .scalar(scalar):
            self = .scalar(Scalar(string: scalar.string, style: scalar.style, mark: scalar.mark))
        case let .mapping(mapping):
            self = .mapping(Mapping(pairs: mapping.map { Pair(key: YAMLValue($0.key), value: YAMLValue($0.value)) }, mark: mapping.mark))
        case let .sequence(sequence):
            self = .sequence(Sequence(items: sequence.map(YAMLValue.init), mark: sequence.mark))
        case let .alias(alias):
            self = .sequence(Sequence(items: [], mark: alias.mark))
        }
    }

    /// The Yams node with the same texts, styles and marks, for callers outside the loader
    /// that read Yams' tree; tags are the plain ones (`.basic`), which no caller reads.
    public var node: Node {
        switch self {
        case let .scalar(scalar):
            return .scalar(Node.Scalar(scalar.string, Tag(.str), scalar.style, scalar.mark))
        case let .mapping(mapping):
            return .mapping(Node.Mapping(mapping.pairs.map { ($0.key.node, $0.value.node) }, Tag(.map), .any, mapping.mark))
        case let .sequence(sequence):
            return .sequence(Node.Sequence(sequence.items.map(\.node), Tag(.seq), .any, sequence.mark))
        }
    }

    /// libyaml puts an empty value at the very end of a text without a final line break on a line
    /// of its own, below the editor's last line: it is placed where its key or list is instead.
    /// Only the last value of each level can be there.
    func keepingEndInside(lastLine: Int, holder: Mark?) -> YAMLValue {
        switch self {
        case var .scalar(scalar):
            if let mark = scalar.mark, mark.line > lastLine { scalar.mark = holder }
            return .scalar(scalar)
        case var .mapping(mapping):
            if let last = mapping.pairs.indices.last {
                let key = mapping.pairs[last].key.keepingEndInside(lastLine: lastLine, holder: mapping.mark)
                let value = mapping.pairs[last].value.keepingEndInside(lastLine: lastLine, holder: key.mark)
                mapping.pairs[last] = Pair(key: key, value: value)
            }
            return .mapping(mapping)
        case var .sequence(sequence):
            if let last = sequence.items.indices.last {
                sequence.items[last] = sequence.items[last].keepingEndInside(lastLine: lastLine, holder: sequence.mark)
            }
            return .sequence(sequence)
        }
    }
}
