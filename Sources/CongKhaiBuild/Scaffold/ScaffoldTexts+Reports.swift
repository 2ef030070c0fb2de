import CongKhaiLoad
import CongKhaiModel

extension ScaffoldTexts {
    static func budgetSidecar(year: Int, kind: String, period: String? = nil) -> String {
        let execution = kind == "thuc_hien"
        let basisKey = kind == "du_toan" || kind == "quyet_toan" ? "nghi_quyet" : "bao_cao"
        let dates = budgetDates(year: year, kind: kind, period: period)
        return """
        \(draftLines)
        # Loại: du_toan_trinh (dự toán trình HĐND), du_toan, thuc_hien, quyet_toan.
        loai: \(kind)
        \(execution ? "# Kỳ thực hiện: quy_1, 6_thang, 9_thang hoặc nam.\nky: \(period ?? "quy_1")\n" : "")nam: \(year)
        # Nghị quyết của HĐND (dự toán, quyết toán) hoặc báo cáo của UBND: hạn công khai tính từ ngày này.
        # Các ngày dưới đây chỉ là ví dụ: ghi đúng ngày ký, ngày đăng và ngày niêm yết thật.
        \(basisKey):
          so: "00/\(basisKey == "nghi_quyet" ? "NQ-HĐND" : "BC-UBND")"
          ngay: \(dates.signed.iso)
        # Ngày đăng lên trang: không sớm hơn ngày ký\(execution || kind == "quyet_toan" ? ", cũng không sớm hơn ngày cuối kỳ" : "").
        ngay_cong_khai: \(dates.published.iso)
        # Niêm yết ít nhất 30 ngày liên tục.
        niem_yet:
          tu: \(dates.published.iso)
          den: \(dates.published.adding(days: 31).iso)
          noi: "Trụ sở Ủy ban nhân dân xã và Trang thông tin điện tử của xã"
        # Thuyết minh (bắt buộc), viết bằng Markdown.
        thuyet_minh: |
          Thuyết minh số liệu (cần sửa).
        # Các cột số liệu của bảng (theo mẫu của tỉnh): id là tên cột trong tệp CSV;
        # kieu: so_tien, ty_le (tính từ cột tu chia cột mau) hoặc van_ban.
        cot:
          - id: du_toan
            tieu_de: Dự toán năm \(year)
            kieu: so_tien
        \(execution ? """
          - id: thuc_hien
            tieu_de: Thực hiện
            kieu: so_tien
          - id: ty_le
            tieu_de: So sánh thực hiện với dự toán (%)
            kieu: ty_le
            tu: thuc_hien
            mau: du_toan

        """ : "")
        """
    }

    /// Example dates that respect the rules (signed after the period, published within its
    /// deadline), so filling in a new file never needs a date it could not have.
    static func budgetDates(year: Int, kind: String, period: String?) -> (signed: CalendarDate, published: CalendarDate) {
        switch kind {
        case "du_toan_trinh":
            let signed = CalendarDate.lastDay(ofMonth: 11, year: year - 1).adding(days: -10)
            return (signed, signed.adding(days: 3))
        case "du_toan":
            let signed = CalendarDate.lastDay(ofMonth: 12, year: year - 1).adding(days: -13)
            return (signed, signed.adding(days: 7))
        case "quyet_toan":
            let signed = CalendarDate.lastDay(ofMonth: 7, year: year + 1).adding(days: -16)
            return (signed, signed.adding(days: 7))
        default:
            let months = ["quy_1": 3, "6_thang": 6, "9_thang": 9, "nam": 12][period ?? "quy_1"] ?? 3
            let end = CalendarDate.lastDay(ofMonth: months, year: year)
            return (end.adding(days: 5), end.adding(days: 10))
        }
    }

    /// A table whose parents are left empty: CongKhai adds up the children itself.
    static func budgetTable(kind: String) -> String {
        kind == "thuc_hien"
            ? "stt,noi_dung,du_toan,thuc_hien,ty_le\nI,Tổng thu ngân sách xã,,,\n1,Thu ngân sách nhà nước trên địa bàn xã được hưởng,0,0,\nII,Tổng chi ngân sách xã,,,\n1,Chi thường xuyên,0,0,\n"
            : "stt,noi_dung,du_toan\nI,Tổng thu ngân sách xã,\n1,Thu ngân sách nhà nước trên địa bàn xã được hưởng,0\nII,Tổng chi ngân sách xã,\n1,Chi thường xuyên,0\n"
    }

