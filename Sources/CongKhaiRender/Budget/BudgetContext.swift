import CongKhaiMarkdown
import CongKhaiModel

/// Template values and open-data files for the budget pages (keys documented in
/// docs/templates.md, "Budget"). Everything is formatted here; templates never compute.
public struct BudgetContext: UnitRendering, @unchecked Sendable {
    let budgets: [BudgetDisclosure]

    public init(budgets: [BudgetDisclosure]) {
        self.budgets = budgets.sorted { ($0.year, Self.rank($0)) < ($1.year, Self.rank($1)) }
    }

    /// Keys merged into the context of `page` (empty for pages that are not about the budget).
    public func values(for page: Page) -> [String: Any] {
        switch page.kind {
        case .budgetOverview:
            return ["budget_years": years.reversed().map { overview(year: $0, page: page) }]
        case .budgetYear:
            guard case let .budgetYear(year) = page.data else { return [:] }
            return ["budget_year": yearValues(year, page: page)]
        case .budgetDisclosure:
            guard case let .budget(disclosure) = page.data else { return [:] }
            return ["budget": disclosureValues(disclosure, page: page)]
        default:
            return [:]
        }
    }

    public func notice(for page: Page) -> NoticeFacts? {
        guard case let .budget(disclosure) = page.data else { return nil }
        var facts = NoticeFacts(number: disclosure.basis?.number, date: disclosure.publishedOn ?? disclosure.basis?.date, posting: disclosure.posting)
        if page.kind == .budgetDisclosure { facts.heading = ("CÔNG KHAI NGÂN SÁCH", page.title.trimmingWhitespace()) }
        // Four or more figure columns do not fit A4 portrait at 12 pt.
        facts.isLandscape = disclosure.columns.count >= 4
        return facts
    }

    var years: [Int] { Array(Set(budgets.map(\.year))).sorted() }

    public var datasets: [OpenData.Dataset] {
        BudgetOpenData.datasets(budgets: budgets)
    }

    func overview(year: Int, page: Page) -> [String: Any] {
        let disclosures = budgets.filter { $0.year == year }
        var values: [String: Any] = [
            "year": String(year),
            "href": RelativeURL.href(from: page.path, to: .page("ngan-sach/\(year)/")),
            "count": VietnameseFormat.integer(disclosures.count),
            "json_href": RelativeURL.href(from: page.path, to: .file(BudgetOpenData.jsonPath(year))),
            "csv_href": RelativeURL.href(from: page.path, to: .file(BudgetOpenData.csvPath(year))),
        ]
        if let comparison = BudgetCharts.comparison(year: year, budgets: disclosures) {
            values["comparison"] = comparison
        }
        if let progress = BudgetCharts.progress(year: year, budgets: disclosures) {
            values["progress"] = progress
        }
        return values
    }

    func yearValues(_ year: Int, page: Page) -> [String: Any] {
        [
            "year": String(year),
            "disclosures": budgets.filter { $0.year == year }.map { summary($0, page: page) },
            "json_href": RelativeURL.href(from: page.path, to: .file(BudgetOpenData.jsonPath(year))),
            "csv_href": RelativeURL.href(from: page.path, to: .file(BudgetOpenData.csvPath(year))),
        ]
    }

    func summary(_ disclosure: BudgetDisclosure, page: Page) -> [String: Any] {
        var values: [String: Any] = [
            "title": disclosure.title,
            "href": RelativeURL.href(from: page.path, to: .page(disclosure.path)),
            "kind_label": disclosure.kind.label,
        ]
        values["period_label"] = disclosure.period?.label
        values["published_text"] = disclosure.publishedOn?.vietnamese
        values["published_iso"] = disclosure.publishedOn?.iso
        values["basis"] = disclosure.basis.map(document)
        values["posting"] = disclosure.posting.map(posting)
        return values
    }

    func disclosureValues(_ disclosure: BudgetDisclosure, page: Page) -> [String: Any] {
        var values = summary(disclosure, page: page)
        values["year"] = String(disclosure.year)
        values["explanation_html"] = MarkdownRenderer.render(disclosure.explanation).html
        values["caption"] = disclosure.title + " (đơn vị: đồng)"
        values["columns"] = disclosure.columns.map { ["title": $0.title, "is_number": $0.kind != .text] }
        values["rows"] = disclosure.rows.map { row(disclosure, $0) }
        values["has_computed"] = disclosure.rows.contains { !$0.computed.isEmpty }
        let corrections = disclosure.corrections
        values["has_corrections"] = !corrections.isEmpty
        values["corrections"] = corrections.map { correction -> [String: Any] in
            ["label": correction.label,
             "note": "Số liệu trong báo cáo đã ký: \(correction.stated); tính lại từ số liệu: \(correction.computed)."]
        }
        values["json_href"] = RelativeURL.href(from: page.path, to: .file(BudgetOpenData.jsonPath(disclosure.year)))
        values["csv_href"] = RelativeURL.href(from: page.path, to: .file(BudgetOpenData.csvPath(disclosure.year)))
        return values
    }

    func row(_ disclosure: BudgetDisclosure, _ row: BudgetRow) -> [String: Any] {
        let cells = disclosure.columns.map { column -> [String: Any] in
            switch column.kind {
            case .amount:
                // label: the column title repeated on each cell (data-label of the stacked phone layout).
                return ["text": row.amounts[column.id].map(VietnameseFormat.integer) ?? "", "is_number": true, "label": column.title,
                        "is_computed": row.computed.contains(column.id) && row.typedAmounts[column.id] == nil]
            case .rate:
                return ["text": row.rates[column.id].map { VietnameseFormat.decimal($0) + "%" } ?? "", "is_number": true, "is_computed": false, "label": column.title]
            case .text:
                return ["text": row.texts[column.id] ?? "", "is_number": false, "is_computed": false, "label": column.title]
            }
        }
        return [
            "stt": row.stt,
            "content": row.content,
            "level_class": "cap-\(max(row.level, 1))",
            "is_parent": row.isParent,
            "is_total": row.isGrandTotal,
            "cells": cells,
        ]
    }

    func document(_ document: BudgetDocument) -> [String: Any] {
        var values: [String: Any] = ["label": document.isReport ? "Báo cáo" : "Nghị quyết", "number": document.number]
        values["date_text"] = document.date?.vietnamese
        values["date_iso"] = document.date?.iso
        return values
    }

    func posting(_ posting: PostingWindow) -> [String: Any] {
        var values: [String: Any] = [:]
        values["from_text"] = posting.from?.vietnamese
        values["from_iso"] = posting.from?.iso
        values["to_text"] = posting.to?.vietnamese
        values["to_iso"] = posting.to?.iso
        values["place"] = posting.place
        return values
    }
}

extension BudgetContext {
/// Disclosures of a year in the order they happen: estimate, execution by period, final accounts.
static func rank(_ disclosure: BudgetDisclosure) -> Int {
    switch disclosure.kind {
    case .submittedEstimate: return 0
    case .estimate: return 1
    case .execution: return 10 + (disclosure.period?.months ?? 12)
    case .finalAccounts: return 30
    }
}
}
