/// The one CSV reader (RFC 4180, lenient: a quote inside an unquoted field is kept as text)
/// for budget tables and imported catalogue lists. It remembers where each field starts, so a
/// finding about a cell can name its line and column.
public struct CSVTable {
    public struct Field: Sendable, Equatable {
        public var text: String
        /// 1-based character column where the field starts on its line.
        public var column: Int
    }

    public struct Record: Sendable, Equatable {
        /// 1-based line where the record starts.
        public var line: Int
        public var fields: [Field]

        public var isBlank: Bool { fields.allSatisfy { $0.text.trimmingWhitespace().isEmpty } }
    }

    /// Excel with Vietnamese regional settings saves "CSV" with semicolons, because the comma is
    /// the decimal mark there. A first line with semicolons and no comma is read that way.
    public static func separator(of text: String) -> Character {
        let firstLine = text.prefix { !$0.isNewline }
        return firstLine.contains(";") && !firstLine.contains(",") ? ";" : ","
    }

    /// Records in file order; a quoted field may span lines (its line breaks become `\n`).
    /// When a quote opens and never closes, `unclosedQuoteLine` is where it opened and
    /// `unfinished` holds the record it swallowed, for callers that prefer to keep it.
    public static func parse(_ text: String, separator: Character = ",")
        -> (records: [Record], unclosedQuoteLine: Int?, unfinished: Record?) {
        var records: [Record] = []
        var fields: [Field] = []
        var current = ""
        var fieldColumn = 1
        var recordLine = 1
        var line = 1
        var column = 1
        var inQuotes = false
        var quoteLine = 0
        var characters = Array(text)
        if let last = characters.last, !isLineEnd(last) { characters.append("\n") }
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if inQuotes {
                if character == "\"" {
                    if index + 1 < characters.count, characters[index + 1] == "\"" {
                        current.append("\"")
                        index += 1
                        column += 1
                    } else {
                        inQuotes = false
                    }
                } else if isLineEnd(character) {
                    current.append("\n")
                    line += 1
                    column = 0
                } else {
                    current.append(character)
                }
            } else if character == "\"" && current.isEmpty {
                inQuotes = true
                quoteLine = line
            } else if character == separator {
                fields.append(Field(text: current, column: fieldColumn))
                current = ""
                fieldColumn = column + 1
            } else if isLineEnd(character) {
                fields.append(Field(text: current, column: fieldColumn))
                records.append(Record(line: recordLine, fields: fields))
                fields = []
                current = ""
                line += 1
                column = 0
                fieldColumn = 1
                recordLine = line
            } else {
                current.append(character)
            }
            index += 1
            column += 1
        }
        guard inQuotes else { return (records, nil, nil) }
        let unfinished = Record(line: recordLine, fields: fields + [Field(text: current, column: fieldColumn)])
        return (records, quoteLine, unfinished)
    }

    /// Only the line ends an editor counts: `Character.isNewline` also takes form feed, vertical tab,
    /// NEL and the Unicode line separators, which would put every later finding on the wrong line.
    static func isLineEnd(_ character: Character) -> Bool {
        character == "\n" || character == "\r\n" || character == "\r"
    }
}
