import CongKhaiModel
import Foundation

/// Whole-site rules that no single file can check on its own.
public enum SiteChecks {
    /// Attachments above this size make pages slow on the phones most citizens use.
    public static let attachmentWarningBytes = 10 * 1024 * 1024

    public static func run(_ content: SiteContent, units: [any CheckingUnit] = [], log: DiagnosticLog) {
        duplicateAddresses(content, log: log)
        ProcedureChecks.run(content, log: log)
        FeeChecks.run(content, log: log)
        BudgetChecks.run(content, log: log)
        ReformChecks.run(content, log: log)
        for unit in units { unit.check(content, log: log) }
        for page in content.pages {
            if let date = page.date, let updated = page.updated, updated < date {
                log.report(.warning("page.updated-before-date", at: SourceLocation(path: page.source, line: 2),
                                    "Ngày cập nhật \(updated.vietnamese) sớm hơn ngày đăng \(date.vietnamese).",
                                    hint: "Kiểm tra lại “cap_nhat” và “ngay”."))
            }
        }
        for attachment in content.attachments where attachment.size > attachmentWarningBytes {
            log.report(.warning("attachment.large", at: SourceLocation(path: attachment.source),
                                "Tệp đính kèm nặng \(VietnameseFormat.megabytes(attachment.size)) MB, quá nặng với điện thoại và mạng chậm.",
                                hint: "Nén hoặc quét lại tệp ở độ phân giải thấp hơn (dưới 10 MB)."))
        }
    }

    /// Two files that would be published at the same address: the second would overwrite the first.
    static func duplicateAddresses(_ content: SiteContent, log: DiagnosticLog) {
        var owners: [String: String] = [:]
        let claims = content.pages.map { ($0.path + "index.html", $0.source) } + content.attachments.map { ($0.path, $0.source) }
        for (address, source) in claims.sorted(by: { $0.1 < $1.1 }) {
            if let first = owners[address] {
                log.report(.error("path.duplicate", at: SourceLocation(path: source),
                                  "Tệp này được đăng cùng địa chỉ “\(address)” với \(first).",
                                  hint: "Đổi tên một trong hai tệp (tên tệp được chuyển thành địa chỉ không dấu)."))
            } else {
                owners[address] = source
            }
        }
    }
}
