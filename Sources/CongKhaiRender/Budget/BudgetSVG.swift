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

    static let width = 680
    static let barArea = 320

    /// Estimate (hatched) against execution (solid) for each item.
    static func bars(id: String, title: String, description: String, items: [Item], actualLabel: String, shortLabel: String) -> String {
        let rowHeight = 54, top = 34
        let height = top + rowHeight * items.count
        let maximum = max(1, items.map { max($0.planned, $0.actual ?? 0) }.max() ?? 1)
        var body = legend(id: id, entries: [("Dự toán", "url(#\(id)-gach)"), (actualLabel, "#1f2937")])
        for (index, item) in items.enumerated() {
            let y = top + index * rowHeight
            let indent = item.level > 1 ? 16 : 0
            body += text(x: 4 + indent, y: y + 12, item.label, bold: item.level == 1)
            let plannedWidth = scaled(item.planned, maximum)
            body += rect(x: 4 + indent, y: y + 18, width: plannedWidth, height: 12, fill: "url(#\(id)-gach)")
            body += text(x: 10 + indent + plannedWidth, y: y + 28, "Dự toán: " + billions(item.planned))
            if let actual = item.actual {
                let actualWidth = scaled(actual, maximum)
                body += rect(x: 4 + indent, y: y + 33, width: actualWidth, height: 12, fill: "#1f2937")
                let rate = VietnameseFormat.percent(actual, of: item.planned).map { " (\($0))" } ?? ""
                body += text(x: 10 + indent + actualWidth, y: y + 43, "\(shortLabel): \(billions(actual))\(rate)")
            }
        }
        return frame(id: id, title: title, description: description, height: height, body: body)
    }

    /// For each group, one bar per report period, as a percentage of the estimate; a line marks 100%.
    static func progress(id: String, title: String, description: String, groups: [(String, [(String, Double?)])]) -> String {
        let barHeight = 14, top = 10
        let maximum = max(110, groups.flatMap { $0.1.compactMap(\.1) }.max() ?? 0)
        var body = ""
        var y = top
        for (label, points) in groups {
            body += text(x: 4, y: y + 12, label, bold: true)
            y += 18
            for (period, rate) in points {
                let barWidth = rate.map { Int(Double(barArea) * $0 / maximum) } ?? 0
                body += rect(x: 4, y: y, width: barWidth, height: barHeight, fill: "#1f2937")
                let value = rate.map { VietnameseFormat.decimal($0) + "%" } ?? "chưa có số liệu"
                body += text(x: 10 + barWidth, y: y + 11, "\(period): \(value)")
                y += barHeight + 4
            }
            y += 10
        }
        // The 100% mark goes first so that bar labels are drawn over it, not under it.
        let hundred = 4 + Int(Double(barArea) * 100 / maximum)
        let mark = "<line x1=\"\(hundred)\" y1=\"\(top)\" x2=\"\(hundred)\" y2=\"\(y)\" stroke=\"#555\" stroke-dasharray=\"4 3\"/>"
        body = mark + body + text(x: hundred - 14, y: y + 12, "100%")
        return frame(id: id, title: title, description: description, height: y + 18, body: body)
    }

    static func frame(id: String, title: String, description: String, height: Int, body: String) -> String {
        "<svg class=\"budget-chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(width) \(height)\" role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\">"
            + "<title id=\"\(id)-t\">\(escape(title))</title><desc id=\"\(id)-d\">\(escape(description))</desc>"
            + "<defs><pattern id=\"\(id)-gach\" patternUnits=\"userSpaceOnUse\" width=\"6\" height=\"6\">"
            + "<rect width=\"6\" height=\"6\" fill=\"#fff\"/><path d=\"M0,6 L6,0\" stroke=\"#000\" stroke-width=\"1.2\"/></pattern></defs>"
            + body + "</svg>"
    }

    static func legend(id: String, entries: [(String, String)]) -> String {
        var x = 4
        var result = ""
        for (label, fill) in entries {
            result += rect(x: x, y: 6, width: 18, height: 12, fill: fill)
            result += text(x: x + 24, y: 16, label)
            x += 40 + label.count * 8
        }
        return result
    }

    static func rect(x: Int, y: Int, width: Int, height: Int, fill: String) -> String {
        "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(max(width, 1))\" height=\"\(height)\" fill=\"\(fill)\" stroke=\"#000\" stroke-width=\"1\"/>"
    }

    static func text(x: Int, y: Int, _ content: String, bold: Bool = false) -> String {
        // A white halo keeps labels legible where they cross the 100% line.
        "<text x=\"\(x)\" y=\"\(y)\" font-size=\"12\" paint-order=\"stroke\" stroke=\"#fff\" stroke-width=\"3\"\(bold ? " font-weight=\"bold\"" : "")>\(escape(content))</text>"
    }

    static func scaled(_ value: Int, _ maximum: Int) -> Int {
        Int(Double(barArea) * Double(max(value, 0)) / Double(maximum))
    }

    /// `12,35 tỷ đồng`: bars label whole budgets, where billions read better than 11 digits.
    static func billions(_ amount: Int) -> String {
        VietnameseFormat.decimal(Double(amount) / 1_000_000_000, places: 2) + " tỷ đồng"
    }

    static func escape(_ text: String) -> String {
        MarkupEscape.text(text)
    }
}
