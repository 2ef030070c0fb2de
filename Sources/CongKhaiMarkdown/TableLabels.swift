import CongKhaiModel
import Synchronization

/// Gives every body cell of a Markdown table its column's header as `data-label`, and the table
/// the class `stack`: below a breakpoint the theme shows each row as a block of "label: value"
/// lines, with no script, while the markup stays a table for screen readers.
/// Runs on cmark-gfm's output, where content text is already escaped, so a header's text can be
/// copied into an attribute as it is once its tags are removed. Works on the UTF-8 bytes
/// `HTMLPolish` made, in one pass, appending to one buffer: building the page with Substring
/// concatenations cost more than cmark-gfm itself.
enum TableLabels {
    static func apply(_ html: String) -> String {
        var bytes = Array(html.utf8)
        bytes = apply(bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let tableOpen = Array("<table>".utf8)
    private static let tableClose = Array("</table>".utf8)
    private static let headClose = Array("</thead>".utf8)
    private static let cellStart = Array("<t".utf8)
    private static let headerOpen = Array("<th".utf8)
    private static let headerClose = Array("</th>".utf8)
    private static let stackOpen = Array("<table class=\"stack\">".utf8)

    /// `html` with its tables labelled; `html` itself (not copied) when it has no table.
    static func apply(_ html: [UInt8]) -> [UInt8] {
        html.withUnsafeBufferPointer { source -> [UInt8] in
            guard var start = find(tableOpen, in: source, from: 0, to: source.count) else { return html }
            var output: [UInt8] = []
            output.reserveCapacity(source.count + source.count / 4)
            var rest = 0
            repeat {
                output.append(contentsOf: source[rest..<start])
                let inside = start + tableOpen.count
                guard let end = find(tableClose, in: source, from: inside, to: source.count) else {
                    // An unclosed table is left as cmark wrote it.
                    rest = start
                    break
                }
                labelled(source, inside..<end, into: &output)
                rest = end + tableClose.count
                guard let next = find(tableOpen, in: source, from: rest, to: source.count) else { break }
                start = next
            } while true
            output.append(contentsOf: source[rest...])
            return output
        }
    }

    /// The inside of one `<table>`…`</table>` (`table`), written with both tags.
    private static func labelled(_ source: UnsafeBufferPointer<UInt8>, _ table: Range<Int>, into output: inout [UInt8]) {
        guard let headEnd = find(headClose, in: source, from: table.lowerBound, to: table.upperBound) else {
            output.append(contentsOf: tableOpen)
            output.append(contentsOf: source[table])
            output.append(contentsOf: tableClose)
            return
        }
        let labels = labels(source, table.lowerBound..<headEnd)
        output.append(contentsOf: stackOpen)
        var rest = headEnd + headClose.count
        output.append(contentsOf: source[table.lowerBound..<rest])
        var column = 0
        while let tag = find(cellStart, in: source, from: rest, to: table.upperBound) {
            output.append(contentsOf: source[rest..<(tag + cellStart.count)])
            rest = tag + cellStart.count
            guard rest + 1 < table.upperBound else { continue }
            let letter = source[rest], after = source[rest + 1]
            guard after == UInt8(ascii: ">") || after == UInt8(ascii: " ") else { continue }
            if letter == UInt8(ascii: "r") {
                column = 0
            } else if letter == UInt8(ascii: "d") {
                output.append(letter)
                rest += 1
                if column < labels.count, !labels[column].isEmpty {
                    output.append(contentsOf: " data-label=\"".utf8)
                    output.append(contentsOf: labels[column])
                    output.append(UInt8(ascii: "\""))
                }
                column += 1
            }
        }
        output.append(contentsOf: source[rest..<table.upperBound])
        output.append(contentsOf: tableClose)
    }

    /// Labels already made, by the bytes of the header they were made from: the pages of a
    /// site repeat a few headers (every procedure's "Thành phần hồ sơ"), and reading a label
    /// character by character cost more than the rest of the table. Bounded; a miss only costs the work.
    private static let known = Mutex<[[UInt8]: [[UInt8]]]>([:])
    private static let knownLimit = 4_096

    private static func labels(_ source: UnsafeBufferPointer<UInt8>, _ head: Range<Int>) -> [[UInt8]] {
        let key = Array(source[head])
        if let labels = known.withLock({ $0[key] }) { return labels }
        let labels = headers(source, head).map { Array($0.utf8) }
        known.withLock { if $0.count < knownLimit { $0[key] = labels } }
        return labels
    }

    /// The text of each `<th` … `</th>` of the header (`head`), tags removed. (`<thead>` is
    /// matched too: its text up to the first header's end is that header's, once tags are gone.)
    private static func headers(_ source: UnsafeBufferPointer<UInt8>, _ head: Range<Int>) -> [String] {
        var labels: [String] = []
        var rest = head.lowerBound
        while let open = find(headerOpen, in: source, from: rest, to: head.upperBound),
              let close = find(headerClose, in: source, from: open + headerOpen.count, to: head.upperBound) {
            let cell = (open + headerOpen.count)..<close
            let content = source[cell].firstIndex(of: UInt8(ascii: ">")).map { ($0 + 1)..<close } ?? close..<close
            labels.append(strippingTags(Substring(decoding: UnsafeBufferPointer(rebasing: source[content]), as: UTF8.self)))
            rest = close + headerClose.count
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

    /// Where `needle` first starts in `source[from..<to]`.
    static func find(_ needle: [UInt8], in source: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int? {
        let first = needle[0], length = needle.count
        var index = from
        while index + length <= to {
            if source[index] == first {
                var offset = 1
                while offset < length, source[index + offset] == needle[offset] { offset += 1 }
                if offset == length { return index }
            }
            index += 1
        }
        return nil
    }
}
