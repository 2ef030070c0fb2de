import CongKhaiLoad
import CongKhaiModel

extension ScaffoldTexts {
    static func budgetSidecar(year: Int, kind: String, period: String? = nil) -> String {
        let execution = kind == "thuc_hien"
        let basisKey = kind == "du_toan" || kind == "quyet_toan" ? "nghi_quyet" : "bao_cao"
        return """
        # Loại: du_toan_trinh (dự toán trình HĐND), du_toan, thuc_hien, quyet_toan.
        loai: \(kind)
        \(execution ? "# Kỳ thực hiện: quy_1, 6_thang, 9_thang hoặc nam.\nky: \(period ?? "quy_1")\n" : "")nam: \(year)
        # Nghị quyết của HĐND (dự toán, quyết toán) hoặc báo cáo của UBND: hạn công khai tính từ ngày này.
        \(basisKey):
          so: "00/\(basisKey == "nghi_quyet" ? "NQ-HĐND" : "BC-UBND")"
          ngay: \(year)-01-05
        ngay_cong_khai: \(year)-01-10
        # Niêm yết ít nhất 30 ngày liên tục.
        niem_yet:
          tu: \(year)-01-10
          den: \(year)-02-10
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

    /// A table whose parents are left empty: CongKhai adds up the children itself.
    static func budgetTable(kind: String) -> String {
        kind == "thuc_hien"
            ? "stt,noi_dung,du_toan,thuc_hien,ty_le\nI,Tổng thu ngân sách xã,,,\n1,Thu ngân sách nhà nước trên địa bàn xã được hưởng,0,0,\nII,Tổng chi ngân sách xã,,,\n1,Chi thường xuyên,0,0,\n"
            : "stt,noi_dung,du_toan\nI,Tổng thu ngân sách xã,\n1,Thu ngân sách nhà nước trên địa bàn xã được hưởng,0\nII,Tổng chi ngân sách xã,\n1,Chi thường xuyên,0\n"
    }

    static func reformReport(year: Int, period: String) -> String {
        """
        ---
        # Kỳ báo cáo: quy_1, 6_thang, quy_3 hoặc nam; ngày đầu, cuối kỳ lấy mặc định theo kỳ.
        nam: \(year)
        ky: \(period)
        # so_bao_cao: "00/BC-UBND"
        # ngay_bao_cao: \(year)-03-18
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
        tieu_de: \(YAMLText.quoted(title ?? "Tiêu đề tin (cần sửa)"))
        # Một câu tóm tắt, hiện trong danh sách tin.
        mo_ta: "Tóm tắt (cần sửa)"
        ngay: \(today.iso)
        tac_gia: "Văn phòng HĐND và UBND xã"
        ---
        Nội dung tin (cần sửa). Dùng `##` cho tiêu đề mục, `-` cho danh sách.

        """
    }

    static func disclosure(title: String?, today: CalendarDate) -> String {
        """
        ---
        tieu_de: \(YAMLText.quoted(title ?? "Tên nội dung công khai (cần sửa)"))
        # Nhóm nội dung theo Luật Thực hiện dân chủ ở cơ sở, Điều 11 (khoản 1 đến 14).
        nhom: 1
        # Văn bản (quyết định, nghị quyết) làm căn cứ: hạn công khai tính từ ngày này.
        van_ban:
          so: "00/QĐ-UBND"
          ngay: \(today.iso)
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
}
