import CongKhaiModel
import Foundation

/// The client-side search index: a script (not JSON, so it loads from `file://` where
/// `fetch` is refused) defining one array of procedures. Each entry carries its text
/// already folded (no diacritics, `đ` → `d`, lowercase) so the browser only folds the query.
public enum SearchIndex {
    static let path = "du-lieu/tim-kiem.js"

    /// One thing the search finds, in the shape `assets/tim-kiem.js` reads: a code, a name, a
    /// group and a label shown under it, the address from the site root, and the text it is
    /// found by, folded the way the script folds the query.
    public struct Entry: Sendable {
        public var code: String
        public var name: String
        public var group: String
        public var label: String
        public var path: String
        public var folded: String

        public init(code: String, name: String, group: String, label: String, path: String, folded: String) {
            self.code = code
            self.name = name
            self.group = group
            self.label = label
            self.path = path
            self.folded = folded
        }
    }

    /// The catalogue's entries: code, name, lĩnh vực, online level.
    static func entries(catalogue: Catalogue) -> [Entry] {
        catalogue.procedures.map(entry)
    }

    static func entry(_ procedure: Procedure) -> Entry {
        Entry(code: procedure.code, name: procedure.name, group: procedure.field, label: procedure.onlineLevel?.label ?? "",
              path: procedure.path + "index.html",
              folded: TextFolding.fold([procedure.code, procedure.name, procedure.field].joined(separator: " ")))
    }

    /// Every unit's entries (`UnitRendering.searchEntries`), in registry order.
    static func file(_ entries: [Entry]) -> OutputFile {
        var out = DataBytes()
        out.append(header)
        for (index, entry) in entries.enumerated() {
            if index > 0 { out.append(",\n") }
            appendLine(entry, to: &out)
            if index == 0 { out.reserve(out.count * entries.count + out.count / 8 * entries.count + 16) }
        }
        out.append(footer)
        return OutputFile(path: path, bytes: Data(out.bytes))
    }

    static let header = "// Chỉ mục tìm kiếm thủ tục do CongKhai tạo. [mã, tên, lĩnh vực, mức độ, địa chỉ, chữ đã bỏ dấu]\nwindow.CONGKHAI_TIM_KIEM=[\n"
    static let footer = "\n];\n"

    /// The file from each entry's line (`line`), kept by `serve` to remake one entry only.
    static func file(lines: [String]) -> OutputFile {
        var script = header
        script += lines.joined(separator: ",\n")
        script += footer
        return OutputFile(path: path, text: script)
    }

    static func line(_ entry: Entry) -> String {
        var out = DataBytes()
        appendLine(entry, to: &out)
        return out.text
    }

    static func appendLine(_ entry: Entry, to out: inout DataBytes) {
        out.append("[")
        out.appendLiteral(entry.code)
        out.append(",")
        out.appendLiteral(entry.name)
        out.append(",")
        out.appendLiteral(entry.group)
        out.append(",")
        out.appendLiteral(entry.label)
        out.append(",")
        out.appendLiteral(entry.path)
        out.append(",")
        out.appendLiteral(entry.folded)
        out.append("]")
    }

    private static func needsEscape(_ text: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == UInt8(ascii: "<") { return true }
            // U+2028 and U+2029 (E2 80 A8/A9) end a line in JavaScript.
            if previous == (0xE2, 0x80), byte == 0xA8 || byte == 0xA9 { return true }
            previous = (previous.1, byte)
        }
        return false
    }

    /// A JavaScript string literal; `<` is escaped so the text can never close a script element
    /// (`DataBytes.appendLiteral`).
    public static func literal(_ text: String) -> String {
        // Most texts need no escape at all: one check of the bytes, then one copy.
        if !needsEscape(text) { return "\"" + text + "\"" }
        var out = DataBytes()
        out.appendLiteral(text)
        return out.text
    }
}
