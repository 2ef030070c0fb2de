import CongKhaiModel

/// Reform reports as open data: one row per report, raw figures then derived rates.
/// Rates are text with a dot and one decimal (`84.6`) so programs read them in any locale.
enum ReformOpenData {
    static let jsonPath = "du-lieu/cchc.json"
    static let csvPath = "du-lieu/cchc.csv"

    static let columns: [OpenData.Column] = {
        var columns = [
            OpenData.Column(name: "nam", meaning: "Năm của kỳ báo cáo"),
            OpenData.Column(name: "ky", meaning: "Kỳ báo cáo: quy_1, 6_thang, quy_3, nam"),
            OpenData.Column(name: "tieu_de", meaning: "Tiêu đề báo cáo"),
            OpenData.Column(name: "tu_ngay", meaning: "Ngày bắt đầu kỳ số liệu (YYYY-MM-DD)"),
            OpenData.Column(name: "den_ngay", meaning: "Ngày kết thúc kỳ số liệu (YYYY-MM-DD)"),
            OpenData.Column(name: "ngay_bao_cao", meaning: "Ngày ký báo cáo (YYYY-MM-DD)"),
            OpenData.Column(name: "so_bao_cao", meaning: "Số, ký hiệu báo cáo"),
        ]
        for key in CaseFigures.figureKeys {
            columns.append(OpenData.Column(name: key.replacingOccurrences(of: ".", with: "_"), meaning: "Số hồ sơ: \(key) (trống: báo cáo không nêu)"))
        }
        columns += [
            OpenData.Column(name: "tiep_nhan_moi", meaning: "Hồ sơ tiếp nhận mới (tính)"),
            OpenData.Column(name: "tong_tiep_nhan", meaning: "Tổng hồ sơ, kể cả tồn kỳ trước (tính)"),
            OpenData.Column(name: "da_giai_quyet", meaning: "Hồ sơ đã giải quyết (tính)"),
            OpenData.Column(name: "dang_giai_quyet", meaning: "Hồ sơ đang giải quyết (tính)"),
        ]
        for (group, whole, part) in ratioKeys {
            columns.append(OpenData.Column(name: "\(group)_\(whole)", meaning: "\(group): \(whole)"))
            columns.append(OpenData.Column(name: "\(group)_\(part)", meaning: "\(group): \(part)"))
        }
        for indicator in ReformIndicator.allCases {
            columns.append(OpenData.Column(name: indicator.statedKey, meaning: "Tỷ lệ (%) \(indicator.label.lowercased()) (tính)"))
        }
        columns.append(OpenData.Column(name: "dia_chi", meaning: "Đường dẫn trang báo cáo, tính từ gốc trang"))
        return columns
    }()

    static let ratioKeys = [("so_hoa", "tong", "da_so_hoa"), ("ke_hoach", "nhiem_vu", "hoan_thanh"),
                            ("thanh_toan", "ho_so_co_phi", "da_thanh_toan_truc_tuyen"), ("phan_anh", "tiep_nhan", "da_xu_ly"),
                            ("hai_long", "phieu", "hai_long")]

    static func dataset(_ reports: [ReformReport]) -> OpenData.Dataset {
        let rows = reports.map { report -> [String: OpenData.Value] in
            var row: [String: OpenData.Value] = [
                "nam": .number(report.year),
                "ky": .text(report.period.rawValue),
                "tieu_de": .text(report.title),
                "tu_ngay": .text(report.from.iso),
                "den_ngay": .text(report.to.iso),
                "ngay_bao_cao": .text(report.reportDate?.iso),
                "so_bao_cao": .text(report.reportNumber),
                "tiep_nhan_moi": .number(report.cases.receivedNew),
                "tong_tiep_nhan": .number(report.cases.receivedTotal),
                "da_giai_quyet": .number(report.cases.decided),
                "dang_giai_quyet": .number(report.cases.pending),
                "dia_chi": .text(report.path + "index.html"),
            ]
            for key in CaseFigures.figureKeys {
                row[key.replacingOccurrences(of: ".", with: "_")] = .number(report.cases.value(of: key))
            }
            let ratios = [report.digitised, report.plan, report.payment, report.feedback, report.satisfaction]
            for ((group, whole, part), ratio) in zip(ratioKeys, ratios) {
                row["\(group)_\(whole)"] = .number(ratio?.whole)
                row["\(group)_\(part)"] = .number(ratio?.part)
            }
            for indicator in ReformIndicator.allCases {
                row[indicator.statedKey] = .text(report.ratio(indicator)?.scaledPercent(places: 1).map(machineDecimal))
            }
            return row
        }
        return OpenData.Dataset(title: "Kết quả cải cách hành chính", description: "Mỗi dòng là một kỳ báo cáo: số liệu gốc và các tỷ lệ tính từ đó.",
                                jsonPath: jsonPath, csvPath: csvPath, columns: columns, rows: rows)
    }

