import CongKhaiModel

/// Evaluates the rule profile against the content as of a date. Statuses follow only from
/// the content's dates and `asOf`: recurring obligations produce items even without content,
/// so a missing disclosure shows as "thiếu" instead of silently not being listed.
public enum ChecklistEvaluator {
    public static func evaluate(_ content: SiteContent, asOf: CalendarDate, units: [any CheckingUnit] = [], log: DiagnosticLog) -> Checklist {
        var evaluation = Evaluation(content: content, asOf: asOf, log: log, unitYears: units.flatMap { $0.checklistYears(in: content) })
        for unit in units { unit.addChecklistItems(to: &evaluation) }
        evaluation.reportUnusedSettings()
        let items = evaluation.items.sorted {
            ($0.year, $0.quarter, ($0.deadline ?? asOf).dayNumber, $0.id) < ($1.year, $1.quarter, ($1.deadline ?? asOf).dayNumber, $1.id)
        }
        return Checklist(asOf: asOf, items: items)
    }
}

/// One evaluation run: the rules by id, the working calendar and the items found so far.
/// A content unit adds its items through `add` and `addStanding` (`CheckingUnit`).
public struct Evaluation {
    public let content: SiteContent
    public let asOf: CalendarDate
    public let log: DiagnosticLog
    let calendar: WorkingCalendar
    public let rules: [String: ChecklistRule]
    public internal(set) var items: [ChecklistItem] = []
    var warnedYears: Set<Int> = []
    /// Which settings each rule's items can honour, as declared by the code that adds them
    /// (`honours`); a generic declaration (the editor's disclosures) yields to a specific one.
    var honoured: [String: Set<ChecklistRule.Setting>] = [:]
    var honouredByDefault: [String: Set<ChecklistRule.Setting>] = [:]
    /// The first year whose recurring items are all expected: the year of the site's start
    /// (`bat_dau`), else the year before the as-of year, or an older year with recurring content.
    /// Missing items of those years stay listed until posted; of a year before it, only items
    /// that fall due in the as-of year are listed (the Q4 list due in January).
    let firstYear: Int

    init(content: SiteContent, asOf: CalendarDate, log: DiagnosticLog, unitYears: [Int] = []) {
        self.content = content
        self.asOf = asOf
        self.log = log
        self.calendar = WorkingCalendar(extraHolidays: content.config.holidays)
        let list = content.ruleOverrides?.rules ?? []
        self.rules = Dictionary(list.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
        let contentYears = unitYears
        let start = min(content.config.startDate?.year ?? asOf.year - 1, asOf.year)
        self.firstYear = max(([start] + contentYears.filter { $0 <= asOf.year }).min() ?? start, asOf.year - 100)
    }

    /// Every year whose periods may have items; the year before the as-of year is always looked at.
    public var years: ClosedRange<Int> { min(firstYear, asOf.year - 1)...asOf.year }

    /// The content file an editor must finish when the expected one exists but is held back
    /// (a draft, placeholders, or unreadable); otherwise the command that creates it.
    public func fix(command: String, files: [String]) -> String {
        files.first { path in content.unreadable.contains(path) || content.unwritten.contains { $0.path == path } } ?? command
    }

    public static func quarter(of date: CalendarDate) -> Int { (date.month - 1) / 3 + 1 }

    /// The deadline a rule sets after its trigger.
    mutating func deadline(_ rule: ChecklistRule, after trigger: CalendarDate?) -> CalendarDate? {
        guard let trigger else { return nil }
        switch rule.deadline {
        case let .workingDays(n):
            let result = calendar.adding(workingDays: n, to: trigger)
            for year in Set([trigger.year, result.year]) where !calendar.covers(year) && !warnedYears.contains(year) {
                warnedYears.insert(year)
                log.report(.warning("checklist.holidays", at: SourceLocation(path: "content/site.yaml"),
                                    "Chưa có danh sách ngày nghỉ lễ năm \(year): hạn tính theo ngày làm việc có thể sai.",
                                    hint: "Thêm các ngày nghỉ lễ năm \(year) vào “ngay_nghi” trong site.yaml."))
            }
            return result
        case let .calendarDays(n): return trigger.adding(days: n)
        case let .dayOfMonth(day):
            return CalendarDate(year: trigger.year, month: trigger.month, day: min(day, CalendarDate.daysIn(month: trigger.month, year: trigger.year)))
        case .none: return nil
        }
    }

    /// The status of a dated item: published or not, by the deadline or not, long enough or not.
    func judge(_ rule: ChecklistRule, deadline: CalendarDate?, published: CalendarDate?,
               posting: PostingWindow?, radio: PostingWindow?) -> ItemStatus {
        guard let published, published <= asOf else {
            guard let deadline, deadline < asOf else {
                return ItemStatus(.notYetDue, days: deadline.map { $0.dayNumber - asOf.dayNumber })
            }
            return ItemStatus(.missing)
        }
        if let deadline, published > deadline {
            return ItemStatus(.late, days: published.dayNumber - deadline.dayNumber)
        }
        // A minimum is judged only where the content records that window: a report without a
        // posting window is not "short" of a posting it has no field for.
        let reads = settings(of: rule.id)
        if reads.contains(.minimumPosting), let short = shortfall(posting, minimum: rule.minimumPostingDays) {
            return ItemStatus(.shortPosting, days: short)
        }
        if reads.contains(.minimumRadio), let short = shortfall(radio, minimum: rule.minimumRadioDays) {
            return ItemStatus(.shortPosting, days: short)
        }
        return ItemStatus(.onTime)
    }

    /// Days missing from a finished window (nil when long enough, still running, or not required).
    func shortfall(_ window: PostingWindow?, minimum: Int) -> Int? {
        guard minimum > 0 else { return nil }
        guard let window, let from = window.from else { return minimum }
        let end = window.to ?? asOf
        if end >= asOf { return nil }
        let days = end.dayNumber - from.dayNumber + 1
        return days < minimum ? minimum - days : nil
    }

    /// Adds one item; `key` makes its id unique within the rule (`9_thang`, a slug).
    public mutating func add(_ ruleID: String, key: String, title: String, trigger: CalendarDate?, published: CalendarDate?,
                      posting: PostingWindow? = nil, radio: PostingWindow? = nil, decision: BudgetDocument? = nil,
                      page: String?, fix: String, fallbackDeadline: CalendarDate? = nil, periodYear: Int? = nil) {
        guard let rule = rules[ruleID] else { return }
        let due = deadline(rule, after: trigger) ?? fallbackDeadline
        // Before the first expected year only what falls due in the as-of year is listed.
        if let periodYear, periodYear < firstYear, published == nil, (due?.year ?? asOf.year) < asOf.year { return }
        var status = judge(rule, deadline: due, published: published, posting: posting, radio: radio)
        if rule.isNotApplicable { status = ItemStatus(.notApplicable) }
        // A period that ended (or a deadline that passed) before the site existed: nothing could be posted on it.
        let reference = rule.trigger == .periodEnd ? trigger ?? due : due
        if published == nil, let start = content.config.startDate, let reference, reference < start { status = ItemStatus(.notApplicable) }
        let anchor = trigger ?? published ?? due ?? asOf
        var item = ChecklistItem(id: "\(anchor.year)-q\(Evaluation.quarter(of: anchor))/\(rule.id)/\(key)", rule: rule, title: title,
                                 year: anchor.year, quarter: Evaluation.quarter(of: anchor), fix: fix, status: status)
        item.trigger = trigger
        item.deadline = due
        item.publishedOn = published
        item.posting = posting
        item.decision = decision
        item.pagePath = status.kind == .missing || status.kind == .notYetDue && published == nil ? nil : page
        items.append(item)
    }
}

extension Evaluation {
    /// Declares which settings the items of `ruleID` honour. Called by the code that adds a
    /// rule's items, whether or not it finds any, so an unused setting is known without content.
    public mutating func honours(_ ruleID: String, _ settings: Set<ChecklistRule.Setting>) {
        honoured[ruleID] = settings
    }