    static func reformReport(year: Int, period: String) -> String {
        let month = ["quy_1": 3, "6_thang": 6, "quy_3": 9, "nam": 12][period] ?? 12
        let signed = CalendarDate.lastDay(ofMonth: month, year: year).adding(days: 18 - CalendarDate.daysIn(month: month, year: year))
        return """
        ---
        \(draftLines)
        # Kỳ báo cáo: quy_1, 6_thang, quy_3 hoặc nam; ngày đầu, cuối kỳ lấy mặc định theo kỳ.
        nam: \(year)
        ky: \(period)
        # Số và ngày ký báo cáo (hạn: ngày 20 tháng cuối kỳ); ghi đúng số và ngày thật.
        so_bao_cao: "00/BC-UBND"
        ngay_bao_cao: \(signed.iso)
        # Hồ sơ thủ tục hành chính trong kỳ: CongKhai tự cộng tổng và tính các tỷ lệ.
        ho_so:
          ton_ky_truoc: 0
          tiep_nhan: { truc_tiep: 0, truc_tuyen: 0, buu_chinh: 0 }
          da_giai_quyet: { truoc_han: 0, dung_han: 0, qua_han: 0 }
          dang_giai_quyet: { trong_han: 0, qua_han: 0 }
          tra_lai_rut: 0
        so_hoa: { tong: 0, da_so_hoa: 0 }
        ke_hoach: { nhiem_vu: 0, hoan_thanh: 0 }
        phan_anh: { tiep_nhan: 0, da_xu_ly: 0 }
        hai_long: { phieu: 0, hai_long: 0 }
        ---
        Kết quả thực hiện nhiệm vụ cải cách hành chính trong kỳ (cần sửa).

        """
    }

    static func news(title: String?, today: CalendarDate) -> String {
        """
        ---
        \(draftLines)
        tieu_de: \(YAMLText.quoted(title ?? "Tiêu đề tin (cần sửa)"))
        # Một câu tóm tắt, hiện trong danh sách tin.
        mo_ta: "Tóm tắt (cần sửa)"
        ngay: \(today.iso)
        tac_gia: "Văn phòng HĐND và UBND xã"
        ---
        Nội dung tin (cần sửa). Dùng `##` cho tiêu đề mục, `-` cho danh sách.

        """
    }

    /// `danh-muc-quy-4-2026` (the name the checklist suggests) is the quarter's list of what was
    /// disclosed (Điều 13 k2), not an Điều 11 item: it gets `quy_tac: danh-sach-quy` and `ky`.
    static func disclosure(slug: String, title: String?, today: CalendarDate) -> String {
        if let (quarter, year) = quarterlyList(slug) { return quarterlyListText(quarter: quarter, year: year, title: title) }
        return """
        ---
        \(draftLines)
        tieu_de: \(YAMLText.quoted(title ?? "Tên nội dung công khai (cần sửa)"))
        # Nhóm nội dung theo Luật Thực hiện dân chủ ở cơ sở, Điều 11 (khoản 1 đến 14).
        nhom: 1
        # Văn bản (quyết định, nghị quyết) làm căn cứ: hạn công khai tính từ ngày này.
        van_ban:
          so: "00/QĐ-UBND"
          ngay: \(today.iso)
        # Ngày đăng lên trang: không sớm hơn ngày ký văn bản.
        ngay_cong_khai: \(today.iso)
        # Niêm yết ít nhất 30 ngày liên tục tại trụ sở và các điểm niêm yết.
        niem_yet:
          tu: \(today.iso)
          den: \(today.adding(days: 30).iso)
          noi: "Trụ sở Ủy ban nhân dân xã"
        ---
        Nội dung công khai (cần sửa).

        """
    }

    static func quarterlyList(_ slug: String) -> (quarter: Int, year: Int)? {
        let parts = slug.split(separator: "-")
        guard parts.count == 5, parts[0] == "danh", parts[1] == "muc", parts[2] == "quy",
              let quarter = Int(parts[3]), (1...4).contains(quarter), let year = Int(parts[4]), (2000...2100).contains(year) else { return nil }
        return (quarter, year)
    }

    static func quarterlyListText(quarter: Int, year: Int, title: String?) -> String {
        let end = CalendarDate.lastDay(ofMonth: quarter * 3, year: year)
        let roman = ["I", "II", "III", "IV"][quarter - 1]
        return """
        ---
        \(draftLines)
        tieu_de: \(YAMLText.quoted(title ?? "Danh mục thông tin đã công khai quý \(roman) năm \(year)"))
        # Danh mục thông tin đã công khai trong quý (Luật 10/2022/QH15, Điều 13 khoản 2): CongKhai
        # lập bản in của danh mục từ các nội dung đã đăng; tệp này ghi lại việc đăng và niêm yết nó.
        quy_tac: danh-sach-quy
        ky: \(year)-q\(quarter)
        # Ngày đăng lên trang và ngày niêm yết: sau ngày cuối quý (\(end.vietnamese)), hạn 5 ngày làm việc.
        ngay_cong_khai: \(end.adding(days: 3).iso)
        niem_yet:
          tu: \(end.adding(days: 3).iso)
          den: \(end.adding(days: 33).iso)
          noi: "Trụ sở Ủy ban nhân dân xã (cần sửa)"
        ---
        Danh mục được lập từ các nội dung đã công khai trong quý.

        """
    }
}
