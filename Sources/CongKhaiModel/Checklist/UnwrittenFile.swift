/// A content file that exists but is not yet real content: marked `nhap: true`, or still holding
/// the placeholder values `congkhai new` writes. It is never published and never satisfies a
/// checklist item, so an assessor reading the checklist never sees unwritten content as posted.
public struct UnwrittenFile: Sendable, Hashable {
    public enum Reason: Sendable, Hashable {
        /// `nhap: true`.
        case draft
        /// A value `congkhai new` wrote and the editor has not replaced (the text found).
        case placeholder(String)
    }

    public var path: String
    public var line: Int
    public var reason: Reason

    public init(path: String, line: Int, reason: Reason) {
        self.path = path
        self.line = line
        self.reason = reason
    }

    /// The finding `build` and `check` print for it (a warning: the site still builds).
    public var diagnostic: Diagnostic {
        let at = SourceLocation(path: path, line: line)
        switch reason {
        case .draft:
            return .warning("draft.unpublished", at: at,
                            "Bản nháp (nhap: true): chưa đăng lên trang và chưa được tính trong danh mục công khai.",
                            hint: "Điền đủ nội dung rồi xóa dòng “nhap: true” để đăng.")
        case let .placeholder(text):
            return .warning("draft.placeholder", at: at,
                            "Còn giá trị mẫu “\(text)” do lệnh congkhai new ghi: tệp chưa được đăng và chưa được tính trong danh mục công khai.",
                            hint: "Thay mọi giá trị mẫu (“(cần sửa)”, số văn bản “00/…”, bảng toàn số 0) bằng nội dung thật.")
        }
    }
}
