import CongKhaiModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A text file as the rest of the pipeline sees it: UTF-8, NFC, `\n` line ends, no BOM.
public struct SourceText: Sendable {
    public let path: String
    public let text: String
    /// The bytes as read from the file (before decoding): the build record's hash of this input,
    /// so a build reads each content file once. nil for a text not read from a file.
    public private(set) var digest: SourceDigest?

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
        read(path: url.path, displayPath: displayPath, log: log)
    }

    public static func read(path: String, displayPath: String, log: DiagnosticLog) -> SourceText? {
        // open/fstat/read: FileManager's attribute dictionary and `contents(atPath:)` cost as much
        // as decoding the file.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        var info = stat()
        guard descriptor >= 0, fstat(descriptor, &info) == 0 else {
            if descriptor >= 0 { close(descriptor) }
            log.report(.error("file.unreadable", at: SourceLocation(path: displayPath),
                              "Không đọc được tệp.", hint: "Kiểm tra quyền đọc của tệp."))
            return nil
        }
        defer { close(descriptor) }
        let size = Int(info.st_size)
        if size > maximumBytes {
            log.report(.error("file.too-large", at: SourceLocation(path: displayPath),
                              "Tệp văn bản nặng \(VietnameseFormat.megabytes(size)) MB, vượt giới hạn \(maximumBytes / 1_048_576) MB nên không được đọc.",
                              hint: "Chia nội dung thành nhiều tệp nhỏ; tài liệu dài hay bản quét thì đăng thành tệp đính kèm (.pdf)."))
            return nil
        }
        // Up to the limit and one byte more, so a file that grew since fstat is still caught.
        var data = Data(count: min(max(size, 0), maximumBytes) + 1)
        let count = data.withUnsafeMutableBytes { buffer -> Int in
            var total = 0
            while total < buffer.count {
                let got = Glibc.read(descriptor, buffer.baseAddress! + total, buffer.count - total)
                if got < 0, errno == EINTR { continue }
                if got <= 0 { return got < 0 ? -1 : total }
                total += got
            }
            return total
        }
        guard count >= 0, count <= maximumBytes else {
            log.report(count < 0
                ? .error("file.unreadable", at: SourceLocation(path: displayPath), "Không đọc được tệp.", hint: "Kiểm tra quyền đọc của tệp.")
                : .error("file.too-large", at: SourceLocation(path: displayPath),
                         "Tệp văn bản nặng hơn giới hạn \(maximumBytes / 1_048_576) MB nên không được đọc.",
                         hint: "Chia nội dung thành nhiều tệp nhỏ; tài liệu dài hay bản quét thì đăng thành tệp đính kèm (.pdf)."))
            return nil
        }
        data.count = count
        var source = decode(data, displayPath: displayPath, log: log)
        source?.digest = SourceDigest(hash: data.withUnsafeBytes { XXHash64.hash($0) }, size: Int64(count))
        return source
    }

    public static func decode(_ data: Data, displayPath: String, log: DiagnosticLog) -> SourceText? {
        // One look at the bytes in memory answers what the text needs: Data's byte-by-byte
        // iterator, Foundation's decoder and String scans were most of the time here.
        let facts = data.withUnsafeBytes { ByteFacts($0) }
        if facts.isUTF16 {
            log.report(.error("file.utf16", at: SourceLocation(path: displayPath),
                              "Tệp được lưu theo mã UTF-16 (“Unicode”), không phải UTF-8.",
                              hint: resaveHint(displayPath)))
            return nil
        }
        if facts.hasZero {
            log.report(.error("file.binary", at: SourceLocation(path: displayPath),
                              "Tệp không phải văn bản (có vẻ là tệp nhị phân).",
                              hint: "Đặt tệp này ở dạng đính kèm (ví dụ .pdf, .docx) hoặc lưu lại dưới dạng văn bản."))
            return nil
        }
        let text = data.withUnsafeBytes { bytes in
            bytes.withMemoryRebound(to: UInt8.self) { String(validating: $0, as: UTF8.self) }
        }
        guard let decoded = text else {
            let line = firstInvalidLine(data)
            log.report(.error("file.encoding", at: SourceLocation(path: displayPath, line: line),
                              "Tệp không được lưu theo mã UTF-8 nên tiếng Việt sẽ bị lỗi phông.",
                              hint: "Mở tệp và lưu lại với mã hóa UTF-8 (không dùng TCVN3/VNI/Windows-1258)."))
            return nil
        }
        // Without a byte order mark or a CR, normalising is NFC alone.
        return SourceText(path: displayPath, normalised: facts.hasCR || facts.hasBOM ? normalise(decoded) : decoded.nfc)
    }

    private init(path: String, normalised: String) {
        self.path = path
        self.text = normalised
    }

    /// What `decode` needs to know of a file's bytes, each found with memchr or a bounded scan.
    struct ByteFacts {
        var isUTF16 = false
        var hasZero = false
        var hasCR = false
        var hasBOM = false

        init(_ bytes: UnsafeRawBufferPointer) {
            isUTF16 = TextBytes.isUTF16(bytes)
            guard let base = bytes.baseAddress, !isUTF16 else { return }
            hasZero = memchr(base, 0, bytes.count) != nil
            hasCR = memchr(base, 0x0D, bytes.count) != nil
            hasBOM = bytes.starts(with: TextBytes.utf8BOM)
        }
    }

    /// How to save the file again as UTF-8, in the program that most likely wrote it.
    static func resaveHint(_ path: String) -> String {
        path.lowercased().hasSuffix(".csv")
            ? "Mở tệp bằng Excel, chọn Tệp > Lưu thành (File > Save As), ở ô kiểu tệp chọn “CSV UTF-8 (Comma delimited)” rồi lưu."
            : "Mở tệp bằng Notepad, chọn Tệp > Lưu thành (File > Save As), ở ô Mã hóa (Encoding) chọn “UTF-8” rồi lưu."
    }

    static func normalise(_ text: String) -> String {
        var result = TextBytes.droppingBOM(text)
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
        let text = nfc
        // An ASCII letter, digit or sign at both ends (most values: codes, keys, dates) is no
        // white space to trim; the scalar-by-scalar trim is for the rest.
        if let first = text.utf8.first, let last = text.utf8.last, Self.isSolidASCII(first), Self.isSolidASCII(last) { return text }
        return text.trimmingWhitespace()
    }

    private static func isSolidASCII(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F
    }
}

/// A file's bytes as one read saw them: their xxHash64 and count.
public struct SourceDigest: Sendable, Equatable {
    public let hash: UInt64
    public let size: Int64

    public init(hash: UInt64, size: Int64) {
        self.hash = hash
        self.size = size
    }
}
