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
        let hasNUL = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.baseAddress.map { memchr($0, 0, bytes.count) != nil } ?? false
        } ?? true
        if hasNUL { return text.utf8.firstRange(of: needle.utf8) != nil }
        return text.withCString { haystack in needle.withCString { strstr(haystack, $0) != nil } }
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
