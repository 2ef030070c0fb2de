import CongKhaiModel

/// A body section the import has content for. Empty text removes an earlier import's section:
/// the part is now in the front matter.
public struct DraftSection: Sendable, Equatable {
    public var heading: String
    public var text: String

    public init(_ heading: String, _ text: String) {
        self.heading = heading
        self.text = text
    }
}

/// What one imported record says about a procedure. Every value is optional except the code:
/// nil means "the source has nothing here", so whatever the editor wrote is kept.
public struct ProcedureDraft: Sendable {
    public var code: String
    public var name: String?
    public var field: String?
    public var level: String?
    public var onlineLevel: OnlineLevel?
    public var channels: [ChannelTerms]?
    public var deadline: String?
    public var deadlineAmount: Double?
    public var deadlineUnit: DeadlineUnit?
    /// `phi: mien`, written only when the editor has no `phi` yet (fee ids are the editor's).
    public var free: Bool = false
    public var subjects: String?
    public var agency: String?
    public var result: String?
    public var legalBasis: [LegalDocument]?
    public var publicationNumber: String?
    /// YAML comments above a key (`# Theo Cổng DVC: …`), regenerated on every import.
    public var notes: [String: [String]] = [:]
    public var sections: [DraftSection] = []
    /// The procedure's own page on the national portal (`dvc_url`), written when the editor has none.
    public var onlineURL: String?
    /// What the editor must still check, in Vietnamese.
    public var checks: [ImportCheck] = []
    /// Portal page furniture removed from this record.
    public var furniture = 0

    public init(code: String) {
        self.code = code
    }

    mutating func note(_ key: String, _ text: String) {
        notes[key, default: []].append(text)
    }
}

/// The body sections, in the order a new file lists them. The first three are the ones
/// NĐ 63/2010 requires; the others hold what could not go into the front matter.
enum SectionName {
    static let steps = ProcedureSection.steps.rawValue
    static let documents = ProcedureSection.documents.rawValue
    static let requirements = ProcedureSection.requirements.rawValue
    static let channels = "Cách thức thực hiện"
    /// The channel table's descriptions when the table itself went to the front matter: the page
    /// already shows a "Cách thức thực hiện" heading above the table, so these need another name.
    static let channelNotes = "Mô tả cách thức thực hiện"
    static let legalBasis = "Căn cứ pháp lý"
    static let result = "Kết quả"
    static let order = [steps, channels, channelNotes, documents, requirements, legalBasis, result]
    static let required = [steps, documents, requirements]
}

/// Something in an imported record the editor must look at: a short topic for the one line
/// printed per record, and the detail `--verbose` prints.
public struct ImportCheck: Sendable, Equatable {
    public var topic: String
    public var detail: String
}

extension ProcedureDraft {
    mutating func check(_ topic: String, _ detail: String) {
        checks.append(ImportCheck(topic: topic, detail: detail))
    }
}
