import CongKhaiModel

/// Gives every body cell of a Markdown table its column's header as `data-label`, and the table
/// the class `stack`: below a breakpoint the theme shows each row as a block of "label: value"
/// lines, with no script, while the markup stays a table for screen readers.
/// Runs on cmark-gfm's output, where content text is already escaped, so a header's text can be
/// copied into an attribute as it is once its tags are removed. Tags are found as UTF-8
/// bytes (`firstByteRange`): Foundation's `range(of:)` cost more than cmark-gfm itself.
enum TableLabels {
    static func apply(_ html: String) -> String {
        guard html.containsBytes("<table>") else { return html }
        var output = ""
        var rest = html[...]
        while let start = rest.firstByteRange(of: "<table>") {
            output += rest[..<start.lowerBound]
            guard let end = rest.firstByteRange(of: "</table>", from: start.upperBound) else { break }
            output += labelled(rest[start.upperBound..<end.lowerBound])
            rest = rest[end.upperBound...]
        }
        return output + rest
    }

    /// The inside of one `<table>`…`</table>`, returned with both tags.
    static func labelled(_ table: Substring) -> String {
        guard let headEnd = table.firstByteRange(of: "</thead>") else { return "<table>" + table + "</table>" }
        let labels = headers(table[..<headEnd.lowerBound])
        var output = "<table class=\"stack\">" + table[..<headEnd.upperBound]
        var rest = table[headEnd.upperBound...]
        var column = 0
        while let tag = rest.firstByteRange(of: "<t") {
            output += rest[..<tag.upperBound]
            rest = rest[tag.upperBound...]
            if rest.hasPrefix("r>") || rest.hasPrefix("r ") {
                column = 0
            } else if rest.hasPrefix("d>") || rest.hasPrefix("d ") {
                output += "d"
                rest = rest.dropFirst()
                if column < labels.count, !labels[column].isEmpty { output += " data-label=\"\(labels[column])\"" }
                column += 1
            }
        }
        return output + rest + "</table>"
    }

    /// The text of each `<th>` of the header row, tags removed.
    static func headers(_ head: Substring) -> [String] {
        var labels: [String] = []
        var rest = head
        while let open = rest.firstByteRange(of: "<th"), let close = rest.firstByteRange(of: "</th>", from: open.upperBound) {
            let cell = rest[open.upperBound..<close.lowerBound]
            let content = cell.firstIndex(of: ">").map { cell[cell.index(after: $0)...] } ?? ""
            labels.append(strippingTags(content))
            rest = rest[close.upperBound...]
        }
        return labels
    }

    static func strippingTags(_ text: Substring) -> String {
        var result = ""
        var inTag = false
        for character in text {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { result.append(character) }
        }
        return result.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
