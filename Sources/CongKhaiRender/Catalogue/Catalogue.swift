import CongKhaiModel

/// The procedure catalogue and fee schedule joined both ways, computed once per build:
/// procedures by lĩnh vực and level, fees by id, and for each fee the procedures charging it.
struct Catalogue: Sendable {
    struct Field: Sendable {
        var slug: String
        var name: String
        var procedures: [Procedure]
    }

    var fields: [Field]
    var procedures: [Procedure]
    let feesByID: [String: Fee]
    /// Each fee's `Fee.summary` by id: thousands of procedures charge the same few fees, and
    /// every list row, page and open-data row of each shows the phrase.
    let feeSummaries: [String: String]
    /// `deadlineSummary`'s phrase for each amount and unit the procedures give (a few dozen
    /// for thousands of procedures), by `DeadlineKey`.
    let deadlinePhrases: [DeadlineKey: String]
    var proceduresByFee: [String: [Procedure]]
    var proceduresByLevel: [OnlineLevel: [Procedure]]
    let fieldsBySlug: [String: Int]
    let schedule: FeeSchedule?
    /// Each procedure's place in `procedures`, by its page's address (the row key of the lists).
    var rank: [String: Int]

    init(procedures: [Procedure], schedule: FeeSchedule?) {
        // Vietnamese order: "Đất đai" belongs among the D's, not after "Z" as raw code points put it.
        let sorted = procedures.map { (key: TextFolding.fold($0.name), procedure: $0) }
            .sorted { ($0.key, $0.procedure.code) < ($1.key, $1.procedure.code) }
            .map(\.procedure)
        self.procedures = sorted
        self.rank = Dictionary(sorted.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
        var bySlug: [String: Field] = [:]
        var byFee: [String: [Procedure]] = [:]
        for procedure in sorted {
            bySlug[procedure.fieldSlug, default: Field(slug: procedure.fieldSlug, name: procedure.field, procedures: [])].procedures.append(procedure)
            for id in procedure.feeIDs { byFee[id, default: []].append(procedure) }
        }
        self.fields = bySlug.values.sorted { (TextFolding.fold($0.name), $0.slug) < (TextFolding.fold($1.name), $1.slug) }
        self.proceduresByFee = byFee
        self.proceduresByLevel = Dictionary(grouping: sorted.filter { $0.onlineLevel != nil }, by: { $0.onlineLevel! })
        self.fieldsBySlug = Dictionary(fields.enumerated().map { ($1.slug, $0) }, uniquingKeysWith: { first, _ in first })
        self.schedule = schedule
        var fees: [String: Fee] = [:]
        for fee in schedule?.fees ?? [] where fees[fee.id] == nil { fees[fee.id] = fee }
        self.feesByID = fees
        self.feeSummaries = fees.mapValues(\.summary)
        var phrases: [DeadlineKey: String] = [:]
        for procedure in sorted {
            if let amount = procedure.deadlineAmount, let unit = procedure.deadlineUnit {
                let key = DeadlineKey(amount, unit)
                if phrases[key] == nil { phrases[key] = Self.deadlinePhrase(amount, unit) }
            }
        }
        self.deadlinePhrases = phrases
    }

    func procedures(in slug: String) -> [Procedure] {
        fieldsBySlug[slug].map { fields[$0].procedures } ?? []
    }

    func procedures(at level: OnlineLevel) -> [Procedure] {
        proceduresByLevel[level] ?? []
    }

    /// What the citizen pays, in one phrase: `Miễn phí`, `8.000 đồng (đồng/trường hợp)`, ...
    /// Without fee ids, an imported record's channel fees speak: "Không thu phí" would be
    /// false where the national record names an amount, or says it has no information.
    func feeSummary(_ procedure: Procedure) -> String {
        if procedure.isFree { return "Miễn phí" }
        if procedure.feeIDs.count == 1, let summary = feeSummaries[procedure.feeIDs[0]] { return summary }
        let summaries = procedure.feeIDs.compactMap { feeSummaries[$0] }
        if !summaries.isEmpty { return summaries.joined(separator: "; ") }
        var channelFees: [String] = []
        for fee in procedure.channels.compactMap(\.fee) where !channelFees.contains(fee) { channelFees.append(fee) }
        if !channelFees.isEmpty { return channelFees.joined(separator: "; ") }
        return procedure.channels.isEmpty ? "Không thu phí, lệ phí" : "Chưa có thông tin"
    }

    /// The deadline as a short phrase for lists: `5 ngày làm việc`, else the published text.
    func deadlineSummary(_ procedure: Procedure) -> String? {
        if let amount = procedure.deadlineAmount, let unit = procedure.deadlineUnit {
            return deadlinePhrases[DeadlineKey(amount, unit)] ?? Self.deadlinePhrase(amount, unit)
        }
        return procedure.deadline ?? procedure.channels.compactMap(\.deadline).first
    }

    /// The amount's exact bits and the unit: two amounts share a phrase only when they are equal.
    struct DeadlineKey: Hashable {
        let bits: UInt64
        let unit: DeadlineUnit

        init(_ amount: Double, _ unit: DeadlineUnit) {
            bits = amount.bitPattern
            self.unit = unit
        }
    }

    static func deadlinePhrase(_ amount: Double, _ unit: DeadlineUnit) -> String {
        if amount == 0 { return "Trong ngày" }
        let number = amount == amount.rounded() ? amount.checkedInt.map(VietnameseFormat.integer) ?? VietnameseFormat.decimal(amount) : VietnameseFormat.decimal(amount)
        return "\(number) \(unit.label)"
    }
}
