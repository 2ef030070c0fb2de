import CongKhaiModel

/// Inline SVG charts with no script: `role="img"` with `<title>` and `<desc>`, every bar
/// labelled with its figure, and the estimate hatched rather than coloured, so the chart
/// still reads in black and white and on paper.
enum BudgetSVG {
    struct Item {
        var label: String
        var level: Int
        var planned: Int
        var actual: Int?
    }

    /// Drawn for a phone: 360 units wide, so 14-unit text stays at least 12 px on a 360 px screen
    /// (the theme caps the chart's width on wide screens). Labels go above their bars, never after.
    static let width = 360
    static let barArea = 350
    /// The progress chart writes "Quý I: 45,2%" after each bar: its bars are shorter.
    static let progressArea = 220
    static let fontSize = 14
    static let lineHeight = 18

    /// Estimate (hatched) against execution (solid) for each item: the item's name, then for
    /// each figure its label line and its bar.
    static func bars(id: String, title: String, description: String, items: [Item], actualLabel: String, shortLabel: String) -> String {
        let maximum = max(1, items.map { max($0.planned, $0.actual ?? 0) }.max() ?? 1)
        var body = legend(id: id, entries: [("Dự toán", "url(#\(id)-gach)"), (actualLabel, "#1f2937")])
        var y = 30 + lineHeight * (legendLines(entries: ["Dự toán", actualLabel]) - 1)
        for item in items {
            let indent = item.level > 1 ? 12 : 0
            for line in wrapped(item.label, indent: indent) {
                y += lineHeight
                body += text(x: 4 + indent, y: y, line, bold: item.level == 1)
            }
            y += lineHeight
            body += text(x: 4 + indent, y: y, "Dự toán: " + billions(item.planned))
            body += rect(x: 4 + indent, y: y + 5, width: scaled(item.planned, maximum, area: barArea - indent), height: 12, fill: "url(#\(id)-gach)")
            y += 17
            if let actual = item.actual {
                let rate = VietnameseFormat.percent(actual, of: item.planned).map { " (\($0))" } ?? ""
                y += lineHeight
                body += text(x: 4 + indent, y: y, "\(shortLabel): \(billions(actual))\(rate)")
                body += rect(x: 4 + indent, y: y + 5, width: scaled(actual, maximum, area: barArea - indent), height: 12, fill: "#1f2937")
                y += 17
            }
            y += 10
        }
        return frame(id: id, title: title, description: description, height: y + 4, body: body)
    }

    /// For each group, one bar per report period, as a percentage of the estimate; a line marks 100%.
    static func progress(id: String, title: String, description: String, groups: [(String, [(String, Double?)])]) -> String {
        let barHeight = 14, top = 10
        let maximum = max(110, groups.flatMap { $0.1.compactMap(\.1) }.max() ?? 0)
        var body = ""
        var y = top
        for (label, points) in groups {
            for line in wrapped(label, indent: 0) {
                body += text(x: 4, y: y + 14, line, bold: true)
                y += lineHeight
            }
            y += 4
            for (period, rate) in points {
                let barWidth = rate.map { Int(Double(progressArea) * $0 / maximum) } ?? 0
                body += rect(x: 4, y: y, width: barWidth, height: barHeight, fill: "#1f2937")
                let value = rate.map { VietnameseFormat.decimal($0) + "%" } ?? "chưa có số liệu"
                body += text(x: 10 + barWidth, y: y + 12, "\(period): \(value)")
                y += barHeight + 6
            }
            y += 10
        }
        // The 100% mark goes first so that bar labels are drawn over it, not under it.
        let hundred = 4 + Int(Double(progressArea) * 100 / maximum)
        let mark = "<line x1=\"\(hundred)\" y1=\"\(top)\" x2=\"\(hundred)\" y2=\"\(y)\" stroke=\"#555\" stroke-dasharray=\"4 3\"/>"
        body = mark + body + text(x: hundred - 16, y: y + 14, "100%")
        return frame(id: id, title: title, description: description, height: y + 20, body: body)
    }

    /// A label cut at spaces into lines that fit the chart's width (about 7.5 units a letter at 14).
    static func wrapped(_ label: String, indent: Int) -> [String] {
        let limit = max(10, (width - 8 - indent) * 2 / 15)
        var lines: [String] = []
        var line = ""
        for word in label.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > limit {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        return lines + (line.isEmpty ? [] : [line])
    }

    static func frame(id: String, title: String, description: String, height: Int, body: String) -> String {
        "<svg class=\"budget-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\">"
            + "<title id=\"\(id)-t\">\(escape(title))</title><desc id=\"\(id)-d\">\(escape(description))</desc>"
            + "<defs><pattern id=\"\(id)-gach\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\">"
            + "<rect width=\"6\" height=\"6\" fill=\"#fff\"/><path d=\"M0,6 L6,0\" stroke=\"#000\" stroke-width=\"1.2\"/></pattern></defs>"
            + body + "</svg>"
    }

    /// The key of the chart, one entry after the other, going to a new line when the next would not fit.
    static func legend(id: String, entries: [(String, String)]) -> String {
        var x = 4, y = 6
        var result = ""
        for (label, fill) in entries {
            let size = 32 + label.count * 8
            if x > 4, x + size > width { x = 4; y += lineHeight }
            result += rect(x: x, y: y, width: 18, height: 12, fill: fill)
            result += text(x: x + 24, y: y + 11, label)
            x += size + 8
        }
        return result
    }

    static func legendLines(entries: [String]) -> Int {
        var x = 4, lines = 1
        for label in entries {
            let size = 32 + label.count * 8
            if x > 4, x + size > width { x = 4; lines += 1 }
            x += size + 8
        }
        return lines
    }

    static func rect(x: Int, y: Int, width: Int, height: Int, fill: String) -> String {
        "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(max(width, 1))\" height=\"\(height)\" fill=\"\(fill)\" stroke=\"#000\" stroke-width=\"1\"/>"
    }

    static func text(x: Int, y: Int, _ content: String, bold: Bool = false) -> String {
        // A white halo keeps labels legible where they cross the 100% line.
        "<text x=\"\(x)\" y=\"\(y)\" font-size=\"\(fontSize)\" paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"3\"\(bold ? " font-weight=\"bold\"" : "")>\(escape(content))</text>"
    }

    static func scaled(_ value: Int, _ maximum: Int, area: Int) -> Int {
        Int(Double(area) * Double(max(value, 0)) / Double(maximum))
    }

    /// `12,35 tỷ đồng`: bars label whole budgets, where billions read better than 11 digits.
    static func billions(_ amount: Int) -> String {
        VietnameseFormat.decimal(Double(amount) / 1_000_000_000, places: 2) + " tỷ đồng"
    }

    static func escape(_ text: String) -> String {
        MarkupEscape.text(text)
    }
}
