@testable import CongKhaiRender
import Foundation
import Testing

/// The open data and search index are written on bytes (`DataBytes`); they must come out as
/// the String writers they replaced made them. Those writers are kept here as the reference,
/// and both are given the values that need care: quotes, commas, line breaks, control
/// characters, formula starts, Vietnamese, emoji, U+2028/U+2029 and combining marks.
@Suite("Data file bytes")
struct DataBytesTests {
    static let tricky: [String] = [
        "", "a", "Thủ tục đăng ký khai sinh", "Đất đai – Hộ tịch", "\"", "\"\"", "say \"hi\"", "\\", "a\\b\\", ",", "a,b", "a, b, c",
        "\n", "a\nb", "\r", "a\rb", "\r\n", "a\r\nb", "x\r\n", "\t", "a\tb", "\u{0}", "a\u{1}b", "\u{1F}", "\u{7F}", "<", "</script><script>alert(1)</script>",
        "\u{2028}", "\u{2029}", "a\u{2028}b\u{2029}c", "\u{2027}\u{202A}\u{202F}", "👨‍👩‍👧 gia đình", "🇻🇳", "e\u{301}", ",\u{301}", "\"\u{301}x",
        "=SUM(A1)", "+84 263", "-5", "-5.5", "-x", "-", "@mention", "\tTab", "\rCR", "=\"quoted, formula\"", "phi-ho-tich-0; phi-chung-thuc-1",
        "\u{600},x", "a\u{600}\"b", "Hộ tịch, chứng thực", "đ,ư", "ư\n", "\nư", "x\"\"y", "-5,5", "-1e3", "=a,b", "@\"x\"", "+\n", "\t\"", "🇻🇳,🇻🇳",
        "a\n\u{301}", "\u{200D},", ",\u{200D}", "\"\u{FE0F}",
        String(repeating: "Ủy ban nhân dân xã, ", count: 40) + "\"cuối\"",
    ]

    @Test func literalsMatchTheScalarWiseWriter() {
        for text in Self.tricky {
            #expect(SearchIndex.literal(text) == Self.referenceLiteral(text), "\(text.debugDescription)")
            var bytes = DataBytes()
            bytes.appendLiteral(text)
            #expect(bytes.text == Self.referenceLiteral(text), "\(text.debugDescription)")
        }
    }

    @Test func csvCellsMatchTheScalarWiseWriter() {
        for text in Self.tricky {
            #expect(OpenData.quote(text) == Self.referenceQuote(text), "\(text.debugDescription)")
        }
        // A CSV reader splits bytes, not Characters: CR LF (one Character) ends a row, and a
        // comma or quote with a combining mark after it still ends a cell or a quoted run.
        #expect(OpenData.quote("a\r\nb") == "\"a\r\nb\"")
        #expect(OpenData.quote("a\nb") == "\"a\nb\"")
        #expect(OpenData.quote(",\u{301}") == "\",\u{301}\"")
        #expect(OpenData.quote("\"\u{301}x") == "\"\"\"\u{301}x\"")
        #expect(OpenData.quote("\u{600},x") == "\"\u{600},x\"")
    }

    static var trickyDataset: OpenData.Dataset {
        var rows: [[String: OpenData.Value]] = []
        for (index, text) in tricky.enumerated() {
            var row: [String: OpenData.Value] = ["ten": .text(text), "so": .number(index % 3 == 0 ? nil : index - 20)]
            if index % 2 == 0 { row["ds"] = .list(index % 4 == 0 ? [] : [text, "ổn", text]) }
            if index % 5 == 0 { row["ghi_chu"] = .text(nil) }
            if index % 7 == 0 { row["mot"] = .list([text]) }
            rows.append(row)
        }
        return OpenData.Dataset(title: "Thử", description: "Giá trị khó.", jsonPath: "du-lieu/thu.json", csvPath: "du-lieu/thu.csv",
                                columns: ["ten", "so", "ds", "ghi_chu", "mot", "khong_co"].map { OpenData.Column(name: $0, meaning: $0) }, rows: rows)
    }

    @Test func openDataFilesMatchTheStringWriters() throws {
        let dataset = Self.trickyDataset
        let files = OpenData.files([dataset])
        #expect(files.map(\.path) == ["du-lieu/thu.json", "du-lieu/thu.csv"])
        guard case let .bytes(json) = files[0].body, case let .bytes(csv) = files[1].body else {
            Issue.record("open data not written as bytes")
            return
        }
        #expect(String(decoding: json, as: UTF8.self) == Self.referenceJSON(dataset))
        #expect(String(decoding: csv, as: UTF8.self) == Self.referenceCSV(dataset))
        // `serve` keeps each row's text and joins them: the same files again.
        let keys = dataset.keys.map(SearchIndex.literal), columns = OpenData.csvColumns(dataset)
        #expect(OpenData.json(rows: dataset.cells.map { OpenData.jsonRow($0, keys: keys) }) == Self.referenceJSON(dataset))
        #expect(OpenData.csv(dataset, rows: dataset.cells.map { OpenData.csvRow($0, columns: columns) }) == Self.referenceCSV(dataset))
    }

