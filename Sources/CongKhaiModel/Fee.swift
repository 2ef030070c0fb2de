/// One rate of a fee, with the condition under which it applies.
public struct FeeRate: Sendable, Hashable {
    public var amount: Int
    public var condition: String?

    public init(amount: Int, condition: String? = nil) {
        self.amount = amount
        self.condition = condition
    }
}

public enum FeeKind: String, Sendable {
    case fee = "phi"
    case charge = "le_phi"

    public var label: String {
        switch self {
        case .fee: return "Phí"
        case .charge: return "Lệ phí"
        }
    }
}

/// A fee or charge with the six elements Luật Phí và lệ phí 2015 Điều 14 requires posted:
/// name, rate, collection method, payer, exemptions, legal document.
public struct Fee: Sendable {
    public var id: String
    public var name: String
    public var kind: FeeKind?
    public var rates: [FeeRate]
    public var unit: String?
    public var collectionMethod: String?
    public var payer: String?
    public var exemptions: [String]
    public var legalDocument: LegalDocument?
    public var effectiveFrom: CalendarDate?
    /// Line of the entry in `phi-le-phi.yaml`.
    public var line: Int

    public init(id: String, name: String, line: Int) {
        self.id = id
        self.name = name
        self.rates = []
        self.exemptions = []
        self.line = line
    }

    /// `8.000 đồng/trường hợp`, `Miễn phí`, `Miễn phí hoặc 8.000 đồng/trường hợp`,
    /// `Từ 2.000 đến 10.000 đồng/trang`: what a citizen will pay, in one phrase.
    public var summary: String {
        let amounts = rates.map(\.amount)
        guard let low = amounts.min(), let high = amounts.max() else { return "Chưa ghi mức thu" }
        if high == 0 { return "Miễn phí" }
        let per = unit.map { $0.hasPrefix("đồng/") ? "/" + $0.dropFirst("đồng/".count) : " (\($0))" } ?? ""
        let highText = VietnameseFormat.money(high) + per
        if low == high { return highText }
        if low == 0 { return "Miễn phí hoặc " + highText + " (tùy trường hợp)" }
        return "Từ \(VietnameseFormat.integer(low)) đến " + highText
    }
}

/// `content/phi-le-phi.yaml`.
public struct FeeSchedule: Sendable {
    /// The fee schedule page's address, whose sub-folders are the fees' procedure lists.
    public static let path = "phi-le-phi/"

    /// Where the list of the procedures charging fee `id` is (`phi-le-phi/le-phi-khai-sinh/`);
    /// nil for an id that is no address segment (the loader already refused it).
    public static func procedureListPath(_ id: String) -> String? {
        guard !id.isEmpty, id == TextFolding.slug(id) else { return nil }
        return path + id + "/"
    }

    public var source: String
    public var title: String
    public var updated: CalendarDate?
    public var fees: [Fee]

    public init(source: String, title: String, updated: CalendarDate?, fees: [Fee]) {
        self.source = source
        self.title = title
        self.updated = updated
        self.fees = fees
    }
}
