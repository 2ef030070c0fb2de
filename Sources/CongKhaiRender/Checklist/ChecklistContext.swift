import CongKhaiModel

/// Template values and machine-readable files of the posting checklist.
public struct ChecklistContext: UnitRendering {
    let checklist: Checklist
    let config: SiteConfig

    public init(content: SiteContent) {
        self.checklist = content.checklist
        self.config = content.config
    }

    static let groupLabels = ["ngan_sach": "Ngân sách", "thu_tuc": "Thủ tục hành chính, phí", "danh_sach": "Danh mục công khai theo quý",
                              "cchc": "Cải cách hành chính", "trang": "Trang thông tin điện tử", "dieu_11": "Nội dung khác (Điều 11)"]

    /// Keys merged into the context of `page`: the checklist pages, and the home page's status box.
    public func values(for page: Page) -> [String: Any] {
        let root = RelativeURL.root(from: page.path)
        switch page.kind {
        case .home:
            return ["checklist_box": box(root: root)]
        case .checklist:
            return ["checklist": overview(root: root)]
        case .checklistSheet:
            guard case let .checklistQuarter(year, quarter) = page.data else { return [:] }
            let items = checklist.items.filter { $0.year == year && $0.quarter == quarter }
            var values: [String: Any] = ["unit": config.name, "province": config.province, "year": String(year),
                                         "quarter": roman(quarter), "items": items.enumerated().map { item($1, root: root, number: $0 + 1) },
                                         "back_href": root + ChecklistPaths.page + "index.html"]
            values["as_of_text"] = checklist.asOf?.vietnamese
            return ["checklist_sheet": values]
        case .disclosure:
            guard case let .disclosure(disclosure) = page.data else { return [:] }
            var values: [String: Any] = ["checklist_href": root + ChecklistPaths.page + "index.html"]
            values["group"] = disclosure.group.map { "Điều 11 khoản \($0) Luật 10/2022/QH15" }
            values["decision"] = disclosure.decision.map { "\($0.number)" + ($0.date.map { " ngày \($0.vietnamese)" } ?? "") }
            values["published_text"] = disclosure.publishedOn?.vietnamese
            values["posting"] = disclosure.posting.map(window)
            values["radio"] = disclosure.radio.map(window)
            values["status"] = checklist.items.first { $0.pagePath == page.path }.map { $0.status.text }
            return ["disclosure": values]
        default:
            return [:]
        }
    }

    func box(root: String) -> [String: Any] {
        ["href": root + ChecklistPaths.page + "index.html",
         "counts": checklist.counts.filter { $0.count > 0 }.map { ["label": $0.status.label, "count": VietnameseFormat.integer($0.count), "class": $0.status.rawValue] },
         "as_of_text": checklist.asOf?.vietnamese ?? ""]
    }

    func overview(root: String) -> [String: Any] {
        let statuses = ItemStatus.Kind.allCases.compactMap { kind -> [String: Any]? in
            let items = checklist.items.filter { $0.status.kind == kind }
            guard !items.isEmpty else { return nil }
            return ["id": "tt-" + kind.rawValue.replacingOccurrences(of: "_", with: "-"), "label": kind.label, "count": VietnameseFormat.integer(items.count),
                    "class": kind.rawValue, "items": items.map { item($0, root: root) }]
        }
        let groupIDs = checklist.items.map(\.rule.group).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let groups = groupIDs.map { id -> [String: Any] in
            let items = checklist.items.filter { $0.rule.group == id }
            return ["id": "nhom-" + id.replacingOccurrences(of: "_", with: "-"), "label": Self.groupLabels[id] ?? id,
                    "count": VietnameseFormat.integer(items.count), "items": items.map { item($0, root: root) }]
        }
        // The page opens on the quarter of the date the status is computed for (else the latest);
        // the others are collapsed, so the page is not three copies of every item long.
        let current = checklist.asOf.map { (year: $0.year, quarter: ($0.month - 1) / 3 + 1) }
        let open = checklist.quarters.contains { $0.year == current?.year && $0.quarter == current?.quarter }
            ? current : checklist.quarters.last.map { (year: $0.year, quarter: $0.quarter) }
        let quarters = checklist.quarters.map { entry -> [String: Any] in
            let items = checklist.items.filter { $0.year == entry.year && $0.quarter == entry.quarter }
            return ["id": "quy-\(entry.year)-\(entry.quarter)", "label": "Quý \(roman(entry.quarter)) năm \(entry.year)",
                    "sheet_href": root + ChecklistPaths.sheet(year: entry.year, quarter: entry.quarter) + "index.html",
                    "count": VietnameseFormat.integer(items.count), "is_current": entry.year == open?.year && entry.quarter == open?.quarter,
                    "items": items.map { item($0, root: root) }]
        }
        return ["as_of_text": checklist.asOf?.vietnamese ?? "", "total": VietnameseFormat.integer(checklist.items.count), "statuses": statuses,
                "groups": groups, "quarters": quarters, "json_href": root + ChecklistPaths.json, "csv_href": root + ChecklistPaths.csv]
    }

