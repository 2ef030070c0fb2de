import CongKhaiModel

/// Loads the year's reform plan (`cchc/<nam>-ke-hoach.md`): targets with their comparison
/// (`it_nhat`, `tren`, `toi_da`, `duoi`, `bang`) and the tasks, then the narrative.
public enum ReformPlanLoader {
    /// A file in `cchc/` whose name ends in `-ke-hoach.md` is a plan, not a period's report.
    public static func isPlan(_ path: String) -> Bool {
        path.hasSuffix("-ke-hoach.md")
    }

    public static func load(_ source: SourceText, log: DiagnosticLog) -> ReformPlan? {
        guard let (yaml, parts, _) = FrontMatter.open(source, what: "Kế hoạch cải cách hành chính",
                                                   example: "Chép tệp content/cchc/2026-ke-hoach.md của trang mẫu rồi sửa.", log: log) else { return nil }
        defer { yaml.finish(context: "kế hoạch cải cách hành chính") }
        guard let year = yaml.int("nam", "năm của kế hoạch, ví dụ 2026", required: true) else { return nil }
        guard (2000...2100).contains(year) else {
            log.report(.error("reform.year", at: yaml.location(ofKey: "nam"), "“nam” phải là một năm, ví dụ 2026 (đang là \(year)).",
                              hint: "Ví dụ: `nam: 2026`."))
            return nil
        }
        let stem = String(source.path.split(separator: "/").last ?? "")
        if stem != "\(year)-ke-hoach.md" {
            log.report(.warning("reform.file-name", at: yaml.location(ofKey: "nam"),
                                "Tệp “\(stem)” là kế hoạch năm \(year); tên tệp nên là “\(year)-ke-hoach.md”.",
                                hint: "Đổi tên tệp, hoặc sửa “nam” nếu tệp được chép từ năm trước mà chưa sửa."))
        }
        var plan = ReformPlan(source: source.path, year: year)
        if let title = yaml.string("tieu_de", "tiêu đề kế hoạch") { plan.title = title }
        plan.description = yaml.string("mo_ta", "một câu mô tả")
        plan.number = yaml.string("so_ke_hoach", "số, ký hiệu kế hoạch, ví dụ 15/KH-UBND")
        _ = yaml.bool("nhap", "bản nháp, chưa đăng")
        plan.issuedOn = yaml.date("ngay_ban_hanh", "ngày ban hành kế hoạch")
        plan.targets = yaml.mappings("chi_tieu", "các chỉ tiêu chủ yếu").compactMap { target($0, log: log) }
        plan.tasks = yaml.mappings("nhiem_vu", "các nhiệm vụ").compactMap { item in
            defer { item.finish(context: "nhiệm vụ của kế hoạch") }
            guard let name = item.string("noi_dung", "nhiệm vụ phải làm", required: true) else { return nil }
            return PlanTask(name: name, group: item.string("nhom", "nhóm nhiệm vụ, ví dụ Cải cách thủ tục hành chính"),
                            lead: item.string("chu_tri", "cơ quan, người chủ trì"), due: item.string("thoi_han", "thời hạn"))
        }
        plan.body = parts.body
        plan.bodyLine = parts.bodyLine
        return plan
    }

    static func target(_ item: MappingReader, log: DiagnosticLog) -> PlanTarget? {
        defer { item.finish(context: "chỉ tiêu của kế hoạch") }
        let label = item.string("noi_dung", "chỉ tiêu nói gì", required: true)
        let measure = item.string("chi_so", "số liệu của báo cáo dùng để đo: dung_han, truc_tuyen, hai_long, ke_hoach... hoặc “dai_luong” của một “so_lieu”", required: true)
        let given = PlanTarget.Comparison.allCases.compactMap { comparison in
            item.string(comparison.rawValue, "mức chỉ tiêu").map { (comparison, $0) }
        }
        let keys = PlanTarget.Comparison.allCases.map(\.rawValue).joined(separator: ", ")
        guard given.count == 1, let (comparison, text) = given.first else {
            log.report(.error("reform.target-bound", at: item.start,
                              given.isEmpty ? "Chỉ tiêu thiếu mức: ghi đúng một trong \(keys)."
                                            : "Chỉ tiêu ghi nhiều mức (\(given.map(\.0.rawValue).joined(separator: ", "))); chỉ ghi một.",
                              hint: "Ví dụ: `tren: 95%` (trên 95%), `it_nhat: 90%` (từ 90% trở lên), `bang: 100%`, `toi_da: 0` (số hồ sơ quá hạn)."))
            return nil
        }
        let at = item.location(ofKey: comparison.rawValue)
        let bound: PlanTarget.Bound
        if text.contains("%"), let percent = WrittenPercent(text) {
            // A built-in indicator is a share; a `so_lieu` ratio may aim above 100% (thu ngân sách vượt dự toán).
            if percent.exceedsWhole, ReformIndicator(rawValue: measure ?? "") != nil {
                log.report(.error("reform.share-over", at: at, "Chỉ tiêu “\(label ?? "")” là \(text), vượt quá 100%.",
                                  hint: "Chỉ tiêu là tỷ lệ phần trăm, từ 0 đến 100."))
                return nil
            }
            bound = .percent(percent)
        } else if let count = AmountParser.parse(text), count >= 0 {
            bound = .count(count)
        } else {
            log.report(.error("reform.target-bound", at: at, "Mức chỉ tiêu “\(text)” không phải tỷ lệ phần trăm (như 95%) hay một số (như 0).",
                              hint: "Tỷ lệ ghi kèm dấu %: `tren: 95%`."))
            return nil
        }
        guard let label, let measure else { return nil }
        return PlanTarget(label: label, measure: measure, comparison: comparison, value: bound, line: at.line)
    }
}
