import CongKhaiCheck
import CongKhaiModel

/// Template values and open-data files for the reform-report pages (docs/templates.md,
/// "Reform reports"). Every number arrives formatted the Vietnamese way (`1.234`, `84,6%`).
struct ReformContext: Sendable {
    /// Chronological: oldest period first (charts read left to right).
    let reports: [ReformReport]

    init(reports: [ReformReport]) {
        self.reports = reports.sorted { $0.sortKey < $1.sortKey }
    }

    /// Keys merged into the context of `page` (empty for pages that are not about reform reports).
    func values(for page: Page) -> [String: Any] {
        switch page.kind {
        case .reformOverview:
            guard !reports.isEmpty else { return [:] }
            return ["cchc": overview(from: page)]
        case .reformReport:
            guard case let .reformReport(report) = page.data else { return [:] }
            var links = self.links(from: page)
            links["report"] = self.report(report, from: page)
            return ["cchc": links]
        default:
            return [:]
        }
    }

    var datasets: [OpenData.Dataset] {
        ReformOpenData.datasets(reports)
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
                "received_total": VietnameseFormat.integer(report.cases.receivedTotal),
                "decided": VietnameseFormat.integer(report.cases.decided),
                "on_time_text": report.ratio(.onTime)?.text ?? "–",
                "online_text": report.ratio(.online)?.text ?? "–",
                "satisfaction_text": report.ratio(.satisfaction)?.text ?? "–",
            ]
        }
        values["charts"] = ReformCharts.charts(reports)
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
            "cases": Self.caseRow(report.cases, name: "Toàn xã"),
            "indicators": ReformIndicator.allCases.compactMap { indicator($0, in: report) },
            "has_fields": !report.fields.isEmpty,
            "fields": report.fields.map { Self.caseRow($0.cases, name: $0.name) },
        ]
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
        }
        return values
    }

    /// `95%`, or `97,5%` when the plan sets a fraction.
    static func targetText(_ target: Double) -> String {
        VietnameseFormat.decimal(target, places: target == target.rounded() ? 0 : 1) + "%"
    }

    /// One row of the case table (the commune or one lĩnh vực), every figure formatted.
    static func caseRow(_ cases: CaseFigures, name: String) -> [String: Any] {
        let n = VietnameseFormat.integer
        return [
            "name": name,
            "carried_over": n(cases.carriedOver),
            "received_new": n(cases.receivedNew),
            "in_person": n(cases.inPerson),
            "online": n(cases.online),
            "post": n(cases.post),
            "received_total": n(cases.receivedTotal),
            "decided": n(cases.decided),
            "early": n(cases.early),
            "on_time": n(cases.onTime),
            "late": n(cases.late),
            "pending": n(cases.pending),
            "pending_in_time": n(cases.pendingInTime),
            "pending_late": n(cases.pendingLate),
            "returned": n(cases.returned),
            "on_time_text": cases.decided > 0 ? cases.onTimeRate.text ?? "–" : "–",
            "online_text": cases.receivedNew > 0 ? cases.onlineRate.text ?? "–" : "–",
        ]
    }
}
