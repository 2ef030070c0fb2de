import CongKhaiModel

/// Trend charts for the overview: one bar per period, 0–100%. Every coordinate is computed
/// here so the template only places numbers (templates never compute); each chart also
/// carries its data as table rows, the alternative for screen readers and print.
enum ReformCharts {
    // Horizontal bars, one per period, its name above it: 360 units wide, so 14 px text stays
    // legible on a 360 px phone however many periods there are (the chart grows downwards).
    static let width = 360
    static let left = 4
    static let plotWidth = 250
    static let top = 22
    static let rowHeight = 40

    static let shown: [(ReformIndicator, String)] = [
        (.onTime, "Tỷ lệ hồ sơ giải quyết đúng hạn"),
        (.online, "Tỷ lệ hồ sơ tiếp nhận trực tuyến"),
        (.satisfaction, "Tỷ lệ người dân, doanh nghiệp hài lòng"),
    ]

    /// `reports` in chronological order.
    /// Met or not against the report's own `chi_tieu`, else the year's plan; nil without a target or figures.
    static func verdict(_ report: ReformReport, _ indicator: ReformIndicator, _ ratio: Ratio?, plans: [ReformPlan]) -> (met: Bool, target: String)? {
        guard let ratio, let percent = ratio.percent else { return nil }
        if let target = report.targets[indicator] { return (percent >= target, ReformContext.targetText(target)) }
        guard let target = plans.first(where: { $0.year == report.year })?.targets.first(where: { $0.measure == indicator.rawValue }),
              let met = target.isMet(by: .ratio(ratio)) else { return nil }
        return (met, target.text)
    }

    static func charts(_ reports: [ReformReport], plans: [ReformPlan] = []) -> [[String: Any]] {
        shown.map { indicator, title in
            let points = reports.map { report in (report, report.ratio(indicator)) }
            let bottom = top + rowHeight * max(points.count, 1)
            var bars: [[String: Any]] = []
            for (index, (report, ratio)) in points.enumerated() {
                let y = top + rowHeight * index
                var bar: [String: Any] = [
                    "period": report.period.label,
                    "year": String(report.year),
                    "label_y": y + 15,
                ]
                if let tenths = ratio?.scaledPercent(places: 1) {
                    let length = (min(tenths, 1000) * plotWidth + 500) / 1000
                    bar["has_value"] = true
                    bar["x"] = left
                    bar["y"] = y + 20
                    bar["width"] = max(length, 1)
                    bar["height"] = 14
                    bar["value_text"] = ratio?.text ?? ""
                    bar["value_x"] = left + length + 6
                    bar["value_y"] = y + 32
                    let verdict = verdict(report, indicator, ratio, plans: plans)
                    bar["met"] = verdict?.met == true
                    bar["missed"] = verdict?.met == false
                }
                bars.append(bar)
            }
            let grid = [0, 50, 100].map { percent -> [String: Any] in
                let x = left + percent * plotWidth / 100
                return ["x": x, "anchor": percent == 0 ? "start" : "middle",
                        "y1": top - 4, "y2": bottom, "label": "\(percent)%"]
            }
            let described = points.map { report, ratio in "\(label(report)): \(ratio?.text ?? "không có số liệu")" }
            return [
                "id": "bieu-do-\(indicator.rawValue.replacingOccurrences(of: "_", with: "-"))",
                "title": title,
                "desc": "Biểu đồ thanh ngang, mỗi kỳ báo cáo một thanh, thang từ 0 đến 100%. " + described.joined(separator: "; ") + ".",
                "width": width,
                "height": bottom + 4,
                "grid": grid,
                "bars": bars,
                "rows": points.map { report, ratio -> [String: Any] in
                    var row: [String: Any] = ["label": label(report), "value_text": ratio?.text ?? "–"]
                    if let verdict = verdict(report, indicator, ratio, plans: plans) {
                        row["met"] = verdict.met
                        row["missed"] = !verdict.met
                        row["status_text"] = (verdict.met ? "Đạt" : "Chưa đạt") + " (chỉ tiêu \(verdict.target))"
                    }
                    return row
                },
            ]
        }
    }

    /// `Q.I/2026`-style short label, but in words: `Quý I 2026`.
    static func label(_ report: ReformReport) -> String {
        "\(report.period.label) \(report.year)"
    }
}
