/// How far a procedure can be done online (Cổng Dịch vụ công quốc gia levels).
public enum OnlineLevel: String, Sendable, CaseIterable {
    case full = "toan_trinh"
    case partial = "mot_phan"
    case inPerson = "truc_tiep"

    public var label: String {
        switch self {
        case .full: return "Trực tuyến toàn trình"
        case .partial: return "Trực tuyến một phần"
        case .inPerson: return "Chỉ nộp trực tiếp"
        }
    }

    /// Path segment of the filter page: `thu-tuc/muc-do/toan-trinh/`.
    public var slug: String { rawValue.replacingUnderscores() }
}

/// A way to submit the file, with the deadline and fee the national record gives for it.
public enum SubmissionChannel: String, Sendable, CaseIterable {
    case inPerson = "truc_tiep"
    case online = "truc_tuyen"
    case post = "buu_chinh"

    public var label: String {
        switch self {
        case .inPerson: return "Trực tiếp"
        case .online: return "Trực tuyến"
        case .post: return "Dịch vụ bưu chính"
        }
    }
}

public struct ChannelTerms: Sendable, Hashable {
    public var channel: SubmissionChannel
    public var deadline: String?
    public var fee: String?

    public init(channel: SubmissionChannel, deadline: String? = nil, fee: String? = nil) {
        self.channel = channel
        self.deadline = deadline
        self.fee = fee
    }
}

public enum DeadlineUnit: String, Sendable {
    case workingDays = "ngay_lam_viec"
    case days = "ngay"
    case hours = "gio"

    public var label: String {
        switch self {
        case .workingDays: return "ngày làm việc"
        case .days: return "ngày"
        case .hours: return "giờ"
        }
    }
}

/// A legal document cited as a basis or as the act that published something.
public struct LegalDocument: Sendable, Hashable {
    public var number: String
    public var title: String?
    public var date: CalendarDate?
    public var issuer: String?

    public init(number: String, title: String? = nil, date: CalendarDate? = nil, issuer: String? = nil) {
        self.number = number
        self.title = title
        self.date = date
        self.issuer = issuer
    }
}

/// A form citizens download to fill in, published beside the procedure.
public struct FormFile: Sendable, Hashable {
    public var title: String
    /// As the editor wrote it, relative to the procedure file.
    public var file: String
    /// Line of the entry, for "form file missing".
    public var line: Int

    public init(title: String, file: String, line: Int) {
        self.title = title
        self.file = file
        self.line = line
    }
}

/// The parts of the Markdown body NĐ 63/2010 Điều 8 requires.
public enum ProcedureSection: String, Sendable, CaseIterable {
    case steps = "Trình tự thực hiện"
    case documents = "Thành phần hồ sơ"
    case requirements = "Yêu cầu, điều kiện"
}

/// One administrative procedure (thủ tục hành chính) of the commune's catalogue.
public struct Procedure: Sendable, Equatable {
    public var source: String
    /// Output folder: `thu-tuc/ho-tich/1.001193/`.
    public var path: String
    public var code: String
    public var name: String
    public var field: String
    public var fieldSlug: String
    public var level: String?
    public var onlineLevel: OnlineLevel?
    public var partialReason: String?
    public var channels: [ChannelTerms]
    public var deadline: String?
    public var deadlineAmount: Double?
    public var deadlineUnit: DeadlineUnit?
    public var feeIDs: [String]
    public var isFree: Bool
    public var subjects: String?
    public var agency: String?
    public var result: String?
    public var legalBasis: [LegalDocument]
    public var forms: [FormFile]
    public var publication: LegalDocument?
    public var onlineURL: String?
    public var updated: CalendarDate?
    public var body: String
    public var bodyLine: Int
    /// Body sections found, by their `##` heading.
    public var sections: Set<ProcedureSection>
    /// Line of each front-matter key, so checks across files point at the right place.
    public var keyLines: [String: Int]

    public init(source: String, path: String, code: String, name: String, field: String, fieldSlug: String) {
        self.source = source
        self.path = path
        self.code = code
        self.name = name
        self.field = field
        self.fieldSlug = fieldSlug
        self.channels = []
        self.feeIDs = []
        self.isFree = false
        self.legalBasis = []
        self.forms = []
        self.body = ""
        self.bodyLine = 1
        self.sections = []
        self.keyLines = [:]
    }

    public func line(of key: String) -> Int {
        keyLines[key] ?? 1
    }
}

extension String {
    func replacingUnderscores() -> String {
        String(map { $0 == "_" ? "-" : $0 })
    }
}
