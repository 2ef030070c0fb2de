import CongKhaiLoad
import CongKhaiModel

/// The content of a new site. What is true of every commune (the sections, what each one
/// publishes and under which law) is written out and published; what only the commune knows
/// (its history, organisation, contacts) is a draft (`nhap: true`) with the headings to fill.
enum SiteScaffoldTexts {
    static let gitignore = "# Kết quả dựng trang: dựng lại từ content/ mỗi lần, không lưu vào kho.\npublic/\n.public.ban-truoc/\n.public.ban-ghi\n.public.ban-ghi-tep\n.congkhai/\n"

    static func files(_ unit: SiteScaffold.Unit, today: CalendarDate) -> [(path: String, text: String)] {
        [
            ("content/site.yaml", siteYAML(unit, today: today)),
            ("content/_index.md", home(unit, today: today)),
            ("content/phi-le-phi.yaml", feeSchedule(today: today)),
            ("content/gioi-thieu/_index.md", section("Giới thiệu", order: 1, today: today,
                description: "Tổng quan về \(unit.inSentence): tổ chức bộ máy, lãnh đạo, điều kiện tự nhiên, lịch sử – văn hóa và thông tin liên hệ.",
                body: "Các trang trong mục này giới thiệu tổ chức bộ máy, điều kiện tự nhiên, lịch sử – văn hóa của \(unit.inSentence), \(unit.provinceInSentence) và cách liên hệ với chính quyền \(unit.kind.label.lowercased()).")),
            ("content/gioi-thieu/co-cau-to-chuc.md", draft("Cơ cấu tổ chức", order: 1, today: today,
                description: "Tổ chức bộ máy của hệ thống chính trị \(unit.inSentence) theo mô hình chính quyền địa phương hai cấp.",
                headings: ["Đảng ủy": "Số chi bộ, số đảng viên, Ban Thường vụ.",
                           "Hội đồng nhân dân": "Số đại biểu, Thường trực, các Ban.",
                           "Ủy ban nhân dân": "Chủ tịch, các Phó Chủ tịch, các phòng chuyên môn và Trung tâm Phục vụ hành chính công.",
                           "Ủy ban Mặt trận Tổ quốc Việt Nam": "Tổ chức và các đoàn thể."])),
            ("content/gioi-thieu/dieu-kien-tu-nhien.md", draft("Điều kiện tự nhiên", order: 2, today: today,
                description: "Vị trí địa lý, diện tích, dân số, khí hậu và danh sách thôn, tổ dân phố của \(unit.inSentence).",
                headings: ["Vị trí địa lý": "Giáp ranh với những đơn vị nào.",
                           "Diện tích, dân số": "Diện tích tự nhiên (km²), dân số và ngày tính.",
                           "Thôn, tổ dân phố": "Danh sách các thôn, tổ dân phố."])),
            ("content/gioi-thieu/lich-su-van-hoa.md", draft("Lịch sử, văn hóa", order: 3, today: today,
                description: "Quá trình hình thành \(unit.inSentence), việc sắp xếp đơn vị hành chính năm 2025, lễ hội và di tích.",
                headings: ["Quá trình hình thành": "Các đơn vị trước sắp xếp và ngày thành lập.",
                           "Văn hóa, lễ hội": "Lễ hội, di tích, nghề truyền thống."])),
            ("content/gioi-thieu/lien-he.md", draft("Liên hệ", order: 5, today: today,
                description: "Địa chỉ, điện thoại, thư điện tử, giờ làm việc và nơi tiếp nhận phản ánh, kiến nghị của \(unit.inSentence).",
                headings: ["Ủy ban nhân dân \(unit.inSentence)": "Địa chỉ, điện thoại, thư điện tử, giờ làm việc.",
                           "Tiếp nhận phản ánh, kiến nghị": "Nơi nhận, điện thoại, thư điện tử."])),
            ("content/tin-tuc/_index.md", section("Tin tức, thông báo", order: 2, today: today,
                description: "Tin hoạt động của chính quyền \(unit.inSentence) và các thông báo gửi đến người dân, doanh nghiệp.",
                body: "Mục này đăng tin hoạt động của Đảng ủy, Hội đồng nhân dân, Ủy ban nhân dân \(unit.inSentence) và các thông báo cần đến người dân. Các thông báo quan trọng đồng thời được niêm yết tại trụ sở Ủy ban nhân dân và các điểm niêm yết.")),
            ("content/thu-tuc/_index.md", section("Thủ tục hành chính", order: 3, today: today,
                description: "Danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của Ủy ban nhân dân \(unit.inSentence).",
                body: "Danh mục dưới đây gồm các thủ tục hành chính do Ủy ban nhân dân \(unit.inSentence) giải quyết theo quyết định công bố của Chủ tịch Ủy ban nhân dân \(unit.provinceInSentence). Mỗi thủ tục nêu đủ trình tự, cách thức, thành phần hồ sơ, thời hạn giải quyết, đối tượng, cơ quan thực hiện, kết quả, phí, lệ phí và căn cứ pháp lý.")),
            ("content/ngan-sach/_index.md", section("Ngân sách", order: 5, today: today,
                description: "Dự toán, tình hình thực hiện và quyết toán ngân sách \(unit.inSentence).",
                body: "Ủy ban nhân dân \(unit.kind.label.lowercased()) công khai dự toán ngân sách đã được Hội đồng nhân dân quyết định, tình hình thực hiện theo quý, 6 tháng, 9 tháng và cả năm, và quyết toán ngân sách đã được phê chuẩn. Số liệu của từng năm cũng có ở dạng dữ liệu mở (JSON, CSV) để tải về.")),
            ("content/cchc/_index.md", section("Cải cách hành chính", order: 6, today: today,
                description: "Kết quả tiếp nhận, giải quyết thủ tục hành chính của \(unit.inSentence) qua từng kỳ báo cáo.",
                body: "Trang này công khai kết quả cải cách hành chính của Ủy ban nhân dân \(unit.inSentence) theo các kỳ báo cáo quý I, 6 tháng, quý III và cả năm. Các tỷ lệ được tính trực tiếp từ số hồ sơ trong từng báo cáo.")),
            ("content/cong-khai/_index.md", section("Công khai thông tin", order: 7, today: today,
                description: "Danh mục thông tin \(unit.kind.label.lowercased()) phải công khai: nội dung, hình thức, thời hạn và tình trạng.",
                body: "Theo Điều 13 khoản 2 Luật Thực hiện dân chủ ở cơ sở, Ủy ban nhân dân \(unit.kind.label.lowercased()) lập, cập nhật hằng quý và niêm yết danh mục các thông tin đã công khai, kèm hình thức và thời điểm công khai. Danh mục dưới đây được tính tự động từ nội dung của trang.")),
            (".gitignore", gitignore),
        ]
    }

