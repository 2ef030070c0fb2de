/// The bytes of a site-wide data file (open data JSON and CSV, the search index), written in
/// place: at 10,000 procedures these files are about 14 MB, which String concatenation and a
/// walk of Characters to quote CSV cells made slower than rendering the pages they describe.
/// Escaping scans UTF-8 bytes and copies the runs that need none.
struct DataBytes {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    var count: Int { bytes.count }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    mutating func reserve(_ capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    mutating func append(_ other: DataBytes) {
        bytes.append(contentsOf: other.bytes)
    }

    mutating func append(bytes other: [UInt8]) {
        bytes.append(contentsOf: other)
    }

    mutating func append(_ number: Int) {
        append(String(number))
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// `text` as a JavaScript (and JSON) string literal: `"`, `\`, control characters, `<` (so
    /// the text can never close a script element), U+2028 and U+2029 (which end a line in
    /// older JavaScript) escaped; everything else as it is.
    mutating func appendLiteral(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { source in appendEscaped(source) }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendEscaped(_ source: UnsafeBufferPointer<UInt8>) {
        var run = 0
        var index = 0
        let count = source.count
        while index < count {
            let byte = source[index]
            var escape: StaticString?
            var length = 1
            switch byte {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case UInt8(ascii: "\n"): escape = "\\n"
            case UInt8(ascii: "\r"): escape = "\\r"
            case UInt8(ascii: "<"): escape = "\\u003c"
            case 0xE2 where index + 2 < count && source[index + 1] == 0x80 && (source[index + 2] == 0xA8 || source[index + 2] == 0xA9):
                escape = source[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                length = 3
            default:
                if byte >= 0x20 {
                    index += 1
                    continue
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[run..<index]))
            if let escape {
                escape.withUTF8Buffer { bytes.append(contentsOf: $0) }
            } else {
                bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                          Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0x0F)]])
            }
            index += length
            run = index
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[run..<count]))
    }

    /// One CSV cell (`OpenData.quote`): formula-neutralised, and quoted when it holds a comma,
    /// a quote or a line break. Decided on bytes, as every CSV reader splits a file: a comma
    /// with a combining mark after it, or the two bytes of CR LF, still end a cell or a row.
    mutating func appendCSVCell(_ field: String) {
        var field = field
        let quoted = field.withUTF8(Self.needsQuotes)
        if quoted { bytes.append(UInt8(ascii: "\"")) }
        if let first = field.utf8.first, Self.opensFormula(first), !(first == UInt8(ascii: "-") && Double(field) != nil) {
            bytes.append(UInt8(ascii: "'"))
        }
        field.withUTF8 { source in
            guard quoted else { return bytes.append(contentsOf: source) }
            var run = 0
            for index in source.indices where source[index] == UInt8(ascii: "\"") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[run...index]))
                bytes.append(UInt8(ascii: "\""))
                run = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[run...]))
        }
        if quoted { bytes.append(UInt8(ascii: "\"")) }
    }

    /// Assessors open these files in Excel, which runs a cell starting with `=`, `+`, `-`, `@`,
    /// tab or carriage return as a formula (OWASP "CSV injection"): such a cell gets a leading
    /// apostrophe, which Excel shows as text. Numbers (`-5`) are left alone.
    private static func opensFormula(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "@") || byte == 0x09 || byte == 0x0D
    }

    private static func needsQuotes(_ source: UnsafeBufferPointer<UInt8>) -> Bool {
        source.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
    }
}
