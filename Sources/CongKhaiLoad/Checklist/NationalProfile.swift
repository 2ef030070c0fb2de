import CongKhaiModel

/// The built-in national rule profile, as readable YAML shipped inside the tool (no resource
/// bundle needed). Sources: /shared/design/disclosure-rules.md. A commune or province changes
/// any field, or adds rules, in `content/quy-tac.yaml` with the same shape.
public enum NationalProfile {
    public static let path = "<bộ quy tắc quốc gia>"

    public static let yaml = """
    quy_tac:
      ns-du-toan-trinh:
        noi_dung: "Dự toán ngân sách xã trình Hội đồng nhân dân"
        van_ban: "Thông tư 343/2016/TT-BTC"
        dieu: 15
        ap_dung: ngan_sach.du_toan_trinh
        kenh: [website, tru_so, thon]
        moc: van_ban
        han: { ngay_lam_viec: 5 }
        niem_yet_toi_thieu: 30
        dinh_ky: theo_van_ban
        nhom: ngan_sach
      ns-du-toan:
        noi_dung: "Dự toán ngân sách xã được Hội đồng nhân dân quyết định"
        van_ban: "Thông tư 26/2026/TT-BTC"
        dieu: 26
        ap_dung: ngan_sach.du_toan
        kenh: [website, tru_so, thon]
        moc: van_ban
        han: { ngay: 30 }
        niem_yet_toi_thieu: 30
        dinh_ky: nam
        nhom: ngan_sach
      ns-thuc-hien:
        noi_dung: "Tình hình thực hiện dự toán ngân sách xã quý I, 6 tháng, 9 tháng"
        van_ban: "Thông tư 26/2026/TT-BTC"
        dieu: 26
        ap_dung: ngan_sach.thuc_hien
        kenh: [website, tru_so, thon]
        moc: het_ky
        han: { ngay: 15 }
        niem_yet_toi_thieu: 30
        dinh_ky: quy
        nhom: ngan_sach
      ns-thuc-hien-nam:
        noi_dung: "Tình hình thực hiện dự toán ngân sách xã cả năm"
        van_ban: "Thông tư 26/2026/TT-BTC"
        dieu: 26
        ap_dung: ngan_sach.thuc_hien_nam
        kenh: [website, tru_so, thon]
        moc: het_ky
        han: { ngay: 30 }
        niem_yet_toi_thieu: 30
        dinh_ky: nam
        nhom: ngan_sach
      ns-quyet-toan:
        noi_dung: "Quyết toán ngân sách xã được Hội đồng nhân dân phê chuẩn"
        van_ban: "Thông tư 26/2026/TT-BTC"
        dieu: 26
        ap_dung: ngan_sach.quyet_toan
        kenh: [website, tru_so, thon]
        moc: van_ban
        han: { ngay: 30 }
        niem_yet_toi_thieu: 30
        dinh_ky: nam
        nhom: ngan_sach
      tthc:
        noi_dung: "Danh mục và nội dung thủ tục hành chính, địa chỉ tiếp nhận phản ánh, kiến nghị"
        van_ban: "Nghị định 63/2010/NĐ-CP"
        dieu: 17
        ap_dung: thu_tuc
        kenh: [website, tru_so]
        moc: van_ban
        han: { ngay_lam_viec: 5 }
        dinh_ky: thuong_xuyen
        nhom: thu_tuc
      phi:
        noi_dung: "Danh mục phí, lệ phí: tên, mức thu, cách thu, đối tượng nộp, miễn giảm, văn bản quy định"
        van_ban: "Luật Phí và lệ phí 2015"
        dieu: 14
        ap_dung: phi
        kenh: [website, tru_so]
        moc: khong
        dinh_ky: thuong_xuyen
        nhom: thu_tuc
      danh-sach-quy:
        noi_dung: "Danh mục thông tin đã công khai trong quý (hình thức, thời điểm công khai)"
        van_ban: "Luật 10/2022/QH15"
        dieu: 13
        khoan: 2
        ap_dung: danh_sach_quy
        kenh: [website, tru_so, thon]
        moc: het_ky
        han: { ngay_lam_viec: 5 }
        dinh_ky: quy
        nhom: danh_sach
      cchc:
        noi_dung: "Báo cáo kết quả cải cách hành chính theo kỳ"
        van_ban: "Công văn 581/BNV-CCHC"
        ap_dung: cchc
        kenh: [website]
        moc: het_ky
        han: { ngay_trong_thang: 20 }
        dinh_ky: quy
        nhom: cchc
      web-gioi-thieu:
        noi_dung: "Cơ cấu tổ chức, điều kiện tự nhiên, lịch sử, văn hóa của xã"
        van_ban: "Nghị định 224/2026/NĐ-CP"
        dieu: 9
        khoan: 1
        ap_dung: trang.gioi-thieu/
        kenh: [website]
        moc: khong
        dinh_ky: thuong_xuyen
        nhom: trang
      web-ban-do:
        noi_dung: "Bản đồ hành chính"
        van_ban: "Nghị định 224/2026/NĐ-CP"
        dieu: 9
        khoan: 1
        ap_dung: trang.gioi-thieu/ban-do/
        kenh: [website]
        moc: khong
        dinh_ky: thuong_xuyen
        nhom: trang
      web-lanh-dao:
        noi_dung: "Tiểu sử tóm tắt và nhiệm vụ của lãnh đạo"
        van_ban: "Nghị định 224/2026/NĐ-CP"
        dieu: 9
        khoan: 1
        ap_dung: trang.gioi-thieu/lanh-dao/
        kenh: [website]
        moc: khong
        dinh_ky: thuong_xuyen
        nhom: trang
      web-danh-gia:
        noi_dung: "Đánh giá của người dùng về thông tin trên từng trang"
        van_ban: "Nghị định 224/2026/NĐ-CP"
        dieu: 10
        khoan: 3
        ap_dung: cau_hinh.phan_hoi_url
        kenh: [website]
        moc: khong
        dinh_ky: thuong_xuyen
        nhom: trang
      web-lien-he:
        noi_dung: "Thông tin liên hệ của cơ quan"
        van_ban: "Luật Tiếp cận thông tin 2016"
        dieu: 19
        khoan: 1
        ap_dung: trang.gioi-thieu/lien-he/
        kenh: [website]
        moc: khong
        dinh_ky: thuong_xuyen
        nhom: trang
    """
    + groupRules

