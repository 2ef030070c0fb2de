import CongKhaiModel

/// Template values and open-data files for the reform-report pages (docs/templates.md,
/// "Reform reports"). Every number arrives formatted the Vietnamese way (`1.234`, `84,6%`).
public struct ReformContext: UnitRendering {
    /// Chronological: oldest period first (charts read left to right).
    let reports: [ReformReport]
    /// "Toàn xã", "Toàn phường", "Toàn đặc khu".
    let wholeName: String
    /// Procedures in the site's catalogue, for the stated procedure count (nil: no catalogue).
    let catalogueCount: Int?
    let plans: [ReformPlan]

    public init(content: SiteContent) {
        self.init(reports: content.reports, plans: content.plans, unit: content.config.kind,
                  catalogueCount: content.procedures.isEmpty ? nil : content.procedures.count)
    }

    init(reports: [ReformReport], plans: [ReformPlan] = [], unit: UnitKind = .xa, catalogueCount: Int? = nil) {
        self.reports = reports.sorted { $0.sortKey < $1.sortKey }
        self.plans = plans.sorted { $0.year < $1.year }
        self.wholeName = "Toàn \(unit.label.lowercased())"
        self.catalogueCount = catalogueCount
    }

    /// A figure the report gives, or "không nêu": a missing figure is never shown as 0.
    static let notGiven = "không nêu"

    static func figure(_ value: Int?) -> String {
        value.map(VietnameseFormat.integer) ?? notGiven
    }

    /// Keys merged into the context of `page` (empty for pages that are not about reform reports).
    public func values(for page: Page) -> [String: Any] {
        switch page.kind {
        case .reformOverview:
            guard !reports.isEmpty else { return [:] }
            return ["cchc": overview(from: page)]
        case .reformReport:
            guard case let .reformReport(report) = page.data else { return [:] }
            var links = self.links(from: page)
            links["report"] = self.report(report, from: page)
            return ["cchc": links]
        case .reformPlan:
            guard case let .reformPlan(plan) = page.data else { return [:] }
            var links = self.links(from: page)
            links["plan"] = self.plan(plan, from: page)
            return ["cchc": links]
        default:
            return [:]
        }
    }

    public func notice(for page: Page) -> NoticeFacts? {
        guard case let .reformReport(report) = page.data else { return nil }
        return NoticeFacts(number: report.reportNumber, date: report.reportDate)
    }

    public var datasets: [OpenData.Dataset] {
        ReformOpenData.datasets(reports, catalogueCount: catalogueCount)
    }

    func links(from page: Page) -> [String: Any] {
        let root = RelativeURL.root(from: page.path)
        return [
            "overview_href": RelativeURL.href(from: page.path, to: .page("cchc/")),
            "json_href": root + ReformOpenData.jsonPath,
            "csv_href": root + ReformOpenData.csvPath,
        ]
    }

    func overview(from page: Page) -> [String: Any] {
        var values = links(from: page)
        values["reports"] = reports.reversed().map { report -> [String: Any] in
            [
                "title": report.title,
                "href": RelativeURL.href(from: page.path, to: .page(report.path)),
                "period_text": "\(report.period.label) \(report.year)",
                "range_text": "\(report.from.vietnamese) – \(report.to.vietnamese)",
                "received_total": Self.figure(report.cases.receivedTotal),
                "decided": Self.figure(report.cases.decided),
                "on_time_text": report.ratio(.onTime)?.text ?? "–",
                "online_text": report.ratio(.online)?.text ?? "–",
                "satisfaction_text": report.ratio(.satisfaction)?.text ?? "–",
            ]
        }
        values["charts"] = ReformCharts.charts(reports, plans: plans)
        return values
    }

