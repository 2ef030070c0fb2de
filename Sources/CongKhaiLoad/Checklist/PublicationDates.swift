import CongKhaiModel

/// A disclosure cannot be published or posted before what it discloses exists: before its
/// period has ended, or before the document it publishes was signed. Such a date is a typing
/// error or a placeholder left from `congkhai new`, and would make the checklist say “Đúng hạn”.
public enum PublicationDates {
    /// `earliest`: the first day publication is possible, and why (“kỳ báo cáo kết thúc 31/03/2026”).
    public static func check(_ yaml: MappingReader, published: CalendarDate?, posting: PostingWindow?,
                      earliest: [(date: CalendarDate, reason: String)], log: DiagnosticLog) {
        guard let limit = earliest.max(by: { $0.date < $1.date }) else { return }
        if let published, published < limit.date {
            log.report(.error("checklist.published-early", at: yaml.location(ofKey: "ngay_cong_khai"),
                              "Ngày công khai \(published.vietnamese) trước ngày có nội dung để công khai (\(limit.reason)).",
                              hint: "Ghi ngày thật sự đăng lên trang, từ \(limit.date.vietnamese) trở đi."))
        }
        if let from = posting?.from, from < limit.date {
            log.report(.error("checklist.published-early", at: yaml.location(ofKey: "niem_yet"),
                              "Ngày bắt đầu niêm yết \(from.vietnamese) trước ngày có nội dung để niêm yết (\(limit.reason)).",
                              hint: "Ghi ngày thật sự bắt đầu niêm yết (“tu”), từ \(limit.date.vietnamese) trở đi."))
        }
    }

    /// A period's figures exist from its last day on (a report may be signed and posted that day).
    static func periodEnd(_ end: CalendarDate) -> (date: CalendarDate, reason: String) {
        (end, "kỳ báo cáo kết thúc ngày \(end.vietnamese)")
    }

    static func document(_ document: BudgetDocument?) -> (date: CalendarDate, reason: String)? {
        guard let document, let date = document.date else { return nil }
        return (date, "văn bản \(document.number) ngày \(date.vietnamese)")
    }

    /// `2026-q3` → the quarter's last day.
    static func quarterEnd(_ key: String?) -> CalendarDate? {
        guard let key, key.count == 7, let year = Int(key.prefix(4)), key.dropFirst(4).hasPrefix("-q"),
              let quarter = Int(key.suffix(1)), (1...4).contains(quarter), (1...9999).contains(year) else { return nil }
        return CalendarDate(year: year, month: quarter * 3, day: CalendarDate.daysIn(month: quarter * 3, year: year))
    }
}
