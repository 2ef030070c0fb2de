import CongKhaiKinds
import CongKhaiLoad
import CongKhaiModel
import Foundation

/// The province's catalogue of commune-level procedures (`tinh/thu-tuc/`) and where a commune's
/// published procedures deviate from it: missing, extra, or published under an older decision or
/// legal basis. Computed from content (the catalogue, the commune's own procedure files and its
/// `khong-ap-dung.yaml`) and the commune's published list, so the split build computes the same.
struct ProvinceCatalogue: Sendable {
    enum Standing: String, Sendable {
        case matches = "dung"
        case missing = "thieu"
        case extra = "thua"
        case outdated = "can_cu_cu"
    }

    /// Where the published file comes from.
    enum Origin: String, Sendable {
        case province = "tinh"
        case commune = "xa"
    }

    struct Entry: Sendable, Equatable {
        var standing: Standing
        var origin: Origin
        var note: String?
    }

    /// One commune against the catalogue.
    struct Comparison: Sendable, Equatable {
        /// By procedure code, for every procedure the commune publishes.
        var published: [String: Entry] = [:]
        /// The catalogue's procedures the commune does not publish, in catalogue order, with why.
        var missing: [(procedure: Procedure, note: String, notApplied: Bool)] = []

        static func == (a: Comparison, b: Comparison) -> Bool {
            a.published == b.published
                && a.missing.elementsEqual(b.missing) { $0.procedure == $1.procedure && $0.note == $1.note && $0.notApplied == $1.notApplied }
        }
    }

    let shared: SharedContent
    /// In the catalogue's file order.
    let procedures: [Procedure]
    let byCode: [String: Procedure]

    /// nil when the province shares no procedure.
    init?(_ province: ProvinceConfig) {
        guard let shared = province.sharedContent else { return nil }
        // Problems in these files are reported by the communes' builds, which load them.
        let procedures = shared.catalogue(units: Units.loading(Units.all), log: DiagnosticLog())
        guard !procedures.isEmpty else { return nil }
        self.shared = shared
        self.procedures = procedures
        byCode = Dictionary(procedures.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func compare(_ commune: ProvinceConfig.Commune, publishedCodes: [String]) -> Comparison {
        let silent = DiagnosticLog()
        let own = Dictionary(shared.ownProcedures(siteFolder: commune.folder, units: Units.loading(Units.all), log: silent).map { ($0.code, $0) },
                             uniquingKeysWith: { first, _ in first })
        let reasons = Dictionary(shared.exclusions(siteFolder: commune.folder, log: silent).map { ($0.code, $0.reason) },
                                 uniquingKeysWith: { first, _ in first })
        var result = Comparison()
        for code in publishedCodes {
            guard let decided = byCode[code] else {
                result.published[code] = Entry(standing: .extra, origin: .commune, note: "Thủ tục riêng của xã, không có trong danh mục của tỉnh")
                continue
            }
            guard let mine = own[code] else {
                result.published[code] = Entry(standing: .matches, origin: .province, note: nil)
                continue
            }
            let gaps = Self.gaps(mine, against: decided)
            result.published[code] = gaps.isEmpty ? Entry(standing: .matches, origin: .commune, note: nil)
                : Entry(standing: .outdated, origin: .commune, note: gaps.joined(separator: "; "))
        }
        let published = Set(publishedCodes)
        for procedure in procedures where !published.contains(procedure.code) {
            let note: String
            if let reason = reasons[procedure.code] {
                note = "Xã ghi là không áp dụng" + (reason.map { ": " + $0 } ?? "")
            } else {
                note = "Xã chưa đăng thủ tục này"
            }
            result.missing.append((procedure, note, reasons[procedure.code] != nil))
        }
        return result
    }

    /// What the commune's own version of a catalogue procedure lacks: the province's decision
    /// announcing it (unless the commune cites a later one), and each of its legal bases.
    static func gaps(_ mine: Procedure, against decided: Procedure) -> [String] {
        var gaps: [String] = []
        if let decision = decided.publication, mine.publication?.number != decision.number {
            var later = false
            if let own = mine.publication?.date, let theirs = decision.date { later = own > theirs }
            if !later {
                gaps.append("Xã đăng theo \(mine.publication.map(describe) ?? "không ghi quyết định công bố"), danh mục của tỉnh theo \(describe(decision))")
            }
        }
        let cited = Set(mine.legalBasis.map(\.number))
        let lacking = decided.legalBasis.map(\.number).filter { !cited.contains($0) }
        if !lacking.isEmpty {
            gaps.append("Thiếu căn cứ pháp lý \(lacking.joined(separator: ", "))")
        }
        return gaps
    }

    static func describe(_ document: LegalDocument) -> String {
        "quyết định \(document.number)" + (document.date.map { " ngày \($0.vietnamese)" } ?? "")
    }
}
