import CongKhaiModel

/// Items that recur whether or not content exists: budget disclosures per year and period,
/// reform reports per period, the quarterly list; plus the editor's other disclosures and the
/// standing items (procedures, fees, website essentials).
extension Evaluation {
    public mutating func budgetItems() {
        for rule in ["ns-du-toan-trinh", "ns-du-toan", "ns-thuc-hien", "ns-thuc-hien-nam", "ns-quyet-toan"] {
            honours(rule, [.deadline, .minimumPosting])
        }
        let budgets = content.budgets
        for year in years {
            let ofYear = budgets.filter { $0.year == year }
            for budget in ofYear where budget.kind == .submittedEstimate {
                addBudget("ns-du-toan-trinh", key: String(year), budget, trigger: budget.basis?.date, year: year, slug: "du-toan-trinh")
            }
            let estimate = ofYear.first { $0.kind == .estimate }
            // Without a resolution the HĐND should have decided by the end of the previous year.
            addBudget("ns-du-toan", key: String(year), estimate,
                      trigger: estimate?.basis?.date ?? CalendarDate.lastDay(ofMonth: 12, year: year - 1), year: year, slug: "du-toan")
            for period in [BudgetPeriod.firstQuarter, .halfYear, .nineMonths] {
                let end = CalendarDate.lastDay(ofMonth: period.months, year: year)
                let found = ofYear.first { $0.kind == .execution && $0.period == period }
                guard end < asOf || found != nil else { continue }
                addBudget("ns-thuc-hien", key: period.rawValue, found, trigger: end, year: year,
                          slug: "thuc-hien-\(period.rawValue.replacingOccurrences(of: "_", with: "-"))")
            }
            let yearly = ofYear.first { $0.kind == .execution && $0.period == .year }
            addBudget("ns-thuc-hien-nam", key: String(year), yearly, trigger: CalendarDate.lastDay(ofMonth: 12, year: year), year: year, slug: "thuc-hien-nam")
            // Final accounts are approved in the following year; expected once that year has begun.
            let accounts = ofYear.first { $0.kind == .finalAccounts }
            if year < asOf.year || accounts != nil {
                addBudget("ns-quyet-toan", key: String(year), accounts, trigger: accounts?.basis?.date, year: year, slug: "quyet-toan",
                          fallback: CalendarDate.lastDay(ofMonth: 12, year: year + 1))
            }
        }
    }

    mutating func addBudget(_ ruleID: String, key: String, _ budget: BudgetDisclosure?, trigger: CalendarDate?, year: Int,
                            slug: String, fallback: CalendarDate? = nil) {
        let title = budget?.title ?? BudgetDisclosure.defaultTitle(
            kind: slug.hasPrefix("thuc-hien") ? .execution : slug == "du-toan" ? .estimate : slug == "quyet-toan" ? .finalAccounts : .submittedEstimate,
            period: BudgetPeriod.allCases.first { slug.hasSuffix($0.rawValue.replacingOccurrences(of: "_", with: "-")) }, year: year)
        let base = "content/ngan-sach/\(year)/\(slug)"
        add(ruleID, key: key, title: title, trigger: trigger, published: budget?.publishedOn, posting: budget?.posting,
            decision: budget?.basis, page: budget?.path,
            fix: budget?.source ?? fix(command: "congkhai new ngan-sach \(year) \(slug)", files: [base + ".yaml", base + ".csv"]),
            fallbackDeadline: fallback, periodYear: year)
    }

    /// CCHC reports for every period from the first expected year, with or without a first report.
    public mutating func reformItems() {
        honours("cchc", [.deadline])
        let reports = content.reports
        for year in years {
            for period in ReportPeriod.allCases {
                let end = period.defaultRange(year: year).to
                let report = reports.first { $0.year == year && $0.period == period }
                guard end < asOf || report != nil || year == asOf.year else { continue }
                add("cchc", key: period.rawValue, title: report?.title ?? period.defaultTitle(year: year), trigger: end,
                    published: report?.reportDate,
                    decision: report.flatMap { r in r.reportNumber.map { BudgetDocument(isReport: true, number: $0, date: r.reportDate) } },
                    page: report?.path,
                    fix: report?.source ?? fix(command: "congkhai new cchc \(year) \(period.slug)", files: ["content/cchc/\(year)-\(period.slug).md"]),
                    periodYear: year)
            }
        }
    }

    /// Điều 13 k2: the list of what was disclosed, drawn up for every quarter up to the as-of one.
    public mutating func quarterlyLists() {
        honours("danh-sach-quy", [.deadline, .minimumPosting, .minimumRadio])
        let lists = content.disclosures.filter { $0.effectiveRuleID == "danh-sach-quy" }
        for year in years {
            for quarter in 1...(year < asOf.year ? 4 : Evaluation.quarter(of: asOf)) {
                let end = CalendarDate.lastDay(ofMonth: quarter * 3, year: year)
                let key = "\(year)-q\(quarter)"
                let found = lists.first { $0.period == key }
                let name = "danh-muc-quy-\(quarter)-\(year)"
                add("danh-sach-quy", key: key, title: found?.title ?? "Danh mục thông tin đã công khai quý \(["I", "II", "III", "IV"][quarter - 1]) năm \(year)",
                    trigger: end, published: found?.publishedOn, posting: found?.posting, radio: found?.radio, decision: found?.decision,
                    page: found.map { _ in ChecklistPaths.sheet(year: year, quarter: quarter) },
                    fix: found?.source ?? fix(command: "congkhai new cong-khai \(name)", files: ["content/cong-khai/\(name).md"]),
                    periodYear: year)
            }
        }
    }

