import Foundation

/// One change made to the working copy of the site, printed with the seed of any failure.
public struct SiteMutation: Sendable, CustomStringConvertible {
    public var kind: String
    public var file: String
    public var line: Int
    public var detail: String

    public var description: String {
        "\(kind) \(file)\(line > 0 ? ":\(line)" : ""): \(detail)"
    }
}

/// Mutates a working copy of a site (content/ only) in place and puts it back afterwards.
/// The same seed on the same site always makes the same mutations: files are visited in path
/// order and every choice comes from `SeededGenerator(seed)`.
public final class SiteMutator {
    public let folder: URL
    private var originals: [String: Data] = [:]
    private var created: [String] = []
    private var renames: [(from: String, to: String)] = []

    public init(folder: URL) {
        self.folder = folder
    }

    /// Applies one to three mutations chosen by `seed`.
    public func apply(seed: UInt64) throws -> [SiteMutation] {
        var random = SeededGenerator(seed: seed)
        let files = Self.contentFiles(in: folder)
        var done: [SiteMutation] = []
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            if let mutation = try mutate(files: files, random: &random) { done.append(mutation) }
        }
        return done
    }

    /// Puts every changed, created and renamed file back.
    public func restore() throws {
        let manager = FileManager.default
        for (from, to) in renames.reversed() {
            try manager.moveItem(at: folder.appendingPathComponent(to), to: folder.appendingPathComponent(from))
        }
        for path in created.reversed() { try? manager.removeItem(at: folder.appendingPathComponent(path)) }
        for (path, data) in originals { try data.write(to: folder.appendingPathComponent(path)) }
        originals = [:]
        created = []
        renames = []
    }

    public static func contentFiles(in folder: URL) -> [String] {
        let root = folder.appendingPathComponent("content")
        var paths: [String] = []
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let path = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            if [".md", ".yaml", ".csv"].contains(where: path.hasSuffix) { paths.append("content/" + path) }
        }
        return paths.sorted()
    }

    // MARK: - Mutations

    private func mutate(files: [String], random: inout SeededGenerator) throws -> SiteMutation? {
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<30: return try valueMutation(files: files, random: &random, kind: .number)
        case 30..<42: return try valueMutation(files: files, random: &random, kind: .date)
        case 42..<54: return try valueMutation(files: files, random: &random, kind: .text)
        case 54..<62: return try keyedValue(files: files, random: &random)
        case 62..<70: return try aliases(files: files, random: &random)
        case 70..<76: return try renameYearFolder(random: &random)
        case 76..<84: return try csvCell(files: files, random: &random)
        case 84..<92: return try ruleOverrides(random: &random)
        default: return try lineEdit(files: files, random: &random)
        }
    }

    enum ValueKind { case number, date, text }

    static let extremeNumbers = ["0", "-1", "-0", "-999999999999", "2147483648", "9223372036854775807", "9223372036854775808",
                                 "-9223372036854775808", "99999999999999999999", "1e19", "-1e19", "1e308", "inf", ".inf", "-.inf",
                                 ".nan", "nan", "NaN", "0x7fffffffffffffff", "1_000_000", "3651", "36500", "202", "20266", "1.5e3",
                                 "0.0000001", "4.9e-324", "1.000.000.000.000.000.000", "١٢٣"]
    static let extremeDates = ["0000-01-01", "0001-01-01", "9999-12-31", "2026-02-30", "2025-02-29", "2026-13-01", "2026-00-10",
                               "99999-01-01", "31/12/9999", "1/1/1", "29/02/2100", "2026-11-31", "1899-12-31", "2100-01-01",
                               "-2026-01-01", "2026-1-1", "20261123"]
    static let controlPieces = ["\u{0}", "\u{1}", "\u{7}", "\u{1B}[31m", "\u{202E}", "\u{FEFF}", "\u{200B}", "\u{85}", "\u{2028}",
                                "\r", "\u{7F}", "\u{FFFD}", "e\u{301}", "\u{10FFFF}", "</script><script>alert(1)</script>", "{{x}}",
                                "&amp;", "\\u0000", "'\"", "%s%n", "../../etc/passwd"]

    /// Lines of YAML (front matter of a .md, or a .yaml file) with their 0-based index.
    static func yamlLines(_ text: String, path: String) -> [Int] {
        let lines = text.components(separatedBy: "\n")
        if path.hasSuffix(".yaml") { return Array(lines.indices) }
        guard lines.first?.trimmingCharacters(in: .whitespaces) == "---",
              let end = lines.indices.dropFirst().first(where: { lines[$0].trimmingCharacters(in: .whitespaces) == "---" }) else { return [] }
        return Array(1..<end)
    }

    private func read(_ path: String) -> String? {
        let url = folder.appendingPathComponent(path)
        guard let data = try? Data(contentsOf: url) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    private func write(_ path: String, _ text: String) throws {
        let url = folder.appendingPathComponent(path)
        if originals[path] == nil, !created.contains(path) {
            if let data = try? Data(contentsOf: url) { originals[path] = data } else { created.append(path) }
        }
        try Data(text.utf8).write(to: url)
    }

    /// Replaces one value (a `key: value` on a YAML line) with an extreme one of its kind.
    private func valueMutation(files: [String], random: inout SeededGenerator, kind: ValueKind) throws -> SiteMutation? {
        let yamlFiles = files.filter { !$0.hasSuffix(".csv") }
        guard let path = yamlFiles.randomElement(using: &random), let text = read(path) else { return nil }
        var lines = text.components(separatedBy: "\n")
        let candidates = Self.yamlLines(text, path: path).filter { index in
            let line = lines[index]
            switch kind {
            case .number: return line.contains(where: \.isNumber)
            case .date: return line.range(of: #"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4}"#, options: .regularExpression) != nil
            case .text: return line.contains(":")
            }
        }
        guard let index = candidates.randomElement(using: &random) else { return nil }
        let before = lines[index]
        switch kind {
        case .number:
            let runs = Self.matches(#"-?\d+([.,]\d+)?"#, in: before)
            guard let run = runs.randomElement(using: &random) else { return nil }
            lines[index].replaceSubrange(run, with: Self.extremeNumbers.randomElement(using: &random)!)
        case .date:
            let runs = Self.matches(#"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4}"#, in: before)
            guard let run = runs.randomElement(using: &random) else { return nil }
            lines[index].replaceSubrange(run, with: Self.extremeDates.randomElement(using: &random)!)
        case .text:
            guard let colon = before.firstIndex(of: ":") else { return nil }
            let head = before[...colon]
            let value: String
            if Bool.random(using: &random) {
                let piece = ["Thủ tục ", "a", "đ", "🙂", "\u{301}", "[", "{", "#", "*", "&", "|"].randomElement(using: &random)!
                value = "\"" + String(repeating: piece, count: Int.random(in: 10_000...200_000, using: &random)) + "\""
            } else {
                let pieces = (0..<Int.random(in: 1...4, using: &random)).map { _ in Self.controlPieces.randomElement(using: &random)! }
                value = "\"" + pieces.joined(separator: "x").replacingOccurrences(of: "\"", with: "\\\"") + "\""
            }
            lines[index] = head + " " + value
        }
        try write(path, lines.joined(separator: "\n"))
        return SiteMutation(kind: "value-\(kind)", file: path, line: index + 1, detail: Self.shown(lines[index]))
    }

    /// Sets a key the code reads as a number or date to an extreme, wherever it occurs.
    private func keyedValue(files: [String], random: inout SeededGenerator) throws -> SiteMutation? {
        let keys = ["nam", "thoi_han_ngay", "ton_ky_truoc", "truc_tiep", "truc_tuyen", "truoc_han", "dung_han", "qua_han",
                    "trong_han", "tong", "da_so_hoa", "nhom", "thu_tu", "ngay_cong_khai", "tu", "den", "ngay", "tu_ngay", "den_ngay",
                    "phieu", "hai_long", "nhiem_vu", "hoan_thanh", "tiep_nhan", "da_xu_ly", "muc"]
        let key = keys.randomElement(using: &random)!
        let yamlFiles = files.filter { !$0.hasSuffix(".csv") }.filter { read($0)?.contains("\(key):") == true }
        guard let path = yamlFiles.randomElement(using: &random), let text = read(path) else { return nil }
        var lines = text.components(separatedBy: "\n")
        let candidates = Self.yamlLines(text, path: path).filter { lines[$0].contains("\(key):") }
        guard let index = candidates.randomElement(using: &random),
              let range = lines[index].range(of: "\(key):") else { return nil }
        let value = (Self.extremeNumbers + Self.extremeDates).randomElement(using: &random)!
        let rest = lines[index][range.upperBound...]
        // Inside a flow mapping only the value up to the next comma or brace is replaced.
        let end = rest.firstIndex(where: { $0 == "," || $0 == "}" }) ?? rest.endIndex
        lines[index].replaceSubrange(range.upperBound..<end, with: " " + value)
        try write(path, lines.joined(separator: "\n"))
        return SiteMutation(kind: "keyed", file: path, line: index + 1, detail: Self.shown(lines[index]))
    }

    /// Anchors, aliases and merge keys: a "billion laughs" of random size, an alias to a
    /// mapping, a merge key, an undefined alias, a complex key that is an alias.
    private func aliases(files: [String], random: inout SeededGenerator) throws -> SiteMutation? {
        let yamlFiles = files.filter { !$0.hasSuffix(".csv") }
        guard let path = yamlFiles.randomElement(using: &random), let text = read(path) else { return nil }
        var lines = text.components(separatedBy: "\n")
        let region = Self.yamlLines(text, path: path)
        guard let at = (region.isEmpty ? [0] : region + [region.last! + 1]).randomElement(using: &random) else { return nil }
        let depth = Int.random(in: 2...12, using: &random)
        let width = Int.random(in: 2...10, using: &random)
        var block: [String]
        switch Int.random(in: 0..<5, using: &random) {
        case 0:
            block = ["l0: &l0 [\"ha\", \"ha\"]"]
            for level in 1..<depth {
                block.append("l\(level): &l\(level) [" + Array(repeating: "*l\(level - 1)", count: width).joined(separator: ", ") + "]")
            }
        case 1:
            block = ["chung: &chung { nam: 0, tu: 9999-12-31, thoi_han_ngay: 1e19 }", "them:", "  <<: *chung", "  nam: 2026"]
        case 2:
            block = ["<<: { nam: -1, ky: quy_1, thoi_han_ngay: .inf }"]
        case 3:
            block = ["x: *khong_co"]
        default:
            block = ["k0: &k0 { a: 1, b: 2 }"]
            for level in 1..<depth { block.append("k\(level): &k\(level) { ? *k\(level - 1) : 1, ? [*k\(level - 1), *k\(level - 1)] : 2 }") }
        }
        lines.insert(contentsOf: block, at: min(at, lines.count))
        try write(path, lines.joined(separator: "\n"))
        return SiteMutation(kind: "alias", file: path, line: at + 1, detail: Self.shown(block.joined(separator: " ⏎ ")))
    }

    /// `ngan-sach/2026/` renamed to a year with a typo, or to a year far away.
    private func renameYearFolder(random: inout SeededGenerator) throws -> SiteMutation? {
        let base = folder.appendingPathComponent("content/ngan-sach")
        let years = ((try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? []).filter { Int($0) != nil }.sorted()
        guard let year = years.randomElement(using: &random) else { return nil }
        let target = ["202", "20266", "0000", "1999", "2101", "2100", "9999", "2090", "2027", "0", "-2026", "２０２６"]
            .filter { !years.contains($0) }.randomElement(using: &random)!
        let from = "content/ngan-sach/\(year)", to = "content/ngan-sach/\(target)"
        try FileManager.default.moveItem(at: folder.appendingPathComponent(from), to: folder.appendingPathComponent(to))
        renames.append((from, to))
        return SiteMutation(kind: "year-folder", file: from, line: 0, detail: "→ \(to)")
    }

    /// A number in a CSV table (budget figures) made extreme.
    private func csvCell(files: [String], random: inout SeededGenerator) throws -> SiteMutation? {
        guard let path = files.filter({ $0.hasSuffix(".csv") }).randomElement(using: &random), let text = read(path) else { return nil }
        var lines = text.components(separatedBy: "\n")
        let candidates = lines.indices.dropFirst().filter { lines[$0].contains(where: \.isNumber) }
        guard let index = candidates.randomElement(using: &random) else { return nil }
        let runs = Self.matches(#"-?\d[\d.]*"#, in: lines[index])
        guard let run = runs.randomElement(using: &random) else { return nil }
        let values = Self.extremeNumbers + ["999.999.999.999.999.999", "-999999999999999", "9.223.372.036.854.775.807", "1,5", "(100)"]
        lines[index].replaceSubrange(run, with: values.randomElement(using: &random)!)
        try write(path, lines.joined(separator: "\n"))
        return SiteMutation(kind: "csv", file: path, line: index + 1, detail: Self.shown(lines[index]))
    }

    /// A `quy-tac.yaml` overriding a national rule's deadline and durations with extremes.
    private func ruleOverrides(random: inout SeededGenerator) throws -> SiteMutation? {
        let rules = ["dieu-11-k8", "cchc", "ns-du-toan", "ns-thuc-hien", "ns-quyet-toan", "danh-sach-quy", "ns-thuc-hien-nam"]
        let deadlineKeys = ["ngay", "ngay_lam_viec", "ngay_trong_thang"]
        var text = "quy_tac:\n"
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            text += "  \(rules.randomElement(using: &random)!):\n"
            text += "    han: { \(deadlineKeys.randomElement(using: &random)!): \(Self.extremeNumbers.randomElement(using: &random)!) }\n"
            if Bool.random(using: &random) { text += "    niem_yet_toi_thieu: \(Self.extremeNumbers.randomElement(using: &random)!)\n" }
        }
        try write("content/quy-tac.yaml", text)
        return SiteMutation(kind: "rules", file: "content/quy-tac.yaml", line: 0, detail: Self.shown(text))
    }

    /// A line deleted, doubled, or the file cut in the middle.
    private func lineEdit(files: [String], random: inout SeededGenerator) throws -> SiteMutation? {
        guard let path = files.randomElement(using: &random), let text = read(path) else { return nil }
        var lines = text.components(separatedBy: "\n")
        guard !lines.isEmpty else { return nil }
        let index = Int.random(in: 0..<lines.count, using: &random)
        let detail: String
        switch Int.random(in: 0..<3, using: &random) {
        case 0: detail = "delete line"; lines.remove(at: index)
        case 1: detail = "double line"; lines.insert(lines[index], at: index)
        default:
            detail = "cut file"
            lines = Array(lines.prefix(index)) + [String(lines[index].prefix(lines[index].count / 2))]
        }
        try write(path, lines.joined(separator: "\n"))
        return SiteMutation(kind: "line", file: path, line: index + 1, detail: detail)
    }

    static func matches(_ pattern: String, in text: String) -> [Range<String.Index>] {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return [] }
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { Range($0.range, in: text) }
    }

    /// A mutation's text for a report line: short, escaped, one line.
    static func shown(_ text: String) -> String {
        let escaped = text.unicodeScalars.map { scalar -> String in
            scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{202E}"
                ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
        }.joined()
        return escaped.count > 160 ? String(escaped.prefix(120)) + "… (\(escaped.count) ký tự)" : escaped
    }
}

/// SplitMix64: small, fast, the same on every platform, so a seed replays exactly.
public struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
