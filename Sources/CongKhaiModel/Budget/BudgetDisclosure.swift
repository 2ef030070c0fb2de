/// One budget disclosure (dự toán, thực hiện, quyết toán): a sidecar YAML plus its CSV table.
public struct BudgetDisclosure: Sendable {
    /// The sidecar, `content/ngan-sach/2026/du-toan.yaml`.
    public var source: String
    /// The table beside it, `content/ngan-sach/2026/du-toan.csv`: arithmetic findings point here.
    public var tableSource: String
    /// Output folder, `ngan-sach/2026/du-toan/`.
    public var path: String
    public var year: Int
    public var title: String
    public var kind: BudgetKind
    /// Only for `thuc_hien`: which part of the year the figures cover.
    public var period: BudgetPeriod?
    /// The HĐND resolution (`nghi_quyet`) or the report (`bao_cao`) the disclosure follows.
    public var basis: BudgetDocument?
    public var publishedOn: CalendarDate?
    public var posting: PostingWindow?
    /// Markdown; the law requires an explanation beside the figures.
    public var explanation: String
    public var columns: [BudgetColumn]
    public var rows: [BudgetRow]
    /// `so_lieu`: figures the signed report or its explanation states about the table.
    public var statements: [BudgetStatement] = []

    public init(source: String, path: String, year: Int, title: String) {
        self.source = source
        self.tableSource = source
        self.path = path
        self.year = year
        self.title = title
        self.kind = .estimate
        self.explanation = ""
        self.columns = []
        self.rows = []
    }

    /// The title used when the sidecar gives none: "Công khai dự toán ngân sách xã năm 2026".
    public static func defaultTitle(kind: BudgetKind, period: BudgetPeriod?, year: Int) -> String {
        switch kind {
        case .submittedEstimate: return "Công khai dự toán ngân sách xã năm \(year) trình Hội đồng nhân dân"
        case .estimate: return "Công khai dự toán ngân sách xã năm \(year)"
        case .execution:
            let span = period.map { $0 == .year ? "năm \(year)" : "\($0.label) năm \(year)" } ?? "năm \(year)"
            return "Công khai tình hình thực hiện dự toán ngân sách xã \(span)"
        case .finalAccounts: return "Công khai quyết toán ngân sách xã năm \(year)"
        }
    }

    /// Amount columns, in schema order.
    public var amountColumns: [BudgetColumn] { columns.filter { $0.kind == .amount } }

    /// The column that holds what was planned: the denominator of the first rate, else the first amount.
    public var estimateColumn: BudgetColumn? {
        if let rate = columns.first(where: { $0.kind == .rate }), let id = rate.denominator,
           let column = columns.first(where: { $0.id == id }) { return column }
        return amountColumns.first
    }

    /// The column that holds what was spent or collected: the numerator of the first rate,
    /// else the last amount column (execution tables put it after the estimate).
    public var actualColumn: BudgetColumn? {
        if let rate = columns.first(where: { $0.kind == .rate }), let id = rate.numerator,
           let column = columns.first(where: { $0.id == id }) { return column }
        return amountColumns.count > 1 ? amountColumns.last : nil
    }
}

public enum BudgetKind: String, Sendable, CaseIterable {
    case submittedEstimate = "du_toan_trinh"
    case estimate = "du_toan"
    case execution = "thuc_hien"
    case finalAccounts = "quyet_toan"

    public var label: String {
        switch self {
        case .submittedEstimate: return "Dự toán trình Hội đồng nhân dân"
        case .estimate: return "Dự toán được giao"
        case .execution: return "Tình hình thực hiện"
        case .finalAccounts: return "Quyết toán"
        }
    }
}

public enum BudgetPeriod: String, Sendable, CaseIterable, Comparable {
    case firstQuarter = "quy_1"
    case halfYear = "6_thang"
    case nineMonths = "9_thang"
    case year = "nam"

    public var months: Int {
        switch self {
        case .firstQuarter: return 3
        case .halfYear: return 6
        case .nineMonths: return 9
        case .year: return 12
        }
    }

    public var label: String {
        switch self {
        case .firstQuarter: return "quý I"
        case .halfYear: return "6 tháng đầu"
        case .nineMonths: return "9 tháng đầu"
        case .year: return "cả năm"
        }
    }

    public static func < (a: BudgetPeriod, b: BudgetPeriod) -> Bool { a.months < b.months }
}

/// A resolution or report: number and date.
public struct BudgetDocument: Sendable, Hashable {
    public var isReport: Bool
    public var number: String
    public var date: CalendarDate?

    public init(isReport: Bool, number: String, date: CalendarDate?) {
        self.isReport = isReport
        self.number = number
        self.date = date
    }
}