    func item(_ item: ChecklistItem, root: String, number: Int = 0) -> [String: Any] {
        var values: [String: Any] = [
            "number": String(number), "id": item.id, "title": item.title, "rule_id": item.rule.id, "rule_item": item.rule.item,
            "legal_basis": item.rule.legalBasis, "channels": item.rule.channels.map(\.label).joined(separator: "; "),
            "deadline_rule": item.rule.deadline.label, "status": item.status.text, "class": item.status.kind.rawValue,
        ]
        values["trigger_text"] = item.trigger?.vietnamese
        values["deadline_text"] = item.deadline?.vietnamese
        values["published_text"] = item.publishedOn?.vietnamese
        values["posting"] = item.posting.map(window)
        values["decision"] = item.decision.map { $0.number + ($0.date.map { " ngày \($0.vietnamese)" } ?? "") }
        values["href"] = item.pagePath.map { root + $0 + "index.html" }
        values["note"] = item.note
        return values
    }

    func window(_ posting: PostingWindow) -> [String: Any] {
        var values: [String: Any] = [:]
        values["from_text"] = posting.from?.vietnamese
        values["to_text"] = posting.to?.vietnamese
        values["place"] = posting.place
        return values
    }

    func roman(_ quarter: Int) -> String { ["I", "II", "III", "IV"][max(0, min(3, quarter - 1))] }

    static let columns = [
        OpenData.Column(name: "id", meaning: "Mã ổn định của mục: <năm>-q<quý>/<mã quy tắc>/<khóa>, dùng để so sánh giữa các quý"),
        OpenData.Column(name: "ky", meaning: "Quý của mục: <năm>-q<quý>"),
        OpenData.Column(name: "quy_tac", meaning: "Mã quy tắc (bộ quy tắc quốc gia hoặc content/quy-tac.yaml)"),
        OpenData.Column(name: "tieu_de", meaning: "Nội dung công khai"),
        OpenData.Column(name: "can_cu", meaning: "Căn cứ pháp lý (văn bản, điều, khoản)"),
        OpenData.Column(name: "kenh", meaning: "Hình thức công khai bắt buộc"),
        OpenData.Column(name: "moc", meaning: "Ngày bắt đầu tính hạn (YYYY-MM-DD)"),
        OpenData.Column(name: "han", meaning: "Hạn công khai (YYYY-MM-DD)"),
        OpenData.Column(name: "ngay_cong_khai", meaning: "Ngày đã công khai (YYYY-MM-DD)"),
        OpenData.Column(name: "niem_yet_tu", meaning: "Ngày bắt đầu niêm yết (YYYY-MM-DD)"),
        OpenData.Column(name: "niem_yet_den", meaning: "Ngày kết thúc niêm yết (YYYY-MM-DD)"),
        OpenData.Column(name: "noi_niem_yet", meaning: "Nơi niêm yết"),
        OpenData.Column(name: "van_ban", meaning: "Văn bản được công khai (số, ngày)"),
        OpenData.Column(name: "trang_thai", meaning: "dung_han, tre_han, chua_du_niem_yet, thieu, chua_den_han, can_cap_nhat, khong_ap_dung"),
        OpenData.Column(name: "so_ngay", meaning: "Số ngày trễ, số ngày còn lại hoặc số ngày niêm yết còn thiếu"),
        OpenData.Column(name: "dia_chi", meaning: "Đường dẫn trang công khai, tính từ gốc trang"),
    ]

    var dataset: OpenData.Dataset {
        let rows = checklist.items.map { item -> [String: OpenData.Value] in
            [
                "id": .text(item.id), "ky": .text("\(item.year)-q\(item.quarter)"), "quy_tac": .text(item.rule.id),
                "tieu_de": .text(item.title), "can_cu": .text(item.rule.legalBasis), "kenh": .list(item.rule.channels.map(\.rawValue)),
                "moc": .text(item.trigger?.iso), "han": .text(item.deadline?.iso), "ngay_cong_khai": .text(item.publishedOn?.iso),
                "niem_yet_tu": .text(item.posting?.from?.iso), "niem_yet_den": .text(item.posting?.to?.iso),
                "noi_niem_yet": .text(item.posting?.place), "van_ban": .text(item.decision?.number),
                "trang_thai": .text(item.status.kind.rawValue), "so_ngay": .number(item.status.days),
                "dia_chi": .text(item.pagePath.map { $0 + "index.html" }),
            ]
        }
        return OpenData.Dataset(title: "Danh mục thông tin công khai", description: "Mỗi dòng là một nội dung phải công khai, kèm hạn và tình trạng.",
                                jsonPath: ChecklistPaths.json, csvPath: ChecklistPaths.csv, columns: Self.columns, rows: rows)
    }

    /// `cong-khai/danh-sach-cong-khai.json` and `.csv`.
    public var files: [OutputFile] {
        OpenData.files([dataset])
    }

    /// A quarter's sheet is dated the day of the build.
    public func notice(for page: Page) -> NoticeFacts? {
        guard case .checklistQuarter = page.data else { return nil }
        return NoticeFacts()
    }

    /// Listed on `du-lieu/`.
    public var datasets: [OpenData.Dataset] {
        [dataset]
    }
}