    static func siteYAML(_ unit: SiteScaffold.Unit, today: CalendarDate) -> String {
        """
        # Thông tin chung của đơn vị: hiện ở đầu và cuối mọi trang, trên bản in niêm yết và trong
        # danh mục công khai. Dòng bắt đầu bằng # là chú thích, CongKhai bỏ qua. Muốn dùng một khóa
        # đang bị chú thích, xóa dấu # ở đầu dòng (giữ nguyên khoảng trắng thụt lề) rồi điền giá trị.
        # Sửa xong, chạy `congkhai check` để kiểm tra.

        # Tên đầy đủ của cơ quan (bắt buộc), dùng ở tiêu đề trang và bản in niêm yết.
        ten: \(YAMLText.quoted("Ủy ban nhân dân \(unit.inSentence)"))
        # Tên ngắn, hiện ở đầu trang và trong tiêu đề cửa sổ trình duyệt.
        ten_ngan: \(YAMLText.quoted(unit.shortName))
        # Loại đơn vị (bắt buộc): xa, phuong hoặc dac_khu.
        loai: \(unit.kind.rawValue)
        # Tỉnh hoặc thành phố trực thuộc trung ương (bắt buộc).
        tinh: \(YAMLText.quoted(unit.province))
        # Ngày trang bắt đầu công khai: các kỳ đã kết thúc trước ngày này là “Không áp dụng” trong
        # danh mục công khai, thay vì “Thiếu”. Nếu đơn vị đã công khai trên trang cũ từ trước, ghi
        # ngày đó và nhập lại các nội dung đã công khai.
        bat_dau: \(today.iso)

        # Liên hệ của trụ sở: hiện ở chân mọi trang. Điền rồi xóa dấu # ở đầu dòng.
        # dia_chi: "Số nhà, thôn (tổ dân phố), \(unit.inSentence), \(unit.provinceInSentence)"
        # dien_thoai: "0251 3xxx xxx"
        # email: "ubnd@tenxa.tentinh.gov.vn"
        # gio_lam_viec: "Thứ Hai đến thứ Sáu: sáng từ 7 giờ 00 đến 11 giờ 30, chiều từ 13 giờ 30 đến 17 giờ 00."

        # Tên miền của trang (dạng tenxa.tentinh.gov.vn) và địa chỉ gốc đầy đủ. url_goc dùng cho
        # sitemap.xml và nguồn tin; khi chưa có tên miền thì để nguyên dấu #.
        # ten_mien: "tenxa.tentinh.gov.vn"
        # url_goc: "https://tenxa.tentinh.gov.vn/"

        # Cổng dịch vụ công của tỉnh: các thủ tục trực tuyến dẫn tới đây.
        # dvc_url: "https://dichvucong.tentinh.gov.vn/"

        # Một câu mô tả đơn vị: hiện trong kết quả tìm kiếm của Google, Cốc Cốc.
        mo_ta: \(YAMLText.quoted("Trang thông tin điện tử của Ủy ban nhân dân \(unit.inSentence), \(unit.provinceInSentence)."))

        # Người chịu trách nhiệm chính về nội dung trang (họ tên – chức vụ), hiện ở chân trang.
        # nguoi_chiu_trach_nhiem: "Họ và tên – Chủ tịch UBND \(unit.kind.label.lowercased())"

        # Nơi tiếp nhận phản ánh, kiến nghị về thủ tục hành chính: bắt buộc công khai cùng thủ tục.
        # kenh_phan_anh:
        #   dia_chi: "Văn phòng HĐND và UBND \(unit.inSentence)"
        #   dien_thoai: "0251 3xxx xxx"
        #   email: "phananh@tenxa.tentinh.gov.vn"

        # Các điểm niêm yết (trụ sở, nhà văn hóa thôn): in trên bản niêm yết và danh mục công khai.
        # diem_niem_yet:
        #   - ten: "Bảng niêm yết tại trụ sở Ủy ban nhân dân \(unit.kind.label.lowercased())"
        #     dia_chi: "Trụ sở UBND \(unit.inSentence)"
        #   - ten: "Nhà văn hóa thôn ..."
        #     dia_chi: "Thôn ..., \(unit.inSentence)"

        # Các đơn vị hành chính cũ đã sắp xếp thành đơn vị này (từ ngày 01/7/2025), mỗi dòng một tên.
        # truoc_sap_xep:
        #   - "Xã ..."

        # Ngày nghỉ lễ, Tết trong năm (năm-tháng-ngày): không tính là ngày làm việc khi tính hạn
        # công khai. Thứ Bảy, Chủ nhật đã được tính sẵn.
        # ngay_nghi:
        #   - 2026-09-02

        # Bộ quy tắc công khai: mặc định là bộ quốc gia có sẵn trong CongKhai. Muốn sửa hoặc thêm
        # quy tắc, tạo tệp content/quy-tac.yaml (xem README).
        # bo_quy_tac: "quoc-gia"

        """
    }

