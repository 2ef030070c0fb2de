import CongKhaiModel
import Foundation
import Yams

/// Reads a YAML mapping field by field, reporting each problem at the line of the value:
/// a wrong type, a missing required field, and (in `finish`) every key nobody asked for,
/// with a "did you mean" for near misses.
public final class MappingReader {
    public let path: String
    public let lineOffset: Int
    let log: DiagnosticLog
    private let pairs: [(key: String, keyNode: Node, value: Node)]
    private let location: SourceLocation
    private var asked: [String] = []

    /// nil (and a diagnostic) when the node is not a mapping.
    public init?(_ node: Node?, path: String, lineOffset: Int, log: DiagnosticLog, what: String) {
        self.path = path
        self.lineOffset = lineOffset
        self.log = log
        guard let node, case let .mapping(mapping) = node else {
            let location = node.map { Self.location(of: $0, path: path, lineOffset: lineOffset) }
                ?? SourceLocation(path: path, line: lineOffset + 1, column: 1)
            log.report(.error("yaml.not-mapping", at: location,
                              "\(what) phải là một nhóm các dòng `khoa: gia tri`.",
                              hint: "Ví dụ:\n    tieu_de: \"Giới thiệu chung\""))
            return nil
        }
        self.location = Self.location(of: node, path: path, lineOffset: lineOffset)
        self.pairs = mapping.map { (key: $0.key.string ?? "", keyNode: $0.key, value: $0.value) }
    }

    static func location(of node: Node, path: String, lineOffset: Int) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(path: path, line: lineOffset + 1) }
        return SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
    }

    func location(of node: Node) -> SourceLocation {
        Self.location(of: node, path: path, lineOffset: lineOffset)
    }

    /// Where the mapping itself starts: missing fields are reported here.
    public var start: SourceLocation { location }

    public func node(_ key: String) -> Node? {
        asked.append(key)
        guard let value = pairs.first(where: { $0.key == key })?.value else { return nil }
        if case let .scalar(scalar) = value, scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) {
            return nil
        }
        return value
    }

    public func has(_ key: String) -> Bool {
        pairs.contains { $0.key == key }
    }

    /// Location of a key's value, or of the mapping when it is absent.
    public func location(ofKey key: String) -> SourceLocation {
        pairs.first(where: { $0.key == key }).map { location(of: $0.value) } ?? location
    }

    private func missing(_ key: String, _ label: String) {
        log.report(.error("field.missing", at: location,
                          "Thiếu “\(key)” (\(label)).",
                          hint: "Thêm một dòng `\(key): ...`."))
    }

    private func wrongType(_ key: String, _ node: Node, expected: String, example: String) {
        let shown = node.scalar.map { "“\($0.string)”" } ?? "một danh sách hoặc nhóm"
        log.report(.error("field.type", at: location(of: node),
                          "“\(key)” phải là \(expected), nhưng đang là \(shown).",
                          hint: "Ví dụ: `\(key): \(example)`."))
    }

    public func string(_ key: String, _ label: String, required: Bool = false) -> String? {
        guard let value = node(key) else {
            if required { missing(key, label) }
            return nil
        }
        guard case let .scalar(scalar) = value else {
            wrongType(key, value, expected: "một đoạn văn bản", example: "\"...\"")
            return nil
        }
        let text = scalar.string.cleaned
        if text.isEmpty, required { missing(key, label) }
        return text.isEmpty ? nil : text
    }

    public func date(_ key: String, _ label: String, required: Bool = false) -> CalendarDate? {
        guard let value = node(key) else {
            if required { missing(key, label) }
            return nil
        }
        guard case let .scalar(scalar) = value, let date = CalendarDate.parse(scalar.string) else {
            wrongType(key, value, expected: "một ngày có thật (năm-tháng-ngày hoặc ngày/tháng/năm)", example: "2024-09-05")
            return nil
        }
        return date
    }

    public func int(_ key: String, _ label: String, required: Bool = false) -> Int? {
        guard let value = node(key) else {
            if required { missing(key, label) }
            return nil
        }
        guard case let .scalar(scalar) = value, let number = Int(scalar.string.cleaned) else {
            wrongType(key, value, expected: "một số nguyên", example: "1")
            return nil
        }
        return number
    }

    /// A number that may have a decimal part: `0.5`, `0,5`, `3`.
    public func number(_ key: String, _ label: String) -> Double? {
        guard let value = node(key) else { return nil }
        guard case let .scalar(scalar) = value,
              let number = Double(scalar.string.cleaned.replacingOccurrences(of: ",", with: ".")), number >= 0 else {
            wrongType(key, value, expected: "một số không âm", example: "5")
            return nil
        }
        return number
    }

    public func bool(_ key: String, _ label: String) -> Bool? {
        guard let value = node(key) else { return nil }
        let accepted: [String: Bool] = ["true": true, "false": false, "có": true, "không": false, "yes": true, "no": false]
        guard case let .scalar(scalar) = value, let flag = accepted[scalar.string.cleaned.lowercased()] else {
            wrongType(key, value, expected: "true (có) hoặc false (không)", example: "true")
            return nil
        }
        return flag
    }

    /// A list of texts; a single text is accepted as a list of one.
    public func strings(_ key: String, _ label: String) -> [String] {
        guard let value = node(key) else { return [] }
        switch value {
        case let .scalar(scalar):
            return [scalar.string.cleaned].filter { !$0.isEmpty }
        case let .sequence(sequence):
            return sequence.compactMap { item in
                guard let text = item.scalar?.string.cleaned else {
                    wrongType(key, item, expected: "một danh sách các dòng văn bản", example: "[\"...\", \"...\"]")
                    return nil
                }
                return text.isEmpty ? nil : text
            }
        default:
            wrongType(key, value, expected: "một danh sách các dòng văn bản", example: "[\"...\", \"...\"]")
            return []
        }
    }

    public func mapping(_ key: String, _ label: String, required: Bool = false) -> MappingReader? {
        guard let value = node(key) else {
            if required { missing(key, label) }
            return nil
        }
        return MappingReader(value, path: path, lineOffset: lineOffset, log: log, what: "“\(key)” (\(label))")
    }

    /// Each item of a list of mappings, as a reader of its own.
    public func mappings(_ key: String, _ label: String, required: Bool = false) -> [MappingReader] {
        guard let value = node(key) else {
            if required { missing(key, label) }
            return []
        }
        guard case let .sequence(sequence) = value else {
            wrongType(key, value, expected: "một danh sách (mỗi mục bắt đầu bằng “- ”)", example: "\n  - ...")
            return []
        }
        return sequence.compactMap {
            MappingReader($0, path: path, lineOffset: lineOffset, log: log, what: "Mỗi mục của “\(key)”")
        }
    }

    /// Reports every key that was never asked for: a misspelt key would otherwise be ignored silently.
    public func finish(context: String) {
        let known = Array(Set(asked)).sorted()
        for pair in pairs where !asked.contains(pair.key) {
            var hint = "Các khóa được dùng ở đây: \(known.joined(separator: ", "))."
            if let near = NearMiss.closest(to: pair.key, among: known) {
                hint = "Có phải ý bạn là “\(near)”? " + hint
            }
            log.report(.error("field.unknown", at: location(of: pair.keyNode),
                              "Khóa “\(pair.key)” không có trong mẫu của \(context).",
                              hint: hint))
        }
    }
}
