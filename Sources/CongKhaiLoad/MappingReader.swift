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
    private let pairs: [YAMLValue.Pair]
    /// The pairs' keys as text (a key that is a list or group reads as ""): looked up by key
    /// without touching the values.
    private let keys: [String]
    private let location: SourceLocation
    private var asked: [String] = []
    /// Which pairs a lookup found: `finish` compares only the others' keys with `asked`.
    private var found: [Bool]

    /// nil (and a diagnostic) when the node is not a mapping.
    public convenience init?(_ node: Node?, path: String, lineOffset: Int, log: DiagnosticLog, what: String) {
        self.init(node.map(YAMLValue.init), path: path, lineOffset: lineOffset, log: log, what: what)
    }

    /// nil (and a diagnostic) when the value is not a mapping.
    public init?(_ node: YAMLValue?, path: String, lineOffset: Int, log: DiagnosticLog, what: String) {
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
        self.pairs = Self.pairs(of: mapping)
        self.keys = pairs.map { $0.key.string ?? "" }
        self.found = Array(repeating: false, count: keys.count)
    }

    /// The mapping's pairs with YAML merge keys (`<<: *chung`, `<<: [*a, *b]`) resolved: the
    /// merged mapping's pairs come after the mapping's own, which win. Each level is merged once,
    /// when read; YAMLDocument's node budget bounds how much a merge can bring in.
    static func pairs(of mapping: YAMLValue.Mapping) -> [YAMLValue.Pair] {
        let own = mapping.pairs
        guard own.contains(where: { $0.key.string == "<<" }) else { return own }
        var result: [YAMLValue.Pair] = []
        var seen = Set<String>()
        var merges: [YAMLValue.Mapping] = []
        for pair in own {
            let key = pair.key.string ?? ""
            switch (key, pair.value) {
            case let ("<<", .mapping(merged)):
                merges.append(merged)
            case let ("<<", .sequence(list)) where list.items.allSatisfy({ $0.mapping != nil }):
                merges += list.items.compactMap(\.mapping)
            default:
                // `<<` with anything else stays a key, which `finish` reports as unknown.
                if seen.insert(key).inserted { result.append(pair) }
            }
        }
        for merged in merges {
            for pair in pairs(of: merged) where seen.insert(pair.key.string ?? "").inserted { result.append(pair) }
        }
        return result
    }

    static func location(of node: YAMLValue, path: String, lineOffset: Int) -> SourceLocation {
        location(of: node.mark, path: path, lineOffset: lineOffset)
    }

    static func location(of node: Node, path: String, lineOffset: Int) -> SourceLocation {
        location(of: node.mark, path: path, lineOffset: lineOffset)
    }

    static func location(of mark: Mark?, path: String, lineOffset: Int) -> SourceLocation {
        guard let mark else { return SourceLocation(path: path, line: lineOffset + 1) }
        return SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
    }

    func location(of node: YAMLValue) -> SourceLocation {
        Self.location(of: node, path: path, lineOffset: lineOffset)
    }

    func location(of node: Node) -> SourceLocation {
        Self.location(of: node, path: path, lineOffset: lineOffset)
    }

    /// Where the mapping itself starts: missing fields are reported here.
    public var start: SourceLocation { location }

    /// The Yams node of a key's value (see `value`), for readers outside the loader.
    public func node(_ key: String) -> Node? {
        value(key)?.node
    }

    /// A key's value, noting that the key was asked for; nil when absent or written as null.
    public func value(_ key: String) -> YAMLValue? {
        asked.append(key)
        guard let index = keys.firstIndex(of: key) else { return nil }
        found[index] = true
        let value = pairs[index].value
        if case let .scalar(scalar) = value, scalar.style == .plain {
            switch scalar.string {
            case "", "~", "null", "Null", "NULL": return nil
            default: break
            }
        }
        return value
    }

    public func has(_ key: String) -> Bool {
        keys.contains(key)
    }

    /// Location of a key's value, or of the mapping when it is absent.
    public func location(ofKey key: String) -> SourceLocation {
        keys.firstIndex(of: key).map { location(of: pairs[$0].value) } ?? location
    }

    private func missing(_ key: String, _ label: String) {
        log.report(.error("field.missing", at: location,
                          "Thiếu “\(key)” (\(label)).",
                          hint: "Thêm một dòng `\(key): ...`."))
    }

    private func wrongType(_ key: String, _ node: YAMLValue, expected: String, example: String) {
        let shown = node.scalar.map { "“\($0.string)”" } ?? "một danh sách hoặc nhóm"
        log.report(.error("field.type", at: location(of: node),
                          "“\(key)” phải là \(expected), nhưng đang là \(shown).",
                          hint: "Ví dụ: `\(key): \(example)`."))
    }

    public func string(_ key: String, _ label: String, required: Bool = false) -> String? {
        guard let value = self.value(key) else {
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
        guard let value = self.value(key) else {
            if required { missing(key, label) }
            return nil
        }
        guard case let .scalar(scalar) = value, let date = CalendarDate.parse(scalar.string) else {
            wrongType(key, value, expected: "một ngày có thật (năm-tháng-ngày hoặc ngày/tháng/năm)", example: "2024-09-05")
            return nil
        }
        return date
    }

    /// A whole number inside `range` (by default ±10^15, so sums of them cannot overflow);
    /// anything outside is reported at its line and read as absent.
    public func int(_ key: String, _ label: String, required: Bool = false,
                    in range: ClosedRange<Int> = ContentLimits.integers) -> Int? {
        guard let value = self.value(key) else {
            if required { missing(key, label) }
            return nil
        }
        let text = value.scalar?.string.cleaned ?? ""
        guard case .scalar = value, let number = Int(text) ?? (Self.isWholeNumber(text) ? Int.max : nil) else {
            wrongType(key, value, expected: "một số nguyên", example: "1")
            return nil
        }
        guard range.contains(number) else {
            outOfRange(key, value, label, range)
            return nil
        }
        return number
    }

    /// A count of days in `ContentLimits.days` (0 to 3.650): deadlines and posting durations.
    public func dayCount(_ key: String, _ label: String, required: Bool = false) -> Int? {
        int(key, label, required: required, in: ContentLimits.days)
    }

    /// A year in `ContentLimits.years`.
    public func year(_ key: String, _ label: String, required: Bool = false) -> Int? {
        int(key, label, required: required, in: ContentLimits.years)
    }

    /// A number that may have a decimal part: `0.5`, `0,5`, `3`; finite, not negative, at most
    /// `maximum` (`inf`, `nan` and `1e19` are refused before anything converts them).
    public func number(_ key: String, _ label: String, maximum: Double = Double(ContentLimits.magnitude)) -> Double? {
        guard let value = self.value(key) else { return nil }
        guard case let .scalar(scalar) = value,
              let number = Double(Self.decimalPoint(scalar.string.cleaned)), number.isFinite, number >= 0 else {
            wrongType(key, value, expected: "một số không âm", example: "5")
            return nil
        }
        guard number <= maximum else {
            let shown = maximum == maximum.rounded() && maximum < 1e15 ? VietnameseFormat.integer(Int(maximum)) : "\(maximum)"
            log.report(.error("field.range", at: location(of: value),
                              "“\(key)” (\(label)) quá lớn: tối đa \(shown) (đang là “\(scalar.string.cleaned)”).",
                              hint: "Kiểm tra lại con số: có thể gõ thừa chữ số."))
            return nil
        }
        return number
    }

    /// `0,5` read as `0.5`; Foundation's replace only when there is a comma to replace.
    static func decimalPoint(_ text: String) -> String {
        text.utf8.contains(UInt8(ascii: ",")) ? text.replacingOccurrences(of: ",", with: ".") : text
    }

    /// `99999999999999999999`: digits that overflow an Int are out of range, not "not a number".
    private static func isWholeNumber(_ text: String) -> Bool {
        let digits = text.first == "-" || text.first == "+" ? text.dropFirst() : Substring(text)
        return !digits.isEmpty && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    private func outOfRange(_ key: String, _ node: YAMLValue, _ label: String, _ range: ClosedRange<Int>) {
        let text = node.scalar?.string.cleaned ?? ""
        let bounds = "từ \(VietnameseFormat.integer(range.lowerBound)) đến \(VietnameseFormat.integer(range.upperBound))"
        let hint = range == ContentLimits.years ? "Ghi năm đủ bốn chữ số, ví dụ `\(key): 2026`."
            : range == ContentLimits.days ? "Ghi số ngày, ví dụ `\(key): 5`; không ghi số âm."
            : "Kiểm tra lại con số: có thể gõ thừa chữ số hoặc dấu trừ."
        log.report(.error("field.range", at: location(of: node),
                          "“\(key)” (\(label)) phải \(bounds) (đang là “\(text)”).", hint: hint))
    }

    public func bool(_ key: String, _ label: String) -> Bool? {
        guard let value = self.value(key) else { return nil }
        let accepted: [String: Bool] = ["true": true, "false": false, "có": true, "không": false, "yes": true, "no": false]
        guard case let .scalar(scalar) = value, let flag = accepted[scalar.string.cleaned.lowercased()] else {
            wrongType(key, value, expected: "true (có) hoặc false (không)", example: "true")
            return nil
        }
        return flag
    }

    /// A list of texts; a single text is accepted as a list of one.
    public func strings(_ key: String, _ label: String) -> [String] {
        guard let value = self.value(key) else { return [] }
        switch value {
        case let .scalar(scalar):
            return [scalar.string.cleaned].filter { !$0.isEmpty }
        case let .sequence(sequence):
            return sequence.items.compactMap { item in
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
        guard let value = self.value(key) else {
            if required { missing(key, label) }
            return nil
        }
        return MappingReader(value, path: path, lineOffset: lineOffset, log: log, what: "“\(key)” (\(label))")
    }

    /// Each item of a list of mappings, as a reader of its own.
    public func mappings(_ key: String, _ label: String, required: Bool = false) -> [MappingReader] {
        guard let value = self.value(key) else {
            if required { missing(key, label) }
            return []
        }
        guard case let .sequence(sequence) = value else {
            wrongType(key, value, expected: "một danh sách (mỗi mục bắt đầu bằng “- ”)", example: "\n  - ...")
            return []
        }
        return sequence.items.compactMap {
            MappingReader($0, path: path, lineOffset: lineOffset, log: log, what: "Mỗi mục của “\(key)”")
        }
    }

    /// Reports every key that was never asked for: a misspelt key would otherwise be ignored silently.
    public func finish(context: String) {
        let unknown = keys.indices.filter { !found[$0] && !asked.contains(keys[$0]) }
        guard !unknown.isEmpty else { return }
        let known = Array(Set(asked)).sorted()
        for index in unknown {
            let key = keys[index]
            var hint = "Các khóa được dùng ở đây: \(known.joined(separator: ", "))."
            if let near = NearMiss.closest(to: key, among: known) {
                hint = "Có phải ý bạn là “\(near)”? " + hint
            }
            log.report(.error("field.unknown", at: location(of: pairs[index].key),
                              "Khóa “\(key)” không có trong mẫu của \(context).",
                              hint: hint))
        }
    }
}
