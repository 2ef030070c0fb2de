import CongKhaiModel

/// One document of the commune's registry (`van-ban/<năm>/<ten>.md`): a resolution of the
/// commune council, a decision, plan or notice of the UBND or of its chairman.
public struct OfficialDocument: Sendable, Hashable {
    /// `loai`: what the document is. The abbreviation is the one its number carries
    /// (NĐ 30/2020/NĐ-CP, Phụ lục III): `NQ` in `12/2026/NQ-HĐND`.
    public enum Kind: String, Sendable, CaseIterable, Hashable {
        case resolution = "nghi-quyet"
        case decision = "quyet-dinh"
        case directive = "chi-thi"
        case plan = "ke-hoach"
        case notice = "thong-bao"
        case report = "bao-cao"
        case program = "chuong-trinh"
        case submission = "to-trinh"
        case letter = "cong-van"

        public var label: String {
            switch self {
            case .resolution: return "Nghị quyết"
            case .decision: return "Quyết định"
            case .directive: return "Chỉ thị"
            case .plan: return "Kế hoạch"
            case .notice: return "Thông báo"
            case .report: return "Báo cáo"
            case .program: return "Chương trình"
            case .submission: return "Tờ trình"
            case .letter: return "Công văn"
            }
        }

        /// The abbreviation in the number; a letter (công văn) carries none.
        public var abbreviation: String? {
            switch self {
            case .resolution: return "NQ"
            case .decision: return "QĐ"
            case .directive: return "CT"
            case .plan: return "KH"
            case .notice: return "TB"
            case .report: return "BC"
            case .program: return "CTr"
            case .submission: return "TTr"
            case .letter: return nil
            }
        }

        /// Reads what an editor writes, with or without diacritics: `Nghị quyết`, `nghi_quyet`.
        public init?(text: String) {
            let slug = TextFolding.slug(text)
            guard let kind = Kind.allCases.first(where: { $0.rawValue == slug }) else { return nil }
            self = kind
        }
    }

    /// `co_quan`: who issued it.
    public enum Issuer: String, Sendable, CaseIterable, Hashable {
        case council = "hdnd"
        case committee = "ubnd"
        case chairman = "chu-tich-ubnd"

        public var label: String {
            switch self {
            case .council: return "Hội đồng nhân dân xã"
            case .committee: return "Ủy ban nhân dân xã"
            case .chairman: return "Chủ tịch Ủy ban nhân dân xã"
            }
        }

        public var shortLabel: String {
            switch self {
            case .council: return "HĐND xã"
            case .committee: return "UBND xã"
            case .chairman: return "Chủ tịch UBND xã"
            }
        }

        /// The issuing bodies a number may name for this issuer (folded: `HĐND` → `hdnd`).
        /// The chairman's decisions carry the committee's name (`45/QĐ-UBND`) or `CT`.
        public var numberBodies: Set<String> {
            switch self {
            case .council: return ["hdnd"]
            case .committee: return ["ubnd"]
            case .chairman: return ["ubnd", "ct", "ctubnd"]
            }
        }

        /// `HĐND xã`, `hdnd`, `Ủy ban nhân dân xã`, `Chủ tịch UBND xã`.
        public init?(text: String) {
            let slug = TextFolding.slug(text)
            let words = slug.split(separator: "-").filter { !["xa", "phuong", "dac", "khu"].contains($0) }.joined(separator: "-")
            switch words {
            case "hdnd", "hoi-dong-nhan-dan": self = .council
            case "ubnd", "uy-ban-nhan-dan": self = .committee
            case "chu-tich-ubnd", "chu-tich-uy-ban-nhan-dan", "chu-tich", "ct-ubnd": self = .chairman
            default: return nil
            }
        }
    }

    /// `tinh_trang`: whether the document still applies.
    public enum Status: String, Sendable, CaseIterable, Hashable {
        case inForce = "con-hieu-luc"
        case expired = "het-hieu-luc"
        case replaced = "bi-thay-the"
        case amended = "duoc-sua-doi"
        /// Never written by an editor: a document whose effective date is still to come.
        case notYetInForce = "chua-co-hieu-luc"

        public var label: String {
            switch self {
            case .inForce: return "Còn hiệu lực"
            case .expired: return "Hết hiệu lực"
            case .replaced: return "Bị thay thế"
            case .amended: return "Được sửa đổi, bổ sung"
            case .notYetInForce: return "Chưa có hiệu lực"
            }
        }

        /// What an editor may write (`còn hiệu lực`, `bi_thay_the`); `chưa có hiệu lực` follows from the dates.
        public init?(text: String) {
            let slug = TextFolding.slug(text)
            let aliases: [String: Status] = ["duoc-sua-doi-bo-sung": .amended, "bi-sua-doi": .amended, "het-hieu-luc-toan-bo": .expired]
            guard let status = Status.allCases.first(where: { $0.rawValue == slug && $0 != .notYetInForce }) ?? aliases[slug] else { return nil }
            self = status
        }
    }

    /// The file the document was read from (`content/van-ban/2026/nq-12.md`).
    public var source: String
    /// Its page (`van-ban/2026/nq-12/`).
    public var path: String
    /// `so`: the number and symbol, as signed (`12/2026/NQ-HĐND`).
    public var number: String
    public var kind: Kind?
    public var issuer: Issuer?
    /// `ngay`: the day it was issued (signed).
    public var issued: CalendarDate?
    /// `trich_yeu`: what it is about.
    public var subject: String
    /// `hieu_luc`: the day it takes effect.
    public var effective: CalendarDate?
    /// `het_hieu_luc`: the day it stopped applying, when known.
    public var expires: CalendarDate?
    /// `tinh_trang` as written; nil when the editor left it to the links and dates.
    public var statedStatus: Status?
    /// `nguoi_ky` and `chuc_vu` (the signer's position: Chủ tịch, Phó Chủ tịch).
    public var signer: String?
    public var signerPosition: String?
    /// `tep`: the signed file, a name beside the document's file (`nq-12-2026.pdf`).
    public var file: String?
    /// `thay_the`: numbers of the documents this one replaces.
    public var replaces: [String] = []
    /// `bi_thay_the_boi`: the number of the document that replaced this one.
    public var replacedBy: String?
    /// `sua_doi`: numbers of the documents this one amends.
    public var amends: [String] = []
    /// `ngay_cong_khai` and `niem_yet`, as for every disclosure.
    public var publishedOn: CalendarDate?
    public var posting: PostingWindow?
    public var body: String = ""
    public var bodyLine: Int = 1
    /// Line of each key in the source file, so cross-document findings point at the right line.
    public var keyLines: [String: Int] = [:]

    public init(source: String, path: String, number: String, subject: String) {
        self.source = source
        self.path = path
        self.number = number
        self.subject = subject
    }

    /// `Nghị quyết số 12/2026/NQ-HĐND`.
    public var title: String {
        (kind.map { $0.label + " số " } ?? "Văn bản số ") + number
    }

    /// The year the document belongs to in the registry: its issue year.
    public var year: Int? { issued?.year }

    public func line(_ key: String) -> Int { keyLines[key] ?? keyLines[""] ?? 1 }
}