    /// 846 → `84.6`.
    static func machineDecimal(_ tenths: Int) -> String {
        "\(tenths / 10).\(tenths % 10)"
    }

    static let statedJSONPath = "du-lieu/cchc-so-lieu.json"
    static let statedCSVPath = "du-lieu/cchc-so-lieu.csv"

    /// Every figure the signed reports state, beside what the report's own figures give: a
    /// correction shown on a page is in the open data too.
    static func statedDataset(_ reports: [ReformReport], catalogueCount: Int?) -> OpenData.Dataset {
        let columns = [
            OpenData.Column(name: "nam", meaning: "Năm của kỳ báo cáo"),
            OpenData.Column(name: "ky", meaning: "Kỳ báo cáo"),
            OpenData.Column(name: "noi_dung", meaning: "Số liệu gì, như báo cáo nêu"),
            OpenData.Column(name: "dai_luong", meaning: "Tên chung của đại lượng (trống: không nêu)"),
            OpenData.Column(name: "so_lieu_bao_cao", meaning: "Con số như trong báo cáo đã ký"),
            OpenData.Column(name: "tinh_lai", meaning: "Con số tính lại từ số liệu của báo cáo hoặc chỗ khác ghi cùng số liệu (trống: khớp hoặc không có số liệu để tính)"),
            OpenData.Column(name: "danh_gia", meaning: "khop, sai_lech (tỷ lệ, tổng), ghi_hai_lan, vuot_100, khac_danh_muc, khong_doi_chieu_duoc"),
            OpenData.Column(name: "dia_chi", meaning: "Đường dẫn trang báo cáo, tính từ gốc trang"),
        ]
        var rows: [[String: OpenData.Value]] = []
        for report in reports {
            let findings = report.statedFindings(catalogueCount: catalogueCount)
            for figure in report.stated {
                let finding = findings.first { $0.figure == figure }
                rows.append([
                    "nam": .number(report.year), "ky": .text(report.period.rawValue),
                    "noi_dung": .text(figure.label), "dai_luong": .text(figure.key), "so_lieu_bao_cao": .text(figure.text),
                    "tinh_lai": .text(finding?.computed), "danh_gia": .text(verdict(finding?.kind)),
                    "dia_chi": .text(report.path + "index.html"),
                ])
            }
        }
        return OpenData.Dataset(title: "Số liệu nêu trong báo cáo cải cách hành chính",
                                description: "Mỗi dòng là một con số trong báo cáo đã ký, kèm con số tính lại khi hai số khác nhau.",
                                jsonPath: statedJSONPath, csvPath: statedCSVPath, columns: columns, rows: rows)
    }

    static func verdict(_ kind: StatedFinding.Kind?) -> String {
        switch kind {
        case nil: return "khop"
        case .rate?, .total?: return "sai_lech"
        case .twice?: return "ghi_hai_lan"
        case .overWhole?: return "vuot_100"
        case .catalogue?: return "khac_danh_muc"
        case .unverifiable?: return "khong_doi_chieu_duoc"
        }
    }

    static func datasets(_ reports: [ReformReport], catalogueCount: Int? = nil) -> [OpenData.Dataset] {
        guard !reports.isEmpty else { return [] }
        var sets = [dataset(reports)]
        if reports.contains(where: { !$0.stated.isEmpty }) { sets.append(statedDataset(reports, catalogueCount: catalogueCount)) }
        return sets
    }
}