    func report(_ report: ReformReport, from page: Page) -> [String: Any] {
        var values: [String: Any] = [
            "title": report.title,
            "period_text": report.period.phrase(year: report.year),
            "from_text": report.from.vietnamese,
            "from_iso": report.from.iso,
            "to_text": report.to.vietnamese,
            "to_iso": report.to.iso,
            "whole_name": wholeName,
            "cases": Self.caseRow(report.cases, name: wholeName).merging(["scope": wholeName.lowercased()]) { _, new in new },
            "indicators": ReformIndicator.allCases.compactMap { indicator($0, in: report) },
            "has_fields": !report.fields.isEmpty,
        ]
        if !report.fields.isEmpty { values["field_table"] = fieldTable(report) }
        let corrections = report.statedFindings(catalogueCount: catalogueCount).filter(\.isCorrection).map(Self.correction)
        if let plan = plans.first(where: { $0.year == report.year }) {
            values["plan"] = [
                "title": plan.title,
                "href": RelativeURL.href(from: page.path, to: .page(plan.path)),
                // Targets on a built-in indicator are already in the indicators table.
                "targets": plan.targets.filter { ReformIndicator(rawValue: $0.measure) == nil }.map { Self.targetRow($0, in: report) },
                "has_targets": plan.targets.contains { ReformIndicator(rawValue: $0.measure) == nil },
            ] as [String: Any]
        }
        values["has_corrections"] = !corrections.isEmpty
        values["corrections"] = corrections
        values["report_date_text"] = report.reportDate?.vietnamese
        values["report_date_iso"] = report.reportDate?.iso
        values["report_number"] = report.reportNumber
        values["has_targets"] = !report.targets.isEmpty
        return values
    }

    func indicator(_ indicator: ReformIndicator, in report: ReformReport) -> [String: Any]? {
        guard let ratio = report.ratio(indicator), let text = ratio.text else { return nil }
        var values: [String: Any] = [
            "key": indicator.rawValue,
            "label": indicator.label,
            "part_text": VietnameseFormat.integer(ratio.part),
            "whole_text": VietnameseFormat.integer(ratio.whole),
            "rate_text": text,
        ]
        if let target = report.targets[indicator], let percent = ratio.percent {
            let met = percent >= target
            values["has_target"] = true
            values["target_text"] = Self.targetText(target)
            values["met"] = met
            values["missed"] = !met
            values["status_text"] = met ? "Đạt" : "Chưa đạt"
        } else if let target = plans.first(where: { $0.year == report.year })?.targets.first(where: { $0.measure == indicator.rawValue }),
                  let met = target.isMet(by: .ratio(ratio)) {
            // The year's plan sets the target once for every report.
            values["has_target"] = true
            values["target_text"] = target.text
            values["met"] = met
            values["missed"] = !met
            values["status_text"] = met ? "Đạt" : "Chưa đạt"
        }
        return values
    }

    /// `95%`, or `97,5%` when the plan sets a fraction.
    static func targetText(_ target: Double) -> String {
        VietnameseFormat.decimal(target, places: target == target.rounded() ? 0 : 1) + "%"
    }

    /// A plan target against one report: the level, what the report gives, met or not, in words.
    static func targetRow(_ target: PlanTarget, in report: ReformReport) -> [String: Any] {
        var row: [String: Any] = ["label": target.label, "target_text": target.text,
                                  "period_text": "\(report.period.label) \(report.year)"]
        let actual = report.actual(for: target.measure)
        row["actual_text"] = actual?.text ?? "Báo cáo không nêu"
        switch actual.flatMap(target.isMet(by:)) {
        case true?: row["met"] = true; row["status_text"] = "Đạt"
        case false?: row["missed"] = true; row["status_text"] = "Chưa đạt"
        case nil: row["status_text"] = "Chưa có số liệu để đánh giá"
        }
        return row
    }

    /// The plan page: targets with each report of the year against them, then the tasks.
    func plan(_ plan: ReformPlan, from page: Page) -> [String: Any] {
        let yearReports = reports.filter { $0.year == plan.year }
        var values: [String: Any] = [
            "title": plan.title,
            "year": String(plan.year),
            "targets": plan.targets.map { target -> [String: Any] in
                ["label": target.label, "target_text": target.text,
                 "results": yearReports.map { report -> [String: Any] in
                     var row = Self.targetRow(target, in: report)
                     row["href"] = RelativeURL.href(from: page.path, to: .page(report.path))
                     return row
                 }]
            },
            "has_reports": !yearReports.isEmpty,
            "has_tasks": !plan.tasks.isEmpty,
            "tasks": plan.tasks.enumerated().map { index, task -> [String: Any] in
                ["number": String(index + 1), "name": task.name, "group": task.group ?? "", "lead": task.lead ?? "", "due": task.due ?? ""]
            },
            "task_count": VietnameseFormat.integer(plan.tasks.count),
        ]
        values["number"] = plan.number
        values["issued_text"] = plan.issuedOn?.vietnamese
        values["issued_iso"] = plan.issuedOn?.iso
        return values
    }