    @Test func searchIndexMatchesTheStringWriter() throws {
        let entries = Self.tricky.indices.map { index in
            let text = Self.tricky[index]
            return SearchIndex.Entry(code: "1.\(index)", name: text, group: Self.tricky[(index + 7) % Self.tricky.count], label: index % 2 == 0 ? "" : text,
                                     path: "thu-tuc/a/\(index)/index.html", folded: text.lowercased())
        }
        let file = SearchIndex.file(entries)
        guard case let .bytes(data) = file.body else {
            Issue.record("index not written as bytes")
            return
        }
        let lines = entries.map { entry in
            "[" + [entry.code, entry.name, entry.group, entry.label, entry.path, entry.folded].map(Self.referenceLiteral).joined(separator: ",") + "]"
        }
        let reference = "// Chỉ mục tìm kiếm thủ tục do CongKhai tạo. [mã, tên, lĩnh vực, mức độ, địa chỉ, chữ đã bỏ dấu]\n"
            + "window.CONGKHAI_TIM_KIEM=[\n" + lines.joined(separator: ",\n") + "\n];\n"
        #expect(String(decoding: data, as: UTF8.self) == reference)
        #expect(entries.map(SearchIndex.line) == lines)
        guard case let .bytes(kept) = SearchIndex.file(lines: entries.map(SearchIndex.line)).body else { return }
        #expect(kept == data)
    }

    @Test func emptyDatasetsKeepTheirShape() {
        let empty = OpenData.Dataset(title: "", description: "", jsonPath: "a.json", csvPath: "a.csv",
                                     columns: [OpenData.Column(name: "a,b", meaning: "")], rows: [])
        #expect(OpenData.json(empty) == Self.referenceJSON(empty))
        #expect(OpenData.csv(empty) == Self.referenceCSV(empty))
        #expect(OpenData.csv(empty) == "\u{FEFF}\"a,b\"\r\n")
    }

    // MARK: The String writers as they were before the byte writer.

    static func referenceLiteral(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "<": out += "\\u003c"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// RFC 4180 by Unicode scalars (the String writer's rules, with its Character-wise
    /// comparisons made scalar-wise).
    static func referenceQuote(_ field: String) -> String {
        var scalars = String.UnicodeScalarView()
        if let first = field.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), !(first == "-" && Double(field) != nil) {
            scalars.append("'")
        }
        scalars.append(contentsOf: field.unicodeScalars)
        guard scalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return String(scalars) }
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in scalars {
            quoted.append(scalar)
            if scalar == "\"" { quoted.append("\"") }
        }
        quoted.append("\"")
        return String(quoted)
    }

    static func referenceCell(_ value: OpenData.Value) -> String {
        switch value {
        case let .text(text): return text ?? ""
        case let .number(number): return number.map(String.init) ?? ""
        case let .list(items): return items.joined(separator: "; ")
        }
    }

    static func referenceJSONValue(_ value: OpenData.Value) -> String {
        switch value {
        case let .text(text): return text.map(referenceLiteral) ?? "null"
        case let .number(number): return number.map(String.init) ?? "null"
        case let .list(items):
            return items.isEmpty ? "[\n\n    ]" : "[\n" + items.map { "      " + referenceLiteral($0) }.joined(separator: ",\n") + "\n    ]"
        }
    }

    static func referenceJSON(_ dataset: OpenData.Dataset) -> String {
        guard dataset.count > 0 else { return "[\n\n]\n" }
        let keys = dataset.keys.map(referenceLiteral)
        var out = "[\n"
        for index in dataset.cells.indices {
            let cells = dataset.cells[index]
            var row = "  {\n"
            let present = cells.indices.filter { cells[$0] != nil }
            for (position, column) in present.enumerated() {
                row += "    " + keys[column] + " : " + referenceJSONValue(cells[column]!)
                row += position == present.count - 1 ? "\n" : ",\n"
            }
            out += row + "  }"
            out += index == dataset.count - 1 ? "\n" : ",\n"
        }
        return out + "]\n"
    }

    static func referenceCSV(_ dataset: OpenData.Dataset) -> String {
        let position = Dictionary(dataset.keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let columns = dataset.columns.map { position[$0.name] }
        let rows = dataset.cells.map { cells in
            columns.map { column in referenceQuote(column.flatMap { cells[$0] }.map(referenceCell) ?? "") }.joined(separator: ",")
        }
        let lines = [dataset.columns.map(\.name).map(referenceQuote).joined(separator: ",")] + rows
        return "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
    }
}