    public mutating func disclosureItems() {
        for rule in rules.values where rule.appliesTo == "cong_khai" {
            honoursByDefault(rule.id, rule.recurrence == .standing ? [.recurrence] : Set(ChecklistRule.Setting.allCases))
        }
        for disclosure in content.disclosures {
            guard let ruleID = disclosure.effectiveRuleID else { continue }
            guard let rule = rules[ruleID] else {
                log.report(.error("checklist.unknown-rule", at: SourceLocation(path: disclosure.source, line: 2, column: 1),
                                  "Không có quy tắc công khai “\(ruleID)”.",
                                  hint: "Dùng một mã của bộ quy tắc quốc gia (ví dụ dieu-11-k8, danh-sach-quy, tthc) hoặc thêm quy tắc vào content/quy-tac.yaml."))
                continue
            }
            guard ruleID != "danh-sach-quy", ruleID != "tthc" else { continue }
            let key = String(disclosure.path.split(separator: "/").last ?? "")
            if disclosure.isStanding || rule.recurrence == .standing {
                addStanding(ruleID, key: key, title: disclosure.title, present: true, page: disclosure.path, fix: disclosure.source,
                            since: disclosure.updated ?? disclosure.publishedOn, dependsOn: nil)
                continue
            }
            add(ruleID, key: key, title: disclosure.title, trigger: disclosure.decision?.date, published: disclosure.publishedOn,
                posting: disclosure.posting, radio: disclosure.radio, decision: disclosure.decision, page: disclosure.path, fix: disclosure.source)
        }
    }

    /// The catalogue's standing items: the board list, the catalogue page, the fee schedule.
    public mutating func catalogueItems() {
        honours("tthc", [])
        honours("phi", [])
        let latestProcedure = content.procedures.compactMap { p in [p.publication?.date, p.updated].compactMap { $0 }.max() }.max()
        let boardList = content.disclosures.first { $0.effectiveRuleID == "tthc" }
        if let boardList {
            addStanding("tthc", key: "niem-yet", title: boardList.title, present: true, page: boardList.path, fix: boardList.source,
                        since: boardList.updated ?? boardList.publishedOn, dependsOn: latestProcedure)
        }
        let unwrittenProcedure = content.unwritten.first { $0.path.hasPrefix("content/thu-tuc/") }?.path
            ?? content.unreadable.sorted().first { $0.hasPrefix("content/thu-tuc/") }
        addStanding("tthc", key: "trang", title: "Danh mục thủ tục hành chính trên trang thông tin điện tử", present: !content.procedures.isEmpty,
                    page: "thu-tuc/", fix: unwrittenProcedure ?? "congkhai new thu-tuc \"Hộ tịch\" 1.001193", since: nil, dependsOn: nil)
        addStanding("phi", key: "trang", title: content.fees?.title ?? "Danh mục phí, lệ phí", present: content.fees != nil,
                    page: "phi-le-phi/", fix: fix(command: "congkhai new phi le-phi-chung-thuc", files: ["content/phi-le-phi.yaml"]),
                    since: nil, dependsOn: nil)
    }

    /// The website's own standing items: the rating box, and every page a `trang.` rule requires.
    public mutating func websiteItems() {
        honours("web-danh-gia", [])
        addStanding("web-danh-gia", key: "trang", title: "Ô đánh giá “Thông tin này có hữu ích không?” trên mỗi trang",
                    present: content.config.ratingURL != nil, page: "", fix: "content/site.yaml (phan_hoi_url)", since: nil, dependsOn: nil)
        let paths = Set(content.pages.filter { !$0.isDraft }.map(\.path))
        for rule in rules.values.sorted(by: { $0.id < $1.id }) where rule.appliesTo.hasPrefix("trang.") {
            let path = String(rule.appliesTo.dropFirst("trang.".count))
            honours(rule.id, [])
            addStanding(rule.id, key: "trang", title: rule.item, present: paths.contains(path), page: path,
                        fix: "content/\(path)_index.md", since: nil, dependsOn: nil)
        }
    }

    /// A standing item is on time while present, "cần cập nhật" once what it lists changed after it.
    public mutating func addStanding(_ ruleID: String, key: String, title: String, present: Bool, page: String, fix: String,
                              since: CalendarDate?, dependsOn: CalendarDate?) {
        guard let rule = rules[ruleID] else { return }
        var status = ItemStatus(present ? .onTime : .missing)
        if present, let since, let dependsOn, dependsOn > since { status = ItemStatus(.needsUpdate) }
        if rule.isNotApplicable { status = ItemStatus(.notApplicable) }
        var item = ChecklistItem(id: "\(asOf.year)-q\(Evaluation.quarter(of: asOf))/\(rule.id)/\(key)", rule: rule, title: title,
                                 year: asOf.year, quarter: Evaluation.quarter(of: asOf), fix: fix, status: status)
        item.publishedOn = since
        item.pagePath = present ? page : nil
        item.note = status.kind == .needsUpdate ? "Thủ tục thay đổi ngày \(dependsOn!.vietnamese), sau lần cập nhật \(since!.vietnamese)" : nil
        items.append(item)
    }
}
