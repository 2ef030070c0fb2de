/// The one CSV reader (RFC 4180) for budget tables and imported catalogue lists. It remembers
/// where each field starts, so a finding about a cell can name its line and column, and it
/// reports every quote RFC 4180 does not allow instead of guessing silently: a guess either
/// glues the rest of the file into one cell or changes a cell's text without anyone knowing.
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

    /// A quote the reader had to guess about, at the quote's own line and column.
    public struct QuoteProblem: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            /// `"abc` with no closing quote before the end of the file.
            case unclosed
            /// `ab"c`: a quote inside a field that did not start with one.
            case stray
            /// `"abc"def`: text between a closing quote and the next separator.
            case textAfterClosing
        }

        public var kind: Kind
        public var line: Int
        public var column: Int

        public init(kind: Kind, line: Int, column: Int) {
            self.kind = kind
            self.line = line
            self.column = column
        }

        /// The same words for every CSV the tool reads; callers add their own key.
        public var message: String {
            switch kind {
            case .unclosed:
                return "Dấu ngoặc kép mở ở cột \(column) không được đóng: mọi dòng sau nó sẽ bị gộp vào một ô. Đã đọc dòng này như thể ngoặc kép đóng ở cuối dòng."
            case .stray:
                return "Dấu ngoặc kép ở cột \(column) nằm giữa một ô không bắt đầu bằng ngoặc kép."
            case .textAfterClosing:
                return "Có chữ ngay sau dấu ngoặc kép đóng ở cột \(column - 1), trước dấu phân cách."
            }
        }

        public var hint: String {
            "Excel lưu một ô có dấu ngoặc kép bằng cách đặt cả ô trong ngoặc kép và viết mỗi dấu \" bên trong thành hai dấu \"\", ví dụ \"Hòa giải \"\"cấp xã\"\"\". Sửa dòng này như vậy, hoặc mở tệp bằng Excel/LibreOffice rồi lưu lại dạng CSV."
        }
    }

    public struct Parsed: Sendable {
        public var records: [Record]
        /// In file order. Reading goes on past each one, so no later row is lost.
        public var problems: [QuoteProblem]

        /// Where the first quote that never closes opened.
        public var unclosedQuoteLine: Int? { problems.first { $0.kind == .unclosed }?.line }
    }

    /// The separators a spreadsheet program writes: comma, semicolon (Excel with Vietnamese
    /// regional settings, where the comma is the decimal mark) and tab ("Text (Tab delimited)").
    static let separators: [Character] = [",", ";", "\t"]

    /// The separator the header uses: of the three, the one found most often outside quotes on
    /// the first line that has any (title lines above a header often have none); a tie, or no
    /// separator in the first 20 lines, goes to the comma. Only that line counts, because in
    /// the rows below a semicolon file carries decimal commas (`84,6`) that would outvote it.
    public static func separator(of text: String) -> Character {
        var counts: [Character: Int] = [:]
        var inQuotes = false
        var lines = 0
        for character in text {
            if character == "\"" {
                inQuotes.toggle()
            } else if !inQuotes, separators.contains(character) {
                counts[character, default: 0] += 1
            } else if !inQuotes, isLineEnd(character) {
                lines += 1
                if !counts.isEmpty || lines >= 20 { break }
            }
        }
        var best: Character = ","
        for candidate in separators where counts[candidate, default: 0] > counts[best, default: 0] { best = candidate }
        return best
    }

    /// Reads a file's text with the separator it uses: the one an Excel `sep=;` first line
    /// declares (that line is then no record, and the others keep their line numbers), else
    /// the header's (`separator(of:)`).
    public static func parse(_ text: String) -> Parsed {
        let first = String(text.prefix { !isLineEnd($0) }).trimmingWhitespace()
        guard first.lowercased().hasPrefix("sep="), let declared = first.dropFirst(4).first, declared != "\"" else {
            return parse(text, separator: separator(of: text))
        }
        var parsed = parse(text, separator: declared)
        if !parsed.records.isEmpty { parsed.records.removeFirst() }
        return parsed
    }

    /// A quote left open to the end of the file is read as closing at the end of its own line,
    /// and reading starts again on the next line. Quotes after one that never closes come in
    /// `""` pairs, which cannot open another, so one restart is the rule; the cap is a guard.
    static let maximumRestarts = 64

    /// Records in file order; a quoted field may span lines (its line breaks become `\n`).
    public static func parse(_ text: String, separator: Character = ",") -> Parsed {
        var characters = Array(text)
        if let last = characters.last, !isLineEnd(last) { characters.append("\n") }
        var scanner = Scanner(characters: characters, separator: separator)
        var restarts = 0
        while true {
            guard let open = scanner.run(), restarts < maximumRestarts else { break }
            restarts += 1
            scanner.closeAtEndOfLine(open)
        }
        return Parsed(records: scanner.records, problems: scanner.problems.sorted { ($0.line, $0.column) < ($1.line, $1.column) })
    }

    /// Only the line ends an editor counts: `Character.isNewline` also takes form feed, vertical tab,
    /// NEL and the Unicode line separators, which would put every later finding on the wrong line.
    public static func isLineEnd(_ character: Character) -> Bool {
        character == "\n" || character == "\r\n" || character == "\r"
    }

    /// The reading state, kept so that reading can resume after an unclosed quote.
    struct Scanner {
        /// Where a quoted field opened, and the state just before it, to resume from.
        struct OpenQuote {
            var index: Int
            var line: Int
            var column: Int
            var fields: [Field]
            var fieldColumn: Int
            var recordLine: Int
        }

        let characters: [Character]
        let separator: Character
        var records: [Record] = []
        var problems: [QuoteProblem] = []
        var fields: [Field] = []
        var current = ""
        var fieldColumn = 1
        var recordLine = 1
        var line = 1
        var column = 1
        var index = 0
        var fieldWasQuoted = false

        init(characters: [Character], separator: Character) {
            self.characters = characters
            self.separator = separator
        }

        /// Reads to the end of the text; returns the quote that was still open there, if any.
        mutating func run() -> OpenQuote? {
            var open: OpenQuote?
            var afterClosing = false
            while index < characters.count {
                let character = characters[index]
                if open != nil {
                    if character == "\"" {
                        if index + 1 < characters.count, characters[index + 1] == "\"" {
                            current.append("\"")
                            index += 1
                            column += 1
                        } else {
                            open = nil
                            afterClosing = true
                        }
                    } else if isLineEnd(character) {
                        current.append("\n")
                        line += 1
                        column = 0
                    } else {
                        current.append(character)
                    }
                } else if character == separator || isLineEnd(character) {
                    fields.append(Field(text: current, column: fieldColumn))
                    current = ""
                    afterClosing = false
                    fieldWasQuoted = false
                    if character == separator {
                        fieldColumn = column + 1
                    } else {
                        records.append(Record(line: recordLine, fields: fields))
                        fields = []
                        line += 1
                        column = 0
                        fieldColumn = 1
                        recordLine = line
                    }
                } else if character == "\"" && current.isEmpty && !fieldWasQuoted {
                    open = OpenQuote(index: index, line: line, column: column, fields: fields, fieldColumn: fieldColumn, recordLine: recordLine)
                    fieldWasQuoted = true
                } else {
                    if afterClosing {
                        problems.append(QuoteProblem(kind: .textAfterClosing, line: line, column: column))
                        afterClosing = false
                    } else if character == "\"" {
                        problems.append(QuoteProblem(kind: .stray, line: line, column: column))
                    }
                    current.append(character)
                }
                index += 1
                column += 1
            }
            return open
        }

        /// Takes the open quote's field to the end of its line and resumes on the next line.
        mutating func closeAtEndOfLine(_ open: OpenQuote) {
            problems.append(QuoteProblem(kind: .unclosed, line: open.line, column: open.column))
            // The separators on that line were read as text inside the quote; split there again.
            var lineFields = open.fields
            var text = ""
            var start = open.fieldColumn
            var column = open.column + 1
            var end = open.index + 1
            while end < characters.count, !isLineEnd(characters[end]) {
                if characters[end] == separator {
                    lineFields.append(Field(text: text, column: start))
                    text = ""
                    start = column + 1
                } else {
                    text.append(characters[end])
                }
                end += 1
                column += 1
            }
            lineFields.append(Field(text: text, column: start))
            records.append(Record(line: open.recordLine, fields: lineFields))
            fields = []
            current = ""
            fieldWasQuoted = false
            index = end + 1
            line = open.line + 1
            column = 1
            fieldColumn = 1
            recordLine = line
        }
    }
}
