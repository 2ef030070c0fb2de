import CYaml
import CongKhaiModel

/// Anchors (`&a`) and aliases (`*a`) let a few hundred bytes of YAML stand for billions of
/// nodes ("billion laughs"). Yams composes an alias as the anchored node itself, so the tree is
/// small in memory, but anything that walks it (or hashes a key that is an alias, as Yams'
/// duplicate-key check does while composing) visits every expanded node. This pass counts the
/// expanded size from libyaml's events once, in linear time, before Yams composes anything.
public enum YAMLBudget {
    /// Nodes a document may expand to. The largest content file of a real commune is a few
    /// thousand nodes; a file without any alias is never refused.
    public static let nodes = 100_000

    /// The line (0-based, libyaml's) where the expansion passes `limit`; nil when within it,
    /// or when the text has a syntax error (Yams then reports that error itself).
    public static func exceeded(_ yaml: String, limit: Int = nodes) -> Int? {
        // An alias needs an anchor: text without both characters is small by construction.
        let bytes = yaml.utf8
        guard bytes.contains(UInt8(ascii: "*")), bytes.contains(UInt8(ascii: "&")) else { return nil }
        var text = Array(yaml.utf8)
        return text.withUnsafeMutableBufferPointer { buffer -> Int? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var sizes: [String: Int] = [:]
            var open: [(anchor: String?, before: Int)] = []
            var total = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                let line = Int(event.start_mark.line)
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return nil
                case YAML_DOCUMENT_START_EVENT:
                    sizes = [:]
                    total = 0
                case YAML_SCALAR_EVENT:
                    total += 1
                    if let anchor = name(event.data.scalar.anchor) { sizes[anchor] = 1 }
                case YAML_SEQUENCE_START_EVENT:
                    open.append((name(event.data.sequence_start.anchor), total))
                    total += 1
                case YAML_MAPPING_START_EVENT:
                    open.append((name(event.data.mapping_start.anchor), total))
                    total += 1
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    if let (anchor, before) = open.popLast(), let anchor { sizes[anchor] = total - before }
                case YAML_ALIAS_EVENT:
                    // Sizes never exceed the limit (we stop first), so this cannot overflow.
                    total += name(event.data.alias.anchor).flatMap { sizes[$0] } ?? 1
                default:
                    break
                }
                if total > limit { return line }
            }
        }
    }

    private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
    }

    static func diagnostic(path: String, line: Int, lineOffset: Int) -> Diagnostic {
        .error("yaml.too-large", at: SourceLocation(path: path, line: line + 1 + lineOffset),
               "Nội dung YAML dùng neo (&) và bí danh (*) lồng nhau: khi mở ra vượt quá \(VietnameseFormat.integer(nodes)) mục.",
               hint: "Viết thẳng giá trị thay cho bí danh (*), hoặc bỏ bớt các bí danh lồng nhau.")
    }
}
