import CongKhaiModel
import Foundation

/// One row of the portal's "Cách thức thực hiện" table.
public struct ChannelRow: Sendable, Equatable {
    public var channel: SubmissionChannel
    /// nil where the portal says `Không có thông tin`.
    public var deadline: String?
    /// nil where the portal says `Không có thông tin`.
    public var fee: String?
    /// A fee's note too long for the table cell (a paragraph on who pays what).
    public var feeNote: String?
    public var description: String?
    /// What the editor must check in this row, in Vietnamese.
    public var problems: [String] = []
}

/// The portal's channel table arrives as one run-together string:
/// `Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp3 Ngày làm việcLệ phí : 8000 ĐồngNộp tại…`.
/// A row is a channel name glued to its time (`5 Ngày làm việc`, `Trong ngày`, a bare number,
/// `Không có thông tin`), glued to its fee (`Miễn phí`, an amount and currency, `Không có
/// thông tin`) with an optional parenthesised note, then a free description up to the next row.
/// A channel name followed by a space (`Trực tiếp tại xã`) is prose, not a row.
public enum ChannelTableParser {
    static let header = try! NSRegularExpression(
        pattern: #"^[\s\-]*Hình thức nộp\s*Thời (?:gian|hạn)(?: giải quyết)?\s*Phí,? lệ phí\s*(?:Mô tả)?\s*"#,
        options: [.caseInsensitive])
    static let channelNames = #"(Trực tiếp|Trực tuyến|Dịch vụ bưu chính(?: công ích)?|Qua bưu chính(?: công ích)?|Bưu chính(?: công ích)?)"#
    static let unknown = "Không có thông tin"
    static let number = #"\d+(?:[.,]\d+)?"#
    static let unit = #"(?:Ngày làm việc|ngày làm việc|Ngày|ngày|Giờ|giờ|Tháng|tháng|Tuần|tuần|Phút|phút|Năm|năm)"#
    static let time = "(" + number + #"(?:\s*"# + unit + ")?" + #"|Trong ngày(?: làm việc)?|"# + unknown
        + #"|[^\s\d.:;()\n\t][^\n\t.:;()]{0,100}?)"#
    static let amount = #"(?:\d{1,3}(?:[.,]\d{3})+|\d+)"#
    static let currency = #"(?:Việt Nam Đồng|Việt Nam đồng|VNĐ|VND|Đồng|đồng|đ(?!\p{L}))"#
    static let feeItem = #"(?:(?:Lệ phí|Phí|lệ phí|phí)\s*:?\s*)?"# + amount + #"\s*"# + currency
    static let feeText = "(" + unknown + #"|Miễn phí|Miễn lệ phí|Miễn thu|Không thu phí|Không thu lệ phí|Không mất phí|Không có phí|"# + feeItem + ")"
    static let row = try! NSRegularExpression(pattern: channelNames + "(?=\\S)" + time + feeText)
    static let moreFee = try! NSRegularExpression(pattern: #"^\s*;?\s*"# + feeItem)
    static let strictDeadline = try! NSRegularExpression(
        pattern: #"^(\d+(?:[.,]\d+)?)\s*(ngày làm việc|ngày|giờ)$"#, options: [.caseInsensitive])
    /// A note this short reads well in the fee's table cell; longer ones go under the table.
    static let inlineNoteLimit = 120

    /// The rows, or nil when the text is not the channel table (prose, or text before the first row).
    public static func parse(_ text: String) -> [ChannelRow]? {
        var body = text
        if let match = header.firstMatch(in: body, range: NSRange(body.startIndex..., in: body)),
           let range = Range(match.range, in: body) {
            body.removeSubrange(range)
        }
        let matches = ImportText.matches(row, in: body)
        guard let first = matches.first, let firstRange = Range(first.range, in: body),
              body[..<firstRange.lowerBound].allSatisfy({ $0.isWhitespace || $0 == "-" }) else { return nil }
        var rows: [ChannelRow] = []
        for (index, match) in matches.enumerated() {
            guard let range = Range(match.range, in: body),
                  let channelText = ImportText.substring(body, match.range(at: 1)),
                  let timeText = ImportText.substring(body, match.range(at: 2)),
                  let feeRaw = ImportText.substring(body, match.range(at: 3)),
                  let channel = channel(named: channelText) else { return nil }
            let end = index + 1 < matches.count ? (Range(matches[index + 1].range, in: body)?.lowerBound ?? body.endIndex) : body.endIndex
            var rest = body[range.upperBound..<end]
            // Each fee item with its own note: `Phí : 2000 Đồng (Trang 1, 2)Phí : 1000 Đồng (Từ trang 3)`.
            var items: [(fee: String, note: String?)] = [(feeRaw, nil)]
            while true {
                let trimmed = rest.drop { $0 == " " }
                if let note = parenthesised(trimmed) {
                    let text = String(note.dropFirst().dropLast()).trimmingCharacters(in: .whitespaces)
                    items[items.count - 1].note = [items[items.count - 1].note, text].compactMap { $0 }.joined(separator: "; ")
                    rest = trimmed.dropFirst(note.count)
                } else if case let restText = String(rest),
                          let match = moreFee.firstMatch(in: restText, range: NSRange(restText.startIndex..., in: restText)),
                          let feeRange = Range(match.range, in: restText) {
                    let item = restText[feeRange]
                    items.append((item.trimmingCharacters(in: CharacterSet(charactersIn: " ;")), nil))
                    rest = rest.dropFirst(item.count)
                } else {
                    break
                }
            }
            rows.append(makeRow(channel: channel, time: timeText, items: items, description: String(rest)))
        }
        return rows
    }

    static func makeRow(channel: SubmissionChannel, time: String, items: [(fee: String, note: String?)], description: String) -> ChannelRow {
        var row = ChannelRow(channel: channel, deadline: nil, fee: nil)
        let timeText = ImportText.collapseSpaces(time.trimmingCharacters(in: .whitespaces))
        if timeText != unknown { row.deadline = lowercasedUnit(timeText) }
        var parts: [String] = []
        var longNotes: [String] = []
        for item in items {
            let note = item.note.map(ImportText.oneLine).flatMap { $0.isEmpty ? nil : $0 }
            if item.fee == unknown {
                if let note { longNotes.append(note) }
                continue
            }
            var text = normalizedFee(item.fee)
            if let note {
                if note.count <= inlineNoteLimit { text += " (\(note))" } else { longNotes.append(note) }
            }
            parts.append(text)
        }
        if !parts.isEmpty { row.fee = parts.joined(separator: "; ") }
        if !longNotes.isEmpty { row.feeNote = longNotes.joined(separator: "; ") }
        let fees = items.map(\.fee)
        if timeText.allSatisfy(\.isNumber), let first = fees.first?.first, first.isNumber {
            // `Trực tiếp120 VNĐ`: one day and 20 đồng, or 12 days and 0 đồng? Not guessed.
            row.problems.append("thời hạn và phí dính liền nhau (“\(timeText)\(fees[0])”), không tách chắc chắn được nên để trống cả hai")
            row.deadline = nil
            row.fee = nil
        } else if timeText.allSatisfy(\.isNumber) {
            row.problems.append("thời hạn chỉ ghi số “\(timeText)”, không có đơn vị (ngày, ngày làm việc hay giờ)")
        }
        if timeText == unknown { row.problems.append("Cổng DVC không ghi thời hạn") }
        // `Miễn phí(từ 20.000 đồng … ; 200.000 đồng …)` (record 1.007891): free and priced at once.
        if let fee = row.fee, TextFolding.fold(fee).hasPrefix("mien phi"), fee.contains(where: \.isNumber),
           fee.range(of: #"\d[\d.]*\s*(đồng|VNĐ|VND|đ\b)"#, options: [.regularExpression, .caseInsensitive]) != nil {
            row.problems.append("phí vừa ghi “Miễn phí” vừa có mức thu (“\(fee)”); kiểm tra với quyết định công bố rồi sửa `phi`")
        }
        let description = ImportText.clean(description)
        row.description = ImportText.value(description)
        return row
    }

    /// `(…)` at the start of `text`, nested parentheses included; nil if it is not closed.
    static func parenthesised(_ text: Substring) -> Substring? {
        guard text.first == "(" else { return nil }
        var depth = 0
        for index in text.indices {
            if text[index] == "(" { depth += 1 }
            if text[index] == ")" {
                depth -= 1
                if depth == 0 { return text[...index] }
            }
        }
        return nil
    }

    /// `3 Ngày làm việc` → `3 ngày làm việc`: the portal capitalises its unit list.
    static func lowercasedUnit(_ text: String) -> String {
        guard let first = text.first, first.isNumber else { return text }
        return text.lowercased()
    }

    /// `70,000 VNĐ` → `70.000 đồng`: Vietnamese digit grouping and the currency's name.
    static func normalizedFee(_ fee: String) -> String {
        var text = ImportText.collapseSpaces(fee.trimmingCharacters(in: .whitespaces))
        let grouped = try! NSRegularExpression(pattern: #"(?<![\d.,])(\d{1,3}(?:,\d{3})+)(?![\d])"#)
        for match in ImportText.matches(grouped, in: text).reversed() {
            guard let range = Range(match.range, in: text) else { continue }
            text.replaceSubrange(range, with: text[range].replacingOccurrences(of: ",", with: "."))
        }
        let names = try! NSRegularExpression(pattern: #"\s*(?:Việt Nam Đồng|Việt Nam đồng|VNĐ|VND|Đồng)(?!\p{L})"#)
        text = names.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: " đồng")
        return text
    }

    static func channel(named name: String) -> SubmissionChannel? {
        let folded = TextFolding.fold(name)
        if folded.hasPrefix("truc tiep") { return .inPerson }
        if folded.hasPrefix("truc tuyen") { return .online }
        if folded.contains("buu chinh") { return .post }
        return nil
    }

    /// `3 ngày làm việc` → (3, ngay_lam_viec); nil for anything that is not exactly a number and a unit.
    public static func deadlineAmount(_ text: String) -> (Double, DeadlineUnit)? {
        let trimmed = ImportText.collapseSpaces(text.trimmingCharacters(in: .whitespaces))
        guard let match = strictDeadline.firstMatch(in: trimmed, range: NSRange(trimmed.startIndex..., in: trimmed)),
              let number = ImportText.substring(trimmed, match.range(at: 1)),
              let unitText = ImportText.substring(trimmed, match.range(at: 2)),
              let amount = Double(number.replacingOccurrences(of: ",", with: ".")) else { return nil }
        switch TextFolding.fold(unitText) {
        case "ngay lam viec": return (amount, .workingDays)
        case "ngay": return (amount, .days)
        default: return (amount, .hours)
        }
    }

    /// The deadline of the whole procedure: only when every channel has the same one.
    public static func commonDeadline(_ rows: [ChannelRow]) -> String? {
        let distinct = Set(rows.map { $0.deadline.map(TextFolding.fold) })
        return distinct.count == 1 ? rows.first?.deadline : nil
    }
}
