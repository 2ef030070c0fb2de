import Foundation

/// The national portal's page furniture: labels, drop-down prompts and buttons of the procedure
/// page that a crawler copies into the record's last field. It is a fixed vocabulary, not
/// content, so a tail made only of these strings is removed (and counted, not warned about).
enum PortalFurniture {
    /// The labels and prompts as the portal writes them, longest first so that a label that
    /// contains another one is taken whole.
    static let phrases: [String] = [
        "Hệ thống chỉ hiển thị những cơ quan đã áp dụng dịch vụ công trực tuyến",
        "Chọn cơ quan thực hiện", "Tỉnh/ Thành phố", "Tỉnh/Thành phố", "Phường/ Xã", "Phường/Xã",
        "Quận/ Huyện", "Quận/Huyện", "Không có thông tin", "Nộp hồ sơ", "Bộ ngành", "Đơn vị", "Sở",
    ].sorted { $0.count > $1.count }
    /// `-- Chọn Tỉnh/ Thành phố --`, `-- Chọn Cơ sở --`: the select boxes' empty choice.
    static let prompt = try! NSRegularExpression(pattern: #"^-{1,3}\s*Chọn[^-]{0,60}-{1,3}"#)

    /// How many furniture strings `text` is made of, or nil when something else is in it.
    static func count(_ text: Substring) -> Int? {
        var rest = text
        var count = 0
        while true {
            rest = rest.drop { $0.isWhitespace || $0 == ":" }
            if rest.isEmpty { return count }
            if let phrase = phrases.first(where: { rest.hasPrefix($0) }) {
                rest = rest.dropFirst(phrase.count)
            } else if rest.first == "-", case let restText = String(rest.prefix(80)),
                      let match = prompt.firstMatch(in: restText, range: NSRange(restText.startIndex..., in: restText)),
                      let range = Range(match.range, in: restText) {
                rest = rest.dropFirst(restText[range].count)
            } else {
                return nil
            }
            count += 1
        }
    }

    /// Where the furniture that ends `text` starts: the first place from which the rest is all
    /// furniture and begins with one of the page's own labels ("Chọn cơ quan thực hiện", …).
    static func tailStart(_ text: String) -> (String.Index, Int)? {
        let starts = ["Chọn cơ quan thực hiện", "Hệ thống chỉ hiển thị", "Nộp hồ sơ"]
        // Only where one of the page's own labels begins, earliest first.
        var candidates: [String.Index] = []
        for start in starts {
            var from = text.startIndex
            while let found = text.range(of: start, range: from..<text.endIndex) {
                candidates.append(found.lowerBound)
                from = found.upperBound
            }
        }
        for index in candidates.sorted() {
            if let count = count(text[index...]) { return (index, count) }
        }
        return nil
    }
}
