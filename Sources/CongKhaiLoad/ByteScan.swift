#if canImport(Glibc)
import Glibc
#endif

/// Byte searches over a string's UTF-8 storage with the C library: the generic
/// `firstIndex(of:)` and `contains` of the standard library step through a view byte by byte,
/// which over every line of 10,000 files was about a percent of a build.
enum ByteScan {
    /// Whether `text` holds the bytes of `needle`: glibc's strstr, over the string's own
    /// NUL-terminated storage. Text with a NUL of its own (strstr would stop there) is searched
    /// by the standard library.
    static func contains(_ text: String, _ needle: String) -> Bool {
        contains(text, needle, notAfterDigit: false)
    }

    /// With `notAfterDigit`, only an occurrence that no ASCII digit precedes counts: `00/` that
    /// starts a value, not the end of `400/QĐ-UBND`.
    static func contains(_ text: String, _ needle: String, notAfterDigit: Bool) -> Bool {
        let hasNUL = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.baseAddress.map { memchr($0, 0, bytes.count) != nil } ?? false
        } ?? true
        if hasNUL {
            let bytes = Array(text.utf8)
            return bytes.ranges(of: Array(needle.utf8)).contains { !notAfterDigit || $0.lowerBound == 0 || !isDigit(bytes[$0.lowerBound - 1]) }
        }
        return text.withCString { haystack in
            needle.withCString { pattern in
                var from = haystack
                while let hit = strstr(from, pattern) {
                    if !notAfterDigit || hit == haystack || !isDigit(UInt8(bitPattern: hit[-1])) { return true }
                    from = UnsafePointer(hit + 1)
                }
                return false
            }
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// The first `byte` at or after `start` in `utf8`, or its end (memchr).
    static func next(_ byte: UInt8, in utf8: String.UTF8View, from start: String.Index) -> String.Index {
        let offset = utf8.distance(from: utf8.startIndex, to: start)
        let found: Int?? = utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard let base = bytes.baseAddress, offset < bytes.count,
                  let hit = memchr(base + offset, Int32(byte), bytes.count - offset) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
        guard let found else { return utf8[start...].firstIndex(of: byte) ?? utf8.endIndex }
        return found.map { utf8.index(utf8.startIndex, offsetBy: $0) } ?? utf8.endIndex
    }
}
