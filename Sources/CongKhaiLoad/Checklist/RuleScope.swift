import CongKhaiModel

/// What a rule of the profile applies to (`ap_dung`) decides where the checklist finds its items
/// and which clock (`moc`) their deadlines run from: the checklist derives budget, reform,
/// quarterly-list, procedure, fee and settings items in code for the national rules' own kinds.
/// A rules file may therefore not move a rule to another kind, nor give it another clock: the
/// change would be read and silently do nothing. It is refused with the reason instead.
enum Scope {
    /// The kinds the checklist reads for the national rules; `trang.<path>` is a page.
    static let builtInKinds: Set<String> = [
        "ngan_sach.du_toan_trinh", "ngan_sach.du_toan", "ngan_sach.thuc_hien", "ngan_sach.thuc_hien_nam",
        "ngan_sach.quyet_toan", "thu_tuc", "phi", "danh_sach_quy", "cchc", "cau_hinh.phan_hoi_url", "cong_khai",
    ]

    /// The clock of items of a kind: periodic reports from the end of their period, standing
    /// items (fees, pages, settings) none, everything else from the date of its document.
    static func trigger(appliesTo kind: String) -> ChecklistRule.Trigger {
        switch kind {
        case "ngan_sach.thuc_hien", "ngan_sach.thuc_hien_nam", "danh_sach_quy", "cchc": .periodEnd
        case "phi": .none
        default: kind.hasPrefix("trang.") || kind.hasPrefix("cau_hinh.") ? .none : .decision
        }
    }

    /// `hạn luôn ...`: the clock in words.
    static func describe(_ trigger: ChecklistRule.Trigger) -> String {
        switch trigger {
        case .decision: "tính từ ngày của văn bản được công khai"
        case .periodEnd: "tính từ ngày hết kỳ báo cáo"
        case .none: "không tính (công khai thường xuyên)"
        }
    }

    /// A page rule names the page's path as the site writes it: `trang.gioi-thieu/lien-he/`.
    static func isPage(_ kind: String) -> Bool {
        let path = kind.dropFirst("trang.".count)
        return kind.hasPrefix("trang.") && path.hasSuffix("/") && !path.hasPrefix("/") && !path.contains("//")
    }

    struct Problem {
        var key: String
        var message: String
        var hint: String
    }

    /// Why `ap_dung: kind` cannot be set on `rule`, or nil when it can.
    static func problem(appliesTo kind: String, rule: ChecklistRule, isNew: Bool, builtIn: Bool) -> Problem? {
        if builtIn {
            guard !builtInKinds.contains(kind), !isPage(kind) else { return nil }
            return Problem(key: "checklist.applies-to", message: "Bộ quy tắc quốc gia áp dụng cho “\(kind)”, một loại nội dung CongKhai không đọc.",
                           hint: "Dùng một trong: \(builtInKinds.sorted().joined(separator: ", ")), hoặc trang.<đường dẫn>/.")
        }
        if !isNew {
            guard kind != rule.appliesTo else { return nil }
            return Problem(key: "checklist.applies-to-fixed",
                           message: "Quy tắc có sẵn “\(rule.id)” áp dụng cho “\(rule.appliesTo)” và không chuyển sang “\(kind)” được: CongKhai tự lấy các mục của quy tắc này từ loại nội dung đó, nên dòng này sẽ không có tác dụng.",
                           hint: "Xóa dòng “ap_dung”. Quy tắc không áp dụng cho đơn vị thì ghi `khong_ap_dung: true`; nghĩa vụ khác thì thêm quy tắc mới với mã mới.")
        }
        guard kind != "cong_khai", !isPage(kind) else { return nil }
        return Problem(key: "checklist.applies-to",
                       message: "Quy tắc mới “\(rule.id)” không áp dụng được cho “\(kind)”: quy tắc mới chỉ nhận “cong_khai” (các tệp trong content/cong-khai/ ghi `quy_tac: \(rule.id)`) hoặc “trang.<đường dẫn trang>/” (một trang phải có).",
                       hint: "Bỏ dòng “ap_dung” (mặc định là cong_khai), hoặc ghi ví dụ `ap_dung: trang.gioi-thieu/lien-he/`.")
    }
}
