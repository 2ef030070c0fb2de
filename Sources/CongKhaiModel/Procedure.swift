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
    /// The fields, in one box shared by every copy until one is changed (copy on write): arrays
    /// of procedures (the site's, the catalogue's by field and by level, each procedure page's data)
    /// hold one reference per item rather than the whole value, and a copy retains once.
    @usableFromInline final class Storage: @unchecked Sendable {
        // Read and changed only through the accessors below, which keep the box unique first.
        @exclusivity(unchecked) @usableFromInline var fields: Fields
        @usableFromInline init(_ fields: Fields) { self.fields = fields }
    }

    @usableFromInline struct Fields: Sendable, Equatable {
        @usableFromInline var source: String
        @usableFromInline var path: String
        @usableFromInline var code: String
        @usableFromInline var name: String
        @usableFromInline var field: String
        @usableFromInline var fieldSlug: String
        @usableFromInline var level: String? = nil
        @usableFromInline var onlineLevel: OnlineLevel? = nil
        @usableFromInline var partialReason: String? = nil
        @usableFromInline var channels: [ChannelTerms] = []
        @usableFromInline var deadline: String? = nil
        @usableFromInline var deadlineAmount: Double? = nil
        @usableFromInline var deadlineUnit: DeadlineUnit? = nil
        @usableFromInline var feeIDs: [String] = []
        @usableFromInline var isFree: Bool = false
        @usableFromInline var subjects: String? = nil
        @usableFromInline var agency: String? = nil
        @usableFromInline var result: String? = nil
        @usableFromInline var legalBasis: [LegalDocument] = []
        @usableFromInline var forms: [FormFile] = []
        @usableFromInline var publication: LegalDocument? = nil
        @usableFromInline var onlineURL: String? = nil
        @usableFromInline var updated: CalendarDate? = nil
        @usableFromInline var body: String = ""
        @usableFromInline var bodyLine: Int = 1
        @usableFromInline var sections: Set<ProcedureSection> = []
        @usableFromInline var keyLines: [String: Int] = [:]

        init(source: String, path: String, code: String, name: String, field: String, fieldSlug: String) {
            self.source = source
            self.path = path
            self.code = code
            self.name = name
            self.field = field
            self.fieldSlug = fieldSlug
        }
    }

    @usableFromInline var storage: Storage

    @inlinable mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
    }

    @inlinable public var source: String {
        get { storage.fields.source }
        _modify { makeUnique(); yield &storage.fields.source }
    }
    /// Output folder: `thu-tuc/ho-tich/1.001193/`.
    @inlinable public var path: String {
        get { storage.fields.path }
        _modify { makeUnique(); yield &storage.fields.path }
    }
    @inlinable public var code: String {
        get { storage.fields.code }
        _modify { makeUnique(); yield &storage.fields.code }
    }
    @inlinable public var name: String {
        get { storage.fields.name }
        _modify { makeUnique(); yield &storage.fields.name }
    }
    @inlinable public var field: String {
        get { storage.fields.field }
        _modify { makeUnique(); yield &storage.fields.field }
    }
    @inlinable public var fieldSlug: String {
        get { storage.fields.fieldSlug }
        _modify { makeUnique(); yield &storage.fields.fieldSlug }
    }
    @inlinable public var level: String? {
        get { storage.fields.level }
        _modify { makeUnique(); yield &storage.fields.level }
    }
    @inlinable public var onlineLevel: OnlineLevel? {
        get { storage.fields.onlineLevel }
        _modify { makeUnique(); yield &storage.fields.onlineLevel }
    }
    @inlinable public var partialReason: String? {
        get { storage.fields.partialReason }
        _modify { makeUnique(); yield &storage.fields.partialReason }
    }
    @inlinable public var channels: [ChannelTerms] {
        get { storage.fields.channels }
        _modify { makeUnique(); yield &storage.fields.channels }
    }
    @inlinable public var deadline: String? {
        get { storage.fields.deadline }
        _modify { makeUnique(); yield &storage.fields.deadline }
    }
    @inlinable public var deadlineAmount: Double? {
        get { storage.fields.deadlineAmount }
        _modify { makeUnique(); yield &storage.fields.deadlineAmount }
    }
    @inlinable public var deadlineUnit: DeadlineUnit? {
        get { storage.fields.deadlineUnit }
        _modify { makeUnique(); yield &storage.fields.deadlineUnit }
    }
    @inlinable public var feeIDs: [String] {
        get { storage.fields.feeIDs }
        _modify { makeUnique(); yield &storage.fields.feeIDs }
    }
    @inlinable public var isFree: Bool {
        get { storage.fields.isFree }
        _modify { makeUnique(); yield &storage.fields.isFree }
    }
    @inlinable public var subjects: String? {
        get { storage.fields.subjects }
        _modify { makeUnique(); yield &storage.fields.subjects }
    }
    @inlinable public var agency: String? {
        get { storage.fields.agency }
        _modify { makeUnique(); yield &storage.fields.agency }
    }
    @inlinable public var result: String? {
        get { storage.fields.result }
        _modify { makeUnique(); yield &storage.fields.result }
    }
    @inlinable public var legalBasis: [LegalDocument] {
        get { storage.fields.legalBasis }
        _modify { makeUnique(); yield &storage.fields.legalBasis }
    }
    @inlinable public var forms: [FormFile] {
        get { storage.fields.forms }
        _modify { makeUnique(); yield &storage.fields.forms }
    }
    @inlinable public var publication: LegalDocument? {
        get { storage.fields.publication }
        _modify { makeUnique(); yield &storage.fields.publication }
    }
    @inlinable public var onlineURL: String? {
        get { storage.fields.onlineURL }
        _modify { makeUnique(); yield &storage.fields.onlineURL }
    }
    @inlinable public var updated: CalendarDate? {
        get { storage.fields.updated }
        _modify { makeUnique(); yield &storage.fields.updated }
    }
    @inlinable public var body: String {
        get { storage.fields.body }
        _modify { makeUnique(); yield &storage.fields.body }
    }
    @inlinable public var bodyLine: Int {
        get { storage.fields.bodyLine }
        _modify { makeUnique(); yield &storage.fields.bodyLine }
    }
    /// Body sections found, by their `##` heading.
    @inlinable public var sections: Set<ProcedureSection> {
        get { storage.fields.sections }
        _modify { makeUnique(); yield &storage.fields.sections }
    }
    /// Line of each front-matter key, so checks across files point at the right place.
    @inlinable public var keyLines: [String: Int] {
        get { storage.fields.keyLines }
        _modify { makeUnique(); yield &storage.fields.keyLines }
    }

    public init(source: String, path: String, code: String, name: String, field: String, fieldSlug: String) {
        storage = Storage(Fields(source: source, path: path, code: code, name: name, field: field, fieldSlug: fieldSlug))
    }

    public static func == (left: Procedure, right: Procedure) -> Bool {
        left.storage === right.storage || left.storage.fields == right.storage.fields
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