    /// One stated figure that disagrees, as citizens read it: the signed report's figure and the
    /// recomputed one side by side.
    static func correction(_ finding: StatedFinding) -> [String: Any] {
        let figure = finding.figure
        let note: String
        switch finding.kind {
        case .twice:
            note = "Số liệu trong báo cáo đã ký: \(figure.text); chỗ khác trong báo cáo ghi: \(finding.computed ?? "")."
        case .catalogue:
            note = "Số liệu trong báo cáo đã ký: \(figure.text); danh mục thủ tục công khai trên trang này: \(finding.computed ?? "")."
        case .overWhole:
            if case .shares = figure.value {
                note = "Số liệu trong báo cáo đã ký: \(figure.text); các phần cộng lại \(finding.computed ?? ""), vượt 100%."
            } else {
                note = "Số liệu trong báo cáo đã ký: \(figure.text), vượt 100%\(finding.computed.map { "; tính lại từ số liệu: \($0)" } ?? "")."
            }
        default:
            note = "Số liệu trong báo cáo đã ký: \(figure.text); tính lại từ số liệu: \(finding.computed ?? "")."
        }
        let label = figure.label.prefix(1).uppercased() + figure.label.dropFirst()
        return ["label": label, "stated_text": figure.text, "computed_text": finding.computed ?? "", "note": note]
    }

    /// The commune's case figures, one line each; a total the report gives without its split
    /// still has its line, and each missing part says "không nêu".
    static func caseRow(_ cases: CaseFigures, name: String) -> [String: Any] {
        let f = figure
        return [
            "name": name,
            "carried_over": f(cases.carriedOver),
            "received_new": f(cases.receivedNew),
            "in_person": f(cases.inPerson),
            "online": f(cases.online),
            "post": f(cases.post),
            "received_total": f(cases.receivedTotal),
            "decided": f(cases.decided),
            "early": f(cases.early),
            "on_time": f(cases.onTime),
            "early_or_on_time": f(cases.decidedInTime),
            "late": f(cases.late),
            "pending": f(cases.pending),
            "pending_in_time": f(cases.pendingInTime),
            "pending_late": f(cases.pendingLate),
            "returned": f(cases.returned),
            "on_time_text": cases.onTimeRate?.text ?? "–",
            "online_text": cases.onlineRate?.text ?? "–",
        ]
    }

    /// The columns of the lĩnh vực table: only those some lĩnh vực gives, so a report with
    /// received/resolved only is not a table of "không nêu".
    static let fieldColumns: [(title: String, value: @Sendable (CaseFigures) -> String?)] = [
        ("Tồn kỳ trước", { $0.carriedOver.map(VietnameseFormat.integer) }),
        ("Tiếp nhận mới", { $0.receivedNew.map(VietnameseFormat.integer) }),
        ("Trực tuyến", { $0.online.map(VietnameseFormat.integer) }),
        ("Tổng số", { $0.receivedTotal.map(VietnameseFormat.integer) }),
        ("Đã giải quyết", { $0.decided.map(VietnameseFormat.integer) }),
        ("Quá hạn", { $0.late.map(VietnameseFormat.integer) }),
        ("Đang giải quyết", { $0.pending.map(VietnameseFormat.integer) }),
        ("Trả lại, rút", { $0.returned.map(VietnameseFormat.integer) }),
        ("Tỷ lệ đúng hạn", { $0.onTimeRate?.text }),
        ("Tỷ lệ trực tuyến", { $0.onlineRate?.text }),
    ]

    func fieldTable(_ report: ReformReport) -> [String: Any] {
        let shown = Self.fieldColumns.filter { column in report.fields.contains { column.value($0.cases) != nil } }
        func row(_ name: String, _ cases: CaseFigures) -> [String: Any] {
            ["name": name, "cells": shown.map { ["text": $0.value(cases) ?? Self.notGiven, "label": $0.title] }]
        }
        return [
            "columns": shown.map(\.title),
            "rows": report.fields.map { row($0.name, $0.cases) },
            "total": row(wholeName, report.cases),
        ]
    }
}
