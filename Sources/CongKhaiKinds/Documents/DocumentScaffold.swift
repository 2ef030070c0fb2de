import CongKhaiLoad
import CongKhaiModel

/// `congkhai new van-ban <năm> <tên-tệp>`: a document file in its year's folder, every key
/// explained. It is held back until written: a draft line, a number `00/…` (no real document
/// has it) and a subject "(cần sửa)" (`UnwrittenMarker`), so an unedited file is never a posting.
public enum DocumentScaffold {
    public static let usage = "Cần năm ký và tên tệp, ví dụ: congkhai new van-ban 2026 kh-98-chuyen-doi-so"

    /// The file to create, or a Vietnamese explanation of what is wrong with the arguments.
    public static func file(arguments: [String], title: String?, today: CalendarDate,
                            draftLines: String) -> Result<(path: String, text: String), UsageProblem> {
        guard arguments.count == 2 else { return .failure(UsageProblem(message: usage)) }
        guard let year = Int(arguments[0]), (2000...2100).contains(year) else {
            return .failure(UsageProblem(message: "Năm “\(arguments[0])” không hợp lệ; ghi năm ký bằng bốn chữ số, ví dụ: congkhai new van-ban 2026 \(arguments[1])."))
        }
        let slug = TextFolding.slug(arguments[1])
        guard !slug.isEmpty else { return .failure(UsageProblem(message: usage)) }
        // A date of the folder's year, so the file passes the year-folder check once filled in.
        let date = today.year == year ? today : CalendarDate(year: year, month: 1, day: 1) ?? today
        return .success(("content/van-ban/\(year)/\(slug).md", text(date: date, title: title, slug: slug, draftLines: draftLines)))
    }

    public struct UsageProblem: Error, Equatable {
        public var message: String
    }

    static func text(date: CalendarDate, title: String?, slug: String, draftLines: String) -> String {
        """
        ---
        \(draftLines)
        # Số, ký hiệu đúng như trên văn bản đã ký. Văn bản quy phạm pháp luật có năm: 12/\(date.year)/NQ-HĐND;
        # văn bản khác: 45/QĐ-UBND. “00” là số tạm: tệp chưa được đăng cho tới khi ghi số thật.
        so: "00/QĐ-UBND"
        # Loại: nghị quyết, quyết định, chỉ thị, kế hoạch, thông báo, báo cáo, chương trình, tờ trình, công văn.
        # Bỏ dòng này thì CongKhai lấy theo ký hiệu trong số (QĐ là quyết định).
        loai: "Quyết định"
        # Cơ quan ban hành: HĐND xã, UBND xã hoặc Chủ tịch UBND xã (phải khớp ký hiệu trong số).
        co_quan: "UBND xã"
        # Ngày ban hành (ngày ký), năm-tháng-ngày; phải thuộc năm của thư mục (\(date.year)).
        ngay: \(date.iso)
        trich_yeu: \(YAMLText.quoted(title ?? "Trích yếu nội dung văn bản (cần sửa)"))
        # Ngày có hiệu lực (nếu văn bản ghi); ngày hết hiệu lực thì thêm het_hieu_luc.
        hieu_luc: \(date.iso)
        nguoi_ky: "Họ và tên người ký"
        chuc_vu: "Chủ tịch UBND xã"
        # Tên tệp văn bản đã ký (PDF hoặc DOCX) đặt cạnh tệp này, trong content/van-ban/\(date.year)/.
        tep: "\(slug).pdf"
        # Văn bản này thay thế hoặc sửa đổi văn bản nào (ghi số, ký hiệu); bỏ nếu không có.
        # thay_the: ["05/2025/NQ-HĐND"]
        # sua_doi: ["12/QĐ-UBND"]
        # Ngày đăng lên trang: không sớm hơn ngày ký. Dưới dòng “---” cuối có thể viết tóm tắt nội dung.
        ngay_cong_khai: \(date.iso)
        # Văn bản quy phạm pháp luật: niêm yết tại trụ sở ít nhất 30 ngày (Luật Tiếp cận thông tin, Điều 21).
        # niem_yet: { tu: \(date.iso), den: \(date.adding(days: 30).iso), noi: "Trụ sở Ủy ban nhân dân xã" }
        ---

        """
    }
}
