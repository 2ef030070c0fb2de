import CongKhaiLoad
import CongKhaiModel

/// The text of each new file. Comments (`#`) explain every field in the editor's words; the
/// file is a draft (`nhap: true`) whose values are recognisable placeholders (“(cần sửa)”,
/// numbers `00/…`, zero tables): it builds at once, is never published or counted as posted,
/// and `check` lists it until the editor has filled it in.
enum ScaffoldTexts {
    static let budgetKinds = ["du-toan": "du_toan", "du-toan-trinh": "du_toan_trinh", "thuc-hien-quy-1": "thuc_hien",
                              "thuc-hien-6-thang": "thuc_hien", "thuc-hien-9-thang": "thuc_hien", "thuc-hien-nam": "thuc_hien",
                              "quyet-toan": "quyet_toan"]

    /// Every new file starts as a draft: nothing `new` writes is published or counted as posted
    /// until the editor has filled it in (the placeholders are recognised too, see UnwrittenMarker).
    static let draftLines = "# Bản nháp: chưa đăng, chưa tính vào danh mục công khai. Xóa dòng này khi đã điền đủ nội dung.\nnhap: true"

    static func procedure(code: String, field: String, name: String?) -> String {
        """
        ---
        \(draftLines)
        # Mã thủ tục trong Cơ sở dữ liệu quốc gia về thủ tục hành chính.
        ma: "\(code)"
        # Tên thủ tục, đúng như quyết định công bố.
        ten: \(YAMLText.quoted(name ?? "Tên thủ tục (cần sửa)"))
        # Lĩnh vực: mọi thủ tục cùng thư mục ghi cùng một lĩnh vực.
        linh_vuc: \(YAMLText.quoted(field))
        cap_thuc_hien: "Cấp xã"
        # Mức độ trực tuyến: toan_trinh, mot_phan (khi đó ghi ly_do_mot_phan) hoặc truc_tiep.
        muc_do: truc_tiep
        # Cách thức thực hiện: mỗi hình thức nộp (truc_tiep, truc_tuyen, buu_chinh) với thời hạn và phí.
        cach_thuc:
          - hinh_thuc: truc_tiep
            thoi_han: "05 ngày làm việc"
            phi: "Không"
        # Thời hạn như đã công bố; thoi_han_ngay là số, don_vi là ngay_lam_viec, ngay hoặc gio.
        thoi_han: "05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"
        thoi_han_ngay: 5
        don_vi: ngay_lam_viec
        # Mã các khoản trong phi-le-phi.yaml, ví dụ [le-phi-khai-sinh]; thủ tục không thu phí ghi mien.
        phi: mien
        doi_tuong: "Công dân Việt Nam"
        co_quan_thuc_hien: "Ủy ban nhân dân cấp xã"
        ket_qua: "Kết quả giải quyết (cần sửa)"
        # Căn cứ pháp lý: số hiệu và tên từng văn bản.
        can_cu_phap_ly:
          - so_hieu: "00/2025/NĐ-CP"
            ten: "Tên văn bản (cần sửa)"
        # Mẫu đơn, tờ khai: đặt tệp cạnh tệp này rồi bỏ dấu # ở ba dòng dưới.
        # mau_don:
        #   - ten: "Tờ khai ..."
        #     tep: "to-khai.docx"
        # Quyết định công bố thủ tục của tỉnh: hạn niêm yết tính từ ngày này.
        # cong_bo:
        #   so: "1234/QĐ-UBND"
        #   ngay: 2025-08-12
        #   co_quan: "Chủ tịch Ủy ban nhân dân tỉnh"
        ---
        ## Trình tự thực hiện

        \(ProcedureSample.steps)

        ## Thành phần hồ sơ

        \(ProcedureSample.documents)

        ## Yêu cầu, điều kiện

        \(ProcedureSample.requirements)

        """
    }

    static func feeSchedule(id: String, name: String?, today: CalendarDate) -> String {
        """
        # Danh mục phí, lệ phí: mỗi khoản ghi đủ sáu nội dung phải công khai (Luật Phí và lệ phí, Điều 14).
        \(draftLines)
        tieu_de: "Danh mục phí, lệ phí"
        cap_nhat: \(today.iso)
        phi:
          # Mã khoản phí: chữ thường không dấu, số và dấu gạch ngang; thủ tục ghi mã này ở “phi”.
          - id: \(id)
            ten: \(YAMLText.quoted(name ?? "Tên khoản phí (cần sửa)"))
            # phi hoặc le_phi
            loai: le_phi
            # Một số tiền (đồng), hoặc danh sách mức kèm điều kiện:
            #   - muc: 0
            #     dieu_kien: "Đúng hạn"
            muc_thu: 0
            don_vi_tinh: "đồng/trường hợp"
            phuong_thuc_thu: "Nộp trực tiếp tại Trung tâm Phục vụ hành chính công xã"
            doi_tuong_nop: "Người yêu cầu"
            # Các trường hợp miễn, giảm; ghi [] nếu không có.
            mien_giam: []
            van_ban:
              so_hieu: "00/2025/NQ-HĐND"
              ten: "Nghị quyết quy định mức thu (cần sửa)"
            hieu_luc_tu: \(today.iso)

        """
    }
}
