import CongKhaiModel

/// Consistency of reform figures: parts add up, shares within 100%, stated figures agree.
///
/// Severity: arithmetic inside the file that does not add up (parts against wholes, fields
/// against the commune total, a part larger than its whole, a share over 100%) is an
/// **error**: the page would publish impossible numbers. A figure in `so_lieu_cong_bo` that
/// disagrees with the derived one is a **warning**: the signed report is already out, the
/// site still builds, and the editor decides which side was mistyped.
public enum ReformChecks {
    public static func run(_ content: SiteContent, log: DiagnosticLog) {
        for report in content.reports.sorted(by: { $0.source < $1.source }) {
            check(report, unit: content.config.kind, log: log)
        }
        StatedFigureChecks.run(content, log: log)
        PlanChecks.run(content, log: log)
    }

    static func check(_ report: ReformReport, unit: UnitKind, log: DiagnosticLog) {
        let at = { (key: String) in SourceLocation(path: report.source, line: report.line(of: key)) }
        let whole = "toàn \(unit.label.lowercased())"
        casesAddUp(report.cases, prefix: "ho_so", scope: whole, at: at, log: log)
        for field in report.fields {
            casesAddUp(field.cases, prefix: "theo_linh_vuc.\(field.index).ho_so", scope: "lĩnh vực \(field.name)", at: at, log: log)
        }
        fieldsAddUp(report, whole: whole, at: at, log: log)
        partsWithinWholes(report, at: at, log: log)
        for (indicator, target) in report.targets.sorted(by: { $0.key < $1.key }) where target > 100 {
            log.report(.error("reform.share-over", at: at("chi_tieu.\(indicator.rawValue)"),
                              "Chỉ tiêu “\(indicator.label)” là \(VietnameseFormat.decimal(target))%, vượt quá 100%.",
                              hint: "Chỉ tiêu là tỷ lệ phần trăm, từ 0 đến 100."))
        }
        // A target the report has no figures for would otherwise vanish from the page.
        for indicator in report.targets.keys.sorted() where report.ratio(indicator) == nil {
            log.report(.warning("reform.target-no-figure", at: at("chi_tieu.\(indicator.rawValue)"),
                                "Chỉ tiêu “\(indicator.label)” không có số liệu để đối chiếu trong báo cáo này.",
                                hint: "Thêm số liệu “\(indicator.sourceKey)”, hoặc bỏ chỉ tiêu này khỏi “chi_tieu”."))
        }
    }

    /// Received (carried over + new) must equal decided + pending + returned; written totals must
    /// equal their parts. Only figures the report gives are compared: a split left out is not a slip.
    static func casesAddUp(_ cases: CaseFigures, prefix: String, scope: String, at: (String) -> SourceLocation, log: DiagnosticLog) {
        let n = VietnameseFormat.integer
        if let received = cases.receivedTotal, let decided = cases.decided, let pending = cases.pending {
            let accounted = decided + pending + (cases.returned ?? 0)
            // Without `tra_lai_rut` the report may simply not mention returned cases: only too many is a slip.
            if cases.returned != nil ? accounted != received : accounted > received {
                let right = cases.returned != nil ? "đã giải quyết + đang giải quyết + trả lại, rút" : "đã giải quyết + đang giải quyết"
                log.report(.error("reform.parts", at: at(prefix),
                                  "Số hồ sơ \(scope) không khớp: tồn kỳ trước + tiếp nhận mới = \(n(received)), "
                                    + "nhưng \(right) = \(n(accounted)) (chênh \(n(abs(received - accounted)))).",
                                  hint: "Mọi hồ sơ tiếp nhận (kể cả tồn kỳ trước) phải hoặc đã giải quyết, hoặc đang giải quyết, hoặc bị trả lại, rút. Kiểm tra lại từng số."))
            }
        }
        let subtotals: [(String, String, Int?, [Int?])] = [
            ("tiep_nhan", "tiếp nhận mới", cases.statedNew, cases.newParts),
            ("da_giai_quyet", "đã giải quyết", cases.statedDecided, cases.decidedParts),
            ("dang_giai_quyet", "đang giải quyết", cases.statedPending, cases.pendingParts),
        ]
        for (key, label, stated, parts) in subtotals {
            guard let stated, let sum = CaseFigures.sum(parts) else { continue }
            // A partial split may fall short of its total, never exceed it.
            let complete = parts.allSatisfy { $0 != nil }
            guard complete ? sum != stated : sum > stated else { continue }
            log.report(.error("reform.subtotal", at: at("\(prefix).\(key).tong"),
                              "Tổng hồ sơ \(label) (\(scope)) ghi \(n(stated)), nhưng cộng các thành phần \(complete ? "được" : "đã ghi đã là") \(n(sum)).",
                              hint: "Sửa số sai, hoặc bỏ dòng “tong”: CongKhai tự cộng."))
        }
        if let stated = cases.statedTotal, let carried = cases.carriedOver, let new = cases.receivedNew, stated != carried + new {
            log.report(.error("reform.subtotal", at: at("\(prefix).tong"),
                              "Tổng số hồ sơ phải giải quyết (\(scope)) ghi \(n(stated)), nhưng tồn kỳ trước \(n(carried)) + tiếp nhận mới \(n(new)) = \(n(carried + new)).",
                              hint: "Sửa số sai, hoặc bỏ dòng “tong”: CongKhai tự cộng."))
        }
    }

