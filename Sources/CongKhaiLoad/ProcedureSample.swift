/// The sample values `congkhai new thu-tuc` writes into a new procedure file. They live here, not
/// in the scaffold alone, because the importer must recognise them: a catalogue imported over a
/// file nobody has filled in takes their place, or the page would show the sample's "05 ngày làm
/// việc" beside the catalogue's "Trong ngày".
public enum ProcedureSample {
    public static let steps = """
        1. Tổ chức, cá nhân nộp hồ sơ tại Trung tâm Phục vụ hành chính công xã.
        2. Công chức tiếp nhận kiểm tra hồ sơ, trả kết quả theo giấy hẹn.
        """
    public static let documents = """
        | Tên giấy tờ | Bản chính | Bản sao |
        |---|:-:|:-:|
        | Tờ khai (cần sửa) | 1 | 0 |
        """
    public static let requirements = "Không có."
    public static let sections = [steps, documents, requirements]

    /// Deadline, fee and online level hang together: an import that gives any of them replaces
    /// the sample's whole set, so no sample value is left beside an imported one.
    public static let timingAndFeeKeys = ["muc_do", "cach_thuc", "thoi_han", "thoi_han_ngay", "don_vi", "phi"]
}
