import CongKhaiModel
import Foundation

/// One row of the portal's "Cách thức thực hiện" table.
public struct ChannelRow: Sendable, Equatable {
    public var channel: SubmissionChannel
    public var deadline: String
    public var fee: String
    public var description: String?
}

/// The portal's channel table arrives as one run-together string:
/// `Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp3 Ngày làm việcLệ phí : 8000 ĐồngNộp tại…`.
/// A row is a channel name, a deadline, a fee and a description. The cells have no separators,
/// so the parser only accepts text it can account for entirely; anything else is left to the
/// editor rather than guessed.
public enum ChannelTableParser {
    static let header = try! NSRegularExpression(
        pattern: #"^\s*Hình thức nộp\s*Thời (?:gian|hạn)(?: giải quyết)?\s*Phí,? lệ phí\s*(?:Mô tả)?\s*"#,
        options: [.caseInsensitive])
    /// A channel name counts as the start of a row only where a deadline follows it; capitalised,
    /// because descriptions say "nộp trực tuyến" in lower case.
    static let rowStart = try! NSRegularExpression(
        pattern: #"(Trực tiếp|Trực tuyến|Dịch vụ bưu chính(?: công ích)?|Bưu chính(?: công ích)?|Qua bưu chính)(?=\s*(?:\d|Ngay\b|ngay\b|Trong\b|trong\b|Không quá|không quá|Tối đa|tối đa|Chậm nhất|chậm nhất))"#)
    static let amount = #"(?:\d{1,3}(?:[.,]\d{3})+|\d+)"#
    static let currency = #"(?:Việt Nam Đồng|Việt Nam đồng|VNĐ|VND|Đồng|đồng)"#
    static let note = #"(?:\s*\([^()]*\))?"#
    static let fee = try! NSRegularExpression(pattern:
        #"(?:(?:(?:Lệ phí|Phí|lệ phí|phí)\s*:?\s*"# + amount + #"\s*"# + currency + note + #"\s*)+)"#
        + "|(?:" + amount + #"\s*"# + currency + note + ")"
        + #"|(?:Miễn phí|Miễn lệ phí|Miễn thu|Không thu phí|Không thu lệ phí|Không mất phí|Không có phí)"# + note)
    /// "…(Trang thứ nhất)Phí : 1000 Đồng": several fee items run together read better apart.
    static let feeSeparator = try! NSRegularExpression(pattern: #"(?<=[)\p{L}])\s*(?=(?:Lệ phí|Phí)\s*:)"#)
    static let strictDeadline = try! NSRegularExpression(
        pattern: #"^(\d+(?:[.,]\d+)?)\s*(ngày làm việc|ngày|giờ)$"#, options: [.caseInsensitive])

    /// The rows, or nil when some part of the text does not fit a row.
    public static func parse(_ text: String) -> [ChannelRow]? {
        var body = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        if let match = header.firstMatch(in: body, range: NSRange(body.startIndex..., in: body)),
           let range = Range(match.range, in: body) {
            body.removeSubrange(range)
        }
        body = body.trimmingCharacters(in: .whitespaces)
        let starts = ImportText.matches(rowStart, in: body).compactMap { Range($0.range, in: body) }
        guard let first = starts.first, first.lowerBound == body.startIndex else { return nil }
        var rows: [ChannelRow] = []
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1].lowerBound : body.endIndex
            guard let row = row(channelText: String(body[start]), rest: String(body[start.upperBound..<end])) else { return nil }
            rows.append(row)
        }
        return rows
    }

    static func row(channelText: String, rest: String) -> ChannelRow? {
        guard let channel = channel(named: channelText) else { return nil }
        let feeMatches = ImportText.matches(fee, in: rest).compactMap { Range($0.range, in: rest) }
        guard let feeRange = feeMatches.first, feeRange.lowerBound > rest.startIndex else { return nil }
        // "…theo Điều 12100.000 Đồng": where the fee's digits touch the deadline's, the split is a guess.
        if rest[rest.index(before: feeRange.lowerBound)].isNumber { return nil }
        let deadline = rest[..<feeRange.lowerBound].trimmingCharacters(in: .whitespaces)
        var feeText = ImportText.collapseSpaces(String(rest[feeRange]).trimmingCharacters(in: .whitespaces))
        feeText = feeSeparator.stringByReplacingMatches(in: feeText, range: NSRange(feeText.startIndex..., in: feeText), withTemplate: "; ")
        let description = rest[feeRange.upperBound...].trimmingCharacters(in: .whitespaces)
        guard !deadline.isEmpty, !ImportText.isPlaceholder(deadline) else { return nil }
        return ChannelRow(channel: channel, deadline: deadline, fee: feeText,
                          description: description.isEmpty || ImportText.isPlaceholder(description) ? nil : description)
    }

    static func channel(named name: String) -> SubmissionChannel? {
        let folded = TextFolding.fold(name)
        if folded.hasPrefix("truc tiep") { return .inPerson }
        if folded.hasPrefix("truc tuyen") { return .online }
        if folded.contains("buu chinh") { return .post }
        return nil
    }

    /// `3 Ngày làm việc` → (3, ngay_lam_viec); nil for anything that is not exactly a number and a unit.
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
        let distinct = Set(rows.map { TextFolding.fold($0.deadline) })
        return distinct.count == 1 ? rows.first?.deadline : nil
    }
}
