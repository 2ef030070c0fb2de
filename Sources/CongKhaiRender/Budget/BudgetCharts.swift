import CongKhaiModel

/// The two charts of the overview, as template values: an inline SVG plus the same figures
/// as a table (the text alternative, and what prints best).
enum BudgetCharts {
    /// Estimate against execution for the top-level groups and their first sub-items.
    /// Execution comes from the final accounts if there are any, else the latest report.
    static func comparison(year: Int, budgets: [BudgetDisclosure]) -> [String: Any]? {
        guard let estimate = budgets.first(where: { $0.kind == .estimate }) ?? budgets.first(where: { $0.kind == .submittedEstimate }),
              let estimateColumn = estimate.estimateColumn,
              let actual = budgets.first(where: { $0.kind == .finalAccounts })
                ?? budgets.filter({ $0.kind == .execution }).max(by: { ($0.period?.months ?? 0) < ($1.period?.months ?? 0) }),
              let actualColumn = actual.actualColumn else { return nil }
        let actualByKey = Dictionary(zip(keys(actual.rows), actual.rows), uniquingKeysWith: { first, _ in first })
        var items: [BudgetSVG.Item] = []
        for (key, row) in zip(keys(estimate.rows), estimate.rows) where (1...2).contains(row.level) {
            guard let planned = row.amounts[estimateColumn.id] else { continue }
            items.append(BudgetSVG.Item(label: "\(row.stt). \(row.content)", level: row.level, planned: planned,
                                        actual: actualByKey[key]?.amounts[actualColumn.id]))
        }
        guard !items.isEmpty else { return nil }
        let actualLabel = actual.kind == .finalAccounts ? "Quyết toán" : "Thực hiện \(actual.period?.label ?? "cả năm")"
        let title = "Dự toán và \(actualLabel.lowercased()) năm \(year)"
        let description = "Biểu đồ thanh ngang: mỗi nội dung có một thanh gạch chéo là dự toán và một thanh đậm là \(actualLabel.lowercased()); số liệu đầy đủ ở bảng ngay sau biểu đồ."
        return [
            "title": title,
            "actual_label": actualLabel,
            "svg": BudgetSVG.bars(id: "so-sanh-\(year)", title: title, description: description, items: items, actualLabel: actualLabel,
                                 shortLabel: actual.kind == .finalAccounts ? "Quyết toán" : "Thực hiện"),
            "rows": items.map { item -> [String: Any] in
                [
                    "label": item.label,
                    "level_class": "cap-\(item.level)",
                    "is_group": item.level == 1,
                    "planned_text": VietnameseFormat.integer(item.planned),
                    "actual_text": item.actual.map(VietnameseFormat.integer) ?? "",
                    "rate_text": item.actual.flatMap { VietnameseFormat.percent($0, of: item.planned) } ?? "",
                ]
            },
        ]
    }

    /// Execution across the year, as a share of the estimate, for each top-level group.
    static func progress(year: Int, budgets: [BudgetDisclosure]) -> [String: Any]? {
        let reports = budgets.filter { $0.kind == .execution && $0.period != nil }.sorted { $0.period! < $1.period! }
        let estimate = budgets.first { $0.kind == .estimate }
        guard !reports.isEmpty else { return nil }
        var groups: [(label: String, points: [(period: BudgetPeriod, rate: Double?)])] = []
        let reference = estimate ?? reports[0]
        for (key, row) in zip(keys(reference.rows), reference.rows) where row.level == 1 {
            let points = reports.map { report -> (period: BudgetPeriod, rate: Double?) in
                let match = zip(keys(report.rows), report.rows).first { $0.0 == key }?.1
                let done = report.actualColumn.flatMap { match?.amounts[$0.id] }
                // The report's own estimate column if it has one, else the approved estimate.
                let planned = report.estimateColumn.flatMap { match?.amounts[$0.id] }
                    ?? estimate?.estimateColumn.flatMap { row.amounts[$0.id] }
                guard let done, let planned, planned != 0 else { return (report.period!, nil) }
                return (report.period!, Double(done) * 100 / Double(planned))
            }
            groups.append(("\(row.stt). \(row.content)", points))
        }
        guard !groups.isEmpty else { return nil }
        let title = "Tiến độ thực hiện dự toán năm \(year)"
        let description = "Mỗi nhóm có một thanh cho từng kỳ báo cáo, dài bằng tỷ lệ thực hiện so với dự toán, ghi số phần trăm ở cuối thanh; đường dọc là mốc 100%."
        return [
            "title": title,
            "periods": reports.map { ["label": periodName($0.period!)] },
            "svg": BudgetSVG.progress(id: "tien-do-\(year)", title: title, description: description,
                                      groups: groups.map { ($0.label, $0.points.map { (periodName($0.period), $0.rate) }) }),
            "rows": groups.map { group -> [String: Any] in
                ["label": group.label,
                 "cells": group.points.map { ["text": $0.rate.map { VietnameseFormat.decimal($0) + "%" } ?? "–", "label": periodName($0.period)] }]
            },
        ]
    }

    static func periodName(_ period: BudgetPeriod) -> String {
        period == .year ? "Cả năm" : period.label.prefix(1).uppercased() + period.label.dropFirst()
    }

    /// A key per row that survives renumbering elsewhere: the chain of `stt` from the top (`II/2/a`).
    static func keys(_ rows: [BudgetRow]) -> [String] {
        var parent: [Int: Int] = [:]
        for (index, row) in rows.enumerated() where !row.isGrandTotal {
            for child in row.children { parent[child] = index }
        }
        return rows.indices.map { index in
            var chain = [rows[index].isGrandTotal ? "TONG" : rows[index].stt]
            var current = index
            while let up = parent[current] {
                chain.insert(rows[up].stt, at: 0)
                current = up
            }
            return chain.joined(separator: "/")
        }
    }
}
