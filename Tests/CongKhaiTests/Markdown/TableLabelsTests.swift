@testable import CongKhaiMarkdown
import CongKhaiModel
import Testing

/// `TableLabels` works on bytes in one pass; it must label exactly as the String version it
/// replaced (kept here as the reference), including on HTML cmark-gfm would not write.
@Suite("Table labels on bytes")
struct TableLabelsTests {
    static let cases = [
        "<p>Không có bảng</p>\n",
        "<table>\n<thead>\n<tr>\n<th>Tên</th>\n<th scope=\"col\"><strong>Số</strong> lượng</th>\n<th></th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>a</td>\n<td class=\"align-right\">1</td>\n<td>x</td>\n<td>thừa</td>\n</tr>\n<tr>\n<td>b</td>\n</tr>\n</tbody>\n</table>\n",
        "<p>trước</p><table><tr><td>không có thead</td></tr></table><p>giữa</p><table><thead><tr><th>A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table><p>sau</p>",
        "<table><thead><tr><th>A  \n b</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table><table><thead><tr><th>B</th>",
        "<table><thead><tr><th>Ngày &amp; giờ</th><th>C</th></tr></thead><tbody><tr><td>x</td><td>y</td><t",
        "<table></table><table><thead></thead></table><table>",
    ]

    @Test func labelsAsTheStringVersionDid() {
        // Twice: the second time the labels come from the headers already seen.
        for _ in 0..<2 {
            for html in Self.cases {
                #expect(TableLabels.apply(html) == Reference.apply(html), "\(html)")
            }
        }
        #expect(TableLabels.apply(Self.cases[1]).contains("<td data-label=\"Số lượng\" class=\"align-right\">1</td>"))
    }

    /// The String version wrote the text before an unclosed table twice (cmark-gfm never
    /// writes one, so no page changes): it is kept once, and the table as it was.
    @Test func anUnclosedTableIsLeftAsItIs() {
        #expect(TableLabels.apply("<p>a</p><table><thead><tr><th>A</th></tr></thead><tbody>") == "<p>a</p><table><thead><tr><th>A</th></tr></thead><tbody>")
        #expect(TableLabels.apply("<table></table>x<table>") == "<table></table>x<table>")
    }

    /// The String implementation before the byte one (commit aca48fa).
    enum Reference {
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

        static func headers(_ head: Substring) -> [String] {
            var labels: [String] = []
            var rest = head
            while let open = rest.firstByteRange(of: "<th"), let close = rest.firstByteRange(of: "</th>", from: open.upperBound) {
                let cell = rest[open.upperBound..<close.lowerBound]
                let content = cell.firstIndex(of: ">").map { cell[cell.index(after: $0)...] } ?? ""
                labels.append(TableLabels.strippingTags(content))
                rest = rest[close.upperBound...]
            }
            return labels
        }
    }
}