    /// Each figure summed over `theo_linh_vuc` must equal the commune's figure, where the commune
    /// and every lĩnh vực give it. All mismatches of a report are one finding: one slip usually
    /// moves several figures.
    static func fieldsAddUp(_ report: ReformReport, whole: String, at: (String) -> SourceLocation, log: DiagnosticLog) {
        guard !report.fields.isEmpty else { return }
        var differences: [String] = []
        for key in CaseFigures.figureKeys + CaseFigures.totalKeys {
            let values = report.fields.map { $0.cases.value(of: key) }
            guard let total = report.cases.value(of: key), values.allSatisfy({ $0 != nil }) else { continue }
            let sum = values.reduce(0) { $0.saturatingAdding($1 ?? 0) }
            if sum != total {
                differences.append("“\(key)”: các lĩnh vực cộng lại \(VietnameseFormat.integer(sum)), \(whole) \(VietnameseFormat.integer(total))")
            }
        }
        // A total follows from its parts: when a part differs, report the parts only.
        let isTotal = { (item: String) in CaseFigures.totalKeys.contains { item.hasPrefix("“\($0)”") } }
        if differences.contains(where: { !isTotal($0) }) { differences.removeAll(where: isTotal) }
        guard !differences.isEmpty else { return }
        log.report(.error("reform.field-sum", at: at("theo_linh_vuc"),
                          "Số liệu theo lĩnh vực không khớp với số liệu \(whole): \(differences.joined(separator: "; ")).",
                          hint: "Mỗi số của “ho_so” phải bằng tổng số cùng tên của các lĩnh vực. Kiểm tra lĩnh vực còn thiếu hoặc số gõ nhầm."))
    }

    static func partsWithinWholes(_ report: ReformReport, at: (String) -> SourceLocation, log: DiagnosticLog) {
        let pairs: [(Ratio?, String, String, String)] = [
            (report.digitised, "so_hoa", "tong", "da_so_hoa"),
            (report.plan, "ke_hoach", "nhiem_vu", "hoan_thanh"),
            (report.payment, "thanh_toan_truc_tuyen", "ho_so_co_phi", "da_thanh_toan_truc_tuyen"),
            (report.feedback, "phan_anh", "tiep_nhan", "da_xu_ly"),
            (report.satisfaction, "hai_long", "phieu", "hai_long"),
        ]
        for (ratio, group, whole, part) in pairs {
            guard let ratio, ratio.part > ratio.whole else { continue }
            log.report(.error("reform.part-exceeds", at: at("\(group).\(part)"),
                              "“\(group).\(part)” là \(VietnameseFormat.integer(ratio.part)), lớn hơn “\(group).\(whole)” là \(VietnameseFormat.integer(ratio.whole)) (tỷ lệ sẽ vượt 100%).",
                              hint: "Phần không thể lớn hơn tổng: kiểm tra xem hai số có bị gõ đổi chỗ hoặc thừa chữ số không."))
        }
    }
}
