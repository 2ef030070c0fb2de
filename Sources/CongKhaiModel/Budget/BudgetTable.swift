/// One column of a disclosure's table, as the sidecar's `cot` declares it. Provinces set their
/// own templates (TT 26/2026), so the schema is data, not code.
public struct BudgetColumn: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case amount = "so_tien"
        case rate = "ty_le"
        case text = "van_ban"
    }

    public var id: String
    public var title: String
    public var kind: Kind
    /// For rates: the amount column divided (`tu`) and the one it is divided by (`mau`).
    public var numerator: String?
    public var denominator: String?

    public init(id: String, title: String, kind: Kind, numerator: String? = nil, denominator: String? = nil) {
        self.id = id
        self.title = title
        self.kind = kind
        self.numerator = numerator
        self.denominator = denominator
    }
}

/// A rate as the editor typed it: kept so it can be compared at the precision it was typed.
public struct TypedRate: Sendable, Hashable {
    public var text: String
    public var value: Double
    public var decimals: Int

    public init(text: String, value: Double, decimals: Int) {
        self.text = text
        self.value = value
        self.decimals = decimals
    }

    /// `84,6`, `84.6`, `84,6%`, `86`; nil for anything else.
    public static func parse(_ raw: String) -> TypedRate? {
        var text = raw.trimmingWhitespace()
        if text.hasSuffix("%") { text = String(text.dropLast()).trimmingWhitespace() }
        let normalised = text.replacingOccurrences(of: ",", with: ".")
        let parts = normalised.split(separator: ".", omittingEmptySubsequences: false)
        guard !normalised.isEmpty, parts.count <= 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
              let value = Double(normalised) else { return nil }
        return TypedRate(text: raw.trimmingWhitespace(), value: value, decimals: parts.count == 2 ? parts[1].count : 0)
    }

    /// Whether `computed`, rounded the way the editor rounded, gives what they typed:
    /// typed 84,6 accepts 84,57; typed 86 rejects 84,6.
    public func agrees(with computed: Double) -> Bool {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let typed = (value * scale).rounded()
        // Reports cut as often as they round: 161 for 161,83 is not a slip.
        let rounded = (computed * scale).rounded(.toNearestOrAwayFromZero)
        let cut = (computed * scale + 1e-9).rounded(.towardZero)
        return abs(rounded - typed) < 0.5 || abs(cut - typed) < 0.5
    }
}

/// One row of a disclosure's table.
public struct BudgetRow: Sendable {
    /// As typed: `II`, `1`, `1.1`, `a`, or `TỔNG`.
    public var stt: String
    public var content: String
    /// 1 for I, II…; 2 for 1, 2…; 3 for 1.1…; 4 for a, b…; 0 for the grand total.
    public var level: Int
    /// Line of the row in the CSV, and the column where each cell starts (by column id).
    public var line: Int
    public var cellColumns: [String: Int]
    /// Amounts as shown: typed for leaves, the sum of children for parents.
    public var amounts: [String: Int]
    /// Amounts the editor typed, compared with the computed ones by the checks.
    public var typedAmounts: [String: Int]
    /// Amount columns whose value here was computed from child rows.
    public var computed: Set<String>
    /// Amount columns whose cell here (or below) could not be read: already reported, so no
    /// total is computed or checked from them (a second error about the sum would only mislead).
    public var unreadable: Set<String> = []
    public var typedRates: [String: TypedRate]
    /// Rates computed from their numerator and denominator columns, in percent.
    public var rates: [String: Double]
    public var texts: [String: String]
    /// Indices (in the table) of the rows directly below this one.
    public var children: [Int]

    public init(stt: String, content: String, level: Int, line: Int) {
        self.stt = stt
        self.content = content
        self.level = level
        self.line = line
        self.cellColumns = [:]
        self.amounts = [:]
        self.typedAmounts = [:]
        self.computed = []
        self.typedRates = [:]
        self.rates = [:]
        self.texts = [:]
        self.children = []
    }

    public var isParent: Bool { !children.isEmpty }
    public var isGrandTotal: Bool { level == 0 }

    /// The nesting level `stt` implies, or nil when it is none of the known forms.
    public static func level(ofSTT raw: String, content: String) -> Int? {
        var stt = raw.trimmingWhitespace()
        if stt.hasSuffix(".") { stt.removeLast() }
        let folded = TextFolding.slug(stt)
        if folded == "tong" || folded == "tong-cong" || (stt.isEmpty && content.lowercased().hasPrefix("tổng")) { return 0 }
        guard !stt.isEmpty else { return nil }
        if stt.allSatisfy({ "IVXLC".contains($0) }) { return 1 }
        if stt.allSatisfy(\.isASCIIDigit) { return 2 }
        let parts = stt.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) { return 3 }
        if stt.count == 1, let letter = stt.first, letter.isLowercase, letter.isASCII { return 4 }
        return nil
    }
}

/// The arithmetic of a table: which rows nest under which, parent totals, computed rates.
public enum BudgetTable {
    /// Links each row to its parent (the nearest earlier row of a lower level; the grand total
    /// takes the top-level rows), fills parents with the sum of their children and computes rates.
    public static func compute(_ rows: inout [BudgetRow], columns: [BudgetColumn]) {
        for index in rows.indices { rows[index].children = [] }
        for index in rows.indices where rows[index].level > 1 {
            if let parent = rows[..<index].lastIndex(where: { $0.level > 0 && $0.level < rows[index].level }) {
                rows[parent].children.append(index)
            }
        }
        for index in rows.indices where rows[index].isGrandTotal {
            rows[index].children = rows.indices.filter { rows[$0].level == 1 }
        }
        let amountIDs = columns.filter { $0.kind == .amount }.map(\.id)
        // Children always come after their parent, so going backwards sums finished children.
        // The grand total comes wherever the editor put it, so it is done last.
        let order = rows.indices.reversed().filter { !rows[$0].isGrandTotal } + rows.indices.filter { rows[$0].isGrandTotal }
        for index in order where rows[index].isParent {
            for id in amountIDs {
                if rows[index].children.contains(where: { rows[$0].unreadable.contains(id) }) {
                    rows[index].unreadable.insert(id)
                    continue
                }
                let values = rows[index].children.compactMap { rows[$0].amounts[id] }
                // A sum too large for Int keeps the typed figure rather than stopping the build.
                guard !values.isEmpty, let total = values.reduce(0 as Int?, { sum, value in
                    sum.flatMap { let (result, overflow) = $0.addingReportingOverflow(value); return overflow ? nil : result }
                }) else { continue }
                rows[index].amounts[id] = total
                rows[index].computed.insert(id)
            }
        }
        for index in rows.indices {
            for column in columns where column.kind == .rate {
                guard let top = column.numerator.flatMap({ rows[index].amounts[$0] }),
                      let bottom = column.denominator.flatMap({ rows[index].amounts[$0] }), bottom != 0 else { continue }
                rows[index].rates[column.id] = Double(top) * 100 / Double(bottom)
            }
        }
    }
}
