import CongKhaiModel
import Foundation

/// A text file as the rest of the pipeline sees it: UTF-8, NFC, `\n` line ends, no BOM.
public struct SourceText: Sendable {
    public let path: String
    public let text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = Self.normalise(text)
    }

    /// The largest text file read. Pages, YAML and tables are a few kilobytes; anything bigger
    /// than this is a mistake (a scanned book saved as .md, a database dump as .csv), and reading
    /// it whole would hold the build's memory hostage, so it is reported with its size instead.
    public static let maximumBytes = 8 * 1024 * 1024

    /// Reads a file, reporting (instead of garbling) what is not UTF-8 text.
    public static func read(_ url: URL, displayPath: String, log: DiagnosticLog) -> SourceText? {
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.intValue ?? 0
        if size > maximumBytes {
            log.report(.error("file.too-large", at: SourceLocation(path: displayPath),
                              "Tệp văn bản nặng \(VietnameseFormat.megabytes(size)) MB, vượt giới hạn \(maximumBytes / 1_048_576) MB nên không được đọc.",
                              hint: "Chia nội dung thành nhiều tệp nhỏ; tài liệu dài hay bản quét thì đăng thành tệp đính kèm (.pdf)."))
            return nil
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            log.report(.error("file.unreadable", at: SourceLocation(path: displayPath),
                              "Không đọc được tệp.", hint: "Kiểm tra quyền đọc của tệp."))
            return nil
        }
        return decode(data, displayPath: displayPath, log: log)
    }

    public static func decode(_ data: Data, displayPath: String, log: DiagnosticLog) -> SourceText? {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) || looksLikeUTF16(data) {
            log.report(.error("file.utf16", at: SourceLocation(path: displayPath),
                              "Tệp được lưu theo mã UTF-16 (“Unicode”), không phải UTF-8.",
                              hint: resaveHint(displayPath)))
            return nil
        }
        if data.contains(0) {
            log.report(.error("file.binary", at: SourceLocation(path: displayPath),
                              "Tệp không phải văn bản (có vẻ là tệp nhị phân).",
                              hint: "Đặt tệp này ở dạng đính kèm (ví dụ .pdf, .docx) hoặc lưu lại dưới dạng văn bản."))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let line = firstInvalidLine(data)
            log.report(.error("file.encoding", at: SourceLocation(path: displayPath, line: line),
                              "Tệp không được lưu theo mã UTF-8 nên tiếng Việt sẽ bị lỗi phông.",
                              hint: "Mở tệp và lưu lại với mã hóa UTF-8 (không dùng TCVN3/VNI/Windows-1258)."))
            return nil
        }
        return SourceText(path: displayPath, text: text)
    }

    /// How to save the file again as UTF-8, in the program that most likely wrote it.
    static func resaveHint(_ path: String) -> String {
        path.lowercased().hasSuffix(".csv")
            ? "Mở tệp bằng Excel, chọn Tệp > Lưu thành (File > Save As), ở ô kiểu tệp chọn “CSV UTF-8 (Comma delimited)” rồi lưu."
            : "Mở tệp bằng Notepad, chọn Tệp > Lưu thành (File > Save As), ở ô Mã hóa (Encoding) chọn “UTF-8” rồi lưu."
    }

    /// UTF-16 saved without a byte order mark: every other byte of Latin text is zero, which
    /// would otherwise be mistaken for a binary file.
    static func looksLikeUTF16(_ data: Data) -> Bool {
        let sample = data.prefix(4096)
        guard sample.count >= 4 else { return false }
        var zeros = [0, 0]
        for (offset, byte) in sample.enumerated() where byte == 0 { zeros[offset % 2] += 1 }
        let pairs = sample.count / 2
        return (zeros[0] * 10 >= pairs * 3 && zeros[1] == 0) || (zeros[1] * 10 >= pairs * 3 && zeros[0] == 0)
    }

    static func normalise(_ text: String) -> String {
        var result = text
        if result.hasPrefix("\u{FEFF}") { result.removeFirst() }
        // By bytes: a CR followed by a combining mark is no "\r" to String.contains or
        // replacingOccurrences, yet still a line break to editors and to the CSV reader.
        if result.utf8.contains(UInt8(ascii: "\r")) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(result.utf8.count)
            var afterCR = false
            for byte in result.utf8 {
                if byte == UInt8(ascii: "\n"), afterCR { afterCR = false; continue }
                afterCR = byte == UInt8(ascii: "\r")
                bytes.append(afterCR ? UInt8(ascii: "\n") : byte)
            }
            result = String(decoding: bytes, as: UTF8.self)
        }
        return result.nfc
    }

    /// The first line that is not valid UTF-8, so an encoding error points somewhere useful.
    public static func firstInvalidLine(_ data: Data) -> Int {
        var line = 1
        var start = data.startIndex
        for index in data.indices where data[index] == 0x0A {
            if String(data: data[start..<index], encoding: .utf8) == nil { return line }
            line += 1
            start = data.index(after: index)
        }
        return line
    }
}

extension String {
    /// NFC and trimmed: how every piece of text from content enters the model.
    var cleaned: String {
        nfc.trimmingWhitespace()
    }
}
