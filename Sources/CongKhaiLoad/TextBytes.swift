import Foundation

/// What the first bytes of an editor's file say about its encoding. Every reader of text files
/// (content, budget tables, imported CSV and JSON) asks here, so a file one of them accepts as
/// UTF-8 or refuses as UTF-16 the others treat the same way.
public enum TextBytes {
    /// The UTF-8 byte order mark that Notepad and Excel ("CSV UTF-8") write at the start.
    public static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The bytes after a UTF-8 byte order mark, or all of them when there is none.
    public static func droppingBOM(_ data: Data) -> Data {
        // A copy, so the result is indexed from 0 like any other Data.
        data.starts(with: utf8BOM) ? Data(data.dropFirst(utf8BOM.count)) : data
    }

    /// The text after a byte order mark already decoded as U+FEFF.
    public static func droppingBOM(_ text: String) -> String {
        text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
    }

    /// UTF-16 ("Unicode" in Notepad, "Unicode Text" in Excel): with a byte order mark, or
    /// without one when every other byte of the first 4 KB is zero. The zeros must all fall on
    /// one side (high bytes of Latin letters) and be at least 30% of the pairs; a binary file has
    /// zeros on both sides and is reported as binary instead.
    public static func isUTF16(_ data: Data) -> Bool {
        data.withUnsafeBytes { isUTF16(UnsafeRawBufferPointer($0)) }
    }

    /// `isUTF16` over bytes already in memory: Data's iterator, byte by byte, was a percent of a build.
    static func isUTF16(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) { return true }
        let count = min(bytes.count, 4096)
        // Without a zero byte in the sample neither side has the zeros it takes.
        guard count >= 4, let base = bytes.baseAddress, memchr(base, 0, count) != nil else { return false }
        var zeros = (0, 0)
        var offset = 0
        while offset + 1 < count {
            if bytes[offset] == 0 { zeros.0 += 1 }
            if bytes[offset + 1] == 0 { zeros.1 += 1 }
            offset += 2
        }
        if offset < count, bytes[offset] == 0 { zeros.0 += 1 }
        let pairs = count / 2
        return (zeros.0 * 10 >= pairs * 3 && zeros.1 == 0) || (zeros.1 * 10 >= pairs * 3 && zeros.0 == 0)
    }
}
