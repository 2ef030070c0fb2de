#if canImport(Glibc)
import Glibc
#endif

extension StringProtocol {
    /// Whether the text holds `needle`, compared as UTF-8 bytes. With Foundation imported,
    /// `contains(_:)` and `range(of:)` go through CFStringFind (UTF-16 copies and character
    /// folding), and the standard library's generic `firstRange(of:)` is slower still: either
    /// was a tenth of a build's CPU in the scaffold-marker check and the table labels. For NFC
    /// text and a needle that starts and ends with an ASCII character (a tag, a marker) a byte
    /// match is a match of characters.
    public func containsBytes(_ needle: String) -> Bool {
        firstByteRange(of: needle) != nil
    }

    /// The first occurrence of `needle` at or after `from`, found as UTF-8 bytes (see `containsBytes`).
    public func firstByteRange(of needle: String, from: Index? = nil) -> Range<Index>? {
        let offset = utf8.distance(from: utf8.startIndex, to: from ?? startIndex)
        var pattern = needle
        let found: Int?? = pattern.withUTF8 { pattern in
            utf8.withContiguousStorageIfAvailable { ByteSearch.first(pattern, in: $0, from: offset) }
        }
        let position: Int?
        if let found {
            position = found
        } else {
            // Not contiguous (a string bridged from another encoding): its bytes copied once.
            var copy = String(self)
            position = copy.withUTF8 { bytes in pattern.withUTF8 { ByteSearch.first($0, in: bytes, from: offset) } }
        }
        guard let position else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: position)
        return lower..<utf8.index(lower, offsetBy: needle.utf8.count)
    }
}

enum ByteSearch {
    /// The offset of the first `pattern` in `haystack` at or after `offset`: memchr for its
    /// first byte, memcmp for the rest.
    static func first(_ pattern: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from offset: Int) -> Int? {
        let length = pattern.count
        guard length > 0 else { return offset }
        guard let base = haystack.baseAddress, let needle = pattern.baseAddress else { return nil }
        let last = haystack.count - length
        var start = offset
        while start <= last {
            guard let hit = memchr(base + start, Int32(needle[0]), last - start + 1) else { return nil }
            let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + index, needle, length) == 0 { return index }
            start = index + 1
        }
        return nil
    }
}
