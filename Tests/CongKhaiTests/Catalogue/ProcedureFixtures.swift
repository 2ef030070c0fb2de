/// Small, complete procedure and fee files to vary in tests.
enum ProcedureFixtures {
    static func procedure(code: String = "1.001193", name: String = "Thủ tục đăng ký khai sinh", field: String = "Hộ tịch",
                          fees: String = "[le-phi-khai-sinh]", extra: String = "", body: String? = nil) -> String {
        """
        ---
        ma: "\(code)"
        ten: "\(name)"
        linh_vuc: "\(field)"
        cap_thuc_hien: "Cấp xã"
        muc_do: toan_trinh
        cach_thuc:
          - hinh_thuc: truc_tiep
            thoi_han: "Ngay trong ngày làm việc"
            phi: "Miễn lệ phí đúng hạn"
        thoi_han: "Ngay trong ngày làm việc"
        thoi_han_ngay: 0
        don_vi: ngay_lam_viec
        phi: \(fees)
        doi_tuong: "Công dân Việt Nam"
        co_quan_thuc_hien: "Ủy ban nhân dân cấp xã"
        ket_qua: "Giấy khai sinh"
        can_cu_phap_ly:
          - so_hieu: "60/2014/QH13"
            ten: "Luật Hộ tịch"
        cong_bo:
          so: "1234/QĐ-UBND"
          ngay: 2025-08-12
          co_quan: "Chủ tịch UBND tỉnh"
        \(extra)
        ---
        \(body ?? "## Trình tự thực hiện\n\n1. Nộp hồ sơ.\n\n## Thành phần hồ sơ\n\n| Giấy tờ | Số lượng |\n|---|---|\n| Tờ khai | 1 |\n\n## Yêu cầu, điều kiện\n\nKhông có.\n")
        """
    }

    static let fees = """
    tieu_de: "Phí, lệ phí"
    phi:
      - id: le-phi-khai-sinh
        ten: "Lệ phí đăng ký khai sinh"
        loai: le_phi
        muc_thu:
          - muc: 0
            dieu_kien: "Đúng hạn"
          - muc: "8.000"
            dieu_kien: "Quá hạn"
        don_vi_tinh: "đồng/trường hợp"
        phuong_thuc_thu: "Nộp trực tiếp"
        doi_tuong_nop: "Người yêu cầu"
        mien_giam: []
        van_ban:
          so_hieu: "25/2025/NQ-HĐND"
          co_quan: "HĐND tỉnh"
      - id: phi-chung-thuc
        ten: "Phí chứng thực bản sao"
        loai: phi
        muc_thu: 2000
        don_vi_tinh: "đồng/trang"
        phuong_thuc_thu: "Nộp trực tiếp"
        doi_tuong_nop: "Người yêu cầu"
        mien_giam: ["Người có công"]
        van_ban:
          so_hieu: "226/2016/TT-BTC"

    """

    /// A site with two procedures in two fields and the fee schedule.
    static func site(_ more: [String: String] = [:]) throws -> TestSite {
        var files = [
            "content/phi-le-phi.yaml": fees,
            "content/thu-tuc/_index.md": "---\ntieu_de: Thủ tục hành chính\n---\nDanh mục.\n",
            "content/thu-tuc/ho-tich/1.001193.md": procedure(),
            "content/thu-tuc/chung-thuc/2.000908.md": procedure(code: "2.000908", name: "Chứng thực bản sao từ bản chính", field: "Chứng thực", fees: "[phi-chung-thuc]"),
        ]
        files.merge(more) { _, new in new }
        return try TestSite.minimal(files)
    }
}

extension ProcedureFixtures {
    /// `count` more procedures in `field`, named `Thủ tục thử <prefix> 001`, … (they sort in that
    /// order), for lists long enough to be split into pages.
    /// `fees`: the fee list each of them names.
    static func many(_ count: Int, field: String = "Hộ tịch", slug: String = "ho-tich", prefix: String = "A", codeBase: Int = 0,
                     fees: String = "[]") -> [String: String] {
        var files: [String: String] = [:]
        for number in 1...max(1, count) {
            let index = String(format: "%03d", number)
            let code = String(format: "3.%06d", codeBase + number)
            files["content/thu-tuc/\(slug)/\(code).md"] = procedure(code: code, name: "Thủ tục thử \(prefix) \(index)", field: field, fees: fees)
        }
        return files
    }
}
