/// The page kinds of the content units that still share code across the stage modules (their
/// loaders, checks and contexts name them). A unit whose code lives wholly in its
/// CongKhaiKinds folder declares its kinds there instead.
extension PageKind {
    public static let leaders = PageKind("lanh-dao", sources: .ownFile)
    /// `thu-tuc/`: the whole catalogue grouped by lĩnh vực.
    public static let catalogue = PageKind("danh-muc-thu-tuc", noticeBoard: .procedures)
    /// A filtered list of procedures: one lĩnh vực, or one online level.
    public static let procedureList = PageKind("danh-sach-thu-tuc")
    public static let procedure = PageKind("thu-tuc", sources: .ownFile, noticeBoard: .procedures)
    public static let fees = PageKind("phi-le-phi", noticeBoard: .fees)
    /// `phi-le-phi/<id>/`: the procedures that charge one fee (`FeeSchedule.procedureListPath`),
    /// so the fee schedule page shows a count and a link where it used to list them all.
    public static let feeProcedures = PageKind("thu-tuc-theo-phi")
    public static let openData = PageKind("du-lieu")
    /// `ngan-sach/`: estimate against execution, progress across the year.
    public static let budgetOverview = PageKind("ngan-sach")
    /// `ngan-sach/<nam>/`: every disclosure of one budget year.
    public static let budgetYear = PageKind("ngan-sach-nam")
    /// One budget disclosure: its table, explanation, resolution and posting window.
    public static let budgetDisclosure = PageKind("cong-khai-ngan-sach", noticeBoard: .budget)
    /// `cchc/`: reform results across periods.
    public static let reformOverview = PageKind("cchc")
    /// One period's administrative-reform report.
    public static let reformReport = PageKind("bao-cao-cchc", noticeBoard: .reform)
    /// The year's administrative-reform plan: targets and tasks.
    public static let reformPlan = PageKind("ke-hoach-cchc")
    /// `cong-khai/`: the posting checklist (Luật 10/2022 Điều 13 k2).
    public static let checklist = PageKind("danh-sach-cong-khai")
    /// A printable A4 sheet of one quarter's list.
    public static let checklistSheet = PageKind("danh-sach-cong-khai-quy", noticeBoard: .checklist, isSheetOnly: true)
    /// One other disclosure (`cong-khai/<ten>.md`).
    public static let disclosure = PageKind("noi-dung-cong-khai", noticeBoard: .disclosures)
}

/// The groups of the `in/` index, in the order it lists them.
extension NoticeBoardGroup {
    public static let budget = NoticeBoardGroup("Ngân sách", rank: 10)
    public static let procedures = NoticeBoardGroup("Thủ tục hành chính", rank: 20)
    public static let fees = NoticeBoardGroup("Phí, lệ phí", rank: 30)
    public static let reform = NoticeBoardGroup("Cải cách hành chính", rank: 40)
    public static let disclosures = NoticeBoardGroup("Nội dung công khai khác", rank: 50)
    public static let checklist = NoticeBoardGroup("Danh mục thông tin công khai theo quý", rank: 60)
}