    static func home(_ unit: SiteScaffold.Unit, today: CalendarDate) -> String {
        """
        ---
        # Trang chủ. Sửa lời chào dưới đây cho phù hợp; các mục tin tức, thủ tục, công khai tự hiện.
        tieu_de: \(YAMLText.quoted("Trang thông tin điện tử \(unit.inSentence)"))
        mo_ta: \(YAMLText.quoted("Thông tin chính thức của Ủy ban nhân dân \(unit.inSentence), \(unit.provinceInSentence): tin tức, thông báo, thủ tục hành chính và nội dung công khai."))
        cap_nhat: \(today.iso)
        ---
        Chào mừng quý vị đến với Trang thông tin điện tử của Ủy ban nhân dân \(unit.inSentence), \(unit.provinceInSentence).

        Tại đây, người dân và doanh nghiệp có thể theo dõi [tin tức, thông báo](tin-tuc/), tra cứu [thủ tục hành chính](thu-tuc/) và xem [các nội dung công khai](cong-khai/) của chính quyền \(unit.kind.label.lowercased()).

        """
    }

    static func section(_ title: String, order: Int, today: CalendarDate, description: String, body: String) -> String {
        """
        ---
        tieu_de: \(YAMLText.quoted(title))
        mo_ta: \(YAMLText.quoted(description))
        # Thứ tự trên thanh điều hướng (số nhỏ đứng trước).
        thu_tu: \(order)
        cap_nhat: \(today.iso)
        ---
        \(body)

        """
    }

    /// A page only the commune can write: not published until `nhap: true` is removed.
    static func draft(_ title: String, order: Int, today: CalendarDate, description: String, headings: KeyValuePairs<String, String>) -> String {
        let body = headings.map { "## \($0.key)\n\n(Cần viết: \($0.value))\n" }.joined(separator: "\n")
        return """
        ---
        # Bản nháp: trang này chưa được đăng. Viết nội dung thật thay cho các dòng “(Cần viết: ...)”,
        # rồi xóa dòng `nhap: true` để đăng.
        nhap: true
        tieu_de: \(YAMLText.quoted(title))
        mo_ta: \(YAMLText.quoted(description))
        thu_tu: \(order)
        cap_nhat: \(today.iso)
        ---
        \(body)
        """
    }

    static func feeSchedule(today: CalendarDate) -> String {
        """
        # Danh mục phí, lệ phí áp dụng cho các thủ tục do Ủy ban nhân dân tiếp nhận (Điều 14 Luật
        # Phí và lệ phí năm 2015). Chưa có khoản nào: thêm từng khoản vào danh sách `phi:` theo
        # mẫu trong README (mục “Phí, lệ phí”), mỗi khoản bắt đầu bằng “- id: ...”, rồi xóa `[]`.
        tieu_de: "Danh mục phí, lệ phí"
        cap_nhat: \(today.iso)
        phi: []

        """
    }
}
