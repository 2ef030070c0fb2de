/// The posting checklist as of a date: every expected disclosure with its status.
public struct Checklist: Sendable {
    public var asOf: CalendarDate?
    public var items: [ChecklistItem]

    public init(asOf: CalendarDate? = nil, items: [ChecklistItem] = []) {
        self.asOf = asOf
        self.items = items
    }

    /// How many items have each status, in the order statuses are shown.
    public var counts: [(status: ItemStatus.Kind, count: Int)] {
        ItemStatus.Kind.allCases.map { kind in (kind, items.filter { $0.status.kind == kind }.count) }
    }

    /// Quarters that have items, newest first: `(2026, 4)`, `(2026, 3)`, ...
    public var quarters: [(year: Int, quarter: Int)] {
        let keys = Set(items.map { $0.year * 10 + $0.quarter })
        return keys.sorted(by: >).map { ($0 / 10, $0 % 10) }
    }

    /// Items not yet due whose deadline falls within `days` of the as-of date, soonest first.
    public func upcoming(within days: Int) -> [ChecklistItem] {
        guard let asOf else { return [] }
        let limit = asOf.adding(days: days)
        return items.filter { item in
            guard item.status.kind == .notYetDue, let deadline = item.deadline else { return false }
            return deadline >= asOf && deadline <= limit
        }.sorted { ($0.deadline?.dayNumber ?? 0, $0.id) < ($1.deadline?.dayNumber ?? 0, $1.id) }
    }

    /// Items an editor must act on: overdue, missing, too short on the board, out of date.
    public var problems: [ChecklistItem] {
        items.filter { [.late, .missing, .shortPosting, .needsUpdate].contains($0.status.kind) }
    }
}

/// The commune's or province's changes to the built-in rule profile (`content/quy-tac.yaml`),
/// already merged: `rules` is the effective profile the evaluator uses.
public struct RuleOverrides: Sendable {
    public var source: String
    public var rules: [ChecklistRule]

    public init(source: String, rules: [ChecklistRule] = []) {
        self.source = source
        self.rules = rules
    }
}

/// Another disclosure (`cong-khai/<ten>.md`): an Điều 11 group item with its decision and posting.
public struct Disclosure: Sendable {
    public var source: String
    /// Output folder, `cong-khai/<slug>/`.
    public var path: String
    public var title: String
    /// Điều 11 khoản (1–14).
    public var group: Int?
    /// Explicit rule id (`quy_tac`), else `dieu-11-k<nhom>`.
    public var ruleID: String?
    /// `ky`: for quarterly items, the quarter covered (`2026-q3`).
    public var period: String?
    public var decision: BudgetDocument?
    public var publishedOn: CalendarDate?
    public var posting: PostingWindow?
    public var radio: PostingWindow?
    public var isStanding: Bool = false
    public var description: String?
    public var updated: CalendarDate?
    public var body: String = ""
    public var bodyLine: Int = 1

    public init(source: String, path: String, title: String) {
        self.source = source
        self.path = path
        self.title = title
    }

    public var effectiveRuleID: String? {
        ruleID ?? group.map { "dieu-11-k\($0)" }
    }
}
