/// A small RFC 4180 reader that remembers where each field starts, so a finding about a
/// cell can name its line and column. Input is already NFC with `\n` line ends (SourceText).
struct BudgetCSV {
    struct Field {
        var text: String
        /// 1-based character column where the field starts on its line.
        var column: Int
    }

    struct Record {
        /// 1-based line where the record starts.
        var line: Int
        var fields: [Field]

        var isBlank: Bool { fields.allSatisfy { $0.text.trimmingWhitespace().isEmpty } }
    }

    /// Records in file order; a quoted field may span lines. `unclosedQuoteLine` is the line
    /// where a quote opened and never closed (the records up to it are still returned).
    static func parse(_ text: String) -> (records: [Record], unclosedQuoteLine: Int?) {
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
        if characters.last != "\n" { characters.append("\n") }
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
                } else {
                    current.append(character)
                    if character == "\n" {
                        line += 1
                        column = 0
                    }
                }
            } else {
                switch character {
                case "\"" where current.isEmpty:
                    inQuotes = true
                    quoteLine = line
                case ",":
                    fields.append(Field(text: current, column: fieldColumn))
                    current = ""
                    fieldColumn = column + 1
                case "\n":
                    fields.append(Field(text: current, column: fieldColumn))
                    records.append(Record(line: recordLine, fields: fields))
                    fields = []
                    current = ""
                    line += 1
                    column = 0
                    fieldColumn = 1
                    recordLine = line
                default:
                    current.append(character)
                }
            }
            index += 1
            column += 1
        }
        if inQuotes { return (records, quoteLine) }
        return (records, nil)
    }
}
