import Foundation

/// swift-argument-parser writes its errors and help in English; editors read Vietnamese. Its
/// texts are fixed strings around the names and values, so they are translated line by line
/// here (tested against the parser's real output in CLITextTests).
enum CLIText {
    /// `congkhai init`, `congkhai tao`: a word that is no command would otherwise reach
    /// `build` (the default command) as "Unexpected argument".
    static func unknownCommand(_ arguments: [String], known: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), !known.contains(first), first != "help" else { return nil }
        let start = ["init", "create", "tao", "tao-trang", "moi", "site"].contains(first.lowercased())
        let hint = start
            ? "Để tạo một trang mới: congkhai new site \"Xã Tân Phú\" --tinh \"Tỉnh Đồng Nai\""
            : "Các lệnh: \(known.joined(separator: ", ")). Xem `congkhai --help`."
        return "lỗi: Không có lệnh “\(first)”.\n    gợi ý: \(hint)"
    }

    /// The parser's message (error with usage, or help text) in Vietnamese.
    static func vietnamese(_ text: String) -> String {
        var out = plainLists(text)
        for (pattern, template) in patterns {
            out = out.replacingOccurrences(of: pattern, with: template, options: .regularExpression)
        }
        for (english, vietnamese) in phrases {
            out = out.replacingOccurrences(of: english, with: vietnamese)
        }
        return out
    }

    /// `'a', 'b' or 'c'` (values the parser lists) as `a, b, c`, before the other rules.
    private static func plainLists(_ text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        for index in lines.indices {
            let line = lines[index]
            if let range = line.range(of: "Please provide one of '"), line.hasSuffix("'.") {
                let list = line[line.index(before: range.upperBound)..<line.index(before: line.endIndex)]
                let plain = list.replacingOccurrences(of: "' and '", with: ", ").replacingOccurrences(of: "' or '", with: ", ")
                    .replacingOccurrences(of: "'", with: "")
                lines[index] = line[..<range.lowerBound] + "Chọn một trong: " + plain + "."
            } else if let range = line.range(of: " unexpected arguments: '"), line.hasSuffix("'") {
                let list = line[line.index(before: range.upperBound)...]
                lines[index] = line[..<range.upperBound].dropLast() + "“" + list.dropFirst().dropLast().replacingOccurrences(of: "', '", with: "”, “") + "”"
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Whole messages with names and values in them (regular expressions, applied first).
    private static let patterns: [(String, String)] = [
        (#"Error: "#, "lỗi: "),
        (#"Unexpected argument '([^']*)'"#, "Thừa tham số “$1”."),
        (#"(\d+) unexpected arguments: ([^\n]*)"#, "Thừa $1 tham số: $2."),
        (#"Missing expected argument '([^']*)'"#, "Thiếu tham số $1."),
        (#"Missing one of: '([^\n]*)'"#, "Thiếu một trong các tham số: $1."),
        (#"Unknown option '([^']*)'. Did you mean '([^']*)'\?"#, "Không có tùy chọn “$1”. Có phải ý bạn là “$2”?"),
        (#"Unknown option '([^']*)'"#, "Không có tùy chọn “$1”."),
        (#"Missing value for '([^']*)'"#, "Tùy chọn $1 cần một giá trị."),
        (#"The option '([^']*)' does not take any value, but '([^']*)' was specified."#, "Tùy chọn $1 không nhận giá trị, nhưng đang có “$2”."),
        (#"The value '([^']*)' is invalid for '([^']*)'. Please provide one of the following:"#, "Giá trị “$1” không hợp lệ cho $2. Chọn một trong:"),
        (#"The value '([^']*)' is invalid for '([^']*)'"#, "Giá trị “$1” không hợp lệ cho $2"),
        (#"Value to be set with ([^\n]*) had already been set with ([^\n]*)"#, "Giá trị ở $1 đã được đặt ở $2."),
        (#"  See '([^']*)' for more information."#, "  Xem `$1` để biết thêm."),
        (#"See '([^']*) <subcommand>' for detailed help."#, "Xem `$1 <lệnh>` để biết cách dùng từng lệnh."),
        // The help screen wraps lines anywhere, so words are separated by any white space.
        (#"\(values:(\s+)([^;)]*);(\s+)default:(\s+)([^)]*)\)"#, "(một trong:$1$2;$3mặc định:$4$5)"),
        (#"\(values:(\s+)([^)]*)\)"#, "(một trong:$1$2)"),
        (#"\(default:(\s+)([^)]*)\)"#, "(mặc định:$1$2)"),
        (#"Invalid option: ([^\n]*)"#, "Tùy chọn không hợp lệ: $1"),
    ]

    /// Fixed words of the help screens.
    private static let phrases: [(String, String)] = [
        ("OVERVIEW: ", "TÓM TẮT: "),
        ("USAGE: ", "CÁCH DÙNG: "),
        ("Usage: ", "Cách dùng: "),
        ("Help:  ", "Trợ giúp:  "),
        ("ARGUMENTS:\n", "THAM SỐ:\n"),
        ("OPTIONS:\n", "TÙY CHỌN:\n"),
        ("SUBCOMMANDS:\n", "CÁC LỆNH:\n"),
        ("Show help information.", "Xem hướng dẫn này."),
        ("Show the version.", "Xem phiên bản."),
        ("Show subcommand help information.", "Xem hướng dẫn của một lệnh."),
        ("Missing required subcommand.", "Thiếu lệnh con."),
        (" (default)", " (mặc định)"),
        ("<options>", "<tùy chọn>"),
        ("<subcommand>", "<lệnh>"),
    ]
}
