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
            check(report, log: log)
        }
    }

    static func check(_ report: ReformReport, log: DiagnosticLog) {
        let at = { (key: String) in SourceLocation(path: report.source, line: report.line(of: key)) }
        casesAddUp(report.cases, prefix: "ho_so", scope: "toàn xã", at: at, log: log)
        for field in report.fields {
            casesAddUp(field.cases, prefix: "theo_linh_vuc.\(field.index).ho_so", scope: "lĩnh vực \(field.name)", at: at, log: log)
        }
        fieldsAddUp(report, at: at, log: log)
        partsWithinWholes(report, at: at, log: log)
        for (indicator, target) in report.targets.sorted(by: { $0.key < $1.key }) where target > 100 {
            log.report(.error("reform.share-over", at: at("chi_tieu.\(indicator.rawValue)"),
                              "Chỉ tiêu “\(indicator.label)” là \(VietnameseFormat.decimal(target))%, vượt quá 100%.",
                              hint: "Chỉ tiêu là tỷ lệ phần trăm, từ 0 đến 100."))
        }
        StatedFigureChecks.check(report, log: log)
    }

    /// Received (carried over + new) must equal decided + pending + returned; written subtotals must equal their parts.
    static func casesAddUp(_ cases: CaseFigures, prefix: String, scope: String, at: (String) -> SourceLocation, log: DiagnosticLog) {
        if cases.receivedTotal != cases.accountedFor {
            let n = VietnameseFormat.integer
            log.report(.error("reform.parts", at: at(prefix),
                              "Số hồ sơ \(scope) không khớp: tồn kỳ trước + tiếp nhận mới = \(n(cases.receivedTotal)), "
                                + "nhưng đã giải quyết + đang giải quyết + trả lại, rút = \(n(cases.accountedFor)) (chênh \(n(abs(cases.receivedTotal - cases.accountedFor)))).",
                              hint: "Mọi hồ sơ tiếp nhận (kể cả tồn kỳ trước) phải hoặc đã giải quyết, hoặc đang giải quyết, hoặc bị trả lại, rút. Kiểm tra lại từng số."))
        }
        let subtotals: [(String, String, Int?, Int)] = [
            ("tiep_nhan", "tiếp nhận mới", cases.statedNew, cases.receivedNew),
            ("da_giai_quyet", "đã giải quyết", cases.statedDecided, cases.decided),
            ("dang_giai_quyet", "đang giải quyết", cases.statedPending, cases.pending),
        ]
        for (key, label, stated, sum) in subtotals {
            guard let stated, stated != sum else { continue }
            log.report(.error("reform.subtotal", at: at("\(prefix).\(key).tong"),
                              "Tổng hồ sơ \(label) (\(scope)) ghi \(VietnameseFormat.integer(stated)), nhưng cộng các thành phần được \(VietnameseFormat.integer(sum)).",
                              hint: "Sửa số sai, hoặc bỏ dòng “tong”: CongKhai tự cộng."))
        }
    }

    /// Each typed figure summed over `theo_linh_vuc` must equal the commune's figure.
    /// All mismatches of a report are one finding: one slip usually moves several figures.
    static func fieldsAddUp(_ report: ReformReport, at: (String) -> SourceLocation, log: DiagnosticLog) {
        guard !report.fields.isEmpty else { return }
        var differences: [String] = []
        for key in CaseFigures.figureKeys {
            let sum = report.fields.reduce(0) { $0.saturatingAdding($1.cases.value(of: key)) }
            let total = report.cases.value(of: key)
            if sum != total {
                differences.append("“\(key)”: các lĩnh vực cộng lại \(VietnameseFormat.integer(sum)), toàn xã \(VietnameseFormat.integer(total))")
            }
        }
        guard !differences.isEmpty else { return }
        log.report(.error("reform.field-sum", at: at("theo_linh_vuc"),
                          "Số liệu theo lĩnh vực không khớp với số liệu toàn xã: \(differences.joined(separator: "; ")).",
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
