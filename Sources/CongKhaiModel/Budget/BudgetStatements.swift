/// A figure the signed budget report (or its explanation) states about one cell of the table:
/// "thu ngân sách đạt 86% dự toán" is the rate of row I. Entered in the sidecar's `so_lieu`.
public struct BudgetStatement: Sendable, Hashable {
    public var label: String
    /// As written: `86%`, `34.598.459.401`.
    public var text: String
    public var value: StatedFigure.Written
    /// `dong`: the STT of the row (`I`, `1.1`, `Tổng cộng`).
    public var row: String
    /// `cot`: the column id.
    public var column: String
    public var line: Int

    public init(label: String, text: String, value: StatedFigure.Written, row: String, column: String, line: Int) {
        self.label = label
        self.text = text
        self.value = value
        self.row = row
        self.column = column
        self.line = line
    }
}

/// One figure of a disclosure where what was published and what the table gives differ: a
/// typed rate cell, or a `so_lieu` statement. Shown to citizens beside the recomputed value.
public struct BudgetCorrection: Sendable, Hashable {
    public var label: String
    public var stated: String
    public var computed: String
    /// File and line the editor fixes: the CSV for a cell, the sidecar for a statement.
    public var path: String
    public var line: Int
    public var column: Int
    public var isStatement: Bool
}

extension BudgetDisclosure {
    /// The row a statement names, by STT (case and spaces ignored).
    public func row(named stt: String) -> BudgetRow? {
        let wanted = stt.trimmingWhitespace().lowercased()
        return rows.first { $0.stt.trimmingWhitespace().lowercased() == wanted }
    }

    /// The exact ratio behind a rate cell, when both amounts are there.
    public func ratio(_ row: BudgetRow, rate column: BudgetColumn) -> Ratio? {
        guard let numerator = column.numerator, let denominator = column.denominator,
              let part = row.amounts[numerator], let whole = row.amounts[denominator], whole > 0, part >= 0 else { return nil }
        return Ratio(part, of: whole)
    }

    /// Every published figure that disagrees with the table, in file order.
    public var corrections: [BudgetCorrection] {
        var result: [BudgetCorrection] = []
        for row in rows {
            for column in columns where column.kind == .rate {
                guard let typed = row.typedRates[column.id], let computed = row.rates[column.id], !typed.agrees(with: computed) else { continue }
                let shown = VietnameseFormat.decimal(computed, places: max(1, typed.decimals)) + "%"
                result.append(BudgetCorrection(label: "\(row.isGrandTotal ? "Tổng cộng" : "Dòng \(row.stt)") \(row.content), cột “\(column.title)”",
                                               stated: typed.text.hasSuffix("%") ? typed.text : typed.text + "%", computed: shown,
                                               path: tableSource, line: row.line, column: row.cellColumns[column.id] ?? 1, isStatement: false))
            }
        }
        for statement in statements {
            guard let computed = computedText(for: statement) else { continue }
            result.append(BudgetCorrection(label: statement.label, stated: statement.text, computed: computed,
                                           path: source, line: statement.line, column: 1, isStatement: true))
        }
        return result
    }

    /// What the table gives for a statement that disagrees with it, nil when it agrees or
    /// cannot be compared (reported by the loader).
    func computedText(for statement: BudgetStatement) -> String? {
        guard let row = row(named: statement.row), let column = columns.first(where: { $0.id == statement.column }) else { return nil }
        switch (statement.value, column.kind) {
        case let (.percent(written), .rate):
            guard let ratio = ratio(row, rate: column), !written.agrees(with: ratio) else { return nil }
            return VietnameseFormat.percent(ratio.part, of: ratio.whole, places: max(1, written.places))
        case let (.count(count), .amount):
            guard let amount = row.amounts[column.id], amount != count else { return nil }
            return VietnameseFormat.integer(amount)
        default:
            return nil
        }
    }
}