    /// Điều 11 khoản 1–14: one rule per group, channels per the Điều 13 matrix.
    static var groupRules: String {
        (1...14).map { clause -> String in
            let boards = [1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12].contains(clause)
            let standing = [4, 13].contains(clause)
            var channels = ["website", "tru_so"]
            if boards { channels.append("thon") }
            if (7...12).contains(clause) { channels.append("truyen_thanh") }
            return """

              dieu-11-k\(clause):
                noi_dung: "Nội dung công khai theo Điều 11 khoản \(clause)"
                van_ban: "Luật 10/2022/QH15"
                dieu: 11
                khoan: \(clause)
                ap_dung: cong_khai
                kenh: [\(channels.joined(separator: ", "))]
                moc: van_ban
                han: { ngay_lam_viec: 5 }
                niem_yet_toi_thieu: \(boards ? 30 : 0)
                truyen_thanh_toi_thieu: \((7...12).contains(clause) ? 3 : 0)
                dinh_ky: \(standing ? "thuong_xuyen" : "theo_van_ban")
                nhom: dieu_11
            """
        }.joined()
    }

    /// The profile with the rules content units bring (`LoadingUnit.checklistRules`), each read
    /// over the ones before it; a site's `quy-tac.yaml` is read over this. Units' profiles are
    /// tested like this one, so reading them reports nothing.
    public static func rules(adding units: [any LoadingUnit]) -> [ChecklistRule] {
        let joined = units.map(\.checklistRules).filter { !$0.isEmpty }.reduce(rules) { base, yaml in
            RuleProfileParser.parse(yaml, path: path, base: base, log: DiagnosticLog())
        }
        // A unit's rules are built in like the national ones: only a site's file is held to
        // what its settings can do.
        return joined.map { rule in
            var rule = rule
            rule.changedAt = [:]
            return rule
        }
    }

    /// The parsed profile. It is tested, so parsing it never reports anything.
    public static let rules: [ChecklistRule] = {
        RuleProfileParser.parse(yaml, path: path, base: [], log: DiagnosticLog())
    }()
}