    mutating func honoursByDefault(_ ruleID: String, _ settings: Set<ChecklistRule.Setting>) {
        honouredByDefault[ruleID] = settings
    }

    func settings(of ruleID: String) -> Set<ChecklistRule.Setting> {
        honoured[ruleID] ?? honouredByDefault[ruleID] ?? Set(ChecklistRule.Setting.allCases)
    }

    /// A rules file that changes a setting the rule's items cannot honour (a deadline on a
    /// standing item, a posting minimum for reports that record no posting) would read as
    /// enforced and do nothing; like `moc`, it is refused at its line with the reason.
    mutating func reportUnusedSettings() {
        for rule in rules.values.sorted(by: { $0.id < $1.id }) where !rule.isNotApplicable {
            guard honoured[rule.id] != nil || honouredByDefault[rule.id] != nil else { continue }
            let reads = settings(of: rule.id)
            for (setting, location) in rule.changedAt.sorted(by: { $0.value < $1.value }) where !reads.contains(setting) {
                log.report(.error("checklist.setting-unused", at: location,
                                  "“\(setting.rawValue)” không có tác dụng ở quy tắc “\(rule.id)”: \(Evaluation.why(setting, rule: rule))",
                                  hint: "Xóa dòng “\(setting.rawValue)”. Nếu cần một nghĩa vụ khác, thêm quy tắc mới với mã mới (áp dụng cho các tệp trong content/cong-khai/)."))
            }
        }
    }

    static func why(_ setting: ChecklistRule.Setting, rule: ChecklistRule) -> String {
        switch setting {
        case .deadline:
            return "mục này công khai thường xuyên, không tính hạn."
        case .minimumPosting:
            return "nội dung của quy tắc này không ghi thời gian niêm yết tại trụ sở, nên không có gì để so với số ngày tối thiểu."
        case .minimumRadio:
            return "nội dung của quy tắc này không ghi thời gian phát trên loa truyền thanh, nên không có gì để so với số ngày tối thiểu."
        case .recurrence:
            return "CongKhai tự lập các mục của quy tắc này từ nội dung (mỗi kỳ báo cáo, mỗi văn bản…), nên định kỳ không đổi được; chỉ quy tắc cho các tệp trong content/cong-khai/ mới có định kỳ riêng."
        }
    }
}
